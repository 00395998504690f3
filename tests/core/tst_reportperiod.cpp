// Report periods (ISO week, month, day range) against dates counted by hand on a calendar.
#include "CoreTestSupport.h"

#include "gc/core/ChinaTime.h"
#include "gc/core/ReportPeriod.h"

using namespace gc;

class TestReportPeriod : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // 1 January 2026 is a Thursday, so week 1 holds 1 to 4 January and starts on Monday
    // 29 December 2025; 2026 then has 53 weeks. 2020 began on a Wednesday of a leap year: 53
    // weeks too. 2021 began on a Friday (52), 2025 on a Wednesday of a common year (52).
    void isoWeeks_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDate>("first");
        QTest::addColumn<QDate>("last");
        QTest::addColumn<QString>("title");
        QTest::newRow("2026-W47") << "2026-W47" << QDate(2026, 11, 16) << QDate(2026, 11, 22)
                                  << "2026年第47周";
        QTest::newRow("2026-W01 starts in 2025")
            << "2026-W01" << QDate(2025, 12, 29) << QDate(2026, 1, 4) << "2026年第1周";
        QTest::newRow("2026-W53") << "2026-W53" << QDate(2026, 12, 28) << QDate(2027, 1, 3) << "2026年第53周";
        QTest::newRow("2020-W53") << "2020-W53" << QDate(2020, 12, 28) << QDate(2021, 1, 3) << "2020年第53周";
        QTest::newRow("2021-W01 after 2020-W53")
            << "2021-W01" << QDate(2021, 1, 4) << QDate(2021, 1, 10) << "2021年第1周";
        QTest::newRow("2025-W01 starts in 2024")
            << "2025-W01" << QDate(2024, 12, 30) << QDate(2025, 1, 5) << "2025年第1周";
    }
    void isoWeeks() {
        QFETCH(QString, text);
        QFETCH(QDate, first);
        QFETCH(QDate, last);
        QFETCH(QString, title);
        QString error;
        const auto p = ReportPeriod::parse(text, &error);
        QVERIFY2(p, qPrintable(error));
        QCOMPARE(p->kind(), ReportPeriod::Kind::Week);
        QCOMPARE(p->first(), first);
        QCOMPARE(p->last(), last);
        QCOMPARE(p->days(), 7);
        QCOMPARE(p->title(), title);
        QCOMPARE(p->key(), text);
        QCOMPARE(p->first().dayOfWeek(), 1);
    }

    void weeksInYear() {
        QCOMPARE(ReportPeriod::isoWeeksInYear(2026), 53);
        QCOMPARE(ReportPeriod::isoWeeksInYear(2020), 53);
        QCOMPARE(ReportPeriod::isoWeeksInYear(2015), 53); // began on a Thursday
        QCOMPARE(ReportPeriod::isoWeeksInYear(2021), 52);
        QCOMPARE(ReportPeriod::isoWeeksInYear(2025), 52);
        QCOMPARE(ReportPeriod::isoWeeksInYear(2024), 52); // leap, but began on a Monday
    }

    void months() {
        auto p = ReportPeriod::parse(QStringLiteral("2026-11"));
        QVERIFY(p);
        QCOMPARE(p->kind(), ReportPeriod::Kind::Month);
        QCOMPARE(p->first(), QDate(2026, 11, 1));
        QCOMPARE(p->last(), QDate(2026, 11, 30));
        QCOMPARE(p->title(), QStringLiteral("2026年11月"));
        QCOMPARE(p->key(), QStringLiteral("2026-11"));
        p = ReportPeriod::parse(QStringLiteral("2024-02"));
        QVERIFY(p);
        QCOMPARE(p->last(), QDate(2024, 2, 29));
        QCOMPARE(p->days(), 29);
        p = ReportPeriod::parse(QStringLiteral("2026-02"));
        QCOMPARE(p->last(), QDate(2026, 2, 28));
    }

    void ranges() {
        const auto p = ReportPeriod::parse(QStringLiteral("2026-11-01..2026-11-30"));
        QVERIFY(p);
        QCOMPARE(p->kind(), ReportPeriod::Kind::Range);
        QCOMPARE(p->days(), 30);
        QCOMPARE(p->title(), QStringLiteral("2026年11月1日至11月30日"));
        QCOMPARE(p->key(), QStringLiteral("2026-11-01..2026-11-30"));
        const auto across = ReportPeriod::parse(QStringLiteral("2026-12-28..2027-01-03"));
        QVERIFY(across);
        QCOMPARE(across->title(), QStringLiteral("2026年12月28日至2027年1月3日"));
        const auto oneDay = ReportPeriod::parse(QStringLiteral("2026-11-05..2026-11-05"));
        QVERIFY(oneDay);
        QCOMPARE(oneDay->days(), 1);
    }

    // The instants are China's midnights whatever the machine's zone: 16 November 00:00 +08:00
    // is 15 November 16:00 UTC.
    void instants() {
        const auto p = ReportPeriod::parse(QStringLiteral("2026-W47"));
        QCOMPARE(p->begin().toUTC(), QDateTime(QDate(2026, 11, 15), QTime(16, 0), Qt::UTC));
        QCOMPARE(p->end().toUTC(), QDateTime(QDate(2026, 11, 22), QTime(16, 0), Qt::UTC));
    }

    void previous() {
        using P = ReportPeriod;
        QCOMPARE(P::parse(QStringLiteral("2026-W47"))->previous().key(), QStringLiteral("2026-W46"));
        QCOMPARE(P::parse(QStringLiteral("2026-W01"))->previous().key(), QStringLiteral("2025-W52"));
        QCOMPARE(P::parse(QStringLiteral("2026-W01"))->previous().first(), QDate(2025, 12, 22));
        QCOMPARE(P::parse(QStringLiteral("2021-W01"))->previous().key(), QStringLiteral("2020-W53"));
        QCOMPARE(P::parse(QStringLiteral("2026-01"))->previous().key(), QStringLiteral("2025-12"));
        QCOMPARE(P::parse(QStringLiteral("2026-03"))->previous().last(), QDate(2026, 2, 28));
        // 30 days back: 2 to 31 October.
        QCOMPARE(P::parse(QStringLiteral("2026-11-01..2026-11-30"))->previous().key(),
                 QStringLiteral("2026-10-02..2026-10-31"));
    }

    void refused_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("2025 has 52 weeks") << "2025-W53";
        QTest::newRow("2021 has 52 weeks") << "2021-W53";
        QTest::newRow("week 0") << "2026-W00";
        QTest::newRow("one-digit week") << "2026-W1";
        QTest::newRow("month 13") << "2026-13";
        QTest::newRow("month 0") << "2026-00";
        QTest::newRow("30 February") << "2026-02-30..2026-03-01";
        QTest::newRow("backwards") << "2026-11-30..2026-11-01";
        QTest::newRow("over a year") << "2025-01-01..2026-01-02";
        QTest::newRow("words") << "last week";
        QTest::newRow("a single day") << "2026-11-05";
        QTest::newRow("empty") << "";
    }
    void refused() {
        QFETCH(QString, text);
        QString error;
        QVERIFY(!ReportPeriod::parse(text, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!error.contains(QLatin1Char('\n')));
    }
};

QTEST_GUILESS_MAIN(TestReportPeriod)
#include "tst_reportperiod.moc"
