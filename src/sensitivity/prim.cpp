// PRIM: peeling, the choice on the trajectory, pasting, and covering for further boxes.

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <iterator>
#include <limits>
#include <optional>
#include <stdexcept>

#include "guarantor/sensitivity/prim.hpp"

namespace guarantor::sensitivity {
namespace {

using Rows = std::vector<std::size_t>;

// The points column by column (one input's values contiguous) and the flags as bytes: the loops
// below read one input over many points.
struct Data {
  const Matrix& x;
  std::vector<double> by_column;          // x.cols blocks of x.rows values
  std::vector<unsigned char> of_interest;  // 1 for a point of interest
  std::vector<Interval> range;            // per input over all points: the unrestricted box

  const double* column(std::size_t c) const { return by_column.data() + c * x.rows; }
};

struct Box {
  std::vector<Interval> limits;
  Rows members;
};

// Buffers reused by every paste and lift (see group_single_outsiders).
struct Scratch {
  std::vector<double> values;
  std::vector<std::uint32_t> outside;  // per active point: how many limits it is outside of (capped at 2)
  std::vector<std::uint32_t> where;    // ... and, when one, 2 * input + (1 if above the box)
  std::vector<std::size_t> count, offset;
  Rows grouped;
};

bool inside(double v, Interval keep) { return v >= keep.low && v <= keep.high; }

std::size_t interest_count(const Data& data, const Rows& rows) {
  std::size_t count = 0;
  for (std::size_t r : rows) count += data.of_interest[r];
  return count;
}

double share(std::size_t part, std::size_t whole) {
  return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

double mean_interest(const Data& data, const Rows& rows) { return share(interest_count(data, rows), rows.size()); }

Rows filter(const Data& data, const Rows& rows, std::size_t input, Interval keep) {
  Rows out;
  const double* column = data.column(input);
  for (std::size_t r : rows)
    if (inside(column[r], keep)) out.push_back(r);
  return out;
}

// The members of the box being peeled in ascending order of each input, kept in step with the
// peels: the peel at a share alpha of the points is then a look at ranks, not a sort.
struct PeelOrder {
  struct Ranked {
    double value;
    std::size_t row;
  };
  std::vector<std::vector<Ranked>> by_input;
  std::vector<unsigned char> in_box;  // per row of the data: 1 while the row is in the box
};

PeelOrder order_members(const Data& data, const Rows& members) {
  PeelOrder order;
  order.by_input.resize(data.x.cols);
  order.in_box.assign(data.x.rows, 0);
  for (std::size_t r : members) order.in_box[r] = 1;
  for (std::size_t c = 0; c < data.x.cols; ++c) {
    const double* column = data.column(c);
    auto& ranked = order.by_input[c];
    ranked.reserve(members.size());
    for (std::size_t r : members) ranked.push_back({column[r], r});
    std::sort(ranked.begin(), ranked.end(), [](const PeelOrder::Ranked& a, const PeelOrder::Ranked& b) {
      return a.value < b.value || (a.value == b.value && a.row < b.row);
    });
  }
  return order;
}

// The best peel of `box` by the LENIENT1 objective (gain in mean per point removed), or nothing
// when every peel would leave fewer than `min_points` points or removes none. `order` holds the
// box's members by each input and moves on with the peel taken. Every member lies within the
// box's limits, so peeling the low end at the value of rank `cut` keeps exactly the members from
// the first of that value upwards (and the high end likewise).
std::optional<Box> best_peel(const Data& data, const Box& box, double alpha, std::size_t min_points, PeelOrder& order) {
  const std::size_t n = box.members.size();
  const std::size_t box_interest = interest_count(data, box.members);
  const double mean_old = share(box_interest, n);
  const std::size_t cut = std::max<std::size_t>(1, static_cast<std::size_t>(std::floor(alpha * static_cast<double>(n))));
  if (cut >= n) return std::nullopt;
  bool found = false;
  std::size_t best_input = 0;
  Interval best_limit{};
  double best_objective = -std::numeric_limits<double>::infinity();
  const std::size_t high_rank = n - 1 - cut;
  for (std::size_t input = 0; input < data.x.cols; ++input) {
    const auto& ranked = order.by_input[input];
    Interval limit[2] = {box.limits[input], box.limits[input]};
    limit[0].low = ranked[cut].value;
    limit[1].high = ranked[high_rank].value;
    std::size_t below = cut;  // members below the low limit: ranks [0, below)
    while (below > 0 && !(ranked[below - 1].value < limit[0].low)) --below;
    std::size_t above = high_rank + 1;  // members above the high limit: ranks [above, n)
    while (above < n && !(ranked[above].value > limit[1].high)) ++above;
    std::size_t removed_interest[2] = {0, 0};
    for (std::size_t i = 0; i < below; ++i) removed_interest[0] += data.of_interest[ranked[i].row];
    for (std::size_t i = above; i < n; ++i) removed_interest[1] += data.of_interest[ranked[i].row];
    const std::size_t kept[2] = {n - below, above};
    for (std::size_t end = 0; end < 2; ++end) {  // the low end first
      if (kept[end] == n || kept[end] < min_points) continue;
      const double objective =
          (share(box_interest - removed_interest[end], kept[end]) - mean_old) / static_cast<double>(n - kept[end]);
      if (objective > best_objective) {
        best_objective = objective;
        found = true;
        best_input = input;
        best_limit = limit[end];
      }
    }
  }
  if (!found) return std::nullopt;
  Box next{box.limits, filter(data, box.members, best_input, best_limit)};
  next.limits[best_input] = best_limit;
  const double* column = data.column(best_input);
  for (std::size_t r : box.members)
    if (!inside(column[r], best_limit)) order.in_box[r] = 0;
  for (auto& ranked : order.by_input) {
    std::erase_if(ranked, [&](const PeelOrder::Ranked& item) { return order.in_box[item.row] == 0; });
  }
  return next;
}

// Sorts the `active` points that are outside `limits` in exactly one input into groups by
// (input, side), 2 * input + (1 above the box), keeping their order within a group:
// scratch.grouped[offset[g], offset[g + 1]) is group g. Also leaves per point scratch.outside
// (0, 1 or 2 for two or more) and scratch.where.
void group_single_outsiders(const Data& data, const std::vector<Interval>& limits, const Rows& active, Scratch& scratch) {
  const std::size_t cols = data.x.cols, groups = 2 * cols;
  scratch.outside.assign(active.size(), 0);
  scratch.where.assign(active.size(), 0);
  for (std::size_t c = 0; c < cols; ++c) {
    const double* column = data.column(c);
    const Interval limit = limits[c];
    for (std::size_t i = 0; i < active.size(); ++i) {
      if (scratch.outside[i] >= 2) continue;
      const double v = column[active[i]];
      if (inside(v, limit)) continue;
      ++scratch.outside[i];
      // Outside but neither below nor above (a NaN) joins no group: 2 * cols marks that.
      scratch.where[i] = v < limit.low ? static_cast<std::uint32_t>(2 * c)
                         : v > limit.high ? static_cast<std::uint32_t>(2 * c + 1)
                                          : static_cast<std::uint32_t>(groups);
    }
  }
  scratch.offset.assign(groups + 2, 0);
  for (std::size_t i = 0; i < active.size(); ++i)
    if (scratch.outside[i] == 1) ++scratch.offset[scratch.where[i] + 1];
  for (std::size_t g = 0; g <= groups; ++g) scratch.offset[g + 1] += scratch.offset[g];
  scratch.grouped.resize(scratch.offset[groups + 1]);
  scratch.count.assign(scratch.offset.begin(), scratch.offset.end());  // next free slot per group
  for (std::size_t i = 0; i < active.size(); ++i)
    if (scratch.outside[i] == 1) scratch.grouped[scratch.count[scratch.where[i]]++] = active[i];
}

// Widens the box, a paste_alpha share of its points at a time, while its density does not fall.
// A candidate for pasting at one end of an input is an `active` point outside the box only in
// that input, on that side.
Box paste(const Data& data, Box box, const Rows& active, double alpha, Scratch& scratch) {
  for (;;) {
    const std::size_t box_interest = interest_count(data, box.members);
    const double density = share(box_interest, box.members.size());
    const auto step = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(alpha * static_cast<double>(box.members.size()))));
    group_single_outsiders(data, box.limits, active, scratch);
    bool found = false;
    std::size_t best_group = 0;
    double best_edge = 0;
    double best_density = density;
    for (std::size_t input = 0; input < data.x.cols; ++input) {
      const double* column = data.column(input);
      for (const bool low_end : {true, false}) {
        const std::size_t group = 2 * input + (low_end ? 0 : 1);
        const std::size_t first = scratch.offset[group], size = scratch.offset[group + 1] - first;
        if (size == 0) continue;
        std::vector<double>& values = scratch.values;
        values.resize(size);
        for (std::size_t i = 0; i < size; ++i) values[i] = column[scratch.grouped[first + i]];
        // The step-th nearest: the step-th largest below the box, the step-th smallest above it.
        const auto nth = values.begin() + static_cast<std::ptrdiff_t>(std::min(step, size) - 1);
        if (low_end) std::nth_element(values.begin(), nth, values.end(), std::greater<double>());
        else std::nth_element(values.begin(), nth, values.end());
        const double edge = *nth;
        std::size_t added = 0, added_interest = 0;
        for (std::size_t i = first; i < first + size; ++i) {
          const std::size_t r = scratch.grouped[i];
          if (low_end ? column[r] >= edge : column[r] <= edge) ++added, added_interest += data.of_interest[r];
        }
        const double next_density = share(box_interest + added_interest, box.members.size() + added);
        if (next_density >= best_density && (!found || next_density > best_density)) {
          best_density = next_density;
          found = true;
          best_group = group;
          best_edge = edge;
        }
      }
    }
    if (!found) return box;
    const std::size_t input = best_group / 2;
    const bool low_end = best_group % 2 == 0;
    const double* column = data.column(input);
    (low_end ? box.limits[input].low : box.limits[input].high) = best_edge;
    for (std::size_t i = scratch.offset[best_group]; i < scratch.offset[best_group + 1]; ++i) {
      const std::size_t r = scratch.grouped[i];
      if (low_end ? column[r] >= best_edge : column[r] <= best_edge) box.members.push_back(r);
    }
    std::sort(box.members.begin(), box.members.end());
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

// Drops the restrictions that do not earn their place: a restriction goes when lifting it does
// not lower the balance of coverage and density the box was chosen by (or keeps the density within
// one binomial standard error of the pasted box's). Small peels on irrelevant inputs otherwise pile
// up into boxes that restrict every input a little; what is left reads as a statement about the
// inputs that matter.
// Lifting input c (back to the data's range, which holds every point) lets in the `active` points
// outside the box in c alone: the box's members after the lift are the points inside every limit
// plus those.
Box drop_restrictions(const Data& data, Box box, const Rows& active, Scratch& scratch) {
  const std::size_t interest_total = interest_count(data, active);
  const auto score = [&](std::size_t inside_interest, std::size_t members) {
    const double inside = static_cast<double>(inside_interest);
    const double coverage = interest_total ? inside / static_cast<double>(interest_total) : 0;
    return balance(coverage, members == 0 ? 0.0 : inside / static_cast<double>(members));
  };
  const double density = mean_interest(data, box.members);
  const double n = static_cast<double>(box.members.size());
  const double tolerance = n > 0 ? std::sqrt(density * (1 - density) / n) : 0;
  const std::size_t cols = box.limits.size();
  for (;;) {
    const double current = score(interest_count(data, box.members), box.members.size());
    group_single_outsiders(data, box.limits, active, scratch);
    // Points inside every limit, and per input those outside in it alone (either side).
    std::size_t within = 0, within_interest = 0;
    for (std::size_t i = 0; i < active.size(); ++i)
      if (scratch.outside[i] == 0) ++within, within_interest += data.of_interest[active[i]];
    bool found = false;
    std::size_t best_input = 0;
    double best_score = -1;
    for (std::size_t c = 0; c < cols; ++c) {
      if (box.limits[c].low <= data.range[c].low && box.limits[c].high >= data.range[c].high) continue;
      std::size_t members = within, members_interest = within_interest;
      for (std::size_t i = scratch.offset[2 * c]; i < scratch.offset[2 * c + 2]; ++i)
        ++members, members_interest += data.of_interest[scratch.grouped[i]];
      const double lifted_score = score(members_interest, members);
      const bool keeps_density = share(members_interest, members) >= density - tolerance;
      if ((lifted_score >= current || keeps_density) && lifted_score > best_score) {
        best_score = lifted_score;
        found = true;
        best_input = c;
      }
    }
    if (!found) return box;
    box.limits[best_input] = data.range[best_input];
    box.members.clear();
    for (std::size_t i = 0; i < active.size(); ++i) {
      const bool lifted_in = scratch.outside[i] == 1 && scratch.where[i] / 2 == best_input && scratch.where[i] < 2 * cols;
      if (scratch.outside[i] == 0 || lifted_in) box.members.push_back(active[i]);
    }
  }
}

// One box among the `active` points: peel to mass_min, choose on the trajectory, paste, then drop
// the restrictions that do not matter.
Box find_box(const Data& data, const Rows& active, const PrimOptions& options, std::size_t interest_total,
             std::vector<PrimBox>* trajectory, Scratch& scratch) {
  const auto min_points = static_cast<std::size_t>(std::ceil(options.mass_min * static_cast<double>(data.x.rows)));
  const std::size_t active_interest = interest_count(data, active);
  std::vector<Box> steps{Box{data.range, active}};
  PeelOrder order = order_members(data, active);
  while (auto next = best_peel(data, steps.back(), options.peel_alpha, std::max<std::size_t>(1, min_points), order))
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
  return drop_restrictions(data, paste(data, std::move(steps[chosen]), active, options.paste_alpha, scratch), active,
                           scratch);
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
  Data data{x, std::vector<double>(x.rows * x.cols), std::vector<unsigned char>(x.rows), {}};
  for (std::size_t r = 0; r < x.rows; ++r) {
    data.of_interest[r] = of_interest[r] ? 1 : 0;
    for (std::size_t c = 0; c < x.cols; ++c) data.by_column[c * x.rows + r] = x.at(r, c);
  }
  for (std::size_t c = 0; c < x.cols; ++c) {
    Interval range{x.at(0, c), x.at(0, c)};
    for (std::size_t r = 1; r < x.rows; ++r) range = {std::min(range.low, x.at(r, c)), std::max(range.high, x.at(r, c))};
    data.range.push_back(range);
  }
  Scratch scratch;
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
    const Box box = find_box(data, active, options, interest_total, result.boxes.empty() ? &result.trajectory : nullptr,
                             scratch);
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
