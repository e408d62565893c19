// The time-phased force flow: when each component's troops are in theatre. Readiness (days to
// move) comes from the unit types, throughput from the component's route; a day-by-day count,
// exact for these piecewise-constant inputs.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "guarantor/plan/plan.hpp"

namespace guarantor::plan {
namespace {

constexpr int kHorizonDays = 3650;   // a flow that has not finished in ten years is reported open
constexpr double kSlack = 0.01;      // troops: placements are kept to a hundredth

struct ComponentLoad {
  std::map<int, double> ready;  // readiness day → troops that can move from then
  double total = 0;
};

int readiness_day(const Scenario& scenario, const std::string& unit_type, std::vector<std::string>& unknown) {
  const UnitType* unit = scenario.find_unit_type(unit_type);
  if (unit && unit->readiness_days.known()) return static_cast<int>(*unit->readiness_days.value + 0.5);
  if (std::find(unknown.begin(), unknown.end(), unit_type) == unknown.end()) unknown.push_back(unit_type);
  return 0;
}

// Troops in theatre at the end of each day until all have arrived (at most kHorizonDays).
std::vector<double> arrivals(const ComponentLoad& load, double capacity) {
  std::vector<double> in_theatre;
  double moved = 0, ready = 0;
  auto next = load.ready.begin();
  for (int day = 0; day <= kHorizonDays && moved < load.total - kSlack; ++day) {
    while (next != load.ready.end() && next->first <= day) ready += (next++)->second;
    moved = std::min(ready, moved + capacity);
    in_theatre.push_back(moved);
  }
  if (in_theatre.empty()) in_theatre.push_back(load.total);
  return in_theatre;
}

std::optional<int> first_day(const std::vector<double>& in_theatre, double troops) {
  for (std::size_t d = 0; d < in_theatre.size(); ++d) {
    if (in_theatre[d] >= troops - kSlack) return static_cast<int>(d);
  }
  return std::nullopt;
}

}  // namespace

ForceFlow force_flow(const Scenario& scenario, const std::vector<PlannedAssignment>& assignments) {
  ForceFlow flow;
  std::vector<std::string> unknown_readiness;
  std::map<std::string, ComponentLoad> loads;
  for (const auto& a : assignments) {
    if (a.troops <= 0) continue;
    ComponentLoad& load = loads[a.component];
    load.ready[readiness_day(scenario, a.unit_type, unknown_readiness)] += a.troops;
    load.total += a.troops;
  }
  std::vector<std::vector<double>> series;  // per deployed component: troops in theatre by day
  for (const auto& component : scenario.components) {
    const auto it = loads.find(component.id);
    if (!component.enabled || it == loads.end()) {
      flow.days.push_back({component.id, {std::nullopt, std::nullopt}});
      continue;
    }
    double capacity = std::numeric_limits<double>::infinity();
    if (component.route && component.route->capacity_troops_per_day.known())
      capacity = *component.route->capacity_troops_per_day.value;
    series.push_back(arrivals(it->second, capacity));
    const std::vector<double>& in_theatre = series.back();
    const double minimum = component.min_viable_share > 0 ? component.min_viable_share * it->second.total : kSlack;
    flow.days.push_back({component.id, {first_day(in_theatre, minimum), first_day(in_theatre, it->second.total)}});
  }
  std::size_t days = 0;
  for (const auto& in_theatre : series) days = std::max(days, in_theatre.size());
  for (std::size_t d = 0; d < days; ++d) {
    double total = 0;  // a component that has arrived keeps its final count
    for (const auto& in_theatre : series) total += d < in_theatre.size() ? in_theatre[d] : in_theatre.back();
    total = std::round(total * 100) / 100;
    if (flow.buildup.empty() || total != flow.buildup.back().troops) flow.buildup.push_back({static_cast<int>(d), total});
  }
  if (!unknown_readiness.empty()) {
    flow.notes.push_back(fmt::format("Unit types without readiness_days are taken as ready on day 0: {}.",
                                     fmt::join(unknown_readiness, ", ")));
  }
  return flow;
}

}  // namespace guarantor::plan
