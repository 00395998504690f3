// CountyStore: creating and opening county files, refusing foreign ones untouched,
// tickets through the closed loop with optimistic concurrency, append-only events.
#include "gc/core/ChinaTime.h"
#include "gc/geo/Geometry.h"
#include "gc/store/CountyStore.h"
#include "gc/store/FeedStore.h"
#include "gc/store/GridHierarchyModel.h"

#include <QAbstractItemModelTester>
#include <QCryptographicHash>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace gc;

namespace {

QByteArray fileHash(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

GridRecord square(GridLevel level, const QString& code, const QString& parent, double x, double y,
                  double size) {
    GridRecord g;
    g.level = level;
    g.code = code;
    g.parentCode = parent;
    g.name = QStringLiteral("测试") + code;
    g.households = 100;
    g.population = 280;
    g.risk = RiskLevel::Yellow;
    g.wkb = geo::fromWkt(
        QStringLiteral("POLYGON((%1 %2,%3 %2,%3 %4,%1 %4,%1 %2))").arg(x).arg(y).arg(x + size).arg(y + size));
    return g;
}

} // namespace

class TestCountyStore : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString path(const QString& name) const { return m_dir.filePath(name); }

    // Takes a county back to schema 4: what schema 5 added (the assessment's tables, AssessStore, and
    // two indexes by time) removed.
    static bool dropSchema5(const CountyStore& store) {
        QSqlQuery q(store.database());
        for (const char* statement :
             {"DROP TABLE assess_rules", "DROP TABLE assess_adjustments", "DROP TABLE assess_days",
              "DROP TABLE assess_coverage", "DROP INDEX checkins_at", "DROP INDEX ticket_events_action_at",
              "DELETE FROM gpkg_contents WHERE table_name LIKE 'assess_%'",
              "UPDATE gc_meta SET value = '4' WHERE key = 'schema_version'"})
            if (!q.exec(QString::fromLatin1(statement)))
                return false;
        return true;
    }

    // Takes a county back to schema 3: what schema 4 added (the stored risk pass, the inputs
    // counter and its triggers) removed.
    static bool dropSchema4(const CountyStore& store) {
        if (!dropSchema5(store))
            return false;
        QSqlQuery q(store.database());
        QStringList triggers;
        if (!q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE "
                                   "'risk_inputs_%'")))
            return false;
        while (q.next())
            triggers << q.value(0).toString();
        for (const QString& t : triggers)
            if (!q.exec(QStringLiteral("DROP TRIGGER %1").arg(t)))
                return false;
        return q.exec(QStringLiteral("DROP TABLE risk_snapshot")) &&
               q.exec(QStringLiteral("DELETE FROM gc_meta WHERE key = 'risk_inputs_version'")) &&
               q.exec(QStringLiteral("UPDATE gc_meta SET value = '3' WHERE key = 'schema_version'"));
    }

    std::unique_ptr<CountyStore> makeCounty(const QString& name) {
        QString error;
        auto store = CountyStore::create(path(name),
                                         {QStringLiteral("210699"), QStringLiteral("测试县"), {}, 0}, &error);
        if (!store)
            qWarning() << error;
        return store;
    }

    Ticket newTicket() {
        Ticket t;
        t.category = QStringLiteral("C0102");
        t.source = TicketSource::CitizenApp;
        t.appealType = AppealType::Complaint;
        t.gridCode = QStringLiteral("210699001001001");
        t.title = QStringLiteral("暴露垃圾");
        t.lon = 124.3;
        t.lat = 40.2;
        t.createdAt = fromEpochSeconds(1'790'000'000);
        return t;
    }

private Q_SLOTS:
    void createAndReopen() {
        {
            auto store = makeCounty(QStringLiteral("a.gpkg"));
            QVERIFY(store);
            QCOMPARE(store->info().code, QStringLiteral("210699"));
            QString error;
            QVERIFY(store->insertGrids(GridLevel::County,
                                       {square(GridLevel::County, QStringLiteral("210699"), {}, 124, 40, 1)},
                                       &error));
            QVERIFY(store->insertGrids(GridLevel::Street,
                                       {square(GridLevel::Street, QStringLiteral("210699001"),
                                               QStringLiteral("210699"), 124, 40, 0.5)},
                                       &error));
        }
        QString error;
        auto store = CountyStore::open(path(QStringLiteral("a.gpkg")), &error);
        QVERIFY2(store, qPrintable(error));
        QCOMPARE(store->info().name, QStringLiteral("测试县"));
        QCOMPARE(store->info().schemaVersion, CountyStore::kSchemaVersion);
        QCOMPARE(store->gridCount(GridLevel::Street), 1);
        const auto street = store->grid(QStringLiteral("210699001"));
        QVERIFY(street);
        QCOMPARE(street->parentCode, QStringLiteral("210699"));
        QCOMPARE(street->risk, RiskLevel::Yellow);
        QVERIFY(qAbs(geo::ellipsoidalAreaM2(street->wkb) -
                     geo::ellipsoidalAreaM2(square(GridLevel::Street, {}, {}, 124, 40, 0.5).wkb)) < 1);
    }

    void refusesToOverwrite() {
        QVERIFY(makeCounty(QStringLiteral("b.gpkg")));
        QString error;
        QVERIFY(!CountyStore::create(path(QStringLiteral("b.gpkg")), {QStringLiteral("210699"), {}, {}, 0},
                                     &error));
        QVERIFY(error.contains(QStringLiteral("已存在")));
    }

    void rejectsBadCountyCode() {
        QString error;
        QVERIFY(!CountyStore::create(path(QStringLiteral("bad.gpkg")), {QStringLiteral("21A"), {}, {}, 0},
                                     &error));
        QVERIFY(!QFile::exists(path(QStringLiteral("bad.gpkg"))));
    }

    void refusesForeignFilesUntouched_data() {
        QTest::addColumn<QString>("kind");
        QTest::newRow("text file") << "text";
        QTest::newRow("plain sqlite") << "sqlite";
        QTest::newRow("newer schema") << "newer";
        QTest::newRow("missing") << "missing";
    }
    void refusesForeignFilesUntouched() {
        QFETCH(QString, kind);
        const QString file = path(QStringLiteral("foreign-%1.gpkg").arg(kind));
        if (kind == QLatin1String("text")) {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("this is not a database\n");
        } else if (kind == QLatin1String("sqlite")) {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
            db.setDatabaseName(file);
            QVERIFY(db.open());
            QSqlQuery(db).exec(QStringLiteral("CREATE TABLE x (a INTEGER)"));
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
        } else if (kind == QLatin1String("newer")) {
            {
                auto store = makeCounty(QStringLiteral("foreign-newer.gpkg"));
                QVERIFY(store);
                QSqlQuery(store->database())
                    .exec(QStringLiteral("UPDATE gc_meta SET value = '99' WHERE key = 'schema_version'"));
                QSqlQuery(store->database()).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
            }
        }
        const QByteArray before = fileHash(file);
        QString error;
        QVERIFY(!CountyStore::open(file, &error));
        QVERIFY2(!error.isEmpty(), "a refusal must say why");
        if (kind == QLatin1String("newer"))
            QVERIFY2(error.contains(QStringLiteral("更新版本")), qPrintable(error));
        if (kind == QLatin1String("missing"))
            QVERIFY(!QFile::exists(file)); // opening must not create it
        else
            QCOMPARE(fileHash(file), before);
    }

    // A file of schema 1 (as written before the statistics indexes) is brought up to date on
    // opening, and a new file gets the same indexes as a migrated one.
    void version1FileIsMigrated() {
        const auto indexes = [](const CountyStore& store) {
            QSqlQuery q(store.database());
            q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'index' AND name IN "
                                  "('ticket_events_action', 'tickets_grid_state_created')"));
            int n = 0;
            while (q.next())
                ++n;
            return n;
        };
        {
            auto store = makeCounty(QStringLiteral("v1.gpkg"));
            QVERIFY(store);
            QCOMPARE(indexes(*store), 2);
            QVERIFY(dropSchema4(*store));
            for (const char* statement :
                 {"DROP INDEX ticket_events_action", "DROP INDEX tickets_grid_state_created",
                  // and what schema 3 added (the risk engine's tables)
                  "DROP TABLE risk_rules", "DROP TABLE risk_overrides", "DROP TABLE risk_history",
                  "DROP TABLE key_persons", "DROP TABLE key_places", "DROP TABLE grid_adjacency",
                  "DROP INDEX tickets_risk",
                  "DELETE FROM gpkg_contents WHERE table_name IN ('risk_rules', 'risk_overrides', "
                  "'risk_history', "
                  "'key_persons', 'key_places', 'grid_adjacency')",
                  "UPDATE gc_meta SET value = '1' WHERE key = 'schema_version'"})
                QVERIFY(QSqlQuery(store->database()).exec(QString::fromLatin1(statement)));
            QCOMPARE(indexes(*store), 0);
        }
        QString error;
        auto store = CountyStore::open(path(QStringLiteral("v1.gpkg")), &error);
        QVERIFY2(store, qPrintable(error));
        QCOMPARE(store->info().schemaVersion, CountyStore::kSchemaVersion);
        QCOMPARE(indexes(*store), 2);
    }

    // A file of schema 2 (before the risk engine) gets the risk tables on opening, registered
    // in gpkg_contents so QGIS lists them; the grid layers' risk_level stays writable through
    // the store's own connection (GDAL's R-tree triggers need ST_* functions there).
    void version2FileIsMigrated() {
        const QStringList riskTables = {QStringLiteral("risk_rules"),   QStringLiteral("risk_overrides"),
                                        QStringLiteral("risk_history"), QStringLiteral("key_persons"),
                                        QStringLiteral("key_places"),   QStringLiteral("grid_adjacency")};
        const auto count = [&](const CountyStore& store, const QString& sql) {
            QSqlQuery q(store.database());
            int n = 0;
            for (const QString& t : riskTables)
                if (q.exec(sql.arg(t)) && q.next())
                    n += q.value(0).toInt();
            return n;
        };
        const QString inMaster =
            QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '%1'");
        const QString inContents =
            QStringLiteral("SELECT count(*) FROM gpkg_contents WHERE table_name = '%1'");
        {
            auto store = makeCounty(QStringLiteral("v2.gpkg"));
            QVERIFY(store);
            QCOMPARE(count(*store, inMaster), 6);
            QVERIFY(dropSchema4(*store));
            QSqlQuery q(store->database());
            for (const QString& t : riskTables) {
                QVERIFY(q.exec(QStringLiteral("DROP TABLE %1").arg(t)));
                QVERIFY(q.exec(QStringLiteral("DELETE FROM gpkg_contents WHERE table_name = '%1'").arg(t)));
            }
            QVERIFY(q.exec(QStringLiteral("DROP INDEX tickets_risk")));
            QVERIFY(q.exec(QStringLiteral("UPDATE gc_meta SET value = '2' WHERE key = 'schema_version'")));
            QCOMPARE(count(*store, inMaster), 0);
        }
        QString error;
        auto store = CountyStore::open(path(QStringLiteral("v2.gpkg")), &error);
        QVERIFY2(store, qPrintable(error));
        QCOMPARE(store->info().schemaVersion, CountyStore::kSchemaVersion);
        QCOMPARE(count(*store, inMaster), 6);
        QCOMPARE(count(*store, inContents), 6);
    }

    // A file of schema 3 gets the stored risk pass and the inputs counter; the counter then moves
    // with every write to what the risk engine reads, by any writer, and not with the engine's own
    // band writes.
    void version3FileIsMigrated() {
        {
            auto store = makeCounty(QStringLiteral("v3.gpkg"));
            QVERIFY(store);
            QVERIFY(dropSchema4(*store));
        }
        QString error;
        auto store = CountyStore::open(path(QStringLiteral("v3.gpkg")), &error);
        QVERIFY2(store, qPrintable(error));
        QCOMPARE(store->info().schemaVersion, CountyStore::kSchemaVersion);
        QSqlQuery q(store->database());
        const auto counter = [&] {
            return q.exec(QStringLiteral("SELECT value FROM gc_meta WHERE key = 'risk_inputs_version'")) &&
                           q.next()
                       ? q.value(0).toLongLong()
                       : -1;
        };
        QCOMPARE(counter(), 0);
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM risk_snapshot")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        // Each statement below is one write to an input (one row each): the counter counts them.
        const QStringList inputs = {
            QStringLiteral(
                "INSERT INTO tickets (id, state, category, source, priority, grid_code, created_at) "
                "VALUES (900001, 'received', 'C0401', 'patrol', 'urgent', '1', 1)"),
            QStringLiteral("UPDATE tickets SET state = 'closed' WHERE id = 900001"),
            QStringLiteral("DELETE FROM tickets WHERE id = 900001"),
            QStringLiteral("INSERT INTO checkins (worker_id, at) VALUES (1, 1)"),
            QStringLiteral("INSERT INTO key_persons (grid_code, type, count) VALUES ('1', 'x', 1)"),
            QStringLiteral("INSERT INTO key_places (type, lon, lat, grid_code) VALUES ('x', 0, 0, '1')"),
            QStringLiteral("INSERT INTO risk_rules (json, set_at) VALUES ('{}', 1)"),
            QStringLiteral("INSERT INTO worker_grids (worker_id, grid_code) VALUES (1, 'x')"),
            QStringLiteral("INSERT INTO grid_grid (code, name, level, parent_code) VALUES "
                           "('210699001001001', 'x', 4, '1')"),
            QStringLiteral("UPDATE grid_grid SET population = 7"),
        };
        for (int i = 0; i < inputs.size(); ++i) {
            QVERIFY2(q.exec(inputs[i]), qPrintable(q.lastError().text()));
            QCOMPARE(counter(), i + 1);
        }
        // The engine's own output is no input: writing a band leaves the counter alone.
        QVERIFY(q.exec(QStringLiteral("UPDATE grid_grid SET risk_level = 'red'")));
        QCOMPARE(counter(), inputs.size());
    }

    // A file of schema 4 (before the assessment) gets the assessment's tables on opening, registered in
    // gpkg_contents, and keeps its risk tables and data.
    void version4FileIsMigrated() {
        const auto count = [](const CountyStore& store, const QString& sql) {
            QSqlQuery q(store.database());
            return q.exec(sql) && q.next() ? q.value(0).toInt() : -1;
        };
        const QString assessTables = QStringLiteral(
            "SELECT count(*) FROM sqlite_master WHERE name IN ('assess_rules', 'assess_adjustments', 'assess_days', "
            "'assess_coverage', 'checkins_at', 'ticket_events_action_at')");
        const QString registered = QStringLiteral("SELECT count(*) FROM gpkg_contents WHERE table_name LIKE 'assess_%'");
        {
            auto store = makeCounty(QStringLiteral("v4.gpkg"));
            QVERIFY(store);
            QCOMPARE(count(*store, assessTables), 6);
            QVERIFY(QSqlQuery(store->database())
                        .exec(QStringLiteral("INSERT INTO key_places (name, type, lon, lat, grid_code) "
                                             "VALUES ('学校', 'school', 124.3, 40.1, 'g')")));
            QVERIFY(dropSchema5(*store));
            QCOMPARE(count(*store, assessTables), 0);
        }
        QString error;
        auto store = CountyStore::open(path(QStringLiteral("v4.gpkg")), &error);
        QVERIFY2(store, qPrintable(error));
        QCOMPARE(store->info().schemaVersion, 5);
        QCOMPARE(count(*store, assessTables), 6);
        QCOMPARE(count(*store, registered), 4);
        QCOMPARE(count(*store, QStringLiteral("SELECT count(*) FROM key_places")), 1);
        // The adjustments table refuses an empty reason by itself.
        QVERIFY(!QSqlQuery(store->database())
                     .exec(QStringLiteral("INSERT INTO assess_adjustments (worker_id, points, reason, set_by, at) "
                                          "VALUES (1, 2, '', 'x', 0)")));
    }

    void ticketClosedLoop() {
        auto store = makeCounty(QStringLiteral("t.gpkg"));
        QVERIFY(store);
        QString error;
        QVERIFY(
            store->insertDepartments({{QStringLiteral("CGJ"), QStringLiteral("城管局"), {}, {}, {}, 1},
                                      {QStringLiteral("SCJ"), QStringLiteral("市场监管局"), {}, {}, {}, 2}},
                                     &error));
        const auto id = store->createTicket(newTicket(), QStringLiteral("值班员甲"), &error);
        QVERIFY2(id, qPrintable(error));
        auto t = store->ticket(*id);
        QVERIFY(t);
        QCOMPARE(t->state, TicketState::Received);
        QVERIFY(t->deadline.isValid()); // from the time-limit table: complaint, 13 working days
        QVERIFY(t->deadline > t->createdAt.addDays(13));

        const auto act = [&](TicketAction a, const QString& dept = {}, const QString& reason = {},
                             const QString& note = {}, int version = -1) {
            TicketActionRequest r;
            r.action = a;
            r.actor = QStringLiteral("值班员甲");
            r.at = store->ticket(*id)->createdAt.addSecs(3600 * (1 + store->ticketEvents(*id).size()));
            r.departmentCode = dept;
            r.reason = reason;
            r.note = note;
            return store->applyTicketAction(*id, r, version);
        };
        QVERIFY(act(TicketAction::Accept).ok);
        // A department that does not exist is refused and nothing changes.
        const TransitionResult unknown = act(TicketAction::Dispatch, QStringLiteral("NOPE"));
        QVERIFY(!unknown.ok);
        QVERIFY(unknown.error.contains(QStringLiteral("NOPE")));
        QCOMPARE(store->ticket(*id)->state, TicketState::Accepted);
        // A stale version (someone else acted first) is a conflict.
        const int version = store->ticket(*id)->version;
        QVERIFY(act(TicketAction::Dispatch, QStringLiteral("CGJ"), {}, {}, version).ok);
        const TransitionResult stale =
            act(TicketAction::Reassign, QStringLiteral("SCJ"), QStringLiteral("wrong"), {}, version);
        QVERIFY(!stale.ok);
        QVERIFY2(stale.error.contains(QStringLiteral("已被他人处理")), qPrintable(stale.error));
        QCOMPARE(store->ticket(*id)->departmentCode, QStringLiteral("CGJ"));

        QVERIFY(act(TicketAction::Return, {}, QStringLiteral("not_our_duty")).ok);
        QCOMPARE(store->ticket(*id)->state, TicketState::Returned);
        QVERIFY(act(TicketAction::Dispatch, QStringLiteral("SCJ")).ok);
        QVERIFY(act(TicketAction::Escalate).ok);
        QCOMPARE(store->ticket(*id)->escalationLevel, GridLevel::Community);
        QVERIFY(act(TicketAction::Start).ok);
        QVERIFY(act(TicketAction::Resolve, {}, {}, QStringLiteral("已清理")).ok);
        QVERIFY(act(TicketAction::RateUnsatisfied).ok);
        t = store->ticket(*id);
        QCOMPARE(t->state, TicketState::Dispatched);
        QCOMPARE(t->departmentCode, QStringLiteral("SCJ"));
        QCOMPARE(t->reopenCount, 1);
        QVERIFY(act(TicketAction::Start).ok);
        QVERIFY(act(TicketAction::Resolve, {}, {}, QStringLiteral("再次清理")).ok);
        QVERIFY(act(TicketAction::RateSatisfied).ok);
        t = store->ticket(*id);
        QCOMPARE(t->state, TicketState::Closed);
        QVERIFY(t->closedAt.isValid());
        // Nothing more can happen to a closed ticket.
        QVERIFY(!act(TicketAction::Urge).ok);

        const QList<TicketEvent> events = store->ticketEvents(*id);
        QCOMPARE(events.size(), 12); // report + 11 accepted actions
        QCOMPARE(events.first().action, TicketAction::Report);
        QCOMPARE(events.last().toState, TicketState::Closed);
        QCOMPARE(store->ticket(*id)->version, 11);

        // The audit trail is append-only, enforced by the database itself.
        QSqlQuery q(store->database());
        QVERIFY(!q.exec(QStringLiteral("UPDATE ticket_events SET actor = 'x'")));
        QVERIFY(!q.exec(QStringLiteral("DELETE FROM ticket_events")));
        QCOMPARE(store->ticketEvents(*id).size(), 12);
    }

    // 撤回 and the on-site check (指派核查 → 到场): new columns stored and read back.
    void recallAndOnSiteCheckRoundTrip() {
        auto store = makeCounty(QStringLiteral("check.gpkg"));
        QVERIFY(store);
        QString error;
        QVERIFY(store->insertDepartments({{QStringLiteral("CGJ"), QStringLiteral("城管局"), {}, {}, {}, 1}},
                                         &error));
        QList<WorkerRecord> workers{
            WorkerRecord{0, QStringLiteral("王网格"), {}, {}, {}, true, 0, 0, 0, 0, {}}};
        QVERIFY2(store->insertWorkers(workers, &error), qPrintable(error));
        const qint64 worker = workers.first().id;
        QVERIFY(worker > 0);
        const auto id = store->createTicket(newTicket(), QStringLiteral("值班员甲"), &error);
        QVERIFY2(id, qPrintable(error));
        const QDateTime base = store->ticket(*id)->createdAt;
        const auto request = [&](TicketAction a, int hours) {
            TicketActionRequest r;
            r.action = a;
            r.actor = QStringLiteral("值班员甲");
            r.at = base.addSecs(3600 * hours);
            return r;
        };
        TicketActionRequest dispatch = request(TicketAction::Dispatch, 1);
        dispatch.departmentCode = QStringLiteral("CGJ");
        QVERIFY(store->applyTicketAction(*id, dispatch).ok);
        TicketActionRequest recall = request(TicketAction::Recall, 2);
        recall.reason = QStringLiteral("dispatch_undone");
        const TransitionResult recalled = store->applyTicketAction(*id, recall);
        QVERIFY2(recalled.ok, qPrintable(recalled.error));
        QCOMPARE(store->ticket(*id)->state, TicketState::Accepted);
        QVERIFY(store->ticket(*id)->departmentCode.isEmpty());
        QCOMPARE(store->ticket(*id)->firstDispatchedAt, base.addSecs(3600));

        // A worker that does not exist is refused with a clear message; nothing changes.
        TicketActionRequest unknown = request(TicketAction::AssignCheck, 3);
        unknown.workerId = 999999;
        const TransitionResult refused = store->applyTicketAction(*id, unknown);
        QVERIFY(!refused.ok);
        QVERIFY2(refused.error.contains(QStringLiteral("网格员")), qPrintable(refused.error));
        QCOMPARE(store->ticket(*id)->checkWorkerId, qint64(0));

        TicketActionRequest assign = request(TicketAction::AssignCheck, 3);
        assign.workerId = worker;
        QVERIFY(store->applyTicketAction(*id, assign).ok);
        QCOMPARE(store->ticket(*id)->checkWorkerId, worker);
        QVERIFY(!store->ticket(*id)->arrivedAt.isValid());
        TicketActionRequest arrive = request(TicketAction::Arrive, 4);
        arrive.actor = QStringLiteral("王网格");
        QVERIFY(store->applyTicketAction(*id, arrive).ok);
        const Ticket t = *store->ticket(*id);
        QCOMPARE(t.checkWorkerId, worker);
        QCOMPARE(t.arrivedAt, base.addSecs(4 * 3600));
        QCOMPARE(t.state, TicketState::Accepted);
        QVERIFY(!store->applyTicketAction(*id, arrive).ok); // only once
        // Every column survives listings as well as the single read.
        QCOMPARE(store->tickets({}).first().arrivedAt, t.arrivedAt);

        const QList<TicketEvent> events = store->ticketEvents(*id);
        QCOMPARE(events.size(), 5);
        QCOMPARE(events.at(2).action, TicketAction::Recall);
        QCOMPARE(events.at(2).reason, QStringLiteral("dispatch_undone"));
        QCOMPARE(events.at(3).action, TicketAction::AssignCheck);
        QCOMPARE(events.at(3).workerId, worker);
        QCOMPARE(events.at(4).action, TicketAction::Arrive);
        QCOMPARE(events.at(4).workerId, worker);
        QCOMPARE(events.at(4).actor, QStringLiteral("王网格"));
        QCOMPARE(events.at(1).workerId, qint64(0));
    }

    void twoConnectionsSeeEachOther() {
        auto first = makeCounty(QStringLiteral("two.gpkg"));
        QVERIFY(first);
        QString error;
        QVERIFY(first->insertDepartments({{QStringLiteral("CGJ"), QStringLiteral("城管局"), {}, {}, {}, 1}},
                                         &error));
        const auto id = first->createTicket(newTicket(), QStringLiteral("甲"), &error);
        QVERIFY(id);
        auto second = CountyStore::open(path(QStringLiteral("two.gpkg")), &error);
        QVERIFY2(second, qPrintable(error));
        TicketActionRequest r;
        r.action = TicketAction::Dispatch;
        r.actor = QStringLiteral("乙");
        r.at = chinaNow();
        r.departmentCode = QStringLiteral("CGJ");
        QVERIFY(second->applyTicketAction(*id, r).ok);
        // The first seat, acting on what it saw, is refused by the workflow: already dispatched.
        r.actor = QStringLiteral("甲");
        const TransitionResult again = first->applyTicketAction(*id, r);
        QVERIFY(!again.ok);
        QCOMPARE(first->ticket(*id)->state, TicketState::Dispatched);
    }

    // Version 0 is a version like any other: two seats that both saw a new ticket cannot both act.
    // The workflow alone does not stop the second (a dispatched ticket may be reassigned, an
    // accepted one dispatched); only the version check does.
    void secondSeatActingOnVersionZeroIsRefused() {
        auto first = makeCounty(QStringLiteral("v0.gpkg"));
        QVERIFY(first);
        QString error;
        QVERIFY(
            first->insertDepartments({{QStringLiteral("CGJ"), QStringLiteral("城管局"), {}, {}, {}, 1},
                                      {QStringLiteral("SCJ"), QStringLiteral("市场监管局"), {}, {}, {}, 2}},
                                     &error));
        auto second = CountyStore::open(path(QStringLiteral("v0.gpkg")), &error);
        QVERIFY2(second, qPrintable(error));
        const auto request = [](TicketAction action, const QString& actor, const QString& department) {
            TicketActionRequest r;
            r.action = action;
            r.actor = actor;
            r.at = chinaNow();
            r.departmentCode = department;
            r.reason = QStringLiteral("wrong_department");
            return r;
        };

        // Both seats see ticket A at version 0; seat 甲 dispatches it, seat 乙 reassigns it.
        const auto a = first->createTicket(newTicket(), QStringLiteral("热线"), &error);
        QVERIFY2(a, qPrintable(error));
        QCOMPARE(second->ticket(*a)->version, 0);
        QVERIFY(first
                    ->applyTicketAction(
                        *a, request(TicketAction::Dispatch, QStringLiteral("甲"), QStringLiteral("CGJ")), 0)
                    .ok);
        const TransitionResult late = second->applyTicketAction(
            *a, request(TicketAction::Reassign, QStringLiteral("乙"), QStringLiteral("SCJ")), 0);
        QVERIFY(!late.ok);
        QVERIFY2(late.error.contains(QStringLiteral("已被他人处理")), qPrintable(late.error));
        QCOMPARE(first->ticket(*a)->departmentCode, QStringLiteral("CGJ"));
        QCOMPARE(first->ticket(*a)->version, 1);
        QCOMPARE(first->ticketEvents(*a).size(), 2); // report + one dispatch

        // Ticket B: 甲 accepts it at version 0, 乙 dispatches what it saw as version 0.
        const auto b = first->createTicket(newTicket(), QStringLiteral("热线"), &error);
        QVERIFY2(b, qPrintable(error));
        QVERIFY(first->applyTicketAction(*b, request(TicketAction::Accept, QStringLiteral("甲"), {}), 0).ok);
        QVERIFY(!second
                     ->applyTicketAction(
                         *b, request(TicketAction::Dispatch, QStringLiteral("乙"), QStringLiteral("SCJ")), 0)
                     .ok);
        QCOMPARE(first->ticket(*b)->state, TicketState::Accepted);
        QVERIFY(first->ticket(*b)->departmentCode.isEmpty());
    }

    // A batch from a phone uploading its backlog holds several fixes of one worker in any
    // order: the worker's last position is the newest live one, every fix is kept as track.
    void feedBatchMovesTheWorkerToItsNewestLiveFix() {
        auto store = makeCounty(QStringLiteral("fixes.gpkg"));
        QVERIFY(store);
        QString error;
        QList<WorkerRecord> workers{
            WorkerRecord{0, QStringLiteral("王网格"), {}, {}, {}, true, 0, 0, 0, 0, {}}};
        QVERIFY2(store->insertWorkers(workers, &error), qPrintable(error));
        const qint64 worker = workers.first().id;
        const qint64 t0 = 1'790'000'000;
        const auto fix = [&](qint64 at, double lon, bool live) {
            PositionFix f;
            f.workerId = worker;
            f.at = at;
            f.lon = lon;
            f.lat = 40.2;
            f.accuracy = 5;
            f.source = QStringLiteral("ws");
            f.live = live;
            return f;
        };
        FeedStore feed(*store);
        // Out of order; the newest of all is history (a day-old upload), so it does not count.
        QVERIFY2(feed.writeBatch({fix(t0 + 20, 124.20, true), fix(t0 + 60, 124.60, true),
                                  fix(t0 + 40, 124.40, true), fix(t0 + 90, 124.90, false),
                                  fix(t0 + 10, 124.10, true)},
                                 {}, &error),
                 qPrintable(error));
        WorkerRecord w = store->workers().first();
        QCOMPARE(w.lastLon, 124.60);
        QCOMPARE(w.lastAt.toSecsSinceEpoch(), t0 + 60);
        // A later batch with only older fixes does not move the worker back.
        QVERIFY(feed.writeBatch({fix(t0 + 30, 124.30, true)}, {}, &error));
        QSqlQuery q(store->database());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM positions WHERE worker_id = %1").arg(worker)) &&
                q.next());
        QCOMPARE(q.value(0).toInt(), 6);
        w = store->workers().first();
        QCOMPARE(w.lastLon, 124.60);
    }

    void hierarchyModel() {
        auto store = makeCounty(QStringLiteral("h.gpkg"));
        QVERIFY(store);
        QString error;
        QVERIFY(store->insertGrids(GridLevel::County,
                                   {square(GridLevel::County, QStringLiteral("210699"), {}, 124, 40, 1)},
                                   &error));
        QVERIFY(store->insertGrids(
            GridLevel::Street,
            {square(GridLevel::Street, QStringLiteral("210699001"), QStringLiteral("210699"), 124, 40, 0.5),
             square(GridLevel::Street, QStringLiteral("210699002"), QStringLiteral("210699"), 124.5, 40,
                    0.5)},
            &error));
        GridHierarchyModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.load(*store);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.rowCount(model.index(0, 0)), 2);
        QCOMPARE(model.count(GridLevel::Street), 2);
        const QModelIndex street = model.indexForCode(QStringLiteral("210699002"));
        QVERIFY(street.isValid());
        QCOMPARE(street.parent(), model.index(0, 0));
        QCOMPARE(street.data(GridHierarchyModel::CodeRole).toString(), QStringLiteral("210699002"));
    }
};

QTEST_GUILESS_MAIN(TestCountyStore)
#include "tst_countystore.moc"
