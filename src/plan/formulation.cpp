#include "plan/formulation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace guarantor::plan::detail {

using milp::kInfinity;
using milp::Term;
using milp::VarType;

const char* stage_name(int stage) {
  switch (stage) {
    case kUnmet: return "unmet_requirement_troops";
    case kShortfall: return "shortfall_troops";
    case kImbalance: return "burden_imbalance_troops";
    case kCost: return "cost_musd_per_year";
    default: return "?";
  }
}

namespace {

struct Builder {
  Builder(const Instance& instance, const Variation& variation) : inst(instance), var(variation) {}
  const Instance& inst;
  const Variation& var;
  Formulation f;
  std::vector<std::vector<Term>> slot_x;                             // per slot: its x terms (troops)
  std::vector<std::map<int, std::vector<Term>>> component_nation_x;  // per component: nation → x terms
  std::vector<std::map<int, std::vector<Term>>> hq_x;                // per component: nation → command x
  std::vector<std::pair<int, double>> empty_values_;                 // variable → value in the empty plan

  bool available(int offer) const {
    return var.available.empty() || var.available[static_cast<std::size_t>(offer)];
  }
  double troops(int offer) const {
    const double extra = var.extra_troops.empty() ? 0 : var.extra_troops[static_cast<std::size_t>(offer)];
    return inst.offers[static_cast<std::size_t>(offer)].troops + extra;
  }
  std::vector<int> slots_for(int o) const {
    const Offer& offer = inst.offers[static_cast<std::size_t>(o)];
    std::vector<int> result = offer.eligible;
    for (const auto& [slot, why] : offer.excluded) {
      const int component = inst.slots[static_cast<std::size_t>(slot)].component;
      if ((why == Exclusion::outside_ukraine_only && var.lift_outside_only.count(offer.nation)) ||
          (why == Exclusion::non_nato_only && var.lift_non_nato.count(component))) {
        result.push_back(slot);
      }
    }
    std::sort(result.begin(), result.end());
    return result;
  }
  std::string component_id(int slot) const {
    return inst.components[static_cast<std::size_t>(inst.slots[static_cast<std::size_t>(slot)].component)]
        .component->id;
  }
  bool framework_rule(int c) const {
    return inst.components[static_cast<std::size_t>(c)].framework_troops > 0 && !var.no_framework.count(c);
  }
  bool multinational_rule(int c) const {
    const ComponentInfo& info = inst.components[static_cast<std::size_t>(c)];
    return info.min_nations > 1 && info.required_troops > 0 && !var.no_multinational.count(c);
  }

  // x[o,s]: troops of offer o serving slot s (continuous: troops are counted, not units).
  void add_assignment_variables() {
    slot_x.resize(inst.slots.size());
    component_nation_x.resize(inst.components.size());
    hq_x.resize(inst.components.size());
    f.pledge_row.assign(inst.offers.size(), -1);
    for (std::size_t o = 0; o < inst.offers.size(); ++o) {
      if (!available(static_cast<int>(o))) continue;
      const Offer& offer = inst.offers[o];
      const std::string part = offer.package_capability.empty() ? "" : "/" + offer.package_capability;
      std::vector<Term> pledge_terms;
      for (int s : slots_for(static_cast<int>(o))) {
        const Slot& slot = inst.slots[static_cast<std::size_t>(s)];
        if (!inst.components[static_cast<std::size_t>(slot.component)].planned || slot.required_troops <= 0) continue;
        const double upper = std::min(troops(static_cast<int>(o)), slot.required_troops);
        const int x = f.model.add_variable(
            fmt::format("x[{}{},{},{}]", offer.pledge->id, part, component_id(s), slot.capability), 0, upper,
            VarType::continuous, 0);
        f.x.push_back({static_cast<int>(o), s, 0});
        f.x_var.push_back(x);
        slot_x[static_cast<std::size_t>(s)].push_back({x, 1});
        const auto c = static_cast<std::size_t>(slot.component);
        component_nation_x[c][offer.nation].push_back({x, 1});
        const auto& hq = inst.components[c].hq_slots;
        if (std::find(hq.begin(), hq.end(), s) != hq.end()) hq_x[c][offer.nation].push_back({x, 1});
        pledge_terms.push_back({x, 1});
      }
      if (!pledge_terms.empty()) {
        f.pledge_row[o] = f.model.add_constraint(fmt::format("pledge_cap[{}{}]", offer.pledge->id, part),
                                                 pledge_terms, -kInfinity, troops(static_cast<int>(o)));
      }
    }
  }

  void add_component_rows() {
    f.objective.assign(kStageCount, {});
    f.viable_var.assign(inst.components.size(), -1);
    for (std::size_t c = 0; c < inst.components.size(); ++c) {
      const ComponentInfo& info = inst.components[c];
      if (!info.planned) continue;
      const int ci = static_cast<int>(c);
      // viable[c]: the component rules (framework nation, multinationality) hold; without it
      // nothing of the component counts.
      int v = -1;
      if (framework_rule(ci) || multinational_rule(ci)) {
        v = f.model.add_variable(fmt::format("viable[{}]", info.component->id), 0, 1, VarType::binary, 0);
        f.viable_var[c] = v;
      }
      for (int s : info.slots) add_slot_rows(s, v);
      if (multinational_rule(ci)) add_multinational_rows(ci, v);
      if (framework_rule(ci)) add_framework_rows(ci, v);
    }
  }

  // Graded viability of one requirement line, in troops:
  //   Σ x + short = R;  unmet ≥ short;  unmet ≥ R (1 − line_ok);  Σ x ≥ M · line_ok;
  //   unmet ≥ R (1 − viable[c]).
  // unmet = R − counted, where a line counts its fill up to R when it reaches its minimum viable
  // size M, else 0; Σ unmet over a component = required × (1 − effectiveness).
  void add_slot_rows(int s, int v) {
    const Slot& slot = inst.slots[static_cast<std::size_t>(s)];
    const std::string name = fmt::format("{},{}", component_id(s), slot.capability);
    const double required = slot.required_troops;
    const int shortfall = f.model.add_variable(fmt::format("short[{}]", name), 0, required, VarType::continuous);
    const int unmet = f.model.add_variable(fmt::format("unmet[{}]", name), 0, required, VarType::continuous);
    empty_values_.emplace_back(shortfall, required);
    empty_values_.emplace_back(unmet, required);
    std::vector<Term> fill = slot_x[static_cast<std::size_t>(s)];
    fill.push_back({shortfall, 1});
    f.model.add_constraint(fmt::format("fill[{}]", name), fill, required, required);
    f.model.add_constraint(fmt::format("unmet_residual[{}]", name), {{unmet, 1}, {shortfall, -1}}, 0, kInfinity);
    if (slot.minimum_viable_troops > 0) {
      const int line_ok = f.model.add_variable(fmt::format("line_viable[{}]", name), 0, 1, VarType::binary, 0);
      std::vector<Term> minimum = slot_x[static_cast<std::size_t>(s)];
      minimum.push_back({line_ok, -slot.minimum_viable_troops});
      f.model.add_constraint(fmt::format("viable_min[{}]", name), minimum, 0, kInfinity);
      f.model.add_constraint(fmt::format("unmet_below_minimum[{}]", name), {{unmet, 1}, {line_ok, required}}, required,
                             kInfinity);
    }
    if (v >= 0) {
      f.model.add_constraint(fmt::format("unmet_if_not_viable[{}]", name), {{unmet, 1}, {v, required}}, required,
                             kInfinity);
    }
    f.objective[kUnmet].push_back({unmet, 1});
    f.objective[kShortfall].push_back({shortfall, 1});
  }

  void add_multinational_rows(int c, int v) {
    const ComponentInfo& info = inst.components[static_cast<std::size_t>(c)];
    const std::string& id = info.component->id;
    std::vector<Term> count{{v, -static_cast<double>(info.min_nations)}};
    for (const auto& [nation, terms] : component_nation_x[static_cast<std::size_t>(c)]) {
      const std::string& code = inst.nations[static_cast<std::size_t>(nation)].nation->code;
      const int y = f.model.add_variable(fmt::format("takes_part[{},{}]", id, code), 0, 1, VarType::binary);
      std::vector<Term> link = terms;
      link.push_back({y, -participation_troops(inst, c, nation)});  // takes part with at least one unit
      f.model.add_constraint(fmt::format("takes_part_link[{},{}]", id, code), link, 0, kInfinity);
      count.push_back({y, 1});
    }
    f.model.add_constraint(fmt::format("min_nations[{}]", id), count, 0, kInfinity);
  }

  void add_framework_rows(int c, int v) {
    const ComponentInfo& info = inst.components[static_cast<std::size_t>(c)];
    const std::string& id = info.component->id;
    std::vector<Term> any{{v, -1}};
    for (const auto& [nation, terms] : component_nation_x[static_cast<std::size_t>(c)]) {
      const std::string& code = inst.nations[static_cast<std::size_t>(nation)].nation->code;
      const auto& hq = hq_x[static_cast<std::size_t>(c)];
      if (!info.hq_slots.empty() && !hq.count(nation)) continue;  // cannot provide the command element
      const int fw = f.model.add_variable(fmt::format("framework[{},{}]", id, code), 0, 1, VarType::binary);
      std::vector<Term> link = terms;
      link.push_back({fw, -info.framework_troops});
      f.model.add_constraint(fmt::format("framework_link[{},{}]", id, code), link, 0, kInfinity);
      if (!info.hq_slots.empty()) {
        std::vector<Term> command = hq.at(nation);
        command.push_back({fw, -info.hq_troops});
        f.model.add_constraint(fmt::format("framework_hq[{},{}]", id, code), command, 0, kInfinity);
      }
      any.push_back({fw, 1});
    }
    f.model.add_constraint(fmt::format("framework[{}]", id), any, 0, kInfinity);
  }

  // Troops a nation ties up (in theatre × rotation), per x variable.
  std::vector<Term> committed_terms(int nation, bool land_only) const {
    std::vector<Term> terms;
    for (std::size_t i = 0; i < f.x.size(); ++i) {
      const Offer& offer = inst.offers[static_cast<std::size_t>(f.x[i].offer)];
      if (offer.nation != nation || (land_only && !offer.land)) continue;
      terms.push_back({f.x_var[i], offer.rotation});
    }
    return terms;
  }

  void add_nation_caps() {
    f.land_cap_row.assign(inst.nations.size(), -1);
    f.total_cap_row.assign(inst.nations.size(), -1);
    for (std::size_t n = 0; n < inst.nations.size(); ++n) {
      const NationInfo& nation = inst.nations[n];
      if (nation.offers.empty()) continue;
      const std::string& code = nation.nation->code;
      if (nation.land_cap && !var.uncapped_land.count(static_cast<int>(n))) {
        auto terms = committed_terms(static_cast<int>(n), true);
        if (!terms.empty())
          f.land_cap_row[n] = f.model.add_constraint(fmt::format("force_cap_land[{}]", code), terms, -kInfinity,
                                                     *nation.land_cap);
      }
      if (nation.total_cap && !var.uncapped_total.count(static_cast<int>(n))) {
        auto terms = committed_terms(static_cast<int>(n), false);
        if (!terms.empty())
          f.total_cap_row[n] = f.model.add_constraint(fmt::format("force_cap_total[{}]", code), terms, -kInfinity,
                                                      *nation.total_cap);
      }
    }
  }

  // |committed_n − w_n × committed_total| for the nations with a fair-share basis.
  void add_burden_rows() {
    std::vector<int> members;
    double basis_total = 0;
    for (std::size_t n = 0; n < inst.nations.size(); ++n) {
      if (!inst.nations[n].burden_basis || committed_terms(static_cast<int>(n), false).empty()) continue;
      members.push_back(static_cast<int>(n));
      basis_total += *inst.nations[n].burden_basis;
    }
    if (members.size() < 2) return;
    const int total = f.model.add_variable("committed_total", 0, kInfinity, VarType::continuous);
    std::vector<Term> total_row{{total, -1}};
    for (int n : members) {
      for (const auto& t : committed_terms(n, false)) total_row.push_back(t);
    }
    f.model.add_constraint("committed_total_def", total_row, 0, 0);
    for (int n : members) {
      const std::string& code = inst.nations[static_cast<std::size_t>(n)].nation->code;
      const double weight = *inst.nations[static_cast<std::size_t>(n)].burden_basis / basis_total;
      const int dev = f.model.add_variable(fmt::format("imbalance[{}]", code), 0, kInfinity, VarType::continuous);
      std::vector<Term> above{{dev, 1}, {total, -weight}};
      std::vector<Term> below{{dev, 1}, {total, weight}};
      for (const auto& t : committed_terms(n, false)) {
        above.push_back({t.variable, t.coefficient});
        below.push_back({t.variable, -t.coefficient});
      }
      // dev ≥ w·T − T_n  and  dev ≥ T_n − w·T
      f.model.add_constraint(fmt::format("imbalance_below[{}]", code), above, 0, kInfinity);
      f.model.add_constraint(fmt::format("imbalance_above[{}]", code), below, 0, kInfinity);
      f.objective[kImbalance].push_back({dev, 1});
    }
  }

  // x = 0, short = unmet = R, binaries 0; deviation and totals follow from x = 0.
  void set_empty_plan() {
    f.empty_plan.assign(f.model.variables.size(), 0.0);
    for (const auto& [variable, value] : empty_values_) f.empty_plan[static_cast<std::size_t>(variable)] = value;
  }

  void add_cost() {
    for (std::size_t i = 0; i < f.x.size(); ++i) {
      const Offer& offer = inst.offers[static_cast<std::size_t>(f.x[i].offer)];
      const double cost = offer.unit->cost_musd_per_year.value_or(0);
      if (cost > 0 && offer.troops_per_unit > 0) f.objective[kCost].push_back({f.x_var[i], cost / offer.troops_per_unit});
    }
  }
};

}  // namespace

Formulation formulate(const Instance& instance, const Variation& variation, int stages) {
  Builder b(instance, variation);
  b.f.model.name = "guarantor_plan";
  b.add_assignment_variables();
  b.add_component_rows();
  b.add_nation_caps();
  if (stages > kImbalance) b.add_burden_rows();
  if (stages > kCost) b.add_cost();
  b.f.model.set_objective(b.f.objective[kUnmet]);
  b.set_empty_plan();
  return std::move(b.f);
}

LexOutcome solve_stages(Formulation& f, int stages, const milp::SolveOptions& options, bool keep_models) {
  LexOutcome out;
  for (int k = 0; k < stages; ++k) {
    ObjectiveTerm term;
    term.name = stage_name(k);
    const auto& objective = f.objective[static_cast<std::size_t>(k)];
    if (objective.empty() && out.has_solution()) {
      term.skipped = true;  // identically zero: nothing to optimise
      out.terms.push_back(term);
      continue;
    }
    f.model.set_objective(objective);
    if (keep_models) out.stage_models.push_back(f.model);
    milp::SolveOptions stage_options = options;
    // Start from the previous stage's solution (feasible for this stage by construction), or
    // from the empty plan, so that a time limit always leaves a solution to report.
    stage_options.initial_values = out.has_solution() ? out.values : f.empty_plan;
    // Later stages refine; they stop at a 10^-3 relative gap (each stage reports its gap). The
    // burden stage's absolute deviations leave a weak LP bound that CBC closes slowly.
    if (k > 0) stage_options.relative_gap = std::max(options.relative_gap, 1e-3);
    const milp::Solution s = milp::solve(f.model, stage_options);
    ++out.solves;
    term.status = s.status;
    term.seconds = s.seconds;
    term.gap = s.gap;
    if (!s.has_solution()) {
      if (k == 0) {
        out.status = s.status;
        out.message = s.message;
        out.terms.push_back(term);
        return out;
      }
      // A later stage without a solution keeps the previous stage's solution.
      out.message = fmt::format("stage {} ({}): {}", k + 1, term.name, s.message);
      out.status = milp::SolveStatus::feasible;
      out.terms.push_back(term);
      break;
    }
    if (k == 0) out.status = s.status;
    else if (s.status == milp::SolveStatus::feasible) out.status = milp::SolveStatus::feasible;
    out.values = s.values;
    out.gap = std::max(out.gap, s.gap);
    term.value = milp::Model::evaluate(objective, s.values);
    out.terms.push_back(term);
    if (k + 1 < stages) {
      // Keep this stage's optimum (to a small tolerance) while the next stage optimises.
      const double tolerance = 1e-6 * std::max(1.0, std::abs(term.value));
      f.model.add_constraint(fmt::format("keep_{}", term.name), objective, -kInfinity, term.value + tolerance);
    }
  }
  // Terms of stages that were skipped or not reached are evaluated at the final solution.
  for (std::size_t k = 0; k < out.terms.size(); ++k) {
    if (out.terms[k].skipped) out.terms[k].value = milp::Model::evaluate(f.objective[k], out.values);
  }
  return out;
}

std::vector<Placement> placements(const Formulation& f, const std::vector<double>& values) {
  std::vector<Placement> result;
  if (values.empty()) return result;
  for (std::size_t i = 0; i < f.x.size(); ++i) {
    // Troops to a hundredth, so that solver noise (the stages keep earlier optima to a relative
    // 1e-6) does not show as 4,999.999 troops; less than a hundredth is no placement.
    const double troops = std::round(values[static_cast<std::size_t>(f.x_var[i])] * 100) / 100;
    if (troops > 0) result.push_back({f.x[i].offer, f.x[i].slot, troops});
  }
  return result;
}

Resolve resolve_unmet(const Instance& instance, const Variation& variation, const milp::SolveOptions& options) {
  Formulation f = formulate(instance, variation, 1);
  const LexOutcome lex = solve_stages(f, 1, options);
  Resolve r;
  r.status = lex.status;
  if (!lex.has_solution()) return r;
  r.placements = placements(f, lex.values);
  r.fills = evaluate(instance, r.placements, variation.available);
  // The MILP's own optimum (to a hundredth of a troop): under relaxed rules (no framework
  // rule...) evaluate() would still apply the scenario's rules.
  r.unmet_troops = std::round(lex.terms.front().value * 100) / 100;
  return r;
}

}  // namespace guarantor::plan::detail
