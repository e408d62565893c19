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

void add(nlohmann::json& rows, const std::string& stage, const std::string& parameter, const Figure& figure,
         const std::string& unit, const Provenance* fallback = nullptr) {
  nlohmann::json provenance = to_json(figure.provenance.documented() || !fallback ? figure.provenance : *fallback);
  rows.push_back({{"stage", stage},
                  {"parameter", parameter},
                  {"value", figure.known() ? nlohmann::json(*figure.value) : nlohmann::json(nullptr)},
                  {"unit", unit},
                  {"provenance", provenance}});
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
                               {"basemap", data.basemap},   {"simulation", data.simulation},
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

nlohmann::json assumptions_register(const Scenario& s, const ReportData& data) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& n : s.nations) {
    add(rows, "scenario", fmt::format("nations.{}.active_personnel", n.code), n.active_personnel, "troops");
    if (n.land_personnel.known()) add(rows, "scenario", fmt::format("nations.{}.land_personnel", n.code), n.land_personnel, "troops");
    if (n.gdp_usd_bn.known()) add(rows, "scenario", fmt::format("nations.{}.gdp_usd_bn", n.code), n.gdp_usd_bn, "USD bn");
  }
  for (const auto& u : s.unit_types) {
    add(rows, "scenario", fmt::format("unit_types.{}.troops_per_unit", u.id), u.troops_per_unit, "troops", &u.provenance);
    add(rows, "scenario", fmt::format("unit_types.{}.deploy_months", u.id), u.deploy_months, "months", &u.provenance);
    add(rows, "scenario", fmt::format("unit_types.{}.dwell_months", u.id), u.dwell_months, "months", &u.provenance);
    if (u.range_km.known()) add(rows, "scenario", fmt::format("unit_types.{}.range_km", u.id), u.range_km, "km", &u.provenance);
  }
  for (const auto& p : s.pledges) {
    add(rows, "scenario", fmt::format("pledges.{}.quantity", p.id), p.quantity, "units", &p.provenance);
    if (p.probability.known()) add(rows, "scenario", fmt::format("pledges.{}.probability", p.id), p.probability, "probability");
  }
  for (const auto& c : s.components) {
    for (const auto& [name, figure] : c.drivers) add(rows, "scenario", fmt::format("components.{}.drivers.{}", c.id, name), figure, name);
    for (const auto& r : c.requirements) {
      Figure factor;
      factor.value = r.units / r.per;
      factor.provenance = r.provenance;
      add(rows, "scenario", fmt::format("components.{}.{} per {}", c.id, r.capability, r.driver.empty() ? "component" : r.driver),
          factor, "units");
    }
  }
  for (const auto* stage : {&data.plan, &data.coverage, &data.simulation}) {
    if (stage->is_object() && stage->contains("parameters") && (*stage)["parameters"].is_array()) {
      for (const auto& row : (*stage)["parameters"]) rows.push_back(row);
    }
  }
  return rows;
}

}  // namespace guarantor::report
