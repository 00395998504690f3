// Stored keys and labels of every ticket enum, and the open/terminal/overdue predicates.
// Keys are a file and protocol format, so they are pinned here literally.

#include "CoreTestSupport.h"

#include <QSet>

using namespace gc;
using namespace gctest;
using namespace Qt::StringLiterals;

namespace {

// Checks toKey/fromKey both ways for one enum; returns a failure message or empty.
template <typename E>
QString roundTrip(E value, const QString& expectedKey, std::optional<E> (*fromKey)(const QString&)) {
    if (toKey(value) != expectedKey)
        return u"toKey gives '%1', expected '%2'"_s.arg(toKey(value), expectedKey);
    if (fromKey(expectedKey) != value)
        return u"fromKey('%1') does not give the value back"_s.arg(expectedKey);
    if (fromKey(expectedKey.toUpper()) != value)
        return u"fromKey('%1') is case-sensitive"_s.arg(expectedKey.toUpper());
    return {};
}

template <typename E> void addEnumRows(const char* prefix, const QList<QPair<E, const char*>>& rows) {
    for (const auto& [value, key] : rows)
        QTest::addRow("%s %s", prefix, key) << int(value) << QString::fromLatin1(key);
}

} // namespace

class TestTicket : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void stateKeys_data();
    void stateKeys();
    void sourceKeys_data();
    void sourceKeys();
    void priorityKeys_data();
    void priorityKeys();
    void appealKeys_data();
    void appealKeys();
    void ratingKeys_data();
    void ratingKeys();
    void actionKeys_data();
    void actionKeys();
    void unknownKeys_data();
    void unknownKeys();
    void displayNames();
    void listsAreComplete();
    void terminalAndOpen_data();
    void terminalAndOpen();
    void overdue_data();
    void overdue();
};

void TestTicket::stateKeys_data() {
    QTest::addColumn<int>("value");
    QTest::addColumn<QString>("key");
    addEnumRows<TicketState>("state", {{TicketState::Received, "received"},
                                       {TicketState::Accepted, "accepted"},
                                       {TicketState::Dispatched, "dispatched"},
                                       {TicketState::InProgress, "in_progress"},
                                       {TicketState::Resolved, "resolved"},
                                       {TicketState::Closed, "closed"},
                                       {TicketState::Returned, "returned"},
                                       {TicketState::Merged, "merged"},
                                       {TicketState::Invalid, "invalid"}});
}

void TestTicket::stateKeys() {
    QFETCH(int, value);
    QFETCH(QString, key);
    const QString why = roundTrip(static_cast<TicketState>(value), key, &ticketStateFromKey);
    QVERIFY2(why.isEmpty(), qPrintable(why));
}

void TestTicket::sourceKeys_data() {
    QTest::addColumn<int>("value");
    QTest::addColumn<QString>("key");
    addEnumRows<TicketSource>("source", {{TicketSource::Patrol, "patrol"},
                                         {TicketSource::CitizenApp, "app"},
                                         {TicketSource::Hotline12345, "hotline"},
                                         {TicketSource::Video, "video"},
                                         {TicketSource::Other, "other"}});
}

void TestTicket::sourceKeys() {
    QFETCH(int, value);
    QFETCH(QString, key);
    const QString why = roundTrip(static_cast<TicketSource>(value), key, &ticketSourceFromKey);
    QVERIFY2(why.isEmpty(), qPrintable(why));
}

void TestTicket::priorityKeys_data() {
    QTest::addColumn<int>("value");
    QTest::addColumn<QString>("key");
    addEnumRows<TicketPriority>("priority", {{TicketPriority::Urgent, "urgent"},
                                             {TicketPriority::High, "high"},
                                             {TicketPriority::Normal, "normal"},
                                             {TicketPriority::Low, "low"}});
}

void TestTicket::priorityKeys() {
    QFETCH(int, value);
    QFETCH(QString, key);
    const QString why = roundTrip(static_cast<TicketPriority>(value), key, &ticketPriorityFromKey);
    QVERIFY2(why.isEmpty(), qPrintable(why));
}

void TestTicket::appealKeys_data() {
    QTest::addColumn<int>("value");
    QTest::addColumn<QString>("key");
    addEnumRows<AppealType>("appeal", {{AppealType::None, "none"},
                                       {AppealType::Enquiry, "enquiry"},
                                       {AppealType::Help, "help"},
                                       {AppealType::Complaint, "complaint"},
                                       {AppealType::Report, "report"},
                                       {AppealType::Suggestion, "suggestion"}});
}

void TestTicket::appealKeys() {
    QFETCH(int, value);
    QFETCH(QString, key);
    const QString why = roundTrip(static_cast<AppealType>(value), key, &appealTypeFromKey);
    QVERIFY2(why.isEmpty(), qPrintable(why));
}

void TestTicket::ratingKeys_data() {
    QTest::addColumn<int>("value");
    QTest::addColumn<QString>("key");
    addEnumRows<Rating>("rating",
                        {{Rating::None, "none"}, {Rating::Satisfied, "satisfied"}, {Rating::Unsatisfied, "unsatisfied"}});
}

void TestTicket::ratingKeys() {
    QFETCH(int, value);
    QFETCH(QString, key);
    const QString why = roundTrip(static_cast<Rating>(value), key, &ratingFromKey);
    QVERIFY2(why.isEmpty(), qPrintable(why));
}

void TestTicket::actionKeys_data() {
    QTest::addColumn<int>("value");
    QTest::addColumn<QString>("key");
    addEnumRows<TicketAction>("action", {{TicketAction::Accept, "accept"},
                                         {TicketAction::Dispatch, "dispatch"},
                                         {TicketAction::Reassign, "reassign"},
                                         {TicketAction::Return, "return"},
                                         {TicketAction::Start, "start"},
                                         {TicketAction::Resolve, "resolve"},
                                         {TicketAction::RateSatisfied, "rate_satisfied"},
                                         {TicketAction::RateUnsatisfied, "rate_unsatisfied"},
                                         {TicketAction::Close, "close"},
                                         {TicketAction::Escalate, "escalate"},
                                         {TicketAction::Merge, "merge"},
                                         {TicketAction::Invalidate, "invalidate"},
                                         {TicketAction::SelfResolve, "self_resolve"},
                                         {TicketAction::Urge, "urge"},
                                         {TicketAction::Recall, "recall"},
                                         {TicketAction::AssignCheck, "assign_check"},
                                         {TicketAction::Arrive, "arrive"},
                                         {TicketAction::Report, "report"}});
}

void TestTicket::actionKeys() {
    QFETCH(int, value);
    QFETCH(QString, key);
    const QString why = roundTrip(static_cast<TicketAction>(value), key, &ticketActionFromKey);
    QVERIFY2(why.isEmpty(), qPrintable(why));
}

void TestTicket::unknownKeys_data() {
    QTest::addColumn<QString>("key");
    QTest::newRow("empty") << QString();
    QTest::newRow("blank") << u"  "_s;
    QTest::newRow("unknown") << u"bogus"_s;
    QTest::newRow("number") << u"1"_s;
    QTest::newRow("chinese label") << u"已受理"_s;
    QTest::newRow("camel case") << u"inProgress"_s;
    QTest::newRow("dash") << u"in-progress"_s;
}

void TestTicket::unknownKeys() {
    QFETCH(QString, key);
    QVERIFY(!ticketStateFromKey(key));
    QVERIFY(!ticketSourceFromKey(key));
    QVERIFY(!ticketPriorityFromKey(key));
    QVERIFY(!appealTypeFromKey(key));
    QVERIFY(!ratingFromKey(key));
    QVERIFY(!ticketActionFromKey(key));
}

void TestTicket::displayNames() {
    // Every value has a Chinese label, and no two values of one enum share it.
    const auto check = [](const QStringList& labels, int count) {
        QCOMPARE(int(labels.size()), count);
        for (const QString& l : labels)
            QVERIFY2(hasChinese(l), qPrintable(l));
        QCOMPARE(int(QSet<QString>(labels.cbegin(), labels.cend()).size()), count);
    };
    QStringList labels;
    for (const TicketState s : allTicketStates())
        labels << displayName(s);
    check(labels, 9);
    labels.clear();
    for (const TicketSource s : allTicketSources())
        labels << displayName(s);
    check(labels, 5);
    labels.clear();
    for (const TicketPriority p : allTicketPriorities())
        labels << displayName(p);
    check(labels, 4);
    labels.clear();
    for (int i = 0; i <= int(TicketAction::Report); ++i)
        labels << displayName(static_cast<TicketAction>(i));
    check(labels, 18);
    labels.clear();
    for (const Rating r : {Rating::None, Rating::Satisfied, Rating::Unsatisfied})
        labels << displayName(r);
    check(labels, 3);
    QCOMPARE(displayName(TicketSource::Hotline12345), u"12345热线"_s);
    QCOMPARE(displayName(TicketState::Closed), u"已结案"_s);
}

void TestTicket::listsAreComplete() {
    QCOMPARE(allTicketStates().size(), 9);
    for (int i = 0; i < 9; ++i)
        QCOMPARE(allTicketStates().at(i), static_cast<TicketState>(i));
    QCOMPARE(allTicketSources().size(), 5);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(allTicketSources().at(i), static_cast<TicketSource>(i));
    QCOMPARE(allTicketPriorities().size(), 4);
    for (int i = 0; i < 4; ++i)
        QCOMPARE(allTicketPriorities().at(i), static_cast<TicketPriority>(i));
}

void TestTicket::terminalAndOpen_data() {
    QTest::addColumn<TicketState>("state");
    QTest::addColumn<bool>("terminal");
    QTest::addColumn<bool>("open");
    QTest::newRow("received") << TicketState::Received << false << true;
    QTest::newRow("accepted") << TicketState::Accepted << false << true;
    QTest::newRow("dispatched") << TicketState::Dispatched << false << true;
    QTest::newRow("in_progress") << TicketState::InProgress << false << true;
    QTest::newRow("resolved") << TicketState::Resolved << false << false; // waiting for a rating
    QTest::newRow("closed") << TicketState::Closed << true << false;
    QTest::newRow("returned") << TicketState::Returned << false << true;
    QTest::newRow("merged") << TicketState::Merged << true << false;
    QTest::newRow("invalid") << TicketState::Invalid << true << false;
}

void TestTicket::terminalAndOpen() {
    QFETCH(TicketState, state);
    QFETCH(bool, terminal);
    QFETCH(bool, open);
    QCOMPARE(isTerminal(state), terminal);
    QCOMPARE(isOpen(state), open);
}

void TestTicket::overdue_data() {
    QTest::addColumn<TicketState>("state");
    QTest::addColumn<QDateTime>("deadline");
    QTest::addColumn<QDateTime>("resolvedAt");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<bool>("overdue");
    const QDateTime deadline = bj(2026, 3, 10, 23, 59, 59);
    const QDateTime before = deadline.addSecs(-3600);
    const QDateTime after = deadline.addSecs(3600);
    QTest::newRow("open, before deadline") << TicketState::Dispatched << deadline << QDateTime() << before << false;
    QTest::newRow("open, at deadline") << TicketState::Dispatched << deadline << QDateTime() << deadline << false;
    QTest::newRow("open, past deadline") << TicketState::Dispatched << deadline << QDateTime() << after << true;
    QTest::newRow("returned, past deadline") << TicketState::Returned << deadline << QDateTime() << after << true;
    QTest::newRow("no deadline") << TicketState::InProgress << QDateTime() << QDateTime() << after << false;
    QTest::newRow("resolved in time") << TicketState::Resolved << deadline << before << after << false;
    QTest::newRow("resolved late") << TicketState::Resolved << deadline << after << after.addDays(1) << true;
    QTest::newRow("closed in time") << TicketState::Closed << deadline << before << after << false;
    QTest::newRow("closed late") << TicketState::Closed << deadline << after << after.addDays(1) << true;
    QTest::newRow("merged") << TicketState::Merged << deadline << QDateTime() << after << false;
    QTest::newRow("invalid") << TicketState::Invalid << deadline << QDateTime() << after << false;
}

void TestTicket::overdue() {
    QFETCH(TicketState, state);
    QFETCH(QDateTime, deadline);
    QFETCH(QDateTime, resolvedAt);
    QFETCH(QDateTime, now);
    QFETCH(bool, overdue);
    Ticket t;
    t.state = state;
    t.createdAt = bj(2026, 3, 1, 9, 0);
    t.deadline = deadline;
    t.resolvedAt = resolvedAt;
    QCOMPARE(t.isOverdue(now), overdue);
}

QTEST_GUILESS_MAIN(TestTicket)
#include "tst_ticket.moc"
