#include "guarantor/pipeline/sensitivity.hpp"

#include <fmt/format.h>
#include <fnmatch.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cmath>
#include <numbers>
#include <map>
#include <thread>

#include "guarantor/core/numeric.hpp"
#include "guarantor/pipeline/pipeline.hpp"
#include "guarantor/scenario/parameters.hpp"

namespace guarantor::pipeline {

namespace {

bool matches_any(const std::vector<std::string>& globs, const std::string& key, std::vector<bool>& used) {
  bool wanted = globs.empty();
  for (std::size_t g = 0; g < globs.size(); ++g) {
    if (fnmatch(globs[g].c_str(), key.c_str(), 0) == 0) {
      wanted = true;
      used[g] = true;
    }
  }
  return wanted;
}

sensitivity::InputMember member_of(const params::Parameter& p, const SensitivitySettings& settings) {
  sensitivity::InputMember m{p.key, 0, 1, !p.plausible};
  if (const auto narrowed = settings.ranges.find(p.key); narrowed != settings.ranges.end()) {
    std::tie(m.low, m.high) = narrowed->second;
  } else if (p.plausible) {
    m.low = p.plausible->low;
    m.high = p.plausible->high;
  }
  return m;
}

}  // namespace

namespace {

// The probability that the pledge behind an assignment materialises: 1 when the nation has a
// committed pledge of that unit type (or a committed national package), else its conditional
// pledge's probability (materialising_probability), as the planner counts it.
double assignment_probability(const Scenario& scenario, const Assignment& a) {
  double probability = 0;
  bool found = false;
  for (const auto& p : scenario.pledges) {
    if (p.nation != a.nation || p.status == PledgeStatus::declined) continue;
    if (p.unit_type != a.unit_type && !p.package) continue;
    found = true;
    probability = std::max(probability, materialising_probability(p, scenario.plan));
    if (probability >= 1.0) return 1.0;
  }
  return found ? probability : 1.0;
}

// One input per contributor with conditional pledges in the planned force.
std::vector<SensitivityInput> pledge_inputs(const Scenario& scenario, const ForcePackage& force) {
  std::map<std::string, sensitivity::PledgeDraw> by_nation;
  for (std::size_t i = 0; i < force.assignments.size(); ++i) {
    const Assignment& a = force.assignments[i];
    if (a.notional || a.troops <= 0) continue;
    const double probability = assignment_probability(scenario, a);
    if (probability >= 1.0) continue;
    auto& draw = by_nation[a.nation];
    draw.nation = a.nation;
    draw.assignments.emplace_back(i, probability);
  }
  std::vector<SensitivityInput> inputs;
  for (auto& [code, draw] : by_nation) {
    inputs.push_back({fmt::format("pledges.{}.materialises", code), {}, 0, 1, std::move(draw)});
  }
  return inputs;
}

}  // namespace

Expected<std::vector<SensitivityInput>> sensitivity_inputs(const Scenario& scenario, const ForcePackage& force,
                                                           const std::vector<std::string>& globs) {
  const SensitivitySettings& settings = scenario.sensitivity;
  std::map<std::string, std::string> group_of;
  for (const auto& [name, keys] : settings.groups) {
    for (const auto& key : keys) group_of[key] = name;
  }
  std::vector<SensitivityInput> inputs;
  std::map<std::string, std::size_t> group_index;
  std::vector<bool> glob_used(globs.size(), false);
  for (const auto& p : params::registry()) {
    if (p.stage != params::Stage::simulation || p.label != params::Label::assumption || !p.has_plausible()) continue;
    if (settings.fixed.count(p.key) || !matches_any(globs, p.key, glob_used)) continue;
    const sensitivity::InputMember member = member_of(p, settings);
    const auto group = group_of.find(p.key);
    if (group == group_of.end()) {
      inputs.push_back({p.key, {member}, member.low, member.high, std::nullopt});
      continue;
    }
    auto [at, added] = group_index.emplace(group->second, inputs.size());
    if (added) inputs.push_back({group->second, {}, 0, 1, std::nullopt});
    inputs[at->second].members.push_back(member);
  }
  for (auto& input : pledge_inputs(scenario, force)) {
    if (matches_any(globs, input.key, glob_used)) inputs.push_back(std::move(input));
  }
  for (std::size_t g = 0; g < globs.size(); ++g) {
    if (!glob_used[g]) {
      return Status::invalid_input(fmt::format("--parameters: '{}' matches no simulation assumption with a plausible "
                                               "range (see guarantor params) and no pledges.<NATION>.materialises",
                                               globs[g]));
    }
  }
  if (inputs.empty()) return Status::invalid_input("no uncertain inputs to vary");
  return inputs;
}

namespace {

// The registry entry of every member of every input, looked up once for all points.
std::vector<std::vector<const params::Parameter*>> member_parameters(const std::vector<SensitivityInput>& inputs) {
  std::vector<std::vector<const params::Parameter*>> found(inputs.size());
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    for (const auto& m : inputs[i].members) found[i].push_back(params::find(m.key));
  }
  return found;
}

// Applies the point u in [0,1]^k to a scenario's settings (`parameters` from member_parameters).
void apply_point(const std::vector<SensitivityInput>& inputs,
                 const std::vector<std::vector<const params::Parameter*>>& parameters, const double* u,
                 Scenario& scenario) {
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    for (std::size_t j = 0; j < inputs[i].members.size(); ++j) {
      const auto& m = inputs[i].members[j];
      const params::Parameter* p = parameters[i][j];
      if (m.list) (void)params::set_from_unit(*p, scenario, m.low + u[i] * (m.high - m.low));
      else (void)params::set_from_unit(*p, scenario, u[i], params::Interval{m.low, m.high});
    }
  }
}

using Outputs = std::array<double, kSensitivityOutputCount>;

// The engine at one point: R replications of the variant with the fixed force, seed shared by
// every point (common random numbers), on the calling thread.
// The air shield's coverage is the base force's laydown (the pledge draws do not re-site it).
Outputs evaluate(const Scenario& scenario, const ForcePackage& force, double air_shield_coverage, std::uint64_t seed,
                 std::uint64_t replications) {
  Diagnostics ignored;  // the base compiled without errors; a point only moves numbers within range
  sim::Model model = sim::compile_model(scenario, force, kBase, ignored, sim::ParameterRows::omit);
  model.air_shield_coverage = air_shield_coverage;
  sim::RunOptions run;
  run.seed = seed;
  run.first = 0;
  run.end = replications;
  run.threads = 1;
  std::vector<sim::Model> models;
  models.push_back(std::move(model));  // moved, not copied: the model is built anew at every point
  const sim::RunResult result = sim::run_replications(models, run);
  const sim::VariantAccumulator& v = result.accumulators.variants.front();
  const int horizon = scenario.simulation.days;
  return {sim::holding_probability(v, std::min(730, horizon)), sim::holding_probability(v, std::min(365, horizon)),
          sim::mean_fatalities(v), sim::mean_nations_withdrawn(v)};
}

// The planned force with the assignments of pledges that did not materialise at this point removed
// (no re-solve: what the rest of the coalition would do instead is not modelled).
ForcePackage force_at(const ForcePackage& force, const std::vector<SensitivityInput>& inputs, const double* u) {
  std::vector<bool> dropped(force.assignments.size(), false);
  bool any = false;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (!inputs[i].pledges) continue;
    for (const auto& [index, probability] : inputs[i].pledges->assignments) {
      if (u[i] >= probability) dropped[index] = any = true;
    }
  }
  if (!any) return force;
  ForcePackage kept = force;
  kept.assignments.clear();
  for (std::size_t i = 0; i < force.assignments.size(); ++i) {
    if (!dropped[i]) kept.assignments.push_back(force.assignments[i]);
  }
  return kept;
}

// Evaluates rows [first, first + count) of `points` over `threads` threads, counting them in
// `done`; each point's result depends only on the point, so the order of work (and which process
// does it) does not change a bit.
std::vector<Outputs> evaluate_rows(const Scenario& base, const ForcePackage& force, double coverage,
                                   const std::vector<SensitivityInput>& inputs, const sensitivity::Matrix& points,
                                   std::uint64_t replications, std::uint64_t seed, std::size_t first, std::size_t count,
                                   unsigned threads, std::atomic<std::size_t>& done) {
  std::vector<Outputs> results(count);
  std::atomic<std::size_t> next{0};
  const auto parameters = member_parameters(inputs);
  auto worker = [&] {
    Scenario scenario = base;
    for (std::size_t i = next++; i < count; i = next++) {
      scenario.simulation = base.simulation;
      const double* u = &points.values[(first + i) * points.cols];
      apply_point(inputs, parameters, u, scenario);
      results[i] = evaluate(scenario, force_at(force, inputs, u), coverage, seed, replications);
      ++done;
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < std::min<std::size_t>(threads, count); ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  return results;
}

std::vector<std::vector<double>> by_output(const std::vector<double>& flat, std::size_t rows) {
  std::vector<std::vector<double>> out(kSensitivityOutputCount, std::vector<double>(rows));
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t o = 0; o < kSensitivityOutputCount; ++o) out[o][r] = flat[r * kSensitivityOutputCount + o];
  }
  return out;
}

// Evaluates every row of `points`: here over `spec.threads` threads, or spread by
// spec.distribution (then empty where the process does not collect).
Expected<std::vector<std::vector<double>>> evaluate_all(const Scenario& base, const ForcePackage& force, double coverage,
                                                        const std::vector<SensitivityInput>& inputs,
                                                        const sensitivity::Matrix& points, const SensitivitySpec& spec,
                                                        std::uint64_t seed) {
  const unsigned threads = spec.threads ? spec.threads : std::max(1u, std::thread::hardware_concurrency());
  std::atomic<std::size_t> done{0};
  auto flatten = [](const std::vector<Outputs>& results) {
    std::vector<double> flat;
    flat.reserve(results.size() * kSensitivityOutputCount);
    for (const auto& row : results) flat.insert(flat.end(), row.begin(), row.end());
    return flat;
  };
  if (spec.distribution.run) {
    const PointEvaluator evaluate_share = [&](std::size_t first, std::size_t count) {
      return flatten(evaluate_rows(base, force, coverage, inputs, points, spec.replications, seed, first, count, threads, done));
    };
    auto flat = spec.distribution.run(points.rows, kSensitivityOutputCount, evaluate_share);
    if (!flat) return flat.status();
    if (!spec.distribution.collects) return std::vector<std::vector<double>>{};
    if (flat->size() != points.rows * kSensitivityOutputCount) {
      return Status::internal("the distributed evaluation returned the wrong number of values");
    }
    return by_output(*flat, points.rows);
  }
  std::vector<Outputs> results;
  if (spec.progress) {
    std::atomic<bool> finished{false};
    std::thread progress([&] {
      while (!finished) {
        spec.progress(done, points.rows);
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
    });
    results = evaluate_rows(base, force, coverage, inputs, points, spec.replications, seed, 0, points.rows, threads, done);
    finished = true;
    progress.join();
    spec.progress(points.rows, points.rows);
  } else {
    results = evaluate_rows(base, force, coverage, inputs, points, spec.replications, seed, 0, points.rows, threads, done);
  }
  return by_output(flatten(results), points.rows);
}

// Rows [first, first + count) of `all` as their own matrix.
sensitivity::Matrix rows_of(const sensitivity::Matrix& all, std::size_t first, std::size_t count) {
  sensitivity::Matrix m;
  m.rows = count;
  m.cols = all.cols;
  m.values.assign(all.values.begin() + static_cast<std::ptrdiff_t>(first * all.cols),
                  all.values.begin() + static_cast<std::ptrdiff_t>((first + count) * all.cols));
  return m;
}

void append_rows(sensitivity::Matrix& to, const sensitivity::Matrix& from) {
  to.cols = from.cols;
  to.rows += from.rows;
  to.values.insert(to.values.end(), from.values.begin(), from.values.end());
}

std::vector<double> slice(const std::vector<double>& v, std::size_t first, std::size_t count) {
  return {v.begin() + static_cast<std::ptrdiff_t>(first), v.begin() + static_cast<std::ptrdiff_t>(first + count)};
}

// Sobol' points: A, B, then AB(i) for each input; indices per output from the blocks.
void sobol_analysis(SensitivityResult& r, const SensitivitySpec& spec, const std::vector<std::vector<double>>& outputs,
                    std::uint64_t seed) {
  const std::size_t n = r.design.n, k = r.design.k;
  for (const auto& y : outputs) {
    std::vector<std::vector<double>> y_ab;
    for (std::size_t i = 0; i < k; ++i) y_ab.push_back(slice(y, (2 + i) * n, n));
    r.sobol.push_back(sensitivity::sobol_indices(slice(y, 0, n), slice(y, n, n), y_ab, spec.bootstrap, seed));
  }
}

void tornado(SensitivityResult& r, const std::vector<double>& p_hold, std::size_t first) {
  r.tornado_centre = p_hold[first];
  for (std::size_t i = 0; i < r.inputs.size(); ++i) {
    r.tornado.push_back({r.inputs[i].key, r.inputs[i].low, r.inputs[i].high, p_hold[first + 1 + 2 * i],
                         p_hold[first + 2 + 2 * i]});
  }
  std::stable_sort(r.tornado.begin(), r.tornado.end(), [](const TornadoBar& a, const TornadoBar& b) {
    return std::fabs(a.output_high - a.output_low) > std::fabs(b.output_high - b.output_low);
  });
}

// Wilson score interval of a proportion p over n trials.
std::pair<double, double> wilson(double p, double n) {
  if (n <= 0) return {0, 1};
  const double z = 1.959963984540054, z2 = z * z;
  const double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const double half = z * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
  return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

// The headline spread over the independent samples of the input distribution (`headline_rows`:
// Sobol' A and B, every Morris or OAT point); PRIM over every design point (`prim_rows`: for
// Sobol' also the AB rows, each a uniform sample too), since a few dozen points in k ≈ 50
// dimensions would let PRIM carve a box around noise.
void headline_and_prim(SensitivityResult& r, const SensitivitySpec& spec, std::size_t headline_rows,
                       std::size_t prim_rows) {
  std::vector<double> sorted = slice(r.outputs[0], 0, headline_rows);
  std::sort(sorted.begin(), sorted.end());
  r.headline_median = nearest_rank(sorted, 0.5);
  r.headline_p5 = nearest_rank(sorted, 0.05);
  r.headline_p95 = nearest_rank(sorted, 0.95);
  std::vector<double> all = slice(r.outputs[0], 0, prim_rows);
  std::vector<double> all_sorted = all;
  std::sort(all_sorted.begin(), all_sorted.end());
  r.prim_threshold = spec.prim_threshold.value_or(nearest_rank(all_sorted, 0.25));
  std::vector<bool> fails(prim_rows);
  for (std::size_t i = 0; i < prim_rows; ++i) fails[i] = all[i] < r.prim_threshold;
  if (spec.method == SensitivityMethod::oat) {
    r.prim.reason = "PRIM needs a space-filling design: run --method sobol or morris";
    return;
  }
  r.prim = sensitivity::prim(rows_of(r.points, 0, prim_rows), fails);
}

// Where the parts of the evaluated points are: the method's design first, then the one-at-a-time
// points of the tornado.
struct DesignLayout {
  std::size_t headline_rows = 0;  // independent samples for the headline spread
  std::size_t oat_first = 0;      // first one-at-a-time row
  sensitivity::MorrisDesign morris;
};

DesignLayout build_design(SensitivityResult& r, const SensitivitySpec& spec, std::size_t k) {
  DesignLayout layout;
  if (spec.method == SensitivityMethod::sobol) {
    r.design = sensitivity::saltelli_design(spec.samples, k, r.seed);
    append_rows(r.points, sensitivity::stacked_points(r.design));
    layout.headline_rows = 2 * spec.samples;  // A and B are independent samples of the inputs
  } else if (spec.method == SensitivityMethod::morris) {
    layout.morris = sensitivity::morris_design(k, spec.samples, 4, r.seed);
    append_rows(r.points, layout.morris.points);
    layout.headline_rows = layout.morris.points.rows;
  }
  layout.oat_first = r.points.rows;
  append_rows(r.points, sensitivity::oat_design(k));
  if (spec.method == SensitivityMethod::oat) layout.headline_rows = r.points.rows;
  return layout;
}

// The estimates from the evaluated outputs.
void analyse(SensitivityResult& r, const SensitivitySpec& spec, const DesignLayout& layout) {
  if (spec.method == SensitivityMethod::sobol) sobol_analysis(r, spec, r.outputs, r.seed);
  if (spec.method == SensitivityMethod::morris) {
    for (const auto& y : r.outputs) {
      r.morris.push_back(sensitivity::morris_effects(layout.morris, slice(y, 0, layout.headline_rows)));
    }
  }
  tornado(r, r.outputs[0], layout.oat_first);
  headline_and_prim(r, spec, layout.headline_rows, layout.oat_first == 0 ? r.points.rows : layout.oat_first);
}

}  // namespace

Expected<SensitivityResult> run_sensitivity(const Scenario& base_in, const SensitivitySpec& spec,
                                            Diagnostics& diagnostics) {
  std::optional<Scenario> variant;
  if (!is_base(spec.variant)) {
    variant = load_variant(base_in.info.file, spec.variant, diagnostics);
    if (!variant) return Status::invalid_input(fmt::format("variant '{}' cannot be loaded", spec.variant));
  }
  const Scenario& scenario = variant ? *variant : base_in;
  auto force = force_for(scenario, ForceMode::planned);  // solved once, kept at every point
  if (!force) return force.status();
  auto inputs = sensitivity_inputs(scenario, *force, spec.parameter_globs);
  if (!inputs) return inputs.status();
  {
    Diagnostics compile;
    (void)sim::compile_model(scenario, *force, kBase, compile);
    diagnostics.append(compile);
    if (compile.has_errors()) return Status::invalid_input("the simulation model has errors");
  }
  SensitivityResult r;
  r.method = spec.method;
  r.samples = spec.samples;
  r.replications = spec.replications;
  r.seed = spec.seed.value_or(scenario.simulation.seed);
  r.variant = is_base(spec.variant) ? kBase : spec.variant;
  r.inputs = std::move(*inputs);
  const std::size_t k = r.inputs.size();

  const DesignLayout layout = build_design(r, spec, k);
  const double coverage = spec.world ? air_shield_coverage_of(scenario, *force, *spec.world) : 0.0;
  if (!std::isfinite(coverage)) return Status::invalid_input("the laydown of the air shield failed");
  auto outputs = evaluate_all(scenario, *force, coverage, r.inputs, r.points, spec, r.seed);
  if (!outputs) return outputs.status();
  r.mpi_ranks = spec.distribution.processes;
  if (!spec.distribution.collects) return r;  // a helper rank: its share is with the collector
  r.outputs = std::move(*outputs);
  analyse(r, spec, layout);
  // The sampling interval at the defaults: the scenario as it is, R replications.
  r.central_p_hold_730 = evaluate(scenario, *force, coverage, r.seed, spec.replications)[0];
  std::tie(r.central_low, r.central_high) = wilson(r.central_p_hold_730, static_cast<double>(spec.replications));
  return r;
}

namespace {

Expected<std::vector<double>> parse_numbers(const std::string& text) {
  std::vector<double> values;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    const std::string item = text.substr(start, comma - start);
    double value = 0;
    const auto [end, error] = std::from_chars(item.data(), item.data() + item.size(), value);
    if (item.empty() || error != std::errc() || end != item.data() + item.size() || !std::isfinite(value)) {
      return Status::invalid_input(fmt::format("--test-function: '{}' is not a number", item));
    }
    values.push_back(value);
    start = comma + 1;
  }
  return values;
}

}  // namespace

Expected<TestFunctionResult> run_test_function(const std::string& spec_text, const SensitivitySpec& spec) {
  TestFunctionResult t;
  const std::size_t colon = spec_text.find(':');
  t.name = spec_text.substr(0, colon);
  if (colon != std::string::npos) {
    auto numbers = parse_numbers(spec_text.substr(colon + 1));
    if (!numbers) return numbers.status();
    t.parameters = *numbers;
  }
  std::function<double(const double*)> f;
  std::size_t k = 0;
  if (t.name == "ishigami") {
    if (t.parameters.empty()) t.parameters = {7, 0.1};
    if (t.parameters.size() != 2) return Status::invalid_input("--test-function ishigami takes a,b (two numbers)");
    k = 3;
    const double a = t.parameters[0], b = t.parameters[1];
    f = [a, b](const double* u) { return sensitivity::ishigami(u, a, b); };
    t.analytic = sensitivity::ishigami_indices(a, b);
  } else if (t.name == "g-function") {
    if (t.parameters.empty()) t.parameters = {0, 1, 4.5, 9, 99, 99, 99, 99};
    for (double a : t.parameters) {
      if (a < 0) return Status::invalid_input("--test-function g-function: every a_i must be >= 0");
    }
    k = t.parameters.size();
    const std::vector<double> a = t.parameters;
    f = [a](const double* u) { return sensitivity::g_function(u, a); };
    t.analytic = sensitivity::g_function_indices(a);
  } else {
    return Status::invalid_input(
        fmt::format("--test-function: unknown function '{}'; use ishigami[:a,b] or g-function[:a1,...,ad]", t.name));
  }
  SensitivityResult& r = t.result;
  r.method = spec.method;
  r.samples = spec.samples;
  r.replications = 0;
  r.seed = spec.seed.value_or(20260227);
  r.variant = t.name;
  for (std::size_t i = 0; i < k; ++i) r.inputs.push_back({fmt::format("x{}", i + 1), {}, 0, 1, std::nullopt});
  const DesignLayout layout = build_design(r, spec, k);
  r.outputs.assign(1, std::vector<double>(r.points.rows));
  for (std::size_t row = 0; row < r.points.rows; ++row) r.outputs[0][row] = f(&r.points.values[row * k]);
  analyse(r, spec, layout);
  return t;
}

}  // namespace guarantor::pipeline
