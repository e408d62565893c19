// The Saltelli (2010) design and its stacking for evaluation and export.

#include <stdexcept>

#include "guarantor/sensitivity/design.hpp"

namespace guarantor::sensitivity {
namespace {

Matrix columns(const Matrix& source, std::size_t first, std::size_t count) {
  Matrix out{source.rows, count, std::vector<double>(source.rows * count)};
  for (std::size_t r = 0; r < source.rows; ++r)
    for (std::size_t c = 0; c < count; ++c) out.values[r * count + c] = source.at(r, first + c);
  return out;
}

}  // namespace

SaltelliDesign saltelli_design(std::size_t n, std::size_t k, std::uint64_t seed, Randomisation randomisation) {
  if (n < 2) throw std::invalid_argument("saltelli_design: n must be at least 2");
  if (k == 0) throw std::invalid_argument("saltelli_design: k must be at least 1");
  const Matrix base = sobol_points(n, 2 * k, seed, randomisation);
  SaltelliDesign design;
  design.n = n;
  design.k = k;
  design.seed = seed;
  design.randomisation = randomisation;
  design.a = columns(base, 0, k);
  design.b = columns(base, k, k);
  design.ab.reserve(k);
  for (std::size_t i = 0; i < k; ++i) {
    Matrix mixed = design.a;
    for (std::size_t r = 0; r < n; ++r) mixed.values[r * k + i] = design.b.at(r, i);
    design.ab.push_back(std::move(mixed));
  }
  return design;
}

Matrix stacked_points(const SaltelliDesign& design) {
  Matrix out{design.n * (design.k + 2), design.k, {}};
  out.values.reserve(out.rows * out.cols);
  const auto append = [&out](const Matrix& block) {
    out.values.insert(out.values.end(), block.values.begin(), block.values.end());
  };
  append(design.a);
  append(design.b);
  for (const Matrix& block : design.ab) append(block);
  return out;
}

SaltelliOutputs split_outputs(const std::vector<double>& stacked, std::size_t n, std::size_t k) {
  if (stacked.size() != n * (k + 2))
    throw std::invalid_argument("split_outputs: expected n(k + 2) outputs");
  const auto block = [&](std::size_t b) {
    return std::vector<double>(stacked.begin() + static_cast<std::ptrdiff_t>(b * n),
                               stacked.begin() + static_cast<std::ptrdiff_t>((b + 1) * n));
  };
  SaltelliOutputs out{block(0), block(1), {}};
  for (std::size_t i = 0; i < k; ++i) out.y_ab.push_back(block(2 + i));
  return out;
}

}  // namespace guarantor::sensitivity
