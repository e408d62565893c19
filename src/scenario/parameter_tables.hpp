#pragma once
// The registry's tables, one function per stage (private to the scenario module).
#include <vector>

#include "guarantor/scenario/parameters.hpp"

namespace guarantor::params::detail {

std::vector<Parameter> plan_parameters();
std::vector<Parameter> laydown_parameters();
std::vector<Parameter> simulation_parameters();

}  // namespace guarantor::params::detail
