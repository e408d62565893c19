#pragma once
// `guarantor show`: the pledge tally as readable text or as JSON.

#include <string>

#include <nlohmann/json.hpp>

#include "guarantor/scenario/summary.hpp"

namespace guarantor::report {

nlohmann::json summary_json(const Scenario& scenario, const ScenarioSummary& summary);
std::string summary_text(const Scenario& scenario, const ScenarioSummary& summary);

}  // namespace guarantor::report
