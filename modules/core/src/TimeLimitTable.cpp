#include "gc/core/TimeLimitTable.h"

#include "gc/core/ChinaTime.h"
#include "gc/core/JsonData.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimeZone>

#include <algorithm>

namespace gc {

namespace {
QStringList stringList(const QJsonValue& v) {
    QStringList out;
    for (const QJsonValue& item : v.toArray())
        out << item.toString();
    return out;
}

// One condition of a rule's "when": a list of keys. A misspelt key would never match
// and a bare string would match every ticket, so both are errors; `bad` names the culprit.
bool readCondition(const QJsonObject& when, const char* name, bool (*known)(const QString&), QStringList* out,
                   QString* bad) {
    const QJsonValue v = when.value(QLatin1String(name));
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isArray()) {
        *bad = QString::fromLatin1(name);
        return false;
    }
    for (const QJsonValue& item : v.toArray()) {
        const QString key = item.toString();
        if (!item.isString() || (known && !known(key))) {
            *bad = item.isString() ? key : QString::fromLatin1(name);
            return false;
        }
        *out << key;
    }
    return true;
}

bool isPriorityKey(const QString& k) {
    return ticketPriorityFromKey(k).has_value();
}
bool isSourceKey(const QString& k) {
    return ticketSourceFromKey(k).has_value();
}
bool isAppealKey(const QString& k) {
    return appealTypeFromKey(k).has_value();
}
} // namespace

const TimeLimitTable& TimeLimitTable::builtIn() {
    static const TimeLimitTable table = [] {
        QString error;
        TimeLimitTable t = load(QStringLiteral(":/gc/core/time-limits.json"), &error);
        Q_ASSERT_X(error.isEmpty(), "TimeLimitTable", qPrintable(error));
        return t;
    }();
    return table;
}

TimeLimitTable TimeLimitTable::load(const QString& path, QString* error) {
    TimeLimitTable table;
    const QJsonDocument doc = readJsonFile(path, error);
    if (doc.isNull())
        return table;
    const QJsonObject root = doc.object();
    for (const QJsonValue& d : root.value(QLatin1String("workdays")).toArray()) {
        const int day = d.toInt(0);
        if (day < 1 || day > 7) {
            if (error)
                *error = QCoreApplication::translate("TimeLimitTable",
                                                     "%1：工作日“%2”无效，应为 1（周一）到 7（周日）")
                             .arg(path, d.toVariant().toString());
            return {};
        }
        table.m_workdays.insert(day);
    }
    for (const QString& day : stringList(root.value(QLatin1String("holidays")))) {
        const QDate date = QDate::fromString(day, Qt::ISODate);
        if (!date.isValid()) {
            if (error)
                *error =
                    QCoreApplication::translate("TimeLimitTable", "%1：节假日日期无效：%2").arg(path, day);
            return {};
        }
        table.m_holidays.insert(date);
    }
    for (const QJsonValue& rv : root.value(QLatin1String("rules")).toArray()) {
        const QJsonObject r = rv.toObject();
        const QJsonObject when = r.value(QLatin1String("when")).toObject();
        const QJsonObject limit = r.value(QLatin1String("limit")).toObject();
        Rule rule;
        rule.label = r.value(QLatin1String("label")).toString();
        QString bad;
        if (!readCondition(when, "priority", &isPriorityKey, &rule.priorities, &bad) ||
            !readCondition(when, "source", &isSourceKey, &rule.sources, &bad) ||
            !readCondition(when, "appeal", &isAppealKey, &rule.appeals, &bad) ||
            !readCondition(when, "category_prefix", nullptr, &rule.categoryPrefixes, &bad)) {
            if (error)
                *error = QCoreApplication::translate("TimeLimitTable", "%1：规则“%2”的条件无效：%3")
                             .arg(path, rule.label, bad);
            return {};
        }
        rule.sameDay = limit.value(QLatin1String("same_day")).toBool();
        rule.minHours = limit.value(QLatin1String("min_hours")).toInt();
        rule.hours = limit.value(QLatin1String("hours")).toInt();
        rule.workingDays = limit.value(QLatin1String("working_days")).toInt();
        if (!rule.sameDay && rule.hours <= 0 && rule.workingDays <= 0) {
            if (error)
                *error = QCoreApplication::translate("TimeLimitTable", "%1：规则“%2”没有时限")
                             .arg(path, rule.label);
            return {};
        }
        table.m_rules << rule;
    }
    if (table.m_workdays.isEmpty() || table.m_rules.isEmpty()) {
        if (error)
            *error = QCoreApplication::translate("TimeLimitTable", "%1：缺少工作日或时限规则").arg(path);
        return {};
    }
    return table;
}

const TimeLimitTable::Rule* TimeLimitTable::ruleFor(const Ticket& t) const {
    const auto matches = [](const QStringList& allowed, const QString& value) {
        return allowed.isEmpty() || allowed.contains(value);
    };
    for (const Rule& rule : m_rules) {
        if (!matches(rule.priorities, toKey(t.priority)) || !matches(rule.sources, toKey(t.source)) ||
            !matches(rule.appeals, toKey(t.appealType)))
            continue;
        if (!rule.categoryPrefixes.isEmpty() &&
            std::none_of(rule.categoryPrefixes.cbegin(), rule.categoryPrefixes.cend(),
                         [&](const QString& p) { return t.category.startsWith(p); }))
            continue;
        return &rule;
    }
    return nullptr;
}

bool TimeLimitTable::isWorkingDay(const QDate& day) const {
    return m_workdays.contains(day.dayOfWeek()) && !m_holidays.contains(day);
}

QDateTime TimeLimitTable::endOfWorkingDaysAfter(const QDate& day, int n, const QTimeZone& zone) const {
    QDate d = day;
    int counted = 0;
    // Bounded: even a table with one workday a week reaches n within 7n+366 days.
    for (int guard = 0; counted < n && guard < 7 * n + 366; ++guard) {
        d = d.addDays(1);
        if (isWorkingDay(d))
            ++counted;
    }
    return QDateTime(d, QTime(23, 59, 59), zone);
}

QDateTime TimeLimitTable::deadlineFor(const Ticket& ticket, const QDateTime& created) const {
    const Rule* rule = ruleFor(ticket);
    if (!rule || !created.isValid())
        return {};
    // "End of the day" and working days are the county's, whatever zone the time came in.
    const QDateTime createdAt = created.toTimeZone(chinaTimeZone());
    if (rule->sameDay) {
        const QDateTime endOfDay(createdAt.date(), QTime(23, 59, 59), createdAt.timeZone());
        const QDateTime earliest = createdAt.addSecs(qint64(rule->minHours) * 3600);
        return std::max(endOfDay, earliest);
    }
    if (rule->hours > 0)
        return createdAt.addSecs(qint64(rule->hours) * 3600);
    return endOfWorkingDaysAfter(createdAt.date(), rule->workingDays, createdAt.timeZone());
}

} // namespace gc
