#include "gc/geo/Geometry.h"

#include "GeosSupport.h"

#include <QCoreApplication>

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

constexpr double kE2 = kCgcs2000F * (2.0 - kCgcs2000F); // first eccentricity squared
const double kE = std::sqrt(kE2);
constexpr double kDegree = 3.14159265358979323846 / 180.0;

// The area on the ellipsoid between the equator and latitude phi per radian of longitude:
// the integral of M(phi) N(phi) cos(phi), i.e. a^2 q(phi) / 2 with q the authalic function.
double zoneArea(double phi) {
    const double s = std::sin(phi);
    const double es = kE * s;
    return kCgcs2000A * kCgcs2000A * (1.0 - kE2) / 2.0 *
           (s / (1.0 - kE2 * s * s) + std::log((1.0 + es) / (1.0 - es)) / (2.0 * kE));
}

// Edges in EPSG:4490 data are straight lines in lon/lat (that is how every GIS draws them, a
// parallel stays a parallel), so the area is the exact integral of the ellipsoid's area element
// over the region those lines bound: by Green's theorem the sum over the edges of the longitude
// step times the mean of zoneArea along the edge. Simpson's rule on pieces of at most 0.01
// degree is exact to far below a square millimetre; areas of a partition's cells add up to
// their parent's. Far cheaper than geodesics, which would need the edges cut into short pieces.
constexpr double kMaxSimpsonStepDegrees = 0.01;

double ringArea(GeosContext& ctx, const GEOSGeometry* ring) {
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx.handle(), ring);
    unsigned int size = 0;
    if (!seq || !GEOSCoordSeq_getSize_r(ctx.handle(), seq, &size) || size < 4)
        return 0.0;
    double lon0 = 0.0, lat0 = 0.0;
    GEOSCoordSeq_getXY_r(ctx.handle(), seq, 0, &lon0, &lat0);
    // Relative to the first vertex's zone: the same total (the longitude steps of a closed ring
    // sum to zero) with small terms, so nothing is lost to cancellation.
    const double reference = zoneArea(lat0 * kDegree);
    double y0 = 0.0;
    double sum = 0.0;
    for (unsigned int i = 1; i < size; ++i) {
        double lon1 = 0.0, lat1 = 0.0;
        GEOSCoordSeq_getXY_r(ctx.handle(), seq, i, &lon1, &lat1);
        const double y1 = zoneArea(lat1 * kDegree) - reference;
        const double dLon = (lon1 - lon0) * kDegree;
        if (dLon != 0.0) {
            const double span = std::max(std::abs(lon1 - lon0), std::abs(lat1 - lat0));
            const int pieces = std::max(1, static_cast<int>(std::ceil(span / kMaxSimpsonStepDegrees)));
            double mean = 0.0;
            double yStart = y0;
            for (int k = 1; k <= pieces; ++k) {
                const double t = static_cast<double>(k) / pieces;
                const double yEnd =
                    k == pieces ? y1 : zoneArea((lat0 + t * (lat1 - lat0)) * kDegree) - reference;
                const double yMid =
                    zoneArea((lat0 + (t - 0.5 / pieces) * (lat1 - lat0)) * kDegree) - reference;
                mean += (yStart + 4.0 * yMid + yEnd) / 6.0;
                yStart = yEnd;
            }
            sum += dLon * mean / pieces;
        }
        lon0 = lon1;
        lat0 = lat1;
        y0 = y1;
    }
    return std::abs(sum);
}

// True if every vertex of the polygons' rings is a finite lon/lat; the reason in *why if not.
bool lonLatRingsUsable(GeosContext& ctx, const std::vector<const GEOSGeometry*>& polygons, QString* why) {
    GEOSContextHandle_t h = ctx.handle();
    const auto ringUsable = [&](const GEOSGeometry* ring) {
        const GEOSCoordSequence* seq = ring ? GEOSGeom_getCoordSeq_r(h, ring) : nullptr;
        unsigned int n = 0;
        if (!seq || !GEOSCoordSeq_getSize_r(h, seq, &n))
            return false;
        for (unsigned int i = 0; i < n; ++i) {
            double x = 0, y = 0;
            if (!GEOSCoordSeq_getXY_r(h, seq, i, &x, &y))
                return false;
            if (!std::isfinite(x) || !std::isfinite(y)) {
                if (why)
                    *why = QCoreApplication::translate("gc::geo", "坐标不是有限数（NaN 或无穷大）");
                return false;
            }
            if (std::abs(x) > 180 || std::abs(y) > 90) {
                if (why)
                    *why = QCoreApplication::translate("gc::geo", "坐标 (%1, %2) 超出经纬度范围")
                               .arg(x, 0, 'g', 10)
                               .arg(y, 0, 'g', 10);
                return false;
            }
        }
        return true;
    };
    for (const GEOSGeometry* polygon : polygons) {
        if (!ringUsable(GEOSGetExteriorRing_r(h, polygon)))
            return false;
        for (int i = 0; i < GEOSGetNumInteriorRings_r(h, polygon); ++i)
            if (!ringUsable(GEOSGetInteriorRingN_r(h, polygon, i)))
                return false;
    }
    return true;
}

} // namespace

QString lonLatProblem(const QByteArray& wkb) {
    GeosContext& ctx = GeosContext::forThread();
    QString why;
    GeomPtr g = readWkb(ctx, wkb, &why);
    if (!g)
        return why;
    std::vector<const GEOSGeometry*> polygons;
    collectPolygons(ctx, g.get(), polygons);
    if (polygons.empty())
        return QCoreApplication::translate("gc::geo", "空几何");
    if (!lonLatRingsUsable(ctx, polygons, &why))
        return why;
    return {};
}

double ellipsoidalAreaM2(const QByteArray& wkbLonLat) {
    GeosContext& ctx = GeosContext::forThread();
    GeomPtr g = readWkb(ctx, wkbLonLat, nullptr);
    if (!g)
        return 0.0;
    std::vector<const GEOSGeometry*> polygons;
    collectPolygons(ctx, g.get(), polygons);
    if (!lonLatRingsUsable(ctx, polygons, nullptr))
        return 0.0;
    double total = 0.0;
    for (const GEOSGeometry* polygon : polygons) {
        total += ringArea(ctx, GEOSGetExteriorRing_r(ctx.handle(), polygon));
        const int holes = GEOSGetNumInteriorRings_r(ctx.handle(), polygon);
        for (int i = 0; i < holes; ++i)
            total -= ringArea(ctx, GEOSGetInteriorRingN_r(ctx.handle(), polygon, i));
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
