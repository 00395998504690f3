#pragma once

#include "gc/core/Ticket.h"

#include <QHash>
#include <functional>

namespace gc {

// The few ticket facts KPIs need; cheap to load for hundreds of thousands of tickets.
struct TicketFacts {
    TicketState state = TicketState::Received;
    QDateTime createdAt;
    QDateTime firstDispatchedAt;
    QDateTime resolvedAt;
    QDateTime closedAt;
    QDateTime deadline;
    Rating rating = Rating::None;
    int reopenCount = 0;
    // What breakdowns group by (street, department, category, source, priority).
    QString gridCode;
    QString departmentCode;
    QString category;
    TicketSource source = TicketSource::Other;
    TicketPriority priority = TicketPriority::Normal;

    static TicketFacts of(const Ticket& t);
};

// The one definition of every KPI, used by the dashboard, gridctl stats and the tests.
//
// Population: tickets received (created) in [from, to). Merged duplicates and
// invalid tickets are counted apart and left out of every rate, since they are not
// demand that could be met.
//   received          valid tickets created in the period
//   closed            of those, closed by `asOf`                closureRate = closed / received
//   onTime            of those resolved, resolved by deadline   onTimeRate = onTime / resolved-with-deadline
//   satisfied, rated  every citizen rating (回访) counts: an unsatisfied one that
//                     reopened the ticket stays counted   satisfactionRate = satisfied / rated
//   reopened          tickets rated unsatisfied at least once   reopenRate = reopened / received
//   open              not yet resolved or closed at `asOf` (a ticket finished later was still open then)
//   overdue           still open at `asOf` and past deadline
//   meanHoursToDispatch, meanHoursToClose over tickets that reached that point by `asOf`
// A rate whose denominator is 0 is reported as -1 (“no data”), never as 0 or 100 %.
struct KpiSet {
    int received = 0;
    int closed = 0;
    int resolved = 0; // resolved or closed
    int open = 0;
    int overdue = 0;
    int onTime = 0;
    int withDeadline = 0;
    int rated = 0;
    int satisfied = 0;
    int reopened = 0;
    int merged = 0;
    int invalid = 0;
    double closureRate = -1;
    double onTimeRate = -1;
    double satisfactionRate = -1;
    double reopenRate = -1;
    double meanHoursToDispatch = -1;
    double meanHoursToClose = -1;
};

class KpiAccumulator {
public:
    KpiAccumulator(const QDateTime& from, const QDateTime& to, const QDateTime& asOf);
    void add(const TicketFacts& t);
    KpiSet result() const;

private:
    QDateTime m_from, m_to, m_asOf;
    KpiSet m_set;
    int m_dispatched = 0;
    double m_hoursToDispatch = 0;
    double m_hoursToClose = 0;
};

KpiSet computeKpis(const QList<TicketFacts>& tickets, const QDateTime& from, const QDateTime& to,
                   const QDateTime& asOf);

// The same KPIs per group (street, department, category, …): `groupOf` names each ticket's group;
// a ticket whose group is empty is counted in the "" group, so the groups always add up to the
// county's totals. Reports, the dashboard's rankings and `gridctl stats --by` all use this.
QHash<QString, KpiSet> computeKpisBy(const QList<TicketFacts>& tickets, const QDateTime& from,
                                     const QDateTime& to, const QDateTime& asOf,
                                     const std::function<QString(const TicketFacts&)>& groupOf);

// Several breakdowns of the same tickets in one pass (a report's streets, departments, categories,
// sources and days): the i-th result is computeKpisBy(…, groupOfs[i]). One pass over a few hundred
// thousand tickets instead of one per breakdown.
QList<QHash<QString, KpiSet>>
computeKpisByEach(const QList<TicketFacts>& tickets, const QDateTime& from, const QDateTime& to,
                  const QDateTime& asOf, const QList<std::function<QString(const TicketFacts&)>>& groupOfs);

} // namespace gc
