// The deferred failure clock against an eager reference that evaluates H0 at every change (the
// engine's original formulation): the firing day must be bit-identical, and a constant
// multiplier must fire where the Weibull inverse says.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "guarantor/sim/failure_clock.hpp"
#include "guarantor/sim/random.hpp"

namespace guarantor::sim {
namespace {

// Evaluates the integral at every change.
class EagerClock {
 public:
  EagerClock(FailureClock::Baseline b, double horizon, double threshold)
      : b_(b), threshold_(threshold), h0_horizon_(h0(horizon)) {}
  void set_multiplier(double day, double m) {
    if (m == multiplier_) return;
    const double now = h0(day);
    integrated_ += multiplier_ * (now - last_h0_);
    last_h0_ = now;
    multiplier_ = m;
    if (m <= 0) {
      fire_day_ = kNever;
      return;
    }
    const double target = now + (threshold_ - integrated_) / m;
    fire_day_ = target >= h0_horizon_ ? kNever : b_.scale_days * std::exp(std::log(target) / b_.shape);
  }
  double fire_day() const { return fire_day_; }

 private:
  double h0(double t) const { return t > 0 ? std::exp(b_.shape * std::log(t / b_.scale_days)) : 0; }
  FailureClock::Baseline b_;
  double threshold_;
  double h0_horizon_;
  double integrated_ = 0;
  double last_h0_ = 0;
  double multiplier_ = 0;
  double fire_day_ = kNever;
};

TEST(FailureClock, DeferredMatchesEagerBitForBit) {
  const FailureClock::Baseline baseline{0.63, 1500};
  const double horizon = 730;
  Stream draws(7, 0, 1);
  FailureClock clock;
  int fired = 0;
  int held = 0;
  for (int trial = 0; trial < 3000; ++trial) {
    const double threshold = draws.exponential();
    clock.start(baseline, horizon, threshold);
    EagerClock eager(baseline, horizon, threshold);
    double day = 0;
    // Multipliers spanning a range like the engine's (levels x deterrence), changing at random days.
    while (true) {
      const double multiplier = std::exp(4 * draws.uniform() - 2.5) * (draws.uniform() < 0.05 ? 0 : 1);
      clock.set_multiplier(day, multiplier);
      eager.set_multiplier(day, multiplier);
      ASSERT_EQ(clock.fire_day(), eager.fire_day()) << "trial " << trial << " day " << day;
      const double next = day + 40 * draws.exponential();
      if (eager.fire_day() <= next || next >= horizon) break;
      day = next;
    }
    (eager.fire_day() < kNever ? fired : held) += 1;
  }
  // Both paths exercised: clocks that fire and clocks that stay deferred to the end.
  EXPECT_GT(fired, 300);
  EXPECT_GT(held, 300);
}

TEST(FailureClock, ConstantMultiplierFiresAtWeibullInverse) {
  // m · (t/scale)^k = E  =>  t = scale · (E/m)^(1/k).
  const FailureClock::Baseline baseline{0.5, 1000};
  FailureClock clock;
  clock.start(baseline, 10000, 0.8);
  clock.set_multiplier(0, 2.0);
  EXPECT_NEAR(clock.fire_day(), 1000 * std::pow(0.4, 2.0), 1e-9);
  // Past the horizon: never.
  clock.start(baseline, 100, 0.8);
  clock.set_multiplier(0, 2.0);
  EXPECT_EQ(clock.fire_day(), kNever);
}

}  // namespace
}  // namespace guarantor::sim
