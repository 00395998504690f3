// A killed server loses no acknowledged position: `gridctl serve` runs as a child process,
// a client streams positions, the server is killed with SIGKILL while a batch waits for the
// file's write lock, and every position it had acknowledged must be in the file.
#include "FeedTestSupport.h"

#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace gc;

class TestFeedCrash : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void killedServerLosesNoAcknowledgedPosition() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("crash.gpkg"));
        qint64 workerId = 0;
        QString token;
        {
            auto store = feedtest::makeCounty(path);
            workerId = store->workers().first().id;
            token = feedtest::issueToken(*store, workerId);
        }
        QProcess server;
        server.setProcessChannelMode(QProcess::SeparateChannels);
        server.start(qEnvironmentVariable("GRIDCTL"),
                     {QStringLiteral("serve"), path, QStringLiteral("--listen"),
                      QStringLiteral("127.0.0.1:0"), QStringLiteral("--rate-limit"), QStringLiteral("0")});
        QVERIFY(server.waitForStarted());
        QByteArray banner;
        QVERIFY(QTest::qWaitFor(
            [&] {
                server.waitForReadyRead(50);
                banner += server.readAllStandardOutput();
                return banner.contains('\n');
            },
            10000));
        const auto m = QRegularExpression(QStringLiteral("ws://127\\.0\\.0\\.1:(\\d+)/feed"))
                           .match(QString::fromUtf8(banner));
        QVERIFY2(m.hasMatch(), banner.constData());

        feedtest::Client client(
            QUrl(QStringLiteral("ws://127.0.0.1:%1/feed?token=%2").arg(m.captured(1), token)));
        QVERIFY(client.waitConnected());
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        int sent = 0;
        QSet<int> acked;
        const auto collectAcks = [&] {
            for (const QJsonObject& r : std::as_const(client.replies))
                if (r.value(QLatin1String("type")) == QLatin1String("ack"))
                    acked.insert(r.value(QLatin1String("id")).toInt());
        };
        // Streams `count` positions without waiting, as a phone uploading its backlog does.
        const auto stream = [&](int count) {
            for (int k = 0; k < count; ++k, ++sent)
                client.socket.sendTextMessage(
                    QStringLiteral(
                        R"({"type":"position","id":%1,"lon":124.25,"lat":40.25,"accuracy":%1,"time":%2})")
                        .arg(sent + 1)
                        .arg(now)
                        .toUtf8());
            client.socket.flush();
        };

        // Phase 1: a normal stream, every message answered.
        stream(2000);
        QVERIFY(QTest::qWaitFor(
            [&] {
                collectAcks();
                return acked.size() == 2000;
            },
            60000));

        // Phase 2: another connection holds the file's write lock (as a GUI seat or a checkpoint
        // may for a moment), so no batch can commit. Whatever the server acknowledges now was
        // acknowledged before its commit; the kill below then loses it. Holding the lock makes
        // the window between receipt and commit as wide as we want: the check no longer depends
        // on where the kill happens to land.
        QSqlDatabase locker = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("locker"));
        locker.setDatabaseName(path);
        QVERIFY(locker.open());
        QVERIFY(QSqlQuery(locker).exec(QStringLiteral("BEGIN IMMEDIATE")));
        const int lockedFrom = sent + 1;
        stream(2000);
        // A message the server answers without the file (a position with no coordinates):
        // one socket's messages are handled in order, so once its reply is here every message
        // above has been taken in, however loaded the machine is. A server that acknowledges
        // before committing has sent those acknowledgements by now.
        client.socket.sendTextMessage(
            QStringLiteral(R"({"type":"position","id":"probe","time":%1})").arg(now));
        QVERIFY(QTest::qWaitFor(
            [&] {
                for (const QJsonObject& r : std::as_const(client.replies))
                    if (r.value(QLatin1String("id")) == QLatin1String("probe"))
                        return true;
                return false;
            },
            60000));
        QTest::qWait(100);
        collectAcks();
        server.kill(); // SIGKILL: no clean shutdown, no flush
        QVERIFY(server.waitForFinished(5000));
        QVERIFY(QSqlQuery(locker).exec(QStringLiteral("ROLLBACK")));
        locker.close();
        locker = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("locker"));
        QCoreApplication::processEvents();
        collectAcks();
        int ackedWhileLocked = 0;
        for (int id : std::as_const(acked))
            ackedWhileLocked += id >= lockedFrom;
        qInfo("sent %d, acknowledged %d (%d while the file was locked) before SIGKILL", sent,
              int(acked.size()), ackedWhileLocked);

        QString error;
        auto store = CountyStore::open(path, &error);
        QVERIFY2(store, qPrintable(error));
        QSqlQuery q(store->database());
        QVERIFY(q.exec(QStringLiteral("SELECT CAST(accuracy AS INTEGER) FROM positions WHERE worker_id = %1")
                           .arg(workerId)));
        QSet<int> stored;
        while (q.next())
            stored.insert(q.value(0).toInt());
        int lost = 0;
        for (int id : std::as_const(acked))
            lost += !stored.contains(id);
        QCOMPARE(lost, 0);
        // Nothing could commit while the file was locked, so nothing of phase 2 may have been
        // acknowledged; phase 1 is all there.
        QCOMPARE(ackedWhileLocked, 0);
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM positions WHERE worker_id = %1 AND at = %2")
                           .arg(workerId)
                           .arg(now)));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), lockedFrom - 1);
    }
};

QTEST_GUILESS_MAIN(TestFeedCrash)
#include "tst_feedcrash.moc"
