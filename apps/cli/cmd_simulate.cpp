// guarantor simulate SCENARIO [--variant NAME]... [--force planned|pledged] [--plan plan.json]
//   [--replications N] [--seed S] [--threads T] [--days D] [--shard i/N] [--out DIR] [--json]
// Runs the campaign Monte Carlo and writes simulation.json and simulation.md (a shard writes
// simulation-shard-I-of-N.json for `guarantor merge`). Each variant is simulated with its own
// planned force (pipeline::force_for), as `guarantor run` does.
#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <iostream>

#include "commands.hpp"
#include "guarantor/io/force_package_io.hpp"
#include "guarantor/pipeline/pipeline.hpp"
#include "guarantor/report/simulation_output.hpp"
#include "guarantor/sim/engine.hpp"

namespace guarantor::cli {

void register_merge(CLI::App& app, CommandState& state);
void register_attrition(CLI::App& app, CommandState& state);

namespace {

struct SimulateOptions {
  std::string file;
  std::vector<std::string> variants;
  std::string plan;
  pipeline::ForceMode force = pipeline::ForceMode::planned;
  std::optional<std::uint64_t> replications;
  std::optional<std::uint64_t> seed;
  unsigned threads = 0;
  std::optional<int> days;
  std::string shard;
  std::string out = "out";
  bool json = false;
};

bool parse_shard(const std::string& text, int& index, int& count) {
  const auto slash = text.find('/');
  if (slash == std::string::npos) return false;
  try {
    std::size_t used = 0;
    index = std::stoi(text.substr(0, slash), &used);
    if (used != slash) return false;
    const std::string rest = text.substr(slash + 1);
    count = std::stoi(rest, &used);
    if (used != rest.size()) return false;
  } catch (const std::exception&) {
    return false;
  }
  return count >= 1 && index >= 1 && index <= count;
}

// The models of every variant asked for, each with its own force (or the --plan force for all).
std::optional<std::vector<sim::Model>> load_models(const SimulateOptions& o, const Scenario& base, CommandState& state) {
  pipeline::ModelSpec spec;
  spec.variants = o.variants;
  spec.mode = o.force;
  spec.days = o.days;
  Diagnostics diagnostics;
  if (!o.plan.empty()) {
    auto read = io::read_force_package(o.plan, base, diagnostics);
    if (!read || diagnostics.has_errors()) {
      print_diagnostics(diagnostics);
      state.exit_code = kExitInvalidInput;
      return std::nullopt;
    }
    spec.fixed_force = *read;
  }
  auto models = pipeline::compile_models(base, spec, diagnostics);
  print_diagnostics(diagnostics);
  if (!models) {
    if (!diagnostics.has_errors()) std::cerr << fmt::format("simulate: {}\n", models.status().message());
    state.exit_code = models.status().exit_code();
    return std::nullopt;
  }
  return std::move(*models);
}

void print_summary(const nlohmann::json& result, const std::vector<std::string>& written) {
  for (const auto& v : result["variants"]) {
    std::cout << fmt::format("{}: P(ceasefire holds)", v["name"].get<std::string>());
    for (const auto& row : v["survival"]) {
      std::cout << fmt::format("  day {}: {:.3f} [{:.3f}, {:.3f}]", row["day"].get<int>(), row["p"].get<double>(),
                               row["low"].get<double>(), row["high"].get<double>());
    }
    std::cout << "\n";
  }
  for (const auto& path : written) std::cout << "wrote " << path << "\n";
}

void run_simulate(const SimulateOptions& o, CommandState& state) {
  int shard_index = 1;
  int shard_count = 1;
  if (!o.shard.empty() && !parse_shard(o.shard, shard_index, shard_count)) {
    std::cerr << fmt::format("--shard: expected I/N with 1 <= I <= N, found '{}'\n", o.shard);
    state.exit_code = kExitInvalidInput;
    return;
  }
  auto base = load_or_report(o.file, "", state);
  if (!base) return;
  auto models = load_models(o, *base, state);
  if (!models) return;
  sim::SimulationRecord record =
      sim::new_record(*base, *models, o.seed.value_or(base->simulation.seed),
                      o.replications.value_or(static_cast<std::uint64_t>(base->simulation.replications)), shard_index,
                      shard_count);
  sim::run_record(record, *models, o.threads, progress_bar());
  const nlohmann::json result = report::simulation_json(record);
  const std::string text = result.dump(1) + "\n";
  std::vector<std::string> written;
  if (shard_count > 1) {
    const auto path = (std::filesystem::path(o.out) / fmt::format("simulation-shard-{}-of-{}.json", shard_index, shard_count)).string();
    if (!write_file(path, text, state)) return;
    written.push_back(path);
  } else {
    const auto json_path = (std::filesystem::path(o.out) / "simulation.json").string();
    const auto md_path = (std::filesystem::path(o.out) / "simulation.md").string();
    if (!write_file(json_path, text, state) || !write_file(md_path, report::simulation_markdown(record), state)) return;
    written = {json_path, md_path};
  }
  if (o.json) {
    std::cout << text;
  } else {
    print_summary(result, written);
  }
}

}  // namespace

void register_simulate(CLI::App& app, CommandState& state) {
  auto* cmd = app.add_subcommand("simulate", "Campaign Monte Carlo: does the ceasefire hold, how is the force tested, "
                                             "what losses, does the coalition stay together");
  auto o = std::make_shared<SimulateOptions>();
  cmd->add_option("SCENARIO", o->file, "Scenario YAML file")->required();
  cmd->add_option("--variant", o->variants,
                  "Variant to simulate (repeat to compare variants with common random numbers; 'base' = no variant)");
  cmd->add_option("--force", o->force,
                  "Force of each variant: planned (its own optimised plan, as `run` uses) or pledged (the offers as stated)")
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, pipeline::ForceMode>{{"planned", pipeline::ForceMode::planned},
                                                     {"pledged", pipeline::ForceMode::pledged},
                                                     {"required", pipeline::ForceMode::required}}));
  cmd->add_option("--plan", o->plan, "plan.json whose assignments are the force package of every variant");
  cmd->add_option("--replications", o->replications, "Number of replications (default: simulation.replications)")
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{100000000}));
  cmd->add_option("--seed", o->seed, "Master seed (default: simulation.seed)");
  cmd->add_option("--threads", o->threads, "Worker threads (default: all cores)")->check(CLI::Range(1u, 1024u));
  cmd->add_option("--days", o->days, "Length of the period in days (default: simulation.days)")
      ->check(CLI::Range(1, static_cast<int>(params::find("simulation.days")->allowed.high)));
  cmd->add_option("--shard", o->shard, "Run shard I of N of the replications (merge with `guarantor merge`)");
  cmd->add_option("--out", o->out, "Output folder (default: out)");
  cmd->add_flag("--json", o->json, "Print simulation.json to stdout");
  cmd->callback([o, &state] { run_simulate(*o, state); });
}

// One registration for the simulation stage: simulate, merge and attrition.
void register_simulation_commands(CLI::App& app, CommandState& state) {
  register_simulate(app, state);
  register_merge(app, state);
  register_attrition(app, state);
}

}  // namespace guarantor::cli
