#pragma once

#include <QHash>
#include <QList>
#include <QString>

namespace gc {

struct Category {
    QString code;              // "J01", "J0101", "C0102" …
    QString name;              // 婚恋家庭纠纷 …
    QString nameEn;            // Marriage and family disputes … (the table's "name_en"; may be empty)
    QString parentCode;        // empty for a top-level class
    QString scheme;            // "gbt31000" (矛盾纠纷, GB/T 31000-2015) or "urban" (数字城管事件)
    QString defaultDepartment; // routing hint: department code most often responsible

    // The name for the UI, in the display language (gc/core/DisplayLanguage.h).
    QString displayName() const;
};

// The one code table of ticket categories, a data file so a county can adapt it.
class CategoryTable {
public:
    // The table shipped with GridCommand.
    static const CategoryTable& builtIn();
    static CategoryTable load(const QString& path, QString* error);

    const Category* find(const QString& code) const;
    bool contains(const QString& code) const { return m_index.contains(code); }
    QList<Category> topLevel() const;
    QList<Category> children(const QString& parentCode) const;
    // Leaf categories, the ones tickets are filed under.
    QList<Category> leaves() const;
    const QList<Category>& all() const { return m_categories; }
    // "市容环境 / 暴露垃圾", in the display language
    QString fullName(const QString& code) const;

private:
    QList<Category> m_categories;
    QHash<QString, int> m_index;
};

} // namespace gc
