#pragma once
// The `laydown:` section of a scenario: parameters of siting and coverage (the laydown stage).

namespace guarantor {

struct LaydownSettings {
  // Minimum distance of a land-force hub from the line of contact, km (assumption).
  double min_distance_to_line_km = 100.0;
};

}  // namespace guarantor
