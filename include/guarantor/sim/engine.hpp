#pragma once
// The campaign Monte Carlo: runs replications of every variant over threads, reduces them into
// integer accumulators, and turns those into simulation.json / simulation.md. Shard records
// (JSON) merge into exactly the record one run gives.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "guarantor/sim/accumulators.hpp"
#include "guarantor/sim/model.hpp"

namespace guarantor::sim {

struct RunOptions {
  std::uint64_t seed = 0;
  std::uint64_t first = 0;  // replication indices [first, end)
  std::uint64_t end = 0;
  unsigned threads = 1;
  // Count the variates drawn, by kind (RunResult::draws; for the benchmark). Off by default: the
  // counting itself costs a few percent.
  bool count_draws = false;
  // Called from the calling thread about ten times a second with (done, total).
  std::function<void(std::uint64_t, std::uint64_t)> progress;
};

struct RunResult {
  Accumulators accumulators;
  DrawCounts draws;  // variates drawn, by kind, when RunOptions::count_draws (else zero)
};

// Runs replications [first, end) of every model with common random numbers: replication i of
// each variant uses the same (seed, i) streams. Bit-identical for any thread count.
RunResult run_replications(const std::vector<Model>& models, const RunOptions& options);

// Replication range of shard `index` (1-based) of `count` over `replications`.
std::pair<std::uint64_t, std::uint64_t> shard_range(std::uint64_t replications, int index, int count);

// Everything a simulation.json holds: the description of the run and the accumulators.
struct SimulationRecord {
  nlohmann::json context;  // scenario, variants (force, deterrence, parameters), sample days
  std::uint64_t seed = 0;
  std::uint64_t replications = 0;  // of the whole run
  int shard_index = 1;
  int shard_count = 1;
  std::uint64_t first = 0;
  std::uint64_t end = 0;
  Accumulators accumulators;
};

nlohmann::json describe_run(const Scenario& scenario, const std::vector<Model>& models);
nlohmann::json record_to_json(const SimulationRecord& record);
std::string record_to_markdown(const SimulationRecord& record);
std::optional<SimulationRecord> record_from_json(const nlohmann::json& j, std::string& error);
// Sums shard records of one run (same context, seed and replications; disjoint ranges covering
// every replication) into the record of the whole run.
std::optional<SimulationRecord> merge_records(const std::vector<SimulationRecord>& shards, std::string& error);

// Parameters of the simulation settings with their value and source (or `assumption`).
nlohmann::json parameter_table(const SimulationSettings& settings);

}  // namespace guarantor::sim
