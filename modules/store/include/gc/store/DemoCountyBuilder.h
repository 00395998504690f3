#pragma once

#include "gc/store/CountyStore.h"

#include <QDateTime>
#include <functional>
#include <memory>

namespace gc {

struct DemoOptions {
    int grids = 1035;            // exact number of features at the grid level
    quint32 seed = 7;            // same seed, same county
    QDateTime now;               // end of the ticket history; default: now, to the hour
    double ticketsPerGrid = 2.0; // tickets per grid over the 90-day history
    int historyDays = 90;
};

// Builds a realistic demo county: an irregular outline partitioned recursively
// (Voronoi, GEOS) into streets, communities and exactly `grids` grids that tile their
// parents; Chinese names and codes after real patterns; county departments, one grid
// worker per grid, and 90 days of tickets run through the real closed-loop workflow.
class DemoCountyBuilder {
public:
    using Progress = std::function<void(const QString& stage, int percent)>;
    static constexpr int kMaxGrids = 90000;

    static std::unique_ptr<CountyStore> build(const QString& path, const DemoOptions& options, QString* error,
                                              const Progress& progress = {});
};

} // namespace gc
