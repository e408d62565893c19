// Merging shard records: the accumulators are integer sums, so the shards of a run add up to
// exactly the record one run gives.
#include <fmt/format.h>

#include <algorithm>

#include "guarantor/sim/engine.hpp"

namespace guarantor::sim {

namespace {

Status missing(std::uint64_t from, std::uint64_t to) {
  return Status::invalid_input(fmt::format("replications {} to {} are missing", from, to));
}

bool same_run(const SimulationRecord& a, const SimulationRecord& b) {
  return a.seed == b.seed && a.replications == b.replications && a.description == b.description;
}

}  // namespace

Expected<SimulationRecord> merge_records(const std::vector<SimulationRecord>& shards) {
  if (shards.empty()) return Status::invalid_input("no shard results to merge");
  std::vector<const SimulationRecord*> sorted;
  for (const auto& s : shards) sorted.push_back(&s);
  std::sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) { return a->first < b->first; });
  const SimulationRecord& head = *sorted.front();
  if (head.first != 0) return missing(0, head.first);
  SimulationRecord merged = head;
  std::uint64_t covered = head.first;
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    const SimulationRecord& s = *sorted[i];
    if (!same_run(s, head)) {
      return Status::invalid_input(
          "the shards come from different runs (seed, replications, scenario or settings differ)");
    }
    if (s.first < covered) return Status::invalid_input(fmt::format("shards overlap at replication {}", s.first));
    if (s.first > covered) return missing(covered, s.first);
    if (i > 0) merged.accumulators.merge(s.accumulators);
    covered = s.end;
  }
  if (covered != head.replications) return missing(covered, head.replications);
  merged.shard_index = 1;
  merged.shard_count = 1;
  merged.first = 0;
  merged.end = head.replications;
  return merged;
}

}  // namespace guarantor::sim
