// Morris elementary effects: exact on a linear function; the design's grid and steps.
#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "guarantor/sensitivity/design.hpp"
#include "guarantor/sensitivity/indices.hpp"
#include "guarantor/sensitivity/test_functions.hpp"

namespace guarantor::sensitivity {
namespace {

std::vector<double> evaluate(const Matrix& points, double (*f)(const double*)) {
  std::vector<double> y;
  for (std::size_t r = 0; r < points.rows; ++r) y.push_back(f(points.row(r)));
  return y;
}

double linear(const double* x) { return 3 * x[0] - 2 * x[1] + 0 * x[2] + 0.5 * x[3]; }

TEST(Morris, LinearFunctionGivesItsCoefficients) {
  for (const std::size_t levels : {2u, 4u, 6u}) {
    const MorrisDesign design = morris_design(4, 20, levels, 31);
    const MorrisEffects e = morris_effects(design, evaluate(design.points, linear));
    const double c[] = {3, -2, 0, 0.5};
    for (int i = 0; i < 4; ++i) {
      EXPECT_NEAR(e.mu_star[i], std::abs(c[i]), 1e-12) << "levels " << levels << " input " << i;
      EXPECT_NEAR(e.mu[i], c[i], 1e-12);
      EXPECT_NEAR(e.sigma[i], 0.0, 1e-12);
    }
    EXPECT_EQ(e.mu_star[2], 0.0) << "an input that does not enter";
  }
}

TEST(Morris, DesignMovesOneInputByDeltaOnTheGrid) {
  const std::size_t k = 5, levels = 4;
  const MorrisDesign design = morris_design(k, 10, levels, 7);
  const double delta = morris_delta(levels);
  EXPECT_DOUBLE_EQ(delta, 2.0 / 3.0);
  ASSERT_EQ(design.points.rows, 10 * (k + 1));
  std::set<double> grid{0.0, 1.0 / 3, 2.0 / 3, 1.0};
  for (double v : design.points.values) EXPECT_TRUE(grid.count(v)) << v;
  for (std::size_t t = 0; t < 10; ++t) {
    std::set<std::size_t> moved;
    for (std::size_t s = 0; s < k; ++s) {
      const std::size_t row = t * (k + 1) + s;
      for (std::size_t c = 0; c < k; ++c) {
        const double dx = design.points.at(row + 1, c) - design.points.at(row, c);
        if (dx == 0) continue;
        EXPECT_NEAR(std::abs(dx), delta, 1e-15);
        moved.insert(c);
      }
    }
    EXPECT_EQ(moved.size(), k) << "every input moves once in a trajectory";
  }
}

TEST(Morris, IshigamiRanksX3AboveZeroThroughInteraction) {
  // x3 has S1 = 0 but interacts with x1: its mu_star and sigma are positive.
  const MorrisDesign design = morris_design(3, 50, 4, 12);
  const MorrisEffects e = morris_effects(design, evaluate(design.points, [](const double* u) { return ishigami(u); }));
  EXPECT_GT(e.mu_star[2], 0.5);
  EXPECT_GT(e.sigma[2], 0.5);
}

TEST(Morris, SameSeedSameDesign) {
  EXPECT_EQ(morris_design(6, 8, 4, 1).points.values, morris_design(6, 8, 4, 1).points.values);
  EXPECT_NE(morris_design(6, 8, 4, 1).points.values, morris_design(6, 8, 4, 2).points.values);
}

}  // namespace
}  // namespace guarantor::sensitivity
