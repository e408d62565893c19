#include "guarantor/report/parameters_output.hpp"

#include <fmt/format.h>

#include <cmath>
#include <map>
#include <set>

#include "guarantor/core/calendar.hpp"

namespace guarantor::report {

namespace {

using params::Kind;
using params::Parameter;

nlohmann::json bound(double value) { return std::isfinite(value) ? nlohmann::json(value) : nlohmann::json(nullptr); }

nlohmann::json interval(const params::Interval& i) { return nlohmann::json::array({bound(i.low), bound(i.high)}); }

}  // namespace

nlohmann::json to_json(const params::Value& value) {
  struct ToJson {
    nlohmann::json operator()(std::monostate) const { return nullptr; }
    nlohmann::json operator()(double v) const { return v; }
    nlohmann::json operator()(std::int64_t v) const { return v; }
    nlohmann::json operator()(std::uint64_t v) const { return v; }
    nlohmann::json operator()(bool v) const { return v; }
    nlohmann::json operator()(const std::string& v) const { return v; }
    nlohmann::json operator()(const std::vector<double>& v) const { return v; }
    nlohmann::json operator()(const std::vector<std::string>& v) const { return v; }
  };
  return std::visit(ToJson{}, value);
}

nlohmann::json parameters_json(const std::vector<params::Row>& rows) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& r : rows) {
    const bool has_plausible = !std::holds_alternative<std::monostate>(r.plausible_low);
    nlohmann::json row = nlohmann::ordered_json::object();
    row["key"] = r.key;
    row["stage"] = params::to_string(r.stage);
    row["value"] = to_json(r.value);
    row["unit"] = r.unit;
    row["label"] = params::to_string(r.label);
    row["source"] = r.source;
    row["range"] = r.allowed && (r.kind == Kind::number || r.kind == Kind::integer || r.kind == Kind::number_list ||
                                 r.kind == Kind::seed)
                       ? interval(*r.allowed)
                       : nlohmann::json::array({nullptr, nullptr});
    row["plausible"] = has_plausible ? nlohmann::json::array({to_json(r.plausible_low), to_json(r.plausible_high)})
                                     : nlohmann::json(nullptr);
    row["role"] = params::to_string(r.role);
    row["kind"] = params::to_string(r.kind);
    row["set_in_scenario"] = r.set_in_scenario;
    if (r.kind == Kind::number_list) row["length"] = r.list_size;
    list.push_back(std::move(row));
  }
  return list;
}

std::string parameters_text(const std::vector<params::Row>& rows) {
  std::string out;
  for (const auto& r : rows) {
    std::string plausible;
    if (!std::holds_alternative<std::monostate>(r.plausible_low)) {
      plausible = fmt::format("  plausible {} .. {}", params::format_value(r.plausible_low),
                              params::format_value(r.plausible_high));
    }
    out += fmt::format("{:<58} {:>14} {:<10} {:<10}{}\n    {}\n", r.key, params::format_value(r.value), r.unit,
                       params::to_string(r.label), plausible, r.source);
  }
  return out;
}

namespace {

std::string markdown_cell(std::string text) {
  std::string out;
  for (char c : text) out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out;
}

std::string plausible_text(const Parameter& p) {
  if (!p.plausible_low.empty()) {
    return fmt::format("[{}] .. [{}]", fmt::join(p.plausible_low, ", "), fmt::join(p.plausible_high, ", "));
  }
  if (p.plausible && p.kind == Kind::date) {
    return fmt::format("{} .. {}", iso_date(std::llround(p.plausible->low)), iso_date(std::llround(p.plausible->high)));
  }
  if (p.plausible) return fmt::format("{} .. {}", p.plausible->low, p.plausible->high);
  return "";
}

std::string allowed_text(const Parameter& p) {
  switch (p.kind) {
    case Kind::choice: return fmt::format("{}", fmt::join(p.choices, ", "));
    case Kind::boolean: return "true, false";
    case Kind::text_list: return "list of names";
    case Kind::date: return fmt::format("date YYYY-MM-DD, {} .. {}", iso_date(std::llround(p.allowed.low)), iso_date(std::llround(p.allowed.high)));
    case Kind::seed: return "0 .. 2^64-1";
    default: break;
  }
  const std::string high = std::isfinite(p.allowed.high) ? fmt::format("{}", p.allowed.high) : "∞";
  const std::string range = fmt::format("{} .. {}", p.allowed.low, high);
  if (p.kind == Kind::number_list) {
    return p.list_size ? fmt::format("{} numbers in {}", p.list_size, range) : fmt::format("numbers in {}", range);
  }
  return range;
}

}  // namespace

std::string parameters_markdown() {
  const Scenario defaults;
  std::string out =
      "# Parameters\n\n"
      "<!-- Generated from the parameter registry (src/scenario/*_parameters.cpp) by "
      "scripts/update-generated.sh. Do not edit: a test compares this file with the registry. -->\n\n"
      "Every setting of the plan, laydown and simulation stages: its key (as a scenario file and a variant's "
      "`set` write it, and as `guarantor params` prints it), its default, unit, allowed range (the loader "
      "rejects values outside it), label and source. An `assumption` has a plausible range, the range the "
      "sensitivity analysis explores; for a list it gives the low and the high list. Role `control` marks "
      "computation settings and model switches, which are not uncertain quantities.\n\n"
      "Research files cited by name (validation_data.md, adversary_cohesion.md, model_evidence_2.md, "
      "planning_factors.md, geography.md) are the project's research notes; their outlets are cited in them.\n";
  std::string section;
  for (const Parameter& p : params::registry()) {
    if (p.section() != section) {
      section = p.section();
      out += fmt::format("\n## `{}`\n\n| key | default | unit | allowed | label | plausible | source |\n"
                         "|---|---|---|---|---|---|---|\n",
                         section);
    }
    const std::string label = p.role == params::Role::control ? std::string(params::to_string(p.label)) + " (control)"
                                                               : params::to_string(p.label);
    out += fmt::format("| `{}` | {} | {} | {} | {} | {} | {} |\n", p.name(),
                       markdown_cell(params::format_value(params::value_of(p, defaults))), p.unit,
                       markdown_cell(allowed_text(p)), label, markdown_cell(plausible_text(p)), markdown_cell(p.source));
  }
  return out;
}

namespace {

nlohmann::json provenance_properties() {
  return {{"source", {{"$ref", "#/definitions/sourceField"}}},
          {"sources", {{"$ref", "#/definitions/sourcesField"}}},
          {"assumption", {{"$ref", "#/definitions/assumptionField"}}},
          {"note", {{"$ref", "#/definitions/noteField"}}}};
}

nlohmann::json number_schema(const Parameter& p) {
  nlohmann::json plain = {{"type", p.kind == Kind::integer ? "integer" : "number"}, {"minimum", p.allowed.low}};
  if (std::isfinite(p.allowed.high)) plain["maximum"] = p.allowed.high;
  nlohmann::json with_provenance = {{"type", "object"},
                                    {"properties", provenance_properties()},
                                    {"required", {"value"}},
                                    {"additionalProperties", false}};
  with_provenance["properties"]["value"] = plain;
  return {{"anyOf", {plain, {{"type", "null"}}, with_provenance}}};
}

nlohmann::json property_schema(const Parameter& p) {
  nlohmann::json s;
  switch (p.kind) {
    case Kind::number:
    case Kind::integer: s = number_schema(p); break;
    case Kind::boolean: s = {{"anyOf", {{{"$ref", "#/definitions/flag"}}, {{"type", "null"}}}}}; break;
    case Kind::choice: {
      nlohmann::json names = p.choices;
      names.push_back(nullptr);
      s = {{"enum", names}};
      break;
    }
    case Kind::seed:
      s = {{"type", {"integer", "null"}}, {"minimum", 0}, {"maximum", 18446744073709551615ULL}};
      break;
    case Kind::number_list: {
      nlohmann::json item = {{"type", "number"}, {"minimum", p.allowed.low}};
      if (std::isfinite(p.allowed.high)) item["maximum"] = p.allowed.high;
      s = {{"type", {"array", "null"}}, {"items", item}};
      if (p.list_size) s["minItems"] = s["maxItems"] = p.list_size;
      break;
    }
    case Kind::text_list: s = {{"type", {"array", "null"}}, {"items", {{"type", "string"}}}}; break;
    case Kind::date:  // the loader also checks that the date exists and lies in the allowed range
      s = {{"type", {"string", "null"}}, {"pattern", "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"}};
      break;
  }
  s["description"] = fmt::format("{}{}{} ({}: {}). See docs/model/parameters.md.", p.unit.empty() ? "" : "Unit: ",
                                 p.unit, p.unit.empty() ? "" : ".", params::to_string(p.label), p.source);
  return s;
}

// Keys of a registered section that are not parameters, each read by its own loader.
nlohmann::json extra_properties(const std::string& section) {
  if (section == "simulation") {
    return {{"nations",
             {{"description", "Per-nation overrides of the cohesion model (casualty tolerance, lead, election day)."},
              {"type", {"array", "null"}},
              {"items",
               {{"type", "object"},
                {"required", {"nation"}},
                {"properties",
                 {{"nation", {{"type", "string"}}},
                  {"casualty_tolerance_kia", {{"type", {"number", "null"}}, {"exclusiveMinimum", 0}}},
                  {"mandate_cycle_months", {{"type", {"number", "null"}}, {"minimum", 0}, {"maximum", 120}}},
                  {"first_vote_month", {{"type", {"number", "null"}}, {"minimum", 0}, {"maximum", 120}}},
                  {"lead", {{"anyOf", {{{"$ref", "#/definitions/flag"}}, {{"type", "null"}}}}}},
                  {"election_day", {{"type", {"number", "null"}}, {"minimum", 0}, {"maximum", 3650}}},
                  {"source", {{"$ref", "#/definitions/sourceField"}}},
                  {"sources", {{"$ref", "#/definitions/sourcesField"}}},
                  {"assumption", {{"$ref", "#/definitions/assumptionField"}}},
                  {"note", {{"$ref", "#/definitions/noteField"}}}}},
                {"additionalProperties", false}}}}}};
  }
  if (section == "laydown") {
    return {{"corridor",
             {{"description", "The swept corridor's waypoints (lat, lon) with their source or the label assumption."},
              {"type", {"object", "null"}},
              {"required", {"points"}},
              {"properties",
               {{"points", {{"type", "array"}, {"minItems", 2}, {"items", {{"$ref", "#/definitions/position"}}}}},
                {"source", {{"$ref", "#/definitions/sourceField"}}},
                {"sources", {{"$ref", "#/definitions/sourcesField"}}},
                {"assumption", {{"$ref", "#/definitions/assumptionField"}}},
                {"note", {{"$ref", "#/definitions/noteField"}}}}},
              {"additionalProperties", false}}}};
  }
  return nlohmann::json::object();
}

}  // namespace

nlohmann::json parameters_schema_definitions() {
  std::map<std::string, nlohmann::json> sections;
  std::set<std::pair<std::string, std::string>> children;  // (parent, child) section names
  for (const Parameter& p : params::registry()) {
    const std::string section = p.section();
    auto& def = sections[section];
    if (def.is_null()) {
      def = {{"type", "object"},
             {"title", section},
             {"description", fmt::format("The `{}` section: see docs/model/parameters.md for every key's unit, default "
                                         "and source.",
                                         section)},
             {"properties", provenance_properties()},
             {"additionalProperties", false}};
      def["properties"].update(extra_properties(section));
    }
    def["properties"][p.name()] = property_schema(p);
    for (std::string s = section; s.find('.') != std::string::npos; s = s.substr(0, s.rfind('.'))) {
      children.insert({s.substr(0, s.rfind('.')), s});
    }
  }
  for (const auto& [parent, child] : children) {
    sections[parent]["properties"][child.substr(child.rfind('.') + 1)] = {
        {"anyOf", {{{"$ref", "#/definitions/" + child}}, {{"type", "null"}}}}};
  }
  nlohmann::json out = nlohmann::json::object();
  for (auto& [name, def] : sections) out[name] = std::move(def);
  return out;
}

}  // namespace guarantor::report
