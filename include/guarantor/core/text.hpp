#pragma once
// Small text helpers shared by the outputs (HTML report, SVG map).

#include <string>

namespace guarantor {

// Escapes &, <, > and " so text can sit in HTML or XML content and attribute values.
std::string escape_markup(const std::string& text);

}  // namespace guarantor
