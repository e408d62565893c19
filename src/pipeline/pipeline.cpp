#include "guarantor/pipeline/pipeline.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <tuple>

#include "guarantor/core/numeric.hpp"
#include "guarantor/io/scenario_io.hpp"
#include "guarantor/pipeline/sensitivity.hpp"
#include "guarantor/scenario/reference_classes.hpp"

namespace guarantor::pipeline {

bool is_base(const std::string& variant) { return variant.empty() || variant == kBase; }

const char* to_string(ForceMode mode) {
  switch (mode) {
    case ForceMode::planned: return "planned";
    case ForceMode::pledged: return "pledged";
    case ForceMode::required: return "required";
  }
  return "planned";
}

Expected<ForcePackage> force_for(const Scenario& scenario, ForceMode mode) {
  if (mode == ForceMode::pledged) return package_from_pledges(scenario);
  // The variant's own plan, without the analyses only the report's base needs.
  plan::PlanOptions options;
  options.contingency = false;
  options.explain = false;
  options.draws = 0;
  if (mode == ForceMode::required) options.mode = plan::ForceMode::required;
  const plan::PlanResult result = plan::make_plan(scenario, options);
  if (!result.has_plan()) {
    const std::string variant = scenario.info.variant.empty() ? kBase : scenario.info.variant;
    return Status(result.outcome().code(), fmt::format("variant '{}' has no plan: {}", variant, result.outcome().message()));
  }
  return result.package();
}

Expected<geo::LaydownResult> laydown_for(const Scenario& scenario, ForceMode mode, const geo::WorldData& world) {
  auto force = force_for(scenario, mode);
  if (!force) return force.status();
  auto laydown = geo::run_laydown(geo::LaydownInput{&scenario, &*force, &world});
  if (!laydown) return laydown.status();
  if (mode == ForceMode::pledged) {
    if (Status ranges = geo::add_placeholder_ranges(scenario, world, *laydown); !ranges) return ranges;
  }
  return laydown;
}

std::optional<Scenario> load_variant(const std::string& file, const std::string& variant, Diagnostics& diagnostics) {
  io::LoadResult loaded = io::load_scenario_file(file, io::LoadOptions{is_base(variant) ? "" : variant});
  diagnostics.append(loaded.diagnostics);
  if (!loaded.ok()) return std::nullopt;
  return std::move(loaded.scenario);
}

namespace {

// Share of the protected population an incursion meets the air shield over: the union of the
// air-policing and air-defence layers' population shares, taking them as independent (they are
// sited separately: stations over cities, batteries at sites).
double air_shield_coverage(const geo::LaydownResult& laydown) {
  double uncovered = 1;
  for (const auto& layer : laydown.layers) {
    if (layer.kind == geo::LayerKind::air_policing || layer.kind == geo::LayerKind::air_defence) {
      uncovered *= 1 - std::clamp(layer.population_share, 0.0, 1.0);
    }
  }
  return 1 - uncovered;
}

Expected<sim::Model> compile_one(const Scenario& scenario, const std::string& name, const ModelSpec& spec,
                                 ForceMode mode, Diagnostics& diagnostics) {
  ForcePackage force;
  if (spec.fixed_force) {
    force = *spec.fixed_force;
  } else {
    auto planned = force_for(scenario, mode);
    if (!planned) return planned.status();
    force = std::move(*planned);
  }
  sim::Model model = sim::compile_model(scenario, force, name, diagnostics);
  if (spec.world) {
    auto laydown = geo::run_laydown(geo::LaydownInput{&scenario, &force, spec.world, geo::LaydownScope::population_coverage});
    if (!laydown) return laydown.status();
    model.air_shield_coverage = air_shield_coverage(*laydown);
  }
  // A force read from a file was built in a mode this run does not know.
  model.mode = spec.fixed_force ? "" : to_string(mode);
  return model;
}

}  // namespace

double air_shield_coverage_of(const Scenario& scenario, const ForcePackage& force, const geo::WorldData& world) {
  auto laydown = geo::run_laydown(geo::LaydownInput{&scenario, &force, &world, geo::LaydownScope::population_coverage});
  return laydown ? air_shield_coverage(*laydown) : std::numeric_limits<double>::quiet_NaN();
}

Expected<std::vector<sim::Model>> compile_models(const Scenario& base, const ModelSpec& spec, Diagnostics& diagnostics) {
  std::vector<std::string> names = spec.variants.empty() ? std::vector<std::string>{kBase} : spec.variants;
  std::vector<sim::Model> models;
  for (const auto& name : names) {
    std::optional<Scenario> variant;
    if (!is_base(name)) {
      variant = load_variant(base.info.file, name, diagnostics);
      if (!variant) return Status::invalid_input(fmt::format("variant '{}' cannot be loaded", name));
    }
    Scenario scenario = variant ? std::move(*variant) : base;
    if (spec.baseline) apply_baseline_class(scenario.simulation, *spec.baseline);
    // Common random numbers need one period: the base's (or --days) is every variant's.
    scenario.simulation.days = spec.days.value_or(base.simulation.days);
    scenario.simulation.report_interval_days = base.simulation.report_interval_days;
    const std::string model_name = is_base(name) ? kBase : name;
    auto model = compile_one(scenario, model_name, spec, spec.mode, diagnostics);
    if (!model) return model.status();
    const std::size_t own_entry = models.size();
    models.push_back(std::move(*model));
    if (spec.twin_mode && !spec.fixed_force) {
      auto twin = compile_one(scenario, model_name, spec, *spec.twin_mode, diagnostics);
      if (!twin) return twin.status();
      twin->reference = own_entry;  // common random numbers pair the twin with its own variant
      models.push_back(std::move(*twin));
    }
  }
  if (diagnostics.has_errors()) return Status::invalid_input("the simulation models have errors");
  return models;
}

namespace {

void notify(const std::function<void(const std::string&)>& callback, const std::string& text) {
  if (callback) callback(text);
}

// P(holds on the last day): no failure before `days` (as simulation.json's survival row).
HoldingEstimate holding_at_end(const sim::VariantAccumulator& v, int days) {
  std::uint64_t failed = 0;
  const std::size_t end = std::min(v.failures_by_day.size(), static_cast<std::size_t>(std::max(0, days)));
  for (std::size_t d = 0; d < end; ++d) failed += v.failures_by_day[d];
  HoldingEstimate e;
  e.replications = v.replications;
  e.holding = v.replications - std::min(failed, v.replications);
  e.p = v.replications ? static_cast<double>(e.holding) / static_cast<double>(v.replications) : 0;
  std::tie(e.low, e.high) = wilson_interval(e.holding, v.replications);
  e.median_failure_day = sim::median_failure_day(v);
  return e;
}

// The base option (planned force) under each reference class, and the evidence-only variant beside
// it when the scenario declares one: one simulation per class, both models on common random numbers
// with the run's seed, so the classes differ only by their baseline hazard.
Expected<std::vector<ReferenceClassHeadline>> reference_class_headlines(const Scenario& base, const RunSpec& spec,
                                                                        std::uint64_t seed, std::uint64_t replications,
                                                                        Diagnostics& diagnostics) {
  const bool declares_evidence_only = std::any_of(base.variants.begin(), base.variants.end(),
                                                  [](const VariantInfo& v) { return v.name == kEvidenceOnly; });
  std::optional<Scenario> evidence_only;
  if (declares_evidence_only) {
    evidence_only = load_variant(base.info.file, kEvidenceOnly, diagnostics);
    if (!evidence_only) return Status::invalid_input(fmt::format("variant '{}' cannot be loaded", kEvidenceOnly));
    evidence_only->simulation.days = base.simulation.days;  // one period for common random numbers
    evidence_only->simulation.report_interval_days = base.simulation.report_interval_days;
  }
  ModelSpec alone;  // the scenario as given ("base"), planned
  alone.variants = {kBase};
  alone.world = spec.world;  // the air shield's coverage
  std::vector<ReferenceClassHeadline> headlines;
  for (const ReferenceClass& reference : reference_classes()) {
    Scenario scenario = base;
    apply_baseline_class(scenario.simulation, reference.id);
    auto models = compile_models(scenario, alone, diagnostics);
    if (!models) return models.status();
    if (evidence_only) {
      Scenario variant = *evidence_only;
      apply_baseline_class(variant.simulation, reference.id);
      auto more = compile_models(variant, alone, diagnostics);
      if (!more) return more.status();
      sim::Model model = std::move(more->front());
      model.variant = kEvidenceOnly;
      model.reference = 0;  // paired with the base under the same class
      models->push_back(std::move(model));
    }
    sim::SimulationRecord record = sim::new_record(scenario, *models, seed, replications);
    sim::run_record(record, *models, spec.threads, spec.progress);
    ReferenceClassHeadline h;
    h.key = reference.key;
    h.title = reference.title;
    h.source = reference.source;
    h.calibration = reference.calibration;
    h.hazard = reference.hazard;
    h.is_scenario_choice = base.simulation.baseline_class == reference.id;
    h.days = base.simulation.days;
    h.p_hold_end = holding_at_end(record.accumulators.variants.front(), h.days);
    if (evidence_only) h.evidence_only = holding_at_end(record.accumulators.variants.back(), h.days);
    headlines.push_back(std::move(h));
  }
  return headlines;
}

}  // namespace

Expected<RunResult> run(const Scenario& base, const RunSpec& spec, Diagnostics& diagnostics) {
  if (!spec.world) return Status::invalid_input("the laydown needs the reference geography (data/geo)");
  RunResult result;
  result.variants = spec.variants;
  result.parameters = params::list_parameters(base);

  notify(spec.on_stage_start, "plan: optimising the force package");
  result.plan = plan::make_plan(base);
  if (!result.plan.has_plan()) return result.plan.outcome();
  result.force = result.plan.package();
  notify(spec.on_stage_end, fmt::format("{:.0f} troops in theatre", result.force.troops_in_theatre()));

  notify(spec.on_stage_start, "laydown: siting hubs, computing coverage");
  auto laydown = geo::run_laydown(geo::LaydownInput{&base, &result.force, spec.world});
  if (!laydown) return laydown.status();
  result.laydown = std::move(*laydown);
  // The option as designed beside it: the planned package plus notional units filling the requirement.
  auto required = force_for(base, ForceMode::required);
  if (!required) return required.status();
  result.required_force = std::move(*required);
  auto required_laydown = geo::run_laydown(geo::LaydownInput{&base, &result.required_force, spec.world});
  if (!required_laydown) return required_laydown.status();
  result.required_laydown = std::move(*required_laydown);
  notify(spec.on_stage_end, fmt::format("{} hubs (planned), {} (required)", result.laydown.hubs.size(),
                                        result.required_laydown.hubs.size()));

  notify(spec.on_stage_start, fmt::format("simulate: {} option(s){}", spec.variants.size() + 1,
                                          spec.compare_required ? ", each planned and required" : ""));
  ModelSpec models_spec;
  models_spec.variants.push_back(kBase);
  models_spec.variants.insert(models_spec.variants.end(), spec.variants.begin(), spec.variants.end());
  if (spec.compare_required) models_spec.twin_mode = ForceMode::required;
  models_spec.world = spec.world;
  auto models = compile_models(base, models_spec, diagnostics);
  if (!models) return models.status();
  result.simulation =
      sim::new_record(base, *models, spec.seed.value_or(base.simulation.seed),
                      spec.replications.value_or(static_cast<std::uint64_t>(base.simulation.replications)));
  sim::run_record(result.simulation, *models, spec.threads, spec.progress);
  notify(spec.on_stage_end, fmt::format("{} replications", result.simulation.replications));

  result.scenario_baseline_class = to_string(base.simulation.baseline_class);
  const std::uint64_t class_replications = spec.reference_class_replications.value_or(
      std::min<std::uint64_t>(result.simulation.replications, kReferenceClassReplicationsCap));
  if (class_replications > 0) {
    notify(spec.on_stage_start, "reference classes: the base under each class's baseline hazard");
    auto headlines = reference_class_headlines(base, spec, result.simulation.seed, class_replications, diagnostics);
    if (!headlines) return headlines.status();
    result.reference_classes = std::move(*headlines);
    std::string line;
    for (const auto& h : result.reference_classes) {
      line += fmt::format("{}{} {:.3f}", line.empty() ? "" : ", ", h.key, h.p_hold_end.p);
    }
    notify(spec.on_stage_end, fmt::format("P(holds {} d): {}", base.simulation.days, line));
  }

  if (spec.sensitivity_samples > 0) {
    notify(spec.on_stage_start, "sensitivity: varying every simulation assumption over its plausible range");
    SensitivitySpec sensitivity;
    sensitivity.samples = spec.sensitivity_samples;
    sensitivity.replications = spec.sensitivity_replications;
    sensitivity.seed = spec.seed;
    sensitivity.threads = spec.threads;
    sensitivity.progress = spec.progress;
    sensitivity.world = spec.world;
    auto analysis = run_sensitivity(base, sensitivity, diagnostics);
    if (!analysis) return analysis.status();
    result.sensitivity = std::make_shared<const SensitivityResult>(std::move(*analysis));
    notify(spec.on_stage_end, fmt::format("{} points", result.sensitivity->points.rows));
  }
  return result;
}

}  // namespace guarantor::pipeline
