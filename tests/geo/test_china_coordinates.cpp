#include <gc/geo/ChinaCoordinates.h>

#include <QTest>

#include <cmath>

using namespace gc::geo;

namespace {

// Ground distance between two nearby lon/lat points, good to a fraction of a percent.
double metresBetween(const QPointF& a, const QPointF& b) {
    const double metresPerDegree = 111320.0;
    const double dx = (a.x() - b.x()) * metresPerDegree * std::cos(a.y() * M_PI / 180.0);
    const double dy = (a.y() - b.y()) * metresPerDegree;
    return std::hypot(dx, dy);
}

} // namespace

class TestChinaCoordinates : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Vectors from the README of wandergis/coordtransform, the reference implementation most
    // Chinese web-map code copies.
    void forwardMatchesPublishedVectors() {
        const QPointF gcj = wgs84ToGcj02(116.404, 39.915);
        QCOMPARE_LT(std::abs(gcj.x() - 116.41024449916938), 1e-11);
        QCOMPARE_LT(std::abs(gcj.y() - 39.91640428150164), 1e-11);
        const QPointF bd = gcj02ToBd09(116.404, 39.915);
        QCOMPARE_LT(std::abs(bd.x() - 116.41036949371029), 1e-11);
        QCOMPARE_LT(std::abs(bd.y() - 39.92133699351021), 1e-11);
    }

    // The reference inverses are one-step approximations (off by metres); ours must agree with
    // them to that accuracy and be exact inverses of the forward formulas.
    void inversesAreExactAndCloseToPublishedApproximations() {
        const QPointF wgs = gcj02ToWgs84(116.404, 39.915);
        QCOMPARE_LT(metresBetween(wgs, QPointF(116.39775550083061, 39.91359571849836)), 5.0);
        QCOMPARE_LT(metresBetween(wgs84ToGcj02(wgs), QPointF(116.404, 39.915)), 1e-3);
        const QPointF gcj = bd09ToGcj02(116.404, 39.915);
        QCOMPARE_LT(metresBetween(gcj, QPointF(116.39762729119315, 39.90865673957631)), 1.0);
        QCOMPARE_LT(metresBetween(gcj02ToBd09(gcj), QPointF(116.404, 39.915)), 1e-3);
    }

    void tiananmenShift() {
        const QPointF wgs(116.397428, 39.90923);
        const QPointF gcj = wgs84ToGcj02(wgs);
        QCOMPARE_LT(std::abs(gcj.x() - wgs.x() - 0.0062), 0.0003);
        QCOMPARE_LT(std::abs(gcj.y() - wgs.y() - 0.0014), 0.0003);
        // The QPointF and double overloads agree.
        QCOMPARE(wgs84ToGcj02(wgs.x(), wgs.y()), gcj);
    }

    void roundTripsWithinHalfAMetreAllOverChina() {
        double worstGcj = 0.0;
        double worstBd = 0.0;
        int points = 0;
        // A grid over the whole box, kept 0.05 degrees inside its edges, where the shifted point
        // itself could leave the box.
        for (double lon = 72.1; lon < 137.8; lon += 0.37) {
            for (double lat = 0.9; lat < 55.8; lat += 0.29) {
                const QPointF wgs(lon, lat);
                worstGcj = std::max(worstGcj, metresBetween(gcj02ToWgs84(wgs84ToGcj02(wgs)), wgs));
                worstBd = std::max(worstBd, metresBetween(bd09ToWgs84(wgs84ToBd09(wgs)), wgs));
                // The other direction too: a GCJ-02 position from a phone back to WGS-84 and again.
                worstGcj = std::max(worstGcj, metresBetween(wgs84ToGcj02(gcj02ToWgs84(wgs)), wgs));
                ++points;
            }
        }
        QVERIFY(points > 30000);
        QVERIFY2(worstGcj < 0.5, qPrintable(QString::number(worstGcj)));
        QVERIFY2(worstBd < 0.5, qPrintable(QString::number(worstBd)));
        // The iteration goes far beyond the 0.5 m requirement.
        QVERIFY2(worstGcj < 0.01, qPrintable(QString::number(worstGcj)));
    }

    void shiftIsHundredsOfMetresInsideChina() {
        for (const QPointF& p :
             {QPointF(121.4737, 31.2304), QPointF(113.2644, 23.1291), QPointF(87.6168, 43.8256),
              QPointF(126.6424, 45.7567), QPointF(91.1409, 29.6456)}) {
            QVERIFY(!isOutsideChina(p));
            const double shift = metresBetween(wgs84ToGcj02(p), p);
            QVERIFY2(shift > 50.0 && shift < 1000.0, qPrintable(QString::number(shift)));
        }
    }

    void identityOutsideChina_data() {
        QTest::addColumn<QPointF>("point");
        QTest::newRow("london") << QPointF(-0.1276, 51.5072);
        QTest::newRow("tokyo") << QPointF(139.6917, 35.6895);
        QTest::newRow("south of box") << QPointF(103.8198, 0.7);
        QTest::newRow("west of box") << QPointF(71.9, 40.0);
        QTest::newRow("north of box") << QPointF(120.0, 55.9);
        QTest::newRow("sydney") << QPointF(151.2093, -33.8688);
    }
    void identityOutsideChina() {
        QFETCH(QPointF, point);
        QVERIFY(isOutsideChina(point));
        QCOMPARE(wgs84ToGcj02(point), point);
        QCOMPARE(gcj02ToWgs84(point), point);
    }
};

QTEST_GUILESS_MAIN(TestChinaCoordinates)
#include "test_china_coordinates.moc"
