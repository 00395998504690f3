// Point-in-polygon over many polygons: an STRtree of envelopes, prepared geometries for the test.
#include "gc/geo/PolygonLocator.h"

#include "GeosSupport.h"

namespace gc::geo {

struct PolygonLocator::Impl {
    detail::GeosContext* ctx = nullptr;
    std::vector<detail::GeomPtr> geometries;
    std::vector<detail::PreparedPtr> prepared;
    GEOSSTRtree* tree = nullptr;
};

PolygonLocator::PolygonLocator(const QList<QByteArray>& wkbs) : d(std::make_unique<Impl>()) {
    d->ctx = &detail::GeosContext::forThread();
    const GEOSContextHandle_t h = d->ctx->handle();
    d->tree = GEOSSTRtree_create_r(h, 10);
    for (qsizetype i = 0; i < wkbs.size(); ++i) {
        QString error;
        detail::GeomPtr g = detail::readWkb(*d->ctx, wkbs[i], &error);
        d->prepared.push_back(g ? detail::prepare(*d->ctx, g.get()) : detail::PreparedPtr(nullptr, {h}));
        if (g)
            GEOSSTRtree_insert_r(h, d->tree, g.get(), reinterpret_cast<void*>(i + 1));
        d->geometries.push_back(std::move(g));
    }
}

PolygonLocator::~PolygonLocator() {
    if (d->tree)
        GEOSSTRtree_destroy_r(d->ctx->handle(), d->tree);
}

int PolygonLocator::locate(double lon, double lat) const {
    const GEOSContextHandle_t h = d->ctx->handle();
    detail::GeomPtr point = detail::own(*d->ctx, GEOSGeom_createPointFromXY_r(h, lon, lat));
    struct Query {
        const Impl* d;
        const GEOSGeometry* point;
        GEOSContextHandle_t h;
        int found = -1;
    } q{d.get(), point.get(), h};
    GEOSSTRtree_query_r(
        h, d->tree, point.get(),
        [](void* item, void* data) {
            auto* q = static_cast<Query*>(data);
            const int i = int(reinterpret_cast<qsizetype>(item) - 1);
            // The lowest index wins on a shared boundary, whatever order the tree reports.
            if ((q->found < 0 || i < q->found) &&
                GEOSPreparedCovers_r(q->h, q->d->prepared[size_t(i)].get(), q->point) == 1)
                q->found = i;
        },
        &q);
    return q.found;
}

} // namespace gc::geo
