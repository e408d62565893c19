// The parameter table: every simulation parameter, its value and where the default comes from.
// Research files are ../shared/research/*.md; the same table is in docs/model/simulation.md.
#include <fmt/format.h>

#include "guarantor/sim/engine.hpp"

namespace guarantor::sim {

namespace {

constexpr const char* kAssumption = "assumption";
constexpr const char* kFortnaFit =
    "derived: Weibull through Fortna's Kaplan-Meier S(1y)=0.613, S(2y)=0.548 without peacekeepers, "
    "validation_data.md §2.3 [C]";
constexpr const char* kCohesion7 = "adversary_cohesion.md §7 (anchor range; value chosen inside it: assumption)";

struct Row {
  std::string key;
  nlohmann::json value;
  std::string source;
};

template <std::size_t N>
nlohmann::json list(const std::array<double, N>& values) {
  nlohmann::json j = nlohmann::json::array();
  for (double v : values) j.push_back(v);
  return j;
}

std::vector<Row> rows(const SimulationSettings& s) {
  const auto& b = s.baseline;
  const auto& l = s.ladder;
  const auto& d = s.deterrence;
  const auto& i = s.incidents;
  const auto& c = s.casualties;
  const auto& h = s.cohesion;
  const auto& k = s.combat;
  return {
      {"days", s.days, "issue 4: the ceasefire period, 730 days"},
      {"mandate", to_string(s.mandate), "scenario choice (default reassurance: Paris Declaration, forces far from the line)"},
      {"us_backstop", to_string(s.us_backstop), "scenario choice (automatic: a us_backstop component means present)"},
      {"us_backstop_delay_days", s.us_backstop_delay_days, kAssumption},
      {"baseline.weibull_shape", b.weibull_shape, kFortnaFit},
      {"baseline.weibull_scale_days", b.weibull_scale_days, kFortnaFit},
      {"ladder.up_per_day", list(l.up_per_day), "assumption (truces fray in weeks to months: adversary_cohesion.md §4b)"},
      {"ladder.down_per_day", list(l.down_per_day), "assumption (adversary_cohesion.md §4b)"},
      {"ladder.failure_multiplier", list(l.failure_multiplier), kAssumption},
      {"ladder.normalise_failure_multipliers", l.normalise_failure_multipliers, "model choice (keeps Fortna's baseline)"},
      {"ladder.deterrence_coupling", l.deterrence_coupling, kAssumption},
      {"deterrence.force_hazard_ratio", d.force_hazard_ratio,
       "Fortna data, Cox HR with peacekeepers, unadjusted 0.538 (0.302 with controls): validation_data.md §2.3 [C]"},
      {"deterrence.reference_troops", d.reference_troops, "assumption (IISS 'medium' option ~25,000: validation_data.md §4)"},
      {"deterrence.size_elasticity", d.size_elasticity,
       "assumption; direction from Fortna 2008 'small missions often as effective' (validation_data.md §2.2 [V])"},
      {"deterrence.max_size_factor", d.max_size_factor, kAssumption},
      {"deterrence.readiness", d.readiness, kAssumption},
      {"deterrence.air_weight", d.air_weight, kAssumption},
      {"deterrence.maritime_weight", d.maritime_weight, kAssumption},
      {"deterrence.nuclear_hazard_ratio", d.nuclear_hazard_ratio,
       "assumption; direction Fuhrmann & Sechser 2014 (adversary_cohesion.md §5c [V])"},
      {"deterrence.us_backstop_hazard_ratio", d.us_backstop_hazard_ratio,
       "assumption; IISS 2025 says a US backstop is needed (validation_data.md §4)"},
      {"deterrence.ukraine_hazard_ratio", d.ukraine_hazard_ratio, kAssumption},
      {"deterrence.ukraine_initial_rebuild", d.ukraine_initial_rebuild, kAssumption},
      {"deterrence.ukraine_rebuild_per_year", d.ukraine_rebuild_per_year, kAssumption},
      {"deterrence.ukraine_rebuild_per_year_per_1000_trainers", d.ukraine_rebuild_per_year_per_1000_trainers, kAssumption},
      {"deterrence.monitoring_hazard_ratio", d.monitoring_hazard_ratio, kAssumption},
      {"deterrence.unanswered_test_log_hazard", d.unanswered_test_log_hazard, kAssumption},
      {"deterrence.answered_test_credit", d.answered_test_credit, kAssumption},
      {"deterrence.max_unanswered_penalty", d.max_unanswered_penalty, kAssumption},
      {"deterrence.interposition_force_factor", d.interposition_force_factor,
       "assumption (tripwire logic, Schelling 1966: adversary_cohesion.md §5a)"},
      {"deterrence.review_days", d.review_days, kAssumption},
      {"incidents.violations_per_day", list(i.violations_per_day),
       "OSCE SMM: ~33/day after Jul 2020, 100-900 in 2021, 1,500-2,000 in Feb 2022 (adversary_cohesion.md §4a, §7 [V])"},
      {"incidents.base_detection_probability", i.base_detection_probability, kAssumption},
      {"incidents.full_detection_probability", i.full_detection_probability, kAssumption},
      {"incidents.monitoring_troops_for_full_detection", i.monitoring_troops_for_full_detection,
       "OSCE SMM cap of 1,000 monitors (validation_data.md §3 [V])"},
      {"incidents.probes_per_day", list(i.probes_per_day), "assumption (grey-zone 3-10 a month: adversary_cohesion.md §7)"},
      {"incidents.hybrid_per_day", list(i.hybrid_per_day),
       "CSIS: 34 attacks in 2024 = 0.093/day (adversary_cohesion.md §3d [V]); growth with level: assumption"},
      {"incidents.strikes_per_day", list(i.strikes_per_day), kAssumption},
      {"incidents.kia_per_strike_mean", i.kia_per_strike_mean, kAssumption},
      {"incidents.respond_probability", i.respond_probability, kAssumption},
      {"incidents.response_escalation_probability", i.response_escalation_probability, kAssumption},
      {"casualties.hostile_per_1000_per_year", list(c.hostile_per_1000_per_year),
       "adversary_cohesion.md §7: 0.1-0.8 holding, 1-3 probing/strikes (D); values inside: assumption"},
      {"casualties.exposure_by_mandate", list(c.exposure_by_mandate), kAssumption},
      {"casualties.outside_ukraine_exposure", c.outside_ukraine_exposure, kAssumption},
      {"cohesion.base_exit_hazard_per_year", h.base_exit_hazard_per_year, kCohesion7},
      {"cohesion.default_casualty_tolerance_kia", h.default_casualty_tolerance_kia, kAssumption},
      {"cohesion.casualty_weight", h.casualty_weight,
       "assumption; log form from Mueller 1973 (adversary_cohesion.md §1b [V])"},
      {"cohesion.election_multiplier", h.election_multiplier, kCohesion7},
      {"cohesion.election_window_days", h.election_window_days, kCohesion7},
      {"cohesion.renewal_failure_probability", h.renewal_failure_probability, kCohesion7},
      {"cohesion.renewal_failure_probability_after_casualties", h.renewal_failure_probability_after_casualties, kCohesion7},
      {"cohesion.recent_casualty_days", h.recent_casualty_days, kCohesion7},
      {"cohesion.cascade_probability", h.cascade_probability, kCohesion7},
      {"cohesion.cascade_window_days", h.cascade_window_days, kCohesion7},
      {"cohesion.shock_kia", h.shock_kia, kCohesion7},
      {"cohesion.shock_exit_probability", h.shock_exit_probability, kCohesion7},
      {"cohesion.shock_exit_probability_doubted", h.shock_exit_probability_doubted, kCohesion7},
      {"cohesion.shock_window_days", h.shock_window_days, kCohesion7},
      {"cohesion.mandate_cycles", "DE IT SE EE LV 12 months; LT 24; FR one vote at month 4; others one-off",
       "adversary_cohesion.md §2 and §7 [V]; nations not listed there: assumption (one-off)"},
      {"combat.red_troops", k.red_troops, "~700,000 Russian troops in the war zone (adversary_cohesion.md §3a [S])"},
      {"combat.red_regeneration_per_month", k.red_regeneration_per_month, "adversary_cohesion.md §3b (D)"},
      {"combat.red_troops_cap", k.red_troops_cap, "decree target 1.5 M military (adversary_cohesion.md §3a [V])"},
      {"combat.ukraine_troops", k.ukraine_troops, "800,000 (Paris Declaration, Macron: validation_data.md §4 [V])"},
      {"combat.red_effectiveness", k.red_effectiveness, "assumption (about 1 Ukrainian loss per 2 Russian)"},
      {"combat.blue_effectiveness", k.blue_effectiveness,
       "derived: ~1,100 Russian casualties/day at 800,000 (UK DI via adversary_cohesion.md §3b) / 800,000"},
      {"combat.p", k.p, "Lanchester square law"},
      {"combat.q", k.q, "Lanchester square law"},
      {"combat.combat_days", k.combat_days, kAssumption},
      {"combat.killed_share", k.killed_share, kAssumption},
      {"combat.engaged_share_by_mandate", list(k.engaged_share_by_mandate), kAssumption},
  };
}

}  // namespace

nlohmann::json parameter_table(const SimulationSettings& settings) {
  nlohmann::json table = nlohmann::json::array();
  for (auto& row : rows(settings)) {
    const bool from_file = settings.set_in_file.count("simulation." + row.key) > 0;
    table.push_back({{"key", row.key}, {"value", row.value}, {"source", from_file ? "scenario file" : row.source}});
  }
  return table;
}

}  // namespace guarantor::sim
