// reference_classes.json and its text table.
#include "guarantor/report/reference_classes_output.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "guarantor/core/numeric.hpp"
#include "guarantor/report/json.hpp"

namespace guarantor::report {
namespace {

nlohmann::json estimate_json(const pipeline::HoldingEstimate& e) {
  return {{"p", round_to(e.p, 4)},
          {"low", round_to(e.low, 4)},
          {"high", round_to(e.high, 4)},
          {"holding", e.holding},
          {"replications", e.replications},
          {"median_failure_day", e.median_failure_day ? nlohmann::json(*e.median_failure_day) : nlohmann::json()}};
}

// The declared evidence-only variant: its description and sources, or null.
nlohmann::json evidence_only_json(const Scenario& scenario) {
  const auto it = std::find_if(scenario.variants.begin(), scenario.variants.end(),
                               [](const VariantInfo& v) { return v.name == pipeline::kEvidenceOnly; });
  if (it == scenario.variants.end()) return nullptr;
  return {{"name", it->name}, {"description", it->description}, {"provenance", to_json(it->provenance)}};
}

// Three decimals, or two significant digits below 0.0005 (where three decimals would print the
// upper bound of 0 holding in 10,000 as 0.000, an interval that looks empty).
std::string probability_text(double p) {
  return p > 0 && p < 0.0005 ? fmt::format("{:.2g}", p) : fmt::format("{:.3f}", p);
}

// P(holds) [95 %] and the median failure day ("> days" when more than half hold).
std::string cell(const nlohmann::json& estimate, int days) {
  if (!estimate.is_object()) return fmt::format("{:<26} {:<9}", "–", "");
  const auto& median = estimate.value("median_failure_day", nlohmann::json());
  return fmt::format("{:<26} {:<9}",
                     fmt::format("{} [{}, {}]", probability_text(estimate.value("p", 0.0)),
                                 probability_text(estimate.value("low", 0.0)), probability_text(estimate.value("high", 0.0))),
                     median.is_number() ? fmt::format("day {}", median.get<int>()) : fmt::format("> {}", days));
}

}  // namespace

nlohmann::json reference_classes_json(const Scenario& scenario, const pipeline::RunResult& result) {
  nlohmann::json classes = nlohmann::json::array();
  for (const auto& h : result.reference_classes) {
    classes.push_back({{"key", h.key},
                       {"title", h.title},
                       {"source", h.source},
                       {"calibration", h.calibration},
                       {"is_scenario_choice", h.is_scenario_choice},
                       {"baseline_hazard",
                        {{"weibull_shape", round_to(h.hazard.weibull_shape, 5)},
                         {"weibull_scale_days", round_to(h.hazard.weibull_scale_days, 1)}}},
                       {"p_hold_end", estimate_json(h.p_hold_end)},
                       {"evidence_only", h.evidence_only ? estimate_json(*h.evidence_only) : nlohmann::json()}});
  }
  nlohmann::json out;
  out["kind"] = "guarantor.reference_classes";
  out["version"] = kReferenceClassesVersion;
  out["scenario"] = {{"name", scenario.info.name}, {"title", scenario.info.title}};
  out["option"] = pipeline::kBase;
  out["mode"] = "planned";  // the pipeline simulates the classes with the planned force
  out["days"] = result.reference_classes.empty() ? scenario.simulation.days : result.reference_classes.front().days;
  out["seed"] = result.simulation.seed;
  out["replications"] = result.reference_classes.empty() ? 0 : result.reference_classes.front().p_hold_end.replications;
  out["scenario_class"] = result.scenario_baseline_class;
  out["evidence_only"] = evidence_only_json(scenario);
  out["classes"] = classes;
  out["note"] =
      "P(holds) is the share of replications with no failure before the last day, with its Wilson 95% interval. "
      "Each class is one simulation of the base option (planned force) with that class's baseline hazard and the "
      "run's seed; the evidence-only variant, when declared, runs beside it on common random numbers.";
  return out;
}

std::string reference_classes_text(const nlohmann::json& j) {
  const auto& classes = j.value("classes", nlohmann::json::array());
  if (classes.empty()) return "";
  const bool evidence = std::any_of(classes.begin(), classes.end(), [](const nlohmann::json& c) {
    return c.contains("evidence_only") && c["evidence_only"].is_object();
  });
  const int days = j.value("days", 0);
  std::string out = fmt::format("\nHeadline under each reference class (base, planned; {} replications each)\n",
                                j.value("replications", std::uint64_t{0}));
  out += fmt::format("  {:<22} {:<26} {}\n", "class", fmt::format("P(holds {} d) [95 %]", days),
                     evidence ? fmt::format("{:<9} {:<26} median", "median", "evidence-only") : "median");
  for (const auto& c : classes) {
    const std::string key = c.value("key", "") + (c.value("is_scenario_choice", false) ? " *" : "");
    const std::string row = fmt::format("  {:<22} {}{}", key, cell(c["p_hold_end"], days),
                                        evidence ? " " + cell(c.value("evidence_only", nlohmann::json()), days) : "");
    out += row.substr(0, row.find_last_not_of(' ') + 1) + "\n";
  }
  out += fmt::format("  median: the day by which half the replications have failed (> {}: more than half hold)\n", days);
  const std::string chosen = j.value("scenario_class", "");
  if (std::none_of(classes.begin(), classes.end(), [](const nlohmann::json& c) { return c.value("is_scenario_choice", false); })) {
    out += fmt::format("  (the scenario's own baseline is '{}': none of these)\n", chosen);
  } else {
    out += "  * the scenario's class (simulation.baseline)\n";
  }
  return out;
}

}  // namespace guarantor::report
