#pragma once

// Small helpers on the module-boundary geometry encoding: ISO WKB (2D, little endian) in a
// QByteArray, coordinates lon/lat in EPSG:4490 (CGCS2000) unless said otherwise.
// All functions are thread-safe.

#include <QByteArray>
#include <QPointF>
#include <QRectF>
#include <QString>

namespace gc::geo {

// Area on the CGCS2000 (GRS80) ellipsoid of a lon/lat Polygon or MultiPolygon: outer rings minus
// holes, whatever the ring orientation. Edges are the straight lon/lat lines a GIS draws (a
// parallel stays a parallel), so the areas of a partition's cells add up to their parent's. Not in
// degrees and not in a projection: the area element of the ellipsoid itself, integrated exactly.
// 0 for empty, unreadable or non-polygonal geometry, and for coordinates that are not lon/lat
// (see lonLatProblem).
double ellipsoidalAreaM2(const QByteArray& wkbLonLat);

// Why a county's geometry cannot be used as lon/lat polygons, or empty if it can: unreadable or
// empty, a coordinate that is not a finite number (NaN, infinity: a file edited by a broken
// tool), or one outside ±180°/±90°. Every reader of a county checks this before indexing,
// drawing or measuring, and skips such a grid with a warning instead of crashing on it.
QString lonLatProblem(const QByteArray& wkb);

// A point guaranteed to lie inside the geometry (a label anchor; the centroid of a crescent is
// not). A null QPointF for empty or unreadable geometry.
QPointF interiorPoint(const QByteArray& wkb);

// The bounding box, x = lon, y = lat (so top() is the southern edge). Null for empty geometry.
QRectF bounds(const QByteArray& wkb);

// For tests, logs and debugging; full precision, trailing zeros trimmed. Empty on unreadable WKB.
QString toWkt(const QByteArray& wkb);
// Empty QByteArray on a parse error, with the reason in *error.
QByteArray fromWkt(const QString& wkt, QString* error = nullptr);

} // namespace gc::geo
