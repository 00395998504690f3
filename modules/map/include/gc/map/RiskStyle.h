#pragma once

#include "gc/core/GridLevel.h"
#include "gc/core/RiskLevel.h"

#include <QBrush>
#include <QColor>
#include <QPen>

namespace gc::map {

// How the five risk levels (五色) and the hierarchy levels look on the map. Colour is
// never the only cue: the accessible mode adds a hatch pattern per risk level.
class RiskStyle {
public:
    // Opaque fill; the grid layer image is composited with layerOpacity() over the basemap,
    // which is both faster than translucent fills and free of double-blended seams.
    static QColor fillColor(RiskLevel level);
    static Qt::BrushStyle hatch(RiskLevel level);
    static QColor hatchColor() { return QColor(20, 20, 30, 170); }
    static double layerOpacity() { return 0.62; }
    static QColor gridOutline() { return QColor(255, 255, 255); }
    // Every grid's fill when the risk layer is switched off: boundaries and names only.
    static QColor neutralFill() { return QColor(0xdd, 0xe1, 0xe6); }
    // Pen for the boundary of a coarser level drawn over finer fills.
    static QPen boundaryPen(GridLevel level);
    static QColor selectionColor() { return QColor(0, 200, 255); }
    static QColor hoverColor() { return QColor(255, 255, 255); }
};

} // namespace gc::map
