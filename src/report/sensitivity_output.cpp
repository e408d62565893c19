#include "guarantor/report/sensitivity_output.hpp"

#include <fmt/format.h>

#include <cmath>

#include "guarantor/core/numeric.hpp"

namespace guarantor::report {

namespace {

using sensitivity::SensitivityResult;

double r4(double v) { return round_to(v, 4); }

nlohmann::json interval(const sensitivity::Interval& i) { return nlohmann::json::array({r4(i.low), r4(i.high)}); }

// One input's value at the unit-cube coordinate u.
double input_value(const sensitivity::SensitivityInput& input, double u) { return input.low + u * (input.high - input.low); }

nlohmann::json parameter_rows(const SensitivityResult& r, std::size_t output) {
  nlohmann::json rows = nlohmann::json::array();
  for (std::size_t i = 0; i < r.inputs.size(); ++i) {
    const auto& input = r.inputs[i];
    nlohmann::json row = {{"key", input.key}, {"low", input.low}, {"high", input.high}};
    if (input.pledges) {
      row["range_note"] = "materialisation draw: each conditional assignment of the nation stays when u < its pledge's probability";
      nlohmann::json probabilities = nlohmann::json::array();
      for (const auto& [index, probability] : input.pledges->assignments) probabilities.push_back(r4(probability));
      row["pledge_probabilities"] = probabilities;
    }
    if (input.members.size() == 1 && input.members[0].list) {
      row["range_note"] = "position between the registry's low and high lists";
    }
    if (input.members.size() > 1) {
      row["members"] = nlohmann::json::array();
      for (const auto& m : input.members) row["members"].push_back({{"key", m.key}, {"low", m.low}, {"high", m.high}});
    }
    if (!r.sobol.empty()) {
      const auto& s = r.sobol[output];
      row["s1"] = r4(s.s1[i]);
      row["st"] = r4(s.st[i]);
      row["s1_ci"] = interval(s.s1_ci[i]);
      row["st_ci"] = interval(s.st_ci[i]);
    } else {
      row["s1"] = row["st"] = nullptr;
      row["s1_ci"] = row["st_ci"] = nullptr;
    }
    if (!r.morris.empty()) {
      row["morris_mu_star"] = r4(r.morris[output].mu_star[i]);
      row["morris_mu"] = r4(r.morris[output].mu[i]);
      row["morris_sigma"] = r4(r.morris[output].sigma[i]);
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

nlohmann::json prim_json(const SensitivityResult& r) {
  nlohmann::json boxes = nlohmann::json::array();
  for (const auto& box : r.prim.boxes) {
    nlohmann::json ranges = nlohmann::json::array();
    for (std::size_t i : box.restricted) {
      const auto& input = r.inputs[i];
      // A restriction that keeps 90% or more of the range is a trim at the edges: real in the
      // sample, but not a statement about that input worth putting in words.
      const double kept = box.limits[i].high - box.limits[i].low;
      ranges.push_back({{"key", input.key},
                        {"low", round_to(input_value(input, box.limits[i].low), 6)},
                        {"high", round_to(input_value(input, box.limits[i].high), 6)},
                        {"plausible", {input.low, input.high}},
                        {"share_of_range_kept", r4(kept)},
                        {"minor", kept >= 0.9}});
    }
    boxes.push_back({{"ranges", ranges}, {"coverage", r4(box.coverage)}, {"density", r4(box.density)},
                     {"mass", r4(box.mass)}});
  }
  nlohmann::json j = {{"threshold", r4(r.prim_threshold)}, {"output", "p_hold_730"}, {"boxes", boxes}};
  if (boxes.empty()) j["reason"] = r.prim.reason.empty() ? "PRIM found no box" : r.prim.reason;
  return j;
}

}  // namespace

nlohmann::json sensitivity_json(const SensitivityResult& r) {
  nlohmann::json j;
  j["design"] = {{"method", sensitivity::to_string(r.method)},
                 {"samples", r.samples},
                 {"replications", r.replications},
                 {"seed", r.seed},
                 {"k", r.inputs.size()},
                 {"points", r.points.rows},
                 {"variant", r.variant}};
  j["parameters"] = parameter_rows(r, 0);
  j["by_output"] = nlohmann::json::object();
  for (std::size_t o = 1; o < r.outputs.size() && o < sensitivity::kSensitivityOutputCount; ++o) {
    j["by_output"][sensitivity::kSensitivityOutputs[o]] = parameter_rows(r, o);
  }
  j["headline"] = {{"p_hold_730",
                    {{"median", r4(r.headline_median)},
                     {"p5", r4(r.headline_p5)},
                     {"p95", r4(r.headline_p95)},
                     {"sampling", {{"p", r4(r.central_p_hold_730)},
                                   {"low", r4(r.central_low)},
                                   {"high", r4(r.central_high)},
                                   {"replications", r.replications},
                                   {"note", "every input at its value in the scenario (the defaults), R replications"}}}}}};
  nlohmann::json bars = nlohmann::json::array();
  for (const auto& b : r.tornado) {
    bars.push_back({{"key", b.key}, {"low", b.low_value}, {"high", b.high_value}, {"output_low", r4(b.output_low)},
                    {"output_high", r4(b.output_high)}, {"swing", r4(std::fabs(b.output_high - b.output_low))}});
  }
  j["tornado"] = {{"output", "p_hold_730"}, {"centre", r4(r.tornado_centre)}, {"bars", bars}};
  j["prim"] = prim_json(r);
  j["mpi_ranks"] = r.mpi_ranks;  // processes the points were spread over; the results do not depend on it
  return j;
}

nlohmann::json sensitivity_json(const sensitivity::TestFunctionResult& t) {
  nlohmann::json j = sensitivity_json(t.result);
  j["design"]["test_function"] = t.name;
  j["design"]["function_parameters"] = t.parameters;
  j["analytic"] = {{"s1", t.analytic.s1}, {"st", t.analytic.st}};
  j.erase("by_output");
  j["headline"] = {{"y", {{"median", r4(t.result.headline_median)}, {"p5", r4(t.result.headline_p5)},
                          {"p95", r4(t.result.headline_p95)}}}};
  return j;
}

std::string sensitivity_text(const nlohmann::json& s) {
  std::string out = fmt::format("Sensitivity: {} design, {} points, {} replications each, k = {}\n",
                                s["design"]["method"].get<std::string>(), s["design"]["points"].get<std::size_t>(),
                                s["design"]["replications"].get<std::uint64_t>(), s["design"]["k"].get<std::size_t>());
  if (s["headline"].contains("p_hold_730")) {
    const auto& h = s["headline"]["p_hold_730"];
    out += fmt::format("P(hold 730) over the plausible ranges: median {:.3f}, 5th-95th percentile [{:.3f}, {:.3f}]\n"
                       "  sampling interval at the defaults: {:.3f} [{:.3f}, {:.3f}]\n",
                       h["median"].get<double>(), h["p5"].get<double>(), h["p95"].get<double>(),
                       h["sampling"]["p"].get<double>(), h["sampling"]["low"].get<double>(),
                       h["sampling"]["high"].get<double>());
  }
  out += "Largest swings (one at a time, low → high):\n";
  std::size_t shown = 0;
  for (const auto& b : s["tornado"]["bars"]) {
    if (shown++ == 10) break;
    out += fmt::format("  {:<58} {:.3f} → {:.3f}\n", b["key"].get<std::string>(), b["output_low"].get<double>(),
                       b["output_high"].get<double>());
  }
  if (!s["parameters"].empty() && !s["parameters"][0]["st"].is_null()) {
    out += "Sobol' total indices (first output), largest first:\n";
    std::vector<nlohmann::json> rows(s["parameters"].begin(), s["parameters"].end());
    std::stable_sort(rows.begin(), rows.end(), [](const nlohmann::json& a, const nlohmann::json& b) { return a["st"].get<double>() > b["st"].get<double>(); });
    for (std::size_t i = 0; i < rows.size() && i < 10; ++i) {
      out += fmt::format("  {:<58} ST {:.3f} [{:.3f}, {:.3f}]  S1 {:.3f}\n", rows[i]["key"].get<std::string>(),
                         rows[i]["st"].get<double>(), rows[i]["st_ci"][0].get<double>(), rows[i]["st_ci"][1].get<double>(),
                         rows[i]["s1"].get<double>());
    }
  }
  const auto& prim = s["prim"];
  if (prim["boxes"].empty()) {
    out += fmt::format("PRIM: no box ({})\n", prim.value("reason", ""));
  } else {
    const auto& box = prim["boxes"][0];
    out += fmt::format("PRIM (P(hold 730) < {:.3f}): coverage {:.2f}, density {:.2f} when\n", prim["threshold"].get<double>(),
                       box["coverage"].get<double>(), box["density"].get<double>());
    std::size_t minor = 0;
    for (const auto& range : box["ranges"]) {
      if (range["minor"].get<bool>()) {
        ++minor;
        continue;
      }
      out += fmt::format("  {} in [{:.4g}, {:.4g}] (of {:.4g} to {:.4g})\n", range["key"].get<std::string>(),
                         range["low"].get<double>(), range["high"].get<double>(), range["plausible"][0].get<double>(),
                         range["plausible"][1].get<double>());
    }
    if (minor) out += fmt::format("  and {} slight trims (each keeps 90% or more of its range; see sensitivity.json)\n", minor);
  }
  return out;
}

std::map<std::string, std::string> sensitivity_design_files(const SensitivityResult& r) {
  std::vector<std::string> names;
  for (std::size_t i = 0; i < r.inputs.size(); ++i) names.push_back(fmt::format("x{}", i + 1));
  std::vector<std::string> output_names;
  for (std::size_t o = 0; o < r.outputs.size(); ++o) {
    output_names.push_back(r.outputs.size() == 1 ? "y" : sensitivity::kSensitivityOutputs[o]);
  }
  auto block = [&](const sensitivity::Matrix& m, std::size_t first) {
    std::vector<std::vector<double>> outs;
    for (const auto& y : r.outputs) outs.emplace_back(y.begin() + static_cast<std::ptrdiff_t>(first),
                                                      y.begin() + static_cast<std::ptrdiff_t>(first + m.rows));
    return sensitivity::design_csv(m, names, outs, output_names);
  };
  std::map<std::string, std::string> files;
  std::string inputs = "column,key,low,high\n";
  for (std::size_t i = 0; i < r.inputs.size(); ++i) {
    inputs += fmt::format("x{},{},{},{}\n", i + 1, r.inputs[i].key, r.inputs[i].low, r.inputs[i].high);
  }
  files["inputs.csv"] = inputs;
  if (r.method == sensitivity::SensitivityMethod::sobol) {
    const std::size_t n = r.design.n;
    files["A.csv"] = block(r.design.a, 0);
    files["B.csv"] = block(r.design.b, n);
    for (std::size_t i = 0; i < r.design.ab.size(); ++i) files[fmt::format("AB_{}.csv", i + 1)] = block(r.design.ab[i], (2 + i) * n);
  } else {
    files["design.csv"] = block(r.points, 0);
  }
  return files;
}

}  // namespace guarantor::report
