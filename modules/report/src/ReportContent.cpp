// A report's content: KPIs of the period and the one before, per street/department/category/source/day, risk
// moves.
#include "gc/report/ReportContent.h"

#include "gc/core/ChinaTime.h"
#include "gc/core/PhaseTimer.h"
#include "gc/store/CountyStore.h"
#include "gc/store/KpiGroups.h"
#include "gc/store/RiskStore.h"

#include <QCoreApplication>
#include <QFuture>
#include <QHash>
#include <QLoggingCategory>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace gc::report {

Q_LOGGING_CATEGORY(lcReportPhases, "gc.report.phases", QtWarningMsg)

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(Report)
};

constexpr qint64 kChinaOffsetSeconds = 8 * 3600; // China's days (chinaTimeZone()) begin at 16:00 UTC

QList<UnitRow> rowsOf(const QHash<QString, KpiSet>& groups, const KpiGrouping& grouping) {
    QList<UnitRow> rows;
    rows.reserve(groups.size());
    for (auto it = groups.cbegin(); it != groups.cend(); ++it)
        rows.append({it.key(), grouping.nameOf(it.key()), it.value()});
    // Busiest first, as `gridctl stats --by` lists them.
    std::sort(rows.begin(), rows.end(), [](const UnitRow& a, const UnitRow& b) {
        return a.kpis.received != b.kpis.received ? a.kpis.received > b.kpis.received : a.key < b.key;
    });
    return rows;
}

RiskSection riskSection(CountyStore& store, const ReportPeriod& period, int rows) {
    RiskSection section;
    RiskHistoryFilter filter;
    filter.from = period.begin();
    filter.to = period.end();
    // Newest first: the first change seen of a grid is its last of the period.
    struct Moves {
        RiskLevel first = RiskLevel::Green, last = RiskLevel::Green;
        int changes = 0;
        QDateTime lastAt;
    };
    QHash<QString, Moves> byGrid;
    for (const RiskChange& c : RiskStore(store).history(filter)) {
        if (c.level != GridLevel::Grid)
            continue;
        ++section.changes;
        auto it = byGrid.find(c.code);
        if (it == byGrid.end())
            it = byGrid.insert(c.code, {c.from, c.to, 0, c.at});
        it->first = c.from;
        ++it->changes;
    }
    section.gridsChanged = int(byGrid.size());
    QList<RiskMove> worsened;
    for (auto it = byGrid.cbegin(); it != byGrid.cend(); ++it) {
        if (it->last > it->first) {
            ++section.worsened;
            ++section.raisedTo[size_t(it->last)];
            worsened.append({it.key(), {}, {}, it->first, it->last, it->changes, it->lastAt});
        } else if (it->last < it->first) {
            ++section.improved;
        }
    }
    std::sort(worsened.begin(), worsened.end(), [](const RiskMove& a, const RiskMove& b) {
        if (a.to != b.to)
            return a.to > b.to;
        if (a.from != b.from)
            return a.from < b.from;
        return a.code < b.code;
    });
    worsened = worsened.mid(0, rows);
    // Names of the few listed grids only: a county may have 90,000.
    for (RiskMove& m : worsened) {
        const std::optional<GridRecord> grid = store.grid(m.code);
        m.name = grid ? grid->name : m.code;
        std::optional<GridRecord> up = grid;
        while (up && up->level != GridLevel::Street && !up->parentCode.isEmpty())
            up = store.grid(up->parentCode);
        if (up && up->level == GridLevel::Street)
            m.streetName = up->name;
    }
    section.worst = worsened;
    return section;
}

} // namespace

double unsatisfiedRate(const KpiSet& k) {
    return k.rated > 0 ? double(k.rated - k.satisfied) / k.rated : -1.0;
}

QString percentText(double rate) {
    return rate < 0 ? QStringLiteral("—") : QString::number(rate * 100, 'f', 1) + QLatin1Char('%');
}

QString countChangeText(double now, double before) {
    if (before <= 0)
        return QStringLiteral("—");
    const double change = (now - before) / before * 100;
    return (change >= 0 ? QStringLiteral("+") : QStringLiteral("−")) +
           QString::number(std::abs(change), 'f', 1) + QLatin1Char('%');
}

QString rateChangeText(double now, double before) {
    if (now < 0 || before < 0)
        return QStringLiteral("—");
    const double points = (now - before) * 100;
    return Tr::tr("%1%2个百分点")
        .arg(points >= 0 ? QStringLiteral("+") : QStringLiteral("−"),
             QString::number(std::abs(points), 'f', 1));
}

QString ReportContent::title() const {
    return Tr::tr("%1 %2 工单运行情况报告").arg(countyName, period.title());
}

QString ReportContent::subtitle() const {
    return Tr::tr("统计时段：%1（%2 天）　数据截至：%3")
        .arg(period.dayRangeText())
        .arg(period.days())
        .arg(asOf.toString(QStringLiteral("yyyy-MM-dd HH:mm")));
}

QList<UnitRow> ReportContent::belowFloor(const QList<UnitRow>& rows) const {
    QList<UnitRow> below;
    for (const UnitRow& r : rows)
        if (r.kpis.satisfactionRate >= 0 && r.kpis.satisfactionRate < options.satisfactionFloor)
            below.append(r);
    std::sort(below.begin(), below.end(), [](const UnitRow& a, const UnitRow& b) {
        return a.kpis.satisfactionRate < b.kpis.satisfactionRate;
    });
    return below;
}

QString ReportContent::summaryText() const {
    const KpiSet& k = totals;
    const KpiSet& p = previousTotals;
    return Tr::tr(
               "本期共受理工单 %1 件，日均 %2 件（上期 %3 件，日均 %4 件，环比 %5）；已办结 %6 件，办结率 %7"
               "（环比 %8）；按时办结 %9 件，按时办结率 %10；超期未办结 %11 件，未办结 %12 件；"
               "回访 %13 次，满意率 %14（环比 %15）。")
        .arg(k.received)
        .arg(QString::number(dailyAverage(), 'f', 1))
        .arg(p.received)
        .arg(QString::number(previousDailyAverage(), 'f', 1))
        .arg(countChangeText(dailyAverage(), previousDailyAverage()))
        .arg(k.closed)
        .arg(percentText(k.closureRate), rateChangeText(k.closureRate, p.closureRate))
        .arg(k.onTime)
        .arg(percentText(k.onTimeRate))
        .arg(k.overdue)
        .arg(k.open)
        .arg(k.rated)
        .arg(percentText(k.satisfactionRate), rateChangeText(k.satisfactionRate, p.satisfactionRate));
}

ReportContent buildReport(CountyStore& store, const ReportPeriod& period, const QDateTime& asOf,
                          const ReportOptions& options) {
    PhaseTimer phases(lcReportPhases(), "build");
    ReportContent c;
    c.countyCode = store.info().code;
    c.countyName = store.info().name;
    c.period = period;
    c.previous = period.previous();
    c.asOf = asOf;
    c.options = options;
    // The previous period is only totalled: read and counted on a second core meanwhile (the
    // store's fact reader opens a connection of its own).
    QFuture<KpiSet> previousTotals = QtConcurrent::run([&store, previous = c.previous, asOf] {
        return computeKpis(store.ticketFacts(previous.begin(), previous.end()), previous.begin(),
                           previous.end(), asOf);
    });
    const QList<TicketFacts> facts = store.ticketFacts(period.begin(), period.end());
    phases.mark("read period");
    c.totals = computeKpis(facts, period.begin(), period.end(), asOf);
    const KpiGrouping streets = kpiGrouping(KpiGroupBy::Street, store);
    const KpiGrouping departments = kpiGrouping(KpiGroupBy::Department, store);
    const KpiGrouping categories = kpiGrouping(KpiGroupBy::Category, store);
    const KpiGrouping sources = kpiGrouping(KpiGroupBy::Source, store);
    // Days by their offset from the first: one key string per day, not one per ticket.
    QStringList dayKeys;
    for (QDate d = period.first(); d <= period.last(); d = d.addDays(1))
        dayKeys << d.toString(Qt::ISODate);
    const qint64 firstDay = (period.begin().toSecsSinceEpoch() + kChinaOffsetSeconds) / 86400;
    const auto dayOf = [&dayKeys, firstDay](const TicketFacts& t) {
        const qint64 day = (t.createdAt.toSecsSinceEpoch() + kChinaOffsetSeconds) / 86400 - firstDay;
        return dayKeys.value(day);
    };
    phases.mark("groups' names");
    const QList<QHash<QString, KpiSet>> groups =
        computeKpisByEach(facts, period.begin(), period.end(), asOf,
                          {streets.groupOf, departments.groupOf, categories.groupOf, sources.groupOf, dayOf});
    c.streets = rowsOf(groups[0], streets);
    c.departments = rowsOf(groups[1], departments);
    c.categories = rowsOf(groups[2], categories).mid(0, options.topCategories);
    c.sources = rowsOf(groups[3], sources);
    for (qsizetype i = 0; i < dayKeys.size(); ++i) {
        const QDate d = period.first().addDays(i);
        c.days.append(
            {dayKeys[i], Tr::tr("%1月%2日").arg(d.month()).arg(d.day()), groups[4].value(dayKeys[i])});
    }
    phases.mark("groups");
    c.risk = riskSection(store, period, options.riskRows);
    phases.mark("risk");
    c.previousTotals = previousTotals.result();
    phases.mark("previous period");
    return c;
}

} // namespace gc::report
