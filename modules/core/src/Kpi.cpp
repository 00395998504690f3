#include "gc/core/Kpi.h"

namespace gc {

TicketFacts TicketFacts::of(const Ticket& t) {
    TicketFacts f;
    f.state = t.state;
    f.createdAt = t.createdAt;
    f.firstDispatchedAt = t.firstDispatchedAt;
    f.resolvedAt = t.resolvedAt;
    f.closedAt = t.closedAt;
    f.deadline = t.deadline;
    f.rating = t.rating;
    f.reopenCount = t.reopenCount;
    f.gridCode = t.gridCode;
    f.departmentCode = t.departmentCode;
    f.category = t.category;
    f.source = t.source;
    f.priority = t.priority;
    return f;
}

// The bounds are kept as UTC instants: a QDateTime in a QTimeZone (chinaTimeZone()) asks its zone
// for the offset on every comparison, and add() compares several times per ticket.
KpiAccumulator::KpiAccumulator(const QDateTime& from, const QDateTime& to, const QDateTime& asOf)
    : m_from(from.toUTC()), m_to(to.toUTC()), m_asOf(asOf.toUTC()) {}

void KpiAccumulator::add(const TicketFacts& t) {
    if (!t.createdAt.isValid() || t.createdAt < m_from || t.createdAt >= m_to)
        return;
    if (t.state == TicketState::Merged) {
        ++m_set.merged;
        return;
    }
    if (t.state == TicketState::Invalid) {
        ++m_set.invalid;
        return;
    }
    ++m_set.received;
    const bool closed = t.state == TicketState::Closed && t.closedAt.isValid() && t.closedAt <= m_asOf;
    if (closed) {
        ++m_set.closed;
        m_hoursToClose += t.createdAt.secsTo(t.closedAt) / 3600.0;
    }
    if (t.resolvedAt.isValid() && t.resolvedAt <= m_asOf) {
        ++m_set.resolved;
        if (t.deadline.isValid()) {
            ++m_set.withDeadline;
            if (t.resolvedAt <= t.deadline)
                ++m_set.onTime;
        }
    }
    // Open at `asOf`, not now: a past period reported from today's data must count a
    // ticket that was finished only later as still open then (and overdue if it was).
    const bool finishedByAsOf = (t.resolvedAt.isValid() && t.resolvedAt <= m_asOf) || closed ||
                                (!isOpen(t.state) && !t.resolvedAt.isValid() && !t.closedAt.isValid());
    if (!finishedByAsOf) {
        ++m_set.open;
        if (t.deadline.isValid() && m_asOf > t.deadline)
            ++m_set.overdue;
    }
    // Each unsatisfied rating reopened the ticket once, so reopenCount counts them;
    // the current rating adds itself when it is a satisfied one.
    m_set.rated += t.reopenCount + (t.rating == Rating::Satisfied ? 1 : 0);
    if (t.rating == Rating::Satisfied)
        ++m_set.satisfied;
    if (t.reopenCount > 0)
        ++m_set.reopened;
    if (t.firstDispatchedAt.isValid() && t.firstDispatchedAt <= m_asOf) {
        ++m_dispatched;
        m_hoursToDispatch += t.createdAt.secsTo(t.firstDispatchedAt) / 3600.0;
    }
}

KpiSet KpiAccumulator::result() const {
    KpiSet s = m_set;
    const auto ratio = [](double num, int den) { return den > 0 ? num / den : -1.0; };
    s.closureRate = ratio(s.closed, s.received);
    s.onTimeRate = ratio(s.onTime, s.withDeadline);
    s.satisfactionRate = ratio(s.satisfied, s.rated);
    s.reopenRate = ratio(s.reopened, s.received);
    s.meanHoursToDispatch = ratio(m_hoursToDispatch, m_dispatched);
    s.meanHoursToClose = ratio(m_hoursToClose, s.closed);
    return s;
}

KpiSet computeKpis(const QList<TicketFacts>& tickets, const QDateTime& from, const QDateTime& to,
                   const QDateTime& asOf) {
    KpiAccumulator acc(from, to, asOf);
    for (const TicketFacts& t : tickets)
        acc.add(t);
    return acc.result();
}

QHash<QString, KpiSet> computeKpisBy(const QList<TicketFacts>& tickets, const QDateTime& from,
                                     const QDateTime& to, const QDateTime& asOf,
                                     const std::function<QString(const TicketFacts&)>& groupOf) {
    return computeKpisByEach(tickets, from, to, asOf, {groupOf}).first();
}

QList<QHash<QString, KpiSet>>
computeKpisByEach(const QList<TicketFacts>& tickets, const QDateTime& from, const QDateTime& to,
                  const QDateTime& asOf, const QList<std::function<QString(const TicketFacts&)>>& groupOfs) {
    QList<QHash<QString, KpiAccumulator>> groupings(groupOfs.size());
    for (const TicketFacts& t : tickets) {
        for (qsizetype i = 0; i < groupOfs.size(); ++i) {
            const QString group = groupOfs[i](t);
            QHash<QString, KpiAccumulator>& groups = groupings[i];
            auto it = groups.find(group);
            if (it == groups.end())
                it = groups.insert(group, KpiAccumulator(from, to, asOf));
            it->add(t);
        }
    }
    QList<QHash<QString, KpiSet>> out;
    for (const QHash<QString, KpiAccumulator>& groups : groupings) {
        QHash<QString, KpiSet> sets;
        for (auto it = groups.cbegin(); it != groups.cend(); ++it)
            sets.insert(it.key(), it->result());
        out.append(sets);
    }
    return out;
}

} // namespace gc
