#pragma once

// Patrol coverage: how much of a grid a worker's track passed near. Geometry stays inside gc_geo
// (GEOS); callers pass WKB and plain numbers.

#include <QByteArray>
#include <QList>
#include <QPointF>
#include <QString>
#include <limits>

namespace gc::geo {

// One position of a track, lon/lat EPSG:4490; accuracy in metres, NaN when the device did not say.
struct TrackSample {
    qint64 at = 0; // epoch seconds
    double lon = 0, lat = 0;
    double accuracyM = std::numeric_limits<double>::quiet_NaN();
};

struct CoverageOptions {
    double radiusM = 30;       // a place counts as patrolled within this distance of the track
    double maxAccuracyM = 50;  // fixes less precise than this, or of unknown accuracy, are left out
    qint64 maxGapS = 600;      // two fixes further apart in time than this are not joined by a line
    double rowHeightM = 1.0;   // the area is summed over horizontal lines this far apart (see below)
    bool keepGeometry = false; // also return the covered part of the grid (lon/lat WKB), for drawing
    int quadrantSegments = 8;  // arcs of that drawing: 8 segments per quarter circle
};

struct CoverageResult {
    bool ok = false;
    QString error;
    double gridAreaM2 = 0;     // in the local plane (see patrolCoverage)
    double coveredAreaM2 = 0;  // part of the grid within radiusM of the track
    double coveredShare = 0;   // coveredAreaM2 / gridAreaM2
    int fixesUsed = 0;         // fixes that passed the accuracy filter
    int gaps = 0;              // breaks between used fixes longer than maxGapS
    QList<bool> probesCovered; // per probe point: within radiusM of the track
    QByteArray coveredWkb;     // keepGeometry only
};

// The share of a grid (lon/lat Polygon/MultiPolygon WKB) within radiusM of a track (samples in
// time order). Runs of usable fixes no further apart than maxGapS become lines, a lone fix a disc.
// Distances and areas are measured in a plane tangent at the grid's centre (GRS80 radii of curvature
// there): for a grid a few kilometres across the scale error is below 0.01 %.
//
// The area is a raster in one direction only: on horizontal lines rowHeightM apart, the covered part
// of the line is computed exactly (each segment's r-neighbourhood cuts a line in one interval; the
// grid's edges cut it in pairs of crossings), and each line stands for its strip. Error bound: in a
// strip of height h the estimate differs from the true area by at most h × (length of the covered
// region's boundary inside the strip), so |coveredAreaM2 − exact| ≤ h × perimeter of the covered
// part of the grid; with h = 1 m and a 1 km square fully patrolled (perimeter 4 km) that is 4,000 m²
// (0.4 %), for the diagonal of test_geo_coverage (perimeter 2.9 km) 1.7 % at most and 0.01 % in
// fact. A day of 1,440 fixes takes a few milliseconds, where GEOS buffers and unions take tens. keepGeometry
// draws the covered part with GEOS buffers instead (for one worker on screen). `probes` (lon/lat points, e.g.
// key places) are answered exactly in probesCovered.
CoverageResult patrolCoverage(const QByteArray& gridWkb, const QList<TrackSample>& track,
                              const CoverageOptions& options, const QList<QPointF>& probes = {});

} // namespace gc::geo
