#pragma once
// One function per top-level section of a scenario file. Each reads its section through
// MapReader and reports problems to the context; none throws for bad input.

#include "io/yaml_reader.hpp"

namespace guarantor::io {

void load_sources(ReadContext& ctx, const YAML::Node& node);
ScenarioInfo load_info(ReadContext& ctx, const YAML::Node& node);
std::vector<Nation> load_nations(ReadContext& ctx, const YAML::Node& node);
std::vector<UnitType> load_unit_types(ReadContext& ctx, const YAML::Node& node);
std::vector<Pledge> load_pledges(ReadContext& ctx, const YAML::Node& node);
std::vector<Component> load_components(ReadContext& ctx, const YAML::Node& node);
Geography load_geography(ReadContext& ctx, const YAML::Node& node);
std::vector<VariantInfo> load_variant_infos(ReadContext& ctx, const YAML::Node& node);
// The plan, laydown and simulation sections, driven by the parameter registry.
void load_stage_settings(ReadContext& ctx, MapReader& top, Scenario& scenario);

// Cross-references and consistency between sections (unknown nation, absurd troop numbers...).
void check_consistency(ReadContext& ctx, const Scenario& scenario);

// Applies the named variant's set/append/remove patches to the raw document in place.
void apply_variant(ReadContext& ctx, YAML::Node& root, const std::string& name);
// Checks that every path every variant patches exists in the base document (changes nothing).
void check_variant_paths(ReadContext& ctx, YAML::Node& root);

// Calls `read` on each element of a list and reports duplicate ids (by `id_of`).
template <typename T, typename ReadFn, typename IdFn>
std::vector<T> load_list(ReadContext& ctx, const YAML::Node& node, const std::string& section, ReadFn read, IdFn id_of) {
  std::vector<T> items;
  if (!node.IsDefined() || node.IsNull()) return items;
  if (!node.IsSequence()) {
    ctx.error(node, section, "expected a list, found " + describe_type(node));
    return items;
  }
  std::map<std::string, SourceLocation> seen;
  for (std::size_t i = 0; i < node.size(); ++i) {
    T item = read(ctx, node[i], section + "[" + std::to_string(i) + "]");
    const std::string id = id_of(item);
    if (!id.empty()) {
      auto [it, inserted] = seen.emplace(id, ctx.at(node[i]));
      if (!inserted) {
        ctx.error(node[i], section + "[" + id + "]",
                  "duplicate id '" + id + "' (first defined at line " + std::to_string(it->second.line) + ")");
      }
    }
    items.push_back(std::move(item));
  }
  return items;
}

}  // namespace guarantor::io
