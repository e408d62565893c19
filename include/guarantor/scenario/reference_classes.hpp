#pragma once
// The reference classes a scenario's baseline failure hazard can be fitted to
// (`simulation.baseline`, `--baseline`; docs/model/simulation.md §Reference classes). Each class is
// a Weibull baseline H0(t) = (t / scale)^shape with the published figures it reproduces and
// their sources, so the reader sees how much the choice of analogy matters.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "guarantor/scenario/simulation_settings.hpp"

namespace guarantor {

struct ReferenceClass {
  BaselineClass id = BaselineClass::fortna_civil_war;
  std::string key;          // as `simulation.baseline` and `--baseline` spell it
  std::string title;        // one line for reports
  BaselineHazard hazard;    // the fitted Weibull
  std::string source;       // the published figures and where they come from
  std::string calibration;  // what the fit reproduces (the calibration tests check exactly this)
};

// fortna-civil-war, interstate, donbas-recommitments (not custom), in that order.
std::vector<ReferenceClass> reference_classes();
const ReferenceClass* find_reference_class(BaselineClass id);  // nullptr for custom
std::optional<BaselineClass> parse_baseline_class(std::string_view key);  // accepts "custom" too

// Sets the class and its preset hazard (custom leaves the hazard as it is).
void apply_baseline_class(SimulationSettings& settings, BaselineClass id);

}  // namespace guarantor
