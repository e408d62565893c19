// simulation.json and simulation.md from a record; merging shard records.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "guarantor/sim/engine.hpp"

namespace guarantor::sim {

namespace {

constexpr double kZ95 = 1.959963984540054;
constexpr int kRecordVersion = 1;
const char* const kLevelNames[kEscalationLevels + 1] = {"holding", "violations", "probing", "limited_strikes",
                                                       "renewed_offensive"};

double round_to(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  const double r = std::round(value * scale) / scale;
  return r == 0 ? 0.0 : r;  // no "-0"
}

// Wilson score interval for a proportion.
std::pair<double, double> wilson(std::uint64_t successes, std::uint64_t n) {
  if (n == 0) return {0, 1};
  const double nd = static_cast<double>(n);
  const double p = static_cast<double>(successes) / nd;
  const double z2 = kZ95 * kZ95;
  const double centre = (p + z2 / (2 * nd)) / (1 + z2 / nd);
  const double half = kZ95 * std::sqrt(p * (1 - p) / nd + z2 / (4 * nd * nd)) / (1 + z2 / nd);
  return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

nlohmann::json proportion(std::uint64_t successes, std::uint64_t n) {
  const auto [low, high] = wilson(successes, n);
  const double p = n ? static_cast<double>(successes) / static_cast<double>(n) : 0;
  return {{"p", round_to(p, 4)}, {"low", round_to(low, 4)}, {"high", round_to(high, 4)}};
}

nlohmann::json distribution(const CountHistogram& h) {
  return {{"mean", round_to(h.mean(), 3)},
          {"p5", round_to(h.quantile(0.05), 1)},
          {"p50", round_to(h.quantile(0.50), 1)},
          {"p95", round_to(h.quantile(0.95), 1)}};
}

std::uint64_t failures_before(const VariantAccumulator& v, int day) {
  std::uint64_t count = 0;
  const auto limit = std::min<std::size_t>(static_cast<std::size_t>(std::max(0, day)), v.failures_by_day.size());
  for (std::size_t d = 0; d < limit; ++d) count += v.failures_by_day[d];
  return count;
}

nlohmann::json survival(const VariantAccumulator& v, int days) {
  nlohmann::json out = nlohmann::json::array();
  std::vector<int> checkpoints;
  for (int day : {90, 180, 365, 730}) {
    if (day <= days) checkpoints.push_back(day);
  }
  if (checkpoints.empty() || checkpoints.back() != days) checkpoints.push_back(days);
  for (int day : checkpoints) {
    nlohmann::json row = proportion(v.replications - failures_before(v, day), v.replications);
    row["day"] = day;
    out.push_back(row);
  }
  return out;
}

nlohmann::json variant_results(const nlohmann::json& described, const VariantAccumulator& v,
                               const std::vector<int>& sample_days, int days) {
  nlohmann::json r;
  r["name"] = described["name"];
  r["replications"] = v.replications;
  r["survival"] = survival(v, days);
  nlohmann::json curve = nlohmann::json::array();
  for (int day : sample_days) {
    const double s = v.replications
                         ? static_cast<double>(v.replications - failures_before(v, day)) / static_cast<double>(v.replications)
                         : 0;
    curve.push_back({{"day", day}, {"p", round_to(s, 4)}});
  }
  r["survival_curve"] = curve;
  nlohmann::json levels = nlohmann::json::array();
  for (int l = 0; l <= kEscalationLevels; ++l) {
    nlohmann::json row = proportion(v.highest_level[l], v.replications);
    row["level"] = l;
    row["name"] = kLevelNames[l];
    row["count"] = v.highest_level[l];
    levels.push_back(row);
  }
  r["escalation"] = {{"highest_level", levels}};
  const auto& nations = described["force"]["nations"];
  nlohmann::json by_nation = nlohmann::json::array();
  for (std::size_t n = 0; n < nations.size(); ++n) {
    nlohmann::json row = distribution(v.kia[n]);
    row["nation"] = nations[n]["code"];
    by_nation.push_back(row);
  }
  r["casualties"] = {{"unit", "fatalities"}, {"by_nation", by_nation}, {"total", distribution(v.kia.back())}};
  nlohmann::json incidents = nlohmann::json::object();
  for (int i = 0; i < kIncidentTypes; ++i) {
    const double mean = v.replications ? static_cast<double>(v.incidents[i]) / static_cast<double>(v.replications) : 0;
    incidents[incident_name(i)] = {{"total", v.incidents[i]}, {"mean_per_replication", round_to(mean, 3)}};
  }
  r["incidents"] = incidents;
  nlohmann::json withdrawals = nlohmann::json::array();
  for (std::size_t n = 0; n < nations.size(); ++n) {
    const auto& causes = v.withdrawals[n];
    nlohmann::json row = proportion(v.replications - causes[0], v.replications);
    row["nation"] = nations[n]["code"];
    nlohmann::json by_cause = nlohmann::json::object();
    for (int c = 1; c < kWithdrawalCauses; ++c) {
      by_cause[to_string(static_cast<WithdrawalCause>(c))] =
          round_to(v.replications ? static_cast<double>(causes[c]) / static_cast<double>(v.replications) : 0, 4);
    }
    row["by_cause"] = by_cause;
    withdrawals.push_back(row);
  }
  const double mean_withdrawn =
      v.replications ? static_cast<double>(v.nations_withdrawn) / static_cast<double>(v.replications) : 0;
  r["withdrawals"] = {{"by_nation", withdrawals}, {"mean_nations_withdrawn", round_to(mean_withdrawn, 3)}};
  nlohmann::json troops = nlohmann::json::array();
  for (std::size_t j = 0; j < sample_days.size() && j < v.troops.size(); ++j) {
    nlohmann::json row = distribution(v.troops[j]);
    row["day"] = sample_days[j];
    troops.push_back(row);
  }
  r["troops_in_theatre"] = troops;
  return r;
}

nlohmann::json comparisons(const nlohmann::json& variants, const Accumulators& a) {
  nlohmann::json out = nlohmann::json::array();
  for (std::size_t v = 0; v < a.paired.size(); ++v) {
    const double n = static_cast<double>(a.variants[v + 1].replications);
    nlohmann::json metrics = nlohmann::json::object();
    for (int m = 0; m < kPairedMetrics; ++m) {
      const PairedSum& p = a.paired[v][m];
      const double mean = n > 0 ? static_cast<double>(p.sum) / n : 0;
      const double variance = n > 1 ? std::max(0.0, (static_cast<double>(p.sum_squares) / n - mean * mean) * n / (n - 1)) : 0;
      const double half = n > 0 ? kZ95 * std::sqrt(variance / n) : 0;
      metrics[paired_metric_name(m)] = {{"difference", round_to(mean, 4)},
                                        {"low", round_to(mean - half, 4)},
                                        {"high", round_to(mean + half, 4)}};
    }
    out.push_back({{"variant", variants[v + 1]["name"]}, {"baseline", variants[0]["name"]}, {"metrics", metrics}});
  }
  return out;
}

std::vector<int> sample_days_of(const nlohmann::json& context) {
  std::vector<int> days;
  for (const auto& d : context["sample_days"]) days.push_back(d.get<int>());
  return days;
}

}  // namespace

nlohmann::json describe_run(const Scenario& scenario, const std::vector<Model>& models) {
  nlohmann::json context;
  context["scenario"] = {{"name", scenario.info.name}, {"title", scenario.info.title}};
  const Model& first = models.front();
  context["days"] = first.settings.days;
  context["report_interval_days"] = first.settings.report_interval_days;
  context["sample_days"] = first.sample_days;
  context["variants"] = nlohmann::json::array();
  for (const auto& m : models) {
    nlohmann::json v;
    v["name"] = m.variant;
    v["mandate"] = to_string(m.settings.mandate);
    v["us_backstop"] = m.backstop_at_start ? "present" : (m.backstop_arrival_day < kNever ? "delayed" : "absent");
    nlohmann::json nations = nlohmann::json::array();
    for (const auto& n : m.nations) {
      nations.push_back({{"code", n.code},
                         {"troops", round_to(n.troops, 1)},
                         {"lead", n.lead},
                         {"nuclear_armed", n.nuclear_armed},
                         {"casualty_tolerance_kia", n.casualty_tolerance_kia},
                         {"mandate_cycle_months", n.mandate_cycle_months},
                         {"first_vote_month", n.first_vote_month},
                         {"election_day", n.election_day >= 0 ? nlohmann::json(n.election_day) : nlohmann::json()}});
    }
    v["force"] = {{"origin", m.force_origin}, {"troops_in_theatre", round_to(m.initial_troops, 1)}, {"nations", nations}};
    const DeterrenceTerms t = initial_deterrence(m);
    v["deterrence_at_start"] = {{"log_hazard_ratio",
                                 {{"force", round_to(t.force, 4)},
                                  {"nuclear", round_to(t.nuclear, 4)},
                                  {"us_backstop", round_to(t.us_backstop, 4)},
                                  {"ukraine", round_to(t.ukraine, 4)},
                                  {"monitoring", round_to(t.monitoring, 4)}}},
                                {"hazard_ratio", round_to(std::exp(t.total()), 4)}};
    nlohmann::json multipliers = nlohmann::json::array();
    for (double r : m.failure_multiplier) multipliers.push_back(round_to(r, 4));
    v["failure_multiplier_normalised"] = multipliers;
    v["parameters"] = parameter_table(m.settings);
    context["variants"].push_back(v);
  }
  return context;
}

nlohmann::json record_to_json(const SimulationRecord& record) {
  const nlohmann::json& context = record.context;
  const std::vector<int> sample_days = sample_days_of(context);
  const int days = context["days"].get<int>();
  nlohmann::json variants = nlohmann::json::array();
  for (std::size_t v = 0; v < record.accumulators.variants.size(); ++v) {
    variants.push_back(variant_results(context["variants"][v], record.accumulators.variants[v], sample_days, days));
  }
  nlohmann::json out;
  out["kind"] = "guarantor.simulation";
  out["version"] = kRecordVersion;
  out["scenario"] = context["scenario"];
  out["replications"] = record.replications;
  out["seed"] = record.seed;
  out["days"] = days;
  // The first variant's results at the top level; all of them under `variants`.
  for (const char* key : {"survival", "escalation", "casualties", "incidents", "withdrawals", "troops_in_theatre"}) {
    out[key] = variants[0][key];
  }
  out["variants"] = variants;
  out["comparisons"] = comparisons(context["variants"], record.accumulators);
  out["context"] = context;
  out["shard"] = {{"index", record.shard_index}, {"count", record.shard_count}, {"first", record.first}, {"end", record.end}};
  out["accumulators"] = record.accumulators.to_json();
  return out;
}

std::optional<SimulationRecord> record_from_json(const nlohmann::json& j, std::string& error) {
  if (!j.is_object() || j.value("kind", "") != "guarantor.simulation") {
    error = "not a guarantor simulation result (kind must be 'guarantor.simulation')";
    return std::nullopt;
  }
  if (j.value("version", 0) != kRecordVersion) {
    error = fmt::format("unsupported version (expected {})", kRecordVersion);
    return std::nullopt;
  }
  SimulationRecord r;
  try {
    r.context = j.at("context");
    r.seed = j.at("seed").get<std::uint64_t>();
    r.replications = j.at("replications").get<std::uint64_t>();
    const auto& shard = j.at("shard");
    r.shard_index = shard.at("index").get<int>();
    r.shard_count = shard.at("count").get<int>();
    r.first = shard.at("first").get<std::uint64_t>();
    r.end = shard.at("end").get<std::uint64_t>();
    (void)r.context.at("days").get<int>();
    (void)sample_days_of(r.context);
    if (!r.context.at("variants").is_array()) throw std::runtime_error("context.variants must be a list");
  } catch (const std::exception& e) {
    error = fmt::format("missing or malformed field: {}", e.what());
    return std::nullopt;
  }
  if (r.first > r.end || r.end > r.replications) {
    error = "shard range is outside the run's replications";
    return std::nullopt;
  }
  auto accumulators = Accumulators::from_json(j.contains("accumulators") ? j["accumulators"] : nlohmann::json(), error);
  if (!accumulators) {
    error = "accumulators: " + error;
    return std::nullopt;
  }
  if (accumulators->variants.size() != r.context["variants"].size()) {
    error = "accumulators and context disagree on the number of variants";
    return std::nullopt;
  }
  for (std::size_t v = 0; v < accumulators->variants.size(); ++v) {
    const auto& acc = accumulators->variants[v];
    const auto& described = r.context["variants"][v];
    if (!described.contains("force") || acc.withdrawals.size() != described["force"]["nations"].size() ||
        acc.replications != r.end - r.first) {
      error = fmt::format("accumulators of variant {} do not match its description or shard range", v);
      return std::nullopt;
    }
  }
  r.accumulators = std::move(*accumulators);
  return r;
}

std::optional<SimulationRecord> merge_records(const std::vector<SimulationRecord>& shards, std::string& error) {
  if (shards.empty()) {
    error = "no shard results to merge";
    return std::nullopt;
  }
  std::vector<const SimulationRecord*> sorted;
  for (const auto& s : shards) sorted.push_back(&s);
  std::sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) { return a->first < b->first; });
  const SimulationRecord& head = *sorted.front();
  SimulationRecord merged = head;
  std::uint64_t covered = head.first;
  if (covered != 0) {
    error = fmt::format("replications 0 to {} are missing", covered);
    return std::nullopt;
  }
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    const SimulationRecord& s = *sorted[i];
    if (s.seed != head.seed || s.replications != head.replications || s.context != head.context) {
      error = "the shards come from different runs (seed, replications, scenario or settings differ)";
      return std::nullopt;
    }
    if (s.first != covered) {
      error = s.first < covered ? fmt::format("shards overlap at replication {}", s.first)
                                : fmt::format("replications {} to {} are missing", covered, s.first);
      return std::nullopt;
    }
    if (i > 0) merged.accumulators.merge(s.accumulators);
    covered = s.end;
  }
  if (covered != head.replications) {
    error = fmt::format("replications {} to {} are missing", covered, head.replications);
    return std::nullopt;
  }
  merged.shard_index = 1;
  merged.shard_count = 1;
  merged.first = 0;
  merged.end = head.replications;
  return merged;
}

}  // namespace guarantor::sim
