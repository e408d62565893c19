// make_plan: the lexicographic solve of the force-generation MILP and the analyses around it.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <map>

#include "guarantor/plan/plan.hpp"
#include "plan/analysis.hpp"

namespace guarantor::plan {

const char* to_string(CapBasis basis) {
  switch (basis) {
    case CapBasis::land_personnel: return "land_personnel";
    case CapBasis::active_personnel: return "active_personnel";
    case CapBasis::none: return "none";
  }
  return "none";
}

Status PlanResult::outcome() const {
  if (has_plan()) return Status::ok();
  return Status::solver_failure(message.empty() ? std::string(milp::to_string(status))
                                                : fmt::format("{}: {}", status, message));
}

double PlanResult::troops_in_theatre() const {
  double total = 0;
  for (const auto& a : assignments) total += a.troops;
  return total;
}

double PlanResult::troops_committed() const {
  double total = 0;
  for (const auto& a : assignments) total += a.troops_committed;
  return total;
}

ForcePackage PlanResult::package() const {
  ForcePackage package;
  package.origin = "plan";
  for (const auto& a : assignments) package.assignments.push_back({a.nation, a.component, a.unit_type, a.units, a.troops});
  return package;
}

namespace detail {

PlannedAssignment to_assignment(const Instance& inst, const Placement& p) {
  const Offer& offer = inst.offers[static_cast<std::size_t>(p.offer)];
  const Slot& slot = inst.slots[static_cast<std::size_t>(p.slot)];
  PlannedAssignment a;
  a.nation = offer.pledge->nation;
  a.component = inst.components[static_cast<std::size_t>(slot.component)].component->id;
  a.unit_type = offer.unit->id;
  a.capability = slot.capability;
  a.pledge = offer.pledge->id;
  a.units = p.units;
  a.troops = p.units * offer.troops_per_unit;
  a.rotation_multiplier = offer.rotation;
  a.troops_committed = a.troops * offer.rotation;
  a.conditional = offer.conditional;
  a.quantity_assumed = offer.quantity_assumed;
  return a;
}

namespace {

using Clock = std::chrono::steady_clock;
double since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

std::vector<ComponentPlan> component_plans(const Instance& inst, const std::vector<ComponentFill>& fills,
                                           const std::vector<PlannedAssignment>& assignments) {
  std::vector<ComponentPlan> result;
  for (std::size_t c = 0; c < inst.components.size(); ++c) {
    const ComponentInfo& info = inst.components[c];
    const ComponentFill& fill = fills[c];
    ComponentPlan plan;
    plan.id = info.component->id;
    plan.name = info.component->name;
    plan.planned = info.planned;
    plan.viable = fill.viable;
    plan.reason = fill.reason;
    plan.filled_troops = fill.filled_troops;
    plan.unmet_troops = fill.unmet_troops;
    plan.framework_nation = info.framework_troops > 0 ? fill.framework_nation : "";
    plan.nations = fill.nations;
    for (std::size_t k = 0; k < info.slots.size(); ++k) {
      const detail::Slot& slot = inst.slots[static_cast<std::size_t>(info.slots[k])];
      RequirementLine line;
      line.capability = slot.capability;
      line.required_units = slot.required_units;
      line.filled_units = k < fill.slot_filled.size() ? fill.slot_filled[k] : 0;
      line.minimum_viable_units = slot.minimum_viable_units;
      line.troops_per_unit = slot.troops_per_unit;
      line.reference_unit_type = slot.reference_unit_type;
      line.derivation = slot.derivation;
      plan.required_troops += slot.required_units * slot.troops_per_unit;
      plan.lines.push_back(line);
    }
    for (const auto& a : assignments) {
      if (a.component == plan.id && a.conditional) plan.conditional_troops += a.troops;
    }
    result.push_back(plan);
  }
  return result;
}

std::optional<double> fair_share(const Instance& inst, std::size_t n, double committed_total) {
  double basis_total = 0;
  for (const auto& nation : inst.nations) {
    if (!nation.offers.empty() && nation.burden_basis) basis_total += *nation.burden_basis;
  }
  const auto& nation = inst.nations[n];
  if (nation.offers.empty() || !nation.burden_basis || basis_total <= 0) return std::nullopt;
  return *nation.burden_basis / basis_total * committed_total;
}

std::vector<NationRotation> rotation_table(const Instance& inst, const std::vector<PlannedAssignment>& assignments) {
  std::vector<NationRotation> rows;
  double committed_total = 0;
  for (const auto& a : assignments) committed_total += a.troops_committed;
  for (std::size_t n = 0; n < inst.nations.size(); ++n) {
    const auto& info = inst.nations[n];
    if (info.offers.empty()) continue;
    NationRotation row;
    row.nation = info.nation->code;
    row.name = info.nation->name;
    for (const auto& a : assignments) {
      if (a.nation != row.nation) continue;
      row.troops_in_theatre += a.troops;
      row.troops_committed += a.troops_committed;
      const UnitType* unit = inst.scenario->find_unit_type(a.unit_type);
      if (unit && unit->domain == Domain::land) row.land_troops_committed += a.troops_committed;
    }
    row.land_cap_troops = info.land_cap;
    row.land_cap_basis = info.land_cap_basis;
    row.total_cap_troops = info.total_cap;
    row.fair_share_troops = fair_share(inst, n, committed_total);
    rows.push_back(row);
  }
  return rows;
}

void add_notes(const Instance& inst, PlanResult& result) {
  result.notes.insert(result.notes.end(), inst.notes.begin(), inst.notes.end());
  for (const auto& info : inst.nations) {
    if (info.offers.empty()) continue;
    if (info.land_cap_basis == CapBasis::active_personnel)
      result.notes.push_back(fmt::format("{} has no land-personnel figure: its land cap uses active personnel.",
                                         info.nation->name));
    if (info.land_cap_basis == CapBasis::none)
      result.notes.push_back(fmt::format("{} has no personnel figure: no force cap limits it.", info.nation->name));
    if (!info.burden_basis)
      result.notes.push_back(fmt::format("{} has no {} figure: it is left out of burden sharing.", info.nation->name,
                                         inst.settings.burden_by_gdp ? "GDP" : "personnel"));
  }
  bool any_cost = false;
  for (const auto& offer : inst.offers) any_cost = any_cost || offer.unit->cost_musd_per_year.known();
  if (!any_cost) result.notes.push_back("No unit type has a running cost: the cost stage is skipped.");
  for (const auto& c : inst.components) {
    if (!c.planned) result.notes.push_back(fmt::format("Component {} is not planned: {}.", c.component->id, c.unplanned_reason));
  }
}

// A plan exists when the first stage found a solution; it is optimal only if every stage was.
milp::SolveStatus overall_status(const detail::LexOutcome& lex) {
  if (!lex.has_solution()) return lex.status;
  return lex.status == milp::SolveStatus::optimal ? milp::SolveStatus::optimal : milp::SolveStatus::feasible;
}

}  // namespace
}  // namespace detail

milp::Model plan_model(const Scenario& scenario) {
  const detail::Instance inst = detail::build_instance(scenario, scenario.plan);
  return detail::formulate(inst, {}, 1).model;
}

PlanResult make_plan(const Scenario& scenario, const PlanOptions& options) {
  using namespace detail;
  PlanSettings settings = scenario.plan;
  if (options.time_limit_seconds) settings.time_limit_seconds = *options.time_limit_seconds;
  if (options.draws) settings.draws = *options.draws;
  if (options.seed) settings.seed = *options.seed;
  const Instance inst = build_instance(scenario, settings);
  milp::SolveOptions solve_options;
  solve_options.time_limit_seconds = settings.time_limit_seconds;

  PlanResult result;
  result.requirements = inst.requirements;
  result.unquantified = inst.unquantified;
  add_notes(inst, result);

  auto start = Clock::now();
  Formulation f = formulate(inst, {}, kStageCount);
  LexOutcome lex = solve_stages(f, kStageCount, solve_options, options.keep_stage_models);
  result.seconds_plan = since(start);
  result.solves += lex.solves;
  result.status = overall_status(lex);
  result.message = lex.message;
  result.gap = lex.gap;
  result.objective = lex.terms;
  result.stage_models = std::move(lex.stage_models);

  BasePlan base;
  base.placements = placements(f, lex.values);
  base.fills = evaluate(inst, base.placements, {});
  base.unmet = total_unmet(base.fills);
  for (const auto& p : base.placements) result.assignments.push_back(to_assignment(inst, p));
  result.components = component_plans(inst, base.fills, result.assignments);
  result.rotation = rotation_table(inst, result.assignments);
  if (!result.has_plan()) return result;

  start = Clock::now();
  result.conditional = conditional_dependence(inst, base, solve_options, result.solves);
  if (options.contingency) result.contingency = contingency(inst, base, solve_options, result.solves);
  result.seconds_contingency = since(start);
  if (options.explain) {
    start = Clock::now();
    result.binding = binding_constraints(inst, base, solve_options, result.solves);
    result.seconds_explain = since(start);
  }
  if (settings.draws > 0) {
    start = Clock::now();
    result.monte_carlo = monte_carlo(inst, base, settings.draws, settings.seed, solve_options, result.solves);
    result.seconds_monte_carlo = since(start);
  }
  return result;
}

}  // namespace guarantor::plan
