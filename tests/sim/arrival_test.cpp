// The force arrives per the plan's build-up (docs/model/simulation.md §6a): the compiled
// arrival steps, the troops-in-theatre series, and a force that arrives on day D deterring
// nothing before D.
#include <algorithm>

#include "guarantor/sim/model.hpp"
#include "guarantor/sim/replication.hpp"
#include "sim_fixture.hpp"

namespace guarantor::testing {
namespace {

const std::string kFixture = "tests/data/sim/calibration.yaml";  // 25,000 NL troops, only the failure hazard on

ForcePackage arriving(ForcePackage package, std::vector<BuildupPoint> buildup) {
  package.buildup = std::move(buildup);
  return package;
}

TEST(Arrivals, NoBuildupKeepsTheWholeForceInTheatreFromDayZero) {
  const Scenario scenario = load_fixture(kFixture);
  const sim::Model model = compile(scenario, package_from_pledges(scenario));
  EXPECT_EQ(model.initial_share, 1.0);
  EXPECT_TRUE(model.arrivals.empty());
  EXPECT_TRUE(std::all_of(model.share_at_sample.begin(), model.share_at_sample.end(), [](double s) { return s == 1.0; }));
}

TEST(Arrivals, BuildupBecomesSharesAndScheduledEvents) {
  const Scenario scenario = load_fixture(kFixture);
  // 5,000 on day 0, +10,000 on day 30, +100 on day 31 (too small a step: merged), all on day 60.
  const ForcePackage package =
      arriving(package_from_pledges(scenario), {{0, 5000}, {30, 15000}, {31, 15100}, {60, 25000}});
  const sim::Model model = compile(scenario, package);
  EXPECT_DOUBLE_EQ(model.initial_share, 0.2);
  ASSERT_EQ(model.arrivals.size(), 2u);
  EXPECT_EQ(model.arrivals[0], (sim::ForceArrival{30, 0.6}));
  EXPECT_EQ(model.arrivals[1], (sim::ForceArrival{60, 1.0}));
  int scheduled = 0;
  for (const auto& e : model.schedule) {
    if (e.kind != sim::ScheduledKind::force_arrival) continue;
    EXPECT_EQ(e.day, model.arrivals[static_cast<std::size_t>(e.arrival)].day);
    ++scheduled;
  }
  EXPECT_EQ(scheduled, 2);
  // Sample days every report_interval_days: the share in force on each.
  for (std::size_t j = 0; j < model.sample_days.size(); ++j) {
    const int day = model.sample_days[j];
    EXPECT_DOUBLE_EQ(model.share_at_sample[j], day >= 60 ? 1.0 : day >= 30 ? 0.6 : 0.2) << day;
  }
}

TEST(Arrivals, TroopsInTheatreFollowTheBuildup) {
  const Scenario scenario = load_fixture(kFixture);  // no exits: the series is the build-up itself
  const sim::Model model = compile(scenario, arriving(package_from_pledges(scenario), {{0, 0}, {45, 10000}, {90, 25000}}));
  sim::ReplicationWorkspace workspace;
  sim::ReplicationOutcome outcome;
  int checked = 0;
  for (std::uint64_t r = 0; r < 200; ++r) {
    sim::simulate_replication(model, 7, r, workspace, outcome);
    for (std::size_t j = 0; j < model.sample_days.size(); ++j) {
      const int day = model.sample_days[j];
      if (outcome.failure_day <= day) break;
      const std::int64_t expected = day >= 90 ? 25000 : day >= 45 ? 10000 : 0;
      EXPECT_EQ(outcome.troops_at_sample[j], expected) << "replication " << r << " day " << day;
      ++checked;
    }
  }
  EXPECT_GT(checked, 200);
}

// With every hazard term off except the force's, a force that arrives on day D leaves the failure
// clock exactly as without any force until D: with common random numbers the failures before D
// are the same replications, day by day. After D it deters; a force present from day 0 already
// deters before D (so the check can fail).
TEST(Arrivals, ALateForceDetersNothingBeforeItArrives) {
  const Scenario scenario = load_fixture(kFixture);
  constexpr int kArrival = 240;
  const ForcePackage full = package_from_pledges(scenario);
  const auto acc = run({compile(scenario, ForcePackage{}, "none"),
                        compile(scenario, arriving(full, {{0, 0}, {kArrival, full.troops_in_theatre()}}), "late"),
                        compile(scenario, full, "from_day_0")},
                       21, 20000, 3);
  const auto& none = acc.variants[0];
  const auto& late = acc.variants[1];
  const auto& early = acc.variants[2];
  for (int d = 0; d < kArrival; ++d) EXPECT_EQ(late.failures_by_day[d], none.failures_by_day[d]) << "day " << d;
  EXPECT_LT(failed_before(late, 730), failed_before(none, 730));
  EXPECT_LT(failed_before(early, kArrival), failed_before(late, kArrival));
}

}  // namespace
}  // namespace guarantor::testing
