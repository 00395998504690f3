// Geofence and arrival judgements: accuracy gating and hysteresis, never a single fix.
#include "gc/feed/GeofenceMonitor.h"
#include "gc/feed/GridShape.h"

#include <QTest>

using namespace gc;
using namespace gc::feed;

namespace {

// A square grid of about 1 km around (124.25, 40.25).
QPainterPath square() {
    QPainterPath p;
    p.addRect(QRectF(124.245, 40.245, 0.01, 0.01));
    return p;
}

PositionFix fix(QPointF lonLat, qint64 at, double accuracy = 10) {
    PositionFix f;
    f.workerId = 1;
    f.at = at;
    f.lon = lonLat.x();
    f.lat = lonLat.y();
    f.accuracy = accuracy;
    return f;
}

} // namespace

class TestGeofence : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void leavingNeedsSeveralPreciseFixes() {
        GeofenceMonitor m([](qint64) { return QList<QPainterPath>{square()}; });
        const QPointF inside(124.25, 40.25);
        const QPointF outside = offsetByMetres(QPointF(124.255, 40.25), 500, 90); // 500 m east of the edge
        const QPointF nearEdge = offsetByMetres(QPointF(124.255, 40.25), 20, 90); // 20 m out
        QVERIFY(m.onFix(fix(inside, 100)).isEmpty());
        QVERIFY(m.onFix(fix(outside, 110)).isEmpty());
        QVERIFY(m.onFix(fix(outside, 120)).isEmpty());
        // A coarse fix neither counts nor breaks the run.
        QVERIFY(m.onFix(fix(outside, 125, 300)).isEmpty());
        const auto third = m.onFix(fix(outside, 130));
        QCOMPARE(third.size(), 1);
        QCOMPARE(third.first().kind, FeedAlert::Kind::LeftGrids);
        QVERIFY(m.onFix(fix(outside, 140)).isEmpty()); // raised once
        // 20 m out with ±30 m may well be inside: counts towards coming back, not alone.
        QVERIFY(m.onFix(fix(nearEdge, 150, 30)).isEmpty());
        const auto back = m.onFix(fix(inside, 160));
        QCOMPARE(back.size(), 1);
        QCOMPARE(back.first().kind, FeedAlert::Kind::BackInGrids);
    }

    void singleOutlierIsNoAlert() {
        GeofenceMonitor m([](qint64) { return QList<QPainterPath>{square()}; });
        const QPointF inside(124.25, 40.25);
        const QPointF far(124.30, 40.30);
        for (int i = 0; i < 10; ++i)
            QVERIFY(m.onFix(fix(i % 3 == 2 ? far : inside, 100 + i * 10)).isEmpty());
    }

    void arrivalOnTwoConsecutiveFixesWithin50m() {
        GeofenceMonitor m([](qint64) { return QList<QPainterPath>{square()}; });
        const QPointF site(124.25, 40.25);
        m.watchArrival(42, site, {1}, 1000);
        QVERIFY(m.onFix(fix(offsetByMetres(site, 30, 0), 1010)).isEmpty());  // one fix is not enough
        QVERIFY(m.onFix(fix(offsetByMetres(site, 120, 0), 1020)).isEmpty()); // run broken
        QVERIFY(m.onFix(fix(offsetByMetres(site, 40, 0), 1030)).isEmpty());
        QVERIFY(m.onFix(fix(offsetByMetres(site, 20, 0), 1040, 200)).isEmpty()); // too coarse to judge
        const auto arrived = m.onFix(fix(offsetByMetres(site, 10, 0), 1050));
        QCOMPARE(arrived.size(), 1);
        QCOMPARE(arrived.first().kind, FeedAlert::Kind::Arrived);
        QCOMPARE(arrived.first().ticketId, 42);
        QCOMPARE(m.watchedArrivals(), 0);
    }

    void noArrivalInTimeRaisesOneOverdueAlert() {
        GeofenceMonitor m([](qint64) { return QList<QPainterPath>{}; });
        m.watchArrival(7, QPointF(124.25, 40.25), {1}, 1000);
        QVERIFY(m.onClock(1500).isEmpty());
        const auto overdue = m.onClock(1601);
        QCOMPARE(overdue.size(), 1);
        QCOMPARE(overdue.first().kind, FeedAlert::Kind::ArrivalOverdue);
        QVERIFY(m.onClock(1700).isEmpty());
        QCOMPARE(m.watchedArrivals(), 1); // a late arrival is still recorded
    }

    void otherWorkersDoNotArrive() {
        GeofenceMonitor m([](qint64) { return QList<QPainterPath>{}; });
        m.watchArrival(9, QPointF(124.25, 40.25), {2}, 0);
        QVERIFY(m.onFix(fix(QPointF(124.25, 40.25), 10)).isEmpty());
        QVERIFY(m.onFix(fix(QPointF(124.25, 40.25), 20)).isEmpty());
    }

    // 指派核查: the grid's arrival is satisfied by anyone of the grid, the check only by the
    // assigned worker; each arrival is one alert, flagged when it is the assigned one.
    void assignedCheckWaitsForItsWorker() {
        GeofenceMonitor m([](qint64) { return QList<QPainterPath>{}; });
        const QPointF site(124.25, 40.25);
        m.watchArrival(11, site, {2}, 0);
        m.watchCheck(11, site, 1, 100);
        QCOMPARE(m.watchedChecks().value(11), 1);
        PositionFix other = fix(site, 110);
        other.workerId = 2;
        QVERIFY(m.onFix(other).isEmpty());
        other.at = 120;
        const auto grid = m.onFix(other);
        QCOMPARE(grid.size(), 1);
        QVERIFY(!grid.first().assignedCheck);
        QCOMPARE(m.watchedArrivals(), 1);          // the check still waits for worker 1
        QVERIFY(m.onFix(fix(site, 90)).isEmpty()); // before the assignment: not counted
        QVERIFY(m.onFix(fix(site, 130)).isEmpty());
        const auto check = m.onFix(fix(site, 140));
        QCOMPARE(check.size(), 1);
        QVERIFY(check.first().assignedCheck);
        QCOMPARE(check.first().workerId, 1);
        QCOMPARE(m.watchedArrivals(), 0);
        // A check withdrawn before arrival leaves nothing behind.
        m.watchCheck(12, site, 1, 200);
        m.unwatchCheck(12);
        QCOMPARE(m.watchedArrivals(), 0);
    }
};

QTEST_GUILESS_MAIN(TestGeofence)
#include "tst_geofence.moc"
