// reference_classes.json and its text table from a hand-made pipeline result.
#include <gtest/gtest.h>

#include "guarantor/core/numeric.hpp"
#include "guarantor/report/reference_classes_output.hpp"

namespace guarantor {
namespace {

pipeline::HoldingEstimate estimate(std::uint64_t holding, std::uint64_t n) {
  pipeline::HoldingEstimate e;
  e.holding = holding;
  e.replications = n;
  e.p = static_cast<double>(holding) / static_cast<double>(n);
  std::tie(e.low, e.high) = wilson_interval(holding, n);
  return e;
}

pipeline::RunResult result_with(bool scenario_choice, bool evidence_only) {
  pipeline::RunResult r;
  r.simulation.seed = 7;
  r.scenario_baseline_class = scenario_choice ? "fortna-civil-war" : "custom";
  for (const char* key : {"fortna-civil-war", "interstate", "donbas-recommitments"}) {
    pipeline::ReferenceClassHeadline h;
    h.key = key;
    h.title = std::string("title of ") + key;
    h.source = "a source";
    h.calibration = "a calibration";
    h.days = 730;
    h.is_scenario_choice = scenario_choice && h.key == "fortna-civil-war";
    h.p_hold_end = estimate(h.is_scenario_choice ? 676 : 500, 1000);
    if (evidence_only) h.evidence_only = estimate(558, 1000);
    if (h.key == "donbas-recommitments") {  // every truce fails within weeks
      h.p_hold_end = estimate(0, 10000);
      h.p_hold_end.median_failure_day = 9;
      if (evidence_only) {
        h.evidence_only = estimate(0, 10000);
        h.evidence_only->median_failure_day = 7;
      }
    }
    r.reference_classes.push_back(h);
  }
  return r;
}

Scenario scenario_with_evidence_only(bool declared) {
  Scenario s;
  s.info.name = "test";
  s.simulation.days = 730;
  if (declared) s.variants.push_back(VariantInfo{"evidence-only", "every assumed effect size set to no effect", {}});
  return s;
}

TEST(WilsonInterval, KnownValues) {
  // 676 of 1000: p = 0.676, Wilson 95% [0.6464, 0.7043].
  const auto [low, high] = wilson_interval(676, 1000);
  EXPECT_NEAR(low, 0.6464, 5e-4);
  EXPECT_NEAR(high, 0.7043, 5e-4);
  EXPECT_EQ(wilson_interval(0, 0), (std::pair<double, double>{0, 1}));
  EXPECT_NEAR(wilson_interval(0, 100).first, 0, 1e-12);
  EXPECT_NEAR(wilson_interval(100, 100).second, 1, 1e-12);
  EXPECT_NEAR(wilson_interval(0, 100).second, 0.0370, 5e-4);  // 0 of 100: [0, 0.0370]
}

TEST(ReferenceClassesOutput, JsonListsEveryClassWithItsEstimate) {
  const auto j = report::reference_classes_json(scenario_with_evidence_only(true), result_with(true, true));
  EXPECT_EQ(j["kind"], "guarantor.reference_classes");
  EXPECT_EQ(j["days"], 730);
  EXPECT_EQ(j["replications"], 1000);
  EXPECT_EQ(j["seed"], 7);
  EXPECT_EQ(j["scenario_class"], "fortna-civil-war");
  ASSERT_EQ(j["classes"].size(), 3u);
  EXPECT_EQ(j["classes"][0]["key"], "fortna-civil-war");
  EXPECT_TRUE(j["classes"][0]["is_scenario_choice"]);
  EXPECT_FALSE(j["classes"][1]["is_scenario_choice"]);
  EXPECT_DOUBLE_EQ(j["classes"][0]["p_hold_end"]["p"], 0.676);
  EXPECT_EQ(j["classes"][0]["p_hold_end"]["holding"], 676);
  EXPECT_LT(j["classes"][0]["p_hold_end"]["low"].get<double>(), 0.676);
  EXPECT_GT(j["classes"][0]["p_hold_end"]["high"].get<double>(), 0.676);
  EXPECT_DOUBLE_EQ(j["classes"][1]["evidence_only"]["p"], 0.558);
  EXPECT_EQ(j["evidence_only"]["name"], "evidence-only");
}

TEST(ReferenceClassesOutput, WithoutEvidenceOnlyTheFieldsAreNull) {
  const auto j = report::reference_classes_json(scenario_with_evidence_only(false), result_with(true, false));
  EXPECT_TRUE(j["evidence_only"].is_null());
  EXPECT_TRUE(j["classes"][0]["evidence_only"].is_null());
  const std::string text = report::reference_classes_text(j);
  EXPECT_EQ(text.find("evidence-only"), std::string::npos);
  EXPECT_NE(text.find("fortna-civil-war *"), std::string::npos);
  EXPECT_NE(text.find("0.676 ["), std::string::npos);
}

TEST(ReferenceClassesOutput, TextSaysWhenTheScenarioUsesItsOwnBaseline) {
  const auto j = report::reference_classes_json(scenario_with_evidence_only(true), result_with(false, true));
  const std::string text = report::reference_classes_text(j);
  EXPECT_NE(text.find("Headline under each reference class"), std::string::npos);
  EXPECT_NE(text.find("evidence-only"), std::string::npos);
  EXPECT_NE(text.find("own baseline is 'custom'"), std::string::npos);
  EXPECT_EQ(text.find(" *"), std::string::npos);
}

// Under a class where nothing holds to the end the table still says something: how soon half the
// replications failed, and an upper bound that is not rounded to 0.
TEST(ReferenceClassesOutput, MedianFailureDayAndSmallBoundsAreShown) {
  const auto j = report::reference_classes_json(scenario_with_evidence_only(true), result_with(true, true));
  EXPECT_EQ(j["classes"][2]["p_hold_end"]["median_failure_day"], 9);
  EXPECT_EQ(j["classes"][2]["evidence_only"]["median_failure_day"], 7);
  EXPECT_TRUE(j["classes"][0]["p_hold_end"]["median_failure_day"].is_null());
  const std::string text = report::reference_classes_text(j);
  const auto donbas = text.substr(text.find("donbas-recommitments"));
  const std::string row = donbas.substr(0, donbas.find('\n'));
  // 0 of 10,000: Wilson's upper bound 0.00038, 0.0004 in the JSON (four decimals), not 0.000.
  EXPECT_NE(row.find("0.000 [0.000, 0.0004]"), std::string::npos) << row;
  EXPECT_NE(row.find("day 9"), std::string::npos) << row;
  EXPECT_NE(row.find("day 7"), std::string::npos) << row;
  const auto fortna = text.substr(text.find("fortna-civil-war *"));
  EXPECT_NE(fortna.substr(0, fortna.find('\n')).find("> 730"), std::string::npos) << text;
  EXPECT_NE(text.find("median: the day by which half the replications have failed"), std::string::npos);
}

TEST(ReferenceClassesOutput, NoClassesNoText) {
  EXPECT_EQ(report::reference_classes_text(report::reference_classes_json(Scenario{}, pipeline::RunResult{})), "");
}

}  // namespace
}  // namespace guarantor
