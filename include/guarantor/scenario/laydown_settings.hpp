#pragma once
// The `laydown:` section of a scenario: parameters of siting and coverage (the laydown stage).
// Every default carries its source in docs/user/scenario-format-laydown.md and
// docs/model/laydown.md: a section of /work/shared/research/planning_factors.md (shipped as the
// cited outlets) or the label `assumption`.

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace guarantor {

// The default corridor, geography.md §4.2 (C0 Odesa approaches … C9 Bosporus entrance; derived,
// approximate, not an official route).
inline std::vector<std::pair<double, double>> default_black_sea_corridor() {
  return {{46.4960, 30.7600}, {46.2900, 30.7600}, {46.0500, 30.5500}, {45.3500, 30.0000}, {45.1500, 29.8000},
          {44.1700, 28.7800}, {43.3500, 28.6200}, {42.7000, 28.0500}, {42.0000, 28.1500}, {41.2259, 29.1321}};
}

struct LaydownSettings {
  // --- hub siting ---
  // Minimum distance of a land-force hub from the line of contact, km (assumption; the Paris
  // Declaration says "far from the line of contact" without a number).
  double min_distance_to_line_km = 100.0;
  // Minimum distance of a hub from the Russian and Belarusian borders, km (assumption).
  double min_distance_to_border_km = 50.0;
  // Hubs to open; 0 takes the `hubs` driver of the reassurance_land component, else 4 (assumption).
  int hubs = 0;
  // Road-march speed of a reaction force, km/h (assumption: a mixed wheeled column on main roads).
  double reaction_speed_kmh = 50.0;
  // Road distance over geodesic distance (assumption; typical circuity of a national road net).
  double road_factor = 1.3;
  // Notice to move of the reaction force, minutes (assumption).
  double notice_to_move_minutes = 60.0;
  // A hub "covers" a place or site it can reach within this time, minutes (assumption).
  double reaction_time_target_minutes = 240.0;
  // Weight of a critical site (capital, nuclear plant, port, logistics hub) in the siting
  // objective, in people-equivalents (assumption: one site counts as a town of 100,000).
  double critical_site_weight = 100000.0;
  // Minimum distances (km) at which the siting is re-solved to draw the trade-off curve.
  std::vector<double> tradeoff_distances_km = {0, 25, 50, 75, 100, 125, 150, 200, 250};

  // --- air defence (planning_factors.md §4) ---
  std::vector<std::string> air_defence_capabilities = {"air_defence", "gbad", "gbad_short", "gbad_medium", "gbad_long"};
  // Engagement range used when a unit type has no range_km: IRIS-T SLM, 40 km (§4).
  double air_defence_default_range_km = 40.0;
  // Radar antenna height, m: the 10 m mast of the §4 worked examples.
  double radar_antenna_height_m = 10.0;
  // Height of the low-flying threat, m: a cruise missile at 50 m (§4 example).
  double low_target_height_m = 50.0;
  // Fire units are not sited closer than this to the line, km (assumption).
  double air_defence_min_distance_to_line_km = 30.0;

  // --- air policing (planning_factors.md §3a) ---
  std::vector<std::string> air_policing_capabilities = {"air_policing", "fighter"};
  // Transit speed to intercept, km/h: subsonic 900 km/h (§3a intercept timing).
  double intercept_speed_kmh = 900.0;
  // Time from order to airborne, minutes: NATO QRA readiness state RS-15 (§3a).
  double scramble_minutes = 15.0;
  // A point is covered when an interceptor reaches it within this time, minutes (assumption).
  double intercept_time_target_minutes = 30.0;
  // Site ids of the bases that host the detachments; empty = every site of kind airbase. Detachments
  // of a component located outside_ukraine use only the bases outside the host country.
  std::vector<std::string> airbases;
  // --- combat air patrol (CAP) stations: the sizing model of planning_factors.md §3a ---
  // Fighters on station in one 24/7 CAP (a two-ship, §3a worked examples).
  double cap_aircraft_on_station = 2.0;
  // Time on station per sortie, hours (§3a worked example: 1 h at 300 km from the base).
  double cap_time_on_station_hours = 1.0;
  // Transit speed base to station, km/h (§3a worked examples: 850 km/h).
  double cap_transit_speed_kmh = 850.0;
  // Ground turnaround between sorties, hours (~3 h, RAND sortie-rate model, §3a).
  double cap_turnaround_hours = 3.0;
  // Mission-capable rate of the fleet (§3a worked examples: 0.7).
  double cap_mission_capable_rate = 0.7;
  // Sustained sorties per aircraft per day (RAND example 2.46, §3a).
  double cap_max_sorties_per_aircraft_day = 2.46;
  // Fighters in one air-policing detachment (Baltic Air Policing standard: 4, §3a).
  double aircraft_per_detachment = 4.0;

  // --- airborne early warning (model_evidence_2.md §6) ---
  std::vector<std::string> aew_capabilities = {"aew"};
  // Radar radius of one AEW orbit against low-flying targets, km: E-7 look-down >370 km (§6.6),
  // the lower of the two sourced figures (E-3 ~400 km against low-level targets, §6.5).
  double aew_radar_radius_km = 370.0;
  // Orbits flown per deployed AEW unit (the unit type is one 24/7 orbit).
  double aew_orbits_per_unit = 1.0;

  // --- ISR and monitoring (planning_factors.md §5) ---
  std::vector<std::string> isr_capabilities = {"isr", "isr_wide_area"};
  // Ground footprint radius of one orbit's sensors, km: Lynx SAR slant range 30 km in rain
  // (model_evidence_2.md §6.1), the conservative value; 30-80 km plausible. Used for every orbit:
  // the unit types' range_km are line-of-sight bounds (360, 509 km), not sensor ranges.
  double isr_sensor_radius_km = 30.0;
  // Orbits flown per deployed ISR unit (assumption).
  double isr_orbits_per_unit = 1.0;
  // Orbit centres this far behind the line, km (assumption).
  double isr_standoff_km = 15.0;
  // Half-width of the buffer zone when the scenario draws none, km: GCSP toolkit 7.5 km pull-back
  // per side (planning_factors.md §0).
  double buffer_half_width_km = 7.5;
  std::vector<std::string> monitoring_capabilities = {"monitoring"};
  // Line-km one monitoring team covers when its component's requirement line does not say (the
  // monitoring component's one team per 40 km, an assumption of the scenario).
  double monitoring_line_km_per_team = 40.0;

  // --- maritime (planning_factors.md §6; geography.md §4) ---
  std::vector<std::string> mcm_capabilities = {"mcm", "mine_countermeasures"};
  std::vector<std::string> escort_capabilities = {"escort", "maritime_escort", "frigate"};
  // Minehunters in one unit of an MCM unit type (assumption: the unit is one vessel).
  double minehunters_per_unit = 1.0;
  // Area searched and cleared per minehunter per day, km²: SNMCMG1 Estonia 2023 ~1.2, a cluttered
  // historic minefield like the Black Sea (§6; Kattegat ~1.8; planning note 1-2). The same figure
  // the plan's minehunter requirement (one per 58 km of route) is derived from.
  double mcm_area_rate_km2_per_day = 1.2;
  // Width of the swept route, km: a 2 nm Q-route (§6 planning note) = 3.704 km.
  double corridor_width_km = 3.704;
  // Corridor waypoints (lat, lon), Odesa → Bosporus; default geography.md §4.2 C0–C9 (approximate).
  std::vector<std::pair<double, double>> corridor = default_black_sea_corridor();
  // Convoy speed, knots (assumption); escorts per convoy and merchant ships per convoy (assumption).
  double convoy_speed_kn = 10.0;
  double escorts_per_convoy = 2.0;
  double ships_per_convoy = 6.0;
  // Hours in port between escorted transits (assumption).
  double escort_turnaround_hours = 12.0;

  // --- computation ---
  // Cell size of the coverage grid, km (the issue asks for 1 km).
  double grid_resolution_km = 1.0;
  // Spacing of the points along the line where reaction time is measured, km.
  double line_sample_km = 5.0;
  // Each end of the line is extended this far to close it against the border and the coast when
  // telling the occupied side from the controlled side, km (assumption).
  double line_end_extension_km = 25.0;

  // Keys the scenario set explicitly, with the provenance it gave (for the report).
  std::map<std::string, std::string> overridden;  // key → "source: ..." or "assumption: ..."
};

// Fighters needed to hold one 24/7 CAP station `base_to_station_km` from its base, the sizing model
// of planning_factors.md §3a: max(N_time, N_rate) with
//   N_time = n (T_os + 2 d / v + T_ta) / T_os / MC   and   N_rate = (n · 24 / T_os) / SR_max / MC.
// Shared by the plan (detachments per CAP station) and the laydown (station geometry).
inline double cap_aircraft_per_station(const LaydownSettings& s, double base_to_station_km) {
  const double n = s.cap_aircraft_on_station, t_os = s.cap_time_on_station_hours, mc = s.cap_mission_capable_rate;
  const double by_time = n * (t_os + 2.0 * base_to_station_km / s.cap_transit_speed_kmh + s.cap_turnaround_hours) / t_os / mc;
  const double by_sortie_rate = n * 24.0 / t_os / s.cap_max_sorties_per_aircraft_day / mc;
  return by_time > by_sortie_rate ? by_time : by_sortie_rate;
}

// Detachments (of `aircraft_per_detachment`) needed for one CAP station: the §3a fleet rounded up.
// The tolerance keeps a fleet of 28.0000001 (rounding in the inputs) at 7 detachments.
inline int cap_detachments_per_station(const LaydownSettings& s, double base_to_station_km) {
  const double detachments = cap_aircraft_per_station(s, base_to_station_km) / s.aircraft_per_detachment;
  const int whole = static_cast<int>(detachments);
  return detachments - whole > 1e-9 ? whole + 1 : whole;
}

}  // namespace guarantor
