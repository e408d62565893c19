// LP (CPLEX format) and free MPS writers for guarantor::milp models, written by hand so that the
// files are byte-for-byte reproducible and read unchanged by GLPK, HiGHS, CBC, CPLEX and Gurobi.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>

#include "guarantor/solver/milp.hpp"

namespace guarantor::milp {
namespace {

constexpr std::size_t kMaxNameLength = 200;  // CPLEX LP allows 255
constexpr int kTermsPerLine = 6;             // CPLEX LP lines must stay under 510 characters

bool is_reserved(const std::string& name) {
  static const std::set<std::string> reserved{"inf", "infinity", "free", "st", "s.t.", "end", "bounds", "bound",
                                              "general", "generals", "gen", "binary", "binaries", "bin",
                                              "minimize", "maximize", "min", "max", "subject", "such", "obj"};
  std::string lower = name;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  return reserved.count(lower) > 0;
}

// Letters, digits and '_' only; never a leading digit or 'e' (read as an exponent after a number),
// never a keyword; unique within `used`.
std::string legal_name(const std::string& wanted, const std::string& prefix, std::set<std::string>& used) {
  std::string name;
  for (char c : wanted) name += std::isalnum(static_cast<unsigned char>(c)) || c == '_' ? c : '_';
  if (name.size() > kMaxNameLength) name.resize(kMaxNameLength);
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0])) || name[0] == 'e' || name[0] == 'E' ||
      is_reserved(name)) {
    name = prefix + name;
  }
  std::string unique = name;
  for (int k = 2; used.count(unique) > 0; ++k) unique = fmt::format("{}_{}", name, k);
  used.insert(unique);
  return unique;
}

std::string number(double value) { return fmt::format("{}", value); }

std::string signed_term(double coefficient, const std::string& name, bool first) {
  if (coefficient < 0) return fmt::format("{}{} {}", first ? "-" : " - ", number(-coefficient), name);
  return fmt::format("{}{} {}", first ? "" : " + ", number(coefficient), name);
}

std::string expression(const std::vector<Term>& terms, const std::vector<std::string>& names) {
  if (terms.empty()) return fmt::format("0 {}", names.empty() ? "x" : names[0]);
  std::string text;
  for (std::size_t i = 0; i < terms.size(); ++i) {
    if (i > 0 && i % kTermsPerLine == 0) text += "\n   ";
    text += signed_term(terms[i].coefficient, names.at(static_cast<std::size_t>(terms[i].variable)), i == 0);
  }
  return text;
}

std::vector<Term> objective_terms(const Model& model) {
  std::vector<Term> terms;
  for (std::size_t j = 0; j < model.variables.size(); ++j) {
    if (model.variables[j].objective != 0) terms.push_back({static_cast<int>(j), model.variables[j].objective});
  }
  return terms;
}

std::string lp_bound(const Variable& v, const std::string& name) {
  const bool has_lower = v.lower > -kInfinity;
  const bool has_upper = v.upper < kInfinity;
  if (has_lower && has_upper && v.lower == v.upper) return fmt::format(" {} = {}\n", name, number(v.lower));
  if (!has_lower && !has_upper) return fmt::format(" {} free\n", name);
  const std::string lower = has_lower ? number(v.lower) : "-inf";
  const std::string upper = has_upper ? number(v.upper) : "+inf";
  return fmt::format(" {} <= {} <= {}\n", lower, name, upper);
}

Status write_text(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  if (!out || !(out << text) || !out.flush()) return Status::io_error(fmt::format("cannot write '{}'", path));
  return Status::ok();
}

bool ends_with(const std::string& text, const std::string& suffix) {
  if (text.size() < suffix.size()) return false;
  return std::equal(suffix.rbegin(), suffix.rend(), text.rbegin(),
                    [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
}

std::string model_name(const Model& model) {
  std::set<std::string> none;
  return legal_name(model.name, "m_", none);
}

}  // namespace

std::vector<std::string> exported_variable_names(const Model& model) {
  std::set<std::string> used;
  std::vector<std::string> names;
  for (const auto& v : model.variables) names.push_back(legal_name(v.name, "v_", used));
  return names;
}

std::vector<std::string> exported_constraint_names(const Model& model) {
  std::set<std::string> used{"obj", "RHS", "RNG", "BND"};
  std::vector<std::string> names;
  for (const auto& c : model.constraints) names.push_back(legal_name(c.name, "c_", used));
  return names;
}

std::string lp_text(const Model& model) {
  const auto vars = exported_variable_names(model);
  const auto rows = exported_constraint_names(model);
  std::string text = fmt::format("\\ {}: written by guarantor (CPLEX LP format)\n", model.name);
  text += model.sense == Sense::minimize ? "Minimize\n" : "Maximize\n";
  text += fmt::format(" obj: {}\nSubject To\n", expression(objective_terms(model), vars));
  for (std::size_t i = 0; i < model.constraints.size(); ++i) {
    const Constraint& c = model.constraints[i];
    const std::string expr = expression(c.terms, vars);
    const bool has_lower = c.lower > -kInfinity;
    const bool has_upper = c.upper < kInfinity;
    if (has_lower && has_upper && c.lower == c.upper) {
      text += fmt::format(" {}: {} = {}\n", rows[i], expr, number(c.lower));
    } else {
      // A ranged row becomes two rows, _lo and _hi, which every LP reader accepts.
      if (has_lower) text += fmt::format(" {}{}: {} >= {}\n", rows[i], has_upper ? "_lo" : "", expr, number(c.lower));
      if (has_upper) text += fmt::format(" {}{}: {} <= {}\n", rows[i], has_lower ? "_hi" : "", expr, number(c.upper));
    }
  }
  text += "Bounds\n";
  for (std::size_t j = 0; j < model.variables.size(); ++j) text += lp_bound(model.variables[j], vars[j]);
  std::string integers;
  for (std::size_t j = 0; j < model.variables.size(); ++j) {
    if (model.variables[j].type != VarType::continuous) integers += " " + vars[j] + "\n";
  }
  // Binaries are written as general integers with bounds [0, 1]: same model, fewer reader quirks.
  if (!integers.empty()) text += "General\n" + integers;
  text += "End\n";
  return text;
}

std::string mps_text(const Model& model) {
  const auto vars = exported_variable_names(model);
  const auto rows = exported_constraint_names(model);
  std::string text = fmt::format("* {}: written by guarantor (free MPS)\nNAME {}\n", model.name,
                                 model_name(model));
  if (model.sense == Sense::maximize) text += "OBJSENSE\n    MAX\n";
  text += "ROWS\n N obj\n";
  std::vector<bool> written(model.constraints.size(), false);
  for (std::size_t i = 0; i < model.constraints.size(); ++i) {
    const Constraint& c = model.constraints[i];
    const bool has_lower = c.lower > -kInfinity;
    const bool has_upper = c.upper < kInfinity;
    if (!has_lower && !has_upper) continue;  // a free row constrains nothing
    written[i] = true;
    const char* type = has_lower && has_upper && c.lower == c.upper ? "E" : has_lower ? "G" : "L";
    text += fmt::format(" {} {}\n", type, rows[i]);
  }
  // Column-wise entries.
  std::vector<std::vector<std::pair<std::size_t, double>>> columns(model.variables.size());
  for (std::size_t i = 0; i < model.constraints.size(); ++i) {
    if (!written[i]) continue;
    for (const auto& t : model.constraints[i].terms) columns.at(static_cast<std::size_t>(t.variable)).push_back({i, t.coefficient});
  }
  text += "COLUMNS\n";
  bool in_integer_block = false;
  for (std::size_t j = 0; j < model.variables.size(); ++j) {
    const bool integer = model.variables[j].type != VarType::continuous;
    if (integer != in_integer_block) {
      text += fmt::format("    MARKER 'MARKER' '{}'\n", integer ? "INTORG" : "INTEND");
      in_integer_block = integer;
    }
    // Every column appears at least once (in the objective row) so readers know it exists.
    text += fmt::format("    {} obj {}\n", vars[j], number(model.variables[j].objective));
    for (const auto& [row, value] : columns[j]) text += fmt::format("    {} {} {}\n", vars[j], rows[row], number(value));
  }
  if (in_integer_block) text += "    MARKER 'MARKER' 'INTEND'\n";
  text += "RHS\n";
  std::string ranges;
  for (std::size_t i = 0; i < model.constraints.size(); ++i) {
    if (!written[i]) continue;
    const Constraint& c = model.constraints[i];
    const bool has_lower = c.lower > -kInfinity;
    const bool has_upper = c.upper < kInfinity;
    const double rhs = has_lower ? c.lower : c.upper;
    if (rhs != 0) text += fmt::format("    RHS {} {}\n", rows[i], number(rhs));
    if (has_lower && has_upper && c.lower != c.upper) ranges += fmt::format("    RNG {} {}\n", rows[i], number(c.upper - c.lower));
  }
  if (!ranges.empty()) text += "RANGES\n" + ranges;
  text += "BOUNDS\n";
  for (std::size_t j = 0; j < model.variables.size(); ++j) {
    const Variable& v = model.variables[j];
    const bool has_lower = v.lower > -kInfinity;
    const bool has_upper = v.upper < kInfinity;
    if (has_lower && has_upper && v.lower == v.upper) {
      text += fmt::format(" FX BND {} {}\n", vars[j], number(v.lower));
      continue;
    }
    if (!has_lower && !has_upper) {
      text += fmt::format(" FR BND {}\n", vars[j]);
      continue;
    }
    text += has_lower ? fmt::format(" LO BND {} {}\n", vars[j], number(v.lower)) : fmt::format(" MI BND {}\n", vars[j]);
    // Explicit upper bounds: some readers give integer columns a default upper bound of 1.
    text += has_upper ? fmt::format(" UP BND {} {}\n", vars[j], number(v.upper)) : fmt::format(" PL BND {}\n", vars[j]);
  }
  text += "ENDATA\n";
  return text;
}

Status write_lp(const Model& model, const std::string& path) { return write_text(path, lp_text(model)); }

Status write_mps(const Model& model, const std::string& path) { return write_text(path, mps_text(model)); }

Status write_model(const Model& model, const std::string& path) {
  return ends_with(path, ".mps") ? write_mps(model, path) : write_lp(model, path);
}

}  // namespace guarantor::milp
