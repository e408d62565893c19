// The laydown stage: grid, occupied side, hub siting, coverage layers, reaction times, corridor.
#include "guarantor/geo/laydown.hpp"

#include <fmt/format.h>

#include <GeographicLib/Geocentric.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <memory>
#include <initializer_list>
#include <numeric>
#include <optional>

#include "guarantor/core/numeric.hpp"
#include "guarantor/geo/siting.hpp"

namespace guarantor::geo {
namespace {

constexpr double kKmPerNauticalMile = 1.852;
// Rounded length of a degree of latitude: only sets the step at which the line is rasterised.
constexpr double kKmPerDegreeLatitude = 111.0;
// The line is rasterised at a quarter of a cell so that it leaves no diagonal gap in the barrier.
constexpr double kLineStepsPerCell = 4.0;
// A coastal point just off the 1:50m outline still finds its cell up to this many cells away.
constexpr int kCoastalSearchCells = 3;
// Hubs to open when neither the settings nor the reassurance component's `hubs` driver say
// (assumption, documented with LaydownSettings::hubs).
constexpr int kDefaultHubs = 4;
// Besides critical sites and hubs, the largest places of the host country are candidate positions
// for air-defence fire units (assumption: enough to cover every city worth defending).
constexpr std::size_t kAirDefencePlaceCandidates = 40;
// At equal gain the greedy siting prefers a site without a unit yet; far below any real gain (people).
constexpr double kReuseTieBreak = 1e-9;
// Adversary outlines from the reference geography are clipped to the host country's bounding box
// widened by this much, degrees: a shared border lies inside it, and the far side of a large
// country (Russia reaches the Pacific) stays out of the nearest-vertex search.
constexpr double kBorderSearchMarginDeg = 1.0;
// A derived map extent frames the host country, the line and the corridor with this margin, degrees.
constexpr double kDerivedExtentMarginDeg = 0.5;

// Earth-centred coordinates of p on the WGS84 ellipsoid, metres.
void earth_centred(const LatLon& p, double xyz[3]) {
  GeographicLib::Geocentric::WGS84().Forward(p.lat, p.lon, 0.0, xyz[0], xyz[1], xyz[2]);
}

bool contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

// Sites whose coverage the siting weighs and the layers report.
bool is_critical(const Site& site) {
  switch (site.kind) {
    case SiteKind::capital:
    case SiteKind::nuclear_plant:
    case SiteKind::port:
    case SiteKind::logistics_hub: return true;
    default: return false;
  }
}

// A box that grows to hold points; empty until the first point.
struct BoundingBox {
  double south = 90, west = 180, north = -90, east = -180;
  void add(const LatLon& p) {
    south = std::min(south, p.lat), north = std::max(north, p.lat), west = std::min(west, p.lon), east = std::max(east, p.lon);
  }
  bool holds(const LatLon& p) const { return p.lat >= south && p.lat <= north && p.lon >= west && p.lon <= east; }
  BoundingBox widened(double margin_deg) const {
    return {std::max(-90.0, south - margin_deg), std::max(-180.0, west - margin_deg), std::min(90.0, north + margin_deg),
            std::min(180.0, east + margin_deg)};
  }
};

BoundingBox outline_box(const Country& country) {
  BoundingBox box;
  for (const auto& polygon : country.polygons)
    for (const auto& p : polygon.outer) box.add(p);
  return box;
}

// "Russia or Belarus": the adversaries by their names in the reference geography (else their codes).
std::string country_names(const WorldData& world, const std::vector<std::string>& codes, const char* conjunction) {
  std::string names;
  for (std::size_t i = 0; i < codes.size(); ++i) {
    const Country* country = world.find_country(codes[i]);
    if (i > 0) names += i + 1 == codes.size() ? fmt::format(" {} ", conjunction) : ", ";
    names += country && !country->name.empty() ? country->name : codes[i];
  }
  return names;
}

// Units in the package whose unit type provides one of `capabilities`, by unit type.
struct UnitCount {
  const UnitType* type = nullptr;
  int units = 0;
};
std::vector<UnitCount> units_with(const Scenario& s, const ForcePackage& package, const std::vector<std::string>& capabilities) {
  std::vector<UnitCount> counts;
  for (const auto& a : package.assignments) {
    const UnitType* type = s.find_unit_type(a.unit_type);
    if (!type || !contains(capabilities, type->capability) || a.units <= 0) continue;
    auto it = std::find_if(counts.begin(), counts.end(), [&](const UnitCount& c) { return c.type == type; });
    if (it == counts.end()) counts.push_back({type, a.units}); else it->units += a.units;
  }
  return counts;
}
int total_units(const std::vector<UnitCount>& counts) {
  int total = 0;
  for (const auto& c : counts) total += c.units;
  return total;
}

// Units in the package whose unit type provides one of `capabilities`, by unit type and component:
// where a unit may go depends on where its component is based.
struct UnitGroup {
  const UnitType* type = nullptr;
  const Component* component = nullptr;  // null when the assignment names no component of the scenario
  int units = 0;
  bool outside_host() const { return component && component->location == ComponentLocation::outside_ukraine; }
};
std::vector<UnitGroup> unit_groups(const Scenario& s, const ForcePackage& package, const std::vector<std::string>& capabilities) {
  std::vector<UnitGroup> groups;
  for (const auto& a : package.assignments) {
    const UnitType* type = s.find_unit_type(a.unit_type);
    if (!type || !contains(capabilities, type->capability) || a.units <= 0) continue;
    const Component* component = s.find_component(a.component);
    auto it = std::find_if(groups.begin(), groups.end(), [&](const UnitGroup& g) { return g.type == type && g.component == component; });
    if (it == groups.end()) groups.push_back({type, component, a.units}); else it->units += a.units;
  }
  return groups;
}

Layer make_layer(LayerKind kind, std::string description) {
  Layer layer;
  layer.kind = kind;
  layer.description = std::move(description);
  return layer;
}

// Positions a layer may put units at, with what the placements report about each.
struct Candidates {
  std::vector<LatLon> at;
  std::vector<std::string> names, ids, countries;
  void add(const LatLon& p, const std::string& name, const std::string& id, const std::string& country) {
    at.push_back(p), names.push_back(name), ids.push_back(id), countries.push_back(country);
  }
  bool empty() const { return at.empty(); }
};

// The site id of a candidate, else its place name: what a placement's `site` holds.
std::string site_or_name(const Candidates& c, std::size_t k) { return c.ids[k].empty() ? c.names[k] : c.ids[k]; }

// Sites of other countries than the host with one of `kinds`: where units of a component based
// outside the host go.
Candidates sites_abroad(const Scenario& s, const std::string& host, std::initializer_list<SiteKind> kinds) {
  Candidates c;
  for (const auto& site : s.geography.sites) {
    if (site.country.empty() || site.country == host) continue;
    if (std::find(kinds.begin(), kinds.end(), site.kind) != kinds.end()) c.add(site.position, site.name, site.id, site.country);
  }
  return c;
}

// Nearest distance from p to a set of polylines: every vertex by geodesic distance, then the
// segments next to the nearest vertex exactly.
double distance_to_polylines_km(const LatLon& p, const std::vector<std::vector<LatLon>>& lines) {
  double best = std::numeric_limits<double>::infinity();
  const std::vector<LatLon>* best_line = nullptr;
  std::size_t best_vertex = 0;
  for (const auto& line : lines) {
    for (std::size_t i = 0; i < line.size(); ++i) {
      const double d = distance_km(p, line[i]);
      if (d < best) best = d, best_line = &line, best_vertex = i;
    }
  }
  if (!best_line || best_line->size() < 2) return best;
  const std::size_t from = best_vertex == 0 ? 0 : best_vertex - 1;
  const std::size_t to = std::min(best_line->size() - 1, best_vertex + 1);
  const std::vector<LatLon> local(best_line->begin() + from, best_line->begin() + to + 1);
  return std::min(best, distance_to_polyline_km(p, local));
}

struct Demand {
  std::vector<LatLon> points;       // controlled places, then critical sites
  std::vector<double> weights;
  std::vector<double> population;   // 0 for sites
  std::vector<std::string> site_ids;  // "" for places
  std::vector<std::string> names;     // place or site names
};

class Laydown {
 public:
  explicit Laydown(const LaydownInput& input)
      : s_(*input.scenario), package_(*input.package), world_(*input.world), set_(s_.laydown), theatre_(s_.geography.theatre),
        full_(input.scope == LaydownScope::full) {}

  Expected<LaydownResult> run();

 private:
  Status build_grid();
  void collect_borders();
  MapExtent map_extent() const;
  void mark_occupied();
  void build_demand();
  void build_buffer_zone();
  Status site_hubs();
  Expected<TradeoffPoint> solve_siting(double min_distance_km, std::vector<int>* chosen_candidates);
  void add_layer(Layer layer);
  void air_defence_layers();
  void air_policing_layer();
  std::vector<const Site*> air_bases(bool abroad_only) const;
  void fly_air_policing(const std::vector<const Site*>& bases, int detachments, const UnitType* type, double combat_radius_km, Layer& layer);
  void place_orbits(const Candidates& candidates, const std::vector<const UnitType*>& units, double radius_km, LayerKind kind,
                    const char* what, Layer& layer);
  void aew_layer();
  void isr_layer();
  double line_km_per_team(const UnitGroup& g) const;
  void monitoring_teams_layer();
  void hub_reaction_layer();
  std::string country_at(const LatLon& p) const;
  void reaction_times();
  void corridor();
  std::vector<int> greedy_sites(const std::vector<LatLon>& candidates, const std::vector<double>& radii);
  std::int32_t cell_near(const LatLon& p) const;
  bool occupied_at(const LatLon& p) const;
  double distance_to_line_km(const LatLon& p);
  bool controlled_at(const LatLon& p) const;
  double hub_radius_km() const;
  int hubs_wanted() const;

  const Scenario& s_;
  const ForcePackage& package_;
  const WorldData& world_;
  const LaydownSettings& set_;
  const Theatre& theatre_;
  const bool full_;  // LaydownScope::full: every product; else the population coverage only
  const Country* host_ = nullptr;  // the host country's outline in the reference geography
  LaydownResult result_;
  Grid grid_;
  std::vector<std::uint8_t> occupied_;     // per cell
  std::vector<std::uint8_t> buffer_cell_;  // per cell
  std::unique_ptr<PointIndex> cells_;
  Demand demand_;
  std::unique_ptr<PointIndex> demand_index_;
  std::vector<const Site*> critical_;
  std::vector<std::vector<LatLon>> borders_;
  struct Siting {
    std::vector<int> eligible;  // indices into result_.hub_candidates
    TradeoffPoint point;
    std::vector<int> chosen;    // indices into result_.hub_candidates
  };
  std::vector<Siting> sitings_;  // the covering problems solved so far
  std::optional<PolylineDistance> line_distance_;   // to the line of contact
  std::vector<std::pair<LatLon, double>> to_line_;  // distance_to_line_km's answers
};

Status Laydown::build_grid() {
  if (theatre_.host_country.empty()) {
    return Status::invalid_input(
        "the scenario names no host country: set geography.theatre.host_country (or give a site of kind capital)");
  }
  host_ = world_.find_country(theatre_.host_country);
  if (!host_) {
    return Status::invalid_input(
        fmt::format("the reference geography has no outline of the host country (iso_a2 {})", theatre_.host_country));
  }
  std::vector<Ring> rings;
  for (const auto& polygon : host_->polygons) {
    rings.push_back(polygon.outer);
    for (const auto& hole : polygon.holes) rings.push_back(hole);
  }
  grid_ = make_grid(rings, set_.grid_resolution_km);
  if (grid_.size() == 0) return Status::invalid_input(fmt::format("the outline of {} gives an empty grid", host_->name));
  if (full_) cells_ = std::make_unique<PointIndex>(grid_.centres);  // the layers' areas and the buffer zone
  result_.host_name = host_->name;
  result_.grid_cells = grid_.size();
  result_.grid_dlat_deg = grid_.dlat_deg;
  return Status::ok();
}

// Borders with the adversaries: the scenario's, else the adversaries' outlines near the host.
void Laydown::collect_borders() {
  const auto& adversaries = theatre_.adversary_countries;
  for (const auto& [code, path] : s_.geography.borders) {
    if (contains(adversaries, code)) borders_.push_back(path.points);
  }
  if (!borders_.empty() || adversaries.empty()) return;
  const BoundingBox near_host = outline_box(*host_).widened(kBorderSearchMarginDeg);
  for (const auto& code : adversaries) {
    const Country* country = world_.find_country(code);
    if (!country) continue;
    for (const auto& polygon : country->polygons) {
      std::vector<LatLon> near;
      for (const auto& p : polygon.outer) {
        if (near_host.holds(p)) near.push_back(p);
      }
      if (!near.empty()) borders_.push_back(near);
    }
  }
  result_.notes.push_back(fmt::format("Distances to the borders of {} use the reference outlines (the scenario gives no borders).",
                                      country_names(world_, adversaries, "and")));
}

// The theatre's map extent, else the host country's outline, the line and the corridor with a margin.
MapExtent Laydown::map_extent() const {
  if (theatre_.map_extent) return *theatre_.map_extent;
  BoundingBox box = outline_box(*host_);
  for (const auto& p : result_.line) box.add(p);
  for (const auto& p : result_.corridor.waypoints) box.add(p);
  const BoundingBox framed = box.widened(kDerivedExtentMarginDeg);
  return {framed.south, framed.west, framed.north, framed.east};
}

// Cells cut off from the capital by the line of contact (extended at both ends so that it closes
// against the border and the coast) are on the occupied side. A 4-connected flood fill cannot
// cross an 8-connected barrier, so a line rasterised at a quarter of a cell holds.
void Laydown::mark_occupied() {
  occupied_.assign(grid_.size(), 0);
  std::vector<LatLon> line = s_.geography.line_of_contact.points;
  if (line.size() < 2) return;
  const double ext = set_.line_end_extension_km;
  const LatLon head = destination(line.front(), azimuth_deg(line[1], line.front()), ext);
  const LatLon tail = destination(line.back(), azimuth_deg(line[line.size() - 2], line.back()), ext);
  line.insert(line.begin(), head);
  line.push_back(tail);
  const std::size_t n = static_cast<std::size_t>(grid_.rows) * grid_.cols;
  std::vector<std::uint8_t> barrier(n, 0);
  for (const auto& p : densify(line, grid_.dlat_deg * kKmPerDegreeLatitude / kLineStepsPerCell)) {
    const int row = static_cast<int>(std::floor((p.lat - grid_.south) / grid_.dlat_deg));
    const int col = static_cast<int>(std::floor((p.lon - grid_.west) / grid_.dlon_deg));
    if (row >= 0 && row < grid_.rows && col >= 0 && col < grid_.cols) barrier[static_cast<std::size_t>(row) * grid_.cols + col] = 1;
  }
  // The reference: the capital when it is on the grid, else the westernmost cell.
  std::int32_t reference = -1;
  for (const auto& site : s_.geography.sites) {
    if (site.kind == SiteKind::capital && reference < 0) reference = grid_.cell_containing(site.position);
  }
  std::size_t start = 0;
  if (reference >= 0) {
    const LatLon& c = grid_.centres[reference];
    start = static_cast<std::size_t>(std::floor((c.lat - grid_.south) / grid_.dlat_deg)) * grid_.cols +
            static_cast<std::size_t>(std::floor((c.lon - grid_.west) / grid_.dlon_deg));
  } else {
    double west = 1e9;
    for (std::size_t i = 0; i < n; ++i) {
      if (grid_.cell_at[i] >= 0 && (i % grid_.cols) < west) west = static_cast<double>(i % grid_.cols), start = i;
    }
  }
  if (barrier[start]) return;
  // Two 4-connected floods from the reference in one pass over a copy of the grid with a border of
  // walls: first without crossing the barrier (the controlled side), then on from the barrier cells
  // that flood reached, crossing it (the rest of the land connected to the reference). Cells the
  // second flood reaches off the barrier are the occupied side: reachable over land, not without
  // crossing the line. Barrier cells on the line itself count as controlled; cells on islands
  // unreachable either way too.
  enum : std::uint8_t { kWall, kOpen, kLine, kControlled, kLineReached, kOccupied };
  const std::size_t width = static_cast<std::size_t>(grid_.cols) + 2;
  const auto padded = [&](std::size_t i) { return (i / grid_.cols + 1) * width + i % grid_.cols + 1; };
  std::vector<std::uint8_t> state((static_cast<std::size_t>(grid_.rows) + 2) * width, kWall);
  for (std::size_t row = 0, i = 0; row < static_cast<std::size_t>(grid_.rows); ++row) {
    std::uint8_t* out = &state[(row + 1) * width + 1];
    for (int col = 0; col < grid_.cols; ++col, ++i) {
      if (grid_.cell_at[i] >= 0) out[col] = barrier[i] ? kLine : kOpen;
    }
  }
  const std::ptrdiff_t steps[4] = {static_cast<std::ptrdiff_t>(width), -static_cast<std::ptrdiff_t>(width), 1, -1};
  std::vector<std::size_t> stack{padded(start)}, crossings;
  state[padded(start)] = kControlled;
  while (!stack.empty()) {
    const std::size_t at = stack.back();
    stack.pop_back();
    for (const std::ptrdiff_t step : steps) {
      const std::size_t next = at + step;
      if (state[next] == kOpen) state[next] = kControlled, stack.push_back(next);
      else if (state[next] == kLine) state[next] = kLineReached, crossings.push_back(next);
    }
  }
  stack = std::move(crossings);
  while (!stack.empty()) {
    const std::size_t at = stack.back();
    stack.pop_back();
    for (const std::ptrdiff_t step : steps) {
      const std::size_t next = at + step;
      if (state[next] == kOpen) state[next] = kOccupied, stack.push_back(next);
      else if (state[next] == kLine) state[next] = kLineReached, stack.push_back(next);
    }
  }
  for (std::size_t row = 0, i = 0; row < static_cast<std::size_t>(grid_.rows); ++row) {
    const std::uint8_t* in = &state[(row + 1) * width + 1];
    for (int col = 0; col < grid_.cols; ++col, ++i) {
      if (in[col] == kOccupied) occupied_[grid_.cell_at[i]] = 1;  // only cells are ever reached
    }
  }
  if (!full_) return;  // the spans are for the map
  for (int row = 0; row < grid_.rows; ++row) {
    int run_start = -1;
    for (int col = 0; col <= grid_.cols; ++col) {
      const std::int32_t cell = col < grid_.cols ? grid_.cell_at[static_cast<std::size_t>(row) * grid_.cols + col] : -1;
      const bool occ = cell >= 0 && occupied_[cell];
      if (occ && run_start < 0) run_start = col;
      if (!occ && run_start >= 0) {
        const double lat = grid_.south + (row + 0.5) * grid_.dlat_deg;
        result_.occupied_spans.push_back({{lat, grid_.west + run_start * grid_.dlon_deg}, {lat, grid_.west + col * grid_.dlon_deg}});
        run_start = -1;
      }
    }
  }
}

// The grid cell of p, looking a few cells around for coastal points just off the 1:50m outline;
// -1 when p is not in the host country's outline (abroad, or, for Ukraine, in Crimea, which
// Natural Earth 4.1 draws as Russian).
std::int32_t Laydown::cell_near(const LatLon& p) const {
  std::int32_t cell = grid_.cell_containing(p);
  for (int ring = 1; cell < 0 && ring <= kCoastalSearchCells; ++ring) {
    for (int dr = -ring; dr <= ring && cell < 0; ++dr)
      for (int dc = -ring; dc <= ring && cell < 0; ++dc)
        cell = grid_.cell_containing({p.lat + dr * grid_.dlat_deg, p.lon + dc * grid_.dlon_deg});
  }
  return cell;
}

// distance_to_polyline_km to the line of contact (the same number), each point measured once (hub candidates are
// often air-defence candidates too).
double Laydown::distance_to_line_km(const LatLon& p) {
  for (const auto& [at, km] : to_line_) {
    if (at.lat == p.lat && at.lon == p.lon) return km;
  }
  if (!line_distance_) line_distance_.emplace(s_.geography.line_of_contact.points);
  const double km = line_distance_->km(p);
  to_line_.push_back({p, km});
  return km;
}

bool Laydown::occupied_at(const LatLon& p) const {
  const std::int32_t cell = cell_near(p);
  return cell >= 0 && occupied_[cell];
}

bool Laydown::controlled_at(const LatLon& p) const {
  const std::int32_t cell = cell_near(p);
  return cell >= 0 && !occupied_[cell];
}

// The ISO code of the country at p: the host on its grid, else the reference outline holding p.
std::string Laydown::country_at(const LatLon& p) const {
  if (cell_near(p) >= 0) return theatre_.host_country;
  for (const auto& country : world_.countries) {
    for (const auto& polygon : country.polygons) {
      if (!inside(polygon.outer, p)) continue;
      if (std::none_of(polygon.holes.begin(), polygon.holes.end(), [&](const Ring& hole) { return inside(hole, p); })) return country.code;
    }
  }
  return "";
}

void Laydown::build_demand() {
  for (const auto& place : world_.places) {
    if (place.country != theatre_.host_country || !controlled_at(place.position)) continue;
    demand_.points.push_back(place.position);
    demand_.weights.push_back(place.population);
    demand_.population.push_back(place.population);
    demand_.site_ids.emplace_back();
    demand_.names.push_back(place.name);
    result_.controlled_population += place.population;
  }
  for (const auto& site : s_.geography.sites) {
    if (!is_critical(site) || (!site.country.empty() && site.country != theatre_.host_country)) continue;
    critical_.push_back(&site);
    if (!controlled_at(site.position)) continue;  // a site behind the line is reported, not sited for
    demand_.points.push_back(site.position);
    demand_.weights.push_back(set_.critical_site_weight);
    demand_.population.push_back(0);
    demand_.site_ids.push_back(site.id);
    demand_.names.push_back(site.name);
  }
  demand_index_ = std::make_unique<PointIndex>(demand_.points);
  for (int row = 0; row < grid_.rows; ++row) {  // cell by cell in order, as cell_area_km2 gives
    const double area = grid_.row_area_km2[row];
    for (std::size_t i = grid_.row_first[row]; i < grid_.row_first[row + 1]; ++i) {
      if (occupied_[i]) result_.occupied_area_km2 += area; else result_.controlled_area_km2 += area;
    }
  }
}

void Laydown::build_buffer_zone() {
  buffer_cell_.assign(grid_.size(), 0);
  result_.buffer_zone_enabled = std::any_of(s_.components.begin(), s_.components.end(), [](const Component& c) {
    return c.kind == ComponentKind::buffer_zone && c.enabled;
  });
  const auto& line = s_.geography.line_of_contact.points;
  if (s_.geography.buffer_zone && s_.geography.buffer_zone->points.size() >= 3) {
    result_.buffer_zone = s_.geography.buffer_zone->points;
    result_.buffer_zone_from_scenario = true;
    BoundingBox box;
    for (const auto& p : result_.buffer_zone) box.add(p);
    // inside() for each cell in the box, a row of cells (one latitude) at a time.
    std::vector<double> crossings;
    for (std::size_t i = 0; i < grid_.size(); ++i) {
      const LatLon& c = grid_.centres[i];
      if (!box.holds(c)) continue;
      if (i == 0 || c.lat != grid_.centres[i - 1].lat || !box.holds(grid_.centres[i - 1])) crossings = crossings_at(result_.buffer_zone, c.lat);
      if (inside_of_crossings(crossings, c.lon)) buffer_cell_[i] = 1;
    }
    return;
  }
  if (line.size() < 2) return;
  result_.buffer_zone = polyline_buffer(line, set_.buffer_half_width_km);
  std::vector<Disc> discs;
  for (const auto& p : densify(line, std::min(1.0, set_.buffer_half_width_km / 2))) discs.push_back({p, set_.buffer_half_width_km});
  buffer_cell_ = cells_->covered(discs);
  result_.notes.push_back(fmt::format(
      "The scenario draws no buffer zone: the zone is taken as the land within {} km of the line (GCSP toolkit).",
      set_.buffer_half_width_km));
}

double Laydown::hub_radius_km() const {
  const double minutes = std::max(0.0, set_.reaction_time_target_minutes - set_.notice_to_move_minutes);
  return minutes / 60.0 * set_.reaction_speed_kmh / set_.road_factor;
}

int Laydown::hubs_wanted() const {
  if (set_.hubs > 0) return set_.hubs;
  for (const auto& c : s_.components) {
    if (c.kind != ComponentKind::reassurance_land || !c.enabled) continue;
    auto it = c.drivers.find("hubs");
    if (it != c.drivers.end() && it->second.known()) return std::max(1, static_cast<int>(std::lround(*it->second.value)));
  }
  return kDefaultHubs;
}

Expected<TradeoffPoint> Laydown::solve_siting(double min_distance_km, std::vector<int>* chosen_candidates) {
  TradeoffPoint point;
  point.min_distance_km = min_distance_km;
  std::vector<int> eligible;  // indices into result_.hub_candidates
  for (std::size_t j = 0; j < result_.hub_candidates.size(); ++j) {
    const Hub& c = result_.hub_candidates[j];
    if (c.distance_to_line_km >= min_distance_km && c.distance_to_border_km >= set_.min_distance_to_border_km) {
      eligible.push_back(static_cast<int>(j));
    }
  }
  point.candidates = static_cast<int>(eligible.size());
  // The same eligible candidates make the same covering problem, whatever the distance that
  // selected them: its solution is reused rather than solved again.
  for (const auto& solved : sitings_) {
    if (solved.eligible != eligible) continue;
    TradeoffPoint again = solved.point;
    again.min_distance_km = min_distance_km;
    if (chosen_candidates) chosen_candidates->insert(chosen_candidates->end(), solved.chosen.begin(), solved.chosen.end());
    return again;
  }
  CoveringProblem problem;
  problem.weights = demand_.weights;
  problem.covered_by.assign(demand_.points.size(), {});
  problem.candidates = static_cast<int>(eligible.size());
  problem.facilities = hubs_wanted();
  const double radius = hub_radius_km();
  for (std::size_t k = 0; k < eligible.size(); ++k) {
    const Disc disc{result_.hub_candidates[eligible[k]].position, radius};
    demand_index_->for_each_in(disc, [&](std::size_t i) { problem.covered_by[i].push_back(static_cast<int>(k)); });
  }
  const auto solved = solve_max_covering(problem);
  if (!solved) return solved.status();
  const CoveringSolution& solution = *solved;
  point.optimal = solution.optimal;
  point.hubs = static_cast<int>(solution.chosen.size());
  point.coverage_share = solution.total_weight > 0 ? solution.covered_weight / solution.total_weight : 0;
  std::vector<std::uint8_t> open(eligible.size(), 0);
  for (int k : solution.chosen) {
    open[k] = 1;
    point.chosen.push_back(result_.hub_candidates[eligible[k]].site_id);
    if (chosen_candidates) chosen_candidates->push_back(eligible[k]);
  }
  double people = 0;
  for (std::size_t i = 0; i < demand_.points.size(); ++i) {
    if (std::any_of(problem.covered_by[i].begin(), problem.covered_by[i].end(), [&](int k) { return open[k] != 0; })) {
      people += demand_.population[i];
    }
  }
  point.population_share = result_.controlled_population > 0 ? people / result_.controlled_population : 0;
  std::vector<int> chosen;
  for (int k : solution.chosen) chosen.push_back(eligible[k]);
  sitings_.push_back({std::move(eligible), point, std::move(chosen)});
  return point;
}

Status Laydown::site_hubs() {
  for (const auto& site : s_.geography.sites) {
    if (!site.hub_candidate) continue;
    Hub hub{site.id, site.name, site.position, distance_to_line_km(site.position),
            borders_.empty() ? std::numeric_limits<double>::infinity() : distance_to_polylines_km(site.position, borders_)};
    if (!controlled_at(site.position)) {
      result_.rejected_candidates.push_back(site.id + (cell_near(site.position) < 0 ? ": outside the outline of " + host_->name
                                                                                    : ": on the occupied side of the line"));
      continue;
    }
    if (hub.distance_to_line_km < set_.min_distance_to_line_km) {
      result_.rejected_candidates.push_back(fmt::format("{}: {:.0f} km from the line (minimum {:.0f})", site.id,
                                                        hub.distance_to_line_km, set_.min_distance_to_line_km));
    } else if (hub.distance_to_border_km < set_.min_distance_to_border_km) {
      result_.rejected_candidates.push_back(fmt::format("{}: {:.0f} km from the border of {} (minimum {:.0f})", site.id,
                                                        hub.distance_to_border_km,
                                                        country_names(world_, theatre_.adversary_countries, "or"),
                                                        set_.min_distance_to_border_km));
    }
    result_.hub_candidates.push_back(hub);
  }
  std::vector<int> chosen;
  if (auto sited = solve_siting(set_.min_distance_to_line_km, &chosen); !sited) return sited.status();
  for (int j : chosen) result_.hubs.push_back(result_.hub_candidates[j]);
  for (double d : full_ ? set_.tradeoff_distances_km : std::vector<double>{}) {
    auto point = solve_siting(d, nullptr);
    if (!point) return point.status();
    result_.tradeoff.push_back(std::move(*point));
  }
  if (result_.hubs.empty()) result_.notes.push_back("No hub candidate meets the distance limits: no hubs are sited.");
  return Status::ok();
}

void Laydown::add_layer(Layer layer) {
  // A path is covered as discs along it a quarter radius apart: their union holds every point within
  // 0.99 radius of the path (sqrt(1 - 1/8^2)), so a stretch's band is undercounted by under 1% of its width.
  std::vector<Disc> discs;
  for (const auto& e : layer.emitters) {
    if (e.path.empty()) {
      discs.push_back({e.position, e.radius_km});
      continue;
    }
    for (const auto& p : densify(e.path, e.radius_km / 4)) discs.push_back({p, e.radius_km});
  }
  const auto places = demand_index_->covered(discs);
  for (std::size_t i = 0; i < places.size(); ++i) {
    if (places[i]) layer.population_covered += demand_.population[i];
  }
  layer.population_share = result_.controlled_population > 0 ? layer.population_covered / result_.controlled_population : 0;
  if (!full_) {
    result_.layers.push_back(std::move(layer));
    return;
  }
  // Whether distance_km(site, centre) <= radius for some disc. The straight-line distance between
  // the points in Earth-centred coordinates settles most pairs without the geodesic solver (as
  // PointIndex's bounds, coverage.hpp), here with a metre of slack on either side, far above
  // the rounding of either computation, so the answer is the solver's.
  constexpr double kSlackM = 1.0;
  std::vector<std::array<double, 3>> centres(discs.size());
  for (std::size_t k = 0; k < discs.size(); ++k) earth_centred(discs[k].centre, centres[k].data());
  for (const Site* site : critical_) {
    double at[3];
    earth_centred(site->position, at);
    bool hit = false;
    for (std::size_t k = 0; k < discs.size() && !hit; ++k) {
      const Disc& d = discs[k];
      const double dx = at[0] - centres[k][0], dy = at[1] - centres[k][1], dz = at[2] - centres[k][2];
      const double chord = std::sqrt(dx * dx + dy * dy + dz * dz);
      const double r_m = d.radius_km * 1000.0;
      if (chord > r_m + kSlackM) continue;  // a geodesic is never shorter than its chord
      const double chord_in = 2.0 * kMinCurvatureRadiusM * std::sin(std::min(r_m / (2.0 * kMinCurvatureRadiusM), 1.5));
      hit = chord <= chord_in - kSlackM || distance_km(site->position, d.centre) <= d.radius_km;
    }
    (hit ? layer.sites_covered : layer.sites_not_covered).push_back(site->id);
  }
  const auto cells = cells_->covered(discs);
  double buffer_area = 0, buffer_seen = 0;
  for (int row = 0; row < grid_.rows; ++row) {  // cell by cell in order, as cell_area_km2 gives
    const double area = grid_.row_area_km2[row];
    for (std::size_t i = grid_.row_first[row]; i < grid_.row_first[row + 1]; ++i) {
      if (cells[i] && !occupied_[i]) layer.area_covered_km2 += area;
      if (buffer_cell_[i]) {
        buffer_area += area;
        if (cells[i]) buffer_seen += area;
      }
    }
  }
  layer.area_share = result_.controlled_area_km2 > 0 ? layer.area_covered_km2 / result_.controlled_area_km2 : 0;
  if (layer.kind == LayerKind::isr_monitoring) layer.buffer_zone_share = buffer_area > 0 ? buffer_seen / buffer_area : 0;
  result_.layers.push_back(std::move(layer));
}

// Greedy maximal coverage (each pick adds the most uncovered demand weight; within 1 - 1/e of the
// optimum, Nemhauser et al. 1978). radii[k] is the reach of the k-th unit to place.
std::vector<int> Laydown::greedy_sites(const std::vector<LatLon>& candidates, const std::vector<double>& radii) {
  std::vector<int> picks;
  std::vector<std::uint8_t> covered(demand_.points.size(), 0);
  std::vector<int> used(candidates.size(), 0);
  for (double radius : radii) {
    int best = -1;
    double best_gain = -1;
    for (std::size_t j = 0; j < candidates.size(); ++j) {
      double gain = 0;
      demand_index_->for_each_in({candidates[j], radius}, [&](std::size_t i) { if (!covered[i]) gain += demand_.weights[i]; });
      gain -= kReuseTieBreak * used[j];
      if (gain > best_gain) best_gain = gain, best = static_cast<int>(j);
    }
    if (best < 0) break;
    ++used[best];
    picks.push_back(best);
    demand_index_->for_each_in({candidates[best], radius}, [&](std::size_t i) { covered[i] = 1; });
  }
  return picks;
}

void Laydown::air_defence_layers() {
  const auto groups = unit_groups(s_, package_, set_.air_defence_capabilities);
  // In the host: critical sites, hubs, and the largest controlled places, far enough from the line.
  Candidates in_host;
  auto consider = [&](const LatLon& p, const std::string& name, const std::string& id) {
    if (!controlled_at(p) || distance_to_line_km(p) < set_.air_defence_min_distance_to_line_km) return;
    in_host.add(p, name, id, theatre_.host_country);
  };
  for (const Site* site : critical_) consider(site->position, site->name, site->id);
  for (const auto& hub : result_.hubs) consider(hub.position, hub.name, hub.site_id);
  std::vector<const Place*> big;
  for (const auto& place : world_.places) {
    if (place.country == theatre_.host_country) big.push_back(&place);
  }
  std::stable_sort(big.begin(), big.end(), [](const Place* a, const Place* b) { return a->population > b->population; });
  for (std::size_t k = 0; k < big.size() && k < kAirDefencePlaceCandidates; ++k) consider(big[k]->position, big[k]->name, "");
  // Abroad (units of a component based outside the host): the logistics hubs and air bases there.
  const Candidates abroad = sites_abroad(s_, theatre_.host_country, {SiteKind::logistics_hub, SiteKind::airbase});

  const double horizon = radar_horizon_km(set_.radar_antenna_height_m, set_.low_target_height_m);
  Layer high = make_layer(LayerKind::air_defence, "within the engagement range of a fire unit (targets at altitude)");
  Layer low = make_layer(LayerKind::air_defence_low,
                         fmt::format("within min(engagement range, radar horizon {:.0f} km against a {:.0f} m target from a {:.0f} m mast)",
                                     horizon, set_.low_target_height_m, set_.radar_antenna_height_m));
  int unplaced = 0;
  auto place = [&](const Candidates& candidates, bool outside) {
    std::vector<double> radii;
    std::vector<const UnitType*> types;
    for (const auto& g : groups) {
      if (g.outside_host() != outside) continue;
      for (int k = 0; k < g.units; ++k) {
        radii.push_back(g.type->range_km.value_or(set_.air_defence_default_range_km));
        types.push_back(g.type);
      }
    }
    if (radii.empty()) return;
    if (candidates.empty()) {
      unplaced += static_cast<int>(radii.size());
      return;
    }
    // Place the longest-reaching units first; every unit gets a position (candidates may repeat).
    std::vector<std::size_t> order(radii.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return radii[a] > radii[b]; });
    std::vector<double> sorted_radii;
    for (auto k : order) sorted_radii.push_back(radii[k]);
    const auto picks = greedy_sites(candidates.at, sorted_radii);
    for (std::size_t k = 0; k < picks.size(); ++k) {
      const UnitType* type = types[order[k]];
      const auto at = static_cast<std::size_t>(picks[k]);
      const std::string label = fmt::format("{} at {}", type->name, candidates.names[at]);
      high.emitters.push_back({label, candidates.ids[at], candidates.at[at], sorted_radii[k], {}});
      low.emitters.push_back({label, candidates.ids[at], candidates.at[at], std::min(sorted_radii[k], horizon), {}});
      result_.placements.push_back({LayerKind::air_defence, PlacementRole::site, type->id, site_or_name(candidates, at),
                                    candidates.countries[at], candidates.at[at], 1});
    }
  };
  place(in_host, false);
  place(abroad, true);
  if (groups.empty()) high.note = low.note = "no air-defence units in the force package";
  if (unplaced > 0) {
    high.note = low.note = fmt::format("{} fire units not placed: no candidate position (controlled site or place at least {:.0f} km "
                                       "from the line, or a hub or air base abroad for a component based outside {})",
                                       unplaced, set_.air_defence_min_distance_to_line_km, host_->name);
  }
  add_layer(std::move(high));
  add_layer(std::move(low));
}

// The bases a pool of detachments may fly from: the listed bases (or every air base), and only
// those abroad for a component based outside the host.
std::vector<const Site*> Laydown::air_bases(bool abroad_only) const {
  std::vector<const Site*> bases;
  for (const auto& site : s_.geography.sites) {
    const bool listed = set_.airbases.empty() ? site.kind == SiteKind::airbase : contains(set_.airbases, site.id);
    if (!listed) continue;
    if (abroad_only && (site.country.empty() || site.country == theatre_.host_country)) continue;
    bases.push_back(&site);
  }
  return bases;
}

// Lays down `detachments` fighters' detachments flying from `bases`: 24/7 CAP stations over the
// controlled territory while the detachments last (each needs the §3a fleet for its distance from
// the base), the rest on quick-reaction alert at bases. A station's reach is what the fighters on
// it reach within the intercept time target, capped at the combat radius less the distance
// flown out to the station (so every covered point lies within the combat radius of the base).
void Laydown::fly_air_policing(const std::vector<const Site*>& bases, int detachments, const UnitType* type, double combat_radius_km,
                               Layer& layer) {
  const double airborne_reach = set_.intercept_time_target_minutes / 60.0 * set_.intercept_speed_kmh;
  const double alert_reach =
      std::min(combat_radius_km, std::max(0.0, set_.intercept_time_target_minutes - set_.scramble_minutes) / 60.0 * set_.intercept_speed_kmh);
  // Station candidates: every controlled place and critical site, flown from its nearest base.
  struct Option {
    std::size_t point;
    const Site* base;
    double distance_km, radius_km;
    int detachments;
  };
  std::vector<Option> options;
  for (std::size_t i = 0; i < demand_.points.size() && !bases.empty(); ++i) {
    const Site* nearest = nullptr;
    double d = std::numeric_limits<double>::infinity();
    for (const Site* b : bases) {
      const double db = distance_km(b->position, demand_.points[i]);
      if (db < d) d = db, nearest = b;
    }
    const double radius = std::min(airborne_reach, combat_radius_km - d);
    if (radius > 0) options.push_back({i, nearest, d, radius, cap_detachments_per_station(set_, d)});
  }
  std::vector<std::uint8_t> covered(demand_.points.size(), 0);
  int remaining = detachments;
  while (true) {
    const Option* best = nullptr;
    double best_gain = 0;
    for (const auto& o : options) {
      if (o.detachments > remaining) continue;
      double gain = 0;
      demand_index_->for_each_in({demand_.points[o.point], o.radius_km}, [&](std::size_t i) { if (!covered[i]) gain += demand_.weights[i]; });
      if (gain > best_gain) best_gain = gain, best = &o;
    }
    if (!best) break;
    const LatLon& at = demand_.points[best->point];
    demand_index_->for_each_in({at, best->radius_km}, [&](std::size_t i) { covered[i] = 1; });
    remaining -= best->detachments;
    const std::string over = demand_.site_ids[best->point].empty() ? demand_.names[best->point] : demand_.site_ids[best->point];
    layer.emitters.push_back({fmt::format("CAP station over {} ({} detachments from {}, {:.0f} km)", demand_.names[best->point],
                                          best->detachments, best->base->name, best->distance_km),
                              demand_.site_ids[best->point], at, best->radius_km, {}});
    result_.placements.push_back({LayerKind::air_policing, PlacementRole::station, type->id, over, theatre_.host_country, at, best->detachments});
    result_.placements.push_back({LayerKind::air_policing, PlacementRole::base, type->id, best->base->id, best->base->country,
                                  best->base->position, best->detachments});
    result_.cap_stations.push_back({over, best->base->id, best->base->country, best->distance_km,
                                    cap_aircraft_per_station(set_, best->distance_km), best->detachments, best->radius_km});
  }
  if (remaining <= 0 || bases.empty() || alert_reach <= 0) return;
  // The rest: quick-reaction alert at the bases that reach the most people, one circle a base.
  std::vector<LatLon> positions;
  for (const Site* b : bases) positions.push_back(b->position);
  const auto picks = greedy_sites(positions, std::vector<double>(remaining, alert_reach));
  std::vector<int> per_base(bases.size(), 0);
  for (int k : picks) ++per_base[k];
  for (std::size_t k = 0; k < bases.size(); ++k) {
    if (per_base[k] == 0) continue;
    layer.emitters.push_back({fmt::format("quick-reaction alert at {} ({}, {} detachments)", bases[k]->name, bases[k]->country, per_base[k]),
                              bases[k]->id, bases[k]->position, alert_reach, {}});
    result_.placements.push_back({LayerKind::air_policing, PlacementRole::base, type->id, bases[k]->id, bases[k]->country,
                                  bases[k]->position, per_base[k]});
  }
}

// Detachments per CAP station in the plan's requirement: units per driver unit of the enabled
// air_policing component's requirement line for an air-policing capability.
std::optional<double> plan_detachments_per_station(const Scenario& s, const LaydownSettings& set) {
  for (const auto& c : s.components) {
    if (c.kind != ComponentKind::air_policing || !c.enabled) continue;
    for (const auto& r : c.requirements) {
      if (contains(set.air_policing_capabilities, r.capability) && !r.driver.empty() && r.per > 0) return r.units / r.per;
    }
  }
  return std::nullopt;
}

void Laydown::air_policing_layer() {
  const auto groups = unit_groups(s_, package_, set_.air_policing_capabilities);
  Layer layer = make_layer(
      LayerKind::air_policing,
      fmt::format("a fighter reaches it within {:.0f} min at {:.0f} km/h: from a 24/7 CAP station (at most the combat radius from its "
                  "base, §3a fleet per station) or on quick-reaction alert at a base ({:.0f} min to airborne)",
                  set_.intercept_time_target_minutes, set_.intercept_speed_kmh, set_.scramble_minutes));
  result_.plan_detachments_per_station = plan_detachments_per_station(s_, set_);
  // Two pools: detachments of components based outside the host fly from bases abroad.
  for (const bool abroad : {true, false}) {
    int detachments = 0;
    const UnitType* type = nullptr;
    int type_units = 0;
    double combat_radius = std::numeric_limits<double>::infinity();
    for (const auto& g : groups) {
      if (g.outside_host() != abroad) continue;
      detachments += g.units;
      if (g.units > type_units) type_units = g.units, type = g.type;  // the placements name the most numerous type
      if (g.type->range_km.known()) combat_radius = std::min(combat_radius, *g.type->range_km.value);
    }
    if (detachments == 0) continue;
    const auto bases = air_bases(abroad);
    if (bases.empty()) {
      layer.note = abroad ? fmt::format("no air base outside {} in the scenario for the detachments of a component based outside it", host_->name)
                          : "no airbase sites in the scenario";
      continue;
    }
    fly_air_policing(bases, detachments, type, combat_radius, layer);
  }
  if (groups.empty()) layer.note = "no air-policing units in the force package";
  const auto plan = result_.plan_detachments_per_station;
  for (const auto& station : result_.cap_stations) {
    if (plan && std::abs(*plan - station.detachments) > 1e-9) {
      result_.notes.push_back(fmt::format("The CAP station over {} needs {} detachments by the planning_factors.md §3a model ({:.0f} km from "
                                          "{}), while the plan sizes {:g} per station.",
                                          station.over, station.detachments, station.base_distance_km, station.base, *plan));
    }
  }
  add_layer(std::move(layer));
}

// Greedy orbits of `radius_km` over `candidates`, one a unit; placements of role orbit.
void Laydown::place_orbits(const Candidates& candidates, const std::vector<const UnitType*>& units, double radius_km, LayerKind kind,
                           const char* what, Layer& layer) {
  if (units.empty() || candidates.empty()) return;
  const auto picks = greedy_sites(candidates.at, std::vector<double>(units.size(), radius_km));
  for (std::size_t k = 0; k < picks.size(); ++k) {
    const auto at = static_cast<std::size_t>(picks[k]);
    layer.emitters.push_back({fmt::format("{} {} over {} ({:.0f} km)", what, k + 1, candidates.names[at], radius_km), candidates.ids[at],
                              candidates.at[at], radius_km, {}});
    result_.placements.push_back({kind, PlacementRole::orbit, units[k]->id, site_or_name(candidates, at), candidates.countries[at],
                                  candidates.at[at], 1});
  }
}

void Laydown::aew_layer() {
  const auto groups = unit_groups(s_, package_, set_.aew_capabilities);
  Layer layer = make_layer(LayerKind::aew, fmt::format("within {:.0f} km of an airborne early-warning orbit (radar against low-flying "
                                                       "targets)", set_.aew_radar_radius_km));
  // Orbits of a component based outside the host fly over the sites abroad; the others over the
  // controlled territory (places, critical sites).
  Candidates in_host;
  for (std::size_t i = 0; i < demand_.points.size(); ++i) {
    in_host.add(demand_.points[i], demand_.names[i], demand_.site_ids[i], theatre_.host_country);
  }
  const Candidates abroad = sites_abroad(s_, theatre_.host_country, {SiteKind::airbase, SiteKind::logistics_hub});
  for (const bool outside : {true, false}) {
    std::vector<const UnitType*> orbits;
    for (const auto& g : groups) {
      if (g.outside_host() != outside) continue;
      const int n = static_cast<int>(std::lround(g.units * set_.aew_orbits_per_unit));
      for (int k = 0; k < n; ++k) orbits.push_back(g.type);
    }
    place_orbits(outside ? abroad : in_host, orbits, set_.aew_radar_radius_km, LayerKind::aew, "AEW orbit", layer);
  }
  if (groups.empty()) layer.note = "no airborne early-warning units in the force package";
  add_layer(std::move(layer));
}

void Laydown::isr_layer() {
  const auto groups = unit_groups(s_, package_, set_.isr_capabilities);
  const auto& line = s_.geography.line_of_contact.points;
  const double radius = set_.isr_sensor_radius_km;
  Layer layer = make_layer(LayerKind::isr_monitoring,
                           fmt::format("within the {:.0f} km sensor footprint of an ISR orbit centred {:.0f} km behind the line", radius,
                                       set_.isr_standoff_km));
  std::vector<const UnitType*> orbits;  // one per orbit, in the order of the unit types
  bool line_of_sight_ranges = false;
  for (const auto& g : groups) {
    const int n = static_cast<int>(std::lround(g.units * set_.isr_orbits_per_unit));
    for (int k = 0; k < n; ++k) orbits.push_back(g.type);
    line_of_sight_ranges = line_of_sight_ranges || g.type->range_km.known();
  }
  if (orbits.empty()) layer.note = "no ISR units in the force package";
  if (line_of_sight_ranges) {
    layer.note = "the unit types' range_km are line-of-sight bounds, not sensor ranges: every orbit uses laydown.isr_sensor_radius_km";
  }
  const double length = length_km(line);
  const int count = static_cast<int>(orbits.size());
  for (int k = 0; k < count && line.size() >= 2; ++k) {
    const PointOnLine at = point_along(line, (k + 0.5) * length / count);
    LatLon centre = destination(at.point, at.azimuth_deg + 90, set_.isr_standoff_km);
    if (occupied_at(centre)) centre = destination(at.point, at.azimuth_deg - 90, set_.isr_standoff_km);
    layer.emitters.push_back({fmt::format("ISR orbit {} ({:.0f} km footprint)", k + 1, radius), "", centre, radius, {}});
    result_.placements.push_back({LayerKind::isr_monitoring, PlacementRole::orbit, orbits[k]->id, "", country_at(centre), centre, 1});
  }
  add_layer(std::move(layer));
}

// Line-km one team covers: the plan's factor, `per` ÷ `units` of its component's requirement line
// for the team's capability with a driver (e.g. one team per 40 km of line_km), else the setting.
double Laydown::line_km_per_team(const UnitGroup& g) const {
  if (g.component) {
    for (const auto& r : g.component->requirements) {
      if (r.capability == g.type->capability && !r.driver.empty() && r.units > 0) return r.per / r.units;
    }
  }
  return set_.monitoring_line_km_per_team;
}

void Laydown::monitoring_teams_layer() {
  const auto groups = unit_groups(s_, package_, set_.monitoring_capabilities);
  const auto& line = s_.geography.line_of_contact.points;
  const double depth = set_.buffer_half_width_km;
  Layer layer = make_layer(LayerKind::monitoring_teams,
                           fmt::format("within {:g} km of a stretch of the line a monitoring team covers (the GCSP pull-back distance)", depth));
  struct Team {
    const UnitType* type;
    double km;
  };
  std::vector<Team> teams;
  for (const auto& g : groups) {
    for (int k = 0; k < g.units; ++k) teams.push_back({g.type, line_km_per_team(g)});
  }
  const double length = length_km(line);
  double watched = 0;
  // Teams spread evenly along the line; each watches its own stretch, no longer than its share of the line.
  const double slot = teams.empty() ? 0 : length / static_cast<double>(teams.size());
  for (std::size_t k = 0; k < teams.size() && line.size() >= 2; ++k) {
    const double stretch = std::min(teams[k].km, slot);
    const double from = (k + 0.5) * slot - stretch / 2, to = from + stretch;
    std::vector<LatLon> path{point_along(line, from).point};
    double along = 0;
    for (std::size_t v = 1; v + 1 < line.size(); ++v) {
      along += distance_km(line[v - 1], line[v]);
      if (along > from && along < to) path.push_back(line[v]);
    }
    path.push_back(point_along(line, to).point);
    const LatLon middle = point_along(line, (from + to) / 2).point;
    watched += stretch;
    layer.emitters.push_back({fmt::format("monitoring team {} ({:.0f} km of line)", k + 1, stretch), "", middle, depth, std::move(path)});
    result_.placements.push_back({LayerKind::monitoring_teams, PlacementRole::line, teams[k].type->id, "", theatre_.host_country, middle, 1});
  }
  if (teams.empty()) layer.note = "no monitoring teams in the force package";
  layer.line_km_covered = watched;
  layer.line_share = length > 0 ? watched / length : 0;
  add_layer(std::move(layer));
}

void Laydown::hub_reaction_layer() {
  Layer layer = make_layer(
      LayerKind::hub_reaction,
      fmt::format("a hub's reaction force reaches it within {:.0f} min ({:.0f} min notice, {:.0f} km/h, road factor {:.2f}): {:.0f} km",
                  set_.reaction_time_target_minutes, set_.notice_to_move_minutes, set_.reaction_speed_kmh, set_.road_factor, hub_radius_km()));
  for (const auto& hub : result_.hubs) {
    layer.emitters.push_back({"hub " + hub.name, hub.site_id, hub.position, hub_radius_km(), {}});
    const Site* site = s_.find_site(hub.site_id);
    result_.placements.push_back({LayerKind::hub_reaction, PlacementRole::site, "", hub.site_id,
                                  site && !site->country.empty() ? site->country : theatre_.host_country, hub.position, 0});
  }
  if (result_.hubs.empty()) layer.note = "no hubs sited";
  add_layer(std::move(layer));
}

void Laydown::reaction_times() {
  const auto& line = s_.geography.line_of_contact.points;
  if (line.size() < 2) return;
  const double length = length_km(line);
  const int samples = std::max(2, static_cast<int>(std::floor(length / set_.line_sample_km)) + 1);
  for (int k = 0; k < samples; ++k) result_.line_samples.push_back(point_along(line, length * k / (samples - 1)).point);
  if (result_.hubs.empty()) return;
  for (const auto& p : result_.line_samples) {
    double nearest = std::numeric_limits<double>::infinity();
    for (const auto& hub : result_.hubs) nearest = std::min(nearest, distance_km(p, hub.position));
    result_.line_reaction_minutes.push_back(set_.notice_to_move_minutes + set_.road_factor * nearest / set_.reaction_speed_kmh * 60.0);
  }
  std::vector<double> sorted = result_.line_reaction_minutes;
  std::sort(sorted.begin(), sorted.end());
  result_.reaction_time_minutes = Percentiles{guarantor::nearest_rank(sorted, 0.5), guarantor::nearest_rank(sorted, 0.9), sorted.back()};
}

void Laydown::corridor() {
  Corridor& c = result_.corridor;
  for (const auto& [lat, lon] : set_.corridor) c.waypoints.push_back({lat, lon});
  c.length_km = length_km(c.waypoints);
  c.area_km2 = c.length_km * set_.corridor_width_km;
  c.minehunters = total_units(units_with(s_, package_, set_.mcm_capabilities)) * set_.minehunters_per_unit;
  if (c.minehunters > 0) c.clearance_days = c.area_km2 / (c.minehunters * set_.mcm_area_rate_km2_per_day);
  c.escorts = total_units(units_with(s_, package_, set_.escort_capabilities));
  c.transit_hours = c.length_km / (set_.convoy_speed_kn * kKmPerNauticalMile);
  // An escort group takes a convoy out and brings one back: one round trip per cycle.
  const double groups = std::floor(c.escorts / set_.escorts_per_convoy);
  const double cycle_hours = 2.0 * (c.transit_hours + set_.escort_turnaround_hours);
  c.escort_ships_per_day = groups * 2.0 * set_.ships_per_convoy * 24.0 / cycle_hours;
}

Expected<LaydownResult> Laydown::run() {
  result_.scenario = s_.info.name;
  result_.package_origin = package_.origin;
  result_.host_country = theatre_.host_country;
  result_.places_source = world_.places_source;
  if (theatre_.controlled_population.known()) {
    result_.stated_controlled_population = *theatre_.controlled_population.value;
    const Provenance& p = theatre_.controlled_population.provenance;
    std::string cited;
    for (const auto& source : p.sources) cited += (cited.empty() ? "" : "; ") + (source.file.empty() ? source.outlet : source.file);
    result_.stated_controlled_population_source = cited.empty() ? "assumption" : cited;
    if (!p.note.empty()) result_.stated_controlled_population_source += ": " + p.note;
  }
  result_.line = s_.geography.line_of_contact.points;
  if (result_.line.size() < 2) return Status::invalid_input("the line of contact needs at least 2 points");
  if (Status grid = build_grid(); !grid) return grid;
  collect_borders();
  mark_occupied();
  build_demand();
  if (full_) build_buffer_zone();
  if (Status sited = site_hubs(); !sited) return sited;
  air_defence_layers();
  air_policing_layer();
  aew_layer();
  isr_layer();
  monitoring_teams_layer();
  hub_reaction_layer();
  if (full_) {
    reaction_times();
    corridor();
  }
  result_.map_extent = map_extent();
  return std::move(result_);
}

}  // namespace

const char* to_string(LayerKind kind) {
  switch (kind) {
    case LayerKind::air_defence: return "air_defence";
    case LayerKind::air_defence_low: return "air_defence_low";
    case LayerKind::air_policing: return "air_policing";
    case LayerKind::aew: return "aew";
    case LayerKind::isr_monitoring: return "isr_monitoring";
    case LayerKind::monitoring_teams: return "monitoring_teams";
    case LayerKind::hub_reaction: return "hub_reaction";
  }
  return "unknown";
}

const char* to_string(PlacementRole role) {
  switch (role) {
    case PlacementRole::base: return "base";
    case PlacementRole::station: return "station";
    case PlacementRole::orbit: return "orbit";
    case PlacementRole::site: return "site";
    case PlacementRole::line: return "line";
  }
  return "unknown";
}

Expected<LaydownResult> run_laydown(const LaydownInput& input) {
  if (!input.scenario || !input.package || !input.world) {
    return Status::internal("run_laydown needs a scenario, a force package and the reference geography");
  }
  return Laydown(input).run();
}

}  // namespace guarantor::geo
