#pragma once
// Shared by `guarantor report` and `guarantor run`: where the web assets and data files live, and
// how to assemble the report from the stages' outputs.

#include <optional>
#include <string>

#include "commands.hpp"
#include "guarantor/report/html_report.hpp"

namespace guarantor::cli {

// $GUARANTOR_WEB_DIR, else the source tree's web/ folder.
std::string web_dir();

// Loads web assets, renders report.html from `data` and writes it. Returns false (and sets the
// exit code) on failure.
bool write_html_report(const Scenario& scenario, report::ReportData data, const std::string& path, CommandState& state);

// The basemap (borders and coastlines GeoJSON from data/geo), or null when it is not there.
nlohmann::json load_basemap();

}  // namespace guarantor::cli
