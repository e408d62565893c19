// CSV export of a design and its outputs.

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <stdexcept>

#include "guarantor/sensitivity/export.hpp"

namespace guarantor::sensitivity {
namespace {

std::vector<std::string> default_names(const std::vector<std::string>& given, std::size_t count, const char* prefix,
                                       const char* what) {
  if (given.empty()) {
    std::vector<std::string> names;
    for (std::size_t i = 0; i < count; ++i) names.push_back(fmt::format("{}{}", prefix, i + 1));
    return names;
  }
  if (given.size() != count) throw std::invalid_argument(fmt::format("design_csv: {} {} names for {} columns", given.size(), what, count));
  return given;
}

}  // namespace

std::string design_csv(const Matrix& points, const std::vector<std::string>& names,
                       const std::vector<std::vector<double>>& outputs, const std::vector<std::string>& output_names) {
  std::vector<std::string> header = default_names(names, points.cols, "x", "input");
  for (std::string& name : default_names(output_names, outputs.size(), "y", "output")) header.push_back(std::move(name));
  for (const auto& column : outputs)
    if (column.size() != points.rows)
      throw std::invalid_argument(fmt::format("design_csv: an output has {} values for {} rows", column.size(), points.rows));

  std::string csv = fmt::format("{}\n", fmt::join(header, ","));
  for (std::size_t r = 0; r < points.rows; ++r) {
    std::vector<double> line(points.row(r), points.row(r) + points.cols);
    for (const auto& column : outputs) line.push_back(column[r]);
    csv += fmt::format("{}\n", fmt::join(line, ","));
  }
  return csv;
}

}  // namespace guarantor::sensitivity
