#pragma once
// report.html: one self-contained page (Leaflet, ECharts, styles and data inlined) that opens
// offline. The page's code lives in web/src/; the libraries come from npm (web/package-lock.json).

#include <string>

#include <nlohmann/json.hpp>

#include "guarantor/scenario/scenario.hpp"

namespace guarantor::report {

struct WebAssets {
  std::string page_template;  // web/src/report.html.in
  std::string report_css;     // web/src/report.css
  std::string report_js;      // web/src/report.js
  std::string leaflet_css;
  std::string leaflet_js;
  std::string echarts_js;
};

// The data the page renders. Each stage's output is optional (null when the stage did not run).
struct ReportData {
  nlohmann::json manifest = nlohmann::json::object();
  nlohmann::json scenario = nlohmann::json::object();
  nlohmann::json summary;      // guarantor show --json
  nlohmann::json plan;         // plan.json
  nlohmann::json coverage;     // coverage.json
  nlohmann::json laydown;      // laydown.geojson
  nlohmann::json required_coverage;  // coverage-required.json (guarantor run)
  nlohmann::json required_laydown;   // laydown-required.geojson (guarantor run)
  nlohmann::json basemap;      // borders and coastlines (GeoJSON)
  nlohmann::json simulation;   // simulation.json
  nlohmann::json sensitivity;  // sensitivity.json
  nlohmann::json reference_classes;  // reference_classes.json (guarantor run)
  // The scenario's declared variants: [{name, description, provenance}] (filled from the scenario).
  nlohmann::json variants = nlohmann::json::array();
  nlohmann::json assumptions = nlohmann::json::array();  // guarantor params --json of the run
};

std::string render_html_report(const WebAssets& assets, const ReportData& data, const std::string& title);

// JSON text safe to embed in a <script> element ("</" cannot close it).
std::string script_safe_json(const nlohmann::json& value);

}  // namespace guarantor::report
