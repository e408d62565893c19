// The reference class of the baseline hazard (`simulation.baseline`, `simulation.baseline_hazard.*`),
// the politics start date and `nations[].elections`: read, and every kind of bad input reported
// with file, line, column and key, all at once, exit 2.
#include "guarantor/scenario/parameters.hpp"
#include "guarantor/scenario/reference_classes.hpp"
#include "guarantor/core/calendar.hpp"
#include "io/loader_fixture.hpp"

namespace guarantor::testing {
namespace {

const std::string kGbLand = "    land_personnel: {value: 75000, source: seed-004}\n";

std::string with_simulation(const std::string& body) { return minimal_text() + "simulation:\n" + body; }

// The minimal scenario with `elections_yaml` (lines indented as GB's keys) added to GB.
std::string with_gb_elections(const std::string& elections_yaml) {
  return replaced(minimal_text(), kGbLand, kGbLand + elections_yaml);
}

TEST(LoaderBaseline, DefaultIsFortnaCivilWar) {
  auto result = load_text(minimal_text());
  ASSERT_TRUE(result.ok()) << all_messages(result.diagnostics);
  const auto& s = result.scenario->simulation;
  EXPECT_EQ(s.baseline_class, BaselineClass::fortna_civil_war);
  EXPECT_DOUBLE_EQ(s.baseline.weibull_shape, 0.29753);
  EXPECT_DOUBLE_EQ(s.baseline.weibull_scale_days, 4030.5);
}

TEST(LoaderBaseline, NamedClassSetsItsPreset) {
  for (const auto& c : reference_classes()) {
    auto result = load_text(with_simulation("  baseline: " + c.key + "\n"));
    ASSERT_TRUE(result.ok()) << c.key << "\n" << all_messages(result.diagnostics);
    const auto& s = result.scenario->simulation;
    EXPECT_EQ(s.baseline_class, c.id) << c.key;
    EXPECT_DOUBLE_EQ(s.baseline.weibull_shape, c.hazard.weibull_shape) << c.key;
    EXPECT_DOUBLE_EQ(s.baseline.weibull_scale_days, c.hazard.weibull_scale_days) << c.key;
  }
  auto donbas = load_text(with_simulation("  baseline: donbas-recommitments\n"));
  ASSERT_TRUE(donbas.ok());
  EXPECT_DOUBLE_EQ(donbas.scenario->simulation.baseline.weibull_shape, 1.0);
  EXPECT_DOUBLE_EQ(donbas.scenario->simulation.baseline.weibull_scale_days, 14.0);
}

TEST(LoaderBaseline, HazardValuesMakeTheClassCustom) {
  auto result = load_text(with_simulation("  baseline_hazard: {weibull_shape: 1, weibull_scale_days: 500}\n"));
  ASSERT_TRUE(result.ok()) << all_messages(result.diagnostics);
  const auto& s = result.scenario->simulation;
  EXPECT_EQ(s.baseline_class, BaselineClass::custom);
  EXPECT_DOUBLE_EQ(s.baseline.weibull_shape, 1);
  EXPECT_DOUBLE_EQ(s.baseline.weibull_scale_days, 500);
  auto explicit_custom =
      load_text(with_simulation("  baseline: custom\n  baseline_hazard: {weibull_shape: 1, weibull_scale_days: 500}\n"));
  ASSERT_TRUE(explicit_custom.ok()) << all_messages(explicit_custom.diagnostics);
  EXPECT_EQ(explicit_custom.scenario->simulation.baseline_class, BaselineClass::custom);
}

TEST(LoaderBaseline, AVariantCanNameAClass) {
  const std::string text = minimal_text() +
                           "  - name: interstate\n    description: interstate baseline\n    assumption: test\n"
                           "    set:\n      simulation.baseline: interstate\n";
  auto result = load_text(text, "interstate");
  ASSERT_TRUE(result.ok()) << all_messages(result.diagnostics);
  EXPECT_EQ(result.scenario->simulation.baseline_class, BaselineClass::interstate);
  EXPECT_NEAR(result.scenario->simulation.baseline.weibull_scale_days, 16000, 50);
}

TEST(LoaderBaseline, UnknownClassIsAnErrorNamingTheKey) {
  auto result = load_text(with_simulation("  baseline: civil-war\n"));
  EXPECT_FALSE(result.ok());
  const Diagnostic* d = find_error(result.diagnostics, "must be 'fortna-civil-war', 'interstate', 'donbas-recommitments' or 'custom'");
  ASSERT_NE(d, nullptr) << all_messages(result.diagnostics);
  EXPECT_EQ(d->key, "simulation.baseline");
  EXPECT_EQ(d->where.file, "test.yaml");
  EXPECT_GT(d->where.line, 1);
  EXPECT_GT(d->where.column, 0);
}

TEST(LoaderBaseline, NamedClassAndHazardValuesTogetherAreAnError) {
  auto result = load_text(with_simulation("  baseline: interstate\n  baseline_hazard: {weibull_shape: 1}\n"));
  EXPECT_FALSE(result.ok());
  const Diagnostic* d = find_error(result.diagnostics, "set either simulation.baseline");
  ASSERT_NE(d, nullptr) << all_messages(result.diagnostics);
  EXPECT_EQ(d->key, "simulation.baseline");
}

TEST(LoaderBaseline, CustomWithoutHazardValuesIsAnError) {
  auto result = load_text(with_simulation("  baseline: custom\n"));
  EXPECT_FALSE(result.ok());
  ASSERT_NE(find_error(result.diagnostics, "'custom' needs simulation.baseline_hazard"), nullptr)
      << all_messages(result.diagnostics);
}

TEST(LoaderPolitics, StartDateIsRead) {
  auto result = load_text(with_simulation("  politics: {start_date: \"2026-09-01\", snap_election_rate_per_year: 0.2}\n"));
  ASSERT_TRUE(result.ok()) << all_messages(result.diagnostics);
  EXPECT_EQ(result.scenario->simulation.politics.start_date, "2026-09-01");
  EXPECT_DOUBLE_EQ(result.scenario->simulation.politics.snap_election_rate_per_year, 0.2);
}

TEST(LoaderPolitics, BadStartDatesAreErrorsNamingTheKey) {
  for (const std::string bad : {"2027-02-30", "2027-13-01", "1 Jan 2027", "20270101", "1999-12-31"}) {
    auto result = load_text(with_simulation("  politics: {start_date: \"" + bad + "\"}\n"));
    EXPECT_FALSE(result.ok()) << bad;
    bool found = false;
    for (const auto& d : result.diagnostics.all()) {
      if (d.severity == Severity::error && d.key == "simulation.politics.start_date") {
        found = true;
        EXPECT_GT(d.where.line, 1) << bad;
        EXPECT_NE(d.message.find(bad), std::string::npos) << d.message;
      }
    }
    EXPECT_TRUE(found) << bad << "\n" << all_messages(result.diagnostics);
  }
}

TEST(LoaderElections, DatesKindsAndSourcesAreRead) {
  auto result = load_text(with_gb_elections(
      "    elections:\n"
      "      - {date: \"2029-08-15\", kind: general, source: seed-004, note: \"no later than\"}\n"
      "      - {date: \"2027-05-02\", kind: by-election, sources: [{outlet: \"An outlet\", date: \"2026-06-30\"}]}\n"));
  ASSERT_TRUE(result.ok()) << all_messages(result.diagnostics);
  const Nation* gb = result.scenario->find_nation("GB");
  ASSERT_NE(gb, nullptr);
  ASSERT_EQ(gb->elections.size(), 2u);
  EXPECT_EQ(gb->elections[0].date, "2029-08-15");
  EXPECT_EQ(gb->elections[0].kind, "general");
  EXPECT_TRUE(gb->elections[0].provenance.sourced());
  EXPECT_EQ(gb->elections[0].provenance.note, "no later than");
  EXPECT_EQ(gb->elections[1].provenance.sources.at(0).outlet, "An outlet");
  EXPECT_GT(gb->elections[1].where.line, gb->elections[0].where.line);
  EXPECT_TRUE(result.scenario->find_nation("FR")->elections.empty());
}

TEST(LoaderElections, EveryBadEntryIsReportedAtOnce) {
  auto result = load_text(with_gb_elections(
      "    elections:\n"
      "      - {date: \"2027-02-30\", kind: general, source: seed-004}\n"
      "      - {date: \"2027-04-18\", kind: presidential}\n"
      "      - {date: \"2027-04-18\", kind: presidential, assumption: \"a guess\"}\n"
      "      - {kind: general, source: seed-004}\n"
      "      - {date: \"2027-04-18\", kind: general, source: seed-004, when: soon}\n"));
  EXPECT_FALSE(result.ok());
  const Diagnostic* bad_date = find_error(result.diagnostics, "'2027-02-30' is not a date");
  ASSERT_NE(bad_date, nullptr) << all_messages(result.diagnostics);
  EXPECT_EQ(bad_date->key, "nations[GB].elections[0].date");
  EXPECT_EQ(bad_date->where.file, "test.yaml");
  EXPECT_GT(bad_date->where.line, 1);
  EXPECT_GT(bad_date->where.column, 0);
  int unsourced = 0;
  for (const auto& d : result.diagnostics.all()) {
    if (d.severity == Severity::error && d.message.find("needs its source") != std::string::npos) {
      ++unsourced;
      EXPECT_TRUE(d.key == "nations[GB].elections[1]" || d.key == "nations[GB].elections[2]") << d.key;
    }
  }
  EXPECT_EQ(unsourced, 2) << "an assumption is not a source for a date: " << all_messages(result.diagnostics);
  ASSERT_NE(find_error(result.diagnostics, "nations[GB].elections[3].date"), nullptr) << all_messages(result.diagnostics);
  ASSERT_NE(find_error(result.diagnostics, "when"), nullptr) << "unknown keys are errors\n"
                                                            << all_messages(result.diagnostics);
}

TEST(LoaderElections, NotAListIsAnError) {
  auto result = load_text(with_gb_elections("    elections: {date: \"2027-04-18\"}\n"));
  EXPECT_FALSE(result.ok());
  const Diagnostic* d = find_error(result.diagnostics, "expected a list");
  ASSERT_NE(d, nullptr) << all_messages(result.diagnostics);
  EXPECT_EQ(d->key, "nations[GB].elections");
}

TEST(LoaderElections, CliExitsTwoAndListsEveryProblem) {
  const std::string path = write_temp_file(
      "elections-bad.yaml",
      with_gb_elections("    elections:\n      - {date: \"2027-02-30\", kind: general, source: seed-004}\n"
                        "      - {date: \"2027-04-18\", kind: general}\n") +
          "simulation:\n  baseline: nonsense\n  politics: {start_date: \"2027-1-1\"}\n");
  const CliResult run = run_cli({"validate", path});
  EXPECT_EQ(run.exit_code, 2) << run.err;
  for (const std::string key : {"nations[GB].elections[0].date", "nations[GB].elections[1]", "simulation.baseline",
                                "simulation.politics.start_date"}) {
    EXPECT_NE(run.err.find(": error: " + key), std::string::npos) << key << "\n" << run.err;
  }
}

TEST(LoaderElections, ShippedScenarioHasTheFrenchPresidentialElection) {
  auto result = io::load_scenario_file(source_path("data/scenarios/mnf-ukraine.yaml"));
  ASSERT_TRUE(result.ok()) << all_messages(result.diagnostics);
  const Nation* fr = result.scenario->find_nation("FR");
  ASSERT_NE(fr, nullptr);
  ASSERT_EQ(fr->elections.size(), 2u);
  EXPECT_EQ(fr->elections[0].date, "2027-04-18");
  EXPECT_EQ(fr->elections[1].date, "2027-05-02");
  for (const auto& n : result.scenario->nations) {
    for (const auto& e : n.elections) {
      EXPECT_TRUE(day_number(e.date).has_value()) << n.code << " " << e.date;
      EXPECT_TRUE(e.provenance.sourced()) << n.code << " " << e.date;
    }
  }
  EXPECT_EQ(result.scenario->simulation.baseline_class, BaselineClass::fortna_civil_war);
}

}  // namespace
}  // namespace guarantor::testing

namespace guarantor::testing {
namespace {

// The sensitivity analysis moves the start date over its plausible range (day numbers).
TEST(RegistryDate, StartDateMovesOverItsPlausibleRangeAsADate) {
  const params::Parameter* p = params::find("simulation.politics.start_date");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->kind, params::Kind::date);
  EXPECT_EQ(p->label, params::Label::assumption);
  Scenario scenario;
  ASSERT_TRUE(params::set_from_unit(*p, scenario, 0).ok());
  EXPECT_EQ(scenario.simulation.politics.start_date, "2026-07-01");
  ASSERT_TRUE(params::set_from_unit(*p, scenario, 1).ok());
  EXPECT_EQ(scenario.simulation.politics.start_date, "2027-07-01");
  EXPECT_EQ(params::format_value(params::value_of(*p, scenario)), "2027-07-01");
  for (const auto& row : params::list_parameters(Scenario{})) {
    if (row.key != p->key) continue;
    EXPECT_EQ(params::format_value(row.plausible_low), "2026-07-01");
    EXPECT_EQ(params::format_value(row.plausible_high), "2027-07-01");
  }
}

}  // namespace
}  // namespace guarantor::testing
