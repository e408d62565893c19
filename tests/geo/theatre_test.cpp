// The theatre comes from the scenario: a second, non-Ukraine theatre (tests/data/geo/theatre.yaml,
// south and west of the equator and Greenwich, host WL, adversary NL) is laid down on a world
// written here, and every bad theatre value gets a diagnostic naming its key.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <numbers>
#include <set>

#include "guarantor/geo/laydown.hpp"
#include "guarantor/io/geo_data_io.hpp"
#include "guarantor/io/scenario_io.hpp"
#include "guarantor/report/laydown_output.hpp"
#include "guarantor/report/map_svg.hpp"
#include "guarantor/scenario/force_package.hpp"
#include "support/cli_runner.hpp"

namespace guarantor {
namespace {

using testing::read_file;
using testing::source_path;

std::string theatre_text() { return read_file(source_path("tests/data/geo/theatre.yaml")); }

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

io::LoadResult load(const std::string& text) { return io::load_scenario_text(text, "theatre.yaml"); }

std::string all_messages(const Diagnostics& diagnostics) {
  std::string text;
  for (const auto& d : diagnostics.all()) text += format_diagnostic(d) + "\n";
  return text;
}

// Westland (the host, 32-36°S, 68-72°W) and Northland (30-32°S) to its north; no code or name of
// the default scenario's theatre.
std::string write_world() {
  const std::string dir = testing::temp_dir("theatre-world");
  std::ofstream(dir + "/countries.geojson")
      << R"({"type":"FeatureCollection","properties":{"source":"hand-built","licence":"test data"},"features":[)"
      << R"({"type":"Feature","properties":{"iso_a2":"WL","name":"Westland"},"geometry":{"type":"MultiPolygon","coordinates":[[[[-72,-36],[-68,-36],[-68,-32],[-72,-32],[-72,-36]]]]}},)"
      << R"({"type":"Feature","properties":{"iso_a2":"NL","name":"Northland"},"geometry":{"type":"MultiPolygon","coordinates":[[[[-72,-32],[-68,-32],[-68,-30],[-72,-30],[-72,-32]]]]}})"
      << "]}\n";
  std::ofstream(dir + "/places.tsv") << "# hand-built test places\n"
                                        "geonameid\tname\tcountry\tlat\tlon\tpopulation\tfeature_code\n"
                                        "1\tPortville\tWL\t-34.0\t-71.5\t1000\tPPL\n"
                                        "2\tMidville\tWL\t-34.0\t-69.5\t2000\tPPL\n"
                                        "3\tBorderton\tWL\t-32.2\t-70.0\t500\tPPL\n"
                                        "4\tEastville\tWL\t-34.0\t-68.2\t5000\tPPL\n"
                                        "5\tNorthtown\tNL\t-31.0\t-70.0\t7000\tPPL\n";
  return dir;
}

struct Laydown {
  geo::LaydownResult result;
  nlohmann::json coverage;
  std::string svg;
};

Laydown lay_down(const std::string& scenario_text) {
  auto loaded = load(scenario_text);
  EXPECT_TRUE(loaded.ok()) << all_messages(loaded.diagnostics);
  Diagnostics diagnostics;
  const auto world = io::load_world_data(write_world(), diagnostics);
  EXPECT_TRUE(world.has_value()) << all_messages(diagnostics);
  if (!loaded.ok() || !world) return {};
  const ForcePackage package = package_from_pledges(*loaded.scenario);
  auto result = geo::run_laydown(geo::LaydownInput{&*loaded.scenario, &package, &*world});
  EXPECT_TRUE(result.has_value()) << result.status().message();
  if (!result) return {};
  return {*result, report::coverage_json(*result), report::map_svg(*result, *world)};
}

// The SVG height for a map extent: the title band plus the latitude span at the width's scale.
std::string svg_height(double south, double west, double north, double east) {
  const double kx = 1200 / (east - west);
  const double ky = kx / std::cos((south + north) / 2 * std::numbers::pi / 180);
  return "height=\"" + std::to_string(static_cast<long>(std::lround(60 + (north - south) * ky))) + "\"";
}

TEST(Theatre, TheScenarioNamesTheTheatre) {
  const auto loaded = load(theatre_text());
  ASSERT_TRUE(loaded.ok()) << all_messages(loaded.diagnostics);
  const Theatre& theatre = loaded.scenario->geography.theatre;
  EXPECT_TRUE(theatre.from_scenario);
  EXPECT_EQ(theatre.host_country, "WL");
  EXPECT_EQ(theatre.adversary_countries, std::vector<std::string>{"NL"});
  ASSERT_TRUE(theatre.map_extent.has_value());
  EXPECT_EQ(theatre.map_extent->south, -37.0);
  EXPECT_EQ(theatre.map_extent->west, -73.0);
  EXPECT_EQ(theatre.map_extent->north, -31.0);
  EXPECT_EQ(theatre.map_extent->east, -67.0);
  EXPECT_TRUE(theatre.provenance.assumption);
  EXPECT_EQ(loaded.scenario->geography.sites[0].kind, SiteKind::capital);
  EXPECT_EQ(loaded.scenario->geography.sites[2].kind, SiteKind::port);
}

TEST(Theatre, WithoutATheatreTheCapitalAndTheBordersDecide) {
  const auto minimal = io::load_scenario_file(source_path("tests/data/minimal.yaml"));
  ASSERT_TRUE(minimal.ok()) << all_messages(minimal.diagnostics);
  const Theatre& theatre = minimal.scenario->geography.theatre;
  EXPECT_FALSE(theatre.from_scenario);
  EXPECT_EQ(theatre.host_country, "UA");             // the capital site's country
  EXPECT_TRUE(theatre.adversary_countries.empty());  // it draws no borders
  EXPECT_FALSE(theatre.map_extent.has_value());
  // With borders, their countries are the adversaries.
  std::string text = replaced(theatre_text(), "  theatre:\n    host_country: WL\n    adversary_countries: [NL]\n"
                                              "    map_extent: [-37.0, -73.0, -31.0, -67.0]\n    assumption: test theatre\n",
                              "  borders:\n    NL: {points: [[-32.0, -72.0], [-32.0, -68.0]], assumption: test}\n");
  text = replaced(text, "country: WL, lat: -34.5", "country: XW, lat: -34.5");
  const auto derived = load(text);
  ASSERT_TRUE(derived.ok()) << all_messages(derived.diagnostics);
  EXPECT_EQ(derived.scenario->geography.theatre.host_country, "XW");
  EXPECT_EQ(derived.scenario->geography.theatre.adversary_countries, std::vector<std::string>{"NL"});
}

TEST(Theatre, TheDefaultScenarioNamesItsTheatre) {
  const auto loaded = io::load_scenario_file(source_path("data/scenarios/mnf-ukraine.yaml"));
  ASSERT_TRUE(loaded.ok()) << all_messages(loaded.diagnostics);
  const Theatre& theatre = loaded.scenario->geography.theatre;
  EXPECT_TRUE(theatre.from_scenario);
  EXPECT_EQ(theatre.host_country, "UA");
  EXPECT_EQ(theatre.adversary_countries, (std::vector<std::string>{"RU", "BY"}));
  EXPECT_TRUE(theatre.provenance.documented());
}

TEST(Theatre, ASecondTheatreIsLaidDownOnItsOwnCountries) {
  const Laydown run = lay_down(theatre_text());
  EXPECT_EQ(run.result.host_country, "WL");
  // Portville, Midville and Borderton; Eastville is behind the line, Northtown is in Northland.
  EXPECT_EQ(run.coverage["territory"]["controlled_population"], 3500);
  ASSERT_EQ(run.coverage["hubs"].size(), 1u);
  EXPECT_EQ(run.coverage["hubs"][0]["id"], "capital");
  // Northcamp is 0.2° (~22 km) south of Northland's outline, the theatre's only adversary.
  const auto& rejected = run.coverage["rejected_hub_candidates"];
  ASSERT_EQ(rejected.size(), 1u);
  const std::string why = rejected[0];
  EXPECT_EQ(why.rfind("northcamp: ", 0), 0u) << why;
  EXPECT_NE(why.find("km from the border of Northland (minimum 50)"), std::string::npos) << why;
  const double border_km = run.coverage["hubs"][0]["distance_to_border_km"];
  EXPECT_NEAR(border_km, geo::distance_km({-34.5, -71.0}, {-32.0, -71.0}), 5.0);
  // The scenario gives no border lines: the note names the adversary from the reference geography.
  const auto& notes = run.coverage["notes"];
  EXPECT_TRUE(std::any_of(notes.begin(), notes.end(), [](const nlohmann::json& note) {
    return note.get<std::string>().find("Distances to the borders of Northland use the reference outlines") != std::string::npos;
  })) << notes.dump();
  // The capital and the harbour are the host's critical sites; the harbour is ~180 km from the hub.
  const auto& layers = run.coverage["layers"];
  const auto hub = std::find_if(layers.begin(), layers.end(), [](const nlohmann::json& l) { return l["name"] == "hub_reaction"; });
  ASSERT_NE(hub, layers.end());
  EXPECT_EQ((*hub)["sites_covered"], nlohmann::json::array({"capital"}));
  EXPECT_EQ((*hub)["sites_not_covered"], nlohmann::json::array({"harbour"}));
}

TEST(Theatre, TheMapShowsTheTheatresWindowAndHost) {
  const Laydown run = lay_down(theatre_text());
  EXPECT_NE(run.svg.find(svg_height(-37, -73, -31, -67)), std::string::npos) << run.svg.substr(0, 200);
  EXPECT_NE(run.svg.find(">Portville<"), std::string::npos);   // the host's places are named
  EXPECT_EQ(run.svg.find(">Northtown<"), std::string::npos);   // the adversary's are not
  EXPECT_NE(run.svg.find(">50 km<"), std::string::npos);       // a scale bar fitted to a 6° map
  // One country filled as the host.
  const auto first = run.svg.find("fill=\"#fdf6e3\"");
  ASSERT_NE(first, std::string::npos);
  EXPECT_EQ(run.svg.find("fill=\"#fdf6e3\"", first + 1), std::string::npos);
}

TEST(Theatre, WithoutAMapExtentTheMapFramesHostLineAndCorridor) {
  const Laydown run = lay_down(replaced(theatre_text(), "    map_extent: [-37.0, -73.0, -31.0, -67.0]\n", ""));
  // Westland -36..-32, -72..-68; the corridor reaches -73; 0.5° around.
  EXPECT_EQ(run.result.map_extent.south, -36.5);
  EXPECT_EQ(run.result.map_extent.west, -73.5);
  EXPECT_EQ(run.result.map_extent.north, -31.5);
  EXPECT_EQ(run.result.map_extent.east, -67.5);
  EXPECT_NE(run.svg.find(svg_height(-36.5, -73.5, -31.5, -67.5)), std::string::npos);
}

TEST(Theatre, AHostMissingFromTheReferenceGeographyIsInvalidInput) {
  const auto loaded = load(replaced(theatre_text(), "host_country: WL", "host_country: ZZ"));
  ASSERT_TRUE(loaded.ok()) << all_messages(loaded.diagnostics);
  Diagnostics diagnostics;
  const auto world = io::load_world_data(write_world(), diagnostics);
  ASSERT_TRUE(world.has_value());
  const ForcePackage package = package_from_pledges(*loaded.scenario);
  const auto result = geo::run_laydown(geo::LaydownInput{&*loaded.scenario, &package, &*world});
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.status().code(), StatusCode::invalid_input);
  EXPECT_NE(result.status().message().find("iso_a2 ZZ"), std::string::npos) << result.status().message();
}

struct BadTheatre {
  const char* name;
  const char* from;
  const char* to;
  const char* key;      // the key the diagnostic names
  const char* message;  // and part of what it says
};

class TheatreBadValue : public ::testing::TestWithParam<BadTheatre> {};

TEST_P(TheatreBadValue, NamesTheKey) {
  const BadTheatre& c = GetParam();
  const auto loaded = load(replaced(theatre_text(), c.from, c.to));
  EXPECT_FALSE(loaded.ok());
  bool found = false;
  for (const auto& d : loaded.diagnostics.all()) {
    found = found || (d.severity == Severity::error && d.key == c.key && d.message.find(c.message) != std::string::npos);
  }
  EXPECT_TRUE(found) << "want " << c.key << ": " << c.message << "\ngot:\n" << all_messages(loaded.diagnostics);
  for (const auto& d : loaded.diagnostics.all()) EXPECT_GT(d.where.line, 0) << format_diagnostic(d);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, TheatreBadValue,
    ::testing::Values(
        BadTheatre{"host_not_a_code", "host_country: WL", "host_country: Westland", "geography.theatre.host_country",
                   "'Westland' is not an ISO 3166-1 alpha-2 code"},
        BadTheatre{"host_lower_case", "host_country: WL", "host_country: wl", "geography.theatre.host_country", "not an ISO 3166-1"},
        BadTheatre{"host_missing", "    host_country: WL\n", "", "geography.theatre.host_country", ""},
        BadTheatre{"adversary_not_a_code", "adversary_countries: [NL]", "adversary_countries: [Northland]",
                   "geography.theatre.adversary_countries[0]", "not an ISO 3166-1"},
        BadTheatre{"adversary_is_host", "adversary_countries: [NL]", "adversary_countries: [NL, WL]",
                   "geography.theatre.adversary_countries[1]", "'WL' is the host country"},
        BadTheatre{"adversaries_not_a_list", "adversary_countries: [NL]", "adversary_countries: {NL: 1}",
                   "geography.theatre.adversary_countries", "expected a list"},
        BadTheatre{"extent_three_numbers", "map_extent: [-37.0, -73.0, -31.0, -67.0]", "map_extent: [-37.0, -73.0, -31.0]",
                   "geography.theatre.map_extent", "expected [south, west, north, east] (4 numbers), found 3 numbers"},
        BadTheatre{"extent_not_a_list", "map_extent: [-37.0, -73.0, -31.0, -67.0]", "map_extent: wide",
                   "geography.theatre.map_extent", "expected [south, west, north, east]"},
        BadTheatre{"south_out_of_range", "map_extent: [-37.0, -73.0, -31.0, -67.0]", "map_extent: [-97.0, -73.0, -31.0, -67.0]",
                   "geography.theatre.map_extent.south", "out of range [-90, 90]"},
        BadTheatre{"west_out_of_range", "map_extent: [-37.0, -73.0, -31.0, -67.0]", "map_extent: [-37.0, -273.0, -31.0, -67.0]",
                   "geography.theatre.map_extent.west", "out of range [-180, 180]"},
        BadTheatre{"north_not_a_number", "map_extent: [-37.0, -73.0, -31.0, -67.0]", "map_extent: [-37.0, -73.0, north, -67.0]",
                   "geography.theatre.map_extent.north", ""},
        BadTheatre{"east_out_of_range", "map_extent: [-37.0, -73.0, -31.0, -67.0]", "map_extent: [-37.0, -73.0, -31.0, 181.0]",
                   "geography.theatre.map_extent.east", "out of range [-180, 180]"},
        BadTheatre{"south_above_north", "map_extent: [-37.0, -73.0, -31.0, -67.0]", "map_extent: [-31.0, -73.0, -37.0, -67.0]",
                   "geography.theatre.map_extent", "south (-31) must be less than north (-37)"},
        BadTheatre{"west_beyond_east", "map_extent: [-37.0, -73.0, -31.0, -67.0]", "map_extent: [-37.0, -67.0, -31.0, -73.0]",
                   "geography.theatre.map_extent", "west (-67) must be less than east (-73)"},
        BadTheatre{"no_provenance", "    assumption: test theatre\n", "", "geography.theatre", "needs a 'source'"},
        BadTheatre{"unknown_key", "host_country: WL", "host_contry: WL", "geography.theatre.host_contry", "host_country"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(Theatre, EveryBadValueIsReportedInOneRun) {
  std::string text = replaced(theatre_text(), "host_country: WL", "host_country: Westland");
  text = replaced(text, "adversary_countries: [NL]", "adversary_countries: [nl]");
  text = replaced(text, "map_extent: [-37.0, -73.0, -31.0, -67.0]", "map_extent: [-31.0, -73.0, -37.0, -67.0]");
  const auto loaded = load(text);
  std::set<std::string> keys;
  for (const auto& d : loaded.diagnostics.all()) keys.insert(d.key);
  EXPECT_TRUE(keys.count("geography.theatre.host_country")) << all_messages(loaded.diagnostics);
  EXPECT_TRUE(keys.count("geography.theatre.adversary_countries[0]")) << all_messages(loaded.diagnostics);
  EXPECT_TRUE(keys.count("geography.theatre.map_extent")) << all_messages(loaded.diagnostics);
}

TEST(Theatre, AnUnknownSiteKindIsADiagnosticWithAHint) {
  const auto loaded = load(replaced(theatre_text(), "kind: port", "kind: prot"));
  EXPECT_FALSE(loaded.ok());
  bool found = false;
  for (const auto& d : loaded.diagnostics.all()) {
    found = found || (d.key == "geography.sites[2].kind" && d.message.find("did you mean 'port'") != std::string::npos);
  }
  EXPECT_TRUE(found) << all_messages(loaded.diagnostics);
}

}  // namespace
}  // namespace guarantor
