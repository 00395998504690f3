#pragma once

#include "gc/map/MapRenderer.h"
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
    // Overlays with a lower z are drawn under the grid labels (workers, replay), the others over
    // them (tickets, selection).
    static constexpr int kLabelZ = 80;

    struct Decorations {
        bool scaleBar = true;
        bool northArrow = true;
        bool readout = true; // cursor coordinates and zoom level
        QPointF cursorLonLat{qQNaN(), qQNaN()};
        QString statusNote; // e.g. basemap offline
    };

    // `labels`: the image's labels rendered apart (MapRenderer's `labels`), drawn between the
    // overlays below kLabelZ and the others; none when they are in the image already.
    void setGridImage(const QImage& image, const MapViewport& renderedFor, const MapLabels& labels = {});
    void setBasemapImage(const QImage& image, const MapViewport& renderedFor);
    const QImage& gridImage() const { return m_grid; }
    const MapViewport& gridViewport() const { return m_gridViewport; }
    bool hasGridImage() const { return !m_grid.isNull(); }
    const MapLabels& labels() const { return m_labels; }
    // The layer panel's grid and basemap switches: a hidden image is kept, just not drawn.
    void setGridVisible(bool visible) { m_gridVisible = visible; }
    void setBasemapVisible(bool visible) { m_basemapVisible = visible; }
    bool isGridVisible() const { return m_gridVisible; }
    bool isBasemapVisible() const { return m_basemapVisible; }

    void paint(QPainter& painter, const MapViewport& current, const GridLayerData* data,
               const QList<QPointer<MapOverlay>>& overlays, const Decorations& decorations) const;

    // Where an image rendered for `from` lands in `to`, in `to`'s pixels.
    static QRectF targetRect(const MapViewport& from, const MapViewport& to);
    static void paintScaleBar(QPainter& painter, const MapViewport& viewport);
    static void paintNorthArrow(QPainter& painter, const MapViewport& viewport);

private:
    QImage m_grid;
    MapViewport m_gridViewport;
    MapLabels m_labels;
    bool m_gridVisible = true;
    bool m_basemapVisible = true;
    QImage m_basemap;
    MapViewport m_basemapViewport;
};

} // namespace gc::map
