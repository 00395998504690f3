#pragma once

#include <QList>
#include <QString>
#include <optional>

namespace gc {

// 五色管控: red is the highest risk. Numbers are stored in files; higher means riskier.
enum class RiskLevel { Green = 0, Blue = 1, Yellow = 2, Orange = 3, Red = 4 };

inline constexpr int kRiskLevelCount = 5;

class RiskLevels {
public:
    static QString key(RiskLevel level);         // "red" …
    static QString chineseName(RiskLevel level); // "红色" …
    // For the UI: "红色", or "Red" in English (gc/core/DisplayLanguage.h).
    static QString displayName(RiskLevel level);
    // 0xRRGGBB fill colour used on maps and charts (core stays free of QtGui).
    static quint32 rgb(RiskLevel level);
    static std::optional<RiskLevel> parse(const QString& keyOrNumberOrChinese);
    static RiskLevel higher(RiskLevel a, RiskLevel b) { return a > b ? a : b; }
    // A parent's level from its children's: the highest level that at least a
    // quarter of the children hold. Taking the plain maximum would paint every
    // street red because of one red grid, and the map would say nothing.
    static RiskLevel deriveParent(const QList<RiskLevel>& children);
};

} // namespace gc
