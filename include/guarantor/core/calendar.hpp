#pragma once
// Calendar dates as the scenario writes them (YYYY-MM-DD) and day numbers the model counts in.

#include <chrono>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <string>
#include <optional>
#include <string_view>

namespace guarantor {

// Days since 1970-01-01 of an ISO date "YYYY-MM-DD"; nullopt unless the text is exactly such a
// date and the date exists (2027-02-30 does not).
inline std::optional<std::int64_t> day_number(std::string_view iso_date) {
  if (iso_date.size() != 10 || iso_date[4] != '-' || iso_date[7] != '-') return std::nullopt;
  auto field = [&](std::size_t at, std::size_t length) -> std::optional<int> {
    int value = 0;
    const char* first = iso_date.data() + at;
    const auto [end, error] = std::from_chars(first, first + length, value);
    if (error != std::errc{} || end != first + length) return std::nullopt;
    return value;
  };
  const auto year = field(0, 4), month = field(5, 2), day = field(8, 2);
  if (!year || !month || !day) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year{*year}, std::chrono::month{static_cast<unsigned>(*month)},
                                         std::chrono::day{static_cast<unsigned>(*day)}};
  if (!date.ok()) return std::nullopt;
  return std::chrono::sys_days{date}.time_since_epoch().count();
}

// The ISO date "YYYY-MM-DD" of a day number (days since 1970-01-01); the inverse of day_number.
inline std::string iso_date(std::int64_t days) {
  const std::chrono::year_month_day date{std::chrono::sys_days{std::chrono::days{days}}};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()));
  return text;
}

}  // namespace guarantor
