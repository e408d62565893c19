#pragma once
// Reading a force package from plan.json (its `assignments` array) for laydown and simulate.

#include <optional>
#include <string>

#include "guarantor/core/diagnostics.hpp"
#include "guarantor/scenario/force_package.hpp"

namespace guarantor::io {

// Reads `assignments` [{nation, component, unit_type, units, troops}] from a plan.json and checks
// each against the scenario (known nation, component, unit type). Errors go to `diagnostics`.
std::optional<ForcePackage> read_force_package(const std::string& plan_json_path, const Scenario& scenario,
                                               Diagnostics& diagnostics);

}  // namespace guarantor::io
