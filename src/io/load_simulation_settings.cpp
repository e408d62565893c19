// The `simulation:` section (campaign Monte Carlo parameters).
#include "io/section_loaders.hpp"

namespace guarantor::io {

SimulationSettings load_simulation_settings(ReadContext& ctx, const YAML::Node& node) {
  SimulationSettings settings;
  if (!node.IsDefined() || node.IsNull()) return settings;
  MapReader map(ctx, node, "simulation");
  if (!map.valid()) return settings;
  settings.days = map.integer("days", Need::optional, Range{1, 36500}).value_or(settings.days);
  map.provenance();
  return settings;
}

}  // namespace guarantor::io
