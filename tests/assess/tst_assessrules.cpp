// The assessment rules file and the pure steps of scoring: every refusal names its field, the
// default file passes the JSON Schema (python3 jsonschema as a second reader), caps and floors hold
// line by line, online minutes and arrival compliance on constructed cases.
#include "gc/assess/AssessService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace gc;

namespace {

QJsonObject defaults() {
    return QJsonDocument::fromJson(AssessRules::defaultJson()).object();
}

QByteArray bytes(const QJsonObject& o) {
    return QJsonDocument(o).toJson();
}

// The default rules with one item's field set (or removed with an undefined value).
QJsonObject withItemField(int index, const QString& field, const QJsonValue& value) {
    QJsonObject o = defaults();
    QJsonArray items = o.value(QStringLiteral("items")).toArray();
    QJsonObject item = items[index].toObject();
    item.insert(field, value);
    items[index] = item;
    o.insert(QStringLiteral("items"), items);
    return o;
}

QJsonObject withDutyField(const QString& field, const QJsonValue& value) {
    QJsonObject o = defaults();
    QJsonObject duty = o.value(QStringLiteral("duty")).toObject();
    duty.insert(field, value);
    o.insert(QStringLiteral("duty"), duty);
    return o;
}

AssessLine line(qint64 raw) {
    AssessLine l;
    l.rawCentipoints = raw;
    return l;
}

WorkEvent workEvent(qint64 id, qint64 ticket, qint64 worker, TicketAction action, qint64 at,
                    TicketPriority priority = TicketPriority::Normal) {
    WorkEvent e;
    e.eventId = id;
    e.ticketId = ticket;
    e.workerId = worker;
    e.action = action;
    e.at = at;
    e.priority = priority;
    return e;
}

} // namespace

class TestAssessRules : public QObject {
    Q_OBJECT

    // python3 -m jsonschema's verdict on a rules file: the schema read by someone else's validator.
    static bool schemaAccepts(const QByteArray& json) {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("rules.json"));
        QFile f(file);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(file));
        f.write(json);
        f.close();
        const QString schema =
            qEnvironmentVariable("GC_SOURCE_DIR") + QStringLiteral("/maps/assess-rules.schema.json");
        QProcess p;
        p.start(QStringLiteral("python3"),
                {QStringLiteral("-c"),
                 QStringLiteral(
                     "import json,sys,jsonschema\n"
                     "jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))"),
                 file, schema});
        if (!p.waitForFinished(60000))
            qFatal("python3 did not finish");
        const QByteArray err = p.readAllStandardError();
        if (err.contains("ModuleNotFoundError"))
            qFatal("python3-jsonschema is required (scripts/setup.sh installs it)");
        return p.exitCode() == 0;
    }

private Q_SLOTS:
    void defaultRulesParseAndPassTheSchema() {
        QString error;
        const auto rules = AssessRules::parse(AssessRules::defaultJson(), &error);
        QVERIFY2(rules, qPrintable(error));
        QCOMPARE(rules->items.size(), 11);
        QCOMPARE(rules->duty.start, QTime(8, 30));
        QCOMPARE(rules->arrivalLimit(TicketPriority::Urgent), 10);
        QCOMPARE(rules->arrivalLimit(TicketPriority::Low), 30);
        QCOMPARE(rules->coverageRadiusM, 30.0);
        QVERIFY(schemaAccepts(AssessRules::defaultJson()));
    }

    void refusalsNameTheField_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("names");
        QTest::addColumn<bool>("schemaRefusesToo");
        QTest::newRow("unknown item kind")
            << bytes(withItemField(0, QStringLiteral("kind"), QStringLiteral("smiles"))) << "items[0].kind"
            << true;
        QTest::newRow("unknown field")
            << bytes(withItemField(2, QStringLiteral("cpa"), 5)) << "items[2].cpa" << true;
        QTest::newRow("negative cap")
            << bytes(withItemField(1, QStringLiteral("cap"), -5)) << "items[1].cap" << true;
        QTest::newRow("positive floor")
            << bytes(withItemField(8, QStringLiteral("floor"), 3)) << "items[8].floor" << true;
        QTest::newRow("points not a number")
            << bytes(withItemField(0, QStringLiteral("points"), QStringLiteral("x"))) << "items[0].points"
            << true;
        QTest::newRow("end before start")
            << bytes(withDutyField(QStringLiteral("end"), QStringLiteral("08:00"))) << "duty.end" << false;
        QTest::newRow("no such hour")
            << bytes(withDutyField(QStringLiteral("start"), QStringLiteral("25:00"))) << "duty.start" << true;
        QTest::newRow("day eight") << bytes(withDutyField(QStringLiteral("days"), QJsonArray{1, 8}))
                                   << "duty.days" << true;
        QTest::newRow("no duty days")
            << bytes(withDutyField(QStringLiteral("days"), QJsonArray{})) << "duty.days" << true;
        QJsonObject duplicate = defaults();
        QJsonArray items = duplicate.value(QStringLiteral("items")).toArray();
        items << items[0];
        duplicate.insert(QStringLiteral("items"), items);
        QTest::newRow("duplicate id") << bytes(duplicate) << "items[11].id" << false;
    }
    void refusalsNameTheField() {
        QFETCH(QByteArray, json);
        QFETCH(QString, names);
        QFETCH(bool, schemaRefusesToo);
        QString error;
        QVERIFY(!AssessRules::parse(json, &error));
        QVERIFY2(error.contains(names), qPrintable(error));
        QVERIFY(!error.contains(QLatin1Char('\n')));
        // The schema says the same wherever a schema can say it.
        QCOMPARE(!schemaAccepts(json), schemaRefusesToo);
    }

    // Cap 10 points, five lines of 3: 3, 3, 3, 1, 0 — the line that crosses the cap gets the rest.
    void capsHoldLineByLine() {
        QList<AssessLine> lines{line(300), line(300), line(300), line(300), line(300)};
        QCOMPARE(applyCapAndFloor(lines, 10.0, std::nullopt), 1000);
        const QList<qint64> expected{300, 300, 300, 100, 0};
        for (int i = 0; i < lines.size(); ++i)
            QCOMPARE(lines[i].centipoints, expected[i]);
        QVERIFY(!lines[2].capped() && lines[3].capped() && lines[4].capped());
    }

    // 扣完为止: seven deductions of 2 with a floor of −10 take 10 and no more.
    void floorsHoldLineByLine() {
        QList<AssessLine> lines(7, line(-200));
        QCOMPARE(applyCapAndFloor(lines, std::nullopt, -10.0), -1000);
        qint64 sum = 0;
        for (const AssessLine& l : lines)
            sum += l.centipoints;
        QCOMPARE(sum, -1000);
        QCOMPARE(lines[4].centipoints, -200);
        QCOMPARE(lines[5].centipoints, 0);
        // Mixed: once at the floor, a gain lifts the item again (the running total never leaves the band).
        QList<AssessLine> mixed{line(-800), line(-800), line(300)};
        QCOMPARE(applyCapAndFloor(mixed, 5.0, -10.0), -700);
        QCOMPARE(mixed[1].centipoints, -200);
    }

    // Window 08:30–08:50 (20 minutes), fixes at 08:29 and 08:40, fresh for 5 minutes. By hand: minute
    // 08:30 … 08:34 see the 08:29 fix (1–5 min old): 5; 08:35 … 08:39 see nothing fresh: 0; 08:40 …
    // 08:45 see the 08:40 fix (0–5 min old): 6; 08:46 … 08:49: 0. Online 11 of 20.
    void onlineMinutesByHand() {
        const qint64 t0 = 1795000000 - 1795000000 % 60;
        QCOMPARE(onlineMinutes({t0 - 60, t0 + 600}, t0, t0 + 1200, 5), 11);
        QCOMPARE(onlineMinutes({}, t0, t0 + 1200, 5), 0);
        // A fix after the window does not light minutes before it.
        QCOMPARE(onlineMinutes({t0 + 1300}, t0, t0 + 1200, 5), 0);
    }

    // Limits: normal 10 min, low 30 min (default rules). By hand, per case below.
    void arrivalCompliance() {
        QString error;
        const auto rules = AssessRules::parse(AssessRules::defaultJson(), &error);
        QVERIFY(rules);
        const qint64 t = 1795000000;
        const QList<WorkEvent> events{
            workEvent(1, 100, 7, TicketAction::AssignCheck, t),
            workEvent(2, 100, 7, TicketAction::Arrive, t + 570), // 9.5: on time
            workEvent(3, 101, 7, TicketAction::AssignCheck, t),
            workEvent(4, 101, 7, TicketAction::Arrive, t + 600), // 10.0: on time
            workEvent(5, 102, 7, TicketAction::AssignCheck, t),
            workEvent(6, 102, 7, TicketAction::Arrive, t + 601), // late
            workEvent(7, 103, 7, TicketAction::AssignCheck, t),  // never
            // Replaced before arriving: dropped; the new worker arrives on time.
            workEvent(8, 104, 7, TicketAction::AssignCheck, t),
            workEvent(9, 104, 8, TicketAction::AssignCheck, t + 300),
            workEvent(10, 104, 8, TicketAction::Arrive, t + 800),
            // Low priority: 25 minutes is within 30.
            workEvent(11, 105, 8, TicketAction::AssignCheck, t, TicketPriority::Low),
            workEvent(12, 105, 8, TicketAction::Arrive, t + 1500, TicketPriority::Low),
        };
        const QList<ArrivalRecord> r = pairArrivals(events, *rules);
        QCOMPARE(r.size(), 6);
        QHash<qint64, ArrivalRecord> byTicket;
        for (const ArrivalRecord& a : r)
            byTicket.insert(a.ticketId, a);
        QVERIFY(byTicket[100].onTime());
        QCOMPARE(byTicket[100].minutes(), 9.5);
        QVERIFY(byTicket[101].onTime());
        QVERIFY(!byTicket[102].onTime() && byTicket[102].arrived());
        QVERIFY(!byTicket[103].arrived());
        QVERIFY(!byTicket[103].overdue(t + 600) && byTicket[103].overdue(t + 601));
        QCOMPARE(byTicket[104].workerId, 8);
        QVERIFY(byTicket[104].onTime());
        QCOMPARE(byTicket[105].limitMin, 30);
        QVERIFY(byTicket[105].onTime());
    }
};

QTEST_GUILESS_MAIN(TestAssessRules)
#include "tst_assessrules.moc"
