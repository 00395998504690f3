// The GUI's import and export dialogs and the findings dock, driven as a user would (offscreen),
// with the work running on their worker threads.
#include "AnalystTestSupport.h"

#include "ExportDialog.h"
#include "ImportDialog.h"
#include "ValidationDock.h"

#include <QApplication>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace gc::test;

class TestDialogs : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_county;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(missingTools().isEmpty(), qPrintable(QStringLiteral("missing: ") + missingTools()));
        m_county = m_dir.filePath(QStringLiteral("county.gpkg"));
        QVERIFY(makeDemo(m_county));
    }

    void exportDialogWritesShapefile() {
        ExportDialog dialog(m_county);
        dialog.setFormat(gc::geo::VectorFormat::Shapefile);
        dialog.setCrs(QStringLiteral("EPSG:4527"));
        const QString out = m_dir.filePath(QStringLiteral("dialog.shp"));
        dialog.setOutputPath(out);
        QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
        dialog.start();
        QVERIFY(dialog.isRunning());
        QVERIFY(finished.wait(120000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(dialog.lastMessage()));
        QVERIFY(!dialog.isRunning());
        QCOMPARE(featureCount(out, QStringLiteral("dialog")), 1035);
    }

    void exportDialogRefusesBeforeWriting() {
        ExportDialog dialog(m_county);
        dialog.setFormat(gc::geo::VectorFormat::GeoJson);
        dialog.setCrs(QStringLiteral("EPSG:4490"));
        const QString out = m_dir.filePath(QStringLiteral("refused.geojson"));
        dialog.setOutputPath(out);
        QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
        dialog.start();
        QCOMPARE(finished.size(), 1);
        QVERIFY(!finished.first().at(0).toBool());
        QVERIFY(dialog.lastMessage().contains(QLatin1String("RFC 7946")));
        QVERIFY(!QFile::exists(out));
    }

    // Cancel always wins the race here: another connection holds the county in SQLite's
    // exclusive locking mode, so the export's worker waits to read it until the Cancel has been
    // pressed. Then only one outcome is right: refused as cancelled, and no file.
    void cancelledExportLeavesNothing() {
        ExportDialog dialog(m_county);
        dialog.setWhat(QStringLiteral("tickets"));
        dialog.setFormat(gc::geo::VectorFormat::GeoPackage);
        dialog.setCrs(QStringLiteral("EPSG:4490"));
        const QString out = m_dir.filePath(QStringLiteral("cancelled.gpkg"));
        dialog.setOutputPath(out);
        QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
        {
            QSqlDatabase locker =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("locker"));
            locker.setDatabaseName(m_county);
            QVERIFY(locker.open());
            QSqlQuery q(locker);
            QVERIFY(q.exec(QStringLiteral("PRAGMA locking_mode=EXCLUSIVE")));
            QVERIFY(q.exec(QStringLiteral("BEGIN EXCLUSIVE")));
            QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM tickets")) && q.next());
            dialog.start();
            QVERIFY(dialog.isRunning());
            dialog.cancel();
            QTest::qWait(100);
            QCOMPARE(finished.size(), 0); // still waiting for the county
            QVERIFY(q.exec(QStringLiteral("ROLLBACK")));
            q = QSqlQuery();
            locker.close(); // in exclusive mode only closing releases the lock
        }
        QSqlDatabase::removeDatabase(QStringLiteral("locker"));
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY2(dialog.lastMessage().contains(QStringLiteral("取消")), qPrintable(dialog.lastMessage()));
        QVERIFY(!dialog.isRunning());
        QVERIFY(!QFile::exists(out));
        QVERIFY(QDir(m_dir.path()).entryList({QStringLiteral("cancelled*")}, QDir::Files).isEmpty());
    }

    void importDialogCreatesCounty() {
        const QString outline = m_dir.filePath(QStringLiteral("outline.geojson"));
        QCOMPARE(ogr2ogr({QStringLiteral("-f"), QStringLiteral("GeoJSON"), outline, m_county,
                          QStringLiteral("grid_county")})
                     .exitCode,
                 0);
        const QString created = m_dir.filePath(QStringLiteral("new-county.gpkg"));
        ImportDialog dialog(created);
        dialog.setSource(outline);
        QCOMPARE(dialog.previewRowCount(), 1);
        QCOMPARE(dialog.selectedCodeField(), QStringLiteral("code"));
        dialog.setLevel(gc::GridLevel::County);
        QSignalSpy imported(&dialog, &ImportDialog::imported);
        QSignalSpy finished(&dialog, &ImportDialog::importFinished);
        dialog.start();
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(dialog.lastMessage()));
        QCOMPARE(imported.size(), 1);
        QCOMPARE(featureCount(created, QStringLiteral("grid_county")), 1);
    }

    // Item 8 in the GUI: the dialog offers check/keep/generate like gridctl import --codes. A
    // source with its own codes ("X" + fid) for one community's grids, imported with 生成: standard
    // codes continue after the community's existing grids, the source's code in source_code.
    void importDialogGeneratesCodes() {
        const QString county = m_dir.filePath(QStringLiteral("codes-county.gpkg"));
        QFile::remove(county);
        QVERIFY(QFile::copy(m_county, county));
        const QString community =
            sqlValue(county, QStringLiteral("SELECT code FROM grid_community ORDER BY code LIMIT 1"));
        const int existing =
            sqlValue(county,
                     QStringLiteral("SELECT count(*) FROM grid_grid WHERE parent_code = '%1'").arg(community))
                .toInt();
        const QString lastSerial = sqlValue(
            county, QStringLiteral("SELECT max(substr(code, 13, 3)) FROM grid_grid WHERE parent_code = '%1'")
                        .arg(community));
        QVERIFY(existing > 0);
        const QString source = m_dir.filePath(QStringLiteral("own-codes.gpkg"));
        QFile::remove(source);
        QCOMPARE(ogr2ogr({QStringLiteral("-f"), QStringLiteral("GPKG"), source, county,
                          QStringLiteral("-dialect"), QStringLiteral("sqlite"), QStringLiteral("-sql"),
                          QStringLiteral("SELECT 'X' || fid AS code, name, parent_code, geom FROM grid_grid "
                                         "WHERE parent_code = '%1' ORDER BY fid LIMIT 3")
                              .arg(community),
                          QStringLiteral("-nln"), QStringLiteral("own")})
                     .exitCode,
                 0);
        ImportDialog dialog(county);
        dialog.setSource(source);
        dialog.setLevel(gc::GridLevel::Grid);
        QCOMPARE(dialog.codes(), gc::ImportCodes::Check); // the default, as on the command line
        // Refused in the default mode, naming both ways out.
        QSignalSpy refused(&dialog, &ImportDialog::importFinished);
        dialog.start();
        QVERIFY(refused.wait(60000));
        QVERIFY(!refused.first().at(0).toBool());
        QVERIFY2(dialog.lastMessage().contains(QLatin1String("keep")) &&
                     dialog.lastMessage().contains(QLatin1String("generate")),
                 qPrintable(dialog.lastMessage()));
        dialog.setCodes(gc::ImportCodes::Generate);
        QSignalSpy finished(&dialog, &ImportDialog::importFinished);
        dialog.start();
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(dialog.lastMessage()));
        // Serials after the community's last one, in the source's code order (X<fid> sorted as text).
        const QString rows = sqlValue(
            county, QStringLiteral(
                        "SELECT group_concat(code || '=' || source_code, ',') FROM (SELECT code, source_code "
                        "FROM grid_grid WHERE source_code IS NOT NULL ORDER BY code)"));
        const QString sourceCodes = sqlValue(
            source,
            QStringLiteral("SELECT group_concat(code, ',') FROM (SELECT code FROM own ORDER BY code)"));
        QStringList expected;
        int serial = lastSerial.toInt();
        for (const QString& code : sourceCodes.split(u','))
            expected
                << QStringLiteral("%1%2=%3").arg(community).arg(++serial, 3, 10, QLatin1Char('0')).arg(code);
        QCOMPARE(rows, expected.join(u','));
    }

    // A source with a point layer first: the dialog previews the first polygon layer, offers
    // every layer, and previews another when it is chosen.
    void importDialogOffersTheLayers() {
        const QString source = m_dir.filePath(QStringLiteral("layers.gpkg"));
        QVERIFY(writeMultiLayerSource(source, m_county, QStringLiteral("street"),
                                      {QStringLiteral("grid_county"), QStringLiteral("grid_street")}));
        ImportDialog dialog(m_dir.filePath(QStringLiteral("layers-county.gpkg")));
        dialog.setSource(source);
        QCOMPARE(dialog.layers(), (QStringList{QStringLiteral("street_points"), QStringLiteral("grid_county"),
                                               QStringLiteral("grid_street")}));
        QCOMPARE(dialog.selectedLayer(), QStringLiteral("grid_county"));
        QCOMPARE(dialog.previewRowCount(), 1);
        dialog.setLayer(QStringLiteral("grid_street"));
        QCOMPARE(dialog.selectedLayer(), QStringLiteral("grid_street"));
        QCOMPARE(dialog.previewRowCount(), featureCount(m_county, QStringLiteral("grid_street")));
    }

    void validationDockListsFindingsAndLocatesThem() {
        ValidationDock clean(m_county);
        QSignalSpy cleanDone(&clean, &ValidationDock::validationFinished);
        clean.run();
        QVERIFY(cleanDone.wait(60000));
        QCOMPARE(cleanDone.first().at(0).toInt(), 0);

        // A county with a gap: one grid deleted through GDAL's SQL.
        const QString gappy = m_dir.filePath(QStringLiteral("gappy.gpkg"));
        QVERIFY(QFile::copy(m_county, gappy));
        const QString code =
            sqlValue(gappy, QStringLiteral("SELECT code FROM grid_grid ORDER BY code LIMIT 1"));
        const QString parent =
            sqlValue(gappy, QStringLiteral("SELECT parent_code FROM grid_grid ORDER BY code LIMIT 1"));
        const Run del = run(QStandardPaths::findExecutable(QStringLiteral("ogrinfo")),
                            {gappy, QStringLiteral("-sql"),
                             QStringLiteral("DELETE FROM grid_grid WHERE code = '%1'").arg(code)});
        QCOMPARE(del.exitCode, 0);
        ValidationDock dock(gappy);
        QSignalSpy done(&dock, &ValidationDock::validationFinished);
        dock.run();
        QVERIFY(done.wait(60000));
        QCOMPARE(done.first().at(0).toInt(), 1);
        QSignalSpy selected(&dock, &ValidationDock::findingSelected);
        dock.selectFinding(0);
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.first().at(0).toString(), parent); // a gap names its parent
        const QRectF bounds = selected.first().at(1).toRectF();
        QVERIFY(!bounds.isNull());
        QVERIFY(bounds.width() > 0 && bounds.height() > 0);
    }
};

QTEST_MAIN(TestDialogs)
#include "tst_dialogs.moc"
