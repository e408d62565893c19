// `guarantor validate`: every problem of the base file and of each variant is reported once.
#include <map>

#include "io/loader_fixture.hpp"

namespace guarantor::testing {
namespace {

const std::string kVariants = "variants:\n";

// The minimal scenario with extra variants appended to its `variants:` list.
std::string with_variants(std::string text, const std::string& variants_yaml) {
  return replaced(std::move(text), kVariants, kVariants + variants_yaml);
}

// How many times each formatted diagnostic occurs.
std::map<std::string, int> counts(const Diagnostics& diags) {
  std::map<std::string, int> n;
  for (const auto& d : diags.all()) ++n[format_diagnostic(d)];
  return n;
}

TEST(VariantsValidate, EachProblemIsReportedOnce) {
  // A base warning (a declined pledge with a quantity) that every variant's load repeats, one
  // problem two variants share (GB removed, its pledge dangles) and one problem of one variant.
  std::string text = replaced(minimal_text(), "    quantity: 0\n    status: declined", "    quantity: 1\n    status: declined");
  text = with_variants(text,
                       "  - {name: no-gb, assumption: test, remove: [nations.GB]}\n"
                       "  - {name: no-uk, assumption: test, remove: [nations.GB]}\n"
                       "  - {name: bad-quantity, assumption: test, set: {pledges.GB-land.quantity: -5}}\n");
  const Diagnostics diags = io::validate_scenario_file(write_temp_file("validate-once.yaml", text));
  const std::string listing = all_messages(diags);
  ASSERT_EQ(diags.all().size(), 3u) << listing;
  for (const auto& [line, n] : counts(diags)) EXPECT_EQ(n, 1) << line;

  const Diagnostic& warning = diags.all()[0];
  EXPECT_EQ(warning.severity, Severity::warning) << listing;
  EXPECT_EQ(warning.message, "a declined pledge offers nothing; the quantity is ignored") << "a base problem has no label";

  const Diagnostic* shared = find_error(diags, "unknown nation 'GB'");
  ASSERT_NE(shared, nullptr) << listing;
  EXPECT_NE(shared->message.find("(with variants 'no-gb', 'no-uk')"), std::string::npos) << listing;

  const Diagnostic* own = find_error(diags, "-5 is out of range");
  ASSERT_NE(own, nullptr) << listing;
  EXPECT_NE(own->message.find("(with variant 'bad-quantity')"), std::string::npos) << listing;
  EXPECT_EQ(diags.error_count(), 2u) << listing;
}

TEST(VariantsValidate, AValidFileWithVariantsHasNoDiagnostics) {
  const Diagnostics diags = io::validate_scenario_file(source_path("tests/data/minimal.yaml"));
  EXPECT_TRUE(diags.all().empty()) << all_messages(diags);
}

}  // namespace
}  // namespace guarantor::testing
