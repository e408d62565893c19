// The `plan:` section (force-generation parameters).
#include "io/section_loaders.hpp"

namespace guarantor::io {

PlanSettings load_plan_settings(ReadContext& ctx, const YAML::Node& node) {
  PlanSettings settings;
  if (!node.IsDefined() || node.IsNull()) return settings;
  MapReader map(ctx, node, "plan");
  if (!map.valid()) return settings;
  settings.max_land_force_share =
      map.number("max_land_force_share", Need::optional, kProbability).value_or(settings.max_land_force_share);
  if (const auto basis = map.choice("burden_basis", {"gdp", "personnel"})) settings.burden_by_gdp = *basis == 0;
  settings.time_limit_seconds =
      map.number("time_limit_seconds", Need::optional, Range{0.01, 3600}).value_or(settings.time_limit_seconds);
  settings.framework_min_share =
      map.number("framework_min_share", Need::optional, kProbability).value_or(settings.framework_min_share);
  settings.default_probability =
      map.number("default_probability", Need::optional, kProbability).value_or(settings.default_probability);
  settings.draws = map.integer("draws", Need::optional, Range{0, 100000}).value_or(settings.draws);
  if (auto seed = map.number("seed", Need::optional, Range{0, 9007199254740992.0})) {
    settings.seed = static_cast<std::uint64_t>(*seed);
  }
  settings.contingency_top_contributors =
      map.integer("contingency_top_contributors", Need::optional, Range{0, 20})
          .value_or(settings.contingency_top_contributors);
  map.provenance();
  return settings;
}

}  // namespace guarantor::io
