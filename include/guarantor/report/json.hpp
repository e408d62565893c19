#pragma once
// JSON forms of the shared value types, so every output names its sources the same way.

#include <nlohmann/json.hpp>

#include "guarantor/scenario/scenario.hpp"

namespace guarantor::report {

nlohmann::json to_json(const Source& source);
nlohmann::json to_json(const Provenance& provenance);
nlohmann::json to_json(const Figure& figure);  // {"value": x|null, "sources": [...], "assumption": bool}
nlohmann::json to_json(const Diagnostic& diagnostic);

// A number rounded for display in JSON (keeps integers integral).
nlohmann::json rounded(double value, int decimals = 3);

}  // namespace guarantor::report
