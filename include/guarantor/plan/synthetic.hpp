#pragma once
// Synthetic coalitions for benchmarks and stress tests: `nations` nations, `unit_types` unit
// types (two per capability), `components` components with three requirement lines each, and
// about five pledges a nation. Deterministic in `seed`. Every figure is marked as an assumption.

#include <cstdint>

#include "guarantor/scenario/scenario.hpp"

namespace guarantor::plan {

struct SyntheticSize {
  int nations = 10;
  int unit_types = 8;
  int components = 6;
  std::uint64_t seed = 1;
};

Scenario synthetic_scenario(const SyntheticSize& size);

}  // namespace guarantor::plan
