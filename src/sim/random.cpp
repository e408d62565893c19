// Variate transforms on Philox4x32-10. Algorithms: inversion for small means, Hörmann's PTRS
// (Poisson, 1993) and BTRS (binomial, 1993) transformed rejection for large ones, Box-Muller for
// the normal. All are exact in distribution; see docs/model/simulation.md §Engine.
#include "guarantor/sim/random.hpp"

#include <array>
#include <cmath>
#include <numbers>

namespace guarantor::sim {

DrawCounts& DrawCounts::operator+=(const DrawCounts& o) {
  uniforms += o.uniforms;
  exponentials += o.exponentials;
  poisson_small += o.poisson_small;
  poisson_large += o.poisson_large;
  binomials += o.binomials;
  normals += o.normals;
  return *this;
}

Stream::Stream(std::uint64_t seed, std::uint64_t replication, std::uint32_t purpose, DrawCounts* counts)
    : counts_(counts) {
  key_ = philox::key(seed);
  counter_ = {{0u, purpose, static_cast<std::uint32_t>(replication), static_cast<std::uint32_t>(replication >> 32)}};
}

double Stream::normal() {
  if (counts_) ++counts_->normals;
  if (has_spare_normal_) {
    has_spare_normal_ = false;
    return spare_normal_;
  }
  const double radius = std::sqrt(-2.0 * std::log(uniform()));
  const double angle = 2.0 * std::numbers::pi * uniform();
  spare_normal_ = radius * std::sin(angle);
  has_spare_normal_ = true;
  return radius * std::cos(angle);
}

std::uint64_t Stream::poisson(double mean) {
  if (!(mean > 0)) return 0;
  if (mean < 10) {
    if (counts_) ++counts_->poisson_small;
    return poisson_inversion(mean);
  }
  if (counts_) ++counts_->poisson_large;
  return poisson_ptrs(mean);
}

std::uint64_t Stream::poisson_inversion(double mean) {
  double probability = std::exp(-mean);
  double cumulative = probability;
  const double u = uniform();
  std::uint64_t k = 0;
  // The cap only matters when rounding leaves the cumulative sum a hair below u.
  while (u > cumulative && k < 1000) {
    ++k;
    probability *= mean / static_cast<double>(k);
    cumulative += probability;
  }
  return k;
}

std::uint64_t Stream::poisson_ptrs(double mean) {
  const double sqrt_mean = std::sqrt(mean);
  const double log_mean = std::log(mean);
  const double b = 0.931 + 2.53 * sqrt_mean;
  const double a = -0.059 + 0.02483 * b;
  const double inv_alpha = 1.1239 + 1.1328 / (b - 3.4);
  const double v_r = 0.9277 - 3.6224 / (b - 2);
  while (true) {
    const double u = uniform() - 0.5;
    const double v = uniform();
    const double us = 0.5 - std::fabs(u);
    const double k = std::floor((2 * a / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= v_r) return static_cast<std::uint64_t>(k);
    if (k < 0 || (us < 0.013 && v > us)) continue;
    const double lhs = std::log(v) + std::log(inv_alpha) - std::log(a / (us * us) + b);
    const double rhs = -mean + k * log_mean - log_factorial(static_cast<std::uint64_t>(k));
    if (lhs <= rhs) return static_cast<std::uint64_t>(k);
  }
}

std::uint64_t Stream::binomial(std::uint64_t n, double p) {
  if (n == 0 || !(p > 0)) return 0;
  if (p >= 1) return n;
  if (counts_) ++counts_->binomials;
  const bool flipped = p > 0.5;
  const double q = flipped ? 1 - p : p;
  const std::uint64_t k = static_cast<double>(n) * q < 10 ? binomial_inversion(n, q) : binomial_btrs(n, q);
  return flipped ? n - k : k;
}

std::uint64_t Stream::binomial_inversion(std::uint64_t n, double p) {
  const double q = 1 - p;
  const double ratio = p / q;
  double probability = std::pow(q, static_cast<double>(n));
  double cumulative = probability;
  const double u = uniform();
  std::uint64_t k = 0;
  while (u > cumulative && k < n) {
    probability *= ratio * static_cast<double>(n - k) / static_cast<double>(k + 1);
    ++k;
    cumulative += probability;
  }
  return k;
}

std::uint64_t Stream::binomial_btrs(std::uint64_t n, double p) {
  const double nd = static_cast<double>(n);
  const double q = 1 - p;
  const double spq = std::sqrt(nd * p * q);
  const double b = 1.15 + 2.53 * spq;
  const double a = -0.0873 + 0.0248 * b + 0.01 * p;
  const double c = nd * p + 0.5;
  const double v_r = 0.92 - 4.2 / b;
  const double alpha = (2.83 + 5.1 / b) * spq;
  const double log_odds = std::log(p / q);
  const double mode = std::floor((nd + 1) * p);
  const double h = log_factorial(static_cast<std::uint64_t>(mode)) + log_factorial(n - static_cast<std::uint64_t>(mode));
  while (true) {
    const double u = uniform() - 0.5;
    double v = uniform();
    const double us = 0.5 - std::fabs(u);
    const double k = std::floor((2 * a / us + b) * u + c);
    if (k < 0 || k > nd) continue;
    if (us >= 0.07 && v <= v_r) return static_cast<std::uint64_t>(k);
    v = std::log(v * alpha / (a / (us * us) + b));
    const auto ki = static_cast<std::uint64_t>(k);
    if (v <= h - log_factorial(ki) - log_factorial(n - ki) + (k - mode) * log_odds) return ki;
  }
}

std::size_t Stream::categorical(const double* weights, std::size_t n, double total) {
  if (n == 0) return 0;
  return categorical_index(uniform(), weights, n, total);
}

std::size_t categorical_index(double u, const double* weights, std::size_t n, double total) {
  if (n == 0) return 0;
  double target = u * total;
  for (std::size_t i = 0; i + 1 < n; ++i) {
    if (target < weights[i]) return i;
    target -= weights[i];
  }
  return n - 1;
}

namespace {
constexpr std::size_t kTabulated = 256;

std::array<double, kTabulated> make_log_factorials() {
  std::array<double, kTabulated> table{};
  table[0] = 0;
  for (std::size_t k = 1; k < kTabulated; ++k) table[k] = table[k - 1] + std::log(static_cast<double>(k));
  return table;
}
}  // namespace

double log_factorial(std::uint64_t k) {
  static const std::array<double, kTabulated> table = make_log_factorials();  // immutable after init
  if (k < kTabulated) return table[k];
  const double x = static_cast<double>(k) + 1;  // ln k! = ln Γ(x), Stirling series
  const double inv = 1 / x;
  const double inv2 = inv * inv;
  return (x - 0.5) * std::log(x) - x + 0.5 * std::log(2 * std::numbers::pi) +
         inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 / 1260));
}

std::uint32_t stable_id(const char* text) {
  std::uint32_t hash = 2166136261u;
  for (const char* c = text; *c; ++c) {
    hash ^= static_cast<unsigned char>(*c);
    hash *= 16777619u;
  }
  return hash;
}

}  // namespace guarantor::sim
