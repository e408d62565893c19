// run_sensitivity with a PointDistribution, without MPI: a stand-in distributor evaluates the
// design's chunks in reverse order (as ranks finishing out of order would) and puts the results in
// design order. The analysis must be the one of a run without it, number for number; a process
// that does not collect gets no outputs.
#include <gtest/gtest.h>

#include <algorithm>

#include "guarantor/io/scenario_io.hpp"
#include "guarantor/pipeline/sensitivity.hpp"

namespace guarantor::pipeline {
namespace {

SensitivitySpec small_spec() {
  SensitivitySpec spec;
  spec.samples = 4;
  spec.replications = 20;
  spec.threads = 2;
  spec.parameter_globs = {"simulation.deterrence.*"};
  spec.bootstrap = 50;
  return spec;
}

// Chunks of 3 rows, evaluated last chunk first.
PointDistribution reversed_chunks(bool collects, std::vector<std::size_t>* evaluated) {
  PointDistribution d;
  d.collects = collects;
  d.processes = 3;
  d.run = [collects, evaluated](std::size_t rows, std::size_t width,
                                const PointEvaluator& evaluate) -> Expected<std::vector<double>> {
    std::vector<double> all(rows * width);
    for (std::size_t end = rows; end > 0;) {
      const std::size_t first = end >= 3 ? end - 3 : 0;
      const std::vector<double> values = evaluate(first, end - first);
      std::copy(values.begin(), values.end(), all.begin() + static_cast<std::ptrdiff_t>(first * width));
      for (std::size_t r = first; r < end; ++r) evaluated->push_back(r);
      end = first;
    }
    if (!collects) return std::vector<double>{};
    return all;
  };
  return d;
}

TEST(PipelineDistribution, ChunksInAnyOrderGiveTheAnalysisOfOneProcess) {
  io::LoadResult loaded = io::load_scenario_file(GUARANTOR_SOURCE_DIR "/data/scenarios/mnf-ukraine.yaml");
  ASSERT_TRUE(loaded.ok());
  const Scenario& scenario = *loaded.scenario;
  Diagnostics d1, d2, d3;
  auto here = run_sensitivity(scenario, small_spec(), d1);
  ASSERT_TRUE(here) << here.status().message();

  std::vector<std::size_t> evaluated;
  SensitivitySpec spread = small_spec();
  spread.distribution = reversed_chunks(true, &evaluated);
  auto collected = run_sensitivity(scenario, spread, d2);
  ASSERT_TRUE(collected) << collected.status().message();
  ASSERT_EQ(evaluated.size(), here->points.rows);
  EXPECT_GT(evaluated.front(), evaluated.back()) << "the stand-in evaluates the last chunk first";
  EXPECT_EQ(collected->outputs, here->outputs);
  ASSERT_EQ(collected->sobol.size(), here->sobol.size());
  for (std::size_t o = 0; o < here->sobol.size(); ++o) {
    EXPECT_EQ(collected->sobol[o].s1, here->sobol[o].s1);
    EXPECT_EQ(collected->sobol[o].st, here->sobol[o].st);
  }
  EXPECT_EQ(collected->headline_median, here->headline_median);
  EXPECT_EQ(collected->central_p_hold_730, here->central_p_hold_730);
  EXPECT_EQ(here->mpi_ranks, 1);
  EXPECT_EQ(collected->mpi_ranks, 3);

  std::vector<std::size_t> helper_rows;
  SensitivitySpec helper = small_spec();
  helper.distribution = reversed_chunks(false, &helper_rows);
  auto share = run_sensitivity(scenario, helper, d3);
  ASSERT_TRUE(share) << share.status().message();
  EXPECT_TRUE(share->outputs.empty()) << "a process that does not collect has no outputs";
  EXPECT_TRUE(share->sobol.empty());
}

}  // namespace
}  // namespace guarantor::pipeline
