// Risk rules files: the shipped default loads; every kind of mistake a rulebook makes is refused
// with the band or field named; points, caps and bands score as the file says.
#include "gc/core/DisplayLanguage.h"
#include "gc/risk/RiskCalculator.h"
#include "gc/risk/RiskRules.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>
#include <limits>

using namespace gc;

namespace {

QByteArray defaultRulesFile() {
    QFile f(qEnvironmentVariable("GC_SOURCE_DIR") + QStringLiteral("/maps/risk-rules.json"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read maps/risk-rules.json");
    return f.readAll();
}

QJsonObject band(const char* level, double min, std::optional<double> max) {
    QJsonObject b{{QStringLiteral("level"), QLatin1String(level)}, {QStringLiteral("min"), min}};
    if (max)
        b.insert(QStringLiteral("max"), *max);
    return b;
}

// A small rulebook: overdue tickets 8 points each up to 40, key persons 5 each up to 25 (max 65).
QJsonObject smallRules() {
    return QJsonObject{
        {QStringLiteral("indicators"),
         QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("overdue")},
                                {QStringLiteral("kind"), QStringLiteral("overdue_tickets")},
                                {QStringLiteral("label"), QStringLiteral("超期工单")},
                                {QStringLiteral("unit"), QStringLiteral("件")},
                                {QStringLiteral("points"), 8},
                                {QStringLiteral("cap"), 40}},
                    QJsonObject{{QStringLiteral("id"), QStringLiteral("persons")},
                                {QStringLiteral("kind"), QStringLiteral("key_persons")},
                                {QStringLiteral("label"), QStringLiteral("重点人员")},
                                {QStringLiteral("unit"), QStringLiteral("人")},
                                {QStringLiteral("points"), 5},
                                {QStringLiteral("cap"), 25}}}},
        {QStringLiteral("triggers"),
         QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("any_person")},
                                {QStringLiteral("label"), QStringLiteral("有重点人员")},
                                {QStringLiteral("indicator"), QStringLiteral("persons")},
                                {QStringLiteral("at_least"), QStringLiteral("blue")}}}},
        {QStringLiteral("bands"),
         QJsonArray{band("green", 0, 10), band("blue", 10, 20), band("yellow", 20, 30),
                    band("orange", 30, 50), band("red", 50, std::nullopt)}},
    };
}

QByteArray bytes(const QJsonObject& o) {
    return QJsonDocument(o).toJson();
}

} // namespace

class TestRiskRules : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void defaultLoads() {
        QString error;
        const auto rules = RiskRules::parse(defaultRulesFile(), &error);
        QVERIFY2(rules, qPrintable(error));
        QCOMPARE(rules->bands().size(), 5);
        QVERIFY(rules->indicators().size() >= 9);
        // The compiled-in copy is the file in maps/.
        QCOMPARE(RiskRules::builtInJson(), defaultRulesFile());
    }

    void mistakesAreRefused_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("named"); // what the message must name
        const auto withBands = [](QJsonArray bands) {
            QJsonObject o = smallRules();
            o.insert(QStringLiteral("bands"), bands);
            return bytes(o);
        };
        QTest::newRow("gap between blue and yellow")
            << withBands({band("green", 0, 10), band("blue", 10, 20), band("yellow", 25, 30),
                          band("orange", 30, 50), band("red", 50, std::nullopt)})
            << QStringLiteral("缺口 [20, 25)");
        QTest::newRow("gap below the lowest band")
            << withBands({band("green", 5, 10), band("red", 10, std::nullopt)}) << QStringLiteral("[0, 5)");
        QTest::newRow("overlap yellow/orange")
            << withBands({band("green", 0, 10), band("blue", 10, 20), band("yellow", 20, 35),
                          band("orange", 30, 50), band("red", 50, std::nullopt)})
            << QStringLiteral("yellow [20, 35) 与 orange [30, 50) 重叠");
        QTest::newRow("unreachable red above the caps")
            << withBands({band("green", 0, 10), band("blue", 10, 20), band("yellow", 20, 30),
                          band("orange", 30, 80), band("red", 80, std::nullopt)})
            << QStringLiteral("red [80, ∞) 不可达");
        QTest::newRow("empty band min == max")
            << withBands({band("green", 0, 10), band("blue", 10, 10), band("red", 10, std::nullopt)})
            << QStringLiteral("blue [10, 10) 不可达");
        QTest::newRow("top band with a max") << withBands({band("green", 0, 10), band("red", 10, 100)})
                                             << QStringLiteral("分值 ≥ 100 没有色带");
        QTest::newRow("lower band without max")
            << withBands({band("green", 0, std::nullopt), band("red", 10, std::nullopt)})
            << QStringLiteral("green [0, ∞) 没有 max");
        QTest::newRow("higher score, lower colour")
            << withBands({band("green", 0, 10), band("red", 10, 20), band("orange", 20, std::nullopt)})
            << QStringLiteral("orange [20, ∞) 分值更高");
        QTest::newRow("same colour twice")
            << withBands({band("green", 0, 10), band("green", 10, std::nullopt)})
            << QStringLiteral("green 出现了两次");
        QTest::newRow("unknown colour") << withBands({band("green", 0, 10), band("purple", 10, std::nullopt)})
                                        << QStringLiteral("purple");

        QJsonObject o = smallRules();
        QJsonArray indicators = o.value(QStringLiteral("indicators")).toArray();
        QJsonObject first = indicators[0].toObject();
        first.insert(QStringLiteral("cap"), -5);
        indicators[0] = first;
        o.insert(QStringLiteral("indicators"), indicators);
        QTest::newRow("negative cap") << bytes(o) << QStringLiteral("indicators[0].cap 不能为负数");

        o = smallRules();
        indicators = o.value(QStringLiteral("indicators")).toArray();
        first = indicators[1].toObject();
        first.insert(QStringLiteral("points"), -1);
        indicators[1] = first;
        o.insert(QStringLiteral("indicators"), indicators);
        QTest::newRow("negative points") << bytes(o) << QStringLiteral("indicators[1].points 不能为负数");

        o = smallRules();
        indicators = o.value(QStringLiteral("indicators")).toArray();
        first = indicators[0].toObject();
        first.insert(QStringLiteral("kind"), QStringLiteral("weather"));
        indicators[0] = first;
        o.insert(QStringLiteral("indicators"), indicators);
        QTest::newRow("unknown indicator kind") << bytes(o) << QStringLiteral("“weather”未知");

        o = smallRules();
        QJsonArray triggers = o.value(QStringLiteral("triggers")).toArray();
        QJsonObject t = triggers[0].toObject();
        t.insert(QStringLiteral("indicator"), QStringLiteral("petitions"));
        triggers[0] = t;
        o.insert(QStringLiteral("triggers"), triggers);
        QTest::newRow("trigger on an unknown indicator")
            << bytes(o) << QStringLiteral("未定义的指标“petitions”");

        o = smallRules();
        indicators = o.value(QStringLiteral("indicators")).toArray();
        first = indicators[0].toObject();
        first.insert(QStringLiteral("cpa"), 10);
        indicators[0] = first;
        o.insert(QStringLiteral("indicators"), indicators);
        QTest::newRow("misspelt field") << bytes(o) << QStringLiteral("indicators[0].cpa");

        QTest::newRow("not JSON") << QByteArray("{\"bands\": [") << QStringLiteral("不是有效的 JSON");
    }

    void mistakesAreRefused() {
        QFETCH(QByteArray, json);
        QFETCH(QString, named);
        QString error;
        QVERIFY(!RiskRules::parse(json, &error));
        QVERIFY2(error.contains(named), qPrintable(error));
        QVERIFY(!error.contains(QLatin1Char('\n')));
    }

    void smallRulesAreValid() {
        QString error;
        QVERIFY2(RiskRules::parse(bytes(smallRules()), &error), qPrintable(error));
    }

    // How long a stored pass may be trusted: the first moment the clock alone changes a ticket's or
    // a grid's value, by hand from the windows, ages and deadlines of the rules below.
    void nextChangeIsTheFirstBoundary() {
        const auto indicator = [](const char* id, const char* kind, QJsonObject extra) {
            extra.insert(QStringLiteral("id"), QLatin1String(id));
            extra.insert(QStringLiteral("kind"), QLatin1String(kind));
            extra.insert(QStringLiteral("label"), QLatin1String(id));
            extra.insert(QStringLiteral("points"), 1);
            return extra;
        };
        QJsonObject o = smallRules();
        o.insert(
            QStringLiteral("indicators"),
            QJsonArray{indicator("tickets_30d", "tickets", {{QStringLiteral("days"), 30}}),
                       indicator("backlog", "open_tickets", {{QStringLiteral("min_age_hours"), 168}}),
                       indicator("urgent_72h", "open_tickets",
                                 {{QStringLiteral("max_age_hours"), 72},
                                  {QStringLiteral("priorities"), QJsonArray{QStringLiteral("urgent")}}}),
                       indicator("overdue", "overdue_tickets", {}),
                       indicator("gap", "checkin_gap",
                                 {{QStringLiteral("grace_days"), 3}, {QStringLiteral("max_days"), 30}})});
        o.remove(QStringLiteral("triggers"));
        o.insert(QStringLiteral("bands"), QJsonArray{band("green", 0, 1), band("red", 1, std::nullopt)});
        QString error;
        const auto rules = RiskRules::parse(bytes(o), &error);
        QVERIFY2(rules, qPrintable(error));
        const qint64 now = 1'800'000'000, hour = 3600, day = 86400;
        const RiskCalculator calc(*rules, now);
        const auto next = [&](TicketState state, TicketPriority priority, qint64 created, qint64 deadline) {
            RiskTicketFacts t;
            t.id = 1;
            t.category = QStringLiteral("C0102");
            t.state = state;
            t.priority = priority;
            t.createdAt = created;
            t.deadline = deadline;
            return calc.nextChange(t, calc.categoryWeights(t.category).constData());
        };
        // Closed 10 days ago: only the 30-day window, left 20 days from now.
        QCOMPARE(next(TicketState::Closed, TicketPriority::Normal, now - 10 * day, 0), now + 20 * day);
        // Open 100 h: 168 h old 68 h from now (a second early: ages are compared in hours).
        QCOMPARE(next(TicketState::Dispatched, TicketPriority::Normal, now - 100 * hour, 0),
                 now + 68 * hour - 1);
        // Urgent for 1 h: out of the 72-hour indicator 71 h from now, before the 168-hour one.
        QCOMPARE(next(TicketState::Received, TicketPriority::Urgent, now - hour, 0), now + 71 * hour);
        // 200 h old (backlog reached long ago), due in 5000 s: overdue after its deadline.
        QCOMPARE(next(TicketState::InProgress, TicketPriority::Normal, now - 200 * hour, now + 5000),
                 now + 5000);
        // Merged tickets never count.
        QCOMPARE(next(TicketState::Merged, TicketPriority::Urgent, now - hour, now + 5000),
                 std::numeric_limits<qint64>::max());
        // Check-in gaps in whole days beyond a 3-day grace: 5.5 days → 6 days in half a day.
        QCOMPARE(calc.nextCheckinChange(now - 5 * day - 12 * hour), now + 12 * hour);
        // 2.5 days: the first day that counts is the 4th; the answer may be earlier, never later.
        const qint64 early = calc.nextCheckinChange(now - 2 * day - 12 * hour);
        QVERIFY(early > now && early <= now + day + 12 * hour);
        // 40 days: past the 30-day maximum, the value no longer moves; never checked in: neither.
        QCOMPARE(calc.nextCheckinChange(now - 40 * day), std::numeric_limits<qint64>::max());
        QCOMPARE(calc.nextCheckinChange(0), std::numeric_limits<qint64>::max());
    }

    // 3 overdue tickets × 8 = 24 and 2 key persons × 5 = 10: 34, in orange [30, 50).
    void pointsCapsBandsAndTriggers() {
        const auto rules = RiskRules::parse(bytes(smallRules()), nullptr);
        QVERIFY(rules);
        const qint64 now = 1'800'000'000;
        RiskCalculator calc(*rules, now);
        QVector<double> v(calc.indicatorCount(), 0.0);
        RiskTicketFacts overdue;
        overdue.category = QStringLiteral("C0102");
        overdue.state = TicketState::Dispatched;
        overdue.createdAt = now - 10 * 86400;
        overdue.deadline = now - 86400;
        for (int i = 0; i < 3; ++i)
            calc.addTicket(overdue, v.data());
        RiskTicketFacts notDue = overdue;
        notDue.deadline = now + 3600;
        calc.addTicket(notDue, v.data());
        RiskTicketFacts closed = overdue;
        closed.state = TicketState::Closed;
        calc.addTicket(closed, v.data());
        calc.addKeyPersons(QStringLiteral("社区矫正"), 2, v.data());
        RiskAssessment a = calc.assess(v.data());
        QCOMPARE(a.score, 34.0);
        QCOMPARE(a.band, RiskLevel::Orange);
        QCOMPARE(a.reasons.size(), 2);
        QCOMPARE(a.reasons[0].points, 24.0);
        QCOMPARE(a.reasons[1].points, 10.0);
        QCOMPARE(RiskExplanation::text(a, *rules),
                 QStringLiteral("橙色：超期工单 3 件 × 8 分 = 24，重点人员 2 人 × 5 分 = 10，合计 34 ≥ 30"));

        // Six more overdue: 9 × 8 = 72, capped at 40; 40 + 10 = 50 is red (min inclusive).
        for (int i = 0; i < 6; ++i)
            calc.addTicket(overdue, v.data());
        a = calc.assess(v.data());
        QCOMPARE(a.score, 50.0);
        QVERIFY(a.reasons[0].capped);
        QCOMPARE(a.band, RiskLevel::Red);

        // One key person alone scores 5 (green) but the trigger floors it at blue.
        QVector<double> w(calc.indicatorCount(), 0.0);
        calc.addKeyPersons(QStringLiteral("吸毒人员"), 1, w.data());
        a = calc.assess(w.data());
        QCOMPARE(a.scoreBand, RiskLevel::Green);
        QCOMPARE(a.band, RiskLevel::Blue);
        QCOMPARE(a.decidedBy, RiskDecision::Trigger);
        QCOMPARE(a.triggers.size(), 1);
    }

    // label_en/unit_en name an indicator in the English UI; gridctl and the Chinese UI keep label
    // and unit, and an indicator without English falls back to its Chinese label.
    void englishNamesFollowTheDisplayLanguage() {
        QJsonObject rulesJson = smallRules();
        QJsonArray indicators = rulesJson.value(QStringLiteral("indicators")).toArray();
        QJsonObject overdue = indicators[0].toObject();
        overdue.insert(QStringLiteral("label_en"), QStringLiteral("Overdue tickets"));
        overdue.insert(QStringLiteral("unit_en"), QStringLiteral("tickets"));
        indicators[0] = overdue;
        rulesJson.insert(QStringLiteral("indicators"), indicators);
        QJsonArray triggers = rulesJson.value(QStringLiteral("triggers")).toArray();
        QJsonObject trigger = triggers[0].toObject();
        trigger.insert(QStringLiteral("label_en"), QStringLiteral("Key person on record"));
        triggers[0] = trigger;
        rulesJson.insert(QStringLiteral("triggers"), triggers);
        QString error;
        const auto rules = RiskRules::parse(bytes(rulesJson), &error);
        QVERIFY2(rules, qPrintable(error));
        const qint64 now = 1'800'000'000;
        RiskCalculator calc(*rules, now);
        QVector<double> v(calc.indicatorCount(), 0.0);
        RiskTicketFacts t;
        t.category = QStringLiteral("C0102");
        t.state = TicketState::Dispatched;
        t.createdAt = now - 10 * 86400;
        t.deadline = now - 86400;
        calc.addTicket(t, v.data());
        calc.addKeyPersons(QStringLiteral("社区矫正"), 1, v.data());

        setDisplayLanguage(DisplayLanguage::English);
        RiskAssessment a = calc.assess(v.data());
        setDisplayLanguage(DisplayLanguage::Chinese);
        QCOMPARE(a.reasons.size(), 2);
        QCOMPARE(a.reasons[0].label, QStringLiteral("Overdue tickets"));
        QCOMPARE(a.reasons[0].unit, QStringLiteral("tickets"));
        QCOMPARE(a.reasons[1].label, QStringLiteral("重点人员")); // no label_en: the label
        QCOMPARE(a.reasons[1].unit, QStringLiteral("人"));
        QCOMPARE(a.triggers.size(), 1);
        QCOMPARE(a.triggers[0].label, QStringLiteral("Key person on record"));

        a = calc.assess(v.data());
        QCOMPARE(a.reasons[0].label, QStringLiteral("超期工单"));
        QCOMPARE(a.reasons[0].unit, QStringLiteral("件"));
        QCOMPARE(a.triggers[0].label, QStringLiteral("有重点人员"));
    }

    // The shipped default names every indicator and trigger in English too, read here from the
    // file itself (not through the parser).
    void defaultHasEnglishNames() {
        const QJsonObject file = QJsonDocument::fromJson(defaultRulesFile()).object();
        int named = 0;
        for (const char* list : {"indicators", "triggers"})
            for (const QJsonValue& item : file.value(QLatin1String(list)).toArray()) {
                const QJsonObject o = item.toObject();
                const QString english = o.value(QStringLiteral("label_en")).toString();
                QVERIFY2(!english.isEmpty(), qPrintable(o.value(QStringLiteral("id")).toString()));
                for (const QChar c : english)
                    QVERIFY2(c.unicode() < 0x2E80, qPrintable(english));
                if (o.contains(QStringLiteral("unit")))
                    QVERIFY2(!o.value(QStringLiteral("unit_en")).toString().isEmpty(),
                             qPrintable(o.value(QStringLiteral("id")).toString()));
                ++named;
            }
        QCOMPARE(named, 16); // 14 indicators and 2 triggers, counted in maps/risk-rules.json
    }

    // Parents: highest, share of children, population-weighted, as the rules file says.
    void parentMethods() {
        const QList<RiskParents::Child> children = {{RiskLevel::Red, 80, 100},
                                                    {RiskLevel::Green, 0, 900},
                                                    {RiskLevel::Green, 1, 1000},
                                                    {RiskLevel::Blue, 12, 0}};
        ParentRule highest{ParentMethod::Highest, 0};
        QCOMPARE(RiskParents::assess(highest, children).band, RiskLevel::Red);
        // Share 0.25: 1 of 4 is red, exactly a quarter.
        ParentRule quarter{ParentMethod::Share, 0.25};
        QCOMPARE(RiskParents::assess(quarter, children).band, RiskLevel::Red);
        // Share 0.5: red 1/4, blue-or-above 2/4 = half → blue.
        ParentRule half{ParentMethod::Share, 0.5};
        QCOMPARE(RiskParents::assess(half, children).band, RiskLevel::Blue);
        // Population-weighted: (4×100 + 0×900 + 0×1000 + 1×0) / 2000 = 0.2 → green.
        ParentRule population{ParentMethod::PopulationWeighted, 0};
        const RiskAssessment p = RiskParents::assess(population, children);
        QCOMPARE(p.band, RiskLevel::Green);
        QCOMPARE(p.score, 93.0); // 80 + 12 + 0 + 1: reasons add up to the score
    }
};

QTEST_GUILESS_MAIN(TestRiskRules)
#include "tst_riskrules.moc"
