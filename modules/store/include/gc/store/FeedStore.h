#pragma once

#include "gc/store/CountyStore.h"

#include <QHash>
#include <QList>
#include <QString>
#include <cmath>
#include <limits>
#include <optional>

namespace gc {

// One stored fix of a worker (EPSG:4490). Times are UTC epoch seconds; NaN means
// "not reported" for accuracy, speed and heading.
struct PositionFix {
    qint64 workerId = 0;
    qint64 at = 0;
    double lon = 0, lat = 0;
    double accuracy = std::numeric_limits<double>::quiet_NaN();
    double speed = std::numeric_limits<double>::quiet_NaN();
    double heading = std::numeric_limits<double>::quiet_NaN();
    QString source;   // ws, ws-gcj02, osmand, nmea, …
    bool live = true; // false: history (older than the live window), never becomes the last position
};

// A patrol check-in (有事报事件，无事报平安); the location is optional.
struct CheckinRecord {
    qint64 workerId = 0;
    qint64 at = 0;
    bool hasLocation = false;
    double lon = 0, lat = 0;
    QString note;
};

// A geofence or arrival judgement of the feed.
struct AlertRecord {
    QString kind; // left_grids, back_in_grids, arrived, arrival_overdue
    qint64 workerId = 0;
    qint64 ticketId = 0;
    qint64 at = 0;
    QString note;
};

// A ticket event with the ticket's place, for replaying a period on the map.
struct PlacedTicketEvent {
    qint64 ticketId = 0;
    qint64 at = 0;
    QString action; // TicketAction key
    QString toState;
    double lon = 0, lat = 0;
    QString gridCode;
};

struct DeviceRecord {
    QString token;
    qint64 workerId = 0;
    QString kind;
    qint64 createdAt = 0;
    qint64 revokedAt = 0; // 0 while active
};

// The live feed's persistence on a county file: device tokens, batched position and
// check-in writes, the last position per worker, retention. It works on the connection
// of the CountyStore it is given, so it belongs to that store's thread.
class FeedStore {
public:
    explicit FeedStore(CountyStore& store) : m_store(store) {}

    // Issues a new random device token for an existing worker.
    std::optional<QString> issueToken(qint64 workerId, const QString& kind, QString* error);
    // One token per worker, in order, in one transaction: all or none (a simulator of 20,000
    // phones would otherwise wait for 20,000 commits).
    std::optional<QStringList> issueTokens(const QList<qint64>& workerIds, const QString& kind,
                                           QString* error);
    bool revokeToken(const QString& token, QString* error);
    // The worker an active (not revoked) token belongs to.
    std::optional<qint64> workerForToken(const QString& token) const;
    QList<DeviceRecord> devices(const QString& kind = {}) const;

    // Writes positions and check-ins in ONE transaction (all or nothing) and moves each
    // worker's last position forward to its newest live fix. Returns only once committed.
    bool writeBatch(const QList<PositionFix>& fixes, const QList<CheckinRecord>& checkins, QString* error);

    // Deletes positions older than `cutoff` in transactions of at most `batchSize` rows,
    // so the feed's writes are never blocked for long. Returns the number deleted, -1 on error.
    qint64 purgePositionsBefore(qint64 cutoff, int batchSize, QString* error);

    bool writeAlerts(const QList<AlertRecord>& alerts, QString* error);
    QList<AlertRecord> alerts(qint64 from, qint64 to) const;
    // The workers assigned to a grid.
    QList<qint64> workersOfGrid(const QString& gridCode) const;

    // Ticket events in [from, to] of tickets whose grid code starts with `gridPrefix`
    // (empty: all), oldest first.
    QList<PlacedTicketEvent> ticketEvents(qint64 from, qint64 to, const QString& gridPrefix = {}) const;

    // A worker's track in [from, to], oldest first.
    QList<PositionFix> track(qint64 workerId, qint64 from, qint64 to) const;
    qint64 positionCount(const QString& source = {}) const;
    qint64 checkinCount() const;

private:
    CountyStore& m_store;
};

} // namespace gc
