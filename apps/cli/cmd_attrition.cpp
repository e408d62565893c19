// guarantor attrition fit CSV [--json]: estimates the generalised Lanchester law
// dB/dt = -a R^p B^q, dR/dt = -b B^p R^q from a daily series by the log-linear regression of
// Bracken (1995) and Fricker (1998), and reports the fitted values and R².
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <iostream>
#include <sstream>

#include "commands.hpp"
#include "guarantor/sim/lanchester.hpp"

namespace guarantor::cli {

namespace {

struct AttritionOptions {
  std::string file;
  bool json = false;
};

// Rounded for printing, without the "-0.0000" of a tiny negative estimate.
double shown(double value) {
  const double r = std::round(value * 1e4) / 1e4;
  return r == 0 ? 0.0 : r;
}

nlohmann::json side_json(const sim::SideFit& f) {
  return {{"coefficient", f.coefficient}, {"p", f.exponent_enemy}, {"q", f.exponent_own},
          {"r_squared", f.r_squared}, {"observations", f.observations}};
}

void run_fit(const AttritionOptions& o, CommandState& state) {
  std::ifstream in(o.file, std::ios::binary);
  if (!in) {
    std::cerr << fmt::format("{}: error: cannot read the file\n", o.file);
    state.exit_code = kExitInvalidInput;
    return;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  Diagnostics diagnostics;
  const auto series = sim::parse_attrition_csv(buffer.str(), o.file, diagnostics);
  print_diagnostics(diagnostics);
  if (diagnostics.has_errors()) {
    state.exit_code = kExitInvalidInput;
    return;
  }
  const auto fit = sim::fit_attrition(series);
  if (!fit) {
    std::cerr << fmt::format("{}: error: {}\n", o.file, fit.status().message());
    state.exit_code = fit.status().exit_code();
    return;
  }
  if (o.json) {
    const nlohmann::json j = {{"law", "dB/dt = -a R^p B^q, dR/dt = -b B^p R^q"},
                              {"pooled", {{"a", fit->a}, {"b", fit->b}, {"p", fit->p}, {"q", fit->q},
                                          {"r_squared", fit->r_squared}, {"observations", fit->observations}}},
                              {"blue_losses", side_json(fit->blue_losses)},
                              {"red_losses", side_json(fit->red_losses)}};
    std::cout << j.dump(2) << "\n";
    return;
  }
  std::cout << "Generalised Lanchester law dB/dt = -a R^p B^q, dR/dt = -b B^p R^q (Bracken 1995; Fricker 1998)\n";
  std::cout << fmt::format("pooled (common p, q): a = {:.6g}  b = {:.6g}  p = {:.4f}  q = {:.4f}  R² = {:.4f}  ({} rows)\n",
                           fit->a, fit->b, shown(fit->p), shown(fit->q), shown(fit->r_squared), fit->observations);
  auto side = [](const char* name, const char* coefficient, const sim::SideFit& f) {
    std::cout << fmt::format("{} losses alone: {} = {:.6g}  p = {:.4f}  q = {:.4f}  R² = {:.4f}  ({} rows)\n", name,
                             coefficient, f.coefficient, shown(f.exponent_enemy), shown(f.exponent_own), shown(f.r_squared),
                             f.observations);
  };
  side("blue", "a", fit->blue_losses);
  side("red", "b", fit->red_losses);
}

}  // namespace

void register_attrition(CLI::App& app, CommandState& state) {
  auto* cmd = app.add_subcommand("attrition", "Lanchester attrition tools");
  cmd->require_subcommand(1);
  auto* fit = cmd->add_subcommand("fit", "Fit a generalised Lanchester law to a daily series (CSV: day, blue, red, "
                                         "blue_losses, red_losses)");
  auto o = std::make_shared<AttritionOptions>();
  fit->add_option("CSV", o->file, "CSV file with a header")->required();
  fit->add_flag("--json", o->json, "Print JSON");
  fit->callback([o, &state] { run_fit(*o, state); });
}

}  // namespace guarantor::cli
