#pragma once

#include "gc/core/GridLevel.h"
#include "gc/core/RiskLevel.h"
#include "gc/store/RiskStore.h"

#include <QList>
#include <QString>
#include <optional>

namespace gc {

class RiskRules;

// One indicator's share of a grid's score: value × perUnit, capped. For a parent (community,
// street, county) the reasons are its children by band ("children.red": how many, and the sum
// of their scores), so reasons[].points add up to score at every level.
struct RiskReason {
    QString indicator; // indicator id, or children.<band> for a parent
    QString label;     // 超期工单
    QString unit;      // 件
    double value = 0;
    double perUnit = 0;
    double points = 0;
    bool capped = false; // points were cut to the cap
    std::optional<double> cap;
};

// A trigger that fired: the grid is at least `atLeast` because `indicator` reached `minValue`.
struct RiskTriggerHit {
    QString id;
    QString label;
    QString indicator;
    double value = 0;
    double minValue = 0;
    RiskLevel atLeast = RiskLevel::Yellow;
};

// Why a band was chosen.
enum class RiskDecision {
    Score,    // the score's band
    Trigger,  // a trigger's floor was above the score's band
    Override, // 人工研判: a person set the band
    Children, // a parent: its children by the rules' parent method
};
QString toKey(RiskDecision d); // score|trigger|override|children

// Everything the engine knows about one grid (or parent) at one moment: the contract behind
// `gridctl risk --json`, `gridctl risk explain` and the GUI's hover text.
struct RiskAssessment {
    QString code;
    QString name;
    GridLevel level = GridLevel::Grid;
    double score = 0;                       // sum of reasons[].points, in order
    RiskLevel scoreBand = RiskLevel::Green; // the band of the score alone
    RiskLevel ruleBand = RiskLevel::Green;  // after triggers (or children for a parent)
    RiskLevel band = RiskLevel::Green;      // what the map shows: ruleBand unless overridden
    RiskDecision decidedBy = RiskDecision::Score;
    QList<RiskReason> reasons;
    QList<RiskTriggerHit> triggers;       // all that fired, highest floor first
    std::optional<RiskOverride> override; // the active override, if any
    // Parent only: the children counted, and the population behind them.
    int childCount = 0;

    bool overridden() const { return override.has_value(); }
};

// The human sentence for an assessment, e.g.
// "橙色：超期工单 3 件 × 8 分 = 24，重点人员 2 人 × 5 分 = 10，合计 34 ≥ 30".
class RiskExplanation {
public:
    static QString text(const RiskAssessment& a, const RiskRules& rules);
    // Numbers as the sentence writes them: no trailing zeros ("1.5", "24").
    static QString number(double v);
};

} // namespace gc
