#pragma once
// The ceasefire-failure process: hazard m(t) · h0(t), with h0 the Weibull baseline
// (H0(t) = (t/scale)^k) and m(t) a multiplier that changes at events (escalation level,
// deterrence). It fires when ∫ m dH0 reaches a unit-exponential threshold.
//
// The multiplier changes dozens of times a replication and evaluating H0 costs an exp and a log,
// yet the clock matters only when it is the next event, and most replications never come near
// firing. So the clock records the changes and keeps, from tables of H0 on a grid of days, a
// lower bound of the day it fires (no exp or log). The event loop compares that bound with the
// other events; only when the bound comes first does it ask for the exact day (settle), which
// replays the recorded changes in order with the same floating-point operations as an eager
// evaluation at every change: the firing day is bit-identical to computing every change at once
// (tested), and every event before it happens exactly as it would have.

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
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
  // The multiplier becomes `multiplier` (>= 0; `inverse` is 1 / multiplier when it is > 0) from
  // `day` on (days non-decreasing, within the period). Inline: called at most events; records the
  // change and bounds the firing day from the tables.
  void set_multiplier(double day, double multiplier, double inverse) {
    if (multiplier == current_multiplier_) return;
    // With J = ∫ m dH0 − m_now · H0(now), a change at day t adds (m_old − m_new) · H0(t) to J:
    // bounded above by H0's upper bound at t if the multiplier falls, by its lower bound if it rises.
    const H0Bounds h0 = h0_bounds(day);
    const double step = current_multiplier_ - multiplier;
    const double bound[2] = {h0.below, h0.above};  // indexed, not branched on: a fall or a rise is a coin flip
    bound_j_ += step * bound[step >= 0];
    magnitude_ += std::abs(step) * h0.above;
    current_multiplier_ = multiplier;
    deferred_.push_back({day, multiplier});
    exact_ = false;
    // It fires by the horizon only if J + m · H0(horizon) reaches the threshold. Usually even the
    // bound does not: a branch, not a select, so that when predicted the next event is chosen
    // without waiting for the arithmetic of the bound.
    const double reach = bound_j_ + multiplier * h0_at_horizon_;
    if (!(multiplier > 0) || reach < threshold_ - kMargin * (threshold_ + magnitude_ + multiplier * h0_at_horizon_)) {
      fire_day_ = kNever;
    } else {
      fire_day_ = lower_bound_of_fire_day(inverse);
    }
  }
  void set_multiplier(double day, double multiplier) { set_multiplier(day, multiplier, multiplier > 0 ? 1 / multiplier : 0); }
  // The day it fires, or kNever if not before the horizon at current multipliers; a lower bound
  // of that day unless exact().
  double fire_day() const { return fire_day_; }
  bool exact() const { return exact_; }
  // Makes fire_day() exact by replaying the recorded changes.
  void settle();

  double cumulative_baseline(double day) const;

 private:
  struct Change {
    double day;
    double multiplier;
  };
  struct H0Bounds {
    double below, above;
  };
  // A cell of the grid of days: H0 at its left end and the slopes (per cell) of two lines that
  // bound H0 across it (for k <= 1, H0 is concave: the chord lies below, the tangent at the left
  // end above; for k > 1 the other way round). The cells are geometric, each about 1/64 of the
  // day it starts at (after the first days), so that the bounds are as close in relative terms
  // early in the period, where H0 is steep, as late: u = 1 + day / kGridOrigin, and a cell is
  // one value of u's exponent and first six bits of its mantissa (no logarithm needed).
  struct DayCell {
    double h0, low_slope, high_slope, h0_right;
  };
  // A cell of the grid of H0 values: the day H0 reaches its left end, and the slope of a line
  // below H0's inverse across it (tangent at the left end if the inverse is convex, chord if not).
  struct InverseCell {
    double h0, day, low_slope;
  };
  // Relative margin of the bounds over the rounding of the exact sums (dozens of operations at
  // ~1e-16 each) and of the tables' arithmetic: the bound stays below the computed day.
  static constexpr double kMargin = 1e-9;
  static constexpr double kGridOrigin = 0.25;  // days
  static constexpr int kCellBits = 6;           // of the mantissa: 64 cells an octave of u
  static constexpr int kFractionBits = 52 - kCellBits;
  static constexpr std::uint64_t kFirstCell = std::bit_cast<std::uint64_t>(1.0) >> kFractionBits;
  static constexpr int kInverseCells = 512;  // H0 in [0, H0(horizon)]
  H0Bounds h0_bounds(double day) const {
    const std::uint64_t bits = std::bit_cast<std::uint64_t>(1 + day * inverse_origin_);
    const std::size_t i = std::min<std::size_t>((bits >> kFractionBits) - kFirstCell, day_cells_.size() - 1);
    const double fraction =
        static_cast<double>(bits & ((std::uint64_t{1} << kFractionBits) - 1)) * (1.0 / (std::uint64_t{1} << kFractionBits));
    // In the first cell (the first 1/256 day) H0 is too steep for lines to bound it closely (for
    // k < 1): evaluate it.
    if (i == 0) [[unlikely]] {
      const double h0 = cumulative_baseline(day);
      return {h0 * (1 - kMargin), h0 * (1 + kMargin)};
    }
    const DayCell& c = day_cells_[i];
    return {std::max(c.h0 + c.low_slope * fraction, c.h0), std::min(c.h0 + c.high_slope * fraction, c.h0_right)};
  }
  double lower_bound_of_fire_day(double inverse_multiplier) const;
  void build_tables();

  Baseline baseline_;
  double threshold_ = 0;
  double horizon_ = -1;  // none yet
  double h0_at_horizon_ = 0;
  double inverse_origin_ = 1 / kGridOrigin;
  double cells_per_h0_ = 0;
  std::vector<DayCell> day_cells_;
  std::vector<InverseCell> inverse_cells_;
  // Exact state at the last exact point.
  double integrated_ = 0;   // ∫ m dH0 up to the last exact point
  double last_h0_ = 0;      // H0 there
  double multiplier_ = 0;   // in force from the last exact point (before the recorded changes)
  // Changes since the last exact point, and the bound kept through them: an upper bound of J
  // (above) and the sum of the magnitudes of its terms (for the margin over rounding).
  std::vector<Change> deferred_;
  double current_multiplier_ = 0;
  double bound_j_ = 0;
  double magnitude_ = 0;
  bool exact_ = true;
  double fire_day_ = 0;
};

}  // namespace guarantor::sim
