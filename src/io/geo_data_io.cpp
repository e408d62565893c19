// data/geo readers: a GeoJSON FeatureCollection of country MultiPolygons and a TSV of places.
#include "guarantor/io/geo_data_io.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace guarantor::io {
namespace {

namespace fs = std::filesystem;

std::optional<std::string> slurp(const std::string& path, Diagnostics& diagnostics) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diagnostics.error(SourceLocation{path, 0, 0}, "geo-data", "cannot open the file (regenerate with scripts/geo/generate.sh)");
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

bool read_ring(const nlohmann::json& coordinates, geo::Ring& ring) {
  if (!coordinates.is_array()) return false;
  for (const auto& position : coordinates) {
    if (!position.is_array() || position.size() < 2 || !position[0].is_number() || !position[1].is_number()) return false;
    const double lon = position[0].get<double>(), lat = position[1].get<double>();
    if (lat < -90 || lat > 90 || lon < -180 || lon > 180) return false;
    ring.push_back(LatLon{lat, lon});
  }
  if (ring.size() > 1 && ring.front().lat == ring.back().lat && ring.front().lon == ring.back().lon) ring.pop_back();
  return ring.size() >= 3;
}

bool read_countries(const std::string& path, geo::WorldData& world, Diagnostics& diagnostics) {
  const auto text = slurp(path, diagnostics);
  if (!text) return false;
  const nlohmann::json doc = nlohmann::json::parse(*text, nullptr, false);
  if (doc.is_discarded() || !doc.contains("features") || !doc["features"].is_array()) {
    diagnostics.error(SourceLocation{path, 1, 1}, "geo-data", "not a GeoJSON FeatureCollection");
    return false;
  }
  if (doc.contains("properties") && doc["properties"].contains("source")) {
    world.countries_source = doc["properties"].value("source", "") + " (" + doc["properties"].value("licence", "") + ")";
  }
  for (std::size_t f = 0; f < doc["features"].size(); ++f) {
    const auto& feature = doc["features"][f];
    geo::Country country;
    country.code = feature["properties"].value("iso_a2", "");
    country.name = feature["properties"].value("name", "");
    const auto& geometry = feature["geometry"];
    bool ok = geometry.is_object() && geometry.value("type", "") == "MultiPolygon" && geometry["coordinates"].is_array();
    if (ok) {
      for (const auto& polygon_json : geometry["coordinates"]) {
        geo::Polygon polygon;
        for (std::size_t r = 0; ok && r < polygon_json.size(); ++r) {
          geo::Ring ring;
          ok = read_ring(polygon_json[r], ring);
          if (r == 0) polygon.outer = std::move(ring); else polygon.holes.push_back(std::move(ring));
        }
        if (!ok) break;
        country.polygons.push_back(std::move(polygon));
      }
    }
    if (!ok || country.code.empty()) {
      diagnostics.error(SourceLocation{path, 1, 1}, fmt::format("features[{}]", f),
                        "expected a MultiPolygon of [lon, lat] positions in range and an iso_a2 code");
      return false;
    }
    world.countries.push_back(std::move(country));
  }
  return true;
}

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) return fields;
    start = tab + 1;
  }
}

std::optional<double> parse_number(const std::string& text) {
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size()) return std::nullopt;
  return value;
}

bool read_places(const std::string& path, geo::WorldData& world, Diagnostics& diagnostics) {
  const auto text = slurp(path, diagnostics);
  if (!text) return false;
  std::istringstream in(*text);
  std::string line;
  int line_number = 0;
  bool header_seen = false;
  while (std::getline(in, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    if (line[0] == '#') {
      if (world.places_source.empty()) world.places_source = line.substr(2);
      continue;
    }
    if (!header_seen) {
      header_seen = true;  // geonameid name country lat lon population feature_code
      continue;
    }
    const auto fields = split_tabs(line);
    const auto lat = fields.size() >= 6 ? parse_number(fields[3]) : std::nullopt;
    const auto lon = fields.size() >= 6 ? parse_number(fields[4]) : std::nullopt;
    const auto population = fields.size() >= 6 ? parse_number(fields[5]) : std::nullopt;
    if (!lat || !lon || !population || *lat < -90 || *lat > 90 || *lon < -180 || *lon > 180 || *population < 0) {
      diagnostics.error(SourceLocation{path, line_number, 1}, "places",
                        "expected geonameid, name, country, lat (-90..90), lon (-180..180), population (>= 0) separated by tabs");
      return false;
    }
    world.places.push_back(geo::Place{fields[0], fields[1], fields[2], LatLon{*lat, *lon}, *population});
  }
  return true;
}

}  // namespace

std::optional<geo::WorldData> load_world_data(const std::string& dir, Diagnostics& diagnostics) {
  geo::WorldData world;
  const bool countries_ok = read_countries((fs::path(dir) / "countries.geojson").string(), world, diagnostics);
  const bool places_ok = read_places((fs::path(dir) / "places.tsv").string(), world, diagnostics);
  if (!countries_ok || !places_ok) return std::nullopt;
  return world;
}

std::string find_world_data_dir(const std::string& explicit_dir) {
  if (!explicit_dir.empty()) return explicit_dir;
  std::vector<fs::path> candidates;
  if (const char* env = std::getenv("GUARANTOR_GEO_DATA"); env && *env) candidates.emplace_back(env);
  std::error_code error;
  const fs::path exe = fs::read_symlink("/proc/self/exe", error);
  if (!error) {
    const fs::path bin = exe.parent_path();
    candidates.push_back(bin.parent_path() / "data" / "geo");
    candidates.push_back(bin.parent_path().parent_path() / "data" / "geo");
    candidates.push_back(bin.parent_path() / "share" / "guarantor" / "geo");
  }
  candidates.emplace_back("data/geo");
  for (const auto& dir : candidates) {
    if (fs::exists(dir / "countries.geojson", error) && fs::exists(dir / "places.tsv", error)) return dir.string();
  }
  return "";
}

}  // namespace guarantor::io
