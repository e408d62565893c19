#include "guarantor/scenario/summary.hpp"

#include <algorithm>

namespace guarantor {
namespace {

int status_rank(PledgeStatus s) {
  switch (s) {
    case PledgeStatus::committed: return 0;
    case PledgeStatus::conditional: return 1;
    case PledgeStatus::unknown: return 2;
    case PledgeStatus::declined: return 3;
  }
  return 4;
}

bool component_needs(const Component& component, const std::string& capability) {
  return std::any_of(component.requirements.begin(), component.requirements.end(),
                     [&](const Requirement& r) { return r.capability == capability; });
}

std::string component_for(const Scenario& scenario, const Pledge& pledge) {
  const UnitType* unit = scenario.find_unit_type(pledge.unit_type);
  for (const auto& id : pledge.components) {
    const Component* c = scenario.find_component(id);
    if (c && c->enabled) return id;
  }
  if (!pledge.components.empty() || !unit) return "";
  for (const auto& c : scenario.components) {
    if (c.enabled && component_needs(c, unit->capability)) return c.id;
  }
  return "";
}

}  // namespace

PledgeLine pledge_troops(const Scenario& scenario, const Pledge& pledge) {
  PledgeLine line;
  line.pledge = &pledge;
  const UnitType* unit = scenario.find_unit_type(pledge.unit_type);
  if (pledge.quantity.known() && unit && unit->troops_per_unit.known()) {
    line.troops = *pledge.quantity.value * *unit->troops_per_unit.value;
    line.troops_basis = "units × size";
  } else if (pledge.troops_reported.known()) {
    line.troops = *pledge.troops_reported.value;
    line.troops_basis = "reported";
  } else {
    line.troops_basis = "unknown";
  }
  return line;
}

ScenarioSummary summarise(const Scenario& scenario) {
  ScenarioSummary summary;
  for (const auto& component : scenario.components) {
    if (!component.enabled) continue;
    ComponentSummary cs;
    cs.component = &component;
    double required = 0;
    bool known = true;
    for (auto& r : derive_requirements(scenario)) {
      if (r.component != component.id) continue;
      if (r.troops) required += *r.troops; else known = false;
      cs.requirements.push_back(std::move(r));
    }
    if (known) cs.required_troops = required;
    summary.components.push_back(std::move(cs));
  }
  for (const auto& nation : scenario.nations) {
    NationSummary ns;
    ns.nation = &nation;
    int best = 4;
    for (const auto& pledge : scenario.pledges) {
      if (pledge.nation != nation.code) continue;
      PledgeLine line = pledge_troops(scenario, pledge);
      line.component = component_for(scenario, pledge);
      best = std::min(best, status_rank(pledge.status));
      if (pledge.status != PledgeStatus::declined) {
        auto it = std::find_if(summary.components.begin(), summary.components.end(),
                               [&](const ComponentSummary& c) { return c.component->id == line.component; });
        const bool firm = pledge.status == PledgeStatus::committed;
        if (line.troops) {
          (firm ? summary.committed_troops : summary.conditional_troops) += *line.troops;
          if (it != summary.components.end()) (firm ? it->committed_troops : it->conditional_troops) += *line.troops;
        } else if (it != summary.components.end()) {
          ++it->pledges_without_number;
        }
      }
      ns.pledges.push_back(line);
    }
    ns.status = best == 0 ? PledgeStatus::committed
              : best == 1 ? PledgeStatus::conditional
              : best == 3 ? PledgeStatus::declined
                          : PledgeStatus::unknown;
    summary.nations.push_back(std::move(ns));
  }
  std::stable_sort(summary.nations.begin(), summary.nations.end(), [](const NationSummary& a, const NationSummary& b) {
    const int ra = a.pledges.empty() ? 4 : status_rank(a.status);
    const int rb = b.pledges.empty() ? 4 : status_rank(b.status);
    return ra < rb;
  });
  for (auto& cs : summary.components) {
    if (!cs.required_troops) continue;
    cs.gap_committed = *cs.required_troops - cs.committed_troops;
    cs.gap_with_conditional = *cs.required_troops - cs.committed_troops - cs.conditional_troops;
  }
  return summary;
}

}  // namespace guarantor
