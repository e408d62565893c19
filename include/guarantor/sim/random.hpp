#pragma once
// Counter-based random numbers for the campaign Monte Carlo. A Stream is Philox4x32-10 keyed by
// the master seed, with the counter holding (draw index, purpose, replication): any
// (seed, replication, purpose, draw) is addressable in O(1), so a replication is a pure function
// of its index whatever thread runs it. The variate transforms are our own (std::*_distribution
// algorithms differ between standard libraries); see docs/model/simulation.md §Engine. The
// key, the 53-bit word and its (0, 1) scaling are core's (core/philox.hpp), shared by every stage.

#include <cmath>
#include <cstdint>

#include "guarantor/core/philox.hpp"

namespace guarantor::sim {

// Counts of variates drawn, by kind: lets the benchmark time drawing the same numbers alone.
struct DrawCounts {
  std::uint64_t uniforms = 0;
  std::uint64_t exponentials = 0;
  std::uint64_t poisson_small = 0;
  std::uint64_t poisson_large = 0;
  std::uint64_t binomials = 0;
  std::uint64_t normals = 0;

  DrawCounts& operator+=(const DrawCounts& o);
};

class Stream {
 public:
  Stream(std::uint64_t seed, std::uint64_t replication, std::uint32_t purpose, DrawCounts* counts = nullptr);

  // In (0, 1), 53 random bits: the centre of one of 2^53 cells, never exactly 0 or 1, so log()
  // is always finite. Inline, with next_bits and exponential: the engine's innermost calls.
  double uniform() {
    if (counts_) ++counts_->uniforms;
    const std::uint32_t high = next_bits();
    const std::uint32_t low = next_bits();
    return philox::uniform_open(philox::bits53(high, low));
  }
  double exponential() {  // mean 1
    if (counts_) ++counts_->exponentials;
    return -std::log(uniform());
  }
  double normal();       // mean 0, variance 1 (Box-Muller, both halves used)
  std::uint64_t poisson(double mean);
  std::uint64_t binomial(std::uint64_t n, double p);
  // Index of the bin chosen with probability weight[i] / total (linear search; small n).
  std::size_t categorical(const double* weights, std::size_t n, double total);

 private:
  std::uint32_t next_bits() {
    if (used_ == 4) {
      block_ = philox_(counter_, key_);
      ++counter_.v[0];
      used_ = 0;
    }
    return block_.v[used_++];
  }
  std::uint64_t poisson_inversion(double mean);
  std::uint64_t poisson_ptrs(double mean);
  std::uint64_t binomial_inversion(std::uint64_t n, double p);
  std::uint64_t binomial_btrs(std::uint64_t n, double p);

  philox::Generator philox_;
  philox::Key key_;
  philox::Counter counter_;
  philox::Block block_;
  int used_ = 4;
  bool has_spare_normal_ = false;
  double spare_normal_ = 0;
  DrawCounts* counts_;
};

// The bin a uniform u in (0, 1) falls in when bin i has probability weight[i] / total.
std::size_t categorical_index(double u, const double* weights, std::size_t n, double total);

// ln(k!) exactly tabulated for small k, Stirling series beyond (no global state, unlike lgamma).
double log_factorial(std::uint64_t k);

// A stable 32-bit id for a name (FNV-1a), used to key per-nation streams so a nation keeps its
// random numbers across variants (common random numbers).
std::uint32_t stable_id(const char* text);

}  // namespace guarantor::sim
