// The big screen's ticket figures from facts in memory, every number through core's one KPI definition.
#include "gc/dashboard/DashboardFigures.h"

#include "gc/core/CategoryTable.h"
#include "gc/core/ChinaTime.h"

#include <QCoreApplication>

#include <algorithm>

namespace gc::dashboard {
namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(DashboardFigures)
};

QDate chinaDate(const QDateTime& t) {
    return t.toTimeZone(chinaTimeZone()).date();
}

double metricOf(const KpiSet& k, const QString& metric) {
    if (metric == u"closure")
        return k.closureRate;
    if (metric == u"on_time")
        return k.onTimeRate;
    return k.satisfactionRate;
}

// The facts received in [from, to): what `gridctl stats --from --to` reads, so groups with no ticket
// in the period do not appear (and each grouping pass only visits the period's tickets).
QList<TicketFacts> within(const QList<TicketFacts>& facts, const QDateTime& from, const QDateTime& to) {
    QList<TicketFacts> out;
    for (const TicketFacts& t : facts)
        if (t.createdAt >= from && t.createdAt < to)
            out.append(t);
    return out;
}

const QString kOutside = QStringLiteral("-");
constexpr qsizetype kMaxAlertsShown = 60;

QStringList numberKeys(int count) {
    QStringList keys;
    for (int i = 0; i < count; ++i)
        keys << QString::number(i);
    return keys;
}

// Day of receipt in China time as a number: cheaper than formatting a date per ticket.
qint64 chinaDay(const QDateTime& t) {
    return (t.toSecsSinceEpoch() + 8 * 3600) / 86400;
}

} // namespace

void toUtc(TicketFacts* t) {
    for (QDateTime* time : {&t->createdAt, &t->firstDispatchedAt, &t->resolvedAt, &t->closedAt, &t->deadline})
        if (time->isValid())
            *time = time->toUTC();
}

QDateTime earliestNeeded(const DashboardLayout& layout, const QDateTime& now) {
    const QDate today = chinaDate(now);
    QDate first = today.addDays(1 - layout.trendDays);
    first = std::min(first, today.addDays(1 - today.dayOfWeek() - 7 * (layout.satisfactionWeeks - 1)));
    for (const QString& key : layout.periodKeys())
        first = std::min(first, chinaDate(Period::of(key, now)->from));
    return QDateTime(first, QTime(0, 0), chinaTimeZone());
}

void computeTicketFigures(const DashboardLayout& layout, const FactsView& view, const QDateTime& shownAsOf,
                          DashboardFigures* out) {
    const QList<TicketFacts>& all = *view.facts;
    out->asOf = shownAsOf;
    // Instants compared in UTC: a QDateTime in a QTimeZone asks the zone for its offset on every
    // comparison, which made the KPIs of 400,000 tickets take seconds (facts are held in UTC too).
    const QDateTime asOf = shownAsOf.toUTC();
    const auto utcPeriod = [](const QString& key, const QDateTime& now) {
        Period p = *Period::of(key, now);
        p.from = p.from.toUTC();
        p.to = p.to.toUTC();
        return p;
    };
    out->ticketsHeld = all.size();
    QHash<QString, QList<TicketFacts>> byPeriod;
    const auto factsOf = [&](const Period& period) -> const QList<TicketFacts>& {
        auto it = byPeriod.find(period.key);
        if (it == byPeriod.end())
            it = byPeriod.insert(period.key, within(all, period.from, period.to));
        return *it;
    };
    out->periods.clear();
    out->rankings.clear();
    QStringList stateKeys, sourceKeys; // by enum value, made once
    for (int v = 0; v <= int(TicketState::Invalid); ++v)
        stateKeys << toKey(TicketState(v));
    for (int v = 0; v <= int(TicketSource::Other); ++v)
        sourceKeys << toKey(TicketSource(v));
    for (const QString& key : layout.periodKeys()) {
        PeriodFigures pf;
        pf.period = utcPeriod(key, shownAsOf);
        const QList<TicketFacts>& facts = factsOf(pf.period);
        pf.kpis = computeKpis(facts, pf.period.from, pf.period.to, asOf);
        const QHash<QString, KpiSet> byState =
            computeKpisBy(facts, pf.period.from, pf.period.to, asOf,
                          [&](const TicketFacts& t) { return stateKeys[int(t.state)]; });
        for (auto it = byState.cbegin(); it != byState.cend(); ++it) {
            if (it->open > 0)
                pf.openByState.insert(*ticketStateFromKey(it.key()), it->open);
        }
        const QHash<QString, KpiSet> bySource =
            computeKpisBy(facts, pf.period.from, pf.period.to, asOf,
                          [&](const TicketFacts& t) { return sourceKeys[int(t.source)]; });
        for (auto it = bySource.cbegin(); it != bySource.cend(); ++it)
            pf.received.insert(*ticketSourceFromKey(it.key()), it->received);
        out->periods.insert(key, pf);
    }

    for (const PanelSpec& panel : layout.panels) {
        if (panel.type != u"ranking")
            continue;
        const QString rankingKey = panel.group + u'/' + panel.period;
        if (out->rankings.contains(rankingKey))
            continue;
        const Period period = utcPeriod(panel.period, shownAsOf);
        const QList<TicketFacts>& facts = factsOf(period);
        const bool streets = panel.group == u"street";
        const QHash<QString, KpiSet> byGroup =
            streets ? computeKpisBy(facts, period.from, period.to, asOf, view.streetOf)
                    : computeKpisBy(facts, period.from, period.to, asOf,
                                    [](const TicketFacts& t) { return t.departmentCode; });
        const QHash<QString, QString>& names = streets ? view.streetNames : view.departmentNames;
        QList<RankingRow> rows;
        for (auto it = byGroup.cbegin(); it != byGroup.cend(); ++it) {
            if (it.key().isEmpty()) // not dispatched, or a grid outside every street: no unit to rank
                continue;
            rows.append({it.key(), names.value(it.key(), it.key()), it.value()});
        }
        // Worst first, so the units below the floor are the ones a leader sees; no data last.
        const QString metric = panel.metric;
        std::sort(rows.begin(), rows.end(), [&](const RankingRow& a, const RankingRow& b) {
            const double ra = metricOf(a.kpis, metric), rb = metricOf(b.kpis, metric);
            if ((ra < 0) != (rb < 0))
                return rb < 0;
            return ra != rb ? ra < rb : a.code < b.code;
        });
        out->rankings.insert(rankingKey, rows);
    }

    // Trend: the KPI per day of receipt, and satisfaction per week of receipt.
    const QDate today = chinaDate(asOf);
    const QDate firstDay = today.addDays(1 - layout.trendDays);
    const QDateTime trendFrom = QDateTime(firstDay, QTime(0, 0), chinaTimeZone()).toUTC();
    const QDateTime trendTo = QDateTime(today.addDays(1), QTime(0, 0), chinaTimeZone()).toUTC();
    // Group keys made once (a string per ticket would be 400,000 allocations per pass); tickets
    // outside the range share one key, and the KPI's own period check leaves them out.
    const qint64 firstDayNumber = chinaDay(trendFrom.addSecs(12 * 3600));
    const QStringList dayKeys = numberKeys(layout.trendDays);
    const QHash<QString, KpiSet> byDay =
        computeKpisBy(all, trendFrom, trendTo, asOf, [&](const TicketFacts& t) {
            const qint64 offset = chinaDay(t.createdAt) - firstDayNumber;
            return offset >= 0 && offset < dayKeys.size() ? dayKeys[offset] : kOutside;
        });
    out->daily.clear();
    for (QDate d = firstDay; d <= today; d = d.addDays(1)) {
        const KpiSet k = byDay.value(dayKeys.value(firstDay.daysTo(d), kOutside));
        out->daily.append({d, k.received, k.closed});
    }
    const QDate firstMonday = today.addDays(1 - today.dayOfWeek() - 7 * (layout.satisfactionWeeks - 1));
    const QDateTime weeksFrom = QDateTime(firstMonday, QTime(0, 0), chinaTimeZone()).toUTC();
    // Weeks counted from firstMonday: the day number's distance in whole weeks.
    const qint64 mondayDay = chinaDay(weeksFrom.addSecs(12 * 3600));
    const QStringList weekKeys = numberKeys(layout.satisfactionWeeks);
    const QHash<QString, KpiSet> byWeek =
        computeKpisBy(all, weeksFrom, trendTo, asOf, [&](const TicketFacts& t) {
            const qint64 days = chinaDay(t.createdAt) - mondayDay;
            return days >= 0 && days / 7 < weekKeys.size() ? weekKeys[days / 7] : kOutside;
        });
    out->weekly.clear();
    for (QDate m = firstMonday; m <= today; m = m.addDays(7)) {
        const KpiSet k = byWeek.value(weekKeys.value(firstMonday.daysTo(m) / 7, kOutside));
        out->weekly.append({m, k.rated, k.satisfactionRate});
    }

    // Overdue urgent tickets among those held (every ticket of the window), most overdue first; only
    // the ones the list can show are worded.
    QList<qsizetype> overdue;
    if (view.ids) {
        for (qsizetype i = 0; i < all.size(); ++i) {
            const TicketFacts& t = all[i];
            if (t.priority == TicketPriority::Urgent && isOpen(t.state) && t.deadline.isValid() &&
                t.deadline < asOf)
                overdue << i;
        }
    }
    std::sort(overdue.begin(), overdue.end(),
              [&](qsizetype a, qsizetype b) { return all[a].deadline < all[b].deadline; });
    out->alerts.clear();
    for (qsizetype i : overdue.first(std::min<qsizetype>(overdue.size(), kMaxAlertsShown))) {
        const TicketFacts& t = all[i];
        const Category* c = CategoryTable::builtIn().find(t.category);
        out->alerts.append(
            {AlertItem::Kind::OverdueUrgent, t.deadline,
             Tr::tr("紧急工单 #%1 超期 %2 小时 · %3 · %4")
                 .arg((*view.ids)[i])
                 .arg(t.deadline.secsTo(asOf) / 3600)
                 .arg(c ? c->displayName() : t.category, view.gridNames.value(t.gridCode, t.gridCode))});
    }
}

} // namespace gc::dashboard
