#pragma once
// The solver module: a small, solver-neutral mixed-integer linear programme and its solution,
// solved with COIN-OR CBC (through OsiClpSolverInterface + CbcModel). The plan stage (force
// generation) and the laydown stage (maximal covering location) both build a milp::Model; neither
// touches CBC, and neither depends on the other.
//
// Usage:
//   milp::Model m;                         // minimises by default
//   int x = m.add_variable("x", 0, 10, milp::VarType::integer, /*objective*/ 3.0);
//   int y = m.add_variable("y", 0, 1, milp::VarType::binary, -1.0);
//   m.add_constraint("cap", {{x, 1.0}, {y, 4.0}}, milp::kNoBound, 8.0);   // x + 4y <= 8
//   milp::Solution s = milp::solve(m, {.time_limit_seconds = 5});
//   if (s.has_solution()) use(s.values[x]);
//   Status written = milp::write_model(m, "model.lp");   // or .mps: any solver can check it
//
// Names are kept as given in the Model; the LP/MPS writers turn them into legal, unique names
// (letters, digits and '_') so that GLPK, HiGHS, CPLEX or Gurobi read the file unchanged.

#include <fmt/core.h>

#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "guarantor/core/status.hpp"

namespace guarantor::milp {

inline constexpr double kInfinity = std::numeric_limits<double>::infinity();
inline constexpr double kNoBound = kInfinity;  // use -kNoBound for "no lower bound"

enum class Sense { minimize, maximize };
enum class VarType { continuous, integer, binary };

struct Variable {
  std::string name;
  double lower = 0;
  double upper = kInfinity;
  VarType type = VarType::continuous;
  double objective = 0;  // coefficient in the objective
};

struct Term {
  int variable = 0;  // index into Model::variables
  double coefficient = 0;
};

// lower <= sum(terms) <= upper; use -kInfinity / kInfinity for a one-sided row, equal for "=".
struct Constraint {
  std::string name;
  std::vector<Term> terms;
  double lower = -kInfinity;
  double upper = kInfinity;
};

struct Model {
  std::string name = "guarantor";
  Sense sense = Sense::minimize;
  std::vector<Variable> variables;
  std::vector<Constraint> constraints;

  // Returns the index of the new variable. A binary variable's bounds are forced to [0, 1].
  int add_variable(std::string name, double lower, double upper, VarType type, double objective = 0);
  // Returns the index of the new constraint.
  int add_constraint(std::string name, std::vector<Term> terms, double lower, double upper);
  // Replaces the objective: every variable's coefficient becomes 0 except those in `terms`.
  void set_objective(const std::vector<Term>& terms, Sense sense = Sense::minimize);
  // Value of a linear expression at a point (e.g. an objective term at a solution).
  static double evaluate(const std::vector<Term>& terms, const std::vector<double>& values);
};

// How a solve ended. Kept as this enum through every stage; only writers turn it into text.
enum class SolveStatus {
  optimal,         // proven optimal (within the relative gap asked for)
  feasible,        // a solution was found but the time limit stopped the proof; see gap
  infeasible,      // proven to have no solution
  unbounded,       // the objective can improve without limit
  time_limit,      // the time limit was reached before any solution was found
  error,           // the solver failed; see message
};

// "optimal", "feasible", "infeasible", "unbounded", "time_limit", "error": the words the outputs use.
const char* to_string(SolveStatus status);

struct SolveOptions {
  double time_limit_seconds = 10.0;  // wall clock, per solve
  double relative_gap = 1e-9;        // stop when (incumbent − bound) / |incumbent| is below this
  double absolute_gap = 1e-9;
  bool lp_relaxation = false;        // ignore integrality: solve the LP and return duals
  bool log = false;                  // let CBC print its progress to stdout
  // A known feasible point (one value per variable) to start branch and bound from; ignored when
  // empty or infeasible. Guarantees a solution to report when the time limit strikes.
  std::vector<double> initial_values;
};

struct Solution {
  SolveStatus status = SolveStatus::error;
  double objective = 0;     // objective of the best solution found
  double best_bound = 0;    // proven bound on the optimum (equals objective when optimal)
  double gap = 0;           // relative gap |objective − bound| / max(1, |objective|)
  double seconds = 0;       // wall clock spent in the solver
  long nodes = 0;           // branch-and-bound nodes explored
  std::vector<double> values;         // one per variable (empty without a solution)
  std::vector<double> duals;          // one per constraint, LP relaxation only
  std::vector<double> reduced_costs;  // one per variable, LP relaxation only
  std::string message;      // why there is no (proven) optimum, in words; empty when optimal

  bool has_solution() const { return status == SolveStatus::optimal || status == SolveStatus::feasible; }
};

// Solves the model with CBC (or CLP when options.lp_relaxation). Never throws; a solver
// failure comes back as SolveStatus::error with a message. Deterministic for the same model.
Solution solve(const Model& model, const SolveOptions& options = {});

// Writers. Return Status::io_error ("cannot write 'PATH'") if the file cannot be written.
// CPLEX LP format (read by glpsol --lp, HiGHS, CBC, CPLEX, Gurobi).
Status write_lp(const Model& model, const std::string& path);
// Free MPS format (read by HiGHS, CBC, and glpsol --freemps for minimisation models: GLPK does
// not read the OBJSENSE section a maximisation model needs; use LP format for those).
Status write_mps(const Model& model, const std::string& path);
// Picks the format from the extension: ".mps" → free MPS, anything else → LP.
Status write_model(const Model& model, const std::string& path);
// The same texts, for callers that want them in memory.
std::string lp_text(const Model& model);
std::string mps_text(const Model& model);
// The legal, unique names the writers use (index-aligned with variables / constraints).
std::vector<std::string> exported_variable_names(const Model& model);
std::vector<std::string> exported_constraint_names(const Model& model);

}  // namespace guarantor::milp

// fmt::format("{}", status) writes to_string(status), so messages need no conversion.
template <>
struct fmt::formatter<guarantor::milp::SolveStatus> : fmt::formatter<std::string_view> {
  template <typename FormatContext>
  auto format(guarantor::milp::SolveStatus status, FormatContext& ctx) const {
    return fmt::formatter<std::string_view>::format(guarantor::milp::to_string(status), ctx);
  }
};
