#include <fmt/format.h>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include "commands.hpp"
#include "guarantor/io/geo_data_io.hpp"
#include "guarantor/io/scenario_io.hpp"
#include "guarantor/pipeline/pipeline.hpp"

namespace guarantor::cli {

namespace {
void draw_progress_bar(std::uint64_t done, std::uint64_t total) {
  const int width = 40;
  const int filled = total ? static_cast<int>(width * done / total) : width;
  std::fprintf(stderr, "\r[%s%s] %llu/%llu replications", std::string(static_cast<std::size_t>(filled), '#').c_str(),
               std::string(static_cast<std::size_t>(width - filled), ' ').c_str(),
               static_cast<unsigned long long>(done), static_cast<unsigned long long>(total));
  if (done >= total) std::fprintf(stderr, "\n");
  std::fflush(stderr);
}
}  // namespace

sim::ProgressCallback progress_bar() {
  if (!isatty(STDERR_FILENO)) return {};
  return draw_progress_bar;
}

void print_diagnostics(const Diagnostics& diagnostics) {
  for (const auto& d : diagnostics.all()) std::cerr << format_diagnostic(d) << "\n";
  if (diagnostics.error_count() > 1) std::cerr << diagnostics.error_count() << " errors\n";
}

std::optional<geo::WorldData> load_geography_or_report(const std::string& explicit_dir, const std::string& command,
                                                       CommandState& state) {
  const std::string dir = io::find_world_data_dir(explicit_dir);
  if (dir.empty()) {
    std::cerr << fmt::format("{}: error: cannot find data/geo (countries.geojson, places.tsv); pass --geo-data DIR "
                             "or set GUARANTOR_GEO_DATA\n", command);
    state.exit_code = kExitFailure;
    return std::nullopt;
  }
  Diagnostics diagnostics;
  auto world = io::load_world_data(dir, diagnostics);
  print_diagnostics(diagnostics);
  if (!world) {
    std::cerr << fmt::format("{}: the reference geography in '{}' cannot be read (--geo-data)\n", command, dir);
    state.exit_code = kExitInvalidInput;
  }
  return world;
}

std::optional<Scenario> load_or_report(const std::string& path, const std::string& variant, CommandState& state) {
  io::LoadResult result = io::load_scenario_file(path, io::LoadOptions{pipeline::is_base(variant) ? "" : variant});
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
