// gridctl import: every kind of input the issue lists, generated here with GDAL's own tools,
// each with its behaviour; a refused import leaves the county file byte-for-byte unchanged.
#include "AnalystTestSupport.h"

#include "gc/geo/Geometry.h"
#include "gc/store/CountyStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <limits>

using namespace gc::test;

class TestImport : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_demo;        // the 1,035-grid demo: where the boundaries come from
    QString m_countyOnly;  // a new county holding only its outline
    QString m_withStreets; // … and its streets
    QString m_streetCode;  // one street of it
    QPointF m_inside;      // a point well inside that street

    QString path(const QString& name) const { return m_dir.filePath(name); }

    QString freshCopy(const QString& source, const QString& name) {
        const QString target = path(name);
        QFile::remove(target);
        return QFile::copy(source, target) ? target : QString();
    }

    static Run importInto(const QString& county, const QString& source, const QString& level,
                          const QStringList& extra = {}) {
        return gridctl(QStringList{QStringLiteral("import"), source, QStringLiteral("--into"), county,
                                   QStringLiteral("--level"), level, QStringLiteral("--json")} +
                       extra);
    }

    static QJsonObject json(const Run& r) { return QJsonDocument::fromJson(r.out.toUtf8()).object(); }

    // The demo's streets written by ogr2ogr in `format` with extra options; the file name.
    QString streets(const QString& name, const QStringList& options) {
        const QString out = path(name);
        const Run r = ogr2ogr(options + QStringList{out, m_demo, QStringLiteral("grid_street")});
        if (r.exitCode != 0)
            qWarning("ogr2ogr: %s", qPrintable(r.err));
        return out;
    }

    // Checks that an import is refused with a message containing `message` and changes nothing.
    void expectRefused(const QString& county, const QString& source, const QString& level,
                       const QString& message, const QStringList& extra = {}) {
        const QByteArray before = fingerprint(county);
        QVERIFY(!before.isEmpty());
        const Run r = importInto(county, source, level, extra);
        QVERIFY2(r.exitCode != 0, qPrintable(r.out));
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QCOMPARE(gridctlErrorLines(r.err).size(), 1); // one clear line
        QCOMPARE(fingerprint(county), before);
    }

    static void writeText(const QString& file, const QString& text) {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text.toUtf8());
    }

    // A GeoJSON FeatureCollection of community features (EPSG:4490 by RFC 7946 convention, but
    // declared explicitly so GDAL reads it as CGCS2000).
    QString communities(const QString& name, const QList<QPair<QString, QString>>& codeAndGeometry) {
        QStringList features;
        int n = 0;
        for (const auto& [code, geometry] : codeAndGeometry)
            features
                << QStringLiteral(
                       R"({"type":"Feature","properties":{"code":"%1","name":"测试社区%2"},"geometry":%3})")
                       .arg(code)
                       .arg(++n)
                       .arg(geometry);
        const QString file = path(name);
        writeText(
            file,
            QStringLiteral(
                R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4490"}},"features":[%1]})")
                .arg(features.join(QLatin1Char(','))));
        return file;
    }

    QString square(double cx, double cy, double half) const {
        return QStringLiteral("[[%1,%2],[%3,%2],[%3,%4],[%1,%4],[%1,%2]]")
            .arg(cx - half, 0, 'f', 8)
            .arg(cy - half, 0, 'f', 8)
            .arg(cx + half, 0, 'f', 8)
            .arg(cy + half, 0, 'f', 8);
    }

    QString nameOfStreet(const QString& county, const QString& code) {
        return sqlValue(county, QStringLiteral("SELECT name FROM grid_street WHERE code = '%1'").arg(code));
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(missingTools().isEmpty(), qPrintable(QStringLiteral("missing: ") + missingTools()));
        m_demo = path(QStringLiteral("demo.gpkg"));
        QVERIFY(makeDemo(m_demo));
        // A real county starts from its outline: `--into` a file that does not exist creates it.
        const QString outline = path(QStringLiteral("outline.geojson"));
        QCOMPARE(ogr2ogr({QStringLiteral("-f"), QStringLiteral("GeoJSON"), outline, m_demo,
                          QStringLiteral("grid_county")})
                     .exitCode,
                 0);
        m_countyOnly = path(QStringLiteral("county-only.gpkg"));
        const Run created = importInto(m_countyOnly, outline, QStringLiteral("county"));
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        QVERIFY(json(created)[QStringLiteral("county_created")].toBool());
        m_withStreets = freshCopy(m_countyOnly, QStringLiteral("with-streets.gpkg"));
        const QString single =
            streets(QStringLiteral("streets.gpkg"), {QStringLiteral("-f"), QStringLiteral("GPKG")});
        const Run streetsRun = importInto(m_withStreets, single, QStringLiteral("street"));
        QVERIFY2(streetsRun.exitCode == 0, qPrintable(streetsRun.err));
        QCOMPARE(featureCount(m_withStreets, QStringLiteral("grid_street")), 10);
        m_streetCode =
            sqlValue(m_withStreets, QStringLiteral("SELECT code FROM grid_street ORDER BY code LIMIT 1"));
        QString error;
        auto store = gc::CountyStore::open(m_withStreets, &error);
        QVERIFY2(store, qPrintable(error));
        m_inside = gc::geo::interiorPoint(store->grid(m_streetCode)->wkb);
        QVERIFY(!m_inside.isNull());
    }

    void newCountyNeedsItsOutlineFirst() {
        const QString missing = path(QStringLiteral("never.gpkg"));
        const Run r = importInto(
            missing, streets(QStringLiteral("s0.geojson"), {QStringLiteral("-f"), QStringLiteral("GeoJSON")}),
            QStringLiteral("street"));
        QVERIFY(r.exitCode != 0);
        QVERIFY(r.err.contains(QLatin1String("--level county")));
        QVERIFY(!QFile::exists(missing));
    }

    void gbkShapefileWithoutCpgIsDetected() {
        const QString shp = streets(QStringLiteral("gbk-nocpg.shp"),
                                    {QStringLiteral("-lco"), QStringLiteral("ENCODING=CP936")});
        QVERIFY(QFile::remove(path(QStringLiteral("gbk-nocpg.cpg"))));
        const QString county = freshCopy(m_countyOnly, QStringLiteral("t-gbk-nocpg.gpkg"));
        const Run r = importInto(county, shp, QStringLiteral("street"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(json(r)[QStringLiteral("encoding")].toString(), QStringLiteral("CP936"));
        QCOMPARE(json(r)[QStringLiteral("encoding_source")].toString(), QStringLiteral("detected"));
        QCOMPARE(nameOfStreet(county, m_streetCode), nameOfStreet(m_demo, m_streetCode));
        QVERIFY(nameOfStreet(county, m_streetCode).contains(QStringLiteral("街道")) ||
                nameOfStreet(county, m_streetCode).contains(QStringLiteral("镇")) ||
                nameOfStreet(county, m_streetCode).contains(QStringLiteral("乡")));
    }

    void gbkShapefileWithCpg() {
        const QString shp = streets(QStringLiteral("gbk-cpg.shp"),
                                    {QStringLiteral("-lco"), QStringLiteral("ENCODING=CP936")});
        const QString county = freshCopy(m_countyOnly, QStringLiteral("t-gbk-cpg.gpkg"));
        const Run r = importInto(county, shp, QStringLiteral("street"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(json(r)[QStringLiteral("encoding_source")].toString(), QStringLiteral("cpg"));
        QCOMPARE(nameOfStreet(county, m_streetCode), nameOfStreet(m_demo, m_streetCode));
    }

    void encodingOption() {
        const QString shp = streets(QStringLiteral("gbk-opt.shp"),
                                    {QStringLiteral("-lco"), QStringLiteral("ENCODING=CP936")});
        QVERIFY(QFile::remove(path(QStringLiteral("gbk-opt.cpg"))));
        const QString county = freshCopy(m_countyOnly, QStringLiteral("t-gbk-opt.gpkg"));
        const Run r = importInto(county, shp, QStringLiteral("street"),
                                 {QStringLiteral("--encoding"), QStringLiteral("GBK")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(json(r)[QStringLiteral("encoding_source")].toString(), QStringLiteral("option"));
        QCOMPARE(nameOfStreet(county, m_streetCode), nameOfStreet(m_demo, m_streetCode));
    }

    void projectedGaussKruger4527() {
        const QString shp =
            streets(QStringLiteral("gk4527.shp"), {QStringLiteral("-t_srs"), QStringLiteral("EPSG:4527")});
        const QString county = freshCopy(m_countyOnly, QStringLiteral("t-4527.gpkg"));
        const Run r = importInto(county, shp, QStringLiteral("street"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(json(r)[QStringLiteral("crs")].toString(), QStringLiteral("EPSG:4527"));
        const QStringList sqlite = {QStringLiteral("-dialect"), QStringLiteral("sqlite")};
        const double imported =
            sqlValue(county, QStringLiteral("SELECT sum(ST_Area(geom, 1)) FROM grid_street"), sqlite)
                .toDouble();
        const double source =
            sqlValue(m_demo, QStringLiteral("SELECT sum(ST_Area(geom, 1)) FROM grid_street"), sqlite)
                .toDouble();
        QVERIFY2(std::abs(imported - source) / source < 1e-6,
                 qPrintable(QStringLiteral("%1 vs %2").arg(imported).arg(source)));
        // Reprojected into the county's CRS.
        const Run info =
            ogrinfo({QStringLiteral("-ro"), QStringLiteral("-so"), county, QStringLiteral("grid_street")});
        QVERIFY(info.out.contains(QLatin1String("China Geodetic Coordinate System 2000")));
    }

    void zippedShapefile() {
        const QString zip = streets(QStringLiteral("zipped.shp.zip"),
                                    {QStringLiteral("-f"), QStringLiteral("ESRI Shapefile")});
        QVERIFY(QFile::exists(zip));
        const QString county = freshCopy(m_countyOnly, QStringLiteral("t-zip.gpkg"));
        const Run r = importInto(county, zip, QStringLiteral("street"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(featureCount(county, QStringLiteral("grid_street")), 10);
    }

    void noPrjIsRefusedUnlessAssumed() {
        const QString shp = streets(QStringLiteral("noprj.shp"), {});
        QVERIFY(QFile::remove(path(QStringLiteral("noprj.prj"))));
        const QString county = freshCopy(m_countyOnly, QStringLiteral("t-noprj.gpkg"));
        expectRefused(county, shp, QStringLiteral("street"), QStringLiteral("--assume-crs"));
        const Run r = importInto(county, shp, QStringLiteral("street"),
                                 {QStringLiteral("--assume-crs"), QStringLiteral("EPSG:4490")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(featureCount(county, QStringLiteral("grid_street")), 10);
    }

    void refusals_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("point layer") << "points"
                                     << "不是面图层";
        QTest::newRow("empty file") << "empty"
                                    << "没有要素";
        QTest::newRow("truncated shp") << "truncated"
                                       << "损坏";
        QTest::newRow("unreadable file") << "garbage"
                                         << "无法读取";
        QTest::newRow("missing file") << "missing"
                                      << "不存在";
        QTest::newRow("codes clash") << "clash"
                                     << "冲突";
        QTest::newRow("duplicate codes") << "duplicate"
                                         << "编码重复";
        QTest::newRow("missing codes") << "nocode"
                                       << "缺少编码";
        QTest::newRow("wrong code length") << "badcode"
                                           << "编码不符合";
        QTest::newRow("outside every parent") << "outside"
                                              << "测试社区1";
    }
    void refusals() {
        QFETCH(QString, kind);
        QFETCH(QString, message);
        QString county = freshCopy(m_withStreets, QStringLiteral("t-refused-%1.gpkg").arg(kind));
        QString level = QStringLiteral("community");
        QString source;
        const QString childCode = m_streetCode + QStringLiteral("901");
        const QString inside = QStringLiteral(R"({"type":"Polygon","coordinates":[%1]})")
                                   .arg(square(m_inside.x(), m_inside.y(), 0.0002));
        if (kind == QLatin1String("points")) {
            source = path(QStringLiteral("points.geojson"));
            QCOMPARE(ogr2ogr({QStringLiteral("-f"), QStringLiteral("GeoJSON"), source, m_demo,
                              QStringLiteral("-dialect"), QStringLiteral("sqlite"), QStringLiteral("-sql"),
                              QStringLiteral(
                                  "SELECT code, name, ST_PointOnSurface(geom) AS geom FROM grid_community")})
                         .exitCode,
                     0);
        } else if (kind == QLatin1String("empty")) {
            source = path(QStringLiteral("empty.shp"));
            QCOMPARE(ogr2ogr({source, m_demo, QStringLiteral("grid_community"), QStringLiteral("-where"),
                              QStringLiteral("1 = 0")})
                         .exitCode,
                     0);
        } else if (kind == QLatin1String("truncated")) {
            source = path(QStringLiteral("truncated.shp"));
            QCOMPARE(ogr2ogr({source, m_demo, QStringLiteral("grid_community")}).exitCode, 0);
            QFile shp(source);
            QVERIFY(shp.resize(shp.size() * 6 / 10));
        } else if (kind == QLatin1String("garbage")) {
            source = path(QStringLiteral("garbage.geojson"));
            writeText(source, QStringLiteral("this is not { a vector file"));
        } else if (kind == QLatin1String("missing")) {
            source = path(QStringLiteral("does-not-exist.shp"));
        } else if (kind == QLatin1String("clash")) {
            level = QStringLiteral("street");
            source =
                streets(QStringLiteral("clash.geojson"), {QStringLiteral("-f"), QStringLiteral("GeoJSON")});
        } else if (kind == QLatin1String("duplicate")) {
            source = communities(QStringLiteral("dup.geojson"), {{childCode, inside}, {childCode, inside}});
        } else if (kind == QLatin1String("nocode")) {
            source = communities(QStringLiteral("nocode.geojson"), {{QString(), inside}});
        } else if (kind == QLatin1String("badcode")) {
            source = communities(QStringLiteral("badcode.geojson"), {{QStringLiteral("12345"), inside}});
        } else if (kind == QLatin1String("outside")) {
            source = communities(QStringLiteral("outside.geojson"),
                                 {{childCode, QStringLiteral(R"({"type":"Polygon","coordinates":[%1]})")
                                                  .arg(square(100.0, 30.0, 0.001))}});
        }
        expectRefused(county, source, level, message);
    }

    // A GeoPackage with points first, then two polygon layers: the first polygon layer by
    // default, any layer by name with --layer; an unknown layer or a point layer is refused.
    void layerOfAMultiLayerSource() {
        const QString source = path(QStringLiteral("layers.gpkg"));
        QVERIFY(writeMultiLayerSource(source, m_demo, QStringLiteral("community"),
                                      {QStringLiteral("grid_community"), QStringLiteral("grid_street")}));

        const QString county = freshCopy(m_withStreets, QStringLiteral("t-layers.gpkg"));
        const Run chosen = importInto(county, source, QStringLiteral("community"));
        QVERIFY2(chosen.exitCode == 0, qPrintable(chosen.err));
        QCOMPARE(json(chosen)[QStringLiteral("layer")].toString(), QStringLiteral("grid_community"));
        QCOMPARE(featureCount(county, QStringLiteral("grid_community")),
                 featureCount(m_demo, QStringLiteral("grid_community")));

        const QString named = freshCopy(m_countyOnly, QStringLiteral("t-layer-named.gpkg"));
        const Run streetsRun = importInto(named, source, QStringLiteral("street"),
                                          {QStringLiteral("--layer"), QStringLiteral("grid_street")});
        QVERIFY2(streetsRun.exitCode == 0, qPrintable(streetsRun.err));
        QCOMPARE(featureCount(named, QStringLiteral("grid_street")), 10);

        expectRefused(freshCopy(m_withStreets, QStringLiteral("t-layer-missing.gpkg")), source,
                      QStringLiteral("community"), QStringLiteral("没有名为“nope”的图层"),
                      {QStringLiteral("--layer"), QStringLiteral("nope")});
        expectRefused(freshCopy(m_withStreets, QStringLiteral("t-layer-points.gpkg")), source,
                      QStringLiteral("community"), QStringLiteral("不是面图层"),
                      {QStringLiteral("--layer"), QStringLiteral("community_points")});
    }

    void levelThatDoesNotExist() {
        const QString county = freshCopy(m_withStreets, QStringLiteral("t-level.gpkg"));
        const QByteArray before = fingerprint(county);
        const Run r = importInto(county, m_demo, QStringLiteral("district"));
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QLatin1String("district")));
        QCOMPARE(fingerprint(county), before);
    }

    // A multipolygon with a hole, and a self-intersecting ring that GEOS make-valid repairs.
    void multipolygonWithHoleAndRepairedBowtie() {
        const double x = m_inside.x();
        const double y = m_inside.y();
        const double d = 0.0003;
        const QString holed = QStringLiteral(R"({"type":"MultiPolygon","coordinates":[[%1,%2],[%3]]})")
                                  .arg(square(x, y, d), square(x, y, d / 3), square(x + 3 * d, y, d / 2));
        // Bow-tie: the ring crosses itself at (x, y - 3d).
        const QString bowtie =
            QStringLiteral(R"({"type":"Polygon","coordinates":[[[%1,%2],[%3,%4],[%3,%2],[%1,%4],[%1,%2]]]})")
                .arg(x - d, 0, 'f', 8)
                .arg(y - 4 * d, 0, 'f', 8)
                .arg(x + d, 0, 'f', 8)
                .arg(y - 2 * d, 0, 'f', 8);
        const QString holedCode = m_streetCode + QStringLiteral("901");
        const QString bowtieCode = m_streetCode + QStringLiteral("902");
        const QString source =
            communities(QStringLiteral("holes.geojson"), {{holedCode, holed}, {bowtieCode, bowtie}});
        const QString county = freshCopy(m_withStreets, QStringLiteral("t-holes.gpkg"));
        const Run r = importInto(county, source, QStringLiteral("community"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject report = json(r);
        QCOMPARE(report[QStringLiteral("imported")].toInt(), 2);
        QCOMPARE(report[QStringLiteral("parents_by_overlap")].toInt(), 2);
        QCOMPARE(report[QStringLiteral("repairs")].toArray().size(), 1);
        QVERIFY(report[QStringLiteral("repairs")].toArray().first().toString().contains(bowtieCode));

        const QStringList sqlite = {QStringLiteral("-dialect"), QStringLiteral("sqlite")};
        QCOMPARE(sqlValue(county, QStringLiteral("SELECT parent_code FROM grid_community WHERE code = '%1'")
                                      .arg(holedCode)),
                 m_streetCode);
        QCOMPARE(
            sqlValue(county,
                     QStringLiteral("SELECT ST_NumGeometries(geom) FROM grid_community WHERE code = '%1'")
                         .arg(holedCode),
                     sqlite),
            QStringLiteral("2"));
        QCOMPARE(
            sqlValue(
                county,
                QStringLiteral(
                    "SELECT ST_NumInteriorRing(ST_GeometryN(geom, 1)) FROM grid_community WHERE code = '%1'")
                    .arg(holedCode),
                sqlite),
            QStringLiteral("1"));
        QCOMPARE(sqlValue(county,
                          QStringLiteral("SELECT ST_IsValid(geom) FROM grid_community WHERE code = '%1'")
                              .arg(bowtieCode),
                          sqlite),
                 QStringLiteral("1"));
        QCOMPARE(
            sqlValue(county,
                     QStringLiteral("SELECT ST_NumGeometries(geom) FROM grid_community WHERE code = '%1'")
                         .arg(bowtieCode),
                     sqlite),
            QStringLiteral("2"));
        // The hole is subtracted: area = outer − hole + second part.
        QString error;
        const double expected = gc::geo::ellipsoidalAreaM2(
            gc::geo::fromWkt(QStringLiteral("MULTIPOLYGON(((%1 %2,%3 %2,%3 %4,%1 %4,%1 %2),(%5 %6,%7 %6,%7 "
                                            "%8,%5 %8,%5 %6)),((%9 %10,%11 %10,%11 %12,%9 %12,%9 %10)))")
                                 .arg(x - d, 0, 'f', 8)
                                 .arg(y - d, 0, 'f', 8)
                                 .arg(x + d, 0, 'f', 8)
                                 .arg(y + d, 0, 'f', 8)
                                 .arg(x - d / 3, 0, 'f', 8)
                                 .arg(y - d / 3, 0, 'f', 8)
                                 .arg(x + d / 3, 0, 'f', 8)
                                 .arg(y + d / 3, 0, 'f', 8)
                                 .arg(x + 2.5 * d, 0, 'f', 8)
                                 .arg(y - d / 2, 0, 'f', 8)
                                 .arg(x + 3.5 * d, 0, 'f', 8)
                                 .arg(y + d / 2, 0, 'f', 8),
                             &error));
        QVERIFY2(expected > 0, qPrintable(error));
        const double imported =
            sqlValue(county,
                     QStringLiteral("SELECT ST_Area(geom, 1) FROM grid_community WHERE code = '%1'")
                         .arg(holedCode),
                     sqlite)
                .toDouble();
        QVERIFY2(std::abs(imported - expected) / expected < 1e-3,
                 qPrintable(QStringLiteral("%1 vs %2").arg(imported).arg(expected)));
    }

    // Issue #10 item 2: metres read as degrees. The demo county lies at 124.1–124.5°E, 40.1–40.3°N:
    // 3° zone round(124.3 / 3) = 41 → EPSG:4513 + (41 − 25) = 4529 (false easting 41,500,000);
    // 6° zone floor(124.3 / 6) + 1 = 21 → EPSG:4491 + (21 − 13) = 4499. Without the zone number in
    // the easting the numbers cannot tell the zone, so the 3° family (4534–4554) and the 6° family
    // (4502–4512) are named as ranges that must include CM 123°E (4550, 4510).
    void metresAreNotDegrees_data() {
        QTest::addColumn<QString>("writtenIn");
        QTest::addColumn<QString>("declared"); // what the .prj says: "none" or "wgs84"
        QTest::addColumn<QList<int>>("named"); // EPSG codes the hint must name
        QTest::addColumn<QString>("fix");      // --assume-crs that then imports it, if one zone is named
        QTest::newRow("3° zone 41, no .prj, assumed 4490") << "EPSG:4529"
                                                           << "none" << QList<int>{4529} << "EPSG:4529";
        QTest::newRow("3° zone 41, .prj says WGS 84") << "EPSG:4529"
                                                      << "wgs84" << QList<int>{4529} << "EPSG:4529";
        QTest::newRow("6° zone 21, no .prj") << "EPSG:4499"
                                             << "none" << QList<int>{4499} << "EPSG:4499";
        QTest::newRow("3° CM 123E, no zone number") << "EPSG:4550"
                                                    << "none" << QList<int>{4550, 4510} << "";
    }
    void metresAreNotDegrees() {
        QFETCH(QString, writtenIn);
        QFETCH(QString, declared);
        QFETCH(QList<int>, named);
        QFETCH(QString, fix);
        const QString stem = QStringLiteral("metres-%1-%2").arg(writtenIn.mid(5), declared);
        const QString shp = streets(stem + QStringLiteral(".shp"), {QStringLiteral("-t_srs"), writtenIn});
        const QString prj = path(stem + QStringLiteral(".prj"));
        QVERIFY(QFile::remove(prj));
        QStringList extra;
        if (declared == QLatin1String("wgs84")) {
            QVERIFY(QFile::exists(streets(QStringLiteral("wgs84.shp"),
                                          {QStringLiteral("-t_srs"), QStringLiteral("EPSG:4326")})));
            QVERIFY(QFile::copy(path(QStringLiteral("wgs84.prj")), prj));
        } else {
            extra = {QStringLiteral("--assume-crs"), QStringLiteral("EPSG:4490")};
        }
        const QString county = freshCopy(m_countyOnly, QStringLiteral("t-%1.gpkg").arg(stem));
        expectRefused(county, shp, QStringLiteral("street"), QStringLiteral("坐标像是投影坐标（米）"), extra);
        const Run refused = importInto(county, shp, QStringLiteral("street"), extra);
        // The EPSG codes the message names, ranges "EPSG:a–b" expanded.
        QList<int> codes;
        const QRegularExpression code(QStringLiteral("EPSG:(\\d+)(?:–(\\d+))?"));
        for (auto it = code.globalMatch(refused.err); it.hasNext();) {
            const auto m = it.next();
            const int first = m.captured(1).toInt();
            const int last = m.captured(2).isEmpty() ? first : m.captured(2).toInt();
            for (int c = first; c <= last; ++c)
                if (c != 4490 && c != 4326 && !codes.contains(c))
                    codes << c;
        }
        for (int expected : named)
            QVERIFY2(codes.contains(expected), qPrintable(refused.err));
        // Zone-numbered eastings name exactly one zone; without the number no numbered zone fits.
        if (!fix.isEmpty())
            QCOMPARE(codes.size(), 1);
        for (int c : codes)
            QVERIFY2(fix.isEmpty() ? !(c >= 4491 && c <= 4501) && !(c >= 4513 && c <= 4533) : true,
                     qPrintable(refused.err));
        if (fix.isEmpty())
            return;
        const Run r =
            importInto(county, shp, QStringLiteral("street"), {QStringLiteral("--assume-crs"), fix});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QStringList sqlite = {QStringLiteral("-dialect"), QStringLiteral("sqlite")};
        const double imported =
            sqlValue(county, QStringLiteral("SELECT sum(ST_Area(geom, 1)) FROM grid_street"), sqlite)
                .toDouble();
        const double source =
            sqlValue(m_demo, QStringLiteral("SELECT sum(ST_Area(geom, 1)) FROM grid_street"), sqlite)
                .toDouble();
        QVERIFY2(std::abs(imported - source) / source < 1e-6,
                 qPrintable(QStringLiteral("%1 vs %2").arg(imported).arg(source)));
    }

    // NaN, infinity, 1e300 or an empty geometry in a source: refused, nothing written.
    void nonFiniteOrEmptySourceGeometry_data() {
        QTest::addColumn<QString>("blob");
        QTest::addColumn<QString>("message");
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const double inf = std::numeric_limits<double>::infinity();
        const QPointF a(124.2, 40.2), b(124.3, 40.2), c(124.3, 40.3);
        QTest::newRow("NaN") << gpkgBlobHex({a, QPointF(nan, 40.2), c, a}) << "不是有限数";
        QTest::newRow("infinity") << gpkgBlobHex({a, QPointF(inf, 40.2), c, a}) << "不是有限数";
        QTest::newRow("1e300") << gpkgBlobHex({a, QPointF(1e300, 40.2), c, a}) << "超出坐标系";
        QTest::newRow("empty") << gpkgBlobHex({}) << "没有几何";
        QTest::newRow("NULL") << "NULL"
                              << "没有几何";
        Q_UNUSED(b);
    }
    void nonFiniteOrEmptySourceGeometry() {
        QFETCH(QString, blob);
        QFETCH(QString, message);
        const QString source = path(QStringLiteral("poisoned-%1.gpkg").arg(QTest::currentDataTag()));
        QFile::remove(source);
        QCOMPARE(ogr2ogr({QStringLiteral("-f"), QStringLiteral("GPKG"), source, m_demo,
                          QStringLiteral("grid_street")})
                     .exitCode,
                 0);
        QVERIFY(setGeometry(source, QStringLiteral("grid_street"), 3, blob));
        const QString county = freshCopy(m_countyOnly, QStringLiteral("t-poisoned.gpkg"));
        expectRefused(county, source, QStringLiteral("street"), message);
    }

    // Item 7: PolygonZ loses Z on the way in (the layers are declared 2-D) and the import says so.
    void threeDimensionalSourceIsFlattened() {
        const QString shp =
            streets(QStringLiteral("streets-z.shp"), {QStringLiteral("-dim"), QStringLiteral("XYZ")});
        QVERIFY(ogrinfo({QStringLiteral("-ro"), QStringLiteral("-so"), shp, QStringLiteral("streets-z")})
                    .out.contains(QLatin1String("3D Polygon")));
        const QString county = freshCopy(m_countyOnly, QStringLiteral("t-z.gpkg"));
        const Run r = importInto(county, shp, QStringLiteral("street"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray notes = json(r)[QStringLiteral("notes")].toArray();
        QVERIFY2(notes.size() == 1 && notes.first().toString().contains(QLatin1String("Z")),
                 qPrintable(r.out));
        // GDAL reads every stored geometry back as 2-D, as the layer declares.
        const Run all = ogrinfo({QStringLiteral("-ro"), county, QStringLiteral("grid_street")});
        QCOMPARE(all.out.count(QStringLiteral("MULTIPOLYGON (((")), 10);
        QVERIFY(!all.out.contains(QLatin1String("MULTIPOLYGON Z")));
        QCOMPARE(
            sqlValue(county,
                     QStringLiteral("SELECT z FROM gpkg_geometry_columns WHERE table_name = 'grid_street'")),
            QStringLiteral("0"));
    }

    // Item 6: a DBF language id names a code page only sometimes; 0x57 ("system ANSI") and 0x00
    // never override detection, a real one (0x4D = CP936) is believed. Always said which and why.
    void dbfLanguageId_data() {
        QTest::addColumn<int>("ldid");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("reason");
        QTest::newRow("0x57 system code page") << 0x57 << "detected"
                                               << "0x57";
        QTest::newRow("0x00 none") << 0x00 << "detected"
                                   << "按内容识别";
        QTest::newRow("0x4D CP936") << 0x4D << "ldid"
                                    << "0x4D";
    }
    void dbfLanguageId() {
        QFETCH(int, ldid);
        QFETCH(QString, source);
        QFETCH(QString, reason);
        const QString stem = QStringLiteral("ldid%1").arg(ldid, 2, 16, QLatin1Char('0'));
        const QString shp = streets(stem + QStringLiteral(".shp"),
                                    {QStringLiteral("-lco"), QStringLiteral("ENCODING=CP936")});
        QVERIFY(QFile::remove(path(stem + QStringLiteral(".cpg"))));
        {
            QFile dbf(path(stem + QStringLiteral(".dbf")));
            QVERIFY(dbf.open(QIODevice::ReadWrite));
            QVERIFY(dbf.seek(29)); // dBASE header: language driver id
            QCOMPARE(dbf.write(QByteArray(1, char(ldid))), 1);
        }
        const QString county = freshCopy(m_countyOnly, QStringLiteral("t-%1.gpkg").arg(stem));
        const Run r = importInto(county, shp, QStringLiteral("street"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(json(r)[QStringLiteral("encoding")].toString(), QStringLiteral("CP936"));
        QCOMPARE(json(r)[QStringLiteral("encoding_source")].toString(), source);
        QVERIFY2(json(r)[QStringLiteral("encoding_reason")].toString().contains(reason), qPrintable(r.out));
        QCOMPARE(nameOfStreet(county, m_streetCode), nameOfStreet(m_demo, m_streetCode));
        // The text summary says it too.
        const Run text =
            gridctl({QStringLiteral("import"), shp, QStringLiteral("--into"),
                     freshCopy(m_countyOnly, QStringLiteral("t-%1-text.gpkg").arg(stem)),
                     QStringLiteral("--level"), QStringLiteral("street"), QStringLiteral("--quiet")});
        QVERIFY2(text.exitCode == 0 && text.out.contains(reason), qPrintable(text.out + text.err));
    }

    // Item 9: a Shapefile without its .dbf or .shx names the missing file.
    void missingSidecarIsNamed_data() {
        QTest::addColumn<QString>("suffix");
        QTest::newRow("dbf") << ".dbf";
        QTest::newRow("shx") << ".shx";
    }
    void missingSidecarIsNamed() {
        QFETCH(QString, suffix);
        const QString stem = QStringLiteral("no%1").arg(suffix.mid(1));
        const QString shp = streets(stem + QStringLiteral(".shp"), {});
        QVERIFY(QFile::remove(path(stem + suffix)));
        expectRefused(freshCopy(m_countyOnly, QStringLiteral("t-%1.gpkg").arg(stem)), shp,
                      QStringLiteral("street"), stem + suffix);
    }

    void helpTellsWhoCreatesTheCounty() {
        const Run r = gridctl({QStringLiteral("import"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("Only --level county creates it")), qPrintable(r.out));
        QVERIFY(!r.out.contains(QLatin1String("created (empty) when it does not exist")));
    }

    // Item 3 and 9: the disk fills while the grids are written (a file size limit, SIGXFSZ
    // ignored as a shell's `trap '' XFSZ` does, so writes fail with EFBIG like ENOSPC). One line
    // of ours on stderr and nothing of GDAL's; the county byte for byte as before, triggers included.
    void fullDiskLeavesCountyUnchanged() {
        const QString county = freshCopy(m_withStreets, QStringLiteral("t-full.gpkg"));
        const QString source = path(QStringLiteral("full-communities.gpkg"));
        QFile::remove(source);
        QCOMPARE(ogr2ogr({QStringLiteral("-f"), QStringLiteral("GPKG"), source, m_demo,
                          QStringLiteral("grid_community")})
                     .exitCode,
                 0);
        const QByteArray before = fingerprint(county);
        const QString triggersBefore =
            run(QStandardPaths::findExecutable(QStringLiteral("sqlite3")),
                {county, QStringLiteral("SELECT group_concat(name) FROM (SELECT name FROM sqlite_master "
                                        "WHERE type = 'trigger' ORDER BY name)")})
                .out;
        QVERIFY(!triggersBefore.trimmed().isEmpty());
        // 48 KB: room for SQLite's 32 KB shared-memory index, not for the write-ahead log of 110
        // communities, so the failure comes while writing (measured: the log needs about 90 KB).
        const qint64 limitKb = 48;
        // bash: its `ulimit -f` counts KiB (dash's counts 512-byte blocks).
        const Run r = run(QStandardPaths::findExecutable(QStringLiteral("bash")),
                          {QStringLiteral("-c"),
                           QStringLiteral("trap '' XFSZ; ulimit -f %1; exec \"$0\" import "
                                          "\"$1\" --into \"$2\" --level community --quiet")
                               .arg(limitKb),
                           gridctlPath(), source, county});
        QVERIFY2(r.exitCode == 1, qPrintable(QStringLiteral("exit %1: %2").arg(r.exitCode).arg(r.err)));
        QCOMPARE(stderrLines(r.err).size(), 1);
        QCOMPARE(gridctlErrorLines(r.err).size(), 1);
        QCOMPARE(fingerprint(county), before);
        const QString triggersAfter =
            run(QStandardPaths::findExecutable(QStringLiteral("sqlite3")),
                {county, QStringLiteral("SELECT group_concat(name) FROM (SELECT name FROM sqlite_master "
                                        "WHERE type = 'trigger' ORDER BY name)")})
                .out;
        QCOMPARE(triggersAfter, triggersBefore);
        QCOMPARE(featureCount(county, QStringLiteral("grid_community")), 0);
    }

    // Item 8: an analyst's grids with their own 12-digit codes, parents named by a JDDM field with
    // street codes, for a county that has no community level. The source: the demo's grids of one
    // street, coded county (6) + fid (6 digits), as ogr2ogr's SQL writes them.
    QString ownCodedGrids(const QString& name, const QString& codeSql = QStringLiteral(
                                                   "substr(code, 1, 6) || substr('000000' || fid, -6)")) {
        const QString out = path(name);
        QFile::remove(out);
        const Run r =
            ogr2ogr({QStringLiteral("-f"), QStringLiteral("GPKG"), out, m_demo, QStringLiteral("-dialect"),
                     QStringLiteral("sqlite"), QStringLiteral("-sql"),
                     QStringLiteral("SELECT %1 AS wgbm, name AS wgmc, substr(code, 1, 9) AS jddm, geom "
                                    "FROM grid_grid WHERE code LIKE '%2%' ORDER BY code")
                         .arg(codeSql, m_streetCode),
                     QStringLiteral("-nln"), QStringLiteral("grids")});
        if (r.exitCode != 0)
            qWarning("ogr2ogr: %s", qPrintable(r.err));
        return out;
    }
    static QStringList ownCodeOptions(const QString& codes) {
        QStringList o = {QStringLiteral("--code-field"),   QStringLiteral("wgbm"),
                         QStringLiteral("--name-field"),   QStringLiteral("wgmc"),
                         QStringLiteral("--parent-field"), QStringLiteral("jddm")};
        if (!codes.isEmpty())
            o << QStringLiteral("--codes") << codes;
        return o;
    }
    // "code|parent|source_code" of every grid, in code order, as ogrinfo reads them.
    static QStringList gridRows(const QString& county, const QString& columns) {
        const Run r = ogrinfo({QStringLiteral("-ro"), QStringLiteral("-q"), county, QStringLiteral("-sql"),
                               QStringLiteral("SELECT %1 AS row FROM grid_grid ORDER BY code").arg(columns)});
        QStringList rows;
        const QRegularExpression value(QStringLiteral("row \\(String\\) = (.*)"));
        for (auto it = value.globalMatch(r.out); it.hasNext();)
            rows << it.next().captured(1).trimmed();
        return rows;
    }

    void ownCodesAreRefusedNamingBothOptions() {
        const QString source = ownCodedGrids(QStringLiteral("own-codes-check.gpkg"));
        expectRefused(freshCopy(m_withStreets, QStringLiteral("t-own-check.gpkg")), source,
                      QStringLiteral("grid"), QStringLiteral("--codes keep"), ownCodeOptions({}));
        const Run r = importInto(m_withStreets, source, QStringLiteral("grid"), ownCodeOptions({}));
        QVERIFY2(r.err.contains(QLatin1String("--codes generate")), qPrintable(r.err));
    }

    void ownCodesKept() {
        const QString source = ownCodedGrids(QStringLiteral("own-codes-keep.gpkg"));
        const QString county = freshCopy(m_withStreets, QStringLiteral("t-own-keep.gpkg"));
        const Run r =
            importInto(county, source, QStringLiteral("grid"), ownCodeOptions(QStringLiteral("keep")));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(json(r)[QStringLiteral("parent_level")].toString(), QStringLiteral("street"));
        // Exactly the source's codes and parents, read back by ogrinfo from both files.
        const Run src =
            ogrinfo({QStringLiteral("-ro"), QStringLiteral("-q"), source, QStringLiteral("-sql"),
                     QStringLiteral("SELECT wgbm || '|' || jddm AS row FROM grids ORDER BY wgbm")});
        QStringList expected;
        const QRegularExpression value(QStringLiteral("row \\(String\\) = (.*)"));
        for (auto it = value.globalMatch(src.out); it.hasNext();)
            expected << it.next().captured(1).trimmed();
        QVERIFY(expected.size() > 10);
        QCOMPARE(gridRows(county, QStringLiteral("code || '|' || parent_code")), expected);
        // A kept code is found by code although its length says "community".
        QString error;
        auto store = gc::CountyStore::open(county, &error);
        QVERIFY2(store, qPrintable(error));
        const QString first = expected.first().section(u'|', 0, 0);
        QVERIFY(store->grid(first).has_value());
        QCOMPARE(store->grid(first)->level, gc::GridLevel::Grid);
        store.reset();
        // Importing them again clashes, and so does a code that is a street's.
        expectRefused(county, source, QStringLiteral("grid"), QStringLiteral("冲突"),
                      ownCodeOptions(QStringLiteral("keep")));
        const QString streetCoded = ownCodedGrids(
            QStringLiteral("own-codes-street.gpkg"),
            QStringLiteral("CASE WHEN fid = (SELECT min(fid) FROM grid_grid WHERE code "
                           "LIKE '%1%') THEN '%1' ELSE substr(code, 1, 6) || substr('000000' || fid, -6) END")
                .arg(m_streetCode));
        expectRefused(freshCopy(m_withStreets, QStringLiteral("t-own-street.gpkg")), streetCoded,
                      QStringLiteral("grid"), m_streetCode, ownCodeOptions(QStringLiteral("keep")));
        // Where the source prefixes codes with the parent's, every code must: one that does not is refused.
        const QString mixed = ownCodedGrids(
            QStringLiteral("own-codes-mixed.gpkg"),
            QStringLiteral("CASE WHEN fid % 2 = 0 THEN substr(code, 1, 9) || substr('000' || fid, -3) "
                           "ELSE '999999' || substr('000000' || fid, -6) END"));
        expectRefused(freshCopy(m_withStreets, QStringLiteral("t-own-mixed.gpkg")), mixed,
                      QStringLiteral("grid"), QStringLiteral("不以上级编码"),
                      ownCodeOptions(QStringLiteral("keep")));
    }

    void standardCodesGenerated() {
        const QString source = ownCodedGrids(QStringLiteral("own-codes-generate.gpkg"));
        const QString county = freshCopy(m_withStreets, QStringLiteral("t-own-generate.gpkg"));
        const Run r =
            importInto(county, source, QStringLiteral("grid"), ownCodeOptions(QStringLiteral("generate")));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // Expected, derived here: in source-code order, street + "000" (no community) + serial 001….
        const Run src =
            ogrinfo({QStringLiteral("-ro"), QStringLiteral("-q"), source, QStringLiteral("-sql"),
                     QStringLiteral("SELECT wgbm || '|' || jddm AS row FROM grids ORDER BY wgbm")});
        QStringList expected;
        const QRegularExpression value(QStringLiteral("row \\(String\\) = (.*)"));
        int serial = 0;
        for (auto it = value.globalMatch(src.out); it.hasNext();) {
            const QStringList parts = it.next().captured(1).trimmed().split(u'|');
            expected << parts[1] + QStringLiteral("000%1|%2|%3")
                                       .arg(++serial, 3, 10, QLatin1Char('0'))
                                       .arg(parts[1], parts[0]);
        }
        QVERIFY(expected.size() > 10);
        QCOMPARE(json(r)[QStringLiteral("codes_generated")].toInt(), expected.size());
        QCOMPARE(gridRows(county, QStringLiteral("code || '|' || parent_code || '|' || source_code")),
                 expected);
    }

    // The whole path a real county takes: outline, streets, communities, grids (as CP936
    // Shapefiles in a Gauss-Krüger zone, parents found by overlap), then a clean validation.
    void wholeCountyRoundTrip() {
        const QString county = path(QStringLiteral("rebuilt.gpkg"));
        for (const QString& level : {QStringLiteral("county"), QStringLiteral("street"),
                                     QStringLiteral("community"), QStringLiteral("grid")}) {
            const QString shp = path(QStringLiteral("rt-%1.shp").arg(level));
            Run r = gridctl({QStringLiteral("export"), m_demo, QStringLiteral("--level"), level,
                             QStringLiteral("--format"), QStringLiteral("shp"), QStringLiteral("--crs"),
                             QStringLiteral("EPSG:4527"), QStringLiteral("--out"), shp});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            r = importInto(county, shp, level);
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        }
        QCOMPARE(featureCount(county, QStringLiteral("grid_grid")), 1035);
        QCOMPARE(
            sqlValue(county,
                     QStringLiteral(
                         "SELECT count(*) FROM grid_grid g JOIN grid_community c ON c.code = g.parent_code")),
            QStringLiteral("1035"));
        const Run v = gridctl({QStringLiteral("validate"), county});
        QVERIFY2(v.exitCode == 0, qPrintable(v.out));
    }
};

QTEST_GUILESS_MAIN(TestImport)
#include "tst_import.moc"
