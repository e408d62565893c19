// guarantor laydown SCENARIO [--variant NAME] [--force planned|pledged] [--plan plan.json] [--out DIR] [--json] [--geo-data DIR]:
// hubs, coverage layers, reaction times and the corridor; writes laydown.geojson, coverage.json, map.svg.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "commands.hpp"
#include "guarantor/geo/laydown.hpp"
#include "guarantor/io/force_package_io.hpp"
#include "guarantor/io/geo_data_io.hpp"
#include "guarantor/pipeline/pipeline.hpp"
#include "guarantor/report/laydown_output.hpp"
#include "guarantor/report/map_svg.hpp"

namespace guarantor::cli {

namespace {
struct LaydownOptions {
  std::string file;
  std::string variant;
  std::string plan;
  pipeline::ForceMode force = pipeline::ForceMode::planned;
  std::string out = "laydown";
  std::string geo_data;
  bool json = false;
};

// The force package of --plan FILE.
std::optional<ForcePackage> force_package(const LaydownOptions& options, const Scenario& scenario, CommandState& state) {
  Diagnostics diagnostics;
  auto package = io::read_force_package(options.plan, scenario, diagnostics);
  print_diagnostics(diagnostics);
  if (!package || diagnostics.has_errors()) {
    state.exit_code = kExitInvalidInput;
    return std::nullopt;
  }
  return package;
}

}  // namespace

void register_laydown(CLI::App& app, CommandState& state) {
  auto* cmd = app.add_subcommand("laydown", "Site hubs and compute coverage, reaction times and the sea corridor on real geography");
  auto options = std::make_shared<LaydownOptions>();
  cmd->add_option("SCENARIO", options->file, "Scenario YAML file")->required();
  cmd->add_option("--variant", options->variant, "Variant to overlay on the base scenario");
  cmd->add_option("--force", options->force,
                  "Force to lay down: planned (the variant's optimised plan, as `run` uses) or pledged (the offers as stated)")
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, pipeline::ForceMode>{{"planned", pipeline::ForceMode::planned},
                                                     {"pledged", pipeline::ForceMode::pledged},
                                                     {"required", pipeline::ForceMode::required}}));
  cmd->add_option("--plan", options->plan, "plan.json whose force package to lay down (instead of --force)");
  cmd->add_option("--out", options->out, "Folder for laydown.geojson, coverage.json and map.svg")->capture_default_str();
  cmd->add_option("--geo-data", options->geo_data, "Folder with countries.geojson and places.tsv (default: data/geo)");
  cmd->add_flag("--json", options->json, "Print coverage.json to stdout instead of the text summary");
  cmd->callback([options, &state] {
    auto scenario = load_or_report(options->file, options->variant, state);
    if (!scenario) return;
    auto world = load_geography_or_report(options->geo_data, "laydown", state);
    if (!world) return;
    // The variant's own force (pipeline::laydown_for, as `run` lays it down), or a plan.json's.
    Expected<geo::LaydownResult> result = Status::internal("no laydown");
    if (options->plan.empty()) {
      result = pipeline::laydown_for(*scenario, options->force, *world);
    } else {
      auto package = force_package(*options, *scenario, state);
      if (!package) return;
      result = geo::run_laydown(geo::LaydownInput{&*scenario, &*package, &*world});
    }
    if (!result) {
      std::cerr << fmt::format("{}: error: laydown: {}\n", options->file, result.status().message());
      state.exit_code = result.status().exit_code();
      return;
    }
    const std::filesystem::path out(options->out);
    const std::string coverage = report::coverage_json(*result).dump(2) + "\n";
    if (!write_file((out / "laydown.geojson").string(), report::laydown_geojson(*result).dump() + "\n", state)) return;
    if (!write_file((out / "coverage.json").string(), coverage, state)) return;
    if (!write_file((out / "map.svg").string(), report::map_svg(*result, *world), state)) return;
    if (options->json) {
      std::cout << coverage;
    } else {
      std::cout << report::laydown_text(*result);
      std::cout << fmt::format("\nWrote {0}/laydown.geojson, {0}/coverage.json and {0}/map.svg\n", out.string());
    }
  });
}

}  // namespace guarantor::cli
