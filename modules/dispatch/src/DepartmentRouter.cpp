#include "gc/dispatch/DepartmentRouter.h"

#include "gc/core/CategoryTable.h"
#include "gc/core/GridLevel.h"
#include "gc/store/TicketQueries.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace gc::dispatch {

namespace {
// The translation context of this file's messages, declared where lupdate reads it.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(DepartmentRouter)
};
} // namespace

DepartmentRouter DepartmentRouter::builtIn() {
    static const DepartmentRouter router = [] {
        QString error;
        DepartmentRouter r = load(QStringLiteral(":/gc/dispatch/routing.json"), &error);
        Q_ASSERT_X(error.isEmpty(), "DepartmentRouter", qPrintable(error));
        return r;
    }();
    return router;
}

DepartmentRouter DepartmentRouter::load(const QString& path, QString* error) {
    DepartmentRouter r;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = Tr::tr("无法读取分流规则 %1：%2").arg(path, f.errorString());
        return r;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &parseError);
    if (doc.isNull()) {
        *error = Tr::tr("分流规则 %1 不是有效的 JSON：%2").arg(path, parseError.errorString());
        return r;
    }
    for (const QJsonValue& v : doc.object().value(QStringLiteral("rules")).toArray()) {
        const QString prefix = v.toObject().value(QStringLiteral("category")).toString();
        QStringList departments;
        for (const QJsonValue& d : v.toObject().value(QStringLiteral("departments")).toArray())
            departments << d.toString();
        if (prefix.isEmpty() || departments.isEmpty()) {
            *error = Tr::tr("分流规则 %1 中有缺少 category 或 departments 的条目").arg(path);
            return DepartmentRouter();
        }
        r.m_rules.append({prefix, departments});
    }
    // Longest prefix first, so the most specific rule wins.
    std::stable_sort(r.m_rules.begin(), r.m_rules.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    return r;
}

void DepartmentRouter::setDepartments(const QList<DepartmentRecord>& departments) {
    m_departments.clear();
    for (const DepartmentRecord& d : departments)
        m_departments.insert(d.code, d);
}

void DepartmentRouter::loadHistory(const CountyStore& store, qint64 sinceEpoch) {
    m_history = TicketQueries::routingHistory(store, sinceEpoch);
}

void DepartmentRouter::recordDispatch(const QString& category, const QString& departmentCode) {
    ++m_history[category][departmentCode];
}

QList<RouteSuggestion> DepartmentRouter::suggest(const QString& category, const QString& gridCode,
                                                 int count) const {
    QList<RouteSuggestion> out;
    const auto add = [&](const QString& code, const QString& why) {
        if (out.size() >= count || code.isEmpty())
            return;
        const auto it = m_departments.constFind(code);
        if (it == m_departments.constEnd() || !isDispatchable(*it))
            return;
        for (const RouteSuggestion& s : out)
            if (s.departmentCode == code)
                return;
        out << RouteSuggestion{code, why};
    };
    const QString street = gridCode.left(GridLevels::codeLength(GridLevel::Street));
    for (const auto& [prefix, departments] : m_rules) {
        if (!category.startsWith(prefix))
            continue;
        for (QString d : departments)
            add(d.replace(QStringLiteral("{street}"), QStringLiteral("JD") + street), Tr::tr("分流规则"));
        break;
    }
    const CategoryTable& categories = CategoryTable::builtIn();
    for (QString code = category; !code.isEmpty();) {
        const Category* c = categories.find(code);
        if (!c)
            break;
        add(c->defaultDepartment, Tr::tr("类别默认部门"));
        code = c->parentCode;
    }
    const QHash<QString, int> history = m_history.value(category);
    QList<QPair<int, QString>> ranked;
    for (auto it = history.cbegin(); it != history.cend(); ++it)
        ranked.append({-it.value(), it.key()});
    std::sort(ranked.begin(), ranked.end());
    for (const auto& [negCount, code] : ranked)
        add(code, Tr::tr("近期同类工单交办 %1 次").arg(-negCount));
    return out;
}

} // namespace gc::dispatch
