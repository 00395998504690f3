#pragma once

#include <QByteArray>
#include <QList>
#include <memory>

namespace gc::geo {

// Which of a set of polygons holds a point: an STRtree of prepared GEOS geometries, built once.
// Use from the thread that built it.
class PolygonLocator {
public:
    explicit PolygonLocator(const QList<QByteArray>& wkbs);
    ~PolygonLocator();
    PolygonLocator(const PolygonLocator&) = delete;
    PolygonLocator& operator=(const PolygonLocator&) = delete;

    // Index of the first polygon that covers (lon, lat), -1 when none.
    int locate(double lon, double lat) const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace gc::geo
