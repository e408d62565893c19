#pragma once
// The force-generation MILP (docs/model/plan.md, "Formulation") and its lexicographic solve.
// Private to the plan module.

#include <set>
#include <vector>

#include "guarantor/solver/milp.hpp"
#include "plan/instance.hpp"

namespace guarantor::plan::detail {

// A change to the base instance, for re-solves: withdrawals, draws, relaxed rules.
struct Variation {
  std::vector<bool> available;  // per offer; empty = every offer is available
  std::vector<double> extra_troops; // per offer; empty = none
  std::set<int> uncapped_land;  // nations whose land-force cap is lifted
  std::set<int> uncapped_total; // nations whose total-force cap is lifted
  std::set<int> lift_outside_only;  // nations whose "outside Ukraine only" condition is lifted
  std::set<int> lift_non_nato;      // components opened to NATO nations
  std::set<int> no_framework;       // components without the framework-nation rule
  std::set<int> no_multinational;   // components without the minimum number of nations
};

enum Stage { kUnmet = 0, kShortfall = 1, kImbalance = 2, kCost = 3, kStageCount = 4 };
const char* stage_name(int stage);

struct Formulation {
  milp::Model model;
  std::vector<Placement> x;        // per x variable: its offer and slot
  std::vector<int> x_var;          // model index of each x
  std::vector<int> viable_var;     // per component; -1 when not planned or without component rules
  std::vector<int> land_cap_row;   // per nation; -1 when uncapped
  std::vector<int> total_cap_row;  // per nation; -1 when uncapped
  std::vector<int> pledge_row;     // per offer; -1 when unavailable
  std::vector<std::vector<milp::Term>> objective;  // one per stage
  std::vector<double> empty_plan;  // a feasible point: nothing assigned, every component unmet
};

// `stages` = how many objective stages the model must support (1 for quick re-solves).
Formulation formulate(const Instance& instance, const Variation& variation, int stages);

struct LexOutcome {
  milp::SolveStatus status = milp::SolveStatus::error;  // of the first stage; later stages degrade to feasible
  std::string message;
  std::vector<ObjectiveTerm> terms;
  std::vector<double> values;  // the final solution (empty without one)
  double gap = 0;
  int solves = 0;
  std::vector<milp::Model> stage_models;
  bool has_solution() const { return !values.empty(); }
};

LexOutcome solve_stages(Formulation& formulation, int stages, const milp::SolveOptions& options,
                        bool keep_models = false);

std::vector<Placement> placements(const Formulation& formulation, const std::vector<double>& values);

// Convenience for re-solves: the first-stage optimum (unmet requirement) under a variation.
struct Resolve {
  milp::SolveStatus status = milp::SolveStatus::error;
  double unmet_troops = 0;
  std::vector<Placement> placements;
  std::vector<ComponentFill> fills;
};
Resolve resolve_unmet(const Instance& instance, const Variation& variation, const milp::SolveOptions& options);

}  // namespace guarantor::plan::detail
