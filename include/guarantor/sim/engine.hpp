#pragma once
// The campaign Monte Carlo: runs replications of every variant over threads and reduces them into
// integer accumulators. A SimulationRecord is the typed result of a run (or of one shard of it):
// the description of what was simulated plus the accumulators. Writing it (simulation.json,
// simulation.md) is report's job, reading shard files io's; merging shard records is here.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "guarantor/core/status.hpp"
#include "guarantor/sim/accumulators.hpp"
#include "guarantor/sim/model.hpp"

namespace guarantor::sim {

// Called from the calling thread about ten times a second with (done, total).
using ProgressCallback = std::function<void(std::uint64_t done, std::uint64_t total)>;

struct RunOptions {
  std::uint64_t seed = 0;
  std::uint64_t first = 0;  // replication indices [first, end)
  std::uint64_t end = 0;
  unsigned threads = 1;
  // Count the variates drawn, by kind (RunResult::draws; for the benchmark). Off by default: the
  // counting itself costs a few percent.
  bool count_draws = false;
  ProgressCallback progress;
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

// --- The description of a run: what each variant's model compiled, as simulated. describe_run
// keeps the model's values unrounded and the writers round them; a record read back from a file
// (io) holds them as written, so records of one run compare equal only when read the same way
// (merge_records takes shards read from their files).

struct NationDescription {
  std::string code;
  double troops = 0;
  bool lead = false;
  bool nuclear_armed = false;
  double casualty_tolerance_kia = 0;
  double mandate_cycle_months = 0;
  double first_vote_month = 0;
  std::vector<double> election_days;  // dated elections whose window falls in the period
  bool operator==(const NationDescription&) const = default;
};

// The deterrence terms on day 0 as log hazard ratios, and the hazard ratio they give.
struct DeterrenceDescription {
  double force = 0;
  double nuclear = 0;
  double us_backstop = 0;
  double ukraine = 0;
  double monitoring = 0;
  double hazard_ratio = 1;
  bool operator==(const DeterrenceDescription&) const = default;
};

struct VariantDescription {
  std::string name;
  std::string mode;           // Model::mode: planned, required or pledged ("" = not said)
  std::size_t reference = 0;  // Model::reference: the variant its paired differences are against
  std::string mandate;      // to_string(Mandate)
  std::string us_backstop;  // present, delayed or absent
  std::string force_origin;
  double troops_in_theatre = 0;
  std::vector<NationDescription> nations;  // the order of the accumulators' per-nation entries
  DeterrenceDescription deterrence_at_start;
  std::vector<double> failure_multiplier_normalised;  // by escalation level
  std::vector<ParameterRow> parameters;
  bool operator==(const VariantDescription&) const = default;
};

struct RunDescription {
  std::string scenario_name;
  std::string scenario_title;
  int days = 0;
  int report_interval_days = 0;
  std::vector<int> sample_days;  // days at which troops in theatre are recorded
  std::vector<VariantDescription> variants;
  bool operator==(const RunDescription&) const = default;
};

// Everything a simulation.json holds: the description of the run and the accumulators of the
// replications [first, end) of shard `shard_index` of `shard_count` (1 of 1 for a whole run).
struct SimulationRecord {
  RunDescription description;
  std::uint64_t seed = 0;
  std::uint64_t replications = 0;  // of the whole run
  int shard_index = 1;
  int shard_count = 1;
  std::uint64_t first = 0;
  std::uint64_t end = 0;
  int mpi_ranks = 1;  // processes the replications were spread over (mpirun -np); not part of the results
  Accumulators accumulators;
};

RunDescription describe_run(const Scenario& scenario, const std::vector<Model>& models);

// A record of shard `shard_index` of `shard_count` of a run, described, with empty accumulators.
SimulationRecord new_record(const Scenario& scenario, const std::vector<Model>& models, std::uint64_t seed,
                            std::uint64_t replications, int shard_index = 1, int shard_count = 1);

// Runs the record's replications [first, end) with its seed and stores their accumulators in it.
// threads = 0 uses every core; `progress` (optional) is called as in RunOptions.
void run_record(SimulationRecord& record, const std::vector<Model>& models, unsigned threads = 0,
                const ProgressCallback& progress = {});

// Sums shard records of one run (same description, seed and replications; disjoint ranges
// covering every replication) into the record of the whole run. invalid_input says what is wrong.
Expected<SimulationRecord> merge_records(const std::vector<SimulationRecord>& shards);

}  // namespace guarantor::sim
