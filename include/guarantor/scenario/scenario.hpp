#pragma once
// The scenario: nations, unit types, pledges, mission components, geography and the settings of
// each later stage. A plain value type; loading and validation live in guarantor/io.
// Units are in the names (troops, km, days, months, usd_bn); every figure carries its provenance.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "guarantor/core/diagnostics.hpp"
#include "guarantor/scenario/settings.hpp"

namespace guarantor {

// Where a fact comes from: a published outlet (with date and link) or a file shipped with the
// project or in shared/seeds. A value with no source must say it is an assumption.
struct Source {
  std::string outlet;  // e.g. "The Times via caliber.az"; for files, the file name
  std::string date;    // ISO date as published, "2026-01-08", or "~2026-01" when inferred
  std::string url;     // link, when there is one
  std::string file;    // shipped or seed file, e.g. "seeds/004_ce337ccca06c870f.txt"
  std::string confidence;  // "verified" or "uncertain", as the research marks it; may be empty
};

struct Provenance {
  std::vector<Source> sources;
  bool assumption = false;  // true when the value is the modeller's assumption
  std::string note;         // free text: what was assumed and why, or how a value was derived

  bool sourced() const { return !sources.empty(); }
  bool documented() const { return sourced() || assumption; }
};

// A number with its provenance. `value` empty means the figure is honestly unknown.
struct Figure {
  std::optional<double> value;
  Provenance provenance;
  SourceLocation where;

  bool known() const { return value.has_value(); }
  double value_or(double fallback) const { return value.value_or(fallback); }
};

struct LatLon {
  double lat = 0;
  double lon = 0;
};

// How often a nation's parliament must vote again to keep its troops deployed
// (research/adversary_cohesion.md §2). A nation without one approves a deployment once.
struct MandateCadence {
  double cycle_months = 0;      // a renewal vote every this many months; 0 = no periodic renewal
  double first_vote_month = 0;  // one vote after this many months (France: 4); 0 = none
  Provenance provenance;
  SourceLocation where;
};

// A national election (model_evidence_2.md §5): the date (YYYY-MM-DD) and its source.
struct Election {
  std::string date;
  std::string kind;    // e.g. "presidential", "general"
  Provenance provenance;
  SourceLocation where;
};

struct Nation {
  std::string code;  // ISO 3166-1 alpha-2
  std::string name;
  bool nato = false;
  bool eu = false;
  bool nuclear_armed = false;
  Figure active_personnel;  // troops
  Figure land_personnel;    // troops (army)
  Figure gdp_usd_bn;        // current USD, billions
  std::optional<MandateCadence> mandate;  // empty: a one-off approval, no renewal vote
  std::vector<Election> elections;        // dated national elections (any date; the model keeps those in the period)
  SourceLocation where;
};

enum class Domain { land, air, maritime, joint };

struct UnitType {
  std::string id;
  std::string name;
  std::string capability;  // what it provides, e.g. "land_manoeuvre", "air_policing", "mcm"
  Domain domain = Domain::land;
  Figure troops_per_unit;      // troops
  Figure deploy_months;        // tour length
  Figure dwell_months;         // time at home between tours
  Figure cost_musd_per_year;   // optional: running cost of one deployed unit
  Figure range_km;             // optional: engagement or sensor range (air defence, ISR, fighters)
  // Capability equivalence: requirement lines of these capabilities may also be filled by this
  // unit type's troops (besides its own `capability`). Empty: its own capability only.
  std::vector<std::string> also_fills;
  // Days from the decision to deploy until the unit can move (readiness); unknown = day 0.
  Figure readiness_days;
  Provenance provenance;
  SourceLocation where;

  // Whether troops of this type may fill a requirement line of `wanted` capability.
  bool can_fill(const std::string& wanted) const;
  // Units in the force structure needed to keep one unit deployed: (deploy + dwell) / deploy.
  double rotation_multiplier() const;
};

enum class PledgeStatus { committed, conditional, declined, unknown };

// The conditions governments attach to their offers, as named in the research.
enum class Condition {
  ceasefire,
  peace_treaty,
  parliament_approval,
  us_backstop,
  clear_mandate,
  article5_cover,
  un_mandate,
  outside_ukraine_only,
  non_nato_only,
  russian_consent,
  full_planning_role,
};

// A value reported by another source that disagrees with the pledge's main value.
struct AlternativeValue {
  Figure quantity;  // units
  std::string note;
};

// A pledge stated as a national package ("about 5,000 troops, enablers included"): its troops
// fill several capabilities in stated or assumed shares.
struct PledgePackage {
  // capability → share of the package's troops; empty with `of_requirement` set.
  std::map<std::string, double> shares;
  // true: the shares are those of the requirement of the pledge's (first listed) component, in
  // troops, as derived for the scenario and variant at hand.
  bool of_requirement = false;
  Provenance provenance;
  SourceLocation where;
};

// Placeholder range for a pledge whose quantity is `unknown`: low / central / high units, labelled
// (one place; the `pledged` force uses the central value, the sensitivity analysis the range).
struct QuantityRange {
  double low = 0, central = 0, high = 0;  // units of the pledge's unit type
  Provenance provenance;
  SourceLocation where;
};

struct Pledge {
  std::string id;
  std::string nation;     // Nation::code
  std::string unit_type;  // UnitType::id
  Figure quantity;        // units of unit_type; unknown when no number was stated
  Figure troops_reported; // troops as reported, when the report gives troops rather than units
  PledgeStatus status = PledgeStatus::unknown;
  std::vector<Condition> conditions;
  Figure probability;     // probability that a conditional pledge materialises
  std::vector<std::string> components;  // components it may serve; empty = any that fits
  std::vector<AlternativeValue> alternatives;
  std::optional<PledgePackage> package;       // a national package filling several capabilities
  std::optional<QuantityRange> placeholder;   // when `quantity` is unknown: an assumed range
  std::string description;
  Provenance provenance;  // required: at least one source
  SourceLocation where;

  bool has(Condition c) const;
  // Troops the pledge offers: troops_reported for a national package when stated, else
  // quantity × troops_per_unit of `unit` (empty when either is unknown).
  std::optional<double> troops(const UnitType& unit) const;
};

enum class ComponentKind {
  reassurance_land,
  training,
  air_policing,
  air_defence,
  maritime,
  monitoring,
  buffer_zone,
  us_backstop,
  command,
  logistics,
};

enum class ComponentLocation { in_ukraine, outside_ukraine, either };

// One line of troop-to-task: `units` units of `capability` per `per` of the driver quantity.
// required units = ceil(units * driver / per); with no driver, `units` is a fixed requirement.
struct Requirement {
  std::string capability;
  std::string driver;  // a key of Component::drivers, or empty
  double units = 0;
  double per = 1;
  Provenance provenance;
  SourceLocation where;
};

// How a component's troops reach their area: the mode (`rail`, `road`, `air`, `sea`, as the
// scenario names it) and how many troops a day the route moves. The plan phases the force in
// through it (ioc_day, foc_day, buildup).
struct DeploymentRoute {
  std::string mode;
  std::string from;                  // e.g. "logistics hubs in Poland and Romania"
  Figure capacity_troops_per_day;    // unknown: no limit (troops arrive when ready)
  SourceLocation where;
};

struct Component {
  std::string id;
  std::string name;
  ComponentKind kind = ComponentKind::reassurance_land;
  ComponentLocation location = ComponentLocation::in_ukraine;
  bool enabled = true;
  std::string description;
  std::map<std::string, Figure> drivers;  // e.g. hubs: 4, line_km: 1200, sea_area_km2: 9000
  std::vector<Requirement> requirements;
  bool framework_nation_required = false;  // a sector needs a lead nation providing the HQ
  bool non_nato_only = false;              // e.g. a buffer zone manned by non-NATO troops
  int min_nations = 1;                     // multinationality
  double min_viable_share = 1.0;           // below this share of a requirement line, the line counts 0
  std::optional<DeploymentRoute> route;    // how its troops deploy; empty: they arrive when ready
  Provenance provenance;
  SourceLocation where;
};

// What a named place is; the scenario file spells these as below (to_string / parse_site_kind).
enum class SiteKind { city, capital, port, nuclear_plant, airbase, logistics_hub, hq, other };

inline constexpr SiteKind kAllSiteKinds[] = {SiteKind::city,    SiteKind::capital,       SiteKind::port, SiteKind::nuclear_plant,
                                             SiteKind::airbase, SiteKind::logistics_hub, SiteKind::hq,   SiteKind::other};

inline const char* to_string(SiteKind kind) {
  switch (kind) {
    case SiteKind::city: return "city";
    case SiteKind::capital: return "capital";
    case SiteKind::port: return "port";
    case SiteKind::nuclear_plant: return "nuclear_plant";
    case SiteKind::airbase: return "airbase";
    case SiteKind::logistics_hub: return "logistics_hub";
    case SiteKind::hq: return "hq";
    case SiteKind::other: return "other";
  }
  return "other";
}

inline std::optional<SiteKind> parse_site_kind(const std::string& text) {
  for (SiteKind kind : kAllSiteKinds) {
    if (text == to_string(kind)) return kind;
  }
  return std::nullopt;
}

struct Site {
  std::string id;
  std::string name;
  SiteKind kind = SiteKind::other;
  std::string country;  // ISO code
  LatLon position;
  Figure population;
  bool hub_candidate = false;
  Provenance provenance;
  SourceLocation where;
};

struct GeoPath {
  std::vector<LatLon> points;
  bool approximate = true;
  Provenance provenance;
  SourceLocation where;
};

// A map window in degrees: [south, west, north, east], south < north and west < east.
struct MapExtent {
  double south = 0, west = 0, north = 0, east = 0;
};

// Where the laydown happens (geography.theatre). When the scenario gives no theatre the loader
// derives one: the host is the country of the first site of kind capital, the adversaries are the
// countries listed under geography.borders, and the laydown frames the map around the host.
struct Theatre {
  std::string host_country;                      // ISO 3166-1 alpha-2: the country the force deploys in
  std::vector<std::string> adversary_countries;  // ISO alpha-2 codes whose land borders hubs keep away from
  std::optional<MapExtent> map_extent;           // the map's window; empty = derived by the laydown
  Figure controlled_population;                  // people in the host's government-held territory (for the report)
  bool from_scenario = false;                    // false when derived by the rule above
  Provenance provenance;
  SourceLocation where;
};

struct Geography {
  std::vector<Site> sites;
  GeoPath line_of_contact;             // polyline, north to south
  std::optional<GeoPath> buffer_zone;  // closed polygon
  std::map<std::string, GeoPath> borders;  // ISO code → polyline of a land border with the host
  Theatre theatre;
};

struct ScenarioInfo {
  std::string name;
  std::string title;
  std::string description;
  std::string as_of;  // research cut-off date
  std::string file;   // the file it was loaded from
  std::string variant;  // applied variant, or empty
  std::vector<std::string> standard_variants;  // compared by `guarantor run` when none are named
};

struct VariantInfo {
  std::string name;
  std::string description;
  Provenance provenance;
};

// P(a pledge materialises): 1 when committed; else its stated probability (plan.default_probability
// when it states none), times P(the approval vote passes) when it needs parliament's approval.
double materialising_probability(const Pledge& pledge, const PlanSettings& settings);

struct Scenario {
  ScenarioInfo info;
  std::vector<Nation> nations;
  std::vector<UnitType> unit_types;
  std::vector<Pledge> pledges;
  std::vector<Component> components;
  Geography geography;
  std::vector<VariantInfo> variants;  // declared variants (names and descriptions)
  PlanSettings plan;
  LaydownSettings laydown;
  SimulationSettings simulation;
  SensitivitySettings sensitivity;
  // Registry keys (guarantor/scenario/parameters.hpp) the file or its variant set, with the
  // provenance given for the value (its own, else its section's; empty when none was given).
  std::map<std::string, Provenance> parameters_set;

  const Nation* find_nation(const std::string& code) const;
  const UnitType* find_unit_type(const std::string& id) const;
  const Component* find_component(const std::string& id) const;
  const Site* find_site(const std::string& id) const;
};

// Names as written in the scenario file (and back).
const char* to_string(Domain d);
const char* to_string(PledgeStatus s);
const char* to_string(Condition c);
const char* to_string(ComponentKind k);
const char* to_string(ComponentLocation l);
std::optional<Domain> parse_domain(const std::string& s);
std::optional<PledgeStatus> parse_pledge_status(const std::string& s);
std::optional<Condition> parse_condition(const std::string& s);
std::optional<ComponentKind> parse_component_kind(const std::string& s);
std::optional<ComponentLocation> parse_component_location(const std::string& s);
std::vector<std::string> all_condition_names();
std::vector<std::string> all_component_kind_names();

}  // namespace guarantor
