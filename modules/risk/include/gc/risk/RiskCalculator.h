#pragma once

#include "gc/risk/RiskAssessment.h"
#include "gc/risk/RiskRules.h"
#include "gc/store/RiskStore.h"

#include <QHash>
#include <QVector>

namespace gc {

// The pure scoring step: indicator values per grid from the facts, then points, caps, bands and
// triggers. No SQL, no GUI: the same code serves a full recompute, an incremental update and a
// rules dry run. Values live in a caller-owned array of indicatorCount() doubles per grid, so
// 90,000 grids are one flat vector.
class RiskCalculator {
public:
    RiskCalculator(const RiskRules& rules, qint64 now);

    const RiskRules& rules() const { return m_rules; }
    qint64 now() const { return m_now; }
    int indicatorCount() const { return int(m_rules.indicators().size()); }
    // Tickets created before this (epoch seconds) only matter while open.
    qint64 windowStart() const { return m_windowStart; }

    void addTicket(const RiskTicketFacts& t, double* values) const;
    // The same with the ticket's category already looked up (categoryWeights(t.category)): a full
    // pass looks each category up once, not once per ticket.
    void addTicket(const RiskTicketFacts& t, const double* categoryWeights, double* values) const;
    // The same, and *nextChange lowered to nextChange(t) (one pass over the indicators for both).
    void addTicket(const RiskTicketFacts& t, const double* categoryWeights, double* values,
                   qint64* nextChange) const;
    // The first moment after now() at which this ticket's contribution to any indicator would
    // change with the clock alone (it ages past a threshold, leaves a window, passes its deadline),
    // or a moment before that; LLONG_MAX when it never would. A stored pass stays valid until the
    // earliest of these over every ticket and grid.
    qint64 nextChange(const RiskTicketFacts& t, const double* categoryWeights) const;
    // The same for a grid's check-in gap (`lastCheckin` as for setLastCheckin).
    qint64 nextCheckinChange(qint64 lastCheckin) const;
    // Per indicator, the weight a ticket of `category` counts with (0: not counted).
    QVector<double> categoryWeights(const QString& category) const;
    void addKeyPersons(const QString& type, int count, double* values) const;
    void addKeyPlace(const QString& type, double* values) const;
    // `lastCheckin` epoch seconds, 0 when the grid never had one. Call once per grid.
    void setLastCheckin(qint64 lastCheckin, double* values) const;

    // Score, band and reasons from one grid's values; no override applied.
    RiskAssessment assess(const double* values) const;

private:
    struct CategoryMatch {
        QVector<double> weight; // per indicator: 0 = not counted, else the category weight
    };
    const CategoryMatch& match(const QString& category) const;
    CategoryMatch computeMatch(const QString& category) const;

    RiskRules m_rules;
    qint64 m_now;
    qint64 m_windowStart;
    QHash<QString, CategoryMatch> m_matches; // built for the code table up front; read-only after
    QVector<int> m_priorityMask;             // per indicator: bit per TicketPriority, 0 = any
};

// A parent's band from its children by the rules' parent method.
class RiskParents {
public:
    struct Child {
        RiskLevel band;
        double score;
        int population;
    };
    static RiskAssessment assess(const ParentRule& rule, const QList<Child>& children);
};

} // namespace gc
