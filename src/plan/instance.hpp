#pragma once
// The planning instance: the scenario reduced to what the optimiser needs. Requirement slots
// (one per component and capability), usable offers (pledges with a number that are not
// declined), which offer may fill which slot and why not, and each nation's caps.
// Private to the plan module.

#include <string>
#include <vector>

#include "guarantor/plan/plan.hpp"

namespace guarantor::plan::detail {

struct Slot {
  int component = 0;  // index into Instance::components
  std::string capability;
  int required_units = 0;
  int minimum_viable_units = 0;  // ceil(min_viable_share × required)
  double troops_per_unit = 0;    // reference unit type; 0 when unknown
  double weight = 1;             // troops per unit used in the objective (1 when troops unknown)
  std::string reference_unit_type;
  std::vector<std::string> derivation;
};

struct ComponentInfo {
  const Component* component = nullptr;
  std::vector<int> slots;
  bool planned = true;          // false when some requirement is unknown
  int required_units = 0;
  double framework_troops = 0;  // troops a framework nation must provide (0 = no framework rule)
  std::vector<int> hq_slots;    // command slots: the framework nation provides at least one unit
  int min_nations = 1;
  std::string unplanned_reason;
};

enum class Exclusion { none, outside_ukraine_only, non_nato_only, listed_components };

struct Offer {
  const Pledge* pledge = nullptr;
  const UnitType* unit = nullptr;
  int nation = 0;  // index into Instance::nations
  int units = 0;
  double troops_per_unit = 0;
  double rotation = 1;
  bool land = true;
  bool conditional = false;
  double probability = 1;
  bool probability_assumed = false;
  bool quantity_assumed = false;
  std::vector<int> eligible;  // slots it may fill
  std::vector<std::pair<int, Exclusion>> excluded;  // slots of its capability it may not fill, and why
};

struct NationInfo {
  const Nation* nation = nullptr;
  std::optional<double> land_cap;   // troops committed incl. rotation
  CapBasis land_cap_basis = CapBasis::none;
  std::optional<double> total_cap;
  std::optional<double> burden_basis;  // GDP or personnel, when known
  std::vector<int> offers;
};

struct Instance {
  const Scenario* scenario = nullptr;
  PlanSettings settings;
  std::vector<DerivedRequirement> requirements;
  std::vector<Slot> slots;
  std::vector<ComponentInfo> components;
  std::vector<Offer> offers;
  std::vector<NationInfo> nations;
  std::vector<UnquantifiedOffer> unquantified;
  std::vector<std::string> notes;
};

Instance build_instance(const Scenario& scenario, const PlanSettings& settings);

// A placement of units: offer × slot × units (the solver's x variables at a solution).
struct Placement {
  int offer = 0;
  int slot = 0;
  int units = 0;
};

// How a set of placements fills each component, by the same rules the MILP applies.
struct ComponentFill {
  bool viable = false;
  double unmet_troops = 0;  // all of the requirement when not viable, else the residual
  double filled_troops = 0;
  std::vector<int> slot_filled;  // per slot of the component
  std::string framework_nation;
  std::vector<std::string> nations;
  std::string reason;
};

// `available[o]` false drops offer o's placements (a pledge that did not materialise).
std::vector<ComponentFill> evaluate(const Instance& instance, const std::vector<Placement>& placements,
                                    const std::vector<bool>& available);
double total_unmet(const std::vector<ComponentFill>& fills);

}  // namespace guarantor::plan::detail
