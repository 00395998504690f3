// Patrol coverage against areas derived by hand: a track along a square grid's diagonal, lone fixes
// across a long gap, and fixes too imprecise to count.
#include "gc/geo/Coverage.h"
#include "gc/geo/Geometry.h"

#include <QtTest>
#include <cmath>

using namespace gc::geo;

namespace {

// A 1000 m square whose south-west corner is at (lon0, lat0), built with the textbook radii of
// curvature of GRS80 (M along the meridian, N across it). The test checks the square's size with
// gc::geo::ellipsoidalAreaM2, which integrates the ellipsoid instead, so the input is right
// independently of how patrolCoverage measures.
constexpr double kLon0 = 124.30, kLat0 = 40.10, kSide = 1000;

double metresPerDegreeLat() {
    const double a = 6378137.0, f = 1 / 298.257222101, e2 = f * (2 - f);
    const double s = std::sin(kLat0 * M_PI / 180);
    return a * (1 - e2) / std::pow(1 - e2 * s * s, 1.5) * M_PI / 180;
}
double metresPerDegreeLon() {
    const double a = 6378137.0, f = 1 / 298.257222101, e2 = f * (2 - f);
    const double s = std::sin(kLat0 * M_PI / 180);
    return a / std::sqrt(1 - e2 * s * s) * std::cos(kLat0 * M_PI / 180) * M_PI / 180;
}
// x, y in metres from the south-west corner.
double lonAt(double x) {
    return kLon0 + x / metresPerDegreeLon();
}
double latAt(double y) {
    return kLat0 + y / metresPerDegreeLat();
}

QByteArray square() {
    return fromWkt(QStringLiteral("POLYGON((%1 %2, %3 %2, %3 %4, %1 %4, %1 %2))")
                       .arg(lonAt(0), 0, 'f', 12)
                       .arg(latAt(0), 0, 'f', 12)
                       .arg(lonAt(kSide), 0, 'f', 12)
                       .arg(latAt(kSide), 0, 'f', 12));
}

TrackSample fix(qint64 minute, double x, double y, double accuracy = 10) {
    return TrackSample{1795000000 + minute * 60, lonAt(x), latAt(y), accuracy};
}

// Walking the diagonal from (0,0) to (1000,1000): one fix a minute, 50 m apart along it.
QList<TrackSample> diagonal() {
    QList<TrackSample> track;
    const int steps = 28; // 1414 m / ~50 m
    for (int i = 0; i <= steps; ++i)
        track << fix(i, kSide * i / steps, kSide * i / steps);
    return track;
}

} // namespace

class TestCoverage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void squareIsWhatTheTestSays() {
        QVERIFY(!square().isEmpty());
        QVERIFY(std::abs(ellipsoidalAreaM2(square()) - kSide * kSide) < 0.0005 * kSide * kSide);
    }

    // By hand, r = 30 m, L = 1000 m: every point of the square projects onto the diagonal segment
    // itself (0 ≤ (x+y)/√2 ≤ L√2), so its distance to the track is its distance to the line y = x,
    // |x − y|/√2. Covered: |x − y| ≤ r√2. Uncovered: two right triangles with legs L − r√2, together
    // (L − r√2)². Covered area = L² − (L − r√2)² = 2√2·L·r − 2r² = 84,852.81 − 1,800 = 83,052.81 m²,
    // a share of 8.3053 %. The end caps lie outside the square, so the buffer's polygonal arcs do
    // not enter the answer.
    void diagonalTrackCoversTheHandComputedShare() {
        const double expected = (2 * std::sqrt(2.0) * kSide * 30 - 2 * 30 * 30) / (kSide * kSide);
        QCOMPARE(expected > 0.0830 && expected < 0.0831, true);
        const CoverageResult r = patrolCoverage(square(), diagonal(), CoverageOptions{});
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY2(std::abs(r.coveredShare - expected) < 0.01 * expected,
                 qPrintable(QStringLiteral("covered %1, expected %2").arg(r.coveredShare).arg(expected)));
        QCOMPARE(r.fixesUsed, 29);
        QCOMPARE(r.gaps, 0);
    }

    // The drawn covered part (GEOS buffers, for the map) measures the same on the ellipsoid.
    void drawnCoverageHasTheSameArea() {
        CoverageOptions draw;
        draw.keepGeometry = true;
        const CoverageResult r = patrolCoverage(square(), diagonal(), draw);
        QVERIFY(!r.coveredWkb.isEmpty());
        const double expected = 2 * std::sqrt(2.0) * kSide * 30 - 2 * 30 * 30;
        QVERIFY2(std::abs(ellipsoidalAreaM2(r.coveredWkb) - expected) < 0.01 * expected,
                 qPrintable(QString::number(ellipsoidalAreaM2(r.coveredWkb))));
    }

    // Fixes worse than 50 m, or of unknown accuracy, are left out: the same answer as without them.
    void impreciseFixesAreLeftOut() {
        QList<TrackSample> track = diagonal();
        const double expected = (2 * std::sqrt(2.0) * kSide * 30 - 2 * 30 * 30) / (kSide * kSide);
        // Far from the diagonal, in the middle of the walk (minute 14 lies between 14 and 15).
        track.insert(15, TrackSample{track[14].at + 20, lonAt(850), latAt(150), 80});
        track.insert(16, TrackSample{track[14].at + 40, lonAt(150), latAt(850),
                                     std::numeric_limits<double>::quiet_NaN()});
        track.insert(17, TrackSample{track[14].at + 50, lonAt(800), latAt(100), 50.5});
        const CoverageResult r = patrolCoverage(square(), track, CoverageOptions{});
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.fixesUsed, 29);
        QVERIFY2(std::abs(r.coveredShare - expected) < 0.01 * expected,
                 qPrintable(QString::number(r.coveredShare)));
        // Exactly at the limit still counts: a fix of 50 m accuracy off the diagonal adds its disc.
        track.insert(18, TrackSample{track[14].at + 55, lonAt(500), latAt(100), 50});
        const CoverageResult withOne = patrolCoverage(square(), track, CoverageOptions{});
        QCOMPARE(withOne.fixesUsed, 30);
        QVERIFY(withOne.coveredShare > r.coveredShare + 0.001);
    }

    // Two fixes 600√2 ≈ 848.5 m apart. 15 minutes apart (> 10): not joined, two discs of r = 30 m,
    // 2πr² = 5,654.9 m² (the buffer's 32-gons: 2·16·r²·sin(π/16) = 5,618.6 m², 0.64 % less). 9 minutes
    // apart: joined, a stadium 2r·d + πr² = 60·848.53 + 2,827.4 = 53,739.3 m².
    void longGapsAreNotBridged() {
        const double d = 600 * std::sqrt(2.0);
        const double discs = 2 * M_PI * 30 * 30;
        const double stadium = 2 * 30 * d + M_PI * 30 * 30;
        const CoverageResult apart =
            patrolCoverage(square(), {fix(0, 200, 800), fix(15, 800, 200)}, CoverageOptions{});
        QVERIFY2(apart.ok, qPrintable(apart.error));
        QCOMPARE(apart.gaps, 1);
        QVERIFY2(std::abs(apart.coveredAreaM2 - discs) < 0.01 * discs,
                 qPrintable(QString::number(apart.coveredAreaM2)));
        const CoverageResult joined =
            patrolCoverage(square(), {fix(0, 200, 800), fix(9, 800, 200)}, CoverageOptions{});
        QCOMPARE(joined.gaps, 0);
        QVERIFY2(std::abs(joined.coveredAreaM2 - stadium) < 0.01 * stadium,
                 qPrintable(QString::number(joined.coveredAreaM2)));
        // The limit is configurable: 20 minutes joins the first pair too.
        CoverageOptions patient;
        patient.maxGapS = 20 * 60;
        QCOMPARE(patrolCoverage(square(), {fix(0, 200, 800), fix(15, 800, 200)}, patient).gaps, 0);
    }

    // Key places: on the path between two fixes (not at a fix) counts; 100 m off does not.
    void keyPlacesOnThePathAreVisited() {
        const CoverageResult r =
            patrolCoverage(square(), diagonal(), CoverageOptions{},
                           {QPointF(lonAt(510), latAt(530)), QPointF(lonAt(400), latAt(500))});
        QCOMPARE(r.probesCovered, (QList<bool>{true, false}));
    }
};

QTEST_GUILESS_MAIN(TestCoverage)
#include "test_coverage.moc"
