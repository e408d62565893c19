// Nations, unit types, pledges and mission components.
#include <fmt/format.h>

#include <cctype>
#include <cmath>

#include "guarantor/core/calendar.hpp"
#include "io/section_loaders.hpp"

namespace guarantor::io {
namespace {

constexpr Range kTroops{0, 5e6};
constexpr Range kUnits{0, 1e5};

template <typename Enum, typename Parse>
std::optional<Enum> read_enum(MapReader& map, const std::string& key, Need need, Parse parse,
                              const std::vector<std::string>& names) {
  auto text = map.string(key, need);
  if (!text) return std::nullopt;
  auto value = parse(*text);
  if (!value) {
    const std::string hint = did_you_mean(*text, names);
    map.context().diagnostics().error(
        map.where(key), map.key_path(key),
        fmt::format("'{}' is not one of: {}{}", *text, fmt::join(names, ", "),
                    hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint)));
  }
  return value;
}

std::optional<std::string> read_id(MapReader& map, const std::string& key) {
  auto id = map.string(key, Need::required);
  if (id && !valid_identifier(*id)) {
    map.context().diagnostics().error(map.where(key), map.key_path(key),
                                      fmt::format("'{}' is not a valid id: use letters, digits, '_' and '-'", *id));
  }
  return id;
}

constexpr Range kMonths{0, 120};

// `mandate: {cycle_months, first_vote_month, source|sources|assumption, note}`: how often the
// nation's parliament votes again on the deployment. `path` is "nations[XX].mandate".
MandateCadence read_mandate(ReadContext& ctx, const YAML::Node& node, const std::string& path) {
  MapReader map(ctx, node, path);
  MandateCadence mandate;
  mandate.where = ctx.at(node);
  if (!map.valid()) return mandate;
  mandate.cycle_months = map.number("cycle_months", Need::required, kMonths).value_or(0);
  mandate.first_vote_month = map.number("first_vote_month", Need::optional, kMonths).value_or(0);
  mandate.provenance = map.provenance();
  if (!mandate.provenance.documented()) {
    ctx.error(node, path, "a mandate cadence needs a 'source' or must be labelled 'assumption'");
  }
  return mandate;
}

// `elections: [{date: YYYY-MM-DD, kind, source|sources, note}]`: dated national elections
// (research/model_evidence_2.md §5). Each needs a real date and a source. `path` is
// "nations[XX].elections".
std::vector<Election> read_elections(ReadContext& ctx, const YAML::Node& node, const std::string& path) {
  std::vector<Election> elections;
  if (!node.IsSequence()) {
    ctx.error(node, path, "expected a list of {date, kind, source}, found " + describe_type(node));
    return elections;
  }
  for (std::size_t i = 0; i < node.size(); ++i) {
    const std::string here = fmt::format("{}[{}]", path, i);
    MapReader map(ctx, node[i], here);
    if (!map.valid()) continue;
    Election election;
    election.where = ctx.at(node[i]);
    election.date = map.string("date", Need::required).value_or("");
    if (map.has("date") && !election.date.empty() && !day_number(election.date)) {
      ctx.error(map.node("date"), map.key_path("date"),
                fmt::format("'{}' is not a date: write YYYY-MM-DD (a day that exists)", election.date));
    }
    election.kind = map.string("kind", Need::required).value_or("");
    election.provenance = map.provenance();
    if (!election.provenance.sourced()) {
      ctx.error(node[i], here, "an election date needs its source: add 'source' or 'sources' (outlet, file, date)");
    }
    elections.push_back(std::move(election));
  }
  return elections;
}

Nation read_nation(ReadContext& ctx, const YAML::Node& node, const std::string& path) {
  MapReader map(ctx, node, path);
  Nation nation;
  nation.where = ctx.at(node);
  if (!map.valid()) return nation;
  nation.code = map.string("code", Need::required).value_or("");
  const bool code_ok = nation.code.size() == 2 && std::isupper(static_cast<unsigned char>(nation.code[0])) &&
                       std::isupper(static_cast<unsigned char>(nation.code[1]));
  if (!nation.code.empty() && !code_ok) {
    ctx.diagnostics().error(map.where("code"), map.key_path("code"),
                            fmt::format("'{}' is not an ISO 3166-1 alpha-2 code (two capital letters)", nation.code));
  }
  nation.name = map.string("name", Need::required).value_or("");
  for (const auto& membership : map.string_list("memberships")) {
    if (membership == "NATO") nation.nato = true;
    else if (membership == "EU") nation.eu = true;
    else if (membership != "none")
      ctx.diagnostics().error(map.where("memberships"), map.key_path("memberships"),
                              fmt::format("'{}' is not one of: NATO, EU, none", membership));
  }
  nation.nuclear_armed = map.boolean("nuclear_armed").value_or(false);
  nation.active_personnel = map.figure("active_personnel", Need::required, kTroops);
  nation.land_personnel = map.figure("land_personnel", Need::optional, kTroops);
  nation.gdp_usd_bn = map.figure("gdp_usd_bn", Need::optional, Range{0, 1e6});
  const YAML::Node mandate = map.node("mandate");
  if (mandate.IsDefined() && !mandate.IsNull()) {
    const std::string here = code_ok ? "nations[" + nation.code + "]" : path;
    nation.mandate = read_mandate(ctx, mandate, here + ".mandate");
  }
  const YAML::Node elections = map.node("elections");
  if (elections.IsDefined() && !elections.IsNull()) {
    const std::string here = code_ok ? "nations[" + nation.code + "]" : path;
    nation.elections = read_elections(ctx, elections, here + ".elections");
  }
  map.provenance();
  if (nation.land_personnel.known() && nation.active_personnel.known() &&
      *nation.land_personnel.value > *nation.active_personnel.value) {
    ctx.diagnostics().error(nation.land_personnel.where, map.key_path("land_personnel"),
                            "land force is larger than the nation's active personnel");
  }
  return nation;
}

UnitType read_unit_type(ReadContext& ctx, const YAML::Node& node, const std::string& path) {
  MapReader map(ctx, node, path);
  UnitType unit;
  unit.where = ctx.at(node);
  if (!map.valid()) return unit;
  unit.id = read_id(map, "id").value_or("");
  unit.name = map.string("name", Need::required).value_or("");
  unit.capability = map.string("capability", Need::required).value_or("");
  static const std::vector<std::string> domains{"land", "air", "maritime", "joint"};
  unit.domain = read_enum<Domain>(map, "domain", Need::required, parse_domain, domains).value_or(Domain::land);
  unit.troops_per_unit = map.figure("troops_per_unit", Need::required, Range{1, 1e5});
  unit.deploy_months = map.figure("deploy_months", Need::required, Range{0.25, 120});
  unit.dwell_months = map.figure("dwell_months", Need::required, Range{0, 240});
  unit.cost_musd_per_year = map.figure("cost_musd_per_year", Need::optional, Range{0, 1e6});
  unit.range_km = map.figure("range_km", Need::optional, Range{0, 20000});
  unit.also_fills = map.string_list("also_fills");
  unit.readiness_days = map.figure("readiness_days", Need::optional, Range{0, 730});
  unit.provenance = map.provenance();
  return unit;
}

AlternativeValue read_alternative(ReadContext& ctx, const YAML::Node& node, const std::string& path) {
  MapReader map(ctx, node, path);
  AlternativeValue alternative;
  if (!map.valid()) return alternative;
  alternative.quantity = map.figure("quantity", Need::required, kUnits);
  alternative.note = map.string("note").value_or("");
  alternative.quantity.provenance = map.provenance();
  if (!alternative.quantity.provenance.sourced()) {
    ctx.error(node, path, "an alternative value needs the 'source' that reports it");
  }
  return alternative;
}

// `package: {shares: requirement | {capability: share, ...}, source|sources|assumption, note}`.
PledgePackage read_package(ReadContext& ctx, const YAML::Node& node, const std::string& path) {
  MapReader map(ctx, node, path);
  PledgePackage package;
  package.where = ctx.at(node);
  if (!map.valid()) return package;
  const YAML::Node shares = map.node("shares");
  if (!shares.IsDefined()) {
    ctx.error(node, path + ".shares", "missing key: give 'requirement' or a map of capability: share");
  } else if (shares.IsScalar() && shares.Scalar() == "requirement") {
    package.of_requirement = true;
  } else if (shares.IsMap()) {
    MapReader share_map(ctx, shares, path + ".shares");
    double total = 0;
    for (const auto& item : shares) {
      const std::string capability = item.first.Scalar();
      const double share = share_map.number(capability, Need::required, Range{0, 1}).value_or(0);
      package.shares[capability] = share;
      total += share;
    }
    if (std::abs(total - 1.0) > 1e-6) {
      ctx.error(shares, path + ".shares", fmt::format("the shares add up to {:g}, not 1", total));
    }
  } else {
    ctx.error(shares, path + ".shares", "expected 'requirement' or a map of capability: share, found " + describe_type(shares));
  }
  package.provenance = map.provenance();
  if (!package.provenance.documented()) {
    ctx.error(node, path, "a package's shares need a 'source' or must be labelled 'assumption'");
  }
  return package;
}

// `placeholder: {low, central, high, assumption|source, note}` for an unknown quantity.
QuantityRange read_placeholder(ReadContext& ctx, const YAML::Node& node, const std::string& path) {
  MapReader map(ctx, node, path);
  QuantityRange range;
  range.where = ctx.at(node);
  if (!map.valid()) return range;
  range.low = map.number("low", Need::required, kUnits).value_or(0);
  range.central = map.number("central", Need::required, kUnits).value_or(0);
  range.high = map.number("high", Need::required, kUnits).value_or(0);
  if (!(range.low <= range.central && range.central <= range.high)) {
    ctx.error(node, path, "expected low <= central <= high");
  }
  range.provenance = map.provenance();
  if (!range.provenance.assumption) {
    ctx.error(node, path, "a placeholder for an unknown quantity must be labelled 'assumption'");
  }
  return range;
}

Pledge read_pledge(ReadContext& ctx, const YAML::Node& node, const std::string& path) {
  MapReader map(ctx, node, path);
  Pledge pledge;
  pledge.where = ctx.at(node);
  if (!map.valid()) return pledge;
  pledge.id = read_id(map, "id").value_or("");
  const std::string here = pledge.id.empty() ? path : "pledges[" + pledge.id + "]";
  pledge.nation = map.string("nation", Need::required).value_or("");
  pledge.unit_type = map.string("unit_type", Need::required).value_or("");
  pledge.quantity = map.figure("quantity", Need::required, kUnits);
  pledge.troops_reported = map.figure("troops_reported", Need::optional, kTroops);
  static const std::vector<std::string> statuses{"committed", "conditional", "declined", "unknown"};
  pledge.status =
      read_enum<PledgeStatus>(map, "status", Need::required, parse_pledge_status, statuses).value_or(PledgeStatus::unknown);
  const YAML::Node conditions = map.node("conditions");
  for (const auto& name : map.string_list("conditions")) {
    if (auto condition = parse_condition(name)) {
      pledge.conditions.push_back(*condition);
    } else {
      const std::string hint = did_you_mean(name, all_condition_names());
      ctx.error(conditions, here + ".conditions",
                fmt::format("unknown condition '{}'{}", name, hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint)));
    }
  }
  pledge.probability = map.figure("probability", Need::optional, kProbability);
  if (pledge.probability.known() && !pledge.probability.provenance.documented()) {
    ctx.error(map.node("probability"), here + ".probability",
              "a probability needs a 'source' or must be labelled 'assumption'");
  }
  pledge.components = map.string_list("components");
  const YAML::Node alternatives = map.node("alternatives");
  if (alternatives.IsDefined() && !alternatives.IsNull()) {
    if (!alternatives.IsSequence()) {
      ctx.error(alternatives, here + ".alternatives", "expected a list, found " + describe_type(alternatives));
    } else {
      for (std::size_t i = 0; i < alternatives.size(); ++i)
        pledge.alternatives.push_back(read_alternative(ctx, alternatives[i], fmt::format("{}.alternatives[{}]", here, i)));
    }
  }
  const YAML::Node package = map.node("package");
  if (package.IsDefined() && !package.IsNull()) pledge.package = read_package(ctx, package, here + ".package");
  const YAML::Node placeholder = map.node("placeholder");
  if (placeholder.IsDefined() && !placeholder.IsNull()) {
    pledge.placeholder = read_placeholder(ctx, placeholder, here + ".placeholder");
    if (pledge.quantity.known()) {
      ctx.error(placeholder, here + ".placeholder", "a placeholder is only for a quantity that is 'unknown'");
    }
  }
  pledge.description = map.string("description").value_or("");
  pledge.provenance = map.provenance();
  if (!pledge.provenance.sourced()) {
    ctx.error(node, here, "a pledge needs its provenance: add 'source' or 'sources' (outlet, date, url or seed file)");
  }
  return pledge;
}

Requirement read_requirement(ReadContext& ctx, const YAML::Node& node, const std::string& path) {
  MapReader map(ctx, node, path);
  Requirement requirement;
  requirement.where = ctx.at(node);
  if (!map.valid()) return requirement;
  requirement.capability = map.string("capability", Need::required).value_or("");
  requirement.driver = map.string("driver").value_or("");
  requirement.units = map.number("units", Need::required, Range{0, 1e5}).value_or(0);
  requirement.per = map.number("per", Need::optional, Range{1e-9, 1e9}).value_or(1);
  requirement.provenance = map.provenance();
  if (!requirement.provenance.documented()) {
    ctx.error(node, path, "a planning factor needs a 'source' or must be labelled 'assumption'");
  }
  return requirement;
}

// `route: {mode, from, capacity_troops_per_day: figure}`.
DeploymentRoute read_route(ReadContext& ctx, const YAML::Node& node, const std::string& path) {
  MapReader map(ctx, node, path);
  DeploymentRoute route;
  route.where = ctx.at(node);
  if (!map.valid()) return route;
  static const std::vector<std::string> modes{"rail", "road", "air", "sea"};
  if (auto mode = map.choice("mode", modes)) route.mode = modes[*mode];
  else if (!map.has("mode")) ctx.error(node, path + ".mode", "missing key: one of rail, road, air, sea");
  route.from = map.string("from").value_or("");
  route.capacity_troops_per_day = map.figure("capacity_troops_per_day", Need::required, Range{1e-3, 1e6});
  map.provenance();
  return route;
}

Component read_component(ReadContext& ctx, const YAML::Node& node, const std::string& path) {
  MapReader map(ctx, node, path);
  Component component;
  component.where = ctx.at(node);
  if (!map.valid()) return component;
  component.id = read_id(map, "id").value_or("");
  const std::string here = component.id.empty() ? path : "components[" + component.id + "]";
  component.name = map.string("name", Need::required).value_or("");
  component.kind = read_enum<ComponentKind>(map, "kind", Need::required, parse_component_kind, all_component_kind_names())
                       .value_or(ComponentKind::reassurance_land);
  static const std::vector<std::string> locations{"in_ukraine", "outside_ukraine", "either"};
  component.location = read_enum<ComponentLocation>(map, "location", Need::required, parse_component_location, locations)
                           .value_or(ComponentLocation::in_ukraine);
  component.enabled = map.boolean("enabled").value_or(true);
  component.description = map.string("description").value_or("");
  const YAML::Node drivers = map.node("drivers");
  if (drivers.IsDefined() && !drivers.IsNull()) {
    MapReader driver_map(ctx, drivers, here + ".drivers");
    if (driver_map.valid()) {
      for (const auto& item : drivers) {
        const std::string name = item.first.Scalar();
        component.drivers[name] = driver_map.figure(name, Need::required, Range{0, 1e9});
      }
    }
  }
  const YAML::Node requirements = map.node("requirements");
  if (requirements.IsDefined() && !requirements.IsSequence()) {
    ctx.error(requirements, here + ".requirements", "expected a list, found " + describe_type(requirements));
  } else if (requirements.IsDefined()) {
    for (std::size_t i = 0; i < requirements.size(); ++i) {
      Requirement requirement = read_requirement(ctx, requirements[i], fmt::format("{}.requirements[{}]", here, i));
      if (!requirement.driver.empty() && !component.drivers.count(requirement.driver)) {
        std::vector<std::string> names;
        for (const auto& [name, unused] : component.drivers) names.push_back(name);
        const std::string hint = did_you_mean(requirement.driver, names);
        ctx.error(requirements[i], fmt::format("{}.requirements[{}].driver", here, i),
                  fmt::format("unknown driver '{}'{}", requirement.driver,
                              hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint)));
      }
      component.requirements.push_back(std::move(requirement));
    }
  }
  component.framework_nation_required = map.boolean("framework_nation_required").value_or(false);
  component.non_nato_only = map.boolean("non_nato_only").value_or(false);
  component.min_nations = map.integer("min_nations", Need::optional, Range{1, 100}).value_or(1);
  component.min_viable_share = map.number("min_viable_share", Need::optional, Range{0, 1}).value_or(1.0);
  const YAML::Node route = map.node("route");
  if (route.IsDefined() && !route.IsNull()) component.route = read_route(ctx, route, here + ".route");
  component.provenance = map.provenance();
  return component;
}

}  // namespace

std::vector<Nation> load_nations(ReadContext& ctx, const YAML::Node& node) {
  return load_list<Nation>(ctx, node, "nations", read_nation, [](const Nation& n) { return n.code; });
}

std::vector<UnitType> load_unit_types(ReadContext& ctx, const YAML::Node& node) {
  return load_list<UnitType>(ctx, node, "unit_types", read_unit_type, [](const UnitType& u) { return u.id; });
}

std::vector<Pledge> load_pledges(ReadContext& ctx, const YAML::Node& node) {
  return load_list<Pledge>(ctx, node, "pledges", read_pledge, [](const Pledge& p) { return p.id; });
}

std::vector<Component> load_components(ReadContext& ctx, const YAML::Node& node) {
  return load_list<Component>(ctx, node, "components", read_component, [](const Component& c) { return c.id; });
}

}  // namespace guarantor::io
