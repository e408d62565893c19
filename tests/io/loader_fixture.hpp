#pragma once
// Helpers for loader tests: load YAML text and look for a diagnostic.

#include <gtest/gtest.h>

#include <string>

#include "guarantor/io/scenario_io.hpp"
#include "support/cli_runner.hpp"

namespace guarantor::testing {

inline io::LoadResult load_text(const std::string& text, const std::string& variant = "") {
  return io::load_scenario_text(text, "test.yaml", io::LoadOptions{variant});
}

// The minimal valid scenario, as text, to be edited by each test.
inline std::string minimal_text() { return read_file(source_path("tests/data/minimal.yaml")); }

// Replaces the first occurrence of `from` in `text`; fails the test if absent.
inline std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << "fixture text not found: " << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// The first error whose formatted text contains `needle`, or nullptr.
inline const Diagnostic* find_error(const Diagnostics& diags, const std::string& needle) {
  for (const auto& d : diags.all()) {
    if (d.severity == Severity::error && format_diagnostic(d).find(needle) != std::string::npos) return &d;
  }
  return nullptr;
}

inline std::string all_messages(const Diagnostics& diags) {
  std::string text;
  for (const auto& d : diags.all()) text += format_diagnostic(d) + "\n";
  return text;
}

}  // namespace guarantor::testing
