// Nations' mandate cadences: `nations[].mandate` read with its provenance, bad values reported.
#include <algorithm>
#include <map>

#include "io/loader_fixture.hpp"

namespace guarantor::testing {
namespace {

const std::string kGbLand = "    land_personnel: {value: 75000, source: seed-004}\n";

// The minimal scenario with `mandate_yaml` (one line, indented as a nation key) added to GB.
std::string with_gb_mandate(const std::string& mandate_yaml) {
  return replaced(minimal_text(), kGbLand, kGbLand + "    " + mandate_yaml + "\n");
}

TEST(LoaderMandate, CadenceAndProvenanceAreRead) {
  auto result = load_text(with_gb_mandate("mandate: {cycle_months: 12, first_vote_month: 4, source: seed-004}"));
  ASSERT_TRUE(result.ok()) << all_messages(result.diagnostics);
  const Nation* gb = result.scenario->find_nation("GB");
  ASSERT_NE(gb, nullptr);
  ASSERT_TRUE(gb->mandate.has_value());
  EXPECT_DOUBLE_EQ(gb->mandate->cycle_months, 12);
  EXPECT_DOUBLE_EQ(gb->mandate->first_vote_month, 4);
  ASSERT_EQ(gb->mandate->provenance.sources.size(), 1u);
  EXPECT_EQ(gb->mandate->provenance.sources[0].file, "seeds/004_ce337ccca06c870f.txt");
  EXPECT_FALSE(result.scenario->find_nation("FR")->mandate.has_value()) << "no mandate key: a one-off approval";
}

TEST(LoaderMandate, FirstVoteDefaultsToNoneAndAnAssumptionIsProvenance) {
  auto result = load_text(with_gb_mandate("mandate: {cycle_months: 24, assumption: \"two-year windows\"}"));
  ASSERT_TRUE(result.ok()) << all_messages(result.diagnostics);
  const auto& mandate = result.scenario->find_nation("GB")->mandate;
  ASSERT_TRUE(mandate.has_value());
  EXPECT_DOUBLE_EQ(mandate->cycle_months, 24);
  EXPECT_DOUBLE_EQ(mandate->first_vote_month, 0);
  EXPECT_TRUE(mandate->provenance.assumption);
}

TEST(LoaderMandate, OutOfRangeCycleIsAnErrorNamingTheKey) {
  auto result = load_text(with_gb_mandate("mandate: {cycle_months: 121, source: seed-004}"));
  const Diagnostic* d = find_error(result.diagnostics, "121 is out of range [0, 120]");
  ASSERT_NE(d, nullptr) << all_messages(result.diagnostics);
  EXPECT_EQ(d->key, "nations[GB].mandate.cycle_months");
  EXPECT_FALSE(result.ok());
}

TEST(LoaderMandate, NegativeFirstVoteAndTextAreErrors) {
  auto negative = load_text(with_gb_mandate("mandate: {cycle_months: 0, first_vote_month: -1, source: seed-004}"));
  const Diagnostic* d = find_error(negative.diagnostics, "-1 is out of range");
  ASSERT_NE(d, nullptr) << all_messages(negative.diagnostics);
  EXPECT_EQ(d->key, "nations[GB].mandate.first_vote_month");
  auto text = load_text(with_gb_mandate("mandate: {cycle_months: yearly, source: seed-004}"));
  d = find_error(text.diagnostics, "expected a number");
  ASSERT_NE(d, nullptr) << all_messages(text.diagnostics);
  EXPECT_EQ(d->key, "nations[GB].mandate.cycle_months");
}

TEST(LoaderMandate, MissingProvenanceIsAnError) {
  auto result = load_text(with_gb_mandate("mandate: {cycle_months: 12}"));
  const Diagnostic* d = find_error(result.diagnostics, "a mandate cadence needs a 'source' or must be labelled 'assumption'");
  ASSERT_NE(d, nullptr) << all_messages(result.diagnostics);
  EXPECT_EQ(d->key, "nations[GB].mandate");
  EXPECT_EQ(result.diagnostics.all().size(), 1u) << all_messages(result.diagnostics);
}

TEST(LoaderMandate, MissingCycleAndUnknownKeysAreErrors) {
  auto missing = load_text(with_gb_mandate("mandate: {first_vote_month: 4, source: seed-004}"));
  const Diagnostic* d = find_error(missing.diagnostics, "required key is missing");
  ASSERT_NE(d, nullptr) << all_messages(missing.diagnostics);
  EXPECT_EQ(d->key, "nations[GB].mandate.cycle_months");
  auto unknown = load_text(with_gb_mandate("mandate: {cycle_month: 12, source: seed-004}"));
  ASSERT_NE(find_error(unknown.diagnostics, "nations[GB].mandate.cycle_month: unknown key"), nullptr)
      << all_messages(unknown.diagnostics);
  auto scalar = load_text(with_gb_mandate("mandate: 12"));
  ASSERT_NE(find_error(scalar.diagnostics, "nations[GB].mandate"), nullptr) << all_messages(scalar.diagnostics);
}

// The shipped scenario carries the cadences of research/adversary_cohesion.md §2 and §7, each
// citing that research file; nations the research does not cover have none.
TEST(LoaderMandate, ShippedScenarioHasTheResearchCadences) {
  io::LoadResult result = io::load_scenario_file(source_path("data/scenarios/mnf-ukraine.yaml"));
  ASSERT_TRUE(result.ok()) << all_messages(result.diagnostics);
  struct Expected {
    double cycle_months;
    double first_vote_month;
  };
  const std::map<std::string, Expected> research{
      {"DE", {12, 0}}, {"IT", {12, 0}}, {"SE", {12, 0}}, {"EE", {12, 0}}, {"LV", {12, 0}}, {"LT", {24, 0}},
      {"FR", {0, 4}},  {"GB", {0, 0}},  {"NL", {0, 0}},  {"ES", {0, 0}},  {"DK", {0, 0}},
  };
  for (const auto& nation : result.scenario->nations) {
    const auto expected = research.find(nation.code);
    if (expected == research.end()) {
      EXPECT_FALSE(nation.mandate.has_value()) << nation.code << " is not in the research's §2";
      continue;
    }
    ASSERT_TRUE(nation.mandate.has_value()) << nation.code;
    EXPECT_DOUBLE_EQ(nation.mandate->cycle_months, expected->second.cycle_months) << nation.code;
    EXPECT_DOUBLE_EQ(nation.mandate->first_vote_month, expected->second.first_vote_month) << nation.code;
    const auto& sources = nation.mandate->provenance.sources;
    EXPECT_TRUE(std::any_of(sources.begin(), sources.end(),
                            [](const Source& s) { return s.file == "research/adversary_cohesion.md"; }))
        << nation.code << " cites the research file";
  }
  for (const auto& [code, unused] : research) EXPECT_NE(result.scenario->find_nation(code), nullptr) << code;
}

}  // namespace
}  // namespace guarantor::testing
