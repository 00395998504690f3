#pragma once

#include "gc/store/FeedStore.h"

#include <QHash>
#include <QList>

namespace gc::workers {

// A period replayed: the tracks of some workers and the ticket events of their grids,
// asked "where was everyone, and what had happened, at time t". Loaded once; every
// question after that is a binary search, so a slider can scrub freely.
class TrackReplay {
public:
    struct WorkerTrack {
        qint64 workerId = 0;
        QList<PositionFix> fixes; // oldest first
    };

    // Loads the tracks of `workers` and the ticket events under `gridPrefix` in [from, to].
    static TrackReplay load(const FeedStore& store, const QList<qint64>& workers, const QString& gridPrefix,
                            qint64 from, qint64 to);

    qint64 from() const { return m_from; }
    qint64 to() const { return m_to; }
    const QList<WorkerTrack>& tracks() const { return m_tracks; }
    const QList<PlacedTicketEvent>& events() const { return m_events; }
    int fixCount() const;

    // The last fix of the track at or before `t`; nullptr when the worker had none yet.
    static const PositionFix* fixAt(const WorkerTrack& track, qint64 t);
    // The fixes of the track in (t - window, t].
    static QList<PositionFix> trail(const WorkerTrack& track, qint64 t, qint64 window);
    // How many events happened at or before `t` (they are the first that many of events()).
    int eventsUntil(qint64 t) const;

private:
    qint64 m_from = 0, m_to = 0;
    QList<WorkerTrack> m_tracks;
    QList<PlacedTicketEvent> m_events;
};

} // namespace gc::workers
