// Patrol coverage of a grid by a worker's track: exact intervals on horizontal lines in a local
// tangent plane (GEOS reads the grid and draws the covered part when asked).
#include "gc/geo/Coverage.h"

#include "GeosSupport.h"

#include <QCoreApplication>
#include <algorithm>
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

struct Point {
    double x, y;
};
struct Segment {
    Point a, b; // a == b for a lone fix
};
struct Interval {
    double lo, hi;
};

bool usable(const TrackSample& s, double maxAccuracyM) {
    return std::isfinite(s.lon) && std::isfinite(s.lat) && std::isfinite(s.accuracyM) &&
           s.accuracyM <= maxAccuracyM;
}

double distanceToSegment(Point p, const Segment& s) {
    const double dx = s.b.x - s.a.x, dy = s.b.y - s.a.y;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((p.x - s.a.x) * dx + (p.y - s.a.y) * dy) / len2 : 0;
    t = std::clamp(t, 0.0, 1.0);
    return std::hypot(p.x - (s.a.x + t * dx), p.y - (s.a.y + t * dy));
}

// {x : |(x, y) − c| ≤ r}, empty when the line misses the disc.
bool discOnLine(Point c, double r, double y, Interval* out) {
    const double dy = y - c.y;
    const double h2 = r * r - dy * dy;
    if (h2 < 0)
        return false;
    const double h = std::sqrt(h2);
    *out = {c.x - h, c.x + h};
    return true;
}

// {x : lo ≤ a·x + b ≤ hi} intersected into [*from, *to]; false when empty.
bool clipLinear(double a, double b, double lo, double hi, double* from, double* to) {
    if (std::abs(a) < 1e-15)
        return b >= lo && b <= hi;
    double x1 = (lo - b) / a, x2 = (hi - b) / a;
    if (x1 > x2)
        std::swap(x1, x2);
    *from = std::max(*from, x1);
    *to = std::min(*to, x2);
    return *from <= *to;
}

// A segment with what every line it crosses needs, computed once.
struct Capsule {
    Segment s;
    double len = 0, ux = 0, uy = 0; // unit vector along; 0 for a lone fix
};

Capsule capsuleOf(const Segment& s) {
    Capsule c{s};
    const double dx = s.b.x - s.a.x, dy = s.b.y - s.a.y;
    c.len = std::hypot(dx, dy);
    if (c.len > 0) {
        c.ux = dx / c.len;
        c.uy = dy / c.len;
    }
    return c;
}

// The r-neighbourhood of a segment (a capsule) cut by the line at height y: one interval, the hull of
// the two end discs' and the swept rectangle's intervals (the section of a convex set is convex).
bool capsuleOnLine(const Capsule& c, double r, double y, Interval* out) {
    bool any = false;
    Interval acc{0, 0};
    const auto merge = [&](const Interval& i) {
        acc = any ? Interval{std::min(acc.lo, i.lo), std::max(acc.hi, i.hi)} : i;
        any = true;
    };
    Interval i;
    if (discOnLine(c.s.a, r, y, &i))
        merge(i);
    if (c.len > 0) {
        if (discOnLine(c.s.b, r, y, &i))
            merge(i);
        // (P − A)·u ∈ [0, len] and (P − A)·n ∈ [−r, r] with n = (−uy, ux), P = (x, y).
        double from = -1e300, to = 1e300;
        const double dy = y - c.s.a.y;
        if (clipLinear(c.ux, dy * c.uy - c.s.a.x * c.ux, 0, c.len, &from, &to) &&
            clipLinear(-c.uy, dy * c.ux + c.s.a.x * c.uy, -r, r, &from, &to))
            merge({from, to});
    }
    if (any)
        *out = acc;
    return any;
}

// Length of the union of `covered` inside the union of `inside` (both unsorted interval lists).
double coveredLength(std::vector<Interval>& covered, const std::vector<double>& crossings) {
    if (covered.empty() || crossings.size() < 2)
        return 0;
    std::sort(covered.begin(), covered.end(),
              [](const Interval& a, const Interval& b) { return a.lo < b.lo; });
    double total = 0;
    size_t k = 0; // the grid's intervals [crossings[2k], crossings[2k+1]] are sorted and disjoint
    Interval run = covered[0];
    const auto addRun = [&](const Interval& u) {
        while (k + 1 < crossings.size() && crossings[k + 1] <= u.lo)
            k += 2;
        for (size_t j = k; j + 1 < crossings.size() && crossings[j] < u.hi; j += 2)
            total += std::max(0.0, std::min(u.hi, crossings[j + 1]) - std::max(u.lo, crossings[j]));
    };
    for (size_t i = 1; i < covered.size(); ++i) {
        if (covered[i].lo <= run.hi) {
            run.hi = std::max(run.hi, covered[i].hi);
            continue;
        }
        addRun(run);
        run = covered[i];
    }
    addRun(run);
    return total;
}

// The covered part drawn with GEOS buffers (pieces of a long track buffered apart and unioned:
// a day's track crosses itself thousands of times, which one buffer nodes far more slowly).
GeomPtr coveredGeometry(GeosContext& ctx, const std::vector<Segment>& segments, const GEOSGeometry* grid,
                        const CoverageOptions& options) {
    const GEOSContextHandle_t h = ctx.handle();
    std::vector<GEOSGeometry*> pieces;
    std::vector<double> xy;
    const auto flush = [&] {
        if (xy.empty())
            return;
        GEOSCoordSequence* seq = GEOSCoordSeq_copyFromBuffer_r(h, xy.data(), unsigned(xy.size() / 2), 0, 0);
        GEOSGeometry* g =
            xy.size() == 2 ? GEOSGeom_createPoint_r(h, seq) : GEOSGeom_createLineString_r(h, seq);
        if (g) {
            pieces.push_back(GEOSBuffer_r(h, g, options.radiusM, options.quadrantSegments));
            GEOSGeom_destroy_r(h, g);
        }
        xy.clear();
    };
    for (const Segment& s : segments) {
        const bool joins = !xy.empty() && xy[xy.size() - 2] == s.a.x && xy.back() == s.a.y && xy.size() < 240;
        if (!joins) {
            flush();
            xy = {s.a.x, s.a.y};
        }
        if (s.b.x != s.a.x || s.b.y != s.a.y) {
            xy.push_back(s.b.x);
            xy.push_back(s.b.y);
        }
    }
    flush();
    pieces.erase(std::remove(pieces.begin(), pieces.end(), nullptr), pieces.end());
    GeomPtr all = own(
        ctx, GEOSGeom_createCollection_r(h, GEOS_GEOMETRYCOLLECTION, pieces.data(), unsigned(pieces.size())));
    GeomPtr buffer = own(ctx, GEOSUnaryUnion_r(h, all.get()));
    return buffer ? own(ctx, GEOSIntersection_r(h, buffer.get(), grid)) : nullptr;
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
        !GEOSGeom_getYMax_r(h, grid.get(), &maxY) || !(options.rowHeightM > 0)) {
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

    // Segments of the runs of usable fixes, broken where the device was silent too long.
    std::vector<Segment> segments;
    bool runOpen = false;
    Point last{0, 0};
    qint64 lastAt = 0;
    for (const TrackSample& s : track) {
        if (!usable(s, options.maxAccuracyM))
            continue;
        const Point p{plane.x(s.lon), plane.y(s.lat)};
        if (result.fixesUsed > 0 && s.at - lastAt > options.maxGapS) {
            ++result.gaps;
            runOpen = false;
        }
        ++result.fixesUsed;
        lastAt = s.at;
        if (!runOpen)
            segments.push_back({p, p}); // a lone fix until the next one joins it
        else if (segments.back().a.x == segments.back().b.x && segments.back().a.y == segments.back().b.y)
            segments.back().b = p;
        else
            segments.push_back({last, p});
        runOpen = true;
        last = p;
    }
    if (segments.empty())
        return result;

    // The grid's edges, for its crossings of each line.
    std::vector<Segment> edges;
    std::vector<const GEOSGeometry*> polygons;
    collectPolygons(ctx, gridPlane.get(), polygons);
    const auto addRing = [&](const GEOSGeometry* ring) {
        const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, ring);
        unsigned n = 0;
        GEOSCoordSeq_getSize_r(h, seq, &n);
        Point prev{0, 0};
        for (unsigned i = 0; i < n; ++i) {
            Point p{0, 0};
            GEOSCoordSeq_getXY_r(h, seq, i, &p.x, &p.y);
            if (i > 0 && p.y != prev.y)
                edges.push_back({prev, p});
            prev = p;
        }
    };
    for (const GEOSGeometry* polygon : polygons) {
        addRing(GEOSGetExteriorRing_r(h, polygon));
        for (int i = 0; i < GEOSGetNumInteriorRings_r(h, polygon); ++i)
            addRing(GEOSGetInteriorRingN_r(h, polygon, i));
    }
    double yMin = 1e300, yMax = -1e300;
    for (const Segment& e : edges) {
        yMin = std::min({yMin, e.a.y, e.b.y});
        yMax = std::max({yMax, e.a.y, e.b.y});
    }
    const double rowH = options.rowHeightM;
    const double r = options.radiusM;
    const int rows = std::max(1, int(std::ceil((yMax - yMin) / rowH)));
    const auto rowY = [&](int i) { return yMin + (i + 0.5) * rowH; };
    const auto firstRow = [&](double y) { return std::max(0, int(std::ceil((y - yMin) / rowH - 0.5))); };
    const auto lastRow = [&](double y) {
        return std::min(rows - 1, int(std::floor((y - yMin) / rowH - 0.5)));
    };
    // Reused between calls on this thread: a day of 5,000 workers needs no million allocations.
    thread_local std::vector<std::vector<double>> crossings;
    thread_local std::vector<std::vector<Interval>> covered;
    if (crossings.size() < size_t(rows)) {
        crossings.resize(rows);
        covered.resize(rows);
    }
    for (int i = 0; i < rows; ++i) {
        crossings[i].clear();
        covered[i].clear();
    }
    for (const Segment& e : edges) {
        const double lo = std::min(e.a.y, e.b.y), hi = std::max(e.a.y, e.b.y);
        for (int i = firstRow(lo), end = lastRow(hi); i <= end; ++i) {
            const double y = rowY(i);
            if (y < lo || y >= hi) // half-open, so a vertex on the line is counted once
                continue;
            crossings[i].push_back(e.a.x + (y - e.a.y) * (e.b.x - e.a.x) / (e.b.y - e.a.y));
        }
    }
    for (const Segment& s : segments) {
        const Capsule c = capsuleOf(s);
        for (int i = firstRow(std::min(s.a.y, s.b.y) - r), end = lastRow(std::max(s.a.y, s.b.y) + r);
             i <= end; ++i) {
            Interval iv;
            if (capsuleOnLine(c, r, rowY(i), &iv))
                covered[i].push_back(iv);
        }
    }
    double area = 0;
    for (int i = 0; i < rows; ++i) {
        std::sort(crossings[i].begin(), crossings[i].end());
        area += coveredLength(covered[i], crossings[i]) * rowH;
    }
    result.coveredAreaM2 = area;
    result.coveredShare = result.gridAreaM2 > 0 ? std::min(1.0, area / result.gridAreaM2) : 0;

    for (qsizetype i = 0; i < probes.size(); ++i) {
        const Point p{plane.x(probes[i].x()), plane.y(probes[i].y())};
        result.probesCovered[i] = std::any_of(segments.cbegin(), segments.cend(),
                                              [&](const Segment& s) { return distanceToSegment(p, s) <= r; });
    }
    if (options.keepGeometry) {
        GeomPtr drawn = coveredGeometry(ctx, segments, gridPlane.get(), options);
        GeomPtr lonLat = drawn ? own(ctx, GEOSGeom_transformXY_r(h, drawn.get(), toLonLat, &plane)) : nullptr;
        if (lonLat)
            result.coveredWkb = writeWkb(ctx, lonLat.get());
    }
    return result;
}

} // namespace gc::geo
