#pragma once
// One replication: an event-driven run of the ceasefire period. It draws the waiting time to the
// next state change (modified next-reaction method: one unit-exponential threshold per process,
// integrated hazards advanced between events), and aggregates counts over each quiet span with
// one Poisson draw. A pure function of (model, seed, replication index).

#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "guarantor/sim/failure_clock.hpp"
#include "guarantor/sim/model.hpp"
#include "guarantor/sim/random.hpp"

namespace guarantor::sim {

enum class WithdrawalCause : std::uint8_t { none, politics, renewal_vote, cascade, casualty_shock };
inline constexpr int kWithdrawalCauses = 5;
const char* to_string(WithdrawalCause cause);

enum Incident : int {
  kViolations,
  kViolationsDetected,
  kProbes,
  kProbesAnswered,
  kProbesUnanswered,
  kResponseEscalations,
  kHybridAttacks,
  kStrikesOnForce,
  kMassCasualtyEvents,
  kRenewalVotesFailed,
  kAirIncursions,         // drones or missiles into the protected airspace
  kAirEngagements,        // ... met by the air shield on station
  kAirShootdowns,         // ... and shot down
  kSnapElections,         // snap elections called among the contributors
  kUsBackstopWithdrawals, // the US withdrew its backstop (0 or 1 a replication)
  kRegimeErosions,        // the low-violence regime eroded
  kRecommitments,         // ... and was restored by a recommitment
  kIncidentTypes
};
const char* incident_name(int incident);

struct ReplicationOutcome {
  double failure_day = kNever;  // when the renewed offensive starts; kNever if the ceasefire held
  int highest_level = 0;        // 0..4
  int level_at_failure = -1;    // the rung the offensive was launched from (-1: the ceasefire held)
  std::array<std::uint64_t, kIncidentTypes> incidents{};
  std::vector<std::uint64_t> kia;  // fatalities by nation (model order)
  std::vector<WithdrawalCause> withdrawal;
  std::vector<double> exit_day;
  std::vector<std::int64_t> troops_at_sample;  // troops in theatre at model.sample_days
  // The deterrence terms (log hazard ratios on a 2^-28 grid, as integers so that sums over
  // replications are exact in any grouping) at the sample days the ceasefire still held on:
  // entries [0, holding_samples) are filled.
  std::vector<std::array<std::int64_t, kDeterrenceTerms>> terms_at_sample;
  std::size_t holding_samples = 0;

  std::uint64_t total_kia() const;
  int nations_withdrawn() const;
};

// A process with a piecewise-constant rate: fires when its integrated hazard reaches a
// unit-exponential threshold (Anderson's modified next-reaction method). Its firing day stays
// valid until its rate changes, so only processes whose rate changed are rescheduled.
struct Clock {
  double integrated = 0;
  double threshold = 0;
  double next_increment = 0;  // the unit exponential to add to the threshold when it next fires
  double rate = 0;
  double mean_wait = 0;  // 1 / rate: rescheduling multiplies, the division happens once a change
  double last_day = 0;
  double fire_day = kNever;

  void settle(double day) {
    integrated += rate * (day - last_day);
    last_day = day;
  }
  void reschedule() { fire_day = rate > 0 ? last_day + (threshold - integrated) * mean_wait : kNever; }
  // Fires at `day`: the next threshold is `increment` (a unit exponential) further on.
  void fire(double day, double increment) {
    settle(day);
    threshold += increment;
    reschedule();
  }
  void set_rate(double day, double new_rate) { set_rate(day, new_rate, new_rate > 0 ? 1 / new_rate : 0); }
  // With 1 / new_rate known already (the division is slow and on the critical path).
  void set_rate(double day, double new_rate, double new_mean_wait) {
    if (new_rate == rate) return;
    settle(day);
    rate = new_rate;
    mean_wait = new_mean_wait;
    reschedule();
  }
};

// exp(x) and exp(coupling·x) for recently seen log hazard ratios. Deterrence moves on a small
// lattice (the response record steps by fixed amounts between caps), so the same few values
// recur within and across replications; a hit returns the very bits a fresh exp() would, so the
// cache cannot change a result.
class DeterrenceExpCache {
 public:
  struct Value {
    double hazard_ratio;      // exp(direct_scale · log_hazard_ratio)
    double coupled;           // exp(coupling · log_hazard_ratio)
    double inverse_coupled;   // exp(−coupling · log_hazard_ratio)
    double inverse_hazard_ratio;  // exp(−direct_scale · log_hazard_ratio)
  };
  Value get(double log_hazard_ratio, double coupling, double direct_scale);

 private:
  struct Entry {
    double key = std::numeric_limits<double>::quiet_NaN();  // NaN never matches: empty
    double coupling = 0;
    double direct_scale = 0;
    Value value{};
  };
  static constexpr std::size_t kEntries = 4096;
  std::array<Entry, kEntries> entries_{};
};

// force_log_hazard_ratio for recently seen inputs: the force in theatre steps through the same
// few values (the build-up's arrivals, a contingent's exit) in every replication, and the term
// costs a pow and a log. Keyed by every number it reads, so a hit is the very bits a fresh call
// would give, whatever model the workspace serves.
class ForceTermCache {
 public:
  double get(const Model& model, double combat_troops, double interposition_troops);

 private:
  struct Key {
    double combat = std::numeric_limits<double>::quiet_NaN();  // NaN never matches: empty
    double interposition = 0;
    double hazard_ratio = 0, reference = 0, elasticity = 0, cap = 0, readiness = 0, tripwire = 0;
    int mandate = 0;
    bool operator==(const Key&) const = default;
  };
  struct Entry {
    Key key;
    double value = 0;
  };
  static constexpr std::size_t kEntries = 64;
  std::array<Entry, kEntries> entries_{};
};

// ln(1 + k) for the small counts the cohesion model asks for at every casualty, tabulated once
// per workspace (the same bits as std::log1p); larger counts fall through to std::log1p.
class Log1pTable {
 public:
  Log1pTable();
  double at(std::uint64_t k) const { return k < kSize ? values_[k] : std::log1p(static_cast<double>(k)); }

 private:
  static constexpr std::uint64_t kSize = 1024;
  std::vector<double> values_;
};

// Scratch space reused across replications so the hot loop does not allocate.
struct ReplicationWorkspace {
  struct NationState {
    bool present = true;
    Clock exit;
    double pending_exit_day = kNever;
    WithdrawalCause pending_cause = WithdrawalCause::none;
    double last_kia_day = -kNever;
    // The largest factor elections can put on its exit hazard: the exit clock runs at the hazard
    // times this, and a firing stands with probability (the factor then) / this (thinning).
    double exit_bound = 1;
    double snap_day = kNever;  // the end of its snap-election campaign
    bool in_snap = false;
    double post_failure_troops = 0;
  };
  std::vector<NationState> nations;
  // One stream a nation: its exit threshold first, then one uniform per renewal vote.
  std::vector<Stream> nation_streams;
  std::vector<double> weights;
  std::vector<double> troop_steps;
  // The deterrence terms at each sample day as doubles, put on the grid of
  // ReplicationOutcome::terms_at_sample at the end of the replication (off the event loop).
  std::vector<std::array<double, kDeterrenceTerms>> terms_at_sample;
  DeterrenceExpCache deterrence_exp;
  ForceTermCache force_term;
  Log1pTable log1p_table;
  FailureClock failure_clock;
};

void simulate_replication(const Model& model, std::uint64_t seed, std::uint64_t replication,
                          ReplicationWorkspace& workspace, ReplicationOutcome& outcome, DrawCounts* counts = nullptr);

}  // namespace guarantor::sim
