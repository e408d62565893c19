// The campaign model under evidence control (issue 12) on the default scenario: each deterrence
// term acts only where its force is, the force arrives over time, the buffer zone interposes, the
// air shield meets incursions, the force's effect is counted once, and the violation regime
// follows its two-state chain.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "guarantor/io/geo_data_io.hpp"
#include "guarantor/pipeline/pipeline.hpp"
#include "guarantor/report/simulation_output.hpp"
#include "sim_fixture.hpp"

namespace guarantor::testing {
namespace {

const char* const kDefault = "data/scenarios/mnf-ukraine.yaml";

const geo::WorldData& world() {
  static const geo::WorldData data = [] {
    Diagnostics diagnostics;
    auto w = io::load_world_data(source_path("data/geo"), diagnostics);
    EXPECT_TRUE(w.has_value());
    return w ? std::move(*w) : geo::WorldData{};
  }();
  return data;
}

std::vector<sim::Model> default_models(std::vector<std::string> variants, pipeline::ForceMode mode) {
  const Scenario base = load_fixture(kDefault);
  pipeline::ModelSpec spec;
  spec.variants = std::move(variants);
  spec.mode = mode;
  spec.world = &world();
  Diagnostics diagnostics;
  auto models = pipeline::compile_models(base, spec, diagnostics);
  EXPECT_TRUE(models.has_value()) << (models ? "" : models.status().message());
  return models ? std::move(*models) : std::vector<sim::Model>{};
}

// The term's mean over the replications holding at each sample day.
std::vector<double> term_by_day(const sim::VariantAccumulator& v, int term) {
  std::vector<double> means;
  for (std::size_t j = 0; j < v.term_sums.size(); ++j) means.push_back(sim::mean_deterrence_term(v, j, term));
  return means;
}

TEST(CampaignTerms, AirOnlyHasNoLandAndNoNuclearTermOnAnyDay) {
  const auto models = default_models({"air-only"}, pipeline::ForceMode::required);
  ASSERT_EQ(models.size(), 1u);
  const auto a = run(models, 5, 2000);
  const auto& v = a.variants[0];
  for (std::size_t j = 0; j < v.term_sums.size(); ++j) {
    ASSERT_GT(v.holding_at_sample[j], 0u);
    EXPECT_EQ(v.term_sums[j][sim::kTermLand], 0) << "day " << models[0].sample_days[j];
    EXPECT_EQ(v.term_sums[j][sim::kTermNuclear], 0) << "day " << models[0].sample_days[j];
  }
  // Not vacuous: the air shield of the required force deters on every day after day 0.
  EXPECT_LT(term_by_day(v, sim::kTermAir).back(), -0.01);
}

TEST(CampaignTerms, UsTermIsZeroWhenNothingIsFilledAndFullWhenPresent) {
  const auto planned = default_models({"base"}, pipeline::ForceMode::planned);
  ASSERT_EQ(planned.size(), 1u);
  EXPECT_EQ(planned[0].backstop_share, 0) << "the plan fills none of the US requirement";
  const auto a = run(planned, 5, 1000);
  for (const auto& row : a.variants[0].term_sums) EXPECT_EQ(row[sim::kTermUsBackstop], 0);

  sim::Model present = planned[0];
  Scenario scenario = load_fixture(kDefault);
  scenario.simulation.us_backstop = BackstopMode::present;
  scenario.simulation.politics.us_withdrawal_hazard_per_year = 0;  // the full term on every day
  auto force = pipeline::force_for(scenario, pipeline::ForceMode::planned);
  ASSERT_TRUE(force.has_value());
  present = compile(scenario, *force);
  const auto b = run({present}, 5, 1000);
  for (double mean : term_by_day(b.variants[0], sim::kTermUsBackstop)) EXPECT_NEAR(mean, std::log(0.6), 1e-7);
}

TEST(CampaignTerms, TheForceArrivesOverTime) {
  const auto models = default_models({"base"}, pipeline::ForceMode::planned);
  ASSERT_EQ(models.size(), 1u);
  const auto a = run(models, 5, 500);
  const auto& days = models[0].sample_days;
  const auto day90 = static_cast<std::size_t>(std::find(days.begin(), days.end(), 90) - days.begin());
  ASSERT_LT(day90, days.size());
  EXPECT_LT(a.variants[0].troops[0].mean() * 10, a.variants[0].troops[day90].mean());
  // The land term follows the arrivals: weaker on day 0 than on day 90.
  const auto land = term_by_day(a.variants[0], sim::kTermLand);
  EXPECT_GT(land[0], land[day90]);
}

TEST(CampaignTerms, BufferZoneDiffersFromBaseBeyondThePairedInterval) {
  const auto models = default_models({"base", "buffer-zone"}, pipeline::ForceMode::required);
  ASSERT_EQ(models.size(), 2u);
  const std::uint64_t n = 4000;
  const auto a = run(models, 9, n);
  auto interval_excludes_zero = [&](int metric) {
    const sim::PairedSum& p = a.paired[0][metric];
    const double mean = static_cast<double>(p.sum) / n;
    const double variance = (static_cast<double>(p.sum_squares) / n - mean * mean) * n / (n - 1);
    return std::abs(mean) > 1.96 * std::sqrt(variance / n);
  };
  EXPECT_TRUE(interval_excludes_zero(sim::kFailedByEnd) || interval_excludes_zero(sim::kTotalKia));
  // The zone's troops answer probes under the reassurance mandate; the base force answers none.
  EXPECT_EQ(a.variants[0].incidents[sim::kProbesAnswered], 0u);
  EXPECT_GT(a.variants[1].incidents[sim::kProbesAnswered], 0u);
  // The air shield: incursions counted, some engaged, some of those shot down.
  for (const auto& v : a.variants) {
    EXPECT_GT(v.incidents[sim::kAirIncursions], 0u);
    EXPECT_GT(v.incidents[sim::kAirEngagements], 0u);
    EXPECT_LE(v.incidents[sim::kAirEngagements], v.incidents[sim::kAirIncursions]);
    EXPECT_LE(v.incidents[sim::kAirShootdowns], v.incidents[sim::kAirEngagements]);
  }
}

TEST(CampaignTerms, WithoutAnAirShieldNoIncursionIsEngaged) {
  auto models = default_models({"base"}, pipeline::ForceMode::planned);
  ASSERT_EQ(models.size(), 1u);
  // The planned force's short-range air defence (serving the land component) is its air shield:
  // the laydown places it, and it meets some incursions.
  EXPECT_GT(models[0].air_shield_coverage, 0);
  EXPECT_GT(models[0].full_air_shield_troops, 0);
  EXPECT_GT(run(models, 5, 500).variants[0].incidents[sim::kAirEngagements], 0u);
  models[0].air_shield_coverage = 0;
  const auto a = run(models, 5, 500);
  EXPECT_GT(a.variants[0].incidents[sim::kAirIncursions], 0u);
  EXPECT_EQ(a.variants[0].incidents[sim::kAirEngagements], 0u);
}

// The US withdrawal hazard is raised around the backstop provider's elections (US midterms on
// 3 Nov 2026 and the presidential election on 7 Nov 2028 fall in the default's period), and the
// simulated share of replications that lose the backstop matches 1 − exp(−Λ(T)).
TEST(CampaignTerms, UsWithdrawalFollowsItsPiecewiseHazard) {
  Scenario scenario = load_fixture(kDefault);
  scenario.simulation.us_backstop = BackstopMode::present;
  scenario.simulation.baseline_class = BaselineClass::custom;
  scenario.simulation.baseline = {1.0, 1e9};  // no failure cuts the period short
  auto force = pipeline::force_for(scenario, pipeline::ForceMode::planned);
  ASSERT_TRUE(force.has_value());
  const sim::Model m = compile(scenario, *force);
  const double base = scenario.simulation.politics.us_withdrawal_hazard_per_year / 365.25;
  const double raised = base * scenario.simulation.cohesion.election_multiplier;
  // 3 Nov 2026 is 59 days before the default's start (1 Jan 2027): its window runs to day 31.
  ASSERT_GE(m.us_withdrawal_segments.size(), 3u) << "raised, base, raised around 7 Nov 2028, base";
  EXPECT_EQ(m.us_withdrawal_segments[0].per_day, raised);
  EXPECT_EQ(m.us_withdrawal_segments[1].per_day, base);
  EXPECT_EQ(m.us_withdrawal_segments[2].per_day, raised);
  const auto& seg = m.us_withdrawal_segments;
  auto integrated = [&](double t) {
    double total = 0;
    for (std::size_t i = 0; i < seg.size(); ++i) {
      const double end = std::min(t, i + 1 < seg.size() ? seg[i + 1].day : t);
      if (end > seg[i].day) total += seg[i].per_day * (end - seg[i].day);
    }
    return total;
  };
  // The inversion: Λ(day(E)) = E, in each kind of segment.
  for (double e : {0.01, 0.05, 0.2, 0.5}) EXPECT_NEAR(integrated(sim::us_withdrawal_day(m, e)), e, 1e-12) << e;
  const double integrated_to_end = integrated(m.settings.days);
  const std::uint64_t n = 20000;
  const auto a = run({m}, 21, n);
  const double simulated = static_cast<double>(a.variants[0].incidents[sim::kUsBackstopWithdrawals]) / n;
  const double expected = 1 - std::exp(-integrated_to_end);
  EXPECT_NEAR(simulated, expected, 4 * std::sqrt(expected * (1 - expected) / n));
}

// No double counting: with the ladder coupling on, the reference force's total effect at the
// ladder's stationary distribution is the chosen hazard ratio.
TEST(CampaignTerms, TheReferenceForceActsOnceThroughHazardAndLadderTogether) {
  const auto models = default_models({"base"}, pipeline::ForceMode::planned);
  ASSERT_EQ(models.size(), 1u);
  const sim::Model& m = models[0];
  const double coupling = m.settings.ladder.deterrence_coupling;
  ASSERT_GT(coupling, 0);
  const double reference = std::log(m.settings.deterrence.force_hazard_ratio) * m.settings.deterrence.readiness;
  EXPECT_LT(m.direct_effect_scale, 1.0) << "the ladder carries part of the effect";
  const double total = m.direct_effect_scale * reference +
                       std::log(sim::stationary_failure_multiplier(m, std::exp(coupling * reference)) /
                                sim::stationary_failure_multiplier(m, 1.0));
  EXPECT_NEAR(total, reference, 1e-12);
  // Without coupling the direct effect is the whole effect.
  Scenario scenario = load_fixture(kDefault);
  scenario.simulation.ladder.deterrence_coupling = 0;
  auto force = pipeline::force_for(scenario, pipeline::ForceMode::planned);
  ASSERT_TRUE(force.has_value());
  EXPECT_EQ(compile(scenario, *force).direct_effect_scale, 1.0);
}

// The violation regime's two-state chain against its closed form: starting low-violence, with
// erosion rate e and recommitment rate r, P(low at t) = π + (1 − π) e^(−(e+r)t), π = r / (e + r);
// violations accrue at V × (1 − (1 − m) P(low)).
TEST(CampaignTerms, ViolationRegimeMatchesItsClosedForm) {
  Scenario scenario = load_fixture(kDefault);
  SimulationSettings& s = scenario.simulation;
  s.ladder.up_per_day = {0, 0, 0};  // stay at level 0: one violation rate
  const double V = 623;             // the Donbas daily mean before July 2020 (model_evidence_2.md §2.7)
  s.incidents.violations_per_day = {V, V, V, V};
  s.baseline_class = BaselineClass::custom;
  s.baseline = {1.0, 1e9};  // the ceasefire all but never fails: the chain runs the whole period
  auto force = pipeline::force_for(scenario, pipeline::ForceMode::planned);
  ASSERT_TRUE(force.has_value());
  sim::Model m = compile(scenario, *force);
  ASSERT_EQ(m.nations.size() > 0, true);
  double monitors = 0;
  for (const auto& n : m.nations) monitors += n.monitoring_troops;
  ASSERT_EQ(monitors, 0) << "the planned force has no monitors: the bare declaration's regime";
  const std::uint64_t n = 4000;
  const auto a = run({m}, 13, n);
  const auto& v = a.variants[0];
  const double e = s.violation_regime.bare_erosion_per_day, r = s.violation_regime.recommitment_per_day;
  const double T = s.days;
  const double pi = r / (e + r);
  // Expected erosions over [0, T] from the low state: e × ∫ P(low) dt.
  const double low_time = pi * T + (1 - pi) * (1 - std::exp(-(e + r) * T)) / (e + r);
  const double expected_erosions = e * low_time;
  const double simulated = static_cast<double>(v.incidents[sim::kRegimeErosions]) / n;
  ASSERT_GT(1 - failed_before(v, s.days), 0.999);
  // Erosions are Poisson-like with mean about 5 a replication: 4,000 replications give a
  // standard error near 0.6%; allow 3%.
  EXPECT_NEAR(simulated, expected_erosions, 0.03 * expected_erosions);
  // And the violations: V × (T − (1 − m) × low time).
  const double m_bare = s.violation_regime.bare_multiplier;
  const double expected_violations = V * (T - (1 - m_bare) * low_time);
  const double violations = static_cast<double>(v.incidents[sim::kViolations]) / n;
  EXPECT_NEAR(violations, expected_violations, 0.02 * expected_violations);
}

// The required force's notional units stand for contributors not yet named: one for each
// component they fill (sim::build_nations), never the lead. As one pseudo-contributor they
// gathered the casualties of every component, and by their total size led the coalition, so
// that their exit set off the cascade of every named contributor.
TEST(NotionalContributors, OneForEachComponentTheyFillAndNeverTheLead) {
  const auto models = default_models({pipeline::kBase}, pipeline::ForceMode::required);
  ASSERT_EQ(models.size(), 1u);
  const Scenario scenario = load_fixture(kDefault);
  const sim::Model& m = models[0];
  int notional = 0, leads = 0;
  double largest_named = 0, notional_troops = 0;
  for (const auto& n : m.nations) {
    ASSERT_EQ(n.notional, sim::is_notional_contributor(n.code)) << n.code;
    leads += n.lead;
    if (n.notional) {
      ++notional;
      notional_troops += n.troops;
      EXPECT_FALSE(n.lead) << n.code;
      EXPECT_FALSE(n.holds_elections) << n.code;
      const std::string component = n.code.substr(n.code.find(':') + 1);
      EXPECT_NE(scenario.find_component(component), nullptr) << n.code;
      EXPECT_EQ(n.code, sim::notional_contributor_code(component));
    } else {
      largest_named = std::max(largest_named, n.troops);
    }
  }
  EXPECT_GT(notional, 1) << "the default's required force fills several components notionally";
  EXPECT_EQ(leads, 1);
  for (const auto& n : m.nations) {
    if (n.lead) EXPECT_EQ(n.troops, largest_named) << n.code << " leads";
  }
  // Not vacuous: together the notional units outnumber the largest named contributor, so a
  // single pseudo-contributor would have led.
  EXPECT_GT(notional_troops, largest_named);
}

// The lead rule itself: a notional contributor larger than every named one still does not lead.
TEST(NotionalContributors, TheLargestNamedContributorLeadsEvenWhenANotionalOneIsLarger) {
  const Scenario scenario = load_fixture(kDefault);
  ForcePackage package;
  package.origin = "required";
  package.assignments = {{"GB", "reassurance_land", "mech_inf_bn", 1, 800, false},
                         {"FR", "reassurance_land", "mech_inf_bn", 1, 600, false},
                         {"", "reassurance_land", "mech_inf_bn", 4, 3000, true},
                         {"", "training", "training_team", 5, 500, true}};
  Diagnostics diagnostics;
  const sim::Model m = sim::compile_model(scenario, package, pipeline::kBase, diagnostics);
  ASSERT_EQ(m.nations.size(), 4u);
  for (const auto& n : m.nations) {
    EXPECT_EQ(n.lead, n.code == "GB") << n.code;
    if (n.code == sim::notional_contributor_code("reassurance_land")) EXPECT_EQ(n.troops, 3000);
    if (n.code == sim::notional_contributor_code("training")) EXPECT_EQ(n.troops, 500);
  }
}

// The outputs name a notional contributor by the component it fills, in simulation.json (`label`,
// which report.html shows) and in simulation.md; a named contributor by its code.
TEST(NotionalContributors, OutputsLabelThemByTheirComponent) {
  const auto models = default_models({pipeline::kBase}, pipeline::ForceMode::required);
  ASSERT_EQ(models.size(), 1u);
  const auto record = whole_run_record(load_fixture(kDefault), models, run(models, 3, 200), 200, 3);
  const auto j = report::simulation_json(record);
  const std::string md = report::simulation_markdown(record);
  int notional = 0;
  for (const char* table : {"casualties", "withdrawals"}) {
    const auto& rows = j["variants"][0][table]["by_nation"];
    ASSERT_EQ(rows.size(), models[0].nations.size()) << table;
    for (const auto& row : rows) {
      const std::string code = row["nation"].get<std::string>();
      const std::string label = row["label"].get<std::string>();
      if (sim::is_notional_contributor(code)) {
        ++notional;
        EXPECT_EQ(label, "notional, " + code.substr(code.find(':') + 1) + " (no nation named)") << table;
      } else {
        EXPECT_EQ(label, code) << table;
      }
      EXPECT_NE(md.find("| " + label + " |"), std::string::npos) << label << " is not a row of simulation.md";
      EXPECT_EQ(md.find("| " + code + " |") == std::string::npos, sim::is_notional_contributor(code)) << code;
    }
  }
  EXPECT_GT(notional, 0) << "the default's required force has notional contributors";
}

// A share of 0 in N replications has a Wilson upper bound above 0 (0.04 % for 10,000): simulation.md
// prints it with two significant digits, not as an interval from 0.0 to 0.0 %. On the default no
// replication stays at level 0 all period.
TEST(SimulationMarkdown, SmallUpperBoundsAreNotRoundedToZero) {
  const auto models = default_models({pipeline::kBase}, pipeline::ForceMode::planned);
  ASSERT_EQ(models.size(), 1u);
  const auto record = whole_run_record(load_fixture(kDefault), models, run(models, 4, 10000), 10000, 4);
  ASSERT_EQ(record.accumulators.variants[0].highest_level[0], 0u);
  const std::string md = report::simulation_markdown(record);
  EXPECT_NE(md.find("| 0 holding | 0.0 % (0.0–0.04 %) |"), std::string::npos) << md.substr(0, 1500);
  EXPECT_EQ(md.find("0.0–0.0 %"), std::string::npos);
}

}  // namespace
}  // namespace guarantor::testing
