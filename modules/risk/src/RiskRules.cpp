// Reads and checks a county's risk rules file: real rulebooks contain bands that can never fire
// and ranges nobody defined, so every such mistake is refused here with the band or field named.
#include "gc/risk/RiskRules.h"

#include "gc/core/Ticket.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace gc {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(RiskRules)
};

constexpr std::array<std::pair<RiskIndicatorKind, const char*>, 9> kKinds{{
    {RiskIndicatorKind::OpenTickets, "open_tickets"},
    {RiskIndicatorKind::OverdueTickets, "overdue_tickets"},
    {RiskIndicatorKind::Tickets, "tickets"},
    {RiskIndicatorKind::UnsatisfiedRatings, "unsatisfied"},
    {RiskIndicatorKind::Reopens, "reopens"},
    {RiskIndicatorKind::Escalations, "escalations"},
    {RiskIndicatorKind::KeyPersons, "key_persons"},
    {RiskIndicatorKind::KeyPlaces, "key_places"},
    {RiskIndicatorKind::CheckinGap, "checkin_gap"},
}};

// Reads one JSON object field by field and remembers the first mistake, so a rules file gets
// one line naming where it went wrong ("indicators[2].cap").
class FieldReader {
public:
    FieldReader(const QJsonObject& o, QString where, QString* error)
        : m_o(o), m_where(std::move(where)), m_error(error) {}

    bool ok() const { return m_error->isEmpty(); }
    QString where(const QString& field) const { return m_where + QLatin1Char('.') + field; }
    void fail(const QString& message) {
        if (ok())
            *m_error = message;
    }
    // Refuses fields this version does not know: a typo ("cpa") must not silently drop a cap.
    void allowOnly(std::initializer_list<const char*> known) {
        QSet<QString> allowed;
        for (const char* k : known)
            allowed.insert(QLatin1String(k));
        for (auto it = m_o.begin(); it != m_o.end(); ++it)
            if (!allowed.contains(it.key()))
                fail(Tr::tr("风险规则：未知字段 %1").arg(where(it.key())));
    }
    QString string(const char* field, bool required) {
        const QJsonValue v = m_o.value(QLatin1String(field));
        if (v.isUndefined() && !required)
            return {};
        if (!v.isString() || v.toString().trimmed().isEmpty()) {
            fail(Tr::tr("风险规则：%1 必须是非空文本").arg(where(QLatin1String(field))));
            return {};
        }
        return v.toString().trimmed();
    }
    std::optional<double> number(const char* field, bool required, bool nonNegative) {
        const QJsonValue v = m_o.value(QLatin1String(field));
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(Tr::tr("风险规则：缺少 %1").arg(where(QLatin1String(field))));
            return std::nullopt;
        }
        if (!v.isDouble() || !std::isfinite(v.toDouble())) {
            fail(Tr::tr("风险规则：%1 必须是数值").arg(where(QLatin1String(field))));
            return std::nullopt;
        }
        if (nonNegative && v.toDouble() < 0) {
            fail(Tr::tr("风险规则：%1 不能为负数（%2）").arg(where(QLatin1String(field))).arg(v.toDouble()));
            return std::nullopt;
        }
        return v.toDouble();
    }
    QStringList strings(const char* field) {
        const QJsonValue v = m_o.value(QLatin1String(field));
        QStringList out;
        if (v.isUndefined())
            return out;
        if (!v.isArray()) {
            fail(Tr::tr("风险规则：%1 必须是文本列表").arg(where(QLatin1String(field))));
            return out;
        }
        for (const QJsonValue& item : v.toArray()) {
            if (!item.isString() || item.toString().trimmed().isEmpty()) {
                fail(Tr::tr("风险规则：%1 必须是文本列表").arg(where(QLatin1String(field))));
                return {};
            }
            out << item.toString().trimmed();
        }
        return out;
    }
    std::optional<RiskLevel> level(const char* field) {
        const QString text = string(field, true);
        if (text.isEmpty())
            return std::nullopt;
        for (int i = 0; i < kRiskLevelCount; ++i)
            if (text == RiskLevels::key(static_cast<RiskLevel>(i)))
                return static_cast<RiskLevel>(i);
        fail(Tr::tr("风险规则：%1 的等级“%2”无效（应为 red、orange、yellow、blue、green）")
                 .arg(where(QLatin1String(field)), text));
        return std::nullopt;
    }
    const QJsonObject& object() const { return m_o; }

private:
    QJsonObject m_o;
    QString m_where;
    QString* m_error;
};

QString bandText(const RiskBand& b) {
    return b.max ? QStringLiteral("%1 [%2, %3)").arg(RiskLevels::key(b.level)).arg(b.min).arg(*b.max)
                 : QStringLiteral("%1 [%2, ∞)").arg(RiskLevels::key(b.level)).arg(b.min);
}

// The checks a rulebook's bands must pass: together they cover every score from 0 up exactly
// once, each can be reached, and a higher score never means a lower colour.
QString checkBands(const QList<RiskBand>& bands, double maxScore) {
    if (bands.isEmpty())
        return Tr::tr("风险规则：bands 为空，任何分值都没有色带");
    for (const RiskBand& b : bands)
        if (b.max && *b.max <= b.min)
            return Tr::tr("风险规则：色带 %1 不可达（min 不小于 max）").arg(bandText(b));
    if (bands.first().min > 0)
        return Tr::tr("风险规则：分值 [0, %1) 没有色带（缺口在 %2 之下）")
            .arg(bands.first().min)
            .arg(RiskLevels::key(bands.first().level));
    for (int i = 0; i + 1 < bands.size(); ++i) {
        const RiskBand& a = bands[i];
        const RiskBand& b = bands[i + 1];
        if (a.min == b.min)
            return Tr::tr("风险规则：色带 %1 与 %2 重叠（同一 min）").arg(bandText(a), bandText(b));
        if (!a.max)
            return Tr::tr("风险规则：色带 %1 没有 max 却不是最高色带，与 %2 重叠")
                .arg(bandText(a), bandText(b));
        if (*a.max > b.min)
            return Tr::tr("风险规则：色带 %1 与 %2 重叠").arg(bandText(a), bandText(b));
        if (*a.max < b.min)
            return Tr::tr("风险规则：色带 %1 与 %2 之间有缺口 [%3, %4)")
                .arg(bandText(a), bandText(b))
                .arg(*a.max)
                .arg(b.min);
        if (b.level <= a.level)
            return Tr::tr("风险规则：色带 %1 分值更高但等级不高于 %2").arg(bandText(b), bandText(a));
    }
    if (bands.last().max)
        return Tr::tr("风险规则：分值 ≥ %1 没有色带（最高色带 %2 不应有 max）")
            .arg(*bands.last().max)
            .arg(RiskLevels::key(bands.last().level));
    for (const RiskBand& b : bands)
        if (b.min > 0 && b.min > maxScore)
            return Tr::tr("风险规则：色带 %1 不可达：各指标封顶后最多 %2 分").arg(bandText(b)).arg(maxScore);
    return {};
}

} // namespace

QString toKey(RiskIndicatorKind kind) {
    for (const auto& [k, key] : kKinds)
        if (k == kind)
            return QLatin1String(key);
    return {};
}

std::optional<RiskIndicatorKind> riskIndicatorKindFromKey(const QString& key) {
    for (const auto& [k, name] : kKinds)
        if (key == QLatin1String(name))
            return k;
    return std::nullopt;
}

bool RiskIndicator::isTicketKind() const {
    switch (kind) {
    case RiskIndicatorKind::KeyPersons:
    case RiskIndicatorKind::KeyPlaces:
    case RiskIndicatorKind::CheckinGap:
        return false;
    default:
        return true;
    }
}

double RiskIndicator::pointsFor(double value, bool* capped) const {
    const double raw = value * points;
    const bool cut = cap && raw > *cap;
    if (capped)
        *capped = cut;
    return cut ? *cap : raw;
}

std::optional<RiskRules> RiskRules::parse(const QByteArray& json, QString* error) {
    QString localError;
    if (!error)
        error = &localError;
    error->clear();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = Tr::tr("风险规则：不是有效的 JSON（第 %1 字节：%2）")
                     .arg(parseError.offset)
                     .arg(parseError.errorString());
        return std::nullopt;
    }
    if (!doc.isObject()) {
        *error = Tr::tr("风险规则：顶层必须是对象");
        return std::nullopt;
    }
    RiskRules rules;
    rules.m_json = json;
    FieldReader top(doc.object(), QStringLiteral("rules"), error);
    top.allowOnly({"$schema", "name", "version", "about", "indicators", "triggers", "bands", "parents"});
    rules.m_name = top.string("name", false);

    const QJsonValue indicators = doc.object().value(QLatin1String("indicators"));
    if (top.ok() && !indicators.isArray())
        top.fail(Tr::tr("风险规则：缺少 indicators 列表"));
    QSet<QString> ids;
    const QJsonArray indicatorArray = indicators.toArray();
    for (int i = 0; i < indicatorArray.size() && top.ok(); ++i) {
        const QString where = QStringLiteral("indicators[%1]").arg(i);
        if (!indicatorArray[i].isObject()) {
            top.fail(Tr::tr("风险规则：%1 必须是对象").arg(where));
            break;
        }
        FieldReader r(indicatorArray[i].toObject(), where, error);
        r.allowOnly({"id", "kind", "label", "unit", "label_en", "unit_en", "points", "cap", "categories",
                     "priorities", "category_weights", "days", "min_age_hours", "max_age_hours", "types",
                     "grace_days", "max_days", "about"});
        RiskIndicator ind;
        ind.id = r.string("id", true);
        if (r.ok() && ids.contains(ind.id))
            r.fail(Tr::tr("风险规则：指标 id“%1”重复（%2）").arg(ind.id, where));
        const QString kind = r.string("kind", true);
        if (r.ok()) {
            const auto k = riskIndicatorKindFromKey(kind);
            if (!k)
                r.fail(Tr::tr("风险规则：%1 的指标类型“%2”未知").arg(r.where(QStringLiteral("kind")), kind));
            else
                ind.kind = *k;
        }
        ind.label = r.string("label", true);
        ind.unit = r.string("unit", false);
        ind.labelEn = r.string("label_en", false);
        ind.unitEn = r.string("unit_en", false);
        ind.points = r.number("points", true, true).value_or(0);
        ind.cap = r.number("cap", false, true);
        ind.categories = r.strings("categories");
        ind.priorities = r.strings("priorities");
        for (const QString& p : std::as_const(ind.priorities))
            if (r.ok() && !ticketPriorityFromKey(p))
                r.fail(Tr::tr("风险规则：%1 的优先级“%2”未知").arg(r.where(QStringLiteral("priorities")), p));
        const QJsonValue weights = r.object().value(QLatin1String("category_weights"));
        if (!weights.isUndefined()) {
            if (!weights.isObject())
                r.fail(Tr::tr("风险规则：%1 必须是对象").arg(r.where(QStringLiteral("category_weights"))));
            const QJsonObject w = weights.toObject();
            for (auto it = w.begin(); it != w.end() && r.ok(); ++it) {
                if (!it.value().isDouble() || it.value().toDouble() < 0)
                    r.fail(Tr::tr("风险规则：%1 的权重必须是非负数")
                               .arg(r.where(QStringLiteral("category_weights.") + it.key())));
                ind.weights << CategoryWeight{it.key(), it.value().toDouble()};
            }
        }
        ind.days = int(r.number("days", false, true).value_or(0));
        ind.minAgeHours = r.number("min_age_hours", false, true).value_or(0);
        ind.maxAgeHours = r.number("max_age_hours", false, true).value_or(0);
        ind.types = r.strings("types");
        ind.graceDays = r.number("grace_days", false, true).value_or(0);
        ind.maxDays = r.number("max_days", false, true).value_or(30);
        if (r.ok() && ind.maxAgeHours > 0 && ind.maxAgeHours <= ind.minAgeHours)
            r.fail(Tr::tr("风险规则：%1 不大于 min_age_hours，指标永远为 0")
                       .arg(r.where(QStringLiteral("max_age_hours"))));
        if (r.ok() && ind.kind == RiskIndicatorKind::CheckinGap && ind.maxDays <= ind.graceDays)
            r.fail(Tr::tr("风险规则：%1 不大于 grace_days，指标永远为 0")
                       .arg(r.where(QStringLiteral("max_days"))));
        ids.insert(ind.id);
        rules.m_indicators << ind;
    }

    const QJsonArray triggers = doc.object().value(QLatin1String("triggers")).toArray();
    for (int i = 0; i < triggers.size() && top.ok(); ++i) {
        const QString where = QStringLiteral("triggers[%1]").arg(i);
        FieldReader r(triggers[i].toObject(), where, error);
        r.allowOnly({"id", "label", "label_en", "indicator", "min_value", "at_least", "about"});
        RiskTrigger t;
        t.id = r.string("id", true);
        t.label = r.string("label", true);
        t.labelEn = r.string("label_en", false);
        t.indicator = r.string("indicator", true);
        if (r.ok() && !ids.contains(t.indicator))
            r.fail(Tr::tr("风险规则：%1 引用了未定义的指标“%2”")
                       .arg(r.where(QStringLiteral("indicator")), t.indicator));
        t.minValue = r.number("min_value", false, true).value_or(1);
        t.atLeast = r.level("at_least").value_or(RiskLevel::Yellow);
        rules.m_triggers << t;
    }

    const QJsonValue bands = doc.object().value(QLatin1String("bands"));
    if (top.ok() && !bands.isArray())
        top.fail(Tr::tr("风险规则：缺少 bands 列表"));
    QSet<RiskLevel> levels;
    const QJsonArray bandArray = bands.toArray();
    for (int i = 0; i < bandArray.size() && top.ok(); ++i) {
        FieldReader r(bandArray[i].toObject(), QStringLiteral("bands[%1]").arg(i), error);
        r.allowOnly({"level", "min", "max"});
        RiskBand b;
        b.level = r.level("level").value_or(RiskLevel::Green);
        b.min = r.number("min", true, false).value_or(0);
        b.max = r.number("max", false, false);
        if (r.ok() && levels.contains(b.level))
            r.fail(Tr::tr("风险规则：色带 %1 出现了两次").arg(RiskLevels::key(b.level)));
        levels.insert(b.level);
        rules.m_bands << b;
    }
    std::stable_sort(rules.m_bands.begin(), rules.m_bands.end(),
                     [](const RiskBand& a, const RiskBand& b) { return a.min < b.min; });
    if (top.ok())
        top.fail(checkBands(rules.m_bands, rules.maxScore()));

    const QJsonValue parents = doc.object().value(QLatin1String("parents"));
    if (top.ok() && !parents.isUndefined()) {
        FieldReader r(parents.toObject(), QStringLiteral("parents"), error);
        r.allowOnly({"method", "share", "about"});
        const QString method = r.string("method", true);
        if (method == QLatin1String("highest"))
            rules.m_parent.method = ParentMethod::Highest;
        else if (method == QLatin1String("share"))
            rules.m_parent.method = ParentMethod::Share;
        else if (method == QLatin1String("population_weighted"))
            rules.m_parent.method = ParentMethod::PopulationWeighted;
        else if (r.ok())
            r.fail(Tr::tr("风险规则：parents.method“%1”未知（应为 highest、share、population_weighted）")
                       .arg(method));
        rules.m_parent.share = r.number("share", false, true).value_or(0.25);
        if (r.ok() && (rules.m_parent.share <= 0 || rules.m_parent.share > 1))
            r.fail(Tr::tr("风险规则：parents.share 必须在 (0, 1] 之间"));
    }
    if (!error->isEmpty())
        return std::nullopt;
    return rules;
}

QByteArray RiskRules::builtInJson() {
    QFile f(QStringLiteral(":/gc/risk/risk-rules.json"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

const RiskRules& RiskRules::builtIn() {
    static const RiskRules rules = [] {
        QString error;
        auto parsed = parse(builtInJson(), &error);
        Q_ASSERT_X(parsed, "RiskRules::builtIn", qPrintable(error));
        return parsed ? *parsed : RiskRules();
    }();
    return rules;
}

int RiskRules::indicatorIndex(const QString& id) const {
    for (int i = 0; i < m_indicators.size(); ++i)
        if (m_indicators[i].id == id)
            return i;
    return -1;
}

const RiskBand& RiskRules::bandFor(double score) const {
    Q_ASSERT(!m_bands.isEmpty());
    for (qsizetype i = m_bands.size() - 1; i > 0; --i)
        if (score >= m_bands[i].min)
            return m_bands[i];
    return m_bands.first();
}

double RiskRules::maxScore() const {
    double total = 0;
    for (const RiskIndicator& ind : m_indicators) {
        if (ind.points == 0)
            continue;
        if (ind.kind == RiskIndicatorKind::CheckinGap)
            total += ind.pointsFor(ind.maxDays - ind.graceDays);
        else if (ind.cap)
            total += *ind.cap;
        else
            return std::numeric_limits<double>::infinity();
    }
    return total;
}

int RiskRules::longestWindowDays() const {
    int days = 0;
    for (const RiskIndicator& ind : m_indicators)
        if (ind.isTicketKind())
            days = std::max(days, std::max(ind.days, int(std::ceil(ind.maxAgeHours / 24.0))));
    return days;
}

} // namespace gc
