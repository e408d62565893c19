#pragma once
// The result of a sensitivity analysis as a value: the inputs (registry keys and their ranges),
// the evaluated design, the outputs at every point and the estimates. Produced by
// guarantor/pipeline/sensitivity.hpp (the engine) or by a test function; written by
// guarantor/report/sensitivity_output.hpp.

#include <cstdint>
#include <optional>
#include <utility>
#include <string>
#include <vector>

#include "guarantor/sensitivity/sensitivity.hpp"

namespace guarantor::sensitivity {

enum class SensitivityMethod { sobol, morris, oat };
const char* to_string(SensitivityMethod method);

// One uncertain input: a registry key, or a group of keys moved together. The input's unit-cube
// coordinate u moves every member from its low to its high end (a list parameter between the
// registry's low and high lists).
struct InputMember {
  std::string key;
  double low = 0, high = 1;  // the range explored; for a list, positions 0..1 between its lists
  bool list = false;
};
// A contributor whose conditional pledges may not materialise: its assignments in the planned
// force stay when the input's u falls below their pledge probability (u is uniform on [0, 1], so
// each stays with its probability; one u per nation groups its pledges).
struct PledgeDraw {
  std::string nation;
  std::vector<std::pair<std::size_t, double>> assignments;  // index in the force, probability
};
struct SensitivityInput {
  std::string key;                   // the registry key, the group's name, or pledges.<NATION>.materialises
  std::vector<InputMember> members;  // one for a plain input; none for a pledge draw
  double low = 0, high = 1;          // a plain input's range (a group or a pledge draw: 0..1)
  std::optional<PledgeDraw> pledges;  // set for a pledge draw
};


// The outputs computed at every design point, in this order.
inline constexpr const char* kSensitivityOutputs[] = {"p_hold_730", "p_hold_365", "mean_fatalities",
                                                     "nations_withdrawn"};
inline constexpr std::size_t kSensitivityOutputCount = 4;

struct TornadoBar {
  std::string key;
  double low_value = 0, high_value = 0;  // the input at its low and high
  double output_low = 0, output_high = 0;  // P(hold 730) with that input low / high, the rest central
};

struct SensitivityResult {
  SensitivityMethod method = SensitivityMethod::sobol;
  std::size_t samples = 0;
  std::uint64_t replications = 0;
  std::uint64_t seed = 0;
  std::string variant;
  int mpi_ranks = 1;  // processes the design points were spread over (mpirun -np)
  std::vector<SensitivityInput> inputs;
  Matrix points;  // every evaluated point in [0,1]^k, in evaluation order
  std::vector<std::vector<double>> outputs;  // [output][point]
  // Sobol' indices per output (empty for other methods); Morris effects per output.
  std::vector<SobolIndices> sobol;
  std::vector<MorrisEffects> morris;
  std::vector<TornadoBar> tornado;  // one-at-a-time, sorted by swing, widest first
  double tornado_centre = 0;        // the output with every input at the centre of its range
  double central_p_hold_730 = 0;    // every input at its value in the scenario (the defaults)
  double central_low = 0, central_high = 0;  // its Wilson 95% sampling interval
  double headline_median = 0, headline_p5 = 0, headline_p95 = 0;  // P(hold 730) over the design
  double prim_threshold = 0;
  PrimResult prim;
  SaltelliDesign design;  // the Sobol' design (for --export-design)
};

// An analytic test function's run, with its closed-form indices.
struct TestFunctionResult {
  std::string name;
  std::vector<double> parameters;
  SensitivityResult result;               // inputs x1..xd, outputs[0] = y
  AnalyticIndices analytic;  // the closed-form indices
};

}  // namespace guarantor::sensitivity
