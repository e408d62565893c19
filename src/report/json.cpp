#include "guarantor/report/json.hpp"

#include <cmath>

#include "guarantor/core/numeric.hpp"

namespace guarantor::report {

nlohmann::json to_json(const Source& s) {
  nlohmann::json j = nlohmann::json::object();
  if (!s.outlet.empty()) j["outlet"] = s.outlet;
  if (!s.date.empty()) j["date"] = s.date;
  if (!s.url.empty()) j["url"] = s.url;
  if (!s.file.empty()) j["file"] = s.file;
  if (!s.confidence.empty()) j["confidence"] = s.confidence;
  return j;
}

nlohmann::json to_json(const Provenance& p) {
  nlohmann::json j = nlohmann::json::object();
  j["sources"] = nlohmann::json::array();
  for (const auto& s : p.sources) j["sources"].push_back(to_json(s));
  j["assumption"] = p.assumption;
  if (!p.note.empty()) j["note"] = p.note;
  return j;
}

nlohmann::json to_json(const Figure& f) {
  nlohmann::json j = to_json(f.provenance);
  j["value"] = f.known() ? nlohmann::json(*f.value) : nlohmann::json(nullptr);
  return j;
}

nlohmann::json to_json(const Diagnostic& d) {
  return {{"severity", d.severity == Severity::error ? "error" : "warning"},
          {"file", d.where.file},
          {"line", d.where.line},
          {"column", d.where.column},
          {"key", d.key},
          {"message", d.message}};
}

nlohmann::json rounded(double value, int decimals) {
  if (std::floor(value) == value && std::fabs(value) < 9e15) return static_cast<long long>(value);
  return round_to(value, decimals);  // the one output rounding (core/numeric.hpp)
}

}  // namespace guarantor::report
