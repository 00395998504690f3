#pragma once

#include "gc/core/Kpi.h"

#include <QHash>
#include <QString>
#include <functional>
#include <optional>

namespace gc {

class CountyStore;

// What KPI breakdowns group tickets by: `gridctl stats --by`, the reports' tables and the
// dashboard's rankings all take their groups from here, so a street means the same everywhere.
enum class KpiGroupBy { Street, Community, Department, Category, Source };
std::optional<KpiGroupBy>
kpiGroupByFromKey(const QString& key); // street|community|department|category|source
QString toKey(KpiGroupBy by);

struct KpiGrouping {
    std::function<QString(const TicketFacts&)> groupOf; // for computeKpisBy
    QHash<QString, QString> names;                      // group key → display name
    // The display name, or the key itself when the county has no name for it.
    QString nameOf(const QString& key) const { return names.value(key, key); }
};

// Streets and communities through the grid hierarchy (a ticket's grid → its ancestor), departments
// by the department a ticket was dispatched to ("" = 未交办: closed inside the grid or not yet
// dispatched), categories and sources by their codes.
KpiGrouping kpiGrouping(KpiGroupBy by, const CountyStore& store);

} // namespace gc
