// Read-only summaries of a county: `gridctl info` and `gridctl stats`.
#include "Command.h"

#include "gc/core/ChinaTime.h"
#include "gc/core/Kpi.h"
#include "gc/store/CountyStore.h"
#include "gc/store/KpiGroups.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace gc::cli {
namespace {

QJsonValue rate(double r) {
    return r < 0 ? QJsonValue() : QJsonValue(std::round(r * 10000) / 10000);
}

// The KPI fields of `gridctl stats --json`, the contract reports and the dashboard are checked against.
QJsonObject kpiJson(const KpiSet& k) {
    return {{QStringLiteral("received"), k.received},
            {QStringLiteral("closed"), k.closed},
            {QStringLiteral("resolved"), k.resolved},
            {QStringLiteral("on_time"), k.onTime},
            {QStringLiteral("with_deadline"), k.withDeadline},
            {QStringLiteral("rated"), k.rated},
            {QStringLiteral("satisfied"), k.satisfied},
            {QStringLiteral("open"), k.open},
            {QStringLiteral("overdue"), k.overdue},
            {QStringLiteral("merged"), k.merged},
            {QStringLiteral("invalid"), k.invalid},
            {QStringLiteral("closure_rate"), rate(k.closureRate)},
            {QStringLiteral("on_time_rate"), rate(k.onTimeRate)},
            {QStringLiteral("satisfaction_rate"), rate(k.satisfactionRate)},
            {QStringLiteral("reopen_rate"), rate(k.reopenRate)},
            {QStringLiteral("mean_hours_to_dispatch"), rate(k.meanHoursToDispatch)},
            {QStringLiteral("mean_hours_to_close"), rate(k.meanHoursToClose)}};
}

int runInfo(const QStringList& arguments) {
    const QString verb = QStringLiteral("info");
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("county.gpkg"), QStringLiteral("County file."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print as JSON."));
    p.addOption(json);
    int code = 0;
    if (!parse(p, verb, QStringLiteral("Show a county's identity and the feature count of every level."),
               arguments, &code))
        return code;
    auto store = openCountyArgument(p, verb, &code, true);
    if (!store)
        return code;
    QJsonObject levels;
    for (int l = 1; l <= kGridLevelCount; ++l)
        levels.insert(GridLevels::key(static_cast<GridLevel>(l)),
                      store->gridCount(static_cast<GridLevel>(l)));
    const QJsonObject out{{QStringLiteral("code"), store->info().code},
                          {QStringLiteral("name"), store->info().name},
                          {QStringLiteral("schema_version"), store->info().schemaVersion},
                          {QStringLiteral("levels"), levels},
                          {QStringLiteral("departments"), int(store->departments().size())},
                          {QStringLiteral("tickets"), store->ticketCount()}};
    if (p.isSet(json)) {
        printJson(QJsonDocument(out));
        return 0;
    }
    printLine(QStringLiteral("%1 %2 (schema %3)")
                  .arg(store->info().code, store->info().name)
                  .arg(store->info().schemaVersion));
    for (int l = 1; l <= kGridLevelCount; ++l) {
        const auto level = static_cast<GridLevel>(l);
        printLine(QStringLiteral("  %1 %2: %3")
                      .arg(l)
                      .arg(GridLevels::chineseName(level))
                      .arg(store->gridCount(level)));
    }
    printLine(
        QStringLiteral("  部门: %1, 工单: %2").arg(store->departments().size()).arg(store->ticketCount()));
    return 0;
}

int runStats(const QStringList& arguments) {
    const QString verb = QStringLiteral("stats");
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("county.gpkg"), QStringLiteral("County file."));
    const QCommandLineOption from(QStringLiteral("from"),
                                  QStringLiteral("First day (YYYY-MM-DD), default 90 days ago."),
                                  QStringLiteral("DATE"));
    const QCommandLineOption to(QStringLiteral("to"),
                                QStringLiteral("Last day included (YYYY-MM-DD), default today."),
                                QStringLiteral("DATE"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print as JSON."));
    const QCommandLineOption by(
        QStringLiteral("by"),
        QStringLiteral("Also per street|community|department|category|source "
                       "(JSON: \"groups\", busiest first; the groups add up to the totals)."),
        QStringLiteral("GROUP"));
    const QCommandLineOption asOf(
        QStringLiteral("as-of"),
        QStringLiteral("Count open and overdue as at this time (ISO 8601 with offset, default now), as a "
                       "report made then did."),
        QStringLiteral("TIME"));
    p.addOptions({from, to, json, by, asOf});
    int code = 0;
    if (!parse(p, verb, QStringLiteral("Ticket KPIs for a period (one definition: gc::KpiAccumulator)."),
               arguments, &code))
        return code;
    QDateTime now = chinaNow();
    if (p.isSet(asOf)) {
        now = QDateTime::fromString(p.value(asOf), Qt::ISODateWithMs);
        if (!now.isValid())
            return fail(verb, QStringLiteral("--as-of must be a time like 2026-11-29T08:00:00+08:00"), 2);
    }
    const auto day = [&](const QCommandLineOption& o, const QDate& fallback, QDate* out) {
        if (!p.isSet(o)) {
            *out = fallback;
            return true;
        }
        *out = QDate::fromString(p.value(o), Qt::ISODate);
        return out->isValid();
    };
    QDate first, last;
    if (!day(from, now.date().addDays(-89), &first) || !day(to, now.date(), &last))
        return fail(verb, QStringLiteral("--from/--to must be dates like 2026-11-23"), 2);
    if (last < first)
        return fail(verb, QStringLiteral("--to is before --from"), 2);
    auto store = openCountyArgument(p, verb, &code, true);
    if (!store)
        return code;
    const QDateTime begin(first, QTime(0, 0), chinaTimeZone());
    const QDateTime end(last.addDays(1), QTime(0, 0), chinaTimeZone());
    std::optional<KpiGrouping> grouping;
    if (p.isSet(by)) {
        const std::optional<KpiGroupBy> groupBy = kpiGroupByFromKey(p.value(by));
        if (!groupBy)
            return fail(verb,
                        QStringLiteral("--by must be street, community, department, category or source"), 2);
        grouping = kpiGrouping(*groupBy, *store);
    }
    const QList<TicketFacts> facts = store->ticketFacts(begin, end);
    const KpiSet k = computeKpis(facts, begin, end, now);
    QJsonObject out = kpiJson(k);
    out.insert(QStringLiteral("from"), first.toString(Qt::ISODate));
    out.insert(QStringLiteral("to"), last.toString(Qt::ISODate));
    QList<std::pair<QString, KpiSet>> groups;
    if (grouping) {
        const QHash<QString, KpiSet> byGroup = computeKpisBy(facts, begin, end, now, grouping->groupOf);
        for (auto it = byGroup.cbegin(); it != byGroup.cend(); ++it)
            groups.append({it.key(), it.value()});
        std::sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) {
            return a.second.received != b.second.received ? a.second.received > b.second.received
                                                          : a.first < b.first;
        });
        QJsonArray rows;
        for (const auto& [key, set] : groups) {
            QJsonObject row = kpiJson(set);
            row.insert(QStringLiteral("key"), key);
            row.insert(QStringLiteral("name"), grouping->nameOf(key));
            rows.append(row);
        }
        out.insert(QStringLiteral("by"), p.value(by));
        out.insert(QStringLiteral("groups"), rows);
    }
    if (p.isSet(json)) {
        printJson(QJsonDocument(out));
        return 0;
    }
    const auto pct = [](double r) {
        return r < 0 ? QStringLiteral("—") : QString::number(r * 100, 'f', 1) + u'%';
    };
    printLine(QStringLiteral("%1 至 %2：受理 %3，办结 %4（办结率 %5），按时办结率 %6，满意率 %7，超期 %8")
                  .arg(out[QStringLiteral("from")].toString(), out[QStringLiteral("to")].toString())
                  .arg(k.received)
                  .arg(k.closed)
                  .arg(pct(k.closureRate), pct(k.onTimeRate), pct(k.satisfactionRate))
                  .arg(k.overdue));
    for (const auto& [key, set] : groups)
        printLine(QStringLiteral("  %1：受理 %2，办结率 %3，按时办结率 %4，满意率 %5，超期 %6")
                      .arg(grouping->names.value(key, key.isEmpty() ? QStringLiteral("（未归属）") : key))
                      .arg(set.received)
                      .arg(pct(set.closureRate), pct(set.onTimeRate), pct(set.satisfactionRate))
                      .arg(set.overdue));
    return 0;
}

const Registrar infoRegistrar(QStringLiteral("info"), QStringLiteral("County identity and counts per level"),
                              runInfo);
const Registrar statsRegistrar(QStringLiteral("stats"), QStringLiteral("Ticket KPIs for a period"), runStats);

} // namespace
} // namespace gc::cli
