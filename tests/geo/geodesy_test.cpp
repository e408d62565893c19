// Distances against published WGS84 geodesics and closed forms; the radar horizon against the
// worked examples in planning_factors.md §4.
#include <cmath>
#include <limits>
#include <numbers>
#include <vector>
#include <gtest/gtest.h>

#include "guarantor/geo/geodesy.hpp"

namespace guarantor::geo {
namespace {

TEST(Geodesy, JfkToLondonMatchesGeographicLibsDocumentedExample) {
  // GeographicLib documentation (Geodesic::Inverse example): 40.6 -73.8 → 51.6 -0.5 is 5551.759400 km,
  // initial azimuth 51.198883°.
  EXPECT_NEAR(distance_km({40.6, -73.8}, {51.6, -0.5}), 5551.759400, 1e-6);
  EXPECT_NEAR(azimuth_deg({40.6, -73.8}, {51.6, -0.5}), 51.198883, 1e-6);
}

TEST(Geodesy, OneDegreeOfEquatorIsTheEquatorialRadiusTimesPiOver180) {
  const double expected = 6378.137 * std::numbers::pi / 180.0;  // the equator is a geodesic for short spans
  EXPECT_NEAR(distance_km({0, 0}, {0, 1}), expected, 1e-9);
}

TEST(Geodesy, QuarterMeridianOfWgs84) {
  // WGS84 quarter meridian: 10 001 965.729 m.
  EXPECT_NEAR(distance_km({0, 0}, {90, 0}), 10001.965729, 1e-6);
}

TEST(Geodesy, DirectInvertsInverse) {
  const LatLon kyiv{50.45, 30.5236}, lviv{49.8419, 24.0315};
  const LatLon back = destination(kyiv, azimuth_deg(kyiv, lviv), distance_km(kyiv, lviv));
  EXPECT_NEAR(back.lat, lviv.lat, 1e-9);
  EXPECT_NEAR(back.lon, lviv.lon, 1e-9);
}

TEST(Geodesy, DistanceToPolylineFindsTheFootOfThePerpendicular) {
  // From 1°N on the meridian 0.5°E to the equator segment 0°..1°E: one degree of meridian arc at the
  // equator, 110.574 km (WGS84 meridian arc 0..1°: 110 574.389 m).
  EXPECT_NEAR(distance_to_polyline_km({1, 0.5}, {{0, 0}, {0, 1}}), 110.574389, 2e-3);
  // Beyond the segment's end the nearest point is the end.
  EXPECT_NEAR(distance_to_polyline_km({0, 2}, {{0, 0}, {0, 1}}), 6378.137 * std::numbers::pi / 180.0, 1e-3);
}

TEST(Geodesy, LengthAndDensifyKeepTheGeodesic) {
  const std::vector<LatLon> line{{0, 0}, {0, 1}, {0, 3}};
  EXPECT_NEAR(length_km(line), 3 * 6378.137 * std::numbers::pi / 180.0, 1e-6);
  const auto dense = densify(line, 10.0);
  EXPECT_NEAR(length_km(dense), length_km(line), 1e-6);
  for (std::size_t i = 1; i < dense.size(); ++i) EXPECT_LE(distance_km(dense[i - 1], dense[i]), 10.0 + 1e-9);
}

TEST(Geodesy, CircleIsAtTheRadiusEverywhere) {
  for (const auto& p : geodesic_circle({48.5, 31.0}, 160.0, 36)) EXPECT_NEAR(distance_km({48.5, 31.0}, p), 160.0, 1e-6);
}

TEST(Geodesy, RadarHorizonMatchesPlanningFactorsExamples) {
  // planning_factors.md §4, 10 m mast: 50 m → 42 km, 100 m → 54 km, 500 m → 105 km, 3 km → 239 km, 10 km → 425 km.
  EXPECT_NEAR(radar_horizon_km(10, 50), 42, 0.5);
  EXPECT_NEAR(radar_horizon_km(10, 100), 54, 0.5);
  EXPECT_NEAR(radar_horizon_km(10, 500), 105, 0.5);
  EXPECT_NEAR(radar_horizon_km(10, 3000), 239, 0.5);
  EXPECT_NEAR(radar_horizon_km(10, 10000), 425, 0.5);
}

TEST(Geodesy, PolygonAreaOfAOneDegreeCellAtTheEquator) {
  // 1° × 1° at the equator on WGS84 ≈ 12 308.8 km² (a·π/180 × meridian arc, to 0.1%).
  EXPECT_NEAR(area_km2({{0, 0}, {0, 1}, {1, 1}, {1, 0}}), 111.319 * 110.574, 15.0);
}

TEST(Geodesy, DistanceToAPolylineIsTheLeastOfItsSegmentsExactly) {
  // The polyline search skips the segments it can bound away: the answer must still be the very
  // number the nearest segment's own search gives. A zigzag line of 30 vertices, points on both
  // sides, near and far, and right over a vertex.
  std::vector<LatLon> line;
  for (int k = 0; k < 30; ++k) line.push_back({46.5 + 0.13 * k, 31.5 + 0.2 * k + (k % 3 == 0 ? 0.15 : -0.05)});
  std::vector<LatLon> points{line[7], {48.0, 33.0}, {47.0, 36.0}, {50.45, 30.52}, {46.2, 31.4}, {52.0, 40.0}, {49.5, 35.2}};
  for (int k = 0; k < 20; ++k) points.push_back({45.5 + 0.27 * k, 29.0 + 0.61 * k});
  for (const auto& p : points) {
    double least = std::numeric_limits<double>::infinity();
    for (std::size_t i = 1; i < line.size(); ++i) least = std::min(least, distance_to_polyline_km(p, {line[i - 1], line[i]}));
    EXPECT_EQ(distance_to_polyline_km(p, line), least) << p.lat << " " << p.lon;
  }
}

TEST(Geodesy, CrossingsGiveInsidesAnswerAlongAParallel) {
  // A star-shaped ring with edges that cross a parallel several times.
  Ring ring;
  for (int k = 0; k < 24; ++k) {
    const double r = k % 2 == 0 ? 1.0 : 0.4, a = k * std::numbers::pi / 12;
    ring.push_back({48 + r * std::cos(a), 33 + 1.5 * r * std::sin(a)});
  }
  for (int row = 0; row < 41; ++row) {
    const double lat = 46.9 + 0.055 * row;
    const std::vector<double> crossings = crossings_at(ring, lat);
    for (int col = 0; col < 80; ++col) {
      const LatLon p{lat, 31.3 + 0.043 * col};
      EXPECT_EQ(inside_of_crossings(crossings, p.lon), inside(ring, p)) << p.lat << " " << p.lon;
    }
  }
  // A point right on a crossing longitude: inside() compares strictly, and so must the crossings.
  const std::vector<double> at = crossings_at(ring, 48.0);
  ASSERT_FALSE(at.empty());
  EXPECT_EQ(inside_of_crossings(at, at.front()), inside(ring, {48.0, at.front()}));
}

}  // namespace
}  // namespace guarantor::geo
