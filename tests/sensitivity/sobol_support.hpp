#pragma once
// Runs the Saltelli design through a function of the unit cube and estimates its indices.
#include <functional>

#include "guarantor/sensitivity/design.hpp"
#include "guarantor/sensitivity/indices.hpp"

namespace guarantor::sensitivity::testing {

using Function = std::function<double(const double*)>;

inline std::vector<double> evaluate(const Matrix& points, const Function& f) {
  std::vector<double> y(points.rows);
  for (std::size_t r = 0; r < points.rows; ++r) y[r] = f(points.row(r));
  return y;
}

inline SobolIndices estimate(const Function& f, std::size_t n, std::size_t k, std::uint64_t seed,
                             std::size_t bootstrap = 200) {
  const SaltelliDesign design = saltelli_design(n, k, seed);
  std::vector<std::vector<double>> y_ab;
  for (const Matrix& block : design.ab) y_ab.push_back(evaluate(block, f));
  return sobol_indices(evaluate(design.a, f), evaluate(design.b, f), y_ab, bootstrap, seed + 1);
}

}  // namespace guarantor::sensitivity::testing
