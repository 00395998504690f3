// A killed server loses no acknowledged position: `gridctl serve` runs as a child process,
// a client streams positions, the server is killed with SIGKILL mid-stream, and every
// position it had acknowledged must be in the file.
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
        // Stream without waiting (as a phone uploading its backlog), and kill the server
        // while messages are still in flight.
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const int total = 20000;
        int sent = 0;
        QSet<int> acked;
        bool killed = false;
        (void)QTest::qWaitFor(
            [&] {
                for (int k = 0; k < 200 && sent < total && !killed; ++k, ++sent)
                    client.socket.sendTextMessage(
                        QStringLiteral(
                            R"({"type":"position","id":%1,"lon":124.25,"lat":40.25,"accuracy":%1,"time":%2})")
                            .arg(sent + 1)
                            .arg(now)
                            .toUtf8());
                for (const QJsonObject& r : std::as_const(client.replies))
                    if (r.value(QLatin1String("type")) == QLatin1String("ack"))
                        acked.insert(r.value(QLatin1String("id")).toInt());
                if (!killed && acked.size() >= 3000) {
                    server.kill(); // SIGKILL: no clean shutdown, no flush
                    killed = true;
                }
                return killed;
            },
            60000);
        QVERIFY(killed);
        server.waitForFinished(5000);
        QCoreApplication::processEvents();
        for (const QJsonObject& r : std::as_const(client.replies))
            if (r.value(QLatin1String("type")) == QLatin1String("ack"))
                acked.insert(r.value(QLatin1String("id")).toInt());
        qInfo("sent %d, acknowledged %d before SIGKILL", sent, int(acked.size()));
        QVERIFY(acked.size() < sent); // the kill really did interrupt the stream

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
        QVERIFY(stored.size() >= acked.size());
    }
};

QTEST_GUILESS_MAIN(TestFeedCrash)
#include "tst_feedcrash.moc"
