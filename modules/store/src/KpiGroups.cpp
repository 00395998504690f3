// The groups of KPI breakdowns (street, community, department, category, source) and their names.
#include "gc/store/KpiGroups.h"

#include "gc/core/CategoryTable.h"
#include "gc/store/CountyStore.h"

namespace gc {

std::optional<KpiGroupBy> kpiGroupByFromKey(const QString& key) {
    for (KpiGroupBy by : {KpiGroupBy::Street, KpiGroupBy::Community, KpiGroupBy::Department,
                          KpiGroupBy::Category, KpiGroupBy::Source})
        if (toKey(by) == key)
            return by;
    return std::nullopt;
}

QString toKey(KpiGroupBy by) {
    switch (by) {
    case KpiGroupBy::Street:
        return QStringLiteral("street");
    case KpiGroupBy::Community:
        return QStringLiteral("community");
    case KpiGroupBy::Department:
        return QStringLiteral("department");
    case KpiGroupBy::Category:
        return QStringLiteral("category");
    case KpiGroupBy::Source:
        break;
    }
    return QStringLiteral("source");
}

KpiGrouping kpiGrouping(KpiGroupBy by, const CountyStore& store) {
    KpiGrouping g;
    switch (by) {
    case KpiGroupBy::Street:
    case KpiGroupBy::Community: {
        const GridLevel level = by == KpiGroupBy::Street ? GridLevel::Street : GridLevel::Community;
        const QHash<QString, QString> ancestor = store.ancestorCodes(level);
        g.groupOf = [ancestor](const TicketFacts& t) { return ancestor.value(t.gridCode); };
        for (const GridRecord& r : store.grids(level, false))
            g.names.insert(r.code, r.name);
        break;
    }
    case KpiGroupBy::Department:
        g.groupOf = [](const TicketFacts& t) { return t.departmentCode; };
        for (const DepartmentRecord& d : store.departments())
            g.names.insert(d.code, d.name);
        g.names.insert(QString(),
                       QStringLiteral("（未交办）")); // closed inside the grid, or not yet dispatched
        break;
    case KpiGroupBy::Category:
        g.groupOf = [](const TicketFacts& t) { return t.category; };
        for (const Category& c : CategoryTable::builtIn().all())
            g.names.insert(c.code, c.name);
        break;
    case KpiGroupBy::Source:
        g.groupOf = [](const TicketFacts& t) { return toKey(t.source); };
        for (TicketSource s : {TicketSource::Patrol, TicketSource::CitizenApp, TicketSource::Hotline12345,
                               TicketSource::Video, TicketSource::Other})
            g.names.insert(toKey(s), displayName(s));
        break;
    }
    return g;
}

} // namespace gc
