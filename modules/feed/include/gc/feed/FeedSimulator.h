#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPainterPath>
#include <QPointF>
#include <QRandomGenerator>
#include <QTimer>
#include <QUrl>

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
    void report(SimulatedWorker& w);
    void send(SimulatedWorker& w, const QJsonObject& message);
    QPointF onWire(const SimulatedWorker& w, const QPointF& wgs84) const;

    SimulatorOptions m_options;
    QRandomGenerator m_rng;
    QList<SimulatedWorker> m_workers;
    QTimer m_ticker;
    QElapsedTimer m_clock;
    qint64 m_nextTicketMs = 0;
    quint64 m_messageId = 0;
    SimulatorCounters m_counters;
};

} // namespace gc::feed
