#pragma once
// The `plan:` section of a scenario: parameters of force generation (the plan stage).
// Every default is documented in docs/user/scenario-format-plan.md with its source or `assumption`.

#include <cstdint>

namespace guarantor {

struct PlanSettings {
  // Largest share of a nation's personnel it can commit, counting rotation (assumption).
  double max_land_force_share = 0.25;
  // The basis of that cap, one for all nations: false = active personnel (the one figure the
  // shared research gives for every nation); true = the army where the source splits it out
  // (only the UK and the US in the default scenario), a variant for comparison.
  bool cap_on_land_personnel = false;
  // Basis of the fair share in burden sharing: "gdp" or "personnel".
  bool burden_by_gdp = true;
  // Solver time limit per solve, seconds.
  double time_limit_seconds = 10.0;
  // A framework nation provides at least this share of a component's required troops, and the
  // command element when the component needs one (assumption).
  double framework_min_share = 0.3;
  // Probability that a conditional pledge without a stated probability materialises (assumption).
  double default_probability = 0.5;
  // Probability that a parliament's approval vote passes; multiplies the probability of every
  // pledge conditioned on parliament_approval (assumption; adversary_cohesion.md §7).
  double approval_vote_pass_probability = 0.97;
  // Monte Carlo coalitions drawn from the conditional pledges; 0 turns the mode off.
  int draws = 100;
  // Master seed of those draws.
  std::uint64_t seed = 20260227;
  // N-2 contingency: pairs among this many largest contributors (the issue asks for five).
  int contingency_top_contributors = 5;
};

}  // namespace guarantor
