// Sobol' indices: the estimators' formulas, and the N = 2^14 checks on closed forms.
#include <gtest/gtest.h>

#include <cmath>

#include "guarantor/sensitivity/test_functions.hpp"
#include "sensitivity/sobol_support.hpp"

namespace guarantor::sensitivity {
namespace {

using testing::estimate;

void print(const char* name, const SobolIndices& got, const AnalyticIndices& truth) {
  for (std::size_t i = 0; i < got.s1.size(); ++i)
    std::printf("%s x%zu: S1 %.4f [%.4f, %.4f] (analytic %.4f)  ST %.4f [%.4f, %.4f] (analytic %.4f)\n", name, i + 1,
                got.s1[i], got.s1_ci[i].low, got.s1_ci[i].high, truth.s1[i], got.st[i], got.st_ci[i].low,
                got.st_ci[i].high, truth.st[i]);
}

TEST(Sobol, FormulasOnAHandExample) {
  // n = 2, k = 1: y_A = (1, 3), y_B = (2, 4), y_AB = (2, 5).
  // Variance of (1, 3, 2, 4) = 1.25; V1 = (2 (2 - 1) + 4 (5 - 3)) / 2 = 5; VT = ((1-2)^2 + (3-5)^2) / 4 = 1.25.
  const SobolIndices got = sobol_indices({1, 3}, {2, 4}, {{2, 5}}, 0, 0);
  EXPECT_DOUBLE_EQ(got.variance, 1.25);
  EXPECT_DOUBLE_EQ(got.s1[0], 4.0);
  EXPECT_DOUBLE_EQ(got.st[0], 1.0);
  EXPECT_EQ(got.s1_ci[0].low, got.s1[0]);
}

TEST(Sobol, AdditiveFunction) {
  // y = u1 + 2 u2: no interaction, S = ST = (1/5, 4/5, 0).
  const SobolIndices got = estimate([](const double* u) { return u[0] + 2 * u[1]; }, 1024, 3, 3);
  EXPECT_NEAR(got.s1[0], 0.2, 0.01);
  EXPECT_NEAR(got.s1[1], 0.8, 0.01);
  EXPECT_NEAR(got.st[0], 0.2, 0.01);
  EXPECT_NEAR(got.st[1], 0.8, 0.01);
  EXPECT_EQ(got.st[2], 0.0) << "an input that does not enter changes no output";
  EXPECT_EQ(got.s1[2], 0.0);
}

TEST(Sobol, ConstantOutputHasNoIndices) {
  const SobolIndices got = estimate([](const double*) { return 7.0; }, 64, 2, 3);
  EXPECT_EQ(got.variance, 0.0);
  EXPECT_EQ(got.s1, (std::vector<double>{0, 0}));
  EXPECT_EQ(got.st, (std::vector<double>{0, 0}));
}

TEST(Sobol, IshigamiAtTwoToTheFourteen) {
  const AnalyticIndices truth = ishigami_indices(7, 0.1);
  const SobolIndices got = estimate([](const double* u) { return ishigami(u); }, 1 << 14, 3, 20260);
  print("ishigami 2^14", got, truth);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_NEAR(got.s1[i], truth.s1[i], 0.03) << "S" << i + 1;
    EXPECT_NEAR(got.st[i], truth.st[i], 0.03) << "ST" << i + 1;
    EXPECT_LE(got.s1_ci[i].low, got.s1[i]);
    EXPECT_GE(got.s1_ci[i].high, got.s1[i]);
  }
  EXPECT_GT(got.st[2], got.s1[2] + 0.15) << "x3 acts only through its interaction with x1";
}

TEST(Sobol, GFunctionAtTwoToTheFourteen) {
  const std::vector<double> a{0, 1, 4.5, 9, 99, 99, 99, 99};
  const AnalyticIndices truth = g_function_indices(a);
  const SobolIndices got = estimate([&a](const double* u) { return g_function(u, a); }, 1 << 14, 8, 77);
  print("g-function 2^14", got, truth);
  for (std::size_t i = 0; i < 8; ++i) {
    EXPECT_NEAR(got.s1[i], truth.s1[i], 0.03) << "S" << i + 1;
    EXPECT_NEAR(got.st[i], truth.st[i], 0.03) << "ST" << i + 1;
  }
  EXPECT_NEAR(got.st[0] - got.s1[0], truth.st[0] - truth.s1[0], 0.03);
}

TEST(Sobol, SameSeedSameIndicesBitForBit) {
  const auto f = [](const double* u) { return ishigami(u); };
  const SobolIndices one = estimate(f, 256, 3, 5), two = estimate(f, 256, 3, 5);
  EXPECT_EQ(one.s1, two.s1);
  EXPECT_EQ(one.st, two.st);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(one.s1_ci[i].low, two.s1_ci[i].low);
    EXPECT_EQ(one.st_ci[i].high, two.st_ci[i].high);
  }
  EXPECT_NE(one.s1, estimate(f, 256, 3, 6).s1);
}

TEST(Sobol, IntervalsNarrowWithMorePoints) {
  const auto f = [](const double* u) { return ishigami(u); };
  const SobolIndices small = estimate(f, 256, 3, 8), large = estimate(f, 4096, 3, 8);
  for (std::size_t i = 0; i < 3; ++i)
    EXPECT_LT(large.st_ci[i].high - large.st_ci[i].low, small.st_ci[i].high - small.st_ci[i].low);
}

// The percentile intervals take the nearest-rank order statistics of the bootstrap draws without
// sorting them all; pinned bit for bit to what sorting gave (101 resamples, 90%: ranks 6 and 96).
TEST(Sobol, PinnedBootstrapIntervals) {
  const std::vector<double> y_a{0.1, 0.9, 0.4, 0.7, 0.2, 0.5, 0.8, 0.3}, y_b{0.6, 0.2, 0.9, 0.1, 0.4, 0.7, 0.3, 0.8};
  const std::vector<std::vector<double>> y_ab{{0.5, 0.3, 0.8, 0.2, 0.4, 0.6, 0.35, 0.7},
                                              {0.1, 0.85, 0.45, 0.65, 0.25, 0.5, 0.75, 0.3}};
  const SobolIndices got = sobol_indices(y_a, y_b, y_ab, 101, 5, 0.9);
  EXPECT_EQ(got.s1[0], 0x1.4950d964388p+0);
  EXPECT_EQ(got.s1_ci[0].low, -0x1.b528fbd79c36cp-3);
  EXPECT_EQ(got.s1_ci[0].high, 0x1.5f1de4d2e3318p+1);
  EXPECT_EQ(got.st_ci[0].low, 0x1.d5a2cc8ed3d21p-1);
  EXPECT_EQ(got.st_ci[0].high, 0x1.5f3bdff0e9d78p+0);
  EXPECT_EQ(got.s1_ci[1].low, -0x1.453d9e2c776cdp-4);
  EXPECT_EQ(got.s1_ci[1].high, 0x1.d59ae78a9945fp-3);
  EXPECT_EQ(got.st_ci[1].low, 0x1.a16d3f97a4b03p-8);
  EXPECT_EQ(got.st_ci[1].high, 0x1.0000000000002p-6);
}

TEST(Sobol, BadShapesAreRejected) {
  EXPECT_THROW(sobol_indices({1, 2}, {1}, {{1, 2}}, 0, 0), std::invalid_argument);
  EXPECT_THROW(sobol_indices({1, 2}, {1, 2}, {{1}}, 0, 0), std::invalid_argument);
  EXPECT_THROW(sobol_indices({1, 2}, {1, 2}, {{1, 2}}, 10, 0, 1.5), std::invalid_argument);
}

}  // namespace
}  // namespace guarantor::sensitivity
