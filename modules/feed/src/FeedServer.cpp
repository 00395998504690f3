#include "gc/feed/FeedServer.h"

#include "gc/feed/NmeaDeviceSource.h"
#include "gc/feed/OsmAndHttpServer.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>
#include <QWebSocket>
#include <QWebSocketServer>

namespace gc::feed {

namespace {
// Frames beyond this are cut by Qt itself (close 1009); up to it, our own 64 KB check
// answers with a too_large error and the connection stays.
constexpr qint64 kSocketMessageLimit = 1024 * 1024;
} // namespace

FeedServer::FeedServer(const QString& countyPath, const FeedOptions& options, QObject* parent)
    : QObject(parent), m_pipeline(new FeedPipeline(countyPath, options, this)) {}

FeedServer::~FeedServer() {
    close();
}

bool FeedServer::listen(const QHostAddress& address, quint16 port, QString* error) {
    if (!m_started && !(m_started = m_pipeline->start(error)))
        return false;
    m_server =
        new QWebSocketServer(QStringLiteral("GridCommand feed"), QWebSocketServer::NonSecureMode, this);
    if (!m_server->listen(address, port)) {
        if (error)
            *error = tr("无法监听 %1:%2：%3").arg(address.toString()).arg(port).arg(m_server->errorString());
        delete m_server;
        m_server = nullptr;
        return false;
    }
    connect(m_server, &QWebSocketServer::newConnection, this, &FeedServer::acceptConnection);
    return true;
}

bool FeedServer::listenOsmAnd(const QHostAddress& address, quint16 port, QString* error) {
    if (!m_started && !(m_started = m_pipeline->start(error)))
        return false;
    m_osmand = new OsmAndHttpServer(*m_pipeline, this);
    if (!m_osmand->listen(address, port)) {
        if (error)
            *error = tr("无法监听 OsmAnd 端口 %1:%2：%3")
                         .arg(address.toString())
                         .arg(port)
                         .arg(m_osmand->errorString());
        delete m_osmand;
        m_osmand = nullptr;
        return false;
    }
    return true;
}

NmeaDeviceSource* FeedServer::addNmeaDevice(const QString& token, const QString& host, quint16 port,
                                            QString* error) {
    if (!m_started && !(m_started = m_pipeline->start(error)))
        return nullptr;
    const auto worker = m_pipeline->authenticate(token);
    if (!worker) {
        if (error)
            *error = tr("未知的终端令牌");
        return nullptr;
    }
    auto* source = new NmeaDeviceSource(*m_pipeline, *worker, this);
    source->connectTo(host, port);
    return source;
}

void FeedServer::close() {
    if (m_server)
        m_server->close();
    if (m_osmand)
        m_osmand->close();
    m_pipeline->stop(); // acknowledgements of committed messages still go out here
    const auto sockets = m_clients.keys();
    for (QWebSocket* s : sockets)
        s->close(QWebSocketProtocol::CloseCodeGoingAway, tr("服务停止"));
    m_clients.clear();
    m_started = false;
}

quint16 FeedServer::port() const {
    return m_server ? m_server->serverPort() : 0;
}
quint16 FeedServer::osmAndPort() const {
    return m_osmand ? m_osmand->serverPort() : 0;
}

void FeedServer::acceptConnection() {
    while (QWebSocket* socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        const QUrl url = socket->requestUrl();
        if (url.path() != QLatin1String("/feed")) {
            socket->close(QWebSocketProtocol::CloseCode(kCloseBadPath), tr("路径应为 /feed"));
            socket->deleteLater();
            continue;
        }
        const QString token = QUrlQuery(url).queryItemValue(QStringLiteral("token"));
        const auto worker = m_pipeline->authenticate(token);
        if (!worker) {
            m_pipeline->countError(FeedError::UnknownDevice);
            socket->close(QWebSocketProtocol::CloseCode(kCloseUnknownToken), tr("未知或已注销的终端令牌"));
            socket->deleteLater();
            continue;
        }
        socket->setMaxAllowedIncomingMessageSize(kSocketMessageLimit);
        socket->setMaxAllowedIncomingFrameSize(kSocketMessageLimit);
        m_clients.insert(socket, Client{*worker});
        connect(socket, &QWebSocket::textMessageReceived, this,
                [this, socket](const QString& text) { handleMessage(socket, text.toUtf8()); });
        connect(socket, &QWebSocket::binaryMessageReceived, this,
                [this, socket](const QByteArray& bytes) { handleMessage(socket, bytes); });
        connect(socket, &QWebSocket::disconnected, this, [this, socket] {
            m_clients.remove(socket);
            socket->deleteLater();
            Q_EMIT clientCountChanged(int(m_clients.size()));
        });
        Q_EMIT clientCountChanged(int(m_clients.size()));
    }
}

void FeedServer::handleMessage(QWebSocket* socket, const QByteArray& utf8) {
    const auto it = m_clients.constFind(socket);
    if (it == m_clients.cend())
        return;
    const qint64 workerId = it->workerId;
    const ParseResult parsed = parseFeedMessage(utf8, QDateTime::currentSecsSinceEpoch());
    if (!parsed.ok()) {
        m_pipeline->countError(parsed.error);
        reply(socket, parsed.message.clientId, FeedOutcome{parsed.error, parsed.reason, 0});
        return;
    }
    if (!m_pipeline->admit(workerId)) {
        reply(socket, parsed.message.clientId,
              FeedOutcome{FeedError::RateLimited,
                          tr("发送过快（每台终端每秒 %1 条），未保存，请稍后重发")
                              .arg(m_pipeline->options().rateLimitPerSecond),
                          0});
        return;
    }
    FeedWork work{parsed.message, workerId,
                  parsed.message.convertedFromGcj02 ? QStringLiteral("ws-gcj02") : QStringLiteral("ws")};
    const QJsonValue id = parsed.message.clientId;
    const bool live = parsed.message.live;
    const bool isPosition = parsed.message.type == FeedMessageType::Position;
    QPointer<QWebSocket> guard(socket);
    m_pipeline->submit(std::move(work), [guard, id, live, isPosition](const FeedOutcome& outcome) {
        if (guard) // a device that left before the commit reconnects and resends
            reply(guard, id, outcome, !isPosition || live);
    });
}

void FeedServer::reply(QWebSocket* socket, const QJsonValue& id, const FeedOutcome& outcome, bool live) {
    QJsonObject o;
    o.insert(QStringLiteral("id"), id.isUndefined() ? QJsonValue() : id);
    if (outcome.ok()) {
        o.insert(QStringLiteral("type"), QStringLiteral("ack"));
        if (outcome.ticketId > 0)
            o.insert(QStringLiteral("ticket"), outcome.ticketId);
        if (!live)
            o.insert(QStringLiteral("live"), false);
    } else {
        o.insert(QStringLiteral("type"), QStringLiteral("error"));
        o.insert(QStringLiteral("code"), errorKey(outcome.error));
        o.insert(QStringLiteral("reason"), outcome.reason);
        if (outcome.ticketId > 0)
            o.insert(QStringLiteral("ticket"), outcome.ticketId);
    }
    socket->sendTextMessage(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
}

} // namespace gc::feed
