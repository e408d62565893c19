#pragma once
// Solves a model file with GLPK's glpsol and reads the optimum back: the independent check of the
// models guarantor exports.
#include <cstdlib>
#include <optional>
#include <regex>
#include <string>

#include "support/cli_runner.hpp"

namespace guarantor::milp::testing {

inline bool glpsol_available() { return std::system("command -v glpsol >/dev/null 2>&1") == 0; }

// `format_flag` is "--lp" or "--freemps". Returns the objective glpsol reports, if it solved.
inline std::optional<double> glpk_objective(const std::string& model_path, const std::string& format_flag) {
  const std::string out = model_path + ".glpk.txt";
  const std::string command =
      "glpsol " + format_flag + " '" + model_path + "' -o '" + out + "' >'" + out + ".log' 2>&1";
  if (std::system(command.c_str()) != 0) return std::nullopt;
  const std::string report = guarantor::testing::read_file(out);
  std::smatch match;
  static const std::regex status_re(R"(Status:\s+(INTEGER OPTIMAL|OPTIMAL))");
  static const std::regex objective_re(R"(Objective:\s+\S+\s+=\s+([-+0-9.eE]+))");
  if (!std::regex_search(report, match, status_re)) return std::nullopt;
  if (!std::regex_search(report, match, objective_re)) return std::nullopt;
  return std::stod(match[1].str());
}

}  // namespace guarantor::milp::testing
