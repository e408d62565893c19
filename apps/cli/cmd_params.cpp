// guarantor params [SCENARIO] [--variant V] [--json] [--schema] [--markdown]: every parameter of
// every stage after the scenario and its variant are applied, with its label, source and ranges.
// --schema and --markdown print what the registry generates for schema/ and docs/ (used by
// scripts/update-generated.sh; a test compares them with the committed files).
#include <iostream>

#include "commands.hpp"
#include "guarantor/report/parameters_output.hpp"

namespace guarantor::cli {

namespace {

struct ParamsOptions {
  std::string scenario;
  std::string variant;
  bool json = false;
  bool schema = false;
  bool markdown = false;
};

void print_params(const ParamsOptions& o, CommandState& state) {
  if (o.schema) {
    std::cout << report::parameters_schema_definitions().dump(2) << "\n";
    return;
  }
  if (o.markdown) {
    std::cout << report::parameters_markdown();
    return;
  }
  const std::string file = o.scenario.empty() ? data_dir() + "/scenarios/mnf-ukraine.yaml" : o.scenario;
  auto scenario = load_or_report(file, o.variant == "base" ? "" : o.variant, state);
  if (!scenario) return;
  const auto rows = params::list_parameters(*scenario);
  if (o.json) std::cout << report::parameters_json(rows).dump(2) << "\n";
  else std::cout << report::parameters_text(rows);
}

}  // namespace

void register_params(CLI::App& app, CommandState& state) {
  auto* cmd = app.add_subcommand("params", "Every parameter of every stage with its value, label, source and ranges");
  auto o = std::make_shared<ParamsOptions>();
  cmd->add_option("SCENARIO", o->scenario, "Scenario YAML file (default: the shipped data/scenarios/mnf-ukraine.yaml)");
  cmd->add_option("--variant", o->variant, "Apply this variant first ('base' = none)");
  cmd->add_flag("--json", o->json, "Print a JSON list of {key, stage, value, unit, label, source, range, plausible, ...}");
  cmd->add_flag("--schema", o->schema, "Print the JSON Schema definitions generated from the registry");
  cmd->add_flag("--markdown", o->markdown, "Print docs/model/parameters.md as generated from the registry");
  cmd->callback([o, &state] { print_params(*o, state); });
}

}  // namespace guarantor::cli
