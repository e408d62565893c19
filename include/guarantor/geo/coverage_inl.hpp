#pragma once
// Template part of coverage.hpp.
#include <cmath>

namespace guarantor::geo {

// Smallest radius of curvature of the WGS84 ellipsoid (meridional, at the equator): a (1 - e²).
inline constexpr double kMinCurvatureRadiusM = 6378137.0 * (1.0 - 0.00669437999014);

template <typename Visit>
void PointIndex::for_each_in(const Disc& disc, Visit visit, CoverageStats* stats) const {
  if (points_.empty() || disc.radius_km <= 0) return;
  double centre[3];
  to_xyz(disc.centre, centre);
  const double r_m = disc.radius_km * 1000.0;
  const double chord_out = r_m;
  const double chord_in = 2.0 * kMinCurvatureRadiusM * std::sin(std::min(r_m / (2.0 * kMinCurvatureRadiusM), 1.5));
  const Box box = box_of(disc);
  for (int row = box.row0; row <= box.row1; ++row) {
    for (int col = box.col0; col <= box.col1; ++col) {
      const std::size_t b = static_cast<std::size_t>(row) * cols_ + col;
      for (std::uint32_t k = bucket_start_[b]; k < bucket_start_[b + 1]; ++k) {
        const std::uint32_t i = order_[k];
        if (within(i, disc, centre, chord_in, chord_out, stats)) visit(static_cast<std::size_t>(i));
      }
    }
  }
}

}  // namespace guarantor::geo
