#pragma once
// The parameter registry: one record per setting of the plan, laydown and simulation stages, with
// its key (the dotted path a scenario file and a variant's `set` use), unit, allowed range,
// plausible range, label and source. The loader's range checks, the JSON Schema's entries
// (guarantor params --schema), the docs' parameter tables (docs/model/parameters.md) and the
// report's assumptions register all come from here. To add a parameter: add a field to the
// settings struct and one entry in src/scenario/parameters.cpp; then run
// scripts/update-generated.sh to refresh the schema and the docs (a test fails until you do).

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "guarantor/core/status.hpp"
#include "guarantor/scenario/scenario.hpp"

namespace guarantor::params {

enum class Stage { scenario, plan, laydown, simulation };
// sourced: read in a cited source; derived: computed from sourced figures (or a computation
// setting that does not change the modelled quantity); assumption: a judgement, with a plausible range.
enum class Label { sourced, derived, assumption };
// control: a computation setting (replications, seeds, grid size); model: an input of the model.
enum class Role { model, control };
// date: an ISO date "YYYY-MM-DD" held as text; its allowed and plausible ranges are day numbers
// (days since 1970-01-01, guarantor/core/calendar.hpp).
enum class Kind { number, integer, boolean, choice, seed, number_list, text_list, date };

const char* to_string(Stage stage);
const char* to_string(Label label);
const char* to_string(Role role);
const char* to_string(Kind kind);

// A closed interval; an infinite bound is written as null in JSON.
struct Interval {
  double low = 0;
  double high = 0;
};

// Where a parameter's value lives in a Scenario.
struct ChoiceField {
  std::function<std::size_t()> get;
  std::function<void(std::size_t)> set;
};
using Field = std::variant<double*, int*, bool*, std::uint64_t*, std::span<double>, std::vector<double>*,
                           std::vector<std::string>*, ChoiceField, std::string*>;

struct Parameter {
  std::string key;  // "simulation.deterrence.force_hazard_ratio"
  Stage stage = Stage::simulation;
  Kind kind = Kind::number;
  Role role = Role::model;
  std::string unit;
  Interval allowed;  // every value (every list item) must lie in it: the loader and the schema enforce it
  Label label = Label::assumption;
  std::string source;  // the citation, or for an assumption the reasoning and the anchor of its range
  // The range a sensitivity analysis explores: required for an assumption (model role), else
  // optional. For lists, `plausible_low`/`plausible_high` hold one bound per item.
  std::optional<Interval> plausible;
  std::vector<double> plausible_low, plausible_high;
  std::vector<std::string> choices;  // Kind::choice, in the enum's order
  std::size_t list_size = 0;         // fixed-length number lists; 0 = any length
  Field (*field)(Scenario&) = nullptr;

  // The stage section and the key inside it: "simulation.deterrence" and "force_hazard_ratio".
  std::string section() const;
  std::string name() const;
  bool has_plausible() const { return plausible.has_value() || !plausible_low.empty(); }
};

// Every registered parameter, in the order of the documentation. Immutable.
const std::vector<Parameter>& registry();
const Parameter* find(std::string_view key);

// Sets a parameter with a plausible range to the point `u` in [0, 1] of that range (low + u·(high −
// low); a list moves every item between its low and high together; an integer is rounded).
// invalid_input when the parameter has no plausible range or is not a number or number list.
Status set_from_unit(const Parameter& parameter, Scenario& scenario, double u);
// The same with an explicit range [low, high] for a number parameter (a narrowed range).
Status set_from_unit(const Parameter& parameter, Scenario& scenario, double u, const Interval& range);

// A parameter's value as the scenario holds it.
using Value = std::variant<std::monostate, double, std::int64_t, std::uint64_t, bool, std::string, std::vector<double>,
                           std::vector<std::string>>;
Value value_of(const Parameter& parameter, const Scenario& scenario);
std::string format_value(const Value& value);

// One row of `guarantor params` and of the report's assumptions register: a registry parameter
// (with the scenario's value and, when the file set it, the file's provenance) or a figure of the
// scenario's data (nations, unit types, pledges, components).
struct Row {
  std::string key;
  Stage stage = Stage::scenario;
  Kind kind = Kind::number;
  Role role = Role::model;
  Value value;
  std::string unit;
  Label label = Label::assumption;
  std::string source;
  std::optional<Interval> allowed;
  Value plausible_low, plausible_high;  // monostate when the row has no plausible range
  bool set_in_scenario = false;         // the scenario file (or variant) set this value
  std::size_t list_size = 0;            // fixed-length number lists
};

// Every parameter of every stage after the scenario and its variant are applied.
std::vector<Row> list_parameters(const Scenario& scenario);

}  // namespace guarantor::params
