// Conditional pledges as chances: each draw keeps each conditional pledge with its probability,
// re-optimises the first stage, and records the unmet requirement per component. Candidate plans
// (the deterministic plan and each draw's plan) are then held fixed and scored across all draws;
// the best mean is reported as the robust plan (a sample-average choice among candidates).
#include <fmt/format.h>

#include <map>

#include "guarantor/core/numeric.hpp"
#include "guarantor/core/philox.hpp"
#include "plan/analysis.hpp"

namespace guarantor::plan::detail {

double uniform(std::uint64_t seed, std::uint32_t draw, std::uint32_t item, std::uint32_t purpose) {
  const philox::Block r = philox::block(seed, {{draw, item, purpose, 0}});
  // The top 53 bits of the block's first two words → a double in [0, 1), identical on every platform.
  return philox::uniform_half_open(philox::bits53(r[0], r[1]));
}

namespace {

constexpr std::uint32_t kPurposeMaterialise = 1;
constexpr std::size_t kMaxCandidates = 64;  // caps the candidate scoring at 64 × draws evaluations

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
    double sum = 0, effectiveness = 0;
    for (std::size_t d = 0; d < values.size(); ++d) {
      sum += values[d];
      const auto& fills = solved.at(coalitions[d]).fills;
      if (fills[c].effectiveness <= 1e-9) ++unfilled;
      effectiveness += fills[c].effectiveness;
    }
    dist.mean_effectiveness = effectiveness / draws;
    dist.probability_unfilled = static_cast<double>(unfilled) / draws;
    dist.mean_unmet_troops = sum / draws;
    dist.p10 = nearest_rank_unsorted(values, 0.1);
    dist.p50 = nearest_rank_unsorted(values, 0.5);
    dist.p90 = nearest_rank_unsorted(values, 0.9);
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
