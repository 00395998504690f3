#include "gc/core/CategoryTable.h"

#include "gc/core/DisplayLanguage.h"
#include "gc/core/JsonData.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace gc {

const CategoryTable& CategoryTable::builtIn() {
    static const CategoryTable table = [] {
        QString error;
        CategoryTable t = load(QStringLiteral(":/gc/core/categories.json"), &error);
        Q_ASSERT_X(error.isEmpty(), "CategoryTable", qPrintable(error));
        return t;
    }();
    return table;
}

CategoryTable CategoryTable::load(const QString& path, QString* error) {
    CategoryTable table;
    const QJsonDocument doc = readJsonFile(path, error);
    if (doc.isNull())
        return table;
    const auto addCategory = [&](const QJsonObject& o, const QString& parent, const QString& scheme) -> bool {
        Category c;
        c.code = o.value(QLatin1String("code")).toString();
        c.name = o.value(QLatin1String("name")).toString();
        c.nameEn = o.value(QLatin1String("name_en")).toString();
        c.parentCode = parent;
        c.scheme = scheme;
        c.defaultDepartment = o.value(QLatin1String("department")).toString();
        if (c.code.isEmpty() || c.name.isEmpty() || table.m_index.contains(c.code)) {
            if (error)
                *error =
                    QCoreApplication::translate("CategoryTable", "%1：类别编码缺失、名称缺失或重复（%2）")
                        .arg(path, c.code);
            return false;
        }
        table.m_index.insert(c.code, int(table.m_categories.size()));
        table.m_categories << c;
        return true;
    };
    for (const QJsonValue& groupValue : doc.object().value(QLatin1String("classes")).toArray()) {
        const QJsonObject group = groupValue.toObject();
        const QString scheme = group.value(QLatin1String("scheme")).toString();
        if (!addCategory(group, {}, scheme))
            return {};
        const QString parentDepartment = group.value(QLatin1String("department")).toString();
        for (const QJsonValue& childValue : group.value(QLatin1String("children")).toArray()) {
            QJsonObject child = childValue.toObject();
            if (!child.contains(QLatin1String("department")))
                child.insert(QLatin1String("department"), parentDepartment);
            if (!addCategory(child, group.value(QLatin1String("code")).toString(), scheme))
                return {};
        }
    }
    if (table.m_categories.isEmpty() && error)
        *error = QCoreApplication::translate("CategoryTable", "%1 中没有任何类别").arg(path);
    return table;
}

const Category* CategoryTable::find(const QString& code) const {
    const auto it = m_index.constFind(code);
    return it == m_index.cend() ? nullptr : &m_categories.at(*it);
}

QList<Category> CategoryTable::topLevel() const {
    return children({});
}

QList<Category> CategoryTable::children(const QString& parentCode) const {
    QList<Category> out;
    for (const Category& c : m_categories)
        if (c.parentCode == parentCode)
            out << c;
    return out;
}

QList<Category> CategoryTable::leaves() const {
    QList<Category> out;
    for (const Category& c : m_categories)
        if (!c.parentCode.isEmpty())
            out << c;
    return out;
}

QString CategoryTable::fullName(const QString& code) const {
    const Category* c = find(code);
    if (!c)
        return code;
    if (const Category* parent = find(c->parentCode))
        return parent->displayName() + QStringLiteral(" / ") + c->displayName();
    return c->displayName();
}

QString Category::displayName() const {
    return pickDisplayName(name, nameEn);
}

} // namespace gc
