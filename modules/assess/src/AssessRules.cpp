// Reads and checks a county's assessment rules file: an unknown item, a negative cap or duty hours
// that end before they start are refused with the field named, never silently scored.
#include "gc/assess/AssessRules.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <array>
#include <cmath>

namespace gc {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(AssessRules)
};

constexpr std::array<std::pair<AssessItemKind, const char*>, 11> kKinds{{
    {AssessItemKind::CheckinDays, "checkin_days"},
    {AssessItemKind::TicketsReported, "tickets_reported"},
    {AssessItemKind::SelfResolved, "self_resolved"},
    {AssessItemKind::OnsiteChecks, "onsite_checks"},
    {AssessItemKind::ArrivalsOnTime, "arrivals_on_time"},
    {AssessItemKind::OnlineRate, "online_rate"},
    {AssessItemKind::Coverage, "coverage"},
    {AssessItemKind::Satisfied, "satisfied"},
    {AssessItemKind::LateArrivals, "late_arrivals"},
    {AssessItemKind::OverdueChecks, "overdue_checks"},
    {AssessItemKind::Unsatisfied, "unsatisfied"},
}};

// Reads one object field by field and keeps the first mistake, naming where it is ("items[2].cap").
class Fields {
public:
    Fields(QJsonObject o, QString where, QString* error)
        : m_o(std::move(o)), m_where(std::move(where)), m_error(error) {}
    bool ok() const { return m_error->isEmpty(); }
    QString where(const QString& field) const {
        return m_where.isEmpty() ? field : m_where + QLatin1Char('.') + field;
    }
    void fail(const QString& message) {
        if (ok())
            *m_error = Tr::tr("考核规则：%1").arg(message);
    }
    void allowOnly(std::initializer_list<const char*> known) {
        QSet<QString> allowed;
        for (const char* k : known)
            allowed.insert(QLatin1String(k));
        for (auto it = m_o.begin(); it != m_o.end(); ++it)
            if (!allowed.contains(it.key()))
                fail(Tr::tr("未知字段 %1").arg(where(it.key())));
    }
    bool has(const char* field) const { return m_o.contains(QLatin1String(field)); }
    QJsonValue value(const char* field) const { return m_o.value(QLatin1String(field)); }
    QString text(const char* field, bool required) {
        const QJsonValue v = value(field);
        if (v.isUndefined() && !required)
            return {};
        if (!v.isString() || v.toString().trimmed().isEmpty()) {
            fail(Tr::tr("%1 必须是非空文本").arg(where(QLatin1String(field))));
            return {};
        }
        return v.toString().trimmed();
    }
    // sign: 0 any, 1 must be >= 0 (or > 0 when strict), -1 must be <= 0
    std::optional<double> number(const char* field, bool required, int sign = 0, bool strict = false) {
        const QJsonValue v = value(field);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(Tr::tr("缺少 %1").arg(where(QLatin1String(field))));
            return std::nullopt;
        }
        const double d = v.toDouble();
        if (!v.isDouble() || !std::isfinite(d)) {
            fail(Tr::tr("%1 必须是数值").arg(where(QLatin1String(field))));
            return std::nullopt;
        }
        if (sign > 0 && (d < 0 || (strict && d == 0))) {
            fail(strict ? Tr::tr("%1 必须大于 0（%2）").arg(where(QLatin1String(field))).arg(d)
                        : Tr::tr("%1 不能为负数（%2）").arg(where(QLatin1String(field))).arg(d));
            return std::nullopt;
        }
        if (sign < 0 && d > 0) {
            fail(Tr::tr("%1 不能为正数（%2）").arg(where(QLatin1String(field))).arg(d));
            return std::nullopt;
        }
        return d;
    }
    std::optional<QJsonObject> object(const char* field, bool required) {
        const QJsonValue v = value(field);
        if (v.isUndefined() && !required)
            return std::nullopt;
        if (!v.isObject()) {
            fail(Tr::tr("%1 必须是对象").arg(where(QLatin1String(field))));
            return std::nullopt;
        }
        return v.toObject();
    }
    QJsonArray array(const char* field, bool required) {
        const QJsonValue v = value(field);
        if (v.isUndefined() && !required)
            return {};
        if (!v.isArray()) {
            fail(Tr::tr("%1 必须是列表").arg(where(QLatin1String(field))));
            return {};
        }
        return v.toArray();
    }
    QTime clock(const char* field) {
        const QString t = text(field, true);
        if (t.isEmpty())
            return {};
        const QTime time = QTime::fromString(t, QStringLiteral("HH:mm"));
        if (!time.isValid())
            fail(Tr::tr("%1 应为 HH:mm（%2）").arg(where(QLatin1String(field)), t));
        return time;
    }

private:
    QJsonObject m_o;
    QString m_where;
    QString* m_error;
};

void readDuty(const QJsonObject& o, DutyHours& duty, QString* error) {
    Fields f(o, QStringLiteral("duty"), error);
    f.allowOnly({"days", "start", "end", "online_max_age_min", "about"});
    duty.days.clear();
    const QJsonArray days = f.array("days", true);
    for (const QJsonValue& v : days) {
        const double d = v.toDouble();
        if (!v.isDouble() || d != std::floor(d) || d < 1 || d > 7 || duty.days.contains(int(d))) {
            f.fail(
                Tr::tr("%1 应为 1（周一）到 7（周日）各不重复的整数").arg(f.where(QStringLiteral("days"))));
            return;
        }
        duty.days << int(d);
    }
    if (f.ok() && duty.days.isEmpty())
        f.fail(Tr::tr("%1 为空：没有任何在岗日").arg(f.where(QStringLiteral("days"))));
    duty.start = f.clock("start");
    duty.end = f.clock("end");
    if (f.ok() && duty.end <= duty.start)
        f.fail(Tr::tr("duty.end（%1）必须晚于 duty.start（%2）")
                   .arg(duty.end.toString(QStringLiteral("HH:mm")),
                        duty.start.toString(QStringLiteral("HH:mm"))));
    if (const auto age = f.number("online_max_age_min", false, 1, true))
        duty.onlineMaxAgeMin = int(*age);
}

} // namespace

QString toKey(AssessItemKind kind) {
    for (const auto& [k, name] : kKinds)
        if (k == kind)
            return QLatin1String(name);
    return {};
}

std::optional<AssessItemKind> assessItemKindFromKey(const QString& key) {
    for (const auto& [k, name] : kKinds)
        if (key == QLatin1String(name))
            return k;
    return std::nullopt;
}

double AssessItemRule::weightOf(const QString& category) const {
    double weight = 1;
    qsizetype longest = -1;
    for (const AssessCategoryWeight& w : weights)
        if (category.startsWith(w.prefix) && w.prefix.size() > longest) {
            longest = w.prefix.size();
            weight = w.weight;
        }
    return weight;
}

QString AssessRules::daySummaryParams() const {
    QStringList days;
    for (int d : duty.days)
        days << QString::number(d);
    return QStringLiteral("duty=%1/%2-%3/age=%4/r=%5/acc=%6/gap=%7")
        .arg(days.join(QLatin1Char(',')), duty.start.toString(QStringLiteral("HH:mm")),
             duty.end.toString(QStringLiteral("HH:mm")))
        .arg(duty.onlineMaxAgeMin)
        .arg(coverageRadiusM)
        .arg(maxAccuracyM)
        .arg(maxGapMin);
}

QByteArray AssessRules::defaultJson() {
    QFile file(QStringLiteral(":/gc/assess/assess-rules.json"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

std::optional<AssessRules> AssessRules::parse(const QByteArray& json, QString* error) {
    QString localError;
    if (!error)
        error = &localError;
    error->clear();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject()) {
        *error = Tr::tr("考核规则：不是 JSON 对象（%1）").arg(parseError.errorString());
        return std::nullopt;
    }
    AssessRules rules;
    Fields top(doc.object(), {}, error);
    top.allowOnly({"$schema", "name", "version", "about", "duty", "coverage", "arrival", "items"});
    rules.name = top.text("name", false);
    if (const auto duty = top.object("duty", true))
        readDuty(*duty, rules.duty, error);
    if (const auto coverage = top.object("coverage", false)) {
        Fields f(*coverage, QStringLiteral("coverage"), error);
        f.allowOnly({"radius_m", "max_accuracy_m", "max_gap_min", "about"});
        rules.coverageRadiusM = f.number("radius_m", false, 1, true).value_or(rules.coverageRadiusM);
        rules.maxAccuracyM = f.number("max_accuracy_m", false, 1, true).value_or(rules.maxAccuracyM);
        rules.maxGapMin = int(f.number("max_gap_min", false, 1, true).value_or(rules.maxGapMin));
    }
    if (const auto arrival = top.object("arrival", false)) {
        Fields f(*arrival, QStringLiteral("arrival"), error);
        f.allowOnly({"limit_min", "about"});
        if (const auto limits = f.object("limit_min", true)) {
            Fields l(*limits, QStringLiteral("arrival.limit_min"), error);
            l.allowOnly({"urgent", "high", "normal", "low"});
            for (TicketPriority p : allTicketPriorities())
                if (const auto m = l.number(toKey(p).toLatin1().constData(), false, 1, true))
                    rules.arrivalLimitMin[int(p)] = int(*m);
        }
    }
    const QJsonArray items = top.array("items", true);
    if (top.ok() && items.isEmpty())
        top.fail(Tr::tr("items 为空，没有任何考核项"));
    QSet<QString> ids;
    for (qsizetype i = 0; i < items.size() && error->isEmpty(); ++i) {
        const QString where = QStringLiteral("items[%1]").arg(i);
        if (!items[i].isObject()) {
            *error = Tr::tr("考核规则：%1 必须是对象").arg(where);
            break;
        }
        Fields f(items[i].toObject(), where, error);
        f.allowOnly({"id", "kind", "label", "points", "cap", "floor", "min_per_day", "weights", "about"});
        AssessItemRule item;
        item.id = f.text("id", true);
        item.label = f.text("label", true);
        const QString kind = f.text("kind", true);
        if (!f.ok())
            break;
        const auto k = assessItemKindFromKey(kind);
        if (!k) {
            f.fail(Tr::tr("%1 的考核项“%2”未知").arg(f.where(QStringLiteral("kind")), kind));
            break;
        }
        item.kind = *k;
        if (ids.contains(item.id)) {
            f.fail(Tr::tr("%1 重复（%2）").arg(f.where(QStringLiteral("id")), item.id));
            break;
        }
        ids.insert(item.id);
        item.points = f.number("points", true).value_or(0);
        item.cap = f.number("cap", false, 1);
        item.floor = f.number("floor", false, -1);
        if (const auto m = f.number("min_per_day", false, 1, true))
            item.minPerDay = int(*m);
        const QJsonArray weights = f.array("weights", false);
        for (qsizetype w = 0; w < weights.size() && f.ok(); ++w) {
            Fields wf(weights[w].toObject(), f.where(QStringLiteral("weights[%1]").arg(w)), error);
            wf.allowOnly({"prefix", "weight"});
            item.weights << AssessCategoryWeight{wf.text("prefix", true),
                                                 wf.number("weight", true, 1).value_or(1)};
        }
        rules.items << item;
    }
    if (!error->isEmpty())
        return std::nullopt;
    return rules;
}

} // namespace gc
