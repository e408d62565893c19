#pragma once
// reference_classes.json and its text table: the run's headline, P(the ceasefire holds to the end of
// the period) for the base option with its planned force, under each reference class of the baseline
// hazard (guarantor/scenario/reference_classes.hpp), with the evidence-only variant beside it when
// the scenario declares one. Written from pipeline::RunResult::reference_classes.

#include <nlohmann/json.hpp>

#include <string>

#include "guarantor/pipeline/pipeline.hpp"
#include "guarantor/scenario/scenario.hpp"

namespace guarantor::report {

// The version of reference_classes.json's layout.
inline constexpr int kReferenceClassesVersion = 1;

// `scenario` is the base the run was made on (its evidence-only variant's description is copied in).
nlohmann::json reference_classes_json(const Scenario& scenario, const pipeline::RunResult& result);
// A short table for the terminal, one class a line, from reference_classes_json's output.
std::string reference_classes_text(const nlohmann::json& reference_classes);

}  // namespace guarantor::report
