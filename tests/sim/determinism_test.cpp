// Reproducibility (issue 4, item 7): the same output for any thread count and any shard split,
// a replication as a pure function of its index, and common random numbers across variants.
#include "guarantor/io/simulation_io.hpp"
#include "guarantor/report/simulation_output.hpp"
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
  const auto record = whole_run_record(load_fixture(kFixture), models, acc, replications, seed);
  return report::simulation_json(record).dump(1) + report::simulation_markdown(record);
}

TEST(Determinism, ThreadCountDoesNotChangeOutput) {
  const auto models = variant_models();
  const std::string one = render(models, run(models, 5, 1500, 1), 1500, 5);
  EXPECT_EQ(one, render(models, run(models, 5, 1500, 2), 1500, 5));
  EXPECT_EQ(one, render(models, run(models, 5, 1500, 3), 1500, 5));
  EXPECT_NE(one, render(models, run(models, 6, 1500, 2), 1500, 6)) << "the seed must matter";
}

// The fixture's models with the last one paired with the second instead of the first, as a run's
// required twin is paired with its planned entry.
std::vector<sim::Model> models_with_reference() {
  auto models = variant_models();
  models[2].mode = "required";
  models[2].reference = 1;
  return models;
}

void expect_merged_shards_equal_one_run(const std::vector<sim::Model>& models) {
  const std::uint64_t replications = 1000;
  sim::SimulationRecord whole;
  whole.description = sim::describe_run(load_fixture(kFixture), models);
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
    auto reread = io::simulation_record_from_json(report::simulation_json(shard));
    ASSERT_TRUE(reread) << reread.status().message();
    // The file holds the description rounded as written; written again it gives the same bytes.
    EXPECT_EQ(report::simulation_json(*reread).dump(1), report::simulation_json(shard).dump(1));
    shards.insert(shards.begin(), *reread);  // out of order on purpose
  }
  const auto merged = sim::merge_records(shards);
  ASSERT_TRUE(merged) << merged.status().message();
  EXPECT_EQ(report::simulation_json(*merged).dump(1), report::simulation_json(whole).dump(1));
  EXPECT_EQ(report::simulation_markdown(*merged), report::simulation_markdown(whole));
  // A missing or repeated shard is invalid input, not a smaller result.
  const auto incomplete = sim::merge_records({shards[0], shards[1]});
  ASSERT_FALSE(incomplete);
  EXPECT_EQ(incomplete.status().code(), StatusCode::invalid_input);
  EXPECT_NE(incomplete.status().message().find("missing"), std::string::npos) << incomplete.status().message();
  const auto overlapping = sim::merge_records({shards[0], shards[0], shards[1], shards[2]});
  ASSERT_FALSE(overlapping);
  EXPECT_NE(overlapping.status().message().find("overlap"), std::string::npos) << overlapping.status().message();
}

TEST(Determinism, MergedShardsEqualOneRun) { expect_merged_shards_equal_one_run(variant_models()); }

TEST(Determinism, MergedShardsEqualOneRunWithANonZeroReference) {
  expect_merged_shards_equal_one_run(models_with_reference());
}

TEST(Determinism, ThreadCountDoesNotChangeOutputWithANonZeroReference) {
  const auto models = models_with_reference();
  const std::string one = render(models, run(models, 5, 1500, 1), 1500, 5);
  EXPECT_EQ(one, render(models, run(models, 5, 1500, 3), 1500, 5));
}

TEST(Determinism, RunRecordOnEveryCoreEqualsOneThread) {
  const auto models = variant_models();
  sim::SimulationRecord record = sim::new_record(load_fixture(kFixture), models, 11, 700, 2, 3);
  EXPECT_EQ(record.first, sim::shard_range(700, 2, 3).first);
  EXPECT_EQ(record.end, sim::shard_range(700, 2, 3).second);
  sim::SimulationRecord one_thread = record;
  std::uint64_t last_done = 0;
  sim::run_record(record, models, 0, [&](std::uint64_t done, std::uint64_t) { last_done = done; });
  sim::run_record(one_thread, models, 1);
  EXPECT_EQ(last_done, record.end - record.first) << "the progress callback ends at the total";
  EXPECT_EQ(report::simulation_json(record).dump(), report::simulation_json(one_thread).dump());
  EXPECT_EQ(record.accumulators.variants[0].replications, record.end - record.first);
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

TEST(CommonRandomNumbers, PairsEachVariantWithItsReference) {
  // Variant 2 paired with variant 1 gives exactly the sums of a run of those two alone.
  const auto models = models_with_reference();
  const auto three = run(models, 4, 600);
  sim::Model second_first = models[1];
  sim::Model third = models[2];
  third.reference = 0;
  const auto two = run({second_first, third}, 4, 600);
  ASSERT_EQ(three.paired.size(), 2u);
  for (int m = 0; m < sim::kPairedMetrics; ++m) {
    SCOPED_TRACE(sim::paired_metric_name(m));
    EXPECT_EQ(three.paired[1][m].sum, two.paired[0][m].sum);
    EXPECT_EQ(three.paired[1][m].sum_squares, two.paired[0][m].sum_squares);
  }
  // And a copy of the second model paired with it differs by exactly zero, while against the
  // first (which has the US backstop) it does not.
  sim::Model copy = models[1];
  copy.reference = 1;
  const auto with_copy = run({models[0], models[1], copy}, 4, 600);
  for (const auto& metric : with_copy.paired[1]) EXPECT_EQ(metric.sum_squares, 0u);
  EXPECT_NE(with_copy.paired[0][sim::kTotalKia].sum_squares, 0u);
}

TEST(CommonRandomNumbers, ComparisonsNameThePairAndItsModes) {
  const auto models = models_with_reference();
  const auto record = whole_run_record(load_fixture(kFixture), models, run(models, 1, 50), 50, 0);
  const auto j = report::simulation_json(record);
  ASSERT_EQ(j["comparisons"].size(), 2u);
  EXPECT_EQ(j["comparisons"][1]["variant"], "interposition");
  EXPECT_EQ(j["comparisons"][1]["mode"], "required");
  EXPECT_EQ(j["comparisons"][1]["baseline"], "no-backstop");
  EXPECT_EQ(j["comparisons"][0]["baseline"], "base");
  EXPECT_EQ(j["variants"][2]["mode"], "required");
  // A reference that is not an earlier variant is refused when the record is read back.
  auto bad = j;
  bad["context"]["variants"][2]["reference"] = 2;
  const auto reread = io::simulation_record_from_json(bad);
  ASSERT_FALSE(reread);
  EXPECT_NE(reread.status().message().find("reference"), std::string::npos) << reread.status().message();
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

TEST(Accumulators, MedianFailureDayIsTheDayHalfHaveFailedBy) {
  sim::VariantAccumulator v(10, 0, 0);
  v.replications = 10;
  EXPECT_EQ(sim::median_failure_day(v), std::nullopt);
  v.failures_by_day[2] = 2;
  v.failures_by_day[3] = 1;
  v.failures_by_day[7] = 1;
  EXPECT_EQ(sim::median_failure_day(v), std::nullopt) << "4 of 10 failed: more than half hold";
  v.failures_by_day[8] = 1;
  EXPECT_EQ(sim::median_failure_day(v), std::optional<int>(8)) << "the fifth of 10 fails on day 8";
  v.failures_by_day[0] = 3;
  EXPECT_EQ(sim::median_failure_day(v), std::optional<int>(2));
  EXPECT_EQ(sim::median_failure_day(sim::VariantAccumulator(10, 0, 0)), std::nullopt) << "no replications";
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
