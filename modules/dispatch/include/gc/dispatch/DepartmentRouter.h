#pragma once

#include "gc/store/Records.h"

#include <QHash>
#include <QList>
#include <QString>

namespace gc {
class CountyStore;
}

namespace gc::dispatch {

// One routing suggestion: a department and why it is suggested.
struct RouteSuggestion {
    QString departmentCode;
    QString why;
};

// Suggests the departments most likely responsible for a ticket (分流建议): first the
// routing table (a data file: category prefix → departments, with the grid's street
// office as "{street}"), then the category's department hint, then where recent
// tickets of the same category went. Only departments that exist and can take work.
class DepartmentRouter {
public:
    // The routing table shipped with GridCommand (:/gc/dispatch/routing.json).
    static DepartmentRouter builtIn();
    // A county's own table; on error returns an empty router and sets `error`.
    static DepartmentRouter load(const QString& path, QString* error);

    // Departments of the county and the last 90 days of dispatch history.
    void setDepartments(const QList<DepartmentRecord>& departments);
    void loadHistory(const CountyStore& store, qint64 sinceEpoch);
    // Category → department → dispatches, as TicketQueries::routingHistory reads it.
    void setHistory(QHash<QString, QHash<QString, int>> history) { m_history = std::move(history); }
    // Counts one more dispatch of `category` to `departmentCode` (after a drop).
    void recordDispatch(const QString& category, const QString& departmentCode);

    QList<RouteSuggestion> suggest(const QString& category, const QString& gridCode, int count = 3) const;

    // Departments that take tickets (not the grouping nodes of the tree).
    static bool isDispatchable(const DepartmentRecord& d) { return d.kind != QLatin1String("group"); }

private:
    QList<QPair<QString, QStringList>> m_rules; // category prefix → department templates
    QHash<QString, DepartmentRecord> m_departments;
    QHash<QString, QHash<QString, int>> m_history;
};

} // namespace gc::dispatch
