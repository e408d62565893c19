// The guarantor command: a thin shell over the engine library.
#include <iostream>

#include "commands.hpp"

int main(int argc, char** argv) {
  using namespace guarantor;
  CLI::App app{"guarantor: plan and stress-test the Multinational Force Ukraine from a scenario file"};
  app.set_version_flag("--version", std::string("guarantor ") + GUARANTOR_VERSION);
  app.require_subcommand(1);
  cli::CommandState state;
  cli::register_validate(app, state);
  cli::register_show(app, state);
  cli::register_simulation_commands(app, state);
  cli::register_report(app, state);
  cli::register_run(app, state);
  cli::register_laydown(app, state);
  cli::register_plan(app, state);
  cli::register_params(app, state);
  cli::register_sensitivity(app, state);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitInvalidInput;
  } catch (const std::exception& e) {
    std::cerr << "guarantor: internal error: " << e.what() << "\n";
    return kExitFailure;
  }
  return state.exit_code;
}
