#pragma once
// Reading the report page's code (web/src/) and its npm libraries (web/node_modules/), and
// reading JSON files written by earlier stages.

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "guarantor/core/diagnostics.hpp"
#include "guarantor/report/html_report.hpp"

namespace guarantor::io {

// `web_dir` is the project's web/ folder, after `npm ci` there (scripts/install-deps.sh runs it).
std::optional<report::WebAssets> load_web_assets(const std::string& web_dir, Diagnostics& diagnostics);

// Parses a JSON (or GeoJSON) file; on failure reports why and returns nullopt.
std::optional<nlohmann::json> read_json_file(const std::string& path, Diagnostics& diagnostics);

}  // namespace guarantor::io

namespace guarantor::io {

// SHA-256 of a file's bytes as lowercase hex (for the run manifest), or "" if it cannot be read.
std::string file_sha256(const std::string& path);

}  // namespace guarantor::io
