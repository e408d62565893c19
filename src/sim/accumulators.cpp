#include "guarantor/sim/accumulators.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <cmath>

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

bool read_u64(const nlohmann::json& j, std::uint64_t& out) {
  if (!j.is_number_unsigned() && !(j.is_number_integer() && j.get<std::int64_t>() >= 0)) return false;
  out = j.get<std::uint64_t>();
  return true;
}

template <typename Array>
bool read_u64_array(const nlohmann::json& j, Array& out, std::size_t size) {
  if (!j.is_array() || j.size() != size) return false;
  for (std::size_t i = 0; i < size; ++i) {
    if (!read_u64(j[i], out[i])) return false;
  }
  return true;
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
  const auto rank = std::max<std::uint64_t>(1, static_cast<std::uint64_t>(std::ceil(q * static_cast<double>(count_))));
  std::uint64_t seen = 0;
  for (std::size_t i = 0; i < counts_.size(); ++i) {
    seen += counts_[i];
    if (seen >= rank && counts_[i] > 0) return static_cast<double>(sums_[i]) / static_cast<double>(counts_[i]);
  }
  return 0;
}

nlohmann::json CountHistogram::to_json() const {
  nlohmann::json bins = nlohmann::json::array();
  for (std::size_t i = 0; i < counts_.size(); ++i) {
    if (counts_[i] > 0) bins.push_back({i, counts_[i], sums_[i]});
  }
  return bins;
}

std::optional<CountHistogram> CountHistogram::from_json(const nlohmann::json& j, std::string& error) {
  CountHistogram h;
  if (!j.is_array()) {
    error = "a histogram must be a list of [bin, count, sum]";
    return std::nullopt;
  }
  for (const auto& entry : j) {
    std::array<std::uint64_t, 3> v{};
    if (!read_u64_array(entry, v, 3) || v[0] > 4096) {
      error = "a histogram bin must be [bin, count, sum] with whole numbers";
      return std::nullopt;
    }
    if (v[0] >= h.counts_.size()) {
      h.counts_.resize(v[0] + 1, 0);
      h.sums_.resize(v[0] + 1, 0);
    }
    h.counts_[v[0]] += v[1];
    h.sums_[v[0]] += v[2];
    h.count_ += v[1];
    h.sum_ += v[2];
  }
  return h;
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
    : failures_by_day(static_cast<std::size_t>(days), 0), kia(nations + 1), withdrawals(nations), troops(samples) {
  for (auto& w : withdrawals) w.fill(0);
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
}

Accumulators Accumulators::sized_for(const std::vector<Model>& models) {
  Accumulators a;
  for (const auto& m : models) a.variants.emplace_back(m.settings.days, m.nations.size(), m.sample_days.size());
  a.paired.resize(models.empty() ? 0 : models.size() - 1);
  return a;
}

void Accumulators::add(const std::vector<ReplicationOutcome>& outcomes) {
  for (std::size_t v = 0; v < outcomes.size(); ++v) variants[v].add(outcomes[v]);
  for (std::size_t v = 1; v < outcomes.size(); ++v) {
    for (int metric = 0; metric < kPairedMetrics; ++metric) {
      paired[v - 1][metric].add(paired_value(outcomes[v], metric) - paired_value(outcomes[0], metric));
    }
  }
}

void Accumulators::merge(const Accumulators& other) {
  for (std::size_t v = 0; v < variants.size(); ++v) variants[v].merge(other.variants[v]);
  for (std::size_t v = 0; v < paired.size(); ++v) {
    for (int metric = 0; metric < kPairedMetrics; ++metric) paired[v][metric].merge(other.paired[v][metric]);
  }
}

nlohmann::json Accumulators::to_json() const {
  nlohmann::json out;
  out["variants"] = nlohmann::json::array();
  for (const auto& v : variants) {
    nlohmann::json j;
    j["replications"] = v.replications;
    nlohmann::json failures = nlohmann::json::array();
    for (std::size_t d = 0; d < v.failures_by_day.size(); ++d) {
      if (v.failures_by_day[d]) failures.push_back({d, v.failures_by_day[d]});
    }
    j["failures_by_day"] = failures;
    j["days"] = v.failures_by_day.size();
    j["highest_level"] = v.highest_level;
    j["incidents"] = v.incidents;
    j["kia"] = nlohmann::json::array();
    for (const auto& h : v.kia) j["kia"].push_back(h.to_json());
    j["withdrawals"] = v.withdrawals;
    j["nations_withdrawn"] = v.nations_withdrawn;
    j["troops"] = nlohmann::json::array();
    for (const auto& h : v.troops) j["troops"].push_back(h.to_json());
    out["variants"].push_back(j);
  }
  out["paired"] = nlohmann::json::array();
  for (const auto& p : paired) {
    nlohmann::json metrics = nlohmann::json::array();
    for (const auto& m : p) metrics.push_back({m.sum, m.sum_squares});
    out["paired"].push_back(metrics);
  }
  return out;
}

namespace {

std::optional<VariantAccumulator> variant_from_json(const nlohmann::json& j, std::string& error) {
  auto fail = [&](const std::string& what) {
    error = what;
    return std::optional<VariantAccumulator>();
  };
  if (!j.is_object()) return fail("a variant's accumulators must be an object");
  std::uint64_t days = 0;
  if (!j.contains("days") || !read_u64(j["days"], days) || days == 0 || days > 100000) return fail("bad 'days'");
  if (!j.contains("kia") || !j["kia"].is_array() || j["kia"].empty()) return fail("bad 'kia'");
  if (!j.contains("troops") || !j["troops"].is_array()) return fail("bad 'troops'");
  if (!j.contains("withdrawals") || !j["withdrawals"].is_array()) return fail("bad 'withdrawals'");
  const std::size_t nations = j["kia"].size() - 1;
  if (j["withdrawals"].size() != nations) return fail("'withdrawals' and 'kia' disagree on the number of nations");
  VariantAccumulator v(static_cast<int>(days), nations, j["troops"].size());
  if (!j.contains("replications") || !read_u64(j["replications"], v.replications)) return fail("bad 'replications'");
  if (!j.contains("failures_by_day") || !j["failures_by_day"].is_array()) return fail("bad 'failures_by_day'");
  for (const auto& entry : j["failures_by_day"]) {
    std::array<std::uint64_t, 2> pair{};
    if (!read_u64_array(entry, pair, 2) || pair[0] >= days) return fail("bad entry in 'failures_by_day'");
    v.failures_by_day[pair[0]] += pair[1];
  }
  if (!j.contains("highest_level") || !read_u64_array(j["highest_level"], v.highest_level, v.highest_level.size())) {
    return fail("bad 'highest_level'");
  }
  if (!j.contains("incidents") || !read_u64_array(j["incidents"], v.incidents, v.incidents.size())) {
    return fail("bad 'incidents'");
  }
  for (std::size_t n = 0; n < nations; ++n) {
    if (!read_u64_array(j["withdrawals"][n], v.withdrawals[n], kWithdrawalCauses)) return fail("bad 'withdrawals'");
  }
  for (std::size_t i = 0; i < v.kia.size(); ++i) {
    auto h = CountHistogram::from_json(j["kia"][i], error);
    if (!h) return std::nullopt;
    v.kia[i] = *h;
  }
  for (std::size_t i = 0; i < v.troops.size(); ++i) {
    auto h = CountHistogram::from_json(j["troops"][i], error);
    if (!h) return std::nullopt;
    v.troops[i] = *h;
  }
  if (!j.contains("nations_withdrawn") || !read_u64(j["nations_withdrawn"], v.nations_withdrawn)) {
    return fail("bad 'nations_withdrawn'");
  }
  return v;
}

}  // namespace

std::optional<Accumulators> Accumulators::from_json(const nlohmann::json& j, std::string& error) {
  if (!j.is_object() || !j.contains("variants") || !j["variants"].is_array() || !j.contains("paired") ||
      !j["paired"].is_array()) {
    error = "'accumulators' must hold 'variants' and 'paired' lists";
    return std::nullopt;
  }
  Accumulators a;
  for (const auto& v : j["variants"]) {
    auto variant = variant_from_json(v, error);
    if (!variant) return std::nullopt;
    a.variants.push_back(std::move(*variant));
  }
  if (a.variants.empty() || j["paired"].size() != a.variants.size() - 1) {
    error = "'paired' must have one entry for each variant after the first";
    return std::nullopt;
  }
  for (const auto& p : j["paired"]) {
    std::array<PairedSum, kPairedMetrics> metrics{};
    if (!p.is_array() || p.size() != kPairedMetrics) {
      error = "bad entry in 'paired'";
      return std::nullopt;
    }
    for (int m = 0; m < kPairedMetrics; ++m) {
      const auto& pair = p[m];
      if (!pair.is_array() || pair.size() != 2 || !pair[0].is_number_integer() || !read_u64(pair[1], metrics[m].sum_squares)) {
        error = "bad entry in 'paired'";
        return std::nullopt;
      }
      metrics[m].sum = pair[0].get<std::int64_t>();
    }
    a.paired.push_back(metrics);
  }
  return a;
}

}  // namespace guarantor::sim
