#pragma once

#include <QPointF>
#include <QRectF>
#include <QSize>

namespace gc::map {

// What a map image shows: a centre in Web Mercator metres (EPSG:3857, y north), a
// resolution in metres per pixel and a size in pixels. Pixel y grows downwards.
class MapViewport {
public:
    // Web Mercator resolution of XYZ zoom level 0 for 256-pixel tiles.
    static constexpr double kZoom0Resolution = 156543.03392804097;
    static constexpr double kMinResolution = 0.05;
    static constexpr double kMaxResolution = 5000.0;

    MapViewport() = default;
    MapViewport(QPointF center, double resolution, QSize size);

    // The whole of `mercatorBounds` in `size`, with a margin of `marginPx` on each side.
    static MapViewport fit(const QRectF& mercatorBounds, QSize size, int marginPx = 16);

    QPointF center() const { return m_center; }
    double resolution() const { return m_resolution; }
    QSize size() const { return m_size; }
    bool isValid() const { return m_resolution > 0 && !m_size.isEmpty(); }

    void setCenter(QPointF center) { m_center = center; }
    void setResolution(double resolution);
    void setSize(QSize size) { m_size = size; }

    // Fractional XYZ zoom level (for display and for choosing basemap tiles).
    double zoomLevel() const;
    // Extent in Mercator metres; QRectF::top() is the southern edge.
    QRectF extent() const;
    QPointF toPixel(QPointF mercator) const;
    QPointF toMercator(QPointF pixel) const;

    // Moves the view by a pixel offset (positive = content moves right/down).
    void panByPixels(QPointF delta);
    // Zooms by `factor` (> 1 zooms in) keeping the map point under `anchorPixel` fixed.
    void zoomAt(QPointF anchorPixel, double factor);

    bool operator==(const MapViewport& other) const = default;

private:
    QPointF m_center;
    double m_resolution = 0;
    QSize m_size;
};

// EPSG:3857 ↔ lon/lat on the sphere, closed form. Used only for UI read-outs (cursor
// coordinates, tile numbers); county geometry goes through PROJ once when it is loaded.
QPointF lonLatToMercator(QPointF lonLat);
QPointF mercatorToLonLat(QPointF mercator);

} // namespace gc::map
