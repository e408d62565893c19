// Feeds arbitrary bytes to the scenario loader: it must report diagnostics, never crash or hang.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "guarantor/io/scenario_io.hpp"
#include "guarantor/scenario/summary.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto result = guarantor::io::load_scenario_text(text, "fuzz.yaml");
  if (result.ok()) {
    (void)guarantor::summarise(*result.scenario);  // a loaded scenario must be safe to use
    for (const auto& variant : result.scenario->variants) {
      (void)guarantor::io::load_scenario_text(text, "fuzz.yaml", guarantor::io::LoadOptions{variant.name});
    }
  }
  return 0;
}
