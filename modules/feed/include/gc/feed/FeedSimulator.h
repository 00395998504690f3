#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPainterPath>
#include <QPointF>
#include <QRandomGenerator>
#include <QTimer>
#include <QUrl>

class QTcpSocket;
class QWebSocket;

namespace gc {
class CountyStore;
}

namespace gc::feed {

struct SimulatorOptions {
    QUrl url;                    // ws://HOST:PORT/feed
    int durationSeconds = 0;     // 0: until stopped
    int minIntervalSeconds = 10; // each worker reports every 10–30 s…
    int maxIntervalSeconds = 30;
    double ticketsPerMinute = 1; // over all workers
    double checkinsPerHour = 4;  // per worker (有事报事件，无事报平安)
    double gcj02Share = 0;       // share of workers whose phone SDK reports GCJ-02
    quint32 seed = 1;
    // Phones beyond the first `maxWebSockets` report positions over the OsmAnd/Traccar HTTP
    // protocol instead, as the Traccar Client app does, through a few kept-alive connections:
    // a WebSocket each costs a file descriptor at both ends, and a process has only so many
    // (20,000 phones with the server in the same process need over 40,000). 0: all WebSocket.
    int maxWebSockets = 0;
    QUrl osmandUrl; // http://HOST:PORT/ of the server's OsmAnd listener, for those phones
    int osmandConnections = 32;
};

// One simulated phone: a device token and the grid it patrols.
struct SimulatedWorker {
    qint64 workerId = 0;
    QString token;
    QString gridCode;
    QPainterPath grid; // lon/lat
    QPointF position;  // WGS-84, inside the grid
    double heading = 0;
    bool gcj02 = false;
    qint64 nextReportMs = 0;
    QPointF target; // a reported place to verify on site (核查); null when none
    int fixesAtTarget = 0;
    QWebSocket* socket = nullptr;
    bool osmand = false; // positions over OsmAnd HTTP, no check-ins or reports
};

struct SimulatorCounters {
    quint64 sent = 0, acked = 0, errors = 0, tickets = 0, checkins = 0, connected = 0;
};

// Workers walking inside their own grids at walking speed, speaking the real feed protocol
// over real WebSockets: positions every 10–30 s, check-ins, a ticket now and then.
class FeedSimulator : public QObject {
    Q_OBJECT
public:
    FeedSimulator(const SimulatorOptions& options, QObject* parent = nullptr);
    ~FeedSimulator() override;

    // Picks up to `count` on-duty workers of the county and gives each a device token of
    // kind "simulator" (reusing the ones issued before), with its grid's shape.
    static QList<SimulatedWorker> prepareWorkers(CountyStore& store, int count, quint32 seed, QString* error);

    void start(QList<SimulatedWorker> workers);
    void stop();
    const SimulatorCounters& counters() const { return m_counters; }

Q_SIGNALS:
    // The duration is over: no more messages are sent; stop() closes the connections.
    void finished();

private:
    void tick();
    void connectMore();
    void report(SimulatedWorker& w);
    void send(SimulatedWorker& w, const QJsonObject& message);
    void sendOsmAnd(const SimulatedWorker& w, double accuracy);
    void readOsmAndReplies(int connection);
    QPointF onWire(const SimulatedWorker& w, const QPointF& wgs84) const;

    SimulatorOptions m_options;
    QRandomGenerator m_rng;
    QList<SimulatedWorker> m_workers;
    qsizetype m_connecting = 0;       // m_workers before this index are online
    qsizetype m_webSocketWorkers = 0; // the first ones: they alone check in and report tickets
    QList<QTcpSocket*> m_osmand;
    QList<QByteArray> m_osmandReplies; // unread reply bytes per connection
    int m_nextOsmand = 0;
    QTimer m_ticker;
    QElapsedTimer m_clock;
    qint64 m_nextTicketMs = 0;
    quint64 m_messageId = 0;
    SimulatorCounters m_counters;
};

} // namespace gc::feed
