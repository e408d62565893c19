// The plan stage on small scenarios whose optima are computed by hand in the fixtures' comments
// (tests/data/plan/*.yaml) and in docs/model/plan.md.
#include <gtest/gtest.h>

#include <algorithm>

#include "guarantor/io/force_package_io.hpp"
#include "guarantor/io/scenario_io.hpp"
#include "guarantor/plan/plan.hpp"
#include "guarantor/report/plan_output.hpp"
#include "support/cli_runner.hpp"

namespace guarantor::plan {
namespace {

using report::plan_json;
using report::plan_markdown;

Scenario load(const std::string& relative, const std::string& variant = "") {
  io::LoadResult r = io::load_scenario_file(testing::source_path(relative), io::LoadOptions{variant});
  for (const auto& d : r.diagnostics.all()) {
    if (d.severity == Severity::error) ADD_FAILURE() << format_diagnostic(d);
  }
  EXPECT_TRUE(r.ok());
  return std::move(*r.scenario);
}

int units_of(const PlanResult& r, const std::string& nation, const std::string& component) {
  int total = 0;
  for (const auto& a : r.assignments) {
    if (a.nation == nation && a.component == component) total += a.units;
  }
  return total;
}

const ComponentPlan& component(const PlanResult& r, const std::string& id) {
  auto it = std::find_if(r.components.begin(), r.components.end(), [&](const auto& c) { return c.id == id; });
  EXPECT_NE(it, r.components.end()) << id;
  return *it;
}

double term(const PlanResult& r, const std::string& name) {
  for (const auto& t : r.objective) {
    if (t.name == name) return t.value;
  }
  ADD_FAILURE() << "no objective term " << name;
  return -1;
}

TEST(Plan, RotationCapLimitsWhatANationCanSustain) {
  const Scenario s = load("tests/data/plan/rotation.yaml");
  const PlanResult r = make_plan(s);
  ASSERT_EQ(r.status, milp::SolveStatus::optimal) << r.message;
  // GB: 2,500 troops of cap / (500 troops × multiplier 4) = 1 battalion; FR gives its 1.
  EXPECT_EQ(units_of(r, "GB", "land"), 1);
  EXPECT_EQ(units_of(r, "FR", "land"), 1);
  EXPECT_NEAR(term(r, "unmet_requirement_troops"), 1000.0, 1e-6);
  const ComponentPlan& land = component(r, "land");
  EXPECT_TRUE(land.viable);
  EXPECT_DOUBLE_EQ(land.required_troops, 2000.0);
  EXPECT_NEAR(land.unmet_troops, 1000.0, 1e-6);
  // Rotation: 2 battalions in theatre = 1,000 troops; × 4 = 4,000 committed.
  EXPECT_DOUBLE_EQ(r.troops_in_theatre(), 1000.0);
  EXPECT_DOUBLE_EQ(r.troops_committed(), 4000.0);
}

TEST(Plan, RotationCapIsReportedAsBindingWithItsValue) {
  const Scenario s = load("tests/data/plan/rotation.yaml");
  const PlanResult r = make_plan(s);
  auto it = std::find_if(r.binding.begin(), r.binding.end(),
                         [](const auto& b) { return b.constraint == "force_cap_land[GB]"; });
  ASSERT_NE(it, r.binding.end());
  // Without the cap GB sends all 3 of its battalions: 4 of 4 filled, unmet 0, a gain of 1,000.
  EXPECT_NEAR(it->improvement_troops, 1000.0, 1e-6);
  EXPECT_NE(it->explanation.find("United Kingdom"), std::string::npos);
  ASSERT_TRUE(it->shadow_price.has_value());
  // Each extra troop of cap buys 1/4 troop in theatre (multiplier 4): 0.25 troops of unmet.
  EXPECT_NEAR(*it->shadow_price, 0.25, 1e-6);
}

TEST(Plan, LargerArmyLiftsTheRotationLimit) {
  const Scenario s = load("tests/data/plan/rotation.yaml", "big-army");
  const PlanResult r = make_plan(s);
  ASSERT_EQ(r.status, milp::SolveStatus::optimal);
  // 40,000 × 0.25 = 10,000 ≥ 3 × 2,000: GB sends 3, FR 1; all 4 filled.
  EXPECT_EQ(units_of(r, "GB", "land"), 3);
  EXPECT_EQ(units_of(r, "FR", "land"), 1);
  EXPECT_NEAR(term(r, "unmet_requirement_troops"), 0.0, 1e-6);
  EXPECT_TRUE(r.binding.empty());
}

TEST(Plan, NonNatoOnlyAndOutsideUkraineConditions) {
  const Scenario s = load("tests/data/plan/conditions.yaml");
  const PlanResult r = make_plan(s);
  ASSERT_EQ(r.status, milp::SolveStatus::optimal);
  EXPECT_EQ(units_of(r, "GB", "buffer"), 0);  // NATO: excluded from the non-NATO-only buffer
  EXPECT_EQ(units_of(r, "IN", "buffer"), 1);
  EXPECT_EQ(units_of(r, "BR", "buffer"), 1);
  EXPECT_EQ(units_of(r, "TR", "sea"), 2);
  EXPECT_EQ(units_of(r, "TR", "coast"), 0);  // outside Ukraine only
  EXPECT_TRUE(component(r, "buffer").viable);
  EXPECT_TRUE(component(r, "sea").viable);
  EXPECT_FALSE(component(r, "coast").viable);
  EXPECT_NEAR(term(r, "unmet_requirement_troops"), 200.0, 1e-6);
}

TEST(Plan, ConditionsThatBindAreExplained) {
  const Scenario s = load("tests/data/plan/conditions.yaml");
  const PlanResult r = make_plan(s);
  // Lifting TR's condition moves a frigate to the coast, but then sea (2 needed, now 1 left) fails:
  // no gain. Opening the buffer to NATO changes nothing either (it is full). What is left is the
  // plain lack of a frigate for the coast.
  auto it = std::find_if(r.binding.begin(), r.binding.end(),
                         [](const auto& b) { return b.constraint == "fill[coast,escort]"; });
  ASSERT_NE(it, r.binding.end());
  EXPECT_NE(it->explanation.find("needs 1 units"), std::string::npos);
}

TEST(Plan, UnquantifiedOffersAreReportedNotCounted) {
  const Scenario s = load("tests/data/plan/conditions.yaml");
  const PlanResult r = make_plan(s);
  ASSERT_EQ(r.unquantified.size(), 1u);
  EXPECT_EQ(r.unquantified[0].pledge, "TR-more");
  for (const auto& a : r.assignments) EXPECT_NE(a.pledge, "TR-more");
}

TEST(Plan, ContingencyFindsWhichWithdrawalBreaksWhat) {
  const Scenario s = load("tests/data/plan/conditions.yaml");
  const PlanResult r = make_plan(s);
  // Contributors: TR (400 troops), IN (150), BR (150). Without IN or BR the buffer (2 × 150 = 300)
  // breaks; without TR the sea component (2 × 200 = 400) breaks.
  std::map<std::string, ContingencyCase> by_removed;
  for (const auto& c : r.contingency) {
    std::string key;
    for (const auto& n : c.removed) key += n + (key.empty() ? "" : "");
    by_removed[key] = c;
  }
  ASSERT_TRUE(by_removed.count("IN"));
  EXPECT_EQ(by_removed["IN"].broken_components, std::vector<std::string>{"buffer"});
  EXPECT_NEAR(by_removed["IN"].extra_shortfall_troops, 300.0, 1e-6);
  ASSERT_TRUE(by_removed.count("TR"));
  EXPECT_EQ(by_removed["TR"].broken_components, std::vector<std::string>{"sea"});
  EXPECT_NEAR(by_removed["TR"].extra_shortfall_troops, 400.0, 1e-6);
  EXPECT_FALSE(by_removed.count("GB"));  // GB contributes nothing
  // N-2 among the three contributors: 3 pairs.
  int pairs = 0;
  for (const auto& c : r.contingency) pairs += c.removed.size() == 2 ? 1 : 0;
  EXPECT_EQ(pairs, 3);
  ASSERT_TRUE(r.conditional.has_value());
  EXPECT_DOUBLE_EQ(r.conditional->troops_from_conditional, 300.0);
  EXPECT_EQ(r.conditional->broken_components, std::vector<std::string>{"buffer"});
}

TEST(Plan, MonteCarloMatchesTheClosedForm) {
  const Scenario s = load("tests/data/plan/conditions.yaml");
  const PlanResult r = make_plan(s);
  ASSERT_TRUE(r.monte_carlo.has_value());
  const MonteCarloResult& mc = *r.monte_carlo;
  EXPECT_EQ(mc.draws, 200);
  // The buffer needs both IN (p = 0.5) and BR (no probability: default 0.5, an assumption):
  // P(unfilled) = 1 − 0.25 = 0.75. With 200 draws the standard error is 0.031; allow 4 of them.
  for (const auto& d : mc.components) {
    if (d.component == "buffer") EXPECT_NEAR(d.probability_unfilled, 0.75, 0.125);
    if (d.component == "sea") EXPECT_DOUBLE_EQ(d.probability_unfilled, 0.0);
    if (d.component == "coast") EXPECT_DOUBLE_EQ(d.probability_unfilled, 1.0);
  }
  EXPECT_EQ(mc.assumed_probability_pledges, std::vector<std::string>{"BR-coy"});
  EXPECT_LE(mc.robust_plan_mean_unmet, mc.deterministic_plan_mean_unmet + 1e-9);
}

TEST(Plan, SameSeedSameFilesOtherSeedOtherDraws) {
  const Scenario s = load("tests/data/plan/conditions.yaml");
  const auto a = plan_json(s, make_plan(s)).dump();
  const auto b = plan_json(s, make_plan(s)).dump();
  EXPECT_EQ(a, b);
  EXPECT_EQ(plan_markdown(s, make_plan(s)), plan_markdown(s, make_plan(s)));
  PlanOptions other;
  other.seed = 8;
  const PlanResult c = make_plan(s, other);
  const PlanResult d = make_plan(s);
  ASSERT_TRUE(c.monte_carlo && d.monte_carlo);
  EXPECT_NE(plan_json(s, c)["monte_carlo"].dump(), plan_json(s, d)["monte_carlo"].dump());
}

TEST(Plan, EverythingDeclinedOrWithoutCapacityGivesAnEmptyPlan) {
  const Scenario s = load("tests/data/plan/declined.yaml");
  const PlanResult r = make_plan(s);
  ASSERT_EQ(r.status, milp::SolveStatus::optimal);
  EXPECT_TRUE(r.assignments.empty());
  EXPECT_NEAR(term(r, "unmet_requirement_troops"), 3 * 600.0, 1e-6);
  EXPECT_FALSE(component(r, "land").viable);
  EXPECT_TRUE(r.contingency.empty());
  EXPECT_FALSE(r.binding.empty());  // the lack of supply is explained
}

TEST(Plan, MinimalScenarioFrameworkAndMultinationality) {
  const Scenario s = load("tests/data/minimal.yaml");
  const PlanResult r = make_plan(s);
  ASSERT_EQ(r.status, milp::SolveStatus::optimal);
  // land needs 6 battalions, 2 nations, a framework nation with ceil(0.3 × 6) = 2. GB pledges 4
  // (its cap: 75,000 × 0.25 = 18,750 / (600 × 5) = 6 battalions), FR 3 (200,000 active × 0.25
  // = 50,000 / 3,000 = 16): 6 filled, viable.
  EXPECT_TRUE(component(r, "land").viable);
  EXPECT_EQ(units_of(r, "GB", "land") + units_of(r, "FR", "land"), 6);
  EXPECT_GE(units_of(r, "GB", "land"), 1);
  EXPECT_GE(units_of(r, "FR", "land"), 1);
  // Air: FR-air has no number; 3 × 150 troops unmet.
  EXPECT_FALSE(component(r, "air").viable);
  EXPECT_NEAR(term(r, "unmet_requirement_troops"), 450.0, 1e-6);
}

TEST(Plan, OutcomeIsOkOnlyWithAPlan) {
  const Scenario s = load("tests/data/minimal.yaml");
  EXPECT_TRUE(make_plan(s).outcome().is_ok());
  PlanResult none;  // as make_plan leaves it when the first stage has no solution
  none.status = milp::SolveStatus::infeasible;
  none.message = "no integer solution exists";
  EXPECT_FALSE(none.has_plan());
  EXPECT_EQ(none.outcome().code(), StatusCode::solver_failure);
  EXPECT_EQ(none.outcome().message(), "infeasible: no integer solution exists");
}

TEST(Plan, StatusesAreWrittenAsWords) {
  const Scenario s = load("tests/data/minimal.yaml");
  const nlohmann::json j = plan_json(s, make_plan(s));
  EXPECT_EQ(j["status"], "optimal");
  for (const auto& stage : j["objective"]["stages"]) {
    EXPECT_TRUE(stage["status"] == "optimal" || stage["status"] == "skipped") << stage.dump();
  }
  for (const auto& n : j["rotation"]["nations"]) {
    EXPECT_TRUE(n["land_cap_basis"] == "land_personnel" || n["land_cap_basis"] == "active_personnel" ||
                n["land_cap_basis"] == "none")
        << n.dump();
  }
}

TEST(Plan, AssignmentsRoundTripThroughTheForcePackageReader) {
  const Scenario s = load("tests/data/minimal.yaml");
  const PlanResult r = make_plan(s);
  const std::string path = testing::write_temp_file("plan.json", plan_json(s, r).dump(2));
  Diagnostics diagnostics;
  auto package = io::read_force_package(path, s, diagnostics);
  ASSERT_TRUE(package.has_value());
  EXPECT_EQ(package->assignments.size(), r.assignments.size());
  EXPECT_DOUBLE_EQ(package->troops_in_theatre(), r.troops_in_theatre());
}

}  // namespace
}  // namespace guarantor::plan
