#include "guarantor/scenario/scenario.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace guarantor {
namespace {

template <typename Enum, std::size_t N>
const char* name_of(const std::array<std::pair<Enum, const char*>, N>& table, Enum value) {
  for (const auto& [e, name] : table) {
    if (e == value) return name;
  }
  return "?";
}

template <typename Enum, std::size_t N>
std::optional<Enum> parse(const std::array<std::pair<Enum, const char*>, N>& table, const std::string& text) {
  for (const auto& [e, name] : table) {
    if (text == name) return e;
  }
  return std::nullopt;
}

template <typename Enum, std::size_t N>
std::vector<std::string> names(const std::array<std::pair<Enum, const char*>, N>& table) {
  std::vector<std::string> result;
  for (const auto& entry : table) result.emplace_back(entry.second);
  return result;
}

constexpr std::array<std::pair<Domain, const char*>, 4> kDomains{{
    {Domain::land, "land"}, {Domain::air, "air"}, {Domain::maritime, "maritime"}, {Domain::joint, "joint"}}};

constexpr std::array<std::pair<PledgeStatus, const char*>, 4> kStatuses{{{PledgeStatus::committed, "committed"},
                                                                         {PledgeStatus::conditional, "conditional"},
                                                                         {PledgeStatus::declined, "declined"},
                                                                         {PledgeStatus::unknown, "unknown"}}};

constexpr std::array<std::pair<Condition, const char*>, 11> kConditions{{
    {Condition::ceasefire, "ceasefire"},
    {Condition::peace_treaty, "peace_treaty"},
    {Condition::parliament_approval, "parliament_approval"},
    {Condition::us_backstop, "us_backstop"},
    {Condition::clear_mandate, "clear_mandate"},
    {Condition::article5_cover, "article5_cover"},
    {Condition::un_mandate, "un_mandate"},
    {Condition::outside_ukraine_only, "outside_ukraine_only"},
    {Condition::non_nato_only, "non_nato_only"},
    {Condition::russian_consent, "russian_consent"},
    {Condition::full_planning_role, "full_planning_role"},
}};

constexpr std::array<std::pair<ComponentKind, const char*>, 10> kKinds{{
    {ComponentKind::reassurance_land, "reassurance_land"},
    {ComponentKind::training, "training"},
    {ComponentKind::air_policing, "air_policing"},
    {ComponentKind::air_defence, "air_defence"},
    {ComponentKind::maritime, "maritime"},
    {ComponentKind::monitoring, "monitoring"},
    {ComponentKind::buffer_zone, "buffer_zone"},
    {ComponentKind::us_backstop, "us_backstop"},
    {ComponentKind::command, "command"},
    {ComponentKind::logistics, "logistics"},
}};

constexpr std::array<std::pair<ComponentLocation, const char*>, 3> kLocations{{
    {ComponentLocation::in_ukraine, "in_ukraine"},
    {ComponentLocation::outside_ukraine, "outside_ukraine"},
    {ComponentLocation::either, "either"}}};

template <typename T, typename Key>
const T* find_by(const std::vector<T>& items, Key key, const std::string& wanted) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& item) { return item.*key == wanted; });
  return it == items.end() ? nullptr : &*it;
}

}  // namespace

double UnitType::rotation_multiplier() const {
  const double deploy = deploy_months.value_or(6.0);
  const double dwell = dwell_months.value_or(0.0);
  return deploy > 0 ? (deploy + dwell) / deploy : 1.0;
}

double materialising_probability(const Pledge& pledge, const PlanSettings& settings) {
  if (pledge.status == PledgeStatus::committed) return 1.0;
  double p = pledge.probability.known() ? *pledge.probability.value : settings.default_probability;
  if (pledge.has(Condition::parliament_approval)) p *= settings.approval_vote_pass_probability;
  return p;
}

bool Pledge::has(Condition c) const { return std::find(conditions.begin(), conditions.end(), c) != conditions.end(); }

bool UnitType::can_fill(const std::string& wanted) const {
  return wanted == capability || std::find(also_fills.begin(), also_fills.end(), wanted) != also_fills.end();
}

std::optional<double> Pledge::troops(const UnitType& unit) const {
  if (package && troops_reported.known()) return *troops_reported.value;
  if (!quantity.known() || !unit.troops_per_unit.known()) return std::nullopt;
  return *quantity.value * *unit.troops_per_unit.value;
}

const Nation* Scenario::find_nation(const std::string& code) const { return find_by(nations, &Nation::code, code); }
const UnitType* Scenario::find_unit_type(const std::string& id) const { return find_by(unit_types, &UnitType::id, id); }
const Component* Scenario::find_component(const std::string& id) const { return find_by(components, &Component::id, id); }
const Site* Scenario::find_site(const std::string& id) const { return find_by(geography.sites, &Site::id, id); }

const char* to_string(Domain d) { return name_of(kDomains, d); }
const char* to_string(PledgeStatus s) { return name_of(kStatuses, s); }
const char* to_string(Condition c) { return name_of(kConditions, c); }
const char* to_string(ComponentKind k) { return name_of(kKinds, k); }
const char* to_string(ComponentLocation l) { return name_of(kLocations, l); }
std::optional<Domain> parse_domain(const std::string& s) { return parse(kDomains, s); }
std::optional<PledgeStatus> parse_pledge_status(const std::string& s) { return parse(kStatuses, s); }
std::optional<Condition> parse_condition(const std::string& s) { return parse(kConditions, s); }
std::optional<ComponentKind> parse_component_kind(const std::string& s) { return parse(kKinds, s); }
std::optional<ComponentLocation> parse_component_location(const std::string& s) { return parse(kLocations, s); }
std::vector<std::string> all_condition_names() { return names(kConditions); }
std::vector<std::string> all_component_kind_names() { return names(kKinds); }

}  // namespace guarantor
