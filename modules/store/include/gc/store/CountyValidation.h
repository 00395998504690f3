#pragma once

#include "gc/core/GridLevel.h"
#include "gc/geo/GridValidator.h"

#include <optional>

namespace gc {

class CountyStore;

// Coverage checks of a county: each non-empty level against the level above it.
struct LevelValidation {
    GridLevel level = GridLevel::Grid;
    QList<geo::ValidationFinding> findings;
    geo::ValidationStats stats;
};

class CountyValidation {
public:
    // All levels that hold grids, or only `level`.
    static QList<LevelValidation> run(const CountyStore& store, std::optional<GridLevel> level = std::nullopt,
                                      const geo::ValidationOptions& options = {},
                                      const std::atomic_bool* cancel = nullptr);
};

} // namespace gc
