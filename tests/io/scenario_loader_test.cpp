// The scenario loader: a valid file loads with its values; each class of bad input gets a clear
// diagnostic at the right file, line, column and key, and all errors are reported in one run.
#include <algorithm>

#include "io/loader_fixture.hpp"

namespace guarantor::testing {
namespace {

// 1-based line of the first occurrence of `needle` in `text`.
int line_of(const std::string& text, const std::string& needle) {
  const auto at = text.find(needle);
  return at == std::string::npos ? -1 : static_cast<int>(std::count(text.begin(), text.begin() + at, '\n')) + 1;
}

TEST(ScenarioLoader, LoadsTheMinimalScenario) {
  auto result = load_text(minimal_text());
  ASSERT_TRUE(result.ok()) << all_messages(result.diagnostics);
  const Scenario& s = *result.scenario;
  EXPECT_EQ(s.info.name, "minimal");
  ASSERT_EQ(s.nations.size(), 3u);
  EXPECT_EQ(s.nations[0].code, "GB");
  EXPECT_TRUE(s.nations[0].nato);
  EXPECT_TRUE(s.nations[0].nuclear_armed);
  EXPECT_DOUBLE_EQ(*s.nations[0].land_personnel.value, 75000);
  ASSERT_EQ(s.pledges.size(), 4u);
  const Pledge& fr = s.pledges[1];
  EXPECT_EQ(fr.status, PledgeStatus::conditional);
  EXPECT_DOUBLE_EQ(*fr.probability.value, 0.8);
  EXPECT_TRUE(fr.probability.provenance.assumption);
  ASSERT_EQ(fr.alternatives.size(), 1u);
  EXPECT_DOUBLE_EQ(*fr.alternatives[0].quantity.value, 6);
  EXPECT_FALSE(s.pledges[2].quantity.known()) << "`unknown` must stay unknown, not become 0";
  EXPECT_EQ(s.pledges[0].provenance.sources.at(0).file, "seeds/004_ce337ccca06c870f.txt");
  EXPECT_DOUBLE_EQ(s.unit_types[0].rotation_multiplier(), 5.0);  // (6 + 24) / 6
  ASSERT_EQ(s.geography.line_of_contact.points.size(), 4u);
  ASSERT_TRUE(s.geography.buffer_zone.has_value());
  EXPECT_EQ(s.variants.size(), 3u);
}

TEST(ScenarioLoader, YamlSyntaxErrorNamesLineAndColumn) {
  const std::string text = "guarantor: 1\nnations:\n  - code: GB\n    name: [unclosed\n";
  auto result = load_text(text);
  EXPECT_FALSE(result.ok());
  const Diagnostic* d = find_error(result.diagnostics, "YAML syntax error");
  ASSERT_NE(d, nullptr) << all_messages(result.diagnostics);
  EXPECT_EQ(d->where.file, "test.yaml");
  EXPECT_GE(d->where.line, 4);
}

TEST(ScenarioLoader, UnknownKeySuggestsTheClosestKnownKey) {
  const std::string text = replaced(minimal_text(), "    nuclear_armed: true\n    active_personnel: {value: 138000",
                                    "    nuclear_armd: true\n    active_personnel: {value: 138000");
  auto result = load_text(text);
  const Diagnostic* d = find_error(result.diagnostics, "unknown key (did you mean 'nuclear_armed'?)");
  ASSERT_NE(d, nullptr) << all_messages(result.diagnostics);
  EXPECT_EQ(d->where.line, line_of(text, "nuclear_armd"));
  EXPECT_EQ(d->where.column, 5);
  EXPECT_EQ(d->key, "nations[0].nuclear_armd");
}

TEST(ScenarioLoader, UnknownTopLevelKey) {
  auto result = load_text(minimal_text() + "pledgez: []\n");
  ASSERT_NE(find_error(result.diagnostics, "pledgez: unknown key (did you mean 'pledges'?)"), nullptr)
      << all_messages(result.diagnostics);
}

TEST(ScenarioLoader, WrongTypeIsReported) {
  const std::string text = replaced(minimal_text(), "troops_per_unit: 600", "troops_per_unit: lots");
  auto result = load_text(text);
  const Diagnostic* d = find_error(result.diagnostics, "expected a number, found 'lots'");
  ASSERT_NE(d, nullptr) << all_messages(result.diagnostics);
  EXPECT_EQ(d->key, "unit_types[0].troops_per_unit");
  EXPECT_EQ(d->where.line, line_of(text, "lots"));
}

TEST(ScenarioLoader, ScalarWhereListOrMappingExpected) {
  std::string text = replaced(minimal_text(), "memberships: [NATO]", "memberships: NATO");
  text = replaced(text, "as_of: \"2026-02-27\"", "as_of: [2026]");
  auto result = load_text(text);
  ASSERT_NE(find_error(result.diagnostics, "nations[0].memberships: expected a list, found 'NATO'"), nullptr)
      << all_messages(result.diagnostics);
  ASSERT_NE(find_error(result.diagnostics, "scenario.as_of: expected text, found a list"), nullptr)
      << all_messages(result.diagnostics);
}

TEST(ScenarioLoader, NegativeNumberIsOutOfRange) {
  const std::string text = replaced(minimal_text(), "quantity: 4", "quantity: -4");
  auto result = load_text(text);
  const Diagnostic* d = find_error(result.diagnostics, "-4 is out of range");
  ASSERT_NE(d, nullptr) << all_messages(result.diagnostics);
  EXPECT_EQ(d->key, "pledges[0].quantity");
  EXPECT_EQ(d->where.line, line_of(text, "quantity: -4"));
}

TEST(ScenarioLoader, MoreTroopsThanTheNationsLandForceIsAnError) {
  // 200 battalions of 600 = 120,000 troops > the UK's 75,000 land force.
  auto result = load_text(replaced(minimal_text(), "quantity: 4", "quantity: 200"));
  const Diagnostic* d = find_error(result.diagnostics, "more than United Kingdom's land force (75000)");
  ASSERT_NE(d, nullptr) << all_messages(result.diagnostics);
  EXPECT_EQ(d->key, "pledges[GB-land].quantity");
}

TEST(ScenarioLoader, ProbabilityOutsideZeroOneIsRejected) {
  auto result = load_text(replaced(minimal_text(), "probability: {value: 0.8", "probability: {value: 1.8"));
  ASSERT_NE(find_error(result.diagnostics, "1.8 is out of range [0, 1]"), nullptr) << all_messages(result.diagnostics);
}

TEST(ScenarioLoader, ValueOutsideAChoiceListsTheAllowedOnes) {
  std::string text = replaced(minimal_text(), "    date: \"2025-09-05\"\n",
                              "    date: \"2025-09-05\"\n    confidence: probable\n");
  text += "plan:\n  burden_basis: population\nsimulation:\n  mandate: peacekeeping\n  us_backstop: maybe\n";
  auto result = load_text(text);
  // Every bad choice is reported at once, each naming its key and the allowed values.
  for (const char* expected : {"sources[seed-004].confidence: must be 'verified' or 'uncertain'",
                               "plan.burden_basis: must be 'gdp' or 'personnel'",
                               "simulation.mandate: must be 'reassurance', 'deterrence' or 'interposition'",
                               "simulation.us_backstop: must be 'automatic', 'present', 'absent' or 'delayed'"}) {
    EXPECT_NE(find_error(result.diagnostics, expected), nullptr) << expected << "\n" << all_messages(result.diagnostics);
  }
  EXPECT_FALSE(result.ok());
}

TEST(ScenarioLoader, ChoicesAreReadIntoTheSettings) {
  std::string text = minimal_text() + "plan:\n  burden_basis: gdp\nsimulation:\n  mandate: interposition\n  us_backstop: delayed\n";
  auto result = load_text(text);
  ASSERT_TRUE(result.ok()) << all_messages(result.diagnostics);
  EXPECT_TRUE(result.scenario->plan.burden_by_gdp);
  EXPECT_EQ(result.scenario->simulation.mandate, Mandate::interposition);
  EXPECT_EQ(result.scenario->simulation.us_backstop, BackstopMode::delayed);
}

TEST(ScenarioLoader, UnknownNationReferenceSuggestsACode) {
  auto result = load_text(replaced(minimal_text(), "nation: GB", "nation: GR"));
  const Diagnostic* d = find_error(result.diagnostics, "unknown nation 'GR'");
  ASSERT_NE(d, nullptr) << all_messages(result.diagnostics);
  EXPECT_EQ(d->key, "pledges[GB-land].nation");
}

TEST(ScenarioLoader, UnknownUnitTypeReference) {
  auto result = load_text(replaced(minimal_text(), "unit_type: fighter_det", "unit_type: fighter_dett"));
  ASSERT_NE(find_error(result.diagnostics, "unknown unit type 'fighter_dett' (did you mean 'fighter_det'?)"), nullptr)
      << all_messages(result.diagnostics);
}

TEST(ScenarioLoader, UnknownComponentAndCapabilityReferences) {
  std::string text = replaced(minimal_text(), "capability: air_policing, driver", "capability: air_polcing, driver");
  auto result = load_text(text);
  ASSERT_NE(find_error(result.diagnostics, "no unit type provides capability 'air_polcing'"), nullptr)
      << all_messages(result.diagnostics);
}

TEST(ScenarioLoader, DuplicateIdIsReportedWithTheFirstDefinition) {
  const std::string text = replaced(minimal_text(), "id: FR-air", "id: FR-land");
  auto result = load_text(text);
  const Diagnostic* d = find_error(result.diagnostics, "duplicate id 'FR-land'");
  ASSERT_NE(d, nullptr) << all_messages(result.diagnostics);
  EXPECT_NE(d->message.find("first defined at line " + std::to_string(line_of(text, "- id: FR-land"))),
            std::string::npos);
}

TEST(ScenarioLoader, DuplicateKeyInAMapping) {
  auto result = load_text(replaced(minimal_text(), "    name: France\n", "    name: France\n    name: Francia\n"));
  ASSERT_NE(find_error(result.diagnostics, "nations[1].name: duplicate key"), nullptr) << all_messages(result.diagnostics);
}

TEST(ScenarioLoader, PledgeWithoutProvenanceIsAnError) {
  const std::string text = replaced(minimal_text(), "    status: declined\n    source: seed-004\n", "    status: declined\n");
  auto result = load_text(text);
  const Diagnostic* d = find_error(result.diagnostics, "a pledge needs its provenance");
  ASSERT_NE(d, nullptr) << all_messages(result.diagnostics);
  EXPECT_EQ(d->key, "pledges[PL-none]");
}

TEST(ScenarioLoader, UnknownSourceIdSuggestsARegisteredOne) {
  auto result = load_text(replaced(minimal_text(), "    status: declined\n    source: seed-004", "    status: declined\n    source: seed-04"));
  ASSERT_NE(find_error(result.diagnostics, "unknown source 'seed-04' (did you mean 'seed-004'?)"), nullptr)
      << all_messages(result.diagnostics);
}

TEST(ScenarioLoader, LatitudeAndLongitudeOutOfRange) {
  std::string text = replaced(minimal_text(), "lat: 50.45, lon: 30.5236", "lat: 95.45, lon: 30.5236");
  text = replaced(text, "lat: 49.8419, lon: 24.0315", "lat: 49.8419, lon: 240.0315");
  auto result = load_text(text);
  ASSERT_NE(find_error(result.diagnostics, "geography.sites[0].lat: 95.45 is out of range [-90, 90]"), nullptr)
      << all_messages(result.diagnostics);
  ASSERT_NE(find_error(result.diagnostics, "geography.sites[1].lon: 240.0315 is out of range [-180, 180]"), nullptr)
      << all_messages(result.diagnostics);
}

TEST(ScenarioLoader, PolylinePointOutOfRange) {
  auto result = load_text(replaced(minimal_text(), "[[50.3, 37.5]", "[[50.3, 197.5]"));
  ASSERT_NE(find_error(result.diagnostics, "geography.line_of_contact.points.lon: 197.5 is out of range"), nullptr)
      << all_messages(result.diagnostics);
}

TEST(ScenarioLoader, LineOfContactNeedsTwoPoints) {
  auto result = load_text(replaced(minimal_text(), "[[50.3, 37.5], [48.5, 37.8], [47.5, 35.5], [46.6, 32.6]]", "[[50.3, 37.5]]"));
  ASSERT_NE(find_error(result.diagnostics, "needs at least 2 points, found 1"), nullptr) << all_messages(result.diagnostics);
}

TEST(ScenarioLoader, SelfIntersectingBufferZoneIsRejected) {
  // A bow tie: the second and fourth edges cross.
  auto result = load_text(replaced(minimal_text(), "[[50.4, 37.3], [50.4, 37.7], [46.5, 32.8], [46.5, 32.4]]",
                                   "[[50.4, 37.3], [50.4, 37.7], [46.5, 32.4], [46.5, 32.8]]"));
  ASSERT_NE(find_error(result.diagnostics, "the polygon intersects itself"), nullptr) << all_messages(result.diagnostics);
}

TEST(ScenarioLoader, HubCandidateInsideTheBufferZoneIsRejected) {
  // Move Lviv into the band between the two polygon edges (48.4 N, 35.0 E).
  auto result = load_text(replaced(minimal_text(), "lat: 49.8419, lon: 24.0315", "lat: 48.4, lon: 35.0"));
  ASSERT_NE(find_error(result.diagnostics, "a hub candidate lies inside the buffer zone"), nullptr)
      << all_messages(result.diagnostics);
}

TEST(ScenarioLoader, UnknownConditionSuggestsOne) {
  auto result = load_text(replaced(minimal_text(), "conditions: [ceasefire]", "conditions: [ceasfire]"));
  ASSERT_NE(find_error(result.diagnostics, "unknown condition 'ceasfire' (did you mean 'ceasefire'?)"), nullptr)
      << all_messages(result.diagnostics);
}

TEST(ScenarioLoader, ProbabilityNeedsASourceOrAssumption) {
  auto result = load_text(replaced(minimal_text(), "probability: {value: 0.8, assumption: \"test value\"}", "probability: 0.8"));
  ASSERT_NE(find_error(result.diagnostics, "a probability needs a 'source' or must be labelled 'assumption'"), nullptr)
      << all_messages(result.diagnostics);
}

TEST(ScenarioLoader, EmptyFile) {
  for (const std::string text : {"", "  \n\n\t\n"}) {
    auto result = load_text(text);
    ASSERT_NE(find_error(result.diagnostics, "the file is empty"), nullptr);
    EXPECT_FALSE(result.scenario.has_value());
  }
}

TEST(ScenarioLoader, NotUtf8NamesTheFirstBadByte) {
  const std::string text = "guarantor: 1\nscenario:\n  name: caf\xE9\n";
  auto result = load_text(text);
  const Diagnostic* d = find_error(result.diagnostics, "not valid UTF-8");
  ASSERT_NE(d, nullptr) << all_messages(result.diagnostics);
  EXPECT_EQ(d->where.line, 3);
  EXPECT_EQ(d->where.column, 12);
}

TEST(ScenarioLoader, FileLargerThanTheLimit) {
  io::LoadOptions options;
  options.max_bytes = 64;
  auto result = io::load_scenario_text(std::string(100, '#'), "big.yaml", options);
  ASSERT_NE(find_error(result.diagnostics, "scenario files are limited to"), nullptr) << all_messages(result.diagnostics);
}

TEST(ScenarioLoader, TopLevelMustBeAMapping) {
  auto result = load_text("- just\n- a list\n");
  ASSERT_NE(find_error(result.diagnostics, "expected a mapping at the top of the file"), nullptr);
}

TEST(ScenarioLoader, UnsupportedFormatVersion) {
  auto result = load_text(replaced(minimal_text(), "guarantor: 1", "guarantor: 7"));
  ASSERT_NE(find_error(result.diagnostics, "unsupported format version 7"), nullptr);
}

TEST(ScenarioLoader, ReportsAllErrorsInOneRun) {
  std::string text = replaced(minimal_text(), "quantity: 4", "quantity: -4");
  text = replaced(text, "nuclear_armed: true", "nuclear_armd: true");
  text = replaced(text, "lat: 50.45", "lat: 150.45");
  text = replaced(text, "troops_per_unit: 150", "troops_per_unit: many");
  auto result = load_text(text);
  EXPECT_GE(result.diagnostics.error_count(), 4u) << all_messages(result.diagnostics);
  EXPECT_NE(find_error(result.diagnostics, "-4 is out of range"), nullptr);
  EXPECT_NE(find_error(result.diagnostics, "nuclear_armd"), nullptr);
  EXPECT_NE(find_error(result.diagnostics, "150.45 is out of range"), nullptr);
  EXPECT_NE(find_error(result.diagnostics, "found 'many'"), nullptr);
}

TEST(ScenarioLoader, DeeplyNestedInputIsAnErrorNotACrash) {
  const std::string text = "guarantor: 1\nnations: " + std::string(20000, '[') + std::string(20000, ']') + "\n";
  auto result = load_text(text);
  EXPECT_FALSE(result.ok());
  EXPECT_TRUE(result.diagnostics.has_errors());
}

}  // namespace
}  // namespace guarantor::testing
