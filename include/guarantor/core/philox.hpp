#pragma once
// The one Philox4x32-10 wrapper (Random123) that every stochastic stage uses. A draw is addressed
// by (seed, counter): no state is shared between replications, threads or processes, so results
// never depend on how the work is split. The variate transforms live with their users
// (sim/random.hpp for the campaign, plan's Monte Carlo for pledges); the bits come from here.

#include <Random123/philox.h>

#include <array>
#include <cstdint>

namespace guarantor::philox {

using Generator = r123::Philox4x32;
using Key = Generator::key_type;
using Counter = Generator::ctr_type;
using Block = Generator::ctr_type;

// The key of a 64-bit master seed (low word first).
inline Key key(std::uint64_t seed) {
  return {{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)}};
}

// One 128-bit block at `counter` under `seed`.
inline Block block(std::uint64_t seed, const Counter& counter) { return Generator{}(counter, key(seed)); }

// 53 random bits from two 32-bit words (high first).
inline std::uint64_t bits53(std::uint32_t high, std::uint32_t low) {
  return ((static_cast<std::uint64_t>(high) << 32) | low) >> 11;
}

// A double in [0, 1): 53 bits scaled.
inline double uniform_half_open(std::uint64_t bits) { return static_cast<double>(bits) * 0x1.0p-53; }

// A double in (0, 1): the centre of one of 2^53 cells, never exactly 0 or 1 (so log() is finite).
inline double uniform_open(std::uint64_t bits) { return (static_cast<double>(bits) + 0.5) * 0x1.0p-53; }

}  // namespace guarantor::philox
