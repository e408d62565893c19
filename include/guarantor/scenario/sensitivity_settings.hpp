#pragma once
// The `sensitivity:` section of a scenario: how the sensitivity analysis treats the registry's
// assumptions. Every simulation assumption with a plausible range is varied uniformly over it
// unless this section fixes it, narrows its range or moves it with others as a group.

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "guarantor/core/diagnostics.hpp"

namespace guarantor {

struct SensitivitySettings {
  std::set<std::string> fixed;                                 // keys kept at their value
  std::map<std::string, std::pair<double, double>> ranges;     // key → narrowed [low, high] (numbers)
  std::map<std::string, std::vector<std::string>> groups;      // group name → keys moved together
  SourceLocation where;
};

}  // namespace guarantor
