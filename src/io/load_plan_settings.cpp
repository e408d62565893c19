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
  if (auto basis = map.string("burden_basis")) {
    if (*basis == "gdp") settings.burden_by_gdp = true;
    else if (*basis == "personnel") settings.burden_by_gdp = false;
    else ctx.error(map.node("burden_basis"), "plan.burden_basis", "must be 'gdp' or 'personnel'");
  }
  settings.time_limit_seconds =
      map.number("time_limit_seconds", Need::optional, Range{0.01, 3600}).value_or(settings.time_limit_seconds);
  map.provenance();
  return settings;
}

}  // namespace guarantor::io
