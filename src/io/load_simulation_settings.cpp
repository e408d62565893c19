// The `simulation:` section (campaign Monte Carlo parameters). Every key is optional; a missing
// key keeps the documented default (docs/user/scenario-format-simulation.md). Ranges are checked
// here so the engine never sees a probability outside [0, 1] or a negative rate.
#include <fmt/format.h>

#include <charconv>

#include "io/section_loaders.hpp"

namespace guarantor::io {

namespace {

inline constexpr int kMaxSimulationDays = 3650;  // ten years: beyond it the model's anchors say nothing
inline constexpr int kMaxReplications = 100000000;

// Reads sub-mappings and remembers which dotted keys the file set.
class SettingsReader {
 public:
  SettingsReader(MapReader& map, std::set<std::string>& set_keys) : map_(map), set_(set_keys) {}

  void number(const std::string& key, double& target, Range range) {
    if (auto value = map_.number(key, Need::optional, range)) {
      target = *value;
      set_.insert(map_.key_path(key));
    }
  }
  void integer(const std::string& key, int& target, Range range) {
    if (auto value = map_.integer(key, Need::optional, range)) {
      target = *value;
      set_.insert(map_.key_path(key));
    }
  }
  void boolean(const std::string& key, bool& target) {
    if (auto value = map_.boolean(key)) {
      target = *value;
      set_.insert(map_.key_path(key));
    }
  }
  template <std::size_t N>
  void list(const std::string& key, std::array<double, N>& target, Range range) {
    const YAML::Node node = map_.node(key);
    if (!node.IsDefined() || node.IsNull()) return;
    const std::string path = map_.key_path(key);
    if (!node.IsSequence() || node.size() != N) {
      map_.context().error(node, path, fmt::format("expected a list of {} numbers, found {}", N, describe_type(node)));
      return;
    }
    std::array<double, N> values = target;
    bool ok = true;
    for (std::size_t i = 0; i < N; ++i) {
      auto value = read_number(map_.context(), node[i], fmt::format("{}[{}]", path, i), range);
      if (value) values[i] = *value;
      else ok = false;
    }
    if (ok) {
      target = values;
      set_.insert(path);
    }
  }

 private:
  MapReader& map_;
  std::set<std::string>& set_;
};

template <typename ReadFn>
void sub_section(MapReader& parent, const std::string& key, std::set<std::string>& set_keys, ReadFn read) {
  const YAML::Node node = parent.node(key);
  if (!node.IsDefined() || node.IsNull()) return;
  MapReader map(parent.context(), node, parent.key_path(key));
  if (!map.valid()) return;
  SettingsReader reader(map, set_keys);
  read(reader, map);
}

void read_seed(MapReader& map, SimulationSettings& settings) {
  const YAML::Node node = map.node("seed");
  if (!node.IsDefined() || node.IsNull()) return;
  const std::string text = node.IsScalar() ? node.Scalar() : std::string();
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
    map.context().error(node, map.key_path("seed"),
                        fmt::format("expected a whole number from 0 to 2^64-1, found {}", describe_type(node)));
    return;
  }
  settings.seed = value;
  settings.set_in_file.insert("simulation.seed");
}

void read_choices(MapReader& map, SimulationSettings& settings) {
  // Listed in the enums' order.
  if (map.has("mandate")) settings.set_in_file.insert("simulation.mandate");
  if (const auto mandate = map.choice("mandate", {"reassurance", "deterrence", "interposition"})) {
    settings.mandate = static_cast<Mandate>(*mandate);
  }
  if (map.has("us_backstop")) settings.set_in_file.insert("simulation.us_backstop");
  if (const auto backstop = map.choice("us_backstop", {"automatic", "present", "absent", "delayed"})) {
    settings.us_backstop = static_cast<BackstopMode>(*backstop);
  }
}

void read_ladder(SettingsReader& r, MapReader& map, LadderSettings& s) {
  r.list("up_per_day", s.up_per_day, kNonNegative);
  r.list("down_per_day", s.down_per_day, kNonNegative);
  r.list("failure_multiplier", s.failure_multiplier, kNonNegative);
  r.boolean("normalise_failure_multipliers", s.normalise_failure_multipliers);
  r.number("deterrence_coupling", s.deterrence_coupling, Range{0, 5});
  map.provenance();
}

void read_deterrence(SettingsReader& r, MapReader& map, DeterrenceSettings& s) {
  r.number("force_hazard_ratio", s.force_hazard_ratio, Range{1e-6, 1});
  r.number("reference_troops", s.reference_troops, kPositive);
  r.number("size_elasticity", s.size_elasticity, Range{0, 3});
  r.number("max_size_factor", s.max_size_factor, Range{0, 100});
  r.number("readiness", s.readiness, kProbability);
  r.number("air_weight", s.air_weight, kNonNegative);
  r.number("maritime_weight", s.maritime_weight, kNonNegative);
  r.number("nuclear_hazard_ratio", s.nuclear_hazard_ratio, Range{1e-6, 1});
  r.number("us_backstop_hazard_ratio", s.us_backstop_hazard_ratio, Range{1e-6, 1});
  r.number("ukraine_hazard_ratio", s.ukraine_hazard_ratio, Range{1e-6, 1});
  r.number("ukraine_initial_rebuild", s.ukraine_initial_rebuild, kProbability);
  r.number("ukraine_rebuild_per_year", s.ukraine_rebuild_per_year, kNonNegative);
  r.number("ukraine_rebuild_per_year_per_1000_trainers", s.ukraine_rebuild_per_year_per_1000_trainers, kNonNegative);
  r.number("monitoring_hazard_ratio", s.monitoring_hazard_ratio, Range{1e-6, 1});
  r.number("unanswered_test_log_hazard", s.unanswered_test_log_hazard, Range{0, 5});
  r.number("answered_test_credit", s.answered_test_credit, Range{0, 5});
  r.number("max_unanswered_penalty", s.max_unanswered_penalty, Range{0, 10});
  r.number("interposition_force_factor", s.interposition_force_factor, Range{0, 10});
  r.number("review_days", s.review_days, Range{1, kMaxSimulationDays});
  map.provenance();
}

void read_incidents(SettingsReader& r, MapReader& map, IncidentSettings& s) {
  r.list("violations_per_day", s.violations_per_day, Range{0, 1e6});
  r.number("base_detection_probability", s.base_detection_probability, kProbability);
  r.number("full_detection_probability", s.full_detection_probability, kProbability);
  r.number("monitoring_troops_for_full_detection", s.monitoring_troops_for_full_detection, kPositive);
  r.list("probes_per_day", s.probes_per_day, Range{0, 100});
  r.list("hybrid_per_day", s.hybrid_per_day, Range{0, 1000});
  r.list("strikes_per_day", s.strikes_per_day, Range{0, 100});
  r.number("kia_per_strike_mean", s.kia_per_strike_mean, Range{0, 1000});
  r.number("respond_probability", s.respond_probability, kProbability);
  r.number("response_escalation_probability", s.response_escalation_probability, kProbability);
  map.provenance();
}

void read_casualties(SettingsReader& r, MapReader& map, CasualtySettings& s) {
  r.list("hostile_per_1000_per_year", s.hostile_per_1000_per_year, Range{0, 1000});
  r.list("exposure_by_mandate", s.exposure_by_mandate, Range{0, 100});
  r.number("outside_ukraine_exposure", s.outside_ukraine_exposure, kProbability);
  map.provenance();
}

void read_cohesion(SettingsReader& r, MapReader& map, CohesionSettings& s) {
  r.number("base_exit_hazard_per_year", s.base_exit_hazard_per_year, Range{0, 100});
  r.number("default_casualty_tolerance_kia", s.default_casualty_tolerance_kia, kPositive);
  r.number("casualty_weight", s.casualty_weight, Range{0, 1000});
  r.number("election_multiplier", s.election_multiplier, Range{0, 1000});
  r.number("election_window_days", s.election_window_days, Range{0, 3650});
  r.number("renewal_failure_probability", s.renewal_failure_probability, kProbability);
  r.number("renewal_failure_probability_after_casualties", s.renewal_failure_probability_after_casualties, kProbability);
  r.number("recent_casualty_days", s.recent_casualty_days, Range{0, 3650});
  r.number("cascade_probability", s.cascade_probability, kProbability);
  r.number("cascade_window_days", s.cascade_window_days, Range{0, 3650});
  r.number("shock_kia", s.shock_kia, Range{1, 1e6});
  r.number("shock_exit_probability", s.shock_exit_probability, kProbability);
  r.number("shock_exit_probability_doubted", s.shock_exit_probability_doubted, kProbability);
  r.number("shock_window_days", s.shock_window_days, Range{0, 3650});
  map.provenance();
}

void read_combat(SettingsReader& r, MapReader& map, CombatSettings& s) {
  r.number("red_troops", s.red_troops, Range{0, 1e8});
  r.number("red_regeneration_per_month", s.red_regeneration_per_month, Range{0, 1e7});
  r.number("red_troops_cap", s.red_troops_cap, Range{0, 1e8});
  r.number("ukraine_troops", s.ukraine_troops, Range{0, 1e8});
  r.number("red_effectiveness", s.red_effectiveness, Range{0, 10});
  r.number("blue_effectiveness", s.blue_effectiveness, Range{0, 10});
  r.number("p", s.p, Range{0, 3});
  r.number("q", s.q, Range{0, 3});
  r.number("combat_days", s.combat_days, Range{0, 3650});
  r.number("killed_share", s.killed_share, kProbability);
  r.list("engaged_share_by_mandate", s.engaged_share_by_mandate, kProbability);
  map.provenance();
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
  nation.election_day = map.number("election_day", Need::optional, Range{0, kMaxSimulationDays});
  map.provenance();
  return nation;
}

}  // namespace

SimulationSettings load_simulation_settings(ReadContext& ctx, const YAML::Node& node) {
  SimulationSettings settings;
  if (!node.IsDefined() || node.IsNull()) return settings;
  MapReader map(ctx, node, "simulation");
  if (!map.valid()) return settings;
  SettingsReader top(map, settings.set_in_file);
  top.integer("days", settings.days, Range{1, kMaxSimulationDays});
  top.integer("replications", settings.replications, Range{1, kMaxReplications});
  top.integer("report_interval_days", settings.report_interval_days, Range{1, kMaxSimulationDays});
  top.number("us_backstop_delay_days", settings.us_backstop_delay_days, Range{0, kMaxSimulationDays});
  read_seed(map, settings);
  read_choices(map, settings);
  auto& keys = settings.set_in_file;
  sub_section(map, "baseline", keys, [&](SettingsReader& r, MapReader& m) {
    r.number("weibull_shape", settings.baseline.weibull_shape, Range{0.05, 5});
    r.number("weibull_scale_days", settings.baseline.weibull_scale_days, Range{1, 1e7});
    m.provenance();
  });
  sub_section(map, "ladder", keys, [&](SettingsReader& r, MapReader& m) { read_ladder(r, m, settings.ladder); });
  sub_section(map, "deterrence", keys, [&](SettingsReader& r, MapReader& m) { read_deterrence(r, m, settings.deterrence); });
  sub_section(map, "incidents", keys, [&](SettingsReader& r, MapReader& m) { read_incidents(r, m, settings.incidents); });
  sub_section(map, "casualties", keys, [&](SettingsReader& r, MapReader& m) { read_casualties(r, m, settings.casualties); });
  sub_section(map, "cohesion", keys, [&](SettingsReader& r, MapReader& m) { read_cohesion(r, m, settings.cohesion); });
  sub_section(map, "combat", keys, [&](SettingsReader& r, MapReader& m) { read_combat(r, m, settings.combat); });
  settings.nations = load_list<NationSimulationSettings>(
      ctx, map.node("nations"), "simulation.nations",
      [](ReadContext& c, const YAML::Node& n, const std::string& path) { return read_nation(c, n, path); },
      [](const NationSimulationSettings& n) { return n.nation; });
  map.provenance();
  return settings;
}

}  // namespace guarantor::io
