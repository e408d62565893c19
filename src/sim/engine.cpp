// Threads take blocks of replication indices from a shared counter; each keeps its own integer
// accumulators, summed at the end. Integer sums do not depend on the order of addition, so the
// result is the same for any number of threads and any shard split.
#include "guarantor/sim/engine.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

namespace guarantor::sim {

namespace {
constexpr std::uint64_t kBlock = 64;

struct Worker {
  Accumulators accumulators;
  DrawCounts draws;
};

void work(const std::vector<Model>& models, const RunOptions& options, std::atomic<std::uint64_t>& next,
          std::atomic<std::uint64_t>& done, Worker& worker) {
  ReplicationWorkspace workspace;
  std::vector<ReplicationOutcome> outcomes(models.size());
  while (true) {
    const std::uint64_t start = next.fetch_add(kBlock);
    if (start >= options.end) break;
    const std::uint64_t stop = std::min(options.end, start + kBlock);
    for (std::uint64_t rep = start; rep < stop; ++rep) {
      for (std::size_t v = 0; v < models.size(); ++v) {
        simulate_replication(models[v], options.seed, rep, workspace, outcomes[v],
                             options.count_draws ? &worker.draws : nullptr);
      }
      worker.accumulators.add(outcomes);
    }
    done.fetch_add(stop - start);
  }
}
}  // namespace

std::pair<std::uint64_t, std::uint64_t> shard_range(std::uint64_t replications, int index, int count) {
  // floor(i R / N) without overflow: R = qN + r, so i R / N = i q + i r / N.
  const auto n = static_cast<std::uint64_t>(count);
  const std::uint64_t q = replications / n;
  const std::uint64_t r = replications % n;
  auto at = [&](std::uint64_t i) { return i * q + i * r / n; };
  return {at(static_cast<std::uint64_t>(index - 1)), at(static_cast<std::uint64_t>(index))};
}

RunResult run_replications(const std::vector<Model>& models, const RunOptions& options) {
  const unsigned threads = std::max(1u, options.threads);
  std::vector<Worker> workers(threads);
  for (auto& w : workers) w.accumulators = Accumulators::sized_for(models);
  std::atomic<std::uint64_t> next{options.first};
  std::atomic<std::uint64_t> done{0};
  const std::uint64_t total = options.end > options.first ? options.end - options.first : 0;
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) {
    pool.emplace_back([&, t] { work(models, options, next, done, workers[t]); });
  }
  if (options.progress) {
    // The calling thread reports progress while the pool works, then joins in.
    std::thread reporter_work([&] { work(models, options, next, done, workers[0]); });
    while (done.load() < total) {
      options.progress(done.load(), total);
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    reporter_work.join();
    options.progress(total, total);
  } else {
    work(models, options, next, done, workers[0]);
  }
  for (auto& t : pool) t.join();
  RunResult result{Accumulators::sized_for(models), {}};
  for (const auto& w : workers) {
    result.accumulators.merge(w.accumulators);
    result.draws += w.draws;
  }
  return result;
}

void run_record(SimulationRecord& record, const std::vector<Model>& models, unsigned threads,
                const ProgressCallback& progress) {
  RunOptions options;
  options.seed = record.seed;
  options.first = record.first;
  options.end = record.end;
  options.threads = threads ? threads : std::max(1u, std::thread::hardware_concurrency());
  options.progress = progress;
  record.accumulators = run_replications(models, options).accumulators;
}

}  // namespace guarantor::sim
