#pragma once

#include "gc/core/GridLevel.h"
#include "gc/geo/VectorExporter.h"

#include <QDateTime>

#include <optional>

namespace gc {

class CountyStore;

// The tables an analyst exports from a county: grids of one level with their statistics, and
// tickets as points. People's data (workers' phone numbers, reporters, citizens' addresses) is
// left out unless `includePeople` is set explicitly.
class CountyExport {
public:
    // code, name, level, parent, households, population, area_m2 (on the ellipsoid), workers,
    // risk, open_tix, tix_30d, satisf_pct; worker_tel with people's data. Empty, with the reason
    // in *error, if the statistics cannot be read.
    static std::optional<geo::ExportTable> gridTable(const CountyStore& store, GridLevel level,
                                                     const QDateTime& now, bool includePeople = false,
                                                     QString* error = nullptr);
    // id, state, category, source, priority, dept, grid, title, times, rating; description,
    // address and reporter with people's data. Tickets without a location are left out.
    static geo::ExportTable ticketTable(const CountyStore& store, bool includePeople = false);
};

} // namespace gc
