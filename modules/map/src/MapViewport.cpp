#include "gc/map/MapViewport.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace gc::map {

namespace {
constexpr double kEarthRadius = 6378137.0;
}

MapViewport::MapViewport(QPointF center, double resolution, QSize size) : m_center(center), m_size(size) {
    setResolution(resolution);
}

MapViewport MapViewport::fit(const QRectF& bounds, QSize size, int marginPx) {
    const double w = std::max(1, size.width() - 2 * marginPx);
    const double h = std::max(1, size.height() - 2 * marginPx);
    const double res = std::max(bounds.width() / w, bounds.height() / h);
    return MapViewport(bounds.center(), res > 0 ? res : 1.0, size);
}

void MapViewport::setResolution(double resolution) {
    m_resolution = std::clamp(resolution, kMinResolution, kMaxResolution);
}

double MapViewport::zoomLevel() const {
    return std::log2(kZoom0Resolution / m_resolution);
}

QRectF MapViewport::extent() const {
    const double w = m_size.width() * m_resolution;
    const double h = m_size.height() * m_resolution;
    return QRectF(m_center.x() - w / 2, m_center.y() - h / 2, w, h);
}

QPointF MapViewport::toPixel(QPointF m) const {
    return QPointF((m.x() - m_center.x()) / m_resolution + m_size.width() / 2.0,
                   (m_center.y() - m.y()) / m_resolution + m_size.height() / 2.0);
}

QPointF MapViewport::toMercator(QPointF p) const {
    return QPointF(m_center.x() + (p.x() - m_size.width() / 2.0) * m_resolution,
                   m_center.y() - (p.y() - m_size.height() / 2.0) * m_resolution);
}

void MapViewport::panByPixels(QPointF delta) {
    m_center += QPointF(-delta.x() * m_resolution, delta.y() * m_resolution);
}

void MapViewport::zoomAt(QPointF anchor, double factor) {
    if (factor <= 0)
        return;
    const QPointF before = toMercator(anchor);
    setResolution(m_resolution / factor);
    const QPointF after = toMercator(anchor);
    m_center += before - after;
}

QPointF lonLatToMercator(QPointF ll) {
    const double lat = std::clamp(ll.y(), -85.05112878, 85.05112878);
    return QPointF(kEarthRadius * ll.x() * std::numbers::pi / 180.0,
                   kEarthRadius * std::log(std::tan(std::numbers::pi / 4 + lat * std::numbers::pi / 360.0)));
}

QPointF mercatorToLonLat(QPointF m) {
    return QPointF(m.x() / kEarthRadius * 180.0 / std::numbers::pi,
                   (2 * std::atan(std::exp(m.y() / kEarthRadius)) - std::numbers::pi / 2) * 180.0 /
                       std::numbers::pi);
}

} // namespace gc::map
