// The CBC back end of guarantor::milp (the solver module). Only this file includes COIN-OR headers.
#include "guarantor/solver/milp.hpp"

#include <CbcHeuristic.hpp>
#include <CbcModel.hpp>
#include <CglClique.hpp>
#include <CglFlowCover.hpp>
#include <CglGomory.hpp>
#include <CglKnapsackCover.hpp>
#include <CglMixedIntegerRounding2.hpp>
#include <CglProbing.hpp>
#include <CoinMessageHandler.hpp>
#include <CoinPackedMatrix.hpp>
#include <OsiClpSolverInterface.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <exception>

namespace guarantor::milp {

int Model::add_variable(std::string var_name, double lower, double upper, VarType type, double objective) {
  if (type == VarType::binary) {
    lower = std::max(0.0, lower);
    upper = std::min(1.0, upper);
  }
  variables.push_back({std::move(var_name), lower, upper, type, objective});
  return static_cast<int>(variables.size()) - 1;
}

int Model::add_constraint(std::string row_name, std::vector<Term> terms, double lower, double upper) {
  constraints.push_back({std::move(row_name), std::move(terms), lower, upper});
  return static_cast<int>(constraints.size()) - 1;
}

void Model::set_objective(const std::vector<Term>& terms, Sense new_sense) {
  sense = new_sense;
  for (auto& v : variables) v.objective = 0;
  for (const auto& t : terms) variables.at(static_cast<std::size_t>(t.variable)).objective += t.coefficient;
}

double Model::evaluate(const std::vector<Term>& terms, const std::vector<double>& values) {
  double total = 0;
  for (const auto& t : terms) total += t.coefficient * values.at(static_cast<std::size_t>(t.variable));
  return total;
}

const char* to_string(SolveStatus status) {
  switch (status) {
    case SolveStatus::optimal: return "optimal";
    case SolveStatus::feasible: return "feasible";
    case SolveStatus::infeasible: return "infeasible";
    case SolveStatus::unbounded: return "unbounded";
    case SolveStatus::time_limit: return "time_limit";
    case SolveStatus::error: return "error";
  }
  return "error";
}

namespace {

// COIN uses its own large number for infinity.
double coin_bound(double value, const OsiSolverInterface& solver) {
  const double inf = solver.getInfinity();
  if (value >= kInfinity) return inf;
  if (value <= -kInfinity) return -inf;
  return value;
}

void load(const Model& model, OsiClpSolverInterface& solver, bool integral) {
  const int columns = static_cast<int>(model.variables.size());
  CoinPackedMatrix matrix(false, 0, 0);  // row-ordered
  matrix.setDimensions(0, columns);
  std::vector<double> row_lower, row_upper;
  for (const auto& row : model.constraints) {
    // Merge repeated variables in a row: COIN rejects duplicate indices.
    std::vector<std::pair<int, double>> entries;
    for (const auto& t : row.terms) entries.emplace_back(t.variable, t.coefficient);
    std::sort(entries.begin(), entries.end());
    std::vector<int> indices;
    std::vector<double> values;
    for (const auto& [index, value] : entries) {
      if (!indices.empty() && indices.back() == index) values.back() += value;
      else {
        indices.push_back(index);
        values.push_back(value);
      }
    }
    matrix.appendRow(static_cast<int>(indices.size()), indices.data(), values.data());
    row_lower.push_back(coin_bound(row.lower, solver));
    row_upper.push_back(coin_bound(row.upper, solver));
  }
  std::vector<double> col_lower, col_upper, objective;
  for (const auto& v : model.variables) {
    col_lower.push_back(coin_bound(v.lower, solver));
    col_upper.push_back(coin_bound(v.upper, solver));
    objective.push_back(v.objective);
  }
  solver.loadProblem(matrix, col_lower.data(), col_upper.data(), objective.data(), row_lower.data(), row_upper.data());
  solver.setObjSense(model.sense == Sense::minimize ? 1.0 : -1.0);
  if (integral) {
    for (int j = 0; j < columns; ++j) {
      if (model.variables[static_cast<std::size_t>(j)].type != VarType::continuous) solver.setInteger(j);
    }
  }
}

void silence(OsiClpSolverInterface& solver, bool log) {
  solver.messageHandler()->setLogLevel(log ? 1 : 0);
  solver.getModelPtr()->messageHandler()->setLogLevel(log ? 1 : 0);
}

double relative_gap(double objective, double bound) {
  return std::abs(objective - bound) / std::max(1.0, std::abs(objective));
}

Solution solve_lp(const Model& model, const SolveOptions& options) {
  Solution result;
  OsiClpSolverInterface solver;
  silence(solver, options.log);
  load(model, solver, false);
  solver.getModelPtr()->setMaximumSeconds(options.time_limit_seconds);
  solver.initialSolve();
  if (solver.isProvenOptimal()) {
    result.status = SolveStatus::optimal;
    result.objective = solver.getObjValue();
    result.best_bound = result.objective;
    const int n = solver.getNumCols();
    const int m = solver.getNumRows();
    result.values.assign(solver.getColSolution(), solver.getColSolution() + n);
    result.reduced_costs.assign(solver.getReducedCost(), solver.getReducedCost() + n);
    result.duals.assign(solver.getRowPrice(), solver.getRowPrice() + m);
  } else if (solver.isProvenPrimalInfeasible()) {
    result.status = SolveStatus::infeasible;
    result.message = "the LP relaxation has no feasible solution";
  } else if (solver.isProvenDualInfeasible()) {
    result.status = SolveStatus::unbounded;
    result.message = "the LP relaxation is unbounded";
  } else {
    result.status = SolveStatus::time_limit;
    result.message = "the LP solver stopped before proving optimality";
  }
  return result;
}

void add_cuts_and_heuristics(CbcModel& cbc) {
  // The generators and heuristics of CBC's own sample driver: cheap and robust on small models.
  CglProbing probing;
  probing.setUsingObjective(true);
  probing.setMaxPass(3);
  probing.setMaxProbe(100);
  probing.setMaxLook(50);
  probing.setRowCuts(3);
  cbc.addCutGenerator(&probing, -1, "Probing");
  CglGomory gomory;
  gomory.setLimit(300);
  cbc.addCutGenerator(&gomory, -1, "Gomory");
  CglKnapsackCover knapsack;
  cbc.addCutGenerator(&knapsack, -1, "Knapsack");
  CglClique clique;
  clique.setStarCliqueReport(false);
  clique.setRowCliqueReport(false);
  cbc.addCutGenerator(&clique, -1, "Clique");
  CglMixedIntegerRounding2 mir;
  cbc.addCutGenerator(&mir, -1, "MixedIntegerRounding2");
  CglFlowCover flow;
  cbc.addCutGenerator(&flow, -1, "FlowCover");
  CbcRounding rounding(cbc);
  cbc.addHeuristic(&rounding);  // addCutGenerator / addHeuristic copy their argument
}

double model_objective(const Model& model, const std::vector<double>& values) {
  double total = 0;
  for (std::size_t j = 0; j < model.variables.size(); ++j) total += model.variables[j].objective * values[j];
  return total;
}

Solution solve_mip(const Model& model, const SolveOptions& options) {
  Solution result;
  OsiClpSolverInterface solver;
  silence(solver, options.log);
  load(model, solver, true);
  CbcModel cbc(solver);
  cbc.setLogLevel(options.log ? 1 : 0);
  cbc.messageHandler()->setLogLevel(options.log ? 1 : 0);
  cbc.solver()->messageHandler()->setLogLevel(options.log ? 1 : 0);
  cbc.setUseElapsedTime(true);
  cbc.setMaximumSeconds(options.time_limit_seconds);
  cbc.setAllowableFractionGap(options.relative_gap);
  cbc.setAllowableGap(options.absolute_gap);
  cbc.setNumberThreads(0);  // one thread: deterministic
  add_cuts_and_heuristics(cbc);
  cbc.initialSolve();
  if (options.initial_values.size() == model.variables.size()) {
    // CBC checks the point and keeps it only if it is feasible.
    cbc.setBestSolution(options.initial_values.data(), static_cast<int>(options.initial_values.size()),
                        model_objective(model, options.initial_values), true);
  }
  if (cbc.solver()->isProvenPrimalInfeasible()) {
    result.status = SolveStatus::infeasible;
    result.message = "the LP relaxation has no feasible solution";
    return result;
  }
  if (cbc.solver()->isProvenDualInfeasible()) {
    result.status = SolveStatus::unbounded;
    result.message = "the LP relaxation is unbounded";
    return result;
  }
  cbc.branchAndBound();
  result.nodes = cbc.getNodeCount();
  const double* best = cbc.bestSolution();
  if (cbc.isProvenOptimal() && best) {
    result.status = SolveStatus::optimal;
  } else if (cbc.isProvenInfeasible()) {
    result.status = SolveStatus::infeasible;
    result.message = "no integer solution exists";
    return result;
  } else if (cbc.isContinuousUnbounded()) {
    result.status = SolveStatus::unbounded;
    result.message = "the model is unbounded";
    return result;
  } else if (best) {
    result.status = SolveStatus::feasible;
    result.message = "stopped at the time limit with a solution; optimality not proven";
  } else {
    result.status = SolveStatus::time_limit;
    result.message = "stopped at the time limit before any solution was found";
    result.best_bound = cbc.getBestPossibleObjValue();
    return result;
  }
  result.values.assign(best, best + model.variables.size());
  // Snap integers: CBC returns values within its integer tolerance of whole numbers.
  for (std::size_t j = 0; j < model.variables.size(); ++j) {
    if (model.variables[j].type != VarType::continuous) result.values[j] = std::round(result.values[j]);
  }
  result.objective = cbc.getObjValue();
  result.best_bound = result.status == SolveStatus::optimal ? result.objective : cbc.getBestPossibleObjValue();
  result.gap = relative_gap(result.objective, result.best_bound);
  return result;
}

}  // namespace

Solution solve(const Model& model, const SolveOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  Solution result;
  if (model.variables.empty()) {
    result.status = SolveStatus::optimal;
    bool feasible = true;
    for (const auto& row : model.constraints) feasible = feasible && row.lower <= 0 && row.upper >= 0;
    if (!feasible) result.status = SolveStatus::infeasible;
    result.duals.assign(model.constraints.size(), 0.0);
    return result;
  }
  try {
    result = options.lp_relaxation ? solve_lp(model, options) : solve_mip(model, options);
  } catch (const std::exception& e) {
    result = Solution{};
    result.status = SolveStatus::error;
    result.message = std::string("solver failure: ") + e.what();
  } catch (...) {
    result = Solution{};
    result.status = SolveStatus::error;
    result.message = "solver failure (COIN-OR exception)";
  }
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace guarantor::milp
