#pragma once

#include "gc/core/RiskLevel.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace gc {

// What an indicator counts in a grid. The names are the "kind" values of the rules file
// (maps/risk-rules.schema.json).
enum class RiskIndicatorKind {
    OpenTickets,        // open_tickets: open now, by priority, category and age
    OverdueTickets,     // overdue_tickets: open and past their deadline
    Tickets,            // tickets: created in the last `days`, weighted by category (merged/invalid excluded)
    UnsatisfiedRatings, // unsatisfied: tickets of the window whose citizen rating is 不满意
    Reopens,            // reopens: 不满意退回重办 of the window's tickets
    Escalations,        // escalations: tickets of the window escalated above the grid
    KeyPersons,         // key_persons: 重点人员 of the given types (counts, no names)
    KeyPlaces,          // key_places: 重点场所 points of the given types
    CheckinGap,         // checkin_gap: days since the last patrol check-in, beyond `grace_days`
};

QString toKey(RiskIndicatorKind kind);
std::optional<RiskIndicatorKind> riskIndicatorKindFromKey(const QString& key);

// One weighted category prefix ("J" = every 矛盾纠纷, "C04" = 突发事件); the longest match wins.
struct CategoryWeight {
    QString prefix;
    double weight = 1.0;
};

struct RiskIndicator {
    QString id;      // referenced by triggers and shown in reasons[].indicator
    QString label;   // 超期工单
    QString unit;    // 件, 人, 处, 天
    QString labelEn; // optional, shown in the English UI ("Overdue tickets"); else the label
    QString unitEn;  // optional ("tickets")
    RiskIndicatorKind kind = RiskIndicatorKind::OpenTickets;
    double points = 0;         // per unit
    std::optional<double> cap; // at most this many points
    // Ticket filters (ticket kinds only); empty = any.
    QStringList categories;        // category code prefixes
    QStringList priorities;        // urgent|high|normal|low
    QList<CategoryWeight> weights; // `tickets`: value = sum of weights (default 1)
    int days = 0;                  // window for created_at; 0 = no window
    double minAgeHours = 0;        // open_tickets: at least this old
    double maxAgeHours = 0;        // open_tickets: at most this old; 0 = no limit
    QStringList types;             // key_persons / key_places types; empty = all
    double graceDays = 0;          // checkin_gap: no points within this many days
    double maxDays = 30;           // checkin_gap: value when there has never been a check-in

    bool isTicketKind() const;
    // Points for `value` units: value × points, capped.
    double pointsFor(double value, bool* capped = nullptr) const;
};

// A floor whatever the score: when indicator `indicator` reaches `minValue`, the grid is at
// least `atLeast` (e.g. an open urgent 突发事件 of the last 72 h → at least orange).
struct RiskTrigger {
    QString id;
    QString label;
    QString labelEn; // optional, shown in the English UI
    QString indicator;
    double minValue = 1;
    RiskLevel atLeast = RiskLevel::Yellow;
};

// {"level","min","max"}: min inclusive, max exclusive, no max on the top band.
struct RiskBand {
    RiskLevel level = RiskLevel::Green;
    double min = 0;
    std::optional<double> max;
};

// How a community's, street's and county's band follows from their children's.
enum class ParentMethod {
    Highest,            // highest: the highest child band
    Share,              // share: the highest level that at least `share` of the children reach or exceed
    PopulationWeighted, // population_weighted: population-weighted mean of the children's levels, rounded
};

struct ParentRule {
    ParentMethod method = ParentMethod::Share;
    double share = 0.25;
};

// A county's risk rules (the rules file, parsed and checked). Parsing refuses a file with
// gaps, overlaps or unreachable bands, unknown indicators or kinds, negative points or caps;
// the message names the band or field.
class RiskRules {
public:
    // Parses and checks a rules file. On failure returns nullopt and one line in `error`.
    static std::optional<RiskRules> parse(const QByteArray& json, QString* error);
    // The rules shipped with GridCommand (maps/risk-rules.json, compiled in).
    static const RiskRules& builtIn();
    static QByteArray builtInJson();

    const QList<RiskIndicator>& indicators() const { return m_indicators; }
    const QList<RiskTrigger>& triggers() const { return m_triggers; }
    const QList<RiskBand>& bands() const { return m_bands; } // ascending by min
    const ParentRule& parentRule() const { return m_parent; }
    const QString& name() const { return m_name; }
    const QByteArray& json() const { return m_json; } // the file as given
    int indicatorIndex(const QString& id) const;
    // The band whose [min, max) holds `score` (always one after a successful parse).
    const RiskBand& bandFor(double score) const;
    // The largest score the indicators can give (infinity when an indicator has no cap).
    double maxScore() const;
    // The longest window (days) any ticket indicator looks back, for reading only what matters.
    int longestWindowDays() const;

private:
    QString m_name;
    QByteArray m_json;
    QList<RiskIndicator> m_indicators;
    QList<RiskTrigger> m_triggers;
    QList<RiskBand> m_bands;
    ParentRule m_parent;
};

} // namespace gc
