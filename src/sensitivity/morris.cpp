// Morris elementary effects: the trajectory design and its statistics.

#include <cmath>
#include <numeric>
#include <stdexcept>

#include "guarantor/sensitivity/design.hpp"
#include "guarantor/sensitivity/indices.hpp"
#include "keyed_random.hpp"

namespace guarantor::sensitivity {

double morris_delta(std::size_t levels) {
  return static_cast<double>(levels) / (2.0 * static_cast<double>(levels - 1));
}

MorrisDesign morris_design(std::size_t k, std::size_t trajectories, std::size_t levels, std::uint64_t seed) {
  if (k == 0 || trajectories == 0) throw std::invalid_argument("morris_design: k and trajectories must be positive");
  if (levels < 2 || levels % 2 != 0) throw std::invalid_argument("morris_design: levels must be even and >= 2");
  const double step = static_cast<double>(levels - 1);
  const std::size_t half = levels / 2;  // delta in grid steps
  MorrisDesign design{Matrix{trajectories * (k + 1), k, std::vector<double>(trajectories * (k + 1) * k)}, k,
                      trajectories, levels};
  for (std::size_t t = 0; t < trajectories; ++t) {
    detail::WordStream random(seed, detail::Stream::morris, static_cast<std::uint32_t>(t),
                              static_cast<std::uint32_t>(t >> 32));
    // Each input alternates between a low level l/(p-1), l in [0, p/2), and the level delta above.
    std::vector<double> low(k), high(k), point(k);
    for (std::size_t i = 0; i < k; ++i) {
      const std::size_t level = detail::below(random.next(), half);
      low[i] = static_cast<double>(level) / step;
      high[i] = static_cast<double>(level + half) / step;
      point[i] = random.next() >> 63 ? high[i] : low[i];  // start below or above
    }
    std::vector<std::size_t> order(k);
    std::iota(order.begin(), order.end(), 0);
    for (std::size_t i = k; i > 1; --i) std::swap(order[i - 1], order[detail::below(random.next(), i)]);

    double* rows = design.points.values.data() + t * (k + 1) * k;
    std::copy(point.begin(), point.end(), rows);
    for (std::size_t s = 0; s < k; ++s) {
      const std::size_t i = order[s];
      point[i] = point[i] == low[i] ? high[i] : low[i];
      std::copy(point.begin(), point.end(), rows + (s + 1) * k);
    }
  }
  return design;
}

namespace {

// The one input that changes between two consecutive rows of a trajectory.
std::size_t moved_input(const Matrix& points, std::size_t row) {
  std::size_t moved = points.cols;
  for (std::size_t c = 0; c < points.cols; ++c) {
    if (points.at(row, c) == points.at(row + 1, c)) continue;
    if (moved != points.cols) throw std::invalid_argument("morris_effects: a step moves more than one input");
    moved = c;
  }
  if (moved == points.cols) throw std::invalid_argument("morris_effects: a step moves no input");
  return moved;
}

}  // namespace

MorrisEffects morris_effects(const MorrisDesign& design, const std::vector<double>& y) {
  const std::size_t k = design.k, r = design.trajectories;
  if (y.size() != design.points.rows || design.points.rows != r * (k + 1))
    throw std::invalid_argument("morris_effects: one output per design row expected");
  std::vector<std::vector<double>> effects(k);
  for (std::size_t t = 0; t < r; ++t) {
    for (std::size_t s = 0; s < k; ++s) {
      const std::size_t row = t * (k + 1) + s;
      const std::size_t i = moved_input(design.points, row);
      const double dx = design.points.at(row + 1, i) - design.points.at(row, i);
      effects[i].push_back((y[row + 1] - y[row]) / dx);
    }
  }
  MorrisEffects out{std::vector<double>(k), std::vector<double>(k), std::vector<double>(k)};
  for (std::size_t i = 0; i < k; ++i) {
    const std::vector<double>& ee = effects[i];
    if (ee.empty()) continue;
    double sum = 0, sum_abs = 0;
    for (double e : ee) {
      sum += e;
      sum_abs += std::abs(e);
    }
    const double count = static_cast<double>(ee.size());
    out.mu[i] = sum / count;
    out.mu_star[i] = sum_abs / count;
    double squares = 0;
    for (double e : ee) squares += (e - out.mu[i]) * (e - out.mu[i]);
    out.sigma[i] = ee.size() > 1 ? std::sqrt(squares / (count - 1)) : 0.0;
  }
  return out;
}

Matrix oat_design(std::size_t k) {
  Matrix out{1 + 2 * k, k, std::vector<double>((1 + 2 * k) * k, 0.5)};
  for (std::size_t i = 0; i < k; ++i) {
    out.values[(1 + 2 * i) * k + i] = 0.0;
    out.values[(2 + 2 * i) * k + i] = 1.0;
  }
  return out;
}

}  // namespace guarantor::sensitivity
