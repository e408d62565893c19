// bench_plan: solve times of the plan stage, and how they grow.
//   default/plan          the shipped scenario, lexicographic plan only (the baseline)
//   default/plan+N-1      the same plus every N-1 and N-2 re-solve (issue 11 target: < 1 s)
//   synthetic/N/U/C       generated coalitions, plan only, from 10×8×6 to 100×40×30
// After the runs it prints each time as a ratio to its baseline in the same run.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>
#include <string>

#include "guarantor/io/scenario_io.hpp"
#include "guarantor/plan/plan.hpp"
#include "guarantor/plan/synthetic.hpp"

namespace {

using guarantor::Scenario;
using namespace guarantor::plan;

const Scenario* default_scenario() {
  static const auto loaded = [] {
    auto r = guarantor::io::load_scenario_file(std::string(GUARANTOR_SOURCE_DIR) + "/data/scenarios/mnf-ukraine.yaml");
    return r.ok() ? std::optional<Scenario>(std::move(*r.scenario)) : std::nullopt;
  }();
  return loaded ? &*loaded : nullptr;
}

void run(benchmark::State& state, const Scenario& scenario, bool contingency) {
  PlanOptions options;
  options.draws = 0;
  options.explain = false;
  options.contingency = contingency;
  PlanResult last;
  for (auto _ : state) {
    last = make_plan(scenario, options);
    benchmark::DoNotOptimize(last.status);
  }
  state.counters["solves"] = last.solves;
  state.counters["unmet_troops"] = last.objective.empty() ? -1 : last.objective.front().value;
  state.counters["gap"] = last.gap;
  state.SetLabel(guarantor::milp::to_string(last.status));
}

void BM_DefaultPlan(benchmark::State& state) {
  if (!default_scenario()) return state.SkipWithError("data/scenarios/mnf-ukraine.yaml does not load");
  run(state, *default_scenario(), state.range(0) != 0);
}
BENCHMARK(BM_DefaultPlan)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_Synthetic(benchmark::State& state) {
  const Scenario s = synthetic_scenario({static_cast<int>(state.range(0)), static_cast<int>(state.range(1)),
                                         static_cast<int>(state.range(2)), 1});
  run(state, s, false);
}
BENCHMARK(BM_Synthetic)
    ->Args({10, 8, 6})
    ->Args({25, 16, 12})
    ->Args({50, 24, 20})
    ->Args({100, 40, 30})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1);

// Collects real times so the ratios can be printed after the standard report.
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const auto& r : runs) times_[r.benchmark_name()] = r.GetAdjustedRealTime();
    ConsoleReporter::ReportRuns(runs);
  }
  void print_ratios() const {
    std::printf("\nRatios (same run):\n");
    const auto base = times_.find("BM_DefaultPlan/0/real_time");
    const auto full = times_.find("BM_DefaultPlan/1/real_time");
    if (base != times_.end() && full != times_.end())
      std::printf("  default plan + N-1/N-2 vs plan only: %.2fx (%.1f ms vs %.1f ms; target < 1000 ms, issue 11)\n",
                  full->second / base->second, full->second, base->second);
    const auto small = times_.find("BM_Synthetic/10/8/6/iterations:1/real_time");
    for (const auto& [name, time] : times_) {
      if (small != times_.end() && name.rfind("BM_Synthetic", 0) == 0)
        std::printf("  %-45s %9.1f ms  %7.1fx the 10x8x6 coalition\n", name.c_str(), time, time / small->second);
    }
  }

 private:
  std::map<std::string, double> times_;
};

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  reporter.print_ratios();
  benchmark::Shutdown();
  return 0;
}
