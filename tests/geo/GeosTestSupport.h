#pragma once

// Independent checks of gc_geo's output straight through the GEOS C API, so the tests do not
// trust the code under test to judge itself.

#include <QByteArray>
#include <QVector>

#include <geos_c.h>

#include <memory>

namespace gc::geo::test {

class Geos {
public:
    Geos() : m_handle(GEOS_init_r()), m_reader(GEOSWKBReader_create_r(m_handle)) {}
    ~Geos() {
        GEOSWKBReader_destroy_r(m_handle, m_reader);
        GEOS_finish_r(m_handle);
    }
    Geos(const Geos&) = delete;
    Geos& operator=(const Geos&) = delete;

    struct Deleter {
        GEOSContextHandle_t handle;
        void operator()(GEOSGeometry* g) const { GEOSGeom_destroy_r(handle, g); }
    };
    using Ptr = std::unique_ptr<GEOSGeometry, Deleter>;

    GEOSContextHandle_t handle() const { return m_handle; }
    Ptr own(GEOSGeometry* g) const { return Ptr(g, Deleter{m_handle}); }

    Ptr read(const QByteArray& wkb) const {
        return own(GEOSWKBReader_read_r(m_handle, m_reader,
                                        reinterpret_cast<const unsigned char*>(wkb.constData()),
                                        static_cast<size_t>(wkb.size())));
    }

    double area(const GEOSGeometry* g) const {
        double a = 0.0;
        GEOSArea_r(m_handle, g, &a);
        return a;
    }

    bool isValid(const GEOSGeometry* g) const { return GEOSisValid_r(m_handle, g) == 1; }

    Ptr unionOf(const QVector<QByteArray>& parts) const {
        std::vector<GEOSGeometry*> geoms;
        for (const QByteArray& wkb : parts)
            geoms.push_back(read(wkb).release());
        Ptr collection = own(GEOSGeom_createCollection_r(m_handle, GEOS_GEOMETRYCOLLECTION, geoms.data(),
                                                         static_cast<unsigned int>(geoms.size())));
        return own(GEOSUnaryUnion_r(m_handle, collection.get()));
    }

    // Sum of the areas of all pairwise intersections, pairs found through an STRtree.
    double pairwiseOverlapArea(const QVector<QByteArray>& parts) const {
        std::vector<Ptr> geoms;
        for (const QByteArray& wkb : parts)
            geoms.push_back(read(wkb));
        GEOSSTRtree* tree = GEOSSTRtree_create_r(m_handle, 10);
        for (size_t i = 0; i < geoms.size(); ++i)
            GEOSSTRtree_insert_r(m_handle, tree, geoms[i].get(), reinterpret_cast<void*>(i));
        struct Query {
            const Geos* geos;
            const std::vector<Ptr>* geoms;
            size_t self;
            double overlap;
        };
        Query query{this, &geoms, 0, 0.0};
        for (size_t i = 0; i < geoms.size(); ++i) {
            query.self = i;
            GEOSSTRtree_query_r(
                m_handle, tree, geoms[i].get(),
                [](void* item, void* userData) {
                    auto* q = static_cast<Query*>(userData);
                    const auto other = reinterpret_cast<size_t>(item);
                    if (other <= q->self)
                        return;
                    Ptr common = q->geos->own(GEOSIntersection_r(
                        q->geos->handle(), (*q->geoms)[q->self].get(), (*q->geoms)[other].get()));
                    q->overlap += q->geos->area(common.get());
                },
                &query);
        }
        GEOSSTRtree_destroy_r(m_handle, tree);
        return query.overlap;
    }

private:
    GEOSContextHandle_t m_handle;
    GEOSWKBReader* m_reader;
};

} // namespace gc::geo::test
