// One set of planning factors for plan and laydown: the scenario's requirement lines that the
// plan sizes from a planning factor must agree with the factor the laydown reads from the
// registry, so that the two stages cannot drift apart (issue 14, item 3).
#include <gtest/gtest.h>

#include "guarantor/io/scenario_io.hpp"
#include "support/cli_runner.hpp"

namespace guarantor::testing {
namespace {

const Requirement* line(const Scenario& s, const std::string& component, const std::string& capability) {
  const Component* c = s.find_component(component);
  if (!c) return nullptr;
  for (const auto& r : c->requirements) {
    if (r.capability == capability) return &r;
  }
  return nullptr;
}

Scenario default_scenario() {
  auto loaded = io::load_scenario_file(source_path("data/scenarios/mnf-ukraine.yaml"));
  EXPECT_TRUE(loaded.ok());
  return *loaded.scenario;
}

// Route-km one minehunter clears in the UA Navy's 180 days (routes cleared within 6 months):
// clearance rate × 180 / corridor width, all three read by the laydown from the registry.
TEST(PlanningFactors, MinehuntersPerRouteKmMatchTheLaydownClearanceRate) {
  const Scenario s = default_scenario();
  const Requirement* mcm = line(s, "maritime", "mcm");
  ASSERT_NE(mcm, nullptr);
  const double route_km = s.laydown.mcm_area_rate_km2_per_day * 180.0 / s.laydown.corridor_width_km;
  EXPECT_NEAR(mcm->per / mcm->units, route_km, 1.0) << "the plan's minehunter line disagrees with laydown.mcm_area_rate_km2_per_day";
}

// Detachments per CAP station: the planning_factors §3a worked example (300 km from base) with the
// laydown's CAP registry factors.
TEST(PlanningFactors, DetachmentsPerCapStationMatchTheLaydownSizing) {
  const Scenario s = default_scenario();
  const Requirement* cap = line(s, "air_policing", "air_policing");
  ASSERT_NE(cap, nullptr);
  EXPECT_EQ(static_cast<int>(cap->units / cap->per), cap_detachments_per_station(s.laydown, 300.0));
}

}  // namespace
}  // namespace guarantor::testing
