#pragma once
// plan.json, plan.md and the terminal summary: the plan stage's outputs, written from its typed
// results (plan/plan.hpp). Each is a pure function of the scenario and the PlanResult (no timings,
// no dates), so the same input and seed give identical files. Statuses become words only here.
// plan.json's `assignments` is the contract read by io::read_force_package (laydown, simulate).

#include <nlohmann/json.hpp>
#include <string>

#include "guarantor/plan/plan.hpp"

namespace guarantor::report {

nlohmann::json plan_json(const Scenario& scenario, const plan::PlanResult& result);
std::string plan_markdown(const Scenario& scenario, const plan::PlanResult& result);
// A few lines for the terminal.
std::string plan_summary_text(const Scenario& scenario, const plan::PlanResult& result);

}  // namespace guarantor::report
