#pragma once
// The sensitivity module (issue 13): designs, Sobol' and Morris estimators, PRIM, test functions
// and CSV export. The engine and the CLI map the unit cube to the parameters' plausible ranges.

#include "guarantor/sensitivity/design.hpp"
#include "guarantor/sensitivity/export.hpp"
#include "guarantor/sensitivity/indices.hpp"
#include "guarantor/sensitivity/prim.hpp"
#include "guarantor/sensitivity/test_functions.hpp"
