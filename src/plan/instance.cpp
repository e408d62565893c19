#include "plan/instance.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace guarantor::plan::detail {
namespace {

constexpr double kTolerance = 1e-6;
constexpr double kRoundingSlack = 0.1;  // troops

void add_slots(Instance& inst, int component_index, const Component& component) {
  ComponentInfo& info = inst.components[static_cast<std::size_t>(component_index)];
  std::map<std::string, int> slot_of_capability;
  for (const auto& req : inst.requirements) {
    if (req.component != component.id) continue;
    if (!req.units) {
      info.planned = false;
      info.unplanned_reason = fmt::format("requirement for {} unknown ({})", req.capability, req.derivation);
      continue;
    }
    auto [it, inserted] = slot_of_capability.emplace(req.capability, static_cast<int>(inst.slots.size()));
    if (inserted) {
      Slot slot;
      slot.component = component_index;
      slot.capability = req.capability;
      slot.reference_unit_type = req.reference_unit_type;
      const UnitType* unit = inst.scenario->find_unit_type(req.reference_unit_type);
      slot.troops_per_unit = unit && unit->troops_per_unit.known() ? *unit->troops_per_unit.value : 1.0;
      if (!unit || !unit->troops_per_unit.known()) {
        inst.notes.push_back(fmt::format("No unit type with a known size provides '{}' (component {}): its units are "
                                         "counted as 1 troop each.",
                                         req.capability, component.id));
      }
      inst.slots.push_back(slot);
    }
    Slot& slot = inst.slots[static_cast<std::size_t>(it->second)];
    slot.required_units += *req.units;
    slot.derivation.push_back(req.derivation);
  }
  if (!info.planned) {
    // A component with an unknown requirement is left out whole: planning half of it would
    // report a fill that means nothing.
    inst.slots.resize(inst.slots.size() - slot_of_capability.size());
    return;
  }
  // Slots in file order of their first requirement line, for stable output.
  for (const auto& entry : slot_of_capability) info.slots.push_back(entry.second);
  std::sort(info.slots.begin(), info.slots.end());
  double smallest_hq_unit = 0;
  for (int s : info.slots) {
    Slot& slot = inst.slots[static_cast<std::size_t>(s)];
    slot.required_troops = slot.required_units * slot.troops_per_unit;
    slot.minimum_viable_troops = component.min_viable_share * slot.required_troops;
    info.required_troops += slot.required_troops;
    // "A sector needs a framework nation with an HQ": a command capability must come from it.
    if (component.framework_nation_required && slot.capability.find("command") != std::string::npos &&
        slot.required_units > 0) {
      info.hq_slots.push_back(s);
      smallest_hq_unit = smallest_hq_unit > 0 ? std::min(smallest_hq_unit, slot.troops_per_unit) : slot.troops_per_unit;
    }
  }
  if (component.framework_nation_required && info.required_troops > 0) {
    info.framework_troops = inst.settings.framework_min_share * info.required_troops;
    // Half a command unit qualifies: a jointly led HQ (the UK and France each man half of the
    // MNF-U HQ) gives both co-leads the command element.
    info.hq_troops = 0.5 * smallest_hq_unit;
  }
  info.min_nations = std::max(1, component.min_nations);
}

void add_nations(Instance& inst) {
  const double share = inst.settings.max_land_force_share;
  for (const auto& nation : inst.scenario->nations) {
    NationInfo info;
    info.nation = &nation;
    if (inst.settings.cap_on_land_personnel && nation.land_personnel.known()) {
      info.land_cap = share * *nation.land_personnel.value;
      info.land_cap_basis = CapBasis::land_personnel;
    } else if (nation.active_personnel.known()) {
      info.land_cap_basis = CapBasis::active_personnel;  // the total cap below is the one row
    }
    if (nation.active_personnel.known()) info.total_cap = share * *nation.active_personnel.value;
    const Figure& basis = inst.settings.burden_by_gdp ? nation.gdp_usd_bn : nation.active_personnel;
    if (basis.known() && *basis.value > 0) info.burden_basis = *basis.value;
    inst.nations.push_back(info);
  }
}

int nation_index(const Instance& inst, const std::string& code) {
  for (std::size_t i = 0; i < inst.nations.size(); ++i) {
    if (inst.nations[i].nation->code == code) return static_cast<int>(i);
  }
  return -1;
}

Exclusion exclusion(const Instance& inst, const Offer& offer, const Slot& slot) {
  const Component& component = *inst.components[static_cast<std::size_t>(slot.component)].component;
  const Pledge& pledge = *offer.pledge;
  if (!pledge.components.empty() &&
      std::find(pledge.components.begin(), pledge.components.end(), component.id) == pledge.components.end()) {
    return Exclusion::listed_components;
  }
  if (pledge.has(Condition::outside_ukraine_only) && component.location == ComponentLocation::in_ukraine) {
    return Exclusion::outside_ukraine_only;
  }
  if (component.non_nato_only && inst.nations[static_cast<std::size_t>(offer.nation)].nation->nato) {
    return Exclusion::non_nato_only;
  }
  return Exclusion::none;
}

// Why a pledge's conditions fail in this scenario and variant; empty when they hold.
std::string failed_condition(const Scenario& scenario, const Pledge& pledge) {
  if (pledge.has(Condition::us_backstop) && !backstop_present(scenario)) {
    return "conditioned on a US backstop, which this variant does not have";
  }
  return "";
}

void add_offer(Instance& inst, Offer offer) {
  const int index = static_cast<int>(inst.offers.size());
  for (std::size_t s = 0; s < inst.slots.size(); ++s) {
    const Slot& slot = inst.slots[s];
    const bool fits = offer.package_capability.empty() ? offer.unit->can_fill(slot.capability)
                                                       : slot.capability == offer.package_capability;
    if (!fits) continue;
    const Exclusion why = exclusion(inst, offer, slot);
    if (why == Exclusion::none) offer.eligible.push_back(static_cast<int>(s));
    else offer.excluded.emplace_back(static_cast<int>(s), why);
  }
  inst.nations[static_cast<std::size_t>(offer.nation)].offers.push_back(index);
  inst.offers.push_back(std::move(offer));
}

// Capability → share of a package: as stated, or the shares of its component's requirement.
std::map<std::string, double> package_shares(const Instance& inst, const Pledge& pledge) {
  if (!pledge.package->of_requirement) return pledge.package->shares;
  std::map<std::string, double> shares;
  if (pledge.components.empty()) return shares;
  for (const auto& info : inst.components) {
    if (info.component->id != pledge.components.front() || info.required_troops <= 0) continue;
    for (int s : info.slots) {
      const Slot& slot = inst.slots[static_cast<std::size_t>(s)];
      shares[slot.capability] += slot.required_troops / info.required_troops;
    }
  }
  return shares;
}

// The reference unit type of the first slot that needs `capability` among the pledge's components.
const UnitType* reference_unit(const Instance& inst, const Pledge& pledge, const std::string& capability) {
  for (const auto& slot : inst.slots) {
    if (slot.capability != capability) continue;
    const std::string& component = inst.components[static_cast<std::size_t>(slot.component)].component->id;
    if (!pledge.components.empty() &&
        std::find(pledge.components.begin(), pledge.components.end(), component) == pledge.components.end())
      continue;
    if (const UnitType* unit = inst.scenario->find_unit_type(slot.reference_unit_type)) return unit;
  }
  return nullptr;
}

void add_pledge(Instance& inst, const Pledge& pledge) {
  const UnitType* unit = inst.scenario->find_unit_type(pledge.unit_type);
  const int nation = nation_index(inst, pledge.nation);
  if (!unit || nation < 0 || pledge.status == PledgeStatus::declined) return;
  if (const std::string reason = failed_condition(*inst.scenario, pledge); !reason.empty()) {
    inst.excluded.push_back({pledge.id, pledge.nation, reason});
    return;
  }
  std::optional<double> troops = pledge.troops(*unit);
  const bool placeholder = !troops && inst.use_placeholders && pledge.placeholder && unit->troops_per_unit.known();
  if (placeholder) troops = pledge.placeholder->central * *unit->troops_per_unit.value;
  if (!pledge.quantity.known() && !troops) {
    inst.unquantified.push_back({pledge.id, pledge.nation, pledge.unit_type, to_string(pledge.status),
                                 pledge.troops_reported.value});
    return;
  }
  if (!troops || *troops <= kTolerance) return;
  Offer offer;
  offer.pledge = &pledge;
  offer.unit = unit;
  offer.nation = nation;
  offer.troops = *troops;
  offer.troops_per_unit = unit->troops_per_unit.value_or(1);
  offer.rotation = unit->rotation_multiplier();
  offer.land = unit->domain == Domain::land;
  offer.conditional = pledge.status != PledgeStatus::committed;
  offer.quantity_assumed = placeholder || (pledge.package ? pledge.troops_reported.provenance.assumption
                                                          : pledge.quantity.provenance.assumption);
  if (offer.conditional) {
    // The stated probability (or the default), times the approval vote when parliament must approve.
    offer.probability = materialising_probability(pledge, inst.settings);
    offer.probability_assumed = !pledge.probability.known();
  }
  if (!pledge.package) {
    add_offer(inst, std::move(offer));
    return;
  }
  // A national package: one offer per capability, its share of the troops, reported as units of
  // the reference unit type of that capability.
  for (const auto& [capability, share] : package_shares(inst, pledge)) {
    if (share <= 0) continue;
    const UnitType* reference = reference_unit(inst, pledge, capability);
    if (!reference) {
      inst.notes.push_back(fmt::format("Pledge {}: its package share for '{}' fits no requirement line of its "
                                       "components and is left out.",
                                       pledge.id, capability));
      continue;
    }
    Offer part = offer;
    part.unit = reference;
    part.troops = share * offer.troops;
    part.troops_per_unit = reference->troops_per_unit.value_or(1);
    part.rotation = reference->rotation_multiplier();
    part.land = reference->domain == Domain::land;
    part.package_capability = capability;
    add_offer(inst, std::move(part));
  }
}

}  // namespace

bool backstop_present(const Scenario& scenario) {
  if (scenario.simulation.us_backstop == BackstopMode::absent) return false;
  return std::any_of(scenario.components.begin(), scenario.components.end(), [](const Component& c) {
    return c.enabled && c.kind == ComponentKind::us_backstop;
  });
}

Instance build_instance(const Scenario& scenario, const PlanSettings& settings, bool use_placeholders) {
  Instance inst;
  inst.use_placeholders = use_placeholders;
  inst.scenario = &scenario;
  inst.settings = settings;
  inst.requirements = derive_requirements(scenario);
  for (const auto& component : scenario.components) {
    if (!component.enabled) continue;
    ComponentInfo info;
    info.component = &component;
    inst.components.push_back(info);
    add_slots(inst, static_cast<int>(inst.components.size()) - 1, component);
  }
  add_nations(inst);
  for (const auto& pledge : scenario.pledges) add_pledge(inst, pledge);
  return inst;
}

double participation_troops(const Instance& inst, int component, int nation) {
  double smallest = 0;
  for (int o : inst.nations[static_cast<std::size_t>(nation)].offers) {
    const Offer& offer = inst.offers[static_cast<std::size_t>(o)];
    for (int s : offer.eligible) {
      if (inst.slots[static_cast<std::size_t>(s)].component != component) continue;
      const double unit = std::min(offer.troops, offer.troops_per_unit);
      smallest = smallest > 0 ? std::min(smallest, unit) : unit;
    }
  }
  return smallest;
}

namespace {

struct NationShare {
  double troops = 0;
  double hq_troops = 0;
};

// The framework nation: the largest contributor among those that qualify (ties: code order);
// none when no nation qualifies.
std::optional<std::string> framework_nation(const ComponentInfo& info,
                                            const std::map<std::string, NationShare>& shares) {
  std::optional<std::string> framework;
  double best = -1;
  for (const auto& [code, share] : shares) {
    const bool qualifies = share.troops >= info.framework_troops - kTolerance &&
                           (info.hq_slots.empty() || share.hq_troops >= info.hq_troops - kTolerance);
    if (qualifies && share.troops > best) {
      best = share.troops;
      framework = code;
    }
  }
  return framework;
}

}  // namespace

std::vector<ComponentFill> evaluate(const Instance& inst, const std::vector<Placement>& placements,
                                    const std::vector<bool>& available) {
  std::vector<double> filled(inst.slots.size(), 0);
  std::vector<std::map<std::string, NationShare>> shares(inst.components.size());
  std::vector<std::map<std::string, int>> nation_index_of(inst.components.size());
  for (const auto& p : placements) {
    if (!available.empty() && !available[static_cast<std::size_t>(p.offer)]) continue;
    if (p.troops <= kTolerance) continue;
    const Offer& offer = inst.offers[static_cast<std::size_t>(p.offer)];
    filled[static_cast<std::size_t>(p.slot)] += p.troops;
    const int c = inst.slots[static_cast<std::size_t>(p.slot)].component;
    const ComponentInfo& info = inst.components[static_cast<std::size_t>(c)];
    NationShare& share = shares[static_cast<std::size_t>(c)][offer.pledge->nation];
    share.troops += p.troops;
    nation_index_of[static_cast<std::size_t>(c)][offer.pledge->nation] = offer.nation;
    if (std::find(info.hq_slots.begin(), info.hq_slots.end(), p.slot) != info.hq_slots.end()) share.hq_troops += p.troops;
  }
  std::vector<ComponentFill> fills(inst.components.size());
  for (std::size_t c = 0; c < inst.components.size(); ++c) {
    const ComponentInfo& info = inst.components[c];
    ComponentFill& fill = fills[c];
    int taking_part = 0;
    for (const auto& [code, share] : shares[c]) {
      fill.nations.push_back(code);
      const int n = nation_index_of[c].at(code);
      if (share.troops >= participation_troops(inst, static_cast<int>(c), n) - kTolerance) ++taking_part;
    }
    double counted = 0;
    std::vector<std::string> short_lines;
    for (int s : info.slots) {
      const Slot& slot = inst.slots[static_cast<std::size_t>(s)];
      const double got = filled[static_cast<std::size_t>(s)];
      fill.slot_filled.push_back(got);
      fill.filled_troops += got;
      if (got >= slot.minimum_viable_troops - kTolerance && got > kTolerance) {
        // Placements are kept to a hundredth of a troop: a line within a tenth of its
        // requirement is full.
        counted += got > slot.required_troops - kRoundingSlack ? slot.required_troops : got;
      } else if (slot.required_troops > 0) {
        short_lines.push_back(fmt::format("{} {:.0f} of {:.0f} troops (minimum {:.0f})", slot.capability, got,
                                          slot.required_troops, slot.minimum_viable_troops));
      }
    }
    if (!info.planned) {
      fill.reason = info.unplanned_reason;
      continue;
    }
    bool framework = true;  // no framework rule, or a nation meets it
    if (info.framework_troops > 0) {
      const auto nation = framework_nation(info, shares[c]);
      framework = nation.has_value();
      fill.framework_nation = nation.value_or("");
    }
    const bool multinational = taking_part >= info.min_nations || info.required_troops <= 0;
    const bool rules = framework && multinational;
    fill.effectiveness = rules && info.required_troops > 0 ? counted / info.required_troops : (rules ? 1.0 : 0.0);
    fill.viable = rules && fill.effectiveness > kTolerance;
    fill.unmet_troops = info.required_troops * (1 - fill.effectiveness);
    if (fill.unmet_troops < kTolerance) fill.unmet_troops = 0;
    std::vector<std::string> reasons;
    if (!short_lines.empty()) reasons.push_back("below minimum viable size (counted as 0): " + fmt::format("{}", fmt::join(short_lines, ", ")));
    if (!framework) {
      reasons.push_back(fmt::format("no framework nation providing {:.0f} troops{}", info.framework_troops,
                                    info.hq_slots.empty() ? "" : " and the command element"));
    }
    if (!multinational)
      reasons.push_back(fmt::format("{} nation(s) take part, at least {} needed", taking_part, info.min_nations));
    fill.reason = fmt::format("{}", fmt::join(reasons, "; "));
  }
  return fills;
}

double total_unmet(const std::vector<ComponentFill>& fills) {
  double total = 0;
  for (const auto& f : fills) total += f.unmet_troops;
  return total;
}

double total_required(const Instance& inst) {
  double total = 0;
  for (const auto& c : inst.components) {
    if (c.planned) total += c.required_troops;
  }
  return total;
}

}  // namespace guarantor::plan::detail
