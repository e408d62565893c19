// make_plan: the lexicographic solve of the force-generation MILP and the analyses around it.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
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

const char* to_string(ForceMode mode) {
  switch (mode) {
    case ForceMode::pledged: return "pledged";
    case ForceMode::planned: return "planned";
    case ForceMode::required: return "required";
  }
  return "planned";
}

std::optional<ForceMode> parse_force_mode(const std::string& text) {
  for (ForceMode mode : {ForceMode::pledged, ForceMode::planned, ForceMode::required}) {
    if (text == to_string(mode)) return mode;
  }
  return std::nullopt;
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

double PlanResult::notional_troops() const {
  double total = 0;
  for (const auto& a : assignments) {
    if (a.notional) total += a.troops;
  }
  return total;
}

ForcePackage PlanResult::package() const {
  ForcePackage package;
  package.origin = mode == ForceMode::required ? "required" : mode == ForceMode::pledged ? "pledges" : "plan";
  for (const auto& a : assignments) {
    const double per_unit = a.units > 0 ? a.troops / a.units : 0;
    // Whole units for the stages that site units; a fraction of a unit still counts as one.
    int units = static_cast<int>(std::lround(a.units));
    if (units == 0 && a.troops > 0 && per_unit > 0) units = 1;
    package.assignments.push_back({a.nation, a.component, a.unit_type, units, a.troops, a.notional});
  }
  package.buildup = buildup;
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
  a.troops = p.troops;
  a.units = offer.troops_per_unit > 0 ? p.troops / offer.troops_per_unit : 0;
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
    if (info.planned) plan.effectiveness = fill.effectiveness;
    plan.filled_troops = fill.filled_troops;
    plan.unmet_troops = fill.unmet_troops;
    plan.framework_nation = info.framework_troops > 0 ? fill.framework_nation : "";
    plan.nations = fill.nations;
    for (std::size_t k = 0; k < info.slots.size(); ++k) {
      const detail::Slot& slot = inst.slots[static_cast<std::size_t>(info.slots[k])];
      RequirementLine line;
      line.capability = slot.capability;
      line.required_units = slot.required_units;
      line.filled_troops = k < fill.slot_filled.size() ? fill.slot_filled[k] : 0;
      line.filled_units = slot.troops_per_unit > 0 ? line.filled_troops / slot.troops_per_unit : 0;
      line.required_troops = slot.required_troops;
      line.minimum_viable_troops = slot.minimum_viable_troops;
      line.troops_per_unit = slot.troops_per_unit;
      line.reference_unit_type = slot.reference_unit_type;
      line.derivation = slot.derivation;
      plan.required_troops += slot.required_troops;
      plan.lines.push_back(line);
    }
    for (const auto& a : assignments) {
      if (a.component == plan.id && a.conditional) plan.conditional_troops += a.troops;
    }
    result.push_back(plan);
  }
  // Disabled components are listed too, with nothing deployed.
  for (const auto& component : inst.scenario->components) {
    if (component.enabled) continue;
    ComponentPlan plan;
    plan.id = component.id;
    plan.name = component.name;
    plan.enabled = false;
    plan.planned = false;
    plan.reason = "disabled in this scenario or variant";
    result.push_back(plan);
  }
  return result;
}

// Required mode: every requirement line's troops not counted in the plan are filled by notional
// units of the line's reference type; the component is then fully effective.
void fill_with_notional(const Instance& inst, PlanResult& result) {
  std::size_t k = 0;
  for (std::size_t c = 0; c < inst.components.size(); ++c, ++k) {
    const ComponentInfo& info = inst.components[c];
    ComponentPlan& plan = result.components[k];
    if (!info.planned) continue;
    for (std::size_t l = 0; l < plan.lines.size(); ++l) {
      RequirementLine& line = plan.lines[l];
      const Slot& slot = inst.slots[static_cast<std::size_t>(info.slots[l])];
      // The nations' troops stay; notional units make up the rest of the line, which then meets
      // its requirement (and so its minimum). A component whose framework nation or second
      // nation is missing gets them from the notional units too.
      const double missing = std::max(0.0, line.required_troops - line.filled_troops);
      if (missing <= 0.1) continue;
      PlannedAssignment a;
      a.component = plan.id;
      a.unit_type = slot.reference_unit_type;
      a.capability = slot.capability;
      a.troops = missing;
      a.units = slot.troops_per_unit > 0 ? missing / slot.troops_per_unit : 0;
      const UnitType* unit = inst.scenario->find_unit_type(slot.reference_unit_type);
      a.rotation_multiplier = unit ? unit->rotation_multiplier() : 1;
      a.troops_committed = a.troops * a.rotation_multiplier;
      a.notional = true;
      result.assignments.push_back(a);
      line.notional_troops = missing;
      plan.notional_troops += missing;
    }
    plan.effectiveness = 1.0;
    plan.viable = true;
    plan.unmet_troops = 0;
    plan.reason = plan.notional_troops > 0 ? fmt::format("filled with {:.0f} notional troops", plan.notional_troops) : "";
  }
}

// Phases the reported force in: ioc/foc per component and the buildup series.
void add_force_flow(const Scenario& scenario, PlanResult& result) {
  const ForceFlow flow = force_flow(scenario, result.assignments);
  for (auto& component : result.components) {
    for (const auto& [id, days] : flow.days) {
      if (id != component.id) continue;
      component.ioc_day = days.first;
      component.foc_day = days.second;
    }
  }
  result.buildup = flow.buildup;
  result.notes.insert(result.notes.end(), flow.notes.begin(), flow.notes.end());
}

// Pledged mode: each offer whole in its first eligible line, without optimisation.
std::vector<Placement> pledged_placements(const Instance& inst) {
  std::vector<Placement> result;
  for (std::size_t o = 0; o < inst.offers.size(); ++o) {
    const Offer& offer = inst.offers[o];
    if (!offer.eligible.empty()) result.push_back({static_cast<int>(o), offer.eligible.front(), offer.troops});
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
    if (inst.settings.cap_on_land_personnel && info.land_cap_basis == CapBasis::active_personnel)
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
  const Instance inst = build_instance(scenario, settings, options.mode == ForceMode::pledged);
  milp::SolveOptions solve_options;
  solve_options.time_limit_seconds = settings.time_limit_seconds;

  PlanResult result;
  result.mode = options.mode;
  result.requirements = inst.requirements;
  result.unquantified = inst.unquantified;
  result.excluded_pledges = inst.excluded;
  add_notes(inst, result);
  if (options.mode == ForceMode::pledged) {
    BasePlan pledged;
    pledged.placements = pledged_placements(inst);
    pledged.fills = evaluate(inst, pledged.placements, {});
    for (const auto& p : pledged.placements) result.assignments.push_back(to_assignment(inst, p));
    result.components = component_plans(inst, pledged.fills, result.assignments);
    result.rotation = rotation_table(inst, result.assignments);
    result.status = milp::SolveStatus::optimal;  // nothing to optimise: the pledges as offered
    add_force_flow(scenario, result);
    return result;
  }

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
  if (options.mode == ForceMode::required) fill_with_notional(inst, result);
  add_force_flow(scenario, result);

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
