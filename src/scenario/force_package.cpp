#include "guarantor/scenario/force_package.hpp"

#include <cmath>

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
      if (p.status == PledgeStatus::declined || line.component.empty()) continue;
      const std::optional<double> quantity =
          p.quantity.known() ? p.quantity.value : (p.placeholder ? std::optional<double>(p.placeholder->central) : std::nullopt);
      if (!quantity || *quantity <= 0) continue;
      const UnitType* unit = scenario.find_unit_type(p.unit_type);
      Assignment a;
      a.nation = p.nation;
      a.component = line.component;
      a.unit_type = p.unit_type;
      const bool sized = unit && unit->troops_per_unit.known();
      // A national package counts its reported troops; fractions of units are kept in troops.
      a.troops = p.package && p.troops_reported.known() ? *p.troops_reported.value
                                                       : (sized ? *quantity * *unit->troops_per_unit.value : 0);
      a.units = sized ? static_cast<int>(std::lround(a.troops / *unit->troops_per_unit.value)) : static_cast<int>(*quantity);
      package.assignments.push_back(a);
    }
  }
  return package;
}

}  // namespace guarantor
