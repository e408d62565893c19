#pragma once
// Analytic test functions with closed-form Sobol' indices, on the unit cube (references:
// ../shared/research/model_evidence_2.md §7).

#include <vector>

namespace guarantor::sensitivity {

struct AnalyticIndices {
  std::vector<double> s1, st;
};

// Ishigami & Homma (1990): sin x1 + a sin^2 x2 + b x3^4 sin x1 with x_i = -pi + 2 pi u_i.
double ishigami(const double* u, double a = 7, double b = 0.1);
AnalyticIndices ishigami_indices(double a = 7, double b = 0.1);

// Sobol' G-function: prod_i (|4 u_i - 2| + a_i) / (1 + a_i) on [0, 1]^d, d = a.size().
double g_function(const double* u, const std::vector<double>& a);
AnalyticIndices g_function_indices(const std::vector<double>& a);

}  // namespace guarantor::sensitivity
