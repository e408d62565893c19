// Calibration and closed forms (issue 4, items 6 and "Done when"):
//  - the baseline reproduces Fortna's ceasefire failure shares (32 % within 1 year, 41 % within 2),
//  - a force with the peacekeeping hazard ratio (0.54 unadjusted, 0.30 with controls) reproduces it,
//  - a constant hazard gives an exponential survival curve.
// Each check allows 4 standard errors of sampling error (20,000 replications).
#include <cmath>

#include "sim/sim_fixture.hpp"

namespace guarantor::testing {
namespace {

constexpr std::uint64_t kReplications = 20000;
const char* const kFixture = "tests/data/sim/calibration.yaml";

// Weibull (shape, scale in days) through two survival points S(365) and S(730).
std::pair<double, double> weibull_through(double s365, double s730) {
  const double h1 = -std::log(s365);
  const double h2 = -std::log(s730);
  const double shape = std::log(h2 / h1) / std::log(2.0);
  const double scale = 365 / std::pow(h1, 1 / shape);
  return {shape, scale};
}

double standard_error(double p) { return std::sqrt(p * (1 - p) / kReplications); }

TEST(Calibration, DefaultBaselineIsFortnaWithoutPeacekeepers) {
  const auto [shape, scale] = weibull_through(0.613, 0.548);  // validation_data.md §2.3
  const SimulationSettings defaults;
  EXPECT_NEAR(defaults.baseline.weibull_shape, shape, 1e-4);
  EXPECT_NEAR(defaults.baseline.weibull_scale_days, scale, 0.5);
}

TEST(Calibration, PooledFortnaFailureShares) {
  Scenario scenario = load_fixture(kFixture);
  std::tie(scenario.simulation.baseline.weibull_shape, scenario.simulation.baseline.weibull_scale_days) =
      weibull_through(0.677, 0.594);  // all 96 cease-fires, validation_data.md §2.3
  const auto acc = run({compile(scenario, ForcePackage{})}, 11, kReplications);
  EXPECT_NEAR(failed_before(acc.variants[0], 365), 0.323, 4 * standard_error(0.323));  // "about 32 %"
  EXPECT_NEAR(failed_before(acc.variants[0], 730), 0.406, 4 * standard_error(0.406));  // "about 41 %"
}

// Hazard ratio estimated from the two arms: under proportional hazards ln S1(t) / ln S0(t) = HR.
double estimated_hazard_ratio(double force_hazard_ratio, double& no_force_failed_365, double& no_force_failed_730) {
  Scenario scenario = load_fixture(kFixture);
  scenario.simulation.deterrence.force_hazard_ratio = force_hazard_ratio;
  const ForcePackage force = package_from_pledges(scenario);
  EXPECT_DOUBLE_EQ(force.troops_in_theatre(), scenario.simulation.deterrence.reference_troops);
  const auto acc = run({compile(scenario, ForcePackage{}, "none"), compile(scenario, force, "force")}, 12, kReplications);
  no_force_failed_365 = failed_before(acc.variants[0], 365);
  no_force_failed_730 = failed_before(acc.variants[0], 730);
  return std::log(1 - failed_before(acc.variants[1], 730)) / std::log(1 - no_force_failed_730);
}

TEST(Calibration, PeacekeepingHazardRatioUnadjusted) {
  double failed_365 = 0;
  double failed_730 = 0;
  const double hr = estimated_hazard_ratio(0.538, failed_365, failed_730);
  EXPECT_NEAR(hr, 0.538, 0.04);
  // The no-force arm is Fortna's cease-fires without peacekeepers: 39 % and 45 % failed.
  EXPECT_NEAR(failed_365, 1 - 0.613, 4 * standard_error(0.387));
  EXPECT_NEAR(failed_730, 1 - 0.548, 4 * standard_error(0.452));
}

TEST(Calibration, PeacekeepingHazardRatioWithControls) {
  double failed_365 = 0;
  double failed_730 = 0;
  EXPECT_NEAR(estimated_hazard_ratio(0.302, failed_365, failed_730), 0.302, 0.03);
}

TEST(ClosedForm, ConstantHazardGivesExponentialSurvival) {
  Scenario scenario = load_fixture(kFixture);
  scenario.simulation.baseline.weibull_shape = 1;  // constant hazard 1/500 per day
  scenario.simulation.baseline.weibull_scale_days = 500;
  const sim::Model model = compile(scenario, ForcePackage{});
  const auto acc = run({model}, 13, kReplications);
  for (int day : model.sample_days) {
    SCOPED_TRACE(day);
    const double expected = std::exp(-day / 500.0);
    EXPECT_NEAR(1 - failed_before(acc.variants[0], day), expected, 4 * standard_error(expected) + 1e-12);
  }
}

TEST(Deterrence, ForceOfReferenceSizeHasTheConfiguredHazardRatio) {
  Scenario scenario = load_fixture(kFixture);
  const sim::Model model = compile(scenario, package_from_pledges(scenario));
  EXPECT_NEAR(std::exp(sim::initial_deterrence(model).total()), 0.54, 1e-12);
  // Half the troops: (1/2)^0.3 of the log effect (size elasticity).
  EXPECT_NEAR(sim::force_log_hazard_ratio(model, 12500), std::log(0.54) * std::pow(0.5, 0.3), 1e-12);
  EXPECT_EQ(sim::force_log_hazard_ratio(model, 0), 0);
}

}  // namespace
}  // namespace guarantor::testing
