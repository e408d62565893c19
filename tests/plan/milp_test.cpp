// The solver seam: hand-computed optima, statuses, LP duals and the LP/MPS writers checked
// against GLPK (glpsol) on the same files.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <regex>

#include "guarantor/solver/milp.hpp"
#include "glpk_check.hpp"
#include "support/cli_runner.hpp"

namespace guarantor::milp {
namespace {

// max 5a + 4b + 3c  s.t. 2a + 3b + c <= 5, 4a + b + 2c <= 11, 3a + 4b + 2c <= 8, integers in [0, 10].
// Optimum (by enumeration, see below): a = 2, b = 0, c = 1, objective 13.
Model small_integer_model() {
  Model m;
  m.sense = Sense::maximize;
  const int a = m.add_variable("a", 0, 10, VarType::integer, 5);
  const int b = m.add_variable("b", 0, 10, VarType::integer, 4);
  const int c = m.add_variable("c", 0, 10, VarType::integer, 3);
  m.add_constraint("r1", {{a, 2}, {b, 3}, {c, 1}}, -kInfinity, 5);
  m.add_constraint("r2", {{a, 4}, {b, 1}, {c, 2}}, -kInfinity, 11);
  m.add_constraint("r3", {{a, 3}, {b, 4}, {c, 2}}, -kInfinity, 8);
  return m;
}

double brute_force_optimum() {
  double best = -1;
  for (int a = 0; a <= 10; ++a)
    for (int b = 0; b <= 10; ++b)
      for (int c = 0; c <= 10; ++c)
        if (2 * a + 3 * b + c <= 5 && 4 * a + b + 2 * c <= 11 && 3 * a + 4 * b + 2 * c <= 8)
          best = std::max(best, 5.0 * a + 4 * b + 3 * c);
  return best;
}

TEST(Milp, SolvesSmallIntegerProgrammeToTheEnumeratedOptimum) {
  const Solution s = solve(small_integer_model());
  ASSERT_EQ(s.status, SolveStatus::optimal) << s.message;
  EXPECT_DOUBLE_EQ(s.objective, brute_force_optimum());
  EXPECT_DOUBLE_EQ(s.objective, 13.0);
  EXPECT_EQ(s.values, (std::vector<double>{2, 0, 1}));
}

TEST(Milp, LpRelaxationGivesDualsOfBindingRows) {
  // min x + y s.t. x + 2y >= 4 (binding, dual 0.5 at y = 2), x, y >= 0 continuous.
  Model m;
  const int x = m.add_variable("x", 0, kInfinity, VarType::continuous, 1);
  const int y = m.add_variable("y", 0, kInfinity, VarType::continuous, 1);
  m.add_constraint("need", {{x, 1}, {y, 2}}, 4, kInfinity);
  m.add_constraint("loose", {{x, 1}}, -kInfinity, 100);
  const Solution s = solve(m, {.lp_relaxation = true});
  ASSERT_EQ(s.status, SolveStatus::optimal);
  EXPECT_NEAR(s.objective, 2.0, 1e-9);
  ASSERT_EQ(s.duals.size(), 2u);
  EXPECT_NEAR(s.duals[0], 0.5, 1e-9);
  EXPECT_NEAR(s.duals[1], 0.0, 1e-9);
}

TEST(Milp, ReportsInfeasibility) {
  Model m;
  const int x = m.add_variable("x", 0, 3, VarType::integer, 1);
  m.add_constraint("too_much", {{x, 1}}, 5, kInfinity);
  EXPECT_EQ(solve(m).status, SolveStatus::infeasible);
  // Integer infeasibility that the LP relaxation does not see: 2x = 3.
  Model n;
  const int z = n.add_variable("z", 0, 10, VarType::integer, 1);
  n.add_constraint("odd", {{z, 2}}, 3, 3);
  EXPECT_EQ(solve(n).status, SolveStatus::infeasible);
}

TEST(Milp, ReportsUnboundedness) {
  Model m;
  m.sense = Sense::maximize;
  const int x = m.add_variable("x", 0, kInfinity, VarType::continuous, 1);
  m.add_constraint("floor", {{x, 1}}, 1, kInfinity);
  EXPECT_EQ(solve(m).status, SolveStatus::unbounded);
}

TEST(Milp, EmptyModelIsTriviallyOptimal) {
  Model m;
  const Solution s = solve(m);
  EXPECT_EQ(s.status, SolveStatus::optimal);
  EXPECT_EQ(s.objective, 0.0);
}

TEST(Milp, RepeatedVariablesInARowAreSummed) {
  Model m;
  const int x = m.add_variable("x", 0, 10, VarType::integer, -1);
  m.add_constraint("twice", {{x, 1}, {x, 1}}, -kInfinity, 7);  // 2x <= 7 → x = 3
  const Solution s = solve(m);
  ASSERT_EQ(s.status, SolveStatus::optimal);
  EXPECT_EQ(s.values[0], 3.0);
}

TEST(Milp, ExportedNamesAreLegalAndUnique) {
  Model m;
  m.add_variable("x[GB,land]", 0, 1, VarType::binary);
  m.add_variable("x[GB land]", 0, 1, VarType::binary);
  m.add_variable("e1", 0, 1, VarType::binary);
  m.add_variable("3rd", 0, 1, VarType::binary);
  m.add_variable("free", 0, 1, VarType::binary);
  const auto names = exported_variable_names(m);
  EXPECT_EQ(names[0], "x_GB_land_");
  EXPECT_EQ(names[1], "x_GB_land__2");
  EXPECT_EQ(names[2], "v_e1");
  EXPECT_EQ(names[3], "v_3rd");
  EXPECT_EQ(names[4], "v_free");
}

TEST(Milp, GlpkFindsTheSameOptimumInTheExportedLpAndMps) {
  if (!testing::glpsol_available()) GTEST_SKIP() << "glpsol (glpk-utils) is not installed";
  Model m = small_integer_model();
  // A ranged row, an equality and a free variable exercise every branch of the writers.
  const int d = m.add_variable("d (free)", -kInfinity, kInfinity, VarType::continuous, 0);
  m.add_constraint("range", {{0, 1}, {1, 1}}, 1, 4);
  m.add_constraint("tie", {{d, 1}, {2, -1}}, 0, 0);
  const Solution cbc = solve(m);
  ASSERT_EQ(cbc.status, SolveStatus::optimal);
  const std::string dir = guarantor::testing::temp_dir("milp-export");
  const Status lp_written = write_model(m, dir + "/m.lp");
  ASSERT_TRUE(lp_written.is_ok()) << lp_written.message();
  const auto lp = testing::glpk_objective(dir + "/m.lp", "--lp");
  // GLPK's MPS reader has no OBJSENSE section, so the MPS check uses the same model as a minimisation.
  Model as_min = m;
  as_min.sense = Sense::minimize;
  for (auto& v : as_min.variables) v.objective = -v.objective;
  const Status mps_written = write_model(as_min, dir + "/min.mps");
  ASSERT_TRUE(mps_written.is_ok()) << mps_written.message();
  const auto mps = testing::glpk_objective(dir + "/min.mps", "--freemps");
  ASSERT_TRUE(lp.has_value());
  ASSERT_TRUE(mps.has_value());
  EXPECT_NEAR(*lp, cbc.objective, 1e-6);
  EXPECT_NEAR(*mps, -cbc.objective, 1e-6);
}

TEST(Milp, WritersAreDeterministic) {
  const Model m = small_integer_model();
  EXPECT_EQ(lp_text(m), lp_text(m));
  EXPECT_NE(lp_text(m).find("General"), std::string::npos);
  EXPECT_NE(mps_text(m).find("INTORG"), std::string::npos);
}

TEST(Milp, UnwritablePathIsReportedNotThrown) {
  const Status written = write_model(small_integer_model(), "/nonexistent-dir/x/m.lp");
  EXPECT_EQ(written.code(), StatusCode::io_error);
  EXPECT_NE(written.message().find("cannot write"), std::string::npos);
}

TEST(Milp, StatusesAreWrittenAsTheWordsTheOutputsUse) {
  EXPECT_STREQ(to_string(SolveStatus::optimal), "optimal");
  EXPECT_STREQ(to_string(SolveStatus::feasible), "feasible");
  EXPECT_STREQ(to_string(SolveStatus::infeasible), "infeasible");
  EXPECT_STREQ(to_string(SolveStatus::unbounded), "unbounded");
  EXPECT_STREQ(to_string(SolveStatus::time_limit), "time_limit");
  EXPECT_STREQ(to_string(SolveStatus::error), "error");
  EXPECT_EQ(fmt::format("[{}]", SolveStatus::time_limit), "[time_limit]");
}

}  // namespace
}  // namespace guarantor::milp
