// The guarantor command: a thin shell over the engine library.
#include <fmt/format.h>

#include <cstring>
#include <iostream>

#include "commands.hpp"
#include "guarantor/distributed/mpi_context.hpp"

namespace {

// The subcommand: the first argument that is not an option (the top level takes no values).
std::string subcommand_of(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (argv[i][0] != '-') return argv[i];
  }
  return "";
}

int run(int argc, char** argv) {
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

}  // namespace

int main(int argc, char** argv) {
  using namespace guarantor;
  // MPI starts only when mpirun launched this process; otherwise this is a world of one rank.
  const distributed::Session session;
  const distributed::Context& mpi = session.context();
  if (mpi.parallel() && !mpi.root()) {
    // simulate and sensitivity spread their work over the ranks; any other command runs once, on rank 0.
    const std::string command = subcommand_of(argc, argv);
    if (command != "simulate" && command != "sensitivity") return kExitOk;
  }
  const int code = run(argc, argv);
  if (code != kExitOk && mpi.parallel()) {
    // The other ranks may be waiting for this one: end them all rather than hang.
    std::cerr << fmt::format("guarantor: rank {} of {} failed (exit status {}); ending the run\n", mpi.rank, mpi.size,
                             code);
    distributed::abort(mpi, code);
  }
  return code;
}
