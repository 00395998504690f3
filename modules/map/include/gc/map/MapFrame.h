#pragma once

#include "gc/map/MapViewport.h"

#include <QImage>
#include <QList>
#include <QPointer>
#include <QString>

class QPainter;

namespace gc::map {

class GridLayerData;
class MapOverlay;

// One frame of the canvas, without the widget: the last rendered images (basemap and
// grid layers, each with the viewport it was rendered for) moved and scaled to the current
// view at once, then the live overlays and the decorations. MapCanvas::paintEvent and
// `gridctl bench render` (pan_frame_ms) both paint through it.
class MapFrame {
public:
    struct Decorations {
        bool scaleBar = true;
        bool northArrow = true;
        bool readout = true; // cursor coordinates and zoom level
        QPointF cursorLonLat{qQNaN(), qQNaN()};
        QString statusNote; // e.g. basemap offline
    };

    void setGridImage(const QImage& image, const MapViewport& renderedFor);
    void setBasemapImage(const QImage& image, const MapViewport& renderedFor);
    const QImage& gridImage() const { return m_grid; }
    const MapViewport& gridViewport() const { return m_gridViewport; }
    bool hasGridImage() const { return !m_grid.isNull(); }

    void paint(QPainter& painter, const MapViewport& current, const GridLayerData* data,
               const QList<QPointer<MapOverlay>>& overlays, const Decorations& decorations) const;

    // Where an image rendered for `from` lands in `to`, in `to`'s pixels.
    static QRectF targetRect(const MapViewport& from, const MapViewport& to);
    static void paintScaleBar(QPainter& painter, const MapViewport& viewport);
    static void paintNorthArrow(QPainter& painter, const MapViewport& viewport);

private:
    QImage m_grid;
    MapViewport m_gridViewport;
    QImage m_basemap;
    MapViewport m_basemapViewport;
};

} // namespace gc::map
