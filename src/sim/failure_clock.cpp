// The failure clock's bounds and its exact replay; see failure_clock.hpp for why it is exact.
#include "guarantor/sim/failure_clock.hpp"

#include <algorithm>
#include <cmath>

#include "guarantor/sim/model.hpp"

namespace guarantor::sim {

void FailureClock::start(Baseline baseline, double horizon, double threshold) {
  // Every replication of a model starts with the same baseline and horizon: reuse the tables.
  if (baseline.shape != baseline_.shape || baseline.scale_days != baseline_.scale_days || horizon != horizon_) {
    baseline_ = baseline;
    horizon_ = horizon;
    h0_at_horizon_ = cumulative_baseline(horizon);
    build_tables();
  }
  threshold_ = threshold;
  integrated_ = 0;
  last_h0_ = 0;
  multiplier_ = 0;
  deferred_.clear();
  current_multiplier_ = 0;
  bound_j_ = 0;
  magnitude_ = 0;
  exact_ = true;
  fire_day_ = kNever;
}

void FailureClock::build_tables() {
  const double k = baseline_.shape;
  const bool concave = k <= 1;
  // The day where each cell starts: u = 1 + day / kGridOrigin at the cell's bits.
  auto cell_start = [](std::uint64_t cell) {
    return (std::bit_cast<double>((cell + kFirstCell) << kFractionBits) - 1) * kGridOrigin;
  };
  const std::uint64_t cells = (std::bit_cast<std::uint64_t>(1 + std::max(horizon_, 0.0) / kGridOrigin) >> kFractionBits) - kFirstCell + 1;
  day_cells_.resize(cells);
  for (std::uint64_t i = 0; i < cells; ++i) {
    const double left = cell_start(i);
    const double cell_days = cell_start(i + 1) - left;
    const double h0 = cumulative_baseline(left);
    const double right = cumulative_baseline(left + cell_days);
    const double chord = right - h0;
    // H0'(t) · cell = k · H0(t) / t · cell; unbounded at t = 0 for k < 1 (the min with the right
    // end then bounds it).
    const double tangent = left > 0 ? k * h0 / left * cell_days : (k < 1 ? 1e300 : k == 1 ? chord : 0);
    day_cells_[i] = {h0, concave ? chord : tangent, concave ? tangent : chord, right};
  }
  cells_per_h0_ = h0_at_horizon_ > 0 ? kInverseCells / h0_at_horizon_ : 0;
  const double cell_h0 = h0_at_horizon_ / kInverseCells;
  auto inverse = [&](double h0) { return h0 > 0 ? baseline_.scale_days * std::exp(std::log(h0) / k) : 0; };
  inverse_cells_.resize(kInverseCells);
  for (int i = 0; i < kInverseCells; ++i) {
    const double left = i * cell_h0;
    const double day = inverse(left);
    const double chord = inverse(left + cell_h0) - day;
    // The inverse's derivative is t / (k · H0(t)), per unit of H0; unbounded at 0 for k > 1.
    const double tangent = left > 0 ? day / (k * left) : (k < 1 ? 0 : k == 1 ? chord / cell_h0 : 0);
    // For k <= 1 the inverse is convex (tangent below); for k > 1 concave (chord below).
    inverse_cells_[i] = {left, day, concave ? tangent : chord / cell_h0};
  }
}

double FailureClock::cumulative_baseline(double day) const {
  // (t/scale)^k as exp(k ln(t/scale)): half the cost of pow.
  return day > 0 ? std::exp(baseline_.shape * std::log(day / baseline_.scale_days)) : 0;
}

// It fires where H0(t) = (threshold − J) / m; J's upper bound gives a smaller H0, and the line below
// the inverse at that H0 a smaller day.
double FailureClock::lower_bound_of_fire_day(double inverse_multiplier) const {
  const double slack = kMargin * ((threshold_ + magnitude_) * inverse_multiplier + h0_at_horizon_);
  const double target = (threshold_ - bound_j_) * inverse_multiplier - slack;
  if (target >= h0_at_horizon_) return kNever;  // the exact target is larger still: beyond the horizon
  if (target <= 0) return 0;
  const double position = target * cells_per_h0_;
  const int i = std::min(static_cast<int>(position), kInverseCells - 1);
  const InverseCell& c = inverse_cells_[i];
  const double day = c.day + c.low_slope * (target - c.h0);
  return std::max(c.day, day) * (1 - kMargin);
}

// Replays the recorded changes exactly as an eager clock would have evaluated them.
void FailureClock::settle() {
  if (exact_) return;
  for (const Change& change : deferred_) {
    const double h0 = cumulative_baseline(change.day);
    integrated_ += multiplier_ * (h0 - last_h0_);
    last_h0_ = h0;
    multiplier_ = change.multiplier;
  }
  deferred_.clear();
  exact_ = true;
  // The exact state is the tightest bound for the changes to come.
  bound_j_ = integrated_ - multiplier_ * last_h0_;
  magnitude_ = integrated_ + multiplier_ * last_h0_;
  if (multiplier_ <= 0) {
    fire_day_ = kNever;
    return;
  }
  const double target = last_h0_ + (threshold_ - integrated_) / multiplier_;
  // A tie at the horizon does not fire (the replication ends first).
  fire_day_ = target >= h0_at_horizon_ ? kNever : baseline_.scale_days * std::exp(std::log(target) / baseline_.shape);
}

}  // namespace guarantor::sim
