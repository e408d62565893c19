// The plan stage on small scenarios whose optima are computed by hand in the fixtures' comments
// (tests/data/plan/*.yaml) and in docs/model/plan.md.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

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

double units_of(const PlanResult& r, const std::string& nation, const std::string& component) {
  double total = 0;
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
  // GB: 2,500 troops of cap / multiplier 4 = 625 troops in theatre (1.25 battalions: troops are
  // counted, fractions kept); FR gives its 500.
  EXPECT_NEAR(units_of(r, "GB", "land"), 1.25, 1e-6);
  EXPECT_NEAR(units_of(r, "FR", "land"), 1.0, 1e-6);
  EXPECT_NEAR(term(r, "unmet_requirement_troops"), 875.0, 1e-6);
  const ComponentPlan& land = component(r, "land");
  EXPECT_TRUE(land.viable);
  EXPECT_DOUBLE_EQ(land.required_troops, 2000.0);
  EXPECT_NEAR(land.unmet_troops, 875.0, 1e-6);
  ASSERT_TRUE(land.effectiveness.has_value());
  EXPECT_NEAR(*land.effectiveness, 1125.0 / 2000.0, 1e-9);
  // Rotation: 1,125 troops in theatre; × 4 = 4,500 committed.
  EXPECT_NEAR(r.troops_in_theatre(), 1125.0, 1e-6);
  EXPECT_NEAR(r.troops_committed(), 4500.0, 1e-6);
}

TEST(Plan, RotationCapIsReportedAsBindingWithItsValue) {
  const Scenario s = load("tests/data/plan/rotation.yaml");
  const PlanResult r = make_plan(s);
  auto it = std::find_if(r.binding.begin(), r.binding.end(),
                         [](const auto& b) { return b.constraint == "force_cap_land[GB]"; });
  ASSERT_NE(it, r.binding.end());
  // Without the cap GB sends all 1,500 troops: 2,000 of 2,000 filled, unmet 0, a gain of 875.
  EXPECT_NEAR(it->improvement_troops, 875.0, 1e-6);
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
  EXPECT_NEAR(units_of(r, "GB", "land"), 3.0, 1e-6);
  EXPECT_NEAR(units_of(r, "FR", "land"), 1.0, 1e-6);
  EXPECT_NEAR(term(r, "unmet_requirement_troops"), 0.0, 1e-6);
  EXPECT_TRUE(r.binding.empty());
}

TEST(Plan, NonNatoOnlyAndOutsideUkraineConditions) {
  const Scenario s = load("tests/data/plan/conditions.yaml");
  const PlanResult r = make_plan(s);
  ASSERT_EQ(r.status, milp::SolveStatus::optimal);
  EXPECT_EQ(units_of(r, "GB", "buffer"), 0);  // NATO: excluded from the non-NATO-only buffer
  EXPECT_NEAR(units_of(r, "IN", "buffer"), 1, 1e-6);
  EXPECT_NEAR(units_of(r, "BR", "buffer"), 1, 1e-6);
  EXPECT_NEAR(units_of(r, "TR", "sea"), 2, 1e-6);
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
  EXPECT_NE(it->explanation.find("needs 200 troops"), std::string::npos);
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
  // LU's cap allows 250 / 5 = 50 troops in theatre: placed (they shorten the raw shortfall) but
  // far below the line's minimum, so nothing counts.
  EXPECT_NEAR(r.troops_in_theatre(), 50.0, 1e-6);
  EXPECT_NEAR(term(r, "unmet_requirement_troops"), 3 * 600.0, 1e-6);
  EXPECT_FALSE(component(r, "land").viable);
  EXPECT_DOUBLE_EQ(component(r, "land").effectiveness.value_or(-1), 0.0);
  for (const auto& c : r.contingency) EXPECT_DOUBLE_EQ(c.extra_shortfall_troops, 0.0);
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
  EXPECT_NEAR(units_of(r, "GB", "land") + units_of(r, "FR", "land"), 6, 1e-6);
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

// tests/data/plan/troops.yaml: the optimum and every figure below are worked out in its comments.
TEST(Plan, FillCountsTroopsNotUnits) {
  const Scenario s = load("tests/data/plan/troops.yaml");
  const PlanResult r = make_plan(s);
  ASSERT_EQ(r.status, milp::SolveStatus::optimal) << r.message;
  // Estonia's company is 150 troops, not a battalion's 800.
  double estonia = 0;
  for (const auto& a : r.assignments) estonia += a.nation == "EE" ? a.troops : 0;
  EXPECT_NEAR(estonia, 150.0, 1e-6);
  EXPECT_NEAR(term(r, "unmet_requirement_troops"), 450.0, 1e-6);
  const ComponentPlan& land = component(r, "land");
  ASSERT_TRUE(land.effectiveness.has_value());
  EXPECT_NEAR(*land.effectiveness, 2950.0 / 3400.0, 1e-4);
}

TEST(Plan, NationalPackageFillsManoeuvreAndEnablersInItsShares) {
  const Scenario s = load("tests/data/plan/troops.yaml");
  const PlanResult r = make_plan(s);
  double manoeuvre = 0, command = 0;
  for (const auto& a : r.assignments) {
    if (a.pledge != "GB-land") continue;
    (a.capability == "land_manoeuvre" ? manoeuvre : command) += a.troops;
  }
  EXPECT_NEAR(manoeuvre, 1800.0, 1e-6);
  EXPECT_NEAR(command, 200.0, 1e-6);
}

TEST(Plan, HalfHeadquartersMakeOneJointHeadquarters) {
  const Scenario s = load("tests/data/plan/troops.yaml");
  const PlanResult r = make_plan(s);
  EXPECT_NEAR(units_of(r, "GB", "command"), 0.5, 1e-9);
  EXPECT_NEAR(units_of(r, "FR", "command"), 0.5, 1e-9);
  const ComponentPlan& command = component(r, "command");
  ASSERT_TRUE(command.effectiveness.has_value());
  EXPECT_DOUBLE_EQ(*command.effectiveness, 1.0);
  EXPECT_FALSE(command.framework_nation.empty());
}

TEST(Plan, EachWithdrawalCostsWhatItRemoves) {
  const Scenario s = load("tests/data/plan/troops.yaml");
  const PlanResult r = make_plan(s);
  std::map<std::string, ContingencyCase> single;
  for (const auto& c : r.contingency) {
    if (c.removed.size() == 1) single[c.removed.front()] = c;
  }
  ASSERT_TRUE(single.count("GB") && single.count("FR"));
  EXPECT_NEAR(single["GB"].extra_shortfall_troops, 3020.0, 1e-6);
  EXPECT_NEAR(single["FR"].extra_shortfall_troops, 870.0, 1e-6);
  EXPECT_NEAR(single["FR"].effectiveness_loss, 870.0 / 3520.0, 1e-4);
}

TEST(Plan, RequiredForceFillsTheRequirementWithNotionalUnits) {
  const Scenario s = load("tests/data/plan/troops.yaml");
  PlanOptions options;
  options.mode = ForceMode::required;
  const PlanResult r = make_plan(s, options);
  EXPECT_NEAR(r.notional_troops(), 450.0, 1e-6);
  EXPECT_NEAR(r.troops_in_theatre(), 3520.0, 1e-6);
  for (const auto& a : r.assignments) {
    if (a.notional) {
      EXPECT_TRUE(a.nation.empty());
      EXPECT_EQ(a.capability, "land_manoeuvre");
    }
  }
  for (const auto& c : r.components) EXPECT_DOUBLE_EQ(c.effectiveness.value_or(-1), 1.0) << c.id;
  const ForcePackage package = r.package();
  EXPECT_EQ(package.origin, "required");
  EXPECT_NEAR(package.troops_in_theatre(), 3520.0, 1e-6);
}

TEST(Plan, PledgesConditionedOnAnAbsentBackstopAreExcluded) {
  const PlanResult base = make_plan(load("tests/data/plan/troops.yaml"));
  EXPECT_TRUE(base.excluded_pledges.empty());
  const Scenario s = load("tests/data/plan/troops.yaml", "no-backstop");
  const PlanResult r = make_plan(s);
  ASSERT_EQ(r.excluded_pledges.size(), 1u);
  EXPECT_EQ(r.excluded_pledges[0].pledge, "NL-land");  // listed though its quantity is unknown
  EXPECT_EQ(r.excluded_pledges[0].nation, "NL");
  // The disabled component is listed, with nothing deployed.
  const ComponentPlan& backstop = component(r, "backstop");
  EXPECT_FALSE(backstop.enabled);
  EXPECT_FALSE(backstop.effectiveness.has_value());
  const nlohmann::json j = plan_json(s, r);
  EXPECT_EQ(j["excluded_pledges"][0]["pledge"], "NL-land");
  EXPECT_EQ(j["mode"], "planned");
}

TEST(Plan, ForceFlowPhasesTheForceInThroughItsRoute) {
  Scenario s = load("tests/data/plan/troops.yaml");
  const PlanResult r = make_plan(s);
  const ComponentPlan& land = component(r, "land");
  ASSERT_TRUE(land.ioc_day && land.foc_day);
  EXPECT_EQ(*land.ioc_day, 22);
  EXPECT_EQ(*land.foc_day, 37);
  ASSERT_FALSE(r.buildup.empty());
  EXPECT_NEAR(r.buildup.back().troops, r.troops_in_theatre(), 1e-6);
  EXPECT_EQ(r.buildup.back().day, 37);
  EXPECT_EQ(r.package().buildup.size(), r.buildup.size());
  // Halve the route's capacity: the same troops arrive later.
  for (auto& c : s.components) {
    if (c.id == "land") c.route->capacity_troops_per_day.value = 50;
  }
  const PlanResult slower = make_plan(s);
  ASSERT_TRUE(component(slower, "land").foc_day);
  EXPECT_EQ(*component(slower, "land").foc_day, 64);
  EXPECT_GT(*component(slower, "land").foc_day, *land.foc_day);
}

}  // namespace
}  // namespace guarantor::plan
