// Thin wrappers over GeographicLib::Geodesic::WGS84(): the only place the laydown stage measures.
#include "guarantor/geo/geodesy.hpp"

#include <GeographicLib/Geocentric.hpp>
#include <GeographicLib/Geodesic.hpp>
#include <GeographicLib/GeodesicLine.hpp>
#include <GeographicLib/PolygonArea.hpp>

#include <algorithm>
#include <array>
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

// Earth-centred coordinates on the WGS84 ellipsoid, km.
std::array<double, 3> earth_centred_km(const LatLon& p) {
  std::array<double, 3> xyz{};
  GeographicLib::Geocentric::WGS84().Forward(p.lat, p.lon, 0.0, xyz[0], xyz[1], xyz[2]);
  for (double& v : xyz) v /= 1000.0;
  return xyz;
}

// Straight-line distance, km: never more than the geodesic distance between the same points.
double chord_km(const std::array<double, 3>& a, const std::array<double, 3>& b) {
  const double dx = a[0] - b[0], dy = a[1] - b[1], dz = a[2] - b[2];
  return std::sqrt(dx * dx + dy * dy + dz * dz);
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

// PolylineDistance::km returns the least of the segments' searches (distance_to_segment_km); a
// segment whose lower bound exceeds the best search so far cannot hold it, so only the segments
// near p are searched. For a point x at arc length s along a geodesic piece u-v of length l, the
// triangle inequality gives d(p, x) >= d(p, u) - s and d(p, x) >= d(p, v) - (l - s), hence
// d(p, x) >= (d(p, u) + d(p, v) - l) / 2, and still so with the chords (never longer than the
// geodesics) in place of d(p, u) and d(p, v). Every value a search returns is such a d(p, x). The
// slack (far above GeographicLib's nanometre accuracy) keeps the skip safe against rounding, so
// the result is the same number as searching every segment (a minimum does not depend on order).
PolylineDistance::PolylineDistance(std::vector<LatLon> polyline) : line_(std::move(polyline)) {
  for (const auto& p : line_) xyz_km_.push_back(earth_centred_km(p));
  for (std::size_t i = 1; i < line_.size(); ++i) {
    const LatLon& a = line_[i - 1];
    const LatLon& b = line_[i];
    segments_.push_back(wgs84().InverseLine(a.lat, a.lon, b.lat, b.lon));
  }
}

double PolylineDistance::km(const LatLon& p) const {
  if (line_.empty()) return std::numeric_limits<double>::infinity();
  if (line_.size() == 1) return distance_km(p, line_.front());
  constexpr double kSlackKm = 1e-3;
  const std::array<double, 3> at = earth_centred_km(p);
  std::vector<double> to_vertex(line_.size());
  for (std::size_t i = 0; i < line_.size(); ++i) to_vertex[i] = chord_km(at, xyz_km_[i]);
  struct Bound {
    double km;
    std::size_t segment;  // from vertex segment to vertex segment + 1
  };
  std::vector<Bound> bounds;
  bounds.reserve(segments_.size());
  for (std::size_t i = 0; i < segments_.size(); ++i) {
    bounds.push_back({(to_vertex[i] + to_vertex[i + 1] - segments_[i].Distance() / 1000.0) / 2, i});
  }
  std::sort(bounds.begin(), bounds.end(), [](const Bound& a, const Bound& b) { return a.km < b.km || (a.km == b.km && a.segment < b.segment); });
  double best = std::numeric_limits<double>::infinity();
  for (const Bound& b : bounds) {
    if (b.km - kSlackKm > best) break;  // sorted: no later segment can be nearer either
    if (best < std::numeric_limits<double>::infinity()) {
      // The finer bound before the search: the same inequality on kPieces pieces of equal arc length.
      const GeographicLib::GeodesicLine& geodesic = segments_[b.segment];
      const double piece_km = geodesic.Distance() / kPieces / 1000.0;
      double finer = std::numeric_limits<double>::infinity();
      double previous = to_vertex[b.segment];
      for (int k = 1; k <= kPieces; ++k) {
        double next = to_vertex[b.segment + 1];
        if (k < kPieces) {
          LatLon q;
          geodesic.Position(geodesic.Distance() * k / kPieces, q.lat, q.lon);
          next = chord_km(at, earth_centred_km(q));
        }
        finer = std::min(finer, (previous + next - piece_km) / 2);
        previous = next;
      }
      if (finer - kSlackKm > best) continue;
    }
    best = std::min(best, distance_to_segment_km(p, line_[b.segment], line_[b.segment + 1]));
  }
  return best;
}

double distance_to_polyline_km(const LatLon& p, const std::vector<LatLon>& polyline) { return PolylineDistance(polyline).km(p); }

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

std::vector<double> crossings_at(const Ring& ring, double lat) {
  std::vector<double> crossings;
  for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
    const LatLon& a = ring[i];
    const LatLon& b = ring[j];
    // The same expression as inside()'s, so the same number.
    if ((a.lat > lat) != (b.lat > lat)) crossings.push_back((b.lon - a.lon) * (lat - a.lat) / (b.lat - a.lat) + a.lon);
  }
  std::sort(crossings.begin(), crossings.end());
  return crossings;
}

bool inside_of_crossings(const std::vector<double>& crossings, double lon) {
  // inside() flips once for each edge with lon < its crossing.
  const auto above = crossings.end() - std::upper_bound(crossings.begin(), crossings.end(), lon);
  return (above % 2) == 1;
}

}  // namespace guarantor::geo
