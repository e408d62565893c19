// The description of a run: what each variant's model compiled, kept with the accumulators so
// that a record (and a shard file) says what was simulated.
#include <cmath>
#include <tuple>

#include "guarantor/sim/engine.hpp"

namespace guarantor::sim {

namespace {

const char* backstop_status(const Model& m) {
  if (m.backstop_at_start) return "present";
  return m.backstop_arrival_day < kNever ? "delayed" : "absent";
}

NationDescription describe_nation(const NationModel& n) {
  NationDescription d;
  d.code = n.code;
  d.troops = n.troops;
  d.lead = n.lead;
  d.nuclear_armed = n.nuclear_armed;
  d.casualty_tolerance_kia = n.casualty_tolerance_kia;
  d.mandate_cycle_months = n.mandate_cycle_months;
  d.first_vote_month = n.first_vote_month;
  d.election_days = n.election_days;
  return d;
}

DeterrenceDescription describe_deterrence(const Model& m) {
  const DeterrenceTerms t = initial_deterrence(m);
  return {t.force, t.nuclear, t.us_backstop, t.ukraine, t.monitoring, std::exp(t.total())};
}

VariantDescription describe_variant(const Model& m) {
  VariantDescription v;
  v.name = m.variant;
  v.mode = m.mode;
  v.reference = m.reference;
  v.mandate = to_string(m.settings.mandate);
  v.us_backstop = backstop_status(m);
  v.force_origin = m.force_origin;
  v.troops_in_theatre = m.initial_troops;
  for (const auto& n : m.nations) v.nations.push_back(describe_nation(n));
  v.deterrence_at_start = describe_deterrence(m);
  v.failure_multiplier_normalised.assign(m.failure_multiplier.begin(), m.failure_multiplier.end());
  v.parameters = m.parameters;
  return v;
}

}  // namespace

RunDescription describe_run(const Scenario& scenario, const std::vector<Model>& models) {
  RunDescription d;
  d.scenario_name = scenario.info.name;
  d.scenario_title = scenario.info.title;
  // Common random numbers need one period: the first variant's is every variant's.
  const Model& first = models.front();
  d.days = first.settings.days;
  d.report_interval_days = first.settings.report_interval_days;
  d.sample_days = first.sample_days;
  for (const auto& m : models) d.variants.push_back(describe_variant(m));
  return d;
}

SimulationRecord new_record(const Scenario& scenario, const std::vector<Model>& models, std::uint64_t seed,
                            std::uint64_t replications, int shard_index, int shard_count) {
  SimulationRecord record;
  record.description = describe_run(scenario, models);
  record.seed = seed;
  record.replications = replications;
  record.shard_index = shard_index;
  record.shard_count = shard_count;
  std::tie(record.first, record.end) = shard_range(replications, shard_index, shard_count);
  record.accumulators = Accumulators::sized_for(models);
  return record;
}

}  // namespace guarantor::sim
