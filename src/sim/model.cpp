// Scenario + force package → the compiled model of one variant.
#include "guarantor/sim/model.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string_view>

#include "guarantor/core/calendar.hpp"
#include "guarantor/sim/random.hpp"
#include "guarantor/scenario/parameters.hpp"
#include "guarantor/scenario/requirements.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace guarantor::sim {

// The code of a notional contributor (see build_nations).
constexpr std::string_view kNotionalPrefix = "notional:";

std::string notional_contributor_code(const std::string& component) { return std::string(kNotionalPrefix) + component; }

bool is_notional_contributor(const std::string& code) { return code.starts_with(kNotionalPrefix); }

namespace {

std::string value_as_json_text(const params::Value& value) {
  return std::visit(
             [](const auto& v) -> nlohmann::json {
               if constexpr (std::is_same_v<std::decay_t<decltype(v)>, std::monostate>) return nullptr;
               else return v;
             },
             value)
      .dump();
}

double combat_weight(const SimulationSettings& s, Domain domain) {
  switch (domain) {
    case Domain::air: return s.deterrence.air_weight;
    case Domain::maritime: return s.deterrence.maritime_weight;
    case Domain::land:
    case Domain::joint: return 1.0;
  }
  return 1.0;
}

double exposure_weight(const SimulationSettings& s, ComponentLocation location) {
  return location == ComponentLocation::outside_ukraine ? s.casualties.outside_ukraine_exposure : 1.0;
}

// Which deterrence term a component's combat power counts in. Only forces that fight count
// (Reiter & Poast 2021: deterrence comes from local combat power, model_evidence_2.md §3.8):
// trainers act through Ukraine's rebuild, logistics through sustainment, monitors through the
// monitoring term, the US through the backstop term, and a headquarters commands the others.
enum class DeterrentGroup { none, land, air, maritime };

DeterrentGroup deterrent_group(ComponentKind kind) {
  switch (kind) {
    case ComponentKind::reassurance_land:
    case ComponentKind::buffer_zone: return DeterrentGroup::land;
    case ComponentKind::air_policing:
    case ComponentKind::air_defence: return DeterrentGroup::air;
    case ComponentKind::maritime: return DeterrentGroup::maritime;
    default: return DeterrentGroup::none;
  }
}

bool is_air_shield_unit(const LaydownSettings& laydown, const UnitType& unit) {
  auto listed = [&](const std::vector<std::string>& capabilities) {
    return std::find(capabilities.begin(), capabilities.end(), unit.capability) != capabilities.end();
  };
  return listed(laydown.air_defence_capabilities) || listed(laydown.air_policing_capabilities);
}

// Components that work from abroad when their location is `either`.
bool acts_through_own_channel(ComponentKind kind) {
  return kind == ComponentKind::training || kind == ComponentKind::logistics || kind == ComponentKind::us_backstop;
}

// Whether a component's troops stand in Ukraine. `either` counts as in Ukraine, except for
// training and logistics, which today work from abroad (trainers in Britain under Interflex, the
// hubs in Poland and Romania): assumption.
bool stands_in_ukraine(const Component& component) {
  switch (component.location) {
    case ComponentLocation::in_ukraine: return true;
    case ComponentLocation::outside_ukraine: return false;
    case ComponentLocation::either: return !acts_through_own_channel(component.kind);
  }
  return true;
}

// Days (from simulation.politics.start_date) of the nation's dated elections within the period.
std::vector<double> election_days_in_period(const SimulationSettings& s, const Nation& nation) {
  std::vector<double> days;
  const auto start = day_number(s.politics.start_date);
  if (!start) return days;  // the loader rejects a bad date; nothing to place without one
  for (const auto& e : nation.elections) {
    const auto date = day_number(e.date);
    if (!date) continue;
    const double day = static_cast<double>(*date - *start);
    // An election just after the period still raises the exit hazard in its window before it.
    if (day + s.cohesion.election_window_days > 0 && day - s.cohesion.election_window_days < s.days) days.push_back(day);
  }
  std::sort(days.begin(), days.end());
  return days;
}

std::vector<NationModel> build_nations(const Scenario& scenario, const ForcePackage& package) {
  const SimulationSettings& s = scenario.simulation;
  std::map<std::string, NationModel> by_code;
  std::map<std::string, double> troops_in_ukraine;
  for (const auto& a : package.assignments) {
    if (a.troops <= 0) continue;
    // Notional units (the required force's fill, no nation has offered them) stand for
    // contributors not yet named: one for each component they fill, not one for the whole force,
    // which would gather the casualties of every component and lead the coalition by its size.
    const std::string code = a.notional ? notional_contributor_code(a.component) : a.nation;
    NationModel& n = by_code[code];
    n.code = code;
    n.notional = a.notional;
    n.troops += a.troops;
    const Component* component = scenario.find_component(a.component);
    const UnitType* unit = scenario.find_unit_type(a.unit_type);
    const ComponentLocation location = component ? component->location : ComponentLocation::in_ukraine;
    const bool in_ukraine = !component || stands_in_ukraine(*component);
    const Domain domain = unit ? unit->domain : Domain::land;
    n.exposed_troops += a.troops * exposure_weight(s, location);
    if (in_ukraine) troops_in_ukraine[code] += a.troops;
    // Land deters where it stands; air deters over Ukraine wherever it is based.
    DeterrentGroup group = component ? deterrent_group(component->kind) : DeterrentGroup::land;
    // Units of the air shield (the capabilities the laydown places as air defence or flies as air
    // policing) count in the air term and meet incursions, whichever component they serve.
    const bool shield = unit && is_air_shield_unit(scenario.laydown, *unit);
    if (shield && group != DeterrentGroup::none) group = DeterrentGroup::air;
    if (shield) n.air_shield_troops += a.troops;
    const bool deters = group != DeterrentGroup::none && (in_ukraine || group == DeterrentGroup::air);
    if (deters) {
      const double combat = a.troops * combat_weight(s, domain);
      n.combat_troops += combat;
      switch (group) {
        case DeterrentGroup::air: n.air_combat_troops += combat; break;
        case DeterrentGroup::maritime: n.maritime_combat_troops += combat; break;
        case DeterrentGroup::land:
        case DeterrentGroup::none: n.land_combat_troops += combat; break;
      }
      if (component && component->kind == ComponentKind::buffer_zone) n.interposition_combat_troops += combat;
    }
    if (component && component->kind == ComponentKind::buffer_zone) {
      // Troops in the zone are exposed as an interposition force is, whatever the mandate.
      const auto& by_mandate = s.casualties.exposure_by_mandate;
      const double mandate_exposure = by_mandate[static_cast<int>(s.mandate)];
      const double extra = mandate_exposure > 0 ? by_mandate[static_cast<int>(Mandate::interposition)] / mandate_exposure : 1;
      n.exposed_troops += a.troops * exposure_weight(s, location) * (extra - 1);
      n.interposition_exposed_troops += a.troops * exposure_weight(s, location) * extra;
    }
    if (component && component->kind == ComponentKind::training) n.training_troops += a.troops;
    if (component && component->kind == ComponentKind::monitoring) n.monitoring_troops += a.troops;
  }
  std::vector<NationModel> nations;
  for (auto& [code, n] : by_code) {
    const Nation* nation = scenario.find_nation(code);
    n.nuclear_armed = nation && nation->nuclear_armed;
    n.nuclear_in_ukraine = n.nuclear_armed && troops_in_ukraine[code] > 0;
    n.casualty_tolerance_kia = s.cohesion.default_casualty_tolerance_kia;
    // The scenario's mandate cadence; a nation without one approves once (no renewal vote).
    if (nation && nation->mandate) {
      n.mandate_cycle_months = nation->mandate->cycle_months;
      n.first_vote_month = nation->mandate->first_vote_month;
    }
    n.stream_id = stable_id(code.c_str());
    if (nation) n.election_days = election_days_in_period(s, *nation);
    n.holds_elections = nation != nullptr;
    nations.push_back(n);
  }
  return nations;
}

void apply_overrides(const SimulationSettings& s, std::vector<NationModel>& nations, Diagnostics& diagnostics) {
  bool any_lead = false;
  for (const auto& o : s.nations) {
    auto it = std::find_if(nations.begin(), nations.end(), [&](const NationModel& n) { return n.code == o.nation; });
    if (it == nations.end()) {
      diagnostics.warning(o.where, "simulation.nations[" + o.nation + "]",
                          "nation has no troops in the force package; its settings are ignored");
      continue;
    }
    if (o.casualty_tolerance_kia) it->casualty_tolerance_kia = *o.casualty_tolerance_kia;
    if (o.mandate_cycle_months) it->mandate_cycle_months = *o.mandate_cycle_months;
    if (o.first_vote_month) it->first_vote_month = *o.first_vote_month;
    if (o.election_day) {
      it->election_days.push_back(*o.election_day);
      std::sort(it->election_days.begin(), it->election_days.end());
    }
    if (o.lead) {
      it->lead = *o.lead;
      any_lead = any_lead || *o.lead;
    }
  }
  const bool lead_set = std::any_of(s.nations.begin(), s.nations.end(), [](const auto& o) { return o.lead.has_value(); });
  if (!lead_set && !any_lead && !nations.empty()) {
    // The framework nation defaults to the largest named contributor (first by code on a tie): a
    // contributor not yet named cannot lead.
    auto smaller = [](const NationModel& x, const NationModel& y) {
      return x.notional != y.notional ? x.notional : x.troops < y.troops;
    };
    auto largest = std::max_element(nations.begin(), nations.end(), smaller);
    if (!largest->notional) largest->lead = true;
  }
}

std::array<double, kEscalationLevels> normalised_multipliers(const LadderSettings& ladder) {
  std::array<double, kEscalationLevels> r = ladder.failure_multiplier;
  if (!ladder.normalise_failure_multipliers) return r;
  // Stationary distribution of the birth-death ladder with no force: pi[l+1] = pi[l] up[l] / down[l].
  std::array<double, kEscalationLevels> pi{1, 0, 0, 0};
  for (int l = 0; l + 1 < kEscalationLevels; ++l) {
    if (ladder.down_per_day[l] <= 0) return r;  // absorbing at the top: no stationary mean
    pi[l + 1] = pi[l] * ladder.up_per_day[l] / ladder.down_per_day[l];
  }
  double total = 0;
  double mean = 0;
  for (int l = 0; l < kEscalationLevels; ++l) {
    total += pi[l];
    mean += pi[l] * r[l];
  }
  mean /= total;
  if (mean <= 0) return r;
  for (double& v : r) v /= mean;
  return r;
}

// Steps of the build-up smaller than this share of the package are merged into the next one, so
// a day-by-day flow becomes at most about 1/kMinArrivalStep events a replication. A merged step
// arrives at the day its last point is reached: the force in theatre is never overstated.
constexpr double kMinArrivalStep = 0.05;

// The package's build-up curve as shares of the whole force. No curve (a package from the
// pledges, or a plan.json without a force flow): the whole force is in theatre on day 0.
void build_arrivals(const ForcePackage& package, Model& m) {
  m.initial_share = 1;
  m.arrivals.clear();
  if (package.buildup.empty() || package.buildup.back().troops <= 0) return;
  const double full = package.buildup.back().troops;
  m.initial_share = 0;
  double last_kept = 0;
  for (std::size_t i = 0; i < package.buildup.size(); ++i) {
    const BuildupPoint& point = package.buildup[i];
    const bool last = i + 1 == package.buildup.size();
    const double share = last ? 1.0 : std::clamp(point.troops / full, 0.0, 1.0);
    if (point.day <= 0) {
      m.initial_share = std::max(m.initial_share, share);
      last_kept = m.initial_share;
      continue;
    }
    if (share <= last_kept || (!last && share - last_kept < kMinArrivalStep)) continue;
    m.arrivals.push_back({static_cast<double>(point.day), share});
    last_kept = share;
  }
}

// The share of the package in theatre on a day (arrivals on that day included).
double share_on(const Model& m, double day) {
  double share = m.initial_share;
  for (const auto& a : m.arrivals) {
    if (a.day <= day) share = a.share;
  }
  return share;
}

void set_election_windows(Model& m) {
  const CohesionSettings& c = m.settings.cohesion;
  for (NationModel& n : m.nations) {
    n.election_windows.clear();
    // A window open on day 0 starts with the replication.
    for (double election : n.election_days) {
      n.election_windows.push_back({std::max(election - c.election_window_days, 1e-9), election + c.election_window_days});
    }
  }
}

void build_schedule(Model& m) {
  const SimulationSettings& s = m.settings;
  const double horizon = s.days;
  auto add = [&](double day, ScheduledKind kind, int nation) {
    if (day > 0 && day < horizon) m.schedule.push_back({day, kind, nation});
  };
  for (double day = s.deterrence.review_days; day < horizon; day += s.deterrence.review_days) {
    add(day, ScheduledKind::epoch, -1);
  }
  if (m.backstop_arrival_day < kNever) add(m.backstop_arrival_day, ScheduledKind::backstop_arrival, -1);
  for (int i = 0; i < static_cast<int>(m.arrivals.size()); ++i) {
    if (m.arrivals[i].day > 0 && m.arrivals[i].day < horizon) {
      m.schedule.push_back({m.arrivals[i].day, ScheduledKind::force_arrival, -1, i});
    }
  }
  for (int i = 0; i < static_cast<int>(m.nations.size()); ++i) {
    const NationModel& n = m.nations[i];
    if (n.first_vote_month > 0) add(n.first_vote_month * kDaysPerMonth, ScheduledKind::renewal, i);
    if (n.mandate_cycle_months > 0) {
      const double cycle = n.mandate_cycle_months * kDaysPerMonth;
      for (double day = cycle; day < horizon; day += cycle) add(day, ScheduledKind::renewal, i);
    }
  }
  std::stable_sort(m.schedule.begin(), m.schedule.end(), [](const ScheduledEvent& x, const ScheduledEvent& y) {
    if (x.day != y.day) return x.day < y.day;
    if (x.kind != y.kind) return x.kind < y.kind;
    return x.nation < y.nation;
  });
}

// The backstop's share and timing (docs/model/simulation.md §3): `automatic` is in force from
// day 0 at the filled share of the US requirement, `delayed` at that share after the delay,
// `present` in full (filled notionally), `absent` not at all.
void set_backstop(const Scenario& scenario, const ForcePackage& package, Model& m) {
  const SimulationSettings& s = m.settings;
  const double filled = us_backstop_filled_share(scenario, package);
  switch (s.us_backstop) {
    case BackstopMode::present: m.backstop_share = 1; break;
    case BackstopMode::absent: m.backstop_share = 0; break;
    case BackstopMode::delayed:
    case BackstopMode::automatic: m.backstop_share = filled; break;
  }
  m.log_us_backstop_hr = std::log(s.deterrence.us_backstop_hazard_ratio) * m.backstop_share;
  if (m.backstop_share <= 0) return;
  if (s.us_backstop == BackstopMode::delayed && s.us_backstop_delay_days > 0) {
    m.backstop_arrival_day = s.us_backstop_delay_days;
  } else {
    m.backstop_at_start = true;
  }
}

// The force acts once (issue: no double counting). With deterrence coupling c the total log
// hazard ratio L also scales the ladder's up-rates by e^(cL), which lowers the mean failure
// multiplier m(e^(cL)) at the stationary distribution. The direct effect is scaled by k so that
// for the reference force (L = ln(force_hazard_ratio) · readiness) the two together give the
// chosen hazard ratio: e^(kL) · m(e^(cL)) / m(1) = e^L, i.e. k = 1 − ln(m(e^(cL)) / m(1)) / L.
void calibrate_direct_effect(Model& m) {
  const DeterrenceSettings& d = m.settings.deterrence;
  const double reference = std::log(d.force_hazard_ratio) * d.readiness;
  const double coupling = m.settings.ladder.deterrence_coupling;
  m.direct_effect_scale = 1;
  if (reference >= 0 || coupling == 0) return;
  const double without = stationary_failure_multiplier(m, 1.0);
  const double with = stationary_failure_multiplier(m, std::exp(coupling * reference));
  if (without <= 0 || with <= 0) return;
  // The ladder alone may over-deliver (a steep ladder, strong coupling): the direct effect then
  // stays at 0 rather than raising the hazard.
  m.direct_effect_scale = std::max(0.0, 1 - std::log(with / without) / reference);
}

// The nations pledging to enabled us_backstop components: whose elections can end the backstop.
std::vector<const Nation*> backstop_providers(const Scenario& scenario) {
  std::vector<const Nation*> providers;
  for (const auto& pledge : scenario.pledges) {
    const bool serves_backstop = std::any_of(pledge.components.begin(), pledge.components.end(), [&](const auto& id) {
      const Component* c = scenario.find_component(id);
      return c && c->enabled && c->kind == ComponentKind::us_backstop;
    });
    const Nation* nation = scenario.find_nation(pledge.nation);
    if (serves_backstop && nation && std::find(providers.begin(), providers.end(), nation) == providers.end()) {
      providers.push_back(nation);
    }
  }
  return providers;
}

// Piecewise-constant withdrawal hazard: the base rate, × election_multiplier inside any election
// window of a provider (model_evidence_2.md §5: the US midterms and presidential election fall in
// the period). Segment boundaries are the windows' ends; overlapping windows raise it once.
void build_us_withdrawal_segments(const Scenario& scenario, Model& m) {
  m.us_withdrawal_segments.clear();
  if (m.us_withdrawal_per_day <= 0) return;
  const CohesionSettings& c = m.settings.cohesion;
  std::vector<std::pair<double, double>> windows;
  for (const Nation* provider : backstop_providers(scenario)) {
    for (double day : election_days_in_period(m.settings, *provider)) {
      windows.emplace_back(day - c.election_window_days, day + c.election_window_days);
    }
  }
  std::vector<double> bounds{0};
  for (const auto& [from, to] : windows) {
    if (from > 0) bounds.push_back(from);
    if (to > 0) bounds.push_back(to);
  }
  std::sort(bounds.begin(), bounds.end());
  bounds.erase(std::unique(bounds.begin(), bounds.end()), bounds.end());
  for (double day : bounds) {
    const bool in_window = std::any_of(windows.begin(), windows.end(),
                                       [&](const auto& w) { return w.first <= day && day < w.second; });
    const double rate = m.us_withdrawal_per_day * (in_window ? c.election_multiplier : 1.0);
    if (m.us_withdrawal_segments.empty() || m.us_withdrawal_segments.back().per_day != rate) {
      m.us_withdrawal_segments.push_back({day, rate});
    }
  }
}

}  // namespace

double us_withdrawal_day(const Model& model, double unit_exponential) {
  const auto& segments = model.us_withdrawal_segments;
  double accumulated = 0;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const double end = i + 1 < segments.size() ? segments[i + 1].day : kNever;
    const double rate = segments[i].per_day;
    if (rate <= 0) continue;  // no hazard in this segment
    if (accumulated + rate * (end - segments[i].day) >= unit_exponential) {
      return segments[i].day + (unit_exponential - accumulated) / rate;
    }
    accumulated += rate * (end - segments[i].day);
  }
  return kNever;
}

double force_log_hazard_ratio(const Model& model, double combat_troops, double interposition_troops) {
  const DeterrenceSettings& d = model.settings.deterrence;
  if (combat_troops <= 0) return 0;
  const double size = std::min(d.max_size_factor, std::pow(combat_troops / d.reference_troops, d.size_elasticity));
  // The tripwire factor acts on the whole force under an interposition mandate, otherwise on the
  // share of the force that stands in a buffer zone.
  const double interposing =
      model.settings.mandate == Mandate::interposition ? 1.0 : std::clamp(interposition_troops / combat_troops, 0.0, 1.0);
  const double tripwire = 1 + (d.interposition_force_factor - 1) * interposing;
  return std::log(d.force_hazard_ratio) * d.readiness * size * tripwire;
}

double stationary_failure_multiplier(const Model& model, double up_scale) {
  const LadderSettings& ladder = model.settings.ladder;
  std::array<double, kEscalationLevels> pi{1, 0, 0, 0};
  for (int l = 0; l + 1 < kEscalationLevels; ++l) {
    if (ladder.down_per_day[l] <= 0) return model.failure_multiplier[0];  // absorbing: no stationary mean
    pi[l + 1] = pi[l] * ladder.up_per_day[l] * up_scale / ladder.down_per_day[l];
  }
  double total = 0;
  double mean = 0;
  for (int l = 0; l < kEscalationLevels; ++l) {
    total += pi[l];
    mean += pi[l] * model.failure_multiplier[l];
  }
  return mean / total;
}

double us_backstop_filled_share(const Scenario& scenario, const ForcePackage& package) {
  double required = 0;
  for (const auto& r : derive_requirements(scenario)) {
    const Component* component = scenario.find_component(r.component);
    if (component && component->kind == ComponentKind::us_backstop && r.troops) required += *r.troops;
  }
  double filled = 0;
  for (const auto& c : scenario.components) {
    if (c.enabled && c.kind == ComponentKind::us_backstop) filled += package.troops_in(c.id);
  }
  if (filled <= 0) return 0;
  // A component with troops but no derivable requirement is taken as filled.
  return required > 0 ? std::min(1.0, filled / required) : 1.0;
}

double monitoring_share(const Model& model, double monitoring_troops) {
  return std::clamp(monitoring_troops / model.settings.incidents.monitoring_troops_for_full_detection, 0.0, 1.0);
}

double detection_probability(const Model& model, double monitoring_troops) {
  const IncidentSettings& i = model.settings.incidents;
  return i.base_detection_probability +
         (i.full_detection_probability - i.base_detection_probability) * monitoring_share(model, monitoring_troops);
}

double rebuild_per_day(const Model& model, double training_troops) {
  const DeterrenceSettings& d = model.settings.deterrence;
  return (d.ukraine_rebuild_per_year + d.ukraine_rebuild_per_year_per_1000_trainers * training_troops / 1000) / 365.25;
}

DeterrenceTerms initial_deterrence(const Model& model) {
  const DeterrenceSettings& d = model.settings.deterrence;
  double combat = 0;
  double monitoring = 0;
  bool nuclear = false;
  for (const auto& n : model.nations) {
    combat += n.combat_troops;
    monitoring += n.monitoring_troops;
    nuclear = nuclear || n.nuclear_in_ukraine;
  }
  DeterrenceTerms t;
  double interposition = 0;
  for (const auto& n : model.nations) interposition += n.interposition_combat_troops;
  t.force = force_log_hazard_ratio(model, combat, interposition);
  t.nuclear = nuclear ? std::log(d.nuclear_hazard_ratio) : 0;
  t.us_backstop = model.backstop_at_start ? model.log_us_backstop_hr : 0;
  t.ukraine = std::log(d.ukraine_hazard_ratio) * std::min(1.0, d.ukraine_initial_rebuild);
  t.monitoring = std::log(d.monitoring_hazard_ratio) * monitoring_share(model, monitoring);
  return t;
}

std::vector<ParameterRow> simulation_parameter_rows(const Scenario& scenario) {
  std::vector<ParameterRow> rows;
  for (const auto& row : params::list_parameters(scenario)) {
    if (row.stage != params::Stage::simulation) continue;
    rows.push_back({row.key, value_as_json_text(row.value),
                    fmt::format("{}: {}", params::to_string(row.label), row.source)});
  }
  return rows;
}

Model compile_model(const Scenario& scenario, const ForcePackage& package, const std::string& variant_name,
                    Diagnostics& diagnostics, ParameterRows rows) {
  Model m;
  m.variant = variant_name;
  m.settings = scenario.simulation;
  m.force_origin = package.origin;
  if (rows == ParameterRows::include) m.parameters = simulation_parameter_rows(scenario);
  m.nations = build_nations(scenario, package);
  apply_overrides(m.settings, m.nations, diagnostics);
  build_arrivals(package, m);
  for (auto& n : m.nations) {
    m.initial_troops += n.troops;
    n.inverse_log_tolerance = 1 / std::log1p(n.casualty_tolerance_kia);
  }
  m.failure_multiplier = normalised_multipliers(m.settings.ladder);
  const DeterrenceSettings& d = m.settings.deterrence;
  m.log_nuclear_hr = std::log(d.nuclear_hazard_ratio);
  m.log_ukraine_hr = std::log(d.ukraine_hazard_ratio);
  m.log_monitoring_hr = std::log(d.monitoring_hazard_ratio);
  set_backstop(scenario, package, m);
  calibrate_direct_effect(m);
  m.us_withdrawal_per_day = m.backstop_share > 0 ? m.settings.politics.us_withdrawal_hazard_per_year / 365.25 : 0;
  build_us_withdrawal_segments(scenario, m);
  m.snap_elections_per_day = m.settings.politics.snap_election_rate_per_year / 365.25;
  for (const auto& n : m.nations) m.full_air_shield_troops += n.air_shield_troops;
  set_election_windows(m);
  build_schedule(m);
  for (int day = 0; day <= m.settings.days; day += m.settings.report_interval_days) m.sample_days.push_back(day);
  if (m.sample_days.back() != m.settings.days) m.sample_days.push_back(m.settings.days);
  for (int day : m.sample_days) m.share_at_sample.push_back(share_on(m, day));
  return m;
}

}  // namespace guarantor::sim
