#pragma once

#include "gc/core/Ticket.h"

#include <QDate>
#include <QList>
#include <QSet>
#include <QTimeZone>

namespace gc {

// 办理时限: deadlines per source, priority, appeal type and category, from a data
// file. Working days skip weekends and the listed public holidays.
class TimeLimitTable {
public:
    struct Rule {
        QString label;
        QStringList priorities, sources, appeals, categoryPrefixes; // empty = any
        bool sameDay = false;
        int minHours = 0;
        int hours = 0;
        int workingDays = 0;
    };

    static const TimeLimitTable& builtIn();
    static TimeLimitTable load(const QString& path, QString* error);

    // The rule that applies to the ticket (first match), or nullptr when none does.
    const Rule* ruleFor(const Ticket& ticket) const;
    // Deadline for a ticket created at `createdAt`; invalid when no rule applies.
    QDateTime deadlineFor(const Ticket& ticket, const QDateTime& createdAt) const;
    bool isWorkingDay(const QDate& day) const;
    // End of the n-th working day after `day` (the day itself does not count).
    QDateTime endOfWorkingDaysAfter(const QDate& day, int n, const QTimeZone& zone) const;
    const QList<Rule>& rules() const { return m_rules; }

private:
    QList<Rule> m_rules;
    QSet<int> m_workdays; // 1 = Monday … 7 = Sunday
    QSet<QDate> m_holidays;
};

} // namespace gc
