#include <gc/geo/CrsTransform.h>
#include <gc/geo/Geometry.h>

#include <QTest>

#include <cmath>

using namespace gc::geo;

class TestCrsTransform : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cgcs2000ToGaussKrugerAndBack() {
        QString error;
        // EPSG:4543: CGCS2000 / 3-degree Gauss-Kruger CM 102E, a typical zone for county data.
        const std::optional<CrsTransform> forward = CrsTransform::create("EPSG:4490", "EPSG:4543", &error);
        QVERIFY2(forward, qPrintable(error));
        const std::optional<CrsTransform> back = CrsTransform::create("EPSG:4543", "EPSG:4490", &error);
        QVERIFY2(back, qPrintable(error));

        const QPointF lonLat(102.5, 30.0);
        bool ok = false;
        const QPointF projected = forward->transform(lonLat, &ok);
        QVERIFY(ok);
        // Traditional GIS order: x is the easting, near the 500 km false easting of the zone.
        QVERIFY2(projected.x() > 500000.0 && projected.x() < 600000.0,
                 qPrintable(QString::number(projected.x())));
        QVERIFY2(projected.y() > 3.3e6 && projected.y() < 3.4e6, qPrintable(QString::number(projected.y())));
        const QPointF again = back->transform(projected, &ok);
        QVERIFY(ok);
        QCOMPARE_LT(std::abs(again.x() - lonLat.x()), 1e-6);
        QCOMPARE_LT(std::abs(again.y() - lonLat.y()), 1e-6);
    }

    // Coordinates, not just a success flag, against values published or derived without PROJ.
    void matchesPublishedVectors_data() {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QPointF>("input");
        QTest::addColumn<QPointF>("expected");
        QTest::addColumn<double>("tolerance");
        // EPSG Guidance Note 7-2, Transverse Mercator example (OSGB 1936 / British National Grid):
        // 50°30'N 0°30'E -> E 577274.99 m, N 69740.50 m (published to the centimetre).
        QTest::newRow("GN 7-2 TM") << QStringLiteral("EPSG:4277") << QStringLiteral("EPSG:27700")
                                   << QPointF(0.5, 50.5) << QPointF(577274.99, 69740.50) << 0.02;
        // EPSG Guidance Note 7-2, Popular Visualisation Pseudo-Mercator example:
        // 24°22'54.433"N 100°20'W -> E -11169055.58 m, N 2800000.00 m.
        QTest::newRow("GN 7-2 Web Mercator")
            << QStringLiteral("EPSG:4326") << QStringLiteral("EPSG:3857")
            << QPointF(-(100.0 + 20.0 / 60), 24.0 + 22.0 / 60 + 54.433 / 3600)
            << QPointF(-11169055.58, 2800000.00) << 0.02;
        // On the central meridian of a Gauss-Krüger zone (scale 1) the easting is the false easting
        // and the northing the meridian arc: ∫ a(1-e²)/(1-e² sin²φ)^{3/2} dφ from 0 to 30° on the
        // CGCS2000 ellipsoid (a 6378137, 1/f 298.257222101), by Simpson's rule: 3320113.398 m.
        QTest::newRow("CGCS2000 GK CM 102E")
            << QStringLiteral("EPSG:4490") << QStringLiteral("EPSG:4543") << QPointF(102.0, 30.0)
            << QPointF(500000.0, 3320113.398) << 0.005;
    }
    void matchesPublishedVectors() {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QPointF, input);
        QFETCH(QPointF, expected);
        QFETCH(double, tolerance);
        QString error;
        const std::optional<CrsTransform> forward = CrsTransform::create(from, to, &error);
        QVERIFY2(forward, qPrintable(error));
        bool ok = false;
        const QPointF got = forward->transform(input, &ok);
        QVERIFY(ok);
        QVERIFY2(std::abs(got.x() - expected.x()) <= tolerance &&
                     std::abs(got.y() - expected.y()) <= tolerance,
                 qPrintable(QStringLiteral("%1 %2").arg(got.x(), 0, 'f', 3).arg(got.y(), 0, 'f', 3)));
        // And back to where it started.
        const std::optional<CrsTransform> back = CrsTransform::create(to, from, &error);
        QVERIFY2(back, qPrintable(error));
        const QPointF again = back->transform(expected, &ok);
        QVERIFY(ok);
        QCOMPARE_LT(std::abs(again.x() - input.x()), 1e-6);
        QCOMPARE_LT(std::abs(again.y() - input.y()), 1e-6);
    }

    void lonLatOrderEvenForGeographicCrs() {
        // EPSG:4326 and 4490 declare lat/lon axis order; we must still take and give lon/lat.
        const std::optional<CrsTransform> t = CrsTransform::create("EPSG:4490", "EPSG:4326");
        QVERIFY(t);
        const QPointF p = t->transform(QPointF(113.0, 28.0));
        QCOMPARE_LT(std::abs(p.x() - 113.0), 1e-5);
        QCOMPARE_LT(std::abs(p.y() - 28.0), 1e-5);
    }

    void acceptsWktAndProjStrings() {
        QString error;
        const std::optional<CrsTransform> t =
            CrsTransform::create("+proj=longlat +ellps=GRS80 +no_defs", "EPSG:3857", &error);
        QVERIFY2(t, qPrintable(error));
        const QPointF p = t->transform(QPointF(180.0, 0.0));
        QCOMPARE_LT(std::abs(p.x() - 20037508.342789244), 1e-3);
        QVERIFY(isKnownCrs(
            QStringLiteral("GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,"
                           "298.257223563]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]]")));
    }

    void unknownCrsIsNamedInTheError_data() {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("culprit");
        QTest::newRow("unknown source") << "EPSG:999999"
                                        << "EPSG:4490"
                                        << "EPSG:999999";
        QTest::newRow("unknown target") << "EPSG:4490"
                                        << "EPSG:999999"
                                        << "EPSG:999999";
        QTest::newRow("gibberish") << "EPSG:4490"
                                   << "not a crs"
                                   << "not a crs";
        QTest::newRow("empty") << ""
                               << "EPSG:4490"
                               << "“”";
    }
    void unknownCrsIsNamedInTheError() {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, culprit);
        QString error;
        QVERIFY(!CrsTransform::create(from, to, &error));
        QVERIFY2(error.contains(culprit), qPrintable(error));
        QString knownError;
        QVERIFY(!isKnownCrs(culprit == "“”" ? QString() : culprit, &knownError));
        QVERIFY(!knownError.isEmpty());
    }

    void knownCrs() {
        QVERIFY(isKnownCrs("EPSG:4490"));
        QVERIFY(isKnownCrs("EPSG:4543"));
        QVERIFY(isKnownCrs("EPSG:3857"));
    }

    void transformsWholeGeometries() {
        const std::optional<CrsTransform> forward = CrsTransform::create("EPSG:4490", "EPSG:4543");
        const std::optional<CrsTransform> back = CrsTransform::create("EPSG:4543", "EPSG:4490");
        QVERIFY(forward && back);
        const QByteArray polygon = fromWkt("POLYGON((102.5 30,102.51 30,102.51 30.01,102.5 30.01,102.5 30))");
        QString error;
        const QByteArray projected = forward->transformWkb(polygon, &error);
        QVERIFY2(!projected.isEmpty(), qPrintable(error));
        QCOMPARE(projected.at(0), char(1));
        const QRectF box = bounds(projected);
        // A 0.01-degree square at 30 N is about 965 m x 1109 m.
        QCOMPARE_LT(std::abs(box.width() - 965.0), 10.0);
        QCOMPARE_LT(std::abs(box.height() - 1109.0), 10.0);
        const QByteArray roundTrip = back->transformWkb(projected, &error);
        QVERIFY2(!roundTrip.isEmpty(), qPrintable(error));
        const QRectF original = bounds(polygon);
        const QRectF returned = bounds(roundTrip);
        QCOMPARE_LT(std::abs(original.left() - returned.left()), 1e-9);
        QCOMPARE_LT(std::abs(original.bottom() - returned.bottom()), 1e-9);

        QVERIFY(forward->transformWkb(QByteArray("garbage"), &error).isEmpty());
        QVERIFY(!error.isEmpty());
    }

    void copiesAreIndependent() {
        std::optional<CrsTransform> original = CrsTransform::create("EPSG:4490", "EPSG:4543");
        QVERIFY(original);
        const CrsTransform copy = *original;
        original.reset();
        QCOMPARE(copy.sourceCrs(), QStringLiteral("EPSG:4490"));
        QCOMPARE(copy.targetCrs(), QStringLiteral("EPSG:4543"));
        bool ok = false;
        // Still the working transformation: the meridian-arc vector of matchesPublishedVectors.
        const QPointF p = copy.transform(QPointF(102.0, 30.0), &ok);
        QVERIFY(ok);
        QCOMPARE_LT(std::abs(p.x() - 500000.0), 0.005);
        QCOMPARE_LT(std::abs(p.y() - 3320113.398), 0.005);
    }
};

QTEST_GUILESS_MAIN(TestCrsTransform)
#include "test_crs_transform.moc"
