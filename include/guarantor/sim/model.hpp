#pragma once
// The compiled model of one variant: a scenario's simulation settings and force package turned
// into the numbers the replication loop needs (docs/model/simulation.md gives every equation).

#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "guarantor/core/diagnostics.hpp"
#include "guarantor/scenario/force_package.hpp"
#include "guarantor/scenario/scenario.hpp"

namespace guarantor::sim {

inline constexpr double kNever = std::numeric_limits<double>::infinity();
inline constexpr double kDaysPerMonth = 365.25 / 12;

struct NationModel {
  std::string code;
  double troops = 0;           // in theatre once the whole package has arrived (Model::arrivals)
  double exposed_troops = 0;   // troops weighted by where their component is based
  // Deterrent combat power (docs/model/simulation.md §3): troops in Ukraine weighted by domain
  // plus weighted air troops wherever based; none from training, logistics or us_backstop
  // components, which act through their own channels (rebuild, sustainment, the backstop term).
  double combat_troops = 0;
  double land_combat_troops = 0;      // the land and joint part of combat_troops (all of it in Ukraine)
  double air_combat_troops = 0;       // the air part (wherever based)
  double maritime_combat_troops = 0;  // the maritime part (in Ukraine's waters)
  // Combat troops of buffer-zone components: they stand between the armies and act as an
  // interposition force there whatever the force's mandate (docs/model/simulation.md §3).
  double interposition_combat_troops = 0;
  double interposition_exposed_troops = 0;  // their exposed troops (already in exposed_troops)
  // Troops of the air shield: units of the capabilities the laydown places as air defence or
  // flies as air policing (laydown.air_defence_capabilities, air_policing_capabilities).
  double air_shield_troops = 0;
  double training_troops = 0;  // in components of kind training
  double monitoring_troops = 0;
  bool nuclear_armed = false;
  bool nuclear_in_ukraine = false;  // nuclear-armed with troops in Ukraine: switches on the nuclear term
  bool lead = false;
  double casualty_tolerance_kia = 50;
  double inverse_log_tolerance = 0;  // 1 / ln(1 + casualty_tolerance_kia), set by compile_model
  double mandate_cycle_months = 0;  // 0 = one-off approval
  double first_vote_month = 0;      // 0 = none
  std::vector<double> election_days;  // dated elections within the period (nations[].elections)
  // A nation of the scenario, with elections of its own (dated and snap); false for the notional
  // units that fill a requirement no nation has offered: they stand for contributors not yet
  // named, with the base exit hazard of any contributor but no election calendar.
  bool holds_elections = false;
  // Notional units of one component (code notional_contributor_code(component)): never the lead.
  bool notional = false;
  // The windows [start, end) around its dated elections in which its exit hazard is raised
  // (simulation.cohesion.election_window_days either side; one open on day 0 starts at 1e-9).
  std::vector<std::array<double, 2>> election_windows;
  std::uint32_t stream_id = 0;      // keys the nation's random streams (stable across variants)
};

// The code of the contributor not yet named that fills a component's requirement with notional
// units, and whether a code is one ("notional:" and the component id).
std::string notional_contributor_code(const std::string& component);
bool is_notional_contributor(const std::string& code);

enum class ScheduledKind { epoch, backstop_arrival, renewal, force_arrival };

// The deterrence terms reported per day (simulation.json `deterrence_terms`), in this order.
enum DeterrenceTerm : int { kTermLand, kTermAir, kTermMaritime, kTermNuclear, kTermUsBackstop, kTermUkraine,
                            kTermMonitoring, kTermResponseRecord, kDeterrenceTerms };
const char* deterrence_term_name(int term);

struct ScheduledEvent {
  double day = 0;
  ScheduledKind kind = ScheduledKind::epoch;
  int nation = -1;
  int arrival = -1;  // force_arrival: index into Model::arrivals
};

// A step of the force's build-up: from `day`, this share of every contributor's troops (and of
// its combat, exposed, training and monitoring troops) is in theatre (docs/model/simulation.md
// §6a). The package's build-up curve scales all contributors alike.
struct ForceArrival {
  double day = 0;
  double share = 1;  // 0..1 of the whole package, non-decreasing along Model::arrivals
  bool operator==(const ForceArrival&) const = default;
};

// One registry parameter of the simulation stage as the variant set it (for the record):
// the key as `guarantor params` spells it, the value as JSON text, "label: source".
struct ParameterRow {
  std::string key;
  std::string value_json;
  std::string source;
  bool operator==(const ParameterRow&) const = default;
};

struct Model {
  std::string variant;  // "base" for the scenario without a variant
  // The force mode the package was built in ("planned", "required" or "pledged"; "" = not said,
  // e.g. a force read from a plan.json), and the index of the model in the run this one is
  // compared with (paired differences with common random numbers). A reference is an earlier
  // model; the first model's is itself (0) and it has no paired difference.
  std::string mode;
  std::size_t reference = 0;
  SimulationSettings settings;
  std::string force_origin;
  std::vector<NationModel> nations;  // contributors with troops in theatre, by code
  std::vector<ScheduledEvent> schedule;  // sorted by day
  std::array<double, kEscalationLevels> failure_multiplier{};  // after normalisation
  bool backstop_at_start = false;
  double backstop_arrival_day = kNever;
  // Share of the US backstop's effect in force (0..1): the filled share of the us_backstop
  // requirement, or 1 when simulation.us_backstop is `present` (filled notionally).
  double backstop_share = 0;
  double us_withdrawal_per_day = 0;  // hazard of the US withdrawing the backstop (0 when it has none)
  // The withdrawal hazard over time: from each segment's day on, its rate, raised by the election
  // multiplier within the election windows of the backstop's provider (its pledging nations'
  // nations[].elections). Empty when the backstop has no share.
  struct HazardSegment {
    double day = 0;
    double per_day = 0;
  };
  std::vector<HazardSegment> us_withdrawal_segments;
  // Share of incursions into the protected airspace the air shield can engage with the whole
  // package on station: the laydown's population coverage of air policing and air defence
  // (set by the pipeline from the variant's laydown; 0 = no shield).
  double air_shield_coverage = 0;
  double full_air_shield_troops = 0;  // the air shield's troops in the whole package
  // The force acts once (docs/model/simulation.md §3c): the deterrence coupling also slows the
  // ladder, so the direct effect on the failure hazard is scaled by this factor, chosen so that
  // the reference force's total effect at the ladder's stationary distribution equals the chosen
  // hazard ratio (1 without coupling).
  double direct_effect_scale = 1;
  double snap_elections_per_day = 0;  // per contributor
  double initial_troops = 0;  // the whole package (in theatre on day 0: initial_share of it)
  // The build-up: the share of the package in theatre on day 0, the later steps (each one a
  // force_arrival event in the schedule), and the share in theatre at each sample day.
  double initial_share = 1;
  std::vector<ForceArrival> arrivals;
  std::vector<double> share_at_sample;
  std::vector<int> sample_days;  // days at which troops in theatre are recorded
  // Logarithms of the constant hazard ratios, computed once rather than in the event loop.
  double log_nuclear_hr = 0;
  double log_us_backstop_hr = 0;  // ln(us_backstop_hazard_ratio) × backstop_share
  double log_ukraine_hr = 0;
  double log_monitoring_hr = 0;
  std::vector<ParameterRow> parameters;  // the simulation stage's registry rows

  int mandate_index() const { return static_cast<int>(settings.mandate); }
};

// The deterrence terms, as log hazard ratios (negative lowers the hazard).
struct DeterrenceTerms {
  double force = 0;
  double nuclear = 0;
  double us_backstop = 0;
  double ukraine = 0;
  double monitoring = 0;
  double response_record = 0;
  // The terms that change only with the force, the backstop and Ukraine's rebuild; total() adds
  // the response record to it in the same order, so caching fixed() gives the same bits.
  double fixed() const { return force + nuclear + us_backstop + ukraine + monitoring; }
  double total() const { return fixed() + response_record; }
};

// log HR of a force with this combat power (troops weighted by domain), of which
// `interposition_troops` stand in a buffer zone.
double force_log_hazard_ratio(const Model& model, double combat_troops, double interposition_troops = 0);
// Stationary mean of the normalised failure multipliers when the ladder's up-rates are scaled by
// `up_scale` (1 = no force): the ladder's part of the deterrence coupling.
double stationary_failure_multiplier(const Model& model, double up_scale);
// Filled share (0..1) of the US requirement: troops the package assigns to enabled components of
// kind us_backstop over the troops those components require (0 when nothing is filled).
double us_backstop_filled_share(const Scenario& scenario, const ForcePackage& package);
// The day the US withdraws its backstop for a unit-exponential threshold (inverting the integrated
// piecewise-constant hazard of Model::us_withdrawal_segments; kNever when it never does).
double us_withdrawal_day(const Model& model, double unit_exponential);
// Share of a full monitoring effort the monitors in theatre provide (0..1).
double monitoring_share(const Model& model, double monitoring_troops);
double detection_probability(const Model& model, double monitoring_troops);
// Ukraine's rebuild per day given the trainers in theatre.
double rebuild_per_day(const Model& model, double training_troops);

// The deterrence terms on day 0 with the whole package in theatre.
DeterrenceTerms initial_deterrence(const Model& model);

// Whether the model carries the simulation stage's registry rows (Model::parameters), which only
// the written description of a run reads: formatting them costs more than the rest of the model,
// so callers that compile a model per design point omit them.
enum class ParameterRows : bool { include, omit };

// Builds the model; unknown nations in simulation.nations and similar problems go to diagnostics.
Model compile_model(const Scenario& scenario, const ForcePackage& package, const std::string& variant_name,
                    Diagnostics& diagnostics, ParameterRows rows = ParameterRows::include);

}  // namespace guarantor::sim
