// Designs: shapes, the AB construction, low discrepancy, and determinism keyed by the seed.
#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "guarantor/sensitivity/design.hpp"

namespace guarantor::sensitivity {
namespace {

TEST(Design, SaltelliShapesAndABColumns) {
  const SaltelliDesign d = saltelli_design(64, 5, 11);
  ASSERT_EQ(d.a.rows, 64u);
  ASSERT_EQ(d.a.cols, 5u);
  ASSERT_EQ(d.ab.size(), 5u);
  for (std::size_t i = 0; i < 5; ++i)
    for (std::size_t r = 0; r < 64; ++r)
      for (std::size_t c = 0; c < 5; ++c) EXPECT_EQ(d.ab[i].at(r, c), c == i ? d.b.at(r, c) : d.a.at(r, c));
  for (double v : d.a.values) {
    EXPECT_GE(v, 0.0);
    EXPECT_LT(v, 1.0);
  }
  const Matrix stacked = stacked_points(d);
  EXPECT_EQ(stacked.rows, 64u * 7);
  EXPECT_EQ(stacked.at(64 + 3, 2), d.b.at(3, 2));
  EXPECT_EQ(stacked.at(64 * 4 + 5, 1), d.ab[2].at(5, 1));
}

TEST(Design, SameSeedSameBitsOtherSeedOtherDesign) {
  for (const Randomisation how : {Randomisation::owen, Randomisation::digital_shift}) {
    const SaltelliDesign one = saltelli_design(128, 4, 2026, how), two = saltelli_design(128, 4, 2026, how);
    EXPECT_EQ(one.a.values, two.a.values);
    EXPECT_EQ(one.b.values, two.b.values);
    const SaltelliDesign other = saltelli_design(128, 4, 2027, how);
    std::size_t equal = 0;
    for (std::size_t i = 0; i < other.a.values.size(); ++i) equal += other.a.values[i] == one.a.values[i];
    EXPECT_EQ(equal, 0u) << "a different seed must move every coordinate";
  }
  EXPECT_NE(saltelli_design(16, 2, 1).a.values, saltelli_design(16, 2, 1, Randomisation::digital_shift).a.values);
}

// A randomised Sobol' net: with n = 2^m, every one of the 2^m equal intervals of each coordinate
// holds exactly one point (stratification), which plain random sampling almost never does. Both
// randomisations preserve it; keeping the first (origin) point is what makes it exact.
TEST(Design, EveryCoordinateIsStratified) {
  for (const Randomisation how : {Randomisation::owen, Randomisation::digital_shift}) {
    const Matrix points = sobol_points(256, 6, 99, how);
    for (std::size_t c = 0; c < 6; ++c) {
      std::set<int> cells;
      for (std::size_t r = 0; r < 256; ++r) cells.insert(static_cast<int>(std::floor(points.at(r, c) * 256)));
      EXPECT_EQ(cells.size(), 256u) << "dimension " << c;
    }
  }
}

// Two-dimensional stratification of a (t, m, 2)-net for the first two Sobol' dimensions (t = 0):
// every 1/16 x 1/16 cell holds one of 256 points. Owen scrambling keeps it.
TEST(Design, FirstTwoDimensionsFormANet) {
  const Matrix points = sobol_points(256, 2, 5);
  std::set<int> cells;
  for (std::size_t r = 0; r < 256; ++r)
    cells.insert(static_cast<int>(points.at(r, 0) * 16) * 16 + static_cast<int>(points.at(r, 1) * 16));
  EXPECT_EQ(cells.size(), 256u);
}

TEST(Design, ScrambledPointsAverageToOneHalf) {
  // An unbiased randomisation: the mean of each coordinate over many seeds is 1/2.
  double sum = 0;
  const int seeds = 400;
  for (int s = 0; s < seeds; ++s) sum += sobol_points(1, 3, static_cast<std::uint64_t>(s)).at(0, 2);
  EXPECT_NEAR(sum / seeds, 0.5, 4 * std::sqrt(1.0 / 12 / seeds));
}

TEST(Design, OneAtATime) {
  const Matrix d = oat_design(3);
  ASSERT_EQ(d.rows, 7u);
  for (std::size_t c = 0; c < 3; ++c) EXPECT_EQ(d.at(0, c), 0.5);
  EXPECT_EQ(d.at(3, 1), 0.0);
  EXPECT_EQ(d.at(4, 1), 1.0);
  EXPECT_EQ(d.at(4, 0), 0.5);
  EXPECT_EQ(d.at(4, 2), 0.5);
}

TEST(Design, BadSizesAreRejected) {
  EXPECT_THROW(saltelli_design(1, 3, 0), std::invalid_argument);
  EXPECT_THROW(saltelli_design(8, 0, 0), std::invalid_argument);
  EXPECT_THROW(morris_design(3, 4, 3, 0), std::invalid_argument);
}

}  // namespace
}  // namespace guarantor::sensitivity
