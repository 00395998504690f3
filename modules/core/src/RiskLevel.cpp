#include "gc/core/RiskLevel.h"

#include "gc/core/DisplayLanguage.h"

#include <algorithm>
#include <array>

namespace gc {

namespace {
struct RiskInfo {
    const char* key;
    const char* chinese;
    const char* english;
    quint32 rgb;
};
// Index = RiskLevel value. Colours are the conventional 五色 hues, chosen to stay
// distinguishable when drawn translucent over a basemap.
constexpr std::array<RiskInfo, kRiskLevelCount> kRisk{{
    {"green", "绿色", "Green", 0x2e9e4f},
    {"blue", "蓝色", "Blue", 0x2f6fd6},
    {"yellow", "黄色", "Yellow", 0xf2c200},
    {"orange", "橙色", "Orange", 0xf07f13},
    {"red", "红色", "Red", 0xd7263d},
}};
} // namespace

QString RiskLevels::key(RiskLevel level) {
    return QString::fromLatin1(kRisk.at(static_cast<int>(level)).key);
}

QString RiskLevels::chineseName(RiskLevel level) {
    return QString::fromUtf8(kRisk.at(static_cast<int>(level)).chinese);
}

QString RiskLevels::displayName(RiskLevel level) {
    const RiskInfo& info = kRisk.at(static_cast<int>(level));
    return pickDisplayName(QString::fromUtf8(info.chinese), QString::fromLatin1(info.english));
}

quint32 RiskLevels::rgb(RiskLevel level) {
    return kRisk.at(static_cast<int>(level)).rgb;
}

std::optional<RiskLevel> RiskLevels::parse(const QString& text) {
    const QString t = text.trimmed();
    bool isNumber = false;
    const int n = t.toInt(&isNumber);
    if (isNumber)
        return n >= 0 && n < kRiskLevelCount ? std::optional(static_cast<RiskLevel>(n)) : std::nullopt;
    for (int i = 0; i < kRiskLevelCount; ++i) {
        const QString chinese = QString::fromUtf8(kRisk[i].chinese);
        if (t.compare(QLatin1String(kRisk[i].key), Qt::CaseInsensitive) == 0 || t == chinese ||
            t == chinese.left(1))
            return static_cast<RiskLevel>(i);
    }
    return std::nullopt;
}

RiskLevel RiskLevels::deriveParent(const QList<RiskLevel>& children) {
    if (children.isEmpty())
        return RiskLevel::Green;
    int atOrAbove = 0;
    for (int level = kRiskLevelCount - 1; level > 0; --level) {
        atOrAbove += int(std::count(children.cbegin(), children.cend(), static_cast<RiskLevel>(level)));
        if (atOrAbove * 4 >= children.size())
            return static_cast<RiskLevel>(level);
    }
    return RiskLevel::Green;
}

} // namespace gc
