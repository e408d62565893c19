#pragma once
// Hub siting as a maximal covering location problem (Church & ReVelle 1974):
//   maximise  Σ_i w_i y_i
//   subject to y_i <= Σ_{j covers i} x_j   for every demand point i
//              Σ_j x_j <= p
//              x_j ∈ {0, 1}, 0 <= y_i <= 1
// solved with the plan module's MILP interface (CBC behind it).

#include <vector>

#include "guarantor/core/status.hpp"

namespace guarantor::geo {

struct CoveringProblem {
  std::vector<double> weights;                 // demand weight of each point (people, site weights)
  std::vector<std::vector<int>> covered_by;    // for each demand point, the candidates that reach it
  int candidates = 0;
  int facilities = 0;                          // p: how many candidates to open
  double time_limit_seconds = 10.0;
};

struct CoveringSolution {
  bool optimal = false;      // false: the time limit stopped the solver at a feasible solution
  std::vector<int> chosen;   // candidate indices, ascending
  double covered_weight = 0;
  double total_weight = 0;
};

// StatusCode::solver_failure when the MILP ends without a usable solution.
Expected<CoveringSolution> solve_max_covering(const CoveringProblem& problem);

}  // namespace guarantor::geo
