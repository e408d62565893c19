#pragma once
// The analyses around the plan: contingency (N-1, N-2, without conditional pledges), binding
// constraints, and the Monte Carlo over conditional pledges. Private to the plan module.

#include "plan/formulation.hpp"

namespace guarantor::plan::detail {

struct BasePlan {
  std::vector<Placement> placements;
  std::vector<ComponentFill> fills;
  double unmet = 0;
};

std::vector<ContingencyCase> contingency(const Instance& inst, const BasePlan& base, const milp::SolveOptions& options,
                                         int& solves);
ConditionalDependence conditional_dependence(const Instance& inst, const BasePlan& base,
                                             const milp::SolveOptions& options, int& solves);
std::vector<BindingConstraint> binding_constraints(const Instance& inst, const BasePlan& base,
                                                   const milp::SolveOptions& options, int& solves);
MonteCarloResult monte_carlo(const Instance& inst, const BasePlan& base, int draws, std::uint64_t seed,
                             const milp::SolveOptions& options, int& solves);

// Uniform in [0, 1) from the core Philox4x32-10 (core/philox.hpp) keyed by the seed, at counter
// (draw, item, purpose, 0).
double uniform(std::uint64_t seed, std::uint32_t draw, std::uint32_t item, std::uint32_t purpose);

PlannedAssignment to_assignment(const Instance& inst, const Placement& p);

}  // namespace guarantor::plan::detail
