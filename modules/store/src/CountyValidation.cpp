#include "gc/store/CountyValidation.h"

#include "gc/store/CountyStore.h"

namespace gc {

namespace {

QList<geo::ValidationGrid> validationGrids(const CountyStore& store, GridLevel level) {
    QList<geo::ValidationGrid> out;
    for (const GridRecord& g : store.grids(level, true))
        out << geo::ValidationGrid{g.code, g.name, g.parentCode, g.wkb};
    return out;
}

} // namespace

QList<LevelValidation> CountyValidation::run(const CountyStore& store, std::optional<GridLevel> only,
                                             const geo::ValidationOptions& options,
                                             const std::atomic_bool* cancel) {
    QList<LevelValidation> results;
    for (int l = 1; l <= kGridLevelCount; ++l) {
        const auto level = static_cast<GridLevel>(l);
        if ((only && *only != level) || store.gridCount(level) == 0)
            continue;
        if (cancel && cancel->load())
            break;
        const auto parentLevel = GridLevels::parent(level);
        const QList<geo::ValidationGrid> parents =
            parentLevel ? validationGrids(store, *parentLevel) : QList<geo::ValidationGrid>();
        LevelValidation result;
        result.level = level;
        result.findings = geo::GridValidator::validate(parents, validationGrids(store, level), options,
                                                       &result.stats, cancel);
        results << result;
    }
    return results;
}

} // namespace gc
