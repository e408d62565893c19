// Checks across sections: references resolve, numbers are plausible for the nation that offers them.
#include <fmt/format.h>

#include <set>

#include "io/section_loaders.hpp"

namespace guarantor::io {
namespace {

bool inside(const std::vector<LatLon>& ring, const LatLon& p) {
  bool in = false;
  for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
    const auto& a = ring[i];
    const auto& b = ring[j];
    if ((a.lat > p.lat) != (b.lat > p.lat) && p.lon < (b.lon - a.lon) * (p.lat - a.lat) / (b.lat - a.lat) + a.lon) in = !in;
  }
  return in;
}

std::string hint_among(const std::string& word, const std::vector<std::string>& names) {
  const std::string hint = did_you_mean(word, names);
  return hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint);
}

void check_pledges(Diagnostics& diags, const Scenario& s) {
  std::vector<std::string> nation_codes, unit_ids, component_ids;
  for (const auto& n : s.nations) nation_codes.push_back(n.code);
  for (const auto& u : s.unit_types) unit_ids.push_back(u.id);
  for (const auto& c : s.components) component_ids.push_back(c.id);
  for (const auto& p : s.pledges) {
    const std::string key = "pledges[" + p.id + "]";
    const Nation* nation = s.find_nation(p.nation);
    const UnitType* unit = s.find_unit_type(p.unit_type);
    if (!nation) diags.error(p.where, key + ".nation", fmt::format("unknown nation '{}'{}", p.nation, hint_among(p.nation, nation_codes)));
    if (!unit) diags.error(p.where, key + ".unit_type", fmt::format("unknown unit type '{}'{}", p.unit_type, hint_among(p.unit_type, unit_ids)));
    for (const auto& c : p.components) {
      if (!s.find_component(c)) diags.error(p.where, key + ".components", fmt::format("unknown component '{}'{}", c, hint_among(c, component_ids)));
    }
    if (!nation || !unit || !p.quantity.known() || !unit->troops_per_unit.known()) continue;
    const double troops = *p.quantity.value * *unit->troops_per_unit.value;
    const Figure& force = nation->land_personnel.known() && unit->domain == Domain::land ? nation->land_personnel
                                                                                          : nation->active_personnel;
    if (force.known() && troops > *force.value) {
      diags.error(p.quantity.where, key + ".quantity",
                  fmt::format("{} units of {} is {:.0f} troops, more than {}'s {} ({:.0f})", *p.quantity.value, unit->id,
                              troops, nation->name, unit->domain == Domain::land ? "land force" : "active personnel",
                              *force.value));
    }
    if (p.status == PledgeStatus::declined && *p.quantity.value > 0) {
      diags.warning(p.quantity.where, key + ".quantity", "a declined pledge offers nothing; the quantity is ignored");
    }
  }
}

void check_components(Diagnostics& diags, const Scenario& s) {
  std::set<std::string> capabilities;
  for (const auto& u : s.unit_types) capabilities.insert(u.capability);
  const std::vector<std::string> names(capabilities.begin(), capabilities.end());
  for (const auto& c : s.components) {
    for (const auto& r : c.requirements) {
      if (!capabilities.count(r.capability)) {
        diags.error(r.where, "components[" + c.id + "].requirements.capability",
                    fmt::format("no unit type provides capability '{}'{}", r.capability, hint_among(r.capability, names)));
      }
    }
  }
}

void check_geography(Diagnostics& diags, const Scenario& s) {
  if (!s.geography.buffer_zone || s.geography.buffer_zone->points.size() < 3) return;
  for (const auto& site : s.geography.sites) {
    if (site.hub_candidate && inside(s.geography.buffer_zone->points, site.position)) {
      diags.error(site.where, "geography.sites[" + site.id + "]",
                  "a hub candidate lies inside the buffer zone, where the coalition cannot base forces");
    }
  }
}

}  // namespace

void check_consistency(ReadContext& ctx, const Scenario& scenario) {
  check_pledges(ctx.diagnostics(), scenario);
  check_components(ctx.diagnostics(), scenario);
  check_geography(ctx.diagnostics(), scenario);
}

}  // namespace guarantor::io
