// The closed loop (闭环) as a state machine: every (state, action) pair, legal or not,
// checked against a table written here rather than derived from TicketWorkflow.

#include "CoreTestSupport.h"

#include "gc/core/TicketWorkflow.h"

#include <QSet>

using namespace gc;
using namespace gctest;
using namespace Qt::StringLiterals;

using S = TicketState;
using A = TicketAction;

Q_DECLARE_METATYPE(gc::TicketActionRequest)

namespace {

// Every action, in declaration order (the enum has no list function of its own).
// Report (登记) names the filing event of a new ticket; no one can apply it.
const QList<A> kAllActions = {A::Accept,      A::Dispatch,      A::Reassign,        A::Return, A::Start,
                              A::Resolve,     A::RateSatisfied, A::RateUnsatisfied, A::Close,  A::Escalate,
                              A::Merge,       A::Invalidate,    A::SelfResolve,     A::Urge,   A::Recall,
                              A::AssignCheck, A::Arrive,        A::Report};

const QList<S> kAllStates = {S::Received, S::Accepted, S::Dispatched, S::InProgress, S::Resolved,
                             S::Closed,   S::Returned, S::Merged,     S::Invalid};

// The expected closed loop: each legal (from, action) pair and the state it leads to.
// Every pair not listed here must be refused.
struct Legal {
    S from;
    A action;
    S to;
};
const Legal kLegal[] = {
    // 待受理: accept, or drag straight onto a department (implicit 受理)
    {S::Received, A::Accept, S::Accepted},
    {S::Received, A::Dispatch, S::Dispatched},
    {S::Received, A::Escalate, S::Received},
    {S::Received, A::Merge, S::Merged},
    {S::Received, A::Invalidate, S::Invalid},
    {S::Received, A::SelfResolve, S::Resolved},
    {S::Received, A::AssignCheck, S::Received}, // 指派核查 keeps the state
    // 已受理
    {S::Accepted, A::Dispatch, S::Dispatched},
    {S::Accepted, A::Escalate, S::Accepted},
    {S::Accepted, A::Merge, S::Merged},
    {S::Accepted, A::Invalidate, S::Invalid},
    {S::Accepted, A::SelfResolve, S::Resolved},
    {S::Accepted, A::AssignCheck, S::Accepted},
    // 已交办: the department starts, resolves, returns; the centre reassigns or urges
    {S::Dispatched, A::Reassign, S::Dispatched},
    {S::Dispatched, A::Return, S::Returned},
    {S::Dispatched, A::Start, S::InProgress},
    {S::Dispatched, A::Resolve, S::Resolved},
    {S::Dispatched, A::Escalate, S::Dispatched},
    {S::Dispatched, A::Merge, S::Merged},
    {S::Dispatched, A::Urge, S::Dispatched},
    {S::Dispatched, A::Recall, S::Accepted}, // 撤回 before the department starts
    {S::Dispatched, A::AssignCheck, S::Dispatched},
    // 处置中
    {S::InProgress, A::Reassign, S::Dispatched},
    {S::InProgress, A::Return, S::Returned},
    {S::InProgress, A::Resolve, S::Resolved},
    {S::InProgress, A::Escalate, S::InProgress},
    {S::InProgress, A::Merge, S::Merged},
    {S::InProgress, A::Urge, S::InProgress},
    {S::InProgress, A::AssignCheck, S::InProgress},
    // 已办结待评价: the citizen rates, or the centre closes after checking
    {S::Resolved, A::RateSatisfied, S::Closed},
    {S::Resolved, A::RateUnsatisfied, S::Dispatched}, // back to the same department
    {S::Resolved, A::Close, S::Closed},
    // 已退单: back in the dispatch queue
    {S::Returned, A::Dispatch, S::Dispatched},
    {S::Returned, A::Escalate, S::Returned},
    {S::Returned, A::Merge, S::Merged},
    {S::Returned, A::Invalidate, S::Invalid},
    {S::Returned, A::AssignCheck, S::Returned},
    // 已结案, 已并单, 已作废: nothing more
    // 到场 (arrive) is never legal here: these fixtures have no check worker assigned.
};

// A ticket whose on-site check is assigned and not yet arrived ("checking" fixtures):
// everything above, plus 到场 in every open state.
const Legal kLegalWhileChecking[] = {
    {S::Received, A::Arrive, S::Received},     {S::Accepted, A::Arrive, S::Accepted},
    {S::Dispatched, A::Arrive, S::Dispatched}, {S::InProgress, A::Arrive, S::InProgress},
    {S::Returned, A::Arrive, S::Returned},
};

std::optional<S> expectedTarget(S from, A action, bool checking = false) {
    for (const Legal& l : kLegal)
        if (l.from == from && l.action == action)
            return l.to;
    if (checking)
        for (const Legal& l : kLegalWhileChecking)
            if (l.from == from && l.action == action)
                return l.to;
    return std::nullopt;
}

constexpr qint64 kCheckWorker = 5;

const QDateTime kCreated = bj(2026, 3, 2, 8, 0);
const QDateTime kFirstDispatch = bj(2026, 3, 2, 9, 0);
const QDateTime kResolved = bj(2026, 3, 5, 16, 0);
const QDateTime kClosed = bj(2026, 3, 6, 9, 0);
const QDateTime kNow = bj(2026, 3, 6, 10, 0);

// A consistent ticket in the given state, as the loop would have left it.
Ticket ticketIn(S state) {
    Ticket t;
    t.id = 42;
    t.category = u"C0102"_s;
    t.source = TicketSource::Hotline12345;
    t.priority = TicketPriority::Normal;
    t.appealType = AppealType::Complaint;
    t.gridCode = u"110101001001001"_s;
    t.title = u"小区门口暴露垃圾"_s;
    t.description = u"垃圾堆放三天无人清运"_s;
    t.address = u"幸福路 12 号"_s;
    t.lon = 116.40;
    t.lat = 39.91;
    t.photos = {u"photos/42-1.jpg"_s};
    t.reporter = u"12345-op07"_s;
    t.createdAt = kCreated;
    t.deadline = bj(2026, 3, 19, 23, 59, 59);
    t.version = 3;
    t.state = state;
    switch (state) {
    case S::Received:
    case S::Accepted:
    case S::Invalid:
        break;
    case S::Merged:
        t.mergedInto = 7;
        break;
    case S::Returned:
        t.firstDispatchedAt = kFirstDispatch;
        t.lastReturnReason = u"not_our_duty"_s;
        break;
    case S::Closed:
        t.closedAt = kClosed;
        t.rating = Rating::Satisfied;
        [[fallthrough]];
    case S::Resolved:
        t.resolvedAt = kResolved;
        [[fallthrough]];
    case S::Dispatched:
    case S::InProgress:
        t.departmentCode = u"CGJ"_s;
        t.firstDispatchedAt = kFirstDispatch;
        break;
    }
    return t;
}

// A request that carries everything any action could need.
TicketActionRequest fullRequest(A action) {
    return {.action = action,
            .actor = u"dispatcher-01"_s,
            .at = kNow,
            .departmentCode = u"SFJ"_s,
            .reason = u"not_our_duty"_s,
            .note = u"已清运"_s,
            .mergeInto = 7,
            .workerId = 9};
}

// The fixture with a check worker assigned (not yet arrived).
Ticket checkingTicketIn(S state) {
    Ticket t = ticketIn(state);
    t.checkWorkerId = kCheckWorker;
    return t;
}

// The full request, as the feed sends 到场: naming the assigned worker.
TicketActionRequest requestFor(A action, const Ticket& before) {
    TicketActionRequest r = fullRequest(action);
    if (action == A::Arrive)
        r.workerId = before.checkWorkerId;
    return r;
}

// Names of the fields that differ: tickets have no operator==, and a diff reads better.
QStringList differences(const Ticket& a, const Ticket& b) {
    QStringList out;
#define GC_DIFF(field)                                                                                       \
    if (!(a.field == b.field))                                                                               \
        out << QStringLiteral(#field);
    GC_DIFF(id)
    GC_DIFF(state)
    GC_DIFF(category)
    GC_DIFF(source)
    GC_DIFF(priority)
    GC_DIFF(appealType)
    GC_DIFF(gridCode)
    GC_DIFF(departmentCode)
    GC_DIFF(title)
    GC_DIFF(description)
    GC_DIFF(address)
    GC_DIFF(lon)
    GC_DIFF(lat)
    GC_DIFF(photos)
    GC_DIFF(reporter)
    GC_DIFF(createdAt)
    GC_DIFF(deadline)
    GC_DIFF(firstDispatchedAt)
    GC_DIFF(resolvedAt)
    GC_DIFF(closedAt)
    GC_DIFF(rating)
    GC_DIFF(reopenCount)
    GC_DIFF(urgeCount)
    GC_DIFF(escalationLevel)
    GC_DIFF(mergedInto)
    GC_DIFF(lastReturnReason)
    GC_DIFF(selfResolved)
    GC_DIFF(checkWorkerId)
    GC_DIFF(arrivedAt)
    GC_DIFF(version)
#undef GC_DIFF
    return out;
}

// What the ticket must look like after a legal action, spelled out field by field.
Ticket expectedAfter(const Ticket& before, const TicketActionRequest& r, S to) {
    Ticket e = before;
    e.state = to;
    switch (r.action) {
    case A::Accept:
    case A::Start:
    case A::Invalidate:
        break;
    case A::Dispatch:
    case A::Reassign:
        e.departmentCode = r.departmentCode;
        if (!before.firstDispatchedAt.isValid())
            e.firstDispatchedAt = r.at;
        break;
    case A::Return:
        e.departmentCode.clear();
        e.lastReturnReason = r.reason;
        break;
    case A::Resolve:
        e.resolvedAt = r.at;
        break;
    case A::SelfResolve:
        e.resolvedAt = r.at;
        e.selfResolved = true;
        break;
    case A::RateSatisfied:
        e.rating = Rating::Satisfied;
        e.closedAt = r.at;
        break;
    case A::RateUnsatisfied:
        e.rating = Rating::Unsatisfied;
        e.resolvedAt = QDateTime();
        e.reopenCount = before.reopenCount + 1;
        break;
    case A::Close:
        e.closedAt = r.at;
        break;
    case A::Escalate:
        e.escalationLevel = GridLevel::Community; // fixtures start at grid level
        break;
    case A::Merge:
        e.mergedInto = r.mergeInto;
        break;
    case A::Urge:
        e.urgeCount = before.urgeCount + 1;
        break;
    case A::Recall:
        e.departmentCode.clear(); // firstDispatchedAt stays: the KPI keeps the first dispatch
        break;
    case A::AssignCheck:
        e.checkWorkerId = r.workerId;
        e.arrivedAt = QDateTime();
        break;
    case A::Arrive:
        e.arrivedAt = r.at;
        break;
    case A::Report:
        break; // never legal
    }
    return e;
}

QString rowName(S s, A a) {
    return toKey(s) + u'/' + toKey(a);
}

} // namespace

class TestWorkflow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void expectedTableIsComplete();
    void transitionMatrix_data();
    void transitionMatrix();
    void allowedActions_data();
    void allowedActions();
    void missingInputs_data();
    void missingInputs();
    void actorIsTrimmed();
    void departmentIsTrimmed();
    void firstDispatchedAtIsSetOnce();
    void returnClearsDepartment();
    void unsatisfiedGoesBackToSameDepartment();
    void unsatisfiedSelfResolvedGoesBackToGrid();
    void ratingAndClosing();
    void escalationLadder_data();
    void escalationLadder();
    void urgeCounts();
    void mergeRecordsTarget();
    void fullLoop();
    void gridSelfResolution();
    void escalationDuringHandling();
    void returnReasons();
    void recallBeforeTheDepartmentStarts();
    void onSiteCheck();
};

void TestWorkflow::expectedTableIsComplete() {
    // Guards the test itself: the enums must not have grown behind the table's back.
    QCOMPARE(allTicketStates(), kAllStates);
    QCOMPARE(int(kAllActions.size()), int(A::Report) + 1);
    for (int i = 0; i < kAllActions.size(); ++i)
        QCOMPARE(int(kAllActions.at(i)), i);
    // No pair listed twice.
    QSet<QString> pairs;
    for (const Legal& l : kLegal) {
        const QString key = rowName(l.from, l.action);
        QVERIFY2(!pairs.contains(key), qPrintable(key));
        pairs.insert(key);
    }
    for (const Legal& l : kLegalWhileChecking) {
        const QString key = rowName(l.from, l.action);
        QVERIFY2(!pairs.contains(key), qPrintable(key));
        pairs.insert(key);
    }
}

void TestWorkflow::transitionMatrix_data() {
    QTest::addColumn<S>("state");
    QTest::addColumn<A>("action");
    QTest::addColumn<bool>("legal");
    QTest::addColumn<S>("target");
    QTest::addColumn<bool>("checking");
    for (const bool checking : {false, true}) {
        for (const S s : kAllStates) {
            for (const A a : kAllActions) {
                const auto to = expectedTarget(s, a, checking);
                QTest::newRow(qPrintable(rowName(s, a) + (checking ? u" checking"_s : QString())))
                    << s << a << to.has_value() << to.value_or(s) << checking;
            }
        }
    }
}

void TestWorkflow::transitionMatrix() {
    QFETCH(S, state);
    QFETCH(A, action);
    QFETCH(bool, legal);
    QFETCH(S, target);
    QFETCH(bool, checking);

    const Ticket before = checking ? checkingTicketIn(state) : ticketIn(state);
    const TicketActionRequest request = requestFor(action, before);
    const TransitionResult r = TicketWorkflow::apply(before, request);

    if (!legal) {
        QVERIFY(!r.ok);
        QVERIFY(!bool(r));
        QVERIFY2(hasChinese(r.error), qPrintable(r.error));
        // The reason names what was tried and where the ticket stands.
        QVERIFY2(r.error.contains(displayName(action)), qPrintable(r.error));
        if (action != A::Report)
            QVERIFY2(r.error.contains(displayName(state)), qPrintable(r.error));
        QCOMPARE(differences(r.ticket, before), QStringList());
        QVERIFY(!r.event.at.isValid()); // nothing to append to the trail
        QCOMPARE(TicketWorkflow::whyNot(before, action), r.error);
        QVERIFY(!TicketWorkflow::allowedActions(before).contains(action));
        return;
    }

    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY(bool(r));
    QVERIFY(r.error.isEmpty());
    QCOMPARE(r.ticket.state, target);
    QCOMPARE(differences(r.ticket, expectedAfter(before, request, target)), QStringList());
    QVERIFY(TicketWorkflow::whyNot(before, action).isEmpty());
    QVERIFY(TicketWorkflow::allowedActions(before).contains(action));

    const TicketEvent& e = r.event;
    QCOMPARE(e.ticketId, before.id);
    QCOMPARE(e.action, action);
    QCOMPARE(e.actor, request.actor);
    QCOMPARE(e.at, request.at);
    QCOMPARE(e.fromState, state);
    QCOMPARE(e.toState, target);
    // The department involved: the new one on dispatch/reassign, otherwise the one that had it
    // (on return: the department that sent it back).
    const bool newDepartment = action == A::Dispatch || action == A::Reassign;
    QCOMPARE(e.departmentCode, newDepartment ? request.departmentCode : before.departmentCode);
    QCOMPARE(e.reason, request.reason);
    QCOMPARE(e.workerId, action == A::AssignCheck ? request.workerId
                         : action == A::Arrive    ? before.checkWorkerId
                                                  : qint64(0));
    if (action == A::Escalate) {
        QVERIFY2(e.note.startsWith(request.note), qPrintable(e.note));
        QVERIFY2(e.note.contains(GridLevels::chineseName(GridLevel::Community).split(u'/').first()),
                 qPrintable(e.note));
    } else if (action == A::Merge) {
        QVERIFY2(e.note.startsWith(request.note), qPrintable(e.note));
        QVERIFY2(e.note.contains(u"7"_s), qPrintable(e.note));
    } else {
        QCOMPARE(e.note, request.note);
    }
}

void TestWorkflow::allowedActions_data() {
    QTest::addColumn<S>("state");
    QTest::addColumn<QList<A>>("expected");
    QTest::addColumn<bool>("checking");
    for (const bool checking : {false, true}) {
        for (const S s : kAllStates) {
            QList<A> expected;
            for (const A a : kAllActions)
                if (expectedTarget(s, a, checking))
                    expected << a;
            QTest::newRow(qPrintable(toKey(s) + (checking ? u" checking"_s : QString())))
                << s << expected << checking;
        }
    }
}

void TestWorkflow::allowedActions() {
    QFETCH(S, state);
    QFETCH(QList<A>, expected);
    QFETCH(bool, checking);
    QCOMPARE(TicketWorkflow::allowedActions(checking ? checkingTicketIn(state) : ticketIn(state)), expected);
    if (isTerminal(state))
        QVERIFY(expected.isEmpty());
}

void TestWorkflow::missingInputs_data() {
    QTest::addColumn<S>("state");
    QTest::addColumn<TicketActionRequest>("request");

    // Who and when are required by every legal action.
    for (const Legal& l : kLegal) {
        const QString name = rowName(l.from, l.action);
        TicketActionRequest r = fullRequest(l.action);
        r.actor.clear();
        QTest::newRow(qPrintable(name + u" no actor"_s)) << l.from << r;
        r.actor = u"   "_s;
        QTest::newRow(qPrintable(name + u" blank actor"_s)) << l.from << r;
        r = fullRequest(l.action);
        r.at = QDateTime();
        QTest::newRow(qPrintable(name + u" invalid time"_s)) << l.from << r;
    }

    const auto without = [](A action, auto change) {
        TicketActionRequest r = fullRequest(action);
        change(r);
        return r;
    };
    const auto noDepartment = [](TicketActionRequest& r) { r.departmentCode.clear(); };
    const auto blankDepartment = [](TicketActionRequest& r) { r.departmentCode = u"  "_s; };
    const auto noReason = [](TicketActionRequest& r) { r.reason.clear(); };
    const auto blankReason = [](TicketActionRequest& r) { r.reason = u" \t"_s; };
    const auto noNote = [](TicketActionRequest& r) { r.note.clear(); };
    const auto blankNote = [](TicketActionRequest& r) { r.note = u"  "_s; };

    for (const S s : {S::Received, S::Accepted, S::Returned}) {
        QTest::newRow(qPrintable(toKey(s) + u"/dispatch no department"_s))
            << s << without(A::Dispatch, noDepartment);
        QTest::newRow(qPrintable(toKey(s) + u"/dispatch blank department"_s))
            << s << without(A::Dispatch, blankDepartment);
    }
    for (const S s : {S::Dispatched, S::InProgress}) {
        const QString p = toKey(s);
        QTest::newRow(qPrintable(p + u"/reassign no department"_s))
            << s << without(A::Reassign, noDepartment);
        QTest::newRow(qPrintable(p + u"/reassign blank department"_s))
            << s << without(A::Reassign, blankDepartment);
        QTest::newRow(qPrintable(p + u"/reassign same department"_s))
            << s << without(A::Reassign, [](TicketActionRequest& r) { r.departmentCode = u"CGJ"_s; });
        QTest::newRow(qPrintable(p + u"/reassign same department padded"_s))
            << s << without(A::Reassign, [](TicketActionRequest& r) { r.departmentCode = u" CGJ "_s; });
        QTest::newRow(qPrintable(p + u"/reassign no reason"_s)) << s << without(A::Reassign, noReason);
        QTest::newRow(qPrintable(p + u"/reassign blank reason"_s)) << s << without(A::Reassign, blankReason);
        QTest::newRow(qPrintable(p + u"/return no reason"_s)) << s << without(A::Return, noReason);
        QTest::newRow(qPrintable(p + u"/return blank reason"_s)) << s << without(A::Return, blankReason);
        QTest::newRow(qPrintable(p + u"/resolve no note"_s)) << s << without(A::Resolve, noNote);
        QTest::newRow(qPrintable(p + u"/resolve blank note"_s)) << s << without(A::Resolve, blankNote);
    }
    for (const S s : {S::Received, S::Accepted, S::Returned}) {
        QTest::newRow(qPrintable(toKey(s) + u"/invalidate no reason"_s))
            << s << without(A::Invalidate, noReason);
        QTest::newRow(qPrintable(toKey(s) + u"/invalidate blank reason"_s))
            << s << without(A::Invalidate, blankReason);
    }
    QTest::newRow("dispatched/recall no reason") << S::Dispatched << without(A::Recall, noReason);
    QTest::newRow("dispatched/recall blank reason") << S::Dispatched << without(A::Recall, blankReason);
    for (const S s : {S::Received, S::Accepted, S::Dispatched, S::InProgress, S::Returned}) {
        QTest::newRow(qPrintable(toKey(s) + u"/assign_check no worker"_s))
            << s << without(A::AssignCheck, [](TicketActionRequest& r) { r.workerId = 0; });
        QTest::newRow(qPrintable(toKey(s) + u"/assign_check negative worker"_s))
            << s << without(A::AssignCheck, [](TicketActionRequest& r) { r.workerId = -2; });
    }
    for (const S s : {S::Received, S::Accepted}) {
        QTest::newRow(qPrintable(toKey(s) + u"/self_resolve no note"_s))
            << s << without(A::SelfResolve, noNote);
        QTest::newRow(qPrintable(toKey(s) + u"/self_resolve blank note"_s))
            << s << without(A::SelfResolve, blankNote);
    }
    for (const S s : {S::Received, S::Accepted, S::Dispatched, S::InProgress, S::Returned}) {
        const QString p = toKey(s);
        QTest::newRow(qPrintable(p + u"/merge into self"_s))
            << s << without(A::Merge, [](TicketActionRequest& r) { r.mergeInto = 42; });
        QTest::newRow(qPrintable(p + u"/merge into 0"_s))
            << s << without(A::Merge, [](TicketActionRequest& r) { r.mergeInto = 0; });
        QTest::newRow(qPrintable(p + u"/merge into negative id"_s))
            << s << without(A::Merge, [](TicketActionRequest& r) { r.mergeInto = -3; });
    }
}

void TestWorkflow::missingInputs() {
    QFETCH(S, state);
    QFETCH(TicketActionRequest, request);
    const Ticket before = ticketIn(state);
    QVERIFY(TicketWorkflow::whyNot(before, request.action).isEmpty()); // legal, only the input is wrong
    const TransitionResult r = TicketWorkflow::apply(before, request);
    QVERIFY(!r.ok);
    QVERIFY2(hasChinese(r.error), qPrintable(r.error));
    QCOMPARE(differences(r.ticket, before), QStringList());
    QVERIFY(!r.event.at.isValid());
}

void TestWorkflow::actorIsTrimmed() {
    TicketActionRequest req = fullRequest(A::Accept);
    req.actor = u"  dispatcher-01 "_s;
    const TransitionResult r = TicketWorkflow::apply(ticketIn(S::Received), req);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.event.actor, u"dispatcher-01"_s);
}

void TestWorkflow::departmentIsTrimmed() {
    // A code typed with stray blanks must not become a department of its own.
    TicketActionRequest req = fullRequest(A::Dispatch);
    req.departmentCode = u" SFJ  "_s;
    const TransitionResult r = TicketWorkflow::apply(ticketIn(S::Accepted), req);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.ticket.departmentCode, u"SFJ"_s);
    QCOMPARE(r.event.departmentCode, u"SFJ"_s);
}

void TestWorkflow::firstDispatchedAtIsSetOnce() {
    Ticket t = ticketIn(S::Received);
    QVERIFY(!t.firstDispatchedAt.isValid());
    const QDateTime t1 = bj(2026, 3, 2, 8, 30);

    TransitionResult r = TicketWorkflow::apply(
        t, {.action = A::Dispatch, .actor = u"d"_s, .at = t1, .departmentCode = u"CGJ"_s});
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.ticket.firstDispatchedAt, t1);

    r = TicketWorkflow::apply(
        r.ticket,
        {.action = A::Return, .actor = u"cgj"_s, .at = t1.addSecs(3600), .reason = u"not_our_duty"_s});
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.ticket.firstDispatchedAt, t1);

    r = TicketWorkflow::apply(
        r.ticket,
        {.action = A::Dispatch, .actor = u"d"_s, .at = t1.addSecs(7200), .departmentCode = u"ZJJ"_s});
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.ticket.firstDispatchedAt, t1);

    r = TicketWorkflow::apply(r.ticket, {.action = A::Reassign,
                                         .actor = u"d"_s,
                                         .at = t1.addSecs(9000),
                                         .departmentCode = u"SFJ"_s,
                                         .reason = u"needs_coordination"_s});
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.ticket.firstDispatchedAt, t1);
    QCOMPARE(r.ticket.departmentCode, u"SFJ"_s);
}

void TestWorkflow::returnClearsDepartment() {
    for (const S s : {S::Dispatched, S::InProgress}) {
        const TransitionResult r = TicketWorkflow::apply(ticketIn(s), fullRequest(A::Return));
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.ticket.state, S::Returned);
        QVERIFY(r.ticket.departmentCode.isEmpty());
        QCOMPARE(r.ticket.lastReturnReason, u"not_our_duty"_s);
        QCOMPARE(r.event.departmentCode, u"CGJ"_s); // who sent it back
        QCOMPARE(r.event.reason, u"not_our_duty"_s);
    }
}

void TestWorkflow::unsatisfiedGoesBackToSameDepartment() {
    Ticket t = ticketIn(S::Resolved);
    TransitionResult r = TicketWorkflow::apply(t, fullRequest(A::RateUnsatisfied));
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.ticket.state, S::Dispatched);
    QCOMPARE(r.ticket.departmentCode, u"CGJ"_s);
    QCOMPARE(r.ticket.reopenCount, 1);
    QCOMPARE(r.ticket.rating, Rating::Unsatisfied);
    QVERIFY(!r.ticket.resolvedAt.isValid());
    QCOMPARE(r.event.departmentCode, u"CGJ"_s);
    QVERIFY(TicketWorkflow::allowedActions(r.ticket).contains(A::Start));

    // A second round counts again.
    r = TicketWorkflow::apply(r.ticket, fullRequest(A::Resolve));
    QVERIFY2(r.ok, qPrintable(r.error));
    r = TicketWorkflow::apply(r.ticket, fullRequest(A::RateUnsatisfied));
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.ticket.reopenCount, 2);
    QCOMPARE(r.ticket.departmentCode, u"CGJ"_s);
}

void TestWorkflow::unsatisfiedSelfResolvedGoesBackToGrid() {
    TransitionResult r = TicketWorkflow::apply(ticketIn(S::Received), fullRequest(A::SelfResolve));
    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY(r.ticket.selfResolved);
    QVERIFY(r.ticket.departmentCode.isEmpty());

    r = TicketWorkflow::apply(r.ticket, fullRequest(A::RateUnsatisfied));
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.ticket.state, S::Accepted);
    QVERIFY(!r.ticket.selfResolved);
    QVERIFY(r.ticket.departmentCode.isEmpty());
    QCOMPARE(r.ticket.reopenCount, 1);
    QCOMPARE(r.ticket.rating, Rating::Unsatisfied);
    QVERIFY(!r.ticket.resolvedAt.isValid());
}

void TestWorkflow::ratingAndClosing() {
    const Ticket resolved = ticketIn(S::Resolved);

    TransitionResult r = TicketWorkflow::apply(resolved, fullRequest(A::RateSatisfied));
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.ticket.state, S::Closed);
    QCOMPARE(r.ticket.rating, Rating::Satisfied);
    QCOMPARE(r.ticket.closedAt, kNow);
    QCOMPARE(r.ticket.resolvedAt, kResolved);
    QVERIFY(isTerminal(r.ticket.state));

    r = TicketWorkflow::apply(resolved, fullRequest(A::Close));
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.ticket.state, S::Closed);
    QCOMPARE(r.ticket.rating, Rating::None);
    QCOMPARE(r.ticket.closedAt, kNow);
}

void TestWorkflow::escalationLadder_data() {
    QTest::addColumn<S>("state");
    for (const S s : {S::Received, S::Accepted, S::Dispatched, S::InProgress, S::Returned})
        QTest::newRow(qPrintable(toKey(s))) << s;
}

void TestWorkflow::escalationLadder() {
    QFETCH(S, state);
    Ticket t = ticketIn(state);
    QCOMPARE(t.escalationLevel, GridLevel::Grid);
    const QList<GridLevel> ladder = {GridLevel::Community, GridLevel::Street, GridLevel::County};
    const QStringList levelWords = {u"社区"_s, u"街道"_s, u"县"_s};
    for (int i = 0; i < ladder.size(); ++i) {
        TicketActionRequest req = fullRequest(A::Escalate);
        req.note.clear();
        req.at = kNow.addSecs(60 * i);
        const TransitionResult r = TicketWorkflow::apply(t, req);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.ticket.escalationLevel, ladder.at(i));
        QCOMPARE(r.ticket.state, state); // escalation changes who handles it, not where it stands
        QCOMPARE(r.ticket.departmentCode, t.departmentCode);
        QCOMPARE(r.event.fromState, state);
        QCOMPARE(r.event.toState, state);
        QVERIFY2(r.event.note.contains(levelWords.at(i)), qPrintable(r.event.note));
        t = r.ticket;
    }

    // Nothing above the county.
    QVERIFY(!TicketWorkflow::allowedActions(t).contains(A::Escalate));
    const QString why = TicketWorkflow::whyNot(t, A::Escalate);
    QVERIFY2(hasChinese(why), qPrintable(why));
    const TransitionResult refused = TicketWorkflow::apply(t, fullRequest(A::Escalate));
    QVERIFY(!refused.ok);
    QCOMPARE(refused.error, why);
    QCOMPARE(refused.ticket.escalationLevel, GridLevel::County);
    QCOMPARE(refused.ticket.state, state);
    QCOMPARE(differences(refused.ticket, t), QStringList());
    // Everything else the state allows is still allowed at county level.
    for (const A a : kAllActions)
        if (a != A::Escalate)
            QCOMPARE(TicketWorkflow::allowedActions(t).contains(a), expectedTarget(state, a).has_value());
}

void TestWorkflow::urgeCounts() {
    Ticket t = ticketIn(S::InProgress);
    for (int i = 1; i <= 3; ++i) {
        const TransitionResult r = TicketWorkflow::apply(t, fullRequest(A::Urge));
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.ticket.urgeCount, i);
        QCOMPARE(r.ticket.state, S::InProgress);
        QCOMPARE(r.event.action, A::Urge);
        t = r.ticket;
    }
}

void TestWorkflow::mergeRecordsTarget() {
    TicketActionRequest req = fullRequest(A::Merge);
    req.mergeInto = 1001;
    const TransitionResult r = TicketWorkflow::apply(ticketIn(S::Dispatched), req);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.ticket.state, S::Merged);
    QCOMPARE(r.ticket.mergedInto, qint64(1001));
    QVERIFY(r.event.note.contains(u"1001"_s));
    QVERIFY(TicketWorkflow::allowedActions(r.ticket).isEmpty());

    // A ticket not yet stored (id 0) can still be merged into a real one.
    Ticket unsaved = ticketIn(S::Received);
    unsaved.id = 0;
    QVERIFY(TicketWorkflow::apply(unsaved, req).ok);
}

// Applies one step of a scenario; records the event and fails the test on refusal.
#define STEP(tk, log, ...)                                                                                   \
    do {                                                                                                     \
        const TransitionResult step_ = TicketWorkflow::apply(tk, TicketActionRequest{__VA_ARGS__});          \
        QVERIFY2(step_.ok, qPrintable(step_.error));                                                         \
        tk = step_.ticket;                                                                                   \
        log << step_.event;                                                                                  \
    } while (0)

namespace {
// The trail must chain: each event starts where the previous one ended, in time order.
bool trailChains(const Ticket& start, const QList<TicketEvent>& log, QString* why) {
    TicketState at = start.state;
    QDateTime last;
    for (const TicketEvent& e : log) {
        if (e.fromState != at) {
            *why =
                u"event %1 starts from %2, expected %3"_s.arg(toKey(e.action), toKey(e.fromState), toKey(at));
            return false;
        }
        if (last.isValid() && e.at < last) {
            *why = u"event %1 goes back in time"_s.arg(toKey(e.action));
            return false;
        }
        if (e.ticketId != start.id || e.actor.isEmpty()) {
            *why = u"event %1 lacks ticket or actor"_s.arg(toKey(e.action));
            return false;
        }
        at = e.toState;
        last = e.at;
    }
    return true;
}
} // namespace

void TestWorkflow::fullLoop() {
    const Ticket start = ticketIn(S::Received);
    Ticket t = start;
    QList<TicketEvent> log;
    const auto h = [](int hours) { return kCreated.addSecs(hours * 3600); };

    STEP(t, log, .action = A::Accept, .actor = u"op07"_s, .at = h(1));
    QCOMPARE(t.state, S::Accepted);
    STEP(t, log, .action = A::Dispatch, .actor = u"op07"_s, .at = h(2), .departmentCode = u"CGJ"_s);
    QCOMPARE(t.state, S::Dispatched);
    QCOMPARE(t.firstDispatchedAt, h(2));
    STEP(t, log, .action = A::Return, .actor = u"cgj-li"_s, .at = h(3), .reason = u"not_our_duty"_s,
         .note = u"属物业管理范围"_s);
    QCOMPARE(t.state, S::Returned);
    QVERIFY(t.departmentCode.isEmpty());
    STEP(t, log, .action = A::Dispatch, .actor = u"op07"_s, .at = h(4), .departmentCode = u"ZJJ"_s);
    QCOMPARE(t.state, S::Dispatched);
    QCOMPARE(t.departmentCode, u"ZJJ"_s);
    STEP(t, log, .action = A::Start, .actor = u"zjj-wang"_s, .at = h(5));
    QCOMPARE(t.state, S::InProgress);
    STEP(t, log, .action = A::Resolve, .actor = u"zjj-wang"_s, .at = h(24), .note = u"已督促物业清运"_s);
    QCOMPARE(t.state, S::Resolved);
    QCOMPARE(t.resolvedAt, h(24));
    STEP(t, log, .action = A::RateUnsatisfied, .actor = u"citizen"_s, .at = h(26), .note = u"仍有垃圾"_s);
    QCOMPARE(t.state, S::Dispatched);
    QCOMPARE(t.departmentCode, u"ZJJ"_s);
    QCOMPARE(t.reopenCount, 1);
    QVERIFY(!t.resolvedAt.isValid());
    STEP(t, log, .action = A::Start, .actor = u"zjj-wang"_s, .at = h(27));
    QCOMPARE(t.state, S::InProgress);
    STEP(t, log, .action = A::Resolve, .actor = u"zjj-wang"_s, .at = h(30),
         .note = u"已彻底清运并加装监控"_s);
    QCOMPARE(t.state, S::Resolved);
    STEP(t, log, .action = A::RateSatisfied, .actor = u"citizen"_s, .at = h(32));
    QCOMPARE(t.state, S::Closed);

    QCOMPARE(log.size(), 10);
    QString why;
    QVERIFY2(trailChains(start, log, &why), qPrintable(why));
    const QList<A> actions = {A::Accept,  A::Dispatch,        A::Return, A::Dispatch, A::Start,
                              A::Resolve, A::RateUnsatisfied, A::Start,  A::Resolve,  A::RateSatisfied};
    for (int i = 0; i < log.size(); ++i)
        QCOMPARE(log.at(i).action, actions.at(i));
    QCOMPARE(log.at(2).departmentCode, u"CGJ"_s);
    QCOMPARE(log.at(2).reason, u"not_our_duty"_s);
    QCOMPARE(log.at(3).departmentCode, u"ZJJ"_s);
    QCOMPARE(log.at(6).departmentCode, u"ZJJ"_s);
    QCOMPARE(log.last().toState, S::Closed);

    QCOMPARE(t.firstDispatchedAt, h(2));
    QCOMPARE(t.resolvedAt, h(30));
    QCOMPARE(t.closedAt, h(32));
    QCOMPARE(t.rating, Rating::Satisfied);
    QCOMPARE(t.reopenCount, 1);
    QCOMPARE(t.lastReturnReason, u"not_our_duty"_s);
    QCOMPARE(t.escalationLevel, GridLevel::Grid);
    QVERIFY(!t.selfResolved);
    QVERIFY(TicketWorkflow::allowedActions(t).isEmpty());
}

void TestWorkflow::gridSelfResolution() {
    // 网格员巡查发现、现场处理: no department ever involved.
    Ticket start = ticketIn(S::Received);
    start.source = TicketSource::Patrol;
    start.reporter = u"worker-0103"_s;
    const auto h = [](int minutes) { return kCreated.addSecs(minutes * 60); };

    Ticket t = start;
    QList<TicketEvent> log;
    STEP(t, log, .action = A::SelfResolve, .actor = u"worker-0103"_s, .at = h(20),
         .note = u"已劝离占道摊贩"_s);
    QCOMPARE(t.state, S::Resolved);
    QVERIFY(t.selfResolved);
    QCOMPARE(t.resolvedAt, h(20));
    QVERIFY(!t.firstDispatchedAt.isValid());
    QVERIFY(t.departmentCode.isEmpty());
    STEP(t, log, .action = A::Close, .actor = u"centre-zhao"_s, .at = h(60), .note = u"核查属实"_s);
    QCOMPARE(t.state, S::Closed);
    QCOMPARE(t.closedAt, h(60));
    QVERIFY(t.selfResolved);
    QCOMPARE(t.rating, Rating::None);
    QString why;
    QVERIFY2(trailChains(start, log, &why), qPrintable(why));
    QCOMPARE(log.first().note, u"已劝离占道摊贩"_s);
    QVERIFY(log.first().departmentCode.isEmpty());

    // Accepted first, then rated by the citizen who reported it.
    t = start;
    log.clear();
    STEP(t, log, .action = A::Accept, .actor = u"centre-zhao"_s, .at = h(5));
    STEP(t, log, .action = A::SelfResolve, .actor = u"worker-0103"_s, .at = h(30), .note = u"已清理"_s);
    STEP(t, log, .action = A::RateSatisfied, .actor = u"citizen"_s, .at = h(90));
    QCOMPARE(t.state, S::Closed);
    QCOMPARE(t.rating, Rating::Satisfied);
    QVERIFY(t.selfResolved);
    QVERIFY2(trailChains(start, log, &why), qPrintable(why));
}

void TestWorkflow::escalationDuringHandling() {
    // 街道吹哨、部门报到: the grid cannot handle it, the street calls in a department.
    const Ticket start = ticketIn(S::Received);
    Ticket t = start;
    QList<TicketEvent> log;
    const auto h = [](int hours) { return kCreated.addSecs(hours * 3600); };

    STEP(t, log, .action = A::Accept, .actor = u"worker-0103"_s, .at = h(1));
    STEP(t, log, .action = A::Escalate, .actor = u"worker-0103"_s, .at = h(2), .note = u"网格内无法处置"_s);
    QCOMPARE(t.state, S::Accepted);
    QCOMPARE(t.escalationLevel, GridLevel::Community);
    STEP(t, log, .action = A::Dispatch, .actor = u"community-liu"_s, .at = h(3), .departmentCode = u"CGJ"_s);
    STEP(t, log, .action = A::Start, .actor = u"cgj-li"_s, .at = h(4));
    STEP(t, log, .action = A::Escalate, .actor = u"community-liu"_s, .at = h(10),
         .note = u"需多部门联合执法"_s);
    QCOMPARE(t.state, S::InProgress);
    QCOMPARE(t.escalationLevel, GridLevel::Street);
    QCOMPARE(t.departmentCode, u"CGJ"_s);
    QCOMPARE(log.last().departmentCode, u"CGJ"_s);
    QVERIFY(log.last().note.startsWith(u"需多部门联合执法"_s));
    STEP(t, log, .action = A::Urge, .actor = u"street-chen"_s, .at = h(20));
    QCOMPARE(t.urgeCount, 1);
    STEP(t, log, .action = A::Resolve, .actor = u"cgj-li"_s, .at = h(30), .note = u"联合执法完成"_s);
    STEP(t, log, .action = A::RateSatisfied, .actor = u"citizen"_s, .at = h(40));
    QCOMPARE(t.state, S::Closed);
    QCOMPARE(t.escalationLevel, GridLevel::Street);
    QCOMPARE(log.size(), 8);
    QString why;
    QVERIFY2(trailChains(start, log, &why), qPrintable(why));
}

void TestWorkflow::returnReasons() {
    const auto reasons = TicketWorkflow::returnReasons();
    QVERIFY(reasons.size() >= 2);
    QSet<QString> codes;
    for (const auto& [code, label] : reasons) {
        QVERIFY(!code.isEmpty());
        QVERIFY2(!codes.contains(code), qPrintable(code));
        codes.insert(code);
        QVERIFY2(hasChinese(label), qPrintable(label));
    }
    QVERIFY(codes.contains(u"not_our_duty"_s));
    QVERIFY(codes.contains(u"other"_s));
}

void TestWorkflow::recallBeforeTheDepartmentStarts() {
    const Ticket dispatched = ticketIn(S::Dispatched);
    TransitionResult r = TicketWorkflow::apply(dispatched, fullRequest(A::Recall));
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.ticket.state, S::Accepted);
    QVERIFY(r.ticket.departmentCode.isEmpty());
    QVERIFY(r.ticket.lastReturnReason.isEmpty()); // not a department's 退单
    QCOMPARE(r.ticket.firstDispatchedAt, kFirstDispatch);
    QCOMPARE(r.event.departmentCode, u"CGJ"_s);
    // Once the department started, only it can hand the ticket back (退单).
    const QString why = TicketWorkflow::whyNot(ticketIn(S::InProgress), A::Recall);
    QVERIFY2(why.contains(displayName(A::Recall)) && why.contains(displayName(S::InProgress)),
             qPrintable(why));

    // An undone dispatch puts the ticket back in the state it was dispatched from.
    for (const S back : {S::Received, S::Returned}) {
        TicketActionRequest undo = fullRequest(A::Recall);
        undo.recallTo = back;
        r = TicketWorkflow::apply(dispatched, undo);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.ticket.state, back);
        QCOMPARE(r.event.toState, back);
    }
    // But never forward or out of the loop.
    for (const S wrong : {S::Dispatched, S::InProgress, S::Closed, S::Invalid}) {
        TicketActionRequest undo = fullRequest(A::Recall);
        undo.recallTo = wrong;
        r = TicketWorkflow::apply(dispatched, undo);
        QVERIFY(!r.ok);
        QCOMPARE(r.ticket.state, S::Dispatched);
    }
}

void TestWorkflow::onSiteCheck() {
    Ticket t = ticketIn(S::Dispatched);
    TicketActionRequest assign = fullRequest(A::AssignCheck);
    TransitionResult r = TicketWorkflow::apply(t, assign);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.ticket.checkWorkerId, qint64(9));
    QCOMPARE(r.ticket.state, S::Dispatched);
    t = r.ticket;
    // The same worker again, before arriving: refused as nothing new.
    QVERIFY(!TicketWorkflow::apply(t, assign).ok);
    // Another worker than the assigned one cannot arrive for the check.
    TicketActionRequest arrive = fullRequest(A::Arrive);
    arrive.workerId = 8;
    r = TicketWorkflow::apply(t, arrive);
    QVERIFY(!r.ok);
    QVERIFY2(hasChinese(r.error), qPrintable(r.error));
    // Unnamed (0) means the assigned one.
    arrive.workerId = 0;
    r = TicketWorkflow::apply(t, arrive);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.ticket.arrivedAt, kNow);
    QCOMPARE(r.event.workerId, qint64(9));
    t = r.ticket;
    // Once: a second arrival is refused with the time of the first.
    const QString why = TicketWorkflow::whyNot(t, A::Arrive);
    QVERIFY2(why.contains(displayName(A::Arrive)), qPrintable(why));
    QVERIFY(!TicketWorkflow::allowedActions(t).contains(A::Arrive));
    // A new assignment (even of the same worker) starts a new visit.
    r = TicketWorkflow::apply(t, assign);
    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY(!r.ticket.arrivedAt.isValid());
    QVERIFY(TicketWorkflow::allowedActions(r.ticket).contains(A::Arrive));
    // Closed: no more checks.
    QVERIFY(!TicketWorkflow::whyNot(ticketIn(S::Closed), A::AssignCheck).isEmpty());
    QVERIFY(!TicketWorkflow::whyNot(checkingTicketIn(S::Resolved), A::Arrive).isEmpty());
}

QTEST_GUILESS_MAIN(TestWorkflow)
#include "tst_workflow.moc"
