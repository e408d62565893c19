#pragma once
// Streaming aggregates of replications. Every accumulator is an integer count or sum, so adding
// replications in any grouping gives the same bits: 1 thread, 2 threads and merged shards agree
// exactly, and memory does not grow with the number of replications.

#include <array>
#include <bit>
#include <cstdint>
#include <optional>
#include <vector>

#include "guarantor/sim/replication.hpp"

namespace guarantor::sim {

// Histogram of non-negative integers: one bin a value below 256, then bins 2^(1/32) wide (about
// 2.2 %). Each bin keeps its count and the exact sum of its values, so a quantile is reported as
// the mean of the values in its bin: exact whenever the bin holds one distinct value.
class CountHistogram {
 public:
  // Inline: the engine adds a few dozen values per replication.
  void add(std::uint64_t value) {
    const std::size_t bin = bin_of(value);
    if (bin >= counts_.size()) grow_to(bin + 1);
    ++counts_[bin];
    sums_[bin] += value;
    ++count_;
    sum_ += value;
  }
  void merge(const CountHistogram& other);
  std::uint64_t count() const { return count_; }
  std::uint64_t sum() const { return sum_; }
  double mean() const { return count_ ? static_cast<double>(sum_) / static_cast<double>(count_) : 0; }
  double quantile(double q) const;  // nearest rank

  // The bins as stored, for writing and reading a record: bin i holds bin_counts()[i] values
  // summing to bin_sums()[i]. add_bin adds such a pair back (bin_of gives which values it holds).
  const std::vector<std::uint64_t>& bin_counts() const { return counts_; }
  const std::vector<std::uint64_t>& bin_sums() const { return sums_; }
  void add_bin(std::size_t bin, std::uint64_t count, std::uint64_t sum);
  // Exact below 256; above, 32 bins per doubling (relative width under 3.2 %).
  static std::size_t bin_of(std::uint64_t value) {
    if (value < kExactBelow) return static_cast<std::size_t>(value);
    // Integer part of log2 from the bit width; the fraction from the next 5 bits below the top one.
    const int top = std::bit_width(value) - 1;  // >= 8
    const std::uint64_t fraction = (value >> (top - 5)) & 31u;
    return static_cast<std::size_t>(kExactBelow) + static_cast<std::size_t>(top - 8) * kBinsPerDoubling +
           static_cast<std::size_t>(fraction);
  }

 private:
  static constexpr std::uint64_t kExactBelow = 256;
  static constexpr std::size_t kBinsPerDoubling = 32;
  void grow_to(std::size_t bins);

  std::vector<std::uint64_t> counts_;
  std::vector<std::uint64_t> sums_;
  std::uint64_t count_ = 0;
  std::uint64_t sum_ = 0;
};

// Paired difference of one metric between a variant and its reference (common random numbers).
struct PairedSum {
  std::int64_t sum = 0;
  std::uint64_t sum_squares = 0;
  void add(std::int64_t difference);
  void merge(const PairedSum& o);
};

enum PairedMetric : int { kFailedByEnd, kTotalKia, kNationsWithdrawn, kTroopsAtEnd, kHighestLevel, kPairedMetrics };
const char* paired_metric_name(int metric);

struct VariantAccumulator {
  std::uint64_t replications = 0;
  std::vector<std::uint64_t> failures_by_day;  // index: whole day of the failure
  std::array<std::uint64_t, kEscalationLevels + 1> highest_level{};
  std::array<std::uint64_t, kIncidentTypes> incidents{};
  std::vector<CountHistogram> kia;  // by nation, then the coalition total
  std::vector<std::array<std::uint64_t, kWithdrawalCauses>> withdrawals;  // by nation and cause
  std::uint64_t nations_withdrawn = 0;
  std::vector<CountHistogram> troops;  // at each sample day
  std::array<std::uint64_t, kEscalationLevels> failures_by_level{};  // the rung each offensive was launched from
  // Per sample day: replications still holding, and the sums of their deterrence terms (on the
  // 2^-28 grid of ReplicationOutcome::terms_at_sample).
  std::vector<std::uint64_t> holding_at_sample;
  std::vector<std::array<std::int64_t, kDeterrenceTerms>> term_sums;

  VariantAccumulator() = default;
  VariantAccumulator(int days, std::size_t nations, std::size_t samples);
  void add(const ReplicationOutcome& outcome);
  void merge(const VariantAccumulator& other);
};

// P(the ceasefire still holds after `day` days): the share of replications with no failure
// before that day.
double holding_probability(const VariantAccumulator& v, int day);
// The median time to failure as a whole day: the first day by whose end half the replications or
// more have failed. None when more than half hold through the period (the median lies beyond it)
// or there are no replications. Under a class whose ceasefires fail in weeks it says what
// P(holds at the end) = 0 cannot: how soon.
std::optional<int> median_failure_day(const VariantAccumulator& v);
// Mean of a deterrence term (log hazard ratio) over the replications holding at sample j.
double mean_deterrence_term(const VariantAccumulator& v, std::size_t sample, int term);
inline constexpr double kTermGridScale = 0x1.0p28;  // ReplicationOutcome::terms_at_sample's grid
// Mean coalition fatalities per replication.
double mean_fatalities(const VariantAccumulator& v);
// Mean number of nations that withdrew per replication.
double mean_nations_withdrawn(const VariantAccumulator& v);

struct Accumulators {
  std::vector<VariantAccumulator> variants;
  // paired[i]: variant i+1 minus variant references[i] (an earlier variant; Model::reference).
  std::vector<std::array<PairedSum, kPairedMetrics>> paired;
  std::vector<std::size_t> references;

  static Accumulators sized_for(const std::vector<Model>& models);
  // Outcomes of one replication index, one per variant.
  void add(const std::vector<ReplicationOutcome>& outcomes);
  void merge(const Accumulators& other);
};

}  // namespace guarantor::sim
