// Variants: overlays that set, append and remove keys of the base scenario.
#include "io/loader_fixture.hpp"
#include "guarantor/scenario/requirements.hpp"

namespace guarantor::testing {
namespace {

TEST(Variants, SetReplacesADriverValue) {
  auto result = load_text(minimal_text(), "small");
  ASSERT_TRUE(result.ok()) << all_messages(result.diagnostics);
  EXPECT_DOUBLE_EQ(*result.scenario->components[0].drivers.at("hubs").value, 1);
  EXPECT_EQ(result.scenario->info.variant, "small");
}

TEST(Variants, RemoveDeletesListItemsById) {
  auto result = load_text(minimal_text(), "no-france");
  ASSERT_TRUE(result.ok()) << all_messages(result.diagnostics);
  for (const auto& p : result.scenario->pledges) EXPECT_NE(p.nation, "FR");
  EXPECT_EQ(result.scenario->pledges.size(), 2u);
}

TEST(Variants, AppendAddsToAList) {
  auto result = load_text(minimal_text(), "extra");
  ASSERT_TRUE(result.ok()) << all_messages(result.diagnostics);
  ASSERT_EQ(result.scenario->pledges.size(), 5u);
  EXPECT_EQ(result.scenario->pledges.back().id, "PL-land");
}

TEST(Variants, TheBaseIsUnchangedWithoutAVariant) {
  auto result = load_text(minimal_text());
  ASSERT_TRUE(result.ok());
  EXPECT_DOUBLE_EQ(*result.scenario->components[0].drivers.at("hubs").value, 3);
  EXPECT_EQ(result.scenario->pledges.size(), 4u);
}

// A variant may set any registered parameter, whether or not the base file writes its section
// or key; the value is read with the registry's type and range, and params reports it as set.
TEST(Variants, SetsRegisteredParametersTheBaseFileDoesNotWrite) {
  const std::string text = replaced(minimal_text(), "      components.land.drivers.hubs: 1",
                                    "      components.land.drivers.hubs: 1\n"
                                    "      simulation.mandate: deterrence\n"
                                    "      simulation.deterrence.force_hazard_ratio: 0.7\n"
                                    "      laydown.min_distance_to_line_km: 80\n"
                                    "      plan.burden_basis: personnel");
  auto base = load_text(text);
  ASSERT_TRUE(base.ok()) << all_messages(base.diagnostics);
  EXPECT_EQ(base.scenario->simulation.mandate, Mandate::reassurance);
  auto result = load_text(text, "small");
  ASSERT_TRUE(result.ok()) << all_messages(result.diagnostics);
  EXPECT_EQ(result.scenario->simulation.mandate, Mandate::deterrence);
  EXPECT_DOUBLE_EQ(result.scenario->simulation.deterrence.force_hazard_ratio, 0.7);
  EXPECT_DOUBLE_EQ(result.scenario->laydown.min_distance_to_line_km, 80);
  EXPECT_FALSE(result.scenario->plan.burden_by_gdp);
  EXPECT_EQ(result.scenario->parameters_set.count("simulation.deterrence.force_hazard_ratio"), 1u);
}

TEST(Variants, ARegisteredParameterSetOutOfRangeIsAnErrorNamingTheKey) {
  const std::string text = replaced(minimal_text(), "      components.land.drivers.hubs: 1",
                                    "      simulation.deterrence.force_hazard_ratio: 1.5");
  auto result = load_text(text, "small");
  EXPECT_FALSE(result.ok());
  EXPECT_NE(find_error(result.diagnostics, "out of range"), nullptr) << all_messages(result.diagnostics);
  bool named = false;
  for (const auto& d : result.diagnostics.all()) named = named || d.key == "simulation.deterrence.force_hazard_ratio";
  EXPECT_TRUE(named) << all_messages(result.diagnostics);
}

TEST(Variants, UnknownVariantNameSuggestsOne) {
  auto result = load_text(minimal_text(), "smal");
  ASSERT_NE(find_error(result.diagnostics, "no variant named 'smal'"), nullptr);
  ASSERT_NE(find_error(result.diagnostics, "did you mean 'small'?"), nullptr);
}

TEST(Variants, PatchingAKeyThatDoesNotExistIsAnErrorEvenInTheBaseLoad) {
  const std::string text = replaced(minimal_text(), "components.land.drivers.hubs: 1", "components.land.drivers.hub: 1");
  auto result = load_text(text);
  const Diagnostic* d = find_error(result.diagnostics, "cannot patch 'components.land.drivers.hub'");
  ASSERT_NE(d, nullptr) << all_messages(result.diagnostics);
  EXPECT_NE(d->message.find("'components.land.drivers' has no 'hub'"), std::string::npos);
  EXPECT_EQ(d->key, "variants[small].set");
}

TEST(Variants, RemovingAMissingItemIsAnError) {
  auto result = load_text(replaced(minimal_text(), "remove: [pledges.FR-land", "remove: [pledges.FR-lnd"));
  ASSERT_NE(find_error(result.diagnostics, "cannot remove 'pledges.FR-lnd'"), nullptr) << all_messages(result.diagnostics);
}

TEST(Variants, AnInvalidPatchedValueIsReportedAtThePatch) {
  const std::string text = replaced(minimal_text(), "components.land.drivers.hubs: 1", "components.land.drivers.hubs: -1");
  auto result = load_text(text, "small");
  ASSERT_NE(find_error(result.diagnostics, "-1 is out of range"), nullptr) << all_messages(result.diagnostics);
}

TEST(Variants, ValidateChecksEveryVariant) {
  const std::string text = replaced(minimal_text(), "components.land.drivers.hubs: 1", "components.land.drivers.hubs: nope");
  const std::string path = write_temp_file("bad-variant.yaml", text);
  const Diagnostics diags = io::validate_scenario_file(path);
  ASSERT_NE(find_error(diags, "(with variant 'small')"), nullptr) << all_messages(diags);
}

}  // namespace
}  // namespace guarantor::testing
