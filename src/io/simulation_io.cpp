// simulation.json back into a typed record: the description under `context`, the shard range
// under `shard` and the integer accumulators under `accumulators` (the estimates are not read:
// they are recomputed from the accumulators).
#include "guarantor/io/simulation_io.hpp"

#include <fmt/format.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "guarantor/report/simulation_output.hpp"

namespace guarantor::io {

namespace {

using sim::Accumulators;
using sim::CountHistogram;
using sim::VariantAccumulator;

// A sanity bound on histogram bin indices (the largest 64-bit value falls in bin 2047).
constexpr std::uint64_t kMaxHistogramBin = 4096;
// A sanity bound on the period, so a corrupt file cannot make us allocate without limit.
constexpr std::uint64_t kMaxDays = 100000;

Status bad(const std::string& what) { return Status::invalid_input(what); }

// --- The description: nlohmann's typed getters throw on a missing or mistyped field.

sim::NationDescription nation_from_json(const nlohmann::json& j) {
  sim::NationDescription n;
  n.code = j.at("code").get<std::string>();
  n.troops = j.at("troops").get<double>();
  n.lead = j.at("lead").get<bool>();
  n.nuclear_armed = j.at("nuclear_armed").get<bool>();
  n.casualty_tolerance_kia = j.at("casualty_tolerance_kia").get<double>();
  n.mandate_cycle_months = j.at("mandate_cycle_months").get<double>();
  n.first_vote_month = j.at("first_vote_month").get<double>();
  n.election_days = j.at("election_days").get<std::vector<double>>();
  return n;
}

sim::DeterrenceDescription deterrence_from_json(const nlohmann::json& j) {
  const auto& log_hr = j.at("log_hazard_ratio");
  return {log_hr.at("force").get<double>(),   log_hr.at("nuclear").get<double>(),
          log_hr.at("us_backstop").get<double>(), log_hr.at("ukraine").get<double>(),
          log_hr.at("monitoring").get<double>(), j.at("hazard_ratio").get<double>()};
}

sim::VariantDescription variant_description_from_json(const nlohmann::json& j) {
  sim::VariantDescription v;
  v.name = j.at("name").get<std::string>();
  v.mode = j.at("mode").get<std::string>();
  v.reference = j.at("reference").get<std::size_t>();
  v.mandate = j.at("mandate").get<std::string>();
  v.us_backstop = j.at("us_backstop").get<std::string>();
  const auto& force = j.at("force");
  v.force_origin = force.at("origin").get<std::string>();
  v.troops_in_theatre = force.at("troops_in_theatre").get<double>();
  for (const auto& n : force.at("nations")) v.nations.push_back(nation_from_json(n));
  v.deterrence_at_start = deterrence_from_json(j.at("deterrence_at_start"));
  v.failure_multiplier_normalised = j.at("failure_multiplier_normalised").get<std::vector<double>>();
  for (const auto& p : j.at("parameters")) {
    v.parameters.push_back({p.at("key").get<std::string>(), p.at("value").dump(), p.at("source").get<std::string>()});
  }
  return v;
}

sim::RunDescription description_from_json(const nlohmann::json& j) {
  sim::RunDescription d;
  d.scenario_name = j.at("scenario").at("name").get<std::string>();
  d.scenario_title = j.at("scenario").at("title").get<std::string>();
  d.days = j.at("days").get<int>();
  d.report_interval_days = j.at("report_interval_days").get<int>();
  d.sample_days = j.at("sample_days").get<std::vector<int>>();
  const auto& variants = j.at("variants");
  if (!variants.is_array()) throw std::runtime_error("context.variants must be a list");
  for (const auto& v : variants) d.variants.push_back(variant_description_from_json(v));
  return d;
}

// --- The accumulators: whole numbers only, checked one by one with a message naming the field.

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

Expected<CountHistogram> histogram_from_json(const nlohmann::json& j) {
  if (!j.is_array()) return bad("a histogram must be a list of [bin, count, sum]");
  CountHistogram h;
  for (const auto& entry : j) {
    std::array<std::uint64_t, 3> bin{};
    if (!read_u64_array(entry, bin, 3) || bin[0] > kMaxHistogramBin) {
      return bad("a histogram bin must be [bin, count, sum] with whole numbers");
    }
    h.add_bin(static_cast<std::size_t>(bin[0]), bin[1], bin[2]);
  }
  return h;
}

Status read_histograms(const nlohmann::json& j, std::vector<CountHistogram>& out) {
  for (std::size_t i = 0; i < out.size(); ++i) {
    auto h = histogram_from_json(j[i]);
    if (!h) return h.status();
    out[i] = std::move(*h);
  }
  return Status::ok();
}

Expected<VariantAccumulator> variant_accumulator_from_json(const nlohmann::json& j) {
  if (!j.is_object()) return bad("a variant's accumulators must be an object");
  std::uint64_t days = 0;
  if (!j.contains("days") || !read_u64(j["days"], days) || days == 0 || days > kMaxDays) return bad("bad 'days'");
  if (!j.contains("kia") || !j["kia"].is_array() || j["kia"].empty()) return bad("bad 'kia'");
  if (!j.contains("troops") || !j["troops"].is_array()) return bad("bad 'troops'");
  if (!j.contains("withdrawals") || !j["withdrawals"].is_array()) return bad("bad 'withdrawals'");
  const std::size_t nations = j["kia"].size() - 1;  // then the coalition total
  if (j["withdrawals"].size() != nations) return bad("'withdrawals' and 'kia' disagree on the number of nations");
  VariantAccumulator v(static_cast<int>(days), nations, j["troops"].size());
  if (!j.contains("replications") || !read_u64(j["replications"], v.replications)) return bad("bad 'replications'");
  if (!j.contains("failures_by_day") || !j["failures_by_day"].is_array()) return bad("bad 'failures_by_day'");
  for (const auto& entry : j["failures_by_day"]) {
    std::array<std::uint64_t, 2> day_count{};
    if (!read_u64_array(entry, day_count, 2) || day_count[0] >= days) return bad("bad entry in 'failures_by_day'");
    v.failures_by_day[day_count[0]] += day_count[1];
  }
  if (!j.contains("highest_level") || !read_u64_array(j["highest_level"], v.highest_level, v.highest_level.size())) {
    return bad("bad 'highest_level'");
  }
  if (!j.contains("incidents") || !read_u64_array(j["incidents"], v.incidents, v.incidents.size())) {
    return bad("bad 'incidents'");
  }
  for (std::size_t n = 0; n < nations; ++n) {
    if (!read_u64_array(j["withdrawals"][n], v.withdrawals[n], sim::kWithdrawalCauses)) return bad("bad 'withdrawals'");
  }
  if (Status s = read_histograms(j["kia"], v.kia); !s) return s;
  if (Status s = read_histograms(j["troops"], v.troops); !s) return s;
  if (!j.contains("nations_withdrawn") || !read_u64(j["nations_withdrawn"], v.nations_withdrawn)) {
    return bad("bad 'nations_withdrawn'");
  }
  if (!j.contains("failures_by_level") ||
      !read_u64_array(j["failures_by_level"], v.failures_by_level, v.failures_by_level.size())) {
    return bad("bad 'failures_by_level'");
  }
  const std::size_t samples = v.troops.size();
  if (!j.contains("holding_at_sample") || !read_u64_array(j["holding_at_sample"], v.holding_at_sample, samples)) {
    return bad("bad 'holding_at_sample'");
  }
  if (!j.contains("term_sums") || !j["term_sums"].is_array() || j["term_sums"].size() != samples) {
    return bad("bad 'term_sums'");
  }
  for (std::size_t s = 0; s < samples; ++s) {
    const auto& row = j["term_sums"][s];
    if (!row.is_array() || row.size() != sim::kDeterrenceTerms) return bad("bad entry in 'term_sums'");
    for (int t = 0; t < sim::kDeterrenceTerms; ++t) {
      if (!row[t].is_number_integer()) return bad("bad entry in 'term_sums'");
      v.term_sums[s][t] = row[t].get<std::int64_t>();
    }
  }
  return v;
}

Expected<std::array<sim::PairedSum, sim::kPairedMetrics>> paired_from_json(const nlohmann::json& p) {
  std::array<sim::PairedSum, sim::kPairedMetrics> metrics{};
  if (!p.is_array() || p.size() != sim::kPairedMetrics) return bad("bad entry in 'paired'");
  for (int m = 0; m < sim::kPairedMetrics; ++m) {
    const auto& pair = p[m];  // [sum, sum of squares]
    if (!pair.is_array() || pair.size() != 2 || !pair[0].is_number_integer() ||
        !read_u64(pair[1], metrics[m].sum_squares)) {
      return bad("bad entry in 'paired'");
    }
    metrics[m].sum = pair[0].get<std::int64_t>();
  }
  return metrics;
}

Expected<Accumulators> accumulators_from_json(const nlohmann::json& j) {
  if (!j.is_object() || !j.contains("variants") || !j["variants"].is_array() || !j.contains("paired") ||
      !j["paired"].is_array()) {
    return bad("'accumulators' must hold 'variants' and 'paired' lists");
  }
  Accumulators a;
  for (const auto& v : j["variants"]) {
    auto variant = variant_accumulator_from_json(v);
    if (!variant) return variant.status();
    a.variants.push_back(std::move(*variant));
  }
  if (a.variants.empty() || j["paired"].size() != a.variants.size() - 1) {
    return bad("'paired' must have one entry for each variant after the first");
  }
  for (const auto& p : j["paired"]) {
    auto metrics = paired_from_json(p);
    if (!metrics) return metrics.status();
    a.paired.push_back(*metrics);
  }
  return a;
}

// Each variant after the first is compared with an earlier one; the first with itself.
Status check_references(const sim::RunDescription& d) {
  for (std::size_t v = 0; v < d.variants.size(); ++v) {
    const std::size_t reference = d.variants[v].reference;
    if (v == 0 ? reference != 0 : reference >= v) {
      return bad(fmt::format("context.variants[{}].reference must be {}", v,
                             v == 0 ? std::string("0") : fmt::format("an earlier variant (0 to {})", v - 1)));
    }
  }
  return Status::ok();
}

// The accumulators must fit the description and hold exactly the shard's replications.
Status check_accumulators_fit(const sim::SimulationRecord& r) {
  if (r.accumulators.variants.size() != r.description.variants.size()) {
    return bad("accumulators and context disagree on the number of variants");
  }
  for (std::size_t v = 0; v < r.accumulators.variants.size(); ++v) {
    const auto& acc = r.accumulators.variants[v];
    if (acc.withdrawals.size() != r.description.variants[v].nations.size() || acc.replications != r.end - r.first) {
      return bad(fmt::format("accumulators of variant {} do not match its description or shard range", v));
    }
  }
  return Status::ok();
}

}  // namespace

Expected<sim::SimulationRecord> simulation_record_from_json(const nlohmann::json& j) {
  if (!j.is_object() || j.value("kind", "") != "guarantor.simulation") {
    return bad("not a guarantor simulation result (kind must be 'guarantor.simulation')");
  }
  if (j.value("version", 0) != report::kSimulationRecordVersion) {
    return bad(fmt::format("unsupported version (expected {})", report::kSimulationRecordVersion));
  }
  sim::SimulationRecord r;
  try {
    r.description = description_from_json(j.at("context"));
    r.seed = j.at("seed").get<std::uint64_t>();
    r.replications = j.at("replications").get<std::uint64_t>();
    r.mpi_ranks = j.value("mpi_ranks", 1);  // absent in files written before it was recorded
    const auto& shard = j.at("shard");
    r.shard_index = shard.at("index").get<int>();
    r.shard_count = shard.at("count").get<int>();
    r.first = shard.at("first").get<std::uint64_t>();
    r.end = shard.at("end").get<std::uint64_t>();
  } catch (const std::exception& e) {
    return bad(fmt::format("missing or malformed field: {}", e.what()));
  }
  if (r.first > r.end || r.end > r.replications) return bad("shard range is outside the run's replications");
  auto accumulators = accumulators_from_json(j.contains("accumulators") ? j["accumulators"] : nlohmann::json());
  if (!accumulators) return bad("accumulators: " + accumulators.status().message());
  r.accumulators = std::move(*accumulators);
  if (Status s = check_accumulators_fit(r); !s) return s;
  if (Status s = check_references(r.description); !s) return s;
  for (std::size_t v = 1; v < r.description.variants.size(); ++v) {
    r.accumulators.references.push_back(r.description.variants[v].reference);
  }
  return r;
}

Expected<sim::SimulationRecord> read_simulation_record(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::not_found("cannot read the file");
  std::stringstream buffer;
  buffer << in.rdbuf();
  const nlohmann::json j = nlohmann::json::parse(buffer.str(), nullptr, false);
  if (j.is_discarded()) return bad("not valid JSON");
  return simulation_record_from_json(j);
}

}  // namespace guarantor::io
