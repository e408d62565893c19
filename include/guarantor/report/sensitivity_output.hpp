#pragma once
// sensitivity.json, the text summary of a sensitivity run, and the exported design (CSV files a
// user can feed to SALib or OpenTURNS).

#include <nlohmann/json.hpp>

#include <map>
#include <string>

#include "guarantor/sensitivity/analysis_result.hpp"

namespace guarantor::report {

nlohmann::json sensitivity_json(const sensitivity::SensitivityResult& result);
// With the analytic indices of a test function beside the estimates.
nlohmann::json sensitivity_json(const sensitivity::TestFunctionResult& result);
std::string sensitivity_text(const nlohmann::json& sensitivity);
// File name → CSV text: A.csv, B.csv, AB_1.csv ... (Sobol'), or design.csv (Morris, OAT), each with
// the inputs as columns x1..xk in the unit cube, then one column per output.
std::map<std::string, std::string> sensitivity_design_files(const sensitivity::SensitivityResult& result);

}  // namespace guarantor::report
