#include "guarantor/io/force_package_io.hpp"

#include <fmt/format.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

namespace guarantor::io {

std::optional<ForcePackage> read_force_package(const std::string& path, const Scenario& scenario,
                                               Diagnostics& diagnostics) {
  std::ifstream in(path);
  if (!in) {
    diagnostics.error({path, 0, 0}, "", "cannot open the plan file");
    return std::nullopt;
  }
  nlohmann::json plan;
  try {
    plan = nlohmann::json::parse(in);
  } catch (const nlohmann::json::parse_error& e) {
    diagnostics.error({path, 0, 0}, "", fmt::format("not valid JSON: {}", e.what()));
    return std::nullopt;
  }
  if (!plan.is_object() || !plan.contains("assignments") || !plan["assignments"].is_array()) {
    diagnostics.error({path, 0, 0}, "assignments", "a plan file needs an 'assignments' list");
    return std::nullopt;
  }
  ForcePackage package;
  package.origin = "plan";
  const std::size_t errors_before = diagnostics.error_count();
  for (std::size_t i = 0; i < plan["assignments"].size(); ++i) {
    const auto& item = plan["assignments"][i];
    const std::string key = fmt::format("assignments[{}]", i);
    if (!item.is_object() || !item.contains("nation") || !item.contains("component") || !item.contains("unit_type") ||
        !item.contains("units") || !item["nation"].is_string() || !item["component"].is_string() ||
        !item["unit_type"].is_string() || !item["units"].is_number() || item["units"].get<double>() < 0 ||
        item["units"].get<double>() > 100000) {
      diagnostics.error({path, 0, 0}, key, "needs nation, component, unit_type (text) and units (a number >= 0)");
      continue;
    }
    Assignment a;
    a.nation = item["nation"].get<std::string>();
    a.component = item["component"].get<std::string>();
    a.unit_type = item["unit_type"].get<std::string>();
    a.notional = item.contains("notional") && item["notional"].is_boolean() && item["notional"].get<bool>();
    const double units = item["units"].get<double>();
    // Whole units for siting; a fraction of a unit (half a joint HQ) still counts as one.
    a.units = static_cast<int>(std::lround(units));
    if (a.units == 0 && units > 0) a.units = 1;
    const UnitType* unit = scenario.find_unit_type(a.unit_type);
    if (!a.notional && !scenario.find_nation(a.nation))
      diagnostics.error({path, 0, 0}, key, fmt::format("unknown nation '{}'", a.nation));
    if (!scenario.find_component(a.component))
      diagnostics.error({path, 0, 0}, key, fmt::format("unknown component '{}'", a.component));
    if (!unit) diagnostics.error({path, 0, 0}, key, fmt::format("unknown unit type '{}'", a.unit_type));
    if (item.contains("troops") && item["troops"].is_number() && item["troops"].get<double>() >= 0) {
      a.troops = item["troops"].get<double>();
    } else if (unit && unit->troops_per_unit.known()) {
      a.troops = units * *unit->troops_per_unit.value;
    }
    package.assignments.push_back(a);
  }
  if (plan.contains("buildup") && plan["buildup"].is_array()) {
    for (const auto& point : plan["buildup"]) {
      if (point.is_object() && point.contains("day") && point["day"].is_number_integer() && point.contains("troops") &&
          point["troops"].is_number())
        package.buildup.push_back({point["day"].get<int>(), point["troops"].get<double>()});
    }
  }
  if (diagnostics.error_count() > errors_before) return std::nullopt;
  return package;
}

}  // namespace guarantor::io
