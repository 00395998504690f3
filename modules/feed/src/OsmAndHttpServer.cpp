#include "gc/feed/OsmAndHttpServer.h"

#include "gc/feed/FeedPipeline.h"
#include "gc/feed/OsmAndRequest.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QPointer>
#include <QTcpSocket>
#include <algorithm>

namespace gc::feed {

namespace {

// The translation context of this file's messages, declared where lupdate reads it.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(OsmAndHttpServer)
};

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
    // The limit holds however the bytes arrive: a whole oversized header in one write is as
    // refused as one dribbled in pieces. Only the allowed length is ever searched.
    constexpr QByteArrayView kHeaderEnd("\r\n\r\n");
    const qsizetype searched = std::min(it->buffer.size(), kMaxHeaderBytes + kHeaderEnd.size());
    const qsizetype headerEnd = QByteArrayView(it->buffer).first(searched).indexOf(kHeaderEnd);
    if (headerEnd < 0) {
        if (searched >= kMaxHeaderBytes + kHeaderEnd.size()) {
            it->closeAfter = true;
            respond(socket, 431, Tr::tr("请求头超过 8 KB"));
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
    QByteArray contentType;
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
        } else if (name == "content-type") {
            contentType = value;
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
    handleRequest(socket, requestLine.at(0), requestLine.at(1), contentType, body);
    return true;
}

void OsmAndHttpServer::handleRequest(QTcpSocket* socket, const QByteArray& method, const QByteArray& target,
                                     const QByteArray& contentType, const QByteArray& body) {
    if (method != "GET" && method != "POST") {
        respond(socket, 405, Tr::tr("只接受 GET 或 POST"));
        return;
    }
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    OsmAndReport report = decodeOsmAndRequest(target, contentType, body, now);
    if (report.token.isEmpty()) {
        m_pipeline.countError(FeedError::MissingField);
        respond(socket, 400, report.reason);
        return;
    }
    const auto worker = m_pipeline.authenticate(report.token);
    if (!worker) {
        m_pipeline.countError(FeedError::UnknownDevice);
        respond(socket, 404, Tr::tr("未知或已注销的终端"));
        return;
    }
    if (report.kind == OsmAndReport::Kind::Bad) {
        m_pipeline.countError(FeedError::OutOfRange);
        respond(socket, 400, report.reason);
        return;
    }
    if (report.kind == OsmAndReport::Kind::NoFix) {
        // Answered 200 so the phone does not resend it forever; nothing is stored.
        m_pipeline.countWithoutFix();
        respond(socket, 200, report.reason);
        return;
    }
    FeedWork work;
    work.workerId = *worker;
    work.source = QStringLiteral("osmand");
    work.message = std::move(report.message);
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
