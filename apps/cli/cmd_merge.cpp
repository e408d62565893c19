// guarantor merge SHARD_RESULT... [--out DIR] [--json]: sums shard results of one simulation run
// into exactly the simulation.json (and simulation.md) the unsharded run writes.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "commands.hpp"
#include "guarantor/io/simulation_io.hpp"
#include "guarantor/report/simulation_output.hpp"
#include "guarantor/sim/engine.hpp"

namespace guarantor::cli {

namespace {

struct MergeOptions {
  std::vector<std::string> files;
  std::string out = "out";
  bool json = false;
};

// Prints why a shard file cannot be merged: FILE: error: ... when it cannot be read, otherwise
// FILE:1:1: error: shard: ... (the file is whole JSON; its problems have no line of their own).
void report_unreadable(const std::string& path, const Status& status) {
  if (status.code() == StatusCode::not_found) {
    std::cerr << fmt::format("{}: error: {}\n", path, status.message());
  } else {
    std::cerr << fmt::format("{}:1:1: error: shard: {}\n", path, status.message());
  }
}

void run_merge(const MergeOptions& o, CommandState& state) {
  std::vector<sim::SimulationRecord> shards;
  for (const auto& file : o.files) {
    auto record = io::read_simulation_record(file);
    if (!record) {
      report_unreadable(file, record.status());
      state.exit_code = record.status().exit_code();
      return;
    }
    shards.push_back(std::move(*record));
  }
  const auto merged = sim::merge_records(shards);
  if (!merged) {
    std::cerr << "merge: error: " << merged.status().message() << "\n";
    state.exit_code = merged.status().exit_code();
    return;
  }
  const std::string text = report::simulation_json(*merged).dump(1) + "\n";
  const auto json_path = (std::filesystem::path(o.out) / "simulation.json").string();
  const auto md_path = (std::filesystem::path(o.out) / "simulation.md").string();
  if (!write_file(json_path, text, state) || !write_file(md_path, report::simulation_markdown(*merged), state)) return;
  if (o.json) {
    std::cout << text;
  } else {
    std::cout << fmt::format("merged {} shards ({} replications)\nwrote {}\nwrote {}\n", shards.size(),
                             merged->replications, json_path, md_path);
  }
}

}  // namespace

void register_merge(CLI::App& app, CommandState& state) {
  auto* cmd = app.add_subcommand("merge", "Merge shard results of `guarantor simulate --shard` into one result");
  auto o = std::make_shared<MergeOptions>();
  cmd->add_option("SHARD_RESULT", o->files, "simulation-shard-*.json files of one run")->required();
  cmd->add_option("--out", o->out, "Output folder (default: out)");
  cmd->add_flag("--json", o->json, "Print the merged simulation.json to stdout");
  cmd->callback([o, &state] { run_merge(*o, state); });
}

}  // namespace guarantor::cli
