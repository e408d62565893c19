// The guarantor command end to end: exit statuses, messages on stderr, output formats.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "support/cli_runner.hpp"

namespace guarantor::testing {
namespace {

const std::string kMinimal = source_path("tests/data/minimal.yaml");

TEST(Cli, VersionAndHelp) {
  auto version = run_cli({"--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_NE(version.out.find("guarantor "), std::string::npos);
  for (const std::string command : {"validate", "show"}) {
    auto help = run_cli({command, "--help"});
    EXPECT_EQ(help.exit_code, 0) << command;
    EXPECT_NE(help.out.find("Usage"), std::string::npos) << command;
  }
}

TEST(Cli, UsageErrorsExitWithStatusTwo) {
  EXPECT_EQ(run_cli({}).exit_code, 2);
  EXPECT_EQ(run_cli({"frobnicate"}).exit_code, 2);
  EXPECT_EQ(run_cli({"show"}).exit_code, 2);
  EXPECT_EQ(run_cli({"show", kMinimal, "--no-such-flag"}).exit_code, 2);
}

TEST(Cli, ValidateAcceptsAValidFile) {
  auto result = run_cli({"validate", kMinimal});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("valid"), std::string::npos);
  EXPECT_EQ(result.err, "");
}

TEST(Cli, ValidateReportsFileLineColumnAndKeyOnStderr) {
  std::string text = read_file(kMinimal);
  text.replace(text.find("quantity: 4"), 11, "quantity: -4");
  const std::string path = write_temp_file("negative.yaml", text);
  auto result = run_cli({"validate", path, kMinimal});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find(path + ":"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find(": error: pledges[0].quantity: -4 is out of range"), std::string::npos) << result.err;
  EXPECT_NE(result.out.find(kMinimal + ": valid"), std::string::npos) << "the valid file is still checked";
}

TEST(Cli, MissingFile) {
  auto result = run_cli({"show", "/nonexistent/scenario.yaml"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("/nonexistent/scenario.yaml: error: no such file"), std::string::npos) << result.err;
}

TEST(Cli, EmptyFile) {
  auto result = run_cli({"validate", write_temp_file("empty.yaml", "")});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("the file is empty"), std::string::npos) << result.err;
}

TEST(Cli, NotUtf8) {
  auto result = run_cli({"validate", write_temp_file("latin1.yaml", "guarantor: 1\nscenario: {name: \xE9t\xE9}\n")});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find(":2:18: error: the file is not valid UTF-8"), std::string::npos) << result.err;
}

TEST(Cli, HundredMegabyteFileIsRefusedWithoutReadingIt) {
  const std::string path = temp_dir("big") + "/big.yaml";
  {
    std::ofstream out(path, std::ios::binary);
    out.seekp(100 * 1024 * 1024 - 1);
    out.put('\n');  // a sparse 100 MB file
  }
  auto result = run_cli({"validate", path});
  std::filesystem::remove(path);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("the file is 100.0 MiB; scenario files are limited to 16 MiB"), std::string::npos)
      << result.err;
}

TEST(Cli, YamlSyntaxError) {
  auto result = run_cli({"validate", write_temp_file("syntax.yaml", "guarantor: 1\nnations: [\n  {code: GB\n")});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("error: YAML syntax error"), std::string::npos) << result.err;
}

TEST(Cli, ShowPrintsTheTally) {
  auto result = run_cli({"show", kMinimal});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("NATIONS BY PLEDGE STATUS"), std::string::npos);
  EXPECT_NE(result.out.find("GB-land: 4 × inf_bn = 2400 troops [committed]"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("source: News report (seed 004), 2025-09-05"), std::string::npos);
  EXPECT_NE(result.out.find("Total troops pledged: 2400 committed, 1800 conditional."), std::string::npos);
}

TEST(Cli, ShowJsonHasNationsWithPledgesAndComponents) {
  auto result = run_cli({"show", kMinimal, "--json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto json = nlohmann::json::parse(result.out);
  ASSERT_EQ(json["nations"].size(), 3u);
  EXPECT_EQ(json["nations"][0]["code"], "GB");
  EXPECT_EQ(json["nations"][0]["pledges"][0]["troops"], 2400);
  EXPECT_EQ(json["nations"][0]["pledges"][0]["provenance"]["sources"][0]["file"], "seeds/004_ce337ccca06c870f.txt");
  ASSERT_EQ(json["components"].size(), 2u);
  EXPECT_EQ(json["components"][0]["required_troops"], 3600);
  EXPECT_EQ(json["components"][0]["gap_committed"], 1200);
}

TEST(Cli, ShowWithVariant) {
  auto result = run_cli({"show", kMinimal, "--variant", "small", "--json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(nlohmann::json::parse(result.out)["components"][0]["required_troops"], 1200);
  auto bad = run_cli({"show", kMinimal, "--variant", "smal"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("did you mean 'small'?"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace guarantor::testing
