#include "GeosTestSupport.h"

#include <gc/geo/Partition.h>

#include <QTest>

#include <cmath>

using namespace gc::geo;
using gc::geo::test::Geos;

class TestPartition : public QObject {
    Q_OBJECT

private:
    Geos m_geos;

    QByteArray wkt(const char* text) {
        QString error;
        const QByteArray wkb = fromWkt(QString::fromLatin1(text), &error);
        if (wkb.isEmpty())
            qFatal("bad WKT in test: %s", qPrintable(error));
        return wkb;
    }

    // Everything a partition promises, checked independently with GEOS and geodesic areas.
    void verifyTiling(const QByteArray& parent, const QVector<QByteArray>& cells, int n) {
        QCOMPARE(cells.size(), n);
        double cellAreaSum = 0.0;
        for (const QByteArray& cell : cells) {
            Geos::Ptr g = m_geos.read(cell);
            QVERIFY(g);
            const int type = GEOSGeomTypeId_r(m_geos.handle(), g.get());
            QVERIFY(type == GEOS_POLYGON || type == GEOS_MULTIPOLYGON);
            QVERIFY(!GEOSisEmpty_r(m_geos.handle(), g.get()));
            QVERIFY2(m_geos.isValid(g.get()), qPrintable(toWkt(cell)));
            QVERIFY(m_geos.area(g.get()) > 0.0);
            cellAreaSum += ellipsoidalAreaM2(cell);
        }
        const double parentArea = ellipsoidalAreaM2(parent);
        QVERIFY2(std::abs(cellAreaSum / parentArea - 1.0) < 1e-6,
                 qPrintable(QStringLiteral("cells %1 m2, parent %2 m2")
                                .arg(cellAreaSum, 0, 'f')
                                .arg(parentArea, 0, 'f')));

        Geos::Ptr parentGeom = m_geos.read(parent);
        Geos::Ptr unionGeom = m_geos.unionOf(cells);
        QVERIFY(unionGeom);
        Geos::Ptr difference =
            m_geos.own(GEOSSymDifference_r(m_geos.handle(), unionGeom.get(), parentGeom.get()));
        QVERIFY(difference);
        const double planarParentArea = m_geos.area(parentGeom.get());
        QVERIFY2(m_geos.area(difference.get()) < 1e-4 * planarParentArea,
                 qPrintable(QString::number(m_geos.area(difference.get()) / planarParentArea)));
        QVERIFY2(m_geos.pairwiseOverlapArea(cells) < 1e-9 * planarParentArea,
                 qPrintable(QString::number(m_geos.pairwiseOverlapArea(cells) / planarParentArea)));
    }

private Q_SLOTS:
    void outlineHasRequestedAreaAndShape_data() {
        QTest::addColumn<double>("lon");
        QTest::addColumn<double>("lat");
        QTest::addColumn<double>("areaKm2");
        QTest::addColumn<quint32>("seed");
        QTest::newRow("hunan county") << 113.0 << 28.0 << 1500.0 << 42u;
        QTest::newRow("small district") << 116.4 << 39.9 << 40.0 << 7u;
        QTest::newRow("large northern county") << 125.0 << 50.0 << 8000.0 << 123456u;
        QTest::newRow("southern county") << 109.5 << 18.3 << 900.0 << 0u;
    }
    void outlineHasRequestedAreaAndShape() {
        QFETCH(double, lon);
        QFETCH(double, lat);
        QFETCH(double, areaKm2);
        QFETCH(quint32, seed);
        const QByteArray outline = makeCountyOutline(lon, lat, areaKm2, seed);
        Geos::Ptr g = m_geos.read(outline);
        QVERIFY(g);
        QCOMPARE(GEOSGeomTypeId_r(m_geos.handle(), g.get()), int(GEOS_POLYGON));
        QVERIFY(m_geos.isValid(g.get()));
        const int vertices = GEOSGetNumCoordinates_r(m_geos.handle(), g.get()) - 1;
        QVERIFY2(vertices >= 200 && vertices <= 400, qPrintable(QString::number(vertices)));
        QVERIFY(std::abs(ellipsoidalAreaM2(outline) / (areaKm2 * 1e6) - 1.0) < 0.005);
        QVERIFY(bounds(outline).contains(QPointF(lon, lat)));
    }

    void outlineIsDeterministicPerSeed() {
        QCOMPARE(makeCountyOutline(113.0, 28.0, 1500.0, 1), makeCountyOutline(113.0, 28.0, 1500.0, 1));
        QVERIFY(makeCountyOutline(113.0, 28.0, 1500.0, 1) != makeCountyOutline(113.0, 28.0, 1500.0, 2));
    }

    void outlineRejectsNonPositiveArea() {
        QVERIFY(makeCountyOutline(113.0, 28.0, 0.0, 1).isEmpty());
        QVERIFY(makeCountyOutline(113.0, 28.0, -5.0, 1).isEmpty());
    }

    void partitionTilesOutline_data() {
        QTest::addColumn<int>("n");
        QTest::addColumn<quint32>("seed");
        QTest::newRow("1") << 1 << 3u;
        QTest::newRow("2") << 2 << 3u;
        QTest::newRow("3") << 3 << 5u;
        QTest::newRow("7") << 7 << 3u;
        QTest::newRow("15") << 15 << 11u;
        QTest::newRow("300") << 300 << 3u;
        QTest::newRow("300 other seed") << 300 << 99u;
    }
    void partitionTilesOutline() {
        QFETCH(int, n);
        QFETCH(quint32, seed);
        const QByteArray outline = makeCountyOutline(113.0, 28.0, 1500.0, 42);
        QString error;
        const QVector<QByteArray> cells = partitionPolygon(outline, n, seed, &error);
        QVERIFY2(!cells.isEmpty(), qPrintable(error));
        verifyTiling(outline, cells, n);
        if (n == 1)
            QCOMPARE(cells.front(), outline);
    }

    void partitionIsDeterministicPerSeed() {
        const QByteArray outline = makeCountyOutline(113.0, 28.0, 1500.0, 42);
        const QVector<QByteArray> a = partitionPolygon(outline, 50, 8);
        QCOMPARE(partitionPolygon(outline, 50, 8), a);
        QVERIFY(partitionPolygon(outline, 50, 9) != a);
    }

    void cellsAreOfPlausibleSize() {
        const QByteArray outline = makeCountyOutline(113.0, 28.0, 1500.0, 42);
        const QVector<QByteArray> cells = partitionPolygon(outline, 300, 4);
        QCOMPARE(cells.size(), 300);
        const double mean = ellipsoidalAreaM2(outline) / cells.size();
        double smallest = mean, largest = mean, sumSquares = 0.0;
        for (const QByteArray& cell : cells) {
            const double area = ellipsoidalAreaM2(cell);
            smallest = std::min(smallest, area);
            largest = std::max(largest, area);
            sumSquares += (area - mean) * (area - mean);
        }
        const double variation = std::sqrt(sumSquares / cells.size()) / mean;
        // Irregular (real grids vary) but not wild: no slivers, no giants.
        QVERIFY2(variation > 0.05 && variation < 0.4, qPrintable(QString::number(variation)));
        QVERIFY2(smallest > 0.1 * mean, qPrintable(QString::number(smallest / mean)));
        QVERIFY2(largest < 3.0 * mean, qPrintable(QString::number(largest / mean)));
    }

    void cellsAreNotStretchedAtHighLatitude() {
        // At 50 degrees north a degree of longitude is 0.64 of a degree of latitude; cells built in
        // raw lon/lat would come out tall and thin.
        const QByteArray outline = makeCountyOutline(125.0, 50.0, 2000.0, 5);
        const QVector<QByteArray> cells = partitionPolygon(outline, 200, 5);
        QCOMPARE(cells.size(), 200);
        double ratioSum = 0.0;
        for (const QByteArray& cell : cells) {
            const QRectF box = bounds(cell);
            ratioSum += (box.width() * std::cos(50.0 * M_PI / 180.0)) / box.height();
        }
        const double meanRatio = ratioSum / cells.size();
        QVERIFY2(meanRatio > 0.85 && meanRatio < 1.2, qPrintable(QString::number(meanRatio)));
    }

    void cellsAreOrderedLikeAMap() {
        const QByteArray outline = makeCountyOutline(113.0, 28.0, 1500.0, 42);
        const QVector<QByteArray> cells = partitionPolygon(outline, 100, 6);
        QCOMPARE(cells.size(), 100);
        // First cells lie in the north, last in the south.
        QVERIFY(interiorPoint(cells.front()).y() > interiorPoint(cells.back()).y());
    }

    void recursivePartitionTilesEachLevel() {
        const QByteArray county = makeCountyOutline(113.0, 28.0, 1500.0, 42);
        const QVector<QByteArray> streets = partitionPolygon(county, 15, 1);
        verifyTiling(county, streets, 15);
        for (int i : {0, 7, 14}) {
            const QVector<QByteArray> communities = partitionPolygon(streets[i], 20, 100u + i);
            verifyTiling(streets[i], communities, 20);
            const QVector<QByteArray> grids = partitionPolygon(communities[3], 60, 1000u + i);
            verifyTiling(communities[3], grids, 60);
        }
    }

    void partitionHandlesHolesAndMultiPolygons_data() {
        QTest::addColumn<QString>("wkt");
        QTest::addColumn<int>("n");
        QTest::newRow("polygon with hole")
            << "POLYGON((113 28,113.2 28,113.2 28.2,113 28.2,113 28),(113.05 28.05,113.15 28.05,113.15 28.15,"
               "113.05 28.15,113.05 28.05))"
            << 40;
        QTest::newRow("two islands") << "MULTIPOLYGON(((113 28,113.1 28,113.1 28.1,113 28.1,113 28)),((113.3 "
                                        "28,113.35 28,113.35 28.02,"
                                        "113.3 28.02,113.3 28)))"
                                     << 25;
        QTest::newRow("concave C shape")
            << "POLYGON((0 0,1 0,1 0.1,0.1 0.1,0.1 0.9,1 0.9,1 1,0 1,0 0))" << 30;
    }
    void partitionHandlesHolesAndMultiPolygons() {
        QFETCH(QString, wkt);
        QFETCH(int, n);
        const QByteArray polygon = fromWkt(wkt);
        QString error;
        const QVector<QByteArray> cells = partitionPolygon(polygon, n, 17, &error);
        QVERIFY2(!cells.isEmpty(), qPrintable(error));
        verifyTiling(polygon, cells, n);
    }

    void partitionRejectsBadInput_data() {
        QTest::addColumn<QByteArray>("wkb");
        QTest::addColumn<int>("n");
        const QByteArray square = wkt("POLYGON((0 0,1 0,1 1,0 1,0 0))");
        QTest::newRow("zero parts") << square << 0;
        QTest::newRow("negative parts") << square << -3;
        QTest::newRow("empty bytes") << QByteArray() << 5;
        QTest::newRow("garbage") << QByteArray("not a geometry") << 5;
        QTest::newRow("line") << wkt("LINESTRING(0 0,1 1)") << 5;
        QTest::newRow("empty polygon") << wkt("POLYGON EMPTY") << 5;
        QTest::newRow("bow tie") << wkt("POLYGON((0 0,1 1,1 0,0 1,0 0))") << 5;
    }
    void partitionRejectsBadInput() {
        QFETCH(QByteArray, wkb);
        QFETCH(int, n);
        QString error;
        QVERIFY(partitionPolygon(wkb, n, 1, &error).isEmpty());
        QVERIFY(!error.isEmpty());
    }

    void ellipsoidalAreaOfOneDegreeCellAtEquator() {
        // Closed form for the ellipsoidal zone between two parallels on GRS80 (lon span x b^2/2 x
        // [q(phi)] from 0 to 1 degree, q the authalic-latitude function): 12,308,463,893.6 m2.
        const double area = ellipsoidalAreaM2(wkt("POLYGON((0 0,1 0,1 1,0 1,0 0))"));
        QVERIFY2(std::abs(area / 1.2308e10 - 1.0) < 1e-3, qPrintable(QString::number(area, 'e', 6)));
        QVERIFY2(std::abs(area / 12308463893.6 - 1.0) < 1e-7, qPrintable(QString::number(area, 'f', 1)));
    }

    void ellipsoidalAreaIgnoresOrientationAndSubtractsHoles() {
        const double ccw = ellipsoidalAreaM2(wkt("POLYGON((113 28,113.2 28,113.2 28.2,113 28.2,113 28))"));
        const double cw = ellipsoidalAreaM2(wkt("POLYGON((113 28,113 28.2,113.2 28.2,113.2 28,113 28))"));
        QVERIFY(ccw > 0.0);
        QCOMPARE(cw, ccw);
        const double hole = ellipsoidalAreaM2(
            wkt("POLYGON((113.05 28.05,113.15 28.05,113.15 28.15,113.05 28.15,113.05 28.05))"));
        const double withHole = ellipsoidalAreaM2(wkt(
            "POLYGON((113 28,113 28.2,113.2 28.2,113.2 28,113 28),(113.05 28.05,113.15 28.05,113.15 28.15,"
            "113.05 28.15,113.05 28.05))"));
        QVERIFY(std::abs(withHole - (ccw - hole)) < 1e-6 * ccw);
        const double multi = ellipsoidalAreaM2(
            wkt("MULTIPOLYGON(((113 28,113.2 28,113.2 28.2,113 28.2,113 28)),((113.05 28.05,113.15 28.05,"
                "113.15 28.15,113.05 28.15,113.05 28.05)))"));
        QVERIFY(std::abs(multi - (ccw + hole)) < 1e-6 * ccw);
        QCOMPARE(ellipsoidalAreaM2(QByteArray()), 0.0);
        QCOMPARE(ellipsoidalAreaM2(wkt("LINESTRING(0 0,1 1)")), 0.0);
    }

    void helpers() {
        const QByteArray crescent = wkt("POLYGON((0 0,10 0,10 10,0 10,0 9,9 9,9 1,0 1,0 0))");
        const QPointF inside = interiorPoint(crescent);
        Geos::Ptr g = m_geos.read(crescent);
        Geos::Ptr p = m_geos.own(GEOSGeom_createPointFromXY_r(m_geos.handle(), inside.x(), inside.y()));
        QVERIFY(GEOSContains_r(m_geos.handle(), g.get(), p.get()) == 1);
        QCOMPARE(bounds(crescent), QRectF(0, 0, 10, 10));
        QVERIFY(bounds(QByteArray()).isNull());
        QVERIFY(interiorPoint(QByteArray()).isNull());

        QCOMPARE(toWkt(wkt("POINT(113.5 28.25)")), QStringLiteral("POINT (113.5 28.25)"));
        QCOMPARE(fromWkt(toWkt(crescent)), crescent);
        QString error;
        QVERIFY(fromWkt(QStringLiteral("POLYGON((0 0, 1"), &error).isEmpty());
        QVERIFY(!error.isEmpty());
        QVERIFY(toWkt(QByteArray("junk")).isEmpty());
    }

    void wkbIsIsoLittleEndian2D() {
        const QByteArray wkb = fromWkt(QStringLiteral("POLYGON Z((0 0 1,1 0 1,1 1 1,0 0 1))"));
        QCOMPARE(wkb.at(0), char(1));                               // little endian
        QCOMPARE(wkb.mid(1, 4), QByteArray("\x03\x00\x00\x00", 4)); // ISO type 3, no Z flag
    }
};

QTEST_GUILESS_MAIN(TestPartition)
#include "test_partition.moc"
