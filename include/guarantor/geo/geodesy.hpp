#pragma once
// Geodesy on the WGS84 ellipsoid through GeographicLib (Karney's algorithms, accurate to
// nanometres). Every distance, bearing and buffer in the laydown stage goes through here.

#include <array>
#include <vector>

#include <GeographicLib/GeodesicLine.hpp>

#include "guarantor/scenario/scenario.hpp"

namespace guarantor::geo {

using Ring = std::vector<LatLon>;  // a closed polygon ring, first point not repeated

// Geodesic distance in km between two points.
double distance_km(const LatLon& a, const LatLon& b);
// Initial azimuth (degrees clockwise from north) of the geodesic from a to b.
double azimuth_deg(const LatLon& a, const LatLon& b);
// The point reached from `from` after `km` along the geodesic with initial azimuth `azimuth_deg`.
LatLon destination(const LatLon& from, double azimuth_deg, double km);

// Total geodesic length of a polyline, km.
double length_km(const std::vector<LatLon>& polyline);
// Points along a polyline no more than `step_km` apart (the vertices are kept), along geodesics.
std::vector<LatLon> densify(const std::vector<LatLon>& polyline, double step_km);
// The point `km` along the polyline from its start (clamped to its ends), with the local azimuth.
struct PointOnLine {
  LatLon point;
  double azimuth_deg = 0;
};
PointOnLine point_along(const std::vector<LatLon>& polyline, double km);

// Shortest geodesic distance from p to the polyline (to any point of any segment), km.
double distance_to_polyline_km(const LatLon& p, const std::vector<LatLon>& polyline);

// distance_to_polyline_km to one polyline from many points, the same numbers: what the polyline's
// segments need is measured once.
class PolylineDistance {
 public:
  explicit PolylineDistance(std::vector<LatLon> polyline);
  double km(const LatLon& p) const;

 private:
  static constexpr int kPieces = 8;  // of a segment, for the finer bound
  std::vector<LatLon> line_;
  std::vector<std::array<double, 3>> xyz_km_;           // Earth-centred coordinates of the vertices, km
  std::vector<GeographicLib::GeodesicLine> segments_;  // the geodesic of each segment
};

// A geodesic circle: `points` points at equal bearings, each `radius_km` from the centre.
Ring geodesic_circle(const LatLon& centre, double radius_km, int points = 72);
// The outline of a polyline's geodesic buffer of half-width `km` (offsets at right angles to the
// local azimuth on both sides, round ends). For display; coverage uses exact distances.
Ring polyline_buffer(const std::vector<LatLon>& polyline, double km, double step_km = 5.0);

// Radar horizon over a smooth Earth with 4/3 effective radius: d ≈ 4.12 (√h_antenna + √h_target),
// heights in metres, d in km (planning_factors.md §4, Federal Standard 1037C; MathWorks horizonrange).
double radar_horizon_km(double antenna_height_m, double target_height_m);

// Area of a polygon on the ellipsoid (geodesic edges), km², whatever the ring's orientation.
double area_km2(const Ring& ring);

// Even-odd point-in-polygon test in the lat/lon plane (adequate for rings with short edges).
bool inside(const Ring& ring, const LatLon& p);

// inside() for many points of one latitude: the longitudes where the ring's edges cross the
// parallel `lat`, as inside() computes them, ascending. inside(ring, {lat, lon}) is true exactly
// when an odd number of them are greater than lon (inside_of_crossings).
std::vector<double> crossings_at(const Ring& ring, double lat);
bool inside_of_crossings(const std::vector<double>& crossings, double lon);

}  // namespace guarantor::geo
