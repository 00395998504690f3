#include "gc/workers/TrackReplay.h"

#include <algorithm>

namespace gc::workers {

TrackReplay TrackReplay::load(const FeedStore& store, const QList<qint64>& workers, const QString& gridPrefix,
                              qint64 from, qint64 to) {
    TrackReplay r;
    r.m_from = from;
    r.m_to = to;
    for (const qint64 id : workers)
        r.m_tracks << WorkerTrack{id, store.track(id, from, to)};
    r.m_events = store.ticketEvents(from, to, gridPrefix);
    return r;
}

int TrackReplay::fixCount() const {
    int n = 0;
    for (const WorkerTrack& t : m_tracks)
        n += int(t.fixes.size());
    return n;
}

const PositionFix* TrackReplay::fixAt(const WorkerTrack& track, qint64 t) {
    const auto it = std::upper_bound(track.fixes.cbegin(), track.fixes.cend(), t,
                                     [](qint64 time, const PositionFix& f) { return time < f.at; });
    return it == track.fixes.cbegin() ? nullptr : &*(it - 1);
}

QList<PositionFix> TrackReplay::trail(const WorkerTrack& track, qint64 t, qint64 window) {
    const auto end = std::upper_bound(track.fixes.cbegin(), track.fixes.cend(), t,
                                      [](qint64 time, const PositionFix& f) { return time < f.at; });
    const auto begin = std::upper_bound(track.fixes.cbegin(), end, t - window,
                                        [](qint64 time, const PositionFix& f) { return time < f.at; });
    return QList<PositionFix>(begin, end);
}

int TrackReplay::eventsUntil(qint64 t) const {
    return int(std::upper_bound(m_events.cbegin(), m_events.cend(), t,
                                [](qint64 time, const PlacedTicketEvent& e) { return time < e.at; }) -
               m_events.cbegin());
}

} // namespace gc::workers
