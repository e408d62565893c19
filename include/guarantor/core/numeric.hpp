#pragma once
// The one numeric core every stage and writer shares: output rounding and the nearest-rank
// quantile. Kept here so that the same number is written the same way by every output.

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace guarantor {

// `value` rounded half away from zero to `decimals` places; never "-0". Byte-stable: the same
// double gives the same result on every platform that has IEEE doubles.
double round_to(double value, int decimals);

// Nearest-rank quantile of sorted values: the smallest value with at least q·n values at or below
// it (q in [0, 1]). 0 for an empty list.
double nearest_rank(const std::vector<double>& sorted, double q);
// The 1-based nearest rank of quantile q among n values, clamped to [1, n] (n > 0).
std::size_t nearest_rank_position(double q, std::size_t n);
// The same on an unsorted copy.
double nearest_rank_unsorted(std::vector<double> values, double q);

// The 95% Wilson score interval of a proportion `successes` of `n` ({0, 1} when n is 0).
std::pair<double, double> wilson_interval(std::uint64_t successes, std::uint64_t n);

}  // namespace guarantor
