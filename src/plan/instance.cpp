#include "plan/instance.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace guarantor::plan::detail {
namespace {

int ceil_units(double value) { return static_cast<int>(std::ceil(value - 1e-9)); }

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
      if (const UnitType* unit = inst.scenario->find_unit_type(req.reference_unit_type)) {
        slot.troops_per_unit = unit->troops_per_unit.value_or(0);
      }
      slot.weight = slot.troops_per_unit > 0 ? slot.troops_per_unit : 1.0;
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
  for (const auto& [capability, index] : slot_of_capability) {
    (void)capability;
    Slot& slot = inst.slots[static_cast<std::size_t>(index)];
    slot.minimum_viable_units = ceil_units(component.min_viable_share * slot.required_units);
    if (slot.troops_per_unit <= 0) {
      inst.notes.push_back(fmt::format("No unit type with a known size provides '{}' (component {}): its shortfall "
                                       "is counted as 1 troop a unit.",
                                       slot.capability, component.id));
    }
  }
  // Slots in file order of their first requirement line, for stable output.
  std::vector<int> indices;
  for (const auto& entry : slot_of_capability) indices.push_back(entry.second);
  std::sort(indices.begin(), indices.end());
  info.slots = indices;
  for (int s : info.slots) info.required_units += inst.slots[static_cast<std::size_t>(s)].required_units;
  if (component.framework_nation_required && info.required_units > 0) {
    double required_troops = 0;
    for (int s : info.slots) {
      const Slot& slot = inst.slots[static_cast<std::size_t>(s)];
      required_troops += slot.required_units * slot.weight;
      // "A sector needs a framework nation with an HQ": a command capability must come from it.
      if (slot.capability.find("command") != std::string::npos && slot.required_units > 0) info.hq_slots.push_back(s);
    }
    info.framework_troops = inst.settings.framework_min_share * required_troops;
  }
  info.min_nations = std::max(1, component.min_nations);
}

void add_nations(Instance& inst) {
  const double share = inst.settings.max_land_force_share;
  for (const auto& nation : inst.scenario->nations) {
    NationInfo info;
    info.nation = &nation;
    if (nation.land_personnel.known()) {
      info.land_cap = share * *nation.land_personnel.value;
      info.land_cap_basis = CapBasis::land_personnel;
    } else if (nation.active_personnel.known()) {
      info.land_cap = share * *nation.active_personnel.value;
      info.land_cap_basis = CapBasis::active_personnel;
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

void add_offer(Instance& inst, const Pledge& pledge) {
  const UnitType* unit = inst.scenario->find_unit_type(pledge.unit_type);
  const int nation = nation_index(inst, pledge.nation);
  if (!unit || nation < 0 || pledge.status == PledgeStatus::declined) return;
  if (!pledge.quantity.known()) {
    inst.unquantified.push_back({pledge.id, pledge.nation, pledge.unit_type, to_string(pledge.status),
                                 pledge.troops_reported.value});
    return;
  }
  const double quantity = *pledge.quantity.value;
  if (quantity < 1) return;
  Offer offer;
  offer.pledge = &pledge;
  offer.unit = unit;
  offer.nation = nation;
  offer.units = static_cast<int>(std::floor(quantity + 1e-9));
  if (std::abs(quantity - offer.units) > 1e-9) {
    inst.notes.push_back(fmt::format("Pledge {} offers {:g} units; the plan counts whole units: {}.", pledge.id,
                                     quantity, offer.units));
  }
  offer.troops_per_unit = unit->troops_per_unit.value_or(0);
  if (!unit->troops_per_unit.known()) {
    inst.notes.push_back(fmt::format("Unit type {} has no known size: its units count as 0 troops.", unit->id));
  }
  offer.rotation = unit->rotation_multiplier();
  offer.land = unit->domain == Domain::land;
  offer.conditional = pledge.status != PledgeStatus::committed;
  offer.quantity_assumed = pledge.quantity.provenance.assumption;
  if (offer.conditional) {
    if (pledge.probability.known()) {
      offer.probability = *pledge.probability.value;
    } else {
      offer.probability = inst.settings.default_probability;
      offer.probability_assumed = true;
    }
  }
  const int index = static_cast<int>(inst.offers.size());
  for (std::size_t s = 0; s < inst.slots.size(); ++s) {
    if (inst.slots[s].capability != unit->capability) continue;
    const Exclusion why = exclusion(inst, offer, inst.slots[s]);
    if (why == Exclusion::none) offer.eligible.push_back(static_cast<int>(s));
    else offer.excluded.emplace_back(static_cast<int>(s), why);
  }
  inst.nations[static_cast<std::size_t>(nation)].offers.push_back(index);
  inst.offers.push_back(std::move(offer));
}

}  // namespace

Instance build_instance(const Scenario& scenario, const PlanSettings& settings) {
  Instance inst;
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
  for (const auto& pledge : scenario.pledges) add_offer(inst, pledge);
  return inst;
}

namespace {

struct NationShare {
  double troops = 0;  // weighted as in the objective (reference troops per unit)
  int hq_units = 0;
};

// The framework nation: the largest contributor among those that qualify (ties: code order);
// none when no nation qualifies.
std::optional<std::string> framework_nation(const ComponentInfo& info,
                                            const std::map<std::string, NationShare>& shares) {
  std::optional<std::string> framework;
  double best = -1;
  for (const auto& [code, share] : shares) {
    const bool qualifies = share.troops >= info.framework_troops - 1e-6 && (info.hq_slots.empty() || share.hq_units > 0);
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
  std::vector<int> filled(inst.slots.size(), 0);
  std::vector<std::map<std::string, int>> units_by_nation(inst.components.size());
  std::vector<std::map<std::string, NationShare>> shares(inst.components.size());
  for (const auto& p : placements) {
    if (!available.empty() && !available[static_cast<std::size_t>(p.offer)]) continue;
    if (p.units <= 0) continue;
    const Offer& offer = inst.offers[static_cast<std::size_t>(p.offer)];
    filled[static_cast<std::size_t>(p.slot)] += p.units;
    const int c = inst.slots[static_cast<std::size_t>(p.slot)].component;
    units_by_nation[static_cast<std::size_t>(c)][offer.pledge->nation] += p.units;
    const ComponentInfo& info = inst.components[static_cast<std::size_t>(c)];
    NationShare& share = shares[static_cast<std::size_t>(c)][offer.pledge->nation];
    share.troops += p.units * inst.slots[static_cast<std::size_t>(p.slot)].weight;
    if (std::find(info.hq_slots.begin(), info.hq_slots.end(), p.slot) != info.hq_slots.end()) share.hq_units += p.units;
  }
  std::vector<ComponentFill> fills(inst.components.size());
  for (std::size_t c = 0; c < inst.components.size(); ++c) {
    const ComponentInfo& info = inst.components[c];
    ComponentFill& fill = fills[c];
    for (const auto& [code, units] : units_by_nation[c]) {
      if (units > 0) fill.nations.push_back(code);
    }
    double required = 0, residual = 0;
    std::vector<std::string> short_lines;
    for (int s : info.slots) {
      const Slot& slot = inst.slots[static_cast<std::size_t>(s)];
      const int got = std::min(filled[static_cast<std::size_t>(s)], slot.required_units);
      fill.slot_filled.push_back(filled[static_cast<std::size_t>(s)]);
      fill.filled_troops += filled[static_cast<std::size_t>(s)] * slot.troops_per_unit;
      required += slot.required_units * slot.weight;
      residual += (slot.required_units - got) * slot.weight;
      if (got < slot.minimum_viable_units) {
        short_lines.push_back(fmt::format("{} {}/{} units (minimum {})", slot.capability, got, slot.required_units,
                                          slot.minimum_viable_units));
      }
    }
    if (!info.planned) {
      fill.reason = info.unplanned_reason;
      continue;
    }
    const bool enough_units = short_lines.empty();
    bool framework = true;  // no framework rule, or a nation meets it
    if (info.framework_troops > 0) {
      const auto nation = framework_nation(info, shares[c]);
      framework = nation.has_value();
      fill.framework_nation = nation.value_or("");
    }
    const bool multinational = static_cast<int>(fill.nations.size()) >= info.min_nations || info.required_units == 0;
    fill.viable = enough_units && framework && multinational;
    fill.unmet_troops = fill.viable ? residual : required;
    std::vector<std::string> reasons;
    if (!enough_units) reasons.push_back("short of " + fmt::format("{}", fmt::join(short_lines, ", ")));
    if (!framework) {
      reasons.push_back(fmt::format("no framework nation providing {:.0f} troops{}", info.framework_troops,
                                    info.hq_slots.empty() ? "" : " and the command element"));
    }
    if (!multinational)
      reasons.push_back(fmt::format("{} nation(s), at least {} needed", fill.nations.size(), info.min_nations));
    fill.reason = fmt::format("{}", fmt::join(reasons, "; "));
  }
  return fills;
}

double total_unmet(const std::vector<ComponentFill>& fills) {
  double total = 0;
  for (const auto& f : fills) total += f.unmet_troops;
  return total;
}

}  // namespace guarantor::plan::detail
