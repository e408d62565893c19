// guarantor sensitivity [SCENARIO] [--variant V] [--method sobol|morris|oat] [--samples N]
//   [--replications R] [--parameters GLOB...] [--prim-threshold P] [--test-function F]
//   [--export-design DIR] [--seed S] [--threads T] [--out DIR] [--json]
// Which assumptions drive P(ceasefire holds), how wide the answer is over the plausible ranges,
// and where it fails; writes DIR/sensitivity.json. SCENARIO is required unless --test-function.
// Under `mpirun -np K` the design points are handed out to the ranks in chunks as they ask
// (guarantor/distributed/work_queue.hpp); rank 0 collects them in design order, runs the
// estimators and alone writes the outputs.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>

#include "commands.hpp"
#include "guarantor/distributed/work_queue.hpp"
#include "guarantor/pipeline/sensitivity.hpp"
#include "guarantor/report/sensitivity_output.hpp"

namespace guarantor::cli {

namespace {

struct SensitivityOptions {
  std::string scenario;
  pipeline::SensitivitySpec spec;
  std::string test_function;
  std::string export_design;
  std::string out = "out";
  std::string geo_data;
  bool json = false;
};

bool export_design(const std::string& dir, const pipeline::SensitivityResult& result, CommandState& state) {
  for (const auto& [name, text] : report::sensitivity_design_files(result)) {
    if (!write_file((std::filesystem::path(dir) / name).string(), text, state)) return false;
  }
  return true;
}

void finish(const SensitivityOptions& o, const nlohmann::json& json, const pipeline::SensitivityResult& result,
            CommandState& state) {
  if (!o.export_design.empty() && !export_design(o.export_design, result, state)) return;
  const std::string path = (std::filesystem::path(o.out) / "sensitivity.json").string();
  if (!write_file(path, json.dump(1) + "\n", state)) return;
  if (o.json) {
    std::cout << json.dump(1) << "\n";
  } else {
    std::cout << report::sensitivity_text(json) << "wrote " << path << "\n";
  }
}

// Spreads the design points over the ranks of an MPI run: each rank evaluates the chunks it is
// handed with its threads; rank 0 collects.
void distribute(SensitivityOptions& o, const distributed::Context& mpi) {
  if (o.spec.threads == 0) o.spec.threads = distributed::default_threads(mpi);
  o.spec.progress = {};
  distributed::RowOptions rows;
  // Rank 0 looks at the requests after each round of at least kPointsPerRound points, and no rank
  // is handed fewer: every call of the evaluator copies the scenario (one copy a worker thread),
  // which on rank 0 cost about a tenth of its time when it took one point at a time. The other
  // ranks keep two chunks in flight, so they do not wait for rank 0's round.
  constexpr std::size_t kPointsPerRound = 16;
  rows.root_chunk = std::max<std::size_t>(o.spec.threads, kPointsPerRound);
  rows.min_chunk = rows.root_chunk;
  if (mpi.root()) rows.progress = progress_bar();
  o.spec.distribution.collects = mpi.root();
  o.spec.distribution.processes = mpi.size;
  o.spec.distribution.run = [mpi, rows](std::size_t n, std::size_t width, const pipeline::PointEvaluator& evaluate) {
    return distributed::distribute_rows(mpi, n, width, evaluate, rows);
  };
}

void run_sensitivity_command(SensitivityOptions& o, CommandState& state) {
  const distributed::Context mpi = distributed::world();
  o.spec.progress = mpi.root() ? progress_bar() : sim::ProgressCallback{};
  if (mpi.parallel() && o.test_function.empty()) distribute(o, mpi);
  if (!o.test_function.empty()) {
    if (!mpi.root()) return;  // an analytic function is cheap: rank 0 alone evaluates it
    auto t = pipeline::run_test_function(o.test_function, o.spec);
    if (!t) {
      std::cerr << fmt::format("sensitivity: error: {}\n", t.status().message());
      state.exit_code = t.status().exit_code();
      return;
    }
    finish(o, report::sensitivity_json(*t), t->result, state);
    return;
  }
  if (o.scenario.empty()) {
    std::cerr << "sensitivity: error: SCENARIO is required unless --test-function is given\n";
    state.exit_code = kExitInvalidInput;
    return;
  }
  auto scenario = load_or_report(o.scenario, "", state);
  if (!scenario) return;
  const auto world = load_geography_or_report(o.geo_data, "sensitivity", state);
  if (!world) return;
  o.spec.world = &*world;
  Diagnostics diagnostics;
  auto result = pipeline::run_sensitivity(*scenario, o.spec, diagnostics);
  print_diagnostics(diagnostics);
  if (!result) {
    std::cerr << fmt::format("sensitivity: error: {}\n", result.status().message());
    state.exit_code = result.status().exit_code();
    return;
  }
  if (!mpi.root()) return;  // rank 0 writes
  finish(o, report::sensitivity_json(*result), *result, state);
}

}  // namespace

void register_sensitivity(CLI::App& app, CommandState& state) {
  auto* cmd = app.add_subcommand("sensitivity",
                                 "Which assumptions drive P(ceasefire holds), how wide the answer is, where it fails");
  auto o = std::make_shared<SensitivityOptions>();
  cmd->add_option("SCENARIO", o->scenario, "Scenario YAML file (not needed with --test-function)");
  cmd->add_option("--variant", o->spec.variant, "Variant to analyse ('base' = none)");
  cmd->add_option("--method", o->spec.method, "sobol (default), morris or oat")
      ->transform(CLI::CheckedTransformer(std::map<std::string, pipeline::SensitivityMethod>{
          {"sobol", pipeline::SensitivityMethod::sobol},
          {"morris", pipeline::SensitivityMethod::morris},
          {"oat", pipeline::SensitivityMethod::oat}}));
  cmd->add_option("--samples", o->spec.samples,
                  "Sobol': base sample size N (N(k+2) points); Morris: trajectories (default 64)")
      ->check(CLI::Range(std::size_t{2}, std::size_t{1} << 22));
  cmd->add_option("--replications", o->spec.replications, "Replications per design point (default 200)")
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{10000000}));
  cmd->add_option("--parameters", o->spec.parameter_globs,
                  "Vary only the keys matching these shell patterns, e.g. 'simulation.deterrence.*'");
  cmd->add_option("--prim-threshold", o->spec.prim_threshold,
                  "P(hold 730) below this counts as failing (default: the 25th percentile over the design)")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--test-function", o->test_function, "ishigami[:a,b] or g-function[:a1,...,ad] instead of a scenario");
  cmd->add_option("--export-design", o->export_design, "Write the design matrices and outputs as CSV into this folder");
  cmd->add_option("--seed", o->spec.seed, "Master seed of the design and the replications (default simulation.seed)");
  cmd->add_option("--threads", o->spec.threads, "Worker threads (default: all cores; under mpirun, the node's cores shared by its ranks)")->check(CLI::Range(1u, 1024u));
  cmd->add_option("--out", o->out, "Output folder for sensitivity.json (default: out)");
  cmd->add_option("--geo-data", o->geo_data,
                  "Folder with countries.geojson and places.tsv (default: data/geo): the air shield's coverage");
  cmd->add_flag("--json", o->json, "Print sensitivity.json to stdout");
  cmd->callback([o, &state] { run_sensitivity_command(*o, state); });
}

}  // namespace guarantor::cli
