// The closed forms of the test functions against the published values
// (../shared/research/model_evidence_2.md §7, SALib's test_functions).
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "guarantor/sensitivity/test_functions.hpp"

namespace guarantor::sensitivity {
namespace {

TEST(Analytic, IshigamiMatchesTheResearchTable) {
  const AnalyticIndices ishigami = ishigami_indices();
  // §7 table, four decimals: S = 0.3139, 0.4424, 0; ST = 0.5576, 0.4424, 0.2437.
  EXPECT_NEAR(ishigami.s1[0], 0.3139, 5e-5);
  EXPECT_NEAR(ishigami.s1[1], 0.4424, 5e-5);
  EXPECT_EQ(ishigami.s1[2], 0.0);
  EXPECT_NEAR(ishigami.st[0], 0.5576, 5e-5);
  EXPECT_NEAR(ishigami.st[1], 0.4424, 5e-5);
  EXPECT_NEAR(ishigami.st[2], 0.2437, 5e-5);
}

TEST(Analytic, IshigamiVarianceDecompositionIsComplete) {
  // Only V1, V2 and V13 are non-zero, so S1 + S2 + S13 = 1 with S13 = ST3.
  const AnalyticIndices ishigami = ishigami_indices(5, 0.2);
  EXPECT_NEAR(ishigami.s1[0] + ishigami.s1[1] + ishigami.st[2], 1.0, 1e-12);
  EXPECT_NEAR(ishigami.st[0] - ishigami.s1[0], ishigami.st[2], 1e-12);
}

TEST(Analytic, IshigamiFunctionValues) {
  const double centre[] = {0.5, 0.5, 0.5};  // x = 0: f = 0
  EXPECT_NEAR(ishigami(centre), 0.0, 1e-12);
  const double u[] = {0.75, 0.75, 1.0};  // x1 = x2 = pi/2, x3 = pi: 1 + 7 + 0.1 pi^4
  EXPECT_NEAR(ishigami(u), 8 + 0.1 * std::pow(std::numbers::pi, 4), 1e-9);
}

TEST(Analytic, GFunctionMatchesTheResearchTable) {
  const AnalyticIndices g = g_function_indices({0, 1, 4.5, 9, 99, 99, 99, 99});
  // §7: S = 0.7162, 0.1790, 0.0237, 0.0072, 0.0001 x4; ST = 0.7871, 0.2422, 0.0343, 0.0105, 0.0001 x4.
  const double s1[] = {0.7162, 0.1790, 0.0237, 0.0072, 0.0001, 0.0001, 0.0001, 0.0001};
  const double st[] = {0.7871, 0.2422, 0.0343, 0.0105, 0.0001, 0.0001, 0.0001, 0.0001};
  for (int i = 0; i < 8; ++i) {
    EXPECT_NEAR(g.s1[i], s1[i], 1e-4) << i;
    EXPECT_NEAR(g.st[i], st[i], 1e-4) << i;
  }
  EXPECT_NEAR(g.st[0] - g.s1[0], 0.071, 1e-3);  // §7's second interaction check
}

TEST(Analytic, GFunctionValues) {
  const std::vector<double> a{0, 1};
  const double u[] = {0.0, 0.5};  // (|−2| + 0)/1 * (0 + 1)/2
  EXPECT_DOUBLE_EQ(g_function(u, a), 1.0);
}

}  // namespace
}  // namespace guarantor::sensitivity
