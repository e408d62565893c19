// Writes, for the OpenTURNS cross-check (check_openturns.py):
//   DIR/design.csv   the stacked Saltelli design (A, B, AB_1..AB_3, n rows each) with Ishigami outputs
//   DIR/indices.csv  the C++ estimates: input,s1,st
// Usage: sensitivity_export_ishigami DIR N SEED
#include <fmt/format.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "guarantor/sensitivity/sensitivity.hpp"

namespace sens = guarantor::sensitivity;

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: %s DIR N SEED\n", argv[0]);
    return 2;
  }
  const std::string dir = argv[1];
  const std::size_t n = std::stoul(argv[2]);
  const std::uint64_t seed = std::stoull(argv[3]);
  const sens::SaltelliDesign design = sens::saltelli_design(n, 3, seed);
  const sens::Matrix points = sens::stacked_points(design);
  std::vector<double> y(points.rows);
  for (std::size_t r = 0; r < points.rows; ++r) y[r] = sens::ishigami(points.row(r));
  const sens::SaltelliOutputs split = sens::split_outputs(y, n, 3);
  const sens::SobolIndices indices = sens::sobol_indices(split.y_a, split.y_b, split.y_ab, 0, seed);

  std::ofstream(dir + "/design.csv") << sens::design_csv(points, {}, {y}, {"y"});
  std::ofstream out(dir + "/indices.csv");
  out << "input,s1,st\n";
  for (std::size_t i = 0; i < 3; ++i) out << fmt::format("x{},{},{}\n", i + 1, indices.s1[i], indices.st[i]);
  return out ? 0 : 1;
}
