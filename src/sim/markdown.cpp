// simulation.md: the same numbers as simulation.json, for people.
#include <fmt/format.h>

#include "guarantor/sim/engine.hpp"

namespace guarantor::sim {

namespace {

std::string percent(const nlohmann::json& p) { return fmt::format("{:.1f} %", 100 * p.get<double>()); }

std::string interval(const nlohmann::json& row) {
  return fmt::format("{} ({:.1f}–{:.1f} %)", percent(row["p"]), 100 * row["low"].get<double>(),
                     100 * row["high"].get<double>());
}

void write_variant(std::string& md, const nlohmann::json& v, const nlohmann::json& described) {
  md += fmt::format("## Variant `{}`\n\n", v["name"].get<std::string>());
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
  for (const auto& row : v["casualties"]["by_nation"]) fatality_row(row["nation"].get<std::string>(), row);
  fatality_row("**all**", v["casualties"]["total"]);
  md += "\n### Incidents (mean per replication)\n\n| type | mean |\n|---|---:|\n";
  for (const auto& [name, row] : v["incidents"].items()) md += fmt::format("| {} | {} |\n", name, row["mean_per_replication"].dump());
  md += "\n### Withdrawals\n\n| nation | P(withdraws) (95 % interval) | politics | renewal vote | cascade | casualty shock |\n"
        "|---|---|---:|---:|---:|---:|\n";
  for (const auto& row : v["withdrawals"]["by_nation"]) {
    const auto& c = row["by_cause"];
    md += fmt::format("| {} | {} | {} | {} | {} | {} |\n", row["nation"].get<std::string>(), interval(row),
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

}  // namespace

std::string record_to_markdown(const SimulationRecord& record) {
  const nlohmann::json j = record_to_json(record);
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
  if (!j["comparisons"].empty()) {
    md += "## Differences between variants (common random numbers)\n\n| variant − baseline | metric | difference | 95 % "
          "interval |\n|---|---|---:|---|\n";
    for (const auto& c : j["comparisons"]) {
      for (const auto& [name, m] : c["metrics"].items()) {
        md += fmt::format("| {} − {} | {} | {} | {} to {} |\n", c["variant"].get<std::string>(),
                          c["baseline"].get<std::string>(), name, m["difference"].dump(), m["low"].dump(),
                          m["high"].dump());
      }
    }
    md += "\n";
  }
  md += "## Parameters (first variant)\n\n| key | value | source |\n|---|---|---|\n";
  for (const auto& p : j["context"]["variants"][0]["parameters"]) {
    md += fmt::format("| {} | {} | {} |\n", p["key"].get<std::string>(), p["value"].dump(), p["source"].get<std::string>());
  }
  return md;
}

}  // namespace guarantor::sim
