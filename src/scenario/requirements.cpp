#include "guarantor/scenario/requirements.hpp"

#include <fmt/format.h>

#include <cmath>

namespace guarantor {

const UnitType* reference_unit_type(const Scenario& scenario, const std::string& capability) {
  for (const auto& unit : scenario.unit_types) {
    if (unit.capability == capability) return &unit;
  }
  return nullptr;
}

namespace {

DerivedRequirement derive(const Scenario& scenario, const Component& component, const Requirement& line) {
  DerivedRequirement result;
  result.component = component.id;
  result.capability = line.capability;
  result.driver = line.driver;
  result.units_per = line.units;
  result.per = line.per;
  result.provenance = line.provenance;
  if (line.driver.empty()) {
    result.units = static_cast<int>(std::ceil(line.units - 1e-9));
    result.derivation = fmt::format("fixed: {} units", *result.units);
  } else {
    const Figure& driver = component.drivers.at(line.driver);
    result.driver_value = driver.value;
    if (driver.known()) {
      // The small epsilon keeps exact products (2 × 3 / 1 = 6) from rounding up through float error.
      result.units = static_cast<int>(std::ceil(line.units * *driver.value / line.per - 1e-9));
      result.derivation = fmt::format("{:g} per {:g} {} × {:g} {} = {} units", line.units, line.per, line.driver,
                                      *driver.value, line.driver, *result.units);
    } else {
      result.derivation = fmt::format("{:g} per {:g} {} × unknown {}: unknown", line.units, line.per, line.driver,
                                      line.driver);
    }
  }
  if (const UnitType* unit = reference_unit_type(scenario, line.capability)) {
    result.reference_unit_type = unit->id;
    if (result.units && unit->troops_per_unit.known()) result.troops = *result.units * *unit->troops_per_unit.value;
  }
  return result;
}

}  // namespace

std::vector<DerivedRequirement> derive_requirements(const Scenario& scenario) {
  std::vector<DerivedRequirement> result;
  for (const auto& component : scenario.components) {
    if (!component.enabled) continue;
    for (const auto& line : component.requirements) result.push_back(derive(scenario, component, line));
  }
  return result;
}

}  // namespace guarantor
