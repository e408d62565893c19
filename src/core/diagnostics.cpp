#include "guarantor/core/diagnostics.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace guarantor {

void Diagnostics::error(SourceLocation where, std::string key, std::string message) {
  items_.push_back({Severity::error, std::move(where), std::move(key), std::move(message)});
  ++error_count_;
}

void Diagnostics::warning(SourceLocation where, std::string key, std::string message) {
  items_.push_back({Severity::warning, std::move(where), std::move(key), std::move(message)});
}

void Diagnostics::append(const Diagnostics& other) {
  for (const auto& d : other.items_) {
    items_.push_back(d);
    if (d.severity == Severity::error) ++error_count_;
  }
}

std::string format_diagnostic(const Diagnostic& d) {
  std::string place = d.where.file.empty() ? "<input>" : d.where.file;
  if (d.where.line > 0) place += fmt::format(":{}:{}", d.where.line, std::max(d.where.column, 1));
  const char* level = d.severity == Severity::error ? "error" : "warning";
  if (d.key.empty()) return fmt::format("{}: {}: {}", place, level, d.message);
  return fmt::format("{}: {}: {}: {}", place, level, d.key, d.message);
}

namespace {
std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      const std::size_t substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      row[j] = std::min({above + 1, row[j - 1] + 1, substitution});
      diagonal = above;
    }
  }
  return row[b.size()];
}
}  // namespace

std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
  for (const auto& candidate : candidates) {
    const std::size_t d = edit_distance(word, candidate);
    if (d < best_distance) {
      best_distance = d;
      best = candidate;
    }
  }
  return best;
}

}  // namespace guarantor
