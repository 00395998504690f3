#pragma once

#include "gc/map/MapViewport.h"

#include <QObject>
#include <QPainter>
#include <QString>

namespace gc::map {

class GridLayerData;

// A live layer drawn over the rendered grid image every frame (tickets, workers, the
// selection, hover). Overlays never trigger a re-render of the static layers: they emit
// changed() and the canvas repaints, which costs a blit plus their own drawing.
// Dispatch and feed add theirs with MapCanvas::addOverlay().
class MapOverlay : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~MapOverlay() override;

    // Higher z draws later (on top).
    virtual int z() const { return 0; }
    virtual void paint(QPainter& painter, const MapViewport& viewport, const GridLayerData& data) = 0;
    // A click at a widget pixel; true when the overlay consumed it (no grid selection then).
    virtual bool click(QPointF pixel, const MapViewport& viewport, const GridLayerData& data);
    // Tooltip text for a widget pixel, empty for none (the grid tooltip shows then).
    virtual QString toolTip(QPointF pixel, const MapViewport& viewport, const GridLayerData& data);

Q_SIGNALS:
    void changed();
};

} // namespace gc::map
