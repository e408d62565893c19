#include "io/yaml_reader.hpp"

#include <fmt/format.h>

#include <cmath>

namespace guarantor::io {

SourceLocation ReadContext::at(const YAML::Mark& mark) const {
  if (mark.is_null()) return {file_, 0, 0};
  return {file_, mark.line + 1, mark.column + 1};
}

SourceLocation ReadContext::at(const YAML::Node& node) const {
  if (!node.IsDefined()) return {file_, 0, 0};
  return at(node.Mark());
}

void ReadContext::error(const YAML::Node& node, const std::string& key, const std::string& message) {
  diags_.error(at(node), key, message);
}

void ReadContext::warning(const YAML::Node& node, const std::string& key, const std::string& message) {
  diags_.warning(at(node), key, message);
}

std::string describe_type(const YAML::Node& node) {
  if (!node.IsDefined() || node.IsNull()) return "nothing";
  if (node.IsSequence()) return "a list";
  if (node.IsMap()) return "a mapping";
  return fmt::format("'{}'", node.Scalar());
}

bool valid_identifier(const std::string& id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

std::optional<double> read_number(ReadContext& ctx, const YAML::Node& node, const std::string& key, Range range) {
  if (!node.IsScalar()) {
    ctx.error(node, key, fmt::format("expected a number, found {}", describe_type(node)));
    return std::nullopt;
  }
  double value = 0;
  if (!YAML::convert<double>::decode(node, value) || !std::isfinite(value)) {
    ctx.error(node, key, fmt::format("expected a number, found {}", describe_type(node)));
    return std::nullopt;
  }
  if (value < range.min || value > range.max) {
    if (std::isinf(range.max)) {
      ctx.error(node, key, fmt::format("{} is out of range: must be at least {}", node.Scalar(), range.min));
    } else {
      ctx.error(node, key, fmt::format("{} is out of range [{}, {}]", node.Scalar(), range.min, range.max));
    }
    return std::nullopt;
  }
  return value;
}

std::optional<LatLon> read_lat_lon(ReadContext& ctx, const YAML::Node& node, const std::string& key) {
  YAML::Node lat_node;
  YAML::Node lon_node;
  if (node.IsSequence() && node.size() == 2) {
    lat_node.reset(node[0]);
    lon_node.reset(node[1]);
  } else if (node.IsMap() && node["lat"] && node["lon"] && node.size() == 2) {
    lat_node.reset(node["lat"]);
    lon_node.reset(node["lon"]);
  } else {
    ctx.error(node, key, fmt::format("expected a position [lat, lon] or {{lat, lon}}, found {}", describe_type(node)));
    return std::nullopt;
  }
  auto lat = read_number(ctx, lat_node, key + ".lat", Range{-90, 90});
  auto lon = read_number(ctx, lon_node, key + ".lon", Range{-180, 180});
  if (!lat || !lon) return std::nullopt;
  return LatLon{*lat, *lon};
}

Source read_source(ReadContext& ctx, const YAML::Node& node, const std::string& key) {
  if (node.IsScalar()) {
    const std::string id = node.Scalar();
    auto found = ctx.sources.find(id);
    if (found != ctx.sources.end()) return found->second;
    std::vector<std::string> ids;
    for (const auto& [known_id, unused] : ctx.sources) ids.push_back(known_id);
    const std::string hint = did_you_mean(id, ids);
    ctx.error(node, key,
              fmt::format("unknown source '{}'{}", id, hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint)));
    return {};
  }
  MapReader map(ctx, node, key);
  Source source;
  if (!map.valid()) return source;
  source.outlet = map.string("outlet").value_or("");
  source.date = map.string("date").value_or("");
  source.url = map.string("url").value_or("");
  source.file = map.string("file").value_or("");
  if (const auto confidence = map.choice("confidence", {"verified", "uncertain"})) {
    source.confidence = *confidence == 0 ? "verified" : "uncertain";
  }
  if (source.outlet.empty() && source.file.empty()) {
    ctx.error(node, key, "a source needs an 'outlet' or a 'file'");
  }
  return source;
}

MapReader::MapReader(ReadContext& ctx, const YAML::Node& node, std::string path)
    : ctx_(ctx), node_(node), path_(std::move(path)) {
  if (!node.IsMap()) {
    ctx_.error(node, path_, fmt::format("expected a mapping, found {}", describe_type(node)));
    finished_ = true;
    return;
  }
  valid_ = true;
  // yaml-cpp keeps the first of two equal keys silently; a duplicate is almost always a mistake.
  std::set<std::string> seen;
  for (const auto& item : node_) {
    const std::string key = item.first.Scalar();
    if (!seen.insert(key).second) ctx_.error(item.first, key_path(key), "duplicate key");
  }
}

MapReader::~MapReader() { finish(); }

std::string MapReader::key_path(const std::string& key) const {
  return path_.empty() ? key : path_ + "." + key;
}

SourceLocation MapReader::where() const { return ctx_.at(node_); }

bool MapReader::has(const std::string& key) {
  const YAML::Node value = node(key);
  return value.IsDefined() && !value.IsNull();
}

YAML::Node MapReader::node(const std::string& key) {
  known_.insert(key);
  if (!valid_) return YAML::Node(YAML::NodeType::Undefined);
  for (const auto& item : node_) {
    if (item.first.Scalar() == key) return item.second;
  }
  return YAML::Node(YAML::NodeType::Undefined);
}

SourceLocation MapReader::where(const std::string& key) {
  const YAML::Node value = node(key);
  return value.IsDefined() ? ctx_.at(value) : where();
}

namespace {
bool missing(ReadContext& ctx, MapReader& map, const YAML::Node& value, const std::string& key, Need need) {
  if (value.IsDefined() && !value.IsNull()) return false;
  if (need == Need::required && map.valid()) {
    ctx.diagnostics().error(map.where(), map.key_path(key), "required key is missing");
  }
  return true;
}
}  // namespace

std::optional<std::string> MapReader::string(const std::string& key, Need need) {
  const YAML::Node value = node(key);
  if (missing(ctx_, *this, value, key, need)) return std::nullopt;
  if (!value.IsScalar()) {
    ctx_.error(value, key_path(key), fmt::format("expected text, found {}", describe_type(value)));
    return std::nullopt;
  }
  return value.Scalar();
}

std::optional<std::size_t> MapReader::choice(const std::string& key, std::initializer_list<std::string_view> allowed) {
  return choice(key, std::vector<std::string>(allowed.begin(), allowed.end()));
}

std::optional<std::size_t> MapReader::choice(const std::string& key, const std::vector<std::string>& allowed) {
  const auto text = string(key);
  if (!text) return std::nullopt;
  std::size_t index = 0;
  for (const std::string& name : allowed) {
    if (*text == name) return index;
    ++index;
  }
  std::string list;
  index = 0;
  for (const std::string& name : allowed) {
    if (index > 0) list += index + 1 == allowed.size() ? " or " : ", ";
    list += fmt::format("'{}'", name);
    ++index;
  }
  ctx_.error(node(key), key_path(key), "must be " + list);
  return std::nullopt;
}

std::optional<double> MapReader::number(const std::string& key, Need need, Range range) {
  const YAML::Node value = node(key);
  if (missing(ctx_, *this, value, key, need)) return std::nullopt;
  return read_number(ctx_, value, key_path(key), range);
}

std::optional<int> MapReader::integer(const std::string& key, Need need, Range range) {
  const YAML::Node value = node(key);
  if (missing(ctx_, *this, value, key, need)) return std::nullopt;
  auto number = read_number(ctx_, value, key_path(key), range);
  if (!number) return std::nullopt;
  if (std::floor(*number) != *number || std::fabs(*number) > 2e9) {
    ctx_.error(value, key_path(key), fmt::format("expected a whole number, found {}", value.Scalar()));
    return std::nullopt;
  }
  return static_cast<int>(*number);
}

std::optional<bool> MapReader::boolean(const std::string& key, Need need) {
  const YAML::Node value = node(key);
  if (missing(ctx_, *this, value, key, need)) return std::nullopt;
  bool result = false;
  if (!value.IsScalar() || !YAML::convert<bool>::decode(value, result)) {
    ctx_.error(value, key_path(key), fmt::format("expected true or false, found {}", describe_type(value)));
    return std::nullopt;
  }
  return result;
}

std::vector<std::string> MapReader::string_list(const std::string& key, Need need) {
  std::vector<std::string> result;
  const YAML::Node value = node(key);
  if (missing(ctx_, *this, value, key, need)) return result;
  if (!value.IsSequence()) {
    ctx_.error(value, key_path(key), fmt::format("expected a list, found {}", describe_type(value)));
    return result;
  }
  for (const auto& item : value) {
    if (!item.IsScalar()) {
      ctx_.error(item, key_path(key), fmt::format("expected text, found {}", describe_type(item)));
      continue;
    }
    result.push_back(item.Scalar());
  }
  return result;
}

Figure MapReader::figure(const std::string& key, Need need, Range range) {
  Figure figure;
  const YAML::Node value = node(key);
  figure.where = ctx_.at(value.IsDefined() ? value : node_);
  if (missing(ctx_, *this, value, key, need)) return figure;
  if (value.IsScalar() && value.Scalar() == "unknown") return figure;
  if (value.IsScalar()) {
    figure.value = read_number(ctx_, value, key_path(key), range);
    return figure;
  }
  MapReader inner(ctx_, value, key_path(key));
  if (!inner.valid()) return figure;
  const YAML::Node inner_value = inner.node("value");
  if (!inner_value.IsDefined()) {
    ctx_.error(value, key_path(key) + ".value", "required key is missing");
  } else if (!(inner_value.IsScalar() && inner_value.Scalar() == "unknown")) {
    figure.value = read_number(ctx_, inner_value, key_path(key) + ".value", range);
  }
  figure.provenance = inner.provenance();
  return figure;
}

Provenance MapReader::provenance() {
  Provenance provenance;
  if (!valid_) return provenance;
  const YAML::Node one = node("source");
  if (one.IsDefined() && !one.IsNull()) provenance.sources.push_back(read_source(ctx_, one, key_path("source")));
  const YAML::Node many = node("sources");
  if (many.IsDefined() && !many.IsNull()) {
    if (!many.IsSequence()) {
      ctx_.error(many, key_path("sources"), fmt::format("expected a list, found {}", describe_type(many)));
    } else {
      for (const auto& item : many) provenance.sources.push_back(read_source(ctx_, item, key_path("sources")));
    }
  }
  const YAML::Node assumption = node("assumption");
  if (assumption.IsDefined() && !assumption.IsNull()) {
    bool flag = false;
    if (assumption.IsScalar() && YAML::convert<bool>::decode(assumption, flag)) {
      provenance.assumption = flag;
    } else if (assumption.IsScalar()) {
      provenance.assumption = true;
      provenance.note = assumption.Scalar();
    } else {
      ctx_.error(assumption, key_path("assumption"), "expected true, false or a sentence saying what is assumed");
    }
  }
  if (auto note = string("note")) {
    provenance.note = provenance.note.empty() ? *note : provenance.note + " " + *note;
  }
  return provenance;
}

std::optional<std::vector<LatLon>> MapReader::lat_lon_list(const std::string& key, Need need) {
  const YAML::Node value = node(key);
  if (missing(ctx_, *this, value, key, need)) return std::nullopt;
  if (!value.IsSequence()) {
    ctx_.error(value, key_path(key), fmt::format("expected a list of [lat, lon], found {}", describe_type(value)));
    return std::nullopt;
  }
  std::vector<LatLon> points;
  bool ok = true;
  for (const auto& item : value) {
    auto point = read_lat_lon(ctx_, item, key_path(key));
    if (point) points.push_back(*point); else ok = false;
  }
  if (!ok) return std::nullopt;
  return points;
}

void MapReader::finish() {
  if (finished_) return;
  finished_ = true;
  std::vector<std::string> candidates(known_.begin(), known_.end());
  for (const auto& item : node_) {
    const std::string key = item.first.Scalar();
    if (known_.count(key)) continue;
    const std::string hint = did_you_mean(key, candidates);
    ctx_.error(item.first, key_path(key),
               hint.empty() ? "unknown key" : fmt::format("unknown key (did you mean '{}'?)", hint));
  }
}

}  // namespace guarantor::io
