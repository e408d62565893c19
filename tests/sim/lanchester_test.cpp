// Lanchester: Engel's Iwo Jima (validation_data.md §1.1), closed-form square law, and the
// Bracken/Fricker log-linear fit recovering known parameters from synthetic data.
#include <gtest/gtest.h>

#include <cmath>

#include "guarantor/sim/lanchester.hpp"
#include "guarantor/sim/random.hpp"

namespace guarantor::sim {
namespace {

LanchesterSetup iwo_jima() {
  LanchesterSetup setup;
  setup.law = {0.0544, 0.0106, 1, 0};  // a: Japanese against US; b: US against Japanese (Engel 1954)
  setup.initial = {0, 21500};           // US lands from zero; 21,500 Japanese, no reinforcement
  setup.blue_reinforcements = {{0, 1, 54000}, {2, 3, 6000}, {5, 6, 13000}};
  return setup;
}

TEST(Lanchester, IwoJimaEndsNearUs52000AndJapaneseZeroByDay36) {
  const auto daily = integrate_lanchester(iwo_jima(), 36);
  ASSERT_EQ(daily.size(), 37u);
  // validation_data.md §1.1: "a square-law integrator should end near US ≈ 52,000 and Japanese ≈ 0".
  EXPECT_NEAR(daily[36].blue, 52000, 1000);
  EXPECT_LT(daily[36].red, 1000);
  // The published day-by-day integration [C] (Euler, dt = 1e-4) within 1 %.
  const std::vector<std::tuple<int, double, double>> table = {
      {1, 52835, 21220}, {5, 54471, 18915}, {10, 62784, 15536}, {20, 56070, 9267}, {30, 52604, 3535}, {36, 51993, 214}};
  for (const auto& [day, us, japanese] : table) {
    SCOPED_TRACE(day);
    EXPECT_NEAR(daily[day].blue, us, 0.01 * us);
    EXPECT_NEAR(daily[day].red, japanese, std::max(50.0, 0.01 * japanese));
  }
}

TEST(Lanchester, Rk4SquareLawMatchesClosedForm) {
  // Without reinforcement: B(t) = B0 cosh(√(ab) t) − √(a/b) R0 sinh(√(ab) t).
  const LanchesterLaw law{0.002, 0.001, 1, 0};
  const Forces start{10000, 8000};
  const int t = 20;
  const auto daily = integrate_lanchester({law, start, {}, {}, 100}, t);
  const double k = std::sqrt(law.a * law.b);
  const double blue = start.blue * std::cosh(k * t) - std::sqrt(law.a / law.b) * start.red * std::sinh(k * t);
  const double red = start.red * std::cosh(k * t) - std::sqrt(law.b / law.a) * start.blue * std::sinh(k * t);
  EXPECT_NEAR(daily[t].blue, blue, 1e-6 * blue);
  EXPECT_NEAR(daily[t].red, red, 1e-6 * red);
}

// lanchester_after solves the square law in closed form (the simulation's combat phase); it must
// agree with the RK4 integration, including when one side is annihilated part-way.
TEST(Lanchester, ClosedFormSquareLawAgreesWithRk4) {
  struct Case {
    LanchesterLaw law;
    Forces start;
    int days;
  };
  const std::vector<Case> cases = {
      {{0.002, 0.001, 1, 0}, {10000, 8000}, 20},   // both survive
      {{0.02, 0.01, 1, 0}, {5000, 10000}, 40},     // Blue annihilated near day 26
      {{0.01, 0.03, 1, 0}, {9000, 12000}, 60},     // Red annihilated
      {{0.000786, 0.001375, 1, 0}, {811502, 700000}, 60},  // the default combat phase
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.days);
    const Forces closed = lanchester_after(c.law, c.start, c.days, 1.0);
    const Forces rk4 = integrate_lanchester({c.law, c.start, {}, {}, 1000}, c.days).back();
    EXPECT_NEAR(closed.blue, rk4.blue, std::max(1.0, 1e-3 * rk4.blue));
    EXPECT_NEAR(closed.red, rk4.red, std::max(1.0, 1e-3 * rk4.red));
  }
  // Annihilation: the survivor keeps sqrt of the conserved b·B² − a·R² (in its own units).
  const LanchesterLaw law{0.02, 0.01, 1, 0};
  const Forces end = lanchester_after(law, {5000, 10000}, 40, 1.0);
  EXPECT_EQ(end.blue, 0);
  EXPECT_NEAR(end.red, std::sqrt((law.a * 1e8 - law.b * 2.5e7) / law.a), 1e-9 * end.red);
}

TEST(Lanchester, GeneralisedLawUsesRk4) {
  const LanchesterLaw law{0.004, 0.0008, 0.8, 0.3};
  const Forces start{50000, 60000};
  const Forces after = lanchester_after(law, start, 30, 0.01);
  const Forces reference = integrate_lanchester({law, start, {}, {}, 100}, 30).back();
  EXPECT_NEAR(after.blue, reference.blue, 1e-6 * reference.blue);
  EXPECT_NEAR(after.red, reference.red, 1e-6 * reference.red);
}

// A synthetic daily series from a known law, with reinforcements so that the two strengths vary
// independently, and multiplicative log-normal noise on the losses.
std::vector<AttritionObservation> synthetic(const LanchesterLaw& law, double noise_sd) {
  Stream noise(2024, 0, 1);
  std::vector<AttritionObservation> series;
  double blue = 50000;
  double red = 60000;
  for (int day = 0; day < 80; ++day) {
    const double blue_losses = law.a * std::pow(red, law.p) * std::pow(blue, law.q) * std::exp(noise_sd * noise.normal());
    const double red_losses = law.b * std::pow(blue, law.p) * std::pow(red, law.q) * std::exp(noise_sd * noise.normal());
    series.push_back({static_cast<double>(day), blue, red, blue_losses, red_losses});
    blue += -blue_losses + (day % 7 == 0 ? 4000 : 0) + (day % 11 == 3 ? 2500 : 0);
    red += -red_losses + (day % 5 == 0 ? 3000 : 0);
  }
  return series;
}

TEST(AttritionFit, RecoversExactParametersWithoutNoise) {
  const LanchesterLaw law{0.004, 0.0008, 0.8, 0.3};
  const auto fit = fit_attrition(synthetic(law, 0));
  ASSERT_TRUE(fit) << fit.status().message();
  EXPECT_NEAR(fit->a, law.a, 1e-6 * law.a);
  EXPECT_NEAR(fit->b, law.b, 1e-6 * law.b);
  EXPECT_NEAR(fit->p, law.p, 1e-6);
  EXPECT_NEAR(fit->q, law.q, 1e-6);
  EXPECT_NEAR(fit->r_squared, 1.0, 1e-9);
  EXPECT_NEAR(fit->blue_losses.exponent_enemy, law.p, 1e-6);
  EXPECT_NEAR(fit->red_losses.exponent_own, law.q, 1e-6);
}

TEST(AttritionFit, RecoversParametersFromNoisyData) {
  const LanchesterLaw law{0.05, 0.02, 1.0, 0.0};
  const auto fit = fit_attrition(synthetic(law, 0.05));
  ASSERT_TRUE(fit) << fit.status().message();
  EXPECT_NEAR(fit->p, 1.0, 0.15);
  EXPECT_NEAR(fit->q, 0.0, 0.15);
  EXPECT_GT(fit->r_squared, 0.5);
  EXPECT_LT(fit->r_squared, 1.0);
}

TEST(AttritionFit, TooFewRowsIsAnError) {
  std::vector<AttritionObservation> series = {{0, 100, 100, 1, 1}, {1, 99, 99, 0, 1}};
  const auto fit = fit_attrition(series);
  ASSERT_FALSE(fit);
  EXPECT_EQ(fit.status().code(), StatusCode::invalid_input);
  EXPECT_NE(fit.status().message().find("at least 4"), std::string::npos);
}

TEST(AttritionCsv, ParsesColumnsInAnyOrderAndReportsBadCells) {
  Diagnostics diagnostics;
  const auto series =
      parse_attrition_csv("red,day,blue,blue_losses,red_losses\n100,0,200,3,4\n# comment\n90,1,190,2,5\n", "x.csv", diagnostics);
  ASSERT_FALSE(diagnostics.has_errors());
  ASSERT_EQ(series.size(), 2u);
  EXPECT_EQ(series[1].red, 90);
  EXPECT_EQ(series[1].red_losses, 5);
  Diagnostics bad;
  parse_attrition_csv("day,blue,red,blue_losses,red_losses\n0,1,2,-3,4\n", "bad.csv", bad);
  ASSERT_TRUE(bad.has_errors());
  EXPECT_NE(format_diagnostic(bad.all()[0]).find("bad.csv:2:4: error: blue_losses"), std::string::npos);
  Diagnostics missing;
  parse_attrition_csv("day,blue,red\n", "m.csv", missing);
  EXPECT_TRUE(missing.has_errors());
}

}  // namespace
}  // namespace guarantor::sim
