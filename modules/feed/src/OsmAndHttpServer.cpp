#include "gc/feed/OsmAndHttpServer.h"

#include "gc/feed/FeedPipeline.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QPointer>
#include <QTcpSocket>
#include <QTimeZone>
#include <QUrl>
#include <QUrlQuery>
#include <cmath>

namespace gc::feed {

namespace {

// The translation context of this file's messages, declared where lupdate reads it.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(OsmAndHttpServer)
};

// A phone's horizontal accuracy is about its HDOP times the receiver's ~5 m error.
constexpr double kMetresPerHdop = 5.0;

QByteArray statusText(int status) {
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 413:
        return "Payload Too Large";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    default:
        return "Service Unavailable";
    }
}

bool number(const QUrlQuery& q, const QString& key, double min, double max, double* out, QString* error) {
    if (!q.hasQueryItem(key))
        return true;
    bool ok = false;
    const double d = q.queryItemValue(key).toDouble(&ok);
    if (!ok || !std::isfinite(d) || d < min || d > max) {
        *error = Tr::tr("参数 %1 无效或超出范围 [%2, %3]").arg(key).arg(min).arg(max);
        return false;
    }
    *out = d;
    return true;
}

// Traccar accepts epoch seconds or milliseconds, ISO 8601, and "yyyy-MM-dd HH:mm:ss" (UTC).
bool parseTimestamp(const QString& s, qint64* out) {
    bool isNumber = false;
    const double d = s.toDouble(&isNumber);
    if (isNumber)
        return parseFeedTime(QJsonValue(d), out);
    QDateTime t = QDateTime::fromString(s, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (t.isValid()) {
        t.setTimeZone(QTimeZone::utc());
        *out = t.toSecsSinceEpoch();
        return *out > 946684800;
    }
    return parseFeedTime(QJsonValue(s), out);
}

} // namespace

OsmAndHttpServer::OsmAndHttpServer(FeedPipeline& pipeline, QObject* parent)
    : QTcpServer(parent), m_pipeline(pipeline) {
    connect(this, &QTcpServer::newConnection, this, &OsmAndHttpServer::accept);
}

void OsmAndHttpServer::accept() {
    while (QTcpSocket* socket = nextPendingConnection()) {
        m_connections.insert(socket, Connection{});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { process(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_connections.remove(socket);
            socket->deleteLater();
        });
    }
}

void OsmAndHttpServer::process(QTcpSocket* socket) {
    if (const auto it = m_connections.find(socket); it != m_connections.end())
        it->buffer += socket->readAll();
    // Several requests may wait in the buffer (pipelining); answer them in order.
    for (;;) {
        const auto it = m_connections.find(socket);
        if (it == m_connections.end() || it->busy || it->closeAfter || it->buffer.isEmpty())
            return;
        if (!processOne(socket, &*it))
            return;
    }
}

bool OsmAndHttpServer::processOne(QTcpSocket* socket, Connection* it) {
    const qsizetype headerEnd = it->buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        if (it->buffer.size() > kMaxHeaderBytes) {
            it->closeAfter = true;
            respond(socket, 431, Tr::tr("请求头过长"));
        }
        return false;
    }
    const QList<QByteArray> lines = it->buffer.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
        it->closeAfter = true;
        respond(socket, 400, Tr::tr("不是 HTTP/1.x 请求"));
        return false;
    }
    qint64 contentLength = 0;
    bool keepAlive = requestLine.at(2) == "HTTP/1.1";
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            bool ok = false;
            contentLength = value.toLongLong(&ok);
            if (!ok || contentLength < 0) {
                it->closeAfter = true;
                respond(socket, 400, Tr::tr("Content-Length 无效"));
                return false;
            }
        } else if (name == "connection") {
            keepAlive = value.toLower() == "keep-alive" || (keepAlive && value.toLower() != "close");
        } else if (name == "transfer-encoding") {
            it->closeAfter = true;
            respond(socket, 400, Tr::tr("不支持分块传输，请给出 Content-Length"));
            return false;
        }
    }
    if (contentLength > kMaxBodyBytes) {
        it->closeAfter = true;
        respond(socket, 413, Tr::tr("请求体超过 64 KB"));
        return false;
    }
    if (it->buffer.size() < headerEnd + 4 + contentLength)
        return false; // the body is still on its way
    const QByteArray body = it->buffer.mid(headerEnd + 4, contentLength);
    it->buffer.remove(0, headerEnd + 4 + contentLength);
    it->closeAfter = !keepAlive;
    handleRequest(socket, requestLine.at(0), requestLine.at(1), body);
    return true;
}

void OsmAndHttpServer::handleRequest(QTcpSocket* socket, const QByteArray& method, const QByteArray& target,
                                     const QByteArray& body) {
    if (method != "GET" && method != "POST") {
        respond(socket, 405, Tr::tr("只接受 GET 或 POST"));
        return;
    }
    const QUrl url = QUrl::fromEncoded(target);
    QUrlQuery query(url);
    // Traccar Client posts its parameters in the query; a form-encoded body counts too.
    if (method == "POST" && !body.isEmpty())
        for (const auto& [key, value] : QUrlQuery(QString::fromUtf8(body)).queryItems(QUrl::FullyDecoded))
            query.addQueryItem(key, value);
    if (!url.isValid() || (url.path() != QLatin1String("/") && !url.path().isEmpty())) {
        m_pipeline.countError(FeedError::BadJson);
        respond(socket, 404, Tr::tr("路径应为 /"));
        return;
    }
    const QString token = query.queryItemValue(QStringLiteral("id"), QUrl::FullyDecoded);
    if (token.isEmpty()) {
        m_pipeline.countError(FeedError::MissingField);
        respond(socket, 400, Tr::tr("缺少参数 id（终端令牌）"));
        return;
    }
    const auto worker = m_pipeline.authenticate(token);
    if (!worker) {
        m_pipeline.countError(FeedError::UnknownDevice);
        respond(socket, 404, Tr::tr("未知或已注销的终端"));
        return;
    }
    FeedWork work;
    work.workerId = *worker;
    work.source = QStringLiteral("osmand");
    FeedMessage& m = work.message;
    m.type = FeedMessageType::Position;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QString error;
    double hdop = FeedMessage::kNone;
    double speedKnots = FeedMessage::kNone;
    if (!query.hasQueryItem(QStringLiteral("lat")) || !query.hasQueryItem(QStringLiteral("lon"))) {
        error = Tr::tr("缺少参数 lat 或 lon");
    } else if (number(query, QStringLiteral("lat"), -90, 90, &m.lat, &error) &&
               number(query, QStringLiteral("lon"), -180, 180, &m.lon, &error) &&
               number(query, QStringLiteral("accuracy"), 0, 100000, &m.accuracy, &error) &&
               number(query, QStringLiteral("hdop"), 0, 1000, &hdop, &error) &&
               number(query, QStringLiteral("speed"), 0, 400, &speedKnots, &error) &&
               number(query, QStringLiteral("bearing"), 0, 360, &m.heading, &error) &&
               number(query, QStringLiteral("heading"), 0, 360, &m.heading, &error)) {
        m.at = now;
        if (query.hasQueryItem(QStringLiteral("timestamp")) &&
            !parseTimestamp(query.queryItemValue(QStringLiteral("timestamp"), QUrl::FullyDecoded), &m.at))
            error = Tr::tr("参数 timestamp 无法解析");
        else if (m.at > now + FeedLimits::kMaxFutureSeconds)
            error = Tr::tr("时间超前服务器 %1 秒（上限 300 秒）").arg(m.at - now);
    }
    if (!error.isEmpty()) {
        m_pipeline.countError(FeedError::OutOfRange);
        respond(socket, 400, error);
        return;
    }
    if (std::isnan(m.accuracy) && !std::isnan(hdop))
        m.accuracy = hdop * kMetresPerHdop;
    if (!std::isnan(speedKnots))
        m.speed = speedKnots * kKnotsToMetresPerSecond;
    m.hasLocation = true;
    m.live = m.at >= now - FeedLimits::kLiveWindowSeconds;
    if (!m_pipeline.admit(*worker)) {
        respond(socket, 429, Tr::tr("发送过快，未保存，请稍后重发"));
        return;
    }
    m_connections[socket].busy = true;
    QPointer<QTcpSocket> guard(socket);
    m_pipeline.submit(std::move(work), [this, guard](const FeedOutcome& outcome) {
        if (!guard)
            return;
        auto it = m_connections.find(guard);
        if (it == m_connections.end())
            return;
        it->busy = false;
        if (outcome.ok())
            respond(guard, 200, QStringLiteral("OK"));
        else
            respond(guard, 503, outcome.reason);
        if (guard && m_connections.contains(guard) && !m_connections[guard].closeAfter)
            process(guard); // a pipelined request may be waiting
    });
}

void OsmAndHttpServer::respond(QTcpSocket* socket, int status, const QString& text) {
    const QByteArray body = text.toUtf8() + '\n';
    const bool close = m_connections.value(socket).closeAfter;
    QByteArray out =
        "HTTP/1.1 " + QByteArray::number(status) + ' ' + statusText(status) +
        "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: " + QByteArray::number(body.size()) +
        (close ? "\r\nConnection: close" : "") + "\r\n\r\n" + body;
    socket->write(out);
    if (close)
        socket->disconnectFromHost();
}

} // namespace gc::feed
