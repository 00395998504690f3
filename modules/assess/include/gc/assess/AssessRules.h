#pragma once

#include "gc/core/Ticket.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QTime>
#include <optional>

namespace gc {

// What an item counts for a worker in a period. The names are the "kind" values of the rules file
// (maps/assess-rules.schema.json).
enum class AssessItemKind {
    CheckinDays,     // checkin_days: duty days with at least `min_per_day` patrol check-ins
    TicketsReported, // tickets_reported: tickets the worker reported, weighted by category (merged/invalid
                     // out)
    SelfResolved,    // self_resolved: 网格内办结 of tickets the worker reported
    OnsiteChecks,    // onsite_checks: 到场 for an assigned on-site check (指派核查)
    ArrivalsOnTime,  // arrivals_on_time: arrivals within the priority's limit
    OnlineRate,      // online_rate: per duty day, points × share of duty minutes with a fresh fix
    Coverage,        // coverage: per duty day, points × patrolled share of the worker's grids
    Satisfied,       // satisfied: 满意 ratings on tickets the worker reported
    LateArrivals,    // late_arrivals: arrivals after the limit
    OverdueChecks,   // overdue_checks: assigned checks with no arrival when the limit ran out
    Unsatisfied,     // unsatisfied: 不满意 ratings on tickets the worker reported
};
QString toKey(AssessItemKind kind);
std::optional<AssessItemKind> assessItemKindFromKey(const QString& key);

struct AssessCategoryWeight {
    QString prefix; // category code prefix; the longest match wins
    double weight = 1;
};

struct AssessItemRule {
    QString id;    // shown as items[].item and in the explanation
    QString label; // 巡查签到
    AssessItemKind kind = AssessItemKind::CheckinDays;
    double points = 0;                   // per unit (negative for deductions)
    std::optional<double> cap;           // the item gives at most this many points in a period (>= 0)
    std::optional<double> floor;         // …and takes at most this many away (<= 0): 扣完为止
    int minPerDay = 1;                   // checkin_days
    QList<AssessCategoryWeight> weights; // tickets_reported

    double weightOf(const QString& category) const;
};

struct DutyHours {
    QList<int> days{1, 2, 3, 4, 5}; // ISO weekdays (1 = Monday) with duty
    QTime start{8, 30};
    QTime end{17, 30};
    int onlineMaxAgeMin = 5; // a duty minute is online when the newest fix is at most this old
};

struct AssessRules {
    QString name;
    DutyHours duty;
    double coverageRadiusM = 30;
    double maxAccuracyM = 50;
    int maxGapMin = 10;
    int arrivalLimitMin[4] = {10, 10, 10, 10}; // by TicketPriority
    QList<AssessItemRule> items;

    int arrivalLimit(TicketPriority p) const { return arrivalLimitMin[int(p)]; }
    // Names the settings a day summary depends on: a summary made under others is made again.
    QString daySummaryParams() const;

    // Parses and checks a rules file; on any mistake returns nullopt and one line naming the field.
    static std::optional<AssessRules> parse(const QByteArray& json, QString* error);
    // The rules compiled into the program (maps/assess-rules.json).
    static QByteArray defaultJson();
};

} // namespace gc
