#pragma once

#include "gc/core/GridLevel.h"
#include "gc/geo/VectorExporter.h"

#include <QDateTime>

#include <atomic>
#include <functional>
#include <optional>

namespace gc {

class CountyStore;

// The tables an analyst exports from a county: grids of one level with their statistics, and
// tickets as points. People's data (workers' phone numbers, reporters, citizens' addresses) is
// left out unless `includePeople` is set explicitly.
class CountyExport {
public:
    // What an export takes from the county.
    struct Content {
        enum class What { Grids, Tickets };
        What what = What::Grids;
        GridLevel level = GridLevel::Grid; // grids only
        bool includePeople = false;
        QDateTime now; // reference for "last 30 days"
        // Columns a caller adds to a grid table after the store's own, on the county as opened for
        // the export (gridctl adds the risk engine's hot spots: the store knows nothing of the
        // engine). False, with the reason in *error, stops the export before anything is written.
        std::function<bool(CountyStore& store, geo::ExportTable& table, QString* error)> addColumns;
    };

    // The one way to export a county, for gridctl and the GUI alike. `options` are completed here:
    // the layer's name (for a folder output) and the county as a protected file, so no output can
    // reach the county, its -wal/-shm/-journal, however the path is written. check() refuses
    // before anything is opened; run() opens the county read-only, gathers and writes (checking
    // again), with the number of features in *features; `progress` gets (0, total) once the
    // table is gathered, then the features written so far.
    static QString check(const QString& countyPath, const Content& content, geo::ExportOptions options);
    static bool run(const QString& countyPath, const Content& content, geo::ExportOptions options,
                    int* features, QString* error,
                    const std::function<void(int done, int total)>& progress = {},
                    const std::atomic_bool* cancel = nullptr);
    // The file run() writes (a folder output names the layer's file in it).
    static QString outputPath(const QString& countyPath, const Content& content, geo::ExportOptions options);

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
