// guarantor run [SCENARIO] [--variant NAME]... [--replications N] [--seed S] [--out DIR]:
// the main job. Chains plan → laydown → simulate on one scenario and writes every stage's outputs
// and one offline report.html, with the base's headline under each reference class
// (reference_classes.json). Without SCENARIO it runs the shipped default and its standard variants
// (scenario.standard_variants, and evidence-only when declared).
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <thread>

#include "guarantor/io/geo_data_io.hpp"
#include "guarantor/io/web_assets_io.hpp"
#include "guarantor/pipeline/pipeline.hpp"
#include "guarantor/report/laydown_output.hpp"
#include "guarantor/report/map_svg.hpp"
#include "guarantor/report/plan_output.hpp"
#include "guarantor/report/reference_classes_output.hpp"
#include "guarantor/report/sensitivity_output.hpp"
#include "guarantor/report/simulation_output.hpp"
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
  std::size_t sensitivity_samples = 32;
  std::uint64_t sensitivity_replications = 200;
  std::optional<std::uint64_t> reference_class_replications;
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

std::optional<geo::WorldData> load_world(CommandState& state) {
  const std::string dir = io::find_world_data_dir(data_dir() + "/geo");
  Diagnostics diagnostics;
  auto world = dir.empty() ? std::nullopt : io::load_world_data(dir, diagnostics);
  print_diagnostics(diagnostics);
  if (!world) {
    std::cerr << "run: cannot read the reference geography (data/geo)\n";
    state.exit_code = kExitFailure;
  }
  return world;
}

// The stages' outputs, written by the output layer; the file names are the ones each stage's own
// command writes.
struct StageOutputs {
  nlohmann::json plan, coverage, geojson, simulation;
  nlohmann::json required_coverage, required_geojson;  // the required force's laydown
};

std::optional<StageOutputs> write_stage_outputs(const Scenario& scenario, const pipeline::RunResult& r,
                                                const geo::WorldData& world, const std::filesystem::path& out,
                                                CommandState& state) {
  StageOutputs o{report::plan_json(scenario, r.plan), report::coverage_json(r.laydown), report::laydown_geojson(r.laydown),
                 report::simulation_json(r.simulation), report::coverage_json(r.required_laydown),
                 report::laydown_geojson(r.required_laydown)};
  const std::vector<std::pair<std::string, std::string>> files = {
      {"plan.json", o.plan.dump(2) + "\n"},
      {"plan.md", report::plan_markdown(scenario, r.plan)},
      {"laydown.geojson", o.geojson.dump() + "\n"},
      {"coverage.json", o.coverage.dump(2) + "\n"},
      {"map.svg", report::map_svg(r.laydown, world)},
      {"laydown-required.geojson", o.required_geojson.dump() + "\n"},
      {"coverage-required.json", o.required_coverage.dump(2) + "\n"},
      {"simulation.json", o.simulation.dump(1) + "\n"},
      {"simulation.md", report::simulation_markdown(r.simulation)},
  };
  for (const auto& [name, text] : files) {
    if (!write_file((out / name).string(), text, state)) return std::nullopt;
  }
  return o;
}

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  return text;
}

// The survival row of a simulation.json variant at `day`, or null.
const nlohmann::json* survival_at(const nlohmann::json& variant, int day) {
  for (const auto& row : variant["survival"]) {
    if (row.value("day", -1) == day) return &row;
  }
  return nullptr;
}

std::string holding_cell(const nlohmann::json* row) {
  if (!row) return "–";
  return fmt::format("{:.3f} [{:.3f}, {:.3f}]", row->value("p", 0.0), row->value("low", 0.0), row->value("high", 0.0));
}

// The comparison of entry `index` with its reference, or null (the first entry has none).
const nlohmann::json* comparison_of(const nlohmann::json& simulation, std::size_t index) {
  return index > 0 && index - 1 < simulation["comparisons"].size() ? &simulation["comparisons"][index - 1] : nullptr;
}

// One table per option: its planned and required forces side by side, and the paired difference
// required − planned of P(holds to the end of the period). The paired metric is P(failed by the
// end), so the difference in P(holds) is its negation.
void print_option_tables(const nlohmann::json& simulation) {
  const auto& variants = simulation["variants"];
  const auto& described = simulation["context"]["variants"];
  const int days = simulation.value("days", 0);
  for (std::size_t i = 0; i < variants.size(); ++i) {
    const std::string name = variants[i].value("name", "");
    const bool first_of_option = i == 0 || variants[i - 1].value("name", "") != name;
    if (first_of_option) {
      std::cout << fmt::format("\nOption {}\n  {:<10} {:>8}  {}\n", name, "force", "troops",
                               fmt::format("P(holds {} d) [95 %]", days));
    }
    const double troops = described[i]["force"].value("troops_in_theatre", 0.0);
    std::cout << fmt::format("  {:<10} {:>8.0f}  {}\n", variants[i].value("mode", ""), troops,
                             holding_cell(survival_at(variants[i], days)));
    const nlohmann::json* pair = comparison_of(simulation, i);
    if (pair && pair->value("baseline", "") == name && pair->value("mode", "") != pair->value("baseline_mode", "")) {
      const auto& d = (*pair)["metrics"]["p_fail_by_end"];
      std::cout << fmt::format("  {} − {}: P(holds) {:+.3f} [{:+.3f}, {:+.3f}] (paired, common random numbers)\n",
                               pair->value("mode", ""), pair->value("baseline_mode", ""), -d.value("difference", 0.0),
                               -d.value("high", 0.0), -d.value("low", 0.0));
    }
  }
}

void print_answer(const nlohmann::json& plan, const nlohmann::json& simulation, const nlohmann::json& reference_classes,
                  const std::filesystem::path& out) {
  double in_theatre = 0;
  for (const auto& a : plan["assignments"]) in_theatre += a.value("troops", 0.0);
  std::cout << fmt::format("Force package: {:.0f} troops in theatre ({} assignments).\n", in_theatre,
                           plan["assignments"].size());
  for (const auto& s : plan["shortfalls"]) {
    const double required = s.value("required", 0.0), filled = s.value("filled", 0.0);
    if (required > filled + 1e-9)
      std::cout << fmt::format("  short: {} ({:.0f} of {:.0f} troops)\n", s.value("component", ""), filled, required);
  }
  print_option_tables(simulation);
  if (!reference_classes.is_null()) std::cout << report::reference_classes_text(reference_classes);
  std::cout << fmt::format("\nReport: {}\n", (out / "report.html").string());
}

void run_all(const RunOptions& o, CommandState& state) {
  const bool default_run = o.scenario.empty();
  const std::string file = default_run ? default_scenario() : o.scenario;
  auto scenario = load_or_report(file, "", state);
  if (!scenario) return;
  auto world = load_world(state);
  if (!world) return;
  pipeline::RunSpec spec;
  spec.variants = !o.variants.empty() ? o.variants
                                      : (default_run ? scenario->info.standard_variants : std::vector<std::string>{});
  // The shipped default is compared with its evidence-only variant too (issue 12: the report shows
  // it beside the default), whether or not standard_variants lists it.
  const bool declares_evidence_only =
      std::any_of(scenario->variants.begin(), scenario->variants.end(),
                  [](const VariantInfo& v) { return v.name == pipeline::kEvidenceOnly; });
  if (default_run && o.variants.empty() && declares_evidence_only &&
      std::find(spec.variants.begin(), spec.variants.end(), pipeline::kEvidenceOnly) == spec.variants.end()) {
    spec.variants.push_back(pipeline::kEvidenceOnly);
  }
  spec.replications = o.replications;
  spec.seed = o.seed;
  spec.threads = o.threads;
  spec.world = &*world;
  spec.sensitivity_samples = o.sensitivity_samples;
  spec.sensitivity_replications = o.sensitivity_replications;
  spec.reference_class_replications = o.reference_class_replications;
  const bool reference_stage = o.reference_class_replications.value_or(1) > 0;
  Progress progress(4 + (o.sensitivity_samples > 0 ? 1 : 0) + (reference_stage ? 1 : 0));
  spec.on_stage_start = [&](const std::string& what) { progress.begin(what); };
  spec.on_stage_end = [&](const std::string& result) { progress.end(result); };
  spec.progress = progress_bar();
  Diagnostics diagnostics;
  auto result = pipeline::run(*scenario, spec, diagnostics);
  print_diagnostics(diagnostics);
  if (!result) {
    std::cerr << fmt::format("\n{}: error: run: {}\n", file, result.status().message());
    state.exit_code = result.status().exit_code();
    return;
  }
  const std::filesystem::path out(o.out);
  auto outputs = write_stage_outputs(*scenario, *result, *world, out, state);
  if (!outputs) return;

  progress.begin("report: writing report.html");
  const auto& variants = spec.variants;
  const auto& sim = result->simulation;
  report::ReportData data;
  data.plan = outputs->plan;
  data.coverage = outputs->coverage;
  data.laydown = outputs->geojson;
  data.required_coverage = outputs->required_coverage;
  data.required_laydown = outputs->required_geojson;
  data.simulation = outputs->simulation;
  if (!result->reference_classes.empty()) {
    data.reference_classes = report::reference_classes_json(*scenario, *result);
    if (!write_file((out / "reference_classes.json").string(), data.reference_classes.dump(2) + "\n", state)) return;
  }
  if (result->sensitivity) {
    data.sensitivity = report::sensitivity_json(*result->sensitivity);
    if (!write_file((out / "sensitivity.json").string(), data.sensitivity.dump(1) + "\n", state)) return;
  }
  data.manifest = {{"guarantor_version", GUARANTOR_VERSION},
                   {"scenario_file", file},
                   {"scenario_sha256", io::file_sha256(file)},
                   {"variants", variants},
                   {"seed", sim.seed},
                   {"replications", sim.replications},
                   {"threads", o.threads ? o.threads : std::max(1u, std::thread::hardware_concurrency())},
                   {"generated", utc_now()},
                   {"reproduce", fmt::format("guarantor run {}{} --replications {} --seed {}", file,
                                             [&] { std::string v; for (const auto& n : variants) v += " --variant " + n; return v; }(),
                                             sim.replications, sim.seed)}};
  if (!data.reference_classes.is_null()) {
    data.manifest["reference_class_replications"] = data.reference_classes.value("replications", std::uint64_t{0});
  }
  const double wall = progress.total_seconds();
  data.manifest["wall_seconds_before_report"] = std::round(wall * 10) / 10;
  if (!write_html_report(*scenario, data, (out / "report.html").string(), state)) return;
  progress.end("done");
  print_answer(outputs->plan, outputs->simulation, data.reference_classes, out);
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
  cmd->add_option("--sensitivity-samples", o->sensitivity_samples,
                  "Base sample size N of the Sobol' analysis over every simulation assumption (default 32; 0 = skip)");
  cmd->add_option("--sensitivity-replications", o->sensitivity_replications,
                  "Replications per design point of the sensitivity analysis (default 200)")
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1000000}));
  cmd->add_option("--reference-class-replications", o->reference_class_replications,
                  "Replications of the base under each reference class (default: --replications, at most 20,000; 0 = skip)")
      ->check(CLI::Range(std::uint64_t{0}, std::uint64_t{100000000}));
  cmd->callback([o, &state] { run_all(*o, state); });
}

}  // namespace guarantor::cli
