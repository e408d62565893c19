#pragma once
// Reference geography shipped in data/geo/ (Natural Earth countries, GeoNames places). A plain
// value type: guarantor::io fills it (io/geo_data_io.hpp), the laydown stage reads it.

#include <string>
#include <vector>

#include "guarantor/geo/geodesy.hpp"

namespace guarantor::geo {

// One polygon: an outer ring and its holes.
struct Polygon {
  Ring outer;
  std::vector<Ring> holes;
};

struct Country {
  std::string code;  // ISO 3166-1 alpha-2
  std::string name;
  std::vector<Polygon> polygons;
};

struct Place {
  std::string id;       // GeoNames id
  std::string name;
  std::string country;  // ISO 3166-1 alpha-2
  LatLon position;
  double population = 0;
};

struct WorldData {
  std::vector<Country> countries;
  std::vector<Place> places;
  std::string countries_source;  // attribution lines, for the outputs
  std::string places_source;

  const Country* find_country(const std::string& code) const {
    for (const auto& c : countries)
      if (c.code == code) return &c;
    return nullptr;
  }
};

}  // namespace guarantor::geo
