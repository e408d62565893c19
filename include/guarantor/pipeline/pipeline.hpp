#pragma once
// The pipeline: scenario → plan → laydown → simulate, as one library call. Every front end (the
// CLI's run, simulate and laydown; later the HTTP service and the Python binding) gets the force of
// a variant from here, so the same variant gives the same troops in theatre whichever command runs
// it. The pipeline computes; the output layer (guarantor/report) writes; the CLI saves files.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "guarantor/core/diagnostics.hpp"
#include "guarantor/core/status.hpp"
#include "guarantor/geo/laydown.hpp"
#include "guarantor/plan/plan.hpp"
#include "guarantor/scenario/force_package.hpp"
#include "guarantor/scenario/parameters.hpp"
#include "guarantor/scenario/scenario.hpp"
#include "guarantor/sim/engine.hpp"

namespace guarantor::sensitivity {
struct SensitivityResult;  // guarantor/sensitivity/analysis_result.hpp
}  // namespace guarantor::sensitivity

namespace guarantor::pipeline {

// The name of the scenario without a variant, accepted by every command that takes --variant.
inline constexpr const char* kBase = "base";
// "" and "base" both mean no variant.
bool is_base(const std::string& variant);

// Which force a stage lays down or simulates.
enum class ForceMode {
  planned,  // the optimiser's package from the variant's pledges (the default)
  pledged,  // what has been offered, numbers as stated
  required, // the option as designed: the planned package plus notional units filling the requirement
};
const char* to_string(ForceMode mode);

// The force a scenario (with its variant applied) is laid down and simulated with.
Expected<ForcePackage> force_for(const Scenario& scenario, ForceMode mode);

// Loads `file` with `variant` applied ("base" = none). Diagnostics go to `diagnostics`.
std::optional<Scenario> load_variant(const std::string& file, const std::string& variant, Diagnostics& diagnostics);

// The simulation models of the base and each variant, each with its own force (or `fixed_force`
// for all when given); every model runs the base's period (common random numbers need one).
struct ModelSpec {
  std::vector<std::string> variants;  // "base" or a declared variant; empty = the base alone
  ForceMode mode = ForceMode::planned;
  std::optional<ForcePackage> fixed_force;  // e.g. read from a plan.json
  std::optional<int> days;                  // overrides simulation.days for every model
  // When set, each variant is followed by its twin with the force in this mode (e.g. required
  // after planned), paired with it: the twin's differences are against its own variant's entry,
  // not the first model. Ignored with `fixed_force` (the twin would be the same force).
  std::optional<ForceMode> twin_mode;
  // Every model's reference class (`--baseline`); none = each scenario's own simulation.baseline.
  std::optional<BaselineClass> baseline;
  // The reference geography: each model's air shield engages incursions at the population share
  // its laydown covers with air policing or air defence. None = no shield can be placed.
  const geo::WorldData* world = nullptr;
};
Expected<std::vector<sim::Model>> compile_models(const Scenario& base, const ModelSpec& spec, Diagnostics& diagnostics);

// Share of incursions the force's air shield can engage: its laydown's population coverage by air
// policing and air defence (docs/model/simulation.md §4a). NaN when the laydown fails.
double air_shield_coverage_of(const Scenario& scenario, const ForcePackage& force, const geo::WorldData& world);

// The variant with every assumed effect size set to no effect (issue 12): when the scenario
// declares it, `run` reports it under each reference class beside the base.
inline constexpr const char* kEvidenceOnly = "evidence-only";
// The default cap on the replications of each reference class (RunSpec::reference_class_replications).
inline constexpr std::uint64_t kReferenceClassReplicationsCap = 20000;

struct RunSpec {
  std::vector<std::string> variants;  // compared with the base
  // Simulate each option (the base and each variant) planned, then required, the required twin
  // paired with its planned entry: "what the pledges give" beside "the option as designed".
  bool compare_required = true;
  std::optional<std::uint64_t> replications;
  std::optional<std::uint64_t> seed;
  unsigned threads = 0;  // 0 = every core
  const geo::WorldData* world = nullptr;  // reference geography for the laydown (required)
  // Called when a stage starts ("plan", "laydown", "simulate") and ends, with a one-line result.
  std::function<void(const std::string& stage)> on_stage_start;
  std::function<void(const std::string& result)> on_stage_end;
  sim::ProgressCallback progress;
  // The sensitivity stage: a Sobol' design of this base size over every simulation assumption
  // (0 = skip), with this many replications per point.
  std::size_t sensitivity_samples = 0;
  std::uint64_t sensitivity_replications = 200;
  // The reference-class stage: the base option (planned force) under each reference class of the
  // baseline hazard, with the run's seed and this many replications each (default: the main run's,
  // at most kReferenceClassReplicationsCap; 0 = skip the stage).
  std::optional<std::uint64_t> reference_class_replications;
};

// The laydown of a scenario's force in `mode` (force_for). The pledged force with placeholders
// for unknown quantities also gets each layer's shares at the low, central and high levels.
Expected<geo::LaydownResult> laydown_for(const Scenario& scenario, ForceMode mode, const geo::WorldData& world);

// P(the ceasefire still holds on the last day of the period): the replications with no failure
// before simulation.days, their share and its Wilson 95% interval.
struct HoldingEstimate {
  std::uint64_t holding = 0;
  std::uint64_t replications = 0;
  double p = 0, low = 0, high = 1;
  // sim::median_failure_day: the day by whose end half the replications have failed; none when
  // more than half hold through the period.
  std::optional<int> median_failure_day;
};

// The headline under one reference class (guarantor/scenario/reference_classes.hpp): the base
// option with its planned force, and the evidence-only variant when the scenario declares it, both
// with the class's baseline hazard and common random numbers.
struct ReferenceClassHeadline {
  std::string key;          // fortna-civil-war, interstate, donbas-recommitments
  std::string title;
  std::string source;
  std::string calibration;
  BaselineHazard hazard;    // the class's Weibull baseline
  bool is_scenario_choice = false;  // simulation.baseline names this class (the main run's headline)
  int days = 0;                     // simulation.days
  HoldingEstimate p_hold_end;       // base, planned
  std::optional<HoldingEstimate> evidence_only;  // the evidence-only variant, planned
};

struct RunResult {
  plan::PlanResult plan;
  ForcePackage force;
  geo::LaydownResult laydown;           // of the planned force
  ForcePackage required_force;          // force_for(base, ForceMode::required)
  geo::LaydownResult required_laydown;  // of the required force
  sim::SimulationRecord simulation;
  std::vector<params::Row> parameters;  // every parameter of the base run, as `guarantor params` lists them
  std::vector<std::string> variants;    // the variants compared with the base
  std::shared_ptr<const sensitivity::SensitivityResult> sensitivity;  // null when the stage was skipped
  // The headline under each reference class, in reference_classes() order (empty when skipped).
  std::vector<ReferenceClassHeadline> reference_classes;
  std::string scenario_baseline_class;  // to_string(simulation.baseline_class) of the scenario
};

// The main job on one scenario: plan (with contingency and explanations), laydown of the planned
// force, simulation of the base and each variant with its own planned force (and, with
// compare_required, its required force right after it), the base under each reference class.
Expected<RunResult> run(const Scenario& base, const RunSpec& spec, Diagnostics& diagnostics);

}  // namespace guarantor::pipeline
