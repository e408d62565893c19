#include "guarantor/core/numeric.hpp"

#include <algorithm>
#include <cmath>

namespace guarantor {

double round_to(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  const double r = std::round(value * scale) / scale;
  return r == 0 ? 0.0 : r;  // no "-0"
}

std::size_t nearest_rank_position(double q, std::size_t n) {
  const double rank = std::ceil(std::clamp(q, 0.0, 1.0) * static_cast<double>(n));
  return std::clamp<std::size_t>(rank < 1 ? 1 : static_cast<std::size_t>(rank), 1, n);
}

double nearest_rank(const std::vector<double>& sorted, double q) {
  if (sorted.empty()) return 0;
  return sorted[nearest_rank_position(q, sorted.size()) - 1];
}

double nearest_rank_unsorted(std::vector<double> values, double q) {
  std::sort(values.begin(), values.end());
  return nearest_rank(values, q);
}

std::pair<double, double> wilson_interval(std::uint64_t successes, std::uint64_t n) {
  if (n == 0) return {0, 1};
  constexpr double z = 1.959963984540054;  // the normal 97.5% quantile
  const double nd = static_cast<double>(n);
  const double p = static_cast<double>(std::min(successes, n)) / nd;
  const double z2 = z * z;
  const double centre = (p + z2 / (2 * nd)) / (1 + z2 / nd);
  const double half = z * std::sqrt(p * (1 - p) / nd + z2 / (4 * nd * nd)) / (1 + z2 / nd);
  return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

}  // namespace guarantor
