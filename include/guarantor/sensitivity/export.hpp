#pragma once
// Designs and outputs as CSV, so a user can recompute the indices in SALib or OpenTURNS.

#include <string>
#include <vector>

#include "guarantor/sensitivity/design.hpp"

namespace guarantor::sensitivity {

// Header: the input names (x1..xk when `names` is empty), then the output names (y1..ym when
// `output_names` is empty); then one line a row of `points`, each output a column of `outputs`
// (outputs[j][row]). Numbers in the shortest form that reads back to the same double.
// Throws std::invalid_argument when a name list or an output column has the wrong length.
std::string design_csv(const Matrix& points, const std::vector<std::string>& names,
                       const std::vector<std::vector<double>>& outputs, const std::vector<std::string>& output_names);

}  // namespace guarantor::sensitivity
