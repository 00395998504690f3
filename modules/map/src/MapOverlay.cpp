#include "gc/map/MapOverlay.h"

namespace gc::map {

MapOverlay::~MapOverlay() = default;

void MapOverlay::setVisible(bool visible) {
    if (m_visible == visible)
        return;
    m_visible = visible;
    Q_EMIT changed();
}

bool MapOverlay::click(QPointF, const MapViewport&, const GridLayerData&) {
    return false;
}

QString MapOverlay::toolTip(QPointF, const MapViewport&, const GridLayerData&) {
    return {};
}

} // namespace gc::map
