#pragma once
// Random words addressed by (seed, stream tag, a, b, index): every draw of the module is a pure
// function of its address, so designs and bootstrap resamples never depend on call order.

#include <cstddef>
#include <cstdint>

#include "guarantor/core/philox.hpp"

namespace guarantor::sensitivity::detail {

// Stream tags keep the module's uses of one seed apart.
enum class Stream : std::uint32_t { owen = 0x0E11, shift = 0x5F17, bootstrap = 0xB007, morris = 0x3011 };

// One 128-bit Philox block at (tag, a, b, c) under `seed`.
inline philox::Block keyed_block(std::uint64_t seed, Stream tag, std::uint32_t a, std::uint32_t b, std::uint32_t c) {
  return philox::block(seed, philox::Counter{{static_cast<std::uint32_t>(tag), a, b, c}});
}

inline std::uint64_t join(std::uint32_t high, std::uint32_t low) {
  return (static_cast<std::uint64_t>(high) << 32) | low;
}

// An integer uniform in [0, bound) from 64 random bits (multiply-high, Lemire 2019; bias below
// bound / 2^64).
inline std::size_t below(std::uint64_t bits, std::size_t bound) {
  __extension__ using Wide = unsigned __int128;
  return static_cast<std::size_t>((static_cast<Wide>(bits) * bound) >> 64);
}

// Sequential 64-bit words of one keyed stream (two per Philox block).
class WordStream {
 public:
  WordStream(std::uint64_t seed, Stream tag, std::uint32_t a, std::uint32_t b) : seed_(seed), tag_(tag), a_(a), b_(b) {}
  std::uint64_t next() {
    if (index_ % 2 == 0) block_ = keyed_block(seed_, tag_, a_, b_, static_cast<std::uint32_t>(index_ / 2));
    const std::size_t half = index_++ % 2;
    return join(block_[2 * half], block_[2 * half + 1]);
  }

 private:
  std::uint64_t seed_;
  Stream tag_;
  std::uint32_t a_, b_;
  std::size_t index_ = 0;
  philox::Block block_{};
};

}  // namespace guarantor::sensitivity::detail
