#pragma once
// Settings of the later stages, carried by the scenario file. Each stage owns its header.
#include "guarantor/scenario/plan_settings.hpp"
#include "guarantor/scenario/laydown_settings.hpp"
#include "guarantor/scenario/sensitivity_settings.hpp"
#include "guarantor/scenario/simulation_settings.hpp"
