#include "guarantor/plan/synthetic.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "plan/analysis.hpp"

namespace guarantor::plan {
namespace {

struct Draws {
  std::uint64_t seed;
  std::uint32_t counter = 0;
  double next() { return detail::uniform(seed, counter++, 0, 99); }
  int between(int lo, int hi) { return lo + static_cast<int>(next() * (hi - lo + 1)); }
};

Figure assumed(double value) {
  Figure f;
  f.value = value;
  f.provenance.assumption = true;
  f.provenance.note = "synthetic";
  return f;
}

}  // namespace

Scenario synthetic_scenario(const SyntheticSize& size) {
  Draws rng{size.seed};
  Scenario s;
  s.info.name = fmt::format("synthetic-{}x{}x{}", size.nations, size.unit_types, size.components);
  s.info.title = fmt::format("Synthetic coalition: {} nations, {} unit types, {} components", size.nations,
                             size.unit_types, size.components);
  s.plan.draws = 0;
  const int capabilities = std::max(1, size.unit_types / 2);
  for (int n = 0; n < size.nations; ++n) {
    Nation nation;
    nation.code = fmt::format("N{:03}", n);
    nation.name = fmt::format("Nation {}", n);
    nation.nato = n % 3 != 0;
    const double active = rng.between(5, 200) * 1000.0;
    nation.active_personnel = assumed(active);
    nation.land_personnel = assumed(std::round(active * 0.5));
    nation.gdp_usd_bn = assumed(rng.between(20, 4000));
    s.nations.push_back(nation);
  }
  for (int u = 0; u < size.unit_types; ++u) {
    UnitType unit;
    unit.id = fmt::format("u{:02}", u);
    unit.name = fmt::format("Unit type {}", u);
    unit.capability = fmt::format("cap{:02}", u % capabilities);
    unit.domain = rng.next() < 0.7 ? Domain::land : rng.next() < 0.5 ? Domain::air : Domain::maritime;
    unit.troops_per_unit = assumed(rng.between(2, 32) * 25.0);
    unit.deploy_months = assumed(6);
    unit.dwell_months = assumed(rng.between(12, 24));
    unit.cost_musd_per_year = assumed(rng.between(5, 200));
    unit.provenance.assumption = true;
    s.unit_types.push_back(unit);
  }
  for (int c = 0; c < size.components; ++c) {
    Component component;
    component.id = fmt::format("c{:02}", c);
    component.name = fmt::format("Component {}", c);
    const double where = rng.next();
    component.location = where < 0.5 ? ComponentLocation::in_ukraine
                         : where < 0.8 ? ComponentLocation::either
                                       : ComponentLocation::outside_ukraine;
    component.non_nato_only = c % 10 == 9;
    component.framework_nation_required = c % 3 == 0;
    component.min_nations = rng.between(1, 3);
    component.min_viable_share = 0.5;
    for (int line = 0; line < 3; ++line) {
      Requirement r;
      r.capability = fmt::format("cap{:02}", rng.between(0, capabilities - 1));
      r.units = rng.between(1, 8);
      r.provenance.assumption = true;
      component.requirements.push_back(r);
    }
    s.components.push_back(component);
  }
  int id = 0;
  for (const auto& nation : s.nations) {
    for (int k = 0; k < 5; ++k) {
      Pledge p;
      p.id = fmt::format("p{:05}", id++);
      p.nation = nation.code;
      p.unit_type = s.unit_types[static_cast<std::size_t>(rng.between(0, size.unit_types - 1))].id;
      p.quantity = assumed(rng.between(1, 6));
      const double status = rng.next();
      p.status = status < 0.6 ? PledgeStatus::committed : status < 0.9 ? PledgeStatus::conditional
                                                                         : PledgeStatus::declined;
      if (p.status == PledgeStatus::conditional) p.probability = assumed(0.3 + 0.6 * rng.next());
      if (rng.next() < 0.1) p.conditions.push_back(Condition::outside_ukraine_only);
      p.provenance.assumption = true;
      s.pledges.push_back(p);
    }
  }
  return s;
}

}  // namespace guarantor::plan
