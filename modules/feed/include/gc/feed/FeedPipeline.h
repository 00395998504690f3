#pragma once

#include "gc/feed/FeedMessage.h"
#include "gc/feed/GeofenceMonitor.h"
#include "gc/store/FeedStore.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QThread>
#include <QTimer>
#include <functional>
#include <memory>

namespace gc::feed {

struct FeedOptions {
    double rateLimitPerSecond = 20; // per device, sustained; <= 0 disables rate limiting
    double rateBurst = 200;         // per device: a phone uploading its offline backlog
    int batchMaxMessages = 4000;    // a batch is committed when this many wait…
    int batchDelayMs = 20;          // …or this long after the first one arrived, whichever first
    int retentionDays = 90;         // position history; purged hourly in batches
};

// One unit of work for the writer thread.
struct FeedWork {
    FeedMessage message;
    qint64 workerId = 0;
    QString source; // stored in positions.source: ws, ws-gcj02, osmand, nmea
};

// What the store made of it: an acknowledgement (after commit) or a coded error.
struct FeedOutcome {
    FeedError error = FeedError::None;
    QString reason;
    qint64 ticketId = 0;
    bool ok() const { return error == FeedError::None; }
};

struct FeedCounters {
    quint64 accepted = 0; // acknowledged after commit
    quint64 positions = 0;
    quint64 checkins = 0;
    quint64 tickets = 0;
    // Reports answered but not stored as positions because they carry no valid fix: OsmAnd
    // requests without coordinates, marked invalid or mock; NMEA epochs that are void,
    // estimated or simulated.
    quint64 withoutFix = 0;
    QHash<FeedError, quint64> errors;
};

class FeedWriter;

// The ingestion core shared by every listener (WebSocket, OsmAnd HTTP, NMEA): device
// authentication, per-device rate limits, counters, and a writer thread that commits
// batches to the county file and only then calls each message's completion — so nothing
// is acknowledged before it is committed. Lives in the thread that created it.
class FeedPipeline : public QObject {
    Q_OBJECT
public:
    using Completion = std::function<void(const FeedOutcome&)>;

    FeedPipeline(const QString& countyPath, const FeedOptions& options, QObject* parent = nullptr);
    ~FeedPipeline() override;

    // Opens the county (in this thread for token look-ups, and in the writer thread).
    bool start(QString* error);
    // Commits what is queued, waits for the writer, and stops it.
    void stop();

    std::optional<qint64> authenticate(const QString& token);
    // Token bucket per worker; false (and counted) when over the limit.
    bool admit(qint64 workerId);
    void countError(FeedError e) { ++m_counters.errors[e]; }
    void countWithoutFix() { ++m_counters.withoutFix; }
    void submit(FeedWork work, Completion done);

    const FeedCounters& counters() const { return m_counters; }
    const FeedOptions& options() const { return m_options; }
    int queued() const { return int(m_pending.size()); }

Q_SIGNALS:
    // After commit: a live position (for maps and docks), a check-in, a new ticket.
    void positionsStored(const QList<gc::PositionFix>& fixes); // one batch, in commit order
    void checkinStored(qint64 workerId, qint64 at);
    void ticketReported(qint64 ticketId);
    // A geofence or arrival judgement (already stored in feed_alerts).
    void alertRaised(const gc::feed::FeedAlert& alert);

private:
    struct Pending {
        FeedWork work;
        Completion done;
    };
    struct Bucket {
        double tokens = 0;
        qint64 lastMs = 0;
    };
    void flush();
    void batchDone(const QList<FeedOutcome>& outcomes);

    QString m_path;
    FeedOptions m_options;
    std::unique_ptr<CountyStore> m_store; // this thread: token look-ups only
    QThread m_thread;
    FeedWriter* m_writer = nullptr; // lives in m_thread
    QList<Pending> m_pending;
    QList<Pending> m_inFlight;
    bool m_writerBusy = false;
    QTimer m_delay;
    QElapsedTimer m_clock;
    QHash<qint64, Bucket> m_buckets;
    QHash<QString, QPair<qint64, qint64>> m_tokenCache; // token → (worker, cached at ms)
    FeedCounters m_counters;
};

} // namespace gc::feed
