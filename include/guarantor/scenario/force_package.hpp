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
  int units = 0;          // whole units in theatre at any time (troops / troops_per_unit, rounded)
  double troops = 0;      // troops in theatre (the figure that counts)
  bool notional = false;  // a unit no nation has offered (the `required` force)
};

// Troops in theatre on a day after the decision to deploy (the plan's force flow).
struct BuildupPoint {
  int day = 0;
  double troops = 0;
};

struct ForcePackage {
  std::string origin;  // "plan" (from plan.json), "pledges" (committed + conditional with numbers) or "required"
                       // (the plan plus notional units filling the requirement)
  std::vector<Assignment> assignments;
  std::vector<BuildupPoint> buildup;  // empty: the whole force is in theatre from day 0

  double troops_in_theatre() const;
  double troops_of(const std::string& nation) const;
  double troops_in(const std::string& component) const;
};

// Every non-declined pledge with a known quantity (or, when unknown, its placeholder's central
// value), counted under the first component it may serve (the components it lists, else the first
// enabled component that needs its capability).
ForcePackage package_from_pledges(const Scenario& scenario);

}  // namespace guarantor
