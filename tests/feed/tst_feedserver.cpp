// The feed server over real loopback sockets: WebSocket and OsmAnd HTTP clients store
// positions that `gridctl workers` then shows; every bad input gets a coded error and the
// server keeps serving; NMEA 0183 over TCP.
#include "FeedTestSupport.h"

#include "gc/feed/FeedServer.h"
#include "gc/feed/FeedSimulator.h"
#include "gc/feed/NmeaDeviceSource.h"
#include "gc/workers/TrackReplay.h"
#include "gc/workers/WorkerListModel.h"
#include "gc/feed/WorkerStatus.h"
#include "gc/geo/Geometry.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>

#include "gc/core/ChinaTime.h"

using namespace gc;
using namespace gc::feed;
using namespace gc::workers;
using feedtest::Client;

namespace {

QByteArray position(int id, double lon, double lat, qint64 at = QDateTime::currentSecsSinceEpoch(),
                    double accuracy = 6) {
    return QStringLiteral(R"({"type":"position","id":%1,"lon":%2,"lat":%3,"accuracy":%4,"time":%5})")
        .arg(id)
        .arg(lon, 0, 'f', 7)
        .arg(lat, 0, 'f', 7)
        .arg(accuracy)
        .arg(at)
        .toUtf8();
}

// One raw HTTP exchange; returns the status code (0 when none arrived).
int http(quint16 port, const QByteArray& request, QByteArray* body = nullptr) {
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    if (!s.waitForConnected(3000))
        return 0;
    s.write(request);
    QByteArray response;
    (void)QTest::qWaitFor(
        [&] {
            s.waitForReadyRead(50);
            response += s.readAll();
            const qsizetype end = response.indexOf("\r\n\r\n");
            if (end < 0)
                return false;
            const qsizetype lenAt = response.indexOf("Content-Length: ");
            const int len = response.mid(lenAt + 16, response.indexOf("\r\n", lenAt) - lenAt - 16).toInt();
            return response.size() >= end + 4 + len;
        },
        5000);
    if (body)
        *body = response.mid(response.indexOf("\r\n\r\n") + 4);
    return response.startsWith("HTTP/1.1 ") ? response.mid(9, 3).toInt() : 0;
}

} // namespace

class TestFeedServer : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_path;
    QList<WorkerRecord> m_workers;
    QString m_tokenWs, m_tokenHttp, m_tokenLimited, m_tokenNmea;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("feed.gpkg"));
        auto store = feedtest::makeCounty(m_path);
        m_workers = store->workers();
        QVERIFY(m_workers.size() >= 4);
        m_tokenWs = feedtest::issueToken(*store, m_workers.at(0).id);
        m_tokenHttp = feedtest::issueToken(*store, m_workers.at(1).id);
        m_tokenLimited = feedtest::issueToken(*store, m_workers.at(2).id);
        m_tokenNmea = feedtest::issueToken(*store, m_workers.at(3).id);
    }

    void websocketAndOsmAndPositionsShowInGridctlWorkers() {
        FeedServer server(m_path);
        QString error;
        QVERIFY2(server.listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        QVERIFY2(server.listenOsmAnd(QHostAddress::LocalHost, 0, &error), qPrintable(error));

        Client ws(QUrl(QStringLiteral("ws://127.0.0.1:%1/feed?token=%2").arg(server.port()).arg(m_tokenWs)));
        QVERIFY(ws.waitConnected());
        for (int i = 1; i <= 5; ++i) {
            const QJsonObject reply =
                ws.request(position(i, 124.25 + i * 1e-4, 40.25, QDateTime::currentSecsSinceEpoch() - 5 + i));
            QCOMPARE(reply.value(QLatin1String("type")).toString(), QStringLiteral("ack"));
            QCOMPARE(reply.value(QLatin1String("id")).toInt(), i);
        }
        QCOMPARE(ws.request(R"({"type":"checkin","id":"c","note":"无事报平安"})")
                     .value(QLatin1String("type"))
                     .toString(),
                 QStringLiteral("ack"));

        const qint64 now = QDateTime::currentSecsSinceEpoch();
        QCOMPARE(http(server.osmAndPort(),
                      QStringLiteral(
                          "GET /?id=%1&lat=40.2601&lon=124.2602&timestamp=%2&hdop=1.5&speed=2&bearing=45 "
                          "HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                          .arg(m_tokenHttp)
                          .arg(now)
                          .toUtf8()),
                 200);
        // A form-encoded POST, as some trackers send.
        const QByteArray form =
            QStringLiteral("id=%1&lat=40.2602&lon=124.2603&timestamp=%2").arg(m_tokenHttp).arg(now).toUtf8();
        QCOMPARE(http(server.osmAndPort(), "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: "
                                           "application/x-www-form-urlencoded\r\nContent-Length: " +
                                               QByteArray::number(form.size()) + "\r\n\r\n" + form),
                 200);
        server.close();

        const QJsonArray workers =
            QJsonDocument::fromJson(
                feedtest::runGridctl({QStringLiteral("workers"), m_path, QStringLiteral("--json")}))
                .array();
        QCOMPARE(workers.size(), m_workers.size());
        QHash<qint64, QJsonObject> byId;
        for (const QJsonValue& v : workers)
            byId.insert(v.toObject().value(QLatin1String("id")).toInteger(), v.toObject());
        const QJsonObject a = byId.value(m_workers.at(0).id);
        QCOMPARE(a.value(QLatin1String("status")).toString(), QStringLiteral("online"));
        QCOMPARE(a.value(QLatin1String("lon")).toDouble(), 124.2505); // the newest of the five
        QCOMPARE(a.value(QLatin1String("accuracy")).toDouble(), 6.0);
        QCOMPARE(a.value(QLatin1String("grids")).toArray().first().toString(),
                 m_workers.at(0).gridCodes.first());
        const QJsonObject b = byId.value(m_workers.at(1).id);
        QCOMPARE(b.value(QLatin1String("status")).toString(), QStringLiteral("online"));
        QCOMPARE(b.value(QLatin1String("lat")).toDouble(), 40.2602);
        QCOMPARE(byId.value(m_workers.at(5).id).value(QLatin1String("status")).toString(),
                 QStringLiteral("offline"));
    }

    void unknownTokenIsClosedWith4401() {
        FeedServer server(m_path);
        QString error;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0, &error));
        QWebSocket s;
        QSignalSpy closed(&s, &QWebSocket::disconnected);
        s.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/feed?token=guessed").arg(server.port())));
        QVERIFY(closed.wait(5000));
        QCOMPARE(int(s.closeCode()), FeedServer::kCloseUnknownToken);
        QCOMPARE(server.pipeline().counters().errors.value(FeedError::UnknownDevice), 1u);
    }

    void everyBadInputIsAnsweredAndTheServerKeepsServing() {
        FeedOptions options;
        options.rateLimitPerSecond = 1;
        options.rateBurst = 5;
        FeedServer server(m_path, options);
        QString error;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0, &error));
        QVERIFY(server.listenOsmAnd(QHostAddress::LocalHost, 0, &error));
        Client ws(QUrl(QStringLiteral("ws://127.0.0.1:%1/feed?token=%2").arg(server.port()).arg(m_tokenWs)));
        QVERIFY(ws.waitConnected());
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const QList<QPair<QByteArray, QString>> bad = {
            {"{not json", "bad_json"},
            {R"({"type":"position","id":1,"lon":"x","lat":40,"time":1790000000})", "wrong_type"},
            {R"({"type":"position","id":2,"lon":NaN,"lat":40,"time":1790000000})", "bad_json"},
            {R"({"type":"position","id":3,"lon":124,"lat":95,"time":1790000000})", "out_of_range"},
            {position(4, 124, 40, now + 3600), "future_time"},
            {R"({"type":"teleport","id":5})", "unknown_type"},
            {"{\"type\":\"checkin\",\"id\":6,\"note\":\"" + QByteArray(70 * 1024, 'x') + "\"}", "too_large"},
            {R"({"type":"ticket.rating","id":7,"ticket":999999,"satisfied":true})", "refused"},
        };
        for (const auto& [json, code] : bad) {
            const QJsonObject reply = ws.request(json);
            QCOMPARE(reply.value(QLatin1String("type")).toString(), QStringLiteral("error"));
            QCOMPARE(reply.value(QLatin1String("code")).toString(), code);
            QVERIFY(!reply.value(QLatin1String("reason")).toString().isEmpty());
        }
        QCOMPARE(ws.replies.at(1).value(QLatin1String("id")).toInt(), 1); // the id is echoed
        // A day-old fix is stored as history, acknowledged as not live.
        const QJsonObject old = ws.request(position(8, 124.2, 40.2, now - 2 * 86400));
        QCOMPARE(old.value(QLatin1String("type")).toString(), QStringLiteral("ack"));
        QCOMPARE(old.value(QLatin1String("live")).toBool(true), false);

        // A flood from one device is rate-limited, with a reply for each refused message.
        Client flood(
            QUrl(QStringLiteral("ws://127.0.0.1:%1/feed?token=%2").arg(server.port()).arg(m_tokenLimited)));
        QVERIFY(flood.waitConnected());
        for (int i = 0; i < 12; ++i)
            flood.socket.sendTextMessage(QString::fromUtf8(position(100 + i, 124.2, 40.2)));
        QVERIFY(QTest::qWaitFor([&] { return flood.replies.size() == 12; }, 5000));
        int limited = 0;
        for (const QJsonObject& r : std::as_const(flood.replies))
            limited += r.value(QLatin1String("code")).toString() == QLatin1String("rate_limited");
        QVERIFY2(limited >= 6, qPrintable(QString::number(limited)));

        // OsmAnd: bad parameters 400, unknown device 404, wrong method 405, garbage 400.
        QCOMPARE(http(server.osmAndPort(), "GET /?id=nobody&lat=40&lon=124 HTTP/1.1\r\n\r\n"), 404);
        QCOMPARE(http(server.osmAndPort(),
                      QStringLiteral("GET /?id=%1&lat=40 HTTP/1.1\r\n\r\n").arg(m_tokenHttp).toUtf8()),
                 400);
        QCOMPARE(
            http(server.osmAndPort(),
                 QStringLiteral("GET /?id=%1&lat=40&lon=inf HTTP/1.1\r\n\r\n").arg(m_tokenHttp).toUtf8()),
            400);
        QCOMPARE(http(server.osmAndPort(),
                      QStringLiteral("GET /?id=%1&lat=40&lon=124&timestamp=%2 HTTP/1.1\r\n\r\n")
                          .arg(m_tokenHttp)
                          .arg(now + 3600)
                          .toUtf8()),
                 400);
        QCOMPARE(http(server.osmAndPort(), "DELETE / HTTP/1.1\r\n\r\n"), 405);
        QCOMPARE(http(server.osmAndPort(), "\x16\x03\x01 garbage\r\n\r\n"), 400);
        QCOMPARE(http(server.osmAndPort(), "POST / HTTP/1.1\r\nContent-Length: 999999\r\n\r\n"), 413);

        // Still serving, on both protocols.
        QCOMPARE(ws.request(position(9, 124.2, 40.2)).value(QLatin1String("type")).toString(),
                 QStringLiteral("ack"));
        QCOMPARE(
            http(server.osmAndPort(),
                 QStringLiteral("GET /?id=%1&lat=40.2&lon=124.2 HTTP/1.1\r\n\r\n").arg(m_tokenHttp).toUtf8()),
            200);
        const FeedCounters& c = server.pipeline().counters();
        QVERIFY(c.errors.value(FeedError::BadJson) >= 2);
        QVERIFY(c.errors.value(FeedError::RateLimited) >= 6);
        QCOMPARE(c.errors.value(FeedError::TooLarge), 1u);
    }

    // A write the file refuses for real (a trigger in the county that raises, as a full disk or a
    // foreign schema would) is never acknowledged: the device gets store_failed and resends; once
    // the file takes writes again, the same message is acknowledged and stored.
    void failedWriteIsStoreFailedNeverAck() {
        const QString path = m_dir.filePath(QStringLiteral("failing.gpkg"));
        qint64 worker = 0;
        QString token;
        {
            auto store = feedtest::makeCounty(path);
            worker = store->workers().first().id;
            token = feedtest::issueToken(*store, worker);
        }
        const auto exec = [&](const QString& sql) {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("failing"));
            db.setDatabaseName(path);
            bool ok = db.open() && QSqlQuery(db).exec(sql);
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(QStringLiteral("failing"));
            return ok;
        };
        const auto storedPositions = [&] {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("count"));
            db.setDatabaseName(path);
            int n = -1;
            if (db.open()) {
                QSqlQuery q(db);
                if (q.exec(
                        QStringLiteral("SELECT count(*) FROM positions WHERE worker_id = %1").arg(worker)) &&
                    q.next())
                    n = q.value(0).toInt();
            }
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(QStringLiteral("count"));
            return n;
        };
        QVERIFY(exec(QStringLiteral("CREATE TRIGGER refuse_positions BEFORE INSERT ON positions "
                                    "BEGIN SELECT RAISE(ABORT, 'disk refuses'); END")));
        QCOMPARE(storedPositions(), 0);

        FeedServer server(path);
        QString error;
        QVERIFY2(server.listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        QVERIFY2(server.listenOsmAnd(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        Client ws(QUrl(QStringLiteral("ws://127.0.0.1:%1/feed?token=%2").arg(server.port()).arg(token)));
        QVERIFY(ws.waitConnected());
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        for (int i = 1; i <= 3; ++i) {
            const QJsonObject reply = ws.request(position(i, 124.25, 40.25, now - 10 + i));
            QCOMPARE(reply.value(QLatin1String("type")).toString(), QStringLiteral("error"));
            QCOMPARE(reply.value(QLatin1String("code")).toString(), QStringLiteral("store_failed"));
            QCOMPARE(reply.value(QLatin1String("id")).toInt(), i);
            QVERIFY(!reply.value(QLatin1String("reason")).toString().isEmpty());
        }
        // OsmAnd devices are told to resend too (503), not 200.
        QCOMPARE(http(server.osmAndPort(),
                      QStringLiteral("GET /?id=%1&lat=40.25&lon=124.25&timestamp=%2 HTTP/1.1\r\n\r\n")
                          .arg(token)
                          .arg(now)
                          .toUtf8()),
                 503);
        for (const QJsonObject& r : std::as_const(ws.replies))
            QVERIFY(r.value(QLatin1String("type")).toString() != QLatin1String("ack"));
        QCOMPARE(server.pipeline().counters().errors.value(FeedError::StoreFailed), quint64(4));
        QCOMPARE(server.pipeline().counters().positions, quint64(0));
        QCOMPARE(storedPositions(), 0);

        // The file takes writes again: the resent message is acknowledged and stored.
        QVERIFY(exec(QStringLiteral("DROP TRIGGER refuse_positions")));
        const QJsonObject resent = ws.request(position(3, 124.25, 40.25, now - 7));
        QCOMPARE(resent.value(QLatin1String("type")).toString(), QStringLiteral("ack"));
        QCOMPARE(resent.value(QLatin1String("id")).toInt(), 3);
        server.close();
        QCOMPARE(storedPositions(), 1);
    }

    void ticketReportFeedbackAndRating() {
        FeedServer server(m_path);
        QString error;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0, &error));
        Client ws(QUrl(QStringLiteral("ws://127.0.0.1:%1/feed?token=%2").arg(server.port()).arg(m_tokenWs)));
        QVERIFY(ws.waitConnected());
        auto store = CountyStore::open(m_path, &error);
        QVERIFY(store);
        const auto grid = store->grid(m_workers.at(0).gridCodes.first());
        QVERIFY(grid);
        const QJsonObject reply = ws.request(
            QStringLiteral(
                R"({"type":"ticket.report","id":"r1","category":"C0101","text":"路边暴露垃圾","lon":124.26,"lat":40.26,"photos":["https:\/\/example.org/1.jpg"]})")
                .toUtf8());
        QCOMPARE(reply.value(QLatin1String("type")).toString(), QStringLiteral("ack"));
        const qint64 id = reply.value(QLatin1String("ticket")).toInteger();
        QVERIFY(id > 0);
        const auto ticket = store->ticket(id);
        QVERIFY(ticket);
        QCOMPARE(ticket->state, TicketState::Received);
        QCOMPARE(ticket->photos, QStringList{QStringLiteral("https://example.org/1.jpg")});
        QCOMPARE(ticket->gridCode, m_workers.at(0).gridCodes.first()); // the reporter's grid
        // Rating an unresolved ticket is refused by the workflow, with its reason.
        const QJsonObject refused =
            ws.request(QStringLiteral(R"({"type":"ticket.rating","id":2,"ticket":%1,"satisfied":true})")
                           .arg(id)
                           .toUtf8());
        QCOMPARE(refused.value(QLatin1String("code")).toString(), QStringLiteral("refused"));
        // Self-resolution in the grid (网格内办结) is the worker's own feedback.
        const QJsonObject fixed = ws.request(
            QStringLiteral(
                R"({"type":"ticket.feedback","id":3,"ticket":%1,"note":"已清理","action":"self_resolve"})")
                .arg(id)
                .toUtf8());
        QCOMPARE(fixed.value(QLatin1String("type")).toString(), QStringLiteral("ack"));
        QVERIFY(store->ticket(id)->state != TicketState::Received);
    }

    void citizenReportIsVerifiedOnSite() {
        FeedServer server(m_path);
        QString error;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0, &error));
        QSignalSpy alerts(&server.pipeline(), &FeedPipeline::alertRaised);
        Client ws(QUrl(QStringLiteral("ws://127.0.0.1:%1/feed?token=%2").arg(server.port()).arg(m_tokenWs)));
        QVERIFY(ws.waitConnected());
        auto store = CountyStore::open(m_path, &error);
        const QPointF site = geo::interiorPoint(store->grid(m_workers.at(0).gridCodes.first())->wkb);
        const QJsonObject reply = ws.request(
            QStringLiteral(
                R"({"type":"ticket.report","category":"C0101","text":"群众随手拍：垃圾","source":"app","lon":%1,"lat":%2})")
                .arg(site.x(), 0, 'f', 8)
                .arg(site.y(), 0, 'f', 8)
                .toUtf8());
        const qint64 ticket = reply.value(QLatin1String("ticket")).toInteger();
        QVERIFY(ticket > 0);
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        // The grid worker comes closer: far, near, near → on site after the second near fix.
        QCOMPARE(ws.request(position(1, site.x() + 0.01, site.y(), now + 1, 5))
                     .value(QLatin1String("type"))
                     .toString(),
                 QStringLiteral("ack"));
        ws.request(position(2, site.x() + 0.0002, site.y(), now + 2, 5));
        QCOMPARE(alerts.size(), 0);
        ws.request(position(3, site.x(), site.y() + 0.0001, now + 3, 5));
        QTRY_COMPARE(alerts.size(), 1);
        const auto alert = alerts.first().first().value<FeedAlert>();
        QCOMPARE(alert.kind, FeedAlert::Kind::Arrived);
        QCOMPARE(alert.ticketId, ticket);
        QCOMPARE(alert.workerId, m_workers.at(0).id);
        server.close();
        const QList<AlertRecord> stored = FeedStore(*store).alerts(now - 60, now + 60);
        QVERIFY(std::any_of(stored.cbegin(), stored.cend(), [&](const AlertRecord& a) {
            return a.kind == QLatin1String("arrived") && a.ticketId == ticket;
        }));
    }

    // 指派核查: a ticket assigned to a worker while the server runs gets its 到场 event,
    // by the worker's name, when that worker's fixes reach the site.
    void assignedCheckGetsAnArriveEvent() {
        FeedServer server(m_path);
        QString error;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0, &error));
        QSignalSpy alerts(&server.pipeline(), &FeedPipeline::alertRaised);
        Client ws(QUrl(QStringLiteral("ws://127.0.0.1:%1/feed?token=%2").arg(server.port()).arg(m_tokenWs)));
        QVERIFY(ws.waitConnected());
        auto store = CountyStore::open(m_path, &error);
        QVERIFY(store);
        const WorkerRecord& worker = m_workers.at(0);
        const QPointF site = geo::interiorPoint(store->grid(worker.gridCodes.first())->wkb);
        Ticket t;
        t.category = QStringLiteral("C0101");
        t.source = TicketSource::Hotline12345;
        t.gridCode = worker.gridCodes.first();
        t.title = QStringLiteral("热线：占道经营");
        t.lon = site.x();
        t.lat = site.y();
        t.createdAt = QDateTime::currentDateTimeUtc();
        const auto ticket = store->createTicket(t, QStringLiteral("12345热线"), &error);
        QVERIFY2(ticket, qPrintable(error));
        TicketActionRequest assign;
        assign.action = TicketAction::AssignCheck;
        assign.actor = QStringLiteral("值班员");
        assign.at = QDateTime::currentDateTimeUtc();
        assign.workerId = worker.id;
        QVERIFY(store->applyTicketAction(*ticket, assign).ok);

        const qint64 now = QDateTime::currentSecsSinceEpoch();
        ws.request(position(1, site.x() + 0.01, site.y(), now + 1, 5));
        ws.request(position(2, site.x() + 0.0002, site.y(), now + 2, 5));
        QVERIFY(!store->ticket(*ticket)->arrivedAt.isValid());
        ws.request(position(3, site.x(), site.y() + 0.0001, now + 3, 5));
        QTRY_VERIFY(std::any_of(alerts.cbegin(), alerts.cend(), [&](const QList<QVariant>& args) {
            const auto a = args.first().value<FeedAlert>();
            return a.kind == FeedAlert::Kind::Arrived && a.ticketId == *ticket && a.assignedCheck;
        }));
        server.close();
        const Ticket after = *store->ticket(*ticket);
        QCOMPARE(after.arrivedAt.toSecsSinceEpoch(), now + 3);
        QCOMPARE(after.state, TicketState::Received);
        const TicketEvent last = store->ticketEvents(*ticket).last();
        QCOMPARE(last.action, TicketAction::Arrive);
        QCOMPARE(last.actor, worker.name);
        QCOMPARE(last.workerId, worker.id);
        const QList<AlertRecord> stored = FeedStore(*store).alerts(now - 60, now + 60);
        QVERIFY(std::any_of(stored.cbegin(), stored.cend(), [&](const AlertRecord& a) {
            return a.kind == QLatin1String("arrived") && a.ticketId == *ticket;
        }));
    }

    void nmeaOverTcp() {
        // A GNSS unit that serves NMEA 0183 sentences to whoever connects.
        QTcpServer device;
        QVERIFY(device.listen(QHostAddress::LocalHost, 0));
        connect(&device, &QTcpServer::newConnection, this, [&device] {
            QTcpSocket* s = device.nextPendingConnection();
            const QTime t = QDateTime::currentDateTimeUtc().time();
            const QDate d = QDateTime::currentDateTimeUtc().date();
            const auto sentence = [](const QByteArray& body) -> QByteArray {
                char sum = 0;
                for (char c : body)
                    sum ^= c;
                return "$" + body + "*" +
                       QByteArray::number(uchar(sum), 16).toUpper().rightJustified(2, '0') + "\r\n";
            };
            const QByteArray hms = t.toString(QStringLiteral("HHmmss")).toLatin1() + ".00";
            s->write(sentence("GPRMC," + hms + ",A,4015.000,N,12415.000,E,1.0,90.0," +
                              d.toString(QStringLiteral("ddMMyy")).toLatin1() + ",,,A"));
            s->write(sentence("GPGGA," + hms + ",4015.000,N,12415.000,E,1,08,0.9,50.0,M,0.0,M,,"));
        });
        FeedServer server(m_path);
        QString error;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0, &error));
        NmeaDeviceSource* source =
            server.addNmeaDevice(m_tokenNmea, QStringLiteral("127.0.0.1"), device.serverPort(), &error);
        QVERIFY2(source, qPrintable(error));
        QVERIFY(QTest::qWaitFor([&] { return source->stored() >= 1; }, 10000));
        server.close();
        auto store = CountyStore::open(m_path, &error);
        QSqlQuery q(store->database());
        QVERIFY(q.exec(QStringLiteral("SELECT lon, lat, source FROM positions WHERE worker_id = %1")
                           .arg(m_workers.at(3).id)));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toDouble(), 124.25);
        QCOMPARE(q.value(1).toDouble(), 40.25);
        QCOMPARE(q.value(2).toString(), QStringLiteral("nmea"));
    }

    void replayAnswersWhereEveryoneWasAndWhatHappened() {
        QString error;
        auto store = CountyStore::open(m_path, &error);
        FeedStore feed(*store);
        const WorkerRecord& w = m_workers.at(7);
        QList<PositionFix> fixes;
        for (const qint64 at : {1100000000, 1100001000, 1100002000}) {
            PositionFix f;
            f.workerId = w.id;
            f.at = at;
            f.lon = 124.2 + (at - 1100000000) * 1e-6;
            f.lat = 40.2;
            f.live = false;
            fixes << f;
        }
        QVERIFY(feed.writeBatch(fixes, {}, &error));
        Ticket t;
        t.category = QStringLiteral("C0101");
        t.source = TicketSource::Patrol;
        t.gridCode = w.gridCodes.first();
        t.lon = 124.2;
        t.lat = 40.2;
        t.createdAt = fromEpochSeconds(1100001500);
        QVERIFY(store->createTicket(t, QStringLiteral("test"), &error));

        const TrackReplay r =
            TrackReplay::load(feed, {w.id}, w.gridCodes.first(), 1100000000 - 100, 1100003000);
        QCOMPARE(r.tracks().size(), 1);
        QCOMPARE(r.fixCount(), 3);
        const auto& track = r.tracks().first();
        QVERIFY(!TrackReplay::fixAt(track, 1100000000 - 1));
        QCOMPARE(TrackReplay::fixAt(track, 1100001500)->at, 1100001000);
        QCOMPARE(TrackReplay::fixAt(track, 1100002000)->at, 1100002000);
        QCOMPARE(TrackReplay::trail(track, 1100002000, 1500).size(), 2);
        QCOMPARE(r.events().size(), 1);
        QCOMPARE(r.eventsUntil(1100001499), 0);
        QCOMPARE(r.eventsUntil(1100001500), 1);
    }

    // The simulator as the demo session runs it at scale: the first phones on WebSockets, the
    // rest over the OsmAnd protocol through kept-alive, pipelined connections; every position is
    // acknowledged, stored under its protocol, and inside the worker's own grid.
    void simulatorSpeaksBothProtocols() {
        FeedServer server(m_path);
        QString error;
        QVERIFY2(server.listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        QVERIFY2(server.listenOsmAnd(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        QList<SimulatedWorker> simulated;
        {
            auto store = CountyStore::open(m_path, &error);
            QVERIFY2(store, qPrintable(error));
            simulated = FeedSimulator::prepareWorkers(*store, 6, 3, &error);
            QCOMPARE(simulated.size(), 6);
            QCOMPARE(FeedStore(*store).devices(QStringLiteral("simulator")).size(), 6);
            // A second run reuses the tokens instead of issuing new ones.
            QCOMPARE(FeedSimulator::prepareWorkers(*store, 6, 3, &error).first().token,
                     simulated.first().token);
            QCOMPARE(FeedStore(*store).devices(QStringLiteral("simulator")).size(), 6);
        }
        const qint64 before = [&] { // earlier tests stored positions of some of these workers
            auto store = CountyStore::open(m_path, &error);
            QSqlQuery q(store->database());
            q.exec(QStringLiteral("SELECT coalesce(max(id), 0) FROM positions"));
            return q.next() ? q.value(0).toLongLong() : 0;
        }();
        SimulatorOptions o;
        o.url = QUrl(QStringLiteral("ws://127.0.0.1:%1/feed").arg(server.port()));
        o.osmandUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(server.osmAndPort()));
        o.maxWebSockets = 2;
        o.osmandConnections = 2;
        o.minIntervalSeconds = o.maxIntervalSeconds = 1;
        o.ticketsPerMinute = 0;
        o.checkinsPerHour = 0;
        FeedSimulator simulator(o);
        simulator.start(simulated);
        QTRY_VERIFY_WITH_TIMEOUT(simulator.counters().acked >= 18, 15000);
        simulator.stop();
        QTRY_COMPARE_WITH_TIMEOUT(simulator.counters().acked + simulator.counters().errors,
                                  simulator.counters().sent, 5000);
        QCOMPARE(simulator.counters().errors, quint64(0));
        QCOMPARE(simulator.counters().connected, quint64(2));
        server.close();

        auto store = CountyStore::open(m_path, &error);
        QSqlQuery q(store->database());
        QHash<qint64, QString> sourceOf;
        QVERIFY(q.exec(
            QStringLiteral("SELECT DISTINCT worker_id, source FROM positions WHERE id > %1").arg(before)));
        while (q.next()) {
            QVERIFY2(!sourceOf.contains(q.value(0).toLongLong()), "one protocol per phone");
            sourceOf.insert(q.value(0).toLongLong(), q.value(1).toString());
        }
        QCOMPARE(sourceOf.size(), 6);
        for (int i = 0; i < simulated.size(); ++i)
            QCOMPARE(sourceOf.value(simulated[i].workerId) == QLatin1String("osmand"), i >= 2);
        for (const SimulatedWorker& w : simulated) {
            const WorkerRecord worker =
                *std::find_if(m_workers.begin(), m_workers.end(),
                              [&](const WorkerRecord& r) { return r.id == w.workerId; });
            const auto grid = store->grid(worker.gridCodes.first());
            QVERIFY(grid);
            const auto stored = store->workers();
            const auto now = std::find_if(stored.begin(), stored.end(),
                                          [&](const WorkerRecord& r) { return r.id == w.workerId; });
            QVERIFY(now->lastAt.isValid());
            QVERIFY2(geo::bounds(grid->wkb)
                         .adjusted(-1e-4, -1e-4, 1e-4, 1e-4)
                         .contains(QPointF(now->lastLon, now->lastLat)),
                     "the simulated phone walks inside its own grid");
        }
    }

    // The workers dock sorts 90,000 rows by comparing the rows themselves: the same order as
    // the sort keys, and a moved worker shows at once in the rows and within 250 ms in views.
    void workerListSortsAndMoves() {
        QString error;
        auto store = CountyStore::open(m_path, &error);
        QVERIFY2(store, qPrintable(error));
        WorkerListModel model;
        model.load(*store);
        QVERIFY(model.rowCount() > 8);
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        PositionFix fresh;
        fresh.workerId = model.rows().at(8).worker.id;
        fresh.at = now;
        fresh.lon = 124.25;
        fresh.lat = 40.25;
        fresh.accuracy = 5;
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.applyPositions({fresh});
        QCOMPARE(model.rows().at(8).status, WorkerStatus::Online);
        QCOMPARE(model.rows().at(8).worker.lastLon, 124.25);
        QVERIFY(changed.isEmpty());
        QVERIFY(changed.wait(2000));
        for (int row = 0; row < model.rowCount(); ++row) {
            for (const int column : {int(WorkerListModel::StatusColumn), int(WorkerListModel::LastFixColumn),
                                     int(WorkerListModel::NameColumn)}) {
                const QVariant a = model.index(row, column).data(Qt::UserRole);
                const QVariant b = model.index(8, column).data(Qt::UserRole);
                QCOMPARE(model.lessThan(row, 8, column), QVariant::compare(a, b) == QPartialOrdering::Less);
            }
        }
    }

    void workerStatusFollowsTheData() {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(workerStatus(now.addSecs(-60), now), WorkerStatus::Online);
        QCOMPARE(workerStatus(now.addSecs(-7 * 60), now), WorkerStatus::Stale);
        QCOMPARE(workerStatus(now.addSecs(-11 * 60), now), WorkerStatus::Offline);
        QCOMPARE(workerStatus(QDateTime(), now), WorkerStatus::Offline);
    }

    void retentionPurgesInBatches() {
        QString error;
        auto store = CountyStore::open(m_path, &error);
        FeedStore feed(*store);
        QList<PositionFix> fixes;
        for (int i = 0; i < 2500; ++i) {
            PositionFix f;
            f.workerId = m_workers.at(6).id;
            f.at = 1000000000 + i; // 2001
            f.lon = 124.2;
            f.lat = 40.2;
            f.live = false;
            f.source = QStringLiteral("test");
            fixes << f;
        }
        QVERIFY(feed.writeBatch(fixes, {}, &error));
        QCOMPARE(feed.positionCount(QStringLiteral("test")), 2500);
        QCOMPARE(feed.purgePositionsBefore(1000000000 + 2000, 300, &error), 2000);
        QCOMPARE(feed.positionCount(QStringLiteral("test")), 500);
        QVERIFY(!store->workers().at(6).lastAt.isValid()); // history never became the last position
    }
};

QTEST_GUILESS_MAIN(TestFeedServer)
#include "tst_feedserver.moc"
