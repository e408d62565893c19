#pragma once
// Runs the built `guarantor` binary in tests and captures its exit status, stdout and stderr.

#include <string>
#include <vector>

namespace guarantor::testing {

struct CliResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Arguments are passed to the binary as given (each single-quoted for the shell).
CliResult run_cli(const std::vector<std::string>& args);

// Path of a file in the source tree, e.g. source_path("tests/data/minimal.yaml").
std::string source_path(const std::string& relative);

// A fresh temporary directory for one test's outputs.
std::string temp_dir(const std::string& name);

// Writes text to a file and returns its path.
std::string write_temp_file(const std::string& name, const std::string& text);

std::string read_file(const std::string& path);

}  // namespace guarantor::testing
