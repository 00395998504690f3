#pragma once

#include "gc/feed/FeedMessage.h"

#include <QHash>
#include <QTcpServer>

class QTcpSocket;

namespace gc::feed {

class FeedPipeline;

// The OsmAnd/Traccar HTTP position protocol, so existing tracker apps (the free Traccar
// Client) serve as worker trackers: GET or POST /?id=TOKEN&lat=…&lon=…&timestamp=…
// &hdop=…&accuracy=…&speed=…(knots)&bearing=…, or Traccar Client 9's JSON body — every shape
// Traccar's own decoder accepts (OsmAndRequest.h); answers 200 once stored (or accepted
// without a fix), 400 for bad parameters, 404 for an unknown device, 429 when rate-limited,
// 503 when not stored.
// A small HTTP/1.1 parser: bounded headers and body, keep-alive, one request at a time
// per connection (answers stay in order).
class OsmAndHttpServer : public QTcpServer {
    Q_OBJECT
public:
    static constexpr qsizetype kMaxHeaderBytes = 8 * 1024;
    static constexpr qsizetype kMaxBodyBytes = 64 * 1024;
    // The protocol's `speed` is in knots.
    static constexpr double kKnotsToMetresPerSecond = FeedUnits::kKnotsToMetresPerSecond;

    OsmAndHttpServer(FeedPipeline& pipeline, QObject* parent = nullptr);

private:
    struct Connection {
        QByteArray buffer;
        bool busy = false; // a request waits for its commit
        bool closeAfter = false;
    };
    void accept();
    void process(QTcpSocket* socket);
    // Handles the first complete request in the buffer; false when none is complete.
    bool processOne(QTcpSocket* socket, Connection* connection);
    void handleRequest(QTcpSocket* socket, const QByteArray& method, const QByteArray& target,
                       const QByteArray& contentType, const QByteArray& body);
    void respond(QTcpSocket* socket, int status, const QString& text);

    FeedPipeline& m_pipeline;
    QHash<QTcpSocket*, Connection> m_connections;
};

} // namespace gc::feed
