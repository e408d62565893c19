// Thin wrappers over GeographicLib::Geodesic::WGS84(): the only place the laydown stage measures.
#include "guarantor/geo/geodesy.hpp"

#include <GeographicLib/Geodesic.hpp>
#include <GeographicLib/GeodesicLine.hpp>
#include <GeographicLib/PolygonArea.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace guarantor::geo {
namespace {

const GeographicLib::Geodesic& wgs84() { return GeographicLib::Geodesic::WGS84(); }

// Distance from p to the geodesic segment a-b: golden-section search along the segment. The
// distance to a point moving along a short geodesic is unimodal, so the search converges.
double distance_to_segment_km(const LatLon& p, const LatLon& a, const LatLon& b) {
  const GeographicLib::GeodesicLine line = wgs84().InverseLine(a.lat, a.lon, b.lat, b.lon);
  const double length_m = line.Distance();
  auto at = [&](double s_m) {
    double lat = 0, lon = 0;
    line.Position(s_m, lat, lon);
    return distance_km(p, LatLon{lat, lon});
  };
  double lo = 0, hi = length_m;
  const double ratio = (std::sqrt(5.0) - 1) / 2;
  double x1 = hi - ratio * (hi - lo), x2 = lo + ratio * (hi - lo);
  double f1 = at(x1), f2 = at(x2);
  while (hi - lo > 1.0) {  // metre precision
    if (f1 < f2) {
      hi = x2, x2 = x1, f2 = f1;
      x1 = hi - ratio * (hi - lo), f1 = at(x1);
    } else {
      lo = x1, x1 = x2, f1 = f2;
      x2 = lo + ratio * (hi - lo), f2 = at(x2);
    }
  }
  return std::min({f1, f2, at(0), at(length_m)});
}

}  // namespace

double distance_km(const LatLon& a, const LatLon& b) {
  double s12 = 0;
  wgs84().Inverse(a.lat, a.lon, b.lat, b.lon, s12);
  return s12 / 1000.0;
}

double azimuth_deg(const LatLon& a, const LatLon& b) {
  double azi1 = 0, azi2 = 0;
  wgs84().Inverse(a.lat, a.lon, b.lat, b.lon, azi1, azi2);
  return azi1;
}

LatLon destination(const LatLon& from, double azimuth, double km) {
  LatLon to;
  wgs84().Direct(from.lat, from.lon, azimuth, km * 1000.0, to.lat, to.lon);
  return to;
}

double length_km(const std::vector<LatLon>& polyline) {
  double total = 0;
  for (std::size_t i = 1; i < polyline.size(); ++i) total += distance_km(polyline[i - 1], polyline[i]);
  return total;
}

std::vector<LatLon> densify(const std::vector<LatLon>& polyline, double step_km) {
  std::vector<LatLon> out;
  if (polyline.empty()) return out;
  out.push_back(polyline.front());
  for (std::size_t i = 1; i < polyline.size(); ++i) {
    const LatLon& a = polyline[i - 1];
    const LatLon& b = polyline[i];
    const GeographicLib::GeodesicLine line = wgs84().InverseLine(a.lat, a.lon, b.lat, b.lon);
    const double length_m = line.Distance();
    const int pieces = std::max(1, static_cast<int>(std::ceil(length_m / (step_km * 1000.0))));
    for (int k = 1; k < pieces; ++k) {
      LatLon q;
      line.Position(length_m * k / pieces, q.lat, q.lon);
      out.push_back(q);
    }
    out.push_back(b);
  }
  return out;
}

PointOnLine point_along(const std::vector<LatLon>& polyline, double km) {
  if (polyline.size() < 2) return {polyline.empty() ? LatLon{} : polyline.front(), 0};
  double remaining_m = std::max(0.0, km) * 1000.0;
  for (std::size_t i = 1; i < polyline.size(); ++i) {
    const LatLon& a = polyline[i - 1];
    const LatLon& b = polyline[i];
    const GeographicLib::GeodesicLine line = wgs84().InverseLine(a.lat, a.lon, b.lat, b.lon);
    const bool last = i + 1 == polyline.size();
    if (remaining_m <= line.Distance() || last) {
      PointOnLine result;
      double azi2 = 0;
      line.Position(std::min(remaining_m, line.Distance()), result.point.lat, result.point.lon, azi2);
      result.azimuth_deg = azi2;
      return result;
    }
    remaining_m -= line.Distance();
  }
  return {polyline.back(), 0};
}

double distance_to_polyline_km(const LatLon& p, const std::vector<LatLon>& polyline) {
  if (polyline.empty()) return std::numeric_limits<double>::infinity();
  if (polyline.size() == 1) return distance_km(p, polyline.front());
  double best = std::numeric_limits<double>::infinity();
  for (std::size_t i = 1; i < polyline.size(); ++i) {
    best = std::min(best, distance_to_segment_km(p, polyline[i - 1], polyline[i]));
  }
  return best;
}

Ring geodesic_circle(const LatLon& centre, double radius_km, int points) {
  Ring ring;
  ring.reserve(points);
  for (int k = 0; k < points; ++k) ring.push_back(destination(centre, 360.0 * k / points, radius_km));
  return ring;
}

Ring polyline_buffer(const std::vector<LatLon>& polyline, double km, double step_km) {
  const std::vector<LatLon> dense = densify(polyline, step_km);
  if (dense.size() < 2) return dense.empty() ? Ring{} : geodesic_circle(dense.front(), km);
  std::vector<double> azimuths(dense.size());
  for (std::size_t i = 0; i < dense.size(); ++i) {
    const LatLon& a = dense[i == 0 ? 0 : i - 1];
    const LatLon& b = dense[i == 0 ? 1 : i];
    azimuths[i] = azimuth_deg(a, b);
  }
  Ring left, right;
  for (std::size_t i = 0; i < dense.size(); ++i) {
    right.push_back(destination(dense[i], azimuths[i] + 90, km));
    left.push_back(destination(dense[i], azimuths[i] - 90, km));
  }
  Ring ring = right;
  for (int k = 1; k < 12; ++k) ring.push_back(destination(dense.back(), azimuths.back() + 90 - 15.0 * k, km));
  ring.insert(ring.end(), left.rbegin(), left.rend());
  for (int k = 1; k < 12; ++k) ring.push_back(destination(dense.front(), azimuths.front() - 90 - 15.0 * k, km));
  return ring;
}

double radar_horizon_km(double antenna_height_m, double target_height_m) {
  return 4.12 * (std::sqrt(std::max(0.0, antenna_height_m)) + std::sqrt(std::max(0.0, target_height_m)));
}

double area_km2(const Ring& ring) {
  GeographicLib::PolygonArea polygon(wgs84());
  for (const auto& p : ring) polygon.AddPoint(p.lat, p.lon);
  double perimeter = 0, area = 0;
  polygon.Compute(false, true, perimeter, area);
  return std::abs(area) / 1e6;
}

bool inside(const Ring& ring, const LatLon& p) {
  bool in = false;
  for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
    const LatLon& a = ring[i];
    const LatLon& b = ring[j];
    if ((a.lat > p.lat) != (b.lat > p.lat) &&
        p.lon < (b.lon - a.lon) * (p.lat - a.lat) / (b.lat - a.lat) + a.lon) {
      in = !in;
    }
  }
  return in;
}

}  // namespace guarantor::geo
