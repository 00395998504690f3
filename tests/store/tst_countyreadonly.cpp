// A county nobody may write is still read by every command that only reads: a 0444 file in a
// folder the user cannot write (run as the unprivileged user `nobody`: root ignores permissions),
// a 0444 file in a folder anyone can write (no -wal or -shm may be left behind), and read-only
// media (a tmpfs remounted read-only in a mount namespace of its own). Commands that write refuse
// with one line saying 只读, never that the file is damaged; the file stays byte for byte the same.
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

class TestCountyReadOnly : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_source; // the writable original, built by `gridctl demo`
    QString m_gridCount;
    QString m_ticketCount;

    struct Run {
        int exitCode = -1;
        QString out, err;
    };
    static Run run(const QString& program, const QStringList& args) {
        QProcess p;
        p.start(program, args);
        Run r;
        if (!p.waitForFinished(120000)) {
            p.kill();
            p.waitForFinished();
            r.err = QStringLiteral("did not finish");
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }
    // gridctl as a user without write permission: `nobody` when the test runs as root (as CI does).
    // The build tree may sit under a folder `nobody` cannot enter (/root in CI), so the unprivileged
    // runs use a copy of gridctl in the test's own 0755 folder (it needs nothing beside it).
    static inline QString s_gridctlCopy;
    static Run gridctlUnprivileged(const QStringList& args) {
        const QString gridctl = s_gridctlCopy.isEmpty() ? qEnvironmentVariable("GRIDCTL") : s_gridctlCopy;
        if (geteuid() == 0)
            return run(QStringLiteral("runuser"), QStringList{QStringLiteral("-u"), QStringLiteral("nobody"),
                                                              QStringLiteral("--"), gridctl} +
                                                      args);
        return run(gridctl, args);
    }
    static QByteArray sha256(const QString& path) {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256)
                                           : QByteArray();
    }
    static QString sqlite(const QString& county, const QString& sql) {
        return run(QStringLiteral("sqlite3"), {county, sql}).out.trimmed();
    }

    // A folder the unprivileged user can enter (and, if `writable`, write), holding a 0444 copy.
    QString readOnlyCopy(const QString& name, bool writableFolder) {
        const QString folder = m_dir.filePath(name);
        QDir().mkpath(folder);
        QFile::setPermissions(folder, QFileDevice::Permissions(writableFolder ? 0x7777 : 0x7555));
        const QString county = folder + QStringLiteral("/county.gpkg");
        QFile::copy(m_source, county);
        QFile::setPermissions(county,
                              QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther);
        return county;
    }

    // Every reading command on `county`, as the unprivileged user, with its outputs in `out`.
    void readEverything(const QString& county, const QString& out) {
        const Run info = gridctlUnprivileged({QStringLiteral("info"), county});
        QVERIFY2(info.exitCode == 0, qPrintable(info.err));
        QVERIFY2(info.out.contains(QStringLiteral("网格: ") + m_gridCount), qPrintable(info.out));
        const Run list = gridctlUnprivileged({QStringLiteral("ticket"), QStringLiteral("list"), county});
        QVERIFY2(list.exitCode == 0, qPrintable(list.err));
        QCOMPARE(QString::number(list.out.count(u'\n')), m_ticketCount);
        const QList<QStringList> commands = {
            {QStringLiteral("stats"), county},
            {QStringLiteral("departments"), county},
            {QStringLiteral("workers"), county},
            {QStringLiteral("ticket"), QStringLiteral("show"), county, QStringLiteral("1")},
            {QStringLiteral("validate"), county},
            {QStringLiteral("export"), county, QStringLiteral("--what"), QStringLiteral("tickets"),
             QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--crs"),
             QStringLiteral("EPSG:4490"), QStringLiteral("--out"), out + QStringLiteral("/tickets.csv")},
            {QStringLiteral("export"), county, QStringLiteral("--what"), QStringLiteral("grids"),
             QStringLiteral("--format"), QStringLiteral("gpkg"), QStringLiteral("--crs"),
             QStringLiteral("EPSG:4490"), QStringLiteral("--out"), out + QStringLiteral("/grids.gpkg")},
            {QStringLiteral("render"), county, QStringLiteral("--out"), out + QStringLiteral("/map.png")},
        };
        for (const QStringList& command : commands) {
            const Run r = gridctlUnprivileged(command);
            // validate exits 1 when it finds problems (none in a demo county).
            QVERIFY2(r.exitCode == 0,
                     qPrintable(command.mid(0, 2).join(u' ') + QStringLiteral(": ") + r.err));
        }
        // The CSV holds every ticket (header + one line each), counted by sqlite3 above.
        QFile csv(out + QStringLiteral("/tickets.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(QString::number(csv.readAll().count('\n') - 1), m_ticketCount);
    }

    // Commands that write refuse: one line, non-zero, 只读, never 损坏.
    void writesRefused(const QString& county) {
        const QList<QStringList> commands = {
            {QStringLiteral("ticket"), QStringLiteral("accept"), county, QStringLiteral("1")},
            {QStringLiteral("token"), county, QStringLiteral("--worker"), QStringLiteral("1")},
        };
        for (const QStringList& command : commands) {
            const Run r = gridctlUnprivileged(command);
            QVERIFY2(r.exitCode != 0, qPrintable(r.out));
            QCOMPARE(r.err.trimmed().count(u'\n'), 0);
            QVERIFY2(r.err.contains(QStringLiteral("只读")), qPrintable(r.err));
            QVERIFY2(!r.err.contains(QStringLiteral("损坏")), qPrintable(r.err));
        }
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(!qEnvironmentVariableIsEmpty("GRIDCTL"), "GRIDCTL must point to the gridctl binary");
        QVERIFY(m_dir.isValid());
        QFile::setPermissions(m_dir.path(), QFileDevice::Permissions(0x7755));
        m_source = m_dir.filePath(QStringLiteral("source.gpkg"));
        s_gridctlCopy = m_dir.filePath(QStringLiteral("gridctl"));
        QVERIFY(QFile::copy(qEnvironmentVariable("GRIDCTL"), s_gridctlCopy));
        QFile::setPermissions(s_gridctlCopy, QFileDevice::Permissions(0x7755));
        const Run demo = run(qEnvironmentVariable("GRIDCTL"),
                             {QStringLiteral("demo"), QStringLiteral("--out"), m_source,
                              QStringLiteral("--grids"), QStringLiteral("30"), QStringLiteral("--quiet")});
        QVERIFY2(demo.exitCode == 0, qPrintable(demo.err));
        m_gridCount = sqlite(m_source, QStringLiteral("SELECT count(*) FROM grid_grid"));
        m_ticketCount = sqlite(m_source, QStringLiteral("SELECT count(*) FROM tickets"));
        QVERIFY2(m_gridCount == QLatin1String("30"), "sqlite3 must be installed");
        QVERIFY(m_ticketCount.toInt() > 0);
        QVERIFY(!QFile::exists(m_source + QStringLiteral("-wal")));
    }

    void readOnlyFileInReadOnlyFolder() {
        const QString county = readOnlyCopy(QStringLiteral("locked"), false);
        const QString out = m_dir.filePath(QStringLiteral("out-locked"));
        QDir().mkpath(out);
        QFile::setPermissions(out, QFileDevice::Permissions(0x7777));
        const QByteArray before = sha256(county);
        readEverything(county, out);
        writesRefused(county);
        QCOMPARE(sha256(county), before);
        QCOMPARE(QDir(QFileInfo(county).path()).entryList(QDir::Files),
                 QStringList{QStringLiteral("county.gpkg")});
    }

    void readOnlyFileInWritableFolderLeavesNothing() {
        const QString county = readOnlyCopy(QStringLiteral("shared"), true);
        const QString out = m_dir.filePath(QStringLiteral("out-shared"));
        QDir().mkpath(out);
        QFile::setPermissions(out, QFileDevice::Permissions(0x7777));
        const QByteArray before = sha256(county);
        readEverything(county, out);
        writesRefused(county);
        QCOMPARE(sha256(county), before);
        // No -wal or -shm left behind by any reader.
        QCOMPARE(QDir(QFileInfo(county).path()).entryList(QDir::Files),
                 QStringList{QStringLiteral("county.gpkg")});
    }

    void readOnlyMedia() {
        // A tmpfs, filled and then remounted read-only, in a mount namespace of this command only
        // (-r maps the caller to root there, so it needs no privilege and root gets EROFS too).
        const QString media = m_dir.filePath(QStringLiteral("media"));
        const QString out = m_dir.filePath(QStringLiteral("out-media"));
        QDir().mkpath(media);
        QDir().mkpath(out);
        const QString gridctl = qEnvironmentVariable("GRIDCTL");
        const QString script = QStringLiteral(
            "set -e; mount -t tmpfs none \"$1\"; cp \"$2\" \"$1/county.gpkg\"; mount -o remount,ro \"$1\"; "
            "\"$3\" info \"$1/county.gpkg\"; echo \"rc=$?\"; "
            "\"$3\" ticket list \"$1/county.gpkg\" | wc -l; "
            "\"$3\" export \"$1/county.gpkg\" --what tickets --format csv --crs EPSG:4490 --out "
            "\"$4/t.csv\"; "
            "\"$3\" validate \"$1/county.gpkg\" >/dev/null; echo \"validate=$?\"; "
            "if \"$3\" ticket accept \"$1/county.gpkg\" 1 2>\"$4/refusal.txt\"; then echo accepted; fi; "
            "ls -A \"$1\"");
        const Run r =
            run(QStringLiteral("unshare"), {QStringLiteral("-rm"), QStringLiteral("sh"), QStringLiteral("-c"),
                                            script, QStringLiteral("sh"), media, m_source, gridctl, out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QStringList lines = r.out.trimmed().split(u'\n');
        QVERIFY2(r.out.contains(QStringLiteral("网格: ") + m_gridCount), qPrintable(r.out));
        QVERIFY2(lines.contains(QStringLiteral("rc=0")), qPrintable(r.out));
        QVERIFY2(lines.contains(m_ticketCount), qPrintable(r.out));
        QVERIFY2(lines.contains(QStringLiteral("validate=0")), qPrintable(r.out));
        QVERIFY2(!lines.contains(QStringLiteral("accepted")), qPrintable(r.out));
        QCOMPARE(lines.last(), QStringLiteral("county.gpkg")); // nothing beside it
        QFile refusal(out + QStringLiteral("/refusal.txt"));
        QVERIFY(refusal.open(QIODevice::ReadOnly));
        const QString why = QString::fromUtf8(refusal.readAll());
        QVERIFY2(why.contains(QStringLiteral("只读")) && !why.contains(QStringLiteral("损坏")),
                 qPrintable(why));
        QFile csv(out + QStringLiteral("/t.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(QString::number(csv.readAll().count('\n') - 1), m_ticketCount);
    }
};

QTEST_GUILESS_MAIN(TestCountyReadOnly)
#include "tst_countyreadonly.moc"
