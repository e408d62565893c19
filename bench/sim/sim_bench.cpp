// sim_bench SCENARIO [REPLICATIONS] [MODEL_JSON]: times the campaign Monte Carlo on a scenario
// (default data/scenarios/mnf-ukraine.yaml) for 1 and 2 threads and 365/730/1460 days, and in
// the same run the time to draw the same random variates alone (the bound), interleaved with the
// engine over several rounds (medians reported). Writes the model's numbers to MODEL_JSON for the NumPy baseline (bench/sim/numpy_baseline.py). Not a test.
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <vector>

#include "guarantor/io/scenario_io.hpp"
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

nlohmann::json model_json(const sim::Model& m) {
  const auto& s = m.settings;
  nlohmann::json nations = nlohmann::json::array();
  for (const auto& n : m.nations) {
    nations.push_back({{"code", n.code}, {"troops", n.troops}, {"exposed", n.exposed_troops}, {"combat", n.combat_troops},
                       {"training", n.training_troops}, {"monitoring", n.monitoring_troops},
                       {"nuclear", n.nuclear_armed}, {"lead", n.lead}, {"tolerance", n.casualty_tolerance_kia},
                       {"cycle_months", n.mandate_cycle_months}, {"first_vote_month", n.first_vote_month}});
  }
  return {{"days", s.days},
          {"mandate", static_cast<int>(s.mandate)},
          {"backstop", m.backstop_at_start},
          {"weibull_shape", s.baseline.weibull_shape},
          {"weibull_scale_days", s.baseline.weibull_scale_days},
          {"up", s.ladder.up_per_day},
          {"down", s.ladder.down_per_day},
          {"failure_multiplier", m.failure_multiplier},
          {"coupling", s.ladder.deterrence_coupling},
          {"deterrence", {{"force_hr", s.deterrence.force_hazard_ratio}, {"reference", s.deterrence.reference_troops},
                          {"elasticity", s.deterrence.size_elasticity}, {"cap", s.deterrence.max_size_factor},
                          {"readiness", s.deterrence.readiness}, {"nuclear_hr", s.deterrence.nuclear_hazard_ratio},
                          {"us_hr", s.deterrence.us_backstop_hazard_ratio}, {"ukraine_hr", s.deterrence.ukraine_hazard_ratio},
                          {"rebuild0", s.deterrence.ukraine_initial_rebuild},
                          {"rebuild_rate", s.deterrence.ukraine_rebuild_per_year},
                          {"rebuild_per_1000", s.deterrence.ukraine_rebuild_per_year_per_1000_trainers},
                          {"monitoring_hr", s.deterrence.monitoring_hazard_ratio},
                          {"penalty", s.deterrence.unanswered_test_log_hazard},
                          {"credit", s.deterrence.answered_test_credit},
                          {"penalty_cap", s.deterrence.max_unanswered_penalty},
                          {"interposition", s.deterrence.interposition_force_factor}}},
          {"incidents", {{"violations", s.incidents.violations_per_day}, {"det0", s.incidents.base_detection_probability},
                         {"det1", s.incidents.full_detection_probability},
                         {"monitors_full", s.incidents.monitoring_troops_for_full_detection},
                         {"probes", s.incidents.probes_per_day}, {"hybrid", s.incidents.hybrid_per_day},
                         {"strikes", s.incidents.strikes_per_day}, {"kia_per_strike", s.incidents.kia_per_strike_mean},
                         {"respond", s.incidents.respond_probability},
                         {"escalate", s.incidents.response_escalation_probability}}},
          {"hostile", s.casualties.hostile_per_1000_per_year},
          {"exposure", s.casualties.exposure_by_mandate[static_cast<int>(s.mandate)]},
          {"cohesion", {{"base", s.cohesion.base_exit_hazard_per_year}, {"weight", s.cohesion.casualty_weight},
                        {"renew0", s.cohesion.renewal_failure_probability},
                        {"renew1", s.cohesion.renewal_failure_probability_after_casualties},
                        {"recent", s.cohesion.recent_casualty_days}, {"cascade", s.cohesion.cascade_probability},
                        {"cascade_days", s.cohesion.cascade_window_days}}},
          {"combat", {{"red", s.combat.red_troops}, {"regen", s.combat.red_regeneration_per_month},
                      {"cap", s.combat.red_troops_cap}, {"ukraine", s.combat.ukraine_troops},
                      {"a", s.combat.red_effectiveness}, {"b", s.combat.blue_effectiveness},
                      {"days", s.combat.combat_days}, {"killed", s.combat.killed_share},
                      {"engaged", s.combat.engaged_share_by_mandate[static_cast<int>(s.mandate)]}}},
          {"nations", nations}};
}

}  // namespace

int main(int argc, char** argv) {
  const std::string file = argc > 1 ? argv[1] : "data/scenarios/mnf-ukraine.yaml";
  const std::uint64_t replications = argc > 2 ? std::stoull(argv[2]) : 100000;
  io::LoadResult loaded = io::load_scenario_file(file);
  if (!loaded.ok()) {
    for (const auto& d : loaded.diagnostics.all()) std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());
    return 2;
  }
  Diagnostics diagnostics;
  const Scenario& scenario = *loaded.scenario;
  const sim::Model model = sim::compile_model(scenario, package_from_pledges(scenario), "base", diagnostics);
  if (argc > 3) std::ofstream(argv[3]) << model_json(model).dump(1);
  std::printf("scenario %s: %zu contributors, %.0f troops, %llu replications\n", file.c_str(), model.nations.size(),
              model.initial_troops, static_cast<unsigned long long>(replications));
  std::printf("%-6s %-8s %10s %10s %16s %18s %8s\n", "days", "threads", "wall_s", "cpu_s", "replications/s",
              "reps/s/cpu-second", "P(hold)");
  for (int days : {365, 730, 1460}) {
    Scenario changed = scenario;
    changed.simulation.days = days;
    const sim::Model m = sim::compile_model(changed, package_from_pledges(changed), "base", diagnostics);
    for (unsigned threads : {1u, 2u}) {
      const Timing t = time_run(m, replications, threads);
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
  return 0;
}
