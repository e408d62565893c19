// Scenario loading: the byte-level checks, YAML parsing, the variant overlay, the sections.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "guarantor/io/scenario_io.hpp"
#include "io/section_loaders.hpp"

namespace guarantor::io {
namespace {

constexpr int kFormatVersion = 1;

// The position of the first byte that is not valid UTF-8, or nullopt.
std::optional<SourceLocation> first_invalid_utf8(std::string_view text, const std::string& file) {
  int line = 1;
  int column = 1;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    unsigned int code_point = 0;
    if (byte < 0x80) { length = 1; code_point = byte; }
    else if ((byte & 0xE0) == 0xC0) { length = 2; code_point = byte & 0x1F; }
    else if ((byte & 0xF0) == 0xE0) { length = 3; code_point = byte & 0x0F; }
    else if ((byte & 0xF8) == 0xF0) { length = 4; code_point = byte & 0x07; }
    else return SourceLocation{file, line, column};
    if (i + length > text.size()) return SourceLocation{file, line, column};
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return SourceLocation{file, line, column};
      code_point = (code_point << 6) | (next & 0x3F);
    }
    const bool overlong = (length == 2 && code_point < 0x80) || (length == 3 && code_point < 0x800) ||
                          (length == 4 && code_point < 0x10000);
    if (overlong || code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF))
      return SourceLocation{file, line, column};
    if (byte == '\n') { ++line; column = 1; } else { ++column; }
    i += length;
  }
  return std::nullopt;
}

bool blank(std::string_view text) {
  for (char c : text) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return false;
  }
  return true;
}

ScenarioInfo read_info(ReadContext& ctx, const YAML::Node& node) {
  ScenarioInfo info;
  MapReader map(ctx, node, "scenario");
  if (!map.valid()) return info;
  info.name = map.string("name", Need::required).value_or("");
  info.title = map.string("title").value_or(info.name);
  info.description = map.string("description").value_or("");
  info.as_of = map.string("as_of").value_or("");
  info.standard_variants = map.string_list("standard_variants");
  map.provenance();
  return info;
}

void read_sources(ReadContext& ctx, const YAML::Node& node) {
  if (!node.IsDefined() || node.IsNull()) return;
  if (!node.IsSequence()) {
    ctx.error(node, "sources", "expected a list, found " + describe_type(node));
    return;
  }
  for (std::size_t i = 0; i < node.size(); ++i) {
    const YAML::Node item = node[i];
    if (!item.IsMap() || !item["id"] || !item["id"].IsScalar()) {
      ctx.error(item, fmt::format("sources[{}]", i), "a source needs an 'id'");
      continue;
    }
    const std::string id = item["id"].Scalar();
    YAML::Node body = YAML::Clone(item);
    body.remove("id");
    Source source = read_source(ctx, body, "sources[" + id + "]");
    if (!ctx.sources.emplace(id, source).second) ctx.error(item, "sources[" + id + "]", "duplicate source id");
  }
}

Scenario read_document(ReadContext& ctx, YAML::Node& root) {
  Scenario scenario;
  MapReader top(ctx, root, "");
  if (!top.valid()) return scenario;
  if (auto version = top.integer("guarantor", Need::required)) {
    if (*version != kFormatVersion) {
      ctx.error(top.node("guarantor"), "guarantor",
                fmt::format("unsupported format version {}; this build reads version {}", *version, kFormatVersion));
    }
  }
  read_sources(ctx, top.node("sources"));
  scenario.info = read_info(ctx, top.node("scenario"));
  scenario.nations = load_nations(ctx, top.node("nations"));
  scenario.unit_types = load_unit_types(ctx, top.node("unit_types"));
  scenario.pledges = load_pledges(ctx, top.node("pledges"));
  scenario.components = load_components(ctx, top.node("components"));
  scenario.geography = load_geography(ctx, top.node("geography"));
  scenario.variants = load_variant_infos(ctx, top.node("variants"));
  load_stage_settings(ctx, top, scenario);
  top.finish();
  if (scenario.nations.empty() && !ctx.diagnostics().has_errors()) {
    ctx.diagnostics().error(ctx.at(root), "nations", "a scenario needs at least one nation");
  }
  return scenario;
}

// Each name in scenario.standard_variants must be a declared variant.
void check_standard_variants(ReadContext& ctx, const Scenario& scenario, const YAML::Node& root) {
  std::vector<std::string> declared;
  for (const auto& v : scenario.variants) declared.push_back(v.name);
  for (const auto& name : scenario.info.standard_variants) {
    if (std::find(declared.begin(), declared.end(), name) != declared.end()) continue;
    const std::string hint = did_you_mean(name, declared);
    ctx.error(root["scenario"]["standard_variants"], "scenario.standard_variants",
              fmt::format("'{}' is not a declared variant{}", name, hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint)));
  }
}

}  // namespace

LoadResult load_scenario_text(std::string_view text, const std::string& file_name, const LoadOptions& options) {
  LoadResult result;
  Diagnostics& diags = result.diagnostics;
  if (text.size() > options.max_bytes) {
    diags.error({file_name, 0, 0}, "",
                fmt::format("the file is {:.1f} MiB; scenario files are limited to {:.0f} MiB",
                            text.size() / 1048576.0, options.max_bytes / 1048576.0));
    return result;
  }
  if (blank(text)) {
    diags.error({file_name, 1, 1}, "", "the file is empty: a scenario needs at least 'guarantor' and 'nations'");
    return result;
  }
  if (auto bad = first_invalid_utf8(text, file_name)) {
    diags.error(*bad, "", "the file is not valid UTF-8 (save it as UTF-8)");
    return result;
  }
  ReadContext ctx(file_name, diags);
  try {
    YAML::Node root = YAML::Load(std::string(text));
    if (!root.IsMap()) {
      ctx.error(root, "", fmt::format("expected a mapping at the top of the file, found {}", describe_type(root)));
      return result;
    }
    check_variant_paths(ctx, root);
    if (!options.variant.empty()) apply_variant(ctx, root, options.variant);
    Scenario scenario = read_document(ctx, root);
    scenario.info.file = file_name;
    check_standard_variants(ctx, scenario, root);
    scenario.info.variant = options.variant;
    if (!diags.has_errors()) check_consistency(ctx, scenario);
    if (!diags.has_errors()) result.scenario = std::move(scenario);
  } catch (const YAML::Exception& e) {
    diags.error(ctx.at(e.mark), "", fmt::format("YAML syntax error: {}", e.msg));
  } catch (const std::exception& e) {
    diags.error({file_name, 0, 0}, "", fmt::format("cannot read the file: {}", e.what()));
  }
  return result;
}

LoadResult load_scenario_file(const std::string& path, const LoadOptions& options) {
  LoadResult result;
  std::error_code error;
  const auto status = std::filesystem::status(path, error);
  if (error || !std::filesystem::exists(status)) {
    result.diagnostics.error({path, 0, 0}, "", "no such file");
    return result;
  }
  if (!std::filesystem::is_regular_file(status)) {
    result.diagnostics.error({path, 0, 0}, "", "not a regular file");
    return result;
  }
  const auto size = std::filesystem::file_size(path, error);
  if (!error && size > options.max_bytes) {
    result.diagnostics.error({path, 0, 0}, "",
                             fmt::format("the file is {:.1f} MiB; scenario files are limited to {:.0f} MiB",
                                         size / 1048576.0, options.max_bytes / 1048576.0));
    return result;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    result.diagnostics.error({path, 0, 0}, "", "cannot open the file");
    return result;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return load_scenario_text(buffer.str(), path, options);
}

namespace {

// One problem the loads of validate_scenario_file found, and which of them found it.
struct Finding {
  Diagnostic diagnostic;              // as the loader reported it, without any variant label
  bool in_base = false;               // the base file (no variant) has it
  std::vector<std::string> variants;  // the variants that have it when the base file does not
};

// " (with variant 'a')" or " (with variants 'a', 'b')".
std::string variant_label(const std::vector<std::string>& variants) {
  std::vector<std::string> quoted;
  for (const auto& name : variants) quoted.push_back("'" + name + "'");
  return fmt::format(" (with variant{} {})", variants.size() > 1 ? "s" : "", fmt::join(quoted, ", "));
}

}  // namespace

// Every load repeats the base file's problems, and several variants may share one problem, so
// problems are collected by their text first and printed once each: a base problem as it is, a
// variant problem labelled with every variant that has it.
Diagnostics validate_scenario_file(const std::string& path) {
  std::vector<Finding> findings;
  std::map<std::string, std::size_t> index_by_text;
  auto collect = [&](const Diagnostics& diags, const std::string& variant) {
    for (const auto& d : diags.all()) {
      auto [it, inserted] = index_by_text.emplace(format_diagnostic(d), findings.size());
      if (inserted) findings.push_back(Finding{d, variant.empty(), {}});
      Finding& finding = findings[it->second];
      if (variant.empty()) finding.in_base = true;
      else if (std::find(finding.variants.begin(), finding.variants.end(), variant) == finding.variants.end())
        finding.variants.push_back(variant);
    }
  };
  LoadResult base = load_scenario_file(path);
  collect(base.diagnostics, "");
  if (base.scenario) {
    for (const auto& variant : base.scenario->variants) {
      collect(load_scenario_file(path, LoadOptions{variant.name}).diagnostics, variant.name);
    }
  }
  Diagnostics all;
  for (const auto& finding : findings) {
    Diagnostic d = finding.diagnostic;
    // A message that already names a variant ("... is not a declared variant") needs no label.
    if (!finding.in_base && d.message.find("variant") == std::string::npos) d.message += variant_label(finding.variants);
    if (d.severity == Severity::error) all.error(d.where, d.key, d.message);
    else all.warning(d.where, d.key, d.message);
  }
  return all;
}

std::vector<std::string> variant_names(const Scenario& scenario) {
  std::vector<std::string> names;
  for (const auto& v : scenario.variants) names.push_back(v.name);
  return names;
}

}  // namespace guarantor::io
