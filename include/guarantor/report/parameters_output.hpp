#pragma once
// Outputs of the parameter registry: the rows of `guarantor params` (JSON and a text table), the
// docs' parameter tables (docs/model/parameters.md) and the JSON Schema entries of the plan,
// laydown and simulation sections. The schema and the docs are generated from the registry and a
// test compares them with the committed files (scripts/update-generated.sh refreshes them).

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "guarantor/scenario/parameters.hpp"

namespace guarantor::report {

nlohmann::json to_json(const params::Value& value);

// [{key, stage, value, unit, label, source, range, plausible, role, kind, set_in_scenario}]:
// `range` and `plausible` are [low, high] (null for an unbounded side; plausible null when the row
// has none; for lists, plausible holds a list of low and a list of high values).
nlohmann::json parameters_json(const std::vector<params::Row>& rows);

// A plain-text table for the terminal.
std::string parameters_text(const std::vector<params::Row>& rows);

// docs/model/parameters.md: every registry entry with its default, unit, allowed and plausible
// range, label and source, one table per stage section.
std::string parameters_markdown();

// The JSON Schema definitions of the registered sections: {"plan": {...}, "laydown": {...},
// "simulation": {...}, "simulation.deterrence": {...}, ...}; each object lists its parameters and,
// for a section, its sub-sections by $ref to "#/definitions/<name>".
nlohmann::json parameters_schema_definitions();

}  // namespace guarantor::report
