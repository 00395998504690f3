#pragma once

#include <QMutex>
#include <QRectF>

#include <vector>

typedef struct GEOSContextHandle_HS* GEOSContextHandle_t;
typedef struct GEOSSTRtree_t GEOSSTRtree;

namespace gc::map {

// Bounding boxes of one level in a GEOS STRtree (the index GEOS itself uses). GEOS
// context handles are not re-entrant, so queries take a mutex; they cost microseconds.
class SpatialIndex {
public:
    explicit SpatialIndex(const std::vector<QRectF>& boxes);
    ~SpatialIndex();
    SpatialIndex(const SpatialIndex&) = delete;
    SpatialIndex& operator=(const SpatialIndex&) = delete;

    std::vector<int> query(const QRectF& rect) const;

private:
    GEOSContextHandle_t m_context = nullptr;
    GEOSSTRtree* m_tree = nullptr;
    mutable QMutex m_mutex;
};

} // namespace gc::map
