// A county held open the way the GUI holds it, while every gridctl command works on it from another
// process: both sides keep reading and writing, the -wal and -shm stay while held, and SQLite's own
// integrity check passes (issue 10, item 5: the GUI lost its lock files after an import).
#include "gc/core/ChinaTime.h"
#include "gc/geo/Geometry.h"
#include "gc/store/CountyStore.h"
#include "gc/store/DemoCountyBuilder.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace gc;

class TestCountyShared : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_county;

    struct Run {
        int exitCode = -1;
        QString output;
    };
    static Run run(const QString& program, const QStringList& args) {
        QProcess p;
        p.start(program, args);
        Run r;
        if (!p.waitForFinished(120000)) {
            p.kill();
            p.waitForFinished();
            r.output = QStringLiteral("did not finish");
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.output = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
        return r;
    }
    static Run gridctl(const QStringList& args) { return run(qEnvironmentVariable("GRIDCTL"), args); }

    bool sideFilesPresent() const {
        return QFileInfo::exists(m_county + QStringLiteral("-wal")) &&
               QFileInfo::exists(m_county + QStringLiteral("-shm"));
    }

    // One grid's boundary as a one-building GeoJSON under that grid (a tiny square at a point
    // inside it), for `gridctl import --level building`.
    QString writeBuildingSource(const GridRecord& grid, const QString& code) {
        const QPointF p = geo::interiorPoint(grid.wkb);
        const double d = 1e-5;
        const QString ring = QStringLiteral("[[%1,%2],[%3,%2],[%3,%4],[%1,%4],[%1,%2]]")
                                 .arg(p.x() - d, 0, 'f', 8)
                                 .arg(p.y() - d, 0, 'f', 8)
                                 .arg(p.x() + d, 0, 'f', 8)
                                 .arg(p.y() + d, 0, 'f', 8);
        const QString path = m_dir.filePath(code + QStringLiteral(".geojson"));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(
            QStringLiteral(R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":)"
                           R"({"code":"%1","name":"测试楼栋%1","parent":"%2"},"geometry":{"type":"Polygon",)"
                           R"("coordinates":[%3]}}]})")
                .arg(code, grid.code, ring)
                .toUtf8());
        return path;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(!qEnvironmentVariableIsEmpty("GRIDCTL"), "GRIDCTL must point to the gridctl binary");
        QVERIFY(m_dir.isValid());
        m_county = m_dir.filePath(QStringLiteral("shared.gpkg"));
        DemoOptions o;
        o.grids = 40;
        QString error;
        QVERIFY2(DemoCountyBuilder::build(m_county, o, &error), qPrintable(error));
    }

    void everyCommandBesideAnOpenCounty() {
        QString error;
        auto held = CountyStore::open(m_county, &error);
        QVERIFY2(held, qPrintable(error));
        const QList<GridRecord> grids = held->grids(GridLevel::Grid, true);
        QVERIFY(grids.size() >= 3);

        // An import in the holding process first, as the GUI's import dialog does it.
        GridRecord building;
        building.level = GridLevel::Building;
        building.code = grids.at(0).code + QStringLiteral("001");
        building.parentCode = grids.at(0).code;
        building.name = QStringLiteral("持有方导入的楼栋");
        const QPointF inside = geo::interiorPoint(grids.at(0).wkb);
        building.wkb = geo::fromWkt(QStringLiteral("POLYGON((%1 %2,%3 %2,%3 %4,%1 %4,%1 %2))")
                                        .arg(inside.x(), 0, 'f', 8)
                                        .arg(inside.y(), 0, 'f', 8)
                                        .arg(inside.x() + 1e-5, 0, 'f', 8)
                                        .arg(inside.y() + 1e-5, 0, 'f', 8));
        QVERIFY2(held->insertGrids(GridLevel::Building, {building}, &error), qPrintable(error));
        QVERIFY(sideFilesPresent());

        // Two fresh tickets (state received) for the other process to act on.
        QList<qint64> received;
        for (int i = 0; i < 2; ++i) {
            Ticket t;
            t.category = QStringLiteral("C0102");
            t.source = TicketSource::Hotline12345;
            t.gridCode = grids.at(2).code;
            t.title = QStringLiteral("待受理 %1").arg(i);
            t.createdAt = chinaNow();
            const auto id = held->createTicket(t, QStringLiteral("持有方"), &error);
            QVERIFY2(id, qPrintable(error));
            received << *id;
        }
        const QString first = QString::number(received.at(0));
        const QString second = QString::number(received.at(1));
        const QString department = held->departments().last().code;
        const QString source = writeBuildingSource(grids.at(1), grids.at(1).code + QStringLiteral("001"));
        QVERIFY(!source.isEmpty());

        const QString out = m_dir.path();
        const QList<QStringList> commands = {
            {QStringLiteral("info"), m_county},
            {QStringLiteral("stats"), m_county},
            {QStringLiteral("departments"), m_county},
            {QStringLiteral("workers"), m_county},
            {QStringLiteral("validate"), m_county, QStringLiteral("--report"),
             out + QStringLiteral("/findings.gpkg")},
            {QStringLiteral("export"), m_county, QStringLiteral("--what"), QStringLiteral("grids"),
             QStringLiteral("--format"), QStringLiteral("gpkg"), QStringLiteral("--crs"),
             QStringLiteral("EPSG:4490"), QStringLiteral("--out"), out + QStringLiteral("/grids.gpkg")},
            {QStringLiteral("export"), m_county, QStringLiteral("--what"), QStringLiteral("tickets"),
             QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--crs"),
             QStringLiteral("EPSG:4490"), QStringLiteral("--out"), out + QStringLiteral("/tickets.csv")},
            {QStringLiteral("import"), source, QStringLiteral("--into"), m_county, QStringLiteral("--level"),
             QStringLiteral("building"), QStringLiteral("--code-field"), QStringLiteral("code"),
             QStringLiteral("--name-field"), QStringLiteral("name"), QStringLiteral("--parent-field"),
             QStringLiteral("parent"), QStringLiteral("--quiet")},
            {QStringLiteral("ticket"), QStringLiteral("list"), m_county},
            {QStringLiteral("ticket"), QStringLiteral("show"), m_county, first},
            {QStringLiteral("ticket"), QStringLiteral("accept"), m_county, first},
            {QStringLiteral("ticket"), QStringLiteral("dispatch"), m_county, second, QStringLiteral("--to"),
             department},
            {QStringLiteral("token"), m_county, QStringLiteral("--worker"), QStringLiteral("1")},
            {QStringLiteral("render"), m_county, QStringLiteral("--out"), out + QStringLiteral("/map.png")},
        };
        int sequence = 0;
        for (const QStringList& command : commands) {
            const QString what = command.mid(0, 2).join(u' ');
            const Run r = gridctl(command);
            // validate exits 1 when it finds problems; every other command succeeds.
            const bool ok =
                r.exitCode == 0 || (command.first() == QLatin1String("validate") && r.exitCode == 1);
            QVERIFY2(
                ok, qPrintable(what + QStringLiteral(" → ") + QString::number(r.exitCode) + u' ' + r.output));
            QVERIFY2(sideFilesPresent(), qPrintable(QStringLiteral("-wal/-shm gone after ") + what));

            // The holder still reads what the other process wrote and writes what it sees.
            Ticket t;
            t.category = QStringLiteral("C0102");
            t.source = TicketSource::CitizenApp;
            t.gridCode = grids.at(2).code;
            t.title = QStringLiteral("持有方登记 %1").arg(++sequence);
            t.createdAt = chinaNow();
            const auto id = held->createTicket(t, QStringLiteral("持有方"), &error);
            QVERIFY2(id, qPrintable(what + QStringLiteral(": ") + error));
            const Run shown =
                gridctl({QStringLiteral("ticket"), QStringLiteral("show"), m_county, QString::number(*id)});
            QVERIFY2(shown.exitCode == 0 && shown.output.contains(t.title),
                     qPrintable(what + u' ' + shown.output));
        }
        // What the other process did is what the holder reads.
        QCOMPARE(held->ticket(received.at(0))->state, TicketState::Accepted);
        QCOMPARE(held->ticket(received.at(1))->state, TicketState::Dispatched);
        QCOMPARE(held->ticket(received.at(1))->departmentCode, department);
        QCOMPARE(held->gridCount(GridLevel::Building), 2);
        QVERIFY(sideFilesPresent());

        // SQLite's own check, by SQLite's own shell, while the county is still held.
        const Run check =
            run(QStringLiteral("sqlite3"), {m_county, QStringLiteral("PRAGMA integrity_check")});
        QCOMPARE(check.output.trimmed(), QStringLiteral("ok"));
        const Run buildings =
            run(QStringLiteral("sqlite3"),
                {m_county, QStringLiteral("SELECT count(*) FROM rtree_grid_building_geom")});
        QCOMPARE(buildings.output.trimmed(), QStringLiteral("2")); // the R-tree followed both imports
    }

    // The long-running commands too: the feed server writing positions into the held county while
    // the simulator (another process, reading the county for its workers' grids and tokens) drives
    // it; the holder keeps its side files and reads what the server stored.
    void serveAndSimulateBesideAnOpenCounty() {
        QString error;
        auto held = CountyStore::open(m_county, &error);
        QVERIFY2(held, qPrintable(error));
        const auto countPositions = [&] { // by SQLite's own shell, a second reader
            const Run r =
                run(QStringLiteral("sqlite3"), {m_county, QStringLiteral("SELECT count(*) FROM positions")});
            return r.exitCode == 0 ? r.output.trimmed().toInt() : -1;
        };
        const int before = countPositions();
        QVERIFY(before >= 0);
        QProcess server;
        server.start(
            qEnvironmentVariable("GRIDCTL"),
            {QStringLiteral("serve"), m_county, QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
        QVERIFY(server.waitForStarted());
        QString url;
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         server.waitForReadyRead(100);
                         const QString out = QString::fromUtf8(server.peek(4096));
                         const qsizetype at = out.indexOf(QStringLiteral("ws://"));
                         if (at < 0)
                             return false;
                         url = out.mid(at).section(QLatin1Char('\n'), 0, 0).trimmed();
                         return true;
                     },
                     30000),
                 "gridctl serve never said where it listens");
        const Run simulated =
            gridctl({QStringLiteral("simulate"), QStringLiteral("--url"), url, QStringLiteral("--county"),
                     m_county, QStringLiteral("--workers"), QStringLiteral("5"), QStringLiteral("--duration"),
                     QStringLiteral("4"), QStringLiteral("--interval"), QStringLiteral("1")});
        QVERIFY2(simulated.exitCode == 0, qPrintable(simulated.output));
        QVERIFY(sideFilesPresent());
        server.terminate(); // SIGTERM: the server's orderly shutdown
        QVERIFY(server.waitForFinished(30000));
        QCOMPARE(server.exitStatus(), QProcess::NormalExit);
        QVERIFY2(sideFilesPresent(), "-wal/-shm gone after gridctl serve stopped");
        // Five workers reporting every second for four seconds: the holder reads their fixes.
        QVERIFY2(
            countPositions() >= before + 10,
            qPrintable(QStringLiteral("%1 positions before, %2 after").arg(before).arg(countPositions())));
        Ticket t;
        t.category = QStringLiteral("C0102");
        t.source = TicketSource::Patrol;
        t.gridCode = held->grids(GridLevel::Grid, false).first().code;
        t.title = QStringLiteral("服务停止后持有方登记");
        t.createdAt = chinaNow();
        QVERIFY2(held->createTicket(t, QStringLiteral("持有方"), &error), qPrintable(error));
        const Run check =
            run(QStringLiteral("sqlite3"), {m_county, QStringLiteral("PRAGMA integrity_check")});
        QCOMPARE(check.output.trimmed(), QStringLiteral("ok"));
    }

    // A burst written while a reader held an old snapshot grows the WAL past its checkpoint size;
    // once the reader lets go, the writer's own checkpoints bring it back under the 16 MB limit.
    void walStaysBounded() {
        QString error;
        auto writer = CountyStore::open(m_county, &error);
        QVERIFY2(writer, qPrintable(error));
        auto reader = CountyStore::open(m_county, &error, CountyStore::Access::ReadOnly);
        QVERIFY2(reader, qPrintable(error));
        QSqlQuery snapshot(reader->database());
        QVERIFY(snapshot.exec(QStringLiteral("BEGIN")));
        QVERIFY(snapshot.exec(QStringLiteral("SELECT count(*) FROM tickets")) && snapshot.next());
        const auto write = [&](int megabytes) {
            return writer->writeTransaction(
                [&](QString* err) {
                    QSqlQuery q(writer->database());
                    return sql(q,
                               QStringLiteral("INSERT OR REPLACE INTO gc_meta (key, value) VALUES "
                                              "('soak_%1', randomblob(1048576))")
                                   .arg(megabytes),
                               err);
                },
                &error);
        };
        for (int i = 0; i < 24; ++i)
            QVERIFY2(write(i), qPrintable(error));
        const QString wal = m_county + QStringLiteral("-wal");
        QVERIFY2(QFileInfo(wal).size() > 24 * 1048576, qPrintable(QString::number(QFileInfo(wal).size())));
        QVERIFY(snapshot.exec(QStringLiteral("COMMIT")));
        for (int i = 0; i < 3; ++i)
            QVERIFY2(write(i), qPrintable(error));
        QVERIFY2(QFileInfo(wal).size() <= 16 * 1048576, qPrintable(QString::number(QFileInfo(wal).size())));
        QVERIFY(writer->writeTransaction(
            [&](QString* err) {
                QSqlQuery q(writer->database());
                return sql(q, QStringLiteral("DELETE FROM gc_meta WHERE key LIKE 'soak_%'"), err);
            },
            &error));
    }

private:
    static bool sql(QSqlQuery& q, const QString& statement, QString* error) {
        if (q.exec(statement))
            return true;
        *error = q.lastError().text();
        return false;
    }
};

QTEST_GUILESS_MAIN(TestCountyShared)
#include "tst_countyshared.moc"
