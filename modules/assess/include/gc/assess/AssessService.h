#pragma once

#include "gc/assess/AssessRules.h"
#include "gc/store/AssessStore.h"
#include "gc/store/Records.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QPointF>
#include <QString>
#include <optional>

namespace gc {

class CountyStore;

// A month of assessment: [from, to) in epoch seconds, China time.
struct AssessPeriod {
    QString key; // 2026-11
    QDate first, last;
    qint64 from = 0, to = 0;

    // "2026-11"; refused (nullopt, one line) when malformed or when it starts after `now`.
    static std::optional<AssessPeriod> parse(const QString& text, const QDateTime& now, QString* error);
    static AssessPeriod containing(const QDateTime& t);
};

// The recorded thing behind a point: a ticket, a ticket event, a check-in, a day's window of
// positions (the stored day summary), or an adjustment.
struct AssessEventRef {
    QString kind; // ticket, ticket_event, checkin, positions, adjustment
    qint64 id = 0;
    qint64 at = 0; // epoch seconds
};

// One line of the explanation. Points are kept in hundredths so the lines add up exactly.
struct AssessLine {
    QString item;
    qint64 centipoints = 0;
    qint64 rawCentipoints = 0; // before the item's cap or floor
    AssessEventRef event;
    QString note;
    bool capped() const { return centipoints != rawCentipoints; }
};

struct AssessItemScore {
    QString item;
    QString label;
    int count = 0; // events that carried points before capping
    qint64 centipoints = 0;
    bool capped = false;
};

struct WorkerScore {
    qint64 workerId = 0;
    QString name;
    QStringList grids;
    qint64 centipoints = 0;
    int rank = 0;
    QList<AssessItemScore> items;
    QList<AssessLine> lines; // in item order, then time
};

// An on-site check assigned to a worker (指派核查) and its arrival (到场), if any.
struct ArrivalRecord {
    qint64 ticketId = 0;
    qint64 workerId = 0;
    TicketPriority priority = TicketPriority::Normal;
    qint64 assignEventId = 0, assignedAt = 0;
    qint64 arriveEventId = 0, arrivedAt = 0; // 0 when not arrived
    int limitMin = 10;
    bool arrived() const { return arrivedAt > 0; }
    double minutes() const { return arrived() ? double(arrivedAt - assignedAt) / 60.0 : -1; }
    bool onTime() const { return arrived() && arrivedAt - assignedAt <= qint64(limitMin) * 60; }
    // No arrival and the limit has run out by `now`.
    bool overdue(qint64 now) const { return !arrived() && assignedAt + qint64(limitMin) * 60 < now; }
};

// Pure: on-site checks paired with their arrivals. An assignment is answered by the first arrival of
// the same worker on the same ticket before the ticket's next assignment; one replaced before an
// arrival is dropped (the check went to someone else).
QList<ArrivalRecord> pairArrivals(const QList<WorkEvent>& events, const AssessRules& rules);

// Pure: the online minutes of a duty window [start, end) given a track's fix times (sorted): minute
// m counts when a fix lies in [m − maxAge, m].
int onlineMinutes(const QList<qint64>& fixTimes, qint64 start, qint64 end, int maxAgeMin);

// Pure: the running clamp of an item: each line moves the item's total, which never leaves
// [floor, cap]; a line's points are what it actually moved. Returns the total.
qint64 applyCapAndFloor(QList<AssessLine>& lines, std::optional<double> cap, std::optional<double> floor);

// The worker assessment of one county: rules (the county's own, else the default), day summaries
// (computed from positions when missing, stored when the county is writable), scores with every
// point's event, arrivals and coverage. Used from one thread, the store's.
class AssessService {
public:
    explicit AssessService(CountyStore& store);

    bool load(QString* error);
    const AssessRules& rules() const { return m_rules; }
    bool setRules(const QByteArray& json, const QString& by, const QDateTime& at, QString* error);

    // Scores of every worker (workerId 0) or one, ranked among those scored. Without notes the lines
    // carry their points and events but no words (a ranking of thousands is quicker).
    std::optional<QList<WorkerScore>> score(const AssessPeriod& period, qint64 workerId, const QDateTime& now,
                                            QString* error, bool withNotes = true);
    // Assignments made in [from, to).
    std::optional<QList<ArrivalRecord>> arrivals(qint64 from, qint64 to, QString* error);
    // The day summaries (duty, online, coverage per grid) of the days, made now if missing or made
    // under other rules; `recompute` makes them again from the positions whatever is stored.
    std::optional<QList<WorkerDay>> days(const QDate& first, const QDate& last, qint64 workerId,
                                         const QDateTime& now, QString* error, bool recompute = false);
    bool adjust(AssessAdjustment& adjustment, QString* error);

    // The worker exists in the county.
    bool hasWorker(qint64 workerId) const;

private:
    WorkerDay summarize(qint64 workerId, const QDate& day, const QList<TrackPoint>& track, qint64 now) const;
    void loadGeometry();

    CountyStore& m_store;
    AssessStore m_assess;
    AssessRules m_rules;
    QList<WorkerRecord> m_workers;
    QHash<qint64, qsizetype> m_workerIndex;
    QHash<QString, QByteArray> m_gridWkb;
    QHash<QString, QList<QPointF>> m_keyPlaces; // by grid
    bool m_geometryLoaded = false;
};

} // namespace gc
