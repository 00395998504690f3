#include "gc/map/MapOverlay.h"

namespace gc::map {

MapOverlay::~MapOverlay() = default;

bool MapOverlay::click(QPointF, const MapViewport&, const GridLayerData&) {
    return false;
}

QString MapOverlay::toolTip(QPointF, const MapViewport&, const GridLayerData&) {
    return {};
}

} // namespace gc::map
