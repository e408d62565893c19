// PRIM recovers a known box on synthetic data (issue 13).
#include <gtest/gtest.h>

#include <cmath>

#include "guarantor/core/philox.hpp"
#include "guarantor/sensitivity/prim.hpp"

namespace guarantor::sensitivity {
namespace {

Matrix uniform_points(std::size_t n, std::size_t k, std::uint64_t seed) {
  Matrix x{n, k, std::vector<double>(n * k)};
  for (std::size_t i = 0; i < n * k; i += 2) {
    const philox::Block b = philox::block(seed, philox::Counter{{static_cast<std::uint32_t>(i), 0, 0, 0}});
    x.values[i] = philox::uniform_half_open(philox::bits53(b[0], b[1]));
    if (i + 1 < n * k) x.values[i + 1] = philox::uniform_half_open(philox::bits53(b[2], b[3]));
  }
  return x;
}

TEST(Prim, RecoversAKnownBox) {
  const Matrix x = uniform_points(5000, 5, 13);
  std::vector<bool> interest(x.rows);
  for (std::size_t r = 0; r < x.rows; ++r) interest[r] = x.at(r, 0) < 0.3 && x.at(r, 1) > 0.6;
  const PrimResult result = prim(x, interest);
  ASSERT_FALSE(result.boxes.empty()) << result.reason;
  const PrimBox& box = result.boxes.front();
  std::printf("box: x1 [%.3f, %.3f] x2 [%.3f, %.3f]; coverage %.3f density %.3f mass %.3f; %zu boxes\n",
              box.limits[0].low, box.limits[0].high, box.limits[1].low, box.limits[1].high, box.coverage, box.density,
              box.mass, result.boxes.size());
  EXPECT_NEAR(box.limits[0].high, 0.3, 0.05);
  EXPECT_NEAR(box.limits[1].low, 0.6, 0.05);
  EXPECT_EQ(box.restricted, (std::vector<std::size_t>{0, 1})) << "inputs 3..5 are unrestricted";
  EXPECT_GT(box.density, 0.9);
  EXPECT_GT(box.coverage, 0.9);
  EXPECT_NEAR(box.mass, 0.12, 0.02);
  EXPECT_GT(result.trajectory.size(), 10u);
  EXPECT_EQ(result.trajectory.front().mass, 1.0);
}

TEST(Prim, FindsTwoBoxesByCovering) {
  const Matrix x = uniform_points(6000, 3, 14);
  std::vector<bool> interest(x.rows);
  for (std::size_t r = 0; r < x.rows; ++r)
    interest[r] = (x.at(r, 0) < 0.25 && x.at(r, 1) < 0.5) || (x.at(r, 2) > 0.8 && x.at(r, 0) > 0.5);
  const PrimResult result = prim(x, interest);
  ASSERT_EQ(result.boxes.size(), 2u) << result.reason;
  double coverage = 0;
  for (const PrimBox& box : result.boxes) {
    EXPECT_GT(box.density, 0.85);
    coverage += box.coverage;
  }
  EXPECT_GT(coverage, 0.85);
}

TEST(Prim, NoStructureGivesAReason) {
  const Matrix x = uniform_points(2000, 3, 15);
  std::vector<bool> interest(x.rows);
  for (std::size_t r = 0; r < x.rows; ++r) interest[r] = r % 5 == 0;  // unrelated to x
  const PrimResult result = prim(x, interest);
  EXPECT_TRUE(result.boxes.empty());
  EXPECT_NE(result.reason.find("below the minimum"), std::string::npos) << result.reason;

  EXPECT_EQ(prim(x, std::vector<bool>(x.rows, false)).reason, "no point is of interest");
  EXPECT_FALSE(prim(x, std::vector<bool>(x.rows, true)).reason.empty());
}

TEST(Prim, WorksOnAnyBox) {
  // Inputs on [100, 200] and [-1, 1]: the box is reported in those units.
  Matrix x = uniform_points(4000, 2, 16);
  std::vector<bool> interest(x.rows);
  for (std::size_t r = 0; r < x.rows; ++r) {
    x.values[r * 2] = 100 + 100 * x.values[r * 2];
    x.values[r * 2 + 1] = -1 + 2 * x.values[r * 2 + 1];
    interest[r] = x.at(r, 0) > 170;
  }
  const PrimResult result = prim(x, interest);
  ASSERT_FALSE(result.boxes.empty());
  EXPECT_NEAR(result.boxes[0].limits[0].low, 170, 3);
  EXPECT_EQ(result.boxes[0].restricted, (std::vector<std::size_t>{0}));
}

// The peeling, pasting and lifting are computed from ranks and counts rather than by sorting
// and copying every candidate box; this pins the result on data with ties (every third value on
// a grid of 40) and label noise to what the plain sort-and-filter implementation gave, bit for bit.
TEST(Prim, PinnedResultOnTiedNoisyData) {
  Matrix x = uniform_points(3000, 6, 17);
  for (std::size_t i = 0; i < x.values.size(); i += 3) x.values[i] = std::floor(x.values[i] * 40) / 40;
  std::vector<bool> interest(x.rows);
  for (std::size_t r = 0; r < x.rows; ++r) {
    interest[r] = ((x.at(r, 0) < 0.3 && x.at(r, 1) > 0.6) || (x.at(r, 2) > 0.85 && x.at(r, 3) < 0.4)) != (r % 13 == 0);
  }
  const PrimResult result = prim(x, interest);
  ASSERT_EQ(result.boxes.size(), 1u) << result.reason;
  const PrimBox& box = result.boxes[0];
  EXPECT_EQ(box.restricted, (std::vector<std::size_t>{0, 1}));
  EXPECT_EQ(box.limits[0].low, 0x0p+0);
  EXPECT_EQ(box.limits[0].high, 0x1.e666666666666p-2);  // 0.475, a grid value
  EXPECT_EQ(box.limits[1].low, 0x1.2d37da9634096p-1);
  EXPECT_EQ(box.limits[1].high, 0x1.ffd544e8286fep-1);
  EXPECT_EQ(box.coverage, 0x1.1aa47d1aa47d2p-1);
  EXPECT_EQ(box.density, 0x1.2809b4c6f9efp-1);
  EXPECT_EQ(box.mass, 0x1.b020c49ba5e35p-3);
  ASSERT_EQ(result.trajectory.size(), 69u);
  EXPECT_EQ(result.trajectory.back().density, 0x1.b286bca1af287p-1);
}

}  // namespace
}  // namespace guarantor::sensitivity
