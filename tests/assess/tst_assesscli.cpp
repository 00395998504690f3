// gridctl assess, explain, adjust, coverage and arrivals driven as a process on a demo county: the
// JSON contract, explanations adding up for every worker, refusals as one line with nothing
// changed, and sqlite3 as the second reader of fixes, adjustments and arrival times.
#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

class TestAssessCli : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_county;
    const QString m_now = QStringLiteral("2026-11-27T18:00:00+08:00");

    struct Result {
        int code = -1;
        QByteArray out;
        QString err;
    };

    static Result run(const QString& program, const QStringList& args) {
        QProcess p;
        p.start(program, args);
        Result r;
        if (!p.waitForFinished(600000))
            return r;
        r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = p.readAllStandardOutput();
        r.err = QString::fromUtf8(p.readAllStandardError()).trimmed();
        return r;
    }
    Result gridctl(QStringList args) {
        args << QStringLiteral("--now") << m_now;
        return run(qEnvironmentVariable("GRIDCTL"), args);
    }
    QString sqlite(const QString& sql) {
        const QString sqlite3 = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
        if (sqlite3.isEmpty())
            qFatal("sqlite3 is required (scripts/setup.sh installs it)");
        return QString::fromUtf8(run(sqlite3, {QStringLiteral("-readonly"), m_county, sql}).out).trimmed();
    }
    static QJsonArray array(const Result& r) { return QJsonDocument::fromJson(r.out).array(); }
    static void verifyRefused(const Result& r, const QString& mentions) {
        QVERIFY2(r.code != 0, qPrintable(r.err));
        QVERIFY2(!r.err.isEmpty() && !r.err.contains(QLatin1Char('\n')), qPrintable(r.err));
        QVERIFY2(r.err.contains(mentions), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }
    QByteArray hashOfCounty() {
        QFile f(m_county);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
    }
    QJsonArray ranking() {
        const Result r = gridctl({QStringLiteral("assess"), m_county, QStringLiteral("--period"),
                                  QStringLiteral("2026-11"), QStringLiteral("--json")});
        if (r.code != 0)
            qWarning() << r.err;
        return array(r);
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(!qEnvironmentVariableIsEmpty("GRIDCTL"), "GRIDCTL must point to the gridctl binary");
        m_county = m_dir.filePath(QStringLiteral("c.gpkg"));
        const Result r = run(qEnvironmentVariable("GRIDCTL"),
                             {QStringLiteral("demo"), QStringLiteral("--out"), m_county,
                              QStringLiteral("--grids"), QStringLiteral("40"), QStringLiteral("--tickets"),
                              QStringLiteral("1500"), QStringLiteral("--seed"), QStringLiteral("5"),
                              QStringLiteral("--now"), m_now, QStringLiteral("--quiet")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
    }

    void rankingFollowsTheContract() {
        const QJsonArray all = ranking();
        QCOMPARE(all.size(), sqlite(QStringLiteral("SELECT count(*) FROM workers")).toInt());
        int lastRank = 0;
        double lastPoints = 1e9, top = -1e9, bottom = 1e9;
        for (const QJsonValue& v : all) {
            const QJsonObject w = v.toObject();
            for (const char* key : {"worker", "name", "grids", "points", "rank", "items"})
                QVERIFY2(w.contains(QLatin1String(key)), key);
            QVERIFY(w.value(QStringLiteral("rank")).toInt() >= lastRank);
            QVERIFY(w.value(QStringLiteral("points")).toDouble() <= lastPoints);
            lastRank = w.value(QStringLiteral("rank")).toInt();
            lastPoints = w.value(QStringLiteral("points")).toDouble();
            top = std::max(top, lastPoints);
            bottom = std::min(bottom, lastPoints);
            double sum = 0;
            for (const QJsonValue& i : w.value(QStringLiteral("items")).toArray()) {
                const QJsonObject item = i.toObject();
                for (const char* key : {"item", "count", "points", "capped"})
                    QVERIFY2(item.contains(QLatin1String(key)), key);
                sum += item.value(QStringLiteral("points")).toDouble();
            }
            QVERIFY(std::abs(sum - lastPoints) < 0.005);
        }
        // Patrol tickets are credited to their grid's worker: somebody has reports and 网格内办结.
        QSet<QString> credited;
        for (const QJsonValue& v : all)
            for (const QJsonValue& i : v.toObject().value(QStringLiteral("items")).toArray())
                if (i.toObject().value(QStringLiteral("count")).toInt() > 0)
                    credited.insert(i.toObject().value(QStringLiteral("item")).toString());
        for (const char* item : {"checkins", "reports", "self_resolved", "onsite", "online", "coverage"})
            QVERIFY2(credited.contains(QLatin1String(item)), item);
        // The demo's habits give the ranking real spread.
        QVERIFY2(top - bottom > 10, qPrintable(QStringLiteral("%1 … %2").arg(bottom).arg(top)));
    }

    // For every worker, the points of `assess explain` add up to `assess`, and every line's event is
    // a recorded row.
    void explainAddsUpForEveryWorker() {
        const QJsonArray all = ranking();
        QVERIFY(!all.isEmpty());
        for (const QJsonValue& v : all) {
            const QJsonObject w = v.toObject();
            const QString id = QString::number(w.value(QStringLiteral("worker")).toInteger());
            const Result r = gridctl({QStringLiteral("assess"), QStringLiteral("explain"), m_county,
                                      QStringLiteral("--worker"), id, QStringLiteral("--period"),
                                      QStringLiteral("2026-11"), QStringLiteral("--json")});
            QVERIFY2(r.code == 0, qPrintable(r.err));
            double sum = 0;
            for (const QJsonValue& l : array(r)) {
                const QJsonObject line = l.toObject();
                QVERIFY(line.contains(QStringLiteral("item")) && line.contains(QStringLiteral("event")));
                const QJsonObject event = line.value(QStringLiteral("event")).toObject();
                QVERIFY(event.contains(QStringLiteral("kind")) && event.contains(QStringLiteral("id")) &&
                        event.contains(QStringLiteral("at")));
                sum += line.value(QStringLiteral("points")).toDouble();
            }
            QVERIFY2(std::abs(sum - w.value(QStringLiteral("points")).toDouble()) < 0.005,
                     qPrintable(QStringLiteral("worker %1: %2 vs %3")
                                    .arg(id)
                                    .arg(sum)
                                    .arg(w.value(QStringLiteral("points")).toDouble())));
        }
        // A check-in line's event is the check-in row sqlite3 finds for that worker.
        const QString first =
            QString::number(all.first().toObject().value(QStringLiteral("worker")).toInteger());
        const Result r = gridctl({QStringLiteral("assess"), QStringLiteral("explain"), m_county,
                                  QStringLiteral("--worker"), first, QStringLiteral("--period"),
                                  QStringLiteral("2026-11"), QStringLiteral("--json")});
        for (const QJsonValue& l : array(r)) {
            const QJsonObject event = l.toObject().value(QStringLiteral("event")).toObject();
            if (event.value(QStringLiteral("kind")).toString() == QLatin1String("checkin"))
                QCOMPARE(sqlite(QStringLiteral("SELECT worker_id FROM checkins WHERE id = %1")
                                    .arg(event.value(QStringLiteral("id")).toInteger())),
                         first);
        }
    }

    void refusalsChangeNothing() {
        const QString worker = sqlite(QStringLiteral("SELECT min(id) FROM workers"));
        const QByteArray before = hashOfCounty();
        verifyRefused(gridctl({QStringLiteral("assess"), QStringLiteral("adjust"), m_county,
                               QStringLiteral("--worker"), worker, QStringLiteral("--points"),
                               QStringLiteral("5"), QStringLiteral("--by"), QStringLiteral("督查组")}),
                      QStringLiteral("--reason"));
        verifyRefused(gridctl({QStringLiteral("assess"), QStringLiteral("adjust"), m_county,
                               QStringLiteral("--worker"), QStringLiteral("987654"),
                               QStringLiteral("--points"), QStringLiteral("5"), QStringLiteral("--reason"),
                               QStringLiteral("抽查"), QStringLiteral("--by"), QStringLiteral("督查组")}),
                      QStringLiteral("987654"));
        verifyRefused(gridctl({QStringLiteral("assess"), m_county, QStringLiteral("--period"),
                               QStringLiteral("2026-12"), QStringLiteral("--json")}),
                      QStringLiteral("2026-12"));
        verifyRefused(gridctl({QStringLiteral("assess"), QStringLiteral("explain"), m_county,
                               QStringLiteral("--worker"), QStringLiteral("987654"),
                               QStringLiteral("--period"), QStringLiteral("2026-11")}),
                      QStringLiteral("987654"));
        QCOMPARE(sqlite(QStringLiteral("SELECT count(*) FROM assess_adjustments")), QStringLiteral("0"));
        QCOMPARE(hashOfCounty(), before);
    }

    void adjustmentCountsOnceWithItsReason() {
        const QJsonArray before = ranking();
        const QJsonObject last = before.last().toObject();
        const QString worker = QString::number(last.value(QStringLiteral("worker")).toInteger());
        const Result r =
            gridctl({QStringLiteral("assess"), QStringLiteral("adjust"), m_county, QStringLiteral("--worker"),
                     worker, QStringLiteral("--points"), QStringLiteral("-2.5"), QStringLiteral("--reason"),
                     QStringLiteral("抽查未在岗"), QStringLiteral("--by"), QStringLiteral("督查组"),
                     QStringLiteral("--evidence"), QStringLiteral("photo-17")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(sqlite(QStringLiteral(
                     "SELECT worker_id || '|' || points || '|' || reason || '|' || set_by || '|' || "
                     "evidence FROM assess_adjustments")),
                 QStringLiteral("%1|-2.5|抽查未在岗|督查组|photo-17").arg(worker));
        double after = 0;
        for (const QJsonValue& v : ranking())
            if (QString::number(v.toObject().value(QStringLiteral("worker")).toInteger()) == worker)
                after = v.toObject().value(QStringLiteral("points")).toDouble();
        QVERIFY(std::abs(after - (last.value(QStringLiteral("points")).toDouble() - 2.5)) < 0.005);
    }

    // fixes_used is sqlite3's count of the worker's fixes that day with accuracy ≤ 50 m.
    void coverageCountsWhatSqliteCounts() {
        const QString day = QStringLiteral("2026-11-26");
        const Result r = gridctl(
            {QStringLiteral("coverage"), m_county, QStringLiteral("--date"), day, QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonArray rows = array(r);
        QCOMPARE(rows.size(), sqlite(QStringLiteral("SELECT count(*) FROM worker_grids")).toInt());
        const qint64 from =
            QDateTime(QDate(2026, 11, 26), QTime(0, 0), QTimeZone(8 * 3600)).toSecsSinceEpoch();
        int withFixes = 0;
        double most = 0;
        for (const QJsonValue& v : rows) {
            const QJsonObject o = v.toObject();
            for (const char* key : {"worker", "grid", "covered_share", "fixes_used", "gaps"})
                QVERIFY2(o.contains(QLatin1String(key)), key);
            const double share = o.value(QStringLiteral("covered_share")).toDouble();
            QVERIFY(share >= 0 && share <= 1);
            most = std::max(most, share);
            const QString expected = sqlite(
                QStringLiteral("SELECT count(*) FROM positions WHERE worker_id = %1 AND at >= %2 AND at < %3 "
                               "AND accuracy <= 50")
                    .arg(o.value(QStringLiteral("worker")).toInteger())
                    .arg(from)
                    .arg(from + 86400));
            QCOMPARE(QString::number(o.value(QStringLiteral("fixes_used")).toInt()), expected);
            withFixes += expected.toInt() > 0 ? 1 : 0;
        }
        QVERIFY(withFixes > rows.size() / 2);
        QVERIFY(most > 0.05);
    }

    // Minutes and compliance recomputed from sqlite3's own reading of the two events.
    void arrivalsMatchTheEvents() {
        const Result r = gridctl({QStringLiteral("arrivals"), m_county, QStringLiteral("--from"),
                                  QStringLiteral("2026-11-20"), QStringLiteral("--to"),
                                  QStringLiteral("2026-11-27"), QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonArray rows = array(r);
        QVERIFY(rows.size() >= 3);
        int late = 0, missing = 0;
        for (const QJsonValue& v : rows) {
            const QJsonObject o = v.toObject();
            for (const char* key : {"ticket", "worker", "assigned_at", "arrived_at", "minutes", "on_time"})
                QVERIFY2(o.contains(QLatin1String(key)), key);
            const qint64 ticket = o.value(QStringLiteral("ticket")).toInteger();
            const QStringList times =
                sqlite(QStringLiteral("SELECT (SELECT at FROM ticket_events WHERE ticket_id = %1 AND "
                                      "action = 'assign_check') || '|' || coalesce((SELECT at FROM "
                                      "ticket_events WHERE ticket_id = %1 AND action = 'arrive'), '') "
                                      "|| '|' || (SELECT priority FROM tickets WHERE id = %1)")
                           .arg(ticket))
                    .split(QLatin1Char('|'));
            QCOMPARE(times.size(), 3);
            if (times[1].isEmpty()) {
                QVERIFY(o.value(QStringLiteral("arrived_at")).isNull());
                QVERIFY(!o.value(QStringLiteral("on_time")).toBool());
                ++missing;
                continue;
            }
            const double minutes = (times[1].toLongLong() - times[0].toLongLong()) / 60.0;
            QVERIFY(std::abs(o.value(QStringLiteral("minutes")).toDouble() - minutes) < 0.051);
            const int limit = times[2] == QLatin1String("low") ? 30 : 10; // maps/assess-rules.json
            QCOMPARE(o.value(QStringLiteral("on_time")).toBool(), minutes <= limit);
            late += minutes > limit ? 1 : 0;
        }
        qInfo("%d checks, %d late, %d without arrival", int(rows.size()), late, missing);
    }
};

QTEST_GUILESS_MAIN(TestAssessCli)
#include "tst_assesscli.moc"
