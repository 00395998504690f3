// The demo county: exact grid count, exact tiling, determinism, realistic ticket KPIs.
#include "gc/core/ChinaTime.h"
#include "gc/core/Kpi.h"
#include "gc/core/TicketWorkflow.h"
#include "gc/geo/Geometry.h"
#include "gc/store/DemoCountyBuilder.h"

#include <QTemporaryDir>
#include <QTest>

using namespace gc;

class TestDemoCounty : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    const QDateTime m_now = QDateTime(QDate(2026, 11, 23), QTime(9, 0), chinaTimeZone());

    std::unique_ptr<CountyStore> build(const QString& name, int grids, quint32 seed) {
        DemoOptions o;
        o.grids = grids;
        o.seed = seed;
        o.now = m_now;
        QString error;
        auto store = DemoCountyBuilder::build(m_dir.filePath(name), o, &error);
        if (!store)
            qWarning() << error;
        return store;
    }

private Q_SLOTS:
    void exactCountsAndTiling_data() {
        QTest::addColumn<int>("grids");
        QTest::newRow("100") << 100;
        QTest::newRow("1035") << 1035;
    }
    void exactCountsAndTiling() {
        QFETCH(int, grids);
        auto store = build(QStringLiteral("tiling-%1.gpkg").arg(grids), grids, 7);
        QVERIFY(store);
        QCOMPARE(store->gridCount(GridLevel::County), 1);
        QCOMPARE(store->gridCount(GridLevel::Grid), grids);
        const double county = geo::ellipsoidalAreaM2(store->grids(GridLevel::County, true).first().wkb);
        // Children sum to their parents: no gaps, no overlaps (areas add up to 1e-6).
        for (int l = 2; l <= 4; ++l) {
            double sum = 0;
            for (const GridRecord& g : store->grids(static_cast<GridLevel>(l), true)) {
                QVERIFY2(!g.wkb.isEmpty(), qPrintable(g.code));
                QCOMPARE(GridCode::validateChild(g.code, g.level, g.parentCode), QString());
                sum += geo::ellipsoidalAreaM2(g.wkb);
            }
            QVERIFY2(qAbs(sum - county) / county < 1e-6,
                     qPrintable(QStringLiteral("level %1: %2 vs %3").arg(l).arg(sum).arg(county)));
        }
        // Households roll up.
        int households = 0;
        for (const GridRecord& g : store->grids(GridLevel::Grid, false))
            households += g.households;
        QCOMPARE(store->grids(GridLevel::County, false).first().households, households);
        QVERIFY(store->departments().size() >= 20 + store->gridCount(GridLevel::Street));
        QCOMPARE(store->workers().size(), grids);
    }

    void deterministicForSeed() {
        auto a = build(QStringLiteral("seed-a.gpkg"), 300, 11);
        auto b = build(QStringLiteral("seed-b.gpkg"), 300, 11);
        auto c = build(QStringLiteral("seed-c.gpkg"), 300, 12);
        QVERIFY(a && b && c);
        const auto ga = a->grids(GridLevel::Grid, true), gb = b->grids(GridLevel::Grid, true),
                   gc = c->grids(GridLevel::Grid, true);
        QCOMPARE(ga.size(), gb.size());
        for (int i = 0; i < ga.size(); ++i) {
            QCOMPARE(ga[i].code, gb[i].code);
            QCOMPARE(ga[i].name, gb[i].name);
            QCOMPARE(ga[i].wkb, gb[i].wkb);
        }
        QCOMPARE(a->ticketCount(), b->ticketCount());
        QVERIFY(ga.first().wkb != gc.first().wkb);
    }

    void realisticTickets() {
        auto store = build(QStringLiteral("kpi.gpkg"), 1035, 7);
        QVERIFY(store);
        const KpiSet k = computeKpis(store->ticketFacts(), m_now.addDays(-90), m_now.addSecs(1), m_now);
        qInfo("received %d closed %d closure %.3f satisfaction %.3f on-time %.3f overdue %d", k.received,
              k.closed, k.closureRate, k.satisfactionRate, k.onTimeRate, k.overdue);
        QVERIFY(k.received > 1800);
        // Like the district in the seeds: closure about 93 %, satisfaction about 96 %.
        QVERIFY(k.closureRate > 0.88 && k.closureRate < 0.97);
        QVERIFY(k.satisfactionRate > 0.93 && k.satisfactionRate < 0.99);
        QVERIFY(k.overdue > 0);
        QVERIFY(k.merged > 0 && k.invalid > 0);
        // Every ticket's history is a legal path: replaying its events through the workflow,
        // from the ticket as it was reported, accepts each step, reaches each event's state and
        // ends at the stored ticket (state, department, times, rating, reopenings, escalation).
        TicketFilter all;
        all.limit = 400;
        int replayed = 0, steps = 0;
        for (const Ticket& t : store->tickets(all)) {
            const QList<TicketEvent> events = store->ticketEvents(t.id);
            QVERIFY(!events.isEmpty());
            QCOMPARE(events.first().action, TicketAction::Report);
            QCOMPARE(events.first().toState, TicketState::Received);
            QCOMPARE(events.first().at, t.createdAt);
            Ticket replay; // what was known when it was reported
            replay.id = t.id;
            replay.category = t.category;
            replay.source = t.source;
            replay.priority = t.priority;
            replay.appealType = t.appealType;
            replay.gridCode = t.gridCode;
            replay.createdAt = t.createdAt;
            replay.deadline = t.deadline;
            for (int i = 1; i < events.size(); ++i) {
                const TicketEvent& e = events[i];
                QCOMPARE(e.fromState, events[i - 1].toState);
                QVERIFY(e.at >= events[i - 1].at);
                QVERIFY(e.at <= m_now);
                TicketActionRequest r;
                r.action = e.action;
                r.actor = e.actor;
                r.at = e.at;
                r.departmentCode = e.departmentCode;
                r.reason = e.reason;
                r.note = e.note;
                r.workerId = e.workerId;
                r.mergeInto = e.action == TicketAction::Merge ? t.mergedInto : 0;
                const TransitionResult result = TicketWorkflow::apply(replay, r);
                QVERIFY2(result.ok, qPrintable(QStringLiteral("ticket %1 step %2 (%3): %4")
                                                   .arg(t.id)
                                                   .arg(i)
                                                   .arg(toKey(e.action), result.error)));
                QCOMPARE(result.ticket.state, e.toState);
                replay = result.ticket;
                ++steps;
            }
            QCOMPARE(replay.state, t.state);
            QCOMPARE(replay.departmentCode, t.departmentCode);
            QCOMPARE(replay.firstDispatchedAt, t.firstDispatchedAt);
            QCOMPARE(replay.resolvedAt, t.resolvedAt);
            QCOMPARE(replay.closedAt, t.closedAt);
            QCOMPARE(replay.rating, t.rating);
            QCOMPARE(replay.reopenCount, t.reopenCount);
            QCOMPARE(replay.escalationLevel, t.escalationLevel);
            QCOMPARE(replay.urgeCount, t.urgeCount);
            QCOMPARE(replay.selfResolved, t.selfResolved);
            QCOMPARE(replay.lastReturnReason, t.lastReturnReason);
            QCOMPARE(replay.mergedInto, t.mergedInto);
            QCOMPARE(replay.deadline, t.deadline);
            ++replayed;
        }
        QCOMPARE(replayed, 400);
        QVERIFY(steps > 400 * 3); // most tickets went through several steps
    }

    void rejectsBadOptions() {
        DemoOptions o;
        o.grids = 0;
        QString error;
        QVERIFY(!DemoCountyBuilder::build(m_dir.filePath(QStringLiteral("zero.gpkg")), o, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("zero.gpkg"))));
    }
};

QTEST_GUILESS_MAIN(TestDemoCounty)
#include "tst_democounty.moc"
