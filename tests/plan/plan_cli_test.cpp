// `guarantor plan` end to end: files, exit statuses, the exported model checked with GLPK.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "glpk_check.hpp"
#include "guarantor/plan/plan.hpp"
#include "guarantor/plan/synthetic.hpp"
#include "support/cli_runner.hpp"

namespace guarantor::plan {
namespace {

using guarantor::testing::read_file;
using guarantor::testing::run_cli;
using guarantor::testing::source_path;
using guarantor::testing::temp_dir;

TEST(PlanCli, WritesPlanJsonAndMarkdown) {
  const std::string out = temp_dir("plan-cli");
  const auto r = run_cli({"plan", source_path("tests/data/minimal.yaml"), "--out", out});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto plan = nlohmann::json::parse(read_file(out + "/plan.json"));
  EXPECT_EQ(plan["status"], "optimal");
  for (const char* key : {"objective", "assignments", "shortfalls", "binding", "contingency", "rotation"})
    EXPECT_TRUE(plan.contains(key)) << key;
  ASSERT_FALSE(plan["assignments"].empty());
  for (const char* key : {"nation", "component", "unit_type", "units", "troops"})
    EXPECT_TRUE(plan["assignments"][0].contains(key)) << key;
  const std::string md = read_file(out + "/plan.md");
  EXPECT_NE(md.find("## Force package"), std::string::npos);
  EXPECT_NE(md.find("hubs × 3 hubs = 6 units"), std::string::npos);  // the derivation is shown
  EXPECT_NE(md.find("FR-air"), std::string::npos);                   // the unquantified offer
}

TEST(PlanCli, SameInputSameFiles) {
  const std::string a = temp_dir("plan-a"), b = temp_dir("plan-b");
  ASSERT_EQ(run_cli({"plan", source_path("tests/data/plan/conditions.yaml"), "--out", a}).exit_code, 0);
  ASSERT_EQ(run_cli({"plan", source_path("tests/data/plan/conditions.yaml"), "--out", b}).exit_code, 0);
  EXPECT_EQ(read_file(a + "/plan.json"), read_file(b + "/plan.json"));
  EXPECT_EQ(read_file(a + "/plan.md"), read_file(b + "/plan.md"));
}

TEST(PlanCli, JsonFlagPrintsThePlan) {
  const std::string out = temp_dir("plan-json");
  const auto r = run_cli({"plan", source_path("tests/data/plan/rotation.yaml"), "--out", out, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["objective"]["unmet_requirement_troops"], 875);
}

TEST(PlanCli, ExportedModelGivesTheSameOptimumInGlpk) {
  if (!milp::testing::glpsol_available()) GTEST_SKIP() << "glpsol (glpk-utils) is not installed";
  const std::string out = temp_dir("plan-export");
  const auto r = run_cli({"plan", source_path("tests/data/plan/conditions.yaml"), "--out", out, "--export-model",
                          out + "/model.lp", "--draws", "0"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto plan = nlohmann::json::parse(read_file(out + "/plan.json"));
  const auto stage1 = milp::testing::glpk_objective(out + "/model.lp", "--lp");
  ASSERT_TRUE(stage1.has_value());
  EXPECT_NEAR(*stage1, plan["objective"]["unmet_requirement_troops"].get<double>(), 1e-6);
  // The burden stage keeps the first two optima as constraints: its optimum must agree too.
  const auto stage3 = milp::testing::glpk_objective(out + "/model.stage3.lp", "--lp");
  ASSERT_TRUE(stage3.has_value());
  EXPECT_NEAR(*stage3, plan["objective"]["burden_imbalance_troops"].get<double>(), 1e-3);
  // MPS too.
  ASSERT_EQ(run_cli({"plan", source_path("tests/data/minimal.yaml"), "--out", out, "--export-model",
                     out + "/model.mps", "--draws", "0"})
                .exit_code,
            0);
  const auto plan2 = nlohmann::json::parse(read_file(out + "/plan.json"));
  const auto mps = milp::testing::glpk_objective(out + "/model.mps", "--freemps");
  ASSERT_TRUE(mps.has_value());
  EXPECT_NEAR(*mps, plan2["objective"]["unmet_requirement_troops"].get<double>(), 1e-6);
}

TEST(PlanCli, ForceModesAreReportedAndNotionalUnitsFlagged) {
  const std::string out = temp_dir("plan-required");
  const auto r = run_cli({"plan", source_path("tests/data/plan/troops.yaml"), "--out", out, "--force", "required"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto plan = nlohmann::json::parse(read_file(out + "/plan.json"));
  EXPECT_EQ(plan["mode"], "required");
  double notional = 0;
  for (const auto& a : plan["assignments"]) {
    if (a["notional"].get<bool>()) notional += a["troops"].get<double>();
  }
  EXPECT_NEAR(notional, 450.0, 1e-6);
  for (const auto& c : plan["components"]) {
    for (const char* key : {"effectiveness", "ioc_day", "foc_day"}) EXPECT_TRUE(c.contains(key)) << key;
  }
  EXPECT_TRUE(plan.contains("buildup"));
  EXPECT_TRUE(plan.contains("excluded_pledges"));
  EXPECT_EQ(run_cli({"plan", source_path("tests/data/plan/troops.yaml"), "--force", "bogus"}).exit_code, 2);
}

TEST(PlanCli, InvalidInputExitsWithTwo) {
  const std::string bad = guarantor::testing::write_temp_file("bad-plan.yaml",
                                                              "guarantor: 1\nplan:\n  max_land_force_shar: 0.3\n");
  const auto r = run_cli({"plan", bad, "--out", temp_dir("plan-bad")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("max_land_force_shar"), std::string::npos);
  EXPECT_EQ(run_cli({"plan", source_path("tests/data/minimal.yaml"), "--draws", "-3"}).exit_code, 2);
  const auto missing = run_cli({"plan", "/nonexistent.yaml"});
  EXPECT_EQ(missing.exit_code, 2);
}

TEST(PlanCli, DeclinedEverythingIsAReportNotACrash) {
  const std::string out = temp_dir("plan-declined");
  const auto r = run_cli({"plan", source_path("tests/data/plan/declined.yaml"), "--out", out});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto plan = nlohmann::json::parse(read_file(out + "/plan.json"));
  ASSERT_EQ(plan["shortfalls"].size(), 1u);
  EXPECT_EQ(plan["shortfalls"][0]["filled"], 50);  // LU's capped 50 troops, which count nothing
  EXPECT_EQ(plan["shortfalls"][0]["effectiveness"], 0);
}

TEST(PlanTimeLimit, ReportsTheBestSolutionAndItsGapWithoutHanging) {
  const Scenario s = synthetic_scenario({100, 40, 30, 3});
  PlanOptions options;
  options.time_limit_seconds = 0.01;
  options.draws = 0;
  options.contingency = false;
  options.explain = false;
  const PlanResult r = make_plan(s, options);
  // With 10 ms a stage, CBC either proves optimality, stops with an incumbent and a gap, or
  // stops before any solution; each is reported, none crashes.
  using milp::SolveStatus;
  EXPECT_TRUE(r.status == SolveStatus::optimal || r.status == SolveStatus::feasible ||
              r.status == SolveStatus::time_limit)
      << milp::to_string(r.status);
  if (r.status == SolveStatus::feasible) {
    EXPECT_GE(r.gap, 0.0);
  }
  if (r.status == SolveStatus::time_limit) EXPECT_TRUE(r.assignments.empty());
  // Every stage that ran ended with a solver outcome; none failed outright.
  for (const auto& t : r.objective) EXPECT_TRUE(t.skipped || t.status != SolveStatus::error) << t.name;
}

}  // namespace
}  // namespace guarantor::plan
