// The one KPI definition, on small hand-built ticket lists whose answers were counted
// by hand (see the comments next to each ticket).

#include "CoreTestSupport.h"

#include "gc/core/Kpi.h"
#include "gc/core/TicketWorkflow.h"

using namespace gc;
using namespace gctest;
using namespace Qt::StringLiterals;

using S = TicketState;

Q_DECLARE_METATYPE(QList<gc::TicketFacts>)

namespace {

const QDateTime kFrom = bj(2026, 3, 1);
const QDateTime kTo = bj(2026, 4, 1);

// Compares every field, naming the one that differs.
void compareKpis(const KpiSet& a, const KpiSet& e) {
#define GC_KPI(field) QVERIFY2(qFuzzyCompare(1.0 + double(a.field), 1.0 + double(e.field)), \
                               qPrintable(u"%1: got %2, expected %3"_s.arg(QStringLiteral(#field)).arg(a.field).arg(e.field)))
    GC_KPI(received);
    GC_KPI(closed);
    GC_KPI(resolved);
    GC_KPI(open);
    GC_KPI(overdue);
    GC_KPI(onTime);
    GC_KPI(withDeadline);
    GC_KPI(rated);
    GC_KPI(satisfied);
    GC_KPI(reopened);
    GC_KPI(merged);
    GC_KPI(invalid);
    GC_KPI(closureRate);
    GC_KPI(onTimeRate);
    GC_KPI(satisfactionRate);
    GC_KPI(reopenRate);
    GC_KPI(meanHoursToDispatch);
    GC_KPI(meanHoursToClose);
#undef GC_KPI
}

#define COMPARE_KPIS(actual, expected)                                                                                 \
    do {                                                                                                               \
        compareKpis(actual, expected);                                                                                 \
        if (QTest::currentTestFailed())                                                                                \
            return;                                                                                                    \
    } while (0)

// A month of tickets. Period [Mar 1, Apr 1), as of Apr 10.
QList<TicketFacts> monthOfTickets() {
    return {
        // A: closed, satisfied. Dispatch 2 h, close 48 h, resolved in time.
        {.state = S::Closed,
         .createdAt = bj(2026, 3, 2, 8),
         .firstDispatchedAt = bj(2026, 3, 2, 10),
         .resolvedAt = bj(2026, 3, 3, 8),
         .closedAt = bj(2026, 3, 4, 8),
         .deadline = bj(2026, 3, 5, 23, 59, 59),
         .rating = Rating::Satisfied},
        // B: resolved late, waiting for a rating. Dispatch 4 h.
        {.state = S::Resolved,
         .createdAt = bj(2026, 3, 5),
         .firstDispatchedAt = bj(2026, 3, 5, 4),
         .resolvedAt = bj(2026, 3, 12),
         .deadline = bj(2026, 3, 10, 23, 59, 59)},
        // C: rated unsatisfied once, back with the department, past its deadline. Dispatch 6 h.
        {.state = S::Dispatched,
         .createdAt = bj(2026, 3, 10),
         .firstDispatchedAt = bj(2026, 3, 10, 6),
         .deadline = bj(2026, 3, 20),
         .rating = Rating::Unsatisfied,
         .reopenCount = 1},
        // D: still waiting, deadline not reached.
        {.state = S::Received, .createdAt = bj(2026, 3, 20), .deadline = bj(2026, 4, 30)},
        // E: merged duplicate: counted apart, nothing else.
        {.state = S::Merged,
         .createdAt = bj(2026, 3, 25),
         .firstDispatchedAt = bj(2026, 3, 29),
         .deadline = bj(2026, 3, 26),
         .rating = Rating::Unsatisfied,
         .reopenCount = 2},
        // F: invalid: counted apart.
        {.state = S::Invalid, .createdAt = bj(2026, 3, 26), .deadline = bj(2026, 3, 27)},
        // G: created one second before the period.
        {.state = S::Closed,
         .createdAt = bj(2026, 2, 28, 23, 59, 59),
         .firstDispatchedAt = bj(2026, 3, 1, 1),
         .resolvedAt = bj(2026, 3, 1, 2),
         .closedAt = bj(2026, 3, 1, 3),
         .rating = Rating::Satisfied},
        // H: created at the end of the period (excluded: [from, to)).
        {.state = S::Received, .createdAt = bj(2026, 4, 1), .deadline = bj(2026, 4, 2)},
        // I: created at the very start, self-resolved and closed without rating; no deadline. Close 20 h.
        {.state = S::Closed,
         .createdAt = bj(2026, 3, 1),
         .resolvedAt = bj(2026, 3, 1, 12),
         .closedAt = bj(2026, 3, 1, 20)},
        // J: unsatisfied once, then satisfied. Dispatch 12 h, close 96 h, in time.
        {.state = S::Closed,
         .createdAt = bj(2026, 3, 15),
         .firstDispatchedAt = bj(2026, 3, 15, 12),
         .resolvedAt = bj(2026, 3, 18),
         .closedAt = bj(2026, 3, 19),
         .deadline = bj(2026, 3, 25),
         .rating = Rating::Satisfied,
         .reopenCount = 1},
        // K: returned by the department, back in the queue, past its deadline. Dispatch 1 h.
        {.state = S::Returned,
         .createdAt = bj(2026, 3, 28),
         .firstDispatchedAt = bj(2026, 3, 28, 1),
         .deadline = bj(2026, 3, 30)},
        // L: no creation time: not in any period.
        {.state = S::Received},
    };
}

} // namespace

class TestKpi : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void monthOfTickets();
    void accumulatorMatchesComputeKpis();
    void emptyGivesNoData();
    void onlyMergedAndInvalid();
    void singleOpenTicket();
    void periodBounds_data();
    void periodBounds();
    void asOfCutOff();
    void resolvedAtTheDeadlineIsOnTime_data();
    void resolvedAtTheDeadlineIsOnTime();
    void overdueOnlyWhenOpen_data();
    void overdueOnlyWhenOpen();
    void ratings_data();
    void ratings();
    void factsOfTicket();
};

void TestKpi::monthOfTickets() {
    KpiSet e;
    e.received = 7;     // A B C D I J K
    e.closed = 3;       // A I J
    e.resolved = 4;     // A B I J
    e.open = 3;         // C D K
    e.overdue = 2;      // C K
    e.withDeadline = 3; // A B J
    e.onTime = 2;       // A J
    e.rated = 4;        // A, C's unsatisfied, J's unsatisfied and satisfied
    e.satisfied = 2;    // A J
    e.reopened = 2;     // C J
    e.merged = 1;
    e.invalid = 1;
    e.closureRate = 3.0 / 7;
    e.onTimeRate = 2.0 / 3;
    e.satisfactionRate = 2.0 / 4;
    e.reopenRate = 2.0 / 7;
    e.meanHoursToDispatch = (2 + 4 + 6 + 12 + 1) / 5.0;
    e.meanHoursToClose = (48 + 20 + 96) / 3.0;
    COMPARE_KPIS(computeKpis(::monthOfTickets(), kFrom, kTo, bj(2026, 4, 10)), e);
}

void TestKpi::accumulatorMatchesComputeKpis() {
    const QDateTime asOf = bj(2026, 4, 10);
    KpiAccumulator acc(kFrom, kTo, asOf);
    const QList<TicketFacts> list = ::monthOfTickets();
    for (auto it = list.crbegin(); it != list.crend(); ++it) // order does not matter
        acc.add(*it);
    COMPARE_KPIS(acc.result(), computeKpis(list, kFrom, kTo, asOf));
}

void TestKpi::emptyGivesNoData() {
    const KpiSet k = computeKpis({}, kFrom, kTo, bj(2026, 4, 10));
    COMPARE_KPIS(k, KpiSet{});
    QCOMPARE(k.closureRate, -1.0);
    QCOMPARE(k.onTimeRate, -1.0);
    QCOMPARE(k.satisfactionRate, -1.0);
    QCOMPARE(k.reopenRate, -1.0);
    QCOMPARE(k.meanHoursToDispatch, -1.0);
    QCOMPARE(k.meanHoursToClose, -1.0);
}

void TestKpi::onlyMergedAndInvalid() {
    const QList<TicketFacts> list = {
        {.state = S::Merged, .createdAt = bj(2026, 3, 3), .firstDispatchedAt = bj(2026, 3, 3, 1)},
        {.state = S::Merged, .createdAt = bj(2026, 3, 4), .deadline = bj(2026, 3, 5)},
        {.state = S::Invalid, .createdAt = bj(2026, 3, 5), .rating = Rating::Satisfied},
    };
    KpiSet e;
    e.merged = 2;
    e.invalid = 1;
    COMPARE_KPIS(computeKpis(list, kFrom, kTo, bj(2026, 4, 10)), e);
}

void TestKpi::singleOpenTicket() {
    // A denominator of 1 with a numerator of 0 is 0 %, not "no data".
    const QList<TicketFacts> list = {{.state = S::Accepted, .createdAt = bj(2026, 3, 3)}};
    KpiSet e;
    e.received = 1;
    e.open = 1;
    e.closureRate = 0;
    e.reopenRate = 0;
    COMPARE_KPIS(computeKpis(list, kFrom, kTo, bj(2026, 4, 10)), e);
}

void TestKpi::periodBounds_data() {
    QTest::addColumn<QDateTime>("createdAt");
    QTest::addColumn<int>("received");
    QTest::newRow("second before from") << kFrom.addSecs(-1) << 0;
    QTest::newRow("at from") << kFrom << 1;
    QTest::newRow("inside") << bj(2026, 3, 15, 12) << 1;
    QTest::newRow("second before to") << kTo.addSecs(-1) << 1;
    QTest::newRow("at to") << kTo << 0;
    QTest::newRow("after to") << kTo.addDays(3) << 0;
    QTest::newRow("invalid") << QDateTime() << 0;
    // The same instant written in UTC is the same instant.
    QTest::newRow("from, in UTC") << kFrom.toUTC() << 1;
    QTest::newRow("to, in UTC") << kTo.toUTC() << 0;
}

void TestKpi::periodBounds() {
    QFETCH(QDateTime, createdAt);
    QFETCH(int, received);
    const QList<TicketFacts> list = {{.state = S::Received, .createdAt = createdAt}};
    const KpiSet k = computeKpis(list, kFrom, kTo, bj(2026, 4, 10));
    QCOMPARE(k.received, received);
    QCOMPARE(k.open, received);
    QCOMPARE(k.closureRate, received ? 0.0 : -1.0);
}

// The deadline is the last moment that is still on time (时限 is "by the end of"): resolved
// at 23:59:59 of the deadline day is on time, one second later is late.
void TestKpi::resolvedAtTheDeadlineIsOnTime_data() {
    QTest::addColumn<int>("secondsAfterDeadline");
    QTest::addColumn<int>("onTime");
    QTest::newRow("a second early") << -1 << 1;
    QTest::newRow("at the deadline") << 0 << 1;
    QTest::newRow("a second late") << 1 << 0;
}

void TestKpi::resolvedAtTheDeadlineIsOnTime() {
    QFETCH(int, secondsAfterDeadline);
    QFETCH(int, onTime);
    const QDateTime deadline = bj(2026, 3, 10, 23, 59, 59);
    const QList<TicketFacts> list = {{.state = S::Resolved,
                                      .createdAt = bj(2026, 3, 3, 9),
                                      .firstDispatchedAt = bj(2026, 3, 3, 10),
                                      .resolvedAt = deadline.addSecs(secondsAfterDeadline),
                                      .deadline = deadline}};
    const KpiSet k = computeKpis(list, kFrom, kTo, bj(2026, 4, 10));
    QCOMPARE(k.withDeadline, 1);
    QCOMPARE(k.onTime, onTime);
    QCOMPARE(k.onTimeRate, double(onTime));
}

void TestKpi::asOfCutOff() {
    // Reporting March as it stood on Mar 20 at noon, from today's data: whatever happened
    // later must not count, and a ticket finished later was still open then.
    const QDateTime asOf = bj(2026, 3, 20, 12);
    const QList<TicketFacts> list = {
        // P: dispatched 1 h; resolved and closed after asOf; deadline passed before asOf.
        {.state = S::Closed,
         .createdAt = bj(2026, 3, 1, 8),
         .firstDispatchedAt = bj(2026, 3, 1, 9),
         .resolvedAt = bj(2026, 3, 22),
         .closedAt = bj(2026, 3, 23),
         .deadline = bj(2026, 3, 10)},
        // Q: resolved after asOf, deadline after asOf: open then, not overdue.
        {.state = S::Resolved, .createdAt = bj(2026, 3, 2), .resolvedAt = bj(2026, 3, 21), .deadline = bj(2026, 3, 25)},
        // R: dispatched after asOf: its dispatch time does not count yet.
        {.state = S::Dispatched, .createdAt = bj(2026, 3, 19), .firstDispatchedAt = bj(2026, 3, 21)},
        // S: dispatch 2 h, resolved Mar 6 in time, closed Mar 7 (48 h).
        {.state = S::Closed,
         .createdAt = bj(2026, 3, 5),
         .firstDispatchedAt = bj(2026, 3, 5, 2),
         .resolvedAt = bj(2026, 3, 6),
         .closedAt = bj(2026, 3, 7),
         .deadline = bj(2026, 3, 8)},
        // T: resolved late before asOf, closed after it: resolved, neither closed nor open.
        {.state = S::Closed,
         .createdAt = bj(2026, 3, 10),
         .resolvedAt = bj(2026, 3, 15),
         .closedAt = bj(2026, 3, 25),
         .deadline = bj(2026, 3, 12)},
        // U: closed exactly at asOf (counts: "by asOf"), no deadline. Close 9.5 days = 228 h.
        {.state = S::Closed, .createdAt = bj(2026, 3, 11), .resolvedAt = bj(2026, 3, 20), .closedAt = asOf},
    };
    KpiSet e;
    e.received = 6;
    e.closed = 2;       // S U
    e.resolved = 3;     // S T U
    e.withDeadline = 2; // S T
    e.onTime = 1;       // S
    e.open = 3;         // P Q R
    e.overdue = 1;      // P
    e.closureRate = 2.0 / 6;
    e.onTimeRate = 1.0 / 2;
    e.reopenRate = 0;
    e.meanHoursToDispatch = (1 + 2) / 2.0; // P S
    e.meanHoursToClose = (48 + 228) / 2.0; // S U
    COMPARE_KPIS(computeKpis(list, kFrom, kTo, asOf), e);

    // As of a time after everything, the current states decide.
    const KpiSet now = computeKpis(list, kFrom, kTo, bj(2026, 4, 10));
    QCOMPARE(now.closed, 4);
    QCOMPARE(now.resolved, 5);
    QCOMPARE(now.open, 1);    // R
    QCOMPARE(now.overdue, 0); // R has no deadline
    QCOMPARE(now.meanHoursToDispatch, (1 + 2 + 48) / 3.0);
}

void TestKpi::overdueOnlyWhenOpen_data() {
    QTest::addColumn<TicketState>("state");
    QTest::addColumn<QDateTime>("deadline");
    QTest::addColumn<int>("open");
    QTest::addColumn<int>("overdue");
    const QDateTime past = bj(2026, 3, 10);
    for (const S s : {S::Received, S::Accepted, S::Dispatched, S::InProgress, S::Returned})
        QTest::addRow("%s, past deadline", qPrintable(toKey(s))) << s << past << 1 << 1;
    QTest::newRow("in_progress, deadline ahead") << S::InProgress << bj(2026, 4, 30) << 1 << 0;
    QTest::newRow("in_progress, deadline = asOf") << S::InProgress << bj(2026, 4, 10) << 1 << 0;
    QTest::newRow("in_progress, no deadline") << S::InProgress << QDateTime() << 1 << 0;
    QTest::newRow("resolved late") << S::Resolved << past << 0 << 0;
    QTest::newRow("closed late") << S::Closed << past << 0 << 0;
    QTest::newRow("merged") << S::Merged << past << 0 << 0;
    QTest::newRow("invalid") << S::Invalid << past << 0 << 0;
}

void TestKpi::overdueOnlyWhenOpen() {
    QFETCH(TicketState, state);
    QFETCH(QDateTime, deadline);
    QFETCH(int, open);
    QFETCH(int, overdue);
    TicketFacts f{.state = state, .createdAt = bj(2026, 3, 2), .deadline = deadline};
    if (state == S::Resolved || state == S::Closed)
        f.resolvedAt = bj(2026, 3, 12);
    if (state == S::Closed)
        f.closedAt = bj(2026, 3, 13);
    const KpiSet k = computeKpis({f}, kFrom, kTo, bj(2026, 4, 10));
    QCOMPARE(k.open, open);
    QCOMPARE(k.overdue, overdue);
}

void TestKpi::ratings_data() {
    QTest::addColumn<QList<TicketFacts>>("tickets");
    QTest::addColumn<int>("rated");
    QTest::addColumn<int>("satisfied");
    QTest::addColumn<int>("reopened");
    QTest::addColumn<double>("satisfactionRate");
    const auto closed = [](Rating r, int reopens) {
        return TicketFacts{.state = S::Closed,
                           .createdAt = bj(2026, 3, 2),
                           .resolvedAt = bj(2026, 3, 3),
                           .closedAt = bj(2026, 3, 4),
                           .rating = r,
                           .reopenCount = reopens};
    };
    QTest::newRow("no ratings") << QList<TicketFacts>{closed(Rating::None, 0)} << 0 << 0 << 0 << -1.0;
    QTest::newRow("one satisfied") << QList<TicketFacts>{closed(Rating::Satisfied, 0)} << 1 << 1 << 0 << 1.0;
    QTest::newRow("unsatisfied, then satisfied") << QList<TicketFacts>{closed(Rating::Satisfied, 1)} << 2 << 1 << 1
                                                 << 0.5;
    QTest::newRow("twice unsatisfied, then closed unrated") << QList<TicketFacts>{closed(Rating::Unsatisfied, 2)} << 2
                                                            << 0 << 1 << 0.0;
    QTest::newRow("mixed") << QList<TicketFacts>{closed(Rating::Satisfied, 0), closed(Rating::Satisfied, 0),
                                                 closed(Rating::Satisfied, 1), closed(Rating::None, 0)}
                           << 4 << 3 << 1 << 0.75;
}

void TestKpi::ratings() {
    QFETCH(QList<TicketFacts>, tickets);
    QFETCH(int, rated);
    QFETCH(int, satisfied);
    QFETCH(int, reopened);
    QFETCH(double, satisfactionRate);
    const KpiSet k = computeKpis(tickets, kFrom, kTo, bj(2026, 4, 10));
    QCOMPARE(k.rated, rated);
    QCOMPARE(k.satisfied, satisfied);
    QCOMPARE(k.reopened, reopened);
    QCOMPARE(k.satisfactionRate, satisfactionRate);
    QCOMPARE(k.reopenRate, double(reopened) / tickets.size());
}

void TestKpi::factsOfTicket() {
    // A ticket driven through the real workflow gives the facts the KPIs expect.
    Ticket t;
    t.id = 9;
    t.createdAt = bj(2026, 3, 2, 8);
    t.deadline = bj(2026, 3, 5, 23, 59, 59);
    const auto apply = [&t](TicketActionRequest r) {
        r.actor = u"tester"_s;
        const TransitionResult result = TicketWorkflow::apply(t, r);
        t = result.ticket;
        return result.ok;
    };
    QVERIFY(apply({.action = TicketAction::Dispatch, .at = bj(2026, 3, 2, 11), .departmentCode = u"CGJ"_s}));
    QVERIFY(apply({.action = TicketAction::Resolve, .at = bj(2026, 3, 3, 8), .note = u"已处理"_s}));
    QVERIFY(apply({.action = TicketAction::RateUnsatisfied, .at = bj(2026, 3, 3, 9)}));
    QVERIFY(apply({.action = TicketAction::Resolve, .at = bj(2026, 3, 4, 8), .note = u"已返工"_s}));
    QVERIFY(apply({.action = TicketAction::RateSatisfied, .at = bj(2026, 3, 4, 20)}));

    const TicketFacts f = TicketFacts::of(t);
    QCOMPARE(f.state, S::Closed);
    QCOMPARE(f.createdAt, t.createdAt);
    QCOMPARE(f.firstDispatchedAt, bj(2026, 3, 2, 11));
    QCOMPARE(f.resolvedAt, bj(2026, 3, 4, 8));
    QCOMPARE(f.closedAt, bj(2026, 3, 4, 20));
    QCOMPARE(f.deadline, t.deadline);
    QCOMPARE(f.rating, Rating::Satisfied);
    QCOMPARE(f.reopenCount, 1);

    KpiSet e;
    e.received = 1;
    e.closed = 1;
    e.resolved = 1;
    e.withDeadline = 1;
    e.onTime = 1;
    e.rated = 2;
    e.satisfied = 1;
    e.reopened = 1;
    e.closureRate = 1;
    e.onTimeRate = 1;
    e.satisfactionRate = 0.5;
    e.reopenRate = 1;
    e.meanHoursToDispatch = 3;
    e.meanHoursToClose = 60;
    COMPARE_KPIS(computeKpis({f}, kFrom, kTo, bj(2026, 4, 10)), e);
}

QTEST_GUILESS_MAIN(TestKpi)
#include "tst_kpi.moc"
