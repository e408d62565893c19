#pragma once
// Sample designs for global sensitivity analysis, all on the unit cube: the caller maps a
// coordinate u in [0, 1] to its parameter's plausible range. Every design is a pure function of
// its arguments and its seed (no global state), so the same call gives the same bits on any
// machine and thread count. Sizes outside the documented preconditions are programming errors
// and throw std::invalid_argument: front ends validate user input (--samples, ...) first.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace guarantor::sensitivity {

// Rows of points in the unit cube, row-major: values[r * cols + c].
struct Matrix {
  std::size_t rows = 0, cols = 0;
  std::vector<double> values;

  double at(std::size_t r, std::size_t c) const { return values[r * cols + c]; }
  const double* row(std::size_t r) const { return values.data() + r * cols; }
};

// How the Sobol' sequence is randomised (Boost.Random's `sobol` is deterministic).
enum class Randomisation {
  // Nested uniform (Owen 1995) scrambling: every bit of a coordinate is flipped or not by a
  // Philox draw keyed by the seed, the dimension and all the bits above it. Scrambled to a depth
  // of 32 bits; the 21 bits below (for a 53-bit double) are uniform draws keyed the same way.
  owen,
  // A random digital shift: every coordinate of a dimension XOR-ed with one 64-bit Philox word.
  digital_shift,
};

// The Sobol' points 0..n-1 (the first is the origin before randomisation) in `dimensions`
// dimensions, randomised under `seed`. Points are in [0, 1). Keeping the origin keeps the first
// 2^m points a (t, m, s)-net, the property that randomisation preserves (Owen 2022, "On dropping
// the first Sobol' point"); after scrambling it is a uniform random point like any other.
Matrix sobol_points(std::size_t n, std::size_t dimensions, std::uint64_t seed,
                    Randomisation randomisation = Randomisation::owen);

// Saltelli (2010) design: A and B are n x k, the first and last k columns of a 2k-dimensional
// randomised Sobol' sequence; ab[i] is A with column i taken from B. Same seed -> same bits.
// n should be a power of two (the net property); any n >= 2 is accepted. k <= 1833 (Boost's
// direction numbers cover 3667 dimensions).
struct SaltelliDesign {
  Matrix a, b;
  std::vector<Matrix> ab;
  std::size_t n = 0, k = 0;
  std::uint64_t seed = 0;
  Randomisation randomisation = Randomisation::owen;
};
SaltelliDesign saltelli_design(std::size_t n, std::size_t k, std::uint64_t seed,
                               Randomisation randomisation = Randomisation::owen);

// All n(k + 2) points of a Saltelli design stacked in the order A, B, AB[0], ..., AB[k-1] (the
// order OpenTURNS' SobolIndicesExperiment uses), for one evaluation pass and for export.
Matrix stacked_points(const SaltelliDesign& design);

// The outputs of the stacked points split back into y_a, y_b and y_ab[i].
struct SaltelliOutputs {
  std::vector<double> y_a, y_b;
  std::vector<std::vector<double>> y_ab;
};
SaltelliOutputs split_outputs(const std::vector<double>& stacked, std::size_t n, std::size_t k);

// Morris (1991) elementary-effects design: `trajectories` trajectories of k + 1 points on a grid
// of `levels` (p, even, >= 2) levels {0, 1/(p-1), ..., 1}, step delta = p / (2(p-1))
// (Campolongo et al. 2007). Each trajectory moves one input at a time in a random order, up or
// down at random. Rows: trajectory t occupies rows t(k+1) .. t(k+1)+k. Coordinates reach 1.
struct MorrisDesign {
  Matrix points;
  std::size_t k = 0, trajectories = 0, levels = 4;
};
MorrisDesign morris_design(std::size_t k, std::size_t trajectories, std::size_t levels, std::uint64_t seed);
double morris_delta(std::size_t levels);

// One-at-a-time design: row 0 the centre (all 0.5), then for each input i the rows 1 + 2i (input i
// at 0, the others at 0.5) and 2 + 2i (input i at 1).
Matrix oat_design(std::size_t k);

}  // namespace guarantor::sensitivity
