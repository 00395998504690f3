#include "gc/geo/Geometry.h"

#include "GeosSupport.h"

#include <QCoreApplication>

#include <geodesic.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace gc::geo {

using namespace detail;

namespace {

// CGCS2000 shares GRS80's semi-major axis and flattening (the ellipsoids differ only in GM and
// omega, which do not affect geometry at the sub-millimetre level).
constexpr double kCgcs2000A = 6378137.0;
constexpr double kCgcs2000F = 1.0 / 298.257222101;

// Edges in EPSG:4490 data are straight lines in lon/lat (that is how every GIS draws them), but
// geod_polygonarea takes each edge as a geodesic, which bulges poleward from a parallel: on a 5 km
// east-west edge at 28 N the two differ by ~1 m2, enough that the areas of a partition's cells
// would not add up to their parent's. Splitting edges into short pieces makes the geodesics follow
// the drawn lines (the error falls with the square of the piece length).
constexpr double kMaxEdgeDegrees = 0.001;

double ringArea(GeosContext& ctx, const geod_geodesic& geod, const GEOSGeometry* ring,
                std::vector<double>& lats, std::vector<double>& lons) {
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx.handle(), ring);
    unsigned int size = 0;
    if (!seq || !GEOSCoordSeq_getSize_r(ctx.handle(), seq, &size) || size < 4)
        return 0.0;
    lats.clear();
    lons.clear();
    double lon0 = 0.0, lat0 = 0.0;
    GEOSCoordSeq_getXY_r(ctx.handle(), seq, 0, &lon0, &lat0);
    // WKB rings repeat the first vertex; geod_polygonarea closes the ring itself.
    for (unsigned int i = 1; i < size; ++i) {
        double lon1 = 0.0, lat1 = 0.0;
        GEOSCoordSeq_getXY_r(ctx.handle(), seq, i, &lon1, &lat1);
        const double span = std::max(std::abs(lon1 - lon0), std::abs(lat1 - lat0));
        const int pieces = std::max(1, static_cast<int>(std::ceil(span / kMaxEdgeDegrees)));
        for (int k = 0; k < pieces; ++k) {
            const double t = static_cast<double>(k) / pieces;
            lons.push_back(lon0 + t * (lon1 - lon0));
            lats.push_back(lat0 + t * (lat1 - lat0));
        }
        lon0 = lon1;
        lat0 = lat1;
    }
    double area = 0.0;
    double perimeter = 0.0;
    geod_polygonarea(&geod, lats.data(), lons.data(), static_cast<int>(lats.size()), &area, &perimeter);
    return std::abs(area);
}

} // namespace

double geodesicAreaM2(const QByteArray& wkbLonLat) {
    GeosContext& ctx = GeosContext::forThread();
    GeomPtr g = readWkb(ctx, wkbLonLat, nullptr);
    if (!g)
        return 0.0;
    std::vector<const GEOSGeometry*> polygons;
    collectPolygons(ctx, g.get(), polygons);

    geod_geodesic geod;
    geod_init(&geod, kCgcs2000A, kCgcs2000F);
    std::vector<double> lats;
    std::vector<double> lons;
    double total = 0.0;
    for (const GEOSGeometry* polygon : polygons) {
        total += ringArea(ctx, geod, GEOSGetExteriorRing_r(ctx.handle(), polygon), lats, lons);
        const int holes = GEOSGetNumInteriorRings_r(ctx.handle(), polygon);
        for (int i = 0; i < holes; ++i)
            total -= ringArea(ctx, geod, GEOSGetInteriorRingN_r(ctx.handle(), polygon, i), lats, lons);
    }
    return total;
}

QPointF interiorPoint(const QByteArray& wkb) {
    GeosContext& ctx = GeosContext::forThread();
    GeomPtr g = readWkb(ctx, wkb, nullptr);
    if (!g || GEOSisEmpty_r(ctx.handle(), g.get()) == 1)
        return {};
    GeomPtr point = own(ctx, GEOSPointOnSurface_r(ctx.handle(), g.get()));
    double x = 0.0;
    double y = 0.0;
    if (!point || GEOSisEmpty_r(ctx.handle(), point.get()) == 1 ||
        !GEOSGeomGetX_r(ctx.handle(), point.get(), &x) || !GEOSGeomGetY_r(ctx.handle(), point.get(), &y))
        return {};
    return {x, y};
}

QRectF bounds(const QByteArray& wkb) {
    GeosContext& ctx = GeosContext::forThread();
    GeomPtr g = readWkb(ctx, wkb, nullptr);
    if (!g || GEOSisEmpty_r(ctx.handle(), g.get()) == 1)
        return {};
    double xmin = 0.0, ymin = 0.0, xmax = 0.0, ymax = 0.0;
    if (!GEOSGeom_getXMin_r(ctx.handle(), g.get(), &xmin) ||
        !GEOSGeom_getYMin_r(ctx.handle(), g.get(), &ymin) ||
        !GEOSGeom_getXMax_r(ctx.handle(), g.get(), &xmax) ||
        !GEOSGeom_getYMax_r(ctx.handle(), g.get(), &ymax))
        return {};
    return QRectF(QPointF(xmin, ymin), QPointF(xmax, ymax));
}

QString toWkt(const QByteArray& wkb) {
    GeosContext& ctx = GeosContext::forThread();
    GeomPtr g = readWkb(ctx, wkb, nullptr);
    if (!g)
        return {};
    GEOSWKTWriter* writer = GEOSWKTWriter_create_r(ctx.handle());
    GEOSWKTWriter_setTrim_r(ctx.handle(), writer, 1);
    GEOSWKTWriter_setOutputDimension_r(ctx.handle(), writer, 2);
    char* text = GEOSWKTWriter_write_r(ctx.handle(), writer, g.get());
    QString out = text ? QString::fromUtf8(text) : QString();
    GEOSFree_r(ctx.handle(), text);
    GEOSWKTWriter_destroy_r(ctx.handle(), writer);
    return out;
}

QByteArray fromWkt(const QString& wkt, QString* error) {
    GeosContext& ctx = GeosContext::forThread();
    ctx.clearLastError();
    GEOSWKTReader* reader = GEOSWKTReader_create_r(ctx.handle());
    GeomPtr g = own(ctx, GEOSWKTReader_read_r(ctx.handle(), reader, wkt.toUtf8().constData()));
    GEOSWKTReader_destroy_r(ctx.handle(), reader);
    if (!g) {
        if (error)
            *error = QCoreApplication::translate("gc::geo", "Invalid WKT: %1").arg(ctx.takeLastError());
        return {};
    }
    return writeWkb(ctx, g.get());
}

} // namespace gc::geo
