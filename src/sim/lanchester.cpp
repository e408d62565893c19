// Lanchester integration (RK4) and the Bracken/Fricker log-linear fit.
#include "guarantor/sim/lanchester.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <map>
#include <optional>

namespace guarantor::sim {

namespace {

double power(double base, double exponent) {
  if (exponent == 0) return 1;
  if (exponent == 1) return base;
  return std::pow(base, exponent);
}

double rate_at(const std::vector<Reinforcement>& schedule, double day) {
  double rate = 0;
  for (const auto& r : schedule) {
    if (day >= r.start_day && day < r.end_day) rate += r.per_day;
  }
  return rate;
}

Forces derivative(const LanchesterLaw& law, Forces f, double blue_in, double red_in) {
  const double blue = std::max(0.0, f.blue);
  const double red = std::max(0.0, f.red);
  Forces d;
  d.blue = blue_in - (blue > 0 ? law.a * power(red, law.p) * power(blue, law.q) : 0);
  d.red = red_in - (red > 0 ? law.b * power(blue, law.p) * power(red, law.q) : 0);
  return d;
}

// One RK4 step with reinforcement rates held constant over the step.
Forces rk4_step(const LanchesterLaw& law, Forces f, double h, double blue_in, double red_in) {
  const Forces k1 = derivative(law, f, blue_in, red_in);
  const Forces k2 = derivative(law, {f.blue + h / 2 * k1.blue, f.red + h / 2 * k1.red}, blue_in, red_in);
  const Forces k3 = derivative(law, {f.blue + h / 2 * k2.blue, f.red + h / 2 * k2.red}, blue_in, red_in);
  const Forces k4 = derivative(law, {f.blue + h * k3.blue, f.red + h * k3.red}, blue_in, red_in);
  Forces next{f.blue + h / 6 * (k1.blue + 2 * k2.blue + 2 * k3.blue + k4.blue),
              f.red + h / 6 * (k1.red + 2 * k2.red + 2 * k3.red + k4.red)};
  next.blue = std::max(0.0, next.blue);
  next.red = std::max(0.0, next.red);
  return next;
}

}  // namespace

std::vector<Forces> integrate_lanchester(const LanchesterSetup& setup, int days) {
  std::vector<Forces> daily;
  daily.reserve(static_cast<std::size_t>(std::max(0, days)) + 1);
  Forces f = setup.initial;
  daily.push_back(f);
  const int steps = std::max(1, setup.steps_per_day);
  const double h = 1.0 / steps;
  for (int day = 0; day < days; ++day) {
    for (int s = 0; s < steps; ++s) {
      const double mid = day + (s + 0.5) * h;
      f = rk4_step(setup.law, f, h, rate_at(setup.blue_reinforcements, mid), rate_at(setup.red_reinforcements, mid));
    }
    daily.push_back(f);
  }
  return daily;
}

namespace {

// The square law without reinforcements in closed form: with w = sqrt(ab),
// B(t) = B0 cosh(wt) - R0 sqrt(a/b) sinh(wt) and R(t) = R0 cosh(wt) - B0 sqrt(b/a) sinh(wt) until
// one side is annihilated; b B^2 - a R^2 is conserved, so the survivor keeps sqrt of it.
Forces square_law_after(const LanchesterLaw& law, Forces f, double days) {
  const double w = std::sqrt(law.a * law.b);
  const double blue_scale = std::sqrt(law.a / law.b);  // Red counted in Blue's units
  const double invariant = law.b * f.blue * f.blue - law.a * f.red * f.red;
  // Blue is annihilated when tanh(wt) = B0 / (R0 sqrt(a/b)) < 1; Red symmetrically.
  const double blue_ratio = f.blue / (f.red * blue_scale);
  const double red_ratio = f.red / (f.blue / blue_scale);
  if (invariant < 0 && std::atanh(blue_ratio) <= w * days) return {0, std::sqrt(-invariant / law.a)};
  if (invariant > 0 && std::atanh(red_ratio) <= w * days) return {std::sqrt(invariant / law.b), 0};
  const double c = std::cosh(w * days);
  const double s = std::sinh(w * days);
  return {std::max(0.0, f.blue * c - f.red * blue_scale * s), std::max(0.0, f.red * c - f.blue / blue_scale * s)};
}

}  // namespace

Forces lanchester_after(const LanchesterLaw& law, Forces initial, double days, double step_days) {
  Forces f = initial;
  if (!(days > 0) || !(step_days > 0)) return f;
  if (law.p == 1 && law.q == 0 && law.a > 0 && law.b > 0 && f.blue > 0 && f.red > 0) return square_law_after(law, f, days);
  const int steps = static_cast<int>(std::ceil(days / step_days));
  const double h = days / steps;
  for (int s = 0; s < steps && f.blue > 0 && f.red > 0; ++s) f = rk4_step(law, f, h, 0, 0);
  return f;
}

namespace {

// Solves the k×k system A x = y by Gaussian elimination with partial pivoting.
template <std::size_t K>
std::optional<std::array<double, K>> solve(std::array<std::array<double, K>, K> a, std::array<double, K> y) {
  for (std::size_t col = 0; col < K; ++col) {
    std::size_t pivot = col;
    for (std::size_t r = col + 1; r < K; ++r) {
      if (std::fabs(a[r][col]) > std::fabs(a[pivot][col])) pivot = r;
    }
    if (std::fabs(a[pivot][col]) < 1e-12) return std::nullopt;
    std::swap(a[col], a[pivot]);
    std::swap(y[col], y[pivot]);
    for (std::size_t r = col + 1; r < K; ++r) {
      const double factor = a[r][col] / a[col][col];
      for (std::size_t c = col; c < K; ++c) a[r][c] -= factor * a[col][c];
      y[r] -= factor * y[col];
    }
  }
  std::array<double, K> x{};
  for (std::size_t i = K; i-- > 0;) {
    double sum = y[i];
    for (std::size_t c = i + 1; c < K; ++c) sum -= a[i][c] * x[c];
    x[i] = sum / a[i][i];
  }
  return x;
}

// Ordinary least squares y = X beta via the normal equations X'X beta = X'y; returns beta and R².
template <std::size_t K>
std::optional<std::pair<std::array<double, K>, double>> least_squares(const std::vector<std::array<double, K>>& rows,
                                                                      const std::vector<double>& y) {
  std::array<std::array<double, K>, K> xtx{};
  std::array<double, K> xty{};
  for (std::size_t i = 0; i < rows.size(); ++i) {
    for (std::size_t r = 0; r < K; ++r) {
      xty[r] += rows[i][r] * y[i];
      for (std::size_t c = 0; c < K; ++c) xtx[r][c] += rows[i][r] * rows[i][c];
    }
  }
  auto beta = solve<K>(xtx, xty);
  if (!beta) return std::nullopt;
  double mean = 0;
  for (double v : y) mean += v;
  mean /= static_cast<double>(y.size());
  double residual = 0;
  double total = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    double fitted = 0;
    for (std::size_t r = 0; r < K; ++r) fitted += rows[i][r] * (*beta)[r];
    residual += (y[i] - fitted) * (y[i] - fitted);
    total += (y[i] - mean) * (y[i] - mean);
  }
  const double r2 = total > 0 ? 1 - residual / total : 1.0;
  return std::make_pair(*beta, r2);
}

struct SideRows {
  std::vector<std::array<double, 3>> rows;  // 1, ln enemy, ln own
  std::vector<double> y;                    // ln losses
};

SideRows side_rows(const std::vector<AttritionObservation>& series, bool blue_side) {
  SideRows side;
  for (const auto& o : series) {
    const double own = blue_side ? o.blue : o.red;
    const double enemy = blue_side ? o.red : o.blue;
    const double losses = blue_side ? o.blue_losses : o.red_losses;
    if (own <= 0 || enemy <= 0 || losses <= 0) continue;
    side.rows.push_back({1.0, std::log(enemy), std::log(own)});
    side.y.push_back(std::log(losses));
  }
  return side;
}

Expected<SideFit> fit_side(const SideRows& side, const char* name) {
  if (side.rows.size() < 4) {
    return Status::invalid_input(fmt::format(
        "{} losses: {} usable rows (losses and strengths above zero); at least 4 are needed", name, side.rows.size()));
  }
  auto fit = least_squares<3>(side.rows, side.y);
  if (!fit) {
    return Status::invalid_input(
        fmt::format("{} losses: the strengths do not vary independently enough to separate p and q", name));
  }
  SideFit result;
  result.coefficient = std::exp(fit->first[0]);
  result.exponent_enemy = fit->first[1];
  result.exponent_own = fit->first[2];
  result.r_squared = fit->second;
  result.observations = static_cast<int>(side.rows.size());
  return result;
}

}  // namespace

Expected<AttritionFit> fit_attrition(const std::vector<AttritionObservation>& series) {
  const SideRows blue = side_rows(series, true);
  const SideRows red = side_rows(series, false);
  auto blue_fit = fit_side(blue, "blue");
  if (!blue_fit) return blue_fit.status();
  auto red_fit = fit_side(red, "red");
  if (!red_fit) return red_fit.status();
  // Pooled: ln L = [blue] ln a + [red] ln b + p ln enemy + q ln own.
  std::vector<std::array<double, 4>> rows;
  std::vector<double> y;
  for (std::size_t i = 0; i < blue.rows.size(); ++i) {
    rows.push_back({1.0, 0.0, blue.rows[i][1], blue.rows[i][2]});
    y.push_back(blue.y[i]);
  }
  for (std::size_t i = 0; i < red.rows.size(); ++i) {
    rows.push_back({0.0, 1.0, red.rows[i][1], red.rows[i][2]});
    y.push_back(red.y[i]);
  }
  auto pooled = least_squares<4>(rows, y);
  if (!pooled) {
    return Status::invalid_input("pooled fit: the strengths do not vary independently enough to separate p and q");
  }
  AttritionFit fit;
  fit.blue_losses = *blue_fit;
  fit.red_losses = *red_fit;
  fit.a = std::exp(pooled->first[0]);
  fit.b = std::exp(pooled->first[1]);
  fit.p = pooled->first[2];
  fit.q = pooled->first[3];
  fit.r_squared = pooled->second;
  fit.observations = static_cast<int>(rows.size());
  return fit;
}

namespace {

std::vector<std::string_view> split_fields(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = line.find(',', start);
    std::string_view field = line.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    while (!field.empty() && (field.front() == ' ' || field.front() == '\t')) field.remove_prefix(1);
    while (!field.empty() && (field.back() == ' ' || field.back() == '\t' || field.back() == '\r')) field.remove_suffix(1);
    fields.push_back(field);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return fields;
}

std::optional<double> parse_double(std::string_view text) {
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

}  // namespace

std::vector<AttritionObservation> parse_attrition_csv(std::string_view text, const std::string& file_name,
                                                      Diagnostics& diagnostics) {
  static constexpr std::array<const char*, 5> kColumns{"day", "blue", "red", "blue_losses", "red_losses"};
  std::vector<AttritionObservation> series;
  std::map<std::string, int> column;
  int line_number = 0;
  std::size_t start = 0;
  bool header_seen = false;
  while (start <= text.size()) {
    const std::size_t end = text.find('\n', start);
    std::string_view line = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    start = end == std::string_view::npos ? text.size() + 1 : end + 1;
    ++line_number;
    if (line.empty() || line == "\r" || line.front() == '#') continue;
    const auto fields = split_fields(line);
    if (!header_seen) {
      header_seen = true;
      for (std::size_t i = 0; i < fields.size(); ++i) column[std::string(fields[i])] = static_cast<int>(i);
      for (const char* name : kColumns) {
        if (!column.count(name)) {
          diagnostics.error({file_name, line_number, 1}, name,
                            "missing column (the header needs day, blue, red, blue_losses, red_losses)");
        }
      }
      if (diagnostics.has_errors()) return {};
      continue;
    }
    std::array<double, 5> values{};
    bool ok = true;
    for (std::size_t c = 0; c < kColumns.size(); ++c) {
      const auto index = static_cast<std::size_t>(column[kColumns[c]]);
      std::optional<double> value = index < fields.size() ? parse_double(fields[index]) : std::nullopt;
      if (!value || *value < 0) {
        diagnostics.error({file_name, line_number, static_cast<int>(index) + 1}, kColumns[c],
                          fmt::format("expected a number at least 0, found '{}'",
                                      index < fields.size() ? std::string(fields[index]) : std::string()));
        ok = false;
        continue;
      }
      values[c] = *value;
    }
    if (ok) series.push_back({values[0], values[1], values[2], values[3], values[4]});
  }
  if (!header_seen) diagnostics.error({file_name, 1, 1}, "header", "the file is empty");
  return series;
}

}  // namespace guarantor::sim
