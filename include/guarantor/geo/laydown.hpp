#pragma once
// The laydown stage: from a scenario, a force package and the reference geography to hub sites,
// coverage layers, reaction times along the line and the time to clear the sea corridor.
// A pure function of its inputs; no files, no global state.

#include <optional>
#include <string>
#include <vector>

#include "guarantor/core/status.hpp"
#include "guarantor/geo/coverage.hpp"
#include "guarantor/geo/world.hpp"
#include "guarantor/scenario/force_package.hpp"
#include "guarantor/scenario/scenario.hpp"

namespace guarantor::geo {

struct Hub {
  std::string site_id;
  std::string name;
  LatLon position;
  double distance_to_line_km = 0;
  double distance_to_border_km = 0;
};

// One emitter of a layer: an air-defence fire unit, a CAP station, an airbase on alert, an ISR or
// AEW orbit, a monitoring team's stretch of line, a hub.
struct Emitter {
  std::string label;    // e.g. "IRIS-T SLM at Kyiv"
  std::string site_id;  // where it sits, when at a site
  LatLon position;
  double radius_km = 0;
  // A stretch of line (monitoring teams): a point is covered within radius_km of the path, not of
  // `position` (which is then the stretch's midpoint). Empty for a disc.
  std::vector<LatLon> path;
};

// The coverage layers, in the order the laydown computes them.
enum class LayerKind { air_defence, air_defence_low, air_policing, aew, isr_monitoring, monitoring_teams, hub_reaction };

// The layer's name in the outputs: "air_defence", "air_defence_low", "air_policing", "aew",
// "isr_monitoring", "monitoring_teams", "hub_reaction".
const char* to_string(LayerKind kind);

// What a placement is: the airbase a detachment flies from, a combat air patrol station, an
// airborne orbit, a unit at a site (air defence, hub), a team's stretch of the line.
enum class PlacementRole { base, station, orbit, site, line };
const char* to_string(PlacementRole role);

// Where one unit (or group of units) of the force is put.
struct Placement {
  LayerKind layer = LayerKind::air_defence;
  PlacementRole role = PlacementRole::site;
  std::string unit_type;  // UnitType::id; empty for a hub
  std::string site;       // scenario site id, else the GeoNames place name, else empty
  std::string country;    // ISO 3166-1 alpha-2 of where it is (the site's country as in the scenario)
  LatLon position;
  int units = 0;          // units of unit_type placed here (detachments at a base, teams on a stretch)
};

// One combat air patrol station and how it is flown (planning_factors.md §3a sizing).
struct CapStation {
  std::string over;          // site id or place name under the station
  std::string base;          // site id of the base it is flown from
  std::string base_country;
  double base_distance_km = 0;
  double aircraft_needed = 0;  // the §3a fleet for one 24/7 station at this distance
  int detachments = 0;
  double radius_km = 0;        // reach within the intercept time target, capped by combat radius − distance
};

// A layer's share at the low, central and high placeholder levels of the pledges of unknown
// quantity (the pledged force only; see add_placeholder_ranges).
struct ShareRange {
  double low = 0, central = 0, high = 0;
};

struct Layer {
  LayerKind kind = LayerKind::air_defence;
  std::string description;  // one line: what a covered point means
  std::vector<Emitter> emitters;
  double population_covered = 0;
  double population_share = 0;             // of the population in host-controlled territory
  std::vector<std::string> sites_covered;  // ids of critical sites covered
  std::vector<std::string> sites_not_covered;
  double area_covered_km2 = 0;             // of host-controlled territory
  double area_share = 0;
  std::optional<double> buffer_zone_share; // isr_monitoring only: share of the buffer zone seen
  std::optional<double> line_km_covered;   // monitoring_teams only: km of the line of contact watched
  std::optional<double> line_share;        // ... and its share of the line's length
  std::string note;                        // e.g. "no air-policing units in the force package"
  // The pledged force with placeholders: the shares at each placeholder level, for the layers
  // whose coverage depends on the level (empty otherwise).
  std::optional<ShareRange> population_share_range;
  std::optional<ShareRange> area_share_range;
};

struct TradeoffPoint {
  double min_distance_km = 0;
  int candidates = 0;
  int hubs = 0;
  double coverage_share = 0;     // weighted (people + site weights) covered by the chosen hubs
  double population_share = 0;
  std::vector<std::string> chosen;
  bool optimal = false;
};

struct Percentiles {
  double p50 = 0, p90 = 0, max = 0;
};

struct Corridor {
  std::vector<LatLon> waypoints;
  double length_km = 0;
  double area_km2 = 0;
  double minehunters = 0;
  std::optional<double> clearance_days;  // empty without minehunters
  double escorts = 0;
  double transit_hours = 0;
  double escort_ships_per_day = 0;       // merchant ships escorted per day, both directions
};

struct LaydownResult {
  std::string scenario;
  std::string package_origin;
  std::string host_country;               // ISO code of the theatre's host country
  std::string host_name;                  // its name in the reference geography
  MapExtent map_extent;                   // from the scenario's theatre, or derived (see run_laydown)
  std::vector<Hub> hubs;
  std::vector<Hub> hub_candidates;        // every candidate with its distances, chosen or not
  std::vector<std::string> rejected_candidates;  // "id: why"
  std::vector<TradeoffPoint> tradeoff;
  std::vector<Layer> layers;
  std::optional<Percentiles> reaction_time_minutes;
  std::vector<LatLon> line_samples;
  std::vector<double> line_reaction_minutes;
  Corridor corridor;
  std::vector<LatLon> line;               // line of contact as given
  Ring buffer_zone;                       // from the scenario, or the geodesic buffer of the line
  bool buffer_zone_from_scenario = false;
  bool buffer_zone_enabled = false;       // a buffer_zone component is enabled: the zone is drawn
  std::vector<Placement> placements;      // every placed unit of every layer (air_defence_low repeats none)
  std::vector<CapStation> cap_stations;
  // Detachments per CAP station in the plan's requirement (units per driver unit of the
  // air_policing component's requirement line), when the scenario states one.
  std::optional<double> plan_detachments_per_station;
  double controlled_population = 0;       // people of the reference places in government-held territory
  std::string places_source;              // what those places are (the reference geography's attribution)
  std::optional<double> stated_controlled_population;  // the theatre's sourced figure, when it gives one
  std::string stated_controlled_population_source;
  double controlled_area_km2 = 0;
  double occupied_area_km2 = 0;
  std::size_t grid_cells = 0;
  std::vector<std::pair<LatLon, LatLon>> occupied_spans;  // rows of occupied cells (west, east), for the map
  double grid_dlat_deg = 0;
  std::vector<std::string> notes;          // assumptions and caveats, for the reader
};

// What a laydown computes.
enum class LaydownScope {
  full,  // everything in LaydownResult
  // Only what the layers' population coverage needs: the hubs (the siting at the minimum distance
  // to the line), the placements, the CAP stations, and each layer's emitters, population_covered
  // and population_share, the same numbers as the full laydown gives. Left empty or zero: the
  // trade-off curve, the layers' area, site and buffer-zone figures, the buffer zone, the
  // occupied spans, the reaction times and the corridor. For callers that only need the shares
  // (the simulation's air shield), at a fraction of the cost.
  population_coverage,
};

struct LaydownInput {
  const Scenario* scenario = nullptr;
  const ForcePackage* package = nullptr;
  const WorldData* world = nullptr;
  LaydownScope scope = LaydownScope::full;
};

// Lays down the force package on the scenario's theatre. Fails with StatusCode::invalid_input
// when the scenario cannot be laid down (no host country, no outline of it in the reference
// geography, a line of contact of fewer than 2 points), with StatusCode::solver_failure when the
// siting MILP ends without a solution. Without a map extent in the theatre the
// map frames the host country's outline, the line of contact and the sea corridor.
// The writers of the result are in guarantor/report/laydown_output.hpp.
Expected<LaydownResult> run_laydown(const LaydownInput& input);

// Which end of a pledge placeholder's range (Pledge::placeholder: low, central, high units).
enum class PlaceholderLevel { low, central, high };

// True when some non-declined pledge of unknown quantity has a placeholder whose low or high
// differs from its central value (the pledged force then has a coverage range).
bool has_placeholder_range(const Scenario& scenario);

// The scenario with every placeholder's central value moved to `level`, so that
// package_from_pledges() gives the pledged force at that level.
Scenario with_placeholders_at(const Scenario& scenario, PlaceholderLevel level);

// Lays down the pledged force at the low and high placeholder levels and records, in `central`
// (the laydown of the pledged force at the central level), each layer's population and area
// shares at the three levels, for the layers where they differ. Nothing to do without placeholders.
Status add_placeholder_ranges(const Scenario& scenario, const WorldData& world, LaydownResult& central);

}  // namespace guarantor::geo
