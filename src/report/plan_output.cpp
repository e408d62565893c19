// plan.json, plan.md and the summary: the only place the plan's typed results become text.
#include "guarantor/report/plan_output.hpp"

#include <fmt/format.h>

#include "guarantor/report/json.hpp"

namespace guarantor::report {

using nlohmann::json;
using plan::ComponentPlan;
using plan::ContingencyCase;
using plan::MonteCarloResult;
using plan::PlannedAssignment;
using plan::PlanResult;

namespace {

// The word a stage's solve is reported with: the solver's outcome, or "skipped".
std::string stage_status(const plan::ObjectiveTerm& term) {
  return term.skipped ? "skipped" : milp::to_string(term.status);
}

json objective_json(const PlanResult& r) {
  json j = json::object();
  j["order"] = json::array();
  j["stages"] = json::array();
  for (const auto& t : r.objective) {
    j["order"].push_back(t.name);
    j[t.name] = rounded(t.value, 3);
    j["stages"].push_back({{"term", t.name}, {"value", rounded(t.value, 3)}, {"status", stage_status(t)},
                           {"gap", rounded(t.gap, 6)}});
  }
  j["method"] = "lexicographic: each stage is solved with the optima of the earlier stages kept as constraints";
  return j;
}

json assignment_json(const PlannedAssignment& a) {
  return {{"nation", a.nation},
          {"component", a.component},
          {"unit_type", a.unit_type},
          {"units", rounded(a.units, 3)},
          {"troops", rounded(a.troops)},
          {"notional", a.notional},
          {"capability", a.capability},
          {"pledge", a.pledge},
          {"rotation_multiplier", rounded(a.rotation_multiplier, 4)},
          {"troops_committed", rounded(a.troops_committed)},
          {"conditional", a.conditional},
          {"quantity_assumed", a.quantity_assumed}};
}

json component_json(const ComponentPlan& c) {
  json lines = json::array();
  for (const auto& l : c.lines) {
    lines.push_back({{"capability", l.capability},
                     {"required_units", l.required_units},
                     {"filled_units", rounded(l.filled_units, 3)},
                     {"required_troops", rounded(l.required_troops)},
                     {"filled_troops", rounded(l.filled_troops)},
                     {"minimum_viable_troops", rounded(l.minimum_viable_troops)},
                     {"notional_troops", rounded(l.notional_troops)},
                     {"troops_per_unit", rounded(l.troops_per_unit)},
                     {"reference_unit_type", l.reference_unit_type},
                     {"derivation", l.derivation}});
  }
  return {{"component", c.id},
          {"name", c.name},
          {"enabled", c.enabled},
          {"planned", c.planned},
          {"effectiveness", c.effectiveness ? rounded(*c.effectiveness, 4) : json(nullptr)},
          {"ioc_day", c.ioc_day ? json(*c.ioc_day) : json(nullptr)},
          {"foc_day", c.foc_day ? json(*c.foc_day) : json(nullptr)},
          {"notional_troops", rounded(c.notional_troops)},
          {"required", rounded(c.required_troops)},
          {"filled", rounded(c.filled_troops)},
          {"unmet", rounded(c.unmet_troops)},
          {"viable", c.viable},
          {"reason", c.reason},
          {"framework_nation", c.framework_nation},
          {"nations", c.nations},
          {"conditional_troops", rounded(c.conditional_troops)},
          {"lines", lines}};
}

json requirement_json(const DerivedRequirement& r) {
  json j = {{"component", r.component},       {"capability", r.capability},
            {"driver", r.driver},             {"units_per", r.units_per},
            {"per", r.per},                   {"derivation", r.derivation},
            {"reference_unit_type", r.reference_unit_type},
            {"provenance", to_json(r.provenance)}};
  j["driver_value"] = r.driver_value ? json(*r.driver_value) : json(nullptr);
  j["units"] = r.units ? json(*r.units) : json(nullptr);
  j["troops"] = r.troops ? rounded(*r.troops) : json(nullptr);
  return j;
}

json optional_number(const std::optional<double>& v) { return v ? rounded(*v) : json(nullptr); }

json rotation_json(const PlanResult& r) {
  json nations = json::array();
  for (const auto& n : r.rotation) {
    nations.push_back({{"nation", n.nation},
                       {"troops_in_theatre", rounded(n.troops_in_theatre)},
                       {"troops_committed", rounded(n.troops_committed)},
                       {"land_troops_committed", rounded(n.land_troops_committed)},
                       {"land_cap_troops", optional_number(n.land_cap_troops)},
                       {"land_cap_basis", plan::to_string(n.land_cap_basis)},
                       {"total_cap_troops", optional_number(n.total_cap_troops)},
                       {"fair_share_troops", optional_number(n.fair_share_troops)}});
  }
  return {{"troops_in_theatre", rounded(r.troops_in_theatre())},
          {"troops_committed", rounded(r.troops_committed())},
          {"nations", nations}};
}

json contingency_json(const ContingencyCase& c) {
  json losses = json::object();
  for (const auto& [component, troops] : c.component_losses) losses[component] = rounded(troops);
  return {{"removed", c.removed},
          {"shortfall_troops", rounded(c.shortfall_troops)},
          {"extra_shortfall_troops", rounded(c.extra_shortfall_troops)},
          {"effectiveness_loss", rounded(c.effectiveness_loss, 4)},
          {"broken_components", c.broken_components},
          {"component_losses", losses},
          {"status", milp::to_string(c.status)}};
}

json monte_carlo_json(const MonteCarloResult& mc) {
  json components = json::array();
  for (const auto& d : mc.components) {
    components.push_back({{"component", d.component},
                          {"probability_unfilled", rounded(d.probability_unfilled, 4)},
                          {"mean_effectiveness", rounded(d.mean_effectiveness, 4)},
                          {"mean_unmet_troops", rounded(d.mean_unmet_troops, 1)},
                          {"p10", rounded(d.p10)},
                          {"p50", rounded(d.p50)},
                          {"p90", rounded(d.p90)}});
  }
  json robust = json::array();
  for (const auto& a : mc.robust_plan) robust.push_back(assignment_json(a));
  return {{"draws", mc.draws},
          {"seed", mc.seed},
          {"distinct_coalitions", mc.distinct_coalitions},
          {"mean_unmet_troops", rounded(mc.mean_unmet_troops, 1)},
          {"deterministic_plan_mean_unmet_troops", rounded(mc.deterministic_plan_mean_unmet, 1)},
          {"robust_plan_mean_unmet_troops", rounded(mc.robust_plan_mean_unmet, 1)},
          {"robust_plan_origin", mc.robust_plan_origin},
          {"robust_plan", robust},
          {"assumed_probability_pledges", mc.assumed_probability_pledges},
          {"components", components}};
}

}  // namespace

json plan_json(const Scenario& scenario, const PlanResult& r) {
  json j;
  j["guarantor_plan"] = 1;
  j["scenario"] = {{"name", scenario.info.name}, {"file", scenario.info.file}, {"variant", scenario.info.variant}};
  j["status"] = milp::to_string(r.status);
  j["mode"] = plan::to_string(r.mode);
  j["message"] = r.message;
  j["gap"] = rounded(r.gap, 6);
  j["objective"] = objective_json(r);
  j["assignments"] = json::array();
  for (const auto& a : r.assignments) j["assignments"].push_back(assignment_json(a));
  j["shortfalls"] = json::array();
  j["components"] = json::array();
  for (const auto& c : r.components) {
    j["components"].push_back(component_json(c));
    if (c.enabled && (!c.viable || c.unmet_troops > 0)) j["shortfalls"].push_back(component_json(c));
  }
  j["requirements"] = json::array();
  for (const auto& req : r.requirements) j["requirements"].push_back(requirement_json(req));
  j["binding"] = json::array();
  for (const auto& b : r.binding) {
    j["binding"].push_back({{"constraint", b.constraint},
                            {"explanation", b.explanation},
                            {"improvement_troops", rounded(b.improvement_troops)},
                            {"shadow_price", b.shadow_price ? rounded(*b.shadow_price, 4) : json(nullptr)}});
  }
  j["contingency"] = json::array();
  for (const auto& c : r.contingency) j["contingency"].push_back(contingency_json(c));
  if (r.conditional) {
    j["conditional_dependence"] = {{"troops_from_conditional", rounded(r.conditional->troops_from_conditional)},
                                   {"shortfall_without_conditional",
                                    rounded(r.conditional->shortfall_without_conditional)},
                                   {"broken_components", r.conditional->broken_components}};
  }
  j["rotation"] = rotation_json(r);
  j["unquantified_offers"] = json::array();
  for (const auto& u : r.unquantified) {
    j["unquantified_offers"].push_back({{"pledge", u.pledge},
                                        {"nation", u.nation},
                                        {"unit_type", u.unit_type},
                                        {"status", u.status},
                                        {"troops_reported", optional_number(u.troops_reported)}});
  }
  j["excluded_pledges"] = json::array();
  for (const auto& e : r.excluded_pledges) {
    j["excluded_pledges"].push_back({{"pledge", e.pledge}, {"nation", e.nation}, {"reason", e.reason}});
  }
  j["buildup"] = json::array();
  for (const auto& point : r.buildup) j["buildup"].push_back({{"day", point.day}, {"troops", rounded(point.troops)}});
  if (r.monte_carlo) j["monte_carlo"] = monte_carlo_json(*r.monte_carlo);
  j["notes"] = r.notes;
  return j;
}

namespace {

std::string troops(double value) { return fmt::format("{:.0f}", value); }

std::string nation_name(const Scenario& s, const std::string& code) {
  const Nation* n = s.find_nation(code);
  return n ? fmt::format("{} ({})", n->name, code) : code;
}

std::string pledge_flags(const PlannedAssignment& a) {
  std::vector<std::string> flags;
  if (a.notional) flags.push_back("notional (no nation has offered it)");
  if (a.conditional) flags.push_back("conditional");
  if (a.quantity_assumed) flags.push_back("quantity is an assumption");
  return fmt::format("{}", fmt::join(flags, ", "));
}

void requirements_section(std::string& md, const PlanResult& r) {
  md += "\n## Requirements (troop-to-task)\n\nEach requirement is derived from a planning factor of the scenario.\n\n";
  md += "| component | capability | derivation | units | troops/unit (reference type) | troops |\n|---|---|---|---|---|---|\n";
  for (const auto& c : r.components) {
    for (const auto& l : c.lines) {
      md += fmt::format("| {} | {} | {} | {} | {:g} ({}) | {} |\n", c.id, l.capability, fmt::join(l.derivation, "; "),
                        l.required_units, l.troops_per_unit, l.reference_unit_type.empty() ? "none" : l.reference_unit_type,
                        troops(l.required_troops));
    }
    if (!c.planned) md += fmt::format("| {} | — | {} | unknown | — | — |\n", c.id, c.reason);
  }
}

void package_section(std::string& md, const Scenario& s, const PlanResult& r) {
  md += "\n## Force package\n\n";
  if (r.assignments.empty()) {
    md += "No units are assigned.\n";
    return;
  }
  md += "Units are in theatre at any time; *committed* counts the rotation (units × troops × (deploy + dwell) / deploy).\n\n";
  md += "| nation | component | unit type | units | troops | rotation × | committed | pledge | flags |\n"
        "|---|---|---|---|---|---|---|---|---|\n";
  for (const auto& a : r.assignments) {
    md += fmt::format("| {} | {} | {} | {:.2f} | {} | {:.2f} | {} | {} | {} |\n",
                      a.notional ? std::string("notional") : nation_name(s, a.nation), a.component,
                      a.unit_type, a.units, troops(a.troops), a.rotation_multiplier, troops(a.troops_committed),
                      a.pledge, pledge_flags(a));
  }
  md += fmt::format("| **total** | | | | **{}** | | **{}** | | |\n", troops(r.troops_in_theatre()),
                    troops(r.troops_committed()));
}

void components_section(std::string& md, const PlanResult& r) {
  md += "\n## Components and shortfalls\n\nEffectiveness is the share of a component's required troops that "
        "counts: a requirement line counts its troops (up to the requirement) once it reaches its minimum viable size, "
        "else nothing; a component without its framework nation or enough nations counts nothing.\n\n";
  md += "| component | required troops | filled troops | unmet troops | effectiveness | framework nation | nations | what is missing |\n"
        "|---|---|---|---|---|---|---|---|\n";
  for (const auto& c : r.components) {
    const std::string effectiveness =
        !c.enabled ? "disabled" : !c.planned ? "not planned" : fmt::format("{:.0f}%", c.effectiveness.value_or(0) * 100);
    md += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} |\n", c.id, troops(c.required_troops),
                      troops(c.filled_troops), troops(c.unmet_troops), effectiveness,
                      c.framework_nation.empty() ? "—" : c.framework_nation, fmt::join(c.nations, ", "), c.reason);
  }
}

void flow_section(std::string& md, const PlanResult& r) {
  if (r.buildup.empty()) return;
  md += "\n## Force flow\n\nIOC: the component's minimum viable share of its troops is in theatre; FOC: all of them. "
        "Readiness from the unit types, throughput from each component's route.\n\n| component | IOC day | FOC day |\n|---|---|---|\n";
  auto day = [](const std::optional<int>& d) { return d ? fmt::format("{}", *d) : std::string("—"); };
  for (const auto& c : r.components) {
    if (c.foc_day || c.ioc_day) md += fmt::format("| {} | {} | {} |\n", c.id, day(c.ioc_day), day(c.foc_day));
  }
  md += fmt::format("\nThe whole force is in theatre on day {} ({} troops).\n", r.buildup.back().day,
                    troops(r.buildup.back().troops));
}

void rotation_section(std::string& md, const Scenario& s, const PlanResult& r) {
  md += "\n## Rotation and burden\n\n";
  md += "| nation | troops in theatre | committed incl. rotation | land committed | land cap | overall cap | fair share |\n"
        "|---|---|---|---|---|---|---|\n";
  auto cap = [](const std::optional<double>& v) { return v ? fmt::format("{:.0f}", *v) : std::string("none"); };
  for (const auto& n : r.rotation) {
    md += fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n", nation_name(s, n.nation), troops(n.troops_in_theatre),
                      troops(n.troops_committed), troops(n.land_troops_committed), cap(n.land_cap_troops),
                      cap(n.total_cap_troops), cap(n.fair_share_troops));
  }
  md += fmt::format("\nCaps: {:g}% of {}, counting rotation. Fair share: by {}.\n", s.plan.max_land_force_share * 100,
                    s.plan.cap_on_land_personnel
                        ? "land personnel where the source splits it out (land units), and of active personnel (all units)"
                        : "active personnel for every nation (one basis)",
                    s.plan.burden_by_gdp ? "GDP" : "active personnel");
}

void binding_section(std::string& md, const PlanResult& r) {
  md += "\n## What binds\n\n";
  if (r.binding.empty()) {
    md += r.has_plan() && r.objective.size() && r.objective.front().value <= 1e-6
              ? "Every planned requirement is met: no constraint limits the plan's first objective.\n"
              : "No single relaxation tested improves the plan.\n";
    return;
  }
  for (const auto& b : r.binding) {
    md += fmt::format("- {} (`{}`", b.explanation, b.constraint);
    if (b.shadow_price) md += fmt::format("; LP shadow price {:.3g} troops unmet per troop of cap", *b.shadow_price);
    md += ")\n";
  }
}

void contingency_section(std::string& md, const Scenario& s, const PlanResult& r) {
  md += "\n## Contingency: withdrawals\n\n";
  if (r.contingency.empty()) {
    md += "No contingency cases were run.\n";
  } else {
    md += "| without | unmet troops | extra unmet | effectiveness lost | broken components |\n|---|---|---|---|---|\n";
    for (const auto& c : r.contingency) {
      std::vector<std::string> names;
      for (const auto& code : c.removed) names.push_back(nation_name(s, code));
      md += fmt::format("| {} | {} | {} | {:.1f} pts | {} |\n", fmt::join(names, " + "), troops(c.shortfall_troops),
                        troops(c.extra_shortfall_troops), c.effectiveness_loss * 100,
                        c.broken_components.empty() ? "—" : fmt::format("{}", fmt::join(c.broken_components, ", ")));
    }
  }
  if (r.conditional) {
    md += fmt::format("\nConditional pledges supply {} troops of the plan. Without any of them the unmet requirement "
                      "would be {} troops{}.\n",
                      troops(r.conditional->troops_from_conditional), troops(r.conditional->shortfall_without_conditional),
                      r.conditional->broken_components.empty()
                          ? ""
                          : fmt::format(" and {} would break", fmt::join(r.conditional->broken_components, ", ")));
  }
}

void monte_carlo_section(std::string& md, const PlanResult& r) {
  if (!r.monte_carlo) return;
  const auto& mc = *r.monte_carlo;
  md += fmt::format("\n## Conditional pledges as chances (Monte Carlo)\n\n{} coalitions drawn (seed {}, {} distinct). "
                    "Re-optimised in each draw, the mean unmet requirement is {:.0f} troops. Held fixed, the "
                    "deterministic plan leaves {:.0f} troops unmet on average; the most robust candidate ({}) leaves "
                    "{:.0f}.\n\n",
                    mc.draws, mc.seed, mc.distinct_coalitions, mc.mean_unmet_troops, mc.deterministic_plan_mean_unmet,
                    mc.robust_plan_origin, mc.robust_plan_mean_unmet);
  md += "| component | P(fails: effectiveness 0) | mean effectiveness | mean unmet | p10 | p50 | p90 |\n"
        "|---|---|---|---|---|---|---|\n";
  for (const auto& d : mc.components) {
    md += fmt::format("| {} | {:.2f} | {:.0f}% | {:.0f} | {:.0f} | {:.0f} | {:.0f} |\n", d.component, d.probability_unfilled,
                      d.mean_effectiveness * 100, d.mean_unmet_troops, d.p10, d.p50, d.p90);
  }
  if (!mc.assumed_probability_pledges.empty()) {
    md += fmt::format("\nThese conditional pledges state no probability; the draws use the default of the `plan:` "
                      "settings (an assumption): {}.\n",
                      fmt::join(mc.assumed_probability_pledges, ", "));
  }
}

void excluded_section(std::string& md, const Scenario& s, const PlanResult& r) {
  if (r.excluded_pledges.empty()) return;
  md += "\n## Pledges whose conditions fail in this variant\n\nLeft out of the plan, whether their quantity is "
        "known or not.\n\n| pledge | nation | why |\n|---|---|---|\n";
  for (const auto& e : r.excluded_pledges) {
    md += fmt::format("| {} | {} | {} |\n", e.pledge, nation_name(s, e.nation), e.reason);
  }
}

void unquantified_section(std::string& md, const Scenario& s, const PlanResult& r) {
  if (r.unquantified.empty()) return;
  md += "\n## Offers the plan cannot count on\n\nThese pledges state no number of units, so the plan counts them as "
        "0 units (it never invents a number).\n\n| pledge | nation | unit type | status | troops reported |\n"
        "|---|---|---|---|---|\n";
  for (const auto& u : r.unquantified) {
    md += fmt::format("| {} | {} | {} | {} | {} |\n", u.pledge, nation_name(s, u.nation), u.unit_type, u.status,
                      u.troops_reported ? troops(*u.troops_reported) : std::string("—"));
  }
}

}  // namespace

std::string plan_markdown(const Scenario& s, const PlanResult& r) {
  std::string md = fmt::format("# Force plan: {}\n\n", s.info.title.empty() ? s.info.name : s.info.title);
  if (!s.info.variant.empty()) md += fmt::format("Variant: `{}`.\n\n", s.info.variant);
  md += fmt::format("Force: **{}**. Status: **{}**", plan::to_string(r.mode), r.status);
  if (r.status == milp::SolveStatus::feasible) {
    md += fmt::format(" (time limit reached; optimality gap {:.2g}%)", r.gap * 100);
  }
  if (!r.message.empty()) md += fmt::format(". {}", r.message);
  md += "\n\n## Objective (lexicographic, in this order)\n\n| term | value | solve |\n|---|---|---|\n";
  for (const auto& t : r.objective) md += fmt::format("| {} | {:.0f} | {} |\n", t.name, t.value, stage_status(t));
  requirements_section(md, r);
  package_section(md, s, r);
  components_section(md, r);
  flow_section(md, r);
  rotation_section(md, s, r);
  binding_section(md, r);
  contingency_section(md, s, r);
  monte_carlo_section(md, r);
  excluded_section(md, s, r);
  unquantified_section(md, s, r);
  if (!r.notes.empty()) {
    md += "\n## Notes and assumptions\n\n";
    for (const auto& n : r.notes) md += "- " + n + "\n";
  }
  return md;
}

std::string plan_summary_text(const Scenario& s, const PlanResult& r) {
  std::string text = fmt::format("plan {} ({} force): {}", s.info.name, plan::to_string(r.mode), r.status);
  if (r.status == milp::SolveStatus::feasible) text += fmt::format(" (gap {:.2g}%)", r.gap * 100);
  text += "\n";
  for (const auto& t : r.objective) text += fmt::format("  {:<26} {:>12.0f}  ({})\n", t.name, t.value, stage_status(t));
  text += fmt::format("  troops in theatre {:.0f}, committed incl. rotation {:.0f}\n", r.troops_in_theatre(),
                      r.troops_committed());
  if (r.notional_troops() > 0) text += fmt::format("  notional troops (no nation has offered them): {:.0f}\n", r.notional_troops());
  std::vector<std::string> effectiveness;
  for (const auto& c : r.components) {
    if (c.effectiveness) effectiveness.push_back(fmt::format("{} {:.0f}%", c.id, *c.effectiveness * 100));
  }
  text += fmt::format("  effectiveness: {}\n", fmt::join(effectiveness, ", "));
  if (!r.excluded_pledges.empty()) {
    std::vector<std::string> ids;
    for (const auto& e : r.excluded_pledges) ids.push_back(e.pledge);
    text += fmt::format("  pledges excluded by their conditions: {}\n", fmt::join(ids, ", "));
  }
  if (!r.binding.empty()) text += fmt::format("  binds most: {}\n", r.binding.front().explanation);
  if (!r.message.empty()) text += fmt::format("  {}\n", r.message);
  return text;
}

}  // namespace guarantor::report
