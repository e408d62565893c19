// Deterrence from what is deployed, where it is (issue 12, item 1): the force term counts land
// troops in Ukraine and air troops wherever based, never trainers, logistics or the US component;
// the nuclear term needs a nuclear-armed contributor with troops in Ukraine; the US term scales
// with the filled share of the US requirement.
#include <gtest/gtest.h>

#include <cmath>

#include "guarantor/sim/model.hpp"
#include "sim_fixture.hpp"

namespace guarantor::testing {
namespace {

const char* const kFixture = "tests/data/sim/deterrence.yaml";

sim::Model model_of(const std::string& variant) {
  const Scenario scenario = load_fixture(kFixture, variant);
  return compile(scenario, package_from_pledges(scenario), variant.empty() ? "base" : variant);
}

const sim::NationModel& nation(const sim::Model& m, const std::string& code) {
  for (const auto& n : m.nations) {
    if (n.code == code) return n;
  }
  ADD_FAILURE() << "no nation " << code;
  static const sim::NationModel none;
  return none;
}

double air_weight(const sim::Model& m) { return m.settings.deterrence.air_weight; }

TEST(DeterrenceWhereDeployed, LandInUkraineAndAirWhereverBasedCountTrainersAndUsDoNot) {
  const sim::Model m = model_of("");
  // GB: 4 battalions of 600 in Ukraine; its 400 trainers (location `either`) act through the rebuild.
  EXPECT_DOUBLE_EQ(nation(m, "GB").combat_troops, 2400);
  EXPECT_DOUBLE_EQ(nation(m, "GB").land_combat_troops, 2400);
  EXPECT_DOUBLE_EQ(nation(m, "GB").training_troops, 400);
  // FR: 600 air troops based outside Ukraine still count, at the air weight.
  EXPECT_DOUBLE_EQ(nation(m, "FR").combat_troops, 600 * air_weight(m));
  EXPECT_DOUBLE_EQ(nation(m, "FR").land_combat_troops, 0);
  EXPECT_DOUBLE_EQ(nation(m, "DE").combat_troops, 0);
  EXPECT_DOUBLE_EQ(nation(m, "US").combat_troops, 0);
  const sim::DeterrenceTerms t = sim::initial_deterrence(m);
  EXPECT_DOUBLE_EQ(t.force, sim::force_log_hazard_ratio(m, 2400 + 600 * air_weight(m)));
  // GB has troops in Ukraine and is nuclear-armed: the (fixture's) nuclear HR 0.8 applies.
  EXPECT_DOUBLE_EQ(t.nuclear, std::log(0.8));
}

TEST(DeterrenceWhereDeployed, AirOnlyHasNoLandAndNoNuclearTerm) {
  const sim::Model m = model_of("air-only");
  double land = 0;
  double combat = 0;
  for (const auto& n : m.nations) {
    land += n.land_combat_troops;
    combat += n.combat_troops;
    EXPECT_FALSE(n.nuclear_in_ukraine) << n.code;
  }
  EXPECT_EQ(land, 0);
  EXPECT_DOUBLE_EQ(combat, 600 * air_weight(m));
  const sim::DeterrenceTerms t = sim::initial_deterrence(m);
  EXPECT_EQ(t.nuclear, 0) << "British trainers and French jets abroad must not switch on the nuclear term";
  // Only the air component's term remains.
  EXPECT_DOUBLE_EQ(t.force, sim::force_log_hazard_ratio(m, 600 * air_weight(m)));
}

TEST(DeterrenceWhereDeployed, UsTermScalesWithTheFilledShareOfTheRequirement) {
  const double full = std::log(0.6);
  ASSERT_DOUBLE_EQ(SimulationSettings{}.deterrence.us_backstop_hazard_ratio, 0.6);
  // One of two required ISR orbits pledged: half the log hazard ratio.
  const Scenario scenario = load_fixture(kFixture);
  EXPECT_DOUBLE_EQ(sim::us_backstop_filled_share(scenario, package_from_pledges(scenario)), 0.5);
  const sim::Model half = model_of("");
  EXPECT_DOUBLE_EQ(sim::initial_deterrence(half).us_backstop, 0.5 * full);
  // Nothing filled: no effect, although the component is enabled.
  const sim::Model none = model_of("no-us-assets");
  EXPECT_EQ(none.backstop_share, 0);
  EXPECT_EQ(sim::initial_deterrence(none).us_backstop, 0);
  EXPECT_FALSE(none.backstop_at_start);
  // `present`: filled notionally, the full effect.
  EXPECT_DOUBLE_EQ(sim::initial_deterrence(model_of("us-present")).us_backstop, full);
  // `delayed`: the filled share, from the delay on.
  const sim::Model delayed = model_of("us-delayed");
  EXPECT_FALSE(delayed.backstop_at_start);
  EXPECT_EQ(delayed.backstop_arrival_day, 60);
  EXPECT_DOUBLE_EQ(delayed.log_us_backstop_hr, 0.5 * full);
  EXPECT_EQ(sim::initial_deterrence(delayed).us_backstop, 0);
}

TEST(DeterrenceWhereDeployed, NuclearTermDefaultsToNoEffect) {
  EXPECT_EQ(SimulationSettings{}.deterrence.nuclear_hazard_ratio, 1.0);
}

}  // namespace
}  // namespace guarantor::testing
