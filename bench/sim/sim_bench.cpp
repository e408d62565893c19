// sim_bench SCENARIO [REPLICATIONS] [MODEL_JSON] [VARIANT] [all-channels] [time-only]: times the campaign
// Monte Carlo on a scenario (default data/scenarios/mnf-ukraine.yaml; the model `guarantor
// simulate` runs: planned force, its build-up, the laydown's air shield) for 1 and 2 threads and
// 365/730/1460 days, and in the same run the time to draw the same random variates alone (the
// bound), interleaved with the engine over several rounds (medians reported). Writes the model's
// numbers and the engine's per-replication means (P(hold), fatalities, incidents) to MODEL_JSON
// for the NumPy baseline (bench/sim/numpy_baseline.py), which checks it agrees in distribution.
// `all-channels` simulates the pledged force with the US backstop present, an air shield of
// coverage >= 0.5 and synthetic monitors and buffer-zone troops, so the agreement check covers the
// channels the planned force leaves off. `time-only` prints only the engine's replications per
// CPU-second (one thread, 730 days or the scenario's days), for run.sh to pair with NumPy runs.
// Not a test.
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "guarantor/io/geo_data_io.hpp"
#include "guarantor/io/scenario_io.hpp"
#include "guarantor/pipeline/pipeline.hpp"
#include "guarantor/sim/engine.hpp"

using namespace guarantor;

namespace {

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// CPU time of this process: on a shared, loaded machine it measures the work, not the waiting.
double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

struct Timing {
  double seconds = 0;
  double cpu = 0;
  sim::DrawCounts draws;
  double p_hold = 0;
};

Timing time_run(const sim::Model& model, std::uint64_t replications, unsigned threads, bool count_draws = false) {
  sim::RunOptions options;
  options.seed = 1;
  options.end = replications;
  options.threads = threads;
  options.count_draws = count_draws;
  const auto start = std::chrono::steady_clock::now();
  const double cpu_start = cpu_seconds();
  const sim::RunResult result = sim::run_replications({model}, options);
  Timing t;
  t.seconds = seconds_since(start);
  t.cpu = cpu_seconds() - cpu_start;
  t.draws = result.draws;
  const auto& v = result.accumulators.variants[0];
  std::uint64_t failed = 0;
  for (auto f : v.failures_by_day) failed += f;
  t.p_hold = 1 - static_cast<double>(failed) / static_cast<double>(v.replications);
  return t;
}

// Draws the same numbers of each kind of variate from one stream, single thread.
double time_draws_alone(const sim::DrawCounts& d) {
  const double start = cpu_seconds();
  double sink = 0;
  sim::Stream s(1, 0, 1);
  for (std::uint64_t i = 0; i < d.exponentials; ++i) sink += s.exponential();
  for (std::uint64_t i = 0; i < d.poisson_small; ++i) sink += static_cast<double>(s.poisson(1.5));
  for (std::uint64_t i = 0; i < d.poisson_large; ++i) sink += static_cast<double>(s.poisson(5000));
  for (std::uint64_t i = 0; i < d.binomials; ++i) sink += static_cast<double>(s.binomial(100, 0.3));
  for (std::uint64_t i = 0; i < d.normals; ++i) sink += s.normal();
  // Uniforms not consumed inside the transforms above (probe, strike, vote and cascade marks).
  const std::uint64_t inside = d.exponentials + d.poisson_small + 2 * d.poisson_large;
  for (std::uint64_t i = inside; i < d.uniforms; ++i) sink += s.uniform();
  const double elapsed = cpu_seconds() - start;
  if (sink == 42) std::puts("");  // keep the loop
  return elapsed;
}

// Per-replication outcomes the NumPy baseline is compared with (P(hold), fatalities, incidents),
// from an untimed pass over the same replications as the timed runs.
struct Agreement {
  std::uint64_t replications = 0;
  std::uint64_t held = 0;
  std::vector<double> sum, sum_squares;  // fatalities, nations withdrawn, highest level, then each incident
};

std::vector<std::string> agreement_names() {
  std::vector<std::string> names{"fatalities", "nations_withdrawn", "highest_level"};
  for (int i = 0; i < sim::kIncidentTypes; ++i) names.emplace_back(sim::incident_name(i));
  return names;
}

Agreement engine_outcomes(const sim::Model& model, std::uint64_t replications) {
  Agreement a;
  const std::size_t metrics = agreement_names().size();
  a.sum.assign(metrics, 0);
  a.sum_squares.assign(metrics, 0);
  sim::ReplicationWorkspace ws;
  sim::ReplicationOutcome out;
  std::vector<double> values(metrics);
  for (std::uint64_t r = 0; r < replications; ++r) {
    sim::simulate_replication(model, 1, r, ws, out);
    a.held += !(out.failure_day < model.settings.days);
    values[0] = static_cast<double>(out.total_kia());
    values[1] = out.nations_withdrawn();
    values[2] = out.highest_level;  // 0..3, or 4 when the ceasefire failed
    for (int i = 0; i < sim::kIncidentTypes; ++i) values[3 + i] = static_cast<double>(out.incidents[i]);
    for (std::size_t k = 0; k < metrics; ++k) {
      a.sum[k] += values[k];
      a.sum_squares[k] += values[k] * values[k];
    }
  }
  a.replications = replications;
  return a;
}

nlohmann::json agreement_json(const Agreement& a) {
  nlohmann::json means = nlohmann::json::object();
  const auto names = agreement_names();
  const double n = static_cast<double>(a.replications);
  for (std::size_t k = 0; k < names.size(); ++k) {
    const double mean = a.sum[k] / n;
    const double var = std::max(0.0, a.sum_squares[k] / n - mean * mean) * n / std::max(1.0, n - 1);
    means[names[k]] = {{"mean", mean}, {"sd", std::sqrt(var)}};
  }
  return {{"replications", a.replications}, {"p_hold", static_cast<double>(a.held) / n}, {"metrics", means}};
}

// The model's numbers for the NumPy baseline: everything replication.cpp reads, as compiled.
nlohmann::json model_json(const sim::Model& m) {
  const auto& s = m.settings;
  nlohmann::json nations = nlohmann::json::array();
  for (std::size_t i = 0; i < m.nations.size(); ++i) {
    const auto& n = m.nations[i];
    std::vector<double> votes;
    for (const auto& e : m.schedule) {
      if (e.kind == sim::ScheduledKind::renewal && e.nation == static_cast<int>(i)) votes.push_back(e.day);
    }
    nlohmann::json window_json = nlohmann::json::array();  // [start, end) of each dated election's window
    for (const auto& w : n.election_windows) window_json.push_back({w[0], w[1]});
    nations.push_back({{"code", n.code}, {"troops", n.troops}, {"exposed", n.exposed_troops}, {"combat", n.combat_troops},
                       {"land", n.land_combat_troops}, {"air", n.air_combat_troops}, {"air_shield", n.air_shield_troops},
                       {"maritime", n.maritime_combat_troops},
                       {"interposition_combat", n.interposition_combat_troops},
                       {"interposition_exposed", n.interposition_exposed_troops},
                       {"training", n.training_troops}, {"monitoring", n.monitoring_troops},
                       {"nuclear_in_ukraine", n.nuclear_in_ukraine}, {"lead", n.lead},
                       {"holds_elections", n.holds_elections},
                       {"tolerance", n.casualty_tolerance_kia}, {"vote_days", votes},
                       {"election_days", n.election_days}, {"election_windows", window_json}});
  }
  std::vector<double> reviews, arrivals_day, arrivals_share;
  for (const auto& e : m.schedule) {
    if (e.kind == sim::ScheduledKind::epoch) reviews.push_back(e.day);
  }
  for (const auto& a : m.arrivals) {
    arrivals_day.push_back(a.day);
    arrivals_share.push_back(a.share);
  }
  const auto& v = s.violation_regime;
  nlohmann::json segments = nlohmann::json::array();  // [day, per_day]: the withdrawal hazard from that day on
  for (const auto& seg : m.us_withdrawal_segments) segments.push_back({seg.day, seg.per_day});
  return {{"days", s.days},
          {"mandate", static_cast<int>(s.mandate)},
          {"backstop_at_start", m.backstop_at_start},
          {"backstop_arrival_day", m.backstop_arrival_day < sim::kNever ? m.backstop_arrival_day : 1e300},
          {"backstop_share", m.backstop_share},
          {"log_us_backstop_hr", m.log_us_backstop_hr},
          {"us_withdrawal_per_day", m.us_withdrawal_per_day},
          {"us_withdrawal_segments", segments},
          {"air_shield_coverage", m.air_shield_coverage},
          {"full_air_shield_troops", m.full_air_shield_troops},
          {"direct_effect_scale", m.direct_effect_scale},
          {"snap_elections_per_day", m.snap_elections_per_day},
          {"initial_share", m.initial_share},
          {"arrival_days", arrivals_day},
          {"arrival_shares", arrivals_share},
          {"review_days", reviews},
          {"weibull_shape", s.baseline.weibull_shape},
          {"weibull_scale_days", s.baseline.weibull_scale_days},
          {"up", s.ladder.up_per_day},
          {"down", s.ladder.down_per_day},
          {"failure_multiplier", m.failure_multiplier},
          {"coupling", s.ladder.deterrence_coupling},
          {"deterrence", {{"force_hr", s.deterrence.force_hazard_ratio}, {"reference", s.deterrence.reference_troops},
                          {"elasticity", s.deterrence.size_elasticity}, {"cap", s.deterrence.max_size_factor},
                          {"readiness", s.deterrence.readiness}, {"log_nuclear_hr", m.log_nuclear_hr},
                          {"log_ukraine_hr", m.log_ukraine_hr}, {"log_monitoring_hr", m.log_monitoring_hr},
                          {"rebuild0", s.deterrence.ukraine_initial_rebuild},
                          {"rebuild_rate", s.deterrence.ukraine_rebuild_per_year},
                          {"rebuild_per_1000", s.deterrence.ukraine_rebuild_per_year_per_1000_trainers},
                          {"penalty", s.deterrence.unanswered_test_log_hazard},
                          {"credit", s.deterrence.answered_test_credit},
                          {"penalty_cap", s.deterrence.max_unanswered_penalty},
                          {"interposition", s.deterrence.interposition_force_factor}}},
          {"incidents", {{"violations", s.incidents.violations_per_day}, {"det0", s.incidents.base_detection_probability},
                         {"det1", s.incidents.full_detection_probability},
                         {"monitors_full", s.incidents.monitoring_troops_for_full_detection},
                         {"probes", s.incidents.probes_per_day}, {"hybrid", s.incidents.hybrid_per_day},
                         {"strikes", s.incidents.strikes_per_day}, {"kia_per_strike", s.incidents.kia_per_strike_mean},
                         {"air_incursions", s.incidents.air_incursions_per_day},
                         {"shootdown", s.incidents.air_shootdown_probability},
                         {"respond", s.incidents.respond_probability},
                         {"escalate", s.incidents.response_escalation_probability}}},
          {"violation_regime", {{"bare_multiplier", v.bare_multiplier}, {"monitored_multiplier", v.monitored_multiplier},
                                {"bare_erosion", v.bare_erosion_per_day}, {"monitored_erosion", v.monitored_erosion_per_day},
                                {"recommitment", v.recommitment_per_day}}},
          {"hostile", s.casualties.hostile_per_1000_per_year},
          {"exposure", s.casualties.exposure_by_mandate[static_cast<int>(s.mandate)]},
          {"cohesion", {{"base", s.cohesion.base_exit_hazard_per_year}, {"weight", s.cohesion.casualty_weight},
                        {"election_multiplier", s.cohesion.election_multiplier},
                        {"election_window", s.cohesion.election_window_days},
                        {"renew0", s.cohesion.renewal_failure_probability},
                        {"renew1", s.cohesion.renewal_failure_probability_after_casualties},
                        {"recent", s.cohesion.recent_casualty_days}, {"cascade", s.cohesion.cascade_probability},
                        {"cascade_days", s.cohesion.cascade_window_days}, {"shock_kia", s.cohesion.shock_kia},
                        {"shock_p", s.cohesion.shock_exit_probability},
                        {"shock_p_doubted", s.cohesion.shock_exit_probability_doubted},
                        {"shock_days", s.cohesion.shock_window_days}}},
          {"combat", {{"red", s.combat.red_troops}, {"regen", s.combat.red_regeneration_per_month},
                      {"cap", s.combat.red_troops_cap}, {"ukraine", s.combat.ukraine_troops},
                      {"a", s.combat.red_effectiveness}, {"b", s.combat.blue_effectiveness},
                      {"p", s.combat.p}, {"q", s.combat.q},
                      {"days", s.combat.combat_days}, {"killed", s.combat.killed_share},
                      {"engaged", s.combat.engaged_share_by_mandate[static_cast<int>(s.mandate)]}}},
          {"nations", nations}};
}

// Where the engine's time goes beyond its draws: the model with one channel switched off at a
// time (the compiled model edited, so nothing else changes), each timed against its own
// variates-alone bound. The saving of a channel is what it costs in the full model.
struct Ablation {
  const char* name;
  void (*apply)(sim::Model&);
};

void print_breakdown(const sim::Model& model, std::uint64_t replications) {
  static const Ablation kAblations[] = {
      {"full model", [](sim::Model&) {}},
      {"no air incursions", [](sim::Model& m) { m.settings.incidents.air_incursions_per_day.fill(0); }},
      {"no probes", [](sim::Model& m) { m.settings.incidents.probes_per_day.fill(0); }},
      {"no violation regime changes",
       [](sim::Model& m) {
         m.settings.violation_regime.bare_erosion_per_day = 0;
         m.settings.violation_regime.monitored_erosion_per_day = 0;
       }},
      {"no snap elections", [](sim::Model& m) { m.snap_elections_per_day = 0; }},
      {"no hostile fatalities", [](sim::Model& m) { m.settings.casualties.hostile_per_1000_per_year.fill(0); }},
      {"no build-up (all on day 0)",
       [](sim::Model& m) {
         m.initial_share = 1;
         m.arrivals.clear();
         std::erase_if(m.schedule, [](const sim::ScheduledEvent& e) { return e.kind == sim::ScheduledKind::force_arrival; });
         std::fill(m.share_at_sample.begin(), m.share_at_sample.end(), 1.0);
       }},
      {"samples on day 0 and the end only",
       [](sim::Model& m) {
         m.sample_days = {0, m.settings.days};
         m.share_at_sample = {m.share_at_sample.front(), m.share_at_sample.back()};
       }},
      {"no ladder moves",
       [](sim::Model& m) {
         m.settings.ladder.up_per_day.fill(0);
         m.settings.ladder.down_per_day.fill(0);
       }},
  };
  // Rounds outside, channels inside: a burst of load on the shared machine hits every row alike.
  constexpr int kBreakdownRounds = 5;
  constexpr std::size_t kRows = std::size(kAblations);
  std::vector<sim::Model> models;
  std::vector<sim::DrawCounts> draws;
  for (const auto& a : kAblations) {
    models.push_back(model);
    a.apply(models.back());
    draws.push_back(time_run(models.back(), replications, 1, true).draws);
  }
  std::vector<std::vector<double>> engine(kRows), bound(kRows);
  std::vector<double> p_hold(kRows);
  for (int round = 0; round < kBreakdownRounds; ++round) {
    for (std::size_t i = 0; i < kRows; ++i) {
      const Timing t = time_run(models[i], replications, 1);
      engine[i].push_back(t.cpu);
      bound[i].push_back(time_draws_alone(draws[i]));
      p_hold[i] = t.p_hold;
    }
  }
  std::printf("breakdown (one channel off at a time; medians of %d interleaved rounds; us = microseconds a "
              "replication; saved = full model's engine_us minus this row's):\n",
              kBreakdownRounds);
  std::printf("  %-34s %10s %10s %10s %8s %8s %9s\n", "model", "engine_us", "draws_us", "other_us", "saved", "ratio",
              "P(hold)");
  const double per = 1e6 / static_cast<double>(replications);
  const double full = median(engine[0]) * per;
  for (std::size_t i = 0; i < kRows; ++i) {
    const double e = median(engine[i]) * per;
    const double b = median(bound[i]) * per;
    std::printf("  %-34s %10.2f %10.2f %10.2f %8.2f %8.2f %9.4f\n", kAblations[i].name, e, b, e - b, full - e, e / b,
                p_hold[i]);
  }
}

// The models `guarantor simulate` runs: the variant's planned force, laid down on the reference
// geography (its air shield's coverage), with the build-up of the plan.
std::optional<sim::Model> compile(const Scenario& scenario, const geo::WorldData& world, std::optional<int> days,
                                  bool all_channels) {
  pipeline::ModelSpec spec;
  spec.variants = {pipeline::kBase};  // the scenario as given (its variant already applied)
  spec.world = &world;
  spec.days = days;
  Diagnostics diagnostics;
  Scenario changed = scenario;
  // Every channel on, for checking the NumPy baseline's agreement (not the timing's default): the
  // pledged force (its air, monitoring and buffer-zone troops), the US backstop in full from day 0
  // (and so its withdrawal hazard), and below an air shield meeting at least half the incursions.
  if (all_channels) {
    spec.mode = pipeline::ForceMode::pledged;
    changed.simulation.us_backstop = BackstopMode::present;
  }
  auto models = pipeline::compile_models(changed, spec, diagnostics);
  if (!models) {
    for (const auto& d : diagnostics.all()) std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());
    std::fprintf(stderr, "sim_bench: %s\n", models.status().message().c_str());
    return std::nullopt;
  }
  sim::Model model = std::move(models->front());
  if (all_channels) {
    model.air_shield_coverage = std::max(model.air_shield_coverage, 0.5);
    // No package of the shipped scenario has monitors or buffer-zone troops: synthetic ones, so
    // the monitoring share (detection, the violation regime) and, under reassurance, the
    // buffer-zone share (tripwire, who answers a probe) are exercised too.
    for (auto& n : model.nations) {
      n.monitoring_troops = std::max(n.monitoring_troops, 0.05 * n.troops);
      if (n.lead) {
        n.interposition_combat_troops = std::max(n.interposition_combat_troops, 0.5 * n.land_combat_troops);
        n.interposition_exposed_troops = std::max(n.interposition_exposed_troops, 0.5 * n.exposed_troops);
      }
    }
  }
  return model;
}

}  // namespace

// sim_bench SCENARIO [REPLICATIONS] [MODEL_JSON] [VARIANT] [all-channels]
int main(int argc, char** argv) {
  const std::string file = argc > 1 ? argv[1] : "data/scenarios/mnf-ukraine.yaml";
  std::uint64_t replications = 100000;
  if (argc > 2) {
    const std::string text = argv[2];
    if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos || std::stoull(text) == 0) {
      std::fprintf(stderr, "sim_bench: REPLICATIONS must be a positive integer, found '%s'\n", argv[2]);
      return 2;
    }
    replications = std::stoull(text);
  }
  const std::string variant = argc > 4 && argv[4][0] ? argv[4] : pipeline::kBase;
  bool all_channels = false;
  bool time_only = false;  // only the engine's replications per CPU-second (run.sh pairs it with NumPy)
  for (int i = 5; i < argc; ++i) {
    const std::string flag = argv[i];
    if (flag == "all-channels") {
      all_channels = true;
    } else if (flag == "time-only") {
      time_only = true;
    } else {
      std::fprintf(stderr, "sim_bench: the flags after VARIANT are 'all-channels' and 'time-only', found '%s'\n", argv[i]);
      return 2;
    }
  }
  io::LoadResult loaded = io::load_scenario_file(file);
  if (!loaded.ok()) {
    for (const auto& d : loaded.diagnostics.all()) std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());
    return 2;
  }
  Diagnostics variant_diagnostics;
  const auto with_variant = pipeline::is_base(variant) ? std::optional<Scenario>(*loaded.scenario)
                                                       : pipeline::load_variant(file, variant, variant_diagnostics);
  if (!with_variant) {
    for (const auto& d : variant_diagnostics.all()) std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());
    return 2;
  }
  const Scenario& scenario = *with_variant;
  Diagnostics geo_diagnostics;
  const std::string geo_dir = io::find_world_data_dir("");
  const auto world = io::load_world_data(geo_dir, geo_diagnostics);
  if (!world) {
    for (const auto& d : geo_diagnostics.all()) std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());
    std::fprintf(stderr, "sim_bench: the reference geography in '%s' cannot be read\n", geo_dir.c_str());
    return 2;
  }
  const auto compiled = compile(scenario, *world, std::nullopt, all_channels);
  if (!compiled) return 2;
  const sim::Model& model = *compiled;
  if (time_only) {
    const Timing t = time_run(model, replications, 1);
    std::printf("RESULT cpp_1thread_reps_per_cpu_s=%.0f\n", replications / t.cpu);
    return 0;
  }
  std::printf("scenario %s, variant %s%s: %zu contributors, %.0f troops (%.3f on day 0, %zu arrival steps), "
              "mandate %d, air shield coverage %.3f, US backstop share %.3f, direct-effect scale %.3f\n",
              file.c_str(), variant.c_str(), all_channels ? " (all channels)" : "", model.nations.size(),
              model.initial_troops, model.initial_share, model.arrivals.size(), model.mandate_index(),
              model.air_shield_coverage, model.backstop_share, model.direct_effect_scale);
  std::printf("%llu replications\n", static_cast<unsigned long long>(replications));
  std::printf("%-6s %-8s %10s %10s %16s %18s %8s\n", "days", "threads", "wall_s", "cpu_s", "replications/s",
              "reps/s/cpu-second", "P(hold)");
  for (int days : {365, 730, 1460}) {
    const auto m = compile(scenario, *world, days, all_channels);
    if (!m) return 2;
    for (unsigned threads : {1u, 2u}) {
      const Timing t = time_run(*m, replications, threads);
      std::printf("%-6d %-8u %10.3f %10.3f %16.0f %18.0f %8.4f\n", days, threads, t.seconds, t.cpu,
                  replications / t.seconds, replications / t.cpu, t.p_hold);
    }
  }
  // The engine against drawing its variates alone, interleaved over several rounds and reported
  // as medians: on a shared, noisy machine one pair of timings can be off by tens of percent.
  // The variates are counted in a separate, untimed run (the same draws: a replication is a pure
  // function of its index), so the timed runs do not pay for the counting.
  const sim::DrawCounts d = time_run(model, replications, 1, true).draws;
  constexpr int kRounds = 7;
  std::vector<double> engine_cpu, bound_cpu, ratios;
  Timing reference;
  for (int round = 0; round < kRounds; ++round) {
    reference = time_run(model, replications, 1);
    const double bound = time_draws_alone(d);
    engine_cpu.push_back(reference.cpu);
    bound_cpu.push_back(bound);
    ratios.push_back(reference.cpu / bound);
  }
  std::printf("variates per replication (%d days): uniform %.1f, exponential %.1f, poisson %.2f+%.2f, binomial %.2f\n",
              model.settings.days, double(d.uniforms) / replications, double(d.exponentials) / replications,
              double(d.poisson_small) / replications, double(d.poisson_large) / replications,
              double(d.binomials) / replications);
  const auto [low, high] = std::minmax_element(ratios.begin(), ratios.end());
  std::printf("engine / draws alone over %d rounds: median %.2f (min %.2f, max %.2f)\n", kRounds, median(ratios), *low,
              *high);
  const double engine = median(engine_cpu);
  std::printf("RESULT cpp_1thread_reps_per_cpu_s=%.0f draws_alone_cpu_s=%.3f sim_1thread_cpu_s=%.3f "
              "ratio_sim_to_draws=%.2f p_hold=%.4f\n",
              replications / engine, median(bound_cpu), engine, median(ratios), reference.p_hold);
  print_breakdown(model, replications);
  if (argc > 3) {
    nlohmann::json out = model_json(model);
    out["engine"] = agreement_json(engine_outcomes(model, replications));
    std::ofstream(argv[3]) << out.dump(1);
  }
  return 0;
}
