// guarantor run [SCENARIO] [--variant NAME]... [--replications N] [--seed S] [--out DIR]:
// the main job. Chains plan → laydown → simulate on one scenario and writes every stage's outputs
// and one offline report.html. Without SCENARIO it runs the shipped default and its standard
// variants (scenario.standard_variants).
#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <thread>

#include "guarantor/geo/laydown.hpp"
#include "guarantor/report/laydown_output.hpp"
#include "guarantor/report/map_svg.hpp"
#include "guarantor/io/geo_data_io.hpp"
#include "guarantor/io/web_assets_io.hpp"
#include "guarantor/plan/plan.hpp"
#include "guarantor/report/plan_output.hpp"
#include "guarantor/report/simulation_output.hpp"
#include "guarantor/sim/engine.hpp"
#include "report_inputs.hpp"

namespace guarantor::cli {
namespace {

using Clock = std::chrono::steady_clock;

struct RunOptions {
  std::string scenario;
  std::vector<std::string> variants;
  std::optional<std::uint64_t> replications;
  std::optional<std::uint64_t> seed;
  unsigned threads = 0;
  std::string out = "out";
};

// Stage headings on stderr, so stdout stays clean for the final answer.
class Progress {
 public:
  explicit Progress(int stages) : stages_(stages), start_(Clock::now()) {}
  void begin(const std::string& what) {
    ++stage_;
    stage_start_ = Clock::now();
    std::cerr << fmt::format("[{}/{}] {} ...", stage_, stages_, what) << std::flush;
  }
  void end(const std::string& result) {
    std::cerr << fmt::format(" {} ({:.1f} s)\n", result, seconds_since(stage_start_));
  }
  double total_seconds() const { return seconds_since(start_); }

 private:
  static double seconds_since(Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
  }
  int stages_;
  int stage_ = 0;
  Clock::time_point start_, stage_start_;
};

std::string default_scenario() { return data_dir() + "/scenarios/mnf-ukraine.yaml"; }

// The package each option is simulated with: the base uses the full plan; each variant is
// re-planned (without contingency and explanation, which only the report's base needs).
std::optional<ForcePackage> variant_package(const Scenario& scenario, CommandState& state) {
  plan::PlanOptions options;
  options.contingency = false;
  options.explain = false;
  options.draws = 0;
  const plan::PlanResult result = plan::make_plan(scenario, options);
  if (!result.has_plan()) {
    std::cerr << fmt::format("\nrun: variant '{}' has no plan ({}: {})\n", scenario.info.variant, result.status,
                             result.message);
    state.exit_code = kExitFailure;
    return std::nullopt;
  }
  return result.package();
}

struct PlanStage {
  nlohmann::json json;
  ForcePackage package;
};

std::optional<PlanStage> run_plan_stage(const Scenario& scenario, const std::filesystem::path& out, CommandState& state) {
  const plan::PlanResult result = plan::make_plan(scenario);
  if (!result.has_plan()) {
    std::cerr << fmt::format("\nrun: no plan: {} {}\n", result.status, result.message);
    state.exit_code = kExitFailure;
    return std::nullopt;
  }
  PlanStage stage{report::plan_json(scenario, result), result.package()};
  if (!write_file((out / "plan.json").string(), stage.json.dump(2) + "\n", state)) return std::nullopt;
  if (!write_file((out / "plan.md").string(), report::plan_markdown(scenario, result), state)) return std::nullopt;
  return stage;
}

struct LaydownStage {
  nlohmann::json coverage;
  nlohmann::json geojson;
};

std::optional<LaydownStage> run_laydown_stage(const Scenario& scenario, const ForcePackage& package,
                                              const std::filesystem::path& out, CommandState& state) {
  const std::string dir = io::find_world_data_dir(data_dir() + "/geo");
  Diagnostics diagnostics;
  auto world = dir.empty() ? std::nullopt : io::load_world_data(dir, diagnostics);
  print_diagnostics(diagnostics);
  if (!world) {
    std::cerr << "\nrun: cannot read the reference geography (data/geo)\n";
    state.exit_code = kExitFailure;
    return std::nullopt;
  }
  const auto result = geo::run_laydown(geo::LaydownInput{&scenario, &package, &*world});
  if (!result) {
    std::cerr << fmt::format("\n{}: error: laydown: {}\n", scenario.info.file, result.status().message());
    state.exit_code = kExitInvalidInput;
    return std::nullopt;
  }
  LaydownStage stage{report::coverage_json(*result), report::laydown_geojson(*result)};
  if (!write_file((out / "laydown.geojson").string(), stage.geojson.dump() + "\n", state)) return std::nullopt;
  if (!write_file((out / "coverage.json").string(), stage.coverage.dump(2) + "\n", state)) return std::nullopt;
  if (!write_file((out / "map.svg").string(), report::map_svg(*result, *world), state)) return std::nullopt;
  return stage;
}

std::optional<nlohmann::json> run_simulation_stage(const RunOptions& o, const Scenario& base, const ForcePackage& base_package,
                                                   const std::vector<std::string>& variants,
                                                   const std::filesystem::path& out, CommandState& state) {
  std::vector<sim::Model> models;
  Diagnostics diagnostics;
  models.push_back(sim::compile_model(base, base_package, "base", diagnostics));
  for (const auto& name : variants) {
    auto scenario = load_or_report(base.info.file, name, state);
    if (!scenario) return std::nullopt;
    scenario->simulation.days = base.simulation.days;  // common random numbers need one period
    auto package = variant_package(*scenario, state);
    if (!package) return std::nullopt;
    models.push_back(sim::compile_model(*scenario, *package, name, diagnostics));
  }
  print_diagnostics(diagnostics);
  if (diagnostics.has_errors()) {
    state.exit_code = kExitInvalidInput;
    return std::nullopt;
  }
  sim::SimulationRecord record;
  record.replications = o.replications.value_or(static_cast<std::uint64_t>(base.simulation.replications));
  record.seed = o.seed.value_or(base.simulation.seed);
  std::tie(record.first, record.end) = sim::shard_range(record.replications, 1, 1);
  record.description = sim::describe_run(base, models);
  record.accumulators = run_record_replications(record, models, o.threads);
  nlohmann::json json = report::simulation_json(record);
  if (!write_file((out / "simulation.json").string(), json.dump(1) + "\n", state)) return std::nullopt;
  if (!write_file((out / "simulation.md").string(), report::simulation_markdown(record), state)) return std::nullopt;
  return json;
}

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  return text;
}

void print_answer(const nlohmann::json& plan, const nlohmann::json& simulation, const std::filesystem::path& out) {
  double in_theatre = 0;
  for (const auto& a : plan["assignments"]) in_theatre += a.value("troops", 0.0);
  std::cout << fmt::format("Force package: {:.0f} troops in theatre ({} assignments).\n", in_theatre,
                           plan["assignments"].size());
  for (const auto& s : plan["shortfalls"]) {
    const double required = s.value("required", 0.0), filled = s.value("filled", 0.0);
    if (required > filled + 1e-9)
      std::cout << fmt::format("  short: {} ({:.0f} of {:.0f} troops)\n", s.value("component", ""), filled, required);
  }
  for (const auto& v : simulation["variants"]) {
    std::cout << fmt::format("P(ceasefire holds) {:<16}", v.value("name", ""));
    for (const auto& row : v["survival"]) {
      const int day = row.value("day", 0);
      if (day == 365 || day == 730)
        std::cout << fmt::format("  {} yr: {:.2f} [{:.2f}, {:.2f}]", day / 365, row.value("p", 0.0), row.value("low", 0.0),
                                 row.value("high", 0.0));
    }
    std::cout << "\n";
  }
  std::cout << fmt::format("Report: {}\n", (out / "report.html").string());
}

void run_all(const RunOptions& o, CommandState& state) {
  const bool default_run = o.scenario.empty();
  const std::string file = default_run ? default_scenario() : o.scenario;
  auto scenario = load_or_report(file, "", state);
  if (!scenario) return;
  const std::vector<std::string> variants =
      !o.variants.empty() ? o.variants : (default_run ? scenario->info.standard_variants : std::vector<std::string>{});
  const std::filesystem::path out(o.out);
  Progress progress(4);

  progress.begin("plan: optimising the force package");
  auto plan = run_plan_stage(*scenario, out, state);
  if (!plan) return;
  progress.end(fmt::format("{:.0f} troops in theatre", plan->package.troops_in_theatre()));

  progress.begin("laydown: siting hubs, computing coverage");
  auto laydown = run_laydown_stage(*scenario, plan->package, out, state);
  if (!laydown) return;
  progress.end(fmt::format("{} hubs", laydown->coverage.value("hubs", nlohmann::json::array()).size()));

  progress.begin(fmt::format("simulate: {} option(s)", variants.size() + 1));
  std::cerr << "\n";
  auto simulation = run_simulation_stage(o, *scenario, plan->package, variants, out, state);
  if (!simulation) return;
  progress.end(fmt::format("{} replications", simulation->value("replications", 0)));

  progress.begin("report: writing report.html");
  report::ReportData data;
  data.plan = plan->json;
  data.coverage = laydown->coverage;
  data.laydown = laydown->geojson;
  data.simulation = *simulation;
  data.manifest = {{"guarantor_version", GUARANTOR_VERSION},
                   {"scenario_file", file},
                   {"scenario_sha256", io::file_sha256(file)},
                   {"variants", variants},
                   {"seed", simulation->value("seed", nlohmann::json(nullptr))},
                   {"replications", simulation->value("replications", nlohmann::json(nullptr))},
                   {"threads", o.threads ? o.threads : std::max(1u, std::thread::hardware_concurrency())},
                   {"generated", utc_now()},
                   {"reproduce", fmt::format("guarantor run {}{} --replications {} --seed {}", file,
                                             [&] { std::string v; for (const auto& n : variants) v += " --variant " + n; return v; }(),
                                             simulation->value("replications", 0), simulation->value("seed", 0))}};
  const double wall = progress.total_seconds();
  data.manifest["wall_seconds_before_report"] = std::round(wall * 10) / 10;
  if (!write_html_report(*scenario, data, (out / "report.html").string(), state)) return;
  progress.end("done");
  print_answer(plan->json, *simulation, out);
}

}  // namespace

void register_run(CLI::App& app, CommandState& state) {
  auto* cmd = app.add_subcommand("run", "The main job: plan, laydown and simulate a scenario, and write report.html");
  auto o = std::make_shared<RunOptions>();
  cmd->add_option("SCENARIO", o->scenario, "Scenario YAML file (default: the shipped data/scenarios/mnf-ukraine.yaml)");
  cmd->add_option("--variant", o->variants,
                  "Variant to compare with the base (repeatable; default for the shipped scenario: its standard set)");
  cmd->add_option("--replications", o->replications, "Simulation replications (default: simulation.replications)")
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{100000000}));
  cmd->add_option("--seed", o->seed, "Master seed of the simulation (default: simulation.seed)");
  cmd->add_option("--threads", o->threads, "Worker threads (default: all cores)")->check(CLI::Range(1u, 1024u));
  cmd->add_option("--out", o->out, "Output folder (default: out)");
  cmd->callback([o, &state] { run_all(*o, state); });
}

}  // namespace guarantor::cli
