// CSV export.
#include <gtest/gtest.h>

#include "guarantor/sensitivity/export.hpp"

namespace guarantor::sensitivity {
namespace {

TEST(Export, HeaderAndRows) {
  const Matrix points{2, 2, {0.25, 0.5, 0.1, 1.0 / 3}};
  EXPECT_EQ(design_csv(points, {}, {{1.5, -2}}, {}), "x1,x2,y1\n0.25,0.5,1.5\n0.1,0.3333333333333333,-2\n");
  EXPECT_EQ(design_csv(points, {"a", "b"}, {{1, 2}, {3, 4}}, {"p", "q"}), "a,b,p,q\n0.25,0.5,1,3\n0.1,0.3333333333333333,2,4\n");
}

TEST(Export, NumbersReadBackExactly) {
  const double value = 0.1 + 0.2;
  const std::string csv = design_csv(Matrix{1, 1, {value}}, {}, {}, {});
  EXPECT_EQ(std::stod(csv.substr(csv.find('\n') + 1)), value);
}

TEST(Export, WrongLengthsAreRejected) {
  const Matrix points{2, 2, {0, 0, 1, 1}};
  EXPECT_THROW(design_csv(points, {"only-one"}, {}, {}), std::invalid_argument);
  EXPECT_THROW(design_csv(points, {}, {{1}}, {}), std::invalid_argument);
}

}  // namespace
}  // namespace guarantor::sensitivity
