#include "GeosSupport.h"

#include <QCoreApplication>

namespace gc::geo::detail {

GeosContext& GeosContext::forThread() {
    thread_local GeosContext context;
    return context;
}

GeosContext::GeosContext() : m_handle(GEOS_init_r()) {
    GEOSContext_setErrorMessageHandler_r(m_handle, &GeosContext::onError, this);
    m_reader = GEOSWKBReader_create_r(m_handle);
    m_writer = GEOSWKBWriter_create_r(m_handle);
    GEOSWKBWriter_setOutputDimension_r(m_handle, m_writer, 2);
    GEOSWKBWriter_setByteOrder_r(m_handle, m_writer, GEOS_WKB_NDR);
    GEOSWKBWriter_setFlavor_r(m_handle, m_writer, GEOS_WKB_ISO);
    GEOSWKBWriter_setIncludeSRID_r(m_handle, m_writer, 0);
}

GeosContext::~GeosContext() {
    GEOSWKBWriter_destroy_r(m_handle, m_writer);
    GEOSWKBReader_destroy_r(m_handle, m_reader);
    GEOS_finish_r(m_handle);
}

QString GeosContext::takeLastError() {
    QString message = QString::fromStdString(m_lastError);
    m_lastError.clear();
    return message;
}

void GeosContext::onError(const char* message, void* userData) {
    static_cast<GeosContext*>(userData)->m_lastError = message ? message : "";
}

GeomPtr readWkb(GeosContext& ctx, const QByteArray& wkb, QString* error) {
    if (wkb.isEmpty()) {
        if (error)
            *error = QCoreApplication::translate("gc::geo", "Empty geometry (no WKB data).");
        return own(ctx, nullptr);
    }
    ctx.clearLastError();
    GeomPtr g = own(ctx, GEOSWKBReader_read_r(ctx.handle(), ctx.wkbReader(),
                                              reinterpret_cast<const unsigned char*>(wkb.constData()),
                                              static_cast<size_t>(wkb.size())));
    if (!g && error)
        *error = QCoreApplication::translate("gc::geo", "Invalid WKB: %1").arg(ctx.takeLastError());
    return g;
}

QByteArray writeWkb(GeosContext& ctx, const GEOSGeometry* g) {
    if (!g)
        return {};
    size_t size = 0;
    unsigned char* buffer = GEOSWKBWriter_write_r(ctx.handle(), ctx.wkbWriter(), g, &size);
    if (!buffer)
        return {};
    QByteArray out(reinterpret_cast<const char*>(buffer), static_cast<qsizetype>(size));
    GEOSFree_r(ctx.handle(), buffer);
    return out;
}

bool isPolygonal(GeosContext& ctx, const GEOSGeometry* g) {
    const int type = GEOSGeomTypeId_r(ctx.handle(), g);
    return type == GEOS_POLYGON || type == GEOS_MULTIPOLYGON;
}

void collectPolygons(GeosContext& ctx, const GEOSGeometry* g, std::vector<const GEOSGeometry*>& out) {
    if (!g || GEOSisEmpty_r(ctx.handle(), g) == 1)
        return;
    switch (GEOSGeomTypeId_r(ctx.handle(), g)) {
    case GEOS_POLYGON:
        out.push_back(g);
        break;
    case GEOS_MULTIPOLYGON:
    case GEOS_GEOMETRYCOLLECTION: {
        const int parts = GEOSGetNumGeometries_r(ctx.handle(), g);
        for (int i = 0; i < parts; ++i)
            collectPolygons(ctx, GEOSGetGeometryN_r(ctx.handle(), g, i), out);
        break;
    }
    default:
        break;
    }
}

GeomPtr polygonalPart(GeosContext& ctx, const GEOSGeometry* g) {
    std::vector<const GEOSGeometry*> polygons;
    collectPolygons(ctx, g, polygons);
    if (polygons.empty())
        return own(ctx, nullptr);
    if (polygons.size() == 1)
        return own(ctx, GEOSGeom_clone_r(ctx.handle(), polygons.front()));
    std::vector<GEOSGeometry*> clones;
    clones.reserve(polygons.size());
    for (const GEOSGeometry* p : polygons)
        clones.push_back(GEOSGeom_clone_r(ctx.handle(), p));
    // The collection takes ownership of the clones.
    return own(ctx, GEOSGeom_createCollection_r(ctx.handle(), GEOS_MULTIPOLYGON, clones.data(),
                                                static_cast<unsigned int>(clones.size())));
}

} // namespace gc::geo::detail
