#pragma once
// Reading simulation.json files (whole runs or the shards `guarantor simulate --shard` writes) back
// into typed records, for `guarantor merge`. The layout is report::simulation_json's.

#include <nlohmann/json.hpp>

#include <string>

#include "guarantor/core/status.hpp"
#include "guarantor/sim/engine.hpp"

namespace guarantor::io {

// The record a simulation.json holds. invalid_input names the first field that is missing or
// malformed, or the inconsistency (shard range, accumulators against the description).
Expected<sim::SimulationRecord> simulation_record_from_json(const nlohmann::json& j);

// The same from a file: not_found when it cannot be read, invalid_input when it is not JSON or not
// a simulation record.
Expected<sim::SimulationRecord> read_simulation_record(const std::string& path);

}  // namespace guarantor::io
