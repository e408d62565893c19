// The coverage index (see coverage.hpp for why its answers are exact) and the cell grid.
#include "guarantor/geo/coverage.hpp"

#include <numbers>
#include <memory>
#include <GeographicLib/Geocentric.hpp>
#include <GeographicLib/Geodesic.hpp>
#include <GeographicLib/Math.hpp>
#include <GeographicLib/PolygonArea.hpp>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>

namespace guarantor::geo {
namespace {

constexpr double kDegree = std::numbers::pi / 180.0;
constexpr double kEquatorialRadiusM = 6378137.0;
constexpr double kEccentricitySquared = 0.00669437999014;
// km in one degree of latitude is never less than this (meridional radius at the equator).
constexpr double kMinKmPerDegreeLat = kMinCurvatureRadiusM / 1000.0 * kDegree;

// Radius of the parallel at latitude phi, km: N(phi) cos(phi).
double parallel_radius_km(double lat_deg) {
  const double s = std::sin(lat_deg * kDegree);
  return kEquatorialRadiusM / std::sqrt(1 - kEccentricitySquared * s * s) * std::cos(lat_deg * kDegree) / 1000.0;
}

// Earth-centred coordinates of many points, the same numbers as Geocentric::Forward gives point by
// point (its formula: GeographicLib's Geocentric::IntForward with h = 0, M = null), with the sines
// and cosines of a latitude or longitude shared by the points that have it: a grid's cells repeat
// one latitude per row and one longitude per column. Each new latitude's first point is checked
// bit for bit against Geocentric::Forward; on any mismatch (a GeographicLib built differently)
// every point is computed with Geocentric::Forward instead.
class GeocentricBatch {
 public:
  GeocentricBatch() {
    const GeographicLib::Geocentric& earth = GeographicLib::Geocentric::WGS84();
    a_ = earth.EquatorialRadius();
    const double f = earth.Flattening();
    e2_ = f * (2 - f);                     // as Geocentric's constructor
    e2m_ = GeographicLib::Math::sq(1 - f);
  }

  // False when the shared-trigonometry formula disagreed with Geocentric::Forward.
  bool forward(const LatLon& p, double xyz[3]) {
    const std::uint64_t lat_bits = std::bit_cast<std::uint64_t>(p.lat);
    bool check = false;
    if (!have_lat_ || lat_bits != lat_bits_) {
      GeographicLib::Math::sincosd(GeographicLib::Math::LatFix(p.lat), sphi_, cphi_);
      n_ = a_ / std::sqrt(1 - e2_ * GeographicLib::Math::sq(sphi_));
      lat_bits_ = lat_bits, have_lat_ = true, check = true;
    }
    const std::uint64_t lon_bits = std::bit_cast<std::uint64_t>(p.lon);
    const std::size_t slot = static_cast<std::size_t>((lon_bits ^ (lon_bits >> 29)) * 0x9E3779B97F4A7C15ULL >> 52) & (kSlots - 1);
    if (!lon_used_[slot] || lon_keys_[slot] != lon_bits) {
      double slam = 0, clam = 0;
      GeographicLib::Math::sincosd(p.lon, slam, clam);
      lon_used_[slot] = true, lon_keys_[slot] = lon_bits, sin_lon_[slot] = slam, cos_lon_[slot] = clam;
    }
    const double h = 0;
    xyz[2] = (e2m_ * n_ + h) * sphi_;
    double x = (n_ + h) * cphi_;
    xyz[1] = x * sin_lon_[slot];
    x *= cos_lon_[slot];
    xyz[0] = x;
    if (!check) return true;
    double ref[3];
    GeographicLib::Geocentric::WGS84().Forward(p.lat, p.lon, 0.0, ref[0], ref[1], ref[2]);
    return std::bit_cast<std::uint64_t>(ref[0]) == std::bit_cast<std::uint64_t>(xyz[0]) &&
           std::bit_cast<std::uint64_t>(ref[1]) == std::bit_cast<std::uint64_t>(xyz[1]) &&
           std::bit_cast<std::uint64_t>(ref[2]) == std::bit_cast<std::uint64_t>(xyz[2]);
  }

 private:
  static constexpr std::size_t kSlots = 4096;
  double a_ = 0, e2_ = 0, e2m_ = 0;
  bool have_lat_ = false;
  std::uint64_t lat_bits_ = 0;
  double sphi_ = 0, cphi_ = 0, n_ = 0;
  std::array<bool, kSlots> lon_used_{};
  std::array<std::uint64_t, kSlots> lon_keys_{};
  std::array<double, kSlots> sin_lon_{}, cos_lon_{};
};

}  // namespace

void PointIndex::to_xyz(const LatLon& p, double xyz[3]) {
  GeographicLib::Geocentric::WGS84().Forward(p.lat, p.lon, 0.0, xyz[0], xyz[1], xyz[2]);
}

PointIndex::PointIndex(std::vector<LatLon> points, double bucket_deg) : points_(std::move(points)), bucket_deg_(bucket_deg) {
  if (points_.empty()) return;
  double north = -90, east = -180;
  south_ = 90, west_ = 180;
  for (const auto& p : points_) {
    south_ = std::min(south_, p.lat), north = std::max(north, p.lat);
    west_ = std::min(west_, p.lon), east = std::max(east, p.lon);
  }
  rows_ = static_cast<int>((north - south_) / bucket_deg_) + 1;
  cols_ = static_cast<int>((east - west_) / bucket_deg_) + 1;
  std::vector<std::uint32_t> bucket_of(points_.size());
  bucket_start_.assign(static_cast<std::size_t>(rows_) * cols_ + 1, 0);
  for (std::size_t i = 0; i < points_.size(); ++i) {
    const int row = std::min(rows_ - 1, static_cast<int>((points_[i].lat - south_) / bucket_deg_));
    const int col = std::min(cols_ - 1, static_cast<int>((points_[i].lon - west_) / bucket_deg_));
    bucket_of[i] = static_cast<std::uint32_t>(row * cols_ + col);
    ++bucket_start_[bucket_of[i] + 1];
  }
  for (std::size_t b = 1; b < bucket_start_.size(); ++b) bucket_start_[b] += bucket_start_[b - 1];
  order_.resize(points_.size());
  std::vector<std::uint32_t> next(bucket_start_.begin(), bucket_start_.end() - 1);
  for (std::size_t i = 0; i < points_.size(); ++i) order_[next[bucket_of[i]]++] = static_cast<std::uint32_t>(i);
  xyz_.resize(points_.size() * 3);
  auto batch = std::make_unique<GeocentricBatch>();
  bool same = true;
  for (std::size_t i = 0; i < points_.size() && same; ++i) same = batch->forward(points_[i], &xyz_[3 * i]);
  if (!same) {
    for (std::size_t i = 0; i < points_.size(); ++i) to_xyz(points_[i], &xyz_[3 * i]);
  }
}

PointIndex::Box PointIndex::box_of(const Disc& disc) const {
  const double dlat = disc.radius_km / kMinKmPerDegreeLat;
  const double lat_lo = std::max(-90.0, disc.centre.lat - dlat), lat_hi = std::min(90.0, disc.centre.lat + dlat);
  const double poleward = std::max(std::abs(lat_lo), std::abs(lat_hi));
  // Any point within r stays inside the latitude band, where a degree of longitude is at least the
  // parallel's length at the band's poleward edge.
  const double parallel_km = parallel_radius_km(std::min(poleward, 89.9)) * kDegree;
  const double dlon = std::min(180.0, disc.radius_km / parallel_km);
  Box box;
  box.row0 = std::max(0, static_cast<int>(std::floor((lat_lo - south_) / bucket_deg_)));
  box.row1 = std::min(rows_ - 1, static_cast<int>(std::floor((lat_hi - south_) / bucket_deg_)));
  box.col0 = std::max(0, static_cast<int>(std::floor((disc.centre.lon - dlon - west_) / bucket_deg_)));
  box.col1 = std::min(cols_ - 1, static_cast<int>(std::floor((disc.centre.lon + dlon - west_) / bucket_deg_)));
  return box;
}

bool PointIndex::within(std::size_t i, const Disc& disc, const double c[3], double chord_in_m, double chord_out_m,
                        CoverageStats* stats) const {
  const double dx = xyz_[3 * i] - c[0], dy = xyz_[3 * i + 1] - c[1], dz = xyz_[3 * i + 2] - c[2];
  const double chord2 = dx * dx + dy * dy + dz * dz;
  if (stats) ++stats->candidates;
  if (chord2 > chord_out_m * chord_out_m) return false;
  if (chord2 <= chord_in_m * chord_in_m) return true;
  if (stats) ++stats->geodesic_calls;
  return distance_km(points_[i], disc.centre) <= disc.radius_km;
}

std::vector<std::uint8_t> PointIndex::covered(const std::vector<Disc>& discs, CoverageStats* stats) const {
  // A point already covered needs no test against the later discs.
  std::vector<std::uint8_t> out(points_.size(), 0);
  for (const auto& disc : discs) {
    if (points_.empty() || disc.radius_km <= 0) continue;
    double centre[3];
    to_xyz(disc.centre, centre);
    const double r_m = disc.radius_km * 1000.0;
    const double chord_in = 2.0 * kMinCurvatureRadiusM * std::sin(std::min(r_m / (2.0 * kMinCurvatureRadiusM), 1.5));
    const Box box = box_of(disc);
    for (int row = box.row0; row <= box.row1; ++row) {
      for (int col = box.col0; col <= box.col1; ++col) {
        const std::size_t b = static_cast<std::size_t>(row) * cols_ + col;
        for (std::uint32_t k = bucket_start_[b]; k < bucket_start_[b + 1]; ++k) {
          const std::uint32_t i = order_[k];
          if (!out[i] && within(i, disc, centre, chord_in, r_m, stats)) out[i] = 1;
        }
      }
    }
  }
  return out;
}

std::vector<std::uint8_t> covered_brute_force(const std::vector<LatLon>& points, const std::vector<Disc>& discs) {
  std::vector<std::uint8_t> out(points.size(), 0);
  for (std::size_t i = 0; i < points.size(); ++i) {
    for (const auto& disc : discs) {
      if (distance_km(points[i], disc.centre) <= disc.radius_km) {
        out[i] = 1;
        break;
      }
    }
  }
  return out;
}

int Grid::row_of(std::size_t cell) const {
  const LatLon& p = centres[cell];
  return std::clamp(static_cast<int>((p.lat - south) / dlat_deg), 0, rows - 1);
}

std::int32_t Grid::cell_containing(const LatLon& p) const {
  const int row = static_cast<int>(std::floor((p.lat - south) / dlat_deg));
  const int col = static_cast<int>(std::floor((p.lon - west) / dlon_deg));
  if (row < 0 || row >= rows || col < 0 || col >= cols) return -1;
  return cell_at[static_cast<std::size_t>(row) * cols + col];
}

Grid make_grid(const std::vector<Ring>& rings, double resolution_km) {
  Grid grid;
  double north = -90, east = -180;
  grid.south = 90, grid.west = 180;
  for (const auto& ring : rings) {
    for (const auto& p : ring) {
      grid.south = std::min(grid.south, p.lat), north = std::max(north, p.lat);
      grid.west = std::min(grid.west, p.lon), east = std::max(east, p.lon);
    }
  }
  if (north < grid.south || resolution_km <= 0) return grid;
  const double mid = (grid.south + north) / 2;
  const GeographicLib::Geodesic& wgs84 = GeographicLib::Geodesic::WGS84();
  double lat2 = 0, lon2 = 0;
  wgs84.Direct(mid, grid.west, 0.0, resolution_km * 1000.0, lat2, lon2);
  grid.dlat_deg = lat2 - mid;
  wgs84.Direct(mid, grid.west, 90.0, resolution_km * 1000.0, lat2, lon2);
  grid.dlon_deg = lon2 - grid.west;
  grid.rows = static_cast<int>(std::ceil((north - grid.south) / grid.dlat_deg));
  grid.cols = static_cast<int>(std::ceil((east - grid.west) / grid.dlon_deg));
  grid.cell_at.assign(static_cast<std::size_t>(grid.rows) * grid.cols, -1);
  grid.row_area_km2.resize(grid.rows);
  std::vector<double> crossings;
  for (int row = 0; row < grid.rows; ++row) {
    const double lat = grid.south + (row + 0.5) * grid.dlat_deg;
    const double s = grid.south + row * grid.dlat_deg;
    grid.row_area_km2[row] = area_km2({{s, 0}, {s, grid.dlon_deg}, {s + grid.dlat_deg, grid.dlon_deg}, {s + grid.dlat_deg, 0}});
    // Scanline: where the row's centre latitude crosses the rings' edges; even-odd fill between.
    crossings.clear();
    for (const auto& ring : rings) {
      for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const LatLon& a = ring[i];
        const LatLon& b = ring[j];
        if ((a.lat > lat) != (b.lat > lat)) crossings.push_back(a.lon + (lat - a.lat) * (b.lon - a.lon) / (b.lat - a.lat));
      }
    }
    std::sort(crossings.begin(), crossings.end());
    for (std::size_t k = 0; k + 1 < crossings.size(); k += 2) {
      const int col0 = std::max(0, static_cast<int>(std::ceil((crossings[k] - grid.west) / grid.dlon_deg - 0.5)));
      const int col1 = std::min(grid.cols - 1, static_cast<int>(std::floor((crossings[k + 1] - grid.west) / grid.dlon_deg - 0.5)));
      for (int col = col0; col <= col1; ++col) {
        grid.cell_at[static_cast<std::size_t>(row) * grid.cols + col] = static_cast<std::int32_t>(grid.centres.size());
        grid.centres.push_back({lat, grid.west + (col + 0.5) * grid.dlon_deg});
      }
    }
  }
  // row_of is non-decreasing along the cells (their latitude is): one pass finds each row's first.
  grid.row_first.assign(static_cast<std::size_t>(grid.rows) + 1, grid.centres.size());
  for (std::size_t cell = grid.centres.size(); cell-- > 0;) grid.row_first[grid.row_of(cell)] = cell;
  for (int row = grid.rows; row-- > 0;) grid.row_first[row] = std::min(grid.row_first[row], grid.row_first[row + 1]);
  return grid;
}

}  // namespace guarantor::geo
