#pragma once
// Loading a scenario file: bytes → YAML → variant overlay → Scenario, with every problem reported
// as a Diagnostic (file, line, column, key). Nothing here throws for bad input.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "guarantor/core/diagnostics.hpp"
#include "guarantor/scenario/scenario.hpp"

namespace guarantor::io {

inline constexpr std::size_t kMaxScenarioBytes = 16u * 1024u * 1024u;

struct LoadOptions {
  std::string variant;  // name of a variant to overlay on the base scenario; empty for the base
  std::size_t max_bytes = kMaxScenarioBytes;
};

struct LoadResult {
  std::optional<Scenario> scenario;  // set when there were no errors
  Diagnostics diagnostics;

  bool ok() const { return scenario.has_value() && !diagnostics.has_errors(); }
};

LoadResult load_scenario_file(const std::string& path, const LoadOptions& options = {});
LoadResult load_scenario_text(std::string_view text, const std::string& file_name, const LoadOptions& options = {});

// Loads the base scenario and every variant it declares; diagnostics of all of them, deduplicated.
Diagnostics validate_scenario_file(const std::string& path);

// The names of the variants a file declares (empty if it cannot be read).
std::vector<std::string> variant_names(const Scenario& scenario);

}  // namespace guarantor::io
