// guarantor merge SHARD_RESULT... [--out DIR] [--json]: sums shard results of one simulation run
// into exactly the simulation.json (and simulation.md) the unsharded run writes.
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "commands.hpp"
#include "guarantor/sim/engine.hpp"

namespace guarantor::cli {

namespace {

struct MergeOptions {
  std::vector<std::string> files;
  std::string out = "out";
  bool json = false;
};

std::optional<sim::SimulationRecord> read_record(const std::string& path, CommandState& state) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << fmt::format("{}: error: cannot read the file\n", path);
    state.exit_code = kExitInvalidInput;
    return std::nullopt;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  const nlohmann::json j = nlohmann::json::parse(buffer.str(), nullptr, false);
  if (j.is_discarded()) {
    std::cerr << fmt::format("{}:1:1: error: shard: not valid JSON\n", path);
    state.exit_code = kExitInvalidInput;
    return std::nullopt;
  }
  std::string error;
  auto record = sim::record_from_json(j, error);
  if (!record) {
    std::cerr << fmt::format("{}:1:1: error: shard: {}\n", path, error);
    state.exit_code = kExitInvalidInput;
  }
  return record;
}

void run_merge(const MergeOptions& o, CommandState& state) {
  std::vector<sim::SimulationRecord> shards;
  for (const auto& file : o.files) {
    auto record = read_record(file, state);
    if (!record) return;
    shards.push_back(std::move(*record));
  }
  std::string error;
  auto merged = sim::merge_records(shards, error);
  if (!merged) {
    std::cerr << "merge: error: " << error << "\n";
    state.exit_code = kExitInvalidInput;
    return;
  }
  const std::string text = sim::record_to_json(*merged).dump(1) + "\n";
  const auto json_path = (std::filesystem::path(o.out) / "simulation.json").string();
  const auto md_path = (std::filesystem::path(o.out) / "simulation.md").string();
  if (!write_file(json_path, text, state) || !write_file(md_path, sim::record_to_markdown(*merged), state)) return;
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
