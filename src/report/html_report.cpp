#include "guarantor/report/html_report.hpp"

#include <fmt/format.h>

#include "guarantor/core/text.hpp"
#include "guarantor/report/json.hpp"

namespace guarantor::report {
namespace {

// Replaces every {{NAME}} placeholder; the replacement text is not scanned again.
std::string fill(const std::string& page, const std::vector<std::pair<std::string, const std::string*>>& values) {
  std::string out;
  out.reserve(page.size() + 2'000'000);
  std::size_t at = 0;
  while (at < page.size()) {
    const std::size_t open = page.find("{{", at);
    if (open == std::string::npos) break;
    const std::size_t close = page.find("}}", open);
    if (close == std::string::npos) break;
    out.append(page, at, open - at);
    const std::string name = page.substr(open + 2, close - open - 2);
    const std::string* value = nullptr;
    for (const auto& [key, text] : values) {
      if (key == name) value = text;
    }
    if (value) out += *value; else out.append(page, open, close + 2 - open);
    at = close + 2;
  }
  out.append(page, at, std::string::npos);
  return out;
}

}  // namespace

std::string script_safe_json(const nlohmann::json& value) {
  std::string text = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '<' && i + 1 < text.size() && text[i + 1] == '/') out += "<\\"; else out += text[i];
  }
  return out;
}

std::string render_html_report(const WebAssets& assets, const ReportData& data, const std::string& title) {
  const nlohmann::json blob = {{"manifest", data.manifest}, {"scenario", data.scenario}, {"summary", data.summary},
                               {"plan", data.plan},         {"coverage", data.coverage}, {"laydown", data.laydown},
                               {"required_coverage", data.required_coverage}, {"required_laydown", data.required_laydown},
                               {"basemap", data.basemap},   {"simulation", data.simulation},
                               {"sensitivity", data.sensitivity},
                               {"reference_classes", data.reference_classes},
                               {"variants", data.variants},
                               {"assumptions", data.assumptions}};
  const std::string data_json = script_safe_json(blob);
  const std::string safe_title = escape_markup(title);
  return fill(assets.page_template, {{"TITLE", &safe_title},
                                     {"LEAFLET_CSS", &assets.leaflet_css},
                                     {"REPORT_CSS", &assets.report_css},
                                     {"DATA_JSON", &data_json},
                                     {"LEAFLET_JS", &assets.leaflet_js},
                                     {"ECHARTS_JS", &assets.echarts_js},
                                     {"REPORT_JS", &assets.report_js}});
}

}  // namespace guarantor::report
