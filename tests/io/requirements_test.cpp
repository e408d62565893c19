// Troop-to-task derivation and the pledge tally, checked against hand arithmetic on minimal.yaml.
#include "io/loader_fixture.hpp"
#include "guarantor/scenario/force_package.hpp"
#include "guarantor/scenario/requirements.hpp"
#include "guarantor/scenario/summary.hpp"

namespace guarantor::testing {
namespace {

Scenario minimal(const std::string& variant = "") {
  auto result = load_text(minimal_text(), variant);
  EXPECT_TRUE(result.ok()) << all_messages(result.diagnostics);
  return *result.scenario;
}

TEST(Requirements, DerivedFromDriversAndFactors) {
  const Scenario s = minimal();
  const auto requirements = derive_requirements(s);
  ASSERT_EQ(requirements.size(), 2u);
  // land: 2 battalions per hub × 3 hubs = 6 battalions of 600 = 3,600 troops.
  EXPECT_EQ(requirements[0].units, 6);
  EXPECT_DOUBLE_EQ(*requirements[0].troops, 3600);
  EXPECT_EQ(requirements[0].reference_unit_type, "inf_bn");
  EXPECT_NE(requirements[0].derivation.find("× 3 hubs = 6 units"), std::string::npos) << requirements[0].derivation;
  // air: 3 detachments per orbit × 1 orbit = 3 × 150 = 450 troops.
  EXPECT_EQ(requirements[1].units, 3);
  EXPECT_DOUBLE_EQ(*requirements[1].troops, 450);
}

TEST(Requirements, FractionalRequirementsRoundUp) {
  auto result = load_text(replaced(minimal_text(), "units: 2, per: 1", "units: 1, per: 2"));
  ASSERT_TRUE(result.ok()) << all_messages(result.diagnostics);
  EXPECT_EQ(derive_requirements(*result.scenario)[0].units, 2);  // ceil(1 × 3 / 2)
}

TEST(Requirements, UnknownDriverGivesUnknownRequirement) {
  auto result = load_text(replaced(minimal_text(), "hubs: {value: 3, assumption: \"test value\"}", "hubs: unknown"));
  ASSERT_TRUE(result.ok()) << all_messages(result.diagnostics);
  const auto requirements = derive_requirements(*result.scenario);
  EXPECT_FALSE(requirements[0].units.has_value());
  EXPECT_FALSE(requirements[0].troops.has_value());
}

TEST(Summary, TalliesFirmAndConditionalTroopsAndGaps) {
  const Scenario s = minimal();
  const ScenarioSummary summary = summarise(s);
  EXPECT_DOUBLE_EQ(summary.committed_troops, 2400);    // GB 4 × 600
  EXPECT_DOUBLE_EQ(summary.conditional_troops, 1800);  // FR 3 × 600
  const ComponentSummary& land = summary.components[0];
  EXPECT_DOUBLE_EQ(*land.gap_committed, 1200);
  EXPECT_DOUBLE_EQ(*land.gap_with_conditional, -600);
  const ComponentSummary& air = summary.components[1];
  EXPECT_EQ(air.pledges_without_number, 1);  // France's air offer has no number
  EXPECT_DOUBLE_EQ(*air.gap_committed, 450);
  // Ordered by status: GB committed, FR conditional, PL declined.
  EXPECT_EQ(summary.nations[0].nation->code, "GB");
  EXPECT_EQ(summary.nations[1].status, PledgeStatus::conditional);
  EXPECT_EQ(summary.nations[2].status, PledgeStatus::declined);
}

TEST(ForcePackage, FromPledgesSkipsDeclinedAndUnknown) {
  const ForcePackage package = package_from_pledges(minimal());
  ASSERT_EQ(package.assignments.size(), 2u);
  EXPECT_DOUBLE_EQ(package.troops_in_theatre(), 4200);
  EXPECT_DOUBLE_EQ(package.troops_of("FR"), 1800);
  EXPECT_DOUBLE_EQ(package.troops_in("land"), 4200);
}

}  // namespace
}  // namespace guarantor::testing
