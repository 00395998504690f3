// Rook adjacency of polygons with GEOS: two grids are neighbours when their boundaries share a
// line of positive length, not when they only touch at a corner.
#include "gc/geo/GridAdjacency.h"

#include "GeosSupport.h"

#include <QCoreApplication>
#include <algorithm>

namespace gc::geo {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(GridAdjacency)
};

struct TreeDeleter {
    GEOSContextHandle_t handle;
    void operator()(GEOSSTRtree* t) const { GEOSSTRtree_destroy_r(handle, t); }
};
} // namespace

QList<QPair<int, int>> GridAdjacency::sharedBoundaries(const QList<QByteArray>& wkbs, QString* error) {
    using namespace detail;
    GeosContext& ctx = GeosContext::forThread();
    const GEOSContextHandle_t h = ctx.handle();
    std::vector<GeomPtr> boundaries;
    std::vector<GeomPtr> envelopes;
    boundaries.reserve(size_t(wkbs.size()));
    for (qsizetype i = 0; i < wkbs.size(); ++i) {
        QString why;
        GeomPtr g = readWkb(ctx, wkbs[i], &why);
        if (!g) {
            if (error)
                *error = Tr::tr("第 %1 个面无法读取：%2").arg(i + 1).arg(why);
            return {};
        }
        boundaries.push_back(own(ctx, GEOSBoundary_r(h, g.get())));
        envelopes.push_back(own(ctx, GEOSEnvelope_r(h, g.get())));
    }
    std::unique_ptr<GEOSSTRtree, TreeDeleter> tree(GEOSSTRtree_create_r(h, 10), TreeDeleter{h});
    // The tree stores indices as item pointers (index + 1, so none is null).
    for (size_t i = 0; i < envelopes.size(); ++i)
        GEOSSTRtree_insert_r(h, tree.get(), envelopes[i].get(), reinterpret_cast<void*>(i + 1));
    struct Query {
        size_t self;
        std::vector<size_t> hits;
    } query;
    QList<QPair<int, int>> pairs;
    for (size_t i = 0; i < envelopes.size(); ++i) {
        query.self = i;
        query.hits.clear();
        GEOSSTRtree_query_r(
            h, tree.get(), envelopes[i].get(),
            [](void* item, void* data) {
                auto* q = static_cast<Query*>(data);
                const size_t j = reinterpret_cast<size_t>(item) - 1;
                if (j > q->self)
                    q->hits.push_back(j);
            },
            &query);
        std::sort(query.hits.begin(), query.hits.end());
        for (size_t j : query.hits) {
            GeomPtr shared = own(ctx, GEOSIntersection_r(h, boundaries[i].get(), boundaries[j].get()));
            double length = 0;
            if (shared && GEOSLength_r(h, shared.get(), &length) && length > 0)
                pairs << qMakePair(int(i), int(j));
        }
    }
    return pairs;
}

} // namespace gc::geo
