#pragma once
// Force generation: from national pledges to the force package the coalition can sustain.
//
// make_plan() turns a Scenario into a PlanResult: the requirements (troop-to-task), an optimal
// assignment of pledged units to mission components (a MILP solved lexicographically with CBC:
// unmet requirement, then burden imbalance, then cost), the shortfalls, the rotation burden, the
// constraints that bind, N-1 / N-2 contingency and, optionally, a Monte Carlo over the
// conditional pledges. docs/model/plan.md gives every equation and parameter.
//
// Results are typed values (solver outcomes stay milp::SolveStatus); plan.json and plan.md are
// written by the report module (report::plan_json, report::plan_markdown in report/plan_output.hpp).

#include <optional>
#include <string>
#include <vector>

#include "guarantor/core/status.hpp"
#include "guarantor/solver/milp.hpp"
#include "guarantor/scenario/force_package.hpp"
#include "guarantor/scenario/requirements.hpp"
#include "guarantor/scenario/scenario.hpp"

namespace guarantor::plan {

// Which force the plan reports (`--force`):
//   pledged  — what has been offered, each pledge whole in its first component; unknown
//              quantities at their placeholder's central value;
//   planned  — the optimiser's package from the pledges (the default);
//   required — the option as designed: the planned package, and every requirement still unmet
//              filled by units no nation has offered, flagged `notional`.
enum class ForceMode { pledged, planned, required };
const char* to_string(ForceMode mode);
std::optional<ForceMode> parse_force_mode(const std::string& text);

struct PlanOptions {
  ForceMode mode = ForceMode::planned;
  std::optional<int> draws;                  // overrides scenario.plan.draws
  std::optional<std::uint64_t> seed;         // overrides scenario.plan.seed
  std::optional<double> time_limit_seconds;  // overrides scenario.plan.time_limit_seconds
  bool contingency = true;                   // N-1 and N-2 re-solves
  bool explain = true;                       // binding-constraint analysis
  bool keep_stage_models = false;            // keep each stage's MILP (for --export-model)
};

// One lexicographic stage of the objective.
struct ObjectiveTerm {
  std::string name;   // unmet_requirement_troops, shortfall_troops, burden_imbalance_troops, cost_musd_per_year
  double value = 0;
  milp::SolveStatus status = milp::SolveStatus::error;  // how the stage solve ended
  bool skipped = false;  // the term is identically 0: not solved, evaluated at the final solution
  double gap = 0;     // relative optimality gap of the stage (0 when optimal)
  double seconds = 0;
};

// One line of the package: troops of one pledge serving one requirement line.
struct PlannedAssignment {
  std::string nation;            // "" for a notional unit
  std::string component;
  std::string unit_type;
  std::string capability;
  std::string pledge;            // "" for a notional unit
  double units = 0;              // troops / troops_per_unit: fractions kept (half a joint HQ)
  double troops = 0;             // in theatre at any time
  bool notional = false;         // required mode: a unit no nation has offered
  double rotation_multiplier = 1;
  double troops_committed = 0;   // troops × rotation multiplier: the nation's force tied up
  bool conditional = false;      // from a conditional (or unknown-status) pledge
  bool quantity_assumed = false; // the pledge's quantity is an assumption, not a sourced figure
};

struct RequirementLine {
  std::string capability;
  int required_units = 0;
  double filled_units = 0;            // filled troops / troops_per_unit
  double required_troops = 0;
  double filled_troops = 0;           // placed, whether or not the line counts
  double minimum_viable_troops = 0;   // below it the line counts 0
  double notional_troops = 0;         // required mode
  double troops_per_unit = 0;   // of the reference unit type
  std::string reference_unit_type;
  std::vector<std::string> derivation;  // the troop-to-task arithmetic, one per requirement line
};

struct ComponentPlan {
  std::string id;
  std::string name;
  bool enabled = true;          // false: disabled in this scenario or variant (nothing deployed)
  bool planned = true;          // false when a requirement is unknown (a driver without a value)
  bool viable = false;          // component rules hold and some line reaches its minimum viable size
  std::optional<double> effectiveness;  // counted / required troops in [0, 1]; empty when not deployed
  double notional_troops = 0;   // required mode: troops of notional units
  std::optional<int> ioc_day;   // first day its minimum viable share of the placed troops is in theatre
  std::optional<int> foc_day;   // first day all its placed troops are in theatre
  std::string reason;           // why not viable, in words
  double required_troops = 0;
  double filled_troops = 0;
  double unmet_troops = 0;      // required × (1 − effectiveness)
  double conditional_troops = 0;
  std::string framework_nation; // empty when none is needed or none qualifies
  std::vector<std::string> nations;
  std::vector<RequirementLine> lines;
};

// What a nation's land-force cap is a share of.
enum class CapBasis { land_personnel, active_personnel, none };
// "land_personnel", "active_personnel", "none": the words plan.json uses.
const char* to_string(CapBasis basis);

struct NationRotation {
  std::string nation;
  std::string name;
  double troops_in_theatre = 0;
  double troops_committed = 0;   // including rotation
  double land_troops_committed = 0;
  std::optional<double> land_cap_troops;   // max_land_force_share × land personnel
  CapBasis land_cap_basis = CapBasis::none;
  std::optional<double> total_cap_troops;  // max_land_force_share × active personnel
  std::optional<double> fair_share_troops; // burden sharing target (committed troops)
};

struct BindingConstraint {
  std::string constraint;       // the model's row or rule, e.g. "force_cap_land[GB]"
  std::string explanation;      // a plain sentence
  double improvement_troops = 0;       // unmet requirement saved by relaxing it (re-solve)
  std::optional<double> shadow_price;  // LP dual (troops of unmet requirement per unit of the row)
};

struct ContingencyCase {
  std::vector<std::string> removed;    // nation codes
  double shortfall_troops = 0;         // unmet requirement without them
  double extra_shortfall_troops = 0;   // compared with the plan
  double effectiveness_loss = 0;       // fall in the force's troop-weighted effectiveness (share points of 1)
  std::vector<std::string> broken_components;  // viable in the plan, not without them
  std::vector<std::pair<std::string, double>> component_losses;  // component → extra unmet troops
  milp::SolveStatus status = milp::SolveStatus::error;  // how the re-solve ended
  bool resolved = true;                // false when the nation contributes nothing (plan unchanged)
};

// A pledge whose condition fails in this scenario and variant (e.g. a US backstop that is absent).
struct ExcludedPledge {
  std::string pledge;
  std::string nation;
  std::string reason;
};

struct UnquantifiedOffer {
  std::string pledge;
  std::string nation;
  std::string unit_type;
  std::string status;
  std::optional<double> troops_reported;
};

struct ComponentDistribution {
  std::string component;
  double probability_unfilled = 0;   // P(effectiveness = 0)
  double mean_effectiveness = 0;
  double mean_unmet_troops = 0;
  double p10 = 0, p50 = 0, p90 = 0;  // unmet troops quantiles across draws
};

struct MonteCarloResult {
  int draws = 0;
  std::uint64_t seed = 0;
  int distinct_coalitions = 0;
  std::vector<ComponentDistribution> components;
  std::vector<std::string> assumed_probability_pledges;  // used default_probability
  double mean_unmet_troops = 0;            // of the re-optimised plan in each draw
  double deterministic_plan_mean_unmet = 0;  // the deterministic plan, fixed, across draws
  double robust_plan_mean_unmet = 0;         // the best candidate plan, fixed, across draws
  std::string robust_plan_origin;            // "deterministic" or "draw N"
  std::vector<PlannedAssignment> robust_plan;
};

struct ConditionalDependence {
  double troops_from_conditional = 0;
  double shortfall_without_conditional = 0;
  std::vector<std::string> broken_components;
};

struct PlanResult {
  // optimal; feasible (a time limit struck: see gap); without a plan: infeasible, unbounded,
  // time_limit (no solution in time) or error.
  milp::SolveStatus status = milp::SolveStatus::error;
  ForceMode mode = ForceMode::planned;
  std::string message;           // the solver's explanation when not optimal
  double gap = 0;                // largest relative gap of any stage
  std::vector<ObjectiveTerm> objective;
  std::vector<DerivedRequirement> requirements;
  std::vector<PlannedAssignment> assignments;
  std::vector<ComponentPlan> components;
  std::vector<NationRotation> rotation;
  std::vector<BindingConstraint> binding;
  std::vector<ContingencyCase> contingency;
  std::optional<ConditionalDependence> conditional;
  std::vector<UnquantifiedOffer> unquantified;
  std::vector<ExcludedPledge> excluded_pledges;
  std::vector<BuildupPoint> buildup;  // troops in theatre by day (force flow); a point where it changes
  std::optional<MonteCarloResult> monte_carlo;
  std::vector<std::string> notes;  // assumptions and data gaps, in words
  std::vector<milp::Model> stage_models;  // when PlanOptions::keep_stage_models
  double seconds_plan = 0, seconds_contingency = 0, seconds_explain = 0, seconds_monte_carlo = 0;
  int solves = 0;

  bool has_plan() const { return status == milp::SolveStatus::optimal || status == milp::SolveStatus::feasible; }
  // The call's outcome: ok with a plan, else StatusCode::solver_failure ("STATUS: message").
  Status outcome() const;
  double troops_in_theatre() const;
  double troops_committed() const;
  double notional_troops() const;
  ForcePackage package() const;  // the assignments as the shared value type
};

PlanResult make_plan(const Scenario& scenario, const PlanOptions& options = {});

// The time-phased force flow (docs/model/plan.md, "Force flow"): each assignment's troops can move
// from their unit type's readiness_days; a component's route moves at most its
// capacity_troops_per_day (no route or an unknown capacity: no limit). Sets each component's
// ioc_day and foc_day and the force's buildup series; notes what it assumed.
struct ForceFlow {
  std::vector<std::pair<std::string, std::pair<std::optional<int>, std::optional<int>>>> days;  // component → (ioc, foc)
  std::vector<BuildupPoint> buildup;
  std::vector<std::string> notes;
};
ForceFlow force_flow(const Scenario& scenario, const std::vector<PlannedAssignment>& assignments);

// Only the first-stage model (unmet requirement), e.g. to export or inspect without solving.
milp::Model plan_model(const Scenario& scenario);

}  // namespace guarantor::plan
