// gridctl validate: a clean demo passes; a county where one grid has been moved fails and names it.
#include "AnalystTestSupport.h"

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
        if (!toolsAvailable())
            QSKIP("gridctl, ogrinfo or ogr2ogr missing");
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
