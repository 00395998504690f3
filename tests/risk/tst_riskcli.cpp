// gridctl risk, hotspots and keyplaces driven as a process: the JSON contract, one line and a
// non-zero exit for every refusal with the county unchanged (checked with sqlite3), and the
// demo's colours written by the engine.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

class TestRiskCli : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_county;

    struct Result {
        int code = -1;
        QByteArray out;
        QString err;
    };

    static Result run(const QString& program, const QStringList& args,
                      const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment()) {
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(program, args);
        Result r;
        if (!p.waitForFinished(300000))
            return r;
        r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = p.readAllStandardOutput();
        r.err = QString::fromUtf8(p.readAllStandardError()).trimmed();
        return r;
    }
    static Result gridctl(const QStringList& args) { return run(qEnvironmentVariable("GRIDCTL"), args); }
    // A second reader: sqlite3's own answer.
    QString sqlite(const QString& sql) {
        const QString sqlite3 = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
        if (sqlite3.isEmpty())
            qFatal("sqlite3 is required (scripts/setup.sh installs it)");
        return QString::fromUtf8(run(sqlite3, {QStringLiteral("-readonly"), m_county, sql}).out).trimmed();
    }
    // A second writer: sqlite3 changing the county behind gridctl's back.
    void sqliteWrite(const QString& sql) {
        const Result r = run(QStandardPaths::findExecutable(QStringLiteral("sqlite3")), {m_county, sql});
        QVERIFY2(r.code == 0, qPrintable(r.err));
    }
    static QJsonArray array(const Result& r) { return QJsonDocument::fromJson(r.out).array(); }

    // A refusal: non-zero, exactly one line on stderr, nothing on stdout.
    static void verifyRefused(const Result& r, const QString& mentions) {
        QVERIFY2(r.code != 0, qPrintable(r.err));
        QVERIFY2(!r.err.isEmpty() && !r.err.contains(QLatin1Char('\n')), qPrintable(r.err));
        QVERIFY2(r.err.contains(mentions), qPrintable(r.err));
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(!qEnvironmentVariableIsEmpty("GRIDCTL"), "GRIDCTL must point to the gridctl binary");
        m_county = m_dir.filePath(QStringLiteral("c.gpkg"));
        const Result r =
            gridctl({QStringLiteral("demo"), QStringLiteral("--out"), m_county, QStringLiteral("--grids"),
                     QStringLiteral("150"), QStringLiteral("--tickets"), QStringLiteral("900"),
                     QStringLiteral("--quiet")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
    }

    // The demo's map colours are the engine's: every grid's risk_level (what the map reads) equals
    // the band `gridctl risk` reports, and each score is the sum of its reasons.
    void demoColoursAreTheEngines() {
        const Result r = gridctl({QStringLiteral("risk"), m_county, QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        const QJsonArray grids = array(r);
        QCOMPARE(grids.size(), 150);
        QHash<QString, QString> stored;
        for (const QString& line :
             sqlite(QStringLiteral("SELECT code || '=' || risk_level FROM grid_grid")).split('\n')) {
            const auto parts = line.split(QLatin1Char('='));
            stored.insert(parts.value(0), parts.value(1));
        }
        QSet<QString> bands;
        for (const QJsonValue& v : grids) {
            const QJsonObject g = v.toObject();
            for (const char* key : {"code", "name", "band", "score", "overridden", "reasons"})
                QVERIFY2(g.contains(QLatin1String(key)), key);
            double sum = 0;
            for (const QJsonValue& reason : g.value(QStringLiteral("reasons")).toArray()) {
                const QJsonObject o = reason.toObject();
                QVERIFY(o.contains(QStringLiteral("indicator")) && o.contains(QStringLiteral("value")));
                sum += o.value(QStringLiteral("points")).toDouble();
            }
            QVERIFY(std::fabs(sum - g.value(QStringLiteral("score")).toDouble()) < 1e-9);
            QCOMPARE(stored.value(g.value(QStringLiteral("code")).toString()),
                     g.value(QStringLiteral("band")).toString());
            bands.insert(g.value(QStringLiteral("band")).toString());
        }
        QVERIFY(bands.size() >= 2);
        // The history of the demo is the engine's, day by day.
        QVERIFY(
            sqlite(QStringLiteral("SELECT count(DISTINCT date(at, 'unixepoch')) FROM risk_history")).toInt() >
            10);
        QVERIFY(sqlite(QStringLiteral("SELECT count(*) FROM key_persons")).toInt() > 0);
    }

    void explainNamesTheNumbers() {
        const QString code = sqlite(QStringLiteral("SELECT code FROM grid_grid ORDER BY fid LIMIT 1"));
        const Result r = gridctl({QStringLiteral("risk"), QStringLiteral("explain"), m_county, code});
        QCOMPARE(r.code, 0);
        QVERIFY2(QString::fromUtf8(r.out).contains(QStringLiteral("合计")), r.out.constData());
        verifyRefused(gridctl({QStringLiteral("risk"), QStringLiteral("explain"), m_county,
                               QStringLiteral("210699999999999")}),
                      QStringLiteral("210699999999999"));
    }

    void refusalsChangeNothing() {
        const QString code = sqlite(QStringLiteral("SELECT code FROM grid_grid ORDER BY fid LIMIT 1"));
        const QString future = QDateTime::currentDateTimeUtc().addDays(2).toString(Qt::ISODate);
        const QString overrides = QStringLiteral("SELECT count(*) FROM risk_overrides");
        const QString history = QStringLiteral("SELECT count(*) FROM risk_history");
        const QString before = sqlite(overrides) + sqlite(history);
        verifyRefused(
            gridctl({QStringLiteral("risk"), QStringLiteral("override"), m_county, code,
                     QStringLiteral("--band"), QStringLiteral("red"), QStringLiteral("--until"), future}),
            QStringLiteral("--reason"));
        verifyRefused(gridctl({QStringLiteral("risk"), QStringLiteral("override"), m_county, code,
                               QStringLiteral("--band"), QStringLiteral("red"), QStringLiteral("--reason"),
                               QStringLiteral("节前")}),
                      QStringLiteral("--until"));
        verifyRefused(
            gridctl({QStringLiteral("risk"), QStringLiteral("override"), m_county, code,
                     QStringLiteral("--band"), QStringLiteral("red"), QStringLiteral("--reason"),
                     QStringLiteral("节前"), QStringLiteral("--until"), QStringLiteral("2020-01-01T08:00")}),
            QStringLiteral("已过"));
        verifyRefused(
            gridctl({QStringLiteral("risk"), QStringLiteral("override"), m_county,
                     QStringLiteral("210699999999999"), QStringLiteral("--band"), QStringLiteral("red"),
                     QStringLiteral("--reason"), QStringLiteral("节前"), QStringLiteral("--until"), future}),
            QStringLiteral("210699999999999"));
        verifyRefused(gridctl({QStringLiteral("risk"), QStringLiteral("override"), m_county, code,
                               QStringLiteral("--band"), QStringLiteral("purple"), QStringLiteral("--reason"),
                               QStringLiteral("节前"), QStringLiteral("--until"), future}),
                      QStringLiteral("--band"));
        QCOMPARE(sqlite(overrides) + sqlite(history), before);
    }

    void badRulesFileIsRefusedAndNamed() {
        const Result current =
            gridctl({QStringLiteral("risk"), QStringLiteral("rules"), m_county, QStringLiteral("--get")});
        QCOMPARE(current.code, 0);
        QJsonObject rules = QJsonDocument::fromJson(current.out).object();
        QJsonArray bands = rules.value(QStringLiteral("bands")).toArray();
        // Orange now starts at 50 while yellow still ends at 45: a gap [45, 50).
        for (int i = 0; i < bands.size(); ++i) {
            QJsonObject b = bands[i].toObject();
            if (b.value(QStringLiteral("level")).toString() == QLatin1String("orange"))
                b.insert(QStringLiteral("min"), 50);
            bands[i] = b;
        }
        rules.insert(QStringLiteral("bands"), bands);
        const QString bad = m_dir.filePath(QStringLiteral("bad.json"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(rules).toJson());
        f.close();
        const QString stored = QStringLiteral("SELECT count(*) FROM risk_rules");
        const QString bandsNow = QStringLiteral("SELECT group_concat(risk_level) FROM grid_grid");
        const QString before = sqlite(stored) + sqlite(bandsNow);
        for (const bool dry : {true, false}) {
            QStringList args{QStringLiteral("risk"), QStringLiteral("rules"), m_county,
                             QStringLiteral("--set"), bad};
            if (dry)
                args << QStringLiteral("--dry-run");
            verifyRefused(gridctl(args), QStringLiteral("缺口 [45, 50)"));
        }
        QCOMPARE(sqlite(stored) + sqlite(bandsNow), before);
    }

    void overrideThenHistory() {
        const QString code = sqlite(
            QStringLiteral("SELECT code FROM grid_grid WHERE risk_level <> 'red' ORDER BY fid LIMIT 1"));
        const QString until = QDateTime::currentDateTimeUtc().addDays(3).toString(Qt::ISODate);
        const Result r = gridctl({QStringLiteral("risk"), QStringLiteral("override"), m_county, code,
                                  QStringLiteral("--band"), QStringLiteral("red"), QStringLiteral("--reason"),
                                  QStringLiteral("节前排查"), QStringLiteral("--until"), until,
                                  QStringLiteral("--by"), QStringLiteral("李四")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(sqlite(QStringLiteral("SELECT risk_level FROM grid_grid WHERE code = '%1'").arg(code)),
                 QStringLiteral("red"));
        const QJsonArray h = array(gridctl({QStringLiteral("risk"), QStringLiteral("history"), m_county,
                                            QStringLiteral("--code"), code, QStringLiteral("--json")}));
        QVERIFY(!h.isEmpty());
        const QJsonObject last = h.first().toObject();
        for (const char* key : {"code", "at", "from", "to", "score", "cause"})
            QVERIFY2(last.contains(QLatin1String(key)), key);
        QCOMPARE(last.value(QStringLiteral("cause")).toString(), QStringLiteral("override"));
        QCOMPARE(last.value(QStringLiteral("to")).toString(), QStringLiteral("red"));
        const QJsonArray listed =
            array(gridctl({QStringLiteral("risk"), m_county, QStringLiteral("--json")}));
        bool overridden = false;
        for (const QJsonValue& v : listed)
            if (v.toObject().value(QStringLiteral("code")).toString() == code)
                overridden = v.toObject().value(QStringLiteral("overridden")).toBool();
        QVERIFY(overridden);
        QCOMPARE(gridctl({QStringLiteral("risk"), QStringLiteral("clear-override"), m_county, code,
                          QStringLiteral("--reason"), QStringLiteral("排查结束")})
                     .code,
                 0);
        QCOMPARE(
            sqlite(QStringLiteral(
                       "SELECT count(*) FROM risk_overrides WHERE code = '%1' AND cleared_at IS NOT NULL")
                       .arg(code)),
            QStringLiteral("1"));
    }

    void hotspotsContract() {
        const Result r = gridctl({QStringLiteral("hotspots"), m_county, QStringLiteral("--days"),
                                  QStringLiteral("90"), QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonArray spots = array(r);
        QCOMPARE(spots.size(), 150);
        double total = 0;
        for (const QJsonValue& v : spots) {
            const QJsonObject o = v.toObject();
            for (const char* key : {"code", "count", "z", "p", "bin"})
                QVERIFY2(o.contains(QLatin1String(key)), key);
            total += o.value(QStringLiteral("count")).toDouble();
        }
        // Counts: tickets of the last 90 days, merged and invalid left out, by sqlite3.
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        QCOMPARE(
            qint64(total),
            sqlite(QStringLiteral("SELECT count(*) FROM tickets WHERE state NOT IN ('merged','invalid') AND "
                                  "created_at >= %1 AND created_at <= %2")
                       .arg(now - 90 * 86400)
                       .arg(now))
                .toLongLong());
        // The adjacency was computed once and is cached in the county.
        QVERIFY(sqlite(QStringLiteral("SELECT count(*) FROM grid_adjacency")).toInt() >= 150);
        verifyRefused(
            gridctl({QStringLiteral("hotspots"), m_county, QStringLiteral("--days"), QStringLiteral("0")}),
            QStringLiteral("--days"));
    }

    void keyPlacesFromCsv() {
        // The interior of the first grid, from the store's own geometry through sqlite3 would need
        // SpatiaLite; the grid's key place from the demo gives a point known to be inside.
        const QString point =
            sqlite(QStringLiteral("SELECT lon || ',' || lat || ',' || grid_code FROM key_places LIMIT 1"));
        QVERIFY2(!point.isEmpty(), "the demo has key places");
        const QStringList parts = point.split(QLatin1Char(','));
        const QString csv = m_dir.filePath(QStringLiteral("places.csv"));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            QStringLiteral("name,类型,经度,纬度\n新建小学,学校,%1,%2\n").arg(parts[0], parts[1]).toUtf8());
        f.close();
        const int before = sqlite(QStringLiteral("SELECT count(*) FROM key_places")).toInt();
        const Result r = gridctl({QStringLiteral("keyplaces"), QStringLiteral("import"), m_county, csv});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(sqlite(QStringLiteral("SELECT grid_code FROM key_places WHERE name = '新建小学'")),
                 parts[2]);
        const QJsonArray listed = array(gridctl(
            {QStringLiteral("keyplaces"), QStringLiteral("list"), m_county, QStringLiteral("--json")}));
        QCOMPARE(listed.size(), before + 1);

        // A point outside the county refuses the whole file.
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QStringLiteral("name,type,lon,lat\n甲,学校,%1,%2\n乙,学校,10.0,10.0\n")
                    .arg(parts[0], parts[1])
                    .toUtf8());
        f.close();
        verifyRefused(gridctl({QStringLiteral("keyplaces"), QStringLiteral("import"), m_county, csv}),
                      QStringLiteral("第 2 行"));
        QCOMPARE(sqlite(QStringLiteral("SELECT count(*) FROM key_places")).toInt(), before + 1);
    }

    // `gridctl risk` keeps its last full pass in the county and reads it again while nothing it
    // depends on changed; tickets written by another program (sqlite3) are seen on the next run.
    void storedPassFollowsOtherWriters() {
        const auto byCode = [](const QJsonArray& grids) {
            QHash<QString, QJsonObject> out;
            for (const QJsonValue& v : grids)
                out.insert(v.toObject().value(QStringLiteral("code")).toString(), v.toObject());
            return out;
        };
        const auto reasonValue = [](const QJsonObject& grid, const QString& indicator) {
            for (const QJsonValue& r : grid.value(QStringLiteral("reasons")).toArray())
                if (r.toObject().value(QStringLiteral("indicator")).toString() == indicator)
                    return r.toObject().value(QStringLiteral("value")).toDouble();
            return 0.0;
        };
        const Result first = gridctl({QStringLiteral("risk"), m_county, QStringLiteral("--json")});
        QCOMPARE(first.code, 0);
        QProcessEnvironment traced = QProcessEnvironment::systemEnvironment();
        traced.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("gc.risk.phases.info=true"));
        const Result second = run(qEnvironmentVariable("GRIDCTL"),
                                  {QStringLiteral("risk"), m_county, QStringLiteral("--json")}, traced);
        QCOMPARE(second.code, 0);
        QVERIFY2(second.err.contains(QStringLiteral("stored values")), qPrintable(second.err));
        QCOMPARE(array(second), array(first));
        // A calm grid with no open urgent ticket (sqlite3 counts), no override.
        const QHash<QString, QJsonObject> before = byCode(array(first));
        QString calm;
        for (const QString& code : sqlite(QStringLiteral("SELECT code FROM grid_grid WHERE risk_level IN "
                                                         "('green', 'blue') ORDER BY fid"))
                                       .split('\n'))
            if (!before.value(code).value(QStringLiteral("overridden")).toBool() &&
                sqlite(QStringLiteral("SELECT count(*) FROM tickets WHERE grid_code = '%1' AND priority = "
                                      "'urgent' AND state NOT IN ('closed', 'resolved', 'merged', 'invalid')")
                           .arg(code)) == QLatin1String("0")) {
                calm = code;
                break;
            }
        QVERIFY(!calm.isEmpty());
        QCOMPARE(reasonValue(before.value(calm), QStringLiteral("open_urgent")), 0.0);
        // Three open urgent gas leaks (突发事件 C04) reported ten minutes ago, written by sqlite3.
        const qint64 tenMinutesAgo = QDateTime::currentSecsSinceEpoch() - 600;
        for (int i = 0; i < 3; ++i)
            sqliteWrite(QStringLiteral("INSERT INTO tickets (state, category, source, priority, grid_code, "
                                       "title, created_at) VALUES ('received', 'C0403', 'patrol', 'urgent', "
                                       "'%1', '燃气泄漏', %2)")
                            .arg(calm)
                            .arg(tenMinutesAgo + i));
        const Result raised = gridctl({QStringLiteral("risk"), m_county, QStringLiteral("--json")});
        QCOMPARE(raised.code, 0);
        const QJsonObject now = byCode(array(raised)).value(calm);
        QCOMPARE(reasonValue(now, QStringLiteral("open_urgent")), 3.0);
        QVERIFY2(now.value(QStringLiteral("band")).toString() == QLatin1String("orange") ||
                     now.value(QStringLiteral("band")).toString() == QLatin1String("red"),
                 qPrintable(now.value(QStringLiteral("band")).toString()));
        QCOMPARE(sqlite(QStringLiteral("SELECT risk_level FROM grid_grid WHERE code = '%1'").arg(calm)),
                 now.value(QStringLiteral("band")).toString());
        // Found invalid (a false report) by sqlite3: they no longer count at all, the grid is back where it
        // was.
        sqliteWrite(QStringLiteral(
                        "UPDATE tickets SET state = 'invalid' WHERE grid_code = '%1' AND title = '燃气泄漏'")
                        .arg(calm));
        const QJsonObject after =
            byCode(array(gridctl({QStringLiteral("risk"), m_county, QStringLiteral("--json")}))).value(calm);
        QCOMPARE(reasonValue(after, QStringLiteral("open_urgent")), 0.0);
        QCOMPARE(after.value(QStringLiteral("band")).toString(),
                 before.value(calm).value(QStringLiteral("band")).toString());
    }
};

QTEST_GUILESS_MAIN(TestRiskCli)
#include "tst_riskcli.moc"
