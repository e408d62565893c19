#include "guarantor/sim/accumulators.hpp"

#include <algorithm>

#include "guarantor/core/numeric.hpp"

namespace guarantor::sim {

namespace {

std::int64_t paired_value(const ReplicationOutcome& o, int metric) {
  switch (metric) {
    case kFailedByEnd: return o.failure_day < kNever ? 1 : 0;
    case kTotalKia: return static_cast<std::int64_t>(o.total_kia());
    case kNationsWithdrawn: return o.nations_withdrawn();
    case kTroopsAtEnd: return o.troops_at_sample.empty() ? 0 : o.troops_at_sample.back();
    case kHighestLevel: return o.highest_level;
  }
  return 0;
}

}  // namespace

const char* paired_metric_name(int metric) {
  static constexpr const char* kNames[kPairedMetrics] = {"p_fail_by_end", "coalition_fatalities", "nations_withdrawn",
                                                         "troops_at_end", "highest_level"};
  return metric >= 0 && metric < kPairedMetrics ? kNames[metric] : "?";
}

void CountHistogram::grow_to(std::size_t bins) {
  counts_.resize(bins, 0);
  sums_.resize(bins, 0);
}

void CountHistogram::merge(const CountHistogram& other) {
  if (other.counts_.size() > counts_.size()) {
    counts_.resize(other.counts_.size(), 0);
    sums_.resize(other.sums_.size(), 0);
  }
  for (std::size_t i = 0; i < other.counts_.size(); ++i) {
    counts_[i] += other.counts_[i];
    sums_[i] += other.sums_[i];
  }
  count_ += other.count_;
  sum_ += other.sum_;
}

double CountHistogram::quantile(double q) const {
  if (count_ == 0) return 0;
  const std::uint64_t rank = nearest_rank_position(q, count_);
  std::uint64_t seen = 0;
  for (std::size_t i = 0; i < counts_.size(); ++i) {
    seen += counts_[i];
    if (seen >= rank && counts_[i] > 0) return static_cast<double>(sums_[i]) / static_cast<double>(counts_[i]);
  }
  return 0;
}

void CountHistogram::add_bin(std::size_t bin, std::uint64_t count, std::uint64_t sum) {
  if (bin >= counts_.size()) grow_to(bin + 1);
  counts_[bin] += count;
  sums_[bin] += sum;
  count_ += count;
  sum_ += sum;
}

void PairedSum::add(std::int64_t difference) {
  sum += difference;
  sum_squares += static_cast<std::uint64_t>(difference * difference);
}

void PairedSum::merge(const PairedSum& o) {
  sum += o.sum;
  sum_squares += o.sum_squares;
}

VariantAccumulator::VariantAccumulator(int days, std::size_t nations, std::size_t samples)
    : failures_by_day(static_cast<std::size_t>(days), 0),
      kia(nations + 1),
      withdrawals(nations),
      troops(samples),
      holding_at_sample(samples, 0),
      term_sums(samples) {
  for (auto& w : withdrawals) w.fill(0);
  for (auto& t : term_sums) t.fill(0);
}

void VariantAccumulator::add(const ReplicationOutcome& o) {
  ++replications;
  if (o.failure_day < kNever) {
    const auto day = std::min(failures_by_day.size() - 1, static_cast<std::size_t>(o.failure_day));
    ++failures_by_day[day];
  }
  ++highest_level[static_cast<std::size_t>(o.highest_level)];
  for (int i = 0; i < kIncidentTypes; ++i) incidents[i] += o.incidents[i];
  std::uint64_t total = 0;
  for (std::size_t n = 0; n < o.kia.size(); ++n) {
    kia[n].add(o.kia[n]);
    total += o.kia[n];
    ++withdrawals[n][static_cast<std::size_t>(o.withdrawal[n])];
  }
  kia.back().add(total);
  nations_withdrawn += static_cast<std::uint64_t>(o.nations_withdrawn());
  for (std::size_t j = 0; j < o.troops_at_sample.size(); ++j) {
    troops[j].add(static_cast<std::uint64_t>(std::max<std::int64_t>(0, o.troops_at_sample[j])));
  }
  if (o.level_at_failure >= 0) ++failures_by_level[static_cast<std::size_t>(o.level_at_failure)];
  for (std::size_t j = 0; j < o.holding_samples && j < term_sums.size(); ++j) {
    ++holding_at_sample[j];
    for (int t = 0; t < kDeterrenceTerms; ++t) term_sums[j][t] += o.terms_at_sample[j][t];
  }
}

void VariantAccumulator::merge(const VariantAccumulator& o) {
  replications += o.replications;
  for (std::size_t i = 0; i < failures_by_day.size(); ++i) failures_by_day[i] += o.failures_by_day[i];
  for (std::size_t i = 0; i < highest_level.size(); ++i) highest_level[i] += o.highest_level[i];
  for (std::size_t i = 0; i < incidents.size(); ++i) incidents[i] += o.incidents[i];
  for (std::size_t i = 0; i < kia.size(); ++i) kia[i].merge(o.kia[i]);
  for (std::size_t n = 0; n < withdrawals.size(); ++n) {
    for (int c = 0; c < kWithdrawalCauses; ++c) withdrawals[n][c] += o.withdrawals[n][c];
  }
  nations_withdrawn += o.nations_withdrawn;
  for (std::size_t j = 0; j < troops.size(); ++j) troops[j].merge(o.troops[j]);
  for (std::size_t l = 0; l < failures_by_level.size(); ++l) failures_by_level[l] += o.failures_by_level[l];
  for (std::size_t j = 0; j < term_sums.size(); ++j) {
    holding_at_sample[j] += o.holding_at_sample[j];
    for (int t = 0; t < kDeterrenceTerms; ++t) term_sums[j][t] += o.term_sums[j][t];
  }
}

double mean_deterrence_term(const VariantAccumulator& v, std::size_t sample, int term) {
  if (sample >= v.term_sums.size() || v.holding_at_sample[sample] == 0) return 0;
  return static_cast<double>(v.term_sums[sample][term]) / kTermGridScale / static_cast<double>(v.holding_at_sample[sample]);
}

Accumulators Accumulators::sized_for(const std::vector<Model>& models) {
  Accumulators a;
  for (const auto& m : models) a.variants.emplace_back(m.settings.days, m.nations.size(), m.sample_days.size());
  a.paired.resize(models.empty() ? 0 : models.size() - 1);
  for (std::size_t v = 1; v < models.size(); ++v) a.references.push_back(models[v].reference);
  return a;
}

void Accumulators::add(const std::vector<ReplicationOutcome>& outcomes) {
  for (std::size_t v = 0; v < outcomes.size(); ++v) variants[v].add(outcomes[v]);
  for (std::size_t v = 1; v < outcomes.size(); ++v) {
    for (int metric = 0; metric < kPairedMetrics; ++metric) {
      const ReplicationOutcome& reference = outcomes[references[v - 1]];
      paired[v - 1][metric].add(paired_value(outcomes[v], metric) - paired_value(reference, metric));
    }
  }
}

void Accumulators::merge(const Accumulators& other) {
  for (std::size_t v = 0; v < variants.size(); ++v) variants[v].merge(other.variants[v]);
  for (std::size_t v = 0; v < paired.size(); ++v) {
    for (int metric = 0; metric < kPairedMetrics; ++metric) paired[v][metric].merge(other.paired[v][metric]);
  }
}

double holding_probability(const VariantAccumulator& v, int day) {
  if (v.replications == 0) return 0;
  std::uint64_t failed = 0;
  const auto limit = std::min<std::size_t>(static_cast<std::size_t>(std::max(0, day)), v.failures_by_day.size());
  for (std::size_t d = 0; d < limit; ++d) failed += v.failures_by_day[d];
  return 1.0 - static_cast<double>(failed) / static_cast<double>(v.replications);
}

std::optional<int> median_failure_day(const VariantAccumulator& v) {
  std::uint64_t failed = 0;
  for (std::size_t d = 0; d < v.failures_by_day.size(); ++d) {
    failed += v.failures_by_day[d];
    if (v.replications > 0 && 2 * failed >= v.replications) return static_cast<int>(d);
  }
  return std::nullopt;
}

double mean_fatalities(const VariantAccumulator& v) { return v.kia.empty() ? 0 : v.kia.back().mean(); }

double mean_nations_withdrawn(const VariantAccumulator& v) {
  return v.replications ? static_cast<double>(v.nations_withdrawn) / static_cast<double>(v.replications) : 0;
}

}  // namespace guarantor::sim
