// Feed protocol conformance over real loopback sockets: every request Traccar's own OsmAnd
// decoder test sends (ported from traccar/traccar, OsmAndProtocolDecoderTest.java) means here
// what it means there; `+` in a query or form is a space; the 8 KB header limit holds however
// the bytes arrive; the WebSocket error codes follow the error table and RFC 8259/6455; and
// real NMEA receiver captures (gpsd's regression suite) give exactly the fixes gpsd decodes.
#include "FeedTestSupport.h"

#include "gc/feed/FeedServer.h"
#include "gc/feed/NmeaDeviceSource.h"

#include <QFile>
#include <QJsonArray>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimeZone>
#include <cmath>

using namespace gc;
using namespace gc::feed;
using feedtest::Client;

namespace {

struct HttpReply {
    int status = 0; // 0: no answer
    QByteArray body;
};

// Sends `request` over a fresh connection — in one write, or in writes of `chunk` bytes each
// reaching the server on its own — and reads one answer.
HttpReply exchange(quint16 port, const QByteArray& request, qsizetype chunk = 0) {
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    if (!s.waitForConnected(3000))
        return {};
    QByteArray response;
    const auto answered = [&] {
        response += s.readAll();
        const qsizetype end = response.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        const qsizetype lenAt = response.indexOf("Content-Length: ");
        const int len = response.mid(lenAt + 16, response.indexOf("\r\n", lenAt) - lenAt - 16).toInt();
        return response.size() >= end + 4 + len;
    };
    const qsizetype step = chunk > 0 ? chunk : request.size();
    for (qsizetype at = 0; at < request.size() && s.state() == QAbstractSocket::ConnectedState; at += step) {
        s.write(request.mid(at, step));
        s.waitForBytesWritten(1000);
        if (chunk > 0) // let the server read this piece before the next one is sent
            QTest::qWait(20);
        if (answered())
            break;
    }
    (void)QTest::qWaitFor(
        [&] {
            s.waitForReadyRead(50);
            return answered() || s.state() == QAbstractSocket::UnconnectedState;
        },
        5000);
    answered();
    HttpReply r;
    r.status = response.startsWith("HTTP/1.1 ") ? response.mid(9, 3).toInt() : 0;
    r.body = response.mid(response.indexOf("\r\n\r\n") + 4).trimmed();
    return r;
}

QByteArray get(const QByteArray& target) {
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
}

QByteArray post(const QByteArray& target, const QByteArray& contentType, const QByteArray& body) {
    return "POST " + target +
           " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: " + contentType +
           "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

struct StoredPosition {
    qint64 at = 0;
    double lon = 0, lat = 0;
    QVariant accuracy, speed, heading; // null when not known
    QString source;
};

QList<StoredPosition> positionsOf(const QString& path, qint64 workerId) {
    QString error;
    auto store = CountyStore::open(path, &error);
    if (!store)
        qFatal("open: %s", qPrintable(error));
    QSqlQuery q(store->database());
    q.prepare(QStringLiteral("SELECT at, lon, lat, accuracy, speed, heading, source FROM positions WHERE "
                             "worker_id = ? ORDER BY id"));
    q.addBindValue(workerId);
    if (!q.exec())
        qFatal("positions not read");
    QList<StoredPosition> out;
    while (q.next())
        out << StoredPosition{q.value(0).toLongLong(),
                              q.value(1).toDouble(),
                              q.value(2).toDouble(),
                              q.value(3),
                              q.value(4),
                              q.value(5),
                              q.value(6).toString()};
    return out;
}

qint64 utc(const char* iso) {
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs).toSecsSinceEpoch();
}

// One WebSocket frame from a client (always masked, RFC 6455 §5.3), payload under 126 bytes.
QByteArray clientFrame(quint8 opcode, const QByteArray& payload) {
    Q_ASSERT(payload.size() < 126);
    const char mask[4] = {0x11, 0x22, 0x33, 0x44};
    QByteArray f;
    f.append(char(0x80 | opcode)).append(char(0x80 | payload.size())).append(mask, 4);
    for (qsizetype i = 0; i < payload.size(); ++i)
        f.append(char(payload.at(i) ^ mask[i % 4]));
    return f;
}

} // namespace

class TestFeedConformance : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_path;
    QList<QPair<qint64, QString>> m_devices; // worker, token: one per case, so rows are attributable
    int m_nextDevice = 0;
    QString m_wsToken; // for the WebSocket replies, which store nothing worth attributing

    QPair<qint64, QString> freshDevice() {
        if (m_nextDevice >= m_devices.size())
            qFatal("not enough workers for a device each");
        return m_devices.at(m_nextDevice++);
    }
    // Positions from 2005 or 2013 are real data here: no retention purge during the test.
    static FeedOptions options() {
        FeedOptions o;
        o.retentionDays = 0;
        return o;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("conformance.gpkg"));
        auto store = feedtest::makeCounty(m_path);
        const QList<WorkerRecord> workers = store->workers();
        QVERIFY2(workers.size() >= 30, qPrintable(QString::number(workers.size())));
        for (const WorkerRecord& w : workers)
            m_devices << qMakePair(w.id, feedtest::issueToken(*store, w.id));
        m_wsToken = freshDevice().second;
    }

    // `+` is a space in application/x-www-form-urlencoded, in a query and in a POST body.
    void osmAndPlusIsASpace() {
        FeedServer server(m_path, options());
        QString error;
        QVERIFY2(server.listenOsmAnd(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        const auto [inQuery, tokenQ] = freshDevice();
        const auto [inBody, tokenB] = freshDevice();
        HttpReply r =
            exchange(server.osmAndPort(), get("/?id=" + tokenQ.toLatin1() +
                                              "&lat=40.25&lon=124.25&timestamp=2026-11-29+06:54:31"));
        QVERIFY2(r.status == 200, r.body.constData());
        r = exchange(server.osmAndPort(),
                     post("/", "application/x-www-form-urlencoded",
                          "id=" + tokenB.toLatin1() + "&lat=40.26&lon=124.26&timestamp=2026-11-28+23:59:59"));
        QVERIFY2(r.status == 200, r.body.constData());
        server.close();
        const QList<StoredPosition> q = positionsOf(m_path, inQuery);
        QCOMPARE(q.size(), 1);
        QCOMPARE(q.first().at, utc("2026-11-29T06:54:31Z"));
        const QList<StoredPosition> b = positionsOf(m_path, inBody);
        QCOMPARE(b.size(), 1);
        QCOMPARE(b.first().at, utc("2026-11-28T23:59:59Z"));
    }

    // 431 for a header over 8 KB whether it comes in one write or in pieces; a header under the
    // limit in one write is served.
    void osmAndHeaderLimitHoldsHoweverTheBytesArrive() {
        FeedServer server(m_path, options());
        QString error;
        QVERIFY2(server.listenOsmAnd(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        const auto [worker, token] = freshDevice();
        const auto request = [&](qsizetype padding) -> QByteArray {
            return "GET /?id=" + token.toLatin1() +
                   "&lat=40.25&lon=124.25 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nX-Padding: " +
                   QByteArray(padding, 'a') + "\r\n\r\n";
        };
        QCOMPARE(exchange(server.osmAndPort(), request(9 * 1024)).status, 431);
        QCOMPARE(exchange(server.osmAndPort(), request(100 * 1024)).status, 431);
        QCOMPARE(exchange(server.osmAndPort(), request(9 * 1024), 1024).status, 431);
        QCOMPARE(exchange(server.osmAndPort(), request(7 * 1024)).status, 200);
        QCOMPARE(exchange(server.osmAndPort(), request(7 * 1024), 1024).status, 200);
        server.close();
        QCOMPARE(positionsOf(m_path, worker).size(), 2);
    }

    // Every request of Traccar's OsmAndProtocolDecoderTest (its device ids replaced by tokens),
    // with what Traccar makes of it, worked out by hand from the request: the time, the
    // position, speed (query: knots; JSON: m/s), course and accuracy.
    void osmAndTraccarDecoderTestRequests_data() {
        QTest::addColumn<QByteArray>("contentType"); // empty: GET
        QTest::addColumn<QByteArray>("request");     // target for GET, body for POST; TOKEN replaced
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("stored");
        QTest::addColumn<qint64>("at"); // 0: the server's time of arrival
        QTest::addColumn<double>("lat");
        QTest::addColumn<double>("lon");
        QTest::addColumn<double>("speed");    // m/s; NaN: unknown
        QTest::addColumn<double>("heading");  // NaN: unknown
        QTest::addColumn<double>("accuracy"); // NaN: unknown
        const double none = std::nan("");
        const QByteArray json = "application/json";
        QTest::newRow("cell and wifi only")
            << QByteArray()
            << QByteArray("/?id=TOKEN&timestamp=1377177267&cell=257,02,16,2224&cell=257,"
                          "02,16,2223,-90&wifi=00-14-22-01-23-45,-80&wifi=00-1C-B3-09-"
                          "85-15,-70")
            << 200 << false << qint64(0) << 0.0 << 0.0 << none << none << none;
        QTest::newRow("no id") << QByteArray() << QByteArray("/?timestamp=1377177267&lat=60.0&lon=30.0")
                               << 400 << false << qint64(0) << 0.0 << 0.0 << none << none << none;
        QTest::newRow("iso time, hdop")
            << QByteArray()
            << QByteArray("/?id=TOKEN&lat=42.06288&lon=-88.23412&timestamp=2016-01-27T18%3A55%3A47Z&hdop=6.0&"
                          "altitude=224.0&speed=0.0")
            << 200 << true << qint64(1453920947) << 42.06288 << -88.23412 << 0.0 << none << 30.0;
        QTest::newRow("epoch milliseconds")
            << QByteArray()
            << QByteArray(
                   "/?id=TOKEN&lat=42.06288&lon=-88.23412&timestamp=1442068686579&hdop=6.0&altitude=224."
                   "0&speed=0.0")
            << 200 << true << qint64(1442068686) << 42.06288 << -88.23412 << 0.0 << none << 30.0;
        QTest::newRow("date with + for space, id last")
            << QByteArray()
            << QByteArray(
                   "/?lat=49.60688&lon=6.15788&timestamp=2014-06-04+09%3A10%3A11&altitude=384.7&speed=0.0&"
                   "id=TOKEN")
            << 200 << true << qint64(1401873011) << 49.60688 << 6.15788 << 0.0 << none << none;
        QTest::newRow("bearing, hdop 0")
            << QByteArray()
            << QByteArray("/?id=TOKEN&timestamp=1377177267&lat=60.0&lon=30.0&speed=0.0&bearing=0.0&altitude="
                          "0&hdop=0.0")
            << 200 << true << qint64(1377177267) << 60.0 << 30.0 << 0.0 << 0.0 << 0.0;
        QTest::newRow("minimal") << QByteArray()
                                 << QByteArray("/?id=TOKEN&timestamp=1377177267&lat=60.0&lon=30.0") << 200
                                 << true << qint64(1377177267) << 60.0 << 30.0 << none << none << none;
        QTest::newRow("deviceid, heading, hacc")
            << QByteArray()
            << QByteArray("/?lat=60.0&lon=30.0&speed=0.0&heading=0.0&vacc=0&hacc=0&altitude=0&deviceid=TOKEN")
            << 200 << true << qint64(0) << 60.0 << 30.0 << 0.0 << 0.0 << 0.0;
        QTest::newRow("no time, batt")
            << QByteArray()
            << QByteArray("/?id=TOKEN&lat=41.666667&lon=-0.883333&altitude=350.059479&speed=0.000000&batt=87")
            << 200 << true << qint64(0) << 41.666667 << -0.883333 << 0.0 << none << none;
        QTest::newRow("location=LAT,LON")
            << QByteArray() << QByteArray("/?id=TOKEN&timestamp=1377177267&location=60.0,30.0") << 200 << true
            << qint64(1377177267) << 60.0 << 30.0 << none << none << none;
        QTest::newRow("speed in knots, extra attributes")
            << QByteArray()
            << QByteArray("/?id=TOKEN&timestamp=1504763810&lat=40.7232948571&lon=-74.0061408571&bearing=7."
                          "19889788244&speed=40&ignition=true&rpm=933&fuel=24")
            << 200 << true << qint64(1504763810) << 40.7232948571 << -74.0061408571 << 40 * 0.514444
            << 7.19889788244 << none;
        QTest::newRow("Traccar Client 9 (Android)")
            << json
            << QByteArray(
                   R"({"location":{"timestamp":"2025-06-15T13:45:12.862Z","coords":{"latitude":37.4219983,"longitude":-122.084,"accuracy":5,"speed":0,"heading":-1,"altitude":5},"is_moving":false,"odometer":0,"event":"motionchange","battery":{"level":1,"is_charging":false},"activity":{"type":"still"},"extras":{},"_":"&id=48241179&lat=37.4219983&lon=-122.084&timestamp=2025-06-15T13:45:12.862Z&"},"device_id":"TOKEN"})")
            << 200 << true << qint64(1749995112) << 37.4219983 << -122.084 << 0.0 << none << 5.0;
        QTest::newRow("Traccar Client 9, extras")
            << json
            << QByteArray(
                   R"({"location":{"timestamp":"2025-06-15T13:45:12.862Z","coords":{"latitude":37.4219983,"longitude":-122.084,"accuracy":5,"speed":0,"heading":-1,"altitude":5},"is_moving":false,"odometer":0,"event":"motionchange","battery":{"level":1,"is_charging":false},"activity":{"type":"still"},"extras":{"device_string_test":"long_device_id","device_bool_test":true,"device_bool_false_test":false,"device_integer_test":1,"device_integer_twelve_test":12,"device_double_test":1.345,"device_very_long_double_test":1763636.3442},"_":"&id=48241179&lat=37.4219983&lon=-122.084&timestamp=2025-06-15T13:45:12.862Z&"},"device_id":"TOKEN"})")
            << 200 << true << qint64(1749995112) << 37.4219983 << -122.084 << 0.0 << none << 5.0;
        // The iOS simulator's mock location: accepted, but a mock is no evidence of where a
        // worker was, so it is not stored (Traccar stores it with a "mock" attribute).
        QTest::newRow("Traccar Client 9 (iOS simulator, mock)")
            << json
            << QByteArray(
                   R"({"location":{"extras":{},"mock":true,"coords":{"speed_accuracy":-1,"speed":-1,"longitude":-122.406417,"ellipsoidal_altitude":0,"floor":null,"heading_accuracy":-1,"latitude":37.785834000000001,"accuracy":5,"altitude_accuracy":-1,"altitude":0,"heading":-1},"is_moving":false,"age":188,"odometer":0,"uuid":"2FB04C65-99CF-42AB-8DD3-EBCB4B108BF8","event":"motionchange","battery":{"level":-1,"is_charging":false},"activity":{"type":"unknown","confidence":100},"timestamp":"2025-05-09T04:11:30.579Z"},"device_id":"TOKEN"})")
            << 200 << false << qint64(0) << 0.0 << 0.0 << none << none << none;
        QTest::newRow("background geolocation, moving")
            << json
            << QByteArray(
                   R"({"location":{"event":"motionchange","is_moving":false,"uuid":"0e9a2473-a9a7-4c00-997b-fb97d2154e75","timestamp":"2021-07-21T08:06:34.444Z","odometer":0,"coords":{"latitude":-6.1148096,"longitude":106.6837015,"accuracy":3.8,"speed":18.67,"speed_accuracy":0.26,"heading":63,"heading_accuracy":0.28,"altitude":35.7,"altitude_accuracy":3.8},"activity":{"type":"still","confidence":100},"battery":{"is_charging":false,"level":0.79},"extras":{}},"device_id":"TOKEN"})")
            << 200 << true << qint64(1626854794) << -6.1148096 << 106.6837015 << 18.67 << 63.0 << 3.8;
        // Beyond Traccar's own tests: a charset in the content type, a heartbeat without
        // coordinates, and a fix the device marks invalid.
        QTest::newRow("JSON with charset")
            << QByteArray("application/json; charset=utf-8")
            << QByteArray(
                   R"({"location":{"timestamp":"2026-11-29T06:54:31Z","coords":{"latitude":40.25,"longitude":124.25,"accuracy":12,"speed":1.5,"heading":180,"altitude":40},"battery":{"level":0.5,"is_charging":true},"is_moving":true,"event":"motionchange"},"device_id":"TOKEN"})")
            << 200 << true << qint64(1795935271) << 40.25 << 124.25 << 1.5 << 180.0 << 12.0;
        QTest::newRow("JSON heartbeat without coords")
            << json
            << QByteArray(
                   R"({"location":{"timestamp":"2026-11-29T06:54:31Z","event":"heartbeat","is_moving":false},"device_id":"TOKEN"})")
            << 200 << false << qint64(0) << 0.0 << 0.0 << none << none << none;
        QTest::newRow("valid=false") << QByteArray()
                                     << QByteArray(
                                            "/?id=TOKEN&timestamp=1377177267&lat=60.0&lon=30.0&valid=false")
                                     << 200 << false << qint64(0) << 0.0 << 0.0 << none << none << none;
        QTest::newRow("form body, POST")
            << QByteArray("application/x-www-form-urlencoded")
            << QByteArray("deviceid=TOKEN&location=60.5,30.5&timestamp=1377177267") << 200 << true
            << qint64(1377177267) << 60.5 << 30.5 << none << none << none;
    }
    void osmAndTraccarDecoderTestRequests() {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        QFETCH(bool, stored);
        QFETCH(qint64, at);
        QFETCH(double, lat);
        QFETCH(double, lon);
        QFETCH(double, speed);
        QFETCH(double, heading);
        QFETCH(double, accuracy);
        const auto [worker, token] = freshDevice();
        request.replace("TOKEN", token.toLatin1());
        FeedServer server(m_path, options());
        QString error;
        QVERIFY2(server.listenOsmAnd(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        const qint64 before = QDateTime::currentSecsSinceEpoch();
        const HttpReply r = exchange(server.osmAndPort(),
                                     contentType.isEmpty() ? get(request) : post("/", contentType, request));
        const qint64 after = QDateTime::currentSecsSinceEpoch();
        QVERIFY2(r.status == status,
                 qPrintable(QStringLiteral("%1: %2").arg(r.status).arg(QString::fromUtf8(r.body))));
        server.close();
        const QList<StoredPosition> rows = positionsOf(m_path, worker);
        QCOMPARE(rows.size(), stored ? 1 : 0);
        if (!stored)
            return;
        const StoredPosition& p = rows.first();
        if (at == 0)
            QVERIFY(p.at >= before && p.at <= after);
        else
            QCOMPARE(p.at, at);
        QCOMPARE(p.lat, lat);
        QCOMPARE(p.lon, lon);
        const auto same = [](const QVariant& v, double expected) {
            return std::isnan(expected) ? v.isNull()
                                        : !v.isNull() && std::abs(v.toDouble() - expected) < 1e-9;
        };
        QVERIFY2(same(p.speed, speed), qPrintable(p.speed.toString()));
        QVERIFY2(same(p.heading, heading), qPrintable(p.heading.toString()));
        QVERIFY2(same(p.accuracy, accuracy), qPrintable(p.accuracy.toString()));
        QCOMPARE(p.source, QStringLiteral("osmand"));
    }

    // The WebSocket error table: raw control characters in strings are not JSON (RFC 8259 §7);
    // a number beyond a double is out of range, as is an over-long id or a photo that is text
    // but not an http(s) URL; a value of the wrong JSON type stays wrong_type.
    void websocketErrorCodes_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QJsonValue>("echoedId");
        const QByteArray t = QByteArray::number(QDateTime::currentSecsSinceEpoch());
        QTest::newRow("raw tab in a string")
            << QByteArray("{\"type\":\"checkin\",\"id\":\"c1\",\"note\":\"a\tb\"}") << "bad_json"
            << QJsonValue();
        QTest::newRow("raw U+0001 in a string")
            << QByteArray("{\"type\":\"checkin\",\"id\":\"c2\",\"note\":\"a\x01\"}") << "bad_json"
            << QJsonValue();
        QTest::newRow("raw U+001F in a key")
            << QByteArray("{\"type\":\"checkin\",\"id\":\"c3\",\"no\x1fte\":\"x\"}") << "bad_json"
            << QJsonValue();
        QTest::newRow("raw newline in a string")
            << QByteArray("{\"type\":\"checkin\",\"id\":\"c4\",\"note\":\"line\nline\"}") << "bad_json"
            << QJsonValue();
        QTest::newRow("escaped tab is fine") << QByteArray(R"({"type":"checkin","id":"c5","note":"a\tb"})")
                                             << "ack" << QJsonValue(QStringLiteral("c5"));
        QTest::newRow("1e400") << QByteArray(R"({"type":"position","id":6,"lon":124.25,"lat":1e400,"time":)" +
                                             t + "}")
                               << "out_of_range" << QJsonValue(6);
        QTest::newRow("-1e400")
            << QByteArray(R"({"type":"position","id":7,"lon":-1e400,"lat":40.25,"time":)" + t + "}")
            << "out_of_range" << QJsonValue(7);
        QTest::newRow("malformed number stays bad_json")
            << QByteArray(R"({"type":"position","id":8,"lon":1e,"lat":40.25,"time":)" + t + "}") << "bad_json"
            << QJsonValue();
        QTest::newRow("id of 129 characters")
            << QByteArray(R"({"type":"checkin","id":")" + QByteArray(129, 'i') + R"("})") << "out_of_range"
            << QJsonValue();
        QTest::newRow("id of 128 characters")
            << QByteArray(R"({"type":"checkin","id":")" + QByteArray(128, 'i') + R"("})") << "ack"
            << QJsonValue(QString(128, u'i'));
        QTest::newRow("id fractional")
            << QByteArray(R"({"type":"checkin","id":1.5})") << "out_of_range" << QJsonValue();
        QTest::newRow("id boolean") << QByteArray(R"({"type":"checkin","id":true})") << "wrong_type"
                                    << QJsonValue();
        const QByteArray report =
            R"({"type":"ticket.report","id":9,"category":"C0101","text":"x","lon":124.25,"lat":40.25,"photos":[)";
        QTest::newRow("photo ftp URL")
            << QByteArray(report + R"("ftp:\/\/x\/1.jpg"]})") << "out_of_range" << QJsonValue(9);
        QTest::newRow("photo plain text")
            << QByteArray(report + R"("photo.jpg"]})") << "out_of_range" << QJsonValue(9);
        QTest::newRow("photo number") << QByteArray(report + R"(42]})") << "wrong_type" << QJsonValue(9);
    }
    void websocketErrorCodes() {
        QFETCH(QByteArray, json);
        QFETCH(QString, code);
        QFETCH(QJsonValue, echoedId);
        FeedServer server(m_path, options());
        QString error;
        QVERIFY2(server.listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        Client ws(QUrl(QStringLiteral("ws://127.0.0.1:%1/feed?token=%2").arg(server.port()).arg(m_wsToken)));
        QVERIFY(ws.waitConnected());
        const QJsonObject reply = ws.request(json);
        const QString got = reply.value(QLatin1String("type")).toString() == QLatin1String("ack")
                                ? QStringLiteral("ack")
                                : reply.value(QLatin1String("code")).toString();
        QVERIFY2(got == code, qPrintable(QJsonDocument(reply).toJson(QJsonDocument::Compact)));
        QCOMPARE(reply.value(QLatin1String("id")), echoedId);
        if (code != QLatin1String("ack"))
            QVERIFY(!reply.value(QLatin1String("reason")).toString().isEmpty());
        QVERIFY(!ws.closed); // bad input never closes the connection
    }

    // RFC 6455 §8.1: a text frame that is not UTF-8 fails the connection with 1007. A binary
    // message is the protocol's own business: not UTF-8 JSON is bad_json, and the link stays.
    void websocketInvalidUtf8TextClosesWith1007() {
        FeedServer server(m_path, options());
        QString error;
        QVERIFY2(server.listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        const QString token = m_wsToken;

        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(s.waitForConnected(3000));
        s.write("GET /feed?token=" + token.toLatin1() +
                " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        QByteArray in;
        QVERIFY(QTest::qWaitFor(
            [&] {
                s.waitForReadyRead(50);
                in += s.readAll();
                return in.contains("\r\n\r\n");
            },
            5000));
        QVERIFY2(in.startsWith("HTTP/1.1 101"), in.constData());
        in.remove(0, in.indexOf("\r\n\r\n") + 4);
        s.write(clientFrame(0x1, "{\"type\":\"checkin\",\"note\":\"\xc3\x28\xff\"}"));
        QVERIFY(QTest::qWaitFor(
            [&] {
                s.waitForReadyRead(50);
                in += s.readAll();
                return in.size() >= 4 || s.state() == QAbstractSocket::UnconnectedState;
            },
            5000));
        QVERIFY2(in.size() >= 4, in.toHex().constData());
        QCOMPARE(quint8(in.at(0)) & 0x0F, 0x8);                     // a close frame…
        QCOMPARE((quint8(in.at(2)) << 8) | quint8(in.at(3)), 1007); // …with 1007, invalid frame payload data

        Client ws(QUrl(QStringLiteral("ws://127.0.0.1:%1/feed?token=%2").arg(server.port()).arg(token)));
        QVERIFY(ws.waitConnected());
        const qsizetype before = ws.replies.size();
        ws.socket.sendBinaryMessage("{\"type\":\"checkin\",\"id\":\"b\",\"note\":\"\xc3\x28\"}");
        QVERIFY(QTest::qWaitFor([&] { return ws.replies.size() > before; }, 5000));
        QCOMPARE(ws.replies.last().value(QLatin1String("code")).toString(), QStringLiteral("bad_json"));
        QVERIFY(!ws.closed);
    }

    // Real receiver captures fed over TCP give the fixes gpsd decodes from them — no more (void,
    // estimated, simulated epochs are not positions), no fewer, same coordinates and times.
    void nmeaCapturesAgreeWithGpsd_data() {
        QTest::addColumn<QString>("capture");
        QTest::newRow("Garmin Geko 201, simulator mode") << QStringLiteral("garmin-geko201");
        QTest::newRow("Haicom HI-305N, void RMC at start") << QStringLiteral("haicom-305N");
        QTest::newRow("Garmin 25LP, void then valid") << QStringLiteral("garmin25lp");
    }
    void nmeaCapturesAgreeWithGpsd() {
        QFETCH(QString, capture);
        const QString dir = qEnvironmentVariable("GC_SOURCE_DIR") + QStringLiteral("/tests/data/nmea/");
        QFile log(dir + capture + QStringLiteral(".log"));
        QFile chk(dir + capture + QStringLiteral(".log.chk"));
        QVERIFY2(log.open(QIODevice::ReadOnly), qPrintable(log.fileName()));
        QVERIFY2(chk.open(QIODevice::ReadOnly), qPrintable(chk.fileName()));

        // What the receiver sent: its sentences (gpsd's capture comments are not).
        QByteArray stream;
        quint64 sentences = 0;
        for (const QByteArray& line : log.readAll().split('\n'))
            if (line.startsWith('$')) {
                stream += line.trimmed() + "\r\n";
                ++sentences;
            }

        // What gpsd made of it: its fix reports (TPV, mode 2 or 3, status not 8 "simulated"),
        // one epoch per run of reports with the same time; before gpsd has seen a date it reports
        // an epoch without time, recognised by its coordinates.
        struct Epoch {
            QString time;
            double lat, lon;
        };
        QList<Epoch> expected;
        for (const QByteArray& line : chk.readAll().split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line.trimmed()).object();
            if (o.value(QLatin1String("class")).toString() != QLatin1String("TPV") ||
                o.value(QLatin1String("mode")).toInt() < 2 || o.value(QLatin1String("status")).toInt() == 8)
                continue;
            const Epoch e{o.value(QLatin1String("time")).toString(), o.value(QLatin1String("lat")).toDouble(),
                          o.value(QLatin1String("lon")).toDouble()};
            const bool sameEpoch =
                !expected.isEmpty() && (e.time.isEmpty() || expected.last().time.isEmpty()
                                            ? e.lat == expected.last().lat && e.lon == expected.last().lon
                                            : e.time == expected.last().time);
            if (!sameEpoch)
                expected << e;
            else if (!e.time.isEmpty())
                expected.last().time = e.time;
        }

        // The receiver: serves its capture to the first connection, then hangs up.
        QTcpServer device;
        QVERIFY(device.listen(QHostAddress::LocalHost, 0));
        bool served = false;
        connect(&device, &QTcpServer::newConnection, this, [&] {
            QTcpSocket* s = device.nextPendingConnection();
            if (!served)
                s->write(stream);
            served = true;
            s->disconnectFromHost();
        });
        const auto [worker, token] = freshDevice();
        FeedServer server(m_path, options());
        QString error;
        QVERIFY2(server.listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        NmeaDeviceSource* source =
            server.addNmeaDevice(token, QStringLiteral("127.0.0.1"), device.serverPort(), &error);
        QVERIFY2(source, qPrintable(error));
        QVERIFY(QTest::qWaitFor([&] { return source->decoder().sentences() == sentences; }, 10000));
        QTest::qWait(NmeaDeviceSource::kQuietMs + 500); // the last epoch ends with the link
        server.close();

        const QList<StoredPosition> rows = positionsOf(m_path, worker);
        QCOMPARE(rows.size(), expected.size());
        for (qsizetype i = 0; i < rows.size(); ++i) {
            QVERIFY2(std::abs(rows[i].lat - expected[i].lat) < 1e-8 &&
                         std::abs(rows[i].lon - expected[i].lon) < 1e-8,
                     qPrintable(QStringLiteral("fix %1: %2, %3 where gpsd has %4, %5")
                                    .arg(i)
                                    .arg(rows[i].lat, 0, 'f', 9)
                                    .arg(rows[i].lon, 0, 'f', 9)
                                    .arg(expected[i].lat, 0, 'f', 9)
                                    .arg(expected[i].lon, 0, 'f', 9)));
            if (!expected[i].time.isEmpty())
                QCOMPARE(rows[i].at, utc(expected[i].time.toLatin1().constData()));
            QCOMPARE(rows[i].source, QStringLiteral("nmea"));
        }
        if (capture == QLatin1String("garmin-geko201"))
            QCOMPARE(expected.size(), 0); // gpsd: all simulated
        else
            QVERIFY(expected.size() >= 10);
    }

    // Each rule on its own (the captures above say "no fix" in several sentences at once): one
    // stream of epochs, a second apart, each with its own position; which were stored is read
    // back by time. Expected by hand from NMEA 0183 4.11 and the receivers' manuals.
    void nmeaEachNoFixRuleHoldsAlone() {
        const auto sentence = [](const QByteArray& body) -> QByteArray {
            uchar sum = 0;
            for (char c : body)
                sum ^= uchar(c);
            return "$" + body + "*" + QByteArray::number(sum, 16).toUpper().rightJustified(2, '0') + "\r\n";
        };
        // Epoch n: 10:00:nn on 28 Nov 2026, at 40°15.0nn' N 124°15.0nn' E.
        const auto hms = [](int n) -> QByteArray {
            return "1000" + QByteArray::number(n).rightJustified(2, '0');
        };
        const auto lat = [](int n) -> QByteArray {
            return "4015.0" + QByteArray::number(n).rightJustified(2, '0') + ",N";
        };
        const auto lon = [](int n) -> QByteArray {
            return "12415.0" + QByteArray::number(n).rightJustified(2, '0') + ",E";
        };
        const auto rmc = [&](int n, const QByteArray& status, const QByteArray& tail) -> QByteArray {
            return sentence("GPRMC," + hms(n) + "," + status + "," + lat(n) + "," + lon(n) +
                            ",0.5,90.0,281126,," + tail);
        };
        const auto gga = [&](int n, int quality) -> QByteArray {
            return sentence("GPGGA," + hms(n) + "," + lat(n) + "," + lon(n) + "," +
                            QByteArray::number(quality) + ",08,1.0,50.0,M,0.0,M,,");
        };
        const auto gll = [&](int n, const QByteArray& status, const QByteArray& mode) -> QByteArray {
            return sentence("GPGLL," + lat(n) + "," + lon(n) + "," + hms(n) + "," + status + "," + mode);
        };
        const auto gns = [&](int n, const QByteArray& modes) -> QByteArray {
            return sentence("GNGNS," + hms(n) + "," + lat(n) + "," + lon(n) + "," + modes +
                            ",10,1.0,50.0,0.0,,,S"); // S: navigation status safe
        };
        QByteArray stream;
        stream += rmc(1, "A", ",A") + gga(1, 1);   // a fix
        stream += rmc(2, "A", ",S");               // mode simulator
        stream += rmc(3, "A", ",E");               // mode estimated (dead reckoning)
        stream += rmc(4, "A", ",N");               // mode no fix
        stream += rmc(5, "A", ",M");               // mode manual input
        stream += rmc(6, "A", ",A,V");             // NMEA 4.1 navigation status: not valid
        stream += rmc(7, "V", ",A");               // status void
        stream += gga(8, 8);                       // simulator
        stream += gga(9, 6);                       // estimated
        stream += gga(10, 7);                      // manual input
        stream += gga(11, 0);                      // no fix
        stream += gga(12, 2);                      // a DGPS fix
        stream += gll(13, "A", "A");               // a fix
        stream += gll(14, "A", "S");               // simulator
        stream += gll(15, "V", "N");               // void
        stream += gns(16, "AN");                   // GPS fix, GLONASS unused: a fix
        stream += gns(17, "SS");                   // simulator
        stream += gns(18, "NN");                   // no fix
        stream += rmc(19, "A", ",A") + gga(19, 8); // RMC says fix, GGA says simulator: not a fix
        QByteArray badChecksum = gga(20, 0);
        badChecksum[badChecksum.size() - 3] = badChecksum.at(badChecksum.size() - 3) == '0' ? '1' : '0';
        stream += rmc(20, "A", "") + badChecksum; // NMEA 2.0 RMC; the corrupt GGA is dropped
        stream += rmc(21, "A", ",D");             // a differential fix
        stream += gns(22, "AS");                  // one constellation simulated: not a fix
        stream += rmc(1, "A", ",A");              // epoch 1 again: not after the last fix
        const QList<int> fixes = {1, 12, 13, 16, 20, 21};

        QTcpServer device;
        QVERIFY(device.listen(QHostAddress::LocalHost, 0));
        bool served = false;
        connect(&device, &QTcpServer::newConnection, this, [&] {
            QTcpSocket* s = device.nextPendingConnection();
            if (!served)
                s->write(stream);
            served = true;
            s->disconnectFromHost();
        });
        const auto [worker, token] = freshDevice();
        FeedServer server(m_path, options());
        QString error;
        QVERIFY2(server.listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        NmeaDeviceSource* source =
            server.addNmeaDevice(token, QStringLiteral("127.0.0.1"), device.serverPort(), &error);
        QVERIFY2(source, qPrintable(error));
        QVERIFY(QTest::qWaitFor([&] { return source->decoder().sentences() == quint64(stream.count('$')); },
                                10000));
        QTest::qWait(NmeaDeviceSource::kQuietMs + 500);
        server.close();

        const QList<StoredPosition> rows = positionsOf(m_path, worker);
        QList<int> stored;
        for (const StoredPosition& p : rows) {
            const int n = int(p.at - utc("2026-11-28T10:00:00Z"));
            stored << n;
            QVERIFY(std::abs(p.lat - (40.25 + n * 0.001 / 60)) < 1e-9);
            QVERIFY(std::abs(p.lon - (124.25 + n * 0.001 / 60)) < 1e-9);
        }
        QCOMPARE(stored, fixes);
    }
};

QTEST_GUILESS_MAIN(TestFeedConformance)
#include "tst_feedconformance.moc"
