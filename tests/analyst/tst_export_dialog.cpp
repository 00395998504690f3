// The GUI's export dialog refuses, through the same check gridctl uses, an output that would reach
// the county the window has open, and shows why in the dialog itself; the county stays unchanged.
#include "AnalystTestSupport.h"

#include "ExportDialog.h"
#include "gc/store/CountyStore.h"

#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace gc::test;

class TestExportDialog : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_county;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(toolsAvailable(), "gridctl, ogrinfo or ogr2ogr missing (apt-get install gdal-bin)");
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("county"))));
        m_county = m_dir.filePath(QStringLiteral("county/c.gpkg"));
        QVERIFY(makeDemo(m_county));
        QVERIFY(QFile::link(m_dir.filePath(QStringLiteral("county")),
                            m_dir.filePath(QStringLiteral("county-link"))));
        QVERIFY(QFile::link(m_county, m_dir.filePath(QStringLiteral("c-link.csv"))));
    }

    void outputReachingTheOpenCountyIsRefused_data() {
        QTest::addColumn<int>("format");
        QTest::addColumn<QString>("out");
        QTest::newRow("the county itself") << int(gc::geo::VectorFormat::GeoPackage) << m_county;
        QTest::newRow("a symlink to it, as CSV")
            << int(gc::geo::VectorFormat::Csv) << m_dir.filePath(QStringLiteral("c-link.csv"));
        // Not existing yet, so no "already exists" refusal stands in for the real one.
        QTest::newRow("its -wal through a symlinked folder")
            << int(gc::geo::VectorFormat::GeoPackage)
            << m_dir.filePath(QStringLiteral("county-link/c.gpkg-wal"));
    }
    void outputReachingTheOpenCountyIsRefused() {
        QFETCH(int, format);
        QFETCH(QString, out);
        // The county held open as the main window holds it.
        QString error;
        const auto open = gc::CountyStore::open(m_county, &error);
        QVERIFY2(open, qPrintable(error));
        const QByteArray before = fingerprint(m_county);
        const QStringList filesBefore =
            QDir(m_dir.filePath(QStringLiteral("county")))
                .entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);

        ExportDialog dialog(m_county);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.setWhat(QStringLiteral("tickets"));
        dialog.setFormat(static_cast<gc::geo::VectorFormat>(format));
        dialog.setCrs(QStringLiteral("EPSG:4490"));
        dialog.setOutputPath(out);
        QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
        QPushButton* startButton = nullptr;
        for (QPushButton* b : dialog.findChildren<QPushButton*>())
            if (b->text() == QStringLiteral("导出"))
                startButton = b;
        QVERIFY(startButton);
        QTest::mouseClick(startButton, Qt::LeftButton);
        // Refused on the spot, before any thread starts.
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY(!dialog.isRunning());
        QVERIFY2(dialog.lastMessage().contains(QStringLiteral("正在读取的县域数据")),
                 qPrintable(dialog.lastMessage()));
        // Shown in the dialog, marked as an error, with its icon.
        const auto* status = dialog.findChild<QLabel*>(QStringLiteral("exportStatus"));
        QVERIFY(status);
        QVERIFY(status->isVisible());
        QCOMPARE(status->text(), dialog.lastMessage());
        QCOMPARE(status->property("error").toBool(), true);
        QVERIFY(dialog.isVisible()); // the dialog stays open for the user to pick another file
        // Nothing changed: the county's bytes, its folder's entries, and it still reads as a county.
        QCOMPARE(fingerprint(m_county), before);
        QCOMPARE(QDir(m_dir.filePath(QStringLiteral("county")))
                     .entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 filesBefore);
        QCOMPARE(open->grids(gc::GridLevel::Grid, false).size(), 1035);
    }
};

QTEST_MAIN(TestExportDialog)
#include "tst_export_dialog.moc"
