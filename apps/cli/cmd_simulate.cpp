// guarantor simulate SCENARIO [--variant NAME]... [--force planned|pledged] [--plan plan.json]
//   [--replications N] [--seed S] [--threads T] [--days D] [--shard i/N] [--out DIR] [--json]
// Runs the campaign Monte Carlo and writes simulation.json and simulation.md (a shard writes
// simulation-shard-I-of-N.json for `guarantor merge`). Each variant is simulated with its own
// planned force (pipeline::force_for), as `guarantor run` does.
// Under `mpirun -np K` rank r runs shard r+1 of K of the replications; rank 0 gathers the shard
// records, merges them as `guarantor merge` does (so the results are the bits of one process) and
// alone writes the outputs.
#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <iostream>

#include "commands.hpp"
#include "guarantor/distributed/mpi_context.hpp"
#include "guarantor/io/force_package_io.hpp"
#include "guarantor/scenario/reference_classes.hpp"
#include "guarantor/io/simulation_io.hpp"
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
  std::string baseline;  // a reference class; empty = the scenario's simulation.baseline
  std::string geo_data;
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
  if (!o.baseline.empty()) spec.baseline = parse_baseline_class(o.baseline);  // checked by CLI11
  // The reference geography places the air shield whose coverage meets incursions.
  const auto world = load_geography_or_report(o.geo_data, "simulate", state);
  if (!world) return std::nullopt;
  spec.world = &*world;
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

// Every rank's shard record on rank 0, merged into the record of the whole run. Each record goes
// through the shard file format (report::simulation_json, io::simulation_record_from_json), the
// path `guarantor merge` takes, so the merged results are those of one process. Elsewhere: the
// rank's own record, unchanged.
Expected<sim::SimulationRecord> gather_records(const distributed::Context& mpi, const sim::SimulationRecord& mine) {
  const auto texts = distributed::gather_strings(mpi, report::simulation_json(mine).dump());
  if (!mpi.root()) return mine;
  std::vector<sim::SimulationRecord> shards;
  for (std::size_t r = 0; r < texts.size(); ++r) {
    const auto json = nlohmann::json::parse(texts[r], nullptr, false);
    auto record = json.is_discarded() ? Expected<sim::SimulationRecord>(Status::internal("not JSON"))
                                      : io::simulation_record_from_json(json);
    if (!record) {
      return Status::internal(fmt::format("the result of rank {} cannot be read: {}", r, record.status().message()));
    }
    shards.push_back(std::move(*record));
  }
  auto merged = sim::merge_records(shards);
  if (!merged) return Status::internal(fmt::format("the ranks' results do not merge: {}", merged.status().message()));
  merged->mpi_ranks = mpi.size;
  return merged;
}

void run_simulate(const SimulateOptions& o, CommandState& state) {
  int shard_index = 1;
  int shard_count = 1;
  if (!o.shard.empty() && !parse_shard(o.shard, shard_index, shard_count)) {
    std::cerr << fmt::format("--shard: expected I/N with 1 <= I <= N, found '{}'\n", o.shard);
    state.exit_code = kExitInvalidInput;
    return;
  }
  const distributed::Context mpi = distributed::world();
  if (mpi.parallel()) {
    if (shard_count > 1) {
      std::cerr << "--shard: a shard runs in one process; under mpirun the ranks share the replications themselves\n";
      state.exit_code = kExitInvalidInput;
      return;
    }
    shard_index = mpi.rank + 1;
    shard_count = mpi.size;
  }
  auto base = load_or_report(o.file, "", state);
  if (!base) return;
  auto models = load_models(o, *base, state);
  if (!models) return;
  sim::SimulationRecord record =
      sim::new_record(*base, *models, o.seed.value_or(base->simulation.seed),
                      o.replications.value_or(static_cast<std::uint64_t>(base->simulation.replications)), shard_index,
                      shard_count);
  const unsigned threads = o.threads || !mpi.active ? o.threads : distributed::default_threads(mpi);
  sim::run_record(record, *models, threads, mpi.root() ? progress_bar() : sim::ProgressCallback{});
  if (mpi.parallel()) {
    auto merged = gather_records(mpi, record);
    if (!merged) {
      std::cerr << fmt::format("simulate: error: {}\n", merged.status().message());
      state.exit_code = merged.status().exit_code();
      return;
    }
    if (!mpi.root()) return;  // rank 0 writes
    record = std::move(*merged);
    shard_count = 1;
  }
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
  // At most 10^9 (the scale of a cluster run): the integer accumulators stay far from overflow (the
  // deterrence term sums, on a 2^28 grid, would reach 2^63 after several 10^9 replications).
  cmd->add_option("--replications", o->replications, "Number of replications (default: simulation.replications)")
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1000000000}));
  cmd->add_option("--seed", o->seed, "Master seed (default: simulation.seed)");
  cmd->add_option("--threads", o->threads, "Worker threads (default: all cores; under mpirun, the node's cores shared by its ranks)")->check(CLI::Range(1u, 1024u));
  cmd->add_option("--days", o->days, "Length of the period in days (default: simulation.days)")
      ->check(CLI::Range(1, static_cast<int>(params::find("simulation.days")->allowed.high)));
  cmd->add_option("--baseline", o->baseline,
                  "Reference class of the baseline hazard: fortna-civil-war, interstate or donbas-recommitments "
                  "(default: the scenario's simulation.baseline)")
      ->check(CLI::IsMember({"fortna-civil-war", "interstate", "donbas-recommitments"}));
  cmd->add_option("--geo-data", o->geo_data, "Folder with countries.geojson and places.tsv (default: data/geo)");
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
