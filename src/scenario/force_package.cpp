#include "guarantor/scenario/force_package.hpp"

#include "guarantor/scenario/summary.hpp"

namespace guarantor {

double ForcePackage::troops_in_theatre() const {
  double total = 0;
  for (const auto& a : assignments) total += a.troops;
  return total;
}

double ForcePackage::troops_of(const std::string& nation) const {
  double total = 0;
  for (const auto& a : assignments) {
    if (a.nation == nation) total += a.troops;
  }
  return total;
}

double ForcePackage::troops_in(const std::string& component) const {
  double total = 0;
  for (const auto& a : assignments) {
    if (a.component == component) total += a.troops;
  }
  return total;
}

ForcePackage package_from_pledges(const Scenario& scenario) {
  ForcePackage package;
  package.origin = "pledges";
  const ScenarioSummary summary = summarise(scenario);
  for (const auto& nation : summary.nations) {
    for (const auto& line : nation.pledges) {
      const Pledge& p = *line.pledge;
      if (p.status == PledgeStatus::declined || !p.quantity.known() || *p.quantity.value <= 0) continue;
      if (line.component.empty()) continue;
      const UnitType* unit = scenario.find_unit_type(p.unit_type);
      Assignment a;
      a.nation = p.nation;
      a.component = line.component;
      a.unit_type = p.unit_type;
      a.units = static_cast<int>(*p.quantity.value);
      a.troops = unit && unit->troops_per_unit.known() ? a.units * *unit->troops_per_unit.value : 0;
      package.assignments.push_back(a);
    }
  }
  return package;
}

}  // namespace guarantor
