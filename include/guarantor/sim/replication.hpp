#pragma once
// One replication: an event-driven run of the ceasefire period. It draws the waiting time to the
// next state change (modified next-reaction method: one unit-exponential threshold per process,
// integrated hazards advanced between events), and aggregates counts over each quiet span with
// one Poisson draw. A pure function of (model, seed, replication index).

#include <array>
#include <cstdint>
#include <vector>

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
  kIncidentTypes
};
const char* incident_name(int incident);

struct ReplicationOutcome {
  double failure_day = kNever;  // when the renewed offensive starts; kNever if the ceasefire held
  int highest_level = 0;        // 0..4
  std::array<std::uint64_t, kIncidentTypes> incidents{};
  std::vector<std::uint64_t> kia;  // fatalities by nation (model order)
  std::vector<WithdrawalCause> withdrawal;
  std::vector<double> exit_day;
  std::vector<std::int64_t> troops_at_sample;  // troops in theatre at model.sample_days

  std::uint64_t total_kia() const;
  int nations_withdrawn() const;
};

// A process with a piecewise-constant rate: fires when its integrated hazard reaches a
// unit-exponential threshold (Anderson's modified next-reaction method). Its firing day stays
// valid until its rate changes, so only processes whose rate changed are rescheduled.
struct Clock {
  double integrated = 0;
  double threshold = 0;
  double rate = 0;
  double last_day = 0;
  double fire_day = kNever;

  void settle(double day) {
    integrated += rate * (day - last_day);
    last_day = day;
  }
  void reschedule() { fire_day = rate > 0 ? last_day + (threshold - integrated) / rate : kNever; }
  void set_rate(double day, double new_rate) {
    if (new_rate == rate) return;
    settle(day);
    rate = new_rate;
    reschedule();
  }
};

// Scratch space reused across replications so the hot loop does not allocate.
struct ReplicationWorkspace {
  struct NationState {
    bool present = true;
    Clock exit;
    double pending_exit_day = kNever;
    WithdrawalCause pending_cause = WithdrawalCause::none;
    double last_kia_day = -kNever;
    bool in_election = false;
    double post_failure_troops = 0;
  };
  std::vector<NationState> nations;
  std::vector<Stream> exit_streams;
  std::vector<Stream> vote_streams;
  std::vector<double> weights;
  std::vector<double> troop_steps;
};

void simulate_replication(const Model& model, std::uint64_t seed, std::uint64_t replication,
                          ReplicationWorkspace& workspace, ReplicationOutcome& outcome, DrawCounts* counts = nullptr);

}  // namespace guarantor::sim
