// gridctl export, checked with GDAL's own ogrinfo/ogr2ogr as the independent reader.
#include "AnalystTestSupport.h"

#include "gc/geo/VectorExporter.h"

#include <QDir>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimeZone>
#include <cmath>

using namespace gc::test;

class TestExport : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_county;
    QString m_code; // first grid of the demo
    QString m_name;
    double m_areaSum = 0;

    QString path(const QString& name) const { return m_dir.filePath(name); }
    Run exportGrids(const QStringList& extra) {
        return gridctl(QStringList{QStringLiteral("export"), m_county} + extra);
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(missingTools().isEmpty(), qPrintable(QStringLiteral("missing: ") + missingTools()));
        QVERIFY(m_dir.isValid());
        m_county = path(QStringLiteral("county.gpkg"));
        QVERIFY(makeDemo(m_county));
        m_code = sqlValue(m_county, QStringLiteral("SELECT code FROM grid_grid ORDER BY code LIMIT 1"));
        m_name = sqlValue(m_county, QStringLiteral("SELECT name FROM grid_grid ORDER BY code LIMIT 1"));
        QCOMPARE(m_code.size(), 15);
        QVERIFY(!m_name.isEmpty());
        // Ellipsoidal area of the source, by SpatiaLite through GDAL's SQLite dialect.
        m_areaSum = sqlValue(m_county, QStringLiteral("SELECT sum(ST_Area(geom, 1)) FROM grid_grid"),
                             {QStringLiteral("-dialect"), QStringLiteral("sqlite")})
                        .toDouble();
        QVERIFY(m_areaSum > 1e6);
    }

    // The acceptance check: the 1,035-grid demo as a CP936 Shapefile in EPSG:4543.
    void shapefileCp936InGaussKruger() {
        const QString shp = path(QStringLiteral("gk/grids.shp"));
        QDir().mkpath(path(QStringLiteral("gk")));
        const Run r = exportGrids({QStringLiteral("--level"), QStringLiteral("grid"),
                                   QStringLiteral("--format"), QStringLiteral("shp"), QStringLiteral("--crs"),
                                   QStringLiteral("EPSG:4543"), QStringLiteral("--out"), shp});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(featureCount(shp, QStringLiteral("grids")), 1035);

        QFile cpg(path(QStringLiteral("gk/grids.cpg")));
        QVERIFY(cpg.open(QIODevice::ReadOnly));
        QCOMPARE(cpg.readAll().trimmed(), QByteArray("CP936"));
        QFile dbf(path(QStringLiteral("gk/grids.dbf")));
        QVERIFY(dbf.open(QIODevice::ReadOnly));
        QCOMPARE(quint8(dbf.read(30).at(29)), quint8(0x4D)); // DBF language id: GBK

        const Run info =
            ogrinfo({QStringLiteral("-ro"), QStringLiteral("-so"), shp, QStringLiteral("grids")});
        QVERIFY2(info.out.contains(QLatin1String("CGCS2000 / 3-degree Gauss-Kruger CM 102E")),
                 qPrintable(info.out));
        // ASCII field names of at most 10 characters, and the mapping file beside them.
        const auto fields =
            QRegularExpression(QStringLiteral("\\n(\\w+): (String|Integer|Real)")).globalMatch(info.out);
        int fieldCount = 0;
        for (auto it = fields; it.hasNext();) {
            const QString name = it.next().captured(1);
            QVERIFY2(name.size() <= 10, qPrintable(name));
            ++fieldCount;
        }
        QVERIFY(fieldCount >= 12);
        QFile mapping(gc::geo::VectorExporter::mappingFilePath(shp));
        QVERIFY(mapping.open(QIODevice::ReadOnly));
        const QString mappingText = QString::fromUtf8(mapping.readAll());
        QVERIFY(mappingText.contains(QStringLiteral("\"area_m2\",\"面积（平方米）\"")));

        // Chinese names decode as GBK: read a copy without the .cpg, telling GDAL the encoding.
        QDir().mkpath(path(QStringLiteral("gk-nocpg")));
        for (const char* suffix : {".shp", ".shx", ".dbf", ".prj"})
            QVERIFY(QFile::copy(path(QStringLiteral("gk/grids")) + QLatin1String(suffix),
                                path(QStringLiteral("gk-nocpg/grids")) + QLatin1String(suffix)));
        const QString decoded =
            sqlValue(path(QStringLiteral("gk-nocpg/grids.shp")),
                     QStringLiteral("SELECT name FROM grids WHERE code = '%1'").arg(m_code),
                     {QStringLiteral("-oo"), QStringLiteral("ENCODING=CP936")});
        QCOMPARE(decoded, m_name);

        // Same total area as the source reprojected independently: the geometry (planar, in the
        // target CRS) and the area_m2 attribute (ellipsoidal).
        const QString reference = path(QStringLiteral("gk/reference.gpkg"));
        const Run ref = ogr2ogr({QStringLiteral("-t_srs"), QStringLiteral("EPSG:4543"), reference, m_county,
                                 QStringLiteral("grid_grid")});
        QVERIFY2(ref.exitCode == 0, qPrintable(ref.err));
        const QStringList sqlite = {QStringLiteral("-dialect"), QStringLiteral("sqlite")};
        const double ours =
            sqlValue(shp, QStringLiteral("SELECT sum(ST_Area(geometry)) FROM grids"), sqlite).toDouble();
        const double theirs =
            sqlValue(reference, QStringLiteral("SELECT sum(ST_Area(geom)) FROM grid_grid"), sqlite)
                .toDouble();
        QVERIFY(theirs > 0);
        QVERIFY2(std::abs(ours - theirs) / theirs < 1e-7,
                 qPrintable(QStringLiteral("%1 vs %2").arg(ours).arg(theirs)));
        const double attribute = sqlValue(shp, QStringLiteral("SELECT sum(area_m2) FROM grids")).toDouble();
        QVERIFY2(std::abs(attribute - m_areaSum) / m_areaSum < 1e-5,
                 qPrintable(QStringLiteral("%1 vs %2").arg(attribute).arg(m_areaSum)));
    }

    void everyFormatRoundTrips_data() {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("crs");
        QTest::addColumn<QString>("encoding");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("layer");
        QTest::addColumn<QString>("crsMarker"); // what ogrinfo prints for the CRS
        QTest::newRow("shp utf-8 3857") << "shp"
                                        << "EPSG:3857"
                                        << "UTF-8"
                                        << "g3857.shp"
                                        << "g3857"
                                        << "Pseudo-Mercator";
        QTest::newRow("shp cp936 4527") << "shp"
                                        << "EPSG:4527"
                                        << ""
                                        << "g4527.shp"
                                        << "g4527"
                                        << "Gauss-Kruger zone 39";
        QTest::newRow("gpkg 4490") << "gpkg"
                                   << "EPSG:4490"
                                   << ""
                                   << "g.gpkg"
                                   << "grid_grid"
                                   << "China Geodetic Coordinate System 2000";
        QTest::newRow("gpkg 4549") << "gpkg"
                                   << "EPSG:4549"
                                   << ""
                                   << "g4549.gpkg"
                                   << "grid_grid"
                                   << "Gauss-Kruger CM 120E";
        QTest::newRow("geojson 4326") << "geojson"
                                      << "EPSG:4326"
                                      << ""
                                      << "g.geojson"
                                      << "grid_grid"
                                      << "WGS 84";
        QTest::newRow("kml 4326") << "kml"
                                  << "EPSG:4326"
                                  << ""
                                  << "g.kml"
                                  << "grid_grid"
                                  << "WGS 84";
        QTest::newRow("csv 4326") << "csv"
                                  << "EPSG:4326"
                                  << ""
                                  << "g.csv"
                                  << "g"
                                  << "";
    }
    void everyFormatRoundTrips() {
        QFETCH(QString, format);
        QFETCH(QString, crs);
        QFETCH(QString, encoding);
        QFETCH(QString, file);
        QFETCH(QString, layer);
        QFETCH(QString, crsMarker);
        QStringList args = {QStringLiteral("--format"), format,    QStringLiteral("--crs"), crs,
                            QStringLiteral("--out"),    path(file)};
        if (!encoding.isEmpty())
            args << QStringLiteral("--encoding") << encoding;
        const Run r = exportGrids(args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(featureCount(path(file), layer), 1035);
        if (!crsMarker.isEmpty()) {
            const Run info = ogrinfo({QStringLiteral("-ro"), QStringLiteral("-so"), path(file), layer});
            QVERIFY2(info.out.contains(crsMarker), qPrintable(info.out.left(2000)));
        }
        if (format == QLatin1String("shp")) {
            QFile cpg(QString(path(file)).replace(QStringLiteral(".shp"), QStringLiteral(".cpg")));
            QVERIFY(cpg.open(QIODevice::ReadOnly));
            QCOMPARE(QString::fromLatin1(cpg.readAll().trimmed()),
                     encoding.isEmpty() ? QStringLiteral("CP936") : encoding);
            QVERIFY(
                QFile::exists(QString(path(file)).replace(QStringLiteral(".shp"), QStringLiteral(".prj"))));
        }
        // Chinese text and the ellipsoidal area survive the trip.
        const QString where = QStringLiteral("code = '%1'").arg(m_code);
        const Run feature = ogrinfo({QStringLiteral("-ro"), QStringLiteral("-q"), QStringLiteral("-where"),
                                     where, path(file), layer});
        QVERIFY2(feature.out.contains(m_name), qPrintable(feature.out.left(2000)));
        const double attribute =
            sqlValue(path(file), QStringLiteral("SELECT sum(area_m2) FROM \"%1\"").arg(layer)).toDouble();
        QVERIFY2(std::abs(attribute - m_areaSum) / m_areaSum < 1e-5,
                 qPrintable(QStringLiteral("%1 vs %2").arg(attribute).arg(m_areaSum)));
        if (format == QLatin1String("csv"))
            QVERIFY(feature.out.contains(QLatin1String("MULTIPOLYGON")));
        if (format == QLatin1String("geojson")) {
            QFile json(path(file));
            QVERIFY(json.open(QIODevice::ReadOnly));
            // RFC 7946 has no "crs" member: WGS 84 lon/lat is implied.
            QVERIFY(!json.readAll().contains("\"crs\""));
        }
    }

    void geopackageHasSpatialIndex() {
        const QString gpkg = path(QStringLiteral("indexed.gpkg"));
        const Run r =
            exportGrids({QStringLiteral("--format"), QStringLiteral("gpkg"), QStringLiteral("--crs"),
                         QStringLiteral("EPSG:4490"), QStringLiteral("--out"), gpkg});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(sqlValue(gpkg, QStringLiteral("SELECT count(*) FROM rtree_grid_grid_geom")),
                 QStringLiteral("1035"));
    }

    void refusedBeforeAnythingIsWritten_data() {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("crs");
        QTest::addColumn<QString>("encoding");
        QTest::addColumn<QString>("message");
        QTest::newRow("geojson not 4326") << "geojson"
                                          << "EPSG:4490"
                                          << ""
                                          << "RFC 7946";
        QTest::newRow("kml not 4326") << "kml"
                                      << "EPSG:3857"
                                      << ""
                                      << "KML";
        QTest::newRow("unknown crs") << "shp"
                                     << "EPSG:99999"
                                     << ""
                                     << "EPSG:99999";
        QTest::newRow("garbage crs") << "gpkg"
                                     << "not a crs"
                                     << ""
                                     << "not a crs";
        QTest::newRow("unknown encoding") << "shp"
                                          << "EPSG:4490"
                                          << "KLINGON"
                                          << "KLINGON";
    }
    void refusedBeforeAnythingIsWritten() {
        QFETCH(QString, format);
        QFETCH(QString, crs);
        QFETCH(QString, encoding);
        QFETCH(QString, message);
        QDir dir(path(QStringLiteral("refused")));
        dir.mkpath(QStringLiteral("."));
        QStringList args = {QStringLiteral("--format"),
                            format,
                            QStringLiteral("--crs"),
                            crs,
                            QStringLiteral("--out"),
                            dir.filePath(QStringLiteral("out.") +
                                         gc::geo::vectorFormatSuffix(*gc::geo::parseVectorFormat(format)))};
        if (!encoding.isEmpty())
            args << QStringLiteral("--encoding") << encoding;
        const Run r = exportGrids(args);
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QCOMPARE(gridctlErrorLines(r.err).size(), 1); // one clear line
        QVERIFY(dir.entryList(QDir::Files).isEmpty());
    }

    // DBF strings hold 254 bytes: a long Chinese text is cut between characters, not inside one.
    void longStringsAreCutOnCharacterBoundaries() {
        gc::geo::ExportTable table;
        table.layerName = QStringLiteral("long");
        table.fields = {{QStringLiteral("name"), QStringLiteral("名称"), QStringLiteral("名称"),
                         gc::geo::ExportField::Type::String}};
        const QString longName = QStringLiteral("A") + QString(300, QChar(0x7F51));
        QString wkbError;
        table.features << gc::geo::ExportFeature{{longName}, {}};
        gc::geo::ExportOptions options;
        options.format = gc::geo::VectorFormat::Shapefile;
        options.path = path(QStringLiteral("long.shp"));
        QString error;
        QVERIFY2(gc::geo::VectorExporter::write(table, options, &error), qPrintable(error));
        const QString back = sqlValue(options.path, QStringLiteral("SELECT name FROM long"));
        QCOMPARE(back, longName.left(1 + 253 / 2)); // "A" + 126 characters of 2 bytes = 253 bytes
    }

    void peopleAreNotExportedByDefault() {
        const QString plain = path(QStringLiteral("tickets.gpkg"));
        Run r = exportGrids({QStringLiteral("--what"), QStringLiteral("tickets"), QStringLiteral("--format"),
                             QStringLiteral("gpkg"), QStringLiteral("--crs"), QStringLiteral("EPSG:4490"),
                             QStringLiteral("--out"), plain});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const Run info =
            ogrinfo({QStringLiteral("-ro"), QStringLiteral("-so"), plain, QStringLiteral("tickets")});
        QVERIFY(info.out.contains(QLatin1String("Geometry: Point")));
        QVERIFY(featureCount(plain, QStringLiteral("tickets")) > 1000);
        QVERIFY(!info.out.contains(QLatin1String("reporter")));
        QVERIFY(!info.out.contains(QLatin1String("address")));
        const Run grids = ogrinfo({QStringLiteral("-ro"), QStringLiteral("-so"),
                                   path(QStringLiteral("g.gpkg")), QStringLiteral("grid_grid")});
        QVERIFY(grids.out.contains(QLatin1String("workers")));
        QVERIFY(!grids.out.contains(QLatin1String("worker_tel")));

        const QString personal = path(QStringLiteral("tickets-personal.gpkg"));
        r = exportGrids({QStringLiteral("--what"), QStringLiteral("tickets"), QStringLiteral("--format"),
                         QStringLiteral("gpkg"), QStringLiteral("--crs"), QStringLiteral("EPSG:4490"),
                         QStringLiteral("--include-personal-data"), QStringLiteral("--out"), personal});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const Run personalInfo =
            ogrinfo({QStringLiteral("-ro"), QStringLiteral("-so"), personal, QStringLiteral("tickets")});
        QVERIFY(personalInfo.out.contains(QLatin1String("reporter")));
    }

    // --what hotspots: the grid table plus Gi* per feature (hs_count, hs_z, hs_p, hs_bin) in every
    // format an analyst opens. Read back by ogrinfo; counts against the tickets counted by GDAL's
    // SQLite dialect on the county, p and bin against z by their definitions.
    void hotSpotAttributes_data() {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("crs");
        QTest::addColumn<QString>("file");
        QTest::newRow("shp") << "shp"
                             << "EPSG:4490"
                             << "hot/communities.shp";
        QTest::newRow("gpkg") << "gpkg"
                              << "EPSG:4490"
                              << "hot.gpkg";
        QTest::newRow("geojson") << "geojson"
                                 << "EPSG:4326"
                                 << "hot.geojson";
    }
    void hotSpotAttributes() {
        QFETCH(QString, format);
        QFETCH(QString, crs);
        QFETCH(QString, file);
        QDir().mkpath(path(QStringLiteral("hot")));
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const QString nowIso = QDateTime::fromSecsSinceEpoch(now, QTimeZone(8 * 3600)).toString(Qt::ISODate);
        const Run r = exportGrids({QStringLiteral("--what"), QStringLiteral("hotspots"),
                                   QStringLiteral("--level"), QStringLiteral("community"),
                                   QStringLiteral("--format"), format, QStringLiteral("--crs"), crs,
                                   QStringLiteral("--now"), nowIso, QStringLiteral("--out"), path(file)});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // Tickets per community created in the 90 days up to `now`, merged and invalid left out.
        QHash<QString, int> expected;
        const Run counted = ogrinfo(
            {QStringLiteral("-ro"), QStringLiteral("-q"), QStringLiteral("-dialect"),
             QStringLiteral("sqlite"), m_county, QStringLiteral("-sql"),
             QStringLiteral("SELECT substr(grid_code, 1, 12) || '=' || count(*) AS n FROM tickets WHERE "
                            "grid_code IS NOT NULL AND state NOT IN ('merged', 'invalid') AND created_at "
                            ">= %1 AND created_at <= %2 GROUP BY substr(grid_code, 1, 12)")
                 .arg(now - 90 * 86400)
                 .arg(now)});
        for (const auto& m :
             QRegularExpression(QStringLiteral("n \\(String\\) = (\\d+)=(\\d+)")).globalMatch(counted.out))
            expected.insert(m.captured(1), m.captured(2).toInt());
        QVERIFY(expected.size() > 50);
        const Run info = ogrinfo({QStringLiteral("-ro"), QStringLiteral("-al"), QStringLiteral("-q"),
                                  QStringLiteral("-geom=NO"), path(file)});
        const auto value = [](const QString& block, const char* field) {
            const auto m = QRegularExpression(
                               QStringLiteral("\\n\\s+%1 \\(\\w+\\) = ([^\\n]*)").arg(QLatin1String(field)))
                               .match(block);
            return m.hasMatch() ? m.captured(1).trimmed() : QString();
        };
        int features = 0, hot = 0;
        for (const QString& block : info.out.split(QStringLiteral("OGRFeature")).mid(1)) {
            ++features;
            const QString code = value(block, "code");
            QCOMPARE(code.size(), 12);
            QCOMPARE(value(block, "hs_count").toInt(), expected.value(code));
            const double z = value(block, "hs_z").toDouble();
            const double p = value(block, "hs_p").toDouble();
            const int bin = value(block, "hs_bin").toInt();
            // A Shapefile keeps 4 decimals of a real, as for every real column; the others 15 digits.
            const double tolerance = format == QLatin1String("shp") ? 1e-4 : 1e-9;
            QVERIFY2(std::fabs(p - std::erfc(std::fabs(z) / std::sqrt(2.0))) < tolerance, qPrintable(block));
            const double a = std::fabs(z);
            const int magnitude = a >= 2.5758 ? 3 : a >= 1.96 ? 2 : a >= 1.6449 ? 1 : 0;
            QCOMPARE(bin, z < 0 ? -magnitude : magnitude);
            hot += bin > 0;
        }
        QCOMPARE(features, sqlValue(m_county, QStringLiteral("SELECT count(*) FROM grid_community")).toInt());
        QVERIFY2(hot > 0, "the demo's tickets gather: some community is a hot spot");
    }
};

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"
