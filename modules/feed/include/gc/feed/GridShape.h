#pragma once

#include <QByteArray>
#include <QPainterPath>
#include <QPointF>

namespace gc::feed {

// A grid polygon (lon/lat) for point-in-grid tests and for walking inside it: rings of an
// ISO WKB Polygon/MultiPolygon in one odd-even path, so holes are outside.
QPainterPath gridPathFromWkb(const QByteArray& wkb);

// Metres between two lon/lat points (equirectangular; exact enough below a few km).
double distanceMetres(const QPointF& a, const QPointF& b);
// Moves a lon/lat point `metres` along `headingDeg` (0 = north, clockwise).
QPointF offsetByMetres(const QPointF& lonLat, double metres, double headingDeg);

} // namespace gc::feed
