// simulation.json and simulation.md from a simulation record.
#include "guarantor/report/simulation_output.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "guarantor/core/numeric.hpp"
#include "guarantor/sim/model.hpp"

namespace guarantor::report {

namespace {

// The required force fills what the plan leaves open with notional units of no nation, one
// contributor for each component they fill (code notional:<component>): the tables name them by
// that component, so a reader sees neither a code nor a blank row (the code was empty before).
std::string nation_label(const std::string& code) {
  if (code.empty()) return "notional (no nation named)";
  if (sim::is_notional_contributor(code)) return "notional, " + code.substr(code.find(':') + 1) + " (no nation named)";
  return code;
}

using sim::Accumulators;
using sim::CountHistogram;
using sim::VariantAccumulator;

constexpr double kZ95 = 1.959963984540054;
const char* const kLevelNames[kEscalationLevels + 1] = {"holding", "violations", "probing", "limited_strikes",
                                                       "renewed_offensive"};

// --- The description of the run, under `context`.

nlohmann::json nation_json(const sim::NationDescription& n) {
  return {{"code", n.code},
          {"troops", round_to(n.troops, 1)},
          {"lead", n.lead},
          {"nuclear_armed", n.nuclear_armed},
          {"casualty_tolerance_kia", n.casualty_tolerance_kia},
          {"mandate_cycle_months", n.mandate_cycle_months},
          {"first_vote_month", n.first_vote_month},
          {"election_days", n.election_days}};
}

nlohmann::json deterrence_json(const sim::DeterrenceDescription& d) {
  return {{"log_hazard_ratio",
           {{"force", round_to(d.force, 4)},
            {"nuclear", round_to(d.nuclear, 4)},
            {"us_backstop", round_to(d.us_backstop, 4)},
            {"ukraine", round_to(d.ukraine, 4)},
            {"monitoring", round_to(d.monitoring, 4)}}},
          {"hazard_ratio", round_to(d.hazard_ratio, 4)}};
}

nlohmann::json parameters_json(const std::vector<sim::ParameterRow>& rows) {
  nlohmann::json table = nlohmann::json::array();
  for (const auto& row : rows) {
    table.push_back({{"key", row.key}, {"value", nlohmann::json::parse(row.value_json)}, {"source", row.source}});
  }
  return table;
}

nlohmann::json variant_description_json(const sim::VariantDescription& v) {
  nlohmann::json nations = nlohmann::json::array();
  for (const auto& n : v.nations) nations.push_back(nation_json(n));
  nlohmann::json multipliers = nlohmann::json::array();
  for (double m : v.failure_multiplier_normalised) multipliers.push_back(round_to(m, 4));
  return {{"name", v.name},
          {"mode", v.mode},
          {"reference", v.reference},
          {"mandate", v.mandate},
          {"us_backstop", v.us_backstop},
          {"force", {{"origin", v.force_origin}, {"troops_in_theatre", round_to(v.troops_in_theatre, 1)}, {"nations", nations}}},
          {"deterrence_at_start", deterrence_json(v.deterrence_at_start)},
          {"failure_multiplier_normalised", multipliers},
          {"parameters", parameters_json(v.parameters)}};
}

nlohmann::json context_json(const sim::RunDescription& d) {
  nlohmann::json variants = nlohmann::json::array();
  for (const auto& v : d.variants) variants.push_back(variant_description_json(v));
  return {{"scenario", {{"name", d.scenario_name}, {"title", d.scenario_title}}},
          {"days", d.days},
          {"report_interval_days", d.report_interval_days},
          {"sample_days", d.sample_days},
          {"variants", variants}};
}

// --- The accumulators, under `accumulators`: integer sums that `guarantor merge` adds up.

nlohmann::json histogram_json(const CountHistogram& h) {  // [[bin, count, sum], ...] for non-empty bins
  nlohmann::json bins = nlohmann::json::array();
  for (std::size_t i = 0; i < h.bin_counts().size(); ++i) {
    if (h.bin_counts()[i] > 0) bins.push_back({i, h.bin_counts()[i], h.bin_sums()[i]});
  }
  return bins;
}

nlohmann::json variant_accumulator_json(const VariantAccumulator& v) {
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
  for (const auto& h : v.kia) j["kia"].push_back(histogram_json(h));
  j["withdrawals"] = v.withdrawals;
  j["nations_withdrawn"] = v.nations_withdrawn;
  j["troops"] = nlohmann::json::array();
  for (const auto& h : v.troops) j["troops"].push_back(histogram_json(h));
  j["failures_by_level"] = v.failures_by_level;
  j["holding_at_sample"] = v.holding_at_sample;
  j["term_sums"] = v.term_sums;
  return j;
}

nlohmann::json accumulators_json(const Accumulators& a) {
  nlohmann::json out;
  out["variants"] = nlohmann::json::array();
  for (const auto& v : a.variants) out["variants"].push_back(variant_accumulator_json(v));
  out["paired"] = nlohmann::json::array();
  for (const auto& p : a.paired) {
    nlohmann::json metrics = nlohmann::json::array();
    for (const auto& m : p) metrics.push_back({m.sum, m.sum_squares});
    out["paired"].push_back(metrics);
  }
  return out;
}

// --- The results: estimates with their intervals.

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

double share(std::uint64_t count, std::uint64_t n) {
  return n ? static_cast<double>(count) / static_cast<double>(n) : 0;
}

nlohmann::json proportion(std::uint64_t successes, std::uint64_t n) {
  const auto [low, high] = wilson(successes, n);
  return {{"p", round_to(share(successes, n), 4)}, {"low", round_to(low, 4)}, {"high", round_to(high, 4)}};
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

nlohmann::json survival_curve(const VariantAccumulator& v, const std::vector<int>& sample_days) {
  nlohmann::json curve = nlohmann::json::array();
  for (int day : sample_days) {
    curve.push_back({{"day", day}, {"p", round_to(share(v.replications - failures_before(v, day), v.replications), 4)}});
  }
  return curve;
}

nlohmann::json escalation(const VariantAccumulator& v) {
  nlohmann::json levels = nlohmann::json::array();
  for (int l = 0; l <= kEscalationLevels; ++l) {
    nlohmann::json row = proportion(v.highest_level[l], v.replications);
    row["level"] = l;
    row["name"] = kLevelNames[l];
    row["count"] = v.highest_level[l];
    levels.push_back(row);
  }
  return {{"highest_level", levels}};
}

nlohmann::json casualties(const VariantAccumulator& v, const sim::VariantDescription& described) {
  nlohmann::json by_nation = nlohmann::json::array();
  for (std::size_t n = 0; n < described.nations.size(); ++n) {
    nlohmann::json row = distribution(v.kia[n]);
    row["nation"] = described.nations[n].code;
    row["label"] = nation_label(described.nations[n].code);
    by_nation.push_back(row);
  }
  return {{"unit", "fatalities"}, {"by_nation", by_nation}, {"total", distribution(v.kia.back())}};
}

nlohmann::json incidents(const VariantAccumulator& v) {
  nlohmann::json out = nlohmann::json::object();
  for (int i = 0; i < sim::kIncidentTypes; ++i) {
    out[sim::incident_name(i)] = {{"total", v.incidents[i]},
                                  {"mean_per_replication", round_to(share(v.incidents[i], v.replications), 3)}};
  }
  return out;
}

nlohmann::json withdrawals(const VariantAccumulator& v, const sim::VariantDescription& described) {
  nlohmann::json by_nation = nlohmann::json::array();
  for (std::size_t n = 0; n < described.nations.size(); ++n) {
    const auto& causes = v.withdrawals[n];
    nlohmann::json row = proportion(v.replications - causes[0], v.replications);
    row["nation"] = described.nations[n].code;
    row["label"] = nation_label(described.nations[n].code);
    nlohmann::json by_cause = nlohmann::json::object();
    for (int c = 1; c < sim::kWithdrawalCauses; ++c) {
      by_cause[sim::to_string(static_cast<sim::WithdrawalCause>(c))] = round_to(share(causes[c], v.replications), 4);
    }
    row["by_cause"] = by_cause;
    by_nation.push_back(row);
  }
  return {{"by_nation", by_nation}, {"mean_nations_withdrawn", round_to(share(v.nations_withdrawn, v.replications), 3)}};
}

nlohmann::json troops_in_theatre(const VariantAccumulator& v, const std::vector<int>& sample_days) {
  nlohmann::json troops = nlohmann::json::array();
  for (std::size_t j = 0; j < sample_days.size() && j < v.troops.size(); ++j) {
    nlohmann::json row = distribution(v.troops[j]);
    row["day"] = sample_days[j];
    troops.push_back(row);
  }
  return troops;
}

// The deterrence terms on each report day: means over the replications still holding.
nlohmann::json deterrence_terms(const VariantAccumulator& v, const std::vector<int>& sample_days) {
  nlohmann::json rows = nlohmann::json::array();
  for (std::size_t j = 0; j < sample_days.size() && j < v.term_sums.size(); ++j) {
    nlohmann::json row = {{"day", sample_days[j]},
                          {"holding", round_to(share(v.holding_at_sample[j], v.replications), 4)}};
    for (int t = 0; t < sim::kDeterrenceTerms; ++t) {
      row[sim::deterrence_term_name(t)] = round_to(sim::mean_deterrence_term(v, j, t), 4);
    }
    rows.push_back(row);
  }
  return rows;
}

nlohmann::json failures_by_level(const VariantAccumulator& v) {
  std::uint64_t failures = 0;
  for (auto f : v.failures_by_level) failures += f;
  nlohmann::json rows = nlohmann::json::array();
  for (int l = 0; l < kEscalationLevels; ++l) {
    rows.push_back({{"level", l},
                    {"name", kLevelNames[l]},
                    {"count", v.failures_by_level[l]},
                    {"share", round_to(share(v.failures_by_level[l], failures), 4)}});
  }
  return rows;
}

nlohmann::json air_incursions(const VariantAccumulator& v) {
  auto mean = [&](int incident) { return round_to(share(v.incidents[incident], v.replications), 3); };
  return {{"incursions", mean(sim::kAirIncursions)},
          {"engagements", mean(sim::kAirEngagements)},
          {"shootdowns", mean(sim::kAirShootdowns)}};
}

nlohmann::json variant_results(const sim::VariantDescription& described, const VariantAccumulator& v,
                               const sim::RunDescription& run) {
  return {{"name", described.name},
          {"mode", described.mode},
          {"replications", v.replications},
          {"survival", survival(v, run.days)},
          {"survival_curve", survival_curve(v, run.sample_days)},
          {"escalation", escalation(v)},
          {"casualties", casualties(v, described)},
          {"incidents", incidents(v)},
          {"withdrawals", withdrawals(v, described)},
          {"troops_in_theatre", troops_in_theatre(v, run.sample_days)},
          {"deterrence_terms", deterrence_terms(v, run.sample_days)},
          {"failures_by_level", failures_by_level(v)},
          {"air_incursions", air_incursions(v)}};
}

// Paired differences of each later variant against its reference (common random numbers).
nlohmann::json comparisons(const sim::RunDescription& run, const Accumulators& a) {
  nlohmann::json out = nlohmann::json::array();
  for (std::size_t v = 0; v < a.paired.size(); ++v) {
    const double n = static_cast<double>(a.variants[v + 1].replications);
    nlohmann::json metrics = nlohmann::json::object();
    for (int m = 0; m < sim::kPairedMetrics; ++m) {
      const sim::PairedSum& p = a.paired[v][m];
      const double mean = n > 0 ? static_cast<double>(p.sum) / n : 0;
      const double variance = n > 1 ? std::max(0.0, (static_cast<double>(p.sum_squares) / n - mean * mean) * n / (n - 1)) : 0;
      const double half = n > 0 ? kZ95 * std::sqrt(variance / n) : 0;
      metrics[sim::paired_metric_name(m)] = {{"difference", round_to(mean, 4)},
                                             {"low", round_to(mean - half, 4)},
                                             {"high", round_to(mean + half, 4)}};
    }
    const sim::VariantDescription& variant = run.variants[v + 1];
    const sim::VariantDescription& baseline = run.variants[variant.reference];
    out.push_back({{"variant", variant.name},
                   {"mode", variant.mode},
                   {"baseline", baseline.name},
                   {"baseline_mode", baseline.mode},
                   {"metrics", metrics}});
  }
  return out;
}

// --- simulation.md, rendered from simulation.json so that both show the very same numbers.

// "name (mode)", or the name alone when the mode is not said.
std::string labelled(const nlohmann::json& name, const nlohmann::json& mode) {
  const std::string m = mode.get<std::string>();
  return m.empty() ? name.get<std::string>() : fmt::format("{} ({})", name.get<std::string>(), m);
}

// A share as a percentage with one decimal, or two significant digits under 0.05 % (the upper
// bound of 0 in 10,000 is 0.04 %, which one decimal would print as 0.0).
std::string percent_number(double share) {
  const double p = 100 * share;
  return p > 0 && p < 0.05 ? fmt::format("{:.2g}", p) : fmt::format("{:.1f}", p);
}

std::string percent(const nlohmann::json& p) { return percent_number(p.get<double>()) + " %"; }

std::string interval(const nlohmann::json& row) {
  return fmt::format("{} ({}–{} %)", percent(row["p"]), percent_number(row["low"].get<double>()),
                     percent_number(row["high"].get<double>()));
}

void write_variant(std::string& md, const nlohmann::json& v, const nlohmann::json& described) {
  md += fmt::format("## Variant `{}`\n\n", labelled(v["name"], v["mode"]));
  md += fmt::format("Force: {} troops from {} nations ({}); mandate {}; US backstop {}; hazard ratio from deterrence on "
                    "day 0: {}.\n\n",
                    described["force"]["troops_in_theatre"].dump(), described["force"]["nations"].size(),
                    described["force"]["origin"].get<std::string>(), described["mandate"].get<std::string>(),
                    described["us_backstop"].get<std::string>(),
                    described["deterrence_at_start"]["hazard_ratio"].dump());
  md += "### Does the ceasefire hold?\n\n| day | P(holds) (95 % interval) |\n|---:|---|\n";
  for (const auto& row : v["survival"]) md += fmt::format("| {} | {} |\n", row["day"].get<int>(), interval(row));
  md += "\n### Highest escalation level reached\n\n| level | share (95 % interval) |\n|---|---|\n";
  for (const auto& row : v["escalation"]["highest_level"]) {
    md += fmt::format("| {} {} | {} |\n", row["level"].get<int>(), row["name"].get<std::string>(), interval(row));
  }
  md += "\n### Fatalities of the force, by nation\n\n| nation | mean | p5 | p50 | p95 |\n|---|---:|---:|---:|---:|\n";
  auto fatality_row = [&](const std::string& name, const nlohmann::json& row) {
    md += fmt::format("| {} | {} | {} | {} | {} |\n", name, row["mean"].dump(), row["p5"].dump(), row["p50"].dump(),
                      row["p95"].dump());
  };
  for (const auto& row : v["casualties"]["by_nation"]) fatality_row(row["label"].get<std::string>(), row);
  fatality_row("**all**", v["casualties"]["total"]);
  md += "\n### Incidents (mean per replication)\n\n| type | mean |\n|---|---:|\n";
  for (const auto& [name, row] : v["incidents"].items()) md += fmt::format("| {} | {} |\n", name, row["mean_per_replication"].dump());
  md += "\n### Withdrawals\n\n| nation | P(withdraws) (95 % interval) | politics | renewal vote | cascade | casualty shock |\n"
        "|---|---|---:|---:|---:|---:|\n";
  for (const auto& row : v["withdrawals"]["by_nation"]) {
    const auto& c = row["by_cause"];
    md += fmt::format("| {} | {} | {} | {} | {} | {} |\n", row["label"].get<std::string>(), interval(row),
                      c["politics"].dump(), c["renewal_vote"].dump(), c["cascade"].dump(), c["casualty_shock"].dump());
  }
  md += fmt::format("\nMean number of nations withdrawn: {}.\n", v["withdrawals"]["mean_nations_withdrawn"].dump());
  md += "\n### Troops in theatre\n\n| day | mean | p5 | p50 | p95 |\n|---:|---:|---:|---:|---:|\n";
  for (const auto& row : v["troops_in_theatre"]) {
    md += fmt::format("| {} | {} | {} | {} | {} |\n", row["day"].get<int>(), row["mean"].dump(), row["p5"].dump(),
                      row["p50"].dump(), row["p95"].dump());
  }
  md += "\n";
}

void write_comparisons(std::string& md, const nlohmann::json& comparisons) {
  if (comparisons.empty()) return;
  md += "## Differences between variants (common random numbers)\n\n| variant − baseline | metric | difference | 95 % "
        "interval |\n|---|---|---:|---|\n";
  for (const auto& c : comparisons) {
    for (const auto& [name, m] : c["metrics"].items()) {
      md += fmt::format("| {} − {} | {} | {} | {} to {} |\n", labelled(c["variant"], c["mode"]),
                        labelled(c["baseline"], c["baseline_mode"]), name, m["difference"].dump(), m["low"].dump(),
                        m["high"].dump());
    }
  }
  md += "\n";
}

void write_parameters(std::string& md, const nlohmann::json& parameters) {
  md += "## Parameters (first variant)\n\n| key | value | source |\n|---|---|---|\n";
  for (const auto& p : parameters) {
    md += fmt::format("| {} | {} | {} |\n", p["key"].get<std::string>(), p["value"].dump(), p["source"].get<std::string>());
  }
}

}  // namespace

nlohmann::json simulation_json(const sim::SimulationRecord& record) {
  const sim::RunDescription& run = record.description;
  nlohmann::json variants = nlohmann::json::array();
  for (std::size_t v = 0; v < record.accumulators.variants.size(); ++v) {
    variants.push_back(variant_results(run.variants[v], record.accumulators.variants[v], run));
  }
  nlohmann::json out;
  out["kind"] = "guarantor.simulation";
  out["version"] = kSimulationRecordVersion;
  out["scenario"] = {{"name", run.scenario_name}, {"title", run.scenario_title}};
  out["replications"] = record.replications;
  out["seed"] = record.seed;
  out["days"] = run.days;
  out["mpi_ranks"] = record.mpi_ranks;
  // The first variant's results at the top level; all of them under `variants`.
  for (const char* key : {"survival", "escalation", "casualties", "incidents", "withdrawals", "troops_in_theatre"}) {
    out[key] = variants[0][key];
  }
  out["variants"] = variants;
  out["comparisons"] = comparisons(run, record.accumulators);
  out["context"] = context_json(run);
  out["shard"] = {{"index", record.shard_index}, {"count", record.shard_count}, {"first", record.first}, {"end", record.end}};
  out["accumulators"] = accumulators_json(record.accumulators);
  return out;
}

std::string simulation_markdown(const sim::SimulationRecord& record) {
  const nlohmann::json j = simulation_json(record);
  std::string md = fmt::format("# Campaign Monte Carlo: {}\n\n", j["scenario"]["title"].get<std::string>());
  md += fmt::format("{} replications, seed {}, {} days. Each replication is a pure function of (scenario, seed, "
                    "replication index); intervals are 95 % (Wilson for proportions, normal for paired differences). "
                    "The model and every parameter: docs/model/simulation.md.\n\n",
                    record.replications, record.seed, j["days"].get<int>());
  if (record.shard_count != 1) {
    md += fmt::format("**Shard {} of {}** (replications {} to {}): merge the shards with `guarantor merge`.\n\n",
                      record.shard_index, record.shard_count, record.first, record.end);
  }
  for (std::size_t v = 0; v < j["variants"].size(); ++v) write_variant(md, j["variants"][v], j["context"]["variants"][v]);
  write_comparisons(md, j["comparisons"]);
  write_parameters(md, j["context"]["variants"][0]["parameters"]);
  return md;
}

}  // namespace guarantor::report
