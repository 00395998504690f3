#include "gc/workers/ReplayOverlay.h"

#include <QPainterPath>

namespace gc::workers {

namespace {
constexpr qint64 kTrailSeconds = 10 * 60;
}

void ReplayOverlay::setReplay(const TrackReplay* replay) {
    m_replay = replay;
    Q_EMIT changed();
}

void ReplayOverlay::setTime(qint64 t) {
    if (t == m_time)
        return;
    m_time = t;
    Q_EMIT changed();
}

void ReplayOverlay::paint(QPainter& painter, const map::MapViewport& viewport,
                          const map::GridLayerData& data) {
    if (!m_replay)
        return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    // Tickets whose events have happened by now: a diamond, filled once resolved or closed.
    const int events = m_replay->eventsUntil(m_time);
    QHash<qint64, const PlacedTicketEvent*> latest;
    for (int i = 0; i < events; ++i)
        latest.insert(m_replay->events().at(i).ticketId, &m_replay->events().at(i));
    for (const PlacedTicketEvent* e : std::as_const(latest)) {
        const QPointF p = viewport.toPixel(data.project(QPointF(e->lon, e->lat)));
        const bool done = e->toState == QLatin1String("resolved") || e->toState == QLatin1String("closed");
        QPolygonF diamond{p + QPointF(0, -7), p + QPointF(7, 0), p + QPointF(0, 7), p + QPointF(-7, 0)};
        painter.setPen(QPen(QColor(0xb0, 0x1c, 0x2e), 2));
        painter.setBrush(done ? QBrush(QColor(0xb0, 0x1c, 0x2e)) : QBrush(Qt::white));
        painter.drawPolygon(diamond);
    }
    for (const TrackReplay::WorkerTrack& track : m_replay->tracks()) {
        const QList<PositionFix> trail = TrackReplay::trail(track, m_time, kTrailSeconds);
        if (trail.isEmpty())
            continue;
        QPolygonF line;
        for (const PositionFix& f : trail)
            line << viewport.toPixel(data.project(QPointF(f.lon, f.lat)));
        painter.setPen(QPen(QColor(0x6a, 0x1b, 0x9a, 190), 3, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.setBrush(Qt::NoBrush);
        painter.drawPolyline(line);
        painter.setPen(QPen(QColor(0x6a, 0x1b, 0x9a), 2.5));
        painter.setBrush(Qt::white);
        painter.drawEllipse(line.last(), 7, 7);
    }
    painter.restore();
}

} // namespace gc::workers
