#pragma once
// A small fluent builder for the registry tables, so each parameter reads as one statement:
//   number("simulation.deterrence.readiness", "share", {0, 1}, FIELD(simulation.deterrence.readiness))
//       .assumption("why, and the anchor of the range", 0.5, 1.0)
// Private to the scenario module.

#include <limits>
#include <string_view>
#include <string>
#include <utility>
#include <vector>

#include "guarantor/core/calendar.hpp"
#include "guarantor/scenario/parameters.hpp"

namespace guarantor::params::detail {

inline constexpr double kUnbounded = std::numeric_limits<double>::infinity();

// The day number of a date written in the tables (a typo there is a programming error: NaN).
inline double day_of(std::string_view iso) {
  const auto day = day_number(iso);
  return day ? static_cast<double>(*day) : std::numeric_limits<double>::quiet_NaN();
}

// Research files cited by name are in the project's shared research folder (see
// docs/model/parameters.md); outlets are cited as the research cites them.
class Builder {
 public:
  Builder(std::string key, Kind kind, std::string unit, Interval allowed, Field (*field)(Scenario&)) {
    p_.key = std::move(key);
    p_.kind = kind;
    p_.unit = std::move(unit);
    p_.allowed = allowed;
    p_.field = field;
    p_.stage = stage_of(p_.key);
  }
  Builder& sourced(std::string source) {
    p_.label = Label::sourced;
    p_.source = std::move(source);
    return *this;
  }
  Builder& derived(std::string source) {
    p_.label = Label::derived;
    p_.source = std::move(source);
    return *this;
  }
  // A judgement: the reasoning, and the plausible range with its anchor.
  Builder& assumption(std::string reasoning, double low, double high) {
    p_.label = Label::assumption;
    p_.source = std::move(reasoning);
    p_.plausible = Interval{low, high};
    return *this;
  }
  Builder& assumption(std::string reasoning, std::vector<double> low, std::vector<double> high) {
    p_.label = Label::assumption;
    p_.source = std::move(reasoning);
    p_.plausible_low = std::move(low);
    p_.plausible_high = std::move(high);
    return *this;
  }
  // A choice between model variants or a computation setting: not an uncertain quantity.
  Builder& control(std::string source) {
    p_.role = Role::control;
    p_.label = Label::derived;
    p_.source = std::move(source);
    return *this;
  }
  Builder& choices(std::vector<std::string> names) {
    p_.choices = std::move(names);
    return *this;
  }
  Builder& size(std::size_t n) {
    p_.list_size = n;
    return *this;
  }
  operator Parameter() const { return p_; }  // NOLINT: the table converts each entry

 private:
  static Stage stage_of(const std::string& key) {
    if (key.rfind("plan.", 0) == 0) return Stage::plan;
    if (key.rfind("laydown.", 0) == 0) return Stage::laydown;
    return Stage::simulation;
  }
  Parameter p_;
};

inline Builder number(std::string key, std::string unit, Interval allowed, Field (*field)(Scenario&)) {
  return Builder(std::move(key), Kind::number, std::move(unit), allowed, field);
}
inline Builder integer(std::string key, std::string unit, Interval allowed, Field (*field)(Scenario&)) {
  return Builder(std::move(key), Kind::integer, std::move(unit), allowed, field);
}
inline Builder boolean(std::string key, Field (*field)(Scenario&)) {
  return Builder(std::move(key), Kind::boolean, "", {0, 1}, field);
}
inline Builder seed(std::string key, Field (*field)(Scenario&)) {
  return Builder(std::move(key), Kind::seed, "", {0, 18446744073709551615.0}, field);
}
inline Builder choice(std::string key, std::vector<std::string> names, Field (*field)(Scenario&)) {
  return std::move(Builder(std::move(key), Kind::choice, "", {0, 0}, field).choices(std::move(names)));
}
inline Builder numbers(std::string key, std::string unit, Interval allowed, std::size_t size, Field (*field)(Scenario&)) {
  return std::move(Builder(std::move(key), Kind::number_list, std::move(unit), allowed, field).size(size));
}
// An ISO date "YYYY-MM-DD"; `first` and `last` bound it (checked with day_number).
inline Builder date(std::string key, std::string_view first, std::string_view last, Field (*field)(Scenario&)) {
  return Builder(std::move(key), Kind::date, "date", {day_of(first), day_of(last)}, field);
}
inline Builder texts(std::string key, Field (*field)(Scenario&)) {
  return Builder(std::move(key), Kind::text_list, "", {0, 0}, field);
}

}  // namespace guarantor::params::detail

// The address of a settings field, as a registry accessor.
#define GUARANTOR_FIELD(path) [](Scenario& s) -> ::guarantor::params::Field { return &s.path; }
#define GUARANTOR_ARRAY(path) [](Scenario& s) -> ::guarantor::params::Field { return std::span<double>(s.path); }
// An enum field read and written as the index of its name in the parameter's choices.
#define GUARANTOR_ENUM(path, Enum)                                                                 \
  [](Scenario& s) -> ::guarantor::params::Field {                                                  \
    auto* target = &s.path;                                                                        \
    return ::guarantor::params::ChoiceField{[target] { return static_cast<std::size_t>(*target); }, \
                                            [target](std::size_t i) { *target = static_cast<Enum>(i); }}; \
  }
