// The model takes each contributor's mandate cadence from the scenario's `nations[].mandate`,
// and `simulation.nations[]` overrides it.
#include <algorithm>
#include <cmath>

#include "guarantor/io/scenario_io.hpp"
#include "guarantor/sim/model.hpp"
#include "sim_fixture.hpp"

namespace guarantor::testing {
namespace {

const std::string kGbLand = "    land_personnel: {value: 75000, source: seed-004}\n";

Scenario load_minimal_with(const std::string& gb_mandate_yaml, const std::string& extra_yaml = "") {
  std::string text = read_file(source_path("tests/data/minimal.yaml"));
  const auto at = text.find(kGbLand);
  EXPECT_NE(at, std::string::npos);
  text.insert(at + kGbLand.size(), "    " + gb_mandate_yaml + "\n");
  text += extra_yaml;
  io::LoadResult result = io::load_scenario_text(text, "cadence.yaml");
  for (const auto& d : result.diagnostics.all()) ADD_FAILURE() << format_diagnostic(d);
  return result.ok() ? *result.scenario : Scenario{};
}

const sim::NationModel& nation(const sim::Model& model, const std::string& code) {
  auto it = std::find_if(model.nations.begin(), model.nations.end(), [&](const auto& n) { return n.code == code; });
  EXPECT_NE(it, model.nations.end()) << code;
  return *it;
}

std::vector<double> renewal_days(const sim::Model& model, const std::string& code) {
  const int index = static_cast<int>(&nation(model, code) - model.nations.data());
  std::vector<double> days;
  for (const auto& e : model.schedule) {
    if (e.kind == sim::ScheduledKind::renewal && e.nation == index) days.push_back(e.day);
  }
  return days;
}

TEST(SimCadence, TheModelReadsTheNationsMandate) {
  const Scenario scenario = load_minimal_with("mandate: {cycle_months: 12, first_vote_month: 4, source: seed-004}");
  const sim::Model model = compile(scenario, package_from_pledges(scenario));
  const sim::NationModel& gb = nation(model, "GB");
  EXPECT_DOUBLE_EQ(gb.mandate_cycle_months, 12);
  EXPECT_DOUBLE_EQ(gb.first_vote_month, 4);
  // One vote at month 4, then one every 12 months inside the period.
  const auto days = renewal_days(model, "GB");
  ASSERT_FALSE(days.empty());
  EXPECT_DOUBLE_EQ(days.front(), 4 * sim::kDaysPerMonth);
  const auto yearly = std::count_if(days.begin(), days.end(), [](double d) { return d != 4 * sim::kDaysPerMonth; });
  EXPECT_EQ(yearly, static_cast<long>(std::ceil(model.settings.days / (12 * sim::kDaysPerMonth)) - 1));
  // France has no `mandate`: a one-off approval, no renewal vote.
  EXPECT_DOUBLE_EQ(nation(model, "FR").mandate_cycle_months, 0);
  EXPECT_DOUBLE_EQ(nation(model, "FR").first_vote_month, 0);
  EXPECT_TRUE(renewal_days(model, "FR").empty());
}

TEST(SimCadence, SimulationNationsOverrideTheMandate) {
  const Scenario scenario = load_minimal_with(
      "mandate: {cycle_months: 12, first_vote_month: 4, source: seed-004}",
      "simulation:\n  nations:\n    - {nation: GB, mandate_cycle_months: 6, assumption: test}\n");
  const sim::Model model = compile(scenario, package_from_pledges(scenario));
  EXPECT_DOUBLE_EQ(nation(model, "GB").mandate_cycle_months, 6);
  EXPECT_DOUBLE_EQ(nation(model, "GB").first_vote_month, 4) << "keys the override leaves out keep the mandate's value";
}

}  // namespace
}  // namespace guarantor::testing
