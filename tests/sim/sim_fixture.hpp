#pragma once
// Helpers shared by the simulation tests: load a fixture scenario and compile its model.

#include <gtest/gtest.h>

#include "guarantor/io/scenario_io.hpp"
#include "guarantor/sim/engine.hpp"
#include "support/cli_runner.hpp"

namespace guarantor::testing {

inline Scenario load_fixture(const std::string& relative, const std::string& variant = "") {
  io::LoadResult result = io::load_scenario_file(source_path(relative), io::LoadOptions{variant});
  EXPECT_TRUE(result.ok()) << relative;
  for (const auto& d : result.diagnostics.all()) ADD_FAILURE() << format_diagnostic(d);
  return result.ok() ? *result.scenario : Scenario{};
}

inline sim::Model compile(const Scenario& scenario, const ForcePackage& package, const std::string& name = "base") {
  Diagnostics diagnostics;
  sim::Model model = sim::compile_model(scenario, package, name, diagnostics);
  EXPECT_FALSE(diagnostics.has_errors());
  return model;
}

inline sim::Accumulators run(const std::vector<sim::Model>& models, std::uint64_t seed, std::uint64_t replications,
                             unsigned threads = 2) {
  sim::RunOptions options;
  options.seed = seed;
  options.first = 0;
  options.end = replications;
  options.threads = threads;
  return sim::run_replications(models, options).accumulators;
}

// The record of a whole run of `models` from `scenario` (replications 0 to `replications`), as
// the report writes it.
inline sim::SimulationRecord whole_run_record(const Scenario& scenario, const std::vector<sim::Model>& models,
                                              sim::Accumulators accumulators, std::uint64_t replications,
                                              std::uint64_t seed) {
  sim::SimulationRecord record;
  record.description = sim::describe_run(scenario, models);
  record.seed = seed;
  record.replications = replications;
  record.end = replications;
  record.accumulators = std::move(accumulators);
  return record;
}

// Share of replications whose ceasefire failed before `day`.
inline double failed_before(const sim::VariantAccumulator& v, int day) {
  std::uint64_t failed = 0;
  for (int d = 0; d < day && d < static_cast<int>(v.failures_by_day.size()); ++d) failed += v.failures_by_day[d];
  return static_cast<double>(failed) / static_cast<double>(v.replications);
}

}  // namespace guarantor::testing
