// laydown.geojson, coverage.json and the text summary.
#include "guarantor/report/laydown_output.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "guarantor/core/numeric.hpp"

namespace guarantor::report {
namespace {

using ordered = nlohmann::ordered_json;
using geo::Hub;
using geo::LaydownResult;
using geo::Ring;

// Vertices of a coverage disc in the GeoJSON (one every 5°).
constexpr int kDiscVertices = 72;
// Name of the corridor feature. The laydown settings hold the corridor's waypoints (by default
// Odesa to the Bosporus) but no name for it yet.
constexpr const char* kCorridorName = "Black Sea corridor, Odesa to the Bosporus (approximate)";

ordered position(const LatLon& p) { return ordered::array({round_to(p.lon, 5), round_to(p.lat, 5)}); }

ordered line_coordinates(const std::vector<LatLon>& points) {
  ordered coords = ordered::array();
  for (const auto& p : points) coords.push_back(position(p));
  return coords;
}

ordered polygon_coordinates(const Ring& ring) {
  ordered outer = line_coordinates(ring);
  if (!ring.empty()) outer.push_back(position(ring.front()));
  return ordered::array({outer});
}

// `kind` repeats the role (for coverage and emitters, the layer) for readers that key on it, such
// as the HTML report's map.
ordered feature(ordered geometry, ordered properties) {
  const std::string role = properties.value("role", "");
  properties["kind"] = role == "coverage" ? properties.value("layer", "") : role == "emitter" ? "emitter_" + properties.value("layer", "") : role;
  ordered f;
  f["type"] = "Feature";
  f["properties"] = std::move(properties);
  f["geometry"] = std::move(geometry);
  return f;
}

ordered geometry(const char* type, ordered coordinates) {
  ordered g;
  g["type"] = type;
  g["coordinates"] = std::move(coordinates);
  return g;
}

// The force mode a package was built for, from its origin ("plan" → planned, "pledges" → pledged);
// any other origin (e.g. "required") is the mode's own name.
std::string mode_of(const std::string& origin) {
  if (origin == "plan") return "planned";
  if (origin == "pledges") return "pledged";
  return origin;
}

// The outline of what an emitter covers: its disc, or the band along its stretch of line.
Ring coverage_outline(const geo::Emitter& e) {
  return e.path.empty() ? geo::geodesic_circle(e.position, e.radius_km, kDiscVertices) : geo::polyline_buffer(e.path, e.radius_km, 1.0);
}

// The occupied side of the line as one MultiPolygon of grid rows (each run of occupied cells in a
// row is a rectangle): exact to the grid the shares are computed on.
ordered occupied_multipolygon(const LaydownResult& r) {
  ordered polygons = ordered::array();
  const double half = r.grid_dlat_deg / 2;
  for (const auto& [west, east] : r.occupied_spans) {
    const double s = west.lat - half, n = west.lat + half;
    polygons.push_back(polygon_coordinates({{s, west.lon}, {s, east.lon}, {n, east.lon}, {n, west.lon}}));
  }
  return polygons;
}

ordered placement_json(const geo::Placement& p) {
  return {{"layer", to_string(p.layer)}, {"role", to_string(p.role)}, {"unit_type", p.unit_type}, {"site", p.site},
          {"country", p.country}, {"lat", round_to(p.position.lat, 5)}, {"lon", round_to(p.position.lon, 5)}, {"units", p.units}};
}

}  // namespace

ordered laydown_geojson(const LaydownResult& r) {
  ordered features = ordered::array();
  features.push_back(feature(geometry("LineString", line_coordinates(r.line)),
                             {{"role", "line_of_contact"}, {"name", "Line of contact (approximate)"}}));
  if (!r.occupied_spans.empty()) {
    features.push_back(feature(geometry("MultiPolygon", occupied_multipolygon(r)),
                               {{"role", "occupied_territory"}, {"name", "Occupied side of the line (coverage grid)"},
                                {"area_km2", std::round(r.occupied_area_km2)}}));
  }
  if (r.buffer_zone_enabled && !r.buffer_zone.empty()) {
    features.push_back(feature(geometry("Polygon", polygon_coordinates(r.buffer_zone)),
                               {{"role", "buffer_zone"}, {"from_scenario", r.buffer_zone_from_scenario}}));
  }
  for (const auto& c : r.hub_candidates) {
    const bool chosen = std::any_of(r.hubs.begin(), r.hubs.end(), [&](const Hub& h) { return h.site_id == c.site_id; });
    features.push_back(feature(geometry("Point", position(c.position)),
                               {{"role", chosen ? "hub" : "hub_candidate"}, {"id", c.site_id}, {"name", c.name},
                                {"distance_to_line_km", round_to(c.distance_to_line_km, 1)},
                                {"distance_to_border_km", std::isfinite(c.distance_to_border_km) ? ordered(round_to(c.distance_to_border_km, 1)) : ordered()}}));
  }
  for (const auto& layer : r.layers) {
    for (const auto& e : layer.emitters) {
      features.push_back(feature(geometry("Polygon", polygon_coordinates(coverage_outline(e))),
                                 {{"role", "coverage"}, {"layer", to_string(layer.kind)}, {"label", e.label}, {"site", e.site_id},
                                  {"radius_km", round_to(e.radius_km, 2)}}));
      features.push_back(feature(geometry("Point", position(e.position)),
                                 {{"role", "emitter"}, {"layer", to_string(layer.kind)}, {"label", e.label}}));
    }
  }
  features.push_back(feature(geometry("LineString", line_coordinates(r.corridor.waypoints)),
                             {{"role", "corridor"}, {"name", kCorridorName},
                              {"length_km", round_to(r.corridor.length_km, 1)}}));
  ordered doc;
  doc["type"] = "FeatureCollection";
  doc["name"] = "guarantor laydown: " + r.scenario;
  doc["features"] = std::move(features);
  return doc;
}

ordered coverage_json(const LaydownResult& r) {
  ordered doc;
  doc["mode"] = mode_of(r.package_origin);
  doc["scenario"] = r.scenario;
  doc["force_package"] = r.package_origin;
  // What the shares are shares of: the reference places' populations, and the area of the host's
  // outline less the occupied side of the line.
  ordered base;
  base["population"] = fmt::format("the people of the reference geography's populated places in government-held {} ({}), by the "
                                   "places' own population figures: not a count of everyone living there",
                                   r.host_name, r.places_source.empty() ? "no attribution given" : r.places_source);
  base["places_population"] = std::round(r.controlled_population);
  if (r.stated_controlled_population) {
    base["stated_controlled_population"] = std::round(*r.stated_controlled_population);
    base["stated_controlled_population_source"] = r.stated_controlled_population_source;
  }
  base["area"] = fmt::format("government-held {}: the host's outline less the occupied side of the line", r.host_name);
  base["area_km2"] = std::round(r.controlled_area_km2);
  doc["shares_of"] = base;
  ordered layers = ordered::array();
  for (const auto& l : r.layers) {
    ordered layer;
    layer["name"] = to_string(l.kind);
    layer["description"] = l.description;
    layer["emitters"] = l.emitters.size();
    layer["population_covered"] = std::round(l.population_covered);
    layer["population_share"] = round_to(l.population_share, 4);
    layer["sites_covered"] = l.sites_covered;
    layer["sites_not_covered"] = l.sites_not_covered;
    layer["area_covered_km2"] = std::round(l.area_covered_km2);
    layer["area_share"] = round_to(l.area_share, 4);
    if (l.buffer_zone_share) layer["buffer_zone_share"] = round_to(*l.buffer_zone_share, 4);
    if (l.line_km_covered) layer["line_km_covered"] = round_to(*l.line_km_covered, 1);
    if (l.line_share) layer["line_share"] = round_to(*l.line_share, 4);
    if (!l.note.empty()) layer["note"] = l.note;
    // The pledged force with placeholders for unknown quantities: the shares at each level.
    if (l.population_share_range && l.area_share_range) {
      const auto level = [&](double population, double area) {
        return ordered{{"population_share", round_to(population, 4)}, {"area_share", round_to(area, 4)}};
      };
      const geo::ShareRange& p = *l.population_share_range;
      const geo::ShareRange& a = *l.area_share_range;
      layer["low"] = level(p.low, a.low);
      layer["central"] = level(p.central, a.central);
      layer["high"] = level(p.high, a.high);
    }
    layers.push_back(layer);
  }
  doc["layers"] = layers;
  ordered placements = ordered::array();
  for (const auto& p : r.placements) placements.push_back(placement_json(p));
  doc["placements"] = placements;
  ordered stations = ordered::array();
  for (const auto& c : r.cap_stations) {
    stations.push_back({{"over", c.over}, {"base", c.base}, {"base_country", c.base_country},
                        {"base_distance_km", round_to(c.base_distance_km, 1)}, {"aircraft_needed", round_to(c.aircraft_needed, 2)},
                        {"detachments", c.detachments}, {"radius_km", round_to(c.radius_km, 1)}});
  }
  doc["cap_stations"] = stations;
  doc["plan_detachments_per_cap_station"] = r.plan_detachments_per_station ? ordered(*r.plan_detachments_per_station) : ordered();
  if (r.reaction_time_minutes) {
    doc["reaction_time_minutes"] = {{"p50", round_to(r.reaction_time_minutes->p50, 1)},
                                    {"p90", round_to(r.reaction_time_minutes->p90, 1)},
                                    {"max", round_to(r.reaction_time_minutes->max, 1)},
                                    {"samples", r.line_reaction_minutes.size()}};
  } else {
    doc["reaction_time_minutes"] = nullptr;
  }
  ordered hubs = ordered::array();
  for (const auto& h : r.hubs) {
    hubs.push_back({{"name", h.name}, {"id", h.site_id}, {"lat", round_to(h.position.lat, 5)}, {"lon", round_to(h.position.lon, 5)},
                    {"distance_to_line_km", round_to(h.distance_to_line_km, 1)},
                    {"distance_to_border_km", std::isfinite(h.distance_to_border_km) ? ordered(round_to(h.distance_to_border_km, 1)) : ordered()}});
  }
  doc["hubs"] = hubs;
  doc["rejected_hub_candidates"] = r.rejected_candidates;
  ordered curve = ordered::array();
  for (const auto& t : r.tradeoff) {
    curve.push_back({{"min_distance_to_line_km", t.min_distance_km}, {"candidates", t.candidates}, {"hubs", t.hubs},
                     {"coverage_share", round_to(t.coverage_share, 4)}, {"population_share", round_to(t.population_share, 4)},
                     {"chosen", t.chosen}, {"optimal", t.optimal}});
  }
  doc["siting_tradeoff"] = curve;
  doc["corridor_clearance_days"] = r.corridor.clearance_days ? ordered(round_to(*r.corridor.clearance_days, 1)) : ordered();
  doc["corridor"] = {{"length_km", round_to(r.corridor.length_km, 1)},
                     {"area_km2", round_to(r.corridor.area_km2, 1)},
                     {"minehunters", r.corridor.minehunters},
                     {"escorts", r.corridor.escorts},
                     {"transit_hours", round_to(r.corridor.transit_hours, 1)},
                     {"escorted_ships_per_day", round_to(r.corridor.escort_ships_per_day, 1)}};
  doc["territory"] = {{"grid_cells", r.grid_cells},
                      {"controlled_area_km2", std::round(r.controlled_area_km2)},
                      {"occupied_area_km2", std::round(r.occupied_area_km2)},
                      {"controlled_population", std::round(r.controlled_population)}};
  doc["notes"] = r.notes;
  return doc;
}

std::string laydown_text(const LaydownResult& r) {
  std::string out = fmt::format("Laydown of {} (force: {}, package from {})\n\n", r.scenario, mode_of(r.package_origin), r.package_origin);
  out += "Hubs:\n";
  for (const auto& h : r.hubs) {
    out += fmt::format("  {:<24} {:8.4f} {:8.4f}  {:5.0f} km from the line\n", h.name, h.position.lat, h.position.lon, h.distance_to_line_km);
  }
  if (r.hubs.empty()) out += "  none\n";
  out += fmt::format("\nCoverage: shares of the people of the reference places in government-held {} ({:.2f} million{}) and of its "
                     "area ({:.0f} km²):\n",
                     r.host_name, r.controlled_population / 1e6,
                     r.stated_controlled_population ? fmt::format("; about {:.1f} million live there", *r.stated_controlled_population / 1e6) : "",
                     r.controlled_area_km2);
  for (const auto& l : r.layers) {
    out += fmt::format("  {:<16} {:5.1f}% of people  {:5.1f}% of area  {:>10.0f} people  {} critical sites{}\n", to_string(l.kind),
                       100 * l.population_share, 100 * l.area_share, l.population_covered, l.sites_covered.size(),
                       l.note.empty() ? "" : "  (" + l.note + ")");
    if (l.line_km_covered) out += fmt::format("  {:<16} {:.0f} km of the line watched ({:.1f}%)\n", "", *l.line_km_covered, 100 * l.line_share.value_or(0));
    if (l.buffer_zone_share) out += fmt::format("  {:<16} {:5.1f}% of the buffer zone seen\n", "", 100 * *l.buffer_zone_share);
    if (l.population_share_range) {
      const geo::ShareRange& p = *l.population_share_range;
      out += fmt::format("  {:<16} placeholders low/central/high: {:.1f}% / {:.1f}% / {:.1f}% of people\n", "", 100 * p.low,
                         100 * p.central, 100 * p.high);
    }
  }
  if (r.reaction_time_minutes) {
    out += fmt::format("\nReaction time to the line: p50 {:.0f} min, p90 {:.0f} min, max {:.0f} min\n", r.reaction_time_minutes->p50,
                       r.reaction_time_minutes->p90, r.reaction_time_minutes->max);
  }
  out += "\nSiting trade-off (minimum distance to the line → weighted coverage):\n";
  for (const auto& t : r.tradeoff) {
    out += fmt::format("  {:5.0f} km  {:3d} candidates  {:5.1f}%\n", t.min_distance_km, t.candidates, 100 * t.coverage_share);
  }
  out += fmt::format("\nCorridor: {:.0f} km; {} minehunters; clearance {}; {:.1f} escorted ships a day\n", r.corridor.length_km,
                     r.corridor.minehunters,
                     r.corridor.clearance_days ? fmt::format("{:.0f} days", *r.corridor.clearance_days) : "not possible (no minehunters)",
                     r.corridor.escort_ships_per_day);
  for (const auto& n : r.notes) out += "Note: " + n + "\n";
  return out;
}

}  // namespace guarantor::report
