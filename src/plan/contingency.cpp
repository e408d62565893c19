// N-1 / N-2 withdrawals and the dependence on conditional pledges: re-solve the first stage
// (unmet requirement) without the nations concerned and compare with the plan.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "plan/analysis.hpp"

namespace guarantor::plan::detail {
namespace {

ContingencyCase compare(const Instance& inst, const BasePlan& base, const Resolve& r) {
  ContingencyCase c;
  c.status = r.status;
  c.shortfall_troops = r.unmet_troops;
  c.extra_shortfall_troops = r.unmet_troops - base.unmet;
  // Less than half a troop is the solvers' tolerance, not a loss.
  if (std::abs(c.extra_shortfall_troops) < 0.5) c.extra_shortfall_troops = 0;
  const double required = total_required(inst);
  c.effectiveness_loss = required > 0 ? c.extra_shortfall_troops / required : 0;
  for (std::size_t k = 0; k < inst.components.size() && k < r.fills.size(); ++k) {
    const std::string& id = inst.components[k].component->id;
    if (base.fills[k].viable && !r.fills[k].viable) c.broken_components.push_back(id);
    const double loss = r.fills[k].unmet_troops - base.fills[k].unmet_troops;
    if (loss >= 0.5) c.component_losses.emplace_back(id, loss);
  }
  return c;
}

std::vector<bool> without(const Instance& inst, const std::vector<int>& nations) {
  std::vector<bool> available(inst.offers.size(), true);
  for (std::size_t o = 0; o < inst.offers.size(); ++o) {
    if (std::find(nations.begin(), nations.end(), inst.offers[o].nation) != nations.end()) available[o] = false;
  }
  return available;
}

// Troops in theatre by nation in the plan, largest first (ties in nation order).
std::vector<std::pair<int, double>> contributors(const Instance& inst, const BasePlan& base) {
  std::map<int, double> troops;
  for (const auto& p : base.placements) {
    const Offer& offer = inst.offers[static_cast<std::size_t>(p.offer)];
    troops[offer.nation] += p.troops;
  }
  std::vector<std::pair<int, double>> sorted(troops.begin(), troops.end());
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  return sorted;
}

ContingencyCase remove(const Instance& inst, const BasePlan& base, const std::vector<int>& nations,
                       const milp::SolveOptions& options, int& solves) {
  Variation v;
  v.available = without(inst, nations);
  const Resolve r = resolve_unmet(inst, v, options);
  ++solves;
  ContingencyCase c = compare(inst, base, r);
  for (int n : nations) c.removed.push_back(inst.nations[static_cast<std::size_t>(n)].nation->code);
  return c;
}

}  // namespace

std::vector<ContingencyCase> contingency(const Instance& inst, const BasePlan& base, const milp::SolveOptions& options,
                                         int& solves) {
  std::vector<ContingencyCase> cases;
  const auto ranked = contributors(inst, base);
  // N-1 for every contributing nation, in scenario order. A nation that contributes nothing
  // cannot change the optimum (the plan stays feasible without it), so it needs no re-solve.
  for (std::size_t n = 0; n < inst.nations.size(); ++n) {
    const bool contributes = std::any_of(ranked.begin(), ranked.end(), [&](const auto& e) {
      return e.first == static_cast<int>(n);
    });
    if (contributes) cases.push_back(remove(inst, base, {static_cast<int>(n)}, options, solves));
  }
  // N-2 for each pair among the largest contributors.
  const std::size_t top = std::min<std::size_t>(ranked.size(),
                                                static_cast<std::size_t>(inst.settings.contingency_top_contributors));
  for (std::size_t i = 0; i < top; ++i) {
    for (std::size_t j = i + 1; j < top; ++j) {
      std::vector<int> pair{ranked[i].first, ranked[j].first};
      std::sort(pair.begin(), pair.end());
      cases.push_back(remove(inst, base, pair, options, solves));
    }
  }
  return cases;
}

ConditionalDependence conditional_dependence(const Instance& inst, const BasePlan& base,
                                             const milp::SolveOptions& options, int& solves) {
  ConditionalDependence d;
  Variation v;
  v.available.assign(inst.offers.size(), true);
  bool any = false;
  for (std::size_t o = 0; o < inst.offers.size(); ++o) {
    if (inst.offers[o].conditional) {
      v.available[o] = false;
      any = true;
    }
  }
  for (const auto& p : base.placements) {
    const Offer& offer = inst.offers[static_cast<std::size_t>(p.offer)];
    if (offer.conditional) d.troops_from_conditional += p.troops;
  }
  d.shortfall_without_conditional = base.unmet;
  if (!any || d.troops_from_conditional <= 0) return d;
  const Resolve r = resolve_unmet(inst, v, options);
  ++solves;
  const ContingencyCase c = compare(inst, base, r);
  d.shortfall_without_conditional = c.shortfall_troops;
  d.broken_components = c.broken_components;
  return d;
}

}  // namespace guarantor::plan::detail
