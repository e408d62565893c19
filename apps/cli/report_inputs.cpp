#include "report_inputs.hpp"

#include "guarantor/report/json.hpp"
#include "guarantor/report/parameters_output.hpp"

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "guarantor/io/web_assets_io.hpp"
#include "guarantor/report/scenario_report.hpp"
#include "guarantor/scenario/summary.hpp"

namespace guarantor::cli {

std::string web_dir() {
  const char* env = std::getenv("GUARANTOR_WEB_DIR");
  return env && *env ? env : GUARANTOR_DEFAULT_WEB_DIR;
}

std::string data_dir() {
  const char* env = std::getenv("GUARANTOR_DATA_DIR");
  return env && *env ? env : GUARANTOR_DEFAULT_DATA_DIR;
}

nlohmann::json load_basemap() {
  const std::string path = data_dir() + "/geo/countries.geojson";
  if (!std::filesystem::exists(path)) return nullptr;
  Diagnostics diagnostics;
  auto json = io::read_json_file(path, diagnostics);
  print_diagnostics(diagnostics);
  return json ? *json : nlohmann::json(nullptr);
}

bool write_html_report(const Scenario& scenario, report::ReportData data, const std::string& path, CommandState& state) {
  Diagnostics diagnostics;
  auto assets = io::load_web_assets(web_dir(), diagnostics);
  print_diagnostics(diagnostics);
  if (!assets) {
    state.exit_code = kExitFailure;
    return false;
  }
  if (data.summary.is_null()) data.summary = report::summary_json(scenario, summarise(scenario));
  data.scenario = {{"name", scenario.info.name}, {"title", scenario.info.title}, {"as_of", scenario.info.as_of},
                   {"file", scenario.info.file}};
  if (data.basemap.is_null()) data.basemap = load_basemap();
  // The declared variants with their descriptions and sources (the report's options table).
  data.variants = nlohmann::json::array();
  for (const auto& v : scenario.variants) {
    data.variants.push_back({{"name", v.name}, {"description", v.description}, {"provenance", report::to_json(v.provenance)}});
  }
  // The register lists every parameter of the run, as `guarantor params` does.
  data.assumptions = report::parameters_json(params::list_parameters(scenario));
  const std::string title = "guarantor: " + (scenario.info.title.empty() ? scenario.info.name : scenario.info.title);
  return write_file(path, report::render_html_report(*assets, data, title), state);
}

}  // namespace guarantor::cli
