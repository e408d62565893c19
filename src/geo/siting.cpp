// The maximal covering location problem on the shared MILP interface.
#include "guarantor/geo/siting.hpp"

#include <fmt/format.h>

#include <cmath>
#include <numeric>

#include "guarantor/solver/milp.hpp"

namespace guarantor::geo {

Expected<CoveringSolution> solve_max_covering(const CoveringProblem& problem) {
  CoveringSolution result;
  result.total_weight = std::accumulate(problem.weights.begin(), problem.weights.end(), 0.0);
  if (problem.candidates == 0 || problem.facilities <= 0) {  // nothing to open: nothing covered
    result.optimal = true;
    return result;
  }
  milp::Model model;
  model.name = "max_covering";
  model.sense = milp::Sense::maximize;
  std::vector<int> x(problem.candidates);
  for (int j = 0; j < problem.candidates; ++j) {
    x[j] = model.add_variable(fmt::format("open_{}", j), 0, 1, milp::VarType::binary, 0.0);
  }
  std::vector<milp::Term> count;
  for (int j : x) count.push_back({j, 1.0});
  model.add_constraint("facilities", count, -milp::kInfinity, problem.facilities);
  std::vector<int> y(problem.weights.size(), -1);
  for (std::size_t i = 0; i < problem.weights.size(); ++i) {
    if (problem.covered_by[i].empty() || problem.weights[i] <= 0) continue;
    y[i] = model.add_variable(fmt::format("covered_{}", i), 0, 1, milp::VarType::continuous, problem.weights[i]);
    std::vector<milp::Term> row{{y[i], 1.0}};
    for (int j : problem.covered_by[i]) row.push_back({x[j], -1.0});
    model.add_constraint(fmt::format("reach_{}", i), row, -milp::kInfinity, 0.0);
  }
  milp::SolveOptions options;
  options.time_limit_seconds = problem.time_limit_seconds;
  const milp::Solution solution = milp::solve(model, options);
  if (!solution.has_solution()) {
    return Status::solver_failure(fmt::format("the siting MILP ended {}: {}", milp::to_string(solution.status), solution.message));
  }
  result.optimal = solution.status == milp::SolveStatus::optimal;
  for (int j = 0; j < problem.candidates; ++j) {
    if (solution.values[x[j]] > 0.5) result.chosen.push_back(j);
  }
  // Recount from the chosen sites rather than trusting y (which may sit below 1 at a tie).
  std::vector<char> open(problem.candidates, 0);
  for (int j : result.chosen) open[j] = 1;
  for (std::size_t i = 0; i < problem.weights.size(); ++i) {
    for (int j : problem.covered_by[i]) {
      if (open[j]) {
        result.covered_weight += problem.weights[i];
        break;
      }
    }
  }
  return result;
}

}  // namespace guarantor::geo
