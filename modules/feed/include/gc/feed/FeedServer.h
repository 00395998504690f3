#pragma once

#include "gc/feed/FeedPipeline.h"

#include <QHostAddress>
#include <QObject>
#include <QPointer>

class QWebSocketServer;
class QWebSocket;

namespace gc::feed {

class OsmAndHttpServer;
class NmeaDeviceSource;

// The feed server: the WebSocket JSON protocol at ws://HOST:PORT/feed?token=…
// (docs/feed-protocol.md), optionally the OsmAnd/Traccar HTTP protocol on its own port
// and NMEA 0183 devices, all writing through one FeedPipeline.
class FeedServer : public QObject {
    Q_OBJECT
public:
    // Close codes sent to a refused connection.
    static constexpr int kCloseUnknownToken = 4401;
    static constexpr int kCloseBadPath = 4404;

    FeedServer(const QString& countyPath, const FeedOptions& options = {}, QObject* parent = nullptr);
    ~FeedServer() override;

    // Opens the county and listens; port 0 picks a free port (see port()).
    bool listen(const QHostAddress& address, quint16 port, QString* error);
    bool listenOsmAnd(const QHostAddress& address, quint16 port, QString* error);
    // Reads NMEA 0183 sentences from a TCP endpoint as the positions of `token`'s worker.
    NmeaDeviceSource* addNmeaDevice(const QString& token, const QString& host, quint16 port, QString* error);
    // Stops accepting, commits and acknowledges what is queued, closes connections.
    void close();

    quint16 port() const;
    quint16 osmAndPort() const;
    int connectionCount() const { return int(m_clients.size()); }
    FeedPipeline& pipeline() { return *m_pipeline; }

Q_SIGNALS:
    void clientCountChanged(int count);

private:
    struct Client {
        qint64 workerId = 0;
    };
    void acceptConnection();
    void handleMessage(QWebSocket* socket, const QByteArray& utf8);
    static void reply(QWebSocket* socket, const QJsonValue& id, const FeedOutcome& outcome, bool live = true);

    FeedPipeline* m_pipeline = nullptr;
    QWebSocketServer* m_server = nullptr;
    OsmAndHttpServer* m_osmand = nullptr;
    QHash<QWebSocket*, Client> m_clients;
    bool m_started = false;
};

} // namespace gc::feed
