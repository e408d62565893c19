// Coverage as ranges: the pledged force laid down at the low, central and high values of the
// placeholders that stand for unknown pledge quantities.
#include <cmath>

#include "guarantor/geo/laydown.hpp"
#include "guarantor/scenario/force_package.hpp"

namespace guarantor::geo {
namespace {

bool counts(const Pledge& p) {
  return p.status != PledgeStatus::declined && !p.quantity.known() && p.placeholder.has_value();
}

double at_level(const QuantityRange& range, PlaceholderLevel level) {
  switch (level) {
    case PlaceholderLevel::low: return range.low;
    case PlaceholderLevel::central: return range.central;
    case PlaceholderLevel::high: return range.high;
  }
  return range.central;
}

// Shares are rounded to 4 decimals in coverage.json; smaller differences are no range.
bool same(double a, double b) { return std::abs(a - b) < 5e-5; }

Expected<LaydownResult> lay_down_at(const Scenario& scenario, const WorldData& world, PlaceholderLevel level) {
  const Scenario at = with_placeholders_at(scenario, level);
  const ForcePackage force = package_from_pledges(at);
  return run_laydown(LaydownInput{&at, &force, &world});
}

}  // namespace

bool has_placeholder_range(const Scenario& scenario) {
  for (const auto& p : scenario.pledges) {
    if (counts(p) && (p.placeholder->low != p.placeholder->central || p.placeholder->high != p.placeholder->central)) return true;
  }
  return false;
}

Scenario with_placeholders_at(const Scenario& scenario, PlaceholderLevel level) {
  Scenario copy = scenario;
  for (auto& p : copy.pledges) {
    if (counts(p)) p.placeholder->central = at_level(*p.placeholder, level);
  }
  return copy;
}

Status add_placeholder_ranges(const Scenario& scenario, const WorldData& world, LaydownResult& central) {
  if (!has_placeholder_range(scenario)) return Status::ok();
  auto low = lay_down_at(scenario, world, PlaceholderLevel::low);
  if (!low) return low.status();
  auto high = lay_down_at(scenario, world, PlaceholderLevel::high);
  if (!high) return high.status();
  // The same scenario lays down the same layers in the same order at every level.
  for (std::size_t i = 0; i < central.layers.size() && i < low->layers.size() && i < high->layers.size(); ++i) {
    Layer& layer = central.layers[i];
    const Layer& l = low->layers[i];
    const Layer& h = high->layers[i];
    const bool differs = !same(l.population_share, layer.population_share) || !same(h.population_share, layer.population_share) ||
                         !same(l.area_share, layer.area_share) || !same(h.area_share, layer.area_share);
    if (!differs) continue;
    layer.population_share_range = ShareRange{l.population_share, layer.population_share, h.population_share};
    layer.area_share_range = ShareRange{l.area_share, layer.area_share, h.area_share};
  }
  return Status::ok();
}

}  // namespace guarantor::geo
