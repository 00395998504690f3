// The GUI's export dialog refuses, through the same check gridctl uses, an output that would reach
// the county the window has open, and shows why in the dialog itself; the county stays unchanged.
#include "AnalystTestSupport.h"

#include "ExportDialog.h"
#include "gc/store/CountyStore.h"

#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QMap>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <csignal>

#include <sys/resource.h>

using namespace gc::test;

namespace {

template <typename Button> Button* buttonNamed(const QWidget& dialog, const QString& text) {
    for (Button* b : dialog.findChildren<Button*>())
        if (b->text() == text)
            return b;
    return nullptr;
}

void clickExport(ExportDialog& dialog) {
    QPushButton* start = buttonNamed<QPushButton>(dialog, QStringLiteral("导出"));
    QVERIFY(start);
    QTest::mouseClick(start, Qt::LeftButton);
}

void clickOverwrite(ExportDialog& dialog) {
    QCheckBox* overwrite = buttonNamed<QCheckBox>(dialog, QStringLiteral("覆盖已存在的文件"));
    QVERIFY(overwrite);
    // On the box itself: the widget is as wide as the form, its text ends well before.
    QTest::mouseClick(overwrite, Qt::LeftButton, {}, QPoint(6, overwrite->height() / 2));
    QVERIFY(overwrite->isChecked());
}

void verifyErrorShown(const ExportDialog& dialog) {
    const auto* status = dialog.findChild<QLabel*>(QStringLiteral("exportStatus"));
    QVERIFY(status);
    QVERIFY(status->isVisible());
    QCOMPARE(status->text(), dialog.lastMessage());
    QCOMPARE(status->property("error").toBool(), true);
    QVERIFY(dialog.isVisible()); // the dialog stays open for the user to pick another file
}

// Every entry of `dir` (hidden ones too) with its SHA-256.
QMap<QString, QByteArray> snapshot(const QString& dir) {
    QMap<QString, QByteArray> files;
    for (const QFileInfo& fi :
         QDir(dir).entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot))
        files.insert(fi.fileName(), fi.isFile() ? fingerprint(fi.filePath()) : QByteArray("folder"));
    return files;
}

} // namespace

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
        // Even told to overwrite, as a user would be after the file chooser's confirmation.
        clickOverwrite(dialog);
        QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
        clickExport(dialog);
        // Refused on the spot, before any thread starts.
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY(!dialog.isRunning());
        QVERIFY2(dialog.lastMessage().contains(QStringLiteral("正在读取的县域数据")),
                 qPrintable(dialog.lastMessage()));
        // Shown in the dialog, marked as an error.
        verifyErrorShown(dialog);
        // Nothing changed: the county's bytes, its folder's entries, and it still reads as a county.
        QCOMPARE(fingerprint(m_county), before);
        QCOMPARE(QDir(m_dir.filePath(QStringLiteral("county")))
                     .entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 filesBefore);
        QCOMPARE(open->grids(gc::GridLevel::Grid, false).size(), 1035);
    }

    // Overwriting, ticked in the dialog, replaces the previous output.
    void overwriteReplacesThePreviousOutput() {
        const QString out = m_dir.filePath(QStringLiteral("again.gpkg"));
        for (bool overwrite : {false, true}) {
            ExportDialog dialog(m_county);
            dialog.show();
            dialog.setWhat(QStringLiteral("tickets"));
            dialog.setFormat(gc::geo::VectorFormat::GeoPackage);
            dialog.setCrs(QStringLiteral("EPSG:4490"));
            dialog.setOutputPath(out);
            if (overwrite)
                clickOverwrite(dialog);
            QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
            clickExport(dialog);
            QVERIFY(finished.size() == 1 || finished.wait(120000));
            QVERIFY2(finished.first().at(0).toBool(), qPrintable(dialog.lastMessage()));
            QCOMPARE(featureCount(out, QStringLiteral("tickets")), 2070);
        }
    }

    // A file size limit (as a full disk) met in the GUI: the app ignores SIGXFSZ as its main()
    // does, the dialog shows the failure, and the previous output stays as it was.
    void fileSizeLimitIsShownAndChangesNothing_data() {
        QTest::addColumn<int>("format");
        QTest::addColumn<QString>("name");
        QTest::newRow("shp") << int(gc::geo::VectorFormat::Shapefile) << "prev.shp";
        QTest::newRow("gpkg") << int(gc::geo::VectorFormat::GeoPackage) << "prev.gpkg";
    }
    void fileSizeLimitIsShownAndChangesNothing() {
        QFETCH(int, format);
        QFETCH(QString, name);
        const auto vectorFormat = static_cast<gc::geo::VectorFormat>(format);
        const QString dir = m_dir.filePath(QStringLiteral("limit-") + gc::geo::vectorFormatKey(vectorFormat));
        QVERIFY(QDir().mkpath(dir));
        const QString out = dir + QLatin1Char('/') + name;
        const Run first =
            gridctl({QStringLiteral("export"), m_county, QStringLiteral("--level"), QStringLiteral("street"),
                     QStringLiteral("--format"), gc::geo::vectorFormatKey(vectorFormat),
                     QStringLiteral("--crs"), QStringLiteral("EPSG:4490"), QStringLiteral("--out"), out});
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        const QMap<QString, QByteArray> before = snapshot(dir);

        ExportDialog dialog(m_county);
        dialog.show();
        dialog.setFormat(vectorFormat);
        dialog.setCrs(QStringLiteral("EPSG:4490"));
        dialog.setOutputPath(out);
        clickOverwrite(dialog);
        QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
        std::signal(SIGXFSZ, SIG_IGN);
        rlimit saved{};
        QCOMPARE(::getrlimit(RLIMIT_FSIZE, &saved), 0);
        rlimit limited = saved;
        limited.rlim_cur = 100 * 1024; // 1,035 grids need more in either format
        QCOMPARE(::setrlimit(RLIMIT_FSIZE, &limited), 0);
        clickExport(dialog);
        const bool done = finished.size() == 1 || finished.wait(120000);
        ::setrlimit(RLIMIT_FSIZE, &saved);
        QVERIFY(done);
        QCOMPARE(finished.first().at(0).toBool(), false);
        verifyErrorShown(dialog);
        QCOMPARE(snapshot(dir), before);
        QCOMPARE(featureCount(out, vectorFormat == gc::geo::VectorFormat::GeoPackage
                                       ? QStringLiteral("grid_street")
                                       : QStringLiteral("prev")),
                 10);
    }
};

QTEST_MAIN(TestExportDialog)
#include "tst_export_dialog.moc"
