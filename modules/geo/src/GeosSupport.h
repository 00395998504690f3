#pragma once

// Private to gc_geo: a thin RAII layer over GEOS's reentrant C API. The C++ API is not ABI-stable
// across GEOS releases, so nothing here may leak into public headers.

#include <QByteArray>
#include <QString>

#include <geos_c.h>

#include <memory>
#include <string>
#include <vector>

namespace gc::geo::detail {

// One GEOS context per thread: contexts are not thread-safe, and creating one per call would
// also recreate the WKB reader/writer each time.
class GeosContext {
public:
    static GeosContext& forThread();

    GeosContext();
    ~GeosContext();
    GeosContext(const GeosContext&) = delete;
    GeosContext& operator=(const GeosContext&) = delete;

    GEOSContextHandle_t handle() const { return m_handle; }

    // The last message GEOS reported, cleared on read so a stale message is never blamed on a
    // later failure.
    QString takeLastError();
    void clearLastError() { m_lastError.clear(); }

    GEOSWKBReader* wkbReader() const { return m_reader; }
    GEOSWKBWriter* wkbWriter() const { return m_writer; }

private:
    static void onError(const char* message, void* userData);

    GEOSContextHandle_t m_handle = nullptr;
    GEOSWKBReader* m_reader = nullptr;
    GEOSWKBWriter* m_writer = nullptr;
    std::string m_lastError;
};

struct GeomDeleter {
    GEOSContextHandle_t handle = nullptr;
    void operator()(GEOSGeometry* g) const {
        if (g)
            GEOSGeom_destroy_r(handle, g);
    }
};
using GeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;

struct PreparedDeleter {
    GEOSContextHandle_t handle = nullptr;
    void operator()(const GEOSPreparedGeometry* g) const {
        if (g)
            GEOSPreparedGeom_destroy_r(handle, g);
    }
};
using PreparedPtr = std::unique_ptr<const GEOSPreparedGeometry, PreparedDeleter>;

inline GeomPtr own(GeosContext& ctx, GEOSGeometry* g) {
    return GeomPtr(g, GeomDeleter{ctx.handle()});
}

inline PreparedPtr prepare(GeosContext& ctx, const GEOSGeometry* g) {
    return PreparedPtr(GEOSPrepare_r(ctx.handle(), g), PreparedDeleter{ctx.handle()});
}

// Null on failure, with the reason in *error.
GeomPtr readWkb(GeosContext& ctx, const QByteArray& wkb, QString* error);
// ISO WKB, 2D, little endian: the one geometry encoding shared between modules.
QByteArray writeWkb(GeosContext& ctx, const GEOSGeometry* g);

bool isPolygonal(GeosContext& ctx, const GEOSGeometry* g);

// Borrowed pointers to the polygons of a Polygon, MultiPolygon or (nested) GeometryCollection;
// lines and points are dropped because overlay and repair can leave them behind as debris.
void collectPolygons(GeosContext& ctx, const GEOSGeometry* g, std::vector<const GEOSGeometry*>& out);

// The polygonal part of g as a Polygon or MultiPolygon; null if there is none.
GeomPtr polygonalPart(GeosContext& ctx, const GEOSGeometry* g);

} // namespace gc::geo::detail
