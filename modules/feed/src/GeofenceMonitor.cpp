#include "gc/feed/GeofenceMonitor.h"

#include "gc/feed/GridShape.h"

#include <QCoreApplication>
#include <cmath>

namespace gc::feed {

namespace {
// The context lupdate extracts these messages under is the one they are looked up in.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(GeofenceMonitor)
};
} // namespace

QString toKey(FeedAlert::Kind k) {
    switch (k) {
    case FeedAlert::Kind::LeftGrids:
        return QStringLiteral("left_grids");
    case FeedAlert::Kind::BackInGrids:
        return QStringLiteral("back_in_grids");
    case FeedAlert::Kind::Arrived:
        return QStringLiteral("arrived");
    case FeedAlert::Kind::ArrivalOverdue:
        return QStringLiteral("arrival_overdue");
    }
    return {};
}

namespace {
const char* sourceText(FeedAlert::Kind kind) {
    switch (kind) {
    case FeedAlert::Kind::LeftGrids:
        return QT_TRANSLATE_NOOP("GeofenceMonitor", "网格员 %1 连续多次定位在责任网格外");
    case FeedAlert::Kind::BackInGrids:
        return QT_TRANSLATE_NOOP("GeofenceMonitor", "网格员 %1 已回到责任网格");
    case FeedAlert::Kind::Arrived:
        return QT_TRANSLATE_NOOP("GeofenceMonitor", "网格员 %1 已到达工单 %2 现场（%3 米）");
    case FeedAlert::Kind::ArrivalOverdue:
        return QT_TRANSLATE_NOOP("GeofenceMonitor", "工单 %1 超时无人到场核查");
    }
    return "";
}

QString withNumbers(const QString& text, const FeedAlert& a) {
    switch (a.kind) {
    case FeedAlert::Kind::LeftGrids:
    case FeedAlert::Kind::BackInGrids:
        return text.arg(a.workerId);
    case FeedAlert::Kind::Arrived:
        return text.arg(a.workerId).arg(a.ticketId).arg(qRound(a.distanceM));
    case FeedAlert::Kind::ArrivalOverdue:
        return text.arg(a.ticketId);
    }
    return text;
}
} // namespace

QString describe(const FeedAlert& a) {
    return withNumbers(Tr::tr(sourceText(a.kind)), a);
}

QString storedDescription(const FeedAlert& a) {
    return withNumbers(QString::fromUtf8(sourceText(a.kind)), a);
}

void GeofenceMonitor::watchArrival(qint64 ticketId, QPointF site, const QList<qint64>& workers,
                                   qint64 since) {
    ArrivalWatch w;
    w.site = site;
    w.workers = QSet<qint64>(workers.cbegin(), workers.cend());
    w.since = since;
    if (const auto it = m_arrivals.constFind(ticketId); it != m_arrivals.cend())
        w.checkWorker = it->checkWorker; // a pending check stays
    m_arrivals.insert(ticketId, w);
}

void GeofenceMonitor::watchCheck(qint64 ticketId, QPointF site, qint64 workerId, qint64 since) {
    auto it = m_arrivals.find(ticketId);
    if (it == m_arrivals.end())
        it = m_arrivals.insert(ticketId, ArrivalWatch{});
    else if (it->checkWorker == workerId)
        return; // the same assignment: keep its run of near fixes
    it->site = site;
    it->checkWorker = workerId;
    it->since = since; // the arrival clock restarts with the assignment
    it->overdueRaised = false;
    it->nearRun.remove(workerId);
}

void GeofenceMonitor::unwatchCheck(qint64 ticketId) {
    const auto it = m_arrivals.find(ticketId);
    if (it == m_arrivals.end())
        return;
    it->checkWorker = 0;
    if (it->workers.isEmpty())
        m_arrivals.erase(it);
}

QHash<qint64, qint64> GeofenceMonitor::watchedChecks() const {
    QHash<qint64, qint64> out;
    for (auto it = m_arrivals.cbegin(); it != m_arrivals.cend(); ++it)
        if (it->checkWorker != 0)
            out.insert(it.key(), it->checkWorker);
    return out;
}

bool GeofenceMonitor::clearlyOutside(const QList<QPainterPath>& grids, const PositionFix& fix) const {
    // Outside even allowing for the fix's error: neither the point nor any point of its
    // accuracy circle lies in one of the worker's grids.
    const QPointF p(fix.lon, fix.lat);
    QList<QPointF> probes{p};
    for (int k = 0; k < 8; ++k)
        probes << offsetByMetres(p, fix.accuracy, k * 45.0);
    for (const QPainterPath& g : grids)
        for (const QPointF& q : std::as_const(probes))
            if (g.contains(q))
                return false;
    return true;
}

QList<FeedAlert> GeofenceMonitor::onFix(const PositionFix& fix) {
    QList<FeedAlert> alerts;
    if (!fix.live || std::isnan(fix.accuracy) || fix.accuracy > m_rules.maxAccuracyM)
        return alerts; // a coarse fix proves nothing either way, and does not break a run
    const QList<QPainterPath> grids = m_grids ? m_grids(fix.workerId) : QList<QPainterPath>();
    if (!grids.isEmpty()) {
        WorkerState& s = m_workers[fix.workerId];
        if (clearlyOutside(grids, fix)) {
            s.insideRun = 0;
            if (++s.outsideRun >= m_rules.outsideFixes && !s.outside) {
                s.outside = true;
                alerts << FeedAlert{FeedAlert::Kind::LeftGrids, fix.workerId, 0, fix.at, 0, false};
            }
        } else {
            s.outsideRun = 0;
            if (++s.insideRun >= m_rules.insideFixes && s.outside) {
                s.outside = false;
                alerts << FeedAlert{FeedAlert::Kind::BackInGrids, fix.workerId, 0, fix.at, 0, false};
            }
        }
    }
    for (auto it = m_arrivals.begin(); it != m_arrivals.end();) {
        ArrivalWatch& w = *it;
        const bool assigned = w.checkWorker == fix.workerId;
        if ((!w.workers.contains(fix.workerId) && !assigned) || fix.at < w.since) {
            ++it;
            continue;
        }
        const double d = distanceMetres(QPointF(fix.lon, fix.lat), w.site);
        int& run = w.nearRun[fix.workerId];
        run = d <= m_rules.arrivalRadiusM ? run + 1 : 0;
        if (run < m_rules.arrivalFixes) {
            ++it;
            continue;
        }
        // One alert per arrival; it satisfies the grid's watch and, for the assigned
        // worker, the check.
        alerts << FeedAlert{FeedAlert::Kind::Arrived, fix.workerId, it.key(), fix.at, d, assigned};
        w.workers.clear();
        if (assigned)
            w.checkWorker = 0;
        if (w.checkWorker == 0)
            it = m_arrivals.erase(it);
        else
            ++it;
    }
    return alerts;
}

QList<FeedAlert> GeofenceMonitor::onClock(qint64 now) {
    QList<FeedAlert> alerts;
    for (auto it = m_arrivals.begin(); it != m_arrivals.end(); ++it) {
        if (!it->overdueRaised && now - it->since > m_rules.arrivalLimitS) {
            it->overdueRaised = true; // keep watching: a late arrival is still recorded
            alerts << FeedAlert{FeedAlert::Kind::ArrivalOverdue, 0, it.key(), now, 0, false};
        }
    }
    return alerts;
}

} // namespace gc::feed
