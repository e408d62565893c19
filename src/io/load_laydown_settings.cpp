// The `laydown:` section (siting and coverage parameters). Each number may be written plain or as
// {value, source|assumption}; the provenance of every value the scenario sets is kept for the report.
#include <fmt/format.h>

#include "io/section_loaders.hpp"

namespace guarantor::io {
namespace {

std::string describe(const Provenance& provenance) {
  if (provenance.sourced()) {
    const Source& s = provenance.sources.front();
    return "source: " + (s.outlet.empty() ? s.file : s.outlet) + (s.date.empty() ? "" : " (" + s.date + ")");
  }
  if (provenance.assumption) return "assumption" + (provenance.note.empty() ? "" : ": " + provenance.note);
  return "set in the scenario";
}

void number(MapReader& map, LaydownSettings& settings, const std::string& key, double& target, Range range) {
  if (!map.has(key)) return;
  const Figure figure = map.figure(key, Need::optional, range);
  if (!figure.known()) return;
  target = *figure.value;
  settings.overridden[key] = describe(figure.provenance);
}

void strings(MapReader& map, LaydownSettings& settings, const std::string& key, std::vector<std::string>& target) {
  if (!map.has(key)) return;
  target = map.string_list(key);
  settings.overridden[key] = "set in the scenario";
}

void numbers(ReadContext& ctx, MapReader& map, LaydownSettings& settings, const std::string& key,
             std::vector<double>& target, Range range) {
  if (!map.has(key)) return;
  const YAML::Node node = map.node(key);
  if (!node.IsSequence()) {
    ctx.error(node, map.key_path(key), fmt::format("expected a list of numbers, found {}", describe_type(node)));
    return;
  }
  std::vector<double> values;
  for (const auto& item : node) {
    if (auto value = read_number(ctx, item, map.key_path(key), range)) values.push_back(*value);
  }
  target = values;
  settings.overridden[key] = "set in the scenario";
}

void corridor(ReadContext& ctx, MapReader& map, LaydownSettings& settings) {
  if (!map.has("corridor")) return;
  const YAML::Node node = map.node("corridor");
  MapReader inner(ctx, node, map.key_path("corridor"));
  if (!inner.valid()) return;
  const auto points = inner.lat_lon_list("points", Need::required);
  const Provenance provenance = inner.provenance();
  if (!provenance.documented()) {
    ctx.error(node, map.key_path("corridor"), "needs a 'source' or must be labelled 'assumption'");
  }
  if (!points) return;
  if (points->size() < 2) {
    ctx.error(inner.node("points"), map.key_path("corridor") + ".points",
              fmt::format("needs at least 2 points, found {}", points->size()));
    return;
  }
  settings.corridor.clear();
  for (const auto& p : *points) settings.corridor.emplace_back(p.lat, p.lon);
  settings.overridden["corridor"] = describe(provenance);
}

}  // namespace

LaydownSettings load_laydown_settings(ReadContext& ctx, const YAML::Node& node) {
  LaydownSettings s;
  if (!node.IsDefined() || node.IsNull()) return s;
  MapReader map(ctx, node, "laydown");
  if (!map.valid()) return s;
  // Hub siting.
  number(map, s, "min_distance_to_line_km", s.min_distance_to_line_km, Range{0, 2000});
  number(map, s, "min_distance_to_border_km", s.min_distance_to_border_km, Range{0, 2000});
  double hubs = s.hubs;
  number(map, s, "hubs", hubs, Range{0, 100});
  s.hubs = static_cast<int>(hubs);
  number(map, s, "reaction_speed_kmh", s.reaction_speed_kmh, Range{1, 1000});
  number(map, s, "road_factor", s.road_factor, Range{1, 5});
  number(map, s, "notice_to_move_minutes", s.notice_to_move_minutes, Range{0, 10080});
  number(map, s, "reaction_time_target_minutes", s.reaction_time_target_minutes, Range{1, 10080});
  number(map, s, "critical_site_weight", s.critical_site_weight, Range{0, 1e9});
  numbers(ctx, map, s, "tradeoff_distances_km", s.tradeoff_distances_km, Range{0, 2000});
  // Air defence.
  strings(map, s, "air_defence_capabilities", s.air_defence_capabilities);
  number(map, s, "air_defence_default_range_km", s.air_defence_default_range_km, Range{0.1, 1000});
  number(map, s, "radar_antenna_height_m", s.radar_antenna_height_m, Range{0, 1000});
  number(map, s, "low_target_height_m", s.low_target_height_m, Range{0, 30000});
  number(map, s, "air_defence_min_distance_to_line_km", s.air_defence_min_distance_to_line_km, Range{0, 2000});
  // Air policing.
  strings(map, s, "air_policing_capabilities", s.air_policing_capabilities);
  number(map, s, "intercept_speed_kmh", s.intercept_speed_kmh, Range{100, 5000});
  number(map, s, "scramble_minutes", s.scramble_minutes, Range{0, 1440});
  number(map, s, "intercept_time_target_minutes", s.intercept_time_target_minutes, Range{0, 1440});
  strings(map, s, "airbases", s.airbases);
  // ISR and monitoring.
  strings(map, s, "isr_capabilities", s.isr_capabilities);
  number(map, s, "isr_sensor_radius_km", s.isr_sensor_radius_km, Range{0.1, 1000});
  number(map, s, "isr_orbits_per_unit", s.isr_orbits_per_unit, Range{0, 100});
  number(map, s, "isr_standoff_km", s.isr_standoff_km, Range{0, 500});
  number(map, s, "buffer_half_width_km", s.buffer_half_width_km, Range{0.1, 500});
  // Maritime.
  strings(map, s, "mcm_capabilities", s.mcm_capabilities);
  strings(map, s, "escort_capabilities", s.escort_capabilities);
  number(map, s, "minehunters_per_unit", s.minehunters_per_unit, Range{0, 100});
  number(map, s, "mcm_area_rate_km2_per_day", s.mcm_area_rate_km2_per_day, Range{1e-6, 10000});
  number(map, s, "corridor_width_km", s.corridor_width_km, Range{0.01, 100});
  corridor(ctx, map, s);
  number(map, s, "convoy_speed_kn", s.convoy_speed_kn, Range{1, 60});
  number(map, s, "escorts_per_convoy", s.escorts_per_convoy, Range{1, 100});
  number(map, s, "ships_per_convoy", s.ships_per_convoy, Range{1, 1000});
  number(map, s, "escort_turnaround_hours", s.escort_turnaround_hours, Range{0, 1000});
  // Computation.
  number(map, s, "grid_resolution_km", s.grid_resolution_km, Range{0.25, 100});
  number(map, s, "line_sample_km", s.line_sample_km, Range{0.1, 1000});
  number(map, s, "line_end_extension_km", s.line_end_extension_km, Range{0, 500});
  map.provenance();
  return s;
}

}  // namespace guarantor::io
