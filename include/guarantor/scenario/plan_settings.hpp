#pragma once
// The `plan:` section of a scenario: parameters of force generation (the plan stage).

namespace guarantor {

struct PlanSettings {
  // Largest share of a nation's land force it can commit, counting rotation (assumption).
  double max_land_force_share = 0.25;
  // Basis of the fair share in burden sharing: "gdp" or "personnel".
  bool burden_by_gdp = true;
  // Solver time limit per solve, seconds.
  double time_limit_seconds = 10.0;
};

}  // namespace guarantor
