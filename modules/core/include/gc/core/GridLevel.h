#pragma once

#include <QString>
#include <QStringList>
#include <optional>

namespace gc {

// The five levels of the grid hierarchy (网格层级). Numbers are stable: they are
// stored in files and typed on the command line.
enum class GridLevel { County = 1, Street = 2, Community = 3, Grid = 4, Building = 5 };

inline constexpr int kGridLevelCount = 5;

struct GridLevelInfo {
    GridLevel level;
    const char* key;         // machine name: county, street, community, grid, building
    const char* chineseName; // 县/区, 街道/乡镇 …
    const char* englishName; // County/district … (the UI in English)
    int codeLength;          // digits of a code at this level
};

// Level names, numbers and code lengths in one place.
class GridLevels {
public:
    static const GridLevelInfo& info(GridLevel level);
    static QString key(GridLevel level);
    static QString chineseName(GridLevel level);
    // For the UI: the Chinese name, or the English one in English (gc/core/DisplayLanguage.h).
    static QString displayName(GridLevel level);
    static int codeLength(GridLevel level);
    // "grid", "4", "网格" all give GridLevel::Grid.
    static std::optional<GridLevel> parse(const QString& nameOrNumber);
    static QStringList keys();
    static std::optional<GridLevel> parent(GridLevel level);
    static std::optional<GridLevel> child(GridLevel level);
    // The feature table that holds this level in a county GeoPackage.
    static QString tableName(GridLevel level);
};

// Grid codes (网格编码) follow GB/T 31000-2015 practice: the administrative division
// code of the community (12 digits) plus a 3-digit serial for grids; shorter
// prefixes for higher levels (county 6, street 9, community 12), +3 digits for
// micro-grids (18).
class GridCode {
public:
    // Empty string when valid, otherwise a reason a person can act on.
    static QString validate(const QString& code, GridLevel level);
    static QString validateChild(const QString& childCode, GridLevel childLevel, const QString& parentCode);
    // Level implied by the code's length, if any.
    static std::optional<GridLevel> levelOf(const QString& code);
    static QString parentCode(const QString& code);
};

} // namespace gc
