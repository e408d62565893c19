// The parameter registry (see include/guarantor/scenario/parameters.hpp) and the rows of
// `guarantor params`. The tables are in parameters_table.cpp; this file holds the machinery.
#include "guarantor/scenario/parameters.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "guarantor/core/calendar.hpp"
#include "scenario/parameter_tables.hpp"

namespace guarantor::params {

const char* to_string(Stage stage) {
  switch (stage) {
    case Stage::scenario: return "scenario";
    case Stage::plan: return "plan";
    case Stage::laydown: return "laydown";
    case Stage::simulation: return "simulation";
  }
  return "?";
}

const char* to_string(Label label) {
  switch (label) {
    case Label::sourced: return "sourced";
    case Label::derived: return "derived";
    case Label::assumption: return "assumption";
  }
  return "?";
}

const char* to_string(Role role) { return role == Role::model ? "model" : "control"; }

const char* to_string(Kind kind) {
  switch (kind) {
    case Kind::number: return "number";
    case Kind::integer: return "integer";
    case Kind::boolean: return "boolean";
    case Kind::choice: return "choice";
    case Kind::seed: return "seed";
    case Kind::number_list: return "number_list";
    case Kind::text_list: return "text_list";
    case Kind::date: return "date";
  }
  return "?";
}

std::string Parameter::section() const { return key.substr(0, key.rfind('.')); }
std::string Parameter::name() const { return key.substr(key.rfind('.') + 1); }

const std::vector<Parameter>& registry() {
  // Built once on first use and never changed: a constant table, not mutable global state.
  static const std::vector<Parameter> table = [] {
    std::vector<Parameter> all;
    for (auto* part : {&detail::plan_parameters, &detail::laydown_parameters, &detail::simulation_parameters}) {
      auto rows = (*part)();
      all.insert(all.end(), std::make_move_iterator(rows.begin()), std::make_move_iterator(rows.end()));
    }
    return all;
  }();
  return table;
}

const Parameter* find(std::string_view key) {
  const auto& all = registry();
  const auto it = std::find_if(all.begin(), all.end(), [&](const Parameter& p) { return p.key == key; });
  return it == all.end() ? nullptr : &*it;
}

namespace {

struct ValueReader {
  Value operator()(double* v) const { return *v; }
  Value operator()(int* v) const { return static_cast<std::int64_t>(*v); }
  Value operator()(bool* v) const { return *v; }
  Value operator()(std::uint64_t* v) const { return *v; }
  Value operator()(std::span<double> v) const { return std::vector<double>(v.begin(), v.end()); }
  Value operator()(std::vector<double>* v) const { return *v; }
  Value operator()(std::vector<std::string>* v) const { return *v; }
  Value operator()(const ChoiceField& f) const { return choices->at(f.get()); }
  Value operator()(std::string* v) const { return *v; }
  const std::vector<std::string>* choices;
};

std::string format_number(double v) {
  if (std::floor(v) == v && std::fabs(v) < 1e15) return fmt::format("{}", static_cast<long long>(v));
  return fmt::format("{}", v);
}

}  // namespace

Value value_of(const Parameter& parameter, const Scenario& scenario) {
  // The field accessor takes a mutable Scenario because the loader writes through it; here it is
  // only read.
  Scenario& readable = const_cast<Scenario&>(scenario);
  return std::visit(ValueReader{&parameter.choices}, parameter.field(readable));
}

Status set_from_unit(const Parameter& parameter, Scenario& scenario, double u, const Interval& range) {
  const double value = range.low + u * (range.high - range.low);
  Field field = parameter.field(scenario);
  if (auto* number = std::get_if<double*>(&field)) {
    **number = value;
  } else if (auto* whole = std::get_if<int*>(&field)) {
    **whole = static_cast<int>(std::lround(value));
  } else if (auto* date = std::get_if<std::string*>(&field); date && parameter.kind == Kind::date) {
    **date = iso_date(std::llround(value));  // the range is in day numbers
  } else {
    return Status::invalid_input(fmt::format("{}: only a number can take a range", parameter.key));
  }
  return Status::ok();
}

Status set_from_unit(const Parameter& parameter, Scenario& scenario, double u) {
  if (parameter.plausible) return set_from_unit(parameter, scenario, u, *parameter.plausible);
  if (parameter.plausible_low.empty()) {
    return Status::invalid_input(fmt::format("{} has no plausible range", parameter.key));
  }
  Field field = parameter.field(scenario);
  std::vector<double> values(parameter.plausible_low.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    values[i] = parameter.plausible_low[i] + u * (parameter.plausible_high[i] - parameter.plausible_low[i]);
  }
  if (auto* fixed = std::get_if<std::span<double>>(&field); fixed && fixed->size() == values.size()) {
    std::copy(values.begin(), values.end(), fixed->begin());
  } else if (auto* list = std::get_if<std::vector<double>*>(&field)) {
    **list = values;
  } else {
    return Status::invalid_input(fmt::format("{}: the plausible lists do not fit the value", parameter.key));
  }
  return Status::ok();
}

std::string format_value(const Value& value) {
  struct Formatter {
    std::string operator()(std::monostate) const { return "unknown"; }
    std::string operator()(double v) const { return format_number(v); }
    std::string operator()(std::int64_t v) const { return fmt::format("{}", v); }
    std::string operator()(std::uint64_t v) const { return fmt::format("{}", v); }
    std::string operator()(bool v) const { return v ? "true" : "false"; }
    std::string operator()(const std::string& v) const { return v; }
    std::string operator()(const std::vector<double>& v) const {
      std::vector<std::string> items;
      for (double x : v) items.push_back(format_number(x));
      return fmt::format("[{}]", fmt::join(items, ", "));
    }
    std::string operator()(const std::vector<std::string>& v) const { return fmt::format("[{}]", fmt::join(v, ", ")); }
  };
  return std::visit(Formatter{}, value);
}

namespace {

Value plausible_bound(const Parameter& p, bool high) {
  if (!p.plausible_low.empty()) return high ? p.plausible_high : p.plausible_low;
  if (p.plausible && p.kind == Kind::date) return iso_date(std::llround(high ? p.plausible->high : p.plausible->low));
  if (p.plausible) return high ? p.plausible->high : p.plausible->low;
  return std::monostate{};
}

std::string describe_provenance(const Provenance& provenance) {
  std::vector<std::string> parts;
  for (const auto& s : provenance.sources) {
    std::string text = !s.outlet.empty() ? s.outlet : s.file;
    if (!s.date.empty()) text += " (" + s.date + ")";
    if (!s.url.empty()) text += " " + s.url;
    parts.push_back(text);
  }
  if (!provenance.note.empty()) parts.push_back(provenance.note);
  return fmt::format("{}", fmt::join(parts, "; "));
}

Row registry_row(const Parameter& p, const Scenario& scenario) {
  Row row{p.key,    p.stage,  p.kind,      p.role, value_of(p, scenario), p.unit, p.label, p.source,
          p.allowed, plausible_bound(p, false), plausible_bound(p, true), false, p.list_size};
  const auto set = scenario.parameters_set.find(p.key);
  if (set == scenario.parameters_set.end()) return row;
  row.set_in_scenario = true;
  const Provenance& given = set->second;
  const std::string where = scenario.info.variant.empty() ? "the scenario file"
                                                          : fmt::format("variant '{}' of the scenario", scenario.info.variant);
  if (p.role == Role::control) {
    // A computation setting or model switch chosen by the user: not an uncertain quantity.
    row.source = fmt::format("set in {}{}{}", where, given.documented() ? ": " : "", describe_provenance(given));
  } else if (given.sourced()) {
    row.label = Label::sourced;
    row.source = fmt::format("set in {}: {}", where, describe_provenance(given));
  } else {
    // A value without a source is the user's judgement: an assumption, explored over the
    // registry's plausible range.
    row.label = Label::assumption;
    row.source = fmt::format("set in {}{}{} (registry default's basis: {})", where, given.note.empty() ? "" : ": ",
                             given.note, p.source);
  }
  if (row.label != Label::assumption && p.role == Role::model && !p.has_plausible()) {
    row.plausible_low = row.plausible_high = std::monostate{};
  }
  return row;
}

// Rows for a figure of the scenario's data: its provenance, else its owner's.
void add_figure(std::vector<Row>& rows, const std::string& key, const Figure& figure, const std::string& unit,
                const Provenance* owner = nullptr) {
  const Provenance& p = figure.provenance.documented() || !owner ? figure.provenance : *owner;
  Row row;
  row.key = key;
  row.stage = Stage::scenario;
  row.unit = unit;
  if (figure.known()) row.value = *figure.value;
  if (p.sourced()) {
    row.label = p.assumption ? Label::assumption : Label::sourced;
    row.source = describe_provenance(p);
  } else {
    row.label = Label::assumption;
    row.source = p.note.empty() ? "labelled assumption in the scenario file, no reasoning given" : p.note;
  }
  if (row.label == Label::assumption && figure.known()) {
    // No published range exists for a scenario's assumed figure: the blanket ×0.5–×2.
    row.plausible_low = *figure.value * 0.5;
    row.plausible_high = *figure.value * 2.0;
    row.source += " [plausible range: blanket ×0.5–×2, no published range]";
  }
  rows.push_back(std::move(row));
}

void add_scenario_rows(std::vector<Row>& rows, const Scenario& s) {
  for (const auto& n : s.nations) {
    add_figure(rows, fmt::format("nations.{}.active_personnel", n.code), n.active_personnel, "troops");
    if (n.land_personnel.known()) add_figure(rows, fmt::format("nations.{}.land_personnel", n.code), n.land_personnel, "troops");
    if (n.gdp_usd_bn.known()) add_figure(rows, fmt::format("nations.{}.gdp_usd_bn", n.code), n.gdp_usd_bn, "USD bn");
  }
  for (const auto& u : s.unit_types) {
    add_figure(rows, fmt::format("unit_types.{}.troops_per_unit", u.id), u.troops_per_unit, "troops", &u.provenance);
    add_figure(rows, fmt::format("unit_types.{}.deploy_months", u.id), u.deploy_months, "months", &u.provenance);
    add_figure(rows, fmt::format("unit_types.{}.dwell_months", u.id), u.dwell_months, "months", &u.provenance);
    if (u.range_km.known()) add_figure(rows, fmt::format("unit_types.{}.range_km", u.id), u.range_km, "km", &u.provenance);
  }
  for (const auto& p : s.pledges) {
    add_figure(rows, fmt::format("pledges.{}.quantity", p.id), p.quantity, "units of " + p.unit_type, &p.provenance);
    if (p.probability.known()) add_figure(rows, fmt::format("pledges.{}.probability", p.id), p.probability, "probability");
  }
  for (const auto& c : s.components) {
    for (const auto& [name, figure] : c.drivers) {
      add_figure(rows, fmt::format("components.{}.drivers.{}", c.id, name), figure, name, &c.provenance);
    }
    for (std::size_t i = 0; i < c.requirements.size(); ++i) {
      const auto& r = c.requirements[i];
      Figure units;
      units.value = r.units;
      units.provenance = r.provenance;
      add_figure(rows, fmt::format("components.{}.requirements.{}.units", c.id, i), units,
                 fmt::format("units of {} per {} {}", r.capability, r.per, r.driver.empty() ? "component" : r.driver),
                 &c.provenance);
    }
  }
}

}  // namespace

std::vector<Row> list_parameters(const Scenario& scenario) {
  std::vector<Row> rows;
  add_scenario_rows(rows, scenario);
  for (const auto& p : registry()) rows.push_back(registry_row(p, scenario));
  return rows;
}

}  // namespace guarantor::params
