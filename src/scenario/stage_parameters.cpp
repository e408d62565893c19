// The plan and laydown stages' parameters (the `plan:` and `laydown:` sections). Research files:
// planning_factors.md and geography.md in the project's shared research folder.
#include "scenario/parameter_builder.hpp"
#include "scenario/parameter_tables.hpp"

namespace guarantor::params::detail {

namespace {
constexpr const char* kNoEvidence = "no published figure; blanket ×0.5–×2 around the default";
}  // namespace

std::vector<Parameter> plan_parameters() {
  return {
      number("plan.max_land_force_share", "share", {0, 1}, GUARANTOR_FIELD(plan.max_land_force_share))
          .assumption("largest share of a nation's land force (else active personnel) committed, counting rotation; "
                      "The Times put 64,000 troops for two years at 256,000 with 4:1 rotation. 0.15 to 0.35",
                      0.15, 0.35),
      choice("plan.cap_basis", {"active_personnel", "land_personnel"},
             [](Scenario& s) -> Field {
               auto* on_land = &s.plan.cap_on_land_personnel;
               return ChoiceField{[on_land] { return std::size_t{*on_land ? 1u : 0u}; },
                                  [on_land](std::size_t i) { *on_land = i == 1; }};
             })
          .control("model choice: the nations' force caps are shares of active personnel for every nation (one "
                   "basis: the Factbook gives it for all), or of the army where it is split out (the UK and US only)"),
      choice("plan.burden_basis", {"gdp", "personnel"},
             [](Scenario& s) -> Field {
               auto* by_gdp = &s.plan.burden_by_gdp;
               return ChoiceField{[by_gdp] { return std::size_t{*by_gdp ? 0u : 1u}; },
                                  [by_gdp](std::size_t i) { *by_gdp = i == 0; }};
             })
          .control("model choice: the basis of fair shares in burden sharing"),
      number("plan.time_limit_seconds", "seconds", {0.01, 3600}, GUARANTOR_FIELD(plan.time_limit_seconds))
          .control("computation: solver time limit per solve"),
      number("plan.framework_min_share", "share", {0, 1}, GUARANTOR_FIELD(plan.framework_min_share))
          .assumption("a framework nation provides at least this share of a component (NATO eFP framework nations "
                      "provide roughly a third to a half of a battlegroup: planning_factors.md); 0.2 to 0.5",
                      0.2, 0.5),
      number("plan.default_probability", "probability", {0, 1}, GUARANTOR_FIELD(plan.default_probability))
          .assumption("P(a conditional pledge with no stated probability materialises); no estimate: 0.3 to 0.7", 0.3, 0.7),
      number("plan.approval_vote_pass_probability", "probability", {0, 1},
             GUARANTOR_FIELD(plan.approval_vote_pass_probability))
          .assumption("P(a parliament's approval vote passes), applied to every pledge conditioned on "
                      "parliament_approval: P(a renewal vote fails) is 0.02-0.05 at baseline (adversary_cohesion.md "
                      "§7; Spain: 26 of 26 authorisations passed since 2005)",
                      0.95, 0.98),
      integer("plan.draws", "coalitions", {0, 100000}, GUARANTOR_FIELD(plan.draws))
          .control("computation: Monte Carlo coalitions drawn from the conditional pledges (0 = off)"),
      seed("plan.seed", GUARANTOR_FIELD(plan.seed)).control("computation: master seed of the pledge draws"),
      integer("plan.contingency_top_contributors", "nations", {0, 20}, GUARANTOR_FIELD(plan.contingency_top_contributors))
          .control("computation: N-2 contingency pairs among this many largest contributors"),
  };
}

namespace {

std::vector<Parameter> siting() {
  return {
      number("laydown.min_distance_to_line_km", "km", {0, 2000}, GUARANTOR_FIELD(laydown.min_distance_to_line_km))
          .assumption("'far from the line of contact' (Paris Declaration) has no number; 50 km (keeps Odesa) to "
                      "150 km",
                      50, 150),
      number("laydown.min_distance_to_border_km", "km", {0, 2000}, GUARANTOR_FIELD(laydown.min_distance_to_border_km))
          .assumption(std::string("hubs keep away from the adversaries' borders; ") + kNoEvidence, 25, 100),
      integer("laydown.hubs", "hubs", {0, 100}, GUARANTOR_FIELD(laydown.hubs))
          .control("0 takes the `hubs` driver of the reassurance_land component (else 4)"),
      number("laydown.reaction_speed_kmh", "km/h", {1, 1000}, GUARANTOR_FIELD(laydown.reaction_speed_kmh))
          .assumption(std::string("road-march speed of a mixed wheeled column on main roads; ") + kNoEvidence, 25, 80),
      number("laydown.road_factor", "", {1, 5}, GUARANTOR_FIELD(laydown.road_factor))
          .assumption("road distance over geodesic distance: typical circuity of a national road net 1.2-1.5", 1.2, 1.5),
      number("laydown.notice_to_move_minutes", "minutes", {0, 10080}, GUARANTOR_FIELD(laydown.notice_to_move_minutes))
          .assumption(std::string("notice to move of the reaction force; ") + kNoEvidence, 30, 120),
      number("laydown.reaction_time_target_minutes", "minutes", {1, 10080},
             GUARANTOR_FIELD(laydown.reaction_time_target_minutes))
          .assumption(std::string("a hub covers what it reaches within this time; ") + kNoEvidence, 120, 480),
      number("laydown.critical_site_weight", "people-equivalents", {0, 1e9}, GUARANTOR_FIELD(laydown.critical_site_weight))
          .assumption(std::string("a critical site counts as a town of 100,000 in the siting objective; ") + kNoEvidence,
                      50000, 200000),
      numbers("laydown.tradeoff_distances_km", "km", {0, 2000}, 0, GUARANTOR_FIELD(laydown.tradeoff_distances_km))
          .control("computation: minimum distances at which the siting is re-solved for the trade-off curve"),
  };
}

std::vector<Parameter> air() {
  return {
      texts("laydown.air_defence_capabilities", GUARANTOR_FIELD(laydown.air_defence_capabilities))
          .control("unit-type capabilities counted as ground-based air defence"),
      number("laydown.air_defence_default_range_km", "km", {0.1, 1000}, GUARANTOR_FIELD(laydown.air_defence_default_range_km))
          .sourced("IRIS-T SLM engagement range 40 km, used when a unit type has no range_km (planning_factors.md §4)"),
      number("laydown.radar_antenna_height_m", "m", {0, 1000}, GUARANTOR_FIELD(laydown.radar_antenna_height_m))
          .sourced("the 10 m mast of the worked examples (planning_factors.md §4)"),
      number("laydown.low_target_height_m", "m", {0, 30000}, GUARANTOR_FIELD(laydown.low_target_height_m))
          .sourced("a cruise missile at 50 m (planning_factors.md §4 example)"),
      number("laydown.air_defence_min_distance_to_line_km", "km", {0, 2000},
             GUARANTOR_FIELD(laydown.air_defence_min_distance_to_line_km))
          .assumption(std::string("fire units are not sited closer to the line; ") + kNoEvidence, 15, 60),
      texts("laydown.air_policing_capabilities", GUARANTOR_FIELD(laydown.air_policing_capabilities))
          .control("unit-type capabilities counted as air policing"),
      number("laydown.intercept_speed_kmh", "km/h", {100, 5000}, GUARANTOR_FIELD(laydown.intercept_speed_kmh))
          .sourced("subsonic transit to intercept, 900 km/h (planning_factors.md §3a)"),
      number("laydown.scramble_minutes", "minutes", {0, 1440}, GUARANTOR_FIELD(laydown.scramble_minutes))
          .sourced("NATO QRA readiness state RS-15 (planning_factors.md §3a)"),
      number("laydown.intercept_time_target_minutes", "minutes", {0, 1440},
             GUARANTOR_FIELD(laydown.intercept_time_target_minutes))
          .assumption(std::string("a point is covered when an interceptor reaches it within this time; ") + kNoEvidence,
                      15, 60),
      texts("laydown.airbases", GUARANTOR_FIELD(laydown.airbases))
          .control("site ids of the bases hosting the detachments; empty = every site of kind airbase (outside the "
                   "host country for a component located outside_ukraine)"),
  };
}

// The CAP sizing model of planning_factors.md §3a (shared by the plan's detachments per CAP station
// and the laydown's station geometry) and the airborne early-warning orbits.
std::vector<Parameter> air_patrol() {
  return {
      number("laydown.cap_aircraft_on_station", "aircraft", {1, 100}, GUARANTOR_FIELD(laydown.cap_aircraft_on_station))
          .sourced("a two-ship CAP (planning_factors.md §3a worked examples; model_evidence_2.md §6)"),
      number("laydown.cap_time_on_station_hours", "hours", {0.1, 24}, GUARANTOR_FIELD(laydown.cap_time_on_station_hours))
          .assumption("time on station per sortie: 1 h at 300 km in the §3a worked example (the plan's 7 detachments per "
                      "station); 2 h in the §3a 150 km example and model_evidence_2.md §6",
                      1, 2),
      number("laydown.cap_transit_speed_kmh", "km/h", {100, 5000}, GUARANTOR_FIELD(laydown.cap_transit_speed_kmh))
          .sourced("850 km/h transit in the CAP worked examples (planning_factors.md §3a)"),
      number("laydown.cap_turnaround_hours", "hours", {0, 48}, GUARANTOR_FIELD(laydown.cap_turnaround_hours))
          .sourced("~180 min ground turnaround, RAND sortie-rate model App. B (planning_factors.md §3a)"),
      number("laydown.cap_mission_capable_rate", "share", {0.05, 1}, GUARANTOR_FIELD(laydown.cap_mission_capable_rate))
          .sourced("0.7 in the CAP worked examples; USAF fleet average 69.9% FY2023 (planning_factors.md §3a)"),
      number("laydown.cap_max_sorties_per_aircraft_day", "sorties per day", {0.1, 10},
             GUARANTOR_FIELD(laydown.cap_max_sorties_per_aircraft_day))
          .sourced("2.46 sorties per aircraft per day, RAND example (planning_factors.md §3a); 2-2.5 plausible"),
      number("laydown.aircraft_per_detachment", "aircraft", {1, 100}, GUARANTOR_FIELD(laydown.aircraft_per_detachment))
          .sourced("Baltic Air Policing detachment: 4 fighters (planning_factors.md §3a; model_evidence_2.md §6.10)"),
      texts("laydown.aew_capabilities", GUARANTOR_FIELD(laydown.aew_capabilities))
          .control("unit-type capabilities counted as airborne early warning"),
      number("laydown.aew_radar_radius_km", "km", {1, 2000}, GUARANTOR_FIELD(laydown.aew_radar_radius_km))
          .assumption("radar radius of one AEW orbit against low-flying targets: E-7 look-down >370 km (model_evidence_2.md "
                      "§6.6), E-3 ~400 km against low-level targets (§6.5)",
                      370, 400),
      number("laydown.aew_orbits_per_unit", "orbits", {0, 100}, GUARANTOR_FIELD(laydown.aew_orbits_per_unit))
          .control("orbits flown per deployed AEW unit (the unit type is one 24/7 orbit)"),
  };
}

std::vector<Parameter> isr_and_maritime() {
  return {
      texts("laydown.isr_capabilities", GUARANTOR_FIELD(laydown.isr_capabilities))
          .control("unit-type capabilities counted as ISR"),
      number("laydown.isr_sensor_radius_km", "km", {0.1, 1000}, GUARANTOR_FIELD(laydown.isr_sensor_radius_km))
          .assumption("ground footprint radius of one orbit's sensors: Lynx SAR slant range 30 km in rain "
                      "(model_evidence_2.md §6.1) to 80 km (the upper bound is a guess, §6)",
                      30, 80),
      number("laydown.isr_orbits_per_unit", "orbits", {0, 100}, GUARANTOR_FIELD(laydown.isr_orbits_per_unit))
          .assumption(std::string("orbits flown per deployed ISR unit; ") + kNoEvidence, 0.5, 2),
      number("laydown.isr_standoff_km", "km", {0, 500}, GUARANTOR_FIELD(laydown.isr_standoff_km))
          .assumption(std::string("orbit centres behind the line; ") + kNoEvidence, 7.5, 30),
      number("laydown.buffer_half_width_km", "km", {0.1, 500}, GUARANTOR_FIELD(laydown.buffer_half_width_km))
          .sourced("GCSP toolkit: 7.5 km pull-back per side (planning_factors.md §0)"),
      texts("laydown.monitoring_capabilities", GUARANTOR_FIELD(laydown.monitoring_capabilities))
          .control("unit-type capabilities counted as ceasefire-monitoring teams"),
      number("laydown.monitoring_line_km_per_team", "km", {0.1, 1000}, GUARANTOR_FIELD(laydown.monitoring_line_km_per_team))
          .assumption("line-km one team covers when its component's requirement line does not say; the monitoring "
                      "component's one team per 40 km (a fifth of the OSCE SMM density, planning_factors.md §5) to the "
                      "OSCE density of one team per 8 km",
                      8, 40),
      texts("laydown.mcm_capabilities", GUARANTOR_FIELD(laydown.mcm_capabilities))
          .control("unit-type capabilities counted as mine countermeasures"),
      texts("laydown.escort_capabilities", GUARANTOR_FIELD(laydown.escort_capabilities))
          .control("unit-type capabilities counted as escorts"),
      number("laydown.minehunters_per_unit", "vessels", {0, 100}, GUARANTOR_FIELD(laydown.minehunters_per_unit))
          .control("vessels in one unit of an MCM unit type (the unit is one vessel)"),
      number("laydown.mcm_area_rate_km2_per_day", "km² per day", {1e-6, 10000},
             GUARANTOR_FIELD(laydown.mcm_area_rate_km2_per_day))
          .assumption("area cleared per minehunter per day: SNMCMG1 Estonia 2023 ~1.2 in a cluttered historic "
                      "minefield (the plan's one minehunter per 58 km of route uses it), Kattegat ~1.8, planning note "
                      "1-2 km²/day (planning_factors.md §6)",
                      1.0, 2.0),
      number("laydown.corridor_width_km", "km", {0.01, 100}, GUARANTOR_FIELD(laydown.corridor_width_km))
          .sourced("a 2 nm Q-route = 3.704 km (planning_factors.md §6 planning note)"),
      number("laydown.convoy_speed_kn", "knots", {1, 60}, GUARANTOR_FIELD(laydown.convoy_speed_kn))
          .assumption(std::string("convoy speed; ") + kNoEvidence, 8, 14),
      number("laydown.escorts_per_convoy", "ships", {1, 100}, GUARANTOR_FIELD(laydown.escorts_per_convoy))
          .assumption(std::string("escorts per convoy; ") + kNoEvidence, 1, 4),
      number("laydown.ships_per_convoy", "ships", {1, 1000}, GUARANTOR_FIELD(laydown.ships_per_convoy))
          .assumption(std::string("merchant ships per convoy; ") + kNoEvidence, 3, 12),
      number("laydown.escort_turnaround_hours", "hours", {0, 1000}, GUARANTOR_FIELD(laydown.escort_turnaround_hours))
          .assumption(std::string("hours in port between escorted transits; ") + kNoEvidence, 6, 24),
  };
}

std::vector<Parameter> computation() {
  return {
      number("laydown.grid_resolution_km", "km", {0.25, 100}, GUARANTOR_FIELD(laydown.grid_resolution_km))
          .control("computation: cell size of the coverage grid"),
      number("laydown.line_sample_km", "km", {0.1, 1000}, GUARANTOR_FIELD(laydown.line_sample_km))
          .control("computation: spacing of the points along the line where reaction time is measured"),
      number("laydown.line_end_extension_km", "km", {0, 500}, GUARANTOR_FIELD(laydown.line_end_extension_km))
          .control("computation: each end of the line is extended to close it against the border and the coast"),
  };
}

}  // namespace

std::vector<Parameter> laydown_parameters() {
  std::vector<Parameter> all;
  for (auto part : {siting, air, air_patrol, isr_and_maritime, computation}) {
    auto rows = part();
    all.insert(all.end(), std::make_move_iterator(rows.begin()), std::make_move_iterator(rows.end()));
  }
  return all;
}

}  // namespace guarantor::params::detail
