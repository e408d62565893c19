// bench_geo_coverage [EMITTERS] [BRUTE_STRIDE]: times the coverage of Ukraine's ~1 km grid by
// EMITTERS discs (default 300, radii 6–160 km as in the GBAD table of planning_factors.md §4)
// with the spatial index, and a brute-force pass (every cell against every disc with
// GeographicLib's Inverse) on every BRUTE_STRIDE-th cell (default 50), scaled to the full grid.
// Both run in the same process on the same data; the output is the ratio. One core.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <vector>

#include "guarantor/geo/coverage.hpp"
#include "guarantor/io/geo_data_io.hpp"

using namespace guarantor;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

template <typename F>
double best_of(int runs, F f) {
  double best = 1e300;
  for (int r = 0; r < runs; ++r) {
    const auto start = Clock::now();
    f();
    best = std::min(best, seconds_since(start));
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  const int emitters = argc > 1 ? std::atoi(argv[1]) : 300;
  const int stride = argc > 2 ? std::max(1, std::atoi(argv[2])) : 50;
  Diagnostics diagnostics;
  const auto world = io::load_world_data(std::string(GUARANTOR_SOURCE_DIR) + "/data/geo", diagnostics);
  if (!world || !world->find_country("UA")) {
    fmt::print(stderr, "cannot load data/geo\n");
    return 1;
  }
  std::vector<geo::Ring> rings;
  for (const auto& p : world->find_country("UA")->polygons) rings.push_back(p.outer);
  auto start = Clock::now();
  const geo::Grid grid = geo::make_grid(rings, 1.0);
  const double grid_s = seconds_since(start);
  start = Clock::now();
  const geo::PointIndex index(grid.centres);
  const double index_s = seconds_since(start);

  // Emitters at a deterministic scatter of grid cells; radii cycle through the §4 classes.
  const double radii[] = {6, 40, 100, 160};
  std::vector<geo::Disc> discs;
  std::uint64_t state = 2026;
  for (int k = 0; k < emitters; ++k) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    discs.push_back({grid.centres[(state >> 20) % grid.size()], radii[k % 4]});
  }

  std::vector<std::uint8_t> fast;
  geo::CoverageStats stats;
  const double fast_s = best_of(3, [&] { stats = {}; fast = index.covered(discs, &stats); });

  std::vector<LatLon> sample;
  std::vector<std::size_t> sample_cells;
  for (std::size_t i = 0; i < grid.size(); i += stride) sample.push_back(grid.centres[i]), sample_cells.push_back(i);
  start = Clock::now();
  const auto slow = geo::covered_brute_force(sample, discs);
  const double slow_sample_s = seconds_since(start);
  const double slow_s = slow_sample_s * static_cast<double>(grid.size()) / sample.size();
  std::size_t mismatches = 0, covered = 0;
  for (std::size_t k = 0; k < sample.size(); ++k) mismatches += slow[k] != fast[sample_cells[k]];
  for (auto f : fast) covered += f;

  fmt::print("coverage of Ukraine, {} cells of ~1 km (grid built in {:.3f} s, index in {:.3f} s), {} emitters\n", grid.size(),
             grid_s, index_s, emitters);
  fmt::print("  spatial index + chord bounds : {:8.3f} s  ({} candidate pairs, {} geodesic calls)\n", fast_s, stats.candidates,
             stats.geodesic_calls);
  fmt::print("  brute force (GeographicLib)  : {:8.3f} s  (measured on {} cells, 1 in {}, scaled)\n", slow_s, sample.size(), stride);
  fmt::print("  ratio brute / index          : {:8.0f} x\n", slow_s / fast_s);
  fmt::print("  covered cells {} ({:.1f}%); disagreements on the sample: {}\n", covered, 100.0 * covered / grid.size(), mismatches);
  return mismatches == 0 ? 0 : 2;
}
