// The force on the map: CAP stations flown from bases abroad, area shares on a synthetic theatre,
// the ISR bound on the default scenario with the required three orbits, and the placements list.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <numbers>
#include <set>

#include "guarantor/geo/laydown.hpp"
#include "guarantor/io/geo_data_io.hpp"
#include "guarantor/io/scenario_io.hpp"
#include "guarantor/report/laydown_output.hpp"
#include "guarantor/scenario/force_package.hpp"
#include "support/cli_runner.hpp"

namespace guarantor {
namespace {

using testing::source_path;

std::string all_messages(const Diagnostics& diagnostics) {
  std::string text;
  for (const auto& d : diagnostics.all()) text += format_diagnostic(d) + "\n";
  return text;
}

// Westland (the host, 32-36°S, 68-72°W), Northland (the adversary, 30-32°S) and Southland (an ally,
// 36-40°S) on the same meridians; no code or name of the default scenario's theatre.
std::string write_world() {
  const std::string dir = testing::temp_dir("layers-world");
  std::ofstream(dir + "/countries.geojson")
      << R"({"type":"FeatureCollection","properties":{"source":"hand-built","licence":"test data"},"features":[)"
      << R"({"type":"Feature","properties":{"iso_a2":"WL","name":"Westland"},"geometry":{"type":"MultiPolygon","coordinates":[[[[-72,-36],[-68,-36],[-68,-32],[-72,-32],[-72,-36]]]]}},)"
      << R"({"type":"Feature","properties":{"iso_a2":"NL","name":"Northland"},"geometry":{"type":"MultiPolygon","coordinates":[[[[-72,-32],[-68,-32],[-68,-30],[-72,-30],[-72,-32]]]]}},)"
      << R"({"type":"Feature","properties":{"iso_a2":"SL","name":"Southland"},"geometry":{"type":"MultiPolygon","coordinates":[[[[-72,-40],[-68,-40],[-68,-36],[-72,-36],[-72,-40]]]]}})"
      << "]}\n";
  std::ofstream(dir + "/places.tsv") << "# hand-built test places\n"
                                        "geonameid\tname\tcountry\tlat\tlon\tpopulation\tfeature_code\n"
                                        "1\tPortville\tWL\t-34.0\t-71.5\t1000\tPPL\n"
                                        "2\tMidville\tWL\t-34.0\t-69.5\t2000\tPPL\n"
                                        "3\tBorderton\tWL\t-32.2\t-70.0\t500\tPPL\n"
                                        "4\tEastville\tWL\t-34.0\t-68.2\t5000\tPPL\n"
                                        "5\tSouthtown\tSL\t-37.0\t-70.0\t9000\tPPL\n";
  return dir;
}

// A theatre whose fighters' component is based abroad: one air base at home, one in Southland.
std::string scenario_text(const std::string& fighters_location, const std::string& extra_laydown = "") {
  return R"(guarantor: 1
scenario: {name: layers-test, title: Layers test, as_of: "2026-02-27"}
sources:
  - {id: test-source, outlet: "hand-made test data", date: "2026-02-27"}
nations:
  - {code: GB, name: United Kingdom, memberships: [NATO], active_personnel: {value: 138000, assumption: test}}
unit_types:
  - {id: inf_bn, name: Infantry battalion, capability: land_manoeuvre, domain: land, troops_per_unit: 600, deploy_months: 6, dwell_months: 24, assumption: test}
  - {id: fighter_det, name: Fighter detachment, capability: air_policing, domain: air, troops_per_unit: 100, deploy_months: 4, dwell_months: 16, range_km: 465, assumption: test}
  - {id: aew_orbit, name: AEW orbit, capability: aew, domain: air, troops_per_unit: 150, deploy_months: 6, dwell_months: 12, assumption: test}
  - {id: rpa_orbit, name: ISR orbit, capability: isr, domain: air, troops_per_unit: 80, deploy_months: 6, dwell_months: 12, range_km: 360, assumption: test}
  - {id: team, name: Monitoring team, capability: monitoring, domain: land, troops_per_unit: 10, deploy_months: 6, dwell_months: 12, assumption: test}
pledges:
  - {id: GB-land, nation: GB, unit_type: inf_bn, quantity: 2, status: committed, source: test-source}
components:
  - id: land
    name: Land
    kind: reassurance_land
    location: in_ukraine
    drivers: {hubs: {value: 1, assumption: test}}
    requirements: [{capability: land_manoeuvre, driver: hubs, units: 2, per: 1, assumption: test}]
  - id: air
    name: Air shield
    kind: air_policing
    location: )" + fighters_location + R"(
    drivers: {cap_orbits: {value: 2, assumption: test}}
    requirements: [{capability: air_policing, driver: cap_orbits, units: 7, per: 1, assumption: test}]
  - id: watch
    name: Monitoring
    kind: monitoring
    location: in_ukraine
    drivers: {line_km: {value: 440, assumption: test}}
    requirements:
      - {capability: isr, units: 1, assumption: test}
      - {capability: monitoring, driver: line_km, units: 1, per: 40, assumption: test}
  - id: backstop
    name: Backstop
    kind: us_backstop
    location: outside_ukraine
    requirements: [{capability: aew, units: 1, assumption: test}]
geography:
  sites:
    - {id: capital, name: Capital, kind: capital, country: WL, lat: -34.5, lon: -71.0, hub_candidate: true, assumption: test}
    - {id: homefield, name: Homefield, kind: airbase, country: WL, lat: -33.5, lon: -70.0, assumption: test}
    - {id: southbase, name: Southbase, kind: airbase, country: SL, lat: -37.5, lon: -70.5, assumption: test}
  line_of_contact:
    points: [[-32.0, -68.5], [-36.0, -68.5]]
    assumption: a straight test line along a meridian
  theatre:
    host_country: WL
    adversary_countries: [NL]
    controlled_population: {value: 4000, assumption: test figure for the stated population}
    assumption: test theatre
laydown:
  grid_resolution_km: 5
  critical_site_weight: 0
  tradeoff_distances_km: [0]
  corridor:
    points: [[-33.0, -72.0], [-33.0, -73.0]]
    assumption: a short test corridor off the coast
)" + extra_laydown;
}

struct Run {
  Scenario scenario;
  geo::LaydownResult result;
  nlohmann::json coverage;
};

Assignment assign(const std::string& nation, const std::string& component, const std::string& unit_type, int units) {
  Assignment a;
  a.nation = nation, a.component = component, a.unit_type = unit_type, a.units = units;
  return a;
}

ForcePackage package(std::vector<Assignment> assignments) {
  ForcePackage p;
  p.origin = "required";
  p.assignments = std::move(assignments);
  return p;
}

std::optional<Run> lay_down(const std::string& text, const ForcePackage& force) {
  auto loaded = io::load_scenario_text(text, "layers.yaml");
  EXPECT_TRUE(loaded.ok()) << all_messages(loaded.diagnostics);
  Diagnostics diagnostics;
  const auto world = io::load_world_data(write_world(), diagnostics);
  EXPECT_TRUE(world.has_value()) << all_messages(diagnostics);
  if (!loaded.ok() || !world) return std::nullopt;
  auto result = geo::run_laydown(geo::LaydownInput{&*loaded.scenario, &force, &*world});
  EXPECT_TRUE(result.has_value()) << result.status().message();
  if (!result) return std::nullopt;
  nlohmann::json coverage = report::coverage_json(*result);
  return Run{*loaded.scenario, std::move(*result), std::move(coverage)};
}

const geo::Layer& layer_of(const geo::LaydownResult& r, geo::LayerKind kind) {
  for (const auto& l : r.layers) {
    if (l.kind == kind) return l;
  }
  ADD_FAILURE() << "no layer " << to_string(kind);
  static const geo::Layer none;
  return none;
}

// --- the CAP sizing model against the worked examples of planning_factors.md §3a ---

TEST(CapSizing, ReproducesThePublishedWorkedExamples) {
  LaydownSettings s;  // v = 850 km/h, MC 0.7, 2.46 sorties a day, 3 h turnaround, a two-ship
  s.cap_time_on_station_hours = 2;
  // 2-ship, T_os = 2 h, d = 150 km: N_time 7.6, N_rate 13.9 → ~14 fighters.
  EXPECT_NEAR(2 * (2 + 300.0 / 850 + 3) / 2 / 0.7, 7.65, 0.01);
  EXPECT_NEAR(cap_aircraft_per_station(s, 150), 13.9, 0.05);
  s.cap_time_on_station_hours = 1;
  // 2-ship, T_os = 1 h, d = 300 km: N_time 13.4, N_rate 27.9 → ~28 fighters = 7 four-aircraft detachments.
  EXPECT_NEAR(cap_aircraft_per_station(s, 300), 27.9, 0.05);
  EXPECT_EQ(cap_detachments_per_station(s, 300), 7);
  // Far enough out, transit time takes over from the sortie rate: N_time = 2 (1 + 2d/850 + 3) / 0.7.
  EXPECT_NEAR(cap_aircraft_per_station(s, 3000), 2 * (1 + 6000.0 / 850 + 3) / 0.7, 1e-9);
}

TEST(CapSizing, TheDefaultScenarioAgreesWithThePlansDetachmentsPerStation) {
  const auto loaded = io::load_scenario_file(source_path("data/scenarios/mnf-ukraine.yaml"));
  ASSERT_TRUE(loaded.ok()) << all_messages(loaded.diagnostics);
  const Component* air = loaded.scenario->find_component("air_policing");
  ASSERT_NE(air, nullptr);
  ASSERT_FALSE(air->requirements.empty());
  const Requirement& r = air->requirements.front();
  EXPECT_EQ(cap_detachments_per_station(loaded.scenario->laydown, 300), static_cast<int>(r.units / r.per));
}

// --- coverage as ranges: the pledged force at each placeholder level ---

// The test theatre with a fighters' pledge of `quantity` ("unknown" with a 3/7/14 placeholder, or a number).
std::string pledged_text(const std::string& quantity) {
  std::string text = scenario_text("outside_ukraine");
  const std::string land = "  - {id: GB-land, nation: GB, unit_type: inf_bn, quantity: 2, status: committed, source: test-source}\n";
  const std::string placeholder = quantity == "unknown" ? ", placeholder: {low: 3, central: 7, high: 14, assumption: test range}" : "";
  const std::string air = "  - {id: GB-air, nation: GB, unit_type: fighter_det, quantity: " + quantity +
                          ", status: committed, components: [air]" + placeholder + ", source: test-source}\n";
  text.replace(text.find(land), land.size(), land + air);
  return text;
}

std::optional<Run> lay_down_pledged(const std::string& text, bool with_ranges) {
  auto loaded = io::load_scenario_text(text, "pledged.yaml");
  EXPECT_TRUE(loaded.ok()) << all_messages(loaded.diagnostics);
  if (!loaded.ok()) return std::nullopt;
  auto run = lay_down(text, package_from_pledges(*loaded.scenario));
  if (!run || !with_ranges) return run;
  Diagnostics diagnostics;
  const auto world = io::load_world_data(write_world(), diagnostics);
  EXPECT_TRUE(geo::add_placeholder_ranges(run->scenario, *world, run->result).is_ok());
  run->coverage = report::coverage_json(run->result);
  return run;
}

TEST(PlaceholderRanges, EachLevelIsTheLaydownOfThePledgeAtThatNumber) {
  const auto ranged = lay_down_pledged(pledged_text("unknown"), true);
  ASSERT_TRUE(ranged);
  ASSERT_TRUE(geo::has_placeholder_range(ranged->scenario));
  const geo::Layer& air = layer_of(ranged->result, geo::LayerKind::air_policing);
  ASSERT_TRUE(air.population_share_range.has_value());
  ASSERT_TRUE(air.area_share_range.has_value());
  // The same pledge with its number stated, laid down on its own, at 3, 7 and 14 detachments.
  const auto stated = [&](const char* quantity) {
    const auto run = lay_down_pledged(pledged_text(quantity), false);
    return run ? layer_of(run->result, geo::LayerKind::air_policing) : geo::Layer{};
  };
  const geo::Layer low = stated("3"), central = stated("7"), high = stated("14");
  EXPECT_DOUBLE_EQ(air.population_share_range->low, low.population_share);
  EXPECT_DOUBLE_EQ(air.population_share_range->central, central.population_share);
  EXPECT_DOUBLE_EQ(air.population_share_range->high, high.population_share);
  EXPECT_DOUBLE_EQ(air.area_share_range->low, low.area_share);
  EXPECT_DOUBLE_EQ(air.area_share_range->high, high.area_share);
  // Three detachments stand alert at one base; fourteen fly two CAP stations: the range is real.
  EXPECT_LT(air.area_share_range->low, air.area_share_range->high);
  // The land force is stated: its layer has no range.
  EXPECT_FALSE(layer_of(ranged->result, geo::LayerKind::hub_reaction).population_share_range.has_value());
  // coverage.json carries the levels on the air-policing layer only.
  for (const auto& layer : ranged->coverage["layers"]) {
    const bool air_layer = layer["name"] == "air_policing";
    EXPECT_EQ(layer.contains("low"), air_layer) << layer["name"];
    if (air_layer) {
      EXPECT_NEAR(layer["low"]["area_share"].get<double>(), low.area_share, 5e-5);
      EXPECT_NEAR(layer["high"]["population_share"].get<double>(), high.population_share, 5e-5);
      EXPECT_EQ(layer["central"]["population_share"], layer["population_share"]);
    }
  }
}

TEST(PlaceholderRanges, AStatedForceHasNoRange) {
  const auto run = lay_down_pledged(pledged_text("7"), true);
  ASSERT_TRUE(run);
  EXPECT_FALSE(geo::has_placeholder_range(run->scenario));
  for (const auto& layer : run->result.layers) EXPECT_FALSE(layer.population_share_range.has_value()) << to_string(layer.kind);
}

// --- fighters of a component based abroad ---

TEST(AirPolicing, ACapStationOfAComponentAbroadIsFlownFromABaseAbroad) {
  const auto run = lay_down(scenario_text("outside_ukraine"), package({assign("GB", "air", "fighter_det", 7)}));
  ASSERT_TRUE(run);
  ASSERT_EQ(run->result.cap_stations.size(), 1u);
  const geo::CapStation& station = run->result.cap_stations[0];
  EXPECT_EQ(station.base, "southbase");  // not Homefield, which is in Westland
  EXPECT_EQ(station.base_country, "SL");
  EXPECT_EQ(station.detachments, 7);
  ASSERT_TRUE(run->result.plan_detachments_per_station.has_value());
  EXPECT_EQ(*run->result.plan_detachments_per_station, 7.0);
  for (const auto& p : run->result.placements) {
    if (p.layer != geo::LayerKind::air_policing) continue;
    if (p.role == geo::PlacementRole::base) {
      EXPECT_EQ(p.country, "SL") << p.site;
      EXPECT_EQ(p.units, 7);
    } else {
      EXPECT_EQ(p.role, geo::PlacementRole::station);
      EXPECT_EQ(p.country, "WL");  // the station flies over the host
    }
  }
  // The coverage circle is the station's: combat radius less the distance flown out to it.
  const geo::Layer& air = layer_of(run->result, geo::LayerKind::air_policing);
  ASSERT_EQ(air.emitters.size(), 1u);
  const LatLon southbase{-37.5, -70.5};
  EXPECT_NEAR(station.base_distance_km, geo::distance_km(southbase, air.emitters[0].position), 1e-6);
  EXPECT_NEAR(air.emitters[0].radius_km, 465 - station.base_distance_km, 1e-6);
  EXPECT_LT(air.emitters[0].radius_km, 450);  // not the 30 min × 900 km/h reach of an unlimited fighter
  EXPECT_GT(air.population_share, 0);
}

TEST(AirPolicing, AtHomeTheSameDetachmentsMayUseTheHomeField) {
  // The same force with its component in the host: the nearest base is Homefield (the test can fail).
  const auto run = lay_down(scenario_text("in_ukraine"), package({assign("GB", "air", "fighter_det", 7)}));
  ASSERT_TRUE(run);
  ASSERT_EQ(run->result.cap_stations.size(), 1u);
  EXPECT_EQ(run->result.cap_stations[0].base, "homefield");
}

TEST(AirPolicing, DetachmentsShortOfAStationStandQuickReactionAlertAbroad) {
  const auto run = lay_down(scenario_text("outside_ukraine"), package({assign("GB", "air", "fighter_det", 4)}));
  ASSERT_TRUE(run);
  EXPECT_TRUE(run->result.cap_stations.empty());
  const geo::Layer& air = layer_of(run->result, geo::LayerKind::air_policing);
  ASSERT_EQ(air.emitters.size(), 1u);
  EXPECT_EQ(air.emitters[0].site_id, "southbase");
  EXPECT_NEAR(air.emitters[0].radius_km, (30.0 - 15.0) / 60 * 900, 1e-9);  // (target − scramble) × speed
}

// --- area shares ---

TEST(AreaShare, AnOrbitInsideTheControlledSideCoversItsDiscsArea) {
  // One AEW orbit of 60 km from a component based in the host goes over Midville (2,000 of the
  // 3,500 people on the controlled side; Eastville is behind the line).
  std::string text = scenario_text("outside_ukraine", "  aew_radar_radius_km: 60\n");
  const std::string backstop = "location: outside_ukraine\n    requirements: [{capability: aew";
  text.replace(text.find(backstop), std::string("location: outside_ukraine").size(), "location: in_ukraine");
  const auto run = lay_down(text, package({assign("GB", "backstop", "aew_orbit", 1)}));
  ASSERT_TRUE(run);
  const geo::Layer& aew = layer_of(run->result, geo::LayerKind::aew);
  ASSERT_EQ(aew.emitters.size(), 1u);
  EXPECT_NEAR(aew.emitters[0].position.lon, -69.5, 1e-9);
  EXPECT_NEAR(aew.population_share, 2000.0 / 3500.0, 1e-12);
  // Government-held area = the host's outline less the occupied side: the box 32-36°S × 68-72°W
  // on the authalic sphere (R 6371.007 km), R² Δλ (sin φ2 − sin φ1), split at the line (68.5°W).
  const double r = 6371.007, deg = std::numbers::pi / 180;
  const double box = r * r * 4 * deg * (std::sin(36 * deg) - std::sin(32 * deg));
  EXPECT_NEAR(run->result.controlled_area_km2 + run->result.occupied_area_km2, box, 0.01 * box);
  EXPECT_NEAR(run->result.controlled_area_km2, box * 3.5 / 4, 0.02 * box);
  // The disc lies wholly on the controlled side (~92 km from the line): π r², to the 5 km grid.
  EXPECT_NEAR(aew.area_covered_km2, std::numbers::pi * 60 * 60, 0.04 * std::numbers::pi * 60 * 60);
  EXPECT_NEAR(aew.area_share, aew.area_covered_km2 / run->result.controlled_area_km2, 1e-12);
  // coverage.json states what the shares are of.
  EXPECT_EQ(run->coverage["shares_of"]["places_population"], 3500);
  EXPECT_EQ(run->coverage["shares_of"]["stated_controlled_population"], 4000);
  EXPECT_EQ(run->coverage["shares_of"]["area_km2"], std::round(run->result.controlled_area_km2));
}

TEST(AreaShare, AnAewOrbitOfAComponentAbroadFliesOverASiteAbroad) {
  const auto run = lay_down(scenario_text("outside_ukraine"), package({assign("GB", "backstop", "aew_orbit", 1)}));
  ASSERT_TRUE(run);
  const auto orbit = std::find_if(run->result.placements.begin(), run->result.placements.end(),
                                  [](const geo::Placement& p) { return p.layer == geo::LayerKind::aew; });
  ASSERT_NE(orbit, run->result.placements.end());
  EXPECT_EQ(orbit->role, geo::PlacementRole::orbit);
  EXPECT_EQ(orbit->site, "southbase");
  EXPECT_EQ(orbit->country, "SL");
  // Its 370 km radar from Southbase reaches the capital (~335 km) but no populated place of Westland.
  EXPECT_LT(geo::distance_km({-37.5, -70.5}, {-34.5, -71.0}), 370);
  const geo::Layer& aew = layer_of(run->result, geo::LayerKind::aew);
  EXPECT_EQ(aew.sites_covered, std::vector<std::string>{"capital"});
  EXPECT_EQ(aew.population_share, 0);
}

TEST(Monitoring, TeamsWatchLineKilometresFromTheirComponentsFactor) {
  // The line is 4° of a meridian (~444 km); 5 teams × 40 km (the component's one team per 40 km).
  const auto run = lay_down(scenario_text("outside_ukraine"), package({assign("GB", "watch", "team", 5)}));
  ASSERT_TRUE(run);
  const geo::Layer& teams = layer_of(run->result, geo::LayerKind::monitoring_teams);
  ASSERT_TRUE(teams.line_km_covered.has_value());
  EXPECT_NEAR(*teams.line_km_covered, 200, 1e-9);
  const double line = geo::length_km({{-32.0, -68.5}, {-36.0, -68.5}});
  EXPECT_NEAR(*teams.line_share, 200 / line, 1e-12);
  // Each team's band: within 7.5 km of 40 km of line; the controlled side holds the western half
  // (plus the grid cells the line runs through) and none of the eastern.
  EXPECT_GT(teams.area_covered_km2, 0.8 * 5 * 40 * 7.5);
  EXPECT_LT(teams.area_covered_km2, 5 * (40 * 15 + std::numbers::pi * 7.5 * 7.5));
}

// --- ISR on the default scenario with the required three orbits ---

class DefaultLaydown : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto loaded = io::load_scenario_file(source_path("data/scenarios/mnf-ukraine.yaml"));
    ASSERT_TRUE(loaded.ok()) << all_messages(loaded.diagnostics);
    Diagnostics diagnostics;
    auto world = io::load_world_data(source_path("data/geo"), diagnostics);
    ASSERT_TRUE(world.has_value()) << all_messages(diagnostics);
    // The required force's air, ISR and monitoring units (the components' requirements): 2 CAP
    // stations × 7 detachments, 5 medium and 3 long-range fire units, 3 ISR orbits on 1,200 km,
    // 30 monitoring teams, the backstop's AEW orbit.
    const ForcePackage force = package({assign("FR", "air_policing", "air_policing_det", 14),
                                        assign("DE", "air_defence", "gbad_medium", 5),
                                        assign("DE", "air_defence", "gbad_long", 3),
                                        assign("GB", "monitoring", "isr_rpa_orbit", 3),
                                        assign("GB", "monitoring", "monitoring_team", 30),
                                        assign("US", "us_backstop", "aew_orbit", 1)});
    auto result = geo::run_laydown(geo::LaydownInput{&*loaded.scenario, &force, &*world});
    ASSERT_TRUE(result.has_value()) << result.status().message();
    result_ = new geo::LaydownResult(std::move(*result));
    coverage_ = new nlohmann::json(report::coverage_json(*result_));
  }
  static void TearDownTestSuite() { delete result_, delete coverage_; }
  static geo::LaydownResult* result_;
  static nlohmann::json* coverage_;
};
geo::LaydownResult* DefaultLaydown::result_ = nullptr;
nlohmann::json* DefaultLaydown::coverage_ = nullptr;

TEST(LaydownScope, PopulationCoverageGivesTheFullLaydownsSharesHubsAndPlacements) {
  auto loaded = io::load_scenario_file(source_path("data/scenarios/mnf-ukraine.yaml"));
  ASSERT_TRUE(loaded.ok()) << all_messages(loaded.diagnostics);
  Diagnostics diagnostics;
  auto world = io::load_world_data(source_path("data/geo"), diagnostics);
  ASSERT_TRUE(world.has_value()) << all_messages(diagnostics);
  const ForcePackage force = package({assign("FR", "air_policing", "air_policing_det", 14),
                                      assign("DE", "air_defence", "gbad_medium", 5),
                                      assign("DE", "air_defence", "gbad_long", 3),
                                      assign("GB", "monitoring", "isr_rpa_orbit", 3),
                                      assign("GB", "monitoring", "monitoring_team", 30),
                                      assign("US", "us_backstop", "aew_orbit", 1)});
  const auto full = geo::run_laydown(geo::LaydownInput{&*loaded.scenario, &force, &*world});
  const auto part =
      geo::run_laydown(geo::LaydownInput{&*loaded.scenario, &force, &*world, geo::LaydownScope::population_coverage});
  ASSERT_TRUE(full.has_value()) << full.status().message();
  ASSERT_TRUE(part.has_value()) << part.status().message();
  ASSERT_EQ(part->layers.size(), full->layers.size());
  for (std::size_t i = 0; i < full->layers.size(); ++i) {
    EXPECT_EQ(part->layers[i].kind, full->layers[i].kind);
    EXPECT_EQ(part->layers[i].population_covered, full->layers[i].population_covered) << i;  // the same number, not close
    EXPECT_EQ(part->layers[i].population_share, full->layers[i].population_share) << i;
    EXPECT_EQ(part->layers[i].emitters.size(), full->layers[i].emitters.size()) << i;
    EXPECT_EQ(part->layers[i].area_covered_km2, 0);  // not computed
  }
  EXPECT_GT(full->layers.front().population_share, 0);
  ASSERT_EQ(part->hubs.size(), full->hubs.size());
  for (std::size_t i = 0; i < full->hubs.size(); ++i) EXPECT_EQ(part->hubs[i].site_id, full->hubs[i].site_id);
  EXPECT_EQ(part->placements.size(), full->placements.size());
  EXPECT_EQ(part->controlled_population, full->controlled_population);
  EXPECT_TRUE(part->tradeoff.empty());
  EXPECT_FALSE(full->tradeoff.empty());
}

TEST_F(DefaultLaydown, IsrCoversAtMostAQuarterOfGovernmentHeldUkraine) {
  ASSERT_NE(result_, nullptr);
  const geo::Layer& isr = layer_of(*result_, geo::LayerKind::isr_monitoring);
  ASSERT_EQ(isr.emitters.size(), 3u);
  for (const auto& e : isr.emitters) EXPECT_EQ(e.radius_km, 30.0);  // Lynx SAR, not the 360 km line-of-sight bound
  EXPECT_GT(isr.area_share, 0);
  EXPECT_LE(isr.area_share, 0.25);
  // Three discs of 30 km can cover at most 3 π 30² km² of it.
  EXPECT_LE(isr.area_covered_km2, 3 * std::numbers::pi * 900 * 1.02);
}

TEST_F(DefaultLaydown, TheAirShieldFliesFromNeighbouringStates) {
  ASSERT_NE(result_, nullptr);
  const geo::Layer& air = layer_of(*result_, geo::LayerKind::air_policing);
  EXPECT_GT(air.population_share, 0);
  EXPECT_GT(layer_of(*result_, geo::LayerKind::air_defence).population_share, 0);
  EXPECT_GT(layer_of(*result_, geo::LayerKind::isr_monitoring).population_share, 0);
  for (const auto& p : result_->placements) {
    if (p.layer == geo::LayerKind::air_policing && p.role == geo::PlacementRole::base) EXPECT_NE(p.country, "UA") << p.site;
  }
  for (const auto& station : result_->cap_stations) EXPECT_EQ(station.detachments, 7) << station.over;
}

TEST_F(DefaultLaydown, EveryAirDefenceUnitIsPlaced) {
  ASSERT_NE(result_, nullptr);
  const auto placed = std::count_if(result_->placements.begin(), result_->placements.end(),
                                    [](const geo::Placement& p) { return p.layer == geo::LayerKind::air_defence; });
  EXPECT_EQ(placed, 8);
  EXPECT_EQ(layer_of(*result_, geo::LayerKind::air_defence).emitters.size(), 8u);
}

TEST_F(DefaultLaydown, PlacementsNameLayerRoleUnitSiteCountryAndPosition) {
  ASSERT_NE(coverage_, nullptr);
  EXPECT_EQ((*coverage_)["mode"], "required");
  const auto& placements = (*coverage_)["placements"];
  ASSERT_FALSE(placements.empty());
  const std::set<std::string> roles{"base", "station", "orbit", "site", "line"};
  std::set<std::string> layers;
  for (const auto& p : placements) {
    for (const char* key : {"layer", "role", "unit_type", "site", "country", "lat", "lon"}) EXPECT_TRUE(p.contains(key)) << key << p.dump();
    EXPECT_TRUE(roles.count(p["role"].get<std::string>())) << p.dump();
    const std::string country = p["country"];
    EXPECT_EQ(country.size(), 2u) << p.dump();
    EXPECT_TRUE(std::all_of(country.begin(), country.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) << p.dump();
    EXPECT_LE(std::abs(p["lat"].get<double>()), 90);
    layers.insert(p["layer"].get<std::string>());
  }
  for (const char* name : {"air_defence", "air_policing", "aew", "isr_monitoring", "monitoring_teams"}) EXPECT_TRUE(layers.count(name)) << name;
  // The AEW orbit of the US backstop (based outside Ukraine) is over a site abroad.
  for (const auto& p : placements) {
    if (p["layer"] == "aew") EXPECT_NE(p["country"], "UA") << p.dump();
  }
  // The shares' base is stated: GeoNames places, and the sourced ~31.5 million.
  EXPECT_EQ((*coverage_)["shares_of"]["stated_controlled_population"], 31500000);
  EXPECT_LT((*coverage_)["shares_of"]["places_population"].get<double>(), 31500000);
}

}  // namespace
}  // namespace guarantor
