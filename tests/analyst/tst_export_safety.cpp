// gridctl export never harms what it reads or replaces: an output reaching the county is refused,
// a full disk or a file size limit leaves the previous output as it was; folders and empty layers
// behave as ogr2ogr's do. Every file written is read back by GDAL's ogrinfo.
#include "AnalystTestSupport.h"

#include <QDirIterator>
#include <QMap>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <csignal>
#include <functional>
#include <unistd.h>

using namespace gc::test;

namespace {

Run runIn(const QString& workingDirectory, const QString& program, const QStringList& arguments) {
    QProcess p;
    p.setWorkingDirectory(workingDirectory);
    p.start(program, arguments);
    Run r;
    if (!p.waitForFinished(300000)) {
        p.kill();
        r.err = QStringLiteral("timeout or failed to start: %1").arg(program);
        return r;
    }
    // A process killed by a signal (SIGXFSZ) is a crash, never an exit code.
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QString shellQuote(const QString& s) {
    QString quoted = s;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

// Every file under `dir` (hidden ones too) with its SHA-256: what "nothing changed" means.
QMap<QString, QByteArray> snapshot(const QString& dir) {
    QMap<QString, QByteArray> files;
    QDirIterator it(dir, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo fi(path);
        files.insert(QDir(dir).relativeFilePath(path), fi.isSymLink() ? fi.symLinkTarget().toUtf8()
                                                       : fi.isFile()  ? fingerprint(path)
                                                                      : QByteArray("folder"));
    }
    return files;
}

QString crsFor(const QString& format) {
    return format == QLatin1String("geojson") || format == QLatin1String("kml") ? QStringLiteral("EPSG:4326")
                                                                                : QStringLiteral("EPSG:4490");
}

// gridctl with `arguments` under a file size limit of 100 KiB (bash's ulimit -f counts KiB).
Run gridctlUnderFileSizeLimit(const QStringList& arguments) {
    QStringList quoted{shellQuote(gridctlPath())};
    for (const QString& a : arguments)
        quoted << shellQuote(a);
    return run(QStringLiteral("/bin/bash"), {QStringLiteral("-c"), QStringLiteral("ulimit -f 100; exec ") +
                                                                       quoted.join(QLatin1Char(' '))});
}

// The layer ogrinfo sees: GeoPackage, KML and GeoJSON keep the exported layer's name, Shapefile
// and CSV are named after the file.
QString layerOf(const QString& format, const QString& fileBase, const QString& layerName) {
    return format == QLatin1String("shp") || format == QLatin1String("csv") ? fileBase : layerName;
}

} // namespace

class TestExportSafety : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_county;
    QByteArray m_countySha;

    QString path(const QString& name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(toolsAvailable(), "gridctl, ogrinfo or ogr2ogr missing (apt-get install gdal-bin)");
        QVERIFY(m_dir.isValid());
        // The county lives in a folder of its own, beside a folder the commands run in and a
        // symlink to its folder, so relative, "..", and symlinked paths can all reach it.
        QVERIFY(QDir().mkpath(path(QStringLiteral("county/work"))));
        m_county = path(QStringLiteral("county/c.gpkg"));
        QVERIFY(makeDemo(m_county));
        m_countySha = fingerprint(m_county);
        QVERIFY(QFile::link(path(QStringLiteral("county")), path(QStringLiteral("county-link"))));
        QVERIFY(QFile::link(m_county, path(QStringLiteral("county/work/c-link.gpkg"))));
        QVERIFY(QFile::link(m_county, path(QStringLiteral("county/work/c-link.csv"))));
        // A hard link: the same file under another name, which no path comparison sees.
        QCOMPARE(::link(QFile::encodeName(m_county).constData(),
                        QFile::encodeName(path(QStringLiteral("county/work/hard.gpkg"))).constData()),
                 0);
    }

    // Issue 10 item 1: every way of naming the county (or its SQLite sidecars) as the output is
    // refused with one line, a non-zero exit, and nothing changed anywhere.
    void outputReachingTheCountyIsRefused_data() {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("out"); // from county/work
        QTest::addColumn<QString>("reason");
        QTest::newRow("itself, gpkg") << "gpkg" << m_county << QStringLiteral("正在读取的县域数据");
        QTest::newRow("itself, csv") << "csv" << m_county << QStringLiteral("正在读取的县域数据");
        QTest::newRow("itself, shp") << "shp" << m_county << QStringLiteral("正在读取的县域数据");
        QTest::newRow("relative with ..") << "gpkg"
                                          << "../c.gpkg" << QStringLiteral("正在读取的县域数据");
        QTest::newRow("through ./ and ..") << "gpkg"
                                           << "./../work/../c.gpkg" << QStringLiteral("正在读取的县域数据");
        QTest::newRow("symlink to it") << "gpkg"
                                       << "c-link.gpkg" << QStringLiteral("正在读取的县域数据");
        QTest::newRow("symlink to it, csv") << "csv"
                                            << "c-link.csv" << QStringLiteral("正在读取的县域数据");
        QTest::newRow("hard link to it") << "gpkg"
                                         << "hard.gpkg" << QStringLiteral("正在读取的县域数据");
        QTest::newRow("its -wal through a symlinked folder (not yet existing)")
            << "gpkg" << path(QStringLiteral("county-link/c.gpkg-wal"))
            << QStringLiteral("正在读取的县域数据");
        QTest::newRow("its -shm") << "gpkg"
                                  << "../c.gpkg-shm" << QStringLiteral("正在读取的县域数据");
        QTest::newRow("its -journal through link/..")
            << "gpkg" << path(QStringLiteral("county-link/../county/c.gpkg-journal"))
            << QStringLiteral("正在读取的县域数据");
        QTest::newRow("its folder as a csv folder named like it")
            << "csv" << m_county + QLatin1Char('/') << QStringLiteral("不是文件夹");
    }
    void outputReachingTheCountyIsRefused() {
        QFETCH(QString, format);
        QFETCH(QString, out);
        QFETCH(QString, reason);
        const QMap<QString, QByteArray> before = snapshot(m_dir.path());
        const Run r =
            runIn(path(QStringLiteral("county/work")), gridctlPath(),
                  {QStringLiteral("export"), QStringLiteral("../c.gpkg"), QStringLiteral("--what"),
                   QStringLiteral("tickets"), QStringLiteral("--format"), format, QStringLiteral("--crs"),
                   QStringLiteral("EPSG:4490"), QStringLiteral("--out"), out, QStringLiteral("--overwrite")});
        QVERIFY2(r.exitCode > 0, qPrintable(r.out + r.err));
        const QStringList lines = gridctlErrorLines(r.err);
        QCOMPARE(lines.size(), 1);
        QVERIFY2(r.err.trimmed() == lines.first(), qPrintable(r.err)); // nothing else on stderr
        QVERIFY2(lines.first().contains(reason), qPrintable(lines.first()));
        QCOMPARE(fingerprint(m_county), m_countySha);
        QCOMPARE(snapshot(m_dir.path()), before);
        // Still a county, as GDAL and gridctl read it.
        QCOMPARE(featureCount(m_county, QStringLiteral("grid_grid")), 1035);
        QCOMPARE(gridctl({QStringLiteral("info"), m_county}).exitCode, 0);
    }

    // A SQLite database held open elsewhere (its -wal/-shm beside it) is never overwritten.
    void databaseInUseIsNotOverwritten() {
        QDir().mkpath(path(QStringLiteral("in-use")));
        const QString out = path(QStringLiteral("in-use/open.gpkg"));
        const QStringList args = {QStringLiteral("export"),   m_county,
                                  QStringLiteral("--format"), QStringLiteral("gpkg"),
                                  QStringLiteral("--crs"),    QStringLiteral("EPSG:4490"),
                                  QStringLiteral("--level"),  QStringLiteral("street"),
                                  QStringLiteral("--out"),    out};
        QCOMPARE(gridctl(args).exitCode, 0);
        QFile shm(out + QStringLiteral("-shm"));
        QVERIFY(shm.open(QIODevice::WriteOnly));
        shm.close();
        const QMap<QString, QByteArray> before = snapshot(path(QStringLiteral("in-use")));
        const Run r = gridctl(args + QStringList{QStringLiteral("--overwrite")});
        QVERIFY(r.exitCode > 0);
        QCOMPARE(gridctlErrorLines(r.err).size(), 1);
        QVERIFY2(r.err.contains(QLatin1String("-wal/-shm")), qPrintable(r.err));
        QCOMPARE(snapshot(path(QStringLiteral("in-use"))), before);
    }

    // Issue 10 item 3: past a file size limit (ulimit -f) the export fails with one line instead of
    // being killed by SIGXFSZ, and the previous output is left exactly as it was, still readable.
    void fileSizeLimitLeavesPreviousOutput_data() {
        QTest::addColumn<QString>("format");
        for (const char* format : {"gpkg", "shp", "csv", "geojson", "kml"})
            QTest::newRow(format) << QString::fromLatin1(format);
    }
    void fileSizeLimitLeavesPreviousOutput() {
        QFETCH(QString, format);
        const QString dir = path(QStringLiteral("limit-") + format);
        QVERIFY(QDir().mkpath(dir));
        const QString out = dir + QStringLiteral("/prev.") + format;
        const QString layer = layerOf(format, QStringLiteral("prev"), QStringLiteral("grid_street"));
        const QStringList common = {
            QStringLiteral("export"), m_county,       QStringLiteral("--format"), format,
            QStringLiteral("--crs"),  crsFor(format), QStringLiteral("--out"),    out};
        // The previous output: the 10 streets, small enough for the limit.
        const Run first = gridctl(common + QStringList{QStringLiteral("--level"), QStringLiteral("street")});
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        QCOMPARE(featureCount(out, layer), 10);
        const QMap<QString, QByteArray> before = snapshot(dir);
        // 1,035 grids exceed 100 KiB in every format.
        const Run r = gridctlUnderFileSizeLimit(common + QStringList{QStringLiteral("--overwrite")});
        QVERIFY2(r.exitCode == 1, qPrintable(QStringLiteral("exit %1: %2").arg(r.exitCode).arg(r.err)));
        const QStringList lines = gridctlErrorLines(r.err);
        QCOMPARE(lines.size(), 1);
        QVERIFY2(r.err.trimmed() == lines.first(), qPrintable(r.err));
        QCOMPARE(snapshot(dir), before); // no half-written file, no temporary left behind
        QCOMPARE(featureCount(out, layer), 10);
    }

    // The same with no previous output: nothing at all is left.
    void fileSizeLimitLeavesNothing() {
        const QString dir = path(QStringLiteral("limit-fresh"));
        QVERIFY(QDir().mkpath(dir));
        const Run r = gridctlUnderFileSizeLimit({QStringLiteral("export"), m_county,
                                                 QStringLiteral("--format"), QStringLiteral("shp"),
                                                 QStringLiteral("--crs"), QStringLiteral("EPSG:4490"),
                                                 QStringLiteral("--out"), dir + QStringLiteral("/new/")});
        QVERIFY2(r.exitCode == 1, qPrintable(QStringLiteral("exit %1: %2").arg(r.exitCode).arg(r.err)));
        QCOMPARE(gridctlErrorLines(r.err).size(), 1);
        QVERIFY(snapshot(dir).isEmpty()); // not even the folder it would have made
    }

    // A real full disk: a 300 KiB tmpfs, mounted in a mount namespace of the test's own (for a
    // user other than root inside a user namespace too), so the host's mounts are untouched. Too small for
    // 1,035 grids, big enough for the previous output of 10 streets.
    void fullDiskLeavesPreviousOutput_data() {
        QTest::addColumn<QString>("format");
        for (const char* format : {"gpkg", "shp", "geojson"})
            QTest::newRow(format) << QString::fromLatin1(format);
    }
    void fullDiskLeavesPreviousOutput() {
        QFETCH(QString, format);
        const QString unshare = QStandardPaths::findExecutable(QStringLiteral("unshare"));
        QVERIFY2(!unshare.isEmpty(), "unshare (util-linux) missing");
        const QString mountPoint = path(QStringLiteral("full-") + format);
        QVERIFY(QDir().mkpath(mountPoint));
        const QString errFile = path(QStringLiteral("full-%1.err").arg(format));
        const QString out = mountPoint + QStringLiteral("/prev.") + format;
        const QString layer = layerOf(format, QStringLiteral("prev"), QStringLiteral("grid_street"));
        const QString exportCommand = QStringLiteral("%1 export %2 --format %3 --crs %4 --out %5")
                                          .arg(shellQuote(gridctlPath()), shellQuote(m_county), format,
                                               crsFor(format), shellQuote(out));
        // Prints the exit code of the failing export, then every file on the disk with its
        // SHA-256 before and after, then what ogrinfo reads of the previous output.
        const QString script =
            QStringLiteral("set -e; mount -t tmpfs -o size=300k tmpfs %1; cd %1\n"
                           "%2 --level street >/dev/null\n"
                           "echo before; find . -type f | sort | xargs sha256sum\n"
                           "set +e; %2 --overwrite 2>%3; echo \"exit=$?\"\n"
                           "echo after; find . -type f | sort | xargs sha256sum\n"
                           "echo entries $(ls -A | wc -l)\n"
                           "ogrinfo -ro -so %4 %5 | grep 'Feature Count'\n")
                .arg(shellQuote(mountPoint), exportCommand, shellQuote(errFile), shellQuote(out), layer);
        // Root (CI) needs only a mount namespace; anyone else maps themselves to root in a user
        // namespace of their own first.
        QStringList namespaces{QStringLiteral("--mount")};
        if (::geteuid() != 0)
            namespaces.prepend(QStringLiteral("--map-root-user"));
        const Run r =
            run(unshare, namespaces + QStringList{QStringLiteral("/bin/bash"), QStringLiteral("-c"), script});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QLatin1String("exit=1\n")), qPrintable(r.out));
        const QString before =
            r.out.section(QStringLiteral("before\n"), 1).section(QStringLiteral("exit="), 0, 0);
        const QString after =
            r.out.section(QStringLiteral("after\n"), 1).section(QStringLiteral("entries"), 0, 0);
        QVERIFY2(!before.trimmed().isEmpty(), qPrintable(r.out));
        QCOMPARE(after, before);
        // Only the previous output's files, no temporary folder left: a Shapefile is .shp, .shx,
        // .dbf, .prj, .cpg and the field mapping.
        const int files = format == QLatin1String("shp") ? 6 : 1;
        QVERIFY2(r.out.contains(QStringLiteral("entries %1\n").arg(files)), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("Feature Count: 10")), qPrintable(r.out));
        QFile err(errFile);
        QVERIFY(err.open(QIODevice::ReadOnly));
        const QString errText = QString::fromUtf8(err.readAll());
        QCOMPARE(gridctlErrorLines(errText).size(), 1);
        QVERIFY2(errText.trimmed() == gridctlErrorLines(errText).first(), qPrintable(errText));
    }

    // Issue 10 item 9: a folder takes a Shapefile (or CSV) named after the layer, as ogr2ogr does,
    // made if missing.
    void folderOutputIsWrittenLikeOgr2ogr_data() {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("out");
        QTest::addColumn<bool>("makeFirst");
        QTest::addColumn<QString>("written");
        QTest::newRow("shp, new folder ending in /") << "shp"
                                                     << "folder-new/" << false << "folder-new/grid_grid.shp";
        QTest::newRow("shp, existing folder") << "shp"
                                              << "folder-existing" << true << "folder-existing/grid_grid.shp";
        QTest::newRow("csv, new folder") << "csv"
                                         << "folder-csv/" << false << "folder-csv/grid_grid.csv";
    }
    void folderOutputIsWrittenLikeOgr2ogr() {
        QFETCH(QString, format);
        QFETCH(QString, out);
        QFETCH(bool, makeFirst);
        QFETCH(QString, written);
        if (makeFirst)
            QVERIFY(QDir().mkpath(path(out)));
        const Run r = gridctl({QStringLiteral("export"), m_county, QStringLiteral("--format"), format,
                               QStringLiteral("--crs"), QStringLiteral("EPSG:4490"), QStringLiteral("--out"),
                               path(out)});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(path(written)), qPrintable(r.out));
        QCOMPARE(featureCount(path(written), QStringLiteral("grid_grid")), 1035);
    }
    void folderInAMissingFolderIsRefused() {
        const Run r = gridctl({QStringLiteral("export"), m_county, QStringLiteral("--format"),
                               QStringLiteral("shp"), QStringLiteral("--crs"), QStringLiteral("EPSG:4490"),
                               QStringLiteral("--out"), path(QStringLiteral("no-such/folder/"))});
        QVERIFY(r.exitCode > 0);
        QCOMPARE(gridctlErrorLines(r.err).size(), 1);
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("no-such"))));
    }

    // A power cut soon after an export must not leave an empty file where the previous output
    // was: every staged file is fsync'ed before it is renamed over the output, and the folder after
    // the renames. Read from the system calls themselves (strace -y names each descriptor's file).
    void stagedFilesReachTheDiskBeforeReplacingTheOutput_data() {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QStringList>("files");
        QTest::newRow("gpkg") << QStringLiteral("gpkg") << QStringList{QStringLiteral("synced.gpkg")};
        QTest::newRow("shp") << QStringLiteral("shp")
                             << QStringList{QStringLiteral("synced.shp"), QStringLiteral("synced.shx"),
                                            QStringLiteral("synced.dbf"), QStringLiteral("synced.prj")};
    }
    void stagedFilesReachTheDiskBeforeReplacingTheOutput() {
        QFETCH(QString, format);
        QFETCH(QStringList, files);
        const QString strace = QStandardPaths::findExecutable(QStringLiteral("strace"));
        QVERIFY2(!strace.isEmpty(), "strace missing (Debian package strace, installed by scripts/setup.sh)");
        const QString dir = path(QStringLiteral("synced-") + format);
        QVERIFY(QDir().mkpath(dir));
        const QString trace = path(QStringLiteral("strace-") + format + QStringLiteral(".txt"));
        const QString out = QDir(dir).filePath(files.first());
        const Run r =
            run(strace,
                {QStringLiteral("-f"), QStringLiteral("-y"), QStringLiteral("-qq"), QStringLiteral("-e"),
                 QStringLiteral("trace=fsync,fdatasync,rename,renameat,renameat2"), QStringLiteral("-o"),
                 trace, gridctlPath(), QStringLiteral("export"), m_county, QStringLiteral("--format"), format,
                 QStringLiteral("--crs"), QStringLiteral("EPSG:4490"), QStringLiteral("--out"), out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QFile f(trace);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList calls = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
        const auto firstIndex = [&](const std::function<bool(const QString&)>& match) {
            for (int i = 0; i < calls.size(); ++i)
                if (match(calls.at(i)))
                    return i;
            return -1;
        };
        int lastRename = -1;
        for (const QString& name : files) {
            const QString target = QDir(dir).filePath(name);
            // rename("…/.synced.gpkg.part-PID-N/synced.gpkg", "…/synced.gpkg") = 0
            const int renamed = firstIndex([&](const QString& c) {
                return c.contains(QStringLiteral("rename")) &&
                       c.contains(QStringLiteral("\"%1\")").arg(target)) && c.endsWith(QStringLiteral("= 0"));
            });
            // fsync(5</…/.synced.gpkg.part-PID-N/synced.gpkg>) = 0
            const int synced = firstIndex([&](const QString& c) {
                return c.contains(QStringLiteral("sync(")) && c.contains(QStringLiteral(".part-")) &&
                       c.contains(QStringLiteral("/%1>").arg(name)) && c.endsWith(QStringLiteral("= 0"));
            });
            QVERIFY2(renamed >= 0, qPrintable(name + QLatin1Char('\n') + calls.join(QLatin1Char('\n'))));
            QVERIFY2(synced >= 0 && synced < renamed,
                     qPrintable(QStringLiteral("%1 renamed into place without fsync first:\n%2")
                                    .arg(name, calls.join(QLatin1Char('\n')))));
            lastRename = std::max(lastRename, renamed);
        }
        bool folderSynced = false;
        for (int i = lastRename + 1; i < calls.size(); ++i)
            folderSynced = folderSynced || (calls.at(i).contains(QStringLiteral("fsync(")) &&
                                            calls.at(i).contains(QStringLiteral("<%1>)").arg(dir)));
        QVERIFY2(folderSynced, qPrintable(QStringLiteral("the folder was not fsync'ed after the renames:\n") +
                                          calls.join(QLatin1Char('\n'))));
        QCOMPARE(featureCount(out, layerOf(format, QStringLiteral("synced"), QStringLiteral("grid_grid"))),
                 1035);
    }

    // An export killed mid-way (SIGKILL, a power cut) leaves its hidden staging folder; the next
    // export of the same output clears it once its process is gone, and nothing else.
    void abandonedStagingIsCleared() {
        const QString dir = path(QStringLiteral("abandoned"));
        QVERIFY(QDir().mkpath(dir));
        QProcess finished;
        finished.start(QStringLiteral("/bin/true"));
        QVERIFY(finished.waitForStarted());
        const qint64 deadPid = finished.processId();
        QVERIFY(finished.waitForFinished());
        QVERIFY(deadPid > 0 && ::kill(pid_t(deadPid), 0) != 0); // gone
        const QString gone = QStringLiteral(".out.gpkg.part-%1-0").arg(deadPid);
        const QString alive = QStringLiteral(".out.gpkg.part-%1-0").arg(QCoreApplication::applicationPid());
        const QString other = QStringLiteral(".other.gpkg.part-%1-0").arg(deadPid);
        for (const QString& name : {gone, alive, other}) {
            QVERIFY(QDir(dir).mkpath(name));
            QFile junk(QDir(dir).filePath(name + QStringLiteral("/out.gpkg")));
            QVERIFY(junk.open(QIODevice::WriteOnly));
            junk.write("half a GeoPackage");
        }
        const Run r = gridctl({QStringLiteral("export"), m_county, QStringLiteral("--format"),
                               QStringLiteral("gpkg"), QStringLiteral("--crs"), QStringLiteral("EPSG:4490"),
                               QStringLiteral("--out"), dir + QStringLiteral("/out.gpkg")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QStringList left = QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
        left.sort();
        QStringList expected{alive, other, QStringLiteral("out.gpkg")};
        expected.sort();
        QCOMPARE(left, expected);
        QCOMPARE(featureCount(dir + QStringLiteral("/out.gpkg"), QStringLiteral("grid_grid")), 1035);
    }

    // Staging does not lose a sidecar GDAL writes: a CSV keeps its CRS in a .prj (and its types
    // in a .csvt), which ogrinfo reads.
    void csvKeepsItsSidecars() {
        const QString out = path(QStringLiteral("gk.csv"));
        const Run r =
            gridctl({QStringLiteral("export"), m_county, QStringLiteral("--format"), QStringLiteral("csv"),
                     QStringLiteral("--crs"), QStringLiteral("EPSG:4527"), QStringLiteral("--out"), out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(QFileInfo::exists(path(QStringLiteral("gk.csvt"))));
        const Run info = ogrinfo({QStringLiteral("-ro"), QStringLiteral("-so"), out, QStringLiteral("gk")});
        QVERIFY2(info.out.contains(QLatin1String("CGCS2000 / 3-degree Gauss-Kruger zone 39")),
                 qPrintable(info.out));
        QCOMPARE(featureCount(out, QStringLiteral("gk")), 1035);
    }

    // Issue 10 item 9: an export of nothing (the demo has no building-level grids) writes a valid
    // empty layer, exits 0, and says so in one warning line.
    void emptyExportSaysSo_data() {
        QTest::addColumn<QString>("format");
        for (const char* format : {"shp", "gpkg", "geojson"})
            QTest::newRow(format) << QString::fromLatin1(format);
    }
    void emptyExportSaysSo() {
        QFETCH(QString, format);
        const QString out = path(QStringLiteral("empty.") + format);
        QCOMPARE(sqlValue(m_county, QStringLiteral("SELECT count(*) FROM grid_building")),
                 QStringLiteral("0"));
        const Run r = gridctl({QStringLiteral("export"), m_county, QStringLiteral("--level"),
                               QStringLiteral("building"), QStringLiteral("--format"), format,
                               QStringLiteral("--crs"), crsFor(format), QStringLiteral("--out"), out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QStringList lines = gridctlErrorLines(r.err);
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.first().contains(QStringLiteral("没有可导出的要素")), qPrintable(r.err));
        const QString layer = layerOf(format, QStringLiteral("empty"), QStringLiteral("grid_building"));
        QCOMPARE(featureCount(out, layer), 0);
    }
};

QTEST_GUILESS_MAIN(TestExportSafety)
#include "tst_export_safety.moc"
