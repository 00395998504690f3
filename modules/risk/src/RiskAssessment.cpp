// The sentence that explains a band: every number of it comes from the assessment's reasons.
#include "gc/risk/RiskAssessment.h"

#include "gc/risk/RiskRules.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <cmath>

namespace gc {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(RiskExplanation)
};
} // namespace

QString toKey(RiskDecision d) {
    switch (d) {
    case RiskDecision::Score:
        return QStringLiteral("score");
    case RiskDecision::Trigger:
        return QStringLiteral("trigger");
    case RiskDecision::Override:
        return QStringLiteral("override");
    case RiskDecision::Children:
        return QStringLiteral("children");
    }
    return {};
}

QString RiskExplanation::number(double v) {
    if (std::fabs(v - std::round(v)) < 1e-9)
        return QString::number(qint64(std::llround(v)));
    return QString::number(v, 'f', 2).remove(QRegularExpression(QStringLiteral("0+$")));
}

QString RiskExplanation::text(const RiskAssessment& a, const RiskRules& rules) {
    const QString sep = Tr::tr("，");
    QStringList parts;
    QString ruleText;
    if (a.level < GridLevel::Grid) {
        QStringList counts;
        for (const RiskReason& r : a.reasons)
            counts << Tr::tr("%1 %2 个").arg(r.label, number(r.value));
        QString method;
        switch (rules.parentRule().method) {
        case ParentMethod::Highest:
            method = Tr::tr("取下级最高等级");
            break;
        case ParentMethod::Share:
            method = Tr::tr("取至少 %1% 下级达到的最高等级").arg(number(rules.parentRule().share * 100));
            break;
        case ParentMethod::PopulationWeighted:
            method = Tr::tr("按人口加权平均下级等级");
            break;
        }
        ruleText = Tr::tr("%1：下级 %2 个（%3），%4")
                       .arg(RiskLevels::displayName(a.ruleBand))
                       .arg(a.childCount)
                       .arg(counts.isEmpty() ? Tr::tr("无") : counts.join(Tr::tr("、")), method);
    } else {
        for (const RiskReason& r : a.reasons) {
            if (r.points == 0 && r.perUnit == 0)
                continue;
            QString part =
                Tr::tr("%1 %2 %3 × %4 分 = %5")
                    .arg(r.label, number(r.value), r.unit, number(r.perUnit), number(r.value * r.perUnit));
            if (r.capped)
                part += Tr::tr("，封顶 %1").arg(number(r.points));
            parts << part;
        }
        const RiskBand& band = rules.bandFor(a.score);
        const QString total = band.min > 0 || !band.max
                                  ? Tr::tr("合计 %1 ≥ %2").arg(number(a.score), number(band.min))
                                  : Tr::tr("合计 %1 < %2").arg(number(a.score), number(*band.max));
        ruleText = Tr::tr("%1：%2").arg(RiskLevels::displayName(a.scoreBand),
                                        parts.isEmpty() ? total : parts.join(sep) + sep + total);
        // Only the floors that lifted the band: a fired trigger below the score's band decided nothing.
        for (const RiskTriggerHit& t : a.triggers)
            if (t.atLeast > a.scoreBand)
                ruleText += Tr::tr("；触发“%1”（%2 ≥ %3）→ 至少%4")
                                .arg(t.label, number(t.value), number(t.minValue),
                                     RiskLevels::displayName(t.atLeast));
        if (a.ruleBand != a.scoreBand)
            ruleText += Tr::tr("；规则判定%1").arg(RiskLevels::displayName(a.ruleBand));
    }
    if (!a.override)
        return ruleText;
    return Tr::tr("人工研判%1（%2，%3，至 %4）；规则判定 %5")
        .arg(RiskLevels::displayName(a.band), a.override->reason, a.override->by,
             a.override->end.toString(QStringLiteral("yyyy-MM-dd HH:mm")), ruleText);
}

} // namespace gc
