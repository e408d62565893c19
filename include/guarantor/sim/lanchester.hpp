#pragma once
// Lanchester attrition: the generalised law dB/dt = P_B(t) - a R^p B^q, dR/dt = P_R(t) - b B^p R^q
// (square law p = 1, q = 0; linear law p = q = 1), integrated with fixed-step RK4, and the
// log-linear regression of Bracken (1995) and Fricker (1998) that estimates (a, b, p, q) from a
// daily series. docs/model/simulation.md §Combat gives the equations and the validation.

#include <string>
#include <string_view>
#include <vector>

#include "guarantor/core/diagnostics.hpp"
#include "guarantor/core/status.hpp"

namespace guarantor::sim {

struct LanchesterLaw {
  double a = 0;  // Red's effectiveness against Blue, per day
  double b = 0;  // Blue's effectiveness against Red, per day
  double p = 1;  // exponent on the firing side's strength
  double q = 0;  // exponent on the target side's strength
};

// A constant reinforcement rate (troops per day) over [start_day, end_day).
struct Reinforcement {
  double start_day = 0;
  double end_day = 0;
  double per_day = 0;
};

struct Forces {
  double blue = 0;
  double red = 0;
};

struct LanchesterSetup {
  LanchesterLaw law;
  Forces initial;
  std::vector<Reinforcement> blue_reinforcements;
  std::vector<Reinforcement> red_reinforcements;
  int steps_per_day = 100;  // reinforcement edges on whole days fall on step edges
};

// Strengths at days 0, 1, ..., days. A side that reaches zero stays at zero.
std::vector<Forces> integrate_lanchester(const LanchesterSetup& setup, int days);

// Final strengths after `days` (may be fractional) with no reinforcements: the simulation's
// combat phase; no allocation. The square law (p = 1, q = 0) is solved in closed form (cosh/sinh,
// with the annihilation time from tanh); other laws by RK4 with steps of `step_days`.
Forces lanchester_after(const LanchesterLaw& law, Forces initial, double days, double step_days);

// One day of a series: strengths at the start of the day and losses during it.
struct AttritionObservation {
  double day = 0;
  double blue = 0;
  double red = 0;
  double blue_losses = 0;
  double red_losses = 0;
};

// ln(losses) = ln(coefficient) + exponent_enemy ln(enemy) + exponent_own ln(own), least squares.
struct SideFit {
  double coefficient = 0;
  double exponent_enemy = 0;  // p
  double exponent_own = 0;    // q
  double r_squared = 0;
  int observations = 0;
};

struct AttritionFit {
  SideFit blue_losses;  // coefficient = a
  SideFit red_losses;   // coefficient = b
  // Both sides pooled with common p and q (Bracken's form): a, b, p, q.
  double a = 0;
  double b = 0;
  double p = 0;
  double q = 0;
  double r_squared = 0;
  int observations = 0;
};

// Rows with a zero loss or strength are skipped (their logarithm is undefined); the fit needs at
// least 4 usable rows a side and strengths that vary; invalid_input says which is missing.
Expected<AttritionFit> fit_attrition(const std::vector<AttritionObservation>& series);

// Parses CSV text with a header naming the columns day, blue, red, blue_losses, red_losses (any
// order, extra columns ignored). Problems go to `diagnostics` as FILE:LINE:COL.
std::vector<AttritionObservation> parse_attrition_csv(std::string_view text, const std::string& file_name,
                                                      Diagnostics& diagnostics);

}  // namespace guarantor::sim
