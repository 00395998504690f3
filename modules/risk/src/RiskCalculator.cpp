// The pure scoring step of the risk engine: facts → indicator values → points, bands, triggers.
#include "gc/risk/RiskCalculator.h"

#include "gc/core/CategoryTable.h"
#include "gc/core/DisplayLanguage.h"

#include <QCoreApplication>
#include <QVarLengthArray>
#include <algorithm>
#include <cmath>
#include <limits>

namespace gc {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(RiskCalculator)
};
constexpr qint64 kDay = 86400;
} // namespace

RiskCalculator::RiskCalculator(const RiskRules& rules, qint64 now)
    : m_rules(rules), m_now(now), m_windowStart(now) {
    for (const RiskIndicator& ind : m_rules.indicators()) {
        int mask = 0;
        for (const QString& p : ind.priorities)
            if (const auto priority = ticketPriorityFromKey(p))
                mask |= 1 << static_cast<int>(*priority);
        m_priorityMask << mask;
    }
    m_windowStart = now - qint64(m_rules.longestWindowDays()) * kDay;
    for (const Category& c : CategoryTable::builtIn().all())
        m_matches.insert(c.code, computeMatch(c.code));
}

RiskCalculator::CategoryMatch RiskCalculator::computeMatch(const QString& category) const {
    CategoryMatch m;
    for (const RiskIndicator& ind : m_rules.indicators()) {
        double weight = 0;
        if (ind.isTicketKind()) {
            const bool listed = ind.categories.isEmpty() ||
                                std::any_of(ind.categories.cbegin(), ind.categories.cend(),
                                            [&](const QString& p) { return category.startsWith(p); });
            if (listed) {
                weight = 1;
                qsizetype longest = -1;
                for (const CategoryWeight& w : ind.weights)
                    if (category.startsWith(w.prefix) && w.prefix.size() > longest) {
                        longest = w.prefix.size();
                        weight = w.weight;
                    }
            }
        }
        m.weight << weight;
    }
    return m;
}

const RiskCalculator::CategoryMatch& RiskCalculator::match(const QString& category) const {
    const auto it = m_matches.constFind(category);
    if (it != m_matches.cend())
        return *it;
    // A code outside the table (an imported 12345 order): matched once per call, not cached,
    // so the calculator stays safe to share between threads.
    thread_local CategoryMatch scratch;
    scratch = computeMatch(category);
    return scratch;
}

QVector<double> RiskCalculator::categoryWeights(const QString& category) const {
    return match(category).weight;
}

void RiskCalculator::addTicket(const RiskTicketFacts& t, double* values) const {
    addTicket(t, match(t.category).weight.constData(), values);
}

void RiskCalculator::addTicket(const RiskTicketFacts& t, const double* categoryWeights,
                               double* values) const {
    addTicket(t, categoryWeights, values, nullptr);
}

void RiskCalculator::addTicket(const RiskTicketFacts& t, const double* categoryWeights, double* values,
                               qint64* nextChange) const {
    if (t.state == TicketState::Merged || t.state == TicketState::Invalid)
        return; // never count, whatever the clock
    if (t.createdAt > m_now) {
        if (nextChange)
            *nextChange = std::min(*nextChange, t.createdAt); // counts from its creation on
        return;
    }
    const bool open = isOpen(t.state);
    const double ageHours = double(m_now - t.createdAt) / 3600.0;
    const double now = double(m_now);
    // A condition "now <= x" that holds now turns false after x; "now >= x" that fails now turns true
    // at x. Either moment is taken a second early (never later: ages are compared in hours).
    const auto untilAfter = [&](double x) {
        if (now <= x)
            *nextChange = std::min(*nextChange, std::max(m_now + 1, qint64(std::floor(x))));
    };
    const auto untilReach = [&](double x) {
        if (now < x)
            *nextChange = std::min(*nextChange, std::max(m_now + 1, qint64(std::ceil(x)) - 1));
    };
    const auto& indicators = m_rules.indicators();
    for (int i = 0; i < indicators.size(); ++i) {
        const double weight = categoryWeights[i];
        if (weight == 0)
            continue;
        const RiskIndicator& ind = indicators[i];
        if (m_priorityMask[i] && !(m_priorityMask[i] & (1 << static_cast<int>(t.priority))))
            continue;
        if (nextChange) {
            if (ind.days > 0)
                untilAfter(double(t.createdAt) + double(qint64(ind.days) * kDay)); // leaves the window
            if (open && ind.kind == RiskIndicatorKind::OpenTickets) {
                untilReach(double(t.createdAt) + ind.minAgeHours * 3600.0);
                if (ind.maxAgeHours > 0)
                    untilAfter(double(t.createdAt) + ind.maxAgeHours * 3600.0);
            } else if (open && ind.kind == RiskIndicatorKind::OverdueTickets && t.deadline > 0) {
                untilAfter(double(t.deadline)); // overdue once now > deadline
            }
        }
        const bool inWindow = ind.days <= 0 || t.createdAt >= m_now - qint64(ind.days * kDay);
        switch (ind.kind) {
        case RiskIndicatorKind::OpenTickets:
            if (open && ageHours >= ind.minAgeHours &&
                (ind.maxAgeHours <= 0 || ageHours <= ind.maxAgeHours) && inWindow)
                values[i] += weight;
            break;
        case RiskIndicatorKind::OverdueTickets:
            if (open && t.deadline > 0 && m_now > t.deadline && inWindow)
                values[i] += weight;
            break;
        case RiskIndicatorKind::Tickets:
            if (inWindow)
                values[i] += weight;
            break;
        case RiskIndicatorKind::UnsatisfiedRatings:
            if (inWindow && t.rating == Rating::Unsatisfied)
                values[i] += weight;
            break;
        case RiskIndicatorKind::Reopens:
            if (inWindow)
                values[i] += weight * t.reopenCount;
            break;
        case RiskIndicatorKind::Escalations:
            if (inWindow && t.escalationLevel < GridLevel::Grid)
                values[i] += weight;
            break;
        default:
            break;
        }
    }
}

qint64 RiskCalculator::nextChange(const RiskTicketFacts& t, const double* categoryWeights) const {
    QVarLengthArray<double, 32> scratch(indicatorCount(), 0.0);
    qint64 next = std::numeric_limits<qint64>::max();
    addTicket(t, categoryWeights, scratch.data(), &next);
    return next;
}

qint64 RiskCalculator::nextCheckinChange(qint64 lastCheckin) const {
    constexpr qint64 never = std::numeric_limits<qint64>::max();
    if (lastCheckin <= 0)
        return never; // no check-in: the gap counts as the maximum until one comes
    if (lastCheckin > m_now)
        return lastCheckin;
    qint64 next = never;
    for (const RiskIndicator& ind : m_rules.indicators()) {
        if (ind.kind != RiskIndicatorKind::CheckinGap)
            continue;
        const qint64 days = (m_now - lastCheckin) / kDay;
        if (double(days) >= ind.maxDays)
            continue; // capped: the value no longer moves
        // The next whole day of the gap, or (still within the grace) the first day that counts.
        const qint64 nextDay = std::max<qint64>(days + 1, qint64(std::floor(ind.graceDays)));
        next = std::min(next, lastCheckin + nextDay * kDay);
    }
    return next;
}

void RiskCalculator::addKeyPersons(const QString& type, int count, double* values) const {
    const auto& indicators = m_rules.indicators();
    for (int i = 0; i < indicators.size(); ++i)
        if (indicators[i].kind == RiskIndicatorKind::KeyPersons &&
            (indicators[i].types.isEmpty() || indicators[i].types.contains(type)))
            values[i] += count;
}

void RiskCalculator::addKeyPlace(const QString& type, double* values) const {
    const auto& indicators = m_rules.indicators();
    for (int i = 0; i < indicators.size(); ++i)
        if (indicators[i].kind == RiskIndicatorKind::KeyPlaces &&
            (indicators[i].types.isEmpty() || indicators[i].types.contains(type)))
            values[i] += 1;
}

void RiskCalculator::setLastCheckin(qint64 lastCheckin, double* values) const {
    const auto& indicators = m_rules.indicators();
    for (int i = 0; i < indicators.size(); ++i) {
        const RiskIndicator& ind = indicators[i];
        if (ind.kind != RiskIndicatorKind::CheckinGap)
            continue;
        // Whole days: a gap of 3 days 23 hours is 3 days, as a patrol log would say.
        const double gapDays = lastCheckin > 0 && lastCheckin <= m_now
                                   ? std::floor(double(m_now - lastCheckin) / kDay)
                                   : ind.maxDays;
        values[i] = std::clamp(std::min(gapDays, ind.maxDays) - ind.graceDays, 0.0, ind.maxDays);
    }
}

RiskAssessment RiskCalculator::assess(const double* values) const {
    RiskAssessment a;
    const auto& indicators = m_rules.indicators();
    for (int i = 0; i < indicators.size(); ++i) {
        if (values[i] == 0)
            continue;
        const RiskIndicator& ind = indicators[i];
        RiskReason r;
        r.indicator = ind.id;
        // Names in the display language: gridctl (and its JSON) stays Chinese, the English GUI
        // shows the rules file's label_en/unit_en where it has them.
        r.label = pickDisplayName(ind.label, ind.labelEn);
        r.unit = pickDisplayName(ind.unit, ind.unitEn);
        r.value = values[i];
        r.perUnit = ind.points;
        r.points = ind.pointsFor(values[i], &r.capped);
        r.cap = ind.cap;
        a.score += r.points;
        a.reasons << r;
    }
    a.scoreBand = m_rules.bandFor(a.score).level;
    a.ruleBand = a.scoreBand;
    for (const RiskTrigger& t : m_rules.triggers()) {
        const int i = m_rules.indicatorIndex(t.indicator);
        if (i < 0 || values[i] < t.minValue || values[i] == 0)
            continue;
        a.triggers << RiskTriggerHit{
            t.id, pickDisplayName(t.label, t.labelEn), t.indicator, values[i], t.minValue, t.atLeast};
        if (t.atLeast > a.ruleBand) {
            a.ruleBand = t.atLeast;
            a.decidedBy = RiskDecision::Trigger;
        }
    }
    std::stable_sort(a.triggers.begin(), a.triggers.end(),
                     [](const RiskTriggerHit& x, const RiskTriggerHit& y) { return x.atLeast > y.atLeast; });
    a.band = a.ruleBand;
    return a;
}

RiskAssessment RiskParents::assess(const ParentRule& rule, const QList<Child>& children) {
    RiskAssessment a;
    a.decidedBy = RiskDecision::Children;
    a.childCount = int(children.size());
    int count[kRiskLevelCount] = {};
    double score[kRiskLevelCount] = {};
    double population = 0, weighted = 0;
    for (const Child& c : children) {
        const int l = static_cast<int>(c.band);
        ++count[l];
        score[l] += c.score;
        population += c.population;
        weighted += double(c.population) * l;
    }
    for (int l = kRiskLevelCount - 1; l >= 0; --l) {
        if (count[l] == 0)
            continue;
        const auto level = static_cast<RiskLevel>(l);
        RiskReason r;
        r.indicator = QStringLiteral("children.") + RiskLevels::key(level);
        r.label = Tr::tr("%1下级").arg(RiskLevels::displayName(level));
        r.unit = Tr::tr("个");
        r.value = count[l];
        r.points = score[l];
        a.score += r.points;
        a.reasons << r;
    }
    RiskLevel band = RiskLevel::Green;
    if (!children.isEmpty()) {
        switch (rule.method) {
        case ParentMethod::Highest:
            for (int l = kRiskLevelCount - 1; l >= 0; --l)
                if (count[l] > 0) {
                    band = static_cast<RiskLevel>(l);
                    break;
                }
            break;
        case ParentMethod::Share: {
            int atOrAbove = 0;
            for (int l = kRiskLevelCount - 1; l > 0; --l) {
                atOrAbove += count[l];
                // Compared in integers where possible: 1 of 4 at share 0.25 is exactly a quarter.
                if (double(atOrAbove) >= rule.share * double(children.size()) - 1e-9) {
                    band = static_cast<RiskLevel>(l);
                    break;
                }
            }
            break;
        }
        case ParentMethod::PopulationWeighted: {
            double mean = 0;
            if (population > 0)
                mean = weighted / population;
            else {
                for (int l = 0; l < kRiskLevelCount; ++l)
                    mean += double(count[l]) * l;
                mean /= double(children.size());
            }
            band = static_cast<RiskLevel>(std::clamp(int(std::floor(mean + 0.5)), 0, kRiskLevelCount - 1));
            break;
        }
        }
    }
    a.scoreBand = a.ruleBand = a.band = band;
    return a;
}

} // namespace gc
