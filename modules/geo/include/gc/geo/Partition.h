#pragma once

// Deterministic irregular partitioning, used to generate plausible demo administrative
// hierarchies (county -> streets -> communities -> grids) whose children tile their parent.
// Geometry is ISO WKB (2D, little endian), lon/lat EPSG:4490. All functions are thread-safe, so
// sibling polygons may be partitioned in parallel.

#include <gc/geo/Geometry.h>

#include <QByteArray>
#include <QString>
#include <QVector>

namespace gc::geo {

// A county-like outline: a star-shaped polygon of 200-400 vertices around the centre whose
// radius varies smoothly (a few random low-frequency harmonics), valid, with a geodesic area
// within 0.5 % of areaKm2. The same seed always gives the same bytes. Empty if areaKm2 <= 0.
QByteArray makeCountyOutline(double centerLon, double centerLat, double areaKm2, quint32 seed);

// Splits a valid Polygon or MultiPolygon into exactly n non-empty, valid polygons or
// multipolygons that tile it (no gaps, no overlaps, up to floating-point noise): Voronoi cells
// of n well-spread random sites, clipped to the input. Cells are ordered north to south in rows,
// west to east within a row, so serial numbers read like a map. The same input and seed always
// give the same bytes; n == 1 returns the input unchanged. On bad input (n < 1, unreadable,
// non-polygonal, empty or invalid geometry) returns an empty vector with the reason in *error.
QVector<QByteArray> partitionPolygon(const QByteArray& polygonWkb, int n, quint32 seed,
                                     QString* error = nullptr);

} // namespace gc::geo
