#pragma once
// plan.json and plan.md: the plan stage's outputs. Both are pure functions of the scenario and
// the PlanResult (no timings, no dates), so the same input and seed give identical files.
// plan.json's `assignments` is the contract read by io::read_force_package (laydown, simulate).

#include <nlohmann/json.hpp>
#include <string>

#include "guarantor/plan/plan.hpp"

namespace guarantor::plan {

nlohmann::json plan_json(const Scenario& scenario, const PlanResult& result);
std::string plan_markdown(const Scenario& scenario, const PlanResult& result);
// A few lines for the terminal.
std::string plan_summary_text(const Scenario& scenario, const PlanResult& result);

}  // namespace guarantor::plan
