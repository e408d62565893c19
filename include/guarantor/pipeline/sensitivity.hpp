#pragma once
// Sensitivity and uncertainty analysis of the campaign model over the registry's plausible ranges:
// which assumptions drive P(ceasefire holds), how wide the answer is, and where it fails. The
// designs and estimators live in guarantor/sensitivity; this file chooses the inputs from the
// registry, evaluates the engine at every design point with common random numbers and collects
// the results. Inputs act on the simulation only: the planned force is solved once for the
// variant and kept at every point (pledge inputs are not varied yet).

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "guarantor/core/diagnostics.hpp"
#include "guarantor/core/status.hpp"
#include "guarantor/geo/world.hpp"
#include "guarantor/scenario/force_package.hpp"
#include "guarantor/scenario/scenario.hpp"
#include "guarantor/sensitivity/analysis_result.hpp"
#include "guarantor/sim/engine.hpp"

namespace guarantor::pipeline {

using sensitivity::SensitivityInput;
using sensitivity::SensitivityMethod;
using sensitivity::SensitivityResult;
using sensitivity::TestFunctionResult;
using sensitivity::TornadoBar;
using sensitivity::kSensitivityOutputCount;
using sensitivity::kSensitivityOutputs;
using sensitivity::to_string;

// Evaluates rows [first, first + count) of the design on this process: count ×
// kSensitivityOutputCount values, row by row (each row's values depend only on the row).
using PointEvaluator = std::function<std::vector<double>(std::size_t first, std::size_t count)>;

// How the design points are spread over processes (MPI ranks, guarantor/distributed). Unset
// `run`: every point on this process. Set: run(rows, width, evaluate) has `evaluate` called for
// this process's share and returns rows × width values in row order where `collects` (empty
// elsewhere). A process that does not collect gets a result without outputs or estimates and
// writes nothing.
struct PointDistribution {
  bool collects = true;
  int processes = 1;  // recorded as mpi_ranks
  std::function<Expected<std::vector<double>>(std::size_t rows, std::size_t width, const PointEvaluator& evaluate)> run;
};

struct SensitivitySpec {
  std::string variant;  // "" or "base" = the scenario as loaded
  SensitivityMethod method = SensitivityMethod::sobol;
  std::size_t samples = 64;         // Sobol': base sample N (N(k+2) points); Morris: trajectories
  std::uint64_t replications = 200;  // inner replications per design point
  std::optional<std::uint64_t> seed;  // master seed (default simulation.seed): design and CRN streams
  unsigned threads = 0;             // 0 = every core
  std::vector<std::string> parameter_globs;  // restrict the inputs to keys matching one of these
  std::optional<double> prim_threshold;      // P(hold 730) below this is "fails"; default: 25th percentile
  std::size_t bootstrap = 500;               // bootstrap resamples for the index intervals
  sim::ProgressCallback progress;            // (points done, points)
  PointDistribution distribution;            // default: every point here
  // The reference geography: the base force's laydown gives the air shield's coverage of the
  // incursions (none = no shield can engage, as in compile_models).
  const geo::WorldData* world = nullptr;
};

// The inputs a scenario offers: every simulation parameter labelled assumption with a plausible
// range (fixed, narrowed or grouped by the scenario's sensitivity section), then one
// `pledges.<NATION>.materialises` draw per contributor with conditional pledges in `force` (the
// planned force, not re-solved), filtered by `globs` (shell patterns on the key; empty = all).
// invalid_input naming the pattern when a glob matches nothing.
Expected<std::vector<SensitivityInput>> sensitivity_inputs(const Scenario& scenario, const ForcePackage& force,
                                                           const std::vector<std::string>& globs);

Expected<SensitivityResult> run_sensitivity(const Scenario& scenario, const SensitivitySpec& spec,
                                            Diagnostics& diagnostics);

// The same estimators on an analytic function: "ishigami[:a,b]" or "g-function[:a1,...,ad]".
Expected<TestFunctionResult> run_test_function(const std::string& spec_text, const SensitivitySpec& spec);

}  // namespace guarantor::pipeline
