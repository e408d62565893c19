#pragma once
// simulation.json and simulation.md: the simulation stage's outputs, written from its typed
// record (sim/engine.hpp). Proportions get Wilson intervals, paired differences normal ones; every
// number is rounded here, once. A shard's simulation.json carries its accumulators and description
// so that io::simulation_record_from_json reads it back for `guarantor merge`.

#include <nlohmann/json.hpp>

#include <string>

#include "guarantor/sim/engine.hpp"

namespace guarantor::report {

// The version of simulation.json's layout (io refuses other versions).
// 2: variants carry `mode` and `reference`; comparisons pair each variant with its reference.
inline constexpr int kSimulationRecordVersion = 2;

nlohmann::json simulation_json(const sim::SimulationRecord& record);
// The same numbers as simulation_json, for people.
std::string simulation_markdown(const sim::SimulationRecord& record);

}  // namespace guarantor::report
