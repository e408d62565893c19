#pragma once
// The laydown stage's outputs: coverage.json, laydown.geojson and the text summary. JSON comes
// back as nlohmann::ordered_json so that the keys keep the order a reader expects (scenario first,
// notes last); it converts implicitly to nlohmann::json for callers that merge it elsewhere.
// Writing bytes is the caller's job: `doc.dump(2) + "\n"` for coverage.json, `doc.dump() + "\n"`
// for laydown.geojson (one line: the file holds thousands of coordinates).

#include <string>

#include <nlohmann/json.hpp>

#include "guarantor/geo/laydown.hpp"

namespace guarantor::report {

// Layers, hubs, reaction times, the siting trade-off, the corridor and the territory, rounded for output.
nlohmann::ordered_json coverage_json(const geo::LaydownResult& result);
// A GeoJSON FeatureCollection: the line, the buffer zone, hubs and candidates, coverage discs and
// emitters of every layer, the corridor. Each feature's `role` says what it is.
nlohmann::ordered_json laydown_geojson(const geo::LaydownResult& result);
// The summary `guarantor laydown` prints.
std::string laydown_text(const geo::LaydownResult& result);

}  // namespace guarantor::report
