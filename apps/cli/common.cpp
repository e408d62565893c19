#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "commands.hpp"
#include "guarantor/io/scenario_io.hpp"

namespace guarantor::cli {

void print_diagnostics(const Diagnostics& diagnostics) {
  for (const auto& d : diagnostics.all()) std::cerr << format_diagnostic(d) << "\n";
  if (diagnostics.error_count() > 1) std::cerr << diagnostics.error_count() << " errors\n";
}

std::optional<Scenario> load_or_report(const std::string& path, const std::string& variant, CommandState& state) {
  io::LoadResult result = io::load_scenario_file(path, io::LoadOptions{variant});
  print_diagnostics(result.diagnostics);
  if (!result.ok()) {
    state.exit_code = kExitInvalidInput;
    return std::nullopt;
  }
  return std::move(result.scenario);
}

bool write_file(const std::string& path, const std::string& text, CommandState& state) {
  std::error_code error;
  const auto parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, error);
  std::ofstream out(path, std::ios::binary);
  if (!out || !(out << text)) {
    std::cerr << fmt::format("{}: error: cannot write the file\n", path);
    state.exit_code = kExitFailure;
    return false;
  }
  return true;
}

}  // namespace guarantor::cli
