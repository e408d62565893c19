// The deferred failure clock against an eager reference that evaluates H0 at every change (the
// engine's original formulation): its bound must never pass the eager day, the settled day must
// be bit-identical to it, and a constant multiplier must fire where the Weibull inverse says.
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

TEST(FailureClock, BoundBelowAndSettledMatchesEagerBitForBit) {
  const FailureClock::Baseline baseline{0.63, 1500};
  const double horizon = 730;
  Stream draws(7, 0, 1);
  FailureClock clock;
  int fired = 0;
  int held = 0;
  int settled = 0;     // the bound came first and the exact day was asked for
  int bound_only = 0;  // a change whose bound never had to be settled
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
      const double next = day + 40 * draws.exponential();
      // The bound never passes the exact day, and says "never" only when the exact day is never.
      ASSERT_LE(clock.fire_day(), eager.fire_day()) << "trial " << trial << " day " << day;
      // As the event loop does: the exact day only when the bound comes before the next event.
      if (clock.fire_day() <= next && !clock.exact()) {
        clock.settle();
        ++settled;
        ASSERT_TRUE(clock.exact());
        ASSERT_EQ(clock.fire_day(), eager.fire_day()) << "trial " << trial << " day " << day;
      } else if (!clock.exact()) {
        ++bound_only;
      }
      if (eager.fire_day() <= next || next >= horizon) break;
      day = next;
    }
    // Settling at the end is exact too, whatever came before.
    clock.settle();
    ASSERT_EQ(clock.fire_day(), eager.fire_day()) << "trial " << trial;
    (eager.fire_day() < kNever ? fired : held) += 1;
  }
  // Both paths exercised: clocks that fire and clocks that stay deferred to the end, changes
  // settled and changes left as bounds.
  EXPECT_GT(fired, 300);
  EXPECT_GT(held, 300);
  EXPECT_GT(settled, 300);
  EXPECT_GT(bound_only, 3000);
}

// The bound is useful, not merely safe: at each change, when the clock would fire within the
// period, the bound is within a day or so of the exact day (for a concave and a convex baseline).
TEST(FailureClock, BoundIsTight) {
  for (const double shape : {0.3, 1.0, 1.8}) {
    const FailureClock::Baseline baseline{shape, shape < 1 ? 2000.0 : 900.0};
    const double horizon = 730;
    Stream draws(11, 0, 1);
    FailureClock clock;
    int checked = 0;
    double worst = 0;
    for (int trial = 0; trial < 2000; ++trial) {
      const double threshold = draws.exponential();
      clock.start(baseline, horizon, threshold);
      EagerClock eager(baseline, horizon, threshold);
      double day = 0;
      while (day < horizon) {
        const double multiplier = std::exp(3 * draws.uniform() - 1);
        clock.set_multiplier(day, multiplier);
        eager.set_multiplier(day, multiplier);
        if (eager.fire_day() < kNever && eager.fire_day() > 30) {
          ++checked;
          ASSERT_LE(clock.fire_day(), eager.fire_day());
          worst = std::max(worst, eager.fire_day() - clock.fire_day());
        }
        const double next = day + 20 * draws.exponential();
        if (eager.fire_day() <= next) break;  // it fired: no more changes
        day = next;
      }
    }
    EXPECT_GT(checked, 1000) << "shape " << shape;
    EXPECT_LT(worst, 2.0) << "shape " << shape;
  }
}

TEST(FailureClock, ConstantMultiplierFiresAtWeibullInverse) {
  // m · (t/scale)^k = E  =>  t = scale · (E/m)^(1/k).
  const FailureClock::Baseline baseline{0.5, 1000};
  FailureClock clock;
  clock.start(baseline, 10000, 0.8);
  clock.set_multiplier(0, 2.0);
  EXPECT_LE(clock.fire_day(), 1000 * std::pow(0.4, 2.0));
  clock.settle();
  EXPECT_NEAR(clock.fire_day(), 1000 * std::pow(0.4, 2.0), 1e-9);
  // Past the horizon: never.
  clock.start(baseline, 100, 0.8);
  clock.set_multiplier(0, 2.0);
  EXPECT_EQ(clock.fire_day(), kNever);
}

}  // namespace
}  // namespace guarantor::sim
