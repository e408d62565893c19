// One replication of the ceasefire period (docs/model/simulation.md §Engine). Between events every
// rate is constant; each process keeps its own random stream, so two variants run with the same
// (seed, replication) share their random numbers process by process (common random numbers).
#include "guarantor/sim/replication.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <utility>

#include "guarantor/sim/lanchester.hpp"

namespace guarantor::sim {

const char* to_string(WithdrawalCause cause) {
  switch (cause) {
    case WithdrawalCause::none: return "none";
    case WithdrawalCause::politics: return "politics";
    case WithdrawalCause::renewal_vote: return "renewal_vote";
    case WithdrawalCause::cascade: return "cascade";
    case WithdrawalCause::casualty_shock: return "casualty_shock";
  }
  return "?";
}

const char* incident_name(int incident) {
  static constexpr const char* kNames[kIncidentTypes] = {
      "ceasefire_violations", "violations_detected", "probes_on_force", "probes_answered", "probes_unanswered",
      "escalations_after_response", "hybrid_attacks", "strikes_on_force", "mass_casualty_events",
      "renewal_votes_failed", "air_incursions", "air_engagements", "air_shootdowns", "snap_elections",
      "us_backstop_withdrawals", "violation_regime_erosions", "recommitments"};
  return incident >= 0 && incident < kIncidentTypes ? kNames[incident] : "?";
}

std::uint64_t ReplicationOutcome::total_kia() const {
  std::uint64_t total = 0;
  for (auto k : kia) total += k;
  return total;
}

int ReplicationOutcome::nations_withdrawn() const {
  int count = 0;
  for (auto w : withdrawal) count += w != WithdrawalCause::none;
  return count;
}

Log1pTable::Log1pTable() : values_(kSize) {
  for (std::uint64_t k = 0; k < kSize; ++k) values_[k] = std::log1p(static_cast<double>(k));
}

const char* deterrence_term_name(int term) {
  static constexpr const char* kNames[kDeterrenceTerms] = {"land",    "air",       "maritime",   "nuclear",
                                                           "us_backstop", "ukraine", "monitoring", "response_record"};
  return term >= 0 && term < kDeterrenceTerms ? kNames[term] : "?";
}

DeterrenceExpCache::Value DeterrenceExpCache::get(double log_hazard_ratio, double coupling, double direct_scale) {
  std::uint64_t bits = 0;
  std::memcpy(&bits, &log_hazard_ratio, sizeof bits);
  Entry& e = entries_[((bits ^ (bits >> 29)) * 0x9E3779B97F4A7C15ull) >> 52];
  static_assert(kEntries == 4096, "the hash keeps the top 12 bits");
  // One branch, not three: the comparisons are combined without short-circuit.
  const bool hit = (e.key == log_hazard_ratio) & (e.coupling == coupling) & (e.direct_scale == direct_scale);
  if (!hit) {
    e.key = log_hazard_ratio;
    e.coupling = coupling;
    e.direct_scale = direct_scale;
    e.value = {std::exp(direct_scale * log_hazard_ratio), std::exp(coupling * log_hazard_ratio),
               std::exp(-coupling * log_hazard_ratio), std::exp(-direct_scale * log_hazard_ratio)};
  }
  return e.value;
}

double ForceTermCache::get(const Model& model, double combat_troops, double interposition_troops) {
  const DeterrenceSettings& d = model.settings.deterrence;
  const Key key{combat_troops,  interposition_troops, d.force_hazard_ratio, d.reference_troops, d.size_elasticity,
                d.max_size_factor, d.readiness,         d.interposition_force_factor, static_cast<int>(model.settings.mandate)};
  std::uint64_t bits = 0;
  std::memcpy(&bits, &combat_troops, sizeof bits);
  Entry& e = entries_[((bits ^ (bits >> 31)) * 0x9E3779B97F4A7C15ull) >> 58];
  static_assert(kEntries == 64, "the hash keeps the top 6 bits");
  if (!(e.key == key)) {
    e.key = key;
    e.value = force_log_hazard_ratio(model, combat_troops, interposition_troops);
  }
  return e.value;
}

namespace {

// Purposes key the streams: each process draws from its own.
enum Purpose : std::uint32_t {
  kFailureClock = 1,
  kUpClock,
  kDownClock,
  kProbeClock,
  kStrikeClock,
  kCasualtyClock,
  kProbeMarks,
  kStrikeMarks,
  kCasualtyMarks,
  kAggregates,
  kCombatDraws,
  kCascadeDraws,
  kIncursionClock,
  kRegimeClock,
  kIncursionMarks,
  kUsWithdrawal,
  kUnmetIncursionClock,
  kSnapElectionClock,
  kExitThinning,
};
// The processes with a constant rate between events, and the other kinds of event, in the order
// that breaks ties between simultaneous events.
// Incursions are split by Poisson thinning into those the air shield meets (kIncursion) and
// those it does not (kUnmetIncursion): the same process, marked by whether the shield is on
// station, so that the unmet ones can be lumped when they change nothing.
// The violation regime is not among them: it changes only the violation rate, which is
// integrated over spans, so its switches are simulated where that integral is taken
// (advance_aggregates), outside the event loop.
enum Process : int { kUp, kDown, kProbe, kStrike, kCasualty, kIncursion, kUnmetIncursion, kProcesses };
// A scheduled event is a kind of its own per ScheduledKind (kScheduled + the kind), so that one
// dispatch, not two, follows the choice of the next event.
enum OtherEvent : int { kFailure = kProcesses, kNationExit, kPendingExit, kSnapWindowEnd, kSnapCall, kUsWithdrawn, kScheduled,
                        kEndOfPeriod = kScheduled + static_cast<int>(ScheduledKind::force_arrival) + 1 };
constexpr int scheduled_event(ScheduledKind kind) { return kScheduled + static_cast<int>(kind); }

// A nation's stream: its exit and votes.
constexpr std::uint32_t kNationPurpose = 0x80000000u;
constexpr std::uint32_t kNationIdMask = 0x3FFFFFFFu;

// Deterrence terms are recorded on a grid of 2^-28 as integers (see ReplicationOutcome).
// Rounds half away from zero as std::llround does, bit for bit, without the library call (the
// terms are a few units at most, far inside the range where truncation and the subtraction of
// the integer part are exact).
std::int64_t on_term_grid(double log_hazard_ratio) {
  const double scaled = log_hazard_ratio * 0x1.0p28;
  const auto whole = static_cast<std::int64_t>(scaled);  // toward zero
  const double fraction = scaled - static_cast<double>(whole);
  return whole + (fraction >= 0.5) - (fraction <= -0.5);
}

// The response record on a grid of 2^-30 (about 1e-9 in log hazard ratio, far below any
// parameter's precision). Floating-point sums depend on their order, so without the grid two
// paths to the same record (answered, unanswered, answered...) would differ in the last bits and
// every probe would miss the deterrence cache. Adding and subtracting 1.5 · 2^52 rounds to the
// nearest integer exactly; scaling by a power of two is exact.
double on_record_grid(double record) {
  constexpr double kScale = 0x1.0p30;
  constexpr double kRound = 0x1.8p52;
  return ((record * kScale + kRound) - kRound) / kScale;
}

struct RateAndWait {
  double rate = 0;
  double mean_wait = 0;  // 1 / rate, 0 when the rate is 0
  static RateAndWait of(double rate) { return {rate, rate > 0 ? 1 / rate : 0}; }
};

// Refills a buffer of uniforms from a stream. An event uses the values drawn at the previous one,
// so the Philox block for the next is computed off the critical path; the stream's order, and so
// every result, is unchanged.
template <std::size_t N>
void draw_ahead(Stream& stream, std::array<double, N>& ahead) {
  for (auto& u : ahead) u = stream.uniform();
}

// Sums over the nations present of their fully arrived force: added at the start, taken away
// when a nation leaves (adding and subtracting the same numbers in the same order as separate
// statements would: ±1 × x is exact).
struct PresentForce {
  double combat = 0, exposed = 0, monitoring = 0, training = 0;
  // The parts of the combat troops the reported terms split the force term by, the buffer zone's
  // troops (combat: the tripwire; exposed: who answers a probe under reassurance), the air shield.
  double land = 0, air = 0, maritime = 0;
  double interposition_combat = 0, interposition_exposed = 0;
  double air_shield = 0;
  int nuclear_nations = 0;  // nuclear-armed with troops in Ukraine

  void add(const NationModel& n, double sign) {
    combat += sign * n.combat_troops;
    exposed += sign * n.exposed_troops;
    monitoring += sign * n.monitoring_troops;
    training += sign * n.training_troops;
    land += sign * n.land_combat_troops;
    air += sign * n.air_combat_troops;
    maritime += sign * n.maritime_combat_troops;
    interposition_combat += sign * n.interposition_combat_troops;
    interposition_exposed += sign * n.interposition_exposed_troops;
    air_shield += sign * n.air_shield_troops;
    nuclear_nations += n.nuclear_in_ukraine ? static_cast<int>(sign) : 0;
  }
};

class Replication {
 public:
  Replication(const Model& model, std::uint64_t seed, std::uint64_t replication, ReplicationWorkspace& ws,
              ReplicationOutcome& out, DrawCounts* counts)
      : m_(model),
        s_(model.settings),
        seed_(seed),
        rep_(replication),
        ws_(ws),
        out_(out),
        counts_(counts),
        failure_stream_(seed, replication, kFailureClock, counts),
        process_streams_{Stream(seed, replication, kUpClock, counts), Stream(seed, replication, kDownClock, counts),
                         Stream(seed, replication, kProbeClock, counts), Stream(seed, replication, kStrikeClock, counts),
                         Stream(seed, replication, kCasualtyClock, counts), Stream(seed, replication, kIncursionClock, counts),
                         Stream(seed, replication, kUnmetIncursionClock, counts)},
        regime_stream_(seed, replication, kRegimeClock, counts),
        snap_stream_(seed, replication, kSnapElectionClock, counts),
        exit_thinning_(seed, replication, kExitThinning, counts),
        probe_marks_(seed, replication, kProbeMarks, counts),
        strike_marks_(seed, replication, kStrikeMarks, counts),
        casualty_marks_(seed, replication, kCasualtyMarks, counts),
        cascade_draws_(seed, replication, kCascadeDraws, counts),
        incursion_marks_(seed, replication, kIncursionMarks, counts),
        failure_(ws.failure_clock) {}

  void run();

 private:
  void reset();
  void update_deterrence();
  void update_level_rates();
  void update_force_rates();
  void update_nation_rate(int n);
  void advance_aggregates(double day);
  void change_level(int level);
  void on_probe();
  double probe_answer_probability() const;
  void update_lumping();
  void set_incursion_rates();
  void on_strike();
  void on_casualty();
  void on_met_incursion();
  void on_unmet_incursion();
  void switch_regime();
  void update_regime_rate(double day);
  void accumulate_aggregates(double day);
  double violation_multiplier() const;
  void on_snap_call();
  void on_snap_window_end(int n);
  void update_snap_rate();
  void on_us_withdrawal();
  void record_sample();
  const ScheduledEvent& pop_scheduled();
  void on_review();
  void on_backstop_arrival();
  void on_exit_candidate(int n);
  bool in_election(int n) const;
  void on_renewal_vote(const ScheduledEvent& event);
  void withdraw(int n, WithdrawalCause cause);
  void arrive(double share);
  void scale_force_to_share();
  void add_kia(int n, std::uint64_t kia);
  void schedule_pending_exit(int n, double day, WithdrawalCause cause);
  int pick_exposed_nation(Stream& stream);
  void refresh_exposure_weights();
  void find_next_nation_event();
  void note_nation_changed(int n);
  [[gnu::always_inline]] void fire_process(int p);
  std::pair<double, int> earliest_event(double horizon) const;
  void fight(double day);
  void finish();

  const Model& m_;
  const SimulationSettings& s_;
  std::uint64_t seed_;
  std::uint64_t rep_;
  ReplicationWorkspace& ws_;
  ReplicationOutcome& out_;
  DrawCounts* counts_;
  Stream failure_stream_;
  std::array<Stream, kProcesses> process_streams_;  // one a process, in Process order
  Stream regime_stream_;
  Stream snap_stream_;  // the snap elections' clock and callers
  Stream exit_thinning_;  // the nations' exit clocks after a firing that did not stand, and the test of each firing
  Stream probe_marks_, strike_marks_, casualty_marks_, cascade_draws_, incursion_marks_;

  double day_ = 0;
  int level_ = 0;
  FailureClock& failure_;  // lives in the workspace: its buffer is reused
  std::array<Clock, kProcesses> clocks_;
  Clock regime_clock_;  // switches of the violation regime (see advance_aggregates)
  Clock snap_clock_;    // the next snap election called by any contributor (see on_snap_call)
  int snap_eligible_ = 0;  // contributors present and not in a snap campaign
  double next_scheduled_day_ = kNever;
  int next_scheduled_kind_ = kEndOfPeriod;
  // Per level, the rates that depend on the level alone, with their inverses (divided once a
  // replication, not at every change of level).
  struct LevelRates {
    RateAndWait up, down, probe, strike, incursion;
    double inverse_failure_multiplier;  // 1 / the model's failure multiplier (0 when that is 0)
  };
  std::array<LevelRates, kEscalationLevels> level_rates_{};
  // Marks drawn one event ahead, in their streams' order (see fire_process).
  std::array<double, 2> probe_marks_ahead_{};
  std::array<double, 1> casualty_mark_ahead_{};
  std::size_t next_scheduled_ = 0;
  // The earliest nation event (exit clock or pending exit), rescanned only after a nation changed.
  bool nations_changed_ = true;
  double next_nation_day_ = kNever;
  int next_nation_ = -1;
  int next_nation_kind_ = -1;
  bool cascade_triggered_ = false;
  // The force once fully arrived, of the nations still present; the force in theatre is the
  // build-up's current share of it (scale_force_to_share).
  double share_ = 1;
  PresentForce full_;
  // Force in theatre.
  double combat_troops_ = 0;
  double interposition_share_ = 0;  // of exposed troops, in the buffer zone
  double exposed_troops_ = 0;
  bool exposure_changed_ = true;  // the weights for picking a casualty's nation need summing
  double exposed_weight_total_ = 0;
  double monitoring_troops_ = 0;
  double training_troops_ = 0;
  // Deterrence.
  DeterrenceTerms terms_;
  std::array<double, 3> domain_terms_{};  // the force term's land, air and maritime parts
  double fixed_log_hazard_ratio_ = 0;  // terms_.fixed(), refreshed whenever one of those terms changes
  bool backstop_ = false;
  bool backstop_withdrawn_ = false;
  double us_withdrawal_day_ = kNever;
  bool low_violence_ = true;  // the violation regime: low-violence after the commitment, or eroded
  // Multiplier of violations in the eroded regime (1) and the low-violence one (by the monitors in theatre).
  std::array<double, 2> violation_multiplier_by_regime_{1.0, 1.0};
  double low_violence_erosion_ = 0;     // its erosion rate a day
  std::size_t next_sample_ = 0;
  double next_sample_day_ = kNever;
  double rebuild_ = 0;  // Ukraine's rebuilt share, accumulating continuously
  double rebuild_day_ = 0;
  double rebuild_rate_ = 0;
  double detection_ = 0;
  double log_hazard_ratio_ = std::numeric_limits<double>::quiet_NaN();  // NaN: not computed yet
  int deterrence_level_ = -1;
  // Aggregated means over quiet spans.
  double aggregates_day_ = 0;
  double detected_mean_ = 0;
  double undetected_mean_ = 0;
  double hybrid_mean_ = 0;
  // Probes and unmet incursions that cannot change anything are counted, not simulated: while
  // that holds their clock is paused and their expected number accumulates here, drawn once at
  // the end (see update_lumping).
  bool probes_lumped_ = false;
  bool unmet_incursions_lumped_ = false;
  double lumped_probes_mean_ = 0;
  double lumped_unmet_incursions_mean_ = 0;
  // The air shield: whether there is one, and the share of incursions it meets now (the
  // laydown's coverage times the share of its troops in theatre).
  bool has_air_shield_ = false;
  double on_station_ = 0;
  std::array<double, 2> incursion_marks_ahead_{};  // hit, escalate: drawn one met incursion ahead
};

void Replication::reset() {
  const std::size_t nations = m_.nations.size();
  out_.failure_day = kNever;
  out_.highest_level = 0;
  out_.level_at_failure = -1;
  out_.holding_samples = 0;
  out_.incidents.fill(0);
  out_.kia.assign(nations, 0);
  out_.withdrawal.assign(nations, WithdrawalCause::none);
  out_.exit_day.assign(nations, kNever);
  ws_.nations.assign(nations, ReplicationWorkspace::NationState{});
  ws_.weights.assign(nations, 0);
  ws_.nation_streams.clear();
  for (const auto& n : m_.nations) {
    ws_.nation_streams.emplace_back(seed_, rep_, kNationPurpose | (n.stream_id & kNationIdMask), counts_);
    full_.add(n, 1.0);
  }
  share_ = m_.initial_share;
  scale_force_to_share();
  failure_.start({s_.baseline.weibull_shape, s_.baseline.weibull_scale_days}, s_.days, failure_stream_.exponential());
  for (int p = 0; p < kProcesses; ++p) {
    clocks_[p].threshold = process_streams_[p].exponential();
    clocks_[p].next_increment = process_streams_[p].exponential();
  }
  regime_clock_.threshold = regime_stream_.exponential();
  regime_clock_.next_increment = regime_stream_.exponential();
  next_scheduled_day_ = m_.schedule.empty() ? kNever : m_.schedule.front().day;
  next_scheduled_kind_ = m_.schedule.empty() ? kEndOfPeriod : scheduled_event(m_.schedule.front().kind);
  for (int l = 0; l < kEscalationLevels; ++l) {
    level_rates_[l] = {RateAndWait::of(l < kEscalationLevels - 1 ? s_.ladder.up_per_day[l] : 0),
                       RateAndWait::of(l > 0 ? s_.ladder.down_per_day[l - 1] : 0),
                       RateAndWait::of(s_.incidents.probes_per_day[l]), RateAndWait::of(s_.incidents.strikes_per_day[l]),
                       RateAndWait::of(s_.incidents.air_incursions_per_day[l]),
                       RateAndWait::of(m_.failure_multiplier[l]).mean_wait};
  }
  draw_ahead(probe_marks_, probe_marks_ahead_);
  draw_ahead(casualty_marks_, casualty_mark_ahead_);
  draw_ahead(incursion_marks_, incursion_marks_ahead_);
  has_air_shield_ = m_.air_shield_coverage > 0 && m_.full_air_shield_troops > 0;
  // Elections raise a contributor's exit hazard only if it has dated elections or calls snap ones.
  const double election_bound = std::max(1.0, s_.cohesion.election_multiplier);
  for (std::size_t n = 0; n < nations; ++n) {
    auto& st = ws_.nations[n];
    const NationModel& nation = m_.nations[n];
    const bool elections = !nation.election_windows.empty() || (m_.snap_elections_per_day > 0 && nation.holds_elections);
    st.exit_bound = elections ? election_bound : 1.0;
    st.exit.threshold = ws_.nation_streams[n].exponential();
    update_nation_rate(static_cast<int>(n));
  }
  snap_eligible_ = 0;
  for (const auto& n : m_.nations) snap_eligible_ += n.holds_elections;
  if (m_.snap_elections_per_day > 0) snap_clock_.threshold = snap_stream_.exponential();
  update_snap_rate();
  backstop_ = m_.backstop_at_start;
  if (!m_.us_withdrawal_segments.empty()) {
    us_withdrawal_day_ = us_withdrawal_day(m_, Stream(seed_, rep_, kUsWithdrawal, counts_).exponential());
  }
  out_.terms_at_sample.resize(m_.sample_days.size());
  ws_.terms_at_sample.resize(m_.sample_days.size());
  next_sample_day_ = m_.sample_days.empty() ? kNever : m_.sample_days.front();
  rebuild_ = s_.deterrence.ukraine_initial_rebuild;
  terms_.ukraine = m_.log_ukraine_hr * std::min(1.0, rebuild_);
  update_force_rates();
  update_level_rates();
}

// The terms now as the sample of the next sample day (the ceasefire holds on it); put on the
// grid in finish().
void Replication::record_sample() {
  auto& row = ws_.terms_at_sample[next_sample_];
  row[kTermLand] = domain_terms_[0];
  row[kTermAir] = domain_terms_[1];
  row[kTermMaritime] = domain_terms_[2];
  row[kTermNuclear] = terms_.nuclear;
  row[kTermUsBackstop] = terms_.us_backstop;
  row[kTermUkraine] = terms_.ukraine;
  row[kTermMonitoring] = terms_.monitoring;
  row[kTermResponseRecord] = terms_.response_record;
  out_.holding_samples = ++next_sample_;
  next_sample_day_ = next_sample_ < m_.sample_days.size() ? m_.sample_days[next_sample_] : kNever;
}

void Replication::update_deterrence() {
  const double log_hazard_ratio = fixed_log_hazard_ratio_ + terms_.response_record;  // = terms_.total()
  // Most probes leave deterrence unchanged once the penalty is capped: skip the exp/pow then.
  if (log_hazard_ratio == log_hazard_ratio_ && level_ == deterrence_level_) return;
  log_hazard_ratio_ = log_hazard_ratio;
  deterrence_level_ = level_;
  const auto factors = ws_.deterrence_exp.get(log_hazard_ratio_, s_.ladder.deterrence_coupling, m_.direct_effect_scale);
  failure_.set_multiplier(day_, m_.failure_multiplier[level_] * factors.hazard_ratio,
                          level_rates_[level_].inverse_failure_multiplier * factors.inverse_hazard_ratio);
  const RateAndWait& up = level_rates_[level_].up;  // the deterrence coupling scales the ladder's up-rate
  clocks_[kUp].set_rate(day_, up.rate * factors.coupled, up.mean_wait * factors.inverse_coupled);
}

// Rates that depend on the force in theatre (after an exit) and on the level.
void Replication::update_force_rates() {
  terms_.force = ws_.force_term.get(m_, combat_troops_, full_.interposition_combat * share_);
  // The force term split by domain in proportion to the combat troops (reported, not simulated).
  const double per_combat = combat_troops_ > 0 ? terms_.force / (full_.combat * share_) : 0;
  domain_terms_ = {per_combat * full_.land * share_, per_combat * full_.air * share_, per_combat * full_.maritime * share_};
  interposition_share_ = full_.exposed > 0 ? full_.interposition_exposed / full_.exposed : 0;
  on_station_ = has_air_shield_ ? m_.air_shield_coverage * std::min(1.0, full_.air_shield * share_ / m_.full_air_shield_troops) : 0;
  terms_.nuclear = full_.nuclear_nations > 0 ? m_.log_nuclear_hr : 0;
  terms_.us_backstop = backstop_ ? m_.log_us_backstop_hr : 0;
  detection_ = detection_probability(m_, monitoring_troops_);
  const double monitored = monitoring_share(m_, monitoring_troops_);
  terms_.monitoring = m_.log_monitoring_hr * monitored;
  // The low-violence regime's violation multiplier and erosion rate move with the monitors.
  const ViolationRegimeSettings& v = s_.violation_regime;
  violation_multiplier_by_regime_[1] = v.bare_multiplier + (v.monitored_multiplier - v.bare_multiplier) * monitored;
  low_violence_erosion_ = v.bare_erosion_per_day + (v.monitored_erosion_per_day - v.bare_erosion_per_day) * monitored;
  fixed_log_hazard_ratio_ = terms_.fixed();
  rebuild_ += rebuild_rate_ * (day_ - rebuild_day_);
  rebuild_day_ = day_;
  rebuild_rate_ = rebuild_per_day(m_, training_troops_);
  update_regime_rate(day_);  // the aggregates have been advanced to day_: the regime there is current
  update_lumping();  // who can answer a probe, whether troops are exposed, the shield on station may have changed
}

// Monitors move the low-violence regime from a bare declaration's toward a monitored package's.
double Replication::violation_multiplier() const {
  return violation_multiplier_by_regime_[low_violence_];  // indexed, not branched on
}

void Replication::update_regime_rate(double day) {
  regime_clock_.set_rate(day, low_violence_ ? low_violence_erosion_ : s_.violation_regime.recommitment_per_day);
}

// The regime clock fires: the same steps as a process firing in the event loop (fire_process),
// at the clock's own day.
void Replication::switch_regime() {
  const double day = regime_clock_.fire_day;
  regime_clock_.fire(day, regime_clock_.next_increment);
  regime_clock_.next_increment = regime_stream_.exponential();
  ++out_.incidents[low_violence_ ? kRegimeErosions : kRecommitments];
  low_violence_ = !low_violence_;
  update_regime_rate(day);
}

// An incursion into the protected airspace: met when the air shield is on station over it (the
// laydown's coverage times the share of the air component in theatre), and then a test answered;
// an incursion the declared shield does not meet is a test unanswered. Without a shield it tests
// nothing the coalition has promised. The two kinds are separate processes (Poisson thinning by
// the share on station, set_incursion_rates).
void Replication::on_met_incursion() {
  ++out_.incidents[kAirIncursions];
  ++out_.incidents[kAirEngagements];
  const double hit = incursion_marks_ahead_[0];
  const double escalate = incursion_marks_ahead_[1];
  draw_ahead(incursion_marks_, incursion_marks_ahead_);
  out_.incidents[kAirShootdowns] += hit < s_.incidents.air_shootdown_probability;
  terms_.response_record = on_record_grid(std::max(0.0, terms_.response_record - s_.deterrence.answered_test_credit));
  update_lumping();  // a credited record: probes and unmet incursions count again
  if (escalate < s_.incidents.response_escalation_probability && level_ < kEscalationLevels - 1) {
    ++out_.incidents[kResponseEscalations];
    change_level(level_ + 1);
    return;
  }
  update_deterrence();
}

void Replication::on_unmet_incursion() {
  ++out_.incidents[kAirIncursions];
  if (!has_air_shield_) return;  // never reached: without a shield they are lumped
  const DeterrenceSettings& d = s_.deterrence;
  terms_.response_record =
      on_record_grid(std::min(d.max_unanswered_penalty, terms_.response_record + d.unanswered_test_log_hazard));
  update_lumping();
  update_deterrence();
}

// Snap elections: each contributor present, with elections of its own (not a notional unit) and
// not already in a snap campaign calls one at the
// same rate, so together they are one Poisson process at that rate times their number, and the
// caller is one of them at random (superposition): one clock and one stream, not one a nation.
void Replication::update_snap_rate() {
  snap_clock_.set_rate(day_, m_.snap_elections_per_day * snap_eligible_);
}

void Replication::on_snap_call() {
  snap_clock_.fire(day_, snap_stream_.exponential());
  // The caller: the k-th of the eligible nations.
  int k = std::min(static_cast<int>(snap_stream_.uniform() * snap_eligible_), snap_eligible_ - 1);
  int n = 0;
  for (; n < static_cast<int>(ws_.nations.size()); ++n) {
    const auto& candidate = ws_.nations[n];
    if (candidate.present && !candidate.in_snap && m_.nations[n].holds_elections && k-- == 0) break;
  }
  auto& st = ws_.nations[n];
  // The campaign runs the election window's length up to the vote, and as long after.
  ++out_.incidents[kSnapElections];
  st.in_snap = true;
  st.snap_day = day_ + 2 * s_.cohesion.election_window_days;
  note_nation_changed(n);
  --snap_eligible_;
  update_snap_rate();
}

void Replication::on_snap_window_end(int n) {
  auto& st = ws_.nations[n];
  st.in_snap = false;
  st.snap_day = kNever;
  note_nation_changed(n);
  ++snap_eligible_;
  update_snap_rate();
}

void Replication::on_us_withdrawal() {
  us_withdrawal_day_ = kNever;
  ++out_.incidents[kUsBackstopWithdrawals];
  backstop_withdrawn_ = true;
  backstop_ = false;
  terms_.us_backstop = 0;
  fixed_log_hazard_ratio_ = terms_.fixed();
  update_deterrence();
}

void Replication::update_level_rates() {
  const int l = level_;
  const double mandate_exposure = s_.casualties.exposure_by_mandate[m_.mandate_index()];
  auto set = [&](int process, const RateAndWait& r) { clocks_[process].set_rate(day_, r.rate, r.mean_wait); };
  set(kDown, level_rates_[l].down);
  set(kProbe, exposed_troops_ > 0 && !probes_lumped_ ? level_rates_[l].probe : RateAndWait{});
  set(kStrike, exposed_troops_ > 0 ? level_rates_[l].strike : RateAndWait{});
  set_incursion_rates();
  clocks_[kCasualty].set_rate(day_, exposed_troops_ / 1000 * s_.casualties.hostile_per_1000_per_year[l] / 365.25 * mandate_exposure);
  update_deterrence();
}

void Replication::update_nation_rate(int n) {
  auto& st = ws_.nations[n];
  if (!st.present) {
    st.exit.set_rate(day_, 0);
    note_nation_changed(n);
    return;
  }
  const CohesionSettings& c = s_.cohesion;
  const double casualty = 1 + c.casualty_weight * ws_.log1p_table.at(out_.kia[n]) * m_.nations[n].inverse_log_tolerance;
  st.exit.set_rate(day_, c.base_exit_hazard_per_year / 365.25 * casualty * st.exit_bound);
  note_nation_changed(n);
}

// Elections multiply a contributor's exit hazard while one of its election windows is open or it
// is campaigning in a snap election. Its exit clock runs at the bound of that factor
// (NationState::exit_bound), and a firing stands with probability (the factor now) / the bound:
// by thinning, the exits that stand are those of the hazard with the factor of the day, while
// the windows' opening and closing are no events at all (two a dated election). A firing that
// does not stand leaves the clock to run on to its next threshold.
void Replication::on_exit_candidate(int n) {
  auto& st = ws_.nations[n];
  const double factor = in_election(n) ? s_.cohesion.election_multiplier : 1.0;
  if (exit_thinning_.uniform() * st.exit_bound < factor) {
    withdraw(n, WithdrawalCause::politics);
    return;
  }
  st.exit.fire(day_, exit_thinning_.exponential());
  note_nation_changed(n);
}

bool Replication::in_election(int n) const {
  if (ws_.nations[n].in_snap) return true;
  for (const auto& window : m_.nations[n].election_windows) {
    if (window[0] <= day_ && day_ < window[1]) return true;
  }
  return false;
}

// Keeps the earliest nation event current after nation n's times changed, without rescanning
// every nation unless n was the earliest (its time may have moved later) or ties it.
void Replication::note_nation_changed(int n) {
  if (nations_changed_) return;  // a rescan is already due
  const auto& st = ws_.nations[n];
  const double earliest = std::min({st.exit.fire_day, st.pending_exit_day, st.snap_day});
  if (n == next_nation_ || earliest == next_nation_day_) {
    nations_changed_ = true;
  } else if (earliest < next_nation_day_) {
    next_nation_day_ = earliest;
    next_nation_ = n;
    // The scan's order breaks ties: exit, pending exit, snap election.
    next_nation_kind_ = st.exit.fire_day == earliest ? kNationExit : st.pending_exit_day == earliest ? kPendingExit : kSnapWindowEnd;
  }
}

// Integrates the violation and hybrid rates up to `day`. They change only with the level, the
// monitors in theatre and the violation regime, so this runs at changes of the first two and at
// the end, not at every event. The regime's switches before `day` are simulated here: the regime
// acts on nothing but the violation rate, and its own rate changes only with the monitors (whose
// changes call this first), so taking its switches here rather than in the event loop changes no
// number, only the work (about a tenth of the events a replication).
void Replication::advance_aggregates(double day) {
  while (regime_clock_.fire_day < day) {
    accumulate_aggregates(regime_clock_.fire_day);
    switch_regime();
  }
  accumulate_aggregates(day);
}

void Replication::accumulate_aggregates(double day) {
  const double span = day - aggregates_day_;
  if (span <= 0) return;
  const double violations = s_.incidents.violations_per_day[level_] * violation_multiplier() * span;
  detected_mean_ += violations * detection_;
  undetected_mean_ += violations * (1 - detection_);
  hybrid_mean_ += s_.incidents.hybrid_per_day[level_] * span;
  // Multiplied by the flags, not branched on (the lumping comes and goes with the record): times
  // 1 the term is unchanged, and adding 0 leaves a sum as it was.
  lumped_probes_mean_ += level_rates_[level_].probe.rate * span * static_cast<double>(probes_lumped_);
  lumped_unmet_incursions_mean_ +=
      level_rates_[level_].incursion.rate * (1 - on_station_) * span * static_cast<double>(unmet_incursions_lumped_);
  aggregates_day_ = day;
}

void Replication::change_level(int level) {
  advance_aggregates(day_);  // the violation and hybrid rates change with the level
  level_ = std::clamp(level, 0, kEscalationLevels - 1);
  out_.highest_level = std::max(out_.highest_level, level_);
  update_level_rates();
}

void Replication::on_probe() {
  ++out_.incidents[kProbes];
  const double respond = probe_marks_ahead_[0];
  const double escalate = probe_marks_ahead_[1];
  draw_ahead(probe_marks_, probe_marks_ahead_);
  const DeterrenceSettings& d = s_.deterrence;
  // Selects rather than branches: whether a probe is answered is a coin flip the branch predictor
  // cannot learn.
  const bool answered = respond < probe_answer_probability();
  ++out_.incidents[answered ? kProbesAnswered : kProbesUnanswered];
  const double record = terms_.response_record;
  terms_.response_record = on_record_grid(answered ? std::max(0.0, record - d.answered_test_credit)
                                                   : std::min(d.max_unanswered_penalty, record + d.unanswered_test_log_hazard));
  update_lumping();
  if (answered && escalate < s_.incidents.response_escalation_probability && level_ < kEscalationLevels - 1) {
    ++out_.incidents[kResponseEscalations];
    change_level(level_ + 1);
    return;
  }
  update_deterrence();
}

// Under reassurance only troops in a buffer zone answer: a probe finds them in proportion to
// their share of the exposed force.
double Replication::probe_answer_probability() const {
  const double answering = s_.mandate != Mandate::reassurance ? 1.0 : interposition_share_;
  return s_.incidents.respond_probability * answering;
}

// A probe that cannot be answered only moves the record of unanswered tests toward its cap; once
// the record is there, a probe changes nothing but the count of probes. So does an incursion the
// shield does not meet (and any incursion when there is no shield). Both are Poisson processes
// whose rates change only at events, so while they change nothing they are lumped like the
// violations (their expected number integrated over the span, one Poisson draw at the end) and
// their clocks are paused. A paused clock's threshold left to run is a unit exponential
// independent of the past (memorylessness), so resuming it when the record falls again (an air
// engagement credited) or a probe becomes answerable keeps every event's timing exact in
// distribution.
void Replication::update_lumping() {
  const DeterrenceSettings& d = s_.deterrence;
  const double record = terms_.response_record;
  const bool unanswered_changes_nothing =
      on_record_grid(std::min(d.max_unanswered_penalty, record + d.unanswered_test_log_hazard)) == record;
  const bool lump_probes = exposed_troops_ > 0 && probe_answer_probability() <= 0 && unanswered_changes_nothing;
  const bool lump_unmet = !has_air_shield_ || unanswered_changes_nothing;
  if (lump_probes == probes_lumped_ && lump_unmet == unmet_incursions_lumped_) return;
  advance_aggregates(day_);  // the span so far under the old state
  if (lump_probes != probes_lumped_) {
    probes_lumped_ = lump_probes;
    const bool running = exposed_troops_ > 0 && !lump_probes;
    const RateAndWait& probe = level_rates_[level_].probe;
    clocks_[kProbe].set_rate(day_, running ? probe.rate : 0, running ? probe.mean_wait : 0);
  }
  if (lump_unmet != unmet_incursions_lumped_) {
    unmet_incursions_lumped_ = lump_unmet;
    set_incursion_rates();
  }
}

// Incursions at the level's rate, split by the share the shield meets on station.
void Replication::set_incursion_rates() {
  const double rate = level_rates_[level_].incursion.rate;
  clocks_[kIncursion].set_rate(day_, rate * on_station_);
  clocks_[kUnmetIncursion].set_rate(day_, unmet_incursions_lumped_ ? 0 : rate * (1 - on_station_));
}

void Replication::refresh_exposure_weights() {
  if (!exposure_changed_) return;
  // The weights change only when a nation leaves: sum them again then, not at every casualty.
  exposed_weight_total_ = 0;
  for (std::size_t n = 0; n < m_.nations.size(); ++n) {
    ws_.weights[n] = ws_.nations[n].present ? m_.nations[n].exposed_troops : 0;
    exposed_weight_total_ += ws_.weights[n];
  }
  exposure_changed_ = false;
}

int Replication::pick_exposed_nation(Stream& stream) {
  refresh_exposure_weights();
  return static_cast<int>(stream.categorical(ws_.weights.data(), ws_.weights.size(), exposed_weight_total_));
}

void Replication::on_strike() {
  ++out_.incidents[kStrikesOnForce];
  const std::uint64_t kia = strike_marks_.poisson(s_.incidents.kia_per_strike_mean);
  const int n = pick_exposed_nation(strike_marks_);
  const double decide = strike_marks_.uniform();
  const double delay = strike_marks_.uniform();
  add_kia(n, kia);
  if (static_cast<double>(kia) >= s_.cohesion.shock_kia) {
    ++out_.incidents[kMassCasualtyEvents];
    const double p = level_ >= kEscalationLevels - 1 ? s_.cohesion.shock_exit_probability_doubted
                                                     : s_.cohesion.shock_exit_probability;
    if (decide < p) schedule_pending_exit(n, day_ + delay * s_.cohesion.shock_window_days, WithdrawalCause::casualty_shock);
  }
}

void Replication::on_casualty() {
  const double u = casualty_mark_ahead_[0];
  draw_ahead(casualty_marks_, casualty_mark_ahead_);
  refresh_exposure_weights();
  add_kia(static_cast<int>(categorical_index(u, ws_.weights.data(), ws_.weights.size(), exposed_weight_total_)), 1);
}

void Replication::add_kia(int n, std::uint64_t kia) {
  if (kia == 0) return;
  out_.kia[n] += kia;
  ws_.nations[n].last_kia_day = day_;
  update_nation_rate(n);
}

void Replication::schedule_pending_exit(int n, double day, WithdrawalCause cause) {
  auto& st = ws_.nations[n];
  if (!st.present || day >= st.pending_exit_day) return;
  st.pending_exit_day = day;
  st.pending_cause = cause;
  note_nation_changed(n);
}

void Replication::withdraw(int n, WithdrawalCause cause) {
  auto& st = ws_.nations[n];
  if (!st.present) return;
  const NationModel& nation = m_.nations[n];
  st.present = false;
  st.pending_exit_day = kNever;
  snap_eligible_ -= !st.in_snap && nation.holds_elections;  // no longer calls snap elections
  st.snap_day = kNever;
  out_.withdrawal[n] = cause;
  out_.exit_day[n] = day_;
  update_nation_rate(n);
  advance_aggregates(day_);  // the span up to the exit, with the monitors still present
  full_.add(nation, -1.0);
  exposure_changed_ = true;
  scale_force_to_share();
  if (nation.lead && !cascade_triggered_) {
    cascade_triggered_ = true;
    for (std::size_t other = 0; other < m_.nations.size(); ++other) {
      const double decide = cascade_draws_.uniform();
      const double delay = cascade_draws_.uniform();
      if (decide < s_.cohesion.cascade_probability) {
        schedule_pending_exit(static_cast<int>(other), day_ + delay * s_.cohesion.cascade_window_days,
                              WithdrawalCause::cascade);
      }
    }
  }
  update_snap_rate();
  update_force_rates();
  update_level_rates();
}

// The force in theatre: the present nations' troops times the build-up's share. With the whole
// package in theatre (share 1) the products are the sums themselves, bit for bit.
void Replication::scale_force_to_share() {
  combat_troops_ = full_.combat * share_;
  exposed_troops_ = full_.exposed * share_;
  monitoring_troops_ = full_.monitoring * share_;
  training_troops_ = full_.training * share_;
}

// More of the package arrives: deterrence, detection, Ukraine's rebuild and the exposure of the
// force follow the troops present. Contingents already withdrawn do not return. Every nation
// grows by the same factor, so the weights that pick a casualty's nation do not change.
void Replication::arrive(double share) {
  advance_aggregates(day_);  // detection changes with the monitors in theatre
  share_ = share;
  scale_force_to_share();
  update_force_rates();
  update_level_rates();
}

// The next scheduled event, taken from the schedule.
const ScheduledEvent& Replication::pop_scheduled() {
  const ScheduledEvent& event = m_.schedule[next_scheduled_++];
  const bool more = next_scheduled_ < m_.schedule.size();
  next_scheduled_day_ = more ? m_.schedule[next_scheduled_].day : kNever;
  next_scheduled_kind_ = more ? scheduled_event(m_.schedule[next_scheduled_].kind) : kEndOfPeriod;
  return event;
}

// Ukraine's rebuild counts toward deterrence at each review, not continuously.
void Replication::on_review() {
  rebuild_ += rebuild_rate_ * (day_ - rebuild_day_);
  rebuild_day_ = day_;
  terms_.ukraine = m_.log_ukraine_hr * std::min(1.0, rebuild_);
  fixed_log_hazard_ratio_ = terms_.fixed();
  update_deterrence();
}

void Replication::on_backstop_arrival() {
  if (backstop_withdrawn_) return;
  backstop_ = true;
  terms_.us_backstop = m_.log_us_backstop_hr;
  fixed_log_hazard_ratio_ = terms_.fixed();
  update_deterrence();
}

void Replication::on_renewal_vote(const ScheduledEvent& event) {
  const double u = ws_.nation_streams[event.nation].uniform();
  auto& st = ws_.nations[event.nation];
  if (!st.present) return;
  const bool recent = day_ - st.last_kia_day <= s_.cohesion.recent_casualty_days;
  const double p = recent ? s_.cohesion.renewal_failure_probability_after_casualties : s_.cohesion.renewal_failure_probability;
  if (u < p) {
    ++out_.incidents[kRenewalVotesFailed];
    withdraw(event.nation, WithdrawalCause::renewal_vote);
  }
}

void Replication::fight(double day) {
  const CombatSettings& c = s_.combat;
  const double engaged_share = c.engaged_share_by_mandate[m_.mandate_index()];
  double coalition = 0;
  for (std::size_t n = 0; n < m_.nations.size(); ++n) {
    if (ws_.nations[n].present) coalition += m_.nations[n].troops * share_ * engaged_share;
  }
  const double red = std::min(c.red_troops_cap, c.red_troops + c.red_regeneration_per_month * day / kDaysPerMonth);
  const double blue = c.ukraine_troops + coalition;
  const double duration = std::min(c.combat_days, static_cast<double>(s_.days) - day);
  const Forces after = lanchester_after({c.red_effectiveness, c.blue_effectiveness, c.p, c.q}, {blue, red}, duration, 1.0);
  const double blue_losses = blue - after.blue;
  Stream draws(seed_, rep_, kCombatDraws, counts_);
  for (std::size_t n = 0; n < m_.nations.size(); ++n) {
    auto& st = ws_.nations[n];
    if (!st.present) continue;
    const double in_theatre = m_.nations[n].troops * share_;
    const double share = blue > 0 ? in_theatre * engaged_share / blue : 0;
    const double losses = blue_losses * share;
    out_.kia[n] += draws.poisson(losses * c.killed_share);
    st.post_failure_troops = std::max(0.0, in_theatre - losses);
  }
}

void Replication::finish() {
  advance_aggregates(day_);
  for (std::size_t j = 0; j < out_.holding_samples; ++j) {
    for (int t = 0; t < kDeterrenceTerms; ++t) out_.terms_at_sample[j][t] = on_term_grid(ws_.terms_at_sample[j][t]);
  }
  if (counts_) {
    // The variates drawn ahead that the replication never used: the benchmark's bound times the
    // variates the model consumes, so they are not counted.
    counts_->exponentials -= kProcesses + 1;  // and the regime clock's
    counts_->uniforms -= kProcesses + probe_marks_ahead_.size() + casualty_mark_ahead_.size() + incursion_marks_ahead_.size();
  }
  Stream draws(seed_, rep_, kAggregates, counts_);
  const std::uint64_t detected = draws.poisson(detected_mean_);
  const std::uint64_t undetected = draws.poisson(undetected_mean_);
  out_.incidents[kViolationsDetected] = detected;
  out_.incidents[kViolations] = detected + undetected;
  out_.incidents[kHybridAttacks] = draws.poisson(hybrid_mean_);
  const std::uint64_t lumped_probes = draws.poisson(lumped_probes_mean_);
  out_.incidents[kProbes] += lumped_probes;
  out_.incidents[kProbesUnanswered] += lumped_probes;
  out_.incidents[kAirIncursions] += draws.poisson(lumped_unmet_incursions_mean_);
  // Troops in theatre at the sample days: exits as steps of the whole package, scaled by the share
  // of it that had arrived by then; the post-combat force after a failure.
  const auto& days = m_.sample_days;
  ws_.troop_steps.assign(days.size() + 1, 0);
  double post_failure = 0;
  for (std::size_t n = 0; n < m_.nations.size(); ++n) {
    if (out_.exit_day[n] < kNever) {
      const auto j = std::lower_bound(days.begin(), days.end(), out_.exit_day[n]) - days.begin();
      ws_.troop_steps[static_cast<std::size_t>(j)] -= m_.nations[n].troops;
    } else {
      post_failure += ws_.nations[n].post_failure_troops;
    }
  }
  out_.troops_at_sample.resize(days.size());
  double troops = m_.initial_troops;
  for (std::size_t j = 0; j < days.size(); ++j) {
    troops += ws_.troop_steps[j];
    const bool failed = out_.failure_day <= days[j];
    // Troop counts are non-negative: truncating x + 0.5 rounds them like llround, without the call.
    out_.troops_at_sample[j] = static_cast<std::int64_t>((failed ? post_failure : troops * m_.share_at_sample[j]) + 0.5);
  }
}

void Replication::find_next_nation_event() {
  nations_changed_ = false;
  // Selects, not branches (which nation is next is unpredictable); the first in scan order wins a tie.
  double day = kNever;
  int kind = -1, nation = -1;
  auto consider = [&](double candidate, int candidate_kind, int candidate_nation) {
    const bool earlier = candidate < day;
    day = earlier ? candidate : day;
    kind = earlier ? candidate_kind : kind;
    nation = earlier ? candidate_nation : nation;
  };
  for (std::size_t n = 0; n < ws_.nations.size(); ++n) {
    const auto& st = ws_.nations[n];
    consider(st.exit.fire_day, kNationExit, static_cast<int>(n));
    consider(st.pending_exit_day, kPendingExit, static_cast<int>(n));
    consider(st.snap_day, kSnapWindowEnd, static_cast<int>(n));
  }
  next_nation_day_ = day;
  next_nation_kind_ = kind;
  next_nation_ = nation;
}

// Inlined into each case of the dispatch: each process then has its own copy of the stream's
// refill branch (a block every second firing), a pattern the branch predictor learns, where one
// shared copy sees the processes' random interleaving.
void Replication::fire_process(int p) {
  Clock& clock = clocks_[p];
  clock.fire(day_, clock.next_increment);
  // Drawn one firing ahead (the stream's order is unchanged): the next event no longer waits on
  // this draw's logarithm, which the processor computes alongside the work that follows.
  clock.next_increment = process_streams_[p].exponential();
}

// The earliest event, or the end of the period if none comes before the horizon; a tie goes to
// the candidate listed first. Which event comes first is unpredictable, so nothing here branches:
// a tree of comparisons (four rounds, each round's independent of one another) whose winners are
// chosen by a minimum (one minsd) and a bit mask, not by a jump.
std::pair<double, int> Replication::earliest_event(double horizon) const {
  struct Candidate {
    double day;
    int kind;
  };
  auto first = [](Candidate a, Candidate b) {
    const bool later_wins = b.day < a.day;  // a tie keeps a, the candidate listed first
    const int mask = -static_cast<int>(later_wins);
    return Candidate{later_wins ? b.day : a.day, a.kind ^ ((a.kind ^ b.kind) & mask)};
  };
  static_assert(kProcesses == 7, "every process is a candidate below");
  auto clock = [this](int p) { return Candidate{clocks_[p].fire_day, p}; };
  const Candidate a = first(first(Candidate{failure_.fire_day(), kFailure}, clock(kUp)), first(clock(kDown), clock(kProbe)));
  const Candidate b = first(first(clock(kStrike), clock(kCasualty)), first(clock(kIncursion), clock(kUnmetIncursion)));
  const Candidate c = first(first(Candidate{next_scheduled_day_, next_scheduled_kind_}, Candidate{snap_clock_.fire_day, kSnapCall}),
                            first(Candidate{next_nation_day_, next_nation_kind_}, Candidate{us_withdrawal_day_, kUsWithdrawn}));
  const Candidate best = first(first(a, b), c);
  // Only an event before the horizon happens; the period ends first on a tie with it.
  return best.day < horizon ? std::pair{best.day, best.kind} : std::pair{horizon, static_cast<int>(kEndOfPeriod)};
}

void Replication::run() {
  reset();
  const double horizon = s_.days;
  while (true) {
    // The earliest event; a tie goes to the first considered. Branch-free: which comes first is
    // unpredictable, so a compare-and-branch chain mispredicts.
    if (nations_changed_) find_next_nation_event();
    const auto [next, what] = earliest_event(horizon);
    // The failure clock offers a lower bound of its day; when that comes first, ask for the exact
    // day and choose again (rare: the failure is near).
    if (what == kFailure && !failure_.exact()) {
      failure_.settle();
      continue;
    }
    // The terms held over [last event, next): record the sample days in that span.
    while (next_sample_day_ < next) record_sample();
    day_ = next;
    // A process that fires draws its next threshold first (fire_process); called in each case, not
    // before the switch, so the dispatch is the only unpredictable branch.
    switch (what) {
      case kUp: fire_process(kUp); change_level(level_ + 1); break;
      case kDown: fire_process(kDown); change_level(level_ - 1); break;
      case kProbe: fire_process(kProbe); on_probe(); break;
      case kStrike: fire_process(kStrike); on_strike(); break;
      case kCasualty: fire_process(kCasualty); on_casualty(); break;
      case kIncursion: fire_process(kIncursion); on_met_incursion(); break;
      case kUnmetIncursion: fire_process(kUnmetIncursion); on_unmet_incursion(); break;
      case kSnapWindowEnd: on_snap_window_end(next_nation_); break;
      case kSnapCall: on_snap_call(); break;
      case kUsWithdrawn: on_us_withdrawal(); break;
      case scheduled_event(ScheduledKind::epoch): pop_scheduled(); on_review(); break;
      case scheduled_event(ScheduledKind::backstop_arrival): pop_scheduled(); on_backstop_arrival(); break;
      case scheduled_event(ScheduledKind::force_arrival): arrive(m_.arrivals[pop_scheduled().arrival].share); break;
      case scheduled_event(ScheduledKind::renewal): on_renewal_vote(pop_scheduled()); break;
      case kNationExit: on_exit_candidate(next_nation_); break;
      case kPendingExit: withdraw(next_nation_, ws_.nations[next_nation_].pending_cause); break;
      case kFailure:
        out_.failure_day = day_;
        out_.level_at_failure = level_;
        out_.highest_level = kEscalationLevels;
        fight(day_);
        finish();
        return;
      default:
        while (next_sample_day_ <= horizon) record_sample();  // the period's last day held too
        finish();
        return;
    }
  }
}

}  // namespace

void simulate_replication(const Model& model, std::uint64_t seed, std::uint64_t replication,
                          ReplicationWorkspace& workspace, ReplicationOutcome& outcome, DrawCounts* counts) {
  Replication(model, seed, replication, workspace, outcome, counts).run();
}

}  // namespace guarantor::sim
