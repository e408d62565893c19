// The randomised Sobol' sequence behind the Saltelli design. Boost.Random supplies the base
// sequence (Joe-Kuo direction numbers, 64-bit, unscrambled in Boost 1.74); the randomisation is
// ours, keyed by the seed through Philox.

#include <boost/random/sobol.hpp>

#include <stdexcept>
#include <string>

#include "guarantor/sensitivity/design.hpp"
#include "keyed_random.hpp"

namespace guarantor::sensitivity {
namespace {

constexpr unsigned kScrambledBits = 32;  // Owen-scrambled depth; separates up to 2^32 points
constexpr std::size_t kMaxDimensions = BOOST_RANDOM_SOBOL_MAX_DIMENSION;

// Nested uniform scrambling of one coordinate: bit j (from the top) is flipped by a random bit
// that depends on the seed, the dimension, j and the j input bits above it, so the permutation
// of each dyadic interval is independent of every other (Owen 1995). The low bits, below the
// scrambled depth, are uniform draws keyed by the whole scrambled prefix.
std::uint64_t owen_scramble(std::uint64_t x, std::uint64_t seed, std::uint32_t dimension) {
  std::uint64_t out = 0;
  for (unsigned j = 0; j < kScrambledBits; ++j) {
    const auto prefix = static_cast<std::uint32_t>(j == 0 ? 0 : x >> (64 - j));
    const std::uint32_t flip = detail::keyed_block(seed, detail::Stream::owen, dimension, j, prefix)[0] & 1u;
    const std::uint64_t bit = (x >> (63 - j)) & 1u;
    out |= (bit ^ flip) << (63 - j);
  }
  const auto prefix = static_cast<std::uint32_t>(x >> (64 - kScrambledBits));
  const philox::Block low = detail::keyed_block(seed, detail::Stream::owen, dimension, kScrambledBits, prefix);
  return out | (low[1] & 0xFFFFFFFFu);
}

std::uint64_t digital_shift_word(std::uint64_t seed, std::uint32_t dimension) {
  const philox::Block block = detail::keyed_block(seed, detail::Stream::shift, dimension, 0, 0);
  return detail::join(block[0], block[1]);
}

// The top 53 bits as a double in [0, 1).
double to_unit(std::uint64_t bits) { return philox::uniform_half_open(bits >> 11); }

}  // namespace

Matrix sobol_points(std::size_t n, std::size_t dimensions, std::uint64_t seed, Randomisation randomisation) {
  if (dimensions == 0 || dimensions > kMaxDimensions)
    throw std::invalid_argument("sobol_points: dimensions must be in [1, " + std::to_string(kMaxDimensions) + "]");
  Matrix points{n, dimensions, std::vector<double>(n * dimensions)};
  std::vector<std::uint64_t> shifts(dimensions);
  for (std::size_t d = 0; d < dimensions; ++d) shifts[d] = digital_shift_word(seed, static_cast<std::uint32_t>(d));

  // Boost's engine starts at the sequence's second point (its seed() applies the first direction
  // numbers), so point 0, the origin, is supplied here.
  boost::random::sobol engine(dimensions);
  for (std::size_t r = 0; r < n; ++r) {
    for (std::size_t d = 0; d < dimensions; ++d) {
      const std::uint64_t raw = r == 0 ? 0 : engine();
      const std::uint64_t randomised = randomisation == Randomisation::owen
                                           ? owen_scramble(raw, seed, static_cast<std::uint32_t>(d))
                                           : raw ^ shifts[d];
      points.values[r * dimensions + d] = to_unit(randomised);
    }
  }
  return points;
}

}  // namespace guarantor::sensitivity
