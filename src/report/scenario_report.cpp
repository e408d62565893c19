#include "guarantor/report/scenario_report.hpp"

#include <fmt/format.h>

#include "guarantor/report/json.hpp"

namespace guarantor::report {
namespace {

nlohmann::json optional_number(const std::optional<double>& value) {
  return value ? rounded(*value) : nlohmann::json(nullptr);
}

std::string troops_text(const std::optional<double>& troops) {
  return troops ? fmt::format("{:.0f}", *troops) : "unknown";
}

std::string memberships(const Nation& n) {
  std::string text = n.nato ? "NATO" : "";
  if (n.eu) text += text.empty() ? "EU" : ", EU";
  return text.empty() ? "none" : text;
}

std::string first_source(const Provenance& p) {
  if (p.sources.empty()) return p.assumption ? "assumption" : "-";
  const Source& s = p.sources.front();
  std::string text = s.outlet.empty() ? s.file : s.outlet;
  if (!s.date.empty()) text += ", " + s.date;
  if (p.sources.size() > 1) text += fmt::format(" (+{} more)", p.sources.size() - 1);
  return text;
}

nlohmann::json pledge_json(const Scenario& scenario, const PledgeLine& line) {
  const Pledge& p = *line.pledge;
  nlohmann::json conditions = nlohmann::json::array();
  for (auto c : p.conditions) conditions.push_back(to_string(c));
  nlohmann::json alternatives = nlohmann::json::array();
  for (const auto& a : p.alternatives) {
    alternatives.push_back({{"quantity", to_json(a.quantity)}, {"note", a.note}});
  }
  const UnitType* unit = scenario.find_unit_type(p.unit_type);
  return {{"id", p.id},
          {"unit_type", p.unit_type},
          {"capability", unit ? unit->capability : ""},
          {"quantity", p.quantity.known() ? nlohmann::json(*p.quantity.value) : nlohmann::json("unknown")},
          {"troops", optional_number(line.troops)},
          {"troops_basis", line.troops_basis},
          {"status", to_string(p.status)},
          {"conditions", conditions},
          {"probability", p.probability.known() ? to_json(p.probability) : nlohmann::json(nullptr)},
          {"counted_under", line.component},
          {"alternatives", alternatives},
          {"description", p.description},
          {"provenance", to_json(p.provenance)}};
}

}  // namespace

nlohmann::json summary_json(const Scenario& scenario, const ScenarioSummary& summary) {
  nlohmann::json nations = nlohmann::json::array();
  for (const auto& ns : summary.nations) {
    nlohmann::json pledges = nlohmann::json::array();
    for (const auto& line : ns.pledges) pledges.push_back(pledge_json(scenario, line));
    nlohmann::json member = nlohmann::json::array();
    if (ns.nation->nato) member.push_back("NATO");
    if (ns.nation->eu) member.push_back("EU");
    nations.push_back({{"code", ns.nation->code},
                       {"name", ns.nation->name},
                       {"memberships", member},
                       {"nuclear_armed", ns.nation->nuclear_armed},
                       {"status", ns.pledges.empty() ? "none" : to_string(ns.status)},
                       {"active_personnel", to_json(ns.nation->active_personnel)},
                       {"land_personnel", to_json(ns.nation->land_personnel)},
                       {"pledges", pledges}});
  }
  nlohmann::json components = nlohmann::json::array();
  for (const auto& cs : summary.components) {
    nlohmann::json requirements = nlohmann::json::array();
    for (const auto& r : cs.requirements) {
      requirements.push_back({{"capability", r.capability},
                              {"driver", r.driver},
                              {"driver_value", optional_number(r.driver_value)},
                              {"units", r.units ? nlohmann::json(*r.units) : nlohmann::json(nullptr)},
                              {"reference_unit_type", r.reference_unit_type},
                              {"troops", optional_number(r.troops)},
                              {"derivation", r.derivation},
                              {"provenance", to_json(r.provenance)}});
    }
    const Component& c = *cs.component;
    components.push_back({{"id", c.id},
                          {"name", c.name},
                          {"kind", to_string(c.kind)},
                          {"location", to_string(c.location)},
                          {"requirements", requirements},
                          {"required_troops", optional_number(cs.required_troops)},
                          {"committed_troops", rounded(cs.committed_troops)},
                          {"conditional_troops", rounded(cs.conditional_troops)},
                          {"pledges_without_number", cs.pledges_without_number},
                          {"gap_committed", optional_number(cs.gap_committed)},
                          {"gap_with_conditional", optional_number(cs.gap_with_conditional)}});
  }
  return {{"scenario", {{"name", scenario.info.name},
                        {"title", scenario.info.title},
                        {"as_of", scenario.info.as_of},
                        {"file", scenario.info.file},
                        {"variant", scenario.info.variant}}},
          {"totals", {{"committed_troops", rounded(summary.committed_troops)},
                      {"conditional_troops", rounded(summary.conditional_troops)}}},
          {"nations", nations},
          {"components", components}};
}

std::string summary_text(const Scenario& scenario, const ScenarioSummary& summary) {
  std::string out;
  auto line = [&out](const std::string& text) { out += text + "\n"; };
  line(fmt::format("{}{}", scenario.info.title.empty() ? scenario.info.name : scenario.info.title,
                   scenario.info.variant.empty() ? "" : fmt::format("  [variant: {}]", scenario.info.variant)));
  if (!scenario.info.as_of.empty()) line(fmt::format("Sources up to {}", scenario.info.as_of));
  line("");
  line("NATIONS BY PLEDGE STATUS");
  std::string current;
  for (const auto& ns : summary.nations) {
    const std::string status = ns.pledges.empty() ? "no pledge recorded" : to_string(ns.status);
    if (status != current) {
      line(fmt::format("  {}:", status));
      current = status;
    }
    line(fmt::format("    {} {} ({})", ns.nation->code, ns.nation->name, memberships(*ns.nation)));
    for (const auto& p : ns.pledges) {
      std::string conditions;
      for (auto c : p.pledge->conditions) conditions += (conditions.empty() ? "" : ", ") + std::string(to_string(c));
      line(fmt::format("      - {}: {} × {} = {} troops [{}]{}", p.pledge->id,
                       p.pledge->quantity.known() ? fmt::format("{:g}", *p.pledge->quantity.value) : "unknown",
                       p.pledge->unit_type, troops_text(p.troops), to_string(p.pledge->status),
                       conditions.empty() ? "" : " if " + conditions));
      line(fmt::format("        source: {}", first_source(p.pledge->provenance)));
      for (const auto& a : p.pledge->alternatives) {
        line(fmt::format("        other report: {} units ({}; {})",
                         a.quantity.known() ? fmt::format("{:g}", *a.quantity.value) : "unknown", a.note,
                         first_source(a.quantity.provenance)));
      }
    }
  }
  line("");
  line("COMPONENTS: REQUIRED (FROM PLANNING FACTORS) VS PLEDGED TROOPS");
  line(fmt::format("  {:<26} {:>10} {:>10} {:>12} {:>11} {:>14}", "component", "required", "committed", "conditional",
                   "gap (firm)", "gap (all)"));
  for (const auto& cs : summary.components) {
    line(fmt::format("  {:<26} {:>10} {:>10.0f} {:>12.0f} {:>11} {:>14}", cs.component->id,
                     troops_text(cs.required_troops), cs.committed_troops, cs.conditional_troops,
                     troops_text(cs.gap_committed), troops_text(cs.gap_with_conditional)));
    for (const auto& r : cs.requirements) {
      line(fmt::format("      {}: {} → {} troops ({})", r.capability, r.derivation, troops_text(r.troops),
                       r.reference_unit_type.empty() ? "no unit type" : r.reference_unit_type));
    }
    if (cs.pledges_without_number > 0) {
      line(fmt::format("      + {} pledge(s) with no stated number", cs.pledges_without_number));
    }
  }
  line("");
  line(fmt::format("Total troops pledged: {:.0f} committed, {:.0f} conditional.", summary.committed_troops,
                   summary.conditional_troops));
  line("Gaps are required minus pledged troops (positive = shortfall); `guarantor plan` optimises the assignment.");
  return out;
}

}  // namespace guarantor::report
