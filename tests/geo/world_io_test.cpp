// Reading data/geo: the shipped files load and hold Ukraine; malformed files are reported.
#include <gtest/gtest.h>

#include <fstream>

#include "guarantor/io/geo_data_io.hpp"
#include "support/cli_runner.hpp"

namespace guarantor {
namespace {

using testing::source_path;

TEST(WorldData, ShippedFilesLoad) {
  Diagnostics diagnostics;
  const auto world = io::load_world_data(source_path("data/geo"), diagnostics);
  ASSERT_TRUE(world) << diagnostics.all().size();
  const geo::Country* ukraine = world->find_country("UA");
  ASSERT_NE(ukraine, nullptr);
  EXPECT_FALSE(ukraine->polygons.empty());
  ASSERT_NE(world->find_country("RU"), nullptr);
  ASSERT_NE(world->find_country("PL"), nullptr);
  ASSERT_NE(world->find_country("RO"), nullptr);
  // Kyiv is in GeoNames with more than two million people, and inside the Ukraine outline.
  bool kyiv = false;
  for (const auto& p : world->places) {
    if (p.country == "UA" && p.name == "Kyiv" && p.population > 2e6) {
      kyiv = true;
      bool inside = false;
      for (const auto& polygon : ukraine->polygons) inside = inside || geo::inside(polygon.outer, p.position);
      EXPECT_TRUE(inside);
    }
  }
  EXPECT_TRUE(kyiv);
}

TEST(WorldData, BadPlaceLineNamesFileAndLine) {
  const std::string dir = testing::temp_dir("geo-bad-places");
  std::ofstream(dir + "/countries.geojson") << testing::read_file(source_path("tests/data/geo/world/countries.geojson"));
  std::ofstream(dir + "/places.tsv") << "# x\ngeonameid\tname\tcountry\tlat\tlon\tpopulation\tfeature_code\n"
                                        "1\tA\tUA\t95\t30\t10\tPPL\n";
  Diagnostics diagnostics;
  EXPECT_FALSE(io::load_world_data(dir, diagnostics));
  ASSERT_TRUE(diagnostics.has_errors());
  EXPECT_EQ(diagnostics.all().front().where.line, 3);
}

TEST(WorldData, MissingFilesAreReported) {
  Diagnostics diagnostics;
  EXPECT_FALSE(io::load_world_data(testing::temp_dir("geo-empty"), diagnostics));
  EXPECT_TRUE(diagnostics.has_errors());
}

}  // namespace
}  // namespace guarantor
