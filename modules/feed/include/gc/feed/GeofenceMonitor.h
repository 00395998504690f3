#pragma once

#include "gc/store/FeedStore.h"

#include <QHash>
#include <QList>
#include <QPainterPath>
#include <QPointF>
#include <QSet>
#include <functional>

namespace gc::feed {

struct GeofenceRules {
    double maxAccuracyM = 50;   // fixes less precise than this (or of unknown accuracy) are not judged
    int outsideFixes = 3;       // consecutive fixes clearly outside all own grids → alert
    int insideFixes = 2;        // consecutive fixes inside again → back
    double arrivalRadiusM = 50; // on site: within this of the ticket…
    int arrivalFixes = 2;       // …on this many consecutive fixes
    qint64 arrivalLimitS = 600; // no arrival within this → overdue alert
};

struct FeedAlert {
    enum class Kind { LeftGrids, BackInGrids, Arrived, ArrivalOverdue };
    Kind kind = Kind::LeftGrids;
    qint64 workerId = 0; // 0 for an overdue arrival nobody made
    qint64 ticketId = 0;
    qint64 at = 0;
    double distanceM = 0;
    // Arrived: the worker is the one assigned to verify this ticket (指派核查), so the
    // arrival is also the ticket's 到场 event.
    bool assignedCheck = false;
};
QString toKey(FeedAlert::Kind k); // left_grids, back_in_grids, arrived, arrival_overdue
// The alert in words: describe() in the UI's language, storedDescription() in the source language
// for the county's feed_alerts (stored text never depends on the language of who ran the server).
QString describe(const FeedAlert& a);
QString storedDescription(const FeedAlert& a);

// Judges workers against their grids and tickets they must reach, with accuracy gating
// and hysteresis: never on a single fix. Pure logic (no I/O), fed by the pipeline's writer.
class GeofenceMonitor {
public:
    using GridProvider = std::function<QList<QPainterPath>(qint64 workerId)>;

    explicit GeofenceMonitor(GridProvider grids, GeofenceRules rules = {})
        : m_grids(std::move(grids)), m_rules(rules) {}

    // A ticket that one of `workers` must reach on site, counted from `since`.
    void watchArrival(qint64 ticketId, QPointF site, const QList<qint64>& workers, qint64 since);
    // The grid worker assigned to verify a ticket on site (指派核查), counted from `since`
    // (the assignment). Replaces an earlier assignment of the ticket.
    void watchCheck(qint64 ticketId, QPointF site, qint64 workerId, qint64 since);
    // The check is no longer pending (arrived, reassigned elsewhere, ticket closed).
    void unwatchCheck(qint64 ticketId);
    // Ticket → assigned worker, for the checks still waiting for their worker.
    QHash<qint64, qint64> watchedChecks() const;
    int watchedArrivals() const { return int(m_arrivals.size()); }

    QList<FeedAlert> onFix(const PositionFix& fix);
    QList<FeedAlert> onClock(qint64 now);

private:
    struct WorkerState {
        int outsideRun = 0;
        int insideRun = 0;
        bool outside = false;
    };
    // One ticket's site, awaited by the workers of its grid (until one arrives) and/or by
    // the worker assigned to check it (until that one arrives).
    struct ArrivalWatch {
        QPointF site;
        QSet<qint64> workers; // the grid's workers; emptied once one of them arrived
        qint64 checkWorker = 0;
        qint64 since = 0;
        QHash<qint64, int> nearRun;
        bool overdueRaised = false;
    };
    bool clearlyOutside(const QList<QPainterPath>& grids, const PositionFix& fix) const;

    GridProvider m_grids;
    GeofenceRules m_rules;
    QHash<qint64, WorkerState> m_workers;
    QHash<qint64, ArrivalWatch> m_arrivals; // by ticket
};

} // namespace gc::feed
