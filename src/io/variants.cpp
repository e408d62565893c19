// Variants: named overlays on the base scenario. A variant patches the raw document with
//   set:    {dotted.path: value}      replace an existing value
//   append: {dotted.path: [items]}    add items to an existing list
//   remove: [dotted.path, ...]        delete an existing key or list item
// A path segment in a list selects the item whose id, code or name equals it (or a 0-based index).
#include <fmt/format.h>

#include <charconv>

#include "guarantor/scenario/parameters.hpp"
#include "io/section_loaders.hpp"

namespace guarantor::io {
namespace {

struct Resolved {
  YAML::Node parent;
  std::string segment;
  std::optional<std::size_t> index;  // set when parent is a list
  YAML::Node node;
};

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t dot = path.find('.', start);
    parts.push_back(path.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return parts;
}

bool item_named(const YAML::Node& item, const std::string& name) {
  if (!item.IsMap()) return false;
  for (const char* key : {"id", "code", "name"}) {
    for (const auto& entry : item) {
      if (entry.first.Scalar() == key && entry.second.IsScalar() && entry.second.Scalar() == name) return true;
    }
  }
  return false;
}

// Walks the path; on failure returns nullopt and sets `problem`.
std::optional<Resolved> resolve(YAML::Node root, const std::string& path, std::string& problem) {
  const auto parts = split_path(path);
  YAML::Node current;
  current.reset(root);
  Resolved resolved;
  std::string walked;
  for (const auto& part : parts) {
    if (part.empty()) {
      problem = "empty segment in path";
      return std::nullopt;
    }
    // yaml-cpp's Node::operator= writes through to the referenced node, so walking the tree must
    // rebind handles with reset(), never assign them.
    resolved.parent.reset(current);
    resolved.segment = part;
    resolved.index.reset();
    resolved.node.reset(YAML::Node(YAML::NodeType::Undefined));
    if (current.IsMap()) {
      for (const auto& entry : current) {
        if (entry.first.Scalar() == part) resolved.node.reset(entry.second);
      }
    } else if (current.IsSequence()) {
      std::size_t index = 0;
      const auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), index);
      const bool numeric = error == std::errc() && end == part.data() + part.size();
      for (std::size_t i = 0; i < current.size(); ++i) {
        if ((numeric && i == index) || item_named(current[i], part)) {
          resolved.index = i;
          resolved.node.reset(current[i]);
          break;
        }
      }
    }
    if (!resolved.node.IsDefined()) {
      problem = walked.empty() ? fmt::format("there is no top-level key '{}'", part)
                               : fmt::format("'{}' has no '{}'", walked, part);
      return std::nullopt;
    }
    walked = walked.empty() ? part : walked + "." + part;
    current.reset(resolved.node);
  }
  return resolved;
}

// Sets a registered parameter, creating the sections on its path that the document lacks
// (a section written as `key:` with no value counts as absent).
void set_registered(YAML::Node& root, const std::string& key, const YAML::Node& value) {
  const auto parts = split_path(key);
  YAML::Node current;
  current.reset(root);
  for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
    YAML::Node child;
    for (const auto& entry : current) {
      if (entry.first.Scalar() == parts[i]) child.reset(entry.second);
    }
    if (!child.IsDefined() || !child.IsMap()) {
      current[parts[i]] = YAML::Node(YAML::NodeType::Map);
      child.reset(current[parts[i]]);
    }
    current.reset(child);
  }
  current[parts.back()] = value;
}

const YAML::Node* find_variant(const YAML::Node& variants, const std::string& name, YAML::Node& out) {
  if (!variants.IsSequence()) return nullptr;
  for (const auto& variant : variants) {
    if (item_named(variant, name)) {
      out.reset(variant);
      return &out;
    }
  }
  return nullptr;
}

std::vector<std::string> declared_names(const YAML::Node& variants) {
  std::vector<std::string> names;
  if (!variants.IsSequence()) return names;
  for (const auto& variant : variants) {
    if (variant.IsMap() && variant["name"] && variant["name"].IsScalar()) names.push_back(variant["name"].Scalar());
  }
  return names;
}

YAML::Node lookup(const YAML::Node& map, const char* key) {
  if (!map.IsMap()) return YAML::Node(YAML::NodeType::Undefined);
  for (const auto& entry : map) {
    if (entry.first.Scalar() == key) return entry.second;
  }
  return YAML::Node(YAML::NodeType::Undefined);
}

// Applies (or, with dry_run, only checks) one variant's patches.
void patch(ReadContext& ctx, YAML::Node& root, const YAML::Node& variant, const std::string& name, bool dry_run) {
  const std::string here = "variants[" + name + "]";
  const YAML::Node set = lookup(variant, "set");
  if (set.IsMap()) {
    for (const auto& entry : set) {
      std::string problem;
      const std::string& key = entry.first.Scalar();
      if (params::find(key)) {
        // A registered parameter may be set whether or not the base file writes it.
        if (!dry_run) set_registered(root, key, entry.second);
        continue;
      }
      auto target = resolve(root, key, problem);
      if (!target) {
        ctx.error(entry.first, here + ".set", fmt::format("cannot patch '{}': {}", entry.first.Scalar(), problem));
        continue;
      }
      if (dry_run) continue;
      if (target->index) target->parent[*target->index] = entry.second;
      else target->parent[target->segment] = entry.second;
    }
  }
  const YAML::Node append = lookup(variant, "append");
  if (append.IsMap()) {
    for (const auto& entry : append) {
      std::string problem;
      auto target = resolve(root, entry.first.Scalar(), problem);
      if (!target) {
        ctx.error(entry.first, here + ".append", fmt::format("cannot append to '{}': {}", entry.first.Scalar(), problem));
      } else if (!target->node.IsSequence()) {
        ctx.error(entry.first, here + ".append", fmt::format("'{}' is not a list", entry.first.Scalar()));
      } else if (!entry.second.IsSequence()) {
        ctx.error(entry.second, here + ".append", "expected a list of items to append");
      } else if (!dry_run) {
        for (const auto& item : entry.second) target->node.push_back(item);
      }
    }
  }
  const YAML::Node remove = lookup(variant, "remove");
  if (remove.IsSequence()) {
    for (const auto& entry : remove) {
      if (!entry.IsScalar()) {
        ctx.error(entry, here + ".remove", "expected a dotted path");
        continue;
      }
      std::string problem;
      auto target = resolve(root, entry.Scalar(), problem);
      if (!target) {
        ctx.error(entry, here + ".remove", fmt::format("cannot remove '{}': {}", entry.Scalar(), problem));
        continue;
      }
      if (dry_run) continue;
      if (target->index) target->parent.remove(*target->index);
      else target->parent.remove(target->segment);
    }
  }
}

VariantInfo read_variant_info(ReadContext& ctx, const YAML::Node& node, const std::string& path) {
  MapReader map(ctx, node, path);
  VariantInfo info;
  if (!map.valid()) return info;
  info.name = map.string("name", Need::required).value_or("");
  info.description = map.string("description").value_or("");
  info.provenance = map.provenance();
  const YAML::Node set = map.node("set");
  if (set.IsDefined() && !set.IsMap()) ctx.error(set, map.key_path("set"), "expected a mapping of path: value");
  const YAML::Node append = map.node("append");
  if (append.IsDefined() && !append.IsMap()) ctx.error(append, map.key_path("append"), "expected a mapping of path: [items]");
  const YAML::Node remove = map.node("remove");
  if (remove.IsDefined() && !remove.IsSequence()) ctx.error(remove, map.key_path("remove"), "expected a list of paths");
  return info;
}

}  // namespace

std::vector<VariantInfo> load_variant_infos(ReadContext& ctx, const YAML::Node& node) {
  return load_list<VariantInfo>(ctx, node, "variants", read_variant_info, [](const VariantInfo& v) { return v.name; });
}

void check_variant_paths(ReadContext& ctx, YAML::Node& root) {
  const YAML::Node variants = lookup(root, "variants");
  if (!variants.IsSequence()) return;
  for (const auto& variant : variants) {
    const YAML::Node name = lookup(variant, "name");
    if (name.IsScalar()) patch(ctx, root, variant, name.Scalar(), /*dry_run=*/true);
  }
}

void apply_variant(ReadContext& ctx, YAML::Node& root, const std::string& name) {
  const YAML::Node variants = lookup(root, "variants");
  YAML::Node variant;
  if (!find_variant(variants, name, variant)) {
    const auto names = declared_names(variants);
    const std::string hint = did_you_mean(name, names);
    ctx.diagnostics().error({ctx.file(), 0, 0}, "variants",
                            fmt::format("no variant named '{}'; the file declares: {}{}", name,
                                        names.empty() ? "none" : fmt::format("{}", fmt::join(names, ", ")),
                                        hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint)));
    return;
  }
  patch(ctx, root, variant, name, /*dry_run=*/false);
}

}  // namespace guarantor::io
