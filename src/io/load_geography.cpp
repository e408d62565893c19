// The `geography:` section: named sites, the line of contact, the buffer zone, borders, the theatre.
#include <fmt/format.h>

#include <cctype>

#include "io/section_loaders.hpp"

namespace guarantor::io {
namespace {

std::vector<std::string> site_kind_names() {
  std::vector<std::string> names;
  for (SiteKind kind : kAllSiteKinds) names.emplace_back(to_string(kind));
  return names;
}

std::optional<SiteKind> read_site_kind(ReadContext& ctx, MapReader& map) {
  const auto text = map.string("kind", Need::required);
  if (!text) return std::nullopt;
  if (auto kind = parse_site_kind(*text)) return kind;
  const auto names = site_kind_names();
  const std::string hint = did_you_mean(*text, names);
  ctx.error(map.node("kind"), map.key_path("kind"),
            fmt::format("'{}' is not one of: {}{}", *text, fmt::join(names, ", "),
                        hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint)));
  return std::nullopt;
}

Site read_site(ReadContext& ctx, const YAML::Node& node, const std::string& path) {
  MapReader map(ctx, node, path);
  Site site;
  site.where = ctx.at(node);
  if (!map.valid()) return site;
  site.id = map.string("id", Need::required).value_or("");
  if (!site.id.empty() && !valid_identifier(site.id)) {
    ctx.error(map.node("id"), map.key_path("id"), fmt::format("'{}' is not a valid id", site.id));
  }
  site.name = map.string("name", Need::required).value_or("");
  site.kind = read_site_kind(ctx, map).value_or(SiteKind::other);
  site.country = map.string("country", Need::required).value_or("");
  site.position.lat = map.number("lat", Need::required, Range{-90, 90}).value_or(0);
  site.position.lon = map.number("lon", Need::required, Range{-180, 180}).value_or(0);
  site.population = map.figure("population", Need::optional, Range{0, 1e8});
  site.hub_candidate = map.boolean("hub_candidate").value_or(false);
  site.provenance = map.provenance();
  if (!site.provenance.documented()) {
    ctx.error(node, path, "a site needs a 'source' for its coordinates or must be labelled 'assumption'");
  }
  return site;
}

// Orientation test for segment intersection in the lat/lon plane (adequate at these scales).
double cross(const LatLon& o, const LatLon& a, const LatLon& b) {
  return (a.lon - o.lon) * (b.lat - o.lat) - (a.lat - o.lat) * (b.lon - o.lon);
}

bool segments_cross(const LatLon& a, const LatLon& b, const LatLon& c, const LatLon& d) {
  const double d1 = cross(c, d, a), d2 = cross(c, d, b), d3 = cross(a, b, c), d4 = cross(a, b, d);
  return ((d1 > 0) != (d2 > 0)) && ((d3 > 0) != (d4 > 0)) && d1 != 0 && d2 != 0 && d3 != 0 && d4 != 0;
}

// Index of the first pair of non-adjacent edges of a closed polygon that cross, or -1.
int first_self_intersection(const std::vector<LatLon>& ring) {
  const std::size_t n = ring.size();
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = i + 2; j < n; ++j) {
      if (i == 0 && j == n - 1) continue;  // the closing edge touches the first
      if (segments_cross(ring[i], ring[(i + 1) % n], ring[j], ring[(j + 1) % n])) return static_cast<int>(i);
    }
  }
  return -1;
}

GeoPath read_path(ReadContext& ctx, const YAML::Node& node, const std::string& path, std::size_t min_points,
                  bool polygon) {
  MapReader map(ctx, node, path);
  GeoPath result;
  result.where = ctx.at(node);
  if (!map.valid()) return result;
  if (auto points = map.lat_lon_list("points", Need::required)) result.points = *points;
  result.approximate = map.boolean("approximate").value_or(true);
  result.provenance = map.provenance();
  if (!result.provenance.documented()) ctx.error(node, path, "needs a 'source' or must be labelled 'assumption'");
  if (polygon && result.points.size() > 3 &&
      result.points.front().lat == result.points.back().lat && result.points.front().lon == result.points.back().lon) {
    result.points.pop_back();  // accept explicitly closed rings
  }
  if (map.has("points") && result.points.size() < min_points) {
    ctx.error(map.node("points"), path + ".points",
              fmt::format("needs at least {} points, found {}", min_points, result.points.size()));
  } else if (polygon) {
    const int edge = first_self_intersection(result.points);
    if (edge >= 0) {
      ctx.error(map.node("points"), path + ".points",
                fmt::format("the polygon intersects itself (edge starting at point {} crosses a later edge)", edge));
    }
  }
  return result;
}

// An ISO 3166-1 alpha-2 code as the reference geography spells it: two capital letters.
bool valid_country_code(const std::string& code) {
  return code.size() == 2 && std::isupper(static_cast<unsigned char>(code[0])) && std::isupper(static_cast<unsigned char>(code[1]));
}

void check_country_code(ReadContext& ctx, const YAML::Node& node, const std::string& key, const std::string& code) {
  if (!valid_country_code(code)) {
    ctx.error(node, key, fmt::format("'{}' is not an ISO 3166-1 alpha-2 code (two capital letters, e.g. UA)", code));
  }
}

// map_extent: [south, west, north, east] in degrees, with south < north and west < east.
std::optional<MapExtent> read_map_extent(ReadContext& ctx, MapReader& map) {
  const YAML::Node node = map.node("map_extent");
  if (!node.IsDefined() || node.IsNull()) return std::nullopt;
  const std::string key = map.key_path("map_extent");
  if (!node.IsSequence() || node.size() != 4) {
    ctx.error(node, key, fmt::format("expected [south, west, north, east] (4 numbers), found {}",
                                     node.IsSequence() ? fmt::format("{} numbers", node.size()) : describe_type(node)));
    return std::nullopt;
  }
  const Range latitude{-90, 90}, longitude{-180, 180};
  const auto south = read_number(ctx, node[0], key + ".south", latitude);
  const auto west = read_number(ctx, node[1], key + ".west", longitude);
  const auto north = read_number(ctx, node[2], key + ".north", latitude);
  const auto east = read_number(ctx, node[3], key + ".east", longitude);
  if (!south || !west || !north || !east) return std::nullopt;
  bool ok = true;
  if (*south >= *north) {
    ctx.error(node, key, fmt::format("south ({}) must be less than north ({})", *south, *north));
    ok = false;
  }
  if (*west >= *east) {
    ctx.error(node, key, fmt::format("west ({}) must be less than east ({})", *west, *east));
    ok = false;
  }
  if (!ok) return std::nullopt;
  return MapExtent{*south, *west, *north, *east};
}

Theatre read_theatre(ReadContext& ctx, const YAML::Node& node) {
  const std::string path = "geography.theatre";
  MapReader map(ctx, node, path);
  Theatre theatre;
  theatre.where = ctx.at(node);
  theatre.from_scenario = true;
  if (!map.valid()) return theatre;
  theatre.host_country = map.string("host_country", Need::required).value_or("");
  if (map.has("host_country")) check_country_code(ctx, map.node("host_country"), map.key_path("host_country"), theatre.host_country);
  theatre.adversary_countries = map.string_list("adversary_countries");
  for (std::size_t i = 0; i < theatre.adversary_countries.size(); ++i) {
    const std::string& code = theatre.adversary_countries[i];
    const std::string key = fmt::format("{}[{}]", map.key_path("adversary_countries"), i);
    check_country_code(ctx, map.node("adversary_countries")[i], key, code);
    if (code == theatre.host_country) ctx.error(map.node("adversary_countries")[i], key, fmt::format("'{}' is the host country", code));
  }
  theatre.map_extent = read_map_extent(ctx, map);
  theatre.controlled_population = map.figure("controlled_population", Need::optional, Range{0, 1e10});
  theatre.provenance = map.provenance();
  if (!theatre.provenance.documented()) ctx.error(node, path, "needs a 'source' or must be labelled 'assumption'");
  return theatre;
}

// The rule for a scenario without geography.theatre (docs/user/scenario-format.md#theatre).
Theatre derived_theatre(const Geography& geography) {
  Theatre theatre;
  for (const auto& site : geography.sites) {
    if (site.kind == SiteKind::capital) {
      theatre.host_country = site.country;
      break;
    }
  }
  for (const auto& [code, border] : geography.borders) theatre.adversary_countries.push_back(code);
  theatre.provenance.assumption = true;
  theatre.provenance.note = "derived: host = country of the capital site, adversaries = the countries under geography.borders";
  return theatre;
}

}  // namespace

Geography load_geography(ReadContext& ctx, const YAML::Node& node) {
  Geography geography;
  if (!node.IsDefined() || node.IsNull()) return geography;
  MapReader map(ctx, node, "geography");
  if (!map.valid()) return geography;
  geography.sites = load_list<Site>(ctx, map.node("sites"), "geography.sites", read_site, [](const Site& s) { return s.id; });
  const YAML::Node line = map.node("line_of_contact");
  if (line.IsDefined()) geography.line_of_contact = read_path(ctx, line, "geography.line_of_contact", 2, false);
  const YAML::Node buffer = map.node("buffer_zone");
  if (buffer.IsDefined() && !buffer.IsNull())
    geography.buffer_zone = read_path(ctx, buffer, "geography.buffer_zone", 3, true);
  const YAML::Node borders = map.node("borders");
  if (borders.IsDefined() && !borders.IsNull()) {
    MapReader border_map(ctx, borders, "geography.borders");
    if (border_map.valid()) {
      for (const auto& item : borders) {
        const std::string code = item.first.Scalar();
        geography.borders[code] = read_path(ctx, border_map.node(code), "geography.borders." + code, 2, false);
      }
    }
  }
  const YAML::Node theatre = map.node("theatre");
  geography.theatre = theatre.IsDefined() && !theatre.IsNull() ? read_theatre(ctx, theatre) : derived_theatre(geography);
  return geography;
}

}  // namespace guarantor::io
