#pragma once
// The force package: which nation provides how many units of which type to which component.
// The plan stage produces it (plan.json); laydown and simulate consume it. Without a plan,
// package_from_pledges() gives the force the pledges themselves describe.

#include <string>
#include <vector>

#include "guarantor/scenario/scenario.hpp"

namespace guarantor {

struct Assignment {
  std::string nation;     // Nation::code
  std::string component;  // Component::id
  std::string unit_type;  // UnitType::id
  int units = 0;          // units in theatre at any time
  double troops = 0;      // troops in theatre: units × troops_per_unit
};

struct ForcePackage {
  std::string origin;  // "plan" (from plan.json) or "pledges" (committed + conditional with numbers)
  std::vector<Assignment> assignments;

  double troops_in_theatre() const;
  double troops_of(const std::string& nation) const;
  double troops_in(const std::string& component) const;
};

// Every non-declined pledge with a known quantity, counted under the first component it may
// serve (the components it lists, else the first enabled component that needs its capability).
ForcePackage package_from_pledges(const Scenario& scenario);

}  // namespace guarantor
