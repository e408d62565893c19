// Saltelli (2010) first-order and Jansen (1999) total-order estimators with bootstrap intervals.

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "guarantor/core/numeric.hpp"
#include "guarantor/sensitivity/indices.hpp"
#include "keyed_random.hpp"

namespace guarantor::sensitivity {
namespace {

struct Outputs {
  const std::vector<double>& y_a;
  const std::vector<double>& y_b;
  const std::vector<std::vector<double>>& y_ab;
};

struct Estimate {
  std::vector<double> s1, st;
  double variance = 0;
};

// The estimators on the rows `rows` (all rows, or a bootstrap resample), into `out` (its vectors
// reused from draw to draw).
void estimate(const Outputs& y, const std::vector<std::size_t>& rows, Estimate& out) {
  const std::size_t k = y.y_ab.size();
  const auto n = static_cast<double>(rows.size());
  double sum = 0;
  for (std::size_t r : rows) sum += y.y_a[r] + y.y_b[r];
  const double mean = sum / (2 * n);
  double squares = 0;
  for (std::size_t r : rows) {
    squares += (y.y_a[r] - mean) * (y.y_a[r] - mean);
    squares += (y.y_b[r] - mean) * (y.y_b[r] - mean);
  }
  out.s1.assign(k, 0.0);
  out.st.assign(k, 0.0);
  out.variance = squares / (2 * n);
  if (out.variance <= 0) return;  // a constant output: no input explains anything
  for (std::size_t i = 0; i < k; ++i) {
    const std::vector<double>& y_abi = y.y_ab[i];
    double first = 0, total = 0;
    for (std::size_t r : rows) {
      first += y.y_b[r] * (y_abi[r] - y.y_a[r]);
      total += (y.y_a[r] - y_abi[r]) * (y.y_a[r] - y_abi[r]);
    }
    out.s1[i] = first / n / out.variance;
    out.st[i] = total / (2 * n) / out.variance;
  }
}

// Row indices of bootstrap resample `resample`: rows.size() draws with replacement, keyed by the seed.
void resample_rows(std::uint64_t seed, std::size_t resample, std::vector<std::size_t>& rows) {
  detail::WordStream random(seed, detail::Stream::bootstrap, static_cast<std::uint32_t>(resample),
                            static_cast<std::uint32_t>(resample >> 32));
  const std::size_t n = rows.size();
  for (std::size_t& row : rows) row = detail::below(random.next(), n);
}

// The nearest-rank percentiles of `values` (reordered): the values a full sort would put at
// those ranks.
Interval percentile_interval(std::vector<double>& values, double confidence) {
  if (std::any_of(values.begin(), values.end(), [](double v) { return std::isnan(v); })) {
    std::sort(values.begin(), values.end());  // as before, whatever a NaN does to the order
    return {nearest_rank(values, (1 - confidence) / 2), nearest_rank(values, (1 + confidence) / 2)};
  }
  const auto at = [&](double q) {
    const auto nth = values.begin() + static_cast<std::ptrdiff_t>(nearest_rank_position(q, values.size()) - 1);
    std::nth_element(values.begin(), nth, values.end());
    return *nth;
  };
  const double low = at((1 - confidence) / 2);
  return {low, at((1 + confidence) / 2)};
}

void check_shapes(const Outputs& y, double confidence) {
  const std::size_t n = y.y_a.size();
  if (n < 2 || y.y_b.size() != n) throw std::invalid_argument("sobol_indices: y_a and y_b need the same n >= 2 values");
  if (y.y_ab.empty()) throw std::invalid_argument("sobol_indices: y_ab needs one block per input");
  for (const auto& block : y.y_ab)
    if (block.size() != n) throw std::invalid_argument("sobol_indices: every y_ab block needs n values");
  if (!(confidence > 0 && confidence < 1)) throw std::invalid_argument("sobol_indices: confidence must be in (0, 1)");
}

}  // namespace

SobolIndices sobol_indices(const std::vector<double>& y_a, const std::vector<double>& y_b,
                           const std::vector<std::vector<double>>& y_ab, std::size_t bootstrap, std::uint64_t seed,
                           double confidence) {
  const Outputs y{y_a, y_b, y_ab};
  check_shapes(y, confidence);
  const std::size_t n = y_a.size(), k = y_ab.size();
  std::vector<std::size_t> all_rows(n);
  for (std::size_t r = 0; r < n; ++r) all_rows[r] = r;
  Estimate point;
  estimate(y, all_rows, point);

  SobolIndices out{point.s1, point.st, {}, {}, point.variance};
  out.s1_ci.resize(k);
  out.st_ci.resize(k);
  if (bootstrap == 0) {
    for (std::size_t i = 0; i < k; ++i) {
      out.s1_ci[i] = {point.s1[i], point.s1[i]};
      out.st_ci[i] = {point.st[i], point.st[i]};
    }
    return out;
  }
  std::vector<std::vector<double>> s1_draws(k, std::vector<double>(bootstrap)), st_draws = s1_draws;
  std::vector<std::size_t> rows(n);
  Estimate draw;
  for (std::size_t b = 0; b < bootstrap; ++b) {
    resample_rows(seed, b, rows);
    estimate(y, rows, draw);
    for (std::size_t i = 0; i < k; ++i) {
      s1_draws[i][b] = draw.s1[i];
      st_draws[i][b] = draw.st[i];
    }
  }
  for (std::size_t i = 0; i < k; ++i) {
    out.s1_ci[i] = percentile_interval(s1_draws[i], confidence);
    out.st_ci[i] = percentile_interval(st_draws[i], confidence);
  }
  return out;
}

}  // namespace guarantor::sensitivity
