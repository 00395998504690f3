#pragma once

#include "gc/map/MapViewport.h"

#include <QImage>
#include <QList>
#include <QObject>
#include <QPainter>
#include <QString>

namespace gc::map {

class GridLayerData;

// One row of a layer's legend: its symbol as the layer draws it, what it means, and how many
// of them the layer holds now (-1: no count).
struct LegendEntry {
    QImage symbol;
    QString label;
    int count = -1;
};

// A live layer drawn over the rendered grid image every frame (tickets, workers, the
// selection, hover). Overlays never trigger a re-render of the static layers: they emit
// changed() and the canvas repaints, which costs a blit plus their own drawing.
// Dispatch and feed add theirs with MapCanvas::addOverlay().
class MapOverlay : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~MapOverlay() override;

    // Higher z draws later (on top). Overlays below MapFrame::kLabelZ are drawn under the
    // grid labels.
    virtual int z() const { return 0; }
    // The layer-panel key that switches this overlay ("tickets", "workers"); empty: always on.
    virtual QString layerKey() const { return {}; }
    // The symbols this layer draws, for the legend.
    virtual QList<LegendEntry> legend() const { return {}; }
    // A hidden overlay is neither drawn nor hit by clicks and tooltips.
    bool isVisible() const { return m_visible; }
    void setVisible(bool visible);
    virtual void paint(QPainter& painter, const MapViewport& viewport, const GridLayerData& data) = 0;
    // A click at a widget pixel; true when the overlay consumed it (no grid selection then).
    virtual bool click(QPointF pixel, const MapViewport& viewport, const GridLayerData& data);
    // Tooltip text for a widget pixel, empty for none (the grid tooltip shows then).
    virtual QString toolTip(QPointF pixel, const MapViewport& viewport, const GridLayerData& data);

Q_SIGNALS:
    void changed();

private:
    bool m_visible = true;
};

} // namespace gc::map
