#pragma once
// Estimators on the outputs of the designs in design.hpp.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "guarantor/sensitivity/design.hpp"

namespace guarantor::sensitivity {

struct Interval {
  double low = 0, high = 0;
};

// Sobol' indices of one output. First order: Saltelli et al. (2010), V_i = mean(y_B (y_AB_i - y_A));
// total: Jansen (1999), VT_i = mean((y_A - y_AB_i)^2) / 2; both divided by the variance of the 2n
// outputs of A and B (divisor 2n), as SALib and scipy.stats.sobol_indices do.
// Intervals: bootstrap percentile intervals at `confidence`, resampling the n rows (the same row
// of A, B and every AB_i together) `bootstrap` times, each resample a pure function of (seed,
// resample index); quantiles by nearest rank. bootstrap = 0 gives zero-width intervals at the
// estimate. A constant output (variance 0) gives all indices 0.
struct SobolIndices {
  std::vector<double> s1, st;
  std::vector<Interval> s1_ci, st_ci;
  double variance = 0;
};
SobolIndices sobol_indices(const std::vector<double>& y_a, const std::vector<double>& y_b,
                           const std::vector<std::vector<double>>& y_ab, std::size_t bootstrap, std::uint64_t seed,
                           double confidence = 0.95);

// Morris statistics of the elementary effects EE = (y(after) - y(before)) / (x_i(after) - x_i(before))
// per input: mean mu, mean absolute value mu_star (Campolongo et al. 2007), and standard deviation
// sigma (divisor r - 1; 0 for one trajectory). y has one value per design row.
struct MorrisEffects {
  std::vector<double> mu, mu_star, sigma;
};
MorrisEffects morris_effects(const MorrisDesign& design, const std::vector<double>& y);

}  // namespace guarantor::sensitivity
