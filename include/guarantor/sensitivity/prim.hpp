#pragma once
// PRIM, the Patient Rule Induction Method (Friedman & Fisher 1999), as scenario discovery uses it
// (Bryant & Lempert 2010; the EMA Workbench's defaults): boxes of input ranges in which the points
// "of interest" (e.g. the ceasefire fails) are concentrated.

#include <cstddef>
#include <string>
#include <vector>

#include "guarantor/sensitivity/design.hpp"
#include "guarantor/sensitivity/indices.hpp"

namespace guarantor::sensitivity {

struct PrimBox {
  std::vector<Interval> limits;          // per input; an unrestricted input keeps the data's range
  std::vector<std::size_t> restricted;   // inputs whose range the box narrows, ascending
  double coverage = 0;  // share of all points of interest that fall in the box
  double density = 0;   // share of the points in the box that are of interest
  double mass = 0;      // share of all points that fall in the box
};

struct PrimResult {
  std::vector<PrimBox> boxes;
  std::vector<PrimBox> trajectory;  // the peeling trajectory of the first box (for a trade-off plot)
  std::string reason;               // why there is no box, when `boxes` is empty
};

struct PrimOptions {
  double peel_alpha = 0.05;   // share of the box's points removed by one peel (EMA Workbench default)
  double paste_alpha = 0.05;  // share added by one paste (EMA Workbench default)
  double mass_min = 0.05;     // peeling stops before a box holds less than this share of all points (EMA)
  std::size_t max_boxes = 3;  // covering: further boxes are sought among the points outside earlier ones
  // A box is reported only if at least this share of its points is of interest (assumption: a
  // majority; the EMA Workbench leaves this `threshold` to the analyst).
  double min_density = 0.5;
};

// Peeling: each step removes the peel_alpha share of the box's points at the low or high end of
// one input, choosing the peel with the largest gain in density per point removed (the EMA
// Workbench's LENIENT1 objective), until the box would hold less than mass_min of all points.
// The box chosen on the trajectory is the one with the highest harmonic mean of coverage and
// density (an automatic stand-in for the analyst's pick; a separable case gives the true box);
// pasting then widens it while its density does not fall. Deterministic: ties go to the lower
// input index and the low end.
PrimResult prim(const Matrix& x, const std::vector<bool>& of_interest, const PrimOptions& options);
PrimResult prim(const Matrix& x, const std::vector<bool>& of_interest, double peel_alpha = 0.05,
                double paste_alpha = 0.05, double mass_min = 0.05);

}  // namespace guarantor::sensitivity
