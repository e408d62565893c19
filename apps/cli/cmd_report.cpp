// guarantor report SCENARIO [--plan ...] [--coverage ...] [--laydown ...] [--simulation ...] [--sensitivity ...]
//                  [--reference-classes ...] [--out FILE]:
// assembles report.html from outputs already written by plan, laydown and simulate.
#include <chrono>
#include <iostream>

#include "guarantor/io/web_assets_io.hpp"
#include "report_inputs.hpp"

namespace guarantor::cli {
namespace {

struct ReportOptions {
  std::string scenario;
  std::string variant;
  std::string plan, coverage, laydown, simulation, sensitivity, reference_classes;
  std::string out = "report.html";
};

// Reads an optional JSON input; a named file that cannot be read is invalid input.
nlohmann::json optional_json(const std::string& path, CommandState& state) {
  if (path.empty()) return nullptr;
  Diagnostics diagnostics;
  auto json = io::read_json_file(path, diagnostics);
  print_diagnostics(diagnostics);
  if (!json) {
    state.exit_code = kExitInvalidInput;
    return nullptr;
  }
  return *json;
}

}  // namespace

void register_report(CLI::App& app, CommandState& state) {
  auto* cmd = app.add_subcommand("report", "Assemble an offline report.html from the outputs of plan, laydown and simulate");
  auto o = std::make_shared<ReportOptions>();
  cmd->add_option("SCENARIO", o->scenario, "Scenario YAML file")->required();
  cmd->add_option("--variant", o->variant, "Variant the outputs were computed for");
  cmd->add_option("--plan", o->plan, "plan.json from `guarantor plan`");
  cmd->add_option("--coverage", o->coverage, "coverage.json from `guarantor laydown`");
  cmd->add_option("--laydown", o->laydown, "laydown.geojson from `guarantor laydown`");
  cmd->add_option("--simulation", o->simulation, "simulation.json from `guarantor simulate`");
  cmd->add_option("--sensitivity", o->sensitivity, "sensitivity.json from `guarantor sensitivity`");
  cmd->add_option("--reference-classes", o->reference_classes, "reference_classes.json from `guarantor run`");
  cmd->add_option("--out", o->out, "Where to write the page (default report.html)");
  cmd->callback([o, &state] {
    auto scenario = load_or_report(o->scenario, o->variant, state);
    if (!scenario) return;
    report::ReportData data;
    data.plan = optional_json(o->plan, state);
    data.coverage = optional_json(o->coverage, state);
    data.laydown = optional_json(o->laydown, state);
    data.simulation = optional_json(o->simulation, state);
    data.sensitivity = optional_json(o->sensitivity, state);
    data.reference_classes = optional_json(o->reference_classes, state);
    if (state.exit_code != kExitOk) return;
    data.manifest = {{"guarantor_version", GUARANTOR_VERSION},
                     {"scenario_file", o->scenario},
                     {"scenario_sha256", io::file_sha256(o->scenario)},
                     {"variant", o->variant}};
    if (write_html_report(*scenario, data, o->out, state)) std::cout << "wrote " << o->out << "\n";
  });
}

}  // namespace guarantor::cli
