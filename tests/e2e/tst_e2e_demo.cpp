// End to end: `gridctl demo` writes a county that GDAL's own ogrinfo reads, with
// exactly N grids tiling the county outline (checked by GDAL's SQL, not by our code).
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <cmath>

class TestE2eDemo : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_county;

    static QString run(const QString& program, const QStringList& args, int* exitCode = nullptr) {
        QProcess p;
        p.start(program, args);
        if (!p.waitForFinished(300000))
            qWarning() << program << "did not finish";
        if (exitCode)
            *exitCode = p.exitCode();
        return QString::fromUtf8(p.readAllStandardOutput()) + QString::fromUtf8(p.readAllStandardError());
    }
    static double number(const QString& text, const QString& field) {
        const QRegularExpression re(field + QStringLiteral(R"(\s*\(\w+\)\s*=\s*([-0-9.eE+]+))"));
        const auto m = re.match(text);
        return m.hasMatch() ? m.captured(1).toDouble() : qQNaN();
    }
    QString ogrSql(const QString& sql) {
        return run(QStringLiteral("ogrinfo"),
                   {QStringLiteral("-q"), QStringLiteral("-dialect"), QStringLiteral("SQLite"),
                    QStringLiteral("-sql"), sql, m_county});
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(!qEnvironmentVariableIsEmpty("GRIDCTL"), "GRIDCTL must point to the gridctl binary");
        m_county = m_dir.filePath(QStringLiteral("c.gpkg"));
        int code = -1;
        const QString out = run(qEnvironmentVariable("GRIDCTL"),
                                {QStringLiteral("demo"), QStringLiteral("--out"), m_county,
                                 QStringLiteral("--grids"), QStringLiteral("1035"), QStringLiteral("--seed"),
                                 QStringLiteral("7"), QStringLiteral("--quiet")},
                                &code);
        QVERIFY2(code == 0, qPrintable(out));
    }

    void ogrinfoOpensEveryLevel() {
        int code = -1;
        const QString out =
            run(QStringLiteral("ogrinfo"), {QStringLiteral("-so"), QStringLiteral("-al"), m_county}, &code);
        QCOMPARE(code, 0);
        for (const char* layer :
             {"grid_county", "grid_street", "grid_community", "grid_grid", "grid_building"})
            QVERIFY2(out.contains(QLatin1String("Layer name: ") + QLatin1String(layer)), layer);
        QVERIFY(out.contains(QStringLiteral("ID[\"EPSG\",4490]")));
        const QRegularExpression gridCount(
            QStringLiteral(R"(Layer name: grid_grid[\s\S]*?Feature Count: (\d+))"));
        QCOMPARE(gridCount.match(out).captured(1).toInt(), 1035);
        // Chinese names survive as UTF-8.
        const QString names =
            ogrSql(QStringLiteral("SELECT name FROM grid_grid WHERE name LIKE '%第1网格' LIMIT 1"));
        QVERIFY2(names.contains(QStringLiteral("第1网格")), qPrintable(names));
    }

    void gridsTileTheCounty() {
        // Independent check with GDAL's SQLite dialect (SpatiaLite functions): the union of
        // the grids against the county outline, and the sum of areas against the union.
        const QString out = ogrSql(QStringLiteral("SELECT (SELECT ST_Area(geom) FROM grid_county) AS county, "
                                                  "(SELECT sum(ST_Area(geom)) FROM grid_grid) AS summed, "
                                                  "ST_Area(ST_SymDifference((SELECT ST_Union(geom) FROM "
                                                  "grid_grid), (SELECT geom FROM grid_county))) AS diff"));
        const double county = number(out, QStringLiteral("county"));
        const double summed = number(out, QStringLiteral("summed"));
        const double diff = number(out, QStringLiteral("diff"));
        QVERIFY2(county > 0 && !qIsNaN(summed) && !qIsNaN(diff), qPrintable(out));
        QVERIFY2(diff / county < 1e-4, qPrintable(out));                  // gaps: ≤ 0.01 %
        QVERIFY2(qAbs(summed - county) / county < 1e-4, qPrintable(out)); // overlaps: ≤ 0.01 %
    }

    void infoAndStats() {
        int code = -1;
        const QString info = run(qEnvironmentVariable("GRIDCTL"),
                                 {QStringLiteral("info"), m_county, QStringLiteral("--json")}, &code);
        QCOMPARE(code, 0);
        QVERIFY(info.contains(QStringLiteral("\"grid\": 1035")));
    }

    // gridctl stats against the KPI definitions of core/Kpi.h written again as SQL and run by the
    // sqlite3 shell on the file: the same numbers, or one of the two is wrong. A period in the
    // middle of the demo's 90 days, so both of its ends cut through tickets.
    void statsMatchTheKpisComputedBySqlite3() {
        const QString sqlite3 = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
        QVERIFY2(!sqlite3.isEmpty(),
                 "sqlite3 missing (Debian package sqlite3, installed by scripts/setup.sh)");
        const QTimeZone china(8 * 3600); // the county's day boundaries are China time
        const QDate today = QDateTime::currentDateTime().toTimeZone(china).date();
        const QDate first = today.addDays(-60), last = today.addDays(-10);
        int code = -1;
        const QString stats =
            run(qEnvironmentVariable("GRIDCTL"),
                {QStringLiteral("stats"), m_county, QStringLiteral("--from"), first.toString(Qt::ISODate),
                 QStringLiteral("--to"), last.toString(Qt::ISODate), QStringLiteral("--json")},
                &code);
        QCOMPARE(code, 0);
        const QJsonObject k = QJsonDocument::fromJson(stats.toUtf8()).object();
        QVERIFY2(!k.isEmpty(), qPrintable(stats));
        const qint64 from = QDateTime(first, QTime(0, 0), china).toSecsSinceEpoch();
        const qint64 to = QDateTime(last.addDays(1), QTime(0, 0), china).toSecsSinceEpoch();
        const qint64 asOf = QDateTime::currentSecsSinceEpoch();
        // One row per ticket created in [from, to) with the facts the definitions use, then sums.
        const QString sql = QStringLiteral(R"(
WITH t AS (
  SELECT state NOT IN ('merged', 'invalid') AS valid, state, deadline, reopen_count, rating,
         created_at, first_dispatched_at, resolved_at,
         state = 'closed' AND closed_at IS NOT NULL AND closed_at <= %3 AS closed, closed_at,
         resolved_at IS NOT NULL AND resolved_at <= %3 AS resolved
  FROM tickets WHERE created_at >= %1 AND created_at < %2),
v AS (SELECT *, (resolved OR closed OR (state IN ('closed', 'resolved') AND resolved_at IS NULL
                                         AND closed_at IS NULL)) AS finished FROM t WHERE valid)
SELECT (SELECT count(*) FROM v),
       (SELECT count(*) FROM v WHERE closed),
       (SELECT count(*) FROM v WHERE NOT finished),
       (SELECT count(*) FROM v WHERE NOT finished AND deadline IS NOT NULL AND deadline < %3),
       (SELECT count(*) FROM t WHERE state = 'merged'),
       (SELECT count(*) FROM t WHERE state = 'invalid'),
       (SELECT 1.0 * sum(resolved_at <= deadline) / count(*) FROM v WHERE resolved AND deadline IS NOT NULL),
       (SELECT 1.0 * sum(rating = 'satisfied') / sum(reopen_count + (rating = 'satisfied')) FROM v),
       (SELECT 1.0 * sum(reopen_count > 0) / count(*) FROM v),
       (SELECT avg((first_dispatched_at - created_at) / 3600.0) FROM v
          WHERE first_dispatched_at IS NOT NULL AND first_dispatched_at <= %3),
       (SELECT avg((closed_at - created_at) / 3600.0) FROM v WHERE closed);)")
                                .arg(from)
                                .arg(to)
                                .arg(asOf);
        const QStringList row = run(sqlite3, {QStringLiteral("-readonly"), QStringLiteral("-separator"),
                                              QStringLiteral("|"), m_county, sql})
                                    .trimmed()
                                    .split(QLatin1Char('|'));
        QCOMPARE(row.size(), 11);
        const int received = row.at(0).toInt();
        QVERIFY2(received > 100, qPrintable(row.join(u'|'))); // the period really holds tickets
        QCOMPARE(k.value(u"received").toInt(), received);
        QCOMPARE(k.value(u"closed").toInt(), row.at(1).toInt());
        QCOMPARE(k.value(u"open").toInt(), row.at(2).toInt());
        QCOMPARE(k.value(u"overdue").toInt(), row.at(3).toInt());
        QCOMPARE(k.value(u"merged").toInt(), row.at(4).toInt());
        QCOMPARE(k.value(u"invalid").toInt(), row.at(5).toInt());
        const auto near = [&](const char* key, double expected) {
            const double got = k.value(QLatin1String(key)).toDouble(-1);
            QVERIFY2(std::abs(got - expected) <= 0.00006,
                     qPrintable(QStringLiteral("%1: gridctl %2, sqlite3 %3")
                                    .arg(QLatin1String(key))
                                    .arg(got)
                                    .arg(expected)));
        };
        near("closure_rate", row.at(1).toDouble() / received);
        near("on_time_rate", row.at(6).toDouble());
        near("satisfaction_rate", row.at(7).toDouble());
        near("reopen_rate", row.at(8).toDouble());
        near("mean_hours_to_dispatch", row.at(9).toDouble());
        near("mean_hours_to_close", row.at(10).toDouble());
    }

    // `stats --by street|department`: every group's counts again from sqlite3 (a ticket's street found
    // by joining grid → community → street in SQL), and the groups add up to the county's totals.
    void statsByGroupMatchSqlite3() {
        const QString sqlite3 = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
        QVERIFY2(!sqlite3.isEmpty(), "sqlite3 missing (Debian package sqlite3)");
        const QTimeZone china(8 * 3600);
        const QDate today = QDateTime::currentDateTime().toTimeZone(china).date();
        const QDate first = today.addDays(-40), last = today.addDays(-5);
        const qint64 from = QDateTime(first, QTime(0, 0), china).toSecsSinceEpoch();
        const qint64 to = QDateTime(last.addDays(1), QTime(0, 0), china).toSecsSinceEpoch();
        const qint64 asOf = QDateTime::currentSecsSinceEpoch();
        const QString valid = QStringLiteral("t.created_at >= %1 AND t.created_at < %2 AND t.state NOT IN "
                                             "('merged', 'invalid')")
                                  .arg(from)
                                  .arg(to);
        const QString closed = QStringLiteral("t.state = 'closed' AND t.closed_at <= %1").arg(asOf);
        const QMap<QString, QString> groupSql{
            {QStringLiteral("street"),
             QStringLiteral(
                 "SELECT coalesce(s.name, ''), count(*), sum(%1) FROM tickets t "
                 "LEFT JOIN grid_grid g ON g.code = t.grid_code "
                 "LEFT JOIN grid_community c ON c.code = g.parent_code "
                 "LEFT JOIN grid_street s ON s.code = c.parent_code WHERE %2 GROUP BY 1 ORDER BY 1")
                 .arg(closed, valid)},
            {QStringLiteral("department"),
             QStringLiteral(
                 "SELECT coalesce(t.department_code, ''), count(*), sum(%1) FROM tickets t WHERE %2 "
                 "GROUP BY 1 ORDER BY 1")
                 .arg(closed, valid)}};
        for (auto it = groupSql.cbegin(); it != groupSql.cend(); ++it) {
            int code = -1;
            const QString stats =
                run(qEnvironmentVariable("GRIDCTL"),
                    {QStringLiteral("stats"), m_county, QStringLiteral("--from"), first.toString(Qt::ISODate),
                     QStringLiteral("--to"), last.toString(Qt::ISODate), QStringLiteral("--by"), it.key(),
                     QStringLiteral("--json")},
                    &code);
            QCOMPARE(code, 0);
            const QJsonObject k = QJsonDocument::fromJson(stats.toUtf8()).object();
            QMap<QString, std::pair<int, int>> fromGridctl;
            int receivedSum = 0, closedSum = 0;
            for (const QJsonValue& g : k.value(u"groups").toArray()) {
                const QJsonObject row = g.toObject();
                // streets are named, departments keyed by code in the SQL above
                const QString key =
                    it.key() == u"street" ? row.value(u"name").toString() : row.value(u"key").toString();
                fromGridctl.insert(key, {row.value(u"received").toInt(), row.value(u"closed").toInt()});
                receivedSum += row.value(u"received").toInt();
                closedSum += row.value(u"closed").toInt();
            }
            QCOMPARE(receivedSum, k.value(u"received").toInt());
            QCOMPARE(closedSum, k.value(u"closed").toInt());
            QMap<QString, std::pair<int, int>> fromSqlite;
            const QStringList lines = run(sqlite3, {QStringLiteral("-readonly"), QStringLiteral("-separator"),
                                                    QStringLiteral("|"), m_county, it.value()})
                                          .trimmed()
                                          .split(u'\n');
            for (const QString& line : lines) {
                const QStringList f = line.split(u'|');
                QCOMPARE(f.size(), 3);
                fromSqlite.insert(f.at(0), {f.at(1).toInt(), f.at(2).toInt()});
            }
            QVERIFY2(fromSqlite.size() >= 5,
                     qPrintable(lines.join(u';'))); // several groups really hold tickets
            // gridctl names the ungrouped tickets; the SQL leaves them ''.
            if (fromGridctl.contains(QStringLiteral("（未交办）")))
                fromGridctl.insert(QString(), fromGridctl.take(QStringLiteral("（未交办）")));
            QCOMPARE(fromGridctl, fromSqlite);
        }
    }

    void refusesBadInput() {
        int code = -1;
        run(qEnvironmentVariable("GRIDCTL"), {QStringLiteral("demo"), QStringLiteral("--out"), m_county},
            &code);
        QVERIFY(code != 0); // exists: never overwritten
        run(qEnvironmentVariable("GRIDCTL"),
            {QStringLiteral("demo"), QStringLiteral("--out"), m_dir.filePath(QStringLiteral("x.gpkg")),
             QStringLiteral("--grids"), QStringLiteral("90001")},
            &code);
        QCOMPARE(code, 2);
        const QString text = run(qEnvironmentVariable("GRIDCTL"),
                                 {QStringLiteral("info"), QStringLiteral("/nonexistent.gpkg")}, &code);
        QCOMPARE(code, 1);
        QVERIFY(text.startsWith(QStringLiteral("gridctl info: ")));
    }
};

QTEST_GUILESS_MAIN(TestE2eDemo)
#include "tst_e2e_demo.moc"
