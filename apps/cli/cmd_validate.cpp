// guarantor validate FILE...: exit 0 when every file (and every variant it declares) is valid.
#include <iostream>

#include "commands.hpp"
#include "guarantor/io/scenario_io.hpp"

namespace guarantor::cli {

void register_validate(CLI::App& app, CommandState& state) {
  auto* cmd = app.add_subcommand("validate", "Check scenario files and every variant they declare");
  auto files = std::make_shared<std::vector<std::string>>();
  cmd->add_option("FILE", *files, "Scenario YAML files")->required();
  cmd->callback([files, &state] {
    for (const auto& file : *files) {
      const Diagnostics diagnostics = io::validate_scenario_file(file);
      print_diagnostics(diagnostics);
      if (diagnostics.has_errors()) {
        state.exit_code = kExitInvalidInput;
      } else {
        std::cout << file << ": valid\n";
      }
    }
  });
}

}  // namespace guarantor::cli
