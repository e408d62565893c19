// guarantor laydown end to end on the hand-built test world, and bad input through the CLI.
#include <numbers>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "guarantor/geo/geodesy.hpp"
#include "support/cli_runner.hpp"

namespace guarantor {
namespace {

using testing::read_file;
using testing::run_cli;
using testing::source_path;

std::string fixture() { return read_file(source_path("tests/data/geo/laydown.yaml")); }

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

testing::CliResult laydown(const std::string& scenario_path, const std::string& out) {
  return run_cli({"laydown", scenario_path, "--out", out, "--geo-data", source_path("tests/data/geo/world"), "--json"});
}

class LaydownRun : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    out_ = new std::string(testing::temp_dir("laydown-run"));
    result_ = new testing::CliResult(laydown(source_path("tests/data/geo/laydown.yaml"), *out_));
    coverage_ = new nlohmann::json(nlohmann::json::parse(result_->out, nullptr, false));
  }
  static void TearDownTestSuite() { delete out_, delete result_, delete coverage_; }
  const nlohmann::json& layer(const std::string& name) {
    for (const auto& l : (*coverage_)["layers"]) {
      if (l["name"] == name) return l;
    }
    static const nlohmann::json none;
    ADD_FAILURE() << "no layer " << name;
    return none;
  }
  static std::string* out_;
  static testing::CliResult* result_;
  static nlohmann::json* coverage_;
};
std::string* LaydownRun::out_ = nullptr;
testing::CliResult* LaydownRun::result_ = nullptr;
nlohmann::json* LaydownRun::coverage_ = nullptr;

TEST_F(LaydownRun, WritesTheThreeFiles) {
  ASSERT_EQ(result_->exit_code, 0) << result_->err;
  EXPECT_EQ(read_file(*out_ + "/coverage.json"), result_->out);
  const auto geojson = nlohmann::json::parse(read_file(*out_ + "/laydown.geojson"));
  EXPECT_EQ(geojson["type"], "FeatureCollection");
  const std::string svg = read_file(*out_ + "/map.svg");
  EXPECT_NE(svg.find("<svg"), std::string::npos);
  EXPECT_NE(svg.find("Line of contact"), std::string::npos);
  EXPECT_NE(svg.find("Hub Capital"), std::string::npos);
  EXPECT_NE(svg.find("Legend"), std::string::npos);
}

TEST_F(LaydownRun, TheOccupiedSideIsLeftOut) {
  // Easttown (5,000, east of the line at 33.5°E) is behind the line; Westtown + Midtown = 3,000.
  EXPECT_EQ((*coverage_)["territory"]["controlled_population"], 3000);
}

TEST_F(LaydownRun, OneHubFarFromTheLine) {
  // One hub (the land component's driver). Nearline is 36 km from the line, under the 100 km minimum.
  ASSERT_EQ((*coverage_)["hubs"].size(), 1u);
  const auto& hub = (*coverage_)["hubs"][0];
  const std::string id = hub["id"];
  EXPECT_NE(id, "nearline");
  const LatLon at{hub["lat"], hub["lon"]};
  EXPECT_NEAR(hub["distance_to_line_km"].get<double>(), geo::distance_to_polyline_km(at, {{50.5, 33.5}, {47.5, 33.5}}), 0.06);
  // The line runs along a meridian, so the distance is the geodesic to the same latitude on it.
  EXPECT_NEAR(hub["distance_to_line_km"].get<double>(), geo::distance_km(at, {at.lat, 33.5}), 0.5);
}

TEST_F(LaydownRun, ReactionTimeMaxIsTheFarthestEndOfTheLine) {
  // max = notice (60) + road factor (1.3) × distance to the farther end of the line / 50 km/h × 60.
  const auto& hub = (*coverage_)["hubs"][0];
  const LatLon at{hub["lat"], hub["lon"]};
  const double far = std::max(geo::distance_km(at, {50.5, 33.5}), geo::distance_km(at, {47.5, 33.5}));
  EXPECT_NEAR((*coverage_)["reaction_time_minutes"]["max"].get<double>(), 60 + 1.3 * far / 50 * 60, 0.1);
  EXPECT_LE((*coverage_)["reaction_time_minutes"]["p50"].get<double>(), (*coverage_)["reaction_time_minutes"]["p90"].get<double>());
}

TEST_F(LaydownRun, CorridorClearanceIsAreaOverRate) {
  // One degree of the equator (111.319 km) × 2 km wide / (2 minehunters × 1.2 km²/day, the rate the
  // plan's minehunter requirement uses) = 92.8 days.
  EXPECT_NEAR((*coverage_)["corridor_clearance_days"].get<double>(), 6378.137 * std::numbers::pi / 180 * 2 / (2 * 1.2), 0.05);
}

TEST_F(LaydownRun, LayersHaveTheRequiredFields) {
  for (const char* name : {"air_defence", "air_defence_low", "air_policing", "aew", "isr_monitoring", "monitoring_teams", "hub_reaction"}) {
    const auto& l = layer(name);
    EXPECT_TRUE(l.contains("population_covered")) << name;
    EXPECT_TRUE(l.contains("population_share")) << name;
    EXPECT_TRUE(l.contains("area_share")) << name;
    EXPECT_TRUE(l.contains("sites_covered")) << name;
  }
  // One detachment is short of a CAP station (7): it stands quick-reaction alert at the one airbase,
  // (30 − 15) min × 900 km/h = 225 km, which covers the whole west.
  EXPECT_EQ(layer("air_policing")["population_covered"], 3000);
  EXPECT_EQ(layer("air_policing")["emitters"], 1);
  EXPECT_TRUE((*coverage_)["cap_stations"].empty());
  // Two ISR orbits at 1/4 and 3/4 of the 333 km line (49.75°N and 48.25°N), 15 km behind it, with
  // 120 km footprints reach ±118 km along the line: the buffer zone inside the 48–50°N outline is all seen.
  EXPECT_NEAR(layer("isr_monitoring")["buffer_zone_share"].get<double>(), 1.0, 1e-9);
  // The low-level layer can never cover more than the engagement-range layer.
  EXPECT_LE(layer("air_defence_low")["area_covered_km2"].get<double>(), layer("air_defence")["area_covered_km2"].get<double>());
}

TEST_F(LaydownRun, TradeoffCurveNeverRisesWithDistance) {
  const auto& curve = (*coverage_)["siting_tradeoff"];
  ASSERT_EQ(curve.size(), 2u);
  EXPECT_GE(curve[0]["coverage_share"].get<double>(), curve[1]["coverage_share"].get<double>());
  EXPECT_EQ(curve[0]["candidates"], 3);
  EXPECT_EQ(curve[1]["candidates"], 2);
}

TEST(LaydownCli, SameInputSameBytes) {
  const std::string a = testing::temp_dir("laydown-a"), b = testing::temp_dir("laydown-b");
  ASSERT_EQ(laydown(source_path("tests/data/geo/laydown.yaml"), a).exit_code, 0);
  ASSERT_EQ(laydown(source_path("tests/data/geo/laydown.yaml"), b).exit_code, 0);
  for (const char* f : {"/coverage.json", "/laydown.geojson", "/map.svg"}) EXPECT_EQ(read_file(a + f), read_file(b + f)) << f;
}

struct BadCase {
  const char* name;
  const char* from;
  const char* to;
  const char* message;
};

class LaydownBadInput : public ::testing::TestWithParam<BadCase> {};

TEST_P(LaydownBadInput, ClearMessageAndExitStatus2) {
  const BadCase& c = GetParam();
  const std::string path = testing::write_temp_file(std::string("bad-") + c.name + ".yaml", replaced(fixture(), c.from, c.to));
  const auto result = laydown(path, testing::temp_dir(std::string("bad-out-") + c.name));
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_NE(result.err.find(path), std::string::npos) << result.err;  // FILE:LINE:COL
  EXPECT_NE(result.err.find(c.message), std::string::npos) << result.err;
  EXPECT_TRUE(result.out.empty());
}

INSTANTIATE_TEST_SUITE_P(
    Cases, LaydownBadInput,
    ::testing::Values(
        BadCase{"latitude", "lat: 49.5, lon: 31.0", "lat: 95.5, lon: 31.0", "geography.sites[1].lat"},
        BadCase{"longitude", "lat: 49.5, lon: 31.0", "lat: 49.5, lon: 191.0", "geography.sites[1].lon"},
        BadCase{"line_point", "[[50.5, 33.5], [47.5, 33.5]]", "[[50.5, 33.5], [-97.5, 33.5]]", "geography.line_of_contact.points"},
        BadCase{"short_line", "[[50.5, 33.5], [47.5, 33.5]]", "[[50.5, 33.5]]", "needs at least 2 points, found 1"},
        BadCase{"self_intersecting", "[[50.4, 33.4], [50.4, 33.6], [47.6, 33.6], [47.6, 33.4]]",
                "[[50.4, 33.4], [47.6, 33.6], [50.4, 33.6], [47.6, 33.4]]", "the polygon intersects itself"},
        BadCase{"hub_in_buffer", "lat: 49.0, lon: 33.0, hub_candidate: true", "lat: 49.0, lon: 33.5, hub_candidate: true",
                "inside the buffer zone"},
        BadCase{"short_corridor", "points: [[0, 0], [0, 1]]", "points: [[0, 0]]", "laydown.corridor.points"},
        BadCase{"unknown_key", "corridor_width_km: 2", "corridor_widht_km: 2", "corridor_width_km"},
        BadCase{"negative_rate", "corridor_width_km: 2", "mcm_area_rate_km2_per_day: -1", "laydown.mcm_area_rate_km2_per_day"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(LaydownCli, MissingPlanFileIsInvalidInput) {
  const auto result = run_cli({"laydown", source_path("tests/data/geo/laydown.yaml"), "--plan", "/nonexistent/plan.json",
                               "--geo-data", source_path("tests/data/geo/world"), "--out", testing::temp_dir("laydown-noplan")});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("plan.json"), std::string::npos) << result.err;
}

TEST(LaydownCli, MinimalScenarioOnTheShippedGeography) {
  const std::string out = testing::temp_dir("laydown-minimal");
  const auto result = run_cli({"laydown", source_path("tests/data/minimal.yaml"), "--out", out, "--json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto coverage = nlohmann::json::parse(result.out);
  EXPECT_FALSE(coverage["hubs"].empty());
  EXPECT_GT(coverage["territory"]["controlled_population"].get<double>(), 1e7);
}

}  // namespace
}  // namespace guarantor
