#pragma once
// Each subcommand registers itself on the CLI11 app. A command's callback sets `exit_code`.
// The CLI is a thin shell: it parses flags, calls the library, prints what it returns.

#include <CLI/CLI.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "guarantor/core/diagnostics.hpp"
#include "guarantor/geo/world.hpp"
#include "guarantor/scenario/scenario.hpp"
#include "guarantor/sim/engine.hpp"

namespace guarantor::cli {

struct CommandState {
  int exit_code = kExitOk;
};

void register_validate(CLI::App& app, CommandState& state);
void register_show(CLI::App& app, CommandState& state);
void register_simulation_commands(CLI::App& app, CommandState& state);  // simulate, merge, attrition
void register_report(CLI::App& app, CommandState& state);
void register_run(CLI::App& app, CommandState& state);
void register_laydown(CLI::App& app, CommandState& state);
void register_plan(CLI::App& app, CommandState& state);
void register_params(CLI::App& app, CommandState& state);
void register_sensitivity(CLI::App& app, CommandState& state);

// $GUARANTOR_DATA_DIR, else the source tree's data/ folder.
std::string data_dir();

// Loads a scenario (with an optional variant; "base" = none) and prints its diagnostics to stderr.
// Returns nullopt and sets exit code 2 when the scenario is invalid.
std::optional<Scenario> load_or_report(const std::string& path, const std::string& variant, CommandState& state);
// The reference geography (`--geo-data DIR`, default data/geo) the air shield is laid down on;
// prints why and sets exit status 2 when it cannot be read.
std::optional<geo::WorldData> load_geography_or_report(const std::string& explicit_dir, const std::string& command,
                                                       CommandState& state);

// A progress bar on stderr when it is a terminal, else nothing.
sim::ProgressCallback progress_bar();

// Prints diagnostics to stderr as FILE:LINE:COLUMN: severity: key: message.
void print_diagnostics(const Diagnostics& diagnostics);

// Writes text to a file, creating parent folders; on failure prints why and sets exit code 1.
bool write_file(const std::string& path, const std::string& text, CommandState& state);

}  // namespace guarantor::cli
