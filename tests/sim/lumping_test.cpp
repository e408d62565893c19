// Events that change nothing are counted, not simulated (replication.cpp update_lumping): probes
// nobody can answer once the record of unanswered tests is capped, and incursions the air shield
// does not meet. Lumping must leave every count a Poisson variable with the closed-form mean. On
// the default scenario's force, whole from day 0, with the ladder frozen at level 0 and nothing
// that ends a replication early, probes, incursions and engagements are Poisson processes of
// constant rate: their counts over T days have mean = variance = rate × T.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "guarantor/io/geo_data_io.hpp"
#include "guarantor/pipeline/pipeline.hpp"
#include "guarantor/sim/replication.hpp"
#include "sim_fixture.hpp"

namespace guarantor::testing {
namespace {

sim::Model constant_rate_model() {
  Diagnostics diagnostics;
  const auto world = io::load_world_data(source_path("data/geo"), diagnostics);
  EXPECT_TRUE(world.has_value());
  const Scenario base = load_fixture("data/scenarios/mnf-ukraine.yaml");
  pipeline::ModelSpec spec;
  spec.variants = {pipeline::kBase};
  spec.mode = pipeline::ForceMode::required;
  spec.world = world ? &*world : nullptr;
  auto models = pipeline::compile_models(base, spec, diagnostics);
  EXPECT_TRUE(models.has_value());
  sim::Model m = models ? models->front() : sim::Model{};
  // The whole force from day 0.
  m.initial_share = 1;
  m.arrivals.clear();
  std::erase_if(m.schedule, [](const sim::ScheduledEvent& e) { return e.kind == sim::ScheduledKind::force_arrival; });
  std::fill(m.share_at_sample.begin(), m.share_at_sample.end(), 1.0);
  // Level 0 throughout, no failure, nobody leaves.
  m.settings.ladder.up_per_day.fill(0);
  m.settings.ladder.down_per_day.fill(0);
  m.settings.incidents.response_escalation_probability = 0;
  m.settings.baseline.weibull_scale_days = 1e15;
  m.settings.cohesion.base_exit_hazard_per_year = 0;
  m.settings.cohesion.renewal_failure_probability = 0;
  m.settings.cohesion.renewal_failure_probability_after_casualties = 0;
  m.settings.cohesion.shock_exit_probability = 0;
  m.settings.cohesion.shock_exit_probability_doubted = 0;
  m.snap_elections_per_day = 0;
  m.us_withdrawal_segments.clear();
  return m;
}

struct Moments {
  double mean = 0;
  double variance = 0;
};

// Mean and variance per replication of each incident count, from the replications themselves.
std::vector<Moments> incident_moments(const sim::Model& m, std::uint64_t replications, sim::DrawCounts* draws) {
  std::vector<double> sum(sim::kIncidentTypes, 0), sum_squares(sim::kIncidentTypes, 0);
  sim::ReplicationWorkspace ws;
  sim::ReplicationOutcome out;
  for (std::uint64_t r = 0; r < replications; ++r) {
    sim::simulate_replication(m, 11, r, ws, out, draws);
    EXPECT_EQ(out.failure_day, sim::kNever);
    for (int i = 0; i < sim::kIncidentTypes; ++i) {
      const auto x = static_cast<double>(out.incidents[i]);
      sum[i] += x;
      sum_squares[i] += x * x;
    }
  }
  std::vector<Moments> moments(sim::kIncidentTypes);
  const auto n = static_cast<double>(replications);
  for (int i = 0; i < sim::kIncidentTypes; ++i) {
    moments[i].mean = sum[i] / n;
    moments[i].variance = (sum_squares[i] - sum[i] * sum[i] / n) / (n - 1);
  }
  return moments;
}

// A Poisson count with mean mu: the sample mean within 4 standard errors, the variance-to-mean
// ratio within 4 of its standard errors (about sqrt(2 / n) for large mu).
void expect_poisson(const Moments& m, double mu, std::uint64_t n, const char* what) {
  const double se = std::sqrt(mu / static_cast<double>(n));
  EXPECT_NEAR(m.mean, mu, 4 * se) << what;
  EXPECT_NEAR(m.variance / mu, 1.0, 4 * std::sqrt(2.0 / static_cast<double>(n)) + 1 / mu) << what;
}

TEST(Lumping, CountsStayPoissonWithTheirClosedFormMeans) {
  sim::Model m = constant_rate_model();
  ASSERT_EQ(m.settings.mandate, Mandate::reassurance) << "probes nobody answers: the lumped case";
  ASSERT_GT(m.air_shield_coverage, 0);
  // A thin shield: most incursions unmet (the lumped case), and few engagements to lift the cap.
  m.air_shield_coverage = 0.1;
  const double days = m.settings.days;
  const double probes = m.settings.incidents.probes_per_day[0] * days;
  const double incursions = m.settings.incidents.air_incursions_per_day[0] * days;
  const double met = incursions * m.air_shield_coverage;  // the whole shield on station
  constexpr std::uint64_t kReplications = 20000;
  sim::DrawCounts draws;
  const auto moments = incident_moments(m, kReplications, &draws);
  expect_poisson(moments[sim::kProbes], probes, kReplications, "probes");
  EXPECT_EQ(moments[sim::kProbesUnanswered].mean, moments[sim::kProbes].mean);
  EXPECT_EQ(moments[sim::kProbesAnswered].mean, 0);
  expect_poisson(moments[sim::kAirIncursions], incursions, kReplications, "incursions");
  expect_poisson(moments[sim::kAirEngagements], met, kReplications, "engagements");
  // Not vacuous: probes and unmet incursions were lumped once the record reached its cap (the
  // first several tests raise it there, and each engagement lowers it again). Simulated one by
  // one, each would draw its clock's next unit exponential on top of what the model draws
  // without them; never lumping would give about probes + incursions.
  sim::Model without = m;
  without.settings.incidents.probes_per_day.fill(0);
  without.settings.incidents.air_incursions_per_day.fill(0);
  sim::DrawCounts other;
  (void)incident_moments(without, kReplications, &other);
  const double extra = static_cast<double>(draws.exponentials - other.exponentials) / kReplications;
  EXPECT_LT(extra, 0.75 * (probes + incursions)) << extra << " exponentials a replication for "
                                                << probes + incursions << " probes and incursions";
}

TEST(Lumping, WithoutAShieldEveryIncursionIsCountedAndNoneMet) {
  sim::Model m = constant_rate_model();
  m.air_shield_coverage = 0;
  constexpr std::uint64_t kReplications = 20000;
  const auto moments = incident_moments(m, kReplications, nullptr);
  expect_poisson(moments[sim::kAirIncursions], m.settings.incidents.air_incursions_per_day[0] * m.settings.days,
                 kReplications, "incursions");
  EXPECT_EQ(moments[sim::kAirEngagements].mean, 0);
}

// Snap elections are simulated as one process (replication.cpp on_snap_call): the contributors
// with elections of their own, present and not already campaigning, each call one at rate r, the
// caller drawn among them. Each contributor's calls then form the renewal process of its own
// (an exponential wait, then a window of 2w days): the k-th call comes at a Gamma(k, r) wait plus
// (k − 1) windows, so E[calls by T] = Σ_k P(Poisson(r (T − (k − 1) 2w)) ≥ k). The notional units
// that fill the required force call none.
double expected_snap_calls(double rate, double window2, double days) {
  double expected = 0;
  for (int k = 1;; ++k) {
    const double waiting = days - (k - 1) * window2;
    if (waiting <= 0) break;
    const double mu = rate * waiting;
    double below = 0, term = std::exp(-mu);  // P(Poisson(mu) < k)
    for (int j = 0; j < k; ++j) {
      below += term;
      term *= mu / (j + 1);
    }
    expected += 1 - below;
  }
  return expected;
}

TEST(SnapElections, SuperposedCallsMatchEachContributorsRenewalProcess) {
  sim::Model m = constant_rate_model();  // nobody leaves: every contributor calls all period
  m.snap_elections_per_day = 1.5 / 365.25;
  int with_elections = 0, notional = 0;
  for (const auto& n : m.nations) (n.holds_elections ? with_elections : notional) += 1;
  ASSERT_GT(with_elections, 1);
  ASSERT_GT(notional, 0) << "the required force has notional units";
  const double window2 = 2 * m.settings.cohesion.election_window_days;
  const double per_nation = expected_snap_calls(m.snap_elections_per_day, window2, m.settings.days);
  constexpr std::uint64_t kReplications = 20000;
  const auto moments = incident_moments(m, kReplications, nullptr);
  const Moments& calls = moments[sim::kSnapElections];
  const double se = std::sqrt(calls.variance / kReplications);
  EXPECT_NEAR(calls.mean, with_elections * per_nation, 4 * se)
      << with_elections << " contributors x " << per_nation << " calls each expected";
  // Not vacuous: counting the notional units too would be well outside the interval.
  EXPECT_GT((with_elections + notional) * per_nation - calls.mean, 8 * se);
}

}  // namespace
}  // namespace guarantor::testing

namespace guarantor::testing {
namespace {

// A contributor's exit hazard is multiplied by the election multiplier M inside its election
// windows (replication.cpp on_exit_candidate): simulated by thinning, its exit clock running at
// M times the hazard throughout and each firing standing with probability 1/M outside a window.
// With a constant base hazard b and nothing else driving exits, the exit day then has the closed
// form P(exit by t) = 1 − exp(−b (t + (M − 1) |W ∩ [0, t)|)), W the union of its windows; with
// M < 1 the clock runs at b and a firing inside a window stands with probability M.
double window_days_before(const sim::NationModel& nation, double day) {
  // The union's length: the windows sorted by start, overlaps counted once.
  auto windows = nation.election_windows;
  std::sort(windows.begin(), windows.end());
  double covered = 0, reached = 0;
  for (const auto& w : windows) {
    const double start = std::max(w[0], reached), end = std::min(w[1], day);
    if (end > start) covered += end - start;
    reached = std::max(reached, std::min(w[1], day));
  }
  return covered;
}

TEST(ElectionWindows, ThinnedExitsMatchTheHazardRaisedInTheWindows) {
  sim::Model m = constant_rate_model();
  m.settings.cohesion.base_exit_hazard_per_year = 0.4;
  m.settings.cohesion.cascade_probability = 0;   // exits independent of one another
  m.settings.casualties.hostile_per_1000_per_year.fill(0);  // and of casualties
  const double base = m.settings.cohesion.base_exit_hazard_per_year / 365.25;
  const std::array<double, 4> checkpoints{17, 100, 211, static_cast<double>(m.settings.days)};
  constexpr std::uint64_t kReplications = 20000;
  for (const double multiplier : {3.0, 0.5}) {
    m.settings.cohesion.election_multiplier = multiplier;
    std::vector<std::array<double, 4>> exited(m.nations.size(), std::array<double, 4>{});
    sim::ReplicationWorkspace ws;
    sim::ReplicationOutcome out;
    for (std::uint64_t r = 0; r < kReplications; ++r) {
      sim::simulate_replication(m, 5, r, ws, out);
      for (std::size_t n = 0; n < m.nations.size(); ++n) {
        ASSERT_TRUE(out.withdrawal[n] == sim::WithdrawalCause::none || out.withdrawal[n] == sim::WithdrawalCause::politics);
        for (std::size_t c = 0; c < checkpoints.size(); ++c) exited[n][c] += out.exit_day[n] < checkpoints[c];
      }
    }
    int with_windows = 0;
    for (std::size_t n = 0; n < m.nations.size(); ++n) {
      const auto& nation = m.nations[n];
      with_windows += !nation.election_windows.empty();
      for (std::size_t c = 0; c < checkpoints.size(); ++c) {
        const double t = checkpoints[c];
        const double in_windows = window_days_before(nation, t);
        const double expected = 1 - std::exp(-base * (t + (multiplier - 1) * in_windows));
        const double share = exited[n][c] / kReplications;
        const double se = std::sqrt(expected * (1 - expected) / kReplications) + 1e-12;
        EXPECT_NEAR(share, expected, 4 * se) << nation.code << " by day " << t << ", M = " << multiplier;
        // Not vacuous: where the windows cover days, ignoring them would be far outside the interval.
        if (in_windows > 60) EXPECT_GT(std::abs(share - (1 - std::exp(-base * t))), 8 * se) << nation.code;
      }
    }
    EXPECT_GE(with_windows, 2) << "the default force has contributors with dated elections in the period";
  }
}

}  // namespace
}  // namespace guarantor::testing
