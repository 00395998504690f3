// The risk engine on a real county file: every score is the sum of its reasons, indicator values
// agree with SQL counted by hand, overrides lapse by themselves with the history saying why, a burst
// of urgent tickets raises a grid live, and a bad rules file changes nothing.
#include "gc/core/ChinaTime.h"
#include "gc/risk/RiskDemo.h"
#include "gc/risk/RiskService.h"
#include "gc/store/DemoCountyBuilder.h"

#include <QCryptographicHash>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <thread>

using namespace gc;

class TestRiskService : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_template;
    // The demo's `now`: fixed, so the county is the same bytes every run.
    const QDateTime m_now = QDateTime(QDate(2026, 6, 1), QTime(8, 0), chinaTimeZone());

    std::unique_ptr<CountyStore> freshCounty(const QString& name) {
        const QString path = m_dir.filePath(name);
        QFile::remove(path);
        if (!QFile::copy(m_template, path))
            return nullptr;
        QString error;
        auto store = CountyStore::open(path, &error);
        if (!store)
            qWarning() << error;
        return store;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_template = m_dir.filePath(QStringLiteral("template.gpkg"));
        DemoOptions o;
        o.grids = 120;
        o.seed = 11;
        o.now = m_now;
        o.ticketsPerGrid = 6;
        QString error;
        auto store = DemoCountyBuilder::build(m_template, o, &error);
        QVERIFY2(store, qPrintable(error));
        QVERIFY2(RiskDemo::populate(*store, o.seed, m_now, o.historyDays, &error), qPrintable(error));
    }

    // reasons[].points add up to score for every feature of every level, and a grid's band is
    // the band of its score unless a trigger or an override says otherwise.
    void scoreIsTheSumOfReasons() {
        auto store = freshCounty(QStringLiteral("sum.gpkg"));
        QVERIFY(store);
        RiskService risk(*store);
        QString error;
        QVERIFY2(risk.load(&error, m_now), qPrintable(error));
        int grids = 0;
        for (int l = 1; l <= 4; ++l)
            for (const RiskAssessment& a : risk.assessments(static_cast<GridLevel>(l))) {
                double sum = 0;
                for (const RiskReason& r : a.reasons)
                    sum += r.points;
                QVERIFY2(std::fabs(sum - a.score) < 1e-9, qPrintable(a.code));
                if (a.level == GridLevel::Grid) {
                    ++grids;
                    if (a.decidedBy == RiskDecision::Score)
                        QCOMPARE(a.band, risk.rules().bandFor(a.score).level);
                }
            }
        QCOMPARE(grids, 120);
        // The demo is not all one colour: the engine found differences where the tickets are.
        QVERIFY(risk.bandCounts(GridLevel::Grid).value(RiskLevel::Green) < 120);
    }

    // Overdue tickets and weighted 30-day tickets per grid, counted with SQL written here from the
    // rules file's definitions (open = not resolved/closed/merged/invalid; J15 ×4, J ×3, C04 ×2, C ×1).
    void indicatorValuesMatchSql() {
        auto store = freshCounty(QStringLiteral("sql.gpkg"));
        QVERIFY(store);
        RiskService risk(*store);
        QString error;
        QVERIFY2(risk.load(&error, m_now), qPrintable(error));
        const qint64 now = m_now.toSecsSinceEpoch();
        QSqlQuery q(store->database());
        QVERIFY(q.exec(QStringLiteral("SELECT grid_code, "
                                      "sum(CASE WHEN state NOT IN ('resolved','closed','merged','invalid') "
                                      "AND deadline IS NOT NULL "
                                      "AND deadline < %1 THEN 1 ELSE 0 END), "
                                      "sum(CASE WHEN state IN ('merged','invalid') OR created_at < %1 - "
                                      "30*86400 OR created_at > %1 THEN 0 "
                                      "WHEN category LIKE 'J15%' THEN 4 WHEN category LIKE 'J%' THEN 3 WHEN "
                                      "category LIKE 'C04%' THEN 2 "
                                      "ELSE 1 END) FROM tickets GROUP BY grid_code")
                           .arg(now)));
        int checked = 0, overdueSeen = 0;
        while (q.next()) {
            const auto a = risk.assessment(q.value(0).toString());
            QVERIFY(a);
            double overdue = 0, recent = 0;
            for (const RiskReason& r : a->reasons) {
                if (r.indicator == QLatin1String("overdue"))
                    overdue = r.value;
                if (r.indicator == QLatin1String("tickets_30d"))
                    recent = r.value;
            }
            QCOMPARE(overdue, q.value(1).toDouble());
            QCOMPARE(recent, q.value(2).toDouble());
            overdueSeen += overdue > 0;
            ++checked;
        }
        QVERIFY(checked > 50);
        QVERIFY(overdueSeen > 0);
    }

    // An override holds until its end and then lapses by itself: the next evaluation after the end
    // records the change at the end, cause expiry, naming the override.
    void overrideLapsesAtItsEnd() {
        auto store = freshCounty(QStringLiteral("override.gpkg"));
        QVERIFY(store);
        RiskService risk(*store);
        QString error;
        QVERIFY2(risk.load(&error, m_now), qPrintable(error));
        const RiskAssessment before = risk.assessments(GridLevel::Grid).first();
        const QString code = before.code;
        const RiskLevel forced = before.band == RiskLevel::Red ? RiskLevel::Green : RiskLevel::Red;
        const QDateTime end = m_now.addSecs(3600);

        // Refused, nothing written: no reason, no end, an end in the past, an unknown code.
        QVERIFY(!risk.setOverride({code, forced, QString(), QStringLiteral("张三"), end}, &error, m_now));
        QVERIFY(!risk.setOverride({code, forced, QStringLiteral("汛期"), QStringLiteral("张三"), {}}, &error,
                                  m_now));
        QVERIFY(!risk.setOverride(
            {code, forced, QStringLiteral("汛期"), QStringLiteral("张三"), m_now.addSecs(-1)}, &error,
            m_now));
        QVERIFY(!risk.setOverride(
            {QStringLiteral("999999999999999"), forced, QStringLiteral("汛期"), QStringLiteral("张三"), end},
            &error, m_now));
        RiskHistoryFilter f;
        f.code = code;
        f.from = m_now;
        QVERIFY(risk.history(f).isEmpty());

        QSignalSpy changed(&risk, &RiskService::bandsChanged);
        QVERIFY2(risk.setOverride({code, forced, QStringLiteral("汛期排查"), QStringLiteral("张三"), end},
                                  &error, m_now),
                 qPrintable(error));
        QCOMPARE(risk.assessment(code)->band, forced);
        QVERIFY(risk.assessment(code)->overridden());
        QCOMPARE(risk.bandsAt(m_now).value(code), forced);
        QCOMPARE(changed.size(), 1);
        // Still in force a second before the end.
        QVERIFY(risk.recomputeAll(&error, end.addSecs(-1)));
        QCOMPARE(risk.assessment(code)->band, forced);

        // An hour after the end, nobody having touched it.
        QVERIFY2(risk.recomputeAll(&error, end.addSecs(3600)), qPrintable(error));
        QVERIFY(!risk.assessment(code)->overridden());
        const QList<RiskChange> h = risk.history(f);
        QVERIFY(h.size() >= 2);
        const RiskChange lapse = h.first(); // newest first
        QCOMPARE(lapse.cause, RiskChangeCause::Expiry);
        QCOMPARE(lapse.at, end);
        QCOMPARE(lapse.from, forced);
        QCOMPARE(lapse.to, risk.assessment(code)->band);
        QVERIFY2(lapse.note.contains(QStringLiteral("汛期排查")), qPrintable(lapse.note));
        QCOMPARE(h.at(1).cause, RiskChangeCause::Override);
        // The lapse is recorded once, not again at the next evaluation.
        QVERIFY(risk.recomputeAll(&error, end.addSecs(7200)));
        int expiries = 0;
        for (const RiskChange& c : risk.history(f))
            expiries += c.cause == RiskChangeCause::Expiry;
        QCOMPARE(expiries, 1);

        // A second process opening the county sees the same.
        RiskService again(*store);
        QVERIFY(again.load(&error, end.addSecs(7300)));
        QVERIFY(!again.assessment(code)->overridden());
    }

    // Synthetic events: three urgent 突发事件 in one calm grid; the incremental update alone (no
    // full recompute) raises it to at least orange and signals the change.
    void burstOfUrgentTicketsRaisesTheGridLive() {
        auto store = freshCounty(QStringLiteral("burst.gpkg"));
        QVERIFY(store);
        RiskService risk(*store);
        QString error;
        QVERIFY2(risk.load(&error, m_now), qPrintable(error));
        QString calm;
        for (const RiskAssessment& a : risk.assessments(GridLevel::Grid))
            if (a.band <= RiskLevel::Blue && !a.overridden()) {
                calm = a.code;
                break;
            }
        QVERIFY(!calm.isEmpty());
        QSignalSpy changed(&risk, &RiskService::bandsChanged);
        QList<qint64> ids;
        for (int i = 0; i < 3; ++i) {
            Ticket t;
            t.category = QStringLiteral("C0403"); // 燃气管道泄漏
            t.priority = TicketPriority::Urgent;
            t.source = TicketSource::Patrol;
            t.gridCode = calm;
            t.title = QStringLiteral("燃气泄漏");
            t.createdAt = m_now.addSecs(60 * i);
            const auto id = store->createTicket(t, QStringLiteral("网格员"), &error);
            QVERIFY2(id, qPrintable(error));
            ids << *id;
        }
        QVERIFY2(risk.updateForTickets(ids, &error, m_now.addSecs(600)), qPrintable(error));
        const auto a = risk.assessment(calm);
        QVERIFY(a->band >= RiskLevel::Orange);
        QCOMPARE(a->decidedBy == RiskDecision::Trigger || a->scoreBand >= RiskLevel::Orange, true);
        QVERIFY(changed.size() >= 1);
        const auto changes = changed.last().first().value<QList<RiskChange>>();
        QCOMPARE(changes.first().code, calm);
        QCOMPARE(changes.first().cause, RiskChangeCause::Data);
        // The map's attribute is written: a second reader sees the new band.
        QSqlQuery q(store->database());
        QVERIFY(q.exec(QStringLiteral("SELECT risk_level FROM grid_grid WHERE code = '%1'").arg(calm)) &&
                q.next());
        QCOMPARE(q.value(0).toString(), RiskLevels::key(a->band));
        // 72 hours later the trigger no longer holds: the band falls back through a recompute.
        QVERIFY(risk.recomputeAll(&error, m_now.addDays(4)));
        QVERIFY(risk.assessment(calm)->triggers.isEmpty() ||
                risk.assessment(calm)->triggers.first().id != QLatin1String("urgent_incident"));
    }

    // The stored full pass: reused while nothing changed and the clock has not reached a boundary,
    // and never an answer that differs from reading the facts again. The second reader is a service
    // on a copy of the county whose stored pass is deleted before every step.
    void storedPassNeverDiffersFromAFreshPass() {
        auto store = freshCounty(QStringLiteral("snap.gpkg"));
        QVERIFY(store);
        QString error;
        RiskService risk(*store);
        QVERIFY2(risk.load(&error, m_now), qPrintable(error));
        const auto computedAt = [&] {
            QSqlQuery q(store->database());
            return q.exec(QStringLiteral("SELECT computed_at FROM risk_snapshot")) && q.next()
                       ? q.value(0).toLongLong()
                       : -1;
        };
        QCOMPARE(computedAt(), m_now.toSecsSinceEpoch());
        // One second later nothing in a 120-grid county crosses a boundary: the stored pass serves.
        QVERIFY2(risk.recomputeAll(&error, m_now.addSecs(1)), qPrintable(error));
        QCOMPARE(computedAt(), m_now.toSecsSinceEpoch());
        int recomputed = 0;
        for (const qint64 step : {60ll, 3600ll, 6 * 3600ll, 86400ll, 3 * 86400ll, 4 * 86400ll, 9 * 86400ll}) {
            const QDateTime t = m_now.addSecs(step);
            QVERIFY2(risk.recomputeAll(&error, t), qPrintable(error));
            recomputed += computedAt() == t.toSecsSinceEpoch();
            const QString copy = m_dir.filePath(QStringLiteral("snap-fresh.gpkg"));
            QFile::remove(copy);
            QVERIFY(QFile::copy(store->path(), copy));
            auto fresh = CountyStore::open(copy, &error);
            QVERIFY2(fresh, qPrintable(error));
            QVERIFY(QSqlQuery(fresh->database()).exec(QStringLiteral("DELETE FROM risk_snapshot")));
            RiskService truth(*fresh);
            QVERIFY2(truth.load(&error, t), qPrintable(error));
            const QList<RiskAssessment> expected = truth.assessments(GridLevel::Grid);
            const QList<RiskAssessment> actual = risk.assessments(GridLevel::Grid);
            QCOMPARE(actual.size(), expected.size());
            for (int i = 0; i < actual.size(); ++i) {
                QCOMPARE(actual[i].code, expected[i].code);
                QVERIFY2(std::fabs(actual[i].score - expected[i].score) < 1e-9,
                         qPrintable(QStringLiteral("%1 at +%2 s: %3 vs %4")
                                        .arg(actual[i].code)
                                        .arg(step)
                                        .arg(actual[i].score)
                                        .arg(expected[i].score)));
                QCOMPARE(actual[i].band, expected[i].band);
            }
        }
        // Days apart, tickets age past thresholds and leave windows: the pass was read again.
        QVERIFY(recomputed >= 3);
        // A ticket written behind the service's back (the triggers count every writer) is seen.
        QSqlQuery q(store->database());
        QVERIFY(q.exec(QStringLiteral("SELECT value FROM gc_meta WHERE key = 'risk_inputs_version'")) &&
                q.next());
        const qint64 before = q.value(0).toLongLong();
        QVERIFY(q.exec(QStringLiteral("UPDATE tickets SET reopen_count = reopen_count + 1 WHERE id = 1")));
        QVERIFY(q.exec(QStringLiteral("SELECT value FROM gc_meta WHERE key = 'risk_inputs_version'")) &&
                q.next());
        QCOMPARE(q.value(0).toLongLong(), before + 1);
    }

    // The window's way of loading: prepare() on another thread with a read-only store of its own
    // (the county's bytes untouched), adopt() on this one. The result is load()'s, feature by
    // feature and band by band in the file; load() on a copy of the same county is the reference.
    void preparedOffThreadThenAdoptedEqualsLoad() {
        auto reference = freshCounty(QStringLiteral("adopt-reference.gpkg"));
        QVERIFY(reference);
        QString error;
        RiskService loaded(*reference);
        QVERIFY2(loaded.load(&error, m_now), qPrintable(error));

        const QString path = m_dir.filePath(QStringLiteral("adopt.gpkg"));
        QFile::remove(path);
        QVERIFY(QFile::copy(m_template, path));
        {
            auto migrate = CountyStore::open(path, &error); // brought to the current schema first
            QVERIFY2(migrate, qPrintable(error));
        }
        const auto hash = [&] {
            QFile f(path);
            return f.open(QIODevice::ReadOnly)
                       ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256)
                       : QByteArray();
        };
        const QByteArray before = hash();
        std::shared_ptr<RiskService::Prepared> prepared;
        QString threadError;
        std::thread worker([&] {
            auto store = CountyStore::open(path, &threadError, CountyStore::Access::ReadOnly);
            if (store)
                prepared = RiskService::prepare(*store, &threadError, m_now);
        });
        worker.join();
        QVERIFY2(prepared, qPrintable(threadError));
        QCOMPARE(hash(), before);

        auto store = CountyStore::open(path, &error);
        QVERIFY2(store, qPrintable(error));
        RiskService adopted(*store);
        QVERIFY(!adopted.isLoaded());
        QVERIFY2(adopted.adopt(prepared, &error), qPrintable(error));
        QVERIFY(adopted.isLoaded());
        for (int l = 1; l <= static_cast<int>(GridLevel::Grid); ++l) {
            const auto level = static_cast<GridLevel>(l);
            const QList<RiskAssessment> expected = loaded.assessments(level);
            const QList<RiskAssessment> actual = adopted.assessments(level);
            QCOMPARE(actual.size(), expected.size());
            for (int i = 0; i < actual.size(); ++i) {
                QCOMPARE(actual[i].code, expected[i].code);
                QVERIFY(std::fabs(actual[i].score - expected[i].score) < 1e-9);
                QCOMPARE(actual[i].band, expected[i].band);
            }
            const auto bands = [&](const CountyStore& s) {
                QSqlQuery q(s.database());
                QStringList out;
                q.exec(QStringLiteral("SELECT code || risk_level FROM %1 ORDER BY code")
                           .arg(GridLevels::tableName(level)));
                while (q.next())
                    out << q.value(0).toString();
                return out;
            };
            QCOMPARE(bands(*store), bands(*reference));
        }
    }

    // A refused rules file leaves the county's rules and bands as they were; a good one is stored
    // and its band changes are recorded with cause rules.
    void rulesFileReplacement() {
        auto store = freshCounty(QStringLiteral("rules.gpkg"));
        QVERIFY(store);
        RiskService risk(*store);
        QString error;
        QVERIFY2(risk.load(&error, m_now), qPrintable(error));
        const QByteArray before = risk.rules().json();
        QByteArray bad = before;
        bad.replace("{\"level\": \"blue\", \"min\": 10, \"max\": 25}",
                    "{\"level\": \"blue\", \"min\": 12, \"max\": 25}");
        QVERIFY(bad != before);
        QVERIFY(!risk.setRules(bad, false, nullptr, &error, QStringLiteral("张三"), m_now));
        QVERIFY2(error.contains(QStringLiteral("缺口 [10, 12)")), qPrintable(error));
        QCOMPARE(risk.rules().json(), before);
        QVERIFY(!RiskStore(*store).rulesJson());

        // Stricter: everything from 5 points is at least blue.
        QByteArray stricter = before;
        stricter.replace("{\"level\": \"green\", \"min\": 0, \"max\": 10}",
                         "{\"level\": \"green\", \"min\": 0, \"max\": 5}");
        stricter.replace("{\"level\": \"blue\", \"min\": 10, \"max\": 25}",
                         "{\"level\": \"blue\", \"min\": 5, \"max\": 25}");
        QList<RiskChange> dry;
        QVERIFY2(risk.setRules(stricter, true, &dry, &error, QStringLiteral("张三"), m_now),
                 qPrintable(error));
        QVERIFY(!dry.isEmpty());
        QCOMPARE(risk.rules().json(), before); // dry run: nothing changed
        QVERIFY(!RiskStore(*store).rulesJson());
        QList<RiskChange> applied;
        QVERIFY(risk.setRules(stricter, false, &applied, &error, QStringLiteral("张三"), m_now));
        QCOMPARE(applied.size(), dry.size());
        QCOMPARE(*RiskStore(*store).rulesJson(), stricter);
        for (const RiskChange& c : applied)
            QCOMPARE(c.cause, RiskChangeCause::Rules);
    }

    // The replay: the county's bands at a past moment, undone from the history, equal what the
    // engine computed then (the demo's replay wrote each day's changes).
    void bandsAtAPastMoment() {
        auto store = freshCounty(QStringLiteral("replay.gpkg"));
        QVERIFY(store);
        RiskService risk(*store);
        QString error;
        QVERIFY2(risk.load(&error, m_now), qPrintable(error));
        const QDateTime past = m_now.addDays(-30);
        const QHash<QString, RiskLevel> replayed = risk.bandsAt(past);
        // A second county copy, assessed at that moment from the tickets as they stood then
        // (states rebuilt from the event log), gives the same colours for the grids.
        auto other = freshCounty(QStringLiteral("replay2.gpkg"));
        RiskService then(*other);
        QVERIFY(then.load(&error, m_now.addDays(-90)));
        QVERIFY(then.replayHistory({past}, &error));
        int compared = 0;
        for (const RiskAssessment& a : then.assessments(GridLevel::Grid)) {
            QCOMPARE(replayed.value(a.code), a.band);
            ++compared;
        }
        QCOMPARE(compared, 120);
    }
};

QTEST_GUILESS_MAIN(TestRiskService)
#include "tst_riskservice.moc"
