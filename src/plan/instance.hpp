#pragma once
// The planning instance: the scenario reduced to what the optimiser needs. Requirement slots
// (one per component and capability, measured in troops), usable offers (pledges with a number
// that are not declined and whose conditions hold; a national package split into one offer per
// capability), which offer may fill which slot and why not, and each nation's caps.
// Private to the plan module.

#include <string>
#include <vector>

#include "guarantor/plan/plan.hpp"

namespace guarantor::plan::detail {

struct Slot {
  int component = 0;  // index into Instance::components
  std::string capability;
  int required_units = 0;         // of the reference unit type
  double troops_per_unit = 0;     // reference unit type; 1 when its size is unknown (units counted)
  double required_troops = 0;     // required_units × troops_per_unit
  double minimum_viable_troops = 0;  // min_viable_share × required_troops: below it the line counts 0
  std::string reference_unit_type;
  std::vector<std::string> derivation;
};

struct ComponentInfo {
  const Component* component = nullptr;
  std::vector<int> slots;
  bool planned = true;          // false when some requirement is unknown
  double required_troops = 0;
  double framework_troops = 0;  // troops a framework nation must provide (0 = no framework rule)
  std::vector<int> hq_slots;    // command slots: the framework nation provides part of the command element
  double hq_troops = 0;         // troops of the command element the framework nation provides at least
  int min_nations = 1;
  std::string unplanned_reason;
};

enum class Exclusion { none, outside_ukraine_only, non_nato_only, listed_components };

struct Offer {
  const Pledge* pledge = nullptr;
  const UnitType* unit = nullptr;  // the pledge's unit type, or the reference type of a package part
  int nation = 0;  // index into Instance::nations
  double troops = 0;               // troops offered (in theatre at any time)
  double troops_per_unit = 0;      // of `unit`; 1 when unknown
  std::string package_capability;  // a package part fills only this capability; empty otherwise
  double rotation = 1;
  bool land = true;
  bool conditional = false;
  double probability = 1;
  bool probability_assumed = false;
  bool quantity_assumed = false;
  std::vector<int> eligible;  // slots it may fill
  std::vector<std::pair<int, Exclusion>> excluded;  // slots of its capability it may not fill, and why

  double units() const { return troops_per_unit > 0 ? troops / troops_per_unit : 0; }
};

struct NationInfo {
  const Nation* nation = nullptr;
  std::optional<double> land_cap;   // troops committed incl. rotation (land units only)
  CapBasis land_cap_basis = CapBasis::none;
  std::optional<double> total_cap;  // troops committed incl. rotation (all units)
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
  std::vector<ExcludedPledge> excluded;
  std::vector<std::string> notes;
  bool use_placeholders = false;
};

// `use_placeholders`: a pledge of unknown quantity with a placeholder offers its central value
// (the `pledged` force); otherwise it is listed as unquantified.
Instance build_instance(const Scenario& scenario, const PlanSettings& settings, bool use_placeholders = false);

// Whether the US backstop stands behind the force in this scenario and variant: absent when no
// enabled component of kind us_backstop exists or simulation.us_backstop is `absent` (an enabled
// but unfilled component is not absent).
bool backstop_present(const Scenario& scenario);

// A placement of troops: offer × slot × troops (the solver's x variables at a solution).
struct Placement {
  int offer = 0;
  int slot = 0;
  double troops = 0;
};

// How a set of placements fills each component, by the same rules the MILP applies.
struct ComponentFill {
  bool viable = false;        // the component rules hold and some line counts
  double effectiveness = 0;   // counted troops / required troops, in [0, 1]
  double unmet_troops = 0;    // required × (1 − effectiveness)
  double filled_troops = 0;   // placed, whether or not a line counts
  std::vector<double> slot_filled;  // troops per slot of the component
  std::string framework_nation;
  std::vector<std::string> nations;
  std::string reason;
};

// `available[o]` false drops offer o's placements (a pledge that did not materialise).
std::vector<ComponentFill> evaluate(const Instance& instance, const std::vector<Placement>& placements,
                                    const std::vector<bool>& available);
double total_unmet(const std::vector<ComponentFill>& fills);
double total_required(const Instance& instance);

// Troops a nation must place in a component to count as taking part: one of its smallest units
// there (or all it offers, when less).
double participation_troops(const Instance& instance, int component, int nation);

}  // namespace guarantor::plan::detail
