// guarantor show FILE [--variant NAME] [--json]: the pledge tally against the planning factors.
#include <iostream>

#include "commands.hpp"
#include "guarantor/report/scenario_report.hpp"
#include "guarantor/scenario/summary.hpp"

namespace guarantor::cli {

namespace {
struct ShowOptions {
  std::string file;
  std::string variant;
  bool json = false;
};
}  // namespace

void register_show(CLI::App& app, CommandState& state) {
  auto* cmd = app.add_subcommand("show", "Summarise a scenario: nations by pledge status, troops by component, gaps");
  auto options = std::make_shared<ShowOptions>();
  cmd->add_option("FILE", options->file, "Scenario YAML file")->required();
  cmd->add_option("--variant", options->variant, "Variant to overlay on the base scenario");
  cmd->add_flag("--json", options->json, "Print JSON instead of text");
  cmd->callback([options, &state] {
    auto scenario = load_or_report(options->file, options->variant, state);
    if (!scenario) return;
    const ScenarioSummary summary = summarise(*scenario);
    if (options->json) {
      std::cout << report::summary_json(*scenario, summary).dump(2) << "\n";
    } else {
      std::cout << report::summary_text(*scenario, summary);
    }
  });
}

}  // namespace guarantor::cli
