// PRIM: peeling, the choice on the trajectory, pasting, and covering for further boxes.

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <optional>
#include <stdexcept>

#include "guarantor/sensitivity/prim.hpp"

namespace guarantor::sensitivity {
namespace {

using Rows = std::vector<std::size_t>;

struct Data {
  const Matrix& x;
  const std::vector<bool>& of_interest;
  std::vector<Interval> range;  // per input over all points: the unrestricted box
};

struct Box {
  std::vector<Interval> limits;
  Rows members;
};

std::size_t interest_count(const Data& data, const Rows& rows) {
  return static_cast<std::size_t>(std::count_if(rows.begin(), rows.end(), [&](std::size_t r) { return data.of_interest[r]; }));
}

double mean_interest(const Data& data, const Rows& rows) {
  return rows.empty() ? 0.0 : static_cast<double>(interest_count(data, rows)) / static_cast<double>(rows.size());
}

Rows filter(const Data& data, const Rows& rows, std::size_t input, Interval keep) {
  Rows out;
  for (std::size_t r : rows) {
    const double v = data.x.at(r, input);
    if (v >= keep.low && v <= keep.high) out.push_back(r);
  }
  return out;
}

// The best peel of `box` by the LENIENT1 objective (gain in mean per point removed), or nothing
// when every peel would leave fewer than `min_points` points or removes none.
std::optional<Box> best_peel(const Data& data, const Box& box, double alpha, std::size_t min_points) {
  const std::size_t n = box.members.size();
  const double mean_old = mean_interest(data, box.members);
  const std::size_t cut = std::max<std::size_t>(1, static_cast<std::size_t>(std::floor(alpha * static_cast<double>(n))));
  if (cut >= n) return std::nullopt;
  std::optional<Box> best;
  double best_objective = -std::numeric_limits<double>::infinity();
  std::vector<double> values(n);
  for (std::size_t input = 0; input < data.x.cols; ++input) {
    for (std::size_t i = 0; i < n; ++i) values[i] = data.x.at(box.members[i], input);
    std::sort(values.begin(), values.end());
    for (const bool low_end : {true, false}) {
      Interval limit = box.limits[input];
      (low_end ? limit.low : limit.high) = low_end ? values[cut] : values[n - 1 - cut];
      Rows kept = filter(data, box.members, input, limit);
      if (kept.size() == n || kept.size() < min_points) continue;
      const double objective = (mean_interest(data, kept) - mean_old) / static_cast<double>(n - kept.size());
      if (objective > best_objective) {
        best_objective = objective;
        Box next{box.limits, std::move(kept)};
        next.limits[input] = limit;
        best = std::move(next);
      }
    }
  }
  return best;
}

// Points of `active` outside `box` only in `input`, on the given side.
Rows paste_candidates(const Data& data, const Box& box, const Rows& active, std::size_t input, bool low_end) {
  Rows out;
  for (std::size_t r : active) {
    bool inside_others = true;
    for (std::size_t c = 0; c < data.x.cols && inside_others; ++c) {
      if (c == input) continue;
      const double v = data.x.at(r, c);
      inside_others = v >= box.limits[c].low && v <= box.limits[c].high;
    }
    const double v = data.x.at(r, input);
    if (inside_others && (low_end ? v < box.limits[input].low : v > box.limits[input].high)) out.push_back(r);
  }
  return out;
}

// Widens the box, a paste_alpha share of its points at a time, while its density does not fall.
Box paste(const Data& data, Box box, const Rows& active, double alpha) {
  for (;;) {
    const double density = mean_interest(data, box.members);
    const auto step = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(alpha * static_cast<double>(box.members.size()))));
    std::optional<Box> best;
    double best_density = density;
    for (std::size_t input = 0; input < data.x.cols; ++input) {
      for (const bool low_end : {true, false}) {
        const Rows candidates = paste_candidates(data, box, active, input, low_end);
        if (candidates.empty()) continue;
        std::vector<double> values;
        for (std::size_t r : candidates) values.push_back(data.x.at(r, input));
        // Nearest first: descending below the box, ascending above it.
        std::sort(values.begin(), values.end(), [low_end](double a, double b) { return low_end ? a > b : a < b; });
        const double edge = values[std::min(step, values.size()) - 1];
        Box next = box;
        (low_end ? next.limits[input].low : next.limits[input].high) = edge;
        for (std::size_t r : candidates) {
          const double v = data.x.at(r, input);
          if (low_end ? v >= edge : v <= edge) next.members.push_back(r);
        }
        const double next_density = mean_interest(data, next.members);
        if (next_density >= best_density && (!best || next_density > best_density)) {
          best_density = next_density;
          best = std::move(next);
        }
      }
    }
    if (!best) return box;
    std::sort(best->members.begin(), best->members.end());
    box = std::move(*best);
  }
}

PrimBox describe(const Data& data, const Box& box, std::size_t interest_total) {
  PrimBox out;
  out.limits = box.limits;
  for (std::size_t c = 0; c < data.x.cols; ++c)
    if (box.limits[c].low > data.range[c].low || box.limits[c].high < data.range[c].high) out.restricted.push_back(c);
  const auto inside = static_cast<double>(interest_count(data, box.members));
  out.coverage = interest_total == 0 ? 0.0 : inside / static_cast<double>(interest_total);
  out.density = box.members.empty() ? 0.0 : inside / static_cast<double>(box.members.size());
  out.mass = static_cast<double>(box.members.size()) / static_cast<double>(data.x.rows);
  return out;
}

double balance(double coverage, double density) {
  return coverage + density > 0 ? 2 * coverage * density / (coverage + density) : 0.0;
}

// The `active` points inside every limit of the box.
Rows members_within(const Data& data, const Rows& active, const std::vector<Interval>& limits) {
  Rows inside;
  for (std::size_t r : active) {
    bool in = true;
    for (std::size_t c = 0; c < limits.size() && in; ++c) {
      const double v = data.x.at(r, c);
      in = v >= limits[c].low && v <= limits[c].high;
    }
    if (in) inside.push_back(r);
  }
  return inside;
}

// Drops the restrictions that do not earn their place: a restriction goes when lifting it does
// not lower the balance of coverage and density the box was chosen by (or keeps the density within
// one binomial standard error of the pasted box's). Small peels on irrelevant inputs otherwise pile
// up into boxes that restrict every input a little; what is left reads as a statement about the
// inputs that matter.
double balance(double coverage, double density);

Box drop_restrictions(const Data& data, Box box, const Rows& active) {
  const std::size_t interest_total = interest_count(data, active);
  const auto score = [&](const Rows& members) {
    const double inside = static_cast<double>(interest_count(data, members));
    const double coverage = interest_total ? inside / static_cast<double>(interest_total) : 0;
    return balance(coverage, members.empty() ? 0.0 : inside / static_cast<double>(members.size()));
  };
  const double density = mean_interest(data, box.members);
  const double n = static_cast<double>(box.members.size());
  const double tolerance = n > 0 ? std::sqrt(density * (1 - density) / n) : 0;
  for (;;) {
    const double current = score(box.members);
    std::optional<Box> best;
    double best_score = -1;
    for (std::size_t c = 0; c < box.limits.size(); ++c) {
      if (box.limits[c].low <= data.range[c].low && box.limits[c].high >= data.range[c].high) continue;
      Box lifted = box;
      lifted.limits[c] = data.range[c];
      lifted.members = members_within(data, active, lifted.limits);
      const double lifted_score = score(lifted.members);
      const bool keeps_density = mean_interest(data, lifted.members) >= density - tolerance;
      if ((lifted_score >= current || keeps_density) && lifted_score > best_score) {
        best_score = lifted_score;
        best = std::move(lifted);
      }
    }
    if (!best) return box;
    box = std::move(*best);
  }
}

// One box among the `active` points: peel to mass_min, choose on the trajectory, paste, then drop
// the restrictions that do not matter.
Box find_box(const Data& data, const Rows& active, const PrimOptions& options, std::size_t interest_total,
             std::vector<PrimBox>* trajectory) {
  const auto min_points = static_cast<std::size_t>(std::ceil(options.mass_min * static_cast<double>(data.x.rows)));
  const std::size_t active_interest = interest_count(data, active);
  std::vector<Box> steps{Box{data.range, active}};
  while (auto next = best_peel(data, steps.back(), options.peel_alpha, std::max<std::size_t>(1, min_points)))
    steps.push_back(std::move(*next));
  std::size_t chosen = 0;
  double best = -1;
  for (std::size_t s = 0; s < steps.size(); ++s) {
    const PrimBox local = describe(data, steps[s], active_interest);
    if (trajectory) trajectory->push_back(describe(data, steps[s], interest_total));
    if (balance(local.coverage, local.density) > best) {
      best = balance(local.coverage, local.density);
      chosen = s;
    }
  }
  return drop_restrictions(data, paste(data, steps[chosen], active, options.paste_alpha), active);
}

void check(const Matrix& x, const std::vector<bool>& of_interest, const PrimOptions& options) {
  if (x.rows == 0 || x.cols == 0 || x.values.size() != x.rows * x.cols) throw std::invalid_argument("prim: empty or malformed matrix");
  if (of_interest.size() != x.rows) throw std::invalid_argument("prim: one of_interest flag per row expected");
  const auto share = [](double v) { return v > 0 && v < 1; };
  if (!share(options.peel_alpha) || !share(options.paste_alpha) || !share(options.mass_min))
    throw std::invalid_argument("prim: peel_alpha, paste_alpha and mass_min must be in (0, 1)");
}

}  // namespace

PrimResult prim(const Matrix& x, const std::vector<bool>& of_interest, const PrimOptions& options) {
  check(x, of_interest, options);
  Data data{x, of_interest, {}};
  for (std::size_t c = 0; c < x.cols; ++c) {
    Interval range{x.at(0, c), x.at(0, c)};
    for (std::size_t r = 1; r < x.rows; ++r) range = {std::min(range.low, x.at(r, c)), std::max(range.high, x.at(r, c))};
    data.range.push_back(range);
  }
  Rows all(x.rows);
  for (std::size_t r = 0; r < x.rows; ++r) all[r] = r;
  const std::size_t interest_total = interest_count(data, all);
  PrimResult result;
  if (interest_total == 0) {
    result.reason = "no point is of interest";
    return result;
  }
  if (interest_total == x.rows) {
    result.reason = "every point is of interest: there is nothing to tell apart";
    return result;
  }
  Rows active = all;
  while (result.boxes.size() < options.max_boxes && interest_count(data, active) > 0) {
    const Box box = find_box(data, active, options, interest_total, result.boxes.empty() ? &result.trajectory : nullptr);
    const PrimBox described = describe(data, box, interest_total);
    const double base_rate = mean_interest(data, active);
    if (described.density < options.min_density || described.density <= base_rate) {
      if (result.boxes.empty())
        result.reason = fmt::format("the best box holds {:.1f}% points of interest, below the minimum {:.1f}%",
                                    100 * described.density, 100 * std::max(options.min_density, base_rate));
      break;
    }
    result.boxes.push_back(described);
    Rows outside;
    std::set_difference(active.begin(), active.end(), box.members.begin(), box.members.end(), std::back_inserter(outside));
    active = std::move(outside);
    if (active.size() < static_cast<std::size_t>(std::ceil(options.mass_min * static_cast<double>(x.rows)))) break;
  }
  return result;
}

PrimResult prim(const Matrix& x, const std::vector<bool>& of_interest, double peel_alpha, double paste_alpha,
                double mass_min) {
  PrimOptions options;
  options.peel_alpha = peel_alpha;
  options.paste_alpha = paste_alpha;
  options.mass_min = mass_min;
  return prim(x, of_interest, options);
}

}  // namespace guarantor::sensitivity
