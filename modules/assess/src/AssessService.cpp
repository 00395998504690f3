// Scores grid workers from their recorded work: every point is a line with the event behind it,
// items capped and floored in time order, so the explanation always adds up to the score.
#include "gc/assess/AssessService.h"

#include "gc/core/ChinaTime.h"
#include "gc/geo/Coverage.h"
#include "gc/store/CountyStore.h"
#include "gc/store/RiskStore.h"

#include <QCoreApplication>
#include <QSet>
#include <QtConcurrent/QtConcurrentMap>
#include <algorithm>
#include <cmath>
#include <limits>

namespace gc {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(AssessService)
};

constexpr qint64 kDay = 86400;

qint64 dayStart(const QDate& d) {
    return QDateTime(d, QTime(0, 0), chinaTimeZone()).toSecsSinceEpoch();
}

QDate chinaDate(qint64 at) {
    return fromEpochSeconds(at).date();
}

qint64 centi(double points) {
    return std::llround(points * 100.0);
}

} // namespace

std::optional<AssessPeriod> AssessPeriod::parse(const QString& text, const QDateTime& now, QString* error) {
    const QDate first =
        QDate::fromString(text.trimmed() + QStringLiteral("-01"), QStringLiteral("yyyy-MM-dd"));
    if (!first.isValid()) {
        *error = Tr::tr("考核周期“%1”无效，应为 yyyy-MM（如 2026-11）").arg(text);
        return std::nullopt;
    }
    AssessPeriod p = containing(QDateTime(first, QTime(0, 0), chinaTimeZone()));
    if (p.from > now.toSecsSinceEpoch()) {
        *error = Tr::tr("考核周期 %1 尚未开始，不能考核").arg(p.key);
        return std::nullopt;
    }
    return p;
}

AssessPeriod AssessPeriod::containing(const QDateTime& t) {
    const QDate d = t.toTimeZone(chinaTimeZone()).date();
    AssessPeriod p;
    p.first = QDate(d.year(), d.month(), 1);
    p.last = p.first.addMonths(1).addDays(-1);
    p.key = p.first.toString(QStringLiteral("yyyy-MM"));
    p.from = dayStart(p.first);
    p.to = dayStart(p.last.addDays(1));
    return p;
}

QList<ArrivalRecord> pairArrivals(const QList<WorkEvent>& events, const AssessRules& rules) {
    // Per ticket, its assignments and arrivals in time order.
    QHash<qint64, QList<const WorkEvent*>> byTicket;
    for (const WorkEvent& e : events)
        if (e.action == TicketAction::AssignCheck || e.action == TicketAction::Arrive)
            byTicket[e.ticketId] << &e;
    QList<ArrivalRecord> out;
    for (auto it = byTicket.cbegin(); it != byTicket.cend(); ++it) {
        const QList<const WorkEvent*>& list = *it;
        for (qsizetype i = 0; i < list.size(); ++i) {
            const WorkEvent& a = *list[i];
            if (a.action != TicketAction::AssignCheck)
                continue;
            ArrivalRecord r;
            r.ticketId = a.ticketId;
            r.workerId = a.workerId;
            r.priority = a.priority;
            r.assignEventId = a.eventId;
            r.assignedAt = a.at;
            r.limitMin = rules.arrivalLimit(a.priority);
            bool replaced = false;
            for (qsizetype j = i + 1; j < list.size(); ++j) {
                const WorkEvent& b = *list[j];
                if (b.action == TicketAction::AssignCheck) {
                    replaced = true;
                    break;
                }
                if (b.workerId == a.workerId) {
                    r.arriveEventId = b.eventId;
                    r.arrivedAt = b.at;
                    break;
                }
            }
            if (replaced && !r.arrived())
                continue;
            out << r;
        }
    }
    std::sort(out.begin(), out.end(), [](const ArrivalRecord& a, const ArrivalRecord& b) {
        return a.assignedAt != b.assignedAt ? a.assignedAt < b.assignedAt : a.assignEventId < b.assignEventId;
    });
    return out;
}

int onlineMinutes(const QList<qint64>& fixTimes, qint64 start, qint64 end, int maxAgeMin) {
    const qint64 maxAge = qint64(maxAgeMin) * 60;
    int minutes = 0;
    qsizetype next = 0; // first fix after the minute being judged
    qint64 newest = std::numeric_limits<qint64>::min();
    for (qint64 m = start; m < end; m += 60) {
        while (next < fixTimes.size() && fixTimes[next] <= m)
            newest = fixTimes[next++];
        if (newest != std::numeric_limits<qint64>::min() && m - newest <= maxAge)
            ++minutes;
    }
    return minutes;
}

qint64 applyCapAndFloor(QList<AssessLine>& lines, std::optional<double> cap, std::optional<double> floor) {
    const qint64 hi = cap ? centi(*cap) : std::numeric_limits<qint64>::max() / 4;
    const qint64 lo = floor ? centi(*floor) : std::numeric_limits<qint64>::min() / 4;
    qint64 total = 0;
    for (AssessLine& line : lines) {
        const qint64 next = std::clamp(total + line.rawCentipoints, lo, hi);
        line.centipoints = next - total;
        total = next;
    }
    return total;
}

AssessService::AssessService(CountyStore& store) : m_store(store), m_assess(store) {}

bool AssessService::load(QString* error) {
    QString readError;
    const std::optional<QByteArray> own = m_assess.rulesJson(&readError);
    if (!readError.isEmpty()) {
        *error = readError;
        return false;
    }
    const auto rules = AssessRules::parse(own.value_or(AssessRules::defaultJson()), error);
    if (!rules)
        return false;
    m_rules = *rules;
    m_workers = m_store.workers();
    m_workerIndex.clear();
    for (qsizetype i = 0; i < m_workers.size(); ++i)
        m_workerIndex.insert(m_workers[i].id, i);
    return true;
}

bool AssessService::setRules(const QByteArray& json, const QString& by, const QDateTime& at, QString* error) {
    const auto rules = AssessRules::parse(json, error);
    if (!rules || !m_assess.saveRules(json, by, at.toSecsSinceEpoch(), error))
        return false;
    m_rules = *rules;
    return true;
}

bool AssessService::hasWorker(qint64 workerId) const {
    return m_workerIndex.contains(workerId);
}

bool AssessService::adjust(AssessAdjustment& a, QString* error) {
    if (!hasWorker(a.workerId)) {
        *error = Tr::tr("网格员 %1 不存在").arg(a.workerId);
        return false;
    }
    if (a.reason.trimmed().isEmpty()) {
        *error = Tr::tr("加减分必须写明理由（--reason）");
        return false;
    }
    if (a.by.trimmed().isEmpty()) {
        *error = Tr::tr("加减分必须写明操作人（--by）");
        return false;
    }
    if (!std::isfinite(a.points) || a.points == 0) {
        *error = Tr::tr("加减分分值必须是非零数值");
        return false;
    }
    return m_assess.insertAdjustment(a, error);
}

void AssessService::loadGeometry() {
    if (m_geometryLoaded)
        return;
    for (const GridRecord& g : m_store.grids(GridLevel::Grid, true))
        m_gridWkb.insert(g.code, g.wkb);
    for (const KeyPlace& p : RiskStore(m_store).keyPlaces())
        m_keyPlaces[p.gridCode] << QPointF(p.lon, p.lat);
    m_geometryLoaded = true;
}

WorkerDay AssessService::summarize(qint64 workerId, const QDate& day, const QList<TrackPoint>& track,
                                   qint64 now) const {
    WorkerDay d;
    d.workerId = workerId;
    d.day = day.toString(Qt::ISODate);
    d.params = m_rules.daySummaryParams();
    d.fixes = int(track.size());
    if (m_rules.duty.days.contains(day.dayOfWeek())) {
        d.dutyStart = QDateTime(day, m_rules.duty.start, chinaTimeZone()).toSecsSinceEpoch();
        d.dutyEnd = std::min(now, QDateTime(day, m_rules.duty.end, chinaTimeZone()).toSecsSinceEpoch());
        d.dutyEnd = std::max(d.dutyEnd, d.dutyStart);
        d.dutyMinutes = int((d.dutyEnd - d.dutyStart) / 60);
        QList<qint64> times;
        times.reserve(track.size());
        for (const TrackPoint& p : track)
            times << p.at;
        d.onlineMinutes = onlineMinutes(times, d.dutyStart, d.dutyEnd, m_rules.duty.onlineMaxAgeMin);
    }
    const auto index = m_workerIndex.constFind(workerId);
    if (index == m_workerIndex.cend())
        return d;
    const WorkerRecord* worker = &m_workers[*index];
    QList<geo::TrackSample> samples;
    samples.reserve(track.size());
    for (const TrackPoint& p : track)
        samples << geo::TrackSample{p.at, p.lon, p.lat, p.accuracy};
    geo::CoverageOptions options;
    options.radiusM = m_rules.coverageRadiusM;
    options.maxAccuracyM = m_rules.maxAccuracyM;
    options.maxGapS = qint64(m_rules.maxGapMin) * 60;
    for (const QString& code : worker->gridCodes) {
        GridCoverageRow row;
        row.gridCode = code;
        const QList<QPointF> places = m_keyPlaces.value(code);
        row.keyPlaces = int(places.size());
        const auto wkb = m_gridWkb.constFind(code);
        if (wkb != m_gridWkb.cend() && !samples.isEmpty()) {
            const geo::CoverageResult c = geo::patrolCoverage(*wkb, samples, options, places);
            row.coveredShare = c.coveredShare;
            row.fixesUsed = c.fixesUsed;
            row.gaps = c.gaps;
            row.keyPlacesVisited = int(std::count(c.probesCovered.cbegin(), c.probesCovered.cend(), true));
        }
        d.grids << row;
    }
    return d;
}

std::optional<QList<WorkerDay>> AssessService::days(const QDate& first, const QDate& last, qint64 workerId,
                                                    const QDateTime& nowTime, QString* error,
                                                    bool recompute) {
    const qint64 now = nowTime.toSecsSinceEpoch();
    QList<WorkerDay> stored;
    if (!recompute && !m_assess.workerDays(first.toString(Qt::ISODate), last.toString(Qt::ISODate), workerId,
                                           &stored, error))
        return std::nullopt;
    const QString params = m_rules.daySummaryParams();
    QHash<QString, QSet<qint64>> have; // day → workers summarised under these rules
    QList<WorkerDay> out;
    out.reserve(stored.size());
    for (WorkerDay& d : stored)
        if (d.params == params) {
            have[d.day].insert(d.workerId);
            out << std::move(d);
        }
    QList<qint64> workers;
    for (const WorkerRecord& w : m_workers)
        if (workerId == 0 || w.id == workerId)
            workers << w.id;
    // What is missing, day by day: read the day's tracks, summarise them on every core, and keep the
    // summaries of days that are over (a day still running is summarised again next time).
    constexpr qsizetype kBatch = 500; // a day of one-minute fixes for 500 workers is ~25 MB
    for (QDate day = first; day <= last; day = day.addDays(1)) {
        const qint64 from = dayStart(day);
        if (from > now)
            break;
        const QString key = day.toString(Qt::ISODate);
        const QSet<qint64> done = have.value(key);
        QList<qint64> missing;
        for (qint64 w : workers)
            if (!done.contains(w))
                missing << w;
        for (qsizetype b = 0; b < missing.size(); b += kBatch) {
            const QList<qint64> batch = missing.mid(b, kBatch);
            QList<QPair<qint64, QList<TrackPoint>>> tracks;
            tracks.reserve(batch.size());
            if (!m_assess.forEachTrack(
                    batch, from, from + kDay,
                    [&](qint64 w, const QList<TrackPoint>& t) {
                        tracks.append({w, t});
                    },
                    error))
                return std::nullopt;
            if (!m_geometryLoaded)
                loadGeometry();
            QList<WorkerDay> made = QtConcurrent::blockingMapped<QList<WorkerDay>>(
                tracks, [&](const QPair<qint64, QList<TrackPoint>>& t) {
                    return summarize(t.first, day, t.second, now);
                });
            if (from + kDay <= now && !m_store.isReadOnly() && !m_assess.saveWorkerDays(made, error))
                return std::nullopt;
            out += made;
        }
    }
    return out;
}

std::optional<QList<ArrivalRecord>> AssessService::arrivals(qint64 from, qint64 to, QString* error) {
    // Arrivals may come after the window's end for an assignment made just before it.
    QList<WorkEvent> events;
    if (!m_assess.workEvents(from, to + kDay, 0, &events, error))
        return std::nullopt;
    QList<ArrivalRecord> out;
    for (const ArrivalRecord& r : pairArrivals(events, m_rules))
        if (r.assignedAt >= from && r.assignedAt < to)
            out << r;
    return out;
}

std::optional<QList<WorkerScore>> AssessService::score(const AssessPeriod& period, qint64 workerId,
                                                       const QDateTime& nowTime, QString* error,
                                                       bool withNotes) {
    const qint64 now = nowTime.toSecsSinceEpoch();
    const qint64 to = std::min(period.to, now);
    QList<ReportedTicket> reported;
    QList<WorkEvent> events;
    QList<CheckinRow> checkins;
    if (!m_assess.reportedTickets(period.from, to, workerId, &reported, error) ||
        !m_assess.workEvents(period.from, std::min(period.to + kDay, now + 1), workerId, &events, error) ||
        !m_assess.checkins(period.from, to, workerId, &checkins, error))
        return std::nullopt;
    const QDate lastDay = std::min(period.last, chinaDate(now));
    const auto days = this->days(period.first, lastDay, workerId, nowTime, error);
    if (!days)
        return std::nullopt;

    // Raw lines per worker and item (one bucket each: 20,000 workers × a dozen items), sorted by time
    // below. Notes are words for people; a ranking of thousands needs none of them.
    const qsizetype itemCount = m_rules.items.size();
    std::vector<std::vector<AssessLine>> buckets(size_t(m_workers.size() * itemCount));
    qsizetype itemIndex = 0;
    const auto add = [&](qint64 worker, const AssessItemRule& item, double units, AssessEventRef ref,
                         const auto& note) {
        const auto w = m_workerIndex.constFind(worker);
        if (w == m_workerIndex.cend())
            return;
        AssessLine l;
        l.item = item.id;
        l.rawCentipoints = centi(item.points * units);
        l.event = std::move(ref);
        if (withNotes)
            l.note = note();
        buckets[size_t(*w * itemCount + itemIndex)].push_back(std::move(l));
    };
    const auto noNote = [] { return QString(); };
    const QList<ArrivalRecord> arrivals = pairArrivals(events, m_rules);
    for (; itemIndex < itemCount; ++itemIndex) {
        const AssessItemRule& item = m_rules.items[itemIndex];
        switch (item.kind) {
        case AssessItemKind::CheckinDays: {
            // The day's min_per_day-th check-in earns the day.
            QHash<QPair<qint64, QDate>, int> perDay;
            for (const CheckinRow& c : checkins) {
                const QDate d = chinaDate(c.at);
                if (!m_rules.duty.days.contains(d.dayOfWeek()))
                    continue;
                if (++perDay[{c.workerId, d}] == item.minPerDay)
                    add(c.workerId, item, 1, {QStringLiteral("checkin"), c.id, c.at},
                        [&] { return d.toString(Qt::ISODate); });
            }
            break;
        }
        case AssessItemKind::TicketsReported:
            for (const ReportedTicket& t : reported)
                if (t.state != TicketState::Merged && t.state != TicketState::Invalid)
                    add(t.workerId, item, item.weightOf(t.category),
                        {QStringLiteral("ticket"), t.ticketId, t.createdAt}, [&] { return t.category; });
            break;
        case AssessItemKind::SelfResolved:
        case AssessItemKind::OnsiteChecks:
        case AssessItemKind::Satisfied:
        case AssessItemKind::Unsatisfied: {
            const TicketAction action = item.kind == AssessItemKind::SelfResolved ? TicketAction::SelfResolve
                                        : item.kind == AssessItemKind::OnsiteChecks ? TicketAction::Arrive
                                        : item.kind == AssessItemKind::Satisfied
                                            ? TicketAction::RateSatisfied
                                            : TicketAction::RateUnsatisfied;
            for (const WorkEvent& e : events)
                if (e.action == action && e.at >= period.from && e.at < to)
                    add(e.workerId, item, 1, {QStringLiteral("ticket_event"), e.eventId, e.at},
                        [&] { return Tr::tr("工单 %1").arg(e.ticketId); });
            break;
        }
        case AssessItemKind::ArrivalsOnTime:
        case AssessItemKind::LateArrivals:
            for (const ArrivalRecord& r : arrivals) {
                if (r.assignedAt < period.from || r.assignedAt >= to || !r.arrived() ||
                    r.onTime() != (item.kind == AssessItemKind::ArrivalsOnTime))
                    continue;
                add(r.workerId, item, 1, {QStringLiteral("ticket_event"), r.arriveEventId, r.arrivedAt}, [&] {
                    return Tr::tr("工单 %1：%2 分钟（时限 %3）")
                        .arg(r.ticketId)
                        .arg(r.minutes(), 0, 'f', 1)
                        .arg(r.limitMin);
                });
            }
            break;
        case AssessItemKind::OverdueChecks:
            for (const ArrivalRecord& r : arrivals)
                if (r.assignedAt >= period.from && r.assignedAt < to && r.overdue(std::min(now, period.to)))
                    add(r.workerId, item, 1, {QStringLiteral("ticket_event"), r.assignEventId, r.assignedAt},
                        [&] {
                            return Tr::tr("工单 %1：未到场（时限 %2 分钟）").arg(r.ticketId).arg(r.limitMin);
                        });
            break;
        case AssessItemKind::OnlineRate:
        case AssessItemKind::Coverage:
            for (const WorkerDay& d : *days) {
                if (d.dutyMinutes <= 0)
                    continue;
                const bool online = item.kind == AssessItemKind::OnlineRate;
                const double share = online ? double(d.onlineMinutes) / d.dutyMinutes : d.coveredShare();
                add(d.workerId, item, share, {QStringLiteral("positions"), d.id, d.dutyStart},
                    [&] { return QStringLiteral("%1 %2%").arg(d.day).arg(share * 100, 0, 'f', 1); });
            }
            break;
        }
    }

    QHash<qint64, QList<AssessAdjustment>> adjustments;
    for (const AssessAdjustment& a : m_assess.adjustments(period.from, period.to, workerId))
        adjustments[a.workerId] << a;
    QList<WorkerScore> out;
    for (const WorkerRecord& w : m_workers) {
        if (workerId != 0 && w.id != workerId)
            continue;
        WorkerScore s;
        s.workerId = w.id;
        s.name = w.name;
        s.grids = w.gridCodes;
        const qsizetype wi = m_workerIndex.value(w.id);
        for (qsizetype i = 0; i < itemCount; ++i) {
            const AssessItemRule& item = m_rules.items[i];
            std::vector<AssessLine>& bucket = buckets[size_t(wi * itemCount + i)];
            std::stable_sort(bucket.begin(), bucket.end(), [](const AssessLine& a, const AssessLine& b) {
                return a.event.at < b.event.at;
            });
            QList<AssessLine> itemLines(std::make_move_iterator(bucket.begin()),
                                        std::make_move_iterator(bucket.end()));
            AssessItemScore is;
            is.item = item.id;
            is.label = item.label;
            is.centipoints = applyCapAndFloor(itemLines, item.cap, item.floor);
            for (const AssessLine& l : itemLines) {
                is.count += l.rawCentipoints != 0 ? 1 : 0;
                is.capped = is.capped || l.capped();
            }
            s.centipoints += is.centipoints;
            s.items << is;
            s.lines += std::move(itemLines);
        }
        // Adjustments come on top, uncapped: a spot check's verdict stands as given.
        AssessItemScore adjusted;
        adjusted.item = QStringLiteral("adjustment");
        adjusted.label = Tr::tr("人工加减分");
        for (const AssessAdjustment& a : adjustments.value(w.id)) {
            AssessLine l;
            l.item = adjusted.item;
            l.rawCentipoints = l.centipoints = centi(a.points);
            l.event = {QStringLiteral("adjustment"), a.id, a.at};
            l.note = a.reason;
            adjusted.centipoints += l.centipoints;
            ++adjusted.count;
            s.lines << l;
        }
        s.centipoints += adjusted.centipoints;
        s.items << adjusted;
        out << s;
    }
    // Competition ranking: equal points, equal rank.
    QList<qint64> sorted;
    for (const WorkerScore& s : out)
        sorted << s.centipoints;
    std::sort(sorted.begin(), sorted.end(), std::greater<>());
    for (WorkerScore& s : out)
        s.rank = 1 + int(std::lower_bound(sorted.cbegin(), sorted.cend(), s.centipoints, std::greater<>()) -
                         sorted.cbegin());
    std::stable_sort(out.begin(), out.end(),
                     [](const WorkerScore& a, const WorkerScore& b) { return a.rank < b.rank; });
    return out;
}

} // namespace gc
