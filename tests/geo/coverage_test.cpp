// Coverage counts on tiny hand-built grids, and the index against the brute-force pass.
#include <gtest/gtest.h>

#include <cstdint>
#include <numeric>

#include "guarantor/geo/coverage.hpp"

namespace guarantor::geo {
namespace {

std::size_t count(const std::vector<std::uint8_t>& flags) { return std::accumulate(flags.begin(), flags.end(), std::size_t{0}); }

TEST(Coverage, PointsAlongTheEquator) {
  // Ten points 0.01° apart on the equator (1.113 km apart). A 5 km disc at the first reaches the
  // points 0..4 (4 × 1.113 = 4.45 km) but not 5 (5.57 km).
  std::vector<LatLon> points;
  for (int k = 0; k < 10; ++k) points.push_back({0, 0.01 * k});
  const PointIndex index(points);
  const auto covered = index.covered({{{0, 0}, 5.0}});
  EXPECT_EQ(count(covered), 5u);
  for (int k = 0; k < 10; ++k) EXPECT_EQ(covered[k], k <= 4 ? 1 : 0) << k;
}

TEST(Coverage, FiveByFiveGridAroundACentre) {
  // 0.01° spacing at the equator: E–W neighbours 1.113 km, N–S neighbours 1.106 km, diagonal
  // 1.569 km. A 1.2 km disc on the centre covers the centre and its 4 neighbours: 5 cells.
  std::vector<LatLon> points;
  for (int r = -2; r <= 2; ++r)
    for (int c = -2; c <= 2; ++c) points.push_back({0.01 * r, 0.01 * c});
  const PointIndex index(points);
  EXPECT_EQ(count(index.covered({{{0, 0}, 1.2}})), 5u);
  // 1.6 km adds the 4 diagonals; 2.3 km adds the 4 points two steps away on the axes (2.21–2.23 km).
  EXPECT_EQ(count(index.covered({{{0, 0}, 1.6}})), 9u);
  EXPECT_EQ(count(index.covered({{{0, 0}, 2.3}})), 13u);
  // Two discs: the union is counted once.
  EXPECT_EQ(count(index.covered({{{0, 0}, 1.2}, {{0, 0.01}, 1.2}})), 8u);
}

TEST(Coverage, IndexAgreesWithBruteForceIncludingBoundaryCases) {
  // A deterministic scatter of points over Ukraine and discs of many sizes; some points sit exactly
  // at a disc's radius (placed with Direct), where only the exact geodesic test can decide.
  std::vector<LatLon> points;
  std::uint64_t state = 12345;
  auto next = [&] { state = state * 6364136223846793005ULL + 1442695040888963407ULL; return (state >> 11) * 0x1.0p-53; };
  for (int i = 0; i < 5000; ++i) points.push_back({44.5 + 8 * next(), 22.5 + 17 * next()});
  std::vector<Disc> discs;
  for (int k = 0; k < 40; ++k) discs.push_back({{45 + 7 * next(), 23 + 16 * next()}, 3 + 200 * next()});
  for (int k = 0; k < 40; ++k) {
    points.push_back(destination(discs[k].centre, 9.0 * k, discs[k].radius_km * (1 - 1e-12)));
    points.push_back(destination(discs[k].centre, 9.0 * k, discs[k].radius_km * (1 + 1e-9)));
  }
  const PointIndex index(points);
  CoverageStats stats;
  EXPECT_EQ(index.covered(discs, &stats), covered_brute_force(points, discs));
  EXPECT_GT(stats.geodesic_calls, 0u);                 // the boundary points needed the exact test
  EXPECT_LT(stats.geodesic_calls, stats.candidates / 100);  // and almost nothing else did
}

TEST(Coverage, GridOfASquareHasTheExpectedCells) {
  // A 0.1° × 0.1° square at the equator at about 1 km: rows = ceil(0.1 / dlat), all cells inside.
  const Grid grid = make_grid({{{0, 0}, {0, 0.1}, {0.1, 0.1}, {0.1, 0}}}, 1.0);
  EXPECT_NEAR(grid.dlat_deg, 1.0 / 110.574, 1e-5);
  EXPECT_NEAR(grid.dlon_deg, 1.0 / 111.319, 1e-5);
  const int rows = static_cast<int>(std::ceil(0.1 / grid.dlat_deg)), cols = static_cast<int>(std::ceil(0.1 / grid.dlon_deg));
  EXPECT_EQ(grid.rows, rows);
  EXPECT_EQ(grid.cols, cols);
  // Cell centres beyond the square's edge (the last, partial row and column) are left out.
  int inside_rows = 0, inside_cols = 0;
  for (int r = 0; r < rows; ++r) inside_rows += (r + 0.5) * grid.dlat_deg < 0.1;
  for (int c = 0; c < cols; ++c) inside_cols += (c + 0.5) * grid.dlon_deg < 0.1;
  EXPECT_EQ(grid.size(), static_cast<std::size_t>(inside_rows * inside_cols));
  EXPECT_NEAR(grid.cell_area_km2(0), 1.0, 0.01);
  EXPECT_EQ(grid.cell_containing({0.05, 0.05}) >= 0, true);
  EXPECT_EQ(grid.cell_containing({0.5, 0.05}), -1);
}

TEST(Coverage, GridHonoursHoles) {
  // An outer square with a hole: even-odd fill leaves the hole empty.
  const Ring outer{{0, 0}, {0, 0.2}, {0.2, 0.2}, {0.2, 0}};
  const Ring hole{{0.05, 0.05}, {0.05, 0.15}, {0.15, 0.15}, {0.15, 0.05}};
  const Grid grid = make_grid({outer, hole}, 1.0);
  EXPECT_EQ(grid.cell_containing({0.1, 0.1}), -1);
  EXPECT_GE(grid.cell_containing({0.02, 0.1}), 0);
}

TEST(Coverage, IndexOfAOneKilometreGridAgreesWithBruteForce) {
  // A grid's cells share their latitude along a row and their longitude down a column (the index
  // reuses their sines and cosines): the index must still answer as the geodesic solver does.
  const Grid grid = make_grid({{{48.0, 30.0}, {48.0, 30.6}, {48.4, 30.6}, {48.4, 30.0}}}, 1.0);
  ASSERT_GT(grid.size(), 1000u);
  const PointIndex index(grid.centres);
  std::vector<Disc> discs{{{48.2, 30.3}, 12.0}, {{48.05, 30.1}, 3.3}, {{48.35, 30.55}, 7.0}};
  for (int k = 0; k < 8; ++k) discs.push_back({grid.centres[k * 97], 1.0 + 0.37 * k});
  EXPECT_EQ(index.covered(discs), covered_brute_force(grid.centres, discs));
}

TEST(Coverage, RowFirstListsEachRowsCells) {
  const Ring outer{{0, 0}, {0, 0.2}, {0.2, 0.2}, {0.2, 0}};
  const Ring hole{{0.05, 0.05}, {0.05, 0.15}, {0.15, 0.15}, {0.15, 0.05}};
  const Grid grid = make_grid({outer, hole}, 1.0);
  ASSERT_EQ(grid.row_first.size(), static_cast<std::size_t>(grid.rows) + 1);
  EXPECT_EQ(grid.row_first.front(), 0u);
  EXPECT_EQ(grid.row_first.back(), grid.size());
  for (int row = 0; row < grid.rows; ++row) {
    EXPECT_LE(grid.row_first[row], grid.row_first[row + 1]);
    for (std::size_t cell = grid.row_first[row]; cell < grid.row_first[row + 1]; ++cell) EXPECT_EQ(grid.row_of(cell), row);
  }
}

}  // namespace
}  // namespace guarantor::geo
