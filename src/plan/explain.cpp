// Which constraints bind: each candidate rule is relaxed in a re-solve of the first stage and
// the fall in unmet requirement is reported in a plain sentence; the nation caps also get the
// LP shadow price (binaries fixed at the plan's values, units made continuous).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "plan/analysis.hpp"

namespace guarantor::plan::detail {
namespace {

constexpr double kEpsilon = 1e-6;
// A relaxation must save at least half a troop to bind (below that it is solver tolerance).
constexpr double kMinimumGain = 0.5;

struct Explainer {
  const Instance& inst;
  const BasePlan& base;
  const milp::SolveOptions& options;
  int& solves;
  std::vector<BindingConstraint> out;
  std::vector<double> slot_filled;
  std::map<int, double> shadow_land, shadow_total;  // nation → shadow price

  double gain(const Variation& v) {
    ++solves;
    const Resolve r = resolve_unmet(inst, v, options);
    if (r.status != milp::SolveStatus::optimal && r.status != milp::SolveStatus::feasible) return 0;
    return base.unmet - r.unmet_troops;
  }

  const Nation& nation(int n) const { return *inst.nations[static_cast<std::size_t>(n)].nation; }
  const Component& component(int c) const { return *inst.components[static_cast<std::size_t>(c)].component; }
  bool slot_short(int s) const {
    const Slot& slot = inst.slots[static_cast<std::size_t>(s)];
    return slot_filled[static_cast<std::size_t>(s)] < slot.required_troops - kMinimumGain;
  }

  void add(std::string constraint, std::string sentence, double improvement, std::optional<double> shadow = {}) {
    out.push_back({std::move(constraint), std::move(sentence), improvement, shadow});
  }

  double committed(int n, bool land_only) const {
    double total = 0;
    for (const auto& p : base.placements) {
      const Offer& o = inst.offers[static_cast<std::size_t>(p.offer)];
      if (o.nation == n && (!land_only || o.land)) total += p.troops * o.rotation;
    }
    return total;
  }

  // A cap is tight when one more unit of any offer of the nation that could still be used
  // would not fit under it.
  bool cap_tight(int n, bool land_only, double cap) const {
    const double used = committed(n, land_only);
    for (int o : inst.nations[static_cast<std::size_t>(n)].offers) {
      const Offer& offer = inst.offers[static_cast<std::size_t>(o)];
      if (land_only && !offer.land) continue;
      if (used + std::min(offer.troops, offer.troops_per_unit) * offer.rotation > cap + kEpsilon) return true;
    }
    return false;
  }

  void explain_caps() {
    for (std::size_t n = 0; n < inst.nations.size(); ++n) {
      const NationInfo& info = inst.nations[n];
      if (info.offers.empty()) continue;
      if (info.land_cap) explain_cap(static_cast<int>(n), true, *info.land_cap);
      if (info.total_cap) explain_cap(static_cast<int>(n), false, *info.total_cap);
    }
  }

  // A nation's land-force cap (land_only) or overall cap: binding when it is tight and lifting it
  // would cut the unmet requirement.
  void explain_cap(int ni, bool land_only, double cap) {
    if (!cap_tight(ni, land_only, cap)) return;
    Variation v;
    (land_only ? v.uncapped_land : v.uncapped_total).insert(ni);
    const double g = gain(v);
    if (g < kMinimumGain) return;
    const auto& shadows = land_only ? shadow_land : shadow_total;
    std::optional<double> shadow;
    if (const auto it = shadows.find(ni); it != shadows.end()) shadow = it->second;
    const NationInfo& info = inst.nations[static_cast<std::size_t>(ni)];
    const double fraction = inst.settings.max_land_force_share;
    const double share = fraction * 100;
    const std::string& name = nation(ni).name;
    if (land_only) {
      const char* basis = info.land_cap_basis == CapBasis::land_personnel ? "land personnel" : "active personnel";
      add(fmt::format("force_cap_land[{}]", nation(ni).code),
          fmt::format("{}'s land-force cap binds: {:g}% of its {} ({:.0f} troops) allows {:.0f} troops committed "
                      "including rotation, and the plan uses {:.0f}. Lifting the cap would cut the unmet "
                      "requirement by {:.0f} troops.",
                      name, share, basis, cap / fraction, cap, committed(ni, true), g),
          g, shadow);
    } else {
      add(fmt::format("force_cap_total[{}]", nation(ni).code),
          fmt::format("{}'s overall force cap binds: {:g}% of {:.0f} active personnel allows {:.0f} troops "
                      "committed including rotation, and the plan uses {:.0f}. Lifting it would cut the unmet "
                      "requirement by {:.0f} troops.",
                      name, share, cap / fraction, cap, committed(ni, false), g),
          g, shadow);
    }
  }

  // A pledge is binding when all of it is used and more of the same would cut the unmet
  // requirement. The sentence names the troops added (the gap of the lines it could fill, in
  // whole units of its type) and the troops of requirement that would then count.
  void explain_pledges() {
    std::vector<double> used(inst.offers.size(), 0);
    for (const auto& p : base.placements) used[static_cast<std::size_t>(p.offer)] += p.troops;
    std::map<const Pledge*, std::pair<double, double>> by_pledge;  // pledge → (extra troops, gain)
    for (std::size_t o = 0; o < inst.offers.size(); ++o) {
      const Offer& offer = inst.offers[o];
      if (used[o] < offer.troops - kMinimumGain) continue;
      double wanted = 0;  // the largest gap among the lines this offer could fill
      for (int s : offer.eligible) {
        const Slot& slot = inst.slots[static_cast<std::size_t>(s)];
        wanted = std::max(wanted, slot.required_troops - slot_filled[static_cast<std::size_t>(s)]);
      }
      if (wanted < kMinimumGain) continue;
      if (offer.troops_per_unit > 1) wanted = std::ceil(wanted / offer.troops_per_unit - 1e-9) * offer.troops_per_unit;
      Variation v;
      v.extra_troops.assign(inst.offers.size(), 0);
      v.extra_troops[o] = wanted;
      const double g = gain(v);
      if (g < kMinimumGain) continue;
      auto& entry = by_pledge[offer.pledge];
      entry.first += wanted;
      entry.second = std::max(entry.second, g);
      add(fmt::format("pledge_cap[{}{}]", offer.pledge->id,
                      offer.package_capability.empty() ? "" : "/" + offer.package_capability),
          fmt::format("{}'s pledge {} ({:.0f} troops{}) is fully used. {:.0f} more troops of {} (e.g. {:.1f} × {}) "
                      "would make {:.0f} more troops of the requirement count, if its force caps allowed.",
                      nation(offer.nation).name, offer.pledge->id, offer.troops,
                      offer.package_capability.empty() ? "" : fmt::format(" for {}", offer.package_capability), wanted,
                      offer.package_capability.empty() ? offer.unit->capability : offer.package_capability,
                      offer.troops_per_unit > 0 ? wanted / offer.troops_per_unit : 0.0, offer.unit->name, g),
          g);
    }
  }

  void explain_conditions() {
    std::map<int, std::vector<std::string>> outside_only;  // nation → components its condition keeps it out of
    std::map<int, double> non_nato_excluded;                // component → troops of NATO offers excluded
    for (const Offer& offer : inst.offers) {
      for (const auto& [s, why] : offer.excluded) {
        if (!slot_short(s)) continue;
        const int c = inst.slots[static_cast<std::size_t>(s)].component;
        if (why == Exclusion::outside_ukraine_only) outside_only[offer.nation].push_back(component(c).id);
        if (why == Exclusion::non_nato_only) non_nato_excluded[c] += offer.troops;
      }
    }
    for (auto& [n, components] : outside_only) {
      std::sort(components.begin(), components.end());
      components.erase(std::unique(components.begin(), components.end()), components.end());
      Variation v;
      v.lift_outside_only.insert(n);
      const double g = gain(v);
      if (g >= kMinimumGain) {
        add(fmt::format("condition_outside_ukraine_only[{}]", nation(n).code),
            fmt::format("{}'s condition to serve outside Ukraine only keeps its units out of {}; lifting it would cut "
                        "the unmet requirement by {:.0f} troops.",
                        nation(n).name, fmt::join(components, ", "), g),
            g);
      }
    }
    for (const auto& [c, units] : non_nato_excluded) {
      Variation v;
      v.lift_non_nato.insert(c);
      const double g = gain(v);
      if (g >= kMinimumGain) {
        add(fmt::format("non_nato_only[{}]", component(c).id),
            fmt::format("{} may be manned by non-NATO nations only, which keeps {:.0f} offered NATO troops out; "
                        "opening it to NATO nations would cut the unmet requirement by {:.0f} troops.",
                        component(c).name, units, g),
            g);
      }
    }
  }

  void explain_component_rules(const std::vector<ComponentFill>& fills) {
    for (std::size_t c = 0; c < inst.components.size(); ++c) {
      const ComponentInfo& info = inst.components[c];
      if (!info.planned || fills[c].unmet_troops < kMinimumGain) continue;
      const int ci = static_cast<int>(c);
      bool explained = false;
      if (info.framework_troops > 0) {
        Variation v;
        v.no_framework.insert(ci);
        const double g = gain(v);
        if (g >= kMinimumGain) {
          explained = true;
          add(fmt::format("framework[{}]", component(ci).id),
              fmt::format("{} needs a framework nation providing at least {:.0f} troops{} and none can; without "
                          "that rule the unmet requirement would fall by {:.0f} troops.",
                          component(ci).name, info.framework_troops,
                          info.hq_slots.empty() ? "" : " and the command element", g),
              g);
        }
      }
      if (info.min_nations > 1) {
        Variation v;
        v.no_multinational.insert(ci);
        const double g = gain(v);
        if (g >= kMinimumGain) {
          explained = true;
          add(fmt::format("min_nations[{}]", component(ci).id),
              fmt::format("{} needs at least {} contributing nations; without that rule the unmet requirement would "
                          "fall by {:.0f} troops.",
                          component(ci).name, info.min_nations, g),
              g);
        }
      }
      if (!explained) explain_supply(ci);
      (void)fills;
    }
  }

  // The plain lack of eligible offers for each short requirement line of a component.
  void explain_supply(int c) {
    for (int s : inst.components[static_cast<std::size_t>(c)].slots) {
      if (!slot_short(s)) continue;
      const Slot& slot = inst.slots[static_cast<std::size_t>(s)];
      double offered = 0;
      for (const Offer& offer : inst.offers) {
        if (std::find(offer.eligible.begin(), offer.eligible.end(), s) != offer.eligible.end()) offered += offer.troops;
      }
      const double filled = slot_filled[static_cast<std::size_t>(s)];
      add(fmt::format("fill[{},{}]", component(c).id, slot.capability),
          fmt::format("{} is short of {}: it needs {:.0f} troops ({} × {}; below {:.0f} the line counts nothing), the "
                      "eligible pledges offer {:.0f} and the plan places {:.0f}.",
                      component(c).name, slot.capability, slot.required_troops, slot.required_units,
                      slot.reference_unit_type, slot.minimum_viable_troops, offered, filled),
          0);
    }
  }

  // LP duals of the caps with the plan's binaries fixed: troops of unmet requirement saved per
  // troop of extra cap.
  void shadow_prices() {
    Formulation f = formulate(inst, {}, 1);
    milp::Model lp = f.model;
    const LexOutcome lex = solve_stages(f, 1, options);
    ++solves;
    if (!lex.has_solution()) return;
    for (std::size_t j = 0; j < lp.variables.size(); ++j) {
      if (lp.variables[j].type == milp::VarType::binary) lp.variables[j].lower = lp.variables[j].upper = lex.values[j];
    }
    milp::SolveOptions lp_options = options;
    lp_options.lp_relaxation = true;
    const milp::Solution s = milp::solve(lp, lp_options);
    ++solves;
    if (s.status != milp::SolveStatus::optimal) return;
    for (std::size_t n = 0; n < inst.nations.size(); ++n) {
      if (f.land_cap_row[n] >= 0) shadow_land[static_cast<int>(n)] = -s.duals[static_cast<std::size_t>(f.land_cap_row[n])];
      if (f.total_cap_row[n] >= 0)
        shadow_total[static_cast<int>(n)] = -s.duals[static_cast<std::size_t>(f.total_cap_row[n])];
    }
  }
};

}  // namespace

std::vector<BindingConstraint> binding_constraints(const Instance& inst, const BasePlan& base,
                                                   const milp::SolveOptions& options, int& solves) {
  Explainer e{inst, base, options, solves, {}, std::vector<double>(inst.slots.size(), 0.0), {}, {}};
  if (base.unmet < kMinimumGain) return {};
  for (const auto& p : base.placements) e.slot_filled[static_cast<std::size_t>(p.slot)] += p.troops;
  e.shadow_prices();
  e.explain_caps();
  e.explain_pledges();
  e.explain_conditions();
  e.explain_component_rules(base.fills);
  std::stable_sort(e.out.begin(), e.out.end(), [](const BindingConstraint& a, const BindingConstraint& b) {
    return a.improvement_troops > b.improvement_troops;
  });
  return e.out;
}

}  // namespace guarantor::plan::detail
