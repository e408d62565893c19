// Deferred evaluation of the Weibull failure clock; see failure_clock.hpp for why it is exact.
#include "guarantor/sim/failure_clock.hpp"

#include <algorithm>
#include <cmath>

#include "guarantor/sim/model.hpp"

namespace guarantor::sim {

void FailureClock::start(Baseline baseline, double horizon, double threshold) {
  // Every replication of a model starts with the same baseline and horizon: reuse H0(horizon).
  if (baseline.shape != baseline_.shape || baseline.scale_days != baseline_.scale_days || horizon != horizon_) {
    baseline_ = baseline;
    horizon_ = horizon;
    h0_at_horizon_ = cumulative_baseline(horizon);
  }
  threshold_ = threshold;
  integrated_ = 0;
  last_h0_ = 0;
  multiplier_ = 0;
  deferred_.clear();
  current_multiplier_ = 0;
  largest_multiplier_ = 0;
  fire_day_ = kNever;
}

double FailureClock::cumulative_baseline(double day) const {
  // (t/scale)^k as exp(k ln(t/scale)): half the cost of pow.
  return day > 0 ? std::exp(baseline_.shape * std::log(day / baseline_.scale_days)) : 0;
}

// Replays the deferred changes, then this one, exactly as an eager clock would have.
void FailureClock::settle_exactly(double day) {
  auto step = [this](double at, double next_multiplier) {
    const double h0 = cumulative_baseline(at);
    integrated_ += multiplier_ * (h0 - last_h0_);
    last_h0_ = h0;
    multiplier_ = next_multiplier;
  };
  for (const Change& change : deferred_) step(change.day, change.multiplier);
  deferred_.clear();
  step(day, current_multiplier_);
  largest_multiplier_ = current_multiplier_;
  if (multiplier_ <= 0) {
    fire_day_ = kNever;
    return;
  }
  const double target = last_h0_ + (threshold_ - integrated_) / multiplier_;
  // A tie at the horizon does not fire (the replication ends first).
  fire_day_ = target >= h0_at_horizon_ ? kNever : baseline_.scale_days * std::exp(std::log(target) / baseline_.shape);
}

}  // namespace guarantor::sim
