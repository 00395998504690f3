// AssessService on a county built by hand: three workers whose every point is derived below by
// hand, caps and floors, arrivals, online minutes and coverage from stored positions, adjustments,
// and the explanation adding up to the score for every worker.
#include "gc/assess/AssessService.h"
#include "gc/core/ChinaTime.h"
#include "gc/geo/Geometry.h"
#include "gc/store/CountyStore.h"
#include "gc/store/FeedStore.h"

#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

using namespace gc;

namespace {

constexpr double kLon0 = 124.30, kLat0 = 40.10;
// Metres per degree at kLat0 on GRS80 (textbook radii of curvature).
double perDegLat() {
    const double a = 6378137.0, f = 1 / 298.257222101, e2 = f * (2 - f), s = std::sin(kLat0 * M_PI / 180);
    return a * (1 - e2) / std::pow(1 - e2 * s * s, 1.5) * M_PI / 180;
}
double perDegLon() {
    const double a = 6378137.0, f = 1 / 298.257222101, e2 = f * (2 - f), s = std::sin(kLat0 * M_PI / 180);
    return a / std::sqrt(1 - e2 * s * s) * std::cos(kLat0 * M_PI / 180) * M_PI / 180;
}

qint64 at(int day, int hour, int minute) {
    return QDateTime(QDate(2026, 11, day), QTime(hour, minute), chinaTimeZone()).toSecsSinceEpoch();
}

// Rules small enough to count by hand.
const char* const kRules = R"({
  "duty": {"days": [1, 2, 3, 4, 5], "start": "08:30", "end": "17:30", "online_max_age_min": 5},
  "coverage": {"radius_m": 30, "max_accuracy_m": 50, "max_gap_min": 10},
  "arrival": {"limit_min": {"urgent": 10, "high": 10, "normal": 10, "low": 30}},
  "items": [
    {"id": "checkins", "kind": "checkin_days", "label": "签到", "points": 1, "cap": 3},
    {"id": "reports", "kind": "tickets_reported", "label": "上报", "points": 1, "weights": [{"prefix": "J", "weight": 2}]},
    {"id": "onsite", "kind": "onsite_checks", "label": "核查", "points": 1},
    {"id": "on_time", "kind": "arrivals_on_time", "label": "按时", "points": 1},
    {"id": "online", "kind": "online_rate", "label": "在线", "points": 1},
    {"id": "coverage", "kind": "coverage", "label": "覆盖", "points": 10},
    {"id": "late", "kind": "late_arrivals", "label": "超时", "points": -1},
    {"id": "overdue", "kind": "overdue_checks", "label": "未到", "points": -2, "floor": -10},
    {"id": "unsatisfied", "kind": "unsatisfied", "label": "不满意", "points": -1, "floor": -3}
  ]
})";

} // namespace

class TestAssessService : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<CountyStore> m_store;
    qint64 m_a = 0, m_b = 0, m_c = 0;
    const QDateTime m_now = QDateTime(QDate(2026, 12, 5), QTime(12, 0), chinaTimeZone());
    double m_diagonalShare = 0;

    void addTicket(QList<Ticket>& tickets, QList<QList<TicketEvent>>& events, qint64 reporter,
                   const QString& category, qint64 created, TicketState state,
                   const QList<TicketEvent>& more) {
        Ticket t;
        t.category = category;
        t.source = TicketSource::Patrol;
        t.state = state;
        t.gridCode = QStringLiteral("210699001001001");
        t.reporter = reporter ? QStringLiteral("worker:%1").arg(reporter) : QStringLiteral("市民");
        t.createdAt = fromEpochSeconds(created);
        TicketEvent filed;
        filed.action = TicketAction::Report;
        filed.actor = t.reporter;
        filed.at = t.createdAt;
        tickets << t;
        events << (QList<TicketEvent>{filed} + more);
    }
    static TicketEvent ev(TicketAction a, qint64 when, qint64 worker = 0) {
        TicketEvent e;
        e.action = a;
        e.actor = QStringLiteral("test");
        e.at = fromEpochSeconds(when);
        e.workerId = worker;
        return e;
    }

private Q_SLOTS:
    void initTestCase() {
        QString error;
        m_store = CountyStore::create(m_dir.filePath(QStringLiteral("c.gpkg")),
                                      {QStringLiteral("210699"), QStringLiteral("测试县"), m_now, 0}, &error);
        QVERIFY2(m_store, qPrintable(error));
        // Worker B's grid: a 1000 m square, south-west corner at (kLon0, kLat0).
        GridRecord g;
        g.code = QStringLiteral("210699001001001");
        g.name = QStringLiteral("一网格");
        g.parentCode = QStringLiteral("210699001001");
        g.wkb = geo::fromWkt(QStringLiteral("POLYGON((%1 %2, %3 %2, %3 %4, %1 %4, %1 %2))")
                                 .arg(kLon0, 0, 'f', 12)
                                 .arg(kLat0, 0, 'f', 12)
                                 .arg(kLon0 + 1000 / perDegLon(), 0, 'f', 12)
                                 .arg(kLat0 + 1000 / perDegLat(), 0, 'f', 12));
        QVERIFY2(m_store->insertGrids(GridLevel::Grid, {g}, &error), qPrintable(error));
        QList<WorkerRecord> workers(3);
        workers[0].name = QStringLiteral("甲");
        workers[1].name = QStringLiteral("乙");
        workers[1].gridCodes << g.code;
        workers[2].name = QStringLiteral("丙");
        QVERIFY2(m_store->insertWorkers(workers, &error), qPrintable(error));
        m_a = workers[0].id;
        m_b = workers[1].id;
        m_c = workers[2].id;

        QList<Ticket> tickets;
        QList<QList<TicketEvent>> events;
        // A reports a dispute (J…, weight 2), a road problem (weight 1), and one merged away (no points):
        // 3 points. Five 不满意 ratings on A's tickets at −1, floor −3: −3.
        addTicket(tickets, events, m_a, QStringLiteral("J0101"), at(3, 9, 0), TicketState::Closed, {});
        addTicket(
            tickets, events, m_a, QStringLiteral("C0101"), at(4, 9, 0), TicketState::Closed,
            {ev(TicketAction::RateUnsatisfied, at(4, 10, 0)), ev(TicketAction::RateUnsatisfied, at(5, 10, 0)),
             ev(TicketAction::RateUnsatisfied, at(6, 10, 0)), ev(TicketAction::RateUnsatisfied, at(9, 10, 0)),
             ev(TicketAction::RateUnsatisfied, at(10, 10, 0))});
        addTicket(tickets, events, m_a, QStringLiteral("C0101"), at(4, 9, 5), TicketState::Merged, {});
        // A ticket reported in October: not this period's.
        addTicket(tickets, events, m_a, QStringLiteral("J0101"), at(1, 0, 0) - 3600, TicketState::Closed, {});
        // B's on-site checks: 9 min (on time), 12 min (late), none (overdue). Onsite: 2; on time: 1;
        // late: −1; overdue: −2.
        addTicket(
            tickets, events, 0, QStringLiteral("C0101"), at(3, 14, 0), TicketState::Dispatched,
            {ev(TicketAction::AssignCheck, at(3, 14, 0), m_b), ev(TicketAction::Arrive, at(3, 14, 9), m_b)});
        addTicket(
            tickets, events, 0, QStringLiteral("C0101"), at(4, 14, 0), TicketState::Dispatched,
            {ev(TicketAction::AssignCheck, at(4, 14, 0), m_b), ev(TicketAction::Arrive, at(4, 14, 12), m_b)});
        addTicket(tickets, events, 0, QStringLiteral("C0101"), at(5, 14, 0), TicketState::Dispatched,
                  {ev(TicketAction::AssignCheck, at(5, 14, 0), m_b)});
        QVERIFY2(m_store->insertTicketHistory(tickets, events, &error), qPrintable(error));

        // A checks in on Mon 2 … Fri 6 November (five duty days; cap 3) and on Saturday 7 (no duty).
        QList<CheckinRecord> checkins;
        for (int day : {2, 3, 4, 5, 6, 7})
            checkins << CheckinRecord{m_a, at(day, 9, 0), false, 0, 0, {}};
        checkins << CheckinRecord{m_a, at(2, 15, 0), false, 0, 0,
                                  {}}; // a second one the same day: still one day
        // B on Tuesday 3 November: a fix a minute 08:30 … 13:00 along the grid's diagonal (271 fixes), and
        // a fix of 200 m accuracy in a corner, which coverage leaves out.
        QList<PositionFix> fixes;
        for (int i = 0; i <= 270; ++i) {
            PositionFix f;
            f.workerId = m_b;
            f.at = at(3, 8, 30) + i * 60;
            const double metres = 1000.0 * i / 270;
            f.lon = kLon0 + metres / perDegLon();
            f.lat = kLat0 + metres / perDegLat();
            f.accuracy = i == 100 ? 200 : 8;
            if (i == 100) {
                f.lon = kLon0 + 900 / perDegLon();
                f.lat = kLat0 + 100 / perDegLat();
            }
            f.live = false;
            fixes << f;
        }
        FeedStore feed(*m_store);
        QVERIFY2(feed.writeBatch(fixes, checkins, &error), qPrintable(error));
        // Hand-derived covered share of the diagonal (see test_geo_coverage): 2√2·L·r − 2r² over L².
        m_diagonalShare = (2 * std::sqrt(2.0) * 1000 * 30 - 2 * 30 * 30) / 1e6;
    }

    void scoresMatchTheHandCount() {
        AssessService service(*m_store);
        QString error;
        QVERIFY2(service.load(&error), qPrintable(error));
        QVERIFY2(service.setRules(kRules, QStringLiteral("test"), m_now, &error), qPrintable(error));
        AssessAdjustment adj{0,
                             m_a,
                             2,
                             QStringLiteral("抽查表现好"),
                             QStringLiteral("督查组"),
                             QStringLiteral("photo-1"),
                             at(20, 10, 0)};
        QVERIFY2(service.adjust(adj, &error), qPrintable(error));
        const auto period = AssessPeriod::parse(QStringLiteral("2026-11"), m_now, &error);
        QVERIFY2(period, qPrintable(error));
        const auto scores = service.score(*period, 0, m_now, &error);
        QVERIFY2(scores, qPrintable(error));
        QCOMPARE(scores->size(), 3);
        QHash<qint64, WorkerScore> by;
        for (const WorkerScore& s : *scores)
            by.insert(s.workerId, s);
        const auto item = [&](qint64 w, const QString& id) {
            for (const AssessItemScore& i : by[w].items)
                if (i.item == id)
                    return i;
            return AssessItemScore{};
        };
        // A: check-ins 5 days → cap 3; reports 2 + 1 = 3; 不满意 5 × −1 → floor −3; adjustment +2. Total 5.
        QCOMPARE(item(m_a, QStringLiteral("checkins")).centipoints, 300);
        QCOMPARE(item(m_a, QStringLiteral("checkins")).count, 5);
        QVERIFY(item(m_a, QStringLiteral("checkins")).capped);
        QCOMPARE(item(m_a, QStringLiteral("reports")).centipoints, 300);
        QCOMPARE(item(m_a, QStringLiteral("unsatisfied")).centipoints, -300);
        QVERIFY(item(m_a, QStringLiteral("unsatisfied")).capped);
        QCOMPARE(item(m_a, QStringLiteral("adjustment")).centipoints, 200);
        QCOMPARE(by[m_a].centipoints, 500);
        // B: onsite 2, on time 1, late −1, overdue −2. Online on Tue 3: minutes 08:30 … 13:05 see a fix at
        // most 5 minutes old (276 of 540) → 1 × 276/540 = 0.51. Coverage that day: 10 × the diagonal's share.
        QCOMPARE(item(m_b, QStringLiteral("onsite")).centipoints, 200);
        QCOMPARE(item(m_b, QStringLiteral("on_time")).centipoints, 100);
        QCOMPARE(item(m_b, QStringLiteral("late")).centipoints, -100);
        QCOMPARE(item(m_b, QStringLiteral("overdue")).centipoints, -200);
        QCOMPARE(item(m_b, QStringLiteral("online")).centipoints, std::llround(100.0 * 276 / 540));
        const qint64 coverage = item(m_b, QStringLiteral("coverage")).centipoints;
        QVERIFY2(std::abs(coverage - 1000 * m_diagonalShare) <= 0.01 * 1000 * m_diagonalShare + 1,
                 qPrintable(QString::number(coverage)));
        QCOMPARE(by[m_b].centipoints, 200 + 100 - 100 - 200 + std::llround(100.0 * 276 / 540) + coverage);
        // C did nothing: 0, last.
        QCOMPARE(by[m_c].centipoints, 0);
        QCOMPARE(by[m_a].rank, 1);
        QCOMPARE(by[m_b].rank, 2);
        QCOMPARE(by[m_c].rank, 3);
    }

    // For every worker the explanation's lines add up to the score, each line has its event, and
    // scoring one worker gives the same as scoring all.
    void explanationAddsUp() {
        AssessService service(*m_store);
        QString error;
        QVERIFY2(service.load(&error), qPrintable(error));
        const auto period = AssessPeriod::parse(QStringLiteral("2026-11"), m_now, &error);
        const auto all = service.score(*period, 0, m_now, &error);
        QVERIFY2(all, qPrintable(error));
        for (const WorkerScore& s : *all) {
            qint64 sum = 0;
            for (const AssessLine& l : s.lines) {
                sum += l.centipoints;
                QVERIFY(!l.event.kind.isEmpty());
                QVERIFY(l.event.at > 0);
                QVERIFY2(l.event.id > 0,
                         qPrintable(l.item)); // past days are stored, so positions have ids too
            }
            QCOMPARE(sum, s.centipoints);
            const auto one = service.score(*period, s.workerId, m_now, &error);
            QVERIFY2(one && one->size() == 1, qPrintable(error));
            QCOMPARE(one->first().centipoints, s.centipoints);
            QCOMPARE(one->first().lines.size(), s.lines.size());
        }
    }

    void coverageLeavesOutImpreciseFixes() {
        AssessService service(*m_store);
        QString error;
        QVERIFY2(service.load(&error), qPrintable(error));
        const auto days = service.days(QDate(2026, 11, 3), QDate(2026, 11, 3), m_b, m_now, &error);
        QVERIFY2(days && days->size() == 1, qPrintable(error));
        const WorkerDay& d = days->first();
        QCOMPARE(d.grids.size(), 1);
        QCOMPARE(d.grids[0].fixesUsed, 270); // 271 fixes, one of 200 m accuracy
        QCOMPARE(d.grids[0].gaps, 0);
        QVERIFY(std::abs(d.grids[0].coveredShare - m_diagonalShare) < 0.01 * m_diagonalShare);
        QCOMPARE(d.dutyMinutes, 540);
        QCOMPARE(d.onlineMinutes, 276);
    }

    void refusals() {
        AssessService service(*m_store);
        QString error;
        QVERIFY2(service.load(&error), qPrintable(error));
        QVERIFY(!AssessPeriod::parse(QStringLiteral("2026-12"),
                                     QDateTime(QDate(2026, 11, 30), QTime(23, 0), chinaTimeZone()), &error));
        QVERIFY(error.contains(QStringLiteral("2026-12")));
        QVERIFY(!AssessPeriod::parse(QStringLiteral("2026-13"), m_now, &error));
        AssessAdjustment noReason{0, m_a, 2, QStringLiteral("  "), QStringLiteral("x"), {}, at(20, 10, 0)};
        QVERIFY(!service.adjust(noReason, &error));
        AssessAdjustment nobody{0, 9999, 2, QStringLiteral("r"), QStringLiteral("x"), {}, at(20, 10, 0)};
        QVERIFY(!service.adjust(nobody, &error));
        QVERIFY(error.contains(QStringLiteral("9999")));
    }
};

QTEST_GUILESS_MAIN(TestAssessService)
#include "tst_assessservice.moc"
