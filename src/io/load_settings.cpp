// The `plan:`, `laydown:` and `simulation:` sections, read from the parameter registry
// (guarantor/scenario/parameters.hpp): every registered key, its type and its allowed range come
// from there, so the loader, the schema and the docs cannot drift apart. Every key is optional; a
// missing key keeps the default of the settings struct. A number may be written plain or as
// {value, source|sources, assumption, note}; a section may carry source/assumption/note for all
// its keys. Keys that are not parameters (simulation.nations, laydown.corridor) have their own
// readers below.
#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <functional>
#include <map>
#include <set>

#include "guarantor/core/calendar.hpp"
#include "guarantor/scenario/parameters.hpp"
#include "guarantor/scenario/reference_classes.hpp"
#include "io/section_loaders.hpp"

namespace guarantor::io {

namespace {

using params::Kind;
using params::Parameter;

// Readers for the keys of a section that are not registry parameters, by section path.
using ExtraReaders = std::map<std::string, std::function<void(MapReader&)>>;

Range range_of(const Parameter& p) { return Range{p.allowed.low, p.allowed.high}; }

class SettingsReader {
 public:
  SettingsReader(ReadContext& ctx, Scenario& scenario, const ExtraReaders& extras)
      : ctx_(ctx), scenario_(scenario), extras_(extras) {}

  // Reads the section at `path` (e.g. "simulation") from `node`, then its sub-sections.
  void section(const YAML::Node& node, const std::string& path, const Provenance& inherited) {
    if (!node.IsDefined() || node.IsNull()) return;
    MapReader map(ctx_, node, path);
    if (!map.valid()) return;
    Provenance own = map.provenance();
    const Provenance& provenance = own.documented() ? own : inherited;
    for (const Parameter& p : params::registry()) {
      if (p.section() == path) read(map, p, provenance);
    }
    for (const std::string& child : child_sections(path)) {
      section(map.node(child), path + "." + child, provenance);
    }
    if (const auto extra = extras_.find(path); extra != extras_.end()) extra->second(map);
  }

 private:
  std::set<std::string> child_sections(const std::string& path) const {
    std::set<std::string> children;
    const std::string prefix = path + ".";
    for (const Parameter& p : params::registry()) {
      const std::string s = p.section();
      if (s.rfind(prefix, 0) != 0) continue;
      const std::string rest = s.substr(prefix.size());
      children.insert(rest.substr(0, rest.find('.')));
    }
    return children;
  }

  void read(MapReader& map, const Parameter& p, const Provenance& section_provenance) {
    const std::string name = p.name();
    if (!map.has(name)) return;
    const YAML::Node node = map.node(name);
    if (node.IsNull()) return;  // `key:` with no value keeps the default, as before
    std::optional<Provenance> given;
    switch (p.kind) {
      case Kind::number:
      case Kind::integer: given = read_number(map, p); break;
      case Kind::boolean: given = assign_if(map.boolean(name), p); break;
      case Kind::choice: given = read_choice(map, p); break;
      case Kind::seed: given = read_seed(map, p); break;
      case Kind::number_list: given = read_number_list(map, p); break;
      case Kind::text_list: given = read_text_list(map, p); break;
      case Kind::date: given = read_date(map, p); break;
    }
    if (!given) return;
    scenario_.parameters_set[p.key] = given->documented() ? *given : section_provenance;
  }

  template <typename T>
  std::optional<Provenance> assign_if(const std::optional<T>& value, const Parameter& p) {
    if (!value) return std::nullopt;
    *std::get<T*>(p.field(scenario_)) = *value;
    return Provenance{};
  }

  std::optional<Provenance> read_number(MapReader& map, const Parameter& p) {
    const std::string name = p.name();
    const YAML::Node node = map.node(name);
    const bool unknown = (node.IsScalar() && node.Scalar() == "unknown") ||
                         (node.IsMap() && node["value"] && node["value"].IsScalar() && node["value"].Scalar() == "unknown");
    const Figure figure = map.figure(name, Need::optional, range_of(p));
    if (unknown) {
      ctx_.error(node, map.key_path(name), "a parameter needs a number; 'unknown' is for scenario data");
      return std::nullopt;
    }
    if (!figure.known()) return std::nullopt;
    const double value = *figure.value;
    auto field = p.field(scenario_);
    if (p.kind == Kind::integer) {
      if (std::floor(value) != value) {
        ctx_.error(node, map.key_path(name), fmt::format("expected a whole number, found {}", value));
        return std::nullopt;
      }
      *std::get<int*>(field) = static_cast<int>(value);
    } else {
      *std::get<double*>(field) = value;
    }
    return figure.provenance;
  }

  std::optional<Provenance> read_choice(MapReader& map, const Parameter& p) {
    const auto index = map.choice(p.name(), p.choices);
    if (!index) return std::nullopt;
    std::get<params::ChoiceField>(p.field(scenario_)).set(*index);
    return Provenance{};
  }

  std::optional<Provenance> read_seed(MapReader& map, const Parameter& p) {
    const YAML::Node node = map.node(p.name());
    const std::string text = node.IsScalar() ? node.Scalar() : std::string();
    std::uint64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
      ctx_.error(node, map.key_path(p.name()),
                 fmt::format("expected a whole number from 0 to 2^64-1, found {}", describe_type(node)));
      return std::nullopt;
    }
    *std::get<std::uint64_t*>(p.field(scenario_)) = value;
    return Provenance{};
  }

  std::optional<Provenance> read_number_list(MapReader& map, const Parameter& p) {
    const YAML::Node node = map.node(p.name());
    const std::string path = map.key_path(p.name());
    if (!node.IsSequence() || (p.list_size > 0 && node.size() != p.list_size)) {
      ctx_.error(node, path,
                 p.list_size > 0 ? fmt::format("expected a list of {} numbers, found {}", p.list_size, describe_type(node))
                                 : fmt::format("expected a list of numbers, found {}", describe_type(node)));
      return std::nullopt;
    }
    std::vector<double> values;
    bool ok = true;
    for (std::size_t i = 0; i < node.size(); ++i) {
      const auto value = io::read_number(ctx_, node[i], fmt::format("{}[{}]", path, i), range_of(p));
      if (value) values.push_back(*value);
      else ok = false;
    }
    if (!ok) return std::nullopt;
    auto field = p.field(scenario_);
    if (auto* fixed = std::get_if<std::span<double>>(&field)) {
      std::copy(values.begin(), values.end(), fixed->begin());
    } else {
      *std::get<std::vector<double>*>(field) = values;
    }
    return Provenance{};
  }

  std::optional<Provenance> read_text_list(MapReader& map, const Parameter& p) {
    const std::size_t errors_before = ctx_.diagnostics().error_count();
    std::vector<std::string> values = map.string_list(p.name());
    if (ctx_.diagnostics().error_count() != errors_before) return std::nullopt;
    *std::get<std::vector<std::string>*>(p.field(scenario_)) = std::move(values);
    return Provenance{};
  }

  std::optional<Provenance> read_date(MapReader& map, const Parameter& p) {
    const YAML::Node node = map.node(p.name());
    const auto text = map.string(p.name());
    if (!text) return std::nullopt;  // map.string reported a wrong type
    const auto day = day_number(*text);
    if (!day) {
      ctx_.error(node, map.key_path(p.name()), fmt::format("expected a date YYYY-MM-DD that exists, found '{}'", *text));
      return std::nullopt;
    }
    if (*day < p.allowed.low || *day > p.allowed.high) {
      ctx_.error(node, map.key_path(p.name()),
                 fmt::format("{} is outside {} .. {}", *text, iso_date(static_cast<std::int64_t>(p.allowed.low)),
                             iso_date(static_cast<std::int64_t>(p.allowed.high))));
      return std::nullopt;
    }
    *std::get<std::string*>(p.field(scenario_)) = *text;
    return Provenance{};
  }

  ReadContext& ctx_;
  Scenario& scenario_;
  const ExtraReaders& extras_;
};

// The reference class and the baseline hazard (docs/model/simulation.md §Reference classes): a
// file that sets simulation.baseline_hazard.* has a custom baseline; otherwise the class (named in
// simulation.baseline, fortna-civil-war by default) sets the hazard. Naming a class and setting
// hazard values as well is an error.
void resolve_baseline_class(ReadContext& ctx, MapReader& top, Scenario& scenario) {
  const auto& set = scenario.parameters_set;
  const bool class_set = set.count("simulation.baseline") > 0;
  const bool hazard_set = set.count("simulation.baseline_hazard.weibull_shape") > 0 ||
                          set.count("simulation.baseline_hazard.weibull_scale_days") > 0;
  SimulationSettings& settings = scenario.simulation;
  const auto baseline_node = [&] {
    const YAML::Node simulation = top.node("simulation");
    return simulation.IsMap() && simulation["baseline"] ? simulation["baseline"] : simulation;
  };
  if (hazard_set) {
    if (class_set && settings.baseline_class != BaselineClass::custom) {
      ctx.error(baseline_node(), "simulation.baseline",
                fmt::format("set either simulation.baseline ('{}') or simulation.baseline_hazard.*, not both (a "
                            "file that sets the hazard has the class 'custom')",
                            to_string(settings.baseline_class)));
      return;
    }
    settings.baseline_class = BaselineClass::custom;
    return;
  }
  if (settings.baseline_class == BaselineClass::custom) {
    ctx.error(baseline_node(), "simulation.baseline",
              "'custom' needs simulation.baseline_hazard.weibull_shape and weibull_scale_days; or name a reference "
              "class (fortna-civil-war, interstate, donbas-recommitments)");
    return;
  }
  apply_baseline_class(settings, settings.baseline_class);
}

NationSimulationSettings read_nation(ReadContext& ctx, const YAML::Node& node, const std::string& path) {
  NationSimulationSettings nation;
  MapReader map(ctx, node, path);
  if (!map.valid()) return nation;
  nation.where = map.where();
  nation.nation = map.string("nation", Need::required).value_or("");
  nation.casualty_tolerance_kia = map.number("casualty_tolerance_kia", Need::optional, kPositive);
  nation.mandate_cycle_months = map.number("mandate_cycle_months", Need::optional, Range{0, 120});
  nation.first_vote_month = map.number("first_vote_month", Need::optional, Range{0, 120});
  nation.lead = map.boolean("lead");
  nation.election_day = map.number("election_day", Need::optional, Range{0, 3650});
  map.provenance();
  return nation;
}

void read_corridor(ReadContext& ctx, MapReader& map, Scenario& scenario) {
  if (!map.has("corridor")) return;
  const YAML::Node node = map.node("corridor");
  MapReader inner(ctx, node, map.key_path("corridor"));
  if (!inner.valid()) return;
  const auto points = inner.lat_lon_list("points", Need::required);
  const Provenance provenance = inner.provenance();
  if (!provenance.documented()) {
    ctx.error(node, map.key_path("corridor"), "needs a 'source' or must be labelled 'assumption'");
  }
  if (!points) return;
  if (points->size() < 2) {
    ctx.error(inner.node("points"), map.key_path("corridor") + ".points",
              fmt::format("needs at least 2 points, found {}", points->size()));
    return;
  }
  auto& corridor = scenario.laydown.corridor;
  corridor.clear();
  for (const auto& p : *points) corridor.emplace_back(p.lat, p.lon);
}

// Until every stage reads Scenario::parameters_set, the older per-stage records of what the file
// set are kept in step with it.
void record_legacy_markers(Scenario& scenario) {
  for (const auto& [key, provenance] : scenario.parameters_set) {
    if (key.rfind("simulation.", 0) == 0) scenario.simulation.set_in_file.insert(key);
    if (key.rfind("laydown.", 0) == 0) {
      scenario.laydown.overridden[key.substr(8)] = provenance.sourced() ? "source" : "set in the scenario";
    }
  }
}

// A key the sensitivity analysis can vary: a simulation assumption with a plausible range.
const Parameter* uncertain_parameter(ReadContext& ctx, const YAML::Node& node, const std::string& path) {
  const std::string key = node.IsScalar() ? node.Scalar() : std::string();
  const Parameter* p = params::find(key);
  if (!p) {
    std::vector<std::string> keys;
    for (const auto& q : params::registry()) keys.push_back(q.key);
    const std::string hint = did_you_mean(key, keys);
    ctx.error(node, path, fmt::format("'{}' is not a registered parameter{}", key,
                                      hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint)));
    return nullptr;
  }
  if (p->stage != params::Stage::simulation || p->label != params::Label::assumption || !p->has_plausible()) {
    ctx.error(node, path, fmt::format("'{}' is not a simulation assumption with a plausible range, so the "
                                      "sensitivity analysis does not vary it", key));
    return nullptr;
  }
  return p;
}

void read_sensitivity_ranges(ReadContext& ctx, MapReader& map, SensitivitySettings& settings) {
  const YAML::Node ranges = map.node("ranges");
  if (!ranges.IsDefined() || ranges.IsNull()) return;
  if (!ranges.IsMap()) {
    ctx.error(ranges, map.key_path("ranges"), "expected a mapping of key: [low, high]");
    return;
  }
  for (const auto& entry : ranges) {
    const std::string path = map.key_path("ranges") + "." + entry.first.Scalar();
    const Parameter* p = uncertain_parameter(ctx, entry.first, path);
    if (!p) continue;
    if (!p->plausible) {
      ctx.error(entry.first, path, "a list parameter's range cannot be narrowed; fix it or group it instead");
      continue;
    }
    if (!entry.second.IsSequence() || entry.second.size() != 2) {
      ctx.error(entry.second, path, "expected [low, high]");
      continue;
    }
    const auto low = io::read_number(ctx, entry.second[0], path + "[0]", range_of(*p));
    const auto high = io::read_number(ctx, entry.second[1], path + "[1]", range_of(*p));
    if (!low || !high) continue;
    if (*low >= *high) {
      ctx.error(entry.second, path, fmt::format("low {} must be below high {}", *low, *high));
      continue;
    }
    settings.ranges[p->key] = {*low, *high};
  }
}

void read_sensitivity_groups(ReadContext& ctx, MapReader& map, SensitivitySettings& settings) {
  const YAML::Node groups = map.node("groups");
  if (!groups.IsDefined() || groups.IsNull()) return;
  if (!groups.IsMap()) {
    ctx.error(groups, map.key_path("groups"), "expected a mapping of group name: [keys]");
    return;
  }
  std::map<std::string, std::string> group_of;
  for (const auto& entry : groups) {
    const std::string name = entry.first.Scalar();
    const std::string path = map.key_path("groups") + "." + name;
    if (!entry.second.IsSequence() || entry.second.size() < 2) {
      ctx.error(entry.second, path, "a group lists at least two keys");
      continue;
    }
    std::vector<std::string> members;
    for (const auto& item : entry.second) {
      const Parameter* p = uncertain_parameter(ctx, item, path);
      if (!p) continue;
      if (const auto [it, added] = group_of.emplace(p->key, name); !added) {
        ctx.error(item, path, fmt::format("'{}' is already in group '{}'", p->key, it->second));
        continue;
      }
      members.push_back(p->key);
    }
    settings.groups[name] = members;
  }
}

void load_sensitivity_settings(ReadContext& ctx, MapReader& top, Scenario& scenario) {
  const YAML::Node node = top.node("sensitivity");
  if (!node.IsDefined() || node.IsNull()) return;
  MapReader map(ctx, node, "sensitivity");
  if (!map.valid()) return;
  SensitivitySettings& settings = scenario.sensitivity;
  settings.where = map.where();
  const YAML::Node fixed = map.node("fixed");
  if (fixed.IsDefined() && !fixed.IsNull()) {
    if (!fixed.IsSequence()) ctx.error(fixed, map.key_path("fixed"), "expected a list of keys");
    else
      for (const auto& item : fixed) {
        if (const Parameter* p = uncertain_parameter(ctx, item, map.key_path("fixed"))) settings.fixed.insert(p->key);
      }
  }
  read_sensitivity_ranges(ctx, map, settings);
  read_sensitivity_groups(ctx, map, settings);
  map.provenance();
}

}  // namespace

void load_stage_settings(ReadContext& ctx, MapReader& top, Scenario& scenario) {
  ExtraReaders extras;
  extras["simulation"] = [&](MapReader& map) {
    scenario.simulation.nations = load_list<NationSimulationSettings>(
        ctx, map.node("nations"), "simulation.nations",
        [](ReadContext& c, const YAML::Node& n, const std::string& path) { return read_nation(c, n, path); },
        [](const NationSimulationSettings& n) { return n.nation; });
  };
  extras["laydown"] = [&](MapReader& map) { read_corridor(ctx, map, scenario); };
  SettingsReader reader(ctx, scenario, extras);
  for (const char* stage : {"plan", "laydown", "simulation"}) reader.section(top.node(stage), stage, Provenance{});
  resolve_baseline_class(ctx, top, scenario);
  record_legacy_markers(scenario);
  load_sensitivity_settings(ctx, top, scenario);
}

}  // namespace guarantor::io
