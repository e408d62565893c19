// The maximal covering model on instances whose optimum is known by hand.
#include <gtest/gtest.h>

#include "guarantor/geo/siting.hpp"

namespace guarantor::geo {
namespace {

// Six demand points of weight 1. c0 = {1,2,3,4}, c1 = {0,1,2}, c2 = {3,4,5}.
// p = 1: c0 covers 4 (optimum). p = 2: c1 + c2 cover all 6, while greedy (c0 first) gets only 5.
CoveringProblem greedy_trap(int p) {
  CoveringProblem problem;
  problem.weights = {1, 1, 1, 1, 1, 1};
  problem.covered_by = {{1}, {0, 1}, {0, 1}, {0, 2}, {0, 2}, {2}};
  problem.candidates = 3;
  problem.facilities = p;
  return problem;
}

TEST(Siting, OneFacilityTakesTheLargestSet) {
  const auto s = solve_max_covering(greedy_trap(1));
  ASSERT_TRUE(s.has_value()) << s.status().message();
  EXPECT_TRUE(s->optimal);
  EXPECT_EQ(s->chosen, (std::vector<int>{0}));
  EXPECT_DOUBLE_EQ(s->covered_weight, 4);
  EXPECT_DOUBLE_EQ(s->total_weight, 6);
}

TEST(Siting, TwoFacilitiesBeatTheGreedyChoice) {
  const auto s = solve_max_covering(greedy_trap(2));
  ASSERT_TRUE(s.has_value()) << s.status().message();
  EXPECT_EQ(s->chosen, (std::vector<int>{1, 2}));
  EXPECT_DOUBLE_EQ(s->covered_weight, 6);
}

TEST(Siting, WeightsDecide) {
  // Weights 10..60; c0 = {0,1,2} (60), c1 = {2,3} (70), c2 = {4} (50), c3 = {3,5} (100).
  // Pairs: c0+c3 = 160 (best), c2+c3 = 150, c1+c3 = 130, c1+c2 = 120, c0+c2 = 110, c0+c1 = 100.
  CoveringProblem problem;
  problem.weights = {10, 20, 30, 40, 50, 60};
  problem.covered_by = {{0}, {0}, {0, 1}, {1, 3}, {2}, {3}};
  problem.candidates = 4;
  problem.facilities = 2;
  const auto s = solve_max_covering(problem);
  ASSERT_TRUE(s.has_value()) << s.status().message();
  EXPECT_EQ(s->chosen, (std::vector<int>{0, 3}));
  EXPECT_DOUBLE_EQ(s->covered_weight, 160);
}

TEST(Siting, MoreFacilitiesThanCandidatesOpensThemAll) {
  const auto s = solve_max_covering(greedy_trap(5));
  ASSERT_TRUE(s.has_value()) << s.status().message();
  EXPECT_EQ(s->chosen.size(), 3u);
  EXPECT_DOUBLE_EQ(s->covered_weight, 6);
}

TEST(Siting, NoCandidatesCoversNothing) {
  CoveringProblem problem;
  problem.weights = {1, 2};
  problem.covered_by = {{}, {}};
  problem.facilities = 2;
  const auto s = solve_max_covering(problem);
  ASSERT_TRUE(s.has_value()) << s.status().message();
  EXPECT_TRUE(s->chosen.empty());
  EXPECT_DOUBLE_EQ(s->covered_weight, 0);
}

}  // namespace
}  // namespace guarantor::geo
