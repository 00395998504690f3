#include "SpatialIndex.h"

#include <geos_c.h>

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace gc::map {

namespace {
GEOSGeometry* rectangle(GEOSContextHandle_t ctx, const QRectF& r) {
    return GEOSGeom_createRectangle_r(ctx, r.left(), r.top(), std::max(r.right(), r.left()),
                                      std::max(r.bottom(), r.top()));
}
} // namespace

SpatialIndex::SpatialIndex(const std::vector<QRectF>& boxes) {
    m_context = GEOS_init_r();
    m_tree = GEOSSTRtree_create_r(m_context, 10);
    for (size_t i = 0; i < boxes.size(); ++i) {
        // A feature without usable geometry has a null box: not indexed (GEOS's tree cannot
        // take a NaN or infinite envelope, and a null box would sit at the origin).
        const QRectF& b = boxes[i];
        if (b.isNull() || !std::isfinite(b.left()) || !std::isfinite(b.top()) || !std::isfinite(b.right()) ||
            !std::isfinite(b.bottom()))
            continue;
        // The tree copies the envelope, so the temporary rectangle can go at once.
        GEOSGeometry* g = rectangle(m_context, boxes[i]);
        GEOSSTRtree_insert_r(m_context, m_tree, g, reinterpret_cast<void*>(static_cast<std::intptr_t>(i)));
        GEOSGeom_destroy_r(m_context, g);
    }
    // The first query builds the tree; do it now, not inside a render job.
    query(QRectF(0, 0, 1, 1));
}

SpatialIndex::~SpatialIndex() {
    GEOSSTRtree_destroy_r(m_context, m_tree);
    GEOS_finish_r(m_context);
}

std::vector<int> SpatialIndex::query(const QRectF& rect) const {
    std::vector<int> out;
    QMutexLocker lock(&m_mutex);
    GEOSGeometry* g = rectangle(m_context, rect);
    GEOSSTRtree_query_r(
        m_context, m_tree, g,
        [](void* item, void* user) {
            static_cast<std::vector<int>*>(user)->push_back(
                static_cast<int>(reinterpret_cast<std::intptr_t>(item)));
        },
        &out);
    GEOSGeom_destroy_r(m_context, g);
    return out;
}

} // namespace gc::map
