// End to end: `gridctl demo` writes a county that GDAL's own ogrinfo reads, with
// exactly N grids tiling the county outline (checked by GDAL's SQL, not by our code).
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

class TestE2eDemo : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_county;

    static QString run(const QString& program, const QStringList& args, int* exitCode = nullptr) {
        QProcess p;
        p.start(program, args);
        if (!p.waitForFinished(300000))
            qWarning() << program << "did not finish";
        if (exitCode)
            *exitCode = p.exitCode();
        return QString::fromUtf8(p.readAllStandardOutput()) + QString::fromUtf8(p.readAllStandardError());
    }
    static double number(const QString& text, const QString& field) {
        const QRegularExpression re(field + QStringLiteral(R"(\s*\(\w+\)\s*=\s*([-0-9.eE+]+))"));
        const auto m = re.match(text);
        return m.hasMatch() ? m.captured(1).toDouble() : qQNaN();
    }
    QString ogrSql(const QString& sql) {
        return run(QStringLiteral("ogrinfo"),
                   {QStringLiteral("-q"), QStringLiteral("-dialect"), QStringLiteral("SQLite"),
                    QStringLiteral("-sql"), sql, m_county});
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(!qEnvironmentVariableIsEmpty("GRIDCTL"), "GRIDCTL must point to the gridctl binary");
        m_county = m_dir.filePath(QStringLiteral("c.gpkg"));
        int code = -1;
        const QString out = run(qEnvironmentVariable("GRIDCTL"),
                                {QStringLiteral("demo"), QStringLiteral("--out"), m_county,
                                 QStringLiteral("--grids"), QStringLiteral("1035"), QStringLiteral("--seed"),
                                 QStringLiteral("7"), QStringLiteral("--quiet")},
                                &code);
        QVERIFY2(code == 0, qPrintable(out));
    }

    void ogrinfoOpensEveryLevel() {
        int code = -1;
        const QString out =
            run(QStringLiteral("ogrinfo"), {QStringLiteral("-so"), QStringLiteral("-al"), m_county}, &code);
        QCOMPARE(code, 0);
        for (const char* layer :
             {"grid_county", "grid_street", "grid_community", "grid_grid", "grid_building"})
            QVERIFY2(out.contains(QLatin1String("Layer name: ") + QLatin1String(layer)), layer);
        QVERIFY(out.contains(QStringLiteral("ID[\"EPSG\",4490]")));
        const QRegularExpression gridCount(
            QStringLiteral(R"(Layer name: grid_grid[\s\S]*?Feature Count: (\d+))"));
        QCOMPARE(gridCount.match(out).captured(1).toInt(), 1035);
        // Chinese names survive as UTF-8.
        const QString names =
            ogrSql(QStringLiteral("SELECT name FROM grid_grid WHERE name LIKE '%第1网格' LIMIT 1"));
        QVERIFY2(names.contains(QStringLiteral("第1网格")), qPrintable(names));
    }

    void gridsTileTheCounty() {
        // Independent check with GDAL's SQLite dialect (SpatiaLite functions): the union of
        // the grids against the county outline, and the sum of areas against the union.
        const QString out = ogrSql(QStringLiteral("SELECT (SELECT ST_Area(geom) FROM grid_county) AS county, "
                                                  "(SELECT sum(ST_Area(geom)) FROM grid_grid) AS summed, "
                                                  "ST_Area(ST_SymDifference((SELECT ST_Union(geom) FROM "
                                                  "grid_grid), (SELECT geom FROM grid_county))) AS diff"));
        const double county = number(out, QStringLiteral("county"));
        const double summed = number(out, QStringLiteral("summed"));
        const double diff = number(out, QStringLiteral("diff"));
        QVERIFY2(county > 0 && !qIsNaN(summed) && !qIsNaN(diff), qPrintable(out));
        QVERIFY2(diff / county < 1e-4, qPrintable(out));                  // gaps: ≤ 0.01 %
        QVERIFY2(qAbs(summed - county) / county < 1e-4, qPrintable(out)); // overlaps: ≤ 0.01 %
    }

    void infoAndStats() {
        int code = -1;
        const QString info = run(qEnvironmentVariable("GRIDCTL"),
                                 {QStringLiteral("info"), m_county, QStringLiteral("--json")}, &code);
        QCOMPARE(code, 0);
        QVERIFY(info.contains(QStringLiteral("\"grid\": 1035")));
        const QString stats = run(qEnvironmentVariable("GRIDCTL"),
                                  {QStringLiteral("stats"), m_county, QStringLiteral("--json")}, &code);
        QCOMPARE(code, 0);
        QVERIFY(stats.contains(QStringLiteral("closure_rate")));
    }

    void refusesBadInput() {
        int code = -1;
        run(qEnvironmentVariable("GRIDCTL"), {QStringLiteral("demo"), QStringLiteral("--out"), m_county},
            &code);
        QVERIFY(code != 0); // exists: never overwritten
        run(qEnvironmentVariable("GRIDCTL"),
            {QStringLiteral("demo"), QStringLiteral("--out"), m_dir.filePath(QStringLiteral("x.gpkg")),
             QStringLiteral("--grids"), QStringLiteral("90001")},
            &code);
        QCOMPARE(code, 2);
        const QString text = run(qEnvironmentVariable("GRIDCTL"),
                                 {QStringLiteral("info"), QStringLiteral("/nonexistent.gpkg")}, &code);
        QCOMPARE(code, 1);
        QVERIFY(text.startsWith(QStringLiteral("gridctl info: ")));
    }
};

QTEST_GUILESS_MAIN(TestE2eDemo)
#include "tst_e2e_demo.moc"
