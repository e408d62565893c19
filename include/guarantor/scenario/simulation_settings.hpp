#pragma once
// The `simulation:` section of a scenario: parameters of the campaign Monte Carlo.

namespace guarantor {

struct SimulationSettings {
  int days = 730;
};

}  // namespace guarantor
