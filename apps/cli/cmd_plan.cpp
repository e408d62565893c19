// guarantor plan SCENARIO [--variant NAME] [--out DIR] [--json] [--export-model FILE] ...:
// force generation. Writes plan.json and plan.md; prints a summary (or the JSON).
#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "commands.hpp"
#include "guarantor/plan/plan.hpp"
#include "guarantor/report/plan_output.hpp"
#include "guarantor/solver/milp.hpp"

namespace guarantor::cli {

namespace {

struct PlanCliOptions {
  std::string file;
  std::string variant;
  std::string force = "planned";
  std::string out = ".";
  bool json = false;
  std::string export_model;
  std::optional<int> draws;
  std::optional<std::uint64_t> seed;
  std::optional<double> time_limit;
  bool no_contingency = false;
  bool no_explain = false;
};

// Stage 1 goes to FILE; later stages, which keep the earlier optima as constraints, go beside it
// as NAME.stage2.EXT, NAME.stage3.EXT...
bool export_models(const plan::PlanResult& result, const std::string& path, CommandState& state) {
  const std::filesystem::path base(path);
  for (std::size_t k = 0; k < result.stage_models.size(); ++k) {
    std::filesystem::path target = base;
    if (k > 0) target.replace_filename(fmt::format("{}.stage{}{}", base.stem().string(), k + 1, base.extension().string()));
    if (!target.parent_path().empty()) {
      std::error_code ignored;
      std::filesystem::create_directories(target.parent_path(), ignored);
    }
    if (const Status written = milp::write_model(result.stage_models[k], target.string()); !written) {
      std::cerr << fmt::format("{}: error: {}\n", target.string(), written.message());
      state.exit_code = written.exit_code();
      return false;
    }
  }
  return true;
}

void run_plan(const PlanCliOptions& options, CommandState& state) {
  auto scenario = load_or_report(options.file, options.variant, state);
  if (!scenario) return;
  plan::PlanOptions plan_options;
  plan_options.mode = plan::parse_force_mode(options.force).value_or(plan::ForceMode::planned);
  plan_options.draws = options.draws;
  plan_options.seed = options.seed;
  plan_options.time_limit_seconds = options.time_limit;
  plan_options.contingency = !options.no_contingency;
  plan_options.explain = !options.no_explain;
  plan_options.keep_stage_models = !options.export_model.empty();
  const plan::PlanResult result = plan::make_plan(*scenario, plan_options);
  const nlohmann::json json = report::plan_json(*scenario, result);
  const std::filesystem::path out(options.out);
  if (!write_file((out / "plan.json").string(), json.dump(2) + "\n", state)) return;
  if (!write_file((out / "plan.md").string(), report::plan_markdown(*scenario, result), state)) return;
  if (!options.export_model.empty() && !export_models(result, options.export_model, state)) return;
  if (options.json) {
    std::cout << json.dump(2) << "\n";
  } else {
    std::cout << report::plan_summary_text(*scenario, result);
    std::cout << fmt::format("  wrote {} and {}\n", (out / "plan.json").string(), (out / "plan.md").string());
  }
  // Timings go to stderr: the files stay identical from run to run.
  std::cerr << fmt::format("plan: {} solves; plan {:.3f} s, contingency {:.3f} s, explanation {:.3f} s, "
                           "Monte Carlo {:.3f} s\n",
                           result.solves, result.seconds_plan, result.seconds_contingency, result.seconds_explain,
                           result.seconds_monte_carlo);
  if (const Status outcome = result.outcome(); !outcome) {
    std::cerr << fmt::format("plan: no plan: {}\n", outcome.message());
    state.exit_code = outcome.exit_code();
  }
}

}  // namespace

void register_plan(CLI::App& app, CommandState& state) {
  auto* cmd = app.add_subcommand(
      "plan", "Force generation: the best force package the pledges can sustain, its gaps, what binds, what breaks it");
  auto options = std::make_shared<PlanCliOptions>();
  cmd->add_option("SCENARIO", options->file, "Scenario YAML file")->required();
  cmd->add_option("--variant", options->variant, "Variant to overlay on the base scenario");
  cmd->add_option("--force", options->force,
                  "Force to report: pledged (as offered), planned (the optimiser's package, default) or required "
                  "(the requirement filled, units nobody offered flagged notional)")
      ->check(CLI::IsMember({"pledged", "planned", "required"}));
  cmd->add_option("--out", options->out, "Folder for plan.json and plan.md (default: the current folder)");
  cmd->add_flag("--json", options->json, "Print plan.json to stdout instead of the summary");
  cmd->add_option("--export-model", options->export_model,
                  "Write the MILP to FILE (.lp: CPLEX LP, .mps: free MPS); later stages go beside it as FILE.stageN.ext");
  cmd->add_option("--draws", options->draws, "Monte Carlo draws over conditional pledges (0: off)")
      ->check(CLI::Range(0, 100000));
  cmd->add_option("--seed", options->seed, "Seed of the Monte Carlo draws");
  cmd->add_option("--time-limit", options->time_limit, "Solver time limit per solve, seconds")
      ->check(CLI::Range(0.01, 3600.0));
  cmd->add_flag("--no-contingency", options->no_contingency, "Skip the N-1 / N-2 re-solves");
  cmd->add_flag("--no-explain", options->no_explain, "Skip the binding-constraint analysis");
  cmd->callback([options, &state] { run_plan(*options, state); });
}

}  // namespace guarantor::cli
