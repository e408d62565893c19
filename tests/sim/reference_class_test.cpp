// Reference classes of the baseline hazard (issue 12, item 5; docs/model/simulation.md §Reference
// classes): each preset's closed form reproduces its published figures, and the simulation with the
// force off (no force, no Ukraine rebuild, no monitoring or backstop, the ladder flat) reproduces
// them within 4 standard errors of the Monte Carlo.
//   fortna-civil-war      S(365) = 0.613, S(730) = 0.548   (validation_data.md §2.3)
//   interstate            F(3652.5 d) = 0.475              (Fortna, Peace Time ch. 1; model_evidence_2.md §1.4)
//   donbas-recommitments  S(30) = 0.117, mean hold 14 days (Hug, OSCE SMM, 9 Aug 2018; §2.3)
#include <cmath>
#include <string>

#include "guarantor/scenario/reference_classes.hpp"
#include "sim/sim_fixture.hpp"

namespace guarantor::testing {
namespace {

constexpr std::uint64_t kReplications = 20000;
const char* const kFixture = "tests/data/sim/calibration.yaml";

double standard_error(double p) { return std::sqrt(p * (1 - p) / kReplications); }

double survival(const BaselineHazard& h, double days) { return std::exp(-std::pow(days / h.weibull_scale_days, h.weibull_shape)); }

const ReferenceClass& reference(BaselineClass id) {
  const ReferenceClass* c = find_reference_class(id);
  EXPECT_NE(c, nullptr);
  return *c;
}

// The calibration fixture with every effect of the force switched off, the class's preset applied
// and `days` simulated.
Scenario force_off(BaselineClass id, int days) {
  Scenario scenario = load_fixture(kFixture);
  SimulationSettings& s = scenario.simulation;
  apply_baseline_class(s, id);
  s.days = days;
  s.us_backstop = BackstopMode::absent;
  s.deterrence.force_hazard_ratio = 1;
  s.deterrence.us_backstop_hazard_ratio = 1;
  s.deterrence.ukraine_hazard_ratio = 1;
  s.deterrence.monitoring_hazard_ratio = 1;
  s.deterrence.nuclear_hazard_ratio = 1;
  s.deterrence.unanswered_test_log_hazard = 0;
  s.deterrence.answered_test_credit = 0;
  s.deterrence.max_unanswered_penalty = 0;
  s.deterrence.interposition_force_factor = 1;
  s.ladder.deterrence_coupling = 0;
  s.ladder.failure_multiplier = {1, 1, 1, 1};
  s.ladder.normalise_failure_multipliers = false;
  return scenario;
}

sim::VariantAccumulator simulate(BaselineClass id, int days, std::uint64_t seed) {
  const Scenario scenario = force_off(id, days);
  auto acc = run({compile(scenario, ForcePackage{}, "none")}, seed, kReplications);
  return acc.variants.at(0);
}

TEST(ReferenceClasses, ListedInOrderWithKeysAndSources) {
  const auto classes = reference_classes();
  ASSERT_EQ(classes.size(), 3u);
  EXPECT_EQ(classes[0].key, "fortna-civil-war");
  EXPECT_EQ(classes[1].key, "interstate");
  EXPECT_EQ(classes[2].key, "donbas-recommitments");
  for (const auto& c : classes) {
    EXPECT_EQ(parse_baseline_class(c.key), c.id);
    EXPECT_EQ(c.key, to_string(c.id));
    EXPECT_FALSE(c.title.empty());
    EXPECT_FALSE(c.source.empty());
    EXPECT_FALSE(c.calibration.empty());
  }
  EXPECT_EQ(parse_baseline_class("custom"), BaselineClass::custom);
  EXPECT_FALSE(parse_baseline_class("civil-war").has_value());
  EXPECT_EQ(find_reference_class(BaselineClass::custom), nullptr);
}

TEST(ReferenceClasses, DefaultSettingsAreTheFortnaPreset) {
  const SimulationSettings defaults;
  EXPECT_EQ(defaults.baseline_class, BaselineClass::fortna_civil_war);
  const auto& fortna = reference(BaselineClass::fortna_civil_war).hazard;
  EXPECT_DOUBLE_EQ(defaults.baseline.weibull_shape, fortna.weibull_shape);
  EXPECT_DOUBLE_EQ(defaults.baseline.weibull_scale_days, fortna.weibull_scale_days);
}

TEST(ReferenceClasses, ApplyingCustomKeepsTheHazard) {
  SimulationSettings s;
  s.baseline = {1.0, 500.0};
  apply_baseline_class(s, BaselineClass::custom);
  EXPECT_EQ(s.baseline_class, BaselineClass::custom);
  EXPECT_DOUBLE_EQ(s.baseline.weibull_scale_days, 500.0);
  apply_baseline_class(s, BaselineClass::interstate);
  EXPECT_EQ(s.baseline_class, BaselineClass::interstate);
  EXPECT_DOUBLE_EQ(s.baseline.weibull_scale_days, reference(BaselineClass::interstate).hazard.weibull_scale_days);
}

TEST(ReferenceClassClosedForm, FortnaCivilWar) {
  const auto& h = reference(BaselineClass::fortna_civil_war).hazard;
  EXPECT_NEAR(survival(h, 365), 0.613, 5e-4);
  EXPECT_NEAR(survival(h, 730), 0.548, 5e-4);
}

TEST(ReferenceClassClosedForm, Interstate) {
  const auto& h = reference(BaselineClass::interstate).hazard;
  EXPECT_DOUBLE_EQ(h.weibull_shape, reference(BaselineClass::fortna_civil_war).hazard.weibull_shape);
  EXPECT_NEAR(1 - survival(h, 3652.5), 0.475, 1e-12);
  EXPECT_NEAR(h.weibull_scale_days, 16000, 50);  // 3652.5 / 0.644357^(1/0.29753)
  // Most of the failures come early, as in Fortna's curves: about a quarter within the first year.
  EXPECT_LT(1 - survival(h, 365), 1 - survival(reference(BaselineClass::fortna_civil_war).hazard, 365));
}

TEST(ReferenceClassClosedForm, DonbasRecommitments) {
  const auto& h = reference(BaselineClass::donbas_recommitments).hazard;
  EXPECT_DOUBLE_EQ(h.weibull_shape, 1.0);
  EXPECT_DOUBLE_EQ(h.weibull_scale_days, 14.0);  // mean of an exponential = scale
  EXPECT_NEAR(survival(h, 30), std::exp(-30.0 / 14), 1e-15);
  EXPECT_NEAR(survival(h, 30), 0.117, 5e-4);
}

TEST(ReferenceClassCalibration, FortnaCivilWarWithTheForceOff) {
  const auto v = simulate(BaselineClass::fortna_civil_war, 730, 121);
  RecordProperty("S365", std::to_string(1 - failed_before(v, 365)));
  RecordProperty("S730", std::to_string(1 - failed_before(v, 730)));
  EXPECT_NEAR(1 - failed_before(v, 365), 0.613, 4 * standard_error(0.613));
  EXPECT_NEAR(1 - failed_before(v, 730), 0.548, 4 * standard_error(0.548));
}

TEST(ReferenceClassCalibration, InterstateWithTheForceOff) {
  const auto v = simulate(BaselineClass::interstate, 3653, 122);
  const double expected = 1 - survival(reference(BaselineClass::interstate).hazard, 3653);  // 0.47502
  EXPECT_NEAR(expected, 0.475, 1e-3);
  RecordProperty("F3653", std::to_string(failed_before(v, 3653)));
  EXPECT_NEAR(failed_before(v, 3653), expected, 4 * standard_error(expected));
}

TEST(ReferenceClassCalibration, DonbasRecommitmentsWithTheForceOff) {
  const auto v = simulate(BaselineClass::donbas_recommitments, 730, 123);
  const double s30 = std::exp(-30.0 / 14);
  EXPECT_NEAR(1 - failed_before(v, 30), s30, 4 * standard_error(s30));
  // Mean hold: failures are recorded by whole day, so a failure on day d stands for d + 0.5.
  // Every truce fails within the period (S(730) = e^-52), so nothing is censored.
  std::uint64_t failed = 0;
  double total_days = 0;
  for (std::size_t d = 0; d < v.failures_by_day.size(); ++d) {
    failed += v.failures_by_day[d];
    total_days += static_cast<double>(v.failures_by_day[d]) * (static_cast<double>(d) + 0.5);
  }
  ASSERT_EQ(failed, v.replications);
  const double mean = total_days / static_cast<double>(failed);
  RecordProperty("S30", std::to_string(1 - failed_before(v, 30)));
  RecordProperty("mean_hold_days", std::to_string(mean));
  EXPECT_NEAR(mean, 14.0, 4 * 14.0 / std::sqrt(static_cast<double>(kReplications)));
  // The median hold, 14 ln 2 = 9.70 days, falls on day 9: the sample median's standard error,
  // sqrt(1/4n) / f(median) with f = 1/28 a day there, is 0.1 day, so days 9 and 10 are 7 and 3
  // standard errors away.
  const double median = 14.0 * std::log(2.0);
  const double median_se = std::sqrt(0.25 / static_cast<double>(kReplications)) * 28.0;
  ASSERT_GT(median - 9, 3 * median_se);
  ASSERT_GT(10 - median, 2.5 * median_se);
  EXPECT_EQ(sim::median_failure_day(v), std::optional<int>(9));
}

// More than half of Fortna's civil-war cease-fires hold two years (S(730) = 0.548): no median
// within the period. Its own median, scale · (ln 2)^(1/k) = 1,176 days, falls inside a 1,460-day one.
TEST(ReferenceClassCalibration, MedianFailureDayOfFortnaCivilWarLiesBeyondTwoYears) {
  EXPECT_EQ(sim::median_failure_day(simulate(BaselineClass::fortna_civil_war, 730, 124)), std::nullopt);
  const auto& h = reference(BaselineClass::fortna_civil_war).hazard;
  const double median = h.weibull_scale_days * std::pow(std::log(2.0), 1 / h.weibull_shape);
  const auto v = simulate(BaselineClass::fortna_civil_war, 1460, 125);
  RecordProperty("median_days", std::to_string(median));
  ASSERT_TRUE(sim::median_failure_day(v).has_value());
  // Near the median the density is f = k H(t) S(t) / t = 0.3 · ln 2 · 0.5 / t, about 1/11,400 a
  // day, so the sample median's standard error is sqrt(1/4n) / f, about 40 days.
  const double f = h.weibull_shape * std::log(2.0) * 0.5 / median;
  EXPECT_NEAR(*sim::median_failure_day(v) + 0.5, median, 4 * std::sqrt(0.25 / static_cast<double>(kReplications)) / f);
}

}  // namespace
}  // namespace guarantor::testing
