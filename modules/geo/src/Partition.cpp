#include "gc/geo/Partition.h"

#include "GeosSupport.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <vector>

namespace gc::geo {

using namespace detail;

namespace {

// The translation context of this file's messages, declared where lupdate reads it.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(Partition)
};

// SplitMix64 rather than <random>: the standard distributions are implementation-defined, and the
// demo county must come out byte-identical on every compiler and platform.
class Random {
public:
    Random(quint32 seed, std::uint64_t stream) : m_state(seed * 0x9E3779B97F4A7C15ULL ^ stream) {}

    std::uint64_t next() {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

private:
    std::uint64_t m_state;
};

constexpr double kDegToRad = std::numbers::pi / 180.0;

// Voronoi cells must be computed where distances are isotropic, otherwise cells come out stretched
// north-south by 1/cos(lat). An equirectangular frame around the polygon is enough at county
// scale, and being affine it maps a tiling to a tiling.
struct LocalFrame {
    double lon0 = 0.0;
    double lat0 = 0.0;
    double scale = 1.0; // cos(lat0)

    QPointF toLocal(double lon, double lat) const { return {(lon - lon0) * scale, lat - lat0}; }

    static int toLonLat(double* x, double* y, void* userData) {
        const auto* frame = static_cast<const LocalFrame*>(userData);
        *x = *x / frame->scale + frame->lon0;
        *y += frame->lat0;
        return 1;
    }
};

struct Envelope {
    double xmin = 0.0, ymin = 0.0, xmax = 0.0, ymax = 0.0;
};

Envelope envelopeOf(GeosContext& ctx, const GEOSGeometry* g) {
    Envelope e;
    GEOSGeom_getXMin_r(ctx.handle(), g, &e.xmin);
    GEOSGeom_getYMin_r(ctx.handle(), g, &e.ymin);
    GEOSGeom_getXMax_r(ctx.handle(), g, &e.xmax);
    GEOSGeom_getYMax_r(ctx.handle(), g, &e.ymax);
    return e;
}

// Buckets of site indices for neighbour queries; a bucket is at least as large as the query
// radius, so the 3x3 block around a point holds every site within that radius.
class SiteGrid {
public:
    SiteGrid(double xmin, double ymin, double xmax, double ymax, double cellSize)
        : m_xmin(xmin), m_ymin(ymin), m_cell(cellSize),
          m_nx(std::max(1, static_cast<int>(std::ceil((xmax - xmin) / cellSize)) + 1)),
          m_ny(std::max(1, static_cast<int>(std::ceil((ymax - ymin) / cellSize)) + 1)),
          m_buckets(static_cast<size_t>(m_nx) * static_cast<size_t>(m_ny)) {}

    void insert(const QPointF& p, int index) {
        m_buckets[bucket(column(p.x()), row(p.y()))].push_back(index);
    }

    bool hasSiteWithin(const QPointF& p, double radius, const std::vector<QPointF>& sites) const {
        const int cx = column(p.x());
        const int cy = row(p.y());
        const double r2 = radius * radius;
        for (int y = std::max(0, cy - 1); y <= std::min(m_ny - 1, cy + 1); ++y) {
            for (int x = std::max(0, cx - 1); x <= std::min(m_nx - 1, cx + 1); ++x) {
                for (int i : m_buckets[bucket(x, y)]) {
                    const double dx = sites[i].x() - p.x();
                    const double dy = sites[i].y() - p.y();
                    if (dx * dx + dy * dy < r2)
                        return true;
                }
            }
        }
        return false;
    }

    template <typename Visit> void forEachIn(const Envelope& e, Visit&& visit) const {
        for (int y = row(e.ymin); y <= row(e.ymax); ++y)
            for (int x = column(e.xmin); x <= column(e.xmax); ++x)
                for (int i : m_buckets[bucket(x, y)])
                    visit(i);
    }

private:
    int column(double x) const { return std::clamp(static_cast<int>((x - m_xmin) / m_cell), 0, m_nx - 1); }
    int row(double y) const { return std::clamp(static_cast<int>((y - m_ymin) / m_cell), 0, m_ny - 1); }
    size_t bucket(int x, int y) const { return static_cast<size_t>(y) * static_cast<size_t>(m_nx) + x; }

    double m_xmin, m_ymin, m_cell;
    int m_nx, m_ny;
    std::vector<std::vector<int>> m_buckets;
};

bool containsProperly(GeosContext& ctx, const GEOSPreparedGeometry* prepared, double x, double y) {
    GeomPtr point = own(ctx, GEOSGeom_createPointFromXY_r(ctx.handle(), x, y));
    return point && GEOSPreparedContainsProperly_r(ctx.handle(), prepared, point.get()) == 1;
}

// Ray casting on the first ring; Voronoi cells are convex and have no holes.
bool ringContains(GeosContext& ctx, const GEOSGeometry* polygon, const QPointF& p) {
    const GEOSCoordSequence* seq =
        GEOSGeom_getCoordSeq_r(ctx.handle(), GEOSGetExteriorRing_r(ctx.handle(), polygon));
    unsigned int size = 0;
    if (!seq || !GEOSCoordSeq_getSize_r(ctx.handle(), seq, &size) || size < 4)
        return false;
    bool inside = false;
    double px = 0.0, py = 0.0;
    GEOSCoordSeq_getXY_r(ctx.handle(), seq, size - 1, &px, &py);
    for (unsigned int i = 0; i < size; ++i) {
        double x = 0.0, y = 0.0;
        GEOSCoordSeq_getXY_r(ctx.handle(), seq, i, &x, &y);
        if ((y > p.y()) != (py > p.y()) && p.x() < (px - x) * (p.y() - y) / (py - y) + x)
            inside = !inside;
        px = x;
        py = y;
    }
    return inside;
}

struct PartitionInput {
    const GEOSGeometry* polygon = nullptr;
    const GEOSPreparedGeometry* prepared = nullptr;
    Envelope lonLat;
    Envelope local;
    LocalFrame frame;
    double localArea = 0.0;
};

// Random sites inside the polygon, no two closer than a spacing that starts near the densest
// random packing and shrinks when darts keep missing. This gives the somewhat even yet
// irregular cell sizes of real grids; pure uniform sampling gives many slivers and giants.
bool placeSites(GeosContext& ctx, const PartitionInput& in, int n, quint32 seed,
                std::vector<QPointF>& sites) {
    Random rng(seed, 0x5173D1CE5EEDULL);
    double spacing = 0.7 * std::sqrt(in.localArea / n);
    SiteGrid grid(in.local.xmin, in.local.ymin, in.local.xmax, in.local.ymax, spacing);
    sites.clear();
    sites.reserve(static_cast<size_t>(n));
    // Generous enough for any polygon filling 1/1000 of its bounding box.
    const std::int64_t maxDarts = 2000LL * n + 100000;
    int misses = 0;
    for (std::int64_t dart = 0; static_cast<int>(sites.size()) < n; ++dart) {
        if (dart > maxDarts)
            return false;
        const double lon = rng.uniform(in.lonLat.xmin, in.lonLat.xmax);
        const double lat = rng.uniform(in.lonLat.ymin, in.lonLat.ymax);
        if (!containsProperly(ctx, in.prepared, lon, lat))
            continue;
        const QPointF local = in.frame.toLocal(lon, lat);
        if (grid.hasSiteWithin(local, spacing, sites)) {
            if (++misses > 60) {
                spacing *= 0.85;
                misses = 0;
            }
            continue;
        }
        misses = 0;
        grid.insert(local, static_cast<int>(sites.size()));
        sites.push_back(local);
    }
    return true;
}

// Clipped Voronoi cells in lon/lat, cells[i] being the cell of sites[i]. False if the diagram does
// not have one cell per site (coincident sites) or a cell cannot be made valid.
bool computeCells(GeosContext& ctx, const PartitionInput& in, const std::vector<QPointF>& sites,
                  std::vector<GeomPtr>& cells) {
    const GEOSContextHandle_t h = ctx.handle();
    const int n = static_cast<int>(sites.size());

    std::vector<GEOSGeometry*> points;
    points.reserve(sites.size());
    for (const QPointF& s : sites)
        points.push_back(GEOSGeom_createPointFromXY_r(h, s.x(), s.y()));
    GeomPtr multipoint = own(
        ctx, GEOSGeom_createCollection_r(h, GEOS_MULTIPOINT, points.data(), static_cast<unsigned int>(n)));
    GeomPtr clip =
        own(ctx, GEOSGeom_createRectangle_r(h, in.local.xmin, in.local.ymin, in.local.xmax, in.local.ymax));
    if (!multipoint || !clip)
        return false;
    GeomPtr diagram = own(ctx, GEOSVoronoiDiagram_r(h, multipoint.get(), clip.get(), 0.0, 0));
    if (!diagram || GEOSGetNumGeometries_r(h, diagram.get()) != n)
        return false;

    // GEOS 3.11 returns cells in its own order; find each cell's site (its only site inside).
    std::vector<int> siteOfCell(static_cast<size_t>(n), -1);
    std::vector<bool> siteTaken(static_cast<size_t>(n), false);
    {
        SiteGrid grid(in.local.xmin, in.local.ymin, in.local.xmax, in.local.ymax,
                      std::sqrt(in.localArea / n));
        for (int i = 0; i < n; ++i)
            grid.insert(sites[i], i);
        for (int c = 0; c < n; ++c) {
            const GEOSGeometry* cell = GEOSGetGeometryN_r(h, diagram.get(), c);
            grid.forEachIn(envelopeOf(ctx, cell), [&](int i) {
                if (siteOfCell[c] < 0 && !siteTaken[i] && ringContains(ctx, cell, sites[i])) {
                    siteOfCell[c] = i;
                    siteTaken[i] = true;
                }
            });
            if (siteOfCell[c] < 0)
                return false;
        }
    }

    LocalFrame frame = in.frame;
    GeomPtr lonLatDiagram = own(ctx, GEOSGeom_transformXY_r(h, diagram.get(), &LocalFrame::toLonLat, &frame));
    if (!lonLatDiagram)
        return false;

    cells.clear();
    cells.resize(static_cast<size_t>(n));
    for (int c = 0; c < n; ++c) {
        const GEOSGeometry* cell = GEOSGetGeometryN_r(h, lonLatDiagram.get(), c);
        GeomPtr clipped;
        // Most cells lie wholly inside; the prepared test is far cheaper than an overlay.
        if (GEOSPreparedContains_r(h, in.prepared, cell) == 1) {
            clipped = own(ctx, GEOSGeom_clone_r(h, cell));
        } else {
            GeomPtr overlay = own(ctx, GEOSIntersection_r(h, cell, in.polygon));
            if (!overlay)
                return false;
            clipped = polygonalPart(ctx, overlay.get());
        }
        if (clipped && GEOSisValid_r(h, clipped.get()) != 1) {
            GeomPtr repaired = own(ctx, GEOSMakeValid_r(h, clipped.get()));
            if (!repaired)
                return false;
            clipped = polygonalPart(ctx, repaired.get());
        }
        if (!clipped || GEOSisEmpty_r(h, clipped.get()) == 1)
            return false;
        cells[static_cast<size_t>(siteOfCell[c])] = std::move(clipped);
    }
    return true;
}

// One Lloyd step: each site moves to the centroid of its clipped cell, evening out cell sizes
// (especially along the boundary) while keeping the irregularity of the initial sites. A
// centroid outside the polygon (a crescent-shaped cell) falls back to a point on the cell.
std::vector<QPointF> relaxedSites(GeosContext& ctx, const PartitionInput& in,
                                  const std::vector<GeomPtr>& cells) {
    std::vector<QPointF> moved;
    moved.reserve(cells.size());
    for (const GeomPtr& cell : cells) {
        GeomPtr centre = own(ctx, GEOSGetCentroid_r(ctx.handle(), cell.get()));
        double x = 0.0, y = 0.0;
        if (!centre || !GEOSGeomGetX_r(ctx.handle(), centre.get(), &x) ||
            !GEOSGeomGetY_r(ctx.handle(), centre.get(), &y) || !containsProperly(ctx, in.prepared, x, y)) {
            centre = own(ctx, GEOSPointOnSurface_r(ctx.handle(), cell.get()));
            if (!centre || !GEOSGeomGetX_r(ctx.handle(), centre.get(), &x) ||
                !GEOSGeomGetY_r(ctx.handle(), centre.get(), &y))
                return {};
        }
        moved.push_back(in.frame.toLocal(x, y));
    }
    return moved;
}

// Rows from north to south, west to east within a row, so that cell serials read like a map.
void sortSitesForReading(const PartitionInput& in, std::vector<QPointF>& sites) {
    const double rowHeight = std::sqrt(in.localArea / static_cast<double>(sites.size()));
    auto rowOf = [&](const QPointF& p) {
        return static_cast<int>(std::floor((in.local.ymax - p.y()) / rowHeight));
    };
    std::stable_sort(sites.begin(), sites.end(), [&](const QPointF& a, const QPointF& b) {
        const int ra = rowOf(a);
        const int rb = rowOf(b);
        return ra != rb ? ra < rb : a.x() < b.x();
    });
}

QByteArray buildPolygonWkb(GeosContext& ctx, const std::vector<QPointF>& ring) {
    const GEOSContextHandle_t h = ctx.handle();
    GEOSCoordSequence* seq = GEOSCoordSeq_create_r(h, static_cast<unsigned int>(ring.size() + 1), 2);
    for (size_t i = 0; i <= ring.size(); ++i) {
        const QPointF& p = ring[i % ring.size()];
        GEOSCoordSeq_setXY_r(h, seq, static_cast<unsigned int>(i), p.x(), p.y());
    }
    GEOSGeometry* shell = GEOSGeom_createLinearRing_r(h, seq);
    GeomPtr polygon = own(ctx, shell ? GEOSGeom_createPolygon_r(h, shell, nullptr, 0) : nullptr);
    return writeWkb(ctx, polygon.get());
}

} // namespace

QByteArray makeCountyOutline(double centerLon, double centerLat, double areaKm2, quint32 seed) {
    if (!(areaKm2 > 0.0) || !std::isfinite(areaKm2) || !std::isfinite(centerLon) ||
        !(std::abs(centerLat) < 85.0))
        return {};

    Random rng(seed, 0xC0C0417E0u);
    const int vertexCount = 200 + static_cast<int>(rng.next() % 201);

    struct Harmonic {
        int order;
        double amplitude;
        double phase;
    };
    // Low orders give the overall lobes, the faint higher ones the wobble of a border that follows
    // rivers and ridges. The amplitudes sum to < 0.8, so the radius stays positive and the polygon
    // star-shaped, hence simple.
    std::vector<Harmonic> harmonics;
    auto addHarmonic = [&](int order, double lo, double hi) {
        const double amplitude = rng.uniform(lo, hi);
        harmonics.push_back({order, amplitude, rng.uniform(0.0, 2.0 * std::numbers::pi)});
    };
    addHarmonic(1, 0.0, 0.06);
    addHarmonic(2, 0.05, 0.18);
    addHarmonic(3, 0.03, 0.12);
    addHarmonic(4, 0.02, 0.09);
    addHarmonic(5, 0.01, 0.07);
    for (int order = 6; order <= 9; ++order)
        addHarmonic(order, 0.0, 0.03);
    for (int order = 10; order <= 16; ++order)
        addHarmonic(order, 0.0, 0.008);

    std::vector<double> relativeRadius(static_cast<size_t>(vertexCount));
    for (int i = 0; i < vertexCount; ++i) {
        const double theta = 2.0 * std::numbers::pi * i / vertexCount;
        double r = 1.0;
        for (const Harmonic& hm : harmonics)
            r += hm.amplitude * std::cos(hm.order * theta + hm.phase);
        relativeRadius[static_cast<size_t>(i)] = r;
    }

    // Metres to degrees with the ellipsoid's radii of curvature at the centre; the geodesic
    // correction below absorbs what this local approximation gets wrong.
    const double a = 6378137.0;
    const double e2 = (2.0 - 1.0 / 298.257222101) / 298.257222101;
    const double sinLat = std::sin(centerLat * kDegToRad);
    const double w = 1.0 - e2 * sinLat * sinLat;
    const double meridianRadius = a * (1.0 - e2) / (w * std::sqrt(w));
    const double parallelRadius = a / std::sqrt(w) * std::cos(centerLat * kDegToRad);

    double unitArea = 0.0; // planar area for a mean radius of 1 m
    const double step = 2.0 * std::numbers::pi / vertexCount;
    for (int i = 0; i < vertexCount; ++i)
        unitArea += 0.5 * relativeRadius[static_cast<size_t>(i)] *
                    relativeRadius[static_cast<size_t>((i + 1) % vertexCount)] * std::sin(step);

    const double target = areaKm2 * 1e6;
    double meanRadius = std::sqrt(target / unitArea);
    GeosContext& ctx = GeosContext::forThread();
    QByteArray wkb;
    std::vector<QPointF> ring(static_cast<size_t>(vertexCount));
    for (int attempt = 0; attempt < 5; ++attempt) {
        for (int i = 0; i < vertexCount; ++i) {
            const double theta = step * i;
            const double r = meanRadius * relativeRadius[static_cast<size_t>(i)];
            ring[static_cast<size_t>(i)] = {centerLon + r * std::cos(theta) / parallelRadius / kDegToRad,
                                            centerLat + r * std::sin(theta) / meridianRadius / kDegToRad};
        }
        wkb = buildPolygonWkb(ctx, ring);
        const double measured = ellipsoidalAreaM2(wkb);
        if (!(measured > 0.0))
            return {};
        if (std::abs(measured / target - 1.0) < 1e-6)
            break;
        meanRadius *= std::sqrt(target / measured);
    }
    return wkb;
}

QVector<QByteArray> partitionPolygon(const QByteArray& polygonWkb, int n, quint32 seed, QString* error) {
    auto fail = [&](const QString& message) {
        if (error)
            *error = message;
        return QVector<QByteArray>();
    };
    if (n < 1)
        return fail(Tr::tr("Cannot partition into %1 parts; at least 1 is needed.").arg(n));

    GeosContext& ctx = GeosContext::forThread();
    const GEOSContextHandle_t h = ctx.handle();
    QString readError;
    GeomPtr polygon = readWkb(ctx, polygonWkb, &readError);
    if (!polygon)
        return fail(readError);
    if (!isPolygonal(ctx, polygon.get()))
        return fail(Tr::tr("Only a Polygon or MultiPolygon can be partitioned."));
    if (GEOSisEmpty_r(h, polygon.get()) == 1)
        return fail(Tr::tr("Cannot partition an empty polygon."));
    if (GEOSisValid_r(h, polygon.get()) != 1) {
        char* reason = GEOSisValidReason_r(h, polygon.get());
        const QString why = reason ? QString::fromUtf8(reason) : QString();
        GEOSFree_r(h, reason);
        return fail(Tr::tr("Cannot partition an invalid polygon: %1").arg(why));
    }
    if (n == 1)
        return {polygonWkb};

    PartitionInput in;
    in.polygon = polygon.get();
    PreparedPtr prepared = prepare(ctx, polygon.get());
    in.prepared = prepared.get();
    in.lonLat = envelopeOf(ctx, polygon.get());
    in.frame.lon0 = 0.5 * (in.lonLat.xmin + in.lonLat.xmax);
    in.frame.lat0 = 0.5 * (in.lonLat.ymin + in.lonLat.ymax);
    in.frame.scale = std::cos(in.frame.lat0 * kDegToRad);
    const QPointF localMin = in.frame.toLocal(in.lonLat.xmin, in.lonLat.ymin);
    const QPointF localMax = in.frame.toLocal(in.lonLat.xmax, in.lonLat.ymax);
    in.local = {localMin.x(), localMin.y(), localMax.x(), localMax.y()};
    double lonLatArea = 0.0;
    GEOSArea_r(h, polygon.get(), &lonLatArea);
    in.localArea = lonLatArea * in.frame.scale;
    if (!(in.localArea > 0.0))
        return fail(Tr::tr("Cannot partition a polygon with no area."));

    std::vector<QPointF> sites;
    if (!placeSites(ctx, in, n, seed, sites))
        return fail(Tr::tr("Cannot place %1 distinct points inside the polygon; it is too thin.").arg(n));

    std::vector<GeomPtr> cells;
    std::vector<QPointF> relaxed;
    if (computeCells(ctx, in, sites, cells))
        relaxed = relaxedSites(ctx, in, cells);
    // Relaxation is a refinement: should it ever produce coincident sites, the unrelaxed ones
    // still make a correct partition.
    bool done = false;
    if (!relaxed.empty()) {
        sortSitesForReading(in, relaxed);
        done = computeCells(ctx, in, relaxed, cells);
    }
    if (!done) {
        sortSitesForReading(in, sites);
        if (!computeCells(ctx, in, sites, cells))
            return fail(Tr::tr("The Voronoi partition failed: %1").arg(ctx.takeLastError()));
    }

    QVector<QByteArray> out;
    out.reserve(n);
    for (const GeomPtr& cell : cells)
        out.push_back(writeWkb(ctx, cell.get()));
    return out;
}

} // namespace gc::geo
