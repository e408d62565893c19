#pragma once
// The ceasefire-failure process: hazard m(t) · h0(t), with h0 the Weibull baseline
// (H0(t) = (t/scale)^k) and m(t) a multiplier that changes at events (escalation level,
// deterrence). It fires when ∫ m dH0 reaches a unit-exponential threshold.
//
// The multiplier changes dozens of times per replication and evaluating H0 costs an exp and a
// log, yet most replications never come near firing. So the clock defers the integral: while
// even the largest multiplier seen since the last exact point could not reach the threshold by
// the horizon, it only records the changes. When that bound no longer holds, it replays the
// recorded changes in order, performing the same floating-point operations as an eager
// evaluation, so the firing day is bit-identical to computing every change at once (tested).

#include <algorithm>
#include <vector>

#include "guarantor/sim/model.hpp"

namespace guarantor::sim {

class FailureClock {
 public:
  struct Baseline {
    double shape = 1;       // Weibull k
    double scale_days = 1;  // Weibull scale
  };

  // Starts at day 0 with multiplier 0 (no hazard) and the given threshold; `horizon` is the last
  // day of the period: a clock that can only fire at or after it never fires.
  void start(Baseline baseline, double horizon, double threshold);
  // The multiplier becomes `multiplier` from `day` on (days non-decreasing). Inline: called at
  // most events, and usually only records the change.
  void set_multiplier(double day, double multiplier) {
    if (multiplier == current_multiplier_) return;
    current_multiplier_ = multiplier;
    largest_multiplier_ = std::max(largest_multiplier_, multiplier);
    if (may_fire_by_horizon()) {
      settle_exactly(day);
      return;
    }
    deferred_.push_back({day, multiplier});
    fire_day_ = kNever;
  }
  // The day it fires, or kNever if not before the horizon at current multipliers.
  double fire_day() const { return fire_day_; }

  double cumulative_baseline(double day) const;

 private:
  struct Change {
    double day;
    double multiplier;
  };
  bool may_fire_by_horizon() const {
    // Every multiplier since the last exact point is at most the largest, so the integral at the
    // horizon is at most this; the margin covers the rounding of the eager sums (dozens of
    // operations at ~1e-16 each), so deferring never changes whether or when the clock fires.
    const double bound = integrated_ + largest_multiplier_ * (h0_at_horizon_ - last_h0_);
    return bound >= threshold_ * (1 - 1e-9);
  }
  void settle_exactly(double day);

  Baseline baseline_;
  double threshold_ = 0;
  double horizon_ = -1;  // none yet
  double h0_at_horizon_ = 0;
  // Exact state at the last exact point.
  double integrated_ = 0;   // ∫ m dH0 up to the last exact point
  double last_h0_ = 0;      // H0 there
  double multiplier_ = 0;   // in force from the last exact point (before the recorded changes)
  // Deferred changes since the last exact point, and the largest multiplier among them and it.
  std::vector<Change> deferred_;
  double current_multiplier_ = 0;
  double largest_multiplier_ = 0;
  double fire_day_ = 0;
};

}  // namespace guarantor::sim
