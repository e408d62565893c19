// The variate transforms: moments against their closed forms, and counter-based addressing.
#include <gtest/gtest.h>

#include <cmath>

#include "guarantor/sim/random.hpp"

namespace guarantor::sim {
namespace {

constexpr int kDraws = 200000;

struct Moments {
  double mean = 0;
  double variance = 0;
};

template <typename Draw>
Moments moments(Draw draw) {
  double sum = 0;
  double sum_squares = 0;
  for (int i = 0; i < kDraws; ++i) {
    const double x = draw();
    sum += x;
    sum_squares += x * x;
  }
  const double mean = sum / kDraws;
  return {mean, sum_squares / kDraws - mean * mean};
}

// The sample mean lies within 5 standard errors of the true mean; the variance within 5 %.
void expect_moments(const Moments& m, double mean, double variance) {
  EXPECT_NEAR(m.mean, mean, 5 * std::sqrt(variance / kDraws));
  EXPECT_NEAR(m.variance, variance, 0.05 * variance);
}

TEST(Random, UniformIsOpenUnitInterval) {
  Stream s(1, 2, 3);
  for (int i = 0; i < 100000; ++i) {
    const double u = s.uniform();
    ASSERT_GT(u, 0.0);
    ASSERT_LT(u, 1.0);
  }
  expect_moments(moments([&] { return s.uniform(); }), 0.5, 1.0 / 12);
}

TEST(Random, ExponentialNormal) {
  Stream s(9, 0, 1);
  expect_moments(moments([&] { return s.exponential(); }), 1, 1);
  expect_moments(moments([&] { return s.normal(); }), 0, 1);
}

TEST(Random, PoissonSmallAndLargeMeans) {
  Stream s(5, 7, 11);
  for (double mean : {0.3, 3.0, 9.5, 10.0, 47.0, 600.0, 25000.0}) {
    SCOPED_TRACE(mean);
    expect_moments(moments([&] { return static_cast<double>(s.poisson(mean)); }), mean, mean);
  }
  EXPECT_EQ(s.poisson(0), 0u);
}

TEST(Random, BinomialBothBranches) {
  Stream s(5, 7, 12);
  for (auto [n, p] : {std::pair{20ull, 0.2}, std::pair{1000ull, 0.3}, std::pair{100000ull, 0.9}, std::pair{50ull, 0.5}}) {
    SCOPED_TRACE(n);
    const double nd = static_cast<double>(n);
    expect_moments(moments([&] { return static_cast<double>(s.binomial(n, p)); }), nd * p, nd * p * (1 - p));
  }
  EXPECT_EQ(s.binomial(10, 1.0), 10u);
  EXPECT_EQ(s.binomial(10, 0.0), 0u);
}

TEST(Random, StreamsAreAddressedByKeyNotHistory) {
  Stream a(123, 456, 7);
  Stream b(123, 456, 7);
  Stream other_rep(123, 457, 7);
  Stream other_purpose(123, 456, 8);
  const double first = a.uniform();
  EXPECT_EQ(first, b.uniform());
  EXPECT_NE(first, other_rep.uniform());
  EXPECT_NE(first, other_purpose.uniform());
}

TEST(Random, LogFactorialMatchesLgamma) {
  for (std::uint64_t k : {0ull, 1ull, 10ull, 255ull, 256ull, 1000ull, 123456ull}) {
    EXPECT_NEAR(log_factorial(k), std::lgamma(static_cast<double>(k) + 1), 1e-9 * (1 + static_cast<double>(k)));
  }
}

}  // namespace
}  // namespace guarantor::sim
