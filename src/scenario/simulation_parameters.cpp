// The simulation stage's parameters (the `simulation:` section; see docs/model/simulation.md for
// the equations). Research files: validation_data.md, adversary_cohesion.md (§7 is its table of
// suggested anchors) and model_evidence_2.md, in the project's shared research folder.
// Plausible ranges: from the research where it gives one; otherwise the blanket ×0.5–×2 around the
// default, and the source says that no evidence exists.
#include "scenario/parameter_builder.hpp"
#include "scenario/parameter_tables.hpp"

namespace guarantor::params::detail {

namespace {

constexpr const char* kFortnaFit =
    "derived: Weibull through Fortna's Kaplan-Meier S(1y)=0.613, S(2y)=0.548 for civil-war cease-fires "
    "without peacekeepers (validation_data.md §2.3)";
constexpr const char* kNoEvidence = "no published estimate; blanket ×0.5–×2 around the default";

std::vector<Parameter> top_level() {
  return {
      integer("simulation.days", "days", {1, 3650}, GUARANTOR_FIELD(simulation.days))
          .control("the period the planners ask about: two years (The Times, Apr 2025: '64,000 troops for two "
                    "years'); at most ten years, beyond which no anchor speaks"),
      integer("simulation.replications", "replications", {1, 100000000}, GUARANTOR_FIELD(simulation.replications))
          .control("computation: sets the sampling error only (Wilson intervals are reported)"),
      seed("simulation.seed", GUARANTOR_FIELD(simulation.seed)).control("computation: the master seed of the random streams"),
      integer("simulation.report_interval_days", "days", {1, 3650}, GUARANTOR_FIELD(simulation.report_interval_days))
          .control("computation: spacing of the reported survival and troops-in-theatre days"),
      choice("simulation.mandate", {"reassurance", "deterrence", "interposition"},
             GUARANTOR_ENUM(simulation.mandate, Mandate))
          .sourced("Paris Declaration (6 Jan 2026): the force stays far from the line of contact, i.e. reassurance "
                   "(coalition_facts.md)"),
      choice("simulation.us_backstop", {"automatic", "present", "absent", "delayed"},
             GUARANTOR_ENUM(simulation.us_backstop, BackstopMode))
          .control("model switch: automatic scales the US term by the filled share of the us_backstop requirement "
                   "(0 when nothing is filled); present = filled notionally; delayed = the filled share after the "
                   "delay"),
      number("simulation.us_backstop_delay_days", "days", {0, 3650}, GUARANTOR_FIELD(simulation.us_backstop_delay_days))
          .assumption("US assets arrive in weeks to months when delayed: NRF 5-30 days (model_evidence_2.md §4.2) to "
                      "the 60-day brigade median and its 30-120 range (§4)",
                      30, 180),
  };
}

std::vector<Parameter> baseline_and_ladder() {
  return {
      choice("simulation.baseline", {"fortna-civil-war", "interstate", "donbas-recommitments", "custom"},
             GUARANTOR_ENUM(simulation.baseline_class, BaselineClass))
          .control("model choice of the reference class the baseline hazard is fitted to (docs/model/simulation.md "
                   "§Reference classes): fortna-civil-war (validation_data.md §2.3), interstate (Fortna, Peace Time "
                   "ch. 1: 'almost half' resumed; model_evidence_2.md §1.4), donbas-recommitments (Hug, OSCE SMM, "
                   "9 Aug 2018; model_evidence_2.md §2.3); custom when simulation.baseline_hazard.* is set"),
      number("simulation.baseline_hazard.weibull_shape", "", {0.05, 5},
             GUARANTOR_FIELD(simulation.baseline.weibull_shape))
          .derived(kFortnaFit),
      number("simulation.baseline_hazard.weibull_scale_days", "days", {1, 1e7},
             GUARANTOR_FIELD(simulation.baseline.weibull_scale_days))
          .derived(kFortnaFit),
      numbers("simulation.ladder.up_per_day", "per day", {0, kUnbounded}, 3, GUARANTOR_ARRAY(simulation.ladder.up_per_day))
          .assumption("truces fray in weeks to months (adversary_cohesion.md §4b; Donbas recommitments held about two "
                      "weeks, model_evidence_2.md §2.3); rates not estimated: blanket ×0.5–×2",
                      {1.0 / 120, 1.0 / 180, 1.0 / 360}, {1.0 / 30, 1.0 / 45, 1.0 / 90}),
      numbers("simulation.ladder.down_per_day", "per day", {0, kUnbounded}, 3,
              GUARANTOR_ARRAY(simulation.ladder.down_per_day))
          .assumption("de-escalation within weeks (adversary_cohesion.md §4b); not estimated: blanket ×0.5–×2",
                      {1.0 / 90, 1.0 / 120, 1.0 / 60}, {1.0 / 22.5, 1.0 / 30, 1.0 / 15}),
      numbers("simulation.ladder.failure_multiplier", "", {0, kUnbounded}, 4,
              GUARANTOR_ARRAY(simulation.ladder.failure_multiplier))
          .assumption("how much more likely a renewed offensive is at higher rungs; no estimate exists. Low: the "
                      "ladder carries no risk (all 1); high: a steeper ladder ×4 a rung",
                      {1, 1, 1, 1}, {0.25, 1, 4, 16}),
      boolean("simulation.ladder.normalise_failure_multipliers",
              GUARANTOR_FIELD(simulation.ladder.normalise_failure_multipliers))
          .control("model choice: rescales the multipliers so that, with no force, the mean equals Fortna's baseline"),
      number("simulation.ladder.deterrence_coupling", "", {0, 5}, GUARANTOR_FIELD(simulation.ladder.deterrence_coupling))
          .assumption("how far the force also slows escalation (up-rates × HR^coupling). RAND RR-1906 finds more "
                      "low-level probing near US troops (model_evidence_2.md §3.6): 0 (no coupling) to 1",
                      0, 1),
  };
}

std::vector<Parameter> violation_regime() {
  constexpr const char* kDonbas = "model_evidence_2.md §2";
  return {
      number("simulation.violation_regime.bare_multiplier", "", {0, 1},
             GUARANTOR_FIELD(simulation.violation_regime.bare_multiplier))
          .assumption(std::string("violation rate in the low-violence regime after a bare declaration, relative to "
                                  "the eroded regime: single-day drops of 53% (2017 school truce, 654 -> ~300) and "
                                  "60% week on week (2018), §2.4-2.5; 'about 0.5 for a bare declaration' (") +
                          kDonbas + " 'What a model should take'); 0.4 to 0.9 (a second 2018 briefing gave -10%)",
                      0.4, 0.9),
      number("simulation.violation_regime.monitored_multiplier", "", {0, 1},
             GUARANTOR_FIELD(simulation.violation_regime.monitored_multiplier))
          .assumption(std::string("the same with a monitored package: the July 2020 measures cut the daily mean "
                                  "623 -> 33 (18.9-fold, §2.7); 0.05-0.3 for a monitored package (") +
                          kDonbas + " 'What a model should take')",
                      0.05, 0.3),
      number("simulation.violation_regime.bare_erosion_per_day", "per day", {0, 10},
             GUARANTOR_FIELD(simulation.violation_regime.bare_erosion_per_day))
          .assumption("a bare recommitment erodes: 'an average truce holds for around two weeks' (Hug, OSCE SMM, "
                      "9 Aug 2018; model_evidence_2.md §2.3), 1/14 a day; 1/21 (three weeks; the spring 2018 truce "
                      "lasted 22 days, adversary_cohesion.md) to 1/7 (the 2017 school truce, 'the pause is over' after "
                      "a week, §2.4)",
                      1.0 / 21, 1.0 / 7),
      number("simulation.violation_regime.monitored_erosion_per_day", "per day", {0, 10},
             GUARANTOR_FIELD(simulation.violation_regime.monitored_erosion_per_day))
          .assumption("a monitored package erodes: the July 2020 package kept violations low for more than six months "
                      "(~36 a day to Jan 2021, §2.9) and they were about 5x higher by December 2021 (§2.10), "
                      "model_evidence_2.md; 1/730 (two years) to 1/180 (six months)",
                      1.0 / 730, 1.0 / 180),
      number("simulation.violation_regime.recommitment_per_day", "per day", {0, 10},
             GUARANTOR_FIELD(simulation.violation_regime.recommitment_per_day))
          .assumption("an eroded regime is recommitted: 12 commitments in three years (Hug, 9 Aug 2018, "
                      "model_evidence_2.md §2.3) = 12/1095 a day; from 6 in three years (Ukrainian MoD: 11 attempts in "
                      "2014-18, adversary_cohesion.md) to 24 (more than 20 declared by July 2020 over six years, §2.6, "
                      "and the 22nd by New Year 2019)",
                      6.0 / 1095, 24.0 / 1095),
  };
}

std::vector<Parameter> politics() {
  return {
      date("simulation.politics.start_date", "2000-01-01", "2099-12-31",
           GUARANTOR_FIELD(simulation.politics.start_date))
          .assumption("calendar date of day 0, the ceasefire: no ceasefire is agreed; 2027-01-01 puts the French "
                      "presidential election (18 Apr / 2 May 2027, model_evidence_2.md §5) inside the two years. "
                      "Range: mid-2026 to mid-2027 (the denser run of elections, Sep 2026 - May 2027, §5)",
                      day_of("2026-07-01"), day_of("2027-07-01")),
      number("simulation.politics.snap_election_rate_per_year", "per contributor per year", {0, 10},
             GUARANTOR_FIELD(simulation.politics.snap_election_rate_per_year))
          .assumption("snap elections per contributor a year (Poisson). Snap elections are common: Netherlands 29 Oct "
                      "2025, Denmark 24 Mar 2026 (model_evidence_2.md §5); no rate is estimated: 0.05 to 0.2",
                      0.05, 0.2),
      number("simulation.politics.us_withdrawal_hazard_per_year", "per year", {0, 10},
             GUARANTOR_FIELD(simulation.politics.us_withdrawal_hazard_per_year))
          .assumption("the US withdraws its backstop for good: the FT reported that the US offer could be withdrawn "
                      "(the no-us-backstop variant of data/scenarios/mnf-ukraine.yaml); no rate is estimated: 0.02 to "
                      "0.3 a year",
                      0.02, 0.3),
  };
}

std::vector<Parameter> deterrence() {
  return {
      number("simulation.deterrence.force_hazard_ratio", "hazard ratio", {1e-6, 1},
             GUARANTOR_FIELD(simulation.deterrence.force_hazard_ratio))
          .assumption("Fortna's civil-war peacekeeping HR, 0.538 unadjusted (validation_data.md §2.3), applied to an "
                      "interstate cease-fire. Range: 0.302 (Fortna with controls) to 1.0 (no effect: Lo, Hashimoto & "
                      "Reiter 2008; model_evidence_2.md §3 suggests 0.7-1.0 for a European force alone)",
                      0.30, 1.0),
      number("simulation.deterrence.reference_troops", "troops", {1, 1e7},
             GUARANTOR_FIELD(simulation.deterrence.reference_troops))
          .assumption("the force size the hazard ratio stands for: the IISS 'medium' option, ~25,000; range the IISS "
                      "small (~10,000) to large (60,000) options (validation_data.md §4)",
                      10000, 60000),
      number("simulation.deterrence.size_elasticity", "", {0, 3}, GUARANTOR_FIELD(simulation.deterrence.size_elasticity))
          .assumption("Fortna 2008: small missions are often as effective (validation_data.md §2.2): 0 (size does not "
                      "matter) to 0.5; Reiter & Poast 2021 argue for local combat power (model_evidence_2.md §3.8)",
                      0, 0.5),
      number("simulation.deterrence.max_size_factor", "", {0, 100}, GUARANTOR_FIELD(simulation.deterrence.max_size_factor))
          .assumption(std::string("cap on (troops/reference)^elasticity; ") + kNoEvidence, 1.0, 3.0),
      number("simulation.deterrence.readiness", "share", {0, 1}, GUARANTOR_FIELD(simulation.deterrence.readiness))
          .assumption("share of the force's effect that is credible (ready, with enablers); no estimate: 0.5 to 1", 0.5, 1.0),
      number("simulation.deterrence.air_weight", "", {0, kUnbounded}, GUARANTOR_FIELD(simulation.deterrence.air_weight))
          .assumption(std::string("combat-power weight of an air troop against a land troop; ") + kNoEvidence, 1.0, 4.0),
      number("simulation.deterrence.maritime_weight", "", {0, kUnbounded},
             GUARANTOR_FIELD(simulation.deterrence.maritime_weight))
          .assumption(std::string("combat-power weight of a maritime troop; ") + kNoEvidence, 0.25, 1.0),
      number("simulation.deterrence.nuclear_hazard_ratio", "hazard ratio", {1e-6, 1},
             GUARANTOR_FIELD(simulation.deterrence.nuclear_hazard_ratio))
          .assumption("a nuclear-armed contributor with troops in Ukraine. Default 1.0 (no effect): alliances with "
                      "nuclear states deter, stationing adds nothing beyond the alliance commitment (Fuhrmann & "
                      "Sechser 2014, model_evidence_2.md §3.5); 0.7 to 1.0 for sensitivity",
                      0.7, 1.0),
      number("simulation.deterrence.us_backstop_hazard_ratio", "hazard ratio", {1e-6, 1},
             GUARANTOR_FIELD(simulation.deterrence.us_backstop_hazard_ratio))
          .assumption("a credible US backstop (ISR, C2, air defence): judgement 0.7, range 0.4-0.9 "
                      "(model_evidence_2.md §3, from Fuhrmann & Sechser 2014 and RAND RR-1906); IISS 2025 says a US "
                      "backstop is needed (validation_data.md §4)",
                      0.4, 0.9),
      number("simulation.deterrence.ukraine_hazard_ratio", "hazard ratio", {1e-6, 1},
             GUARANTOR_FIELD(simulation.deterrence.ukraine_hazard_ratio))
          .assumption("Ukraine's forces fully rebuilt ('the first line of defence', Paris Declaration); no estimate: "
                      "0.5 to 1.0",
                      0.5, 1.0),
      number("simulation.deterrence.ukraine_initial_rebuild", "share", {0, 1},
             GUARANTOR_FIELD(simulation.deterrence.ukraine_initial_rebuild))
          .assumption("share of the rebuild done on day 0; no estimate: 0 to 0.3", 0, 0.3),
      number("simulation.deterrence.ukraine_rebuild_per_year", "share per year", {0, kUnbounded},
             GUARANTOR_FIELD(simulation.deterrence.ukraine_rebuild_per_year))
          .assumption(std::string("Ukraine's own rebuild rate without trainers; ") + kNoEvidence, 0.125, 0.5),
      number("simulation.deterrence.ukraine_rebuild_per_year_per_1000_trainers", "share per year per 1,000 trainers",
             {0, kUnbounded}, GUARANTOR_FIELD(simulation.deterrence.ukraine_rebuild_per_year_per_1000_trainers))
          .assumption(std::string("added rebuild rate per 1,000 coalition trainers; ") + kNoEvidence, 0.025, 0.1),
      number("simulation.deterrence.monitoring_hazard_ratio", "hazard ratio", {1e-6, 1},
             GUARANTOR_FIELD(simulation.deterrence.monitoring_hazard_ratio))
          .assumption("a fully manned monitoring component: monitoring / agreement-strength term 0.8, range 0.5-1.0 "
                      "(model_evidence_2.md §1; 1.0 per Lo et al. 2008)",
                      0.5, 1.0),
      number("simulation.deterrence.unanswered_test_log_hazard", "log hazard per probe", {0, 5},
             GUARANTOR_FIELD(simulation.deterrence.unanswered_test_log_hazard))
          .assumption(std::string("each unanswered probe raises the log hazard; ") + kNoEvidence, 0.015, 0.06),
      number("simulation.deterrence.answered_test_credit", "log hazard per probe", {0, 5},
             GUARANTOR_FIELD(simulation.deterrence.answered_test_credit))
          .assumption(std::string("each answered probe lowers the penalty; ") + kNoEvidence, 0.015, 0.06),
      number("simulation.deterrence.max_unanswered_penalty", "log hazard", {0, 10},
             GUARANTOR_FIELD(simulation.deterrence.max_unanswered_penalty))
          .assumption(std::string("cap on the unanswered-probe penalty; ") + kNoEvidence, 0.25, 1.0),
      number("simulation.deterrence.interposition_force_factor", "", {0, 10},
             GUARANTOR_FIELD(simulation.deterrence.interposition_force_factor))
          .assumption("tripwire on the line (Schelling 1966, adversary_cohesion.md §5a); Reiter & Poast 2021 find "
                      "tripwires weak (model_evidence_2.md §3.8): 1 (no extra effect) to 3",
                      1.0, 3.0),
      number("simulation.deterrence.review_days", "days", {1, 3650}, GUARANTOR_FIELD(simulation.deterrence.review_days))
          .assumption("Ukraine's rebuild is credited at reviews, quarterly by default; monthly to half-yearly", 30, 180),
  };
}

std::vector<Parameter> incidents() {
  return {
      numbers("simulation.incidents.violations_per_day", "violations per day", {0, 1e6}, 4,
              GUARANTOR_ARRAY(simulation.incidents.violations_per_day))
          .sourced("OSCE SMM counts: ~33/day after Jul 2020, 100-900 in 2021, 1,500-2,000 in Feb 2022 "
                   "(adversary_cohesion.md §4a, §7; model_evidence_2.md §2.7-2.11)"),
      number("simulation.incidents.base_detection_probability", "probability", {0, 1},
             GUARANTOR_FIELD(simulation.incidents.base_detection_probability))
          .assumption("detection without a monitoring component (national means, media); no estimate: 0.3 to 0.7", 0.3, 0.7),
      number("simulation.incidents.full_detection_probability", "probability", {0, 1},
             GUARANTOR_FIELD(simulation.incidents.full_detection_probability))
          .assumption("detection with a fully manned monitoring component; no estimate: 0.7 to 0.99", 0.7, 0.99),
      number("simulation.incidents.monitoring_troops_for_full_detection", "troops", {1, kUnbounded},
             GUARANTOR_FIELD(simulation.incidents.monitoring_troops_for_full_detection))
          .sourced("OSCE SMM cap of about 1,000 monitors (validation_data.md §3)"),
      numbers("simulation.incidents.probes_per_day", "probes per day", {0, 100}, 4,
              GUARANTOR_ARRAY(simulation.incidents.probes_per_day))
          .assumption("tests of the force by level; grey-zone events 3-10 a month against Europe "
                      "(adversary_cohesion.md §7) anchor the order of magnitude; blanket ×0.5–×2",
                      {1.0 / 60, 1.0 / 30, 3.0 / 30, 7.5 / 30}, {2.0 / 30, 4.0 / 30, 12.0 / 30, 1.0}),
      numbers("simulation.incidents.hybrid_per_day", "events per day", {0, 1000}, 4,
              GUARANTOR_ARRAY(simulation.incidents.hybrid_per_day))
          .assumption("CSIS: 34 attributed sabotage attacks in 2024 = 0.093/day (adversary_cohesion.md §3d); growth "
                      "with level assumed. Low: no growth; high: the broad count, up to 10 a month at level 0 and "
                      "×3 at level 3 (§7)",
                      {0.093, 0.093, 0.093, 0.093}, {0.33, 0.5, 0.66, 1.0}),
      numbers("simulation.incidents.strikes_per_day", "strikes per day", {0, 100}, 4,
              GUARANTOR_ARRAY(simulation.incidents.strikes_per_day))
          .assumption(std::string("deliberate strikes on the force at level 3 only; ") + kNoEvidence,
                      {0, 0, 0, 0.025}, {0, 0, 0, 0.1}),
      numbers("simulation.incidents.air_incursions_per_day", "incursions per day", {0, 100}, 4,
              GUARANTOR_ARRAY(simulation.incidents.air_incursions_per_day))
          .assumption("drone and missile incursions into the protected airspace by level: the 4 Russian violations of "
                      "Estonian airspace in 2025 (4/365 a day) at level 0; the September 2025 cluster (19 violations "
                      "over Poland in one night, a drone over Romania for 50 minutes, three NATO states in ten days: "
                      "adversary_cohesion.md §3e) at level 3, about 3 events in 10 days; in between interpolated. "
                      "Blanket ×0.5–×2",
                      {2.0 / 365, 0.015, 0.05, 0.15}, {8.0 / 365, 0.06, 0.2, 0.6}),
      number("simulation.incidents.air_shootdown_probability", "probability", {0, 1},
             GUARANTOR_FIELD(simulation.incidents.air_shootdown_probability))
          .assumption("an engaged incursion is shot down: 3-4 of 19-23 drones over Poland, 9-10 Sep 2025 (0.13-0.21); "
                      "Romania, 13 Sep 2025: 0 of 1 (F-16s authorised but held fire) (adversary_cohesion.md §3e); "
                      "0.1 to 0.5 (a force tasked to engage may do better)",
                      0.1, 0.5),
      number("simulation.incidents.kia_per_strike_mean", "killed per strike", {0, 1000},
             GUARANTOR_FIELD(simulation.incidents.kia_per_strike_mean))
          .assumption(std::string("mean fatalities of a strike on the force; ") + kNoEvidence, 2, 8),
      number("simulation.incidents.respond_probability", "probability", {0, 1},
             GUARANTOR_FIELD(simulation.incidents.respond_probability))
          .assumption("a deterrence or interposition force answers a probe; no estimate: 0.7 to 1", 0.7, 1.0),
      number("simulation.incidents.response_escalation_probability", "probability", {0, 1},
             GUARANTOR_FIELD(simulation.incidents.response_escalation_probability))
          .assumption(std::string("an answer provokes one rung up; ") + kNoEvidence + " (widened to 0.01-0.15)", 0.01, 0.15),
  };
}

std::vector<Parameter> casualties() {
  return {
      numbers("simulation.casualties.hostile_per_1000_per_year", "deaths per 1,000 troops per year", {0, 1000}, 4,
              GUARANTOR_ARRAY(simulation.casualties.hostile_per_1000_per_year))
          .assumption("hostile deaths by level: 0.1-0.8 per 1,000 per year while holding (IFOR/SFOR ~0, UN average "
                      "0.78), 1-3 when probing or under strikes (MINUSMA ~1.5, Uruzgan ~3.1): adversary_cohesion.md §7",
                      {0.1, 0.4, 1.0, 1.0}, {0.8, 1.6, 3.0, 3.0}),
      numbers("simulation.casualties.exposure_by_mandate", "", {0, 100}, 3,
              GUARANTOR_ARRAY(simulation.casualties.exposure_by_mandate))
          .assumption(std::string("exposure of deterrence and interposition forces relative to reassurance; ") +
                          kNoEvidence,
                      {1, 1, 1.5}, {1, 3, 6}),
      number("simulation.casualties.outside_ukraine_exposure", "share", {0, 1},
             GUARANTOR_FIELD(simulation.casualties.outside_ukraine_exposure))
          .assumption("exposure of troops based outside Ukraine relative to those inside; no estimate: 0 to 0.3", 0, 0.3),
  };
}

std::vector<Parameter> cohesion() {
  constexpr const char* kSection7 = "adversary_cohesion.md §7";
  return {
      number("simulation.cohesion.base_exit_hazard_per_year", "per year", {0, 100},
             GUARANTOR_FIELD(simulation.cohesion.base_exit_hazard_per_year))
          .assumption(std::string("per-contributor exit hazard without shocks, 0.03-0.08 a year for a formal "
                                  "framework (Iraq coalition 0.13-0.16): ") + kSection7,
                      0.03, 0.08),
      number("simulation.cohesion.default_casualty_tolerance_kia", "killed", {1, kUnbounded},
             GUARANTOR_FIELD(simulation.cohesion.default_casualty_tolerance_kia))
          .assumption(std::string("cumulative deaths at which a contributor's exit hazard is (1 + weight)×; ") + kNoEvidence,
                      25, 100),
      number("simulation.cohesion.casualty_weight", "", {0, 1000}, GUARANTOR_FIELD(simulation.cohesion.casualty_weight))
          .assumption("log form from Mueller 1973 (adversary_cohesion.md §1b); coefficient not estimated: blanket ×0.5–×2",
                      2, 8),
      number("simulation.cohesion.election_multiplier", "", {0, 1000},
             GUARANTOR_FIELD(simulation.cohesion.election_multiplier))
          .assumption(std::string("exit hazard × 2-4 around an election where the challenger opposes the deployment "
                                  "(Tago 2009; Spain 2004): ") + kSection7,
                      2, 4),
      number("simulation.cohesion.election_window_days", "days", {0, 3650},
             GUARANTOR_FIELD(simulation.cohesion.election_window_days))
          .assumption(std::string("± days around the election: the 6 months of ") + kSection7 + " (±90); 45 to 90",
                      45, 90),
      number("simulation.cohesion.renewal_failure_probability", "probability", {0, 1},
             GUARANTOR_FIELD(simulation.cohesion.renewal_failure_probability))
          .assumption(std::string("P(a renewal vote fails) at baseline, 0.02-0.05: ") + kSection7, 0.02, 0.05),
      number("simulation.cohesion.renewal_failure_probability_after_casualties", "probability", {0, 1},
             GUARANTOR_FIELD(simulation.cohesion.renewal_failure_probability_after_casualties))
          .assumption(std::string("P(a renewal vote fails) after recent casualties, 0.2-0.5: ") + kSection7, 0.2, 0.5),
      number("simulation.cohesion.recent_casualty_days", "days", {0, 3650},
             GUARANTOR_FIELD(simulation.cohesion.recent_casualty_days))
          .assumption(std::string("'casualties in the last 3 months': ") + kSection7 + "; 45 to 180", 45, 180),
      number("simulation.cohesion.cascade_probability", "probability", {0, 1},
             GUARANTOR_FIELD(simulation.cohesion.cascade_probability))
          .assumption(std::string("P(a dependent contributor exits within the window when the lead exits), "
                                  "0.5-0.9: ") + kSection7,
                      0.5, 0.9),
      number("simulation.cohesion.cascade_window_days", "days", {0, 3650},
             GUARANTOR_FIELD(simulation.cohesion.cascade_window_days))
          .assumption(std::string("cascade window, 90 days in ") + kSection7 + " (exits came in 1-9 days to months); 30 to 120",
                      30, 120),
      number("simulation.cohesion.shock_kia", "killed in one event", {1, 1e6}, GUARANTOR_FIELD(simulation.cohesion.shock_kia))
          .assumption(std::string("a mass-casualty shock is >= 10 killed in one event (") + kSection7 +
                          "; Italy 2003: 19, France 2008: 10); 5 to 20",
                      5, 20),
      number("simulation.cohesion.shock_exit_probability", "probability", {0, 1},
             GUARANTOR_FIELD(simulation.cohesion.shock_exit_probability))
          .assumption(std::string("P(exit within the window) after a shock, 0.05-0.15: ") + kSection7, 0.05, 0.15),
      number("simulation.cohesion.shock_exit_probability_doubted", "probability", {0, 1},
             GUARANTOR_FIELD(simulation.cohesion.shock_exit_probability_doubted))
          .assumption(std::string("the same when the mission is already doubted (level 3), 0.3-0.6: ") + kSection7, 0.3, 0.6),
      number("simulation.cohesion.shock_window_days", "days", {0, 3650},
             GUARANTOR_FIELD(simulation.cohesion.shock_window_days))
          .assumption(std::string("exit decision within 30 days of a shock (Belgium 1994: 5-7 days; Lebanon 1984: "
                                  "~3.5 months): ") + kSection7 + "; 15 to 60",
                      15, 60),
  };
}

std::vector<Parameter> combat() {
  return {
      number("simulation.combat.red_troops", "troops", {0, 1e8}, GUARANTOR_FIELD(simulation.combat.red_troops))
          .sourced("~700,000 Russian troops in the war zone (adversary_cohesion.md §3a)"),
      number("simulation.combat.red_regeneration_per_month", "troops per month", {0, 1e7},
             GUARANTOR_FIELD(simulation.combat.red_regeneration_per_month))
          .derived("recruitment of +30,000-35,000 a month at the 2025 pace (adversary_cohesion.md §3b)"),
      number("simulation.combat.red_troops_cap", "troops", {0, 1e8}, GUARANTOR_FIELD(simulation.combat.red_troops_cap))
          .sourced("decree target of 1.5 million military personnel (adversary_cohesion.md §3a)"),
      number("simulation.combat.ukraine_troops", "troops", {0, 1e8}, GUARANTOR_FIELD(simulation.combat.ukraine_troops))
          .sourced("an army of 800,000 (Paris Declaration, Macron: validation_data.md §4)"),
      number("simulation.combat.red_effectiveness", "losses per troop per day", {0, 10},
             GUARANTOR_FIELD(simulation.combat.red_effectiveness))
          .assumption(std::string("Lanchester a: about one Ukrainian loss per two Russian; ") + kNoEvidence, 0.000393, 0.001572),
      number("simulation.combat.blue_effectiveness", "losses per troop per day", {0, 10},
             GUARANTOR_FIELD(simulation.combat.blue_effectiveness))
          .derived("~1,100 Russian casualties a day at 800,000 Ukrainian troops (UK Defence Intelligence via "
                   "adversary_cohesion.md §3b) / 800,000"),
      number("simulation.combat.p", "", {0, 3}, GUARANTOR_FIELD(simulation.combat.p))
          .sourced("Lanchester square law (p = 1, q = 0); Engel's Iwo Jima fit (validation_data.md §1)"),
      number("simulation.combat.q", "", {0, 3}, GUARANTOR_FIELD(simulation.combat.q))
          .sourced("Lanchester square law (p = 1, q = 0); Engel's Iwo Jima fit (validation_data.md §1)"),
      number("simulation.combat.combat_days", "days", {0, 3650}, GUARANTOR_FIELD(simulation.combat.combat_days))
          .assumption(std::string("length of the combat phase counted after a failure; ") + kNoEvidence, 30, 120),
      number("simulation.combat.killed_share", "share", {0, 1}, GUARANTOR_FIELD(simulation.combat.killed_share))
          .assumption("fatalities per combat loss: about 1 killed to 3 wounded; no estimate for this war: 0.15 to 0.35",
                      0.15, 0.35),
      numbers("simulation.combat.engaged_share_by_mandate", "share", {0, 1}, 3,
              GUARANTOR_ARRAY(simulation.combat.engaged_share_by_mandate))
          .assumption(std::string("share of the force drawn into combat by mandate; ") + kNoEvidence,
                      {0.05, 0.15, 0.5}, {0.2, 0.6, 1.0}),
  };
}

}  // namespace

std::vector<Parameter> simulation_parameters() {
  std::vector<Parameter> all;
  for (auto part : {top_level, baseline_and_ladder, violation_regime, politics, deterrence, incidents, casualties, cohesion, combat}) {
    auto rows = part();
    all.insert(all.end(), std::make_move_iterator(rows.begin()), std::make_move_iterator(rows.end()));
  }
  return all;
}

}  // namespace guarantor::params::detail
