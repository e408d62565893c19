#pragma once
// Reading YAML into typed values while collecting every problem as a Diagnostic.
// Private to the io module: section loaders use MapReader, never raw yaml-cpp conversions.

#include <yaml-cpp/yaml.h>

#include <limits>
#include <map>
#include <optional>
#include <set>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "guarantor/core/diagnostics.hpp"
#include "guarantor/scenario/scenario.hpp"

namespace guarantor::io {

struct Range {
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
};
inline constexpr Range kNonNegative{0.0, std::numeric_limits<double>::infinity()};
inline constexpr Range kPositive{1e-12, std::numeric_limits<double>::infinity()};
inline constexpr Range kProbability{0.0, 1.0};

enum class Need { optional, required };

// Shared state of one load: the file name, the diagnostics, and the registry of named sources.
class ReadContext {
 public:
  ReadContext(std::string file, Diagnostics& diagnostics) : file_(std::move(file)), diags_(diagnostics) {}

  SourceLocation at(const YAML::Node& node) const;
  SourceLocation at(const YAML::Mark& mark) const;
  void error(const YAML::Node& node, const std::string& key, const std::string& message);
  void warning(const YAML::Node& node, const std::string& key, const std::string& message);
  const std::string& file() const { return file_; }
  Diagnostics& diagnostics() { return diags_; }

  std::map<std::string, Source> sources;  // the scenario's `sources:` registry, by id

 private:
  std::string file_;
  Diagnostics& diags_;
};

// Reads one YAML mapping. Every key read through it counts as known; finish() reports the others
// as unknown, with a did-you-mean among the known ones.
class MapReader {
 public:
  MapReader(ReadContext& ctx, const YAML::Node& node, std::string path);
  ~MapReader();
  MapReader(const MapReader&) = delete;
  MapReader& operator=(const MapReader&) = delete;

  bool valid() const { return valid_; }
  const std::string& path() const { return path_; }
  std::string key_path(const std::string& key) const;
  SourceLocation where() const;
  ReadContext& context() { return ctx_; }

  bool has(const std::string& key);
  YAML::Node node(const std::string& key);  // marks the key known; undefined node when absent
  SourceLocation where(const std::string& key);

  std::optional<std::string> string(const std::string& key, Need need = Need::optional);
  // The index of the key's text in `allowed`; when it is none of them, an error listing them
  // ("must be 'a', 'b' or 'c'") and nullopt.
  std::optional<std::size_t> choice(const std::string& key, std::initializer_list<std::string_view> allowed);
  std::optional<std::size_t> choice(const std::string& key, const std::vector<std::string>& allowed);
  std::optional<double> number(const std::string& key, Need need = Need::optional, Range range = {});
  std::optional<int> integer(const std::string& key, Need need = Need::optional, Range range = {});
  std::optional<bool> boolean(const std::string& key, Need need = Need::optional);
  std::vector<std::string> string_list(const std::string& key, Need need = Need::optional);
  // A number, the word `unknown`, or {value, source|sources, assumption, note}.
  Figure figure(const std::string& key, Need need = Need::optional, Range range = {});
  // source / sources / assumption / note keys of this mapping.
  Provenance provenance();
  // [[lat, lon], ...] or [{lat, lon}, ...]
  std::optional<std::vector<LatLon>> lat_lon_list(const std::string& key, Need need = Need::optional);

  // Reports keys never read. Called by the destructor if not called before.
  void finish();

 private:
  ReadContext& ctx_;
  YAML::Node node_;
  std::string path_;
  bool valid_ = false;
  bool finished_ = false;
  std::set<std::string> known_;
};

// Helpers for scalar nodes outside a mapping.
std::optional<double> read_number(ReadContext& ctx, const YAML::Node& node, const std::string& key, Range range);
std::optional<LatLon> read_lat_lon(ReadContext& ctx, const YAML::Node& node, const std::string& key);
Source read_source(ReadContext& ctx, const YAML::Node& node, const std::string& key);
std::string describe_type(const YAML::Node& node);
bool valid_identifier(const std::string& id);

}  // namespace guarantor::io
