// The `geography:` section: named sites, the line of contact, the buffer zone, borders.
#include <fmt/format.h>

#include "io/section_loaders.hpp"

namespace guarantor::io {
namespace {

const std::vector<std::string>& site_kinds() {
  static const std::vector<std::string> kinds{"city", "capital", "port", "nuclear_plant", "airbase",
                                              "logistics_hub", "hq", "other"};
  return kinds;
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
  site.kind = map.string("kind", Need::required).value_or("other");
  const auto& kinds = site_kinds();
  if (std::find(kinds.begin(), kinds.end(), site.kind) == kinds.end()) {
    const std::string hint = did_you_mean(site.kind, kinds);
    ctx.error(map.node("kind"), map.key_path("kind"),
              fmt::format("'{}' is not one of: {}{}", site.kind, fmt::join(kinds, ", "),
                          hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint)));
  }
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
  return geography;
}

}  // namespace guarantor::io
