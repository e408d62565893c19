#pragma once
// Which points lie within reach of which emitters (air-defence fire units, airbases, sensors,
// hubs). A point is covered by a disc when its geodesic distance to the disc's centre is at most
// the radius. The index answers that exactly while calling the geodesic solver almost never:
//
//  * points are bucketed on a uniform lat/lon grid, so a disc visits only the buckets of its
//    bounding box (the spatial index);
//  * for each candidate the straight-line (chord) distance between the two points in Earth-centred
//    coordinates decides: a geodesic is never shorter than its chord, so chord > r means "out";
//    and a curve whose curvature is at most 1/R_min is at most 2 R_min asin(c / 2 R_min) long
//    (Schur's comparison theorem), so chord <= 2 R_min sin(r / 2 R_min) means "in". Only the
//    few points between the two bounds (a band a few metres wide) go to GeographicLib's Inverse.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "guarantor/geo/geodesy.hpp"

namespace guarantor::geo {

struct Disc {
  LatLon centre;
  double radius_km = 0;
};

struct CoverageStats {
  std::size_t candidates = 0;       // point-disc pairs the index visited
  std::size_t geodesic_calls = 0;   // pairs the chord bounds could not decide
};

class PointIndex {
 public:
  explicit PointIndex(std::vector<LatLon> points, double bucket_deg = 0.25);

  std::size_t size() const { return points_.size(); }
  const std::vector<LatLon>& points() const { return points_; }

  // Calls visit(i) for every point i within the disc (each once).
  template <typename Visit>
  void for_each_in(const Disc& disc, Visit visit, CoverageStats* stats = nullptr) const;

  // covered[i] = 1 when point i is within at least one disc.
  std::vector<std::uint8_t> covered(const std::vector<Disc>& discs, CoverageStats* stats = nullptr) const;

 private:
  struct Box {
    int row0, row1, col0, col1;
  };
  Box box_of(const Disc& disc) const;
  bool within(std::size_t i, const Disc& disc, const double centre_xyz[3], double chord_in_m, double chord_out_m,
              CoverageStats* stats) const;
  static void to_xyz(const LatLon& p, double xyz[3]);

  std::vector<LatLon> points_;
  std::vector<double> xyz_;            // Earth-centred coordinates, metres, 3 per point
  double south_ = 0, west_ = 0, bucket_deg_ = 0.25;
  int rows_ = 0, cols_ = 0;
  std::vector<std::uint32_t> bucket_start_;  // CSR: points of bucket b are order_[start[b] .. start[b+1])
  std::vector<std::uint32_t> order_;
};

// The baseline: every point against every disc with GeographicLib's Inverse (stops at the first
// disc that covers a point). Used by the tests and the benchmark to check the index.
std::vector<std::uint8_t> covered_brute_force(const std::vector<LatLon>& points, const std::vector<Disc>& discs);

// A regular lat/lon grid of cells whose centres lie inside a set of polygons (even-odd rule).
struct Grid {
  double south = 0, west = 0;    // corner of cell (0, 0)
  double dlat_deg = 0, dlon_deg = 0;
  int rows = 0, cols = 0;
  std::vector<LatLon> centres;          // cells inside, row-major order
  std::vector<std::int32_t> cell_at;    // rows × cols: index into centres, or -1 outside
  std::vector<double> row_area_km2;     // area of one cell in each row
  // rows + 1 entries: the cells c with row_of(c) == r are row_first[r] .. row_first[r + 1] - 1.
  std::vector<std::size_t> row_first;

  std::size_t size() const { return centres.size(); }
  int row_of(std::size_t cell) const;
  // Index of the cell containing p, or -1.
  std::int32_t cell_containing(const LatLon& p) const;
  double cell_area_km2(std::size_t cell) const { return row_area_km2[row_of(cell)]; }
};

// Cells of about `resolution_km` × `resolution_km` (the longitude step is set at the mid latitude).
Grid make_grid(const std::vector<Ring>& rings, double resolution_km);

}  // namespace guarantor::geo

#include "guarantor/geo/coverage_inl.hpp"
