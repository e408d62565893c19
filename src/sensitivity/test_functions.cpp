// Ishigami and Sobol' G with their closed-form indices (model_evidence_2.md §7).

#include <cmath>
#include <numbers>

#include "guarantor/sensitivity/test_functions.hpp"

namespace guarantor::sensitivity {

double ishigami(const double* u, double a, double b) {
  constexpr double pi = std::numbers::pi;
  const double x1 = -pi + 2 * pi * u[0], x2 = -pi + 2 * pi * u[1], x3 = -pi + 2 * pi * u[2];
  const double s2 = std::sin(x2);
  return std::sin(x1) + a * s2 * s2 + b * std::pow(x3, 4) * std::sin(x1);
}

// Partial variances on U(-pi, pi)^3: V1 = (1 + b pi^4 / 5)^2 / 2, V2 = a^2 / 8, V3 = 0,
// V13 = b^2 pi^8 (1/18 - 1/50) = 8 b^2 pi^8 / 225, V = V1 + V2 + V13.
AnalyticIndices ishigami_indices(double a, double b) {
  constexpr double pi = std::numbers::pi;
  const double pi4 = std::pow(pi, 4), pi8 = pi4 * pi4;
  const double v1 = 0.5 * (1 + b * pi4 / 5) * (1 + b * pi4 / 5);
  const double v2 = a * a / 8;
  const double v13 = 8 * b * b * pi8 / 225;
  const double v = v1 + v2 + v13;
  return {{v1 / v, v2 / v, 0.0}, {(v1 + v13) / v, v2 / v, v13 / v}};
}

double g_function(const double* u, const std::vector<double>& a) {
  double product = 1;
  for (std::size_t i = 0; i < a.size(); ++i) product *= (std::abs(4 * u[i] - 2) + a[i]) / (1 + a[i]);
  return product;
}

// V_i = 1 / (3 (1 + a_i)^2), V = prod (1 + V_i) - 1, S_i = V_i / V, ST_i = V_i prod_{j != i} (1 + V_j) / V.
AnalyticIndices g_function_indices(const std::vector<double>& a) {
  const std::size_t d = a.size();
  std::vector<double> partial(d);
  double product = 1;
  for (std::size_t i = 0; i < d; ++i) {
    partial[i] = 1 / (3 * (1 + a[i]) * (1 + a[i]));
    product *= 1 + partial[i];
  }
  const double v = product - 1;
  AnalyticIndices out{std::vector<double>(d), std::vector<double>(d)};
  for (std::size_t i = 0; i < d; ++i) {
    out.s1[i] = partial[i] / v;
    out.st[i] = partial[i] * (product / (1 + partial[i])) / v;
  }
  return out;
}

}  // namespace guarantor::sensitivity
