#pragma once
// Troop-to-task: the units and troops each mission component needs, derived from its planning
// factors (drivers × requirement lines), never typed in as totals.

#include <optional>
#include <string>
#include <vector>

#include "guarantor/scenario/scenario.hpp"

namespace guarantor {

struct DerivedRequirement {
  std::string component;
  std::string capability;
  std::string driver;             // empty for a fixed requirement
  std::optional<double> driver_value;  // empty when the driver is unknown
  double units_per = 0;
  double per = 1;
  std::optional<int> units;       // ceil(units_per * driver / per); empty when unknown
  std::string reference_unit_type;  // the unit type whose size converts units to troops
  std::optional<double> troops;   // units * troops_per_unit of the reference unit type
  std::string derivation;         // the arithmetic in words, e.g. "2 per 1 hubs × 4 hubs = 8 units"
  Provenance provenance;
};

// The reference unit type of a capability: the first declared unit type that provides it.
const UnitType* reference_unit_type(const Scenario& scenario, const std::string& capability);

// Requirements of every enabled component, in file order.
std::vector<DerivedRequirement> derive_requirements(const Scenario& scenario);

}  // namespace guarantor
