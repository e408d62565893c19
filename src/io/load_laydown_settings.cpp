// The `laydown:` section (siting and coverage parameters).
#include "io/section_loaders.hpp"

namespace guarantor::io {

LaydownSettings load_laydown_settings(ReadContext& ctx, const YAML::Node& node) {
  LaydownSettings settings;
  if (!node.IsDefined() || node.IsNull()) return settings;
  MapReader map(ctx, node, "laydown");
  if (!map.valid()) return settings;
  settings.min_distance_to_line_km =
      map.number("min_distance_to_line_km", Need::optional, Range{0, 2000}).value_or(settings.min_distance_to_line_km);
  map.provenance();
  return settings;
}

}  // namespace guarantor::io
