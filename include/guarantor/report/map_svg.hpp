#pragma once
// The laydown's static SVG map, framed on the result's map extent.

#include <string>

#include "guarantor/geo/laydown.hpp"
#include "guarantor/geo/world.hpp"

namespace guarantor::report {

// The SVG document (text): countries, the occupied side, coverage discs, the buffer zone, the line,
// the corridor, hubs, the largest places of the host country, a legend, a scale bar and attributions.
std::string map_svg(const geo::LaydownResult& result, const geo::WorldData& world);

}  // namespace guarantor::report
