#pragma once
// The `simulation:` section of a scenario: parameters of the campaign Monte Carlo.
// Every default below is documented, with its source or the label `assumption`, in
// docs/model/simulation.md and docs/user/scenario-format-simulation.md. Rates are per day unless
// the name says otherwise; levels index the escalation ladder
// 0 holding, 1 violations, 2 probing, 3 limited strikes (4 = renewed offensive, the failure).

#include <array>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "guarantor/core/diagnostics.hpp"

namespace guarantor {

// What the force is allowed to do when tested (issue 4, item 3).
enum class Mandate { reassurance, deterrence, interposition };
// Whether the US backstop stands behind the force: `automatic` at the filled share of the US
// requirement (troops the package assigns to enabled us_backstop components over the troops they
// require; 0 when nothing is filled), `present` filled notionally (full effect), `absent` none,
// `delayed` the filled share after simulation.us_backstop_delay_days.
enum class BackstopMode { automatic, present, absent, delayed };

inline constexpr int kEscalationLevels = 4;  // levels 0..3 before the failure level 4

// The reference class whose cease-fires the baseline failure hazard is fitted to
// (docs/model/simulation.md §Reference classes). Each sets BaselineHazard unless the scenario sets
// simulation.baseline_hazard.* itself (then the class is `custom`).
enum class BaselineClass { fortna_civil_war, interstate, donbas_recommitments, custom };

// The ceasefire's baseline failure hazard without any force: Weibull, H0(t) = (t / scale)^shape.
// Default (fortna-civil-war): fitted to Fortna's civil-war cease-fires without peacekeepers
// (validation_data.md §2.3): S(365 d) = 0.613, S(730 d) = 0.548.
struct BaselineHazard {
  double weibull_shape = 0.29753;
  double weibull_scale_days = 4030.5;
};

// The escalation ladder: a birth-death chain on levels 0..3 plus the failure transition.
struct LadderSettings {
  std::array<double, 3> up_per_day{1.0 / 60, 1.0 / 90, 1.0 / 180};    // 0→1, 1→2, 2→3 (assumption)
  std::array<double, 3> down_per_day{1.0 / 45, 1.0 / 60, 1.0 / 30};  // 1→0, 2→1, 3→2 (assumption)
  std::array<double, kEscalationLevels> failure_multiplier{0.5, 1.0, 2.0, 4.0};  // assumption
  bool normalise_failure_multipliers = true;  // stationary mean multiplier = 1 with no force
  double deterrence_coupling = 0.5;           // up-rates × HR^coupling (assumption)
};

// Deterrence as log hazard ratios that add up (HR = exp(sum)).
struct DeterrenceSettings {
  double force_hazard_ratio = 0.54;       // Fortna HR with peacekeepers, unadjusted (§2.3)
  double reference_troops = 25000;        // force size the HR stands for (assumption; IISS medium)
  double size_elasticity = 0.3;           // small forces nearly as effective (Fortna 2008, V)
  double max_size_factor = 1.5;           // cap on (troops/reference)^elasticity (assumption)
  double readiness = 1.0;                 // 0..1 multiplies the force effect (assumption)
  double air_weight = 2.0;                // combat-power weight of air troops vs land (assumption)
  double maritime_weight = 0.5;           // ... of maritime troops (assumption)
  // A nuclear-armed contributor with troops in Ukraine. 1.0 (no effect): stationing adds nothing
  // beyond the alliance commitment (Fuhrmann & Sechser 2014, model_evidence_2.md §3.5).
  double nuclear_hazard_ratio = 1.0;
  double us_backstop_hazard_ratio = 0.6;  // US backstop fully filled (assumption), scaled by the filled share
  double ukraine_hazard_ratio = 0.7;      // Ukraine's forces fully rebuilt (assumption)
  double ukraine_initial_rebuild = 0.0;   // share rebuilt on day 0 (assumption)
  double ukraine_rebuild_per_year = 0.25;               // without trainers (assumption)
  double ukraine_rebuild_per_year_per_1000_trainers = 0.05;  // training mission (assumption)
  double monitoring_hazard_ratio = 0.8;   // HR with a fully manned monitoring component (assumption)
  double unanswered_test_log_hazard = 0.03;  // each unanswered probe raises log HR (assumption)
  double answered_test_credit = 0.03;        // each answered probe lowers the penalty (assumption)
  double max_unanswered_penalty = 0.5;       // cap on the penalty (assumption)
  double interposition_force_factor = 1.5;   // tripwire on the line (assumption)
  double review_days = 90;                   // Ukraine's rebuild counts at quarterly reviews (assumption)
};

// Incidents: counts per day by level 0..3.
struct IncidentSettings {
  std::array<double, kEscalationLevels> violations_per_day{30, 300, 900, 1800};  // OSCE SMM §2.5/§4a
  double base_detection_probability = 0.5;   // without a monitoring component (assumption)
  double full_detection_probability = 0.9;   // with a fully manned monitoring component (assumption)
  double monitoring_troops_for_full_detection = 1000;  // OSCE SMM ~1,000 cap (validation §3)
  std::array<double, kEscalationLevels> probes_per_day{1.0 / 30, 2.0 / 30, 6.0 / 30, 15.0 / 30};  // assumption
  std::array<double, kEscalationLevels> hybrid_per_day{0.093, 0.14, 0.19, 0.28};  // CSIS 34/yr (§3d) × level
  std::array<double, kEscalationLevels> strikes_per_day{0, 0, 0, 0.05};  // on the force (assumption)
  // Drone and missile incursions into the protected airspace, by level: 4 Estonian violations in
  // 2025 at the bottom, the September 2025 cluster (three NATO states in ten days) at the top
  // (adversary_cohesion.md §3e; assumption in between).
  std::array<double, kEscalationLevels> air_incursions_per_day{4.0 / 365, 0.03, 0.1, 0.3};
  // An engaged incursion is shot down: 3-4 of 19-23 drones over Poland, 9-10 Sep 2025 (§3e).
  double air_shootdown_probability = 0.18;
  double kia_per_strike_mean = 4;             // assumption
  double respond_probability = 0.9;           // deterrence/interposition answer a probe (assumption)
  double response_escalation_probability = 0.05;  // an answer provokes one rung up (assumption)
};

// The violation regime, apart from the hazard of a large offensive (model_evidence_2.md §2): a
// low-violence regime after a (re)commitment and an eroded one. Violations run at
// IncidentSettings::violations_per_day in the eroded regime and at that times a multiplier in the
// low-violence one; monitors move the multiplier and the erosion rate from a bare declaration's
// to a monitored package's in proportion to monitoring_share.
struct ViolationRegimeSettings {
  double bare_multiplier = 0.5;            // bare declaration: single-day drops of 53-60% (§2.4-2.5)
  double monitored_multiplier = 1 / 18.9;  // July 2020 package: 623 -> 33 a day (§2.7)
  double bare_erosion_per_day = 1.0 / 14;  // recommitments held about two weeks (Hug, §2.3)
  double monitored_erosion_per_day = 1.0 / 365;  // the 2020 package held > 6 months, ×5 by Dec 2021 (§2.7, 2.10)
  double recommitment_per_day = 12.0 / 1095;     // 12 recommitments in three years (§2.3)
};

// Politics beyond the renewal votes (model_evidence_2.md §5): elections raise a contributor's exit
// hazard by CohesionSettings::election_multiplier within ± election_window_days; dated elections
// come from nations[].elections, snap elections arrive as a Poisson process; the US may withdraw
// its backstop.
struct PoliticsSettings {
  std::string start_date = "2027-01-01";  // day 0: the ceasefire (assumption: none is agreed)
  double snap_election_rate_per_year = 0.1;   // per contributor (assumption; NL 2025, DK 2026)
  double us_withdrawal_hazard_per_year = 0.1; // the backstop is withdrawn for good (assumption)
};

// Hostile fatalities of the force outside combat: per 1,000 troops per year by level.
struct CasualtySettings {
  std::array<double, kEscalationLevels> hostile_per_1000_per_year{0.3, 0.8, 2.0, 3.0};  // cohesion §7
  std::array<double, 3> exposure_by_mandate{1.0, 1.5, 3.0};  // reassurance, deterrence, interposition
  double outside_ukraine_exposure = 0.1;  // troops of components based outside Ukraine (assumption)
};

struct CohesionSettings {
  double base_exit_hazard_per_year = 0.05;     // cohesion §7: 0.03-0.08
  double default_casualty_tolerance_kia = 50;  // assumption
  double casualty_weight = 4;                  // hazard × (1 + w) at the tolerance (assumption)
  double election_multiplier = 3;              // cohesion §7: × 2-4
  double election_window_days = 90;            // ± around the election day (§7: 6 months)
  double renewal_failure_probability = 0.03;   // cohesion §7: 0.02-0.05
  double renewal_failure_probability_after_casualties = 0.3;  // §7: 0.2-0.5
  double recent_casualty_days = 90;            // §7: "in the last 3 months"
  double cascade_probability = 0.7;            // §7: 0.5-0.9
  double cascade_window_days = 90;             // §7
  double shock_kia = 10;                       // §7: ≥10 KIA in one event
  double shock_exit_probability = 0.1;         // §7: 0.05-0.15
  double shock_exit_probability_doubted = 0.45;  // §7: 0.3-0.6 (at level 3)
  double shock_window_days = 30;               // §7
};

// Combat after the ceasefire fails: generalised Lanchester dB/dt = -a R^p B^q, dR/dt = -b B^p R^q.
struct CombatSettings {
  double red_troops = 700000;             // cohesion §3a (~700,000 in the war zone)
  double red_regeneration_per_month = 30000;  // cohesion §3b (derived)
  double red_troops_cap = 1500000;        // cohesion §3a (decree: 1.5 M military)
  double ukraine_troops = 800000;         // validation §4 (Paris Declaration, 800,000)
  double red_effectiveness = 0.000786;    // a: Blue losses per Red per day (assumption)
  double blue_effectiveness = 0.001375;   // b: ~1,100 Red losses/day at 800k (cohesion §3b)
  double p = 1.0;                         // square law (Lanchester)
  double q = 0.0;
  double combat_days = 60;                // assumption
  double killed_share = 0.25;             // fatalities per combat loss (assumption)
  std::array<double, 3> engaged_share_by_mandate{0.1, 0.3, 1.0};  // assumption
};

// Per-nation overrides; unset fields take the defaults (mandate cadence from cohesion §2).
struct NationSimulationSettings {
  std::string nation;  // Nation::code
  std::optional<double> casualty_tolerance_kia;
  std::optional<double> mandate_cycle_months;  // 0 = a one-off approval
  std::optional<double> first_vote_month;      // a single vote after this many months (France: 4)
  std::optional<bool> lead;                    // framework nation whose exit cascades
  std::optional<double> election_day;          // day of a national election within the period
  SourceLocation where;
};

struct SimulationSettings {
  int days = 730;
  int replications = 10000;
  std::uint64_t seed = 20260227;
  int report_interval_days = 30;
  Mandate mandate = Mandate::reassurance;
  BackstopMode us_backstop = BackstopMode::automatic;
  double us_backstop_delay_days = 90;
  BaselineClass baseline_class = BaselineClass::fortna_civil_war;  // simulation.baseline
  BaselineHazard baseline;  // simulation.baseline_hazard.*: the class's preset unless set
  ViolationRegimeSettings violation_regime;
  PoliticsSettings politics;
  LadderSettings ladder;
  DeterrenceSettings deterrence;
  IncidentSettings incidents;
  CasualtySettings casualties;
  CohesionSettings cohesion;
  CombatSettings combat;
  std::vector<NationSimulationSettings> nations;
  std::set<std::string> set_in_file;  // dotted keys the scenario set (the rest are defaults)
};

inline const char* to_string(Mandate m) {
  switch (m) {
    case Mandate::reassurance: return "reassurance";
    case Mandate::deterrence: return "deterrence";
    case Mandate::interposition: return "interposition";
  }
  return "?";
}

inline const char* to_string(BaselineClass b) {
  switch (b) {
    case BaselineClass::fortna_civil_war: return "fortna-civil-war";
    case BaselineClass::interstate: return "interstate";
    case BaselineClass::donbas_recommitments: return "donbas-recommitments";
    case BaselineClass::custom: return "custom";
  }
  return "?";
}

inline const char* to_string(BackstopMode b) {
  switch (b) {
    case BackstopMode::automatic: return "automatic";
    case BackstopMode::present: return "present";
    case BackstopMode::absent: return "absent";
    case BackstopMode::delayed: return "delayed";
  }
  return "?";
}

}  // namespace guarantor
