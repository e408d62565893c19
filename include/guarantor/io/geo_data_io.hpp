#pragma once
// Reading the reference geography shipped in data/geo/ (countries.geojson, places.tsv) for the
// laydown stage. Problems are reported as diagnostics naming the file and line; nothing throws.

#include <optional>
#include <string>

#include "guarantor/core/diagnostics.hpp"
#include "guarantor/geo/world.hpp"

namespace guarantor::io {

// Reads DIR/countries.geojson and DIR/places.tsv.
std::optional<geo::WorldData> load_world_data(const std::string& dir, Diagnostics& diagnostics);

// Where data/geo is: `explicit_dir` when given, else $GUARANTOR_GEO_DATA, else data/geo next to
// the running binary's parent folder (a build tree inside the source tree), else
// share/guarantor/geo beside an installed binary, else ./data/geo. Empty when none exists.
std::string find_world_data_dir(const std::string& explicit_dir);

}  // namespace guarantor::io
