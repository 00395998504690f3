// gridctl validate: a clean demo passes; a county where one grid has been moved fails and names it.
#include "AnalystTestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gdal.h>
#include <ogr_api.h>

using namespace gc::test;

namespace {

// Shifts every vertex of one grid through GDAL, as an analyst's slip in QGIS would.
bool moveGrid(const QString& county, const QString& code, double dLon, double dLat) {
    GDALAllRegister();
    GDALDatasetH ds =
        GDALOpenEx(county.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr);
    if (!ds)
        return false;
    OGRLayerH layer = GDALDatasetGetLayerByName(ds, "grid_grid");
    const QByteArray filter = QStringLiteral("code = '%1'").arg(code).toUtf8();
    OGR_L_SetAttributeFilter(layer, filter.constData());
    OGRFeatureH f = OGR_L_GetNextFeature(layer);
    bool ok = f != nullptr;
    if (ok) {
        OGRGeometryH g = OGR_F_GetGeometryRef(f);
        for (int p = 0; p < OGR_G_GetGeometryCount(g); ++p) {
            OGRGeometryH polygon = OGR_G_GetGeometryRef(g, p);
            for (int r = 0; r < OGR_G_GetGeometryCount(polygon); ++r) {
                OGRGeometryH ring = OGR_G_GetGeometryRef(polygon, r);
                for (int i = 0; i < OGR_G_GetPointCount(ring); ++i)
                    OGR_G_SetPoint_2D(ring, i, OGR_G_GetX(ring, i) + dLon, OGR_G_GetY(ring, i) + dLat);
            }
        }
        ok = OGR_L_SetFeature(layer, f) == OGRERR_NONE;
        OGR_F_Destroy(f);
    }
    GDALClose(ds);
    return ok;
}

} // namespace

class TestValidate : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_county;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(missingTools().isEmpty(), qPrintable(QStringLiteral("missing: ") + missingTools()));
        m_county = m_dir.filePath(QStringLiteral("county.gpkg"));
        QVERIFY(makeDemo(m_county));
    }

    void cleanDemoPasses() {
        const Run r = gridctl({QStringLiteral("validate"), m_county});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY(r.out.contains(QStringLiteral("网格（1035 个")));
    }

    void movedGridFailsAndIsNamed() {
        const QString copy = m_dir.filePath(QStringLiteral("moved.gpkg"));
        QVERIFY(QFile::copy(m_county, copy));
        const QString code =
            sqlValue(copy, QStringLiteral("SELECT code FROM grid_grid ORDER BY code LIMIT 1 OFFSET 500"));
        QCOMPARE(code.size(), 15);
        QVERIFY(moveGrid(copy, code, 0.003, 0.002)); // a few hundred metres
        const QString report = m_dir.filePath(QStringLiteral("errors.gpkg"));
        const Run r = gridctl({QStringLiteral("validate"), copy, QStringLiteral("--report"), report});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(code), qPrintable(r.out));
        // Overlaps with its new neighbours and the gap it left behind, each with an area.
        QVERIFY(r.out.contains(QLatin1String("overlap\t")));
        QVERIFY(r.out.contains(QLatin1String("gap\t")));
        QVERIFY(
            QRegularExpression(QStringLiteral("%1[^\\n]*\\t[0-9.]+ m²").arg(code)).match(r.out).hasMatch());
        // The report opens in QGIS's reader and holds the error geometries.
        const int findings = featureCount(report, QStringLiteral("findings"));
        QVERIFY(findings >= 2);
        QVERIFY(sqlValue(report,
                         QStringLiteral("SELECT count(*) FROM findings WHERE codes LIKE '%%1%'").arg(code))
                    .toInt() >= 1);
        QVERIFY(sqlValue(report, QStringLiteral("SELECT min(area_m2) FROM findings")).toDouble() >= 1.0);
    }

    // A community whose grids were all deleted (an analyst's slip in QGIS) is one gap as large as
    // the community. The expected area comes from GDAL and PROJ, not from the validator: the
    // community reprojected by ogr2ogr to a Lambert azimuthal equal-area projection centred on it
    // (areas there equal areas on the GRS80 ellipsoid) and measured by OGR SQL's OGR_GEOM_AREA.
    void parentWithoutChildrenIsOneGap() {
        const QString copy = m_dir.filePath(QStringLiteral("childless.gpkg"));
        QVERIFY(QFile::copy(m_county, copy));
        const QString community = sqlValue(
            copy, QStringLiteral("SELECT parent_code FROM grid_grid ORDER BY code LIMIT 1 OFFSET 300"));
        QCOMPARE(community.size(), 12);
        const int grids =
            sqlValue(copy,
                     QStringLiteral("SELECT count(*) FROM grid_grid WHERE parent_code = '%1'").arg(community))
                .toInt();
        QVERIFY(grids >= 1);
        const Run del =
            ogrinfo({copy, QStringLiteral("-sql"),
                     QStringLiteral("DELETE FROM grid_grid WHERE parent_code = '%1'").arg(community)});
        QVERIFY2(del.exitCode == 0, qPrintable(del.err));
        QCOMPARE(featureCount(copy, QStringLiteral("grid_grid")), 1035 - grids);

        const QString centre = sqlValue(
            copy,
            QStringLiteral(
                "SELECT ST_X(ST_Centroid(geom)) || ' ' || ST_Y(ST_Centroid(geom)) FROM grid_community "
                "WHERE code = '%1'")
                .arg(community),
            {QStringLiteral("-dialect"), QStringLiteral("sqlite")});
        const QStringList lonLat = centre.split(QLatin1Char(' '));
        QCOMPARE(lonLat.size(), 2);
        const QString laea = m_dir.filePath(QStringLiteral("community_laea.gpkg"));
        const Run projected = ogr2ogr(
            {QStringLiteral("-f"), QStringLiteral("GPKG"), laea, copy, QStringLiteral("grid_community"),
             QStringLiteral("-where"), QStringLiteral("code = '%1'").arg(community), QStringLiteral("-t_srs"),
             QStringLiteral("+proj=laea +lat_0=%1 +lon_0=%2 +ellps=GRS80 +units=m +no_defs")
                 .arg(lonLat.at(1), lonLat.at(0))});
        QVERIFY2(projected.exitCode == 0, qPrintable(projected.err));
        const double expected = sqlValue(laea, QStringLiteral("SELECT OGR_GEOM_AREA FROM grid_community"),
                                         {QStringLiteral("-dialect"), QStringLiteral("OGRSQL")})
                                    .toDouble();
        QVERIFY2(expected > 10000, qPrintable(QString::number(expected)));

        const Run r = gridctl({QStringLiteral("validate"), copy, QStringLiteral("--level"),
                               QStringLiteral("grid"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 1);
        const QJsonArray levels = QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"levels").toArray();
        QCOMPARE(levels.size(), 1);
        const QJsonArray findings = levels.first().toObject().value(u"findings").toArray();
        QCOMPARE(findings.size(), 1); // one gap; the other 1,035 - n grids are fine
        const QJsonObject gap = findings.first().toObject();
        QCOMPARE(gap.value(u"kind").toString(), QStringLiteral("gap"));
        QCOMPARE(gap.value(u"codes").toArray().first().toString(), community);
        const double area = gap.value(u"area_m2").toDouble();
        QVERIFY2(std::abs(area - expected) <= expected * 0.001,
                 qPrintable(QStringLiteral("gap %1 m², community %2 m²").arg(area).arg(expected)));
    }

    // A grid whose parent code names no community (a typo in QGIS) is reported as such, and the
    // community it used to fill now has a gap where it lies.
    void gridWithoutAParentIsAnOrphan() {
        const QString copy = m_dir.filePath(QStringLiteral("orphan.gpkg"));
        QVERIFY(QFile::copy(m_county, copy));
        const QString code =
            sqlValue(copy, QStringLiteral("SELECT code FROM grid_grid ORDER BY code LIMIT 1 OFFSET 700"));
        const QString parent =
            sqlValue(copy, QStringLiteral("SELECT parent_code FROM grid_grid WHERE code = '%1'").arg(code));
        QCOMPARE(code.size(), 15);
        const QString missing = QStringLiteral("210699099099"); // no such community
        QCOMPARE(featureCount(copy, QStringLiteral("grid_community"),
                              {QStringLiteral("-where"), QStringLiteral("code = '%1'").arg(missing)}),
                 0);
        const Run update = ogrinfo(
            {copy, QStringLiteral("-sql"),
             QStringLiteral("UPDATE grid_grid SET parent_code = '%1' WHERE code = '%2'").arg(missing, code)});
        QVERIFY2(update.exitCode == 0, qPrintable(update.err));

        const Run r = gridctl({QStringLiteral("validate"), copy, QStringLiteral("--level"),
                               QStringLiteral("grid"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 1);
        const QJsonArray findings = QJsonDocument::fromJson(r.out.toUtf8())
                                        .object()
                                        .value(u"levels")
                                        .toArray()
                                        .first()
                                        .toObject()
                                        .value(u"findings")
                                        .toArray();
        QStringList kinds;
        for (const QJsonValue& v : findings) {
            const QJsonObject f = v.toObject();
            kinds << f.value(u"kind").toString();
            if (f.value(u"kind") == QLatin1String("orphan")) {
                QCOMPARE(f.value(u"codes").toArray().first().toString(), code);
                QVERIFY2(f.value(u"detail").toString().contains(missing),
                         qPrintable(f.value(u"detail").toString()));
            }
            if (f.value(u"kind") == QLatin1String("gap"))
                QCOMPARE(f.value(u"codes").toArray().first().toString(), parent);
        }
        kinds.sort();
        QCOMPARE(kinds, (QStringList{QStringLiteral("gap"), QStringLiteral("orphan")}));
    }

    void levelOptionAndJson() {
        const Run r = gridctl({QStringLiteral("validate"), m_county, QStringLiteral("--level"),
                               QStringLiteral("community"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QLatin1String("\"level\": \"community\"")));
        QVERIFY(!r.out.contains(QLatin1String("\"level\": \"grid\"")));
        const Run bad = gridctl(
            {QStringLiteral("validate"), m_county, QStringLiteral("--level"), QStringLiteral("district")});
        QCOMPARE(bad.exitCode, 2);
    }

    void existingReportIsNotOverwritten() {
        const QString report = m_dir.filePath(QStringLiteral("exists.gpkg"));
        QFile f(report);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("keep");
        f.close();
        const Run r = gridctl({QStringLiteral("validate"), m_county, QStringLiteral("--report"), report});
        QVERIFY(r.exitCode != 0);
        QCOMPARE(fingerprint(report), QCryptographicHash::hash("keep", QCryptographicHash::Sha256));
    }
};

QTEST_GUILESS_MAIN(TestValidate)
#include "tst_validate.moc"
