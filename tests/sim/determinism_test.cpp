// Reproducibility (issue 4, item 7): the same output for any thread count and any shard split,
// a replication as a pure function of its index, and common random numbers across variants.
#include "sim/sim_fixture.hpp"

namespace guarantor::testing {
namespace {

const char* const kFixture = "tests/data/sim/variants.yaml";

std::vector<sim::Model> variant_models() {
  std::vector<sim::Model> models;
  for (const std::string name : {"", "no-backstop", "interposition"}) {
    Scenario scenario = load_fixture(kFixture, name);
    models.push_back(compile(scenario, package_from_pledges(scenario), name.empty() ? "base" : name));
  }
  return models;
}

std::string render(const std::vector<sim::Model>& models, const sim::Accumulators& acc, std::uint64_t replications,
                   std::uint64_t seed) {
  sim::SimulationRecord record;
  record.context = sim::describe_run(load_fixture(kFixture), models);
  record.seed = seed;
  record.replications = replications;
  record.end = replications;
  record.accumulators = acc;
  return sim::record_to_json(record).dump(1) + sim::record_to_markdown(record);
}

TEST(Determinism, ThreadCountDoesNotChangeOutput) {
  const auto models = variant_models();
  const std::string one = render(models, run(models, 5, 1500, 1), 1500, 5);
  EXPECT_EQ(one, render(models, run(models, 5, 1500, 2), 1500, 5));
  EXPECT_EQ(one, render(models, run(models, 5, 1500, 3), 1500, 5));
  EXPECT_NE(one, render(models, run(models, 6, 1500, 2), 1500, 6)) << "the seed must matter";
}

TEST(Determinism, MergedShardsEqualOneRun) {
  const auto models = variant_models();
  const std::uint64_t replications = 1000;
  sim::SimulationRecord whole;
  whole.context = sim::describe_run(load_fixture(kFixture), models);
  whole.seed = 3;
  whole.replications = replications;
  whole.end = replications;
  whole.accumulators = run(models, 3, replications);
  std::vector<sim::SimulationRecord> shards;
  for (int i = 1; i <= 3; ++i) {
    sim::SimulationRecord shard = whole;
    shard.shard_index = i;
    shard.shard_count = 3;
    std::tie(shard.first, shard.end) = sim::shard_range(replications, i, 3);
    sim::RunOptions options;
    options.seed = 3;
    options.first = shard.first;
    options.end = shard.end;
    options.threads = 2;
    shard.accumulators = sim::run_replications(models, options).accumulators;
    // Through JSON, as `guarantor merge` reads them.
    std::string error;
    auto reread = sim::record_from_json(sim::record_to_json(shard), error);
    ASSERT_TRUE(reread) << error;
    shards.insert(shards.begin(), *reread);  // out of order on purpose
  }
  std::string error;
  const auto merged = sim::merge_records(shards, error);
  ASSERT_TRUE(merged) << error;
  EXPECT_EQ(sim::record_to_json(*merged).dump(1), sim::record_to_json(whole).dump(1));
  EXPECT_EQ(sim::record_to_markdown(*merged), sim::record_to_markdown(whole));
}

TEST(Determinism, ShardRangesPartitionTheReplications) {
  for (std::uint64_t total : {1ull, 7ull, 1000ull, 100001ull}) {
    std::uint64_t covered = 0;
    for (int i = 1; i <= 7; ++i) {
      const auto [first, end] = sim::shard_range(total, i, 7);
      EXPECT_EQ(first, covered);
      covered = end;
    }
    EXPECT_EQ(covered, total);
  }
}

TEST(Determinism, ReplicationIsAPureFunctionOfItsIndex) {
  const auto models = variant_models();
  sim::ReplicationWorkspace used;
  sim::ReplicationOutcome warm;
  for (std::uint64_t rep = 0; rep < 40; ++rep) sim::simulate_replication(models[0], 9, rep, used, warm);
  sim::simulate_replication(models[0], 9, 17, used, warm);
  sim::ReplicationWorkspace fresh;
  sim::ReplicationOutcome cold;
  sim::simulate_replication(models[0], 9, 17, fresh, cold);
  EXPECT_EQ(warm.failure_day, cold.failure_day);
  EXPECT_EQ(warm.kia, cold.kia);
  EXPECT_EQ(warm.incidents, cold.incidents);
  EXPECT_EQ(warm.troops_at_sample, cold.troops_at_sample);
}

TEST(CommonRandomNumbers, IdenticalVariantsDifferByExactlyZero) {
  const auto models = variant_models();
  const auto acc = run({models[0], models[0]}, 4, 500);
  for (const auto& metric : acc.paired[0]) {
    EXPECT_EQ(metric.sum, 0);
    EXPECT_EQ(metric.sum_squares, 0u);
  }
}

TEST(CommonRandomNumbers, BackstopLowersFailureWithATightInterval) {
  const auto models = variant_models();
  const std::uint64_t n = 4000;
  const auto acc = run({models[0], models[1]}, 8, n);
  const auto& diff = acc.paired[0][sim::kFailedByEnd];
  const double mean = static_cast<double>(diff.sum) / n;
  const double sd = std::sqrt(static_cast<double>(diff.sum_squares) / n - mean * mean);
  EXPECT_GT(mean, 0) << "removing the US backstop must not make the ceasefire hold more often";
  // With common random numbers the paired difference is far less noisy than two independent runs.
  const double p0 = failed_before(acc.variants[0], 365);
  const double p1 = failed_before(acc.variants[1], 365);
  EXPECT_LT(sd * sd, 0.5 * (p0 * (1 - p0) + p1 * (1 - p1)));
}

TEST(Accumulators, HistogramQuantilesAreExactForSmallCounts) {
  sim::CountHistogram h;
  for (std::uint64_t v = 1; v <= 100; ++v) h.add(v);
  EXPECT_EQ(h.quantile(0.05), 5);
  EXPECT_EQ(h.quantile(0.5), 50);
  EXPECT_EQ(h.quantile(0.95), 95);
  EXPECT_DOUBLE_EQ(h.mean(), 50.5);
  sim::CountHistogram big;
  for (int i = 0; i < 10; ++i) big.add(52000);
  EXPECT_EQ(big.quantile(0.5), 52000);  // one distinct value in its bin: exact
  EXPECT_LT(sim::CountHistogram::bin_of(255), sim::CountHistogram::bin_of(256));
  EXPECT_LE(sim::CountHistogram::bin_of(1000), sim::CountHistogram::bin_of(1023));
}

}  // namespace
}  // namespace guarantor::testing
