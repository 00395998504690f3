#include "gc/core/GridLevel.h"

#include "gc/core/DisplayLanguage.h"

#include <QCoreApplication>
#include <array>

namespace gc {

namespace {
constexpr std::array<GridLevelInfo, kGridLevelCount> kLevels{{
    {GridLevel::County, "county", "县/区", "County/district", 6},
    {GridLevel::Street, "street", "街道/乡镇", "Street/township", 9},
    {GridLevel::Community, "community", "社区/村", "Community/village", 12},
    {GridLevel::Grid, "grid", "网格", "Grid", 15},
    {GridLevel::Building, "building", "微网格/楼栋", "Micro-grid/building", 18},
}};
} // namespace

const GridLevelInfo& GridLevels::info(GridLevel level) {
    return kLevels.at(static_cast<int>(level) - 1);
}

QString GridLevels::key(GridLevel level) {
    return QString::fromLatin1(info(level).key);
}

QString GridLevels::chineseName(GridLevel level) {
    return QString::fromUtf8(info(level).chineseName);
}

QString GridLevels::displayName(GridLevel level) {
    return pickDisplayName(chineseName(level), QString::fromLatin1(info(level).englishName));
}

int GridLevels::codeLength(GridLevel level) {
    return info(level).codeLength;
}

std::optional<GridLevel> GridLevels::parse(const QString& nameOrNumber) {
    const QString text = nameOrNumber.trimmed();
    bool isNumber = false;
    const int number = text.toInt(&isNumber);
    if (isNumber)
        return number >= 1 && number <= kGridLevelCount ? std::optional(static_cast<GridLevel>(number))
                                                        : std::nullopt;
    for (const auto& l : kLevels) {
        if (text.compare(QLatin1String(l.key), Qt::CaseInsensitive) == 0)
            return l.level;
        // Either alternative (县, 区) or the whole label (县/区) as chineseName() gives it.
        const QString chinese = QString::fromUtf8(l.chineseName);
        if (text == chinese || chinese.split(u'/').contains(text))
            return l.level;
    }
    return std::nullopt;
}

QStringList GridLevels::keys() {
    QStringList out;
    for (const auto& l : kLevels)
        out << QString::fromLatin1(l.key);
    return out;
}

std::optional<GridLevel> GridLevels::parent(GridLevel level) {
    if (level == GridLevel::County)
        return std::nullopt;
    return static_cast<GridLevel>(static_cast<int>(level) - 1);
}

std::optional<GridLevel> GridLevels::child(GridLevel level) {
    if (level == GridLevel::Building)
        return std::nullopt;
    return static_cast<GridLevel>(static_cast<int>(level) + 1);
}

QString GridLevels::tableName(GridLevel level) {
    return QStringLiteral("grid_") + key(level);
}

QString GridCode::validate(const QString& code, GridLevel level) {
    const int expected = GridLevels::codeLength(level);
    if (code.isEmpty())
        return QCoreApplication::translate("GridCode", "编码为空");
    for (const QChar c : code) {
        if (c < u'0' || c > u'9')
            return QCoreApplication::translate("GridCode", "编码 %1 含有非数字字符").arg(code);
    }
    if (code.size() != expected)
        return QCoreApplication::translate("GridCode", "编码 %1 应为 %2 位数字（%3级），实际 %4 位")
            .arg(code)
            .arg(expected)
            .arg(GridLevels::chineseName(level))
            .arg(code.size());
    return {};
}

QString GridCode::validateChild(const QString& childCode, GridLevel childLevel, const QString& parentCode) {
    QString error = validate(childCode, childLevel);
    if (!error.isEmpty())
        return error;
    // The parent must be a code of a higher level: an empty parent, or the child's own
    // code, would pass the prefix test below and hide a broken hierarchy.
    const auto parentLevel = levelOf(parentCode);
    if (!parentLevel || *parentLevel >= childLevel || !validate(parentCode, *parentLevel).isEmpty())
        return QCoreApplication::translate("GridCode", "编码 %1 的上级编码“%2”无效：应为更高一级的数字编码")
            .arg(childCode, parentCode);
    if (!childCode.startsWith(parentCode))
        return QCoreApplication::translate("GridCode", "编码 %1 不以上级编码 %2 开头")
            .arg(childCode, parentCode);
    return {};
}

std::optional<GridLevel> GridCode::levelOf(const QString& code) {
    for (const auto& l : kLevels) {
        if (l.codeLength == code.size())
            return l.level;
    }
    return std::nullopt;
}

QString GridCode::parentCode(const QString& code) {
    const auto level = levelOf(code);
    if (!level || *level == GridLevel::County)
        return {};
    return code.left(GridLevels::codeLength(*GridLevels::parent(*level)));
}

} // namespace gc
