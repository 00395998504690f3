// Patrol coverage of a grid by a worker's track: GEOS buffers in a local tangent plane.
#include "gc/geo/Coverage.h"

#include "GeosSupport.h"

#include <QCoreApplication>
#include <cmath>
#include <vector>

namespace gc::geo {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(Coverage)
};

using namespace detail;

// Metres per degree at a latitude on GRS80 (the CGCS2000 ellipsoid): along the meridian (M) and
// along the parallel (N cos φ).
struct LocalPlane {
    double lon0 = 0, lat0 = 0, kx = 1, ky = 1;
    LocalPlane(double lon, double lat) : lon0(lon), lat0(lat) {
        constexpr double a = 6378137.0;
        constexpr double f = 1.0 / 298.257222101;
        constexpr double e2 = f * (2 - f);
        const double phi = lat * M_PI / 180.0;
        const double s = std::sin(phi);
        const double w = 1 - e2 * s * s;
        ky = a * (1 - e2) / (w * std::sqrt(w)) * M_PI / 180.0;
        kx = a / std::sqrt(w) * std::cos(phi) * M_PI / 180.0;
    }
    double x(double lon) const { return (lon - lon0) * kx; }
    double y(double lat) const { return (lat - lat0) * ky; }
};

int toPlane(double* x, double* y, void* userData) {
    const auto* p = static_cast<const LocalPlane*>(userData);
    *x = p->x(*x);
    *y = p->y(*y);
    return 1;
}

int toLonLat(double* x, double* y, void* userData) {
    const auto* p = static_cast<const LocalPlane*>(userData);
    *x = p->lon0 + *x / p->kx;
    *y = p->lat0 + *y / p->ky;
    return 1;
}

GEOSGeometry* lineOrPoint(GeosContext& ctx, const std::vector<double>& xy) {
    const unsigned n = unsigned(xy.size() / 2);
    GEOSCoordSequence* seq = GEOSCoordSeq_copyFromBuffer_r(ctx.handle(), xy.data(), n, 0, 0);
    if (!seq)
        return nullptr;
    return n == 1 ? GEOSGeom_createPoint_r(ctx.handle(), seq) : GEOSGeom_createLineString_r(ctx.handle(), seq);
}

bool usable(const TrackSample& s, double maxAccuracyM) {
    return std::isfinite(s.lon) && std::isfinite(s.lat) && std::isfinite(s.accuracyM) && s.accuracyM <= maxAccuracyM;
}

} // namespace

CoverageResult patrolCoverage(const QByteArray& gridWkb, const QList<TrackSample>& track,
                              const CoverageOptions& options, const QList<QPointF>& probes) {
    CoverageResult result;
    result.probesCovered = QList<bool>(probes.size(), false);
    GeosContext& ctx = GeosContext::forThread();
    const GEOSContextHandle_t h = ctx.handle();
    GeomPtr grid = readWkb(ctx, gridWkb, &result.error);
    if (!grid)
        return result;
    double minX = 0, minY = 0, maxX = 0, maxY = 0;
    if (GEOSisEmpty_r(h, grid.get()) == 1 || !GEOSGeom_getXMin_r(h, grid.get(), &minX) ||
        !GEOSGeom_getYMin_r(h, grid.get(), &minY) || !GEOSGeom_getXMax_r(h, grid.get(), &maxX) ||
        !GEOSGeom_getYMax_r(h, grid.get(), &maxY)) {
        result.error = Tr::tr("网格几何为空");
        return result;
    }
    LocalPlane plane((minX + maxX) / 2, (minY + maxY) / 2);
    GeomPtr gridPlane = own(ctx, GEOSGeom_transformXY_r(h, grid.get(), toPlane, &plane));
    if (!gridPlane) {
        result.error = ctx.takeLastError();
        return result;
    }
    GEOSArea_r(h, gridPlane.get(), &result.gridAreaM2);
    result.ok = true;

    // Runs of usable fixes, broken where the device was silent too long.
    std::vector<GEOSGeometry*> parts;
    std::vector<double> run;
    qint64 lastAt = 0;
    const auto flush = [&] {
        if (!run.empty())
            if (GEOSGeometry* g = lineOrPoint(ctx, run))
                parts.push_back(g);
        run.clear();
    };
    for (const TrackSample& s : track) {
        if (!usable(s, options.maxAccuracyM))
            continue;
        if (result.fixesUsed > 0 && s.at - lastAt > options.maxGapS) {
            ++result.gaps;
            flush();
        }
        ++result.fixesUsed;
        lastAt = s.at;
        const double x = plane.x(s.lon), y = plane.y(s.lat);
        if (run.size() >= 2 && run[run.size() - 2] == x && run.back() == y)
            continue; // standing still adds nothing to the line
        run.push_back(x);
        run.push_back(y);
    }
    flush();
    if (parts.empty())
        return result;
    GeomPtr collection =
        own(ctx, GEOSGeom_createCollection_r(h, GEOS_GEOMETRYCOLLECTION, parts.data(), unsigned(parts.size())));
    GeomPtr buffer = own(ctx, GEOSBuffer_r(h, collection.get(), options.radiusM, options.quadrantSegments));
    if (!buffer) {
        result.ok = false;
        result.error = ctx.takeLastError();
        return result;
    }
    GeomPtr covered = own(ctx, GEOSIntersection_r(h, buffer.get(), gridPlane.get()));
    if (!covered) {
        result.ok = false;
        result.error = ctx.takeLastError();
        return result;
    }
    GEOSArea_r(h, covered.get(), &result.coveredAreaM2);
    result.coveredShare = result.gridAreaM2 > 0 ? result.coveredAreaM2 / result.gridAreaM2 : 0;
    if (!probes.isEmpty()) {
        PreparedPtr prepared = prepare(ctx, buffer.get());
        for (qsizetype i = 0; i < probes.size(); ++i) {
            const double xy[2] = {plane.x(probes[i].x()), plane.y(probes[i].y())};
            GeomPtr point = own(ctx, lineOrPoint(ctx, std::vector<double>(xy, xy + 2)));
            result.probesCovered[i] = point && GEOSPreparedIntersects_r(h, prepared.get(), point.get()) == 1;
        }
    }
    if (options.keepGeometry) {
        GeomPtr lonLat = own(ctx, GEOSGeom_transformXY_r(h, covered.get(), toLonLat, &plane));
        if (lonLat)
            result.coveredWkb = writeWkb(ctx, lonLat.get());
    }
    return result;
}

} // namespace gc::geo
