// The simulate, merge and attrition commands end to end: shard files merge into the same bytes as
// one run; bad input gives a clear message and exit status 2.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "guarantor/core/diagnostics.hpp"
#include "support/cli_runner.hpp"

namespace guarantor::testing {
namespace {

const std::string kFixture = "tests/data/sim/variants.yaml";

CliResult simulate(const std::vector<std::string>& extra) {
  std::vector<std::string> args = {"simulate", source_path(kFixture)};
  args.insert(args.end(), extra.begin(), extra.end());
  return run_cli(args);
}

TEST(SimulateCli, WritesJsonAndMarkdownWithTheIssueFields) {
  const std::string out = temp_dir("sim-e2e");
  const auto r = simulate({"--replications", "300", "--out", out, "--variant", "base", "--variant", "no-backstop"});
  ASSERT_EQ(r.exit_code, kExitOk) << r.err;
  const std::string json = read_file(out + "/simulation.json");
  for (const char* field : {"\"replications\"", "\"seed\"", "\"survival\"", "\"escalation\"", "\"casualties\"",
                            "\"incidents\"", "\"withdrawals\"", "\"troops_in_theatre\"", "\"comparisons\"", "\"p5\"",
                            "\"p95\""}) {
    EXPECT_NE(json.find(field), std::string::npos) << field;
  }
  EXPECT_NE(read_file(out + "/simulation.md").find("Does the ceasefire hold?"), std::string::npos);
  EXPECT_NE(r.out.find("no-backstop: P(ceasefire holds)"), std::string::npos);
  EXPECT_TRUE(r.err.empty()) << "no progress bar when stderr is not a terminal: " << r.err;
}

TEST(SimulateCli, ShardsMergeIntoTheSameBytesAsOneRun) {
  const std::string whole = temp_dir("sim-whole");
  const std::string parts = temp_dir("sim-parts");
  const std::string merged = temp_dir("sim-merged");
  const std::vector<std::string> common = {"--replications", "900", "--seed", "77", "--variant", "base",
                                           "--variant", "interposition"};
  auto with = [&](std::vector<std::string> extra) {
    extra.insert(extra.begin(), common.begin(), common.end());
    return extra;
  };
  ASSERT_EQ(simulate(with({"--out", whole, "--threads", "1"})).exit_code, kExitOk);
  std::vector<std::string> merge_args = {"merge", "--out", merged};
  for (int i = 1; i <= 3; ++i) {
    const auto r = simulate(with({"--out", parts, "--threads", "2", "--shard", std::to_string(i) + "/3"}));
    ASSERT_EQ(r.exit_code, kExitOk) << r.err;
    merge_args.push_back(parts + "/simulation-shard-" + std::to_string(i) + "-of-3.json");
  }
  const auto r = run_cli(merge_args);
  ASSERT_EQ(r.exit_code, kExitOk) << r.err;
  EXPECT_EQ(read_file(merged + "/simulation.json"), read_file(whole + "/simulation.json"));
  EXPECT_EQ(read_file(merged + "/simulation.md"), read_file(whole + "/simulation.md"));
  // A missing shard is an error, not a smaller result.
  const auto incomplete = run_cli({"merge", "--out", merged, merge_args[3], merge_args[5]});
  EXPECT_EQ(incomplete.exit_code, kExitInvalidInput);
  EXPECT_NE(incomplete.err.find("missing"), std::string::npos) << incomplete.err;
  const auto overlap = run_cli({"merge", "--out", merged, merge_args[3], merge_args[3], merge_args[4], merge_args[5]});
  EXPECT_EQ(overlap.exit_code, kExitInvalidInput);
  EXPECT_NE(overlap.err.find("overlap"), std::string::npos) << overlap.err;
}

std::string scenario_with(const std::string& simulation_block) {
  std::string text = read_file(source_path("tests/data/minimal.yaml"));
  return text + "simulation:\n" + simulation_block;
}

TEST(SimulateCli, BadInputExitsTwoWithTheKeyNamed) {
  struct Case {
    std::string yaml;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {"  cohesion:\n    cascade_probability: 1.5\n", "simulation.cohesion.cascade_probability"},
      {"  incidents:\n    respond_probability: -0.1\n", "simulation.incidents.respond_probability"},
      {"  ladder:\n    up_per_day: [0.1, -1, 0.1]\n", "simulation.ladder.up_per_day[1]"},
      {"  cohesion:\n    base_exit_hazard_per_year: -2\n", "simulation.cohesion.base_exit_hazard_per_year"},
      {"  days: 100000\n", "simulation.days"},
      {"  replications: 0\n", "simulation.replications"},
      {"  mandate: peace-enforcement\n", "simulation.mandate"},
      {"  seed: -3\n", "simulation.seed"},
      {"  ladder:\n    up_per_dya: [0, 0, 0]\n", "up_per_dya"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.yaml);
    const std::string path = write_temp_file("bad-sim.yaml", scenario_with(c.yaml));
    const auto r = run_cli({"simulate", path, "--replications", "10", "--out", temp_dir("bad")});
    EXPECT_EQ(r.exit_code, kExitInvalidInput);
    EXPECT_NE(r.err.find(c.expected), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("bad-sim.yaml:"), std::string::npos) << "FILE:LINE:COL expected: " << r.err;
  }
}

TEST(SimulateCli, BadFlagsExitTwo) {
  const std::string out = temp_dir("bad-flags");
  for (const auto& flags : std::vector<std::vector<std::string>>{{"--replications", "0"},
                                                                 {"--days", "5000"},
                                                                 {"--days", "0"},
                                                                 {"--shard", "4/3"},
                                                                 {"--shard", "one/two"},
                                                                 {"--variant", "no-such-variant"}}) {
    SCOPED_TRACE(flags[0] + " " + flags[1]);
    std::vector<std::string> args = flags;
    args.insert(args.end(), {"--out", out});
    const auto r = simulate(args);
    EXPECT_EQ(r.exit_code, kExitInvalidInput);
    EXPECT_FALSE(r.err.empty());
  }
}

TEST(MergeCli, MalformedShardFilesExitTwo) {
  const std::string out = temp_dir("bad-merge");
  const std::vector<std::pair<std::string, std::string>> files = {
      {"not-json.json", "{ this is not json"},
      {"wrong-kind.json", R"({"kind": "something else"})"},
      {"no-accumulators.json",
       R"({"kind": "guarantor.simulation", "version": 1, "seed": 1, "replications": 10, "context": {"days": 10, "sample_days": [0, 10], "variants": []}, "shard": {"index": 1, "count": 1, "first": 0, "end": 10}})"},
  };
  for (const auto& [name, text] : files) {
    SCOPED_TRACE(name);
    const auto r = run_cli({"merge", "--out", out, write_temp_file(name, text)});
    EXPECT_EQ(r.exit_code, kExitInvalidInput);
    EXPECT_NE(r.err.find(name), std::string::npos) << r.err;
  }
  const auto missing = run_cli({"merge", "--out", out, "/nonexistent/shard.json"});
  EXPECT_EQ(missing.exit_code, kExitInvalidInput);
}

TEST(AttritionCli, FitsASyntheticSquareLawSeries) {
  // Square law a = 0.02, b = 0.01 with reinforcements so both strengths vary; losses exact.
  std::string csv = "day,blue,red,blue_losses,red_losses\n";
  double blue = 30000;
  double red = 40000;
  for (int day = 0; day < 30; ++day) {
    const double bl = 0.02 * red;
    const double rl = 0.01 * blue;
    csv += std::to_string(day) + "," + std::to_string(blue) + "," + std::to_string(red) + "," + std::to_string(bl) +
           "," + std::to_string(rl) + "\n";
    blue += -bl + (day % 3 == 0 ? 2000 : 0);
    red += -rl + (day % 4 == 1 ? 1500 : 0);
  }
  const auto r = run_cli({"attrition", "fit", write_temp_file("series.csv", csv), "--json"});
  ASSERT_EQ(r.exit_code, kExitOk) << r.err;
  EXPECT_NE(r.out.find("\"r_squared\""), std::string::npos);
  const auto text = run_cli({"attrition", "fit", write_temp_file("series.csv", csv)});
  EXPECT_NE(text.out.find("p = 1.0000"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("q = 0.0000"), std::string::npos) << text.out;
  const auto bad = run_cli({"attrition", "fit", write_temp_file("bad.csv", "day,blue,red\n1,2,3\n")});
  EXPECT_EQ(bad.exit_code, kExitInvalidInput);
  EXPECT_NE(bad.err.find("bad.csv:1:1: error"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace guarantor::testing
