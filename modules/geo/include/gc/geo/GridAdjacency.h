#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

namespace gc::geo {

// Which polygons share a boundary of positive length (rook adjacency): corner-only contacts
// do not count. Computed with GEOS over an STRtree; pairs (a, b) with a < b by index.
class GridAdjacency {
public:
    static QList<QPair<int, int>> sharedBoundaries(const QList<QByteArray>& wkbs, QString* error);
};

} // namespace gc::geo
