#pragma once

#include "gc/core/Ticket.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <functional>
#include <optional>

namespace gc {

class CountyStore;

// A ticket a worker reported (reporter "worker:N"), as the assessment counts it. Times are UTC
// epoch seconds.
struct ReportedTicket {
    qint64 ticketId = 0;
    qint64 workerId = 0;
    qint64 createdAt = 0;
    QString category;
    TicketState state = TicketState::Received;
};

// One ticket event the assessment counts: who it is credited to is `workerId` (the event's own
// worker for 指派核查/到场, the ticket's reporter for 网格内办结 and ratings).
struct WorkEvent {
    qint64 eventId = 0;
    qint64 ticketId = 0;
    qint64 workerId = 0;
    TicketAction action = TicketAction::Report;
    qint64 at = 0;
    TicketPriority priority = TicketPriority::Normal;
};

struct CheckinRow {
    qint64 id = 0;
    qint64 workerId = 0;
    qint64 at = 0;
};

// 人工加减分: points with a reason, who gave them and an optional evidence reference.
struct AssessAdjustment {
    qint64 id = 0;
    qint64 workerId = 0;
    double points = 0;
    QString reason;
    QString by;
    QString evidence;
    qint64 at = 0;
};

// One worker's patrol on one grid on one day.
struct GridCoverageRow {
    QString gridCode;
    double coveredShare = 0;
    int fixesUsed = 0;
    int gaps = 0;
    int keyPlaces = 0;
    int keyPlacesVisited = 0;
};

// One worker's duty day, summarised from the positions of that day (a window of positions: the
// event behind the online-rate and coverage points). `params` names the rules it was computed
// under, so a change of duty hours or radius recomputes it.
struct WorkerDay {
    qint64 id = 0; // 0 until stored
    qint64 workerId = 0;
    QString day; // yyyy-MM-dd, China time
    qint64 dutyStart = 0, dutyEnd = 0;
    int dutyMinutes = 0;
    int onlineMinutes = 0;
    int fixes = 0;
    QString params;
    QList<GridCoverageRow> grids;

    double coveredShare() const; // mean over the worker's grids, 0 without grids
};

// A position as the assessment reads it (accuracy NaN when not reported).
struct TrackPoint {
    qint64 at = 0;
    double lon = 0, lat = 0;
    double accuracy = 0;
};

// Persistence of the worker assessment (schema 5): the county's own rules, manual adjustments and
// the per-day summaries, and the bulk reads of recorded work. All the assessment's SQL lives here.
class AssessStore {
public:
    explicit AssessStore(CountyStore& store) : m_store(store) {}

    std::optional<QByteArray> rulesJson(QString* error = nullptr) const;
    bool saveRules(const QByteArray& json, const QString& by, qint64 at, QString* error);

    // Recorded work in [from, to) (epoch seconds); workerId 0 = every worker.
    bool reportedTickets(qint64 from, qint64 to, qint64 workerId, QList<ReportedTicket>* out,
                         QString* error) const;
    // 网格内办结 and ratings of tickets reported by workers, 指派核查 and 到场 events.
    bool workEvents(qint64 from, qint64 to, qint64 workerId, QList<WorkEvent>* out, QString* error) const;
    bool checkins(qint64 from, qint64 to, qint64 workerId, QList<CheckinRow>* out, QString* error) const;

    bool insertAdjustment(AssessAdjustment& a, QString* error);
    QList<AssessAdjustment> adjustments(qint64 from, qint64 to, qint64 workerId = 0) const;

    // Stored day summaries of [fromDay, toDay] (yyyy-MM-dd, inclusive); workerId 0 = all.
    bool workerDays(const QString& fromDay, const QString& toDay, qint64 workerId, QList<WorkerDay>* out,
                    QString* error) const;
    // Replaces the summaries of the same (worker, day); ids assigned. All or nothing.
    bool saveWorkerDays(QList<WorkerDay>& days, QString* error);

    // The tracks of the given workers in [from, to), oldest first per worker, through the fast
    // reader: `visit` gets one worker's whole track at a time.
    bool forEachTrack(const QList<qint64>& workerIds, qint64 from, qint64 to,
                      const std::function<void(qint64 workerId, const QList<TrackPoint>& track)>& visit,
                      QString* error) const;

private:
    CountyStore& m_store;
};

} // namespace gc
