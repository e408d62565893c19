#pragma once
// What the coalition has pledged, by nation and by component, against what the planning factors
// require. The plan stage optimises; this is the plain tally analysts start from.

#include <optional>
#include <string>
#include <vector>

#include "guarantor/scenario/requirements.hpp"
#include "guarantor/scenario/scenario.hpp"

namespace guarantor {

struct PledgeLine {
  const Pledge* pledge = nullptr;
  std::optional<double> troops;  // quantity × troops_per_unit, or troops_reported; empty if unknown
  std::string troops_basis;      // "units × size", "reported", or "unknown"
  std::string component;         // the component the tally counts it under ("" if none fits)
};

struct NationSummary {
  const Nation* nation = nullptr;
  PledgeStatus status = PledgeStatus::unknown;  // the strongest status among its pledges
  std::vector<PledgeLine> pledges;
};

struct ComponentSummary {
  const Component* component = nullptr;
  std::vector<DerivedRequirement> requirements;
  std::optional<double> required_troops;  // empty when a driver is unknown
  double committed_troops = 0;
  double conditional_troops = 0;  // conditional and unknown-status pledges with a number
  int pledges_without_number = 0;
  std::optional<double> gap_committed;        // required − committed (positive = shortfall)
  std::optional<double> gap_with_conditional; // required − committed − conditional
};

struct ScenarioSummary {
  std::vector<NationSummary> nations;        // ordered: committed, conditional, unknown, declined, none
  std::vector<ComponentSummary> components;  // enabled components, in file order
  double committed_troops = 0;
  double conditional_troops = 0;
};

// Each pledge counts under the first component it may serve (listed, or needing its capability).
ScenarioSummary summarise(const Scenario& scenario);

// Troops a pledge represents: units × unit size if the quantity is known, else the reported troops.
PledgeLine pledge_troops(const Scenario& scenario, const Pledge& pledge);

}  // namespace guarantor
