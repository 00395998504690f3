// 办理时限: deadlines from the shipped table and from user files. Expected dates were
// worked out on a calendar (weekends and the table's 2026 holidays skipped), not with
// the code under test.

#include "CoreTestSupport.h"

#include "gc/core/TimeLimitTable.h"

#include <QFile>
#include <QTemporaryDir>

using namespace gc;
using namespace gctest;
using namespace Qt::StringLiterals;

namespace {

Ticket ticketWith(const QString& priority, const QString& source, const QString& appeal,
                  const QString& category = u"C0101"_s) {
    Ticket t;
    t.priority = *ticketPriorityFromKey(priority);
    t.source = *ticketSourceFromKey(source);
    t.appealType = *appealTypeFromKey(appeal);
    t.category = category;
    return t;
}

QDateTime endOfDay(int y, int m, int d) {
    return bj(y, m, d, 23, 59, 59);
}

bool writeFile(const QString& path, const QByteArray& content) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

} // namespace

class TestTimeLimits : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void builtInLoads();
    void deadline_data();
    void deadline();
    void deadlineInChinaTime();
    void invalidCreation();
    void isWorkingDay_data();
    void isWorkingDay();
    void endOfWorkingDaysAfter();
    void customTable();
    void loadErrors_data();
    void loadErrors();
    void loadMissingFile();

private:
    QTemporaryDir m_dir;
};

void TestTimeLimits::builtInLoads() {
    const TimeLimitTable& table = TimeLimitTable::builtIn();
    QVERIFY(table.rules().size() >= 5);
    for (const auto& rule : table.rules()) {
        QVERIFY2(hasChinese(rule.label), qPrintable(rule.label));
        QVERIFY(rule.sameDay || rule.hours > 0 || rule.workingDays > 0);
    }
    // The last rule catches everything, so every ticket gets a deadline.
    const auto& last = table.rules().last();
    QVERIFY(last.priorities.isEmpty() && last.sources.isEmpty() && last.appeals.isEmpty() &&
            last.categoryPrefixes.isEmpty());
}

void TestTimeLimits::deadline_data() {
    QTest::addColumn<QString>("priority");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("appeal");
    QTest::addColumn<QDateTime>("created");
    QTest::addColumn<QDateTime>("expected");

    // 特急: the same day, but never less than 4 hours.
    QTest::newRow("urgent, morning") << u"urgent"_s << u"hotline"_s << u"complaint"_s
                                     << bj(2026, 3, 10, 10, 0) << endOfDay(2026, 3, 10);
    QTest::newRow("urgent, 22:30 -> 02:30")
        << u"urgent"_s << u"hotline"_s << u"complaint"_s << bj(2026, 3, 10, 22, 30) << bj(2026, 3, 11, 2, 30);
    QTest::newRow("urgent, exactly 4 h left")
        << u"urgent"_s << u"app"_s << u"none"_s << bj(2026, 3, 10, 19, 59, 59) << endOfDay(2026, 3, 10);
    QTest::newRow("urgent, 1 s under 4 h")
        << u"urgent"_s << u"app"_s << u"none"_s << bj(2026, 3, 10, 20, 0, 0) << bj(2026, 3, 11, 0, 0, 0);
    QTest::newRow("urgent, Saturday")
        << u"urgent"_s << u"app"_s << u"none"_s << bj(2026, 3, 14, 9, 0) << endOfDay(2026, 3, 14);
    QTest::newRow("urgent, on a holiday")
        << u"urgent"_s << u"app"_s << u"none"_s << bj(2026, 10, 1, 9, 0) << endOfDay(2026, 10, 1);
    QTest::newRow("urgent patrol: urgent rule first")
        << u"urgent"_s << u"patrol"_s << u"none"_s << bj(2026, 3, 10, 10, 0) << endOfDay(2026, 3, 10);

    // Grid events: 24 hours, weekends and holidays included.
    QTest::newRow("patrol, Friday") << u"normal"_s << u"patrol"_s << u"none"_s << bj(2026, 3, 13, 9, 15)
                                    << bj(2026, 3, 14, 9, 15);
    QTest::newRow("patrol, before National Day")
        << u"low"_s << u"patrol"_s << u"none"_s << bj(2026, 9, 30, 18, 0) << bj(2026, 10, 1, 18, 0);
    QTest::newRow("high patrol: patrol rule first")
        << u"high"_s << u"patrol"_s << u"none"_s << bj(2026, 3, 13, 9, 15) << bj(2026, 3, 14, 9, 15);

    // 紧急: 2 working days.
    QTest::newRow("high, Friday") << u"high"_s << u"hotline"_s << u"complaint"_s << bj(2026, 3, 13, 16, 0)
                                  << endOfDay(2026, 3, 17);
    QTest::newRow("high, before May Day")
        << u"high"_s << u"hotline"_s << u"none"_s << bj(2026, 4, 30, 16, 0) << endOfDay(2026, 5, 7);

    // 咨询、求助: 3 working days; the day of filing does not count.
    QTest::newRow("enquiry, Friday -> Wednesday")
        << u"normal"_s << u"hotline"_s << u"enquiry"_s << bj(2026, 3, 13, 14, 0) << endOfDay(2026, 3, 18);
    QTest::newRow("help, Friday -> Wednesday")
        << u"normal"_s << u"hotline"_s << u"help"_s << bj(2026, 3, 13, 8, 0) << endOfDay(2026, 3, 18);
    QTest::newRow("enquiry, Saturday -> Wednesday")
        << u"normal"_s << u"hotline"_s << u"enquiry"_s << bj(2026, 3, 14, 11, 0) << endOfDay(2026, 3, 18);
    QTest::newRow("enquiry, Monday -> Thursday")
        << u"low"_s << u"app"_s << u"enquiry"_s << bj(2026, 3, 16, 0, 0) << endOfDay(2026, 3, 19);
    QTest::newRow("enquiry, before National Day")
        << u"normal"_s << u"hotline"_s << u"enquiry"_s << bj(2026, 9, 30, 10, 0) << endOfDay(2026, 10, 12);
    QTest::newRow("enquiry, before Mid-Autumn")
        << u"normal"_s << u"hotline"_s << u"enquiry"_s << bj(2026, 9, 24, 10, 0) << endOfDay(2026, 9, 30);
    QTest::newRow("enquiry, New Year's Eve")
        << u"normal"_s << u"hotline"_s << u"enquiry"_s << bj(2025, 12, 31, 10, 0) << endOfDay(2026, 1, 7);
    QTest::newRow("enquiry, before Spring Festival")
        << u"normal"_s << u"hotline"_s << u"enquiry"_s << bj(2026, 2, 13, 10, 0) << endOfDay(2026, 2, 25);

    // 投诉、举报: 13 working days.
    QTest::newRow("complaint, Monday")
        << u"normal"_s << u"hotline"_s << u"complaint"_s << bj(2026, 3, 2, 9, 0) << endOfDay(2026, 3, 19);
    QTest::newRow("report, Monday") << u"low"_s << u"app"_s << u"report"_s << bj(2026, 3, 2, 9, 0)
                                    << endOfDay(2026, 3, 19);
    QTest::newRow("complaint, across National Day")
        << u"normal"_s << u"hotline"_s << u"complaint"_s << bj(2026, 9, 28, 9, 0) << endOfDay(2026, 10, 22);

    // 建议: 10 working days; anything else: 5.
    QTest::newRow("suggestion") << u"normal"_s << u"hotline"_s << u"suggestion"_s << bj(2026, 3, 2, 9, 0)
                                << endOfDay(2026, 3, 16);
    QTest::newRow("other") << u"normal"_s << u"app"_s << u"none"_s << bj(2026, 3, 2, 9, 0)
                           << endOfDay(2026, 3, 9);
    QTest::newRow("video, low") << u"low"_s << u"video"_s << u"none"_s << bj(2026, 3, 2, 9, 0)
                                << endOfDay(2026, 3, 9);
}

void TestTimeLimits::deadline() {
    QFETCH(QString, priority);
    QFETCH(QString, source);
    QFETCH(QString, appeal);
    QFETCH(QDateTime, created);
    QFETCH(QDateTime, expected);
    const Ticket t = ticketWith(priority, source, appeal);
    const TimeLimitTable& table = TimeLimitTable::builtIn();
    QVERIFY(table.ruleFor(t));
    const QDateTime deadline = table.deadlineFor(t, created);
    QVERIFY(deadline.isValid());
    QCOMPARE(deadline.toTimeZone(beijing()), expected);
    QVERIFY(deadline > created);
}

void TestTimeLimits::deadlineInChinaTime() {
    // The same instant given in UTC (as a server or a phone may send it) gets the same
    // deadline: "end of the day" is the county's day, not UTC's.
    const Ticket urgent = ticketWith(u"urgent"_s, u"hotline"_s, u"none"_s);
    const QDateTime created = bj(2026, 3, 10, 10, 0);
    QCOMPARE(TimeLimitTable::builtIn().deadlineFor(urgent, created.toUTC()), endOfDay(2026, 3, 10));

    // 22:00 UTC on Friday is already Saturday 06:00 in Beijing.
    const Ticket enquiry = ticketWith(u"normal"_s, u"hotline"_s, u"enquiry"_s);
    const QDateTime fridayUtc(QDate(2026, 3, 13), QTime(22, 0), QTimeZone::utc());
    QCOMPARE(TimeLimitTable::builtIn().deadlineFor(enquiry, fridayUtc), endOfDay(2026, 3, 18));
    const QDateTime thursdayUtc(QDate(2026, 3, 12), QTime(17, 0), QTimeZone::utc()); // Fri 01:00 Beijing
    QCOMPARE(TimeLimitTable::builtIn().deadlineFor(enquiry, thursdayUtc), endOfDay(2026, 3, 18));
}

void TestTimeLimits::invalidCreation() {
    const Ticket t = ticketWith(u"normal"_s, u"hotline"_s, u"enquiry"_s);
    QVERIFY(!TimeLimitTable::builtIn().deadlineFor(t, QDateTime()).isValid());
}

void TestTimeLimits::isWorkingDay_data() {
    QTest::addColumn<QDate>("day");
    QTest::addColumn<bool>("working");
    QTest::newRow("Monday") << QDate(2026, 3, 16) << true;
    QTest::newRow("Friday") << QDate(2026, 3, 13) << true;
    QTest::newRow("Saturday") << QDate(2026, 3, 14) << false;
    QTest::newRow("Sunday") << QDate(2026, 3, 15) << false;
    QTest::newRow("National Day (Thursday)") << QDate(2026, 10, 1) << false;
    QTest::newRow("National Day holiday (Wednesday)") << QDate(2026, 10, 7) << false;
    QTest::newRow("after National Day") << QDate(2026, 10, 8) << true;
    QTest::newRow("Spring Festival (Tuesday)") << QDate(2026, 2, 17) << false;
    QTest::newRow("New Year") << QDate(2026, 1, 1) << false;
}

void TestTimeLimits::isWorkingDay() {
    QFETCH(QDate, day);
    QFETCH(bool, working);
    QCOMPARE(TimeLimitTable::builtIn().isWorkingDay(day), working);
}

void TestTimeLimits::endOfWorkingDaysAfter() {
    const TimeLimitTable& table = TimeLimitTable::builtIn();
    QCOMPARE(table.endOfWorkingDaysAfter(QDate(2026, 3, 13), 0, beijing()), endOfDay(2026, 3, 13));
    QCOMPARE(table.endOfWorkingDaysAfter(QDate(2026, 3, 13), 1, beijing()), endOfDay(2026, 3, 16));
    QCOMPARE(table.endOfWorkingDaysAfter(QDate(2026, 3, 13), 3, beijing()), endOfDay(2026, 3, 18));
    QCOMPARE(table.endOfWorkingDaysAfter(QDate(2026, 9, 30), 1, beijing()), endOfDay(2026, 10, 8));
}

void TestTimeLimits::customTable() {
    // A six-day week, one holiday, a category rule and no catch-all.
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(u"county-limits.json"_s);
    QVERIFY(writeFile(path, R"({
        "workdays": [1, 2, 3, 4, 5, 6],
        "holidays": ["2026-03-16"],
        "rules": [
            {"label": "纠纷：2个工作日", "when": {"category_prefix": ["J"]}, "limit": {"working_days": 2}},
            {"label": "视频：8小时", "when": {"source": ["video"], "priority": ["normal", "low"]}, "limit": {"hours": 8}}
        ]})"));
    QString error;
    const TimeLimitTable table = TimeLimitTable::load(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(table.rules().size(), 2);
    QVERIFY(table.isWorkingDay(QDate(2026, 3, 14)));  // Saturday works here
    QVERIFY(!table.isWorkingDay(QDate(2026, 3, 15))); // Sunday does not
    QVERIFY(!table.isWorkingDay(QDate(2026, 3, 16))); // listed holiday

    const Ticket dispute = ticketWith(u"normal"_s, u"hotline"_s, u"none"_s, u"J0201"_s);
    QCOMPARE(table.ruleFor(dispute)->label, u"纠纷：2个工作日"_s);
    // Fri 13 → Sat 14 (1), Sun off, Mon 16 holiday, Tue 17 (2).
    QCOMPARE(table.deadlineFor(dispute, bj(2026, 3, 13, 9, 0)), endOfDay(2026, 3, 17));

    const Ticket video = ticketWith(u"low"_s, u"video"_s, u"none"_s, u"C0101"_s);
    QCOMPARE(table.ruleFor(video)->label, u"视频：8小时"_s);
    QCOMPARE(table.deadlineFor(video, bj(2026, 3, 13, 9, 0)), bj(2026, 3, 13, 17, 0));

    // No rule applies: no deadline, rather than an invented one.
    const Ticket other = ticketWith(u"high"_s, u"video"_s, u"none"_s, u"C0101"_s);
    QVERIFY(!table.ruleFor(other));
    QVERIFY(!table.deadlineFor(other, bj(2026, 3, 13, 9, 0)).isValid());
}

void TestTimeLimits::loadErrors_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("mentions"); // besides the file name

    const QByteArray okRule = R"({"label": "其他", "when": {}, "limit": {"working_days": 5}})";
    const auto table = [](const QByteArray& workdays, const QByteArray& holidays,
                          const QByteArray& rules) -> QByteArray {
        return "{\"workdays\": " + workdays + ", \"holidays\": " + holidays + ", \"rules\": " + rules + "}";
    };
    QTest::newRow("not json") << QByteArray(R"({"workdays": [1, 2)") << QString();
    QTest::newRow("empty file") << QByteArray() << QString();
    QTest::newRow("array root") << QByteArray("[]") << QString();
    QTest::newRow("bad holiday") << table("[1,2,3,4,5]", R"(["2026-02-30"])", "[" + okRule + "]")
                                 << u"2026-02-30"_s;
    QTest::newRow("holiday not a date")
        << table("[1,2,3,4,5]", R"(["国庆"])", "[" + okRule + "]") << u"国庆"_s;
    QTest::newRow("rule without limit")
        << table("[1,2,3,4,5]", "[]", R"([{"label": "无时限规则", "when": {}, "limit": {}}])")
        << u"无时限规则"_s;
    QTest::newRow("rule with zero limit")
        << table("[1,2,3,4,5]", "[]", R"([{"label": "零", "when": {}, "limit": {"hours": 0}}])") << u"零"_s;
    QTest::newRow("no rules") << table("[1,2,3,4,5]", "[]", "[]") << QString();
    QTest::newRow("no workdays") << table("[]", "[]", "[" + okRule + "]") << QString();
    QTest::newRow("workday 8") << table("[1,2,3,4,8]", "[]", "[" + okRule + "]") << u"8"_s;
    QTest::newRow("workday 0") << table("[0,1,2]", "[]", "[" + okRule + "]") << u"0"_s;
    QTest::newRow("workday as text") << table(R"(["Mon"])", "[]", "[" + okRule + "]") << QString();
    QTest::newRow("unknown priority")
        << table("[1,2,3,4,5]", "[]",
                 R"([{"label": "特急", "when": {"priority": ["urgnet"]}, "limit": {"same_day": true}}])")
        << u"urgnet"_s;
    QTest::newRow("unknown source")
        << table("[1,2,3,4,5]", "[]",
                 R"([{"label": "巡查", "when": {"source": ["patrl"]}, "limit": {"hours": 24}}])")
        << u"patrl"_s;
    QTest::newRow("unknown appeal")
        << table("[1,2,3,4,5]", "[]",
                 R"([{"label": "咨询", "when": {"appeal": ["question"]}, "limit": {"working_days": 3}}])")
        << u"question"_s;
    // A bare string instead of a list would silently match every ticket.
    QTest::newRow("condition not a list")
        << table("[1,2,3,4,5]", "[]",
                 R"([{"label": "特急", "when": {"priority": "urgent"}, "limit": {"hours": 4}}])")
        << u"priority"_s;
}

void TestTimeLimits::loadErrors() {
    QFETCH(QByteArray, content);
    QFETCH(QString, mentions);
    QVERIFY(m_dir.isValid());
    const QString path =
        m_dir.filePath(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-') + u".json"_s);
    QVERIFY(writeFile(path, content));
    gctest::verifyTableRefused<TimeLimitTable>(path, mentions,
                                               [](const TimeLimitTable& t) { return t.rules().isEmpty(); });
}

void TestTimeLimits::loadMissingFile() {
    const QString path = m_dir.filePath(u"no-such-limits.json"_s);
    gctest::verifyTableRefused<TimeLimitTable>(path, {},
                                               [](const TimeLimitTable& t) { return t.rules().isEmpty(); });
}

QTEST_GUILESS_MAIN(TestTimeLimits)
#include "tst_timelimits.moc"
