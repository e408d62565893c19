// Conditional pledges as chances: each draw keeps each conditional pledge with its probability,
// re-optimises the first stage, and records the unmet requirement per component. Candidate plans
// (the deterministic plan and each draw's plan) are then held fixed and scored across all draws;
// the best mean is reported as the robust plan (a sample-average choice among candidates).
#include <Random123/philox.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "plan/analysis.hpp"

namespace guarantor::plan::detail {

double uniform(std::uint64_t seed, std::uint32_t draw, std::uint32_t item, std::uint32_t purpose) {
  r123::Philox4x32 generator;
  const r123::Philox4x32::key_type key = {{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)}};
  const r123::Philox4x32::ctr_type counter = {{draw, item, purpose, 0}};
  const auto r = generator(counter, key);
  // 53 random bits → a double in [0, 1), identical on every platform.
  const std::uint64_t bits = (static_cast<std::uint64_t>(r[0]) << 21) | (static_cast<std::uint64_t>(r[1]) >> 11);
  return static_cast<double>(bits) * 0x1.0p-53;
}

namespace {

constexpr std::uint32_t kPurposeMaterialise = 1;
constexpr std::size_t kMaxCandidates = 64;  // caps the candidate scoring at 64 × draws evaluations

double quantile(std::vector<double> values, double q) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  // Nearest rank: the smallest value with at least q of the sample at or below it.
  const auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(values.size())));
  return values[std::min(values.size() - 1, rank == 0 ? 0 : rank - 1)];
}

}  // namespace

MonteCarloResult monte_carlo(const Instance& inst, const BasePlan& base, int draws, std::uint64_t seed,
                             const milp::SolveOptions& options, int& solves) {
  MonteCarloResult mc;
  mc.draws = draws;
  mc.seed = seed;
  for (const Offer& offer : inst.offers) {
    if (offer.conditional && offer.probability_assumed) mc.assumed_probability_pledges.push_back(offer.pledge->id);
  }
  std::map<std::vector<bool>, Resolve> solved;  // coalition → its re-optimised first stage
  std::vector<std::vector<bool>> coalitions;
  std::vector<std::vector<double>> unmet_by_component(inst.components.size());
  std::vector<std::vector<Placement>> candidates{base.placements};
  std::vector<std::string> origins{"deterministic"};
  double total = 0;
  for (int d = 0; d < draws; ++d) {
    std::vector<bool> available(inst.offers.size(), true);
    for (std::size_t o = 0; o < inst.offers.size(); ++o) {
      if (inst.offers[o].conditional) {
        available[o] = uniform(seed, static_cast<std::uint32_t>(d), static_cast<std::uint32_t>(o),
                               kPurposeMaterialise) < inst.offers[o].probability;
      }
    }
    auto it = solved.find(available);
    if (it == solved.end()) {
      Variation v;
      v.available = available;
      it = solved.emplace(available, resolve_unmet(inst, v, options)).first;
      ++solves;
      if (candidates.size() < kMaxCandidates) {
        candidates.push_back(it->second.placements);
        origins.push_back(fmt::format("draw {}", d));
      }
    }
    coalitions.push_back(available);
    total += it->second.unmet_troops;
    for (std::size_t c = 0; c < inst.components.size() && c < it->second.fills.size(); ++c) {
      unmet_by_component[c].push_back(it->second.fills[c].unmet_troops);
    }
  }
  mc.distinct_coalitions = static_cast<int>(solved.size());
  if (draws <= 0) return mc;
  mc.mean_unmet_troops = total / draws;
  for (std::size_t c = 0; c < inst.components.size(); ++c) {
    if (!inst.components[c].planned) continue;
    ComponentDistribution dist;
    dist.component = inst.components[c].component->id;
    const auto& values = unmet_by_component[c];
    int unfilled = 0;
    double sum = 0;
    for (std::size_t d = 0; d < values.size(); ++d) {
      sum += values[d];
      const auto& fills = solved.at(coalitions[d]).fills;
      if (!fills[c].viable) ++unfilled;
    }
    dist.probability_unfilled = static_cast<double>(unfilled) / draws;
    dist.mean_unmet_troops = sum / draws;
    dist.p10 = quantile(values, 0.1);
    dist.p50 = quantile(values, 0.5);
    dist.p90 = quantile(values, 0.9);
    mc.components.push_back(dist);
  }
  // Score each candidate plan, held fixed, across every draw: pledges that did not materialise
  // take their units with them.
  double best = 0;
  std::size_t best_index = 0;
  for (std::size_t k = 0; k < candidates.size(); ++k) {
    double sum = 0;
    for (const auto& available : coalitions) sum += total_unmet(evaluate(inst, candidates[k], available));
    const double mean = sum / draws;
    if (k == 0) mc.deterministic_plan_mean_unmet = mean;
    if (k == 0 || mean < best - 1e-9) {
      best = mean;
      best_index = k;
    }
  }
  mc.robust_plan_mean_unmet = best;
  mc.robust_plan_origin = origins[best_index];
  for (const auto& p : candidates[best_index]) mc.robust_plan.push_back(to_assignment(inst, p));
  return mc;
}

}  // namespace guarantor::plan::detail
