#include "guarantor/io/force_package_io.hpp"

#include <fmt/format.h>

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
        !item["unit_type"].is_string() || !item["units"].is_number_integer() || item["units"].get<long long>() < 0 ||
        item["units"].get<long long>() > 100000) {
      diagnostics.error({path, 0, 0}, key, "needs nation, component, unit_type (text) and units (whole number >= 0)");
      continue;
    }
    Assignment a;
    a.nation = item["nation"].get<std::string>();
    a.component = item["component"].get<std::string>();
    a.unit_type = item["unit_type"].get<std::string>();
    a.units = item["units"].get<int>();
    const UnitType* unit = scenario.find_unit_type(a.unit_type);
    if (!scenario.find_nation(a.nation)) diagnostics.error({path, 0, 0}, key, fmt::format("unknown nation '{}'", a.nation));
    if (!scenario.find_component(a.component))
      diagnostics.error({path, 0, 0}, key, fmt::format("unknown component '{}'", a.component));
    if (!unit) diagnostics.error({path, 0, 0}, key, fmt::format("unknown unit type '{}'", a.unit_type));
    if (unit && unit->troops_per_unit.known()) a.troops = a.units * *unit->troops_per_unit.value;
    package.assignments.push_back(a);
  }
  if (diagnostics.error_count() > errors_before) return std::nullopt;
  return package;
}

}  // namespace guarantor::io
