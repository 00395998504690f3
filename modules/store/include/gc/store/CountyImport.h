#pragma once

#include "gc/core/GridLevel.h"
#include "gc/geo/VectorImporter.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace gc {

struct ImportRequest {
    geo::ImportSourceOptions source; // file, encoding, assumed CRS, field names
    QString countyPath;              // created (empty county) when it does not exist yet
    GridLevel level = GridLevel::Grid;
};

struct ImportReport {
    int imported = 0;
    bool countyCreated = false;
    geo::ImportSourceInfo source;
    QStringList repairs;      // one line per repaired polygon
    int parentsByOverlap = 0; // parents found by largest overlap (no parent field)
};

// `gridctl import` and File → 导入…: one level of a county from an OGR source, all or nothing.
// Everything is checked before the county is written to (codes, level, clashes, parents, features
// outside every parent), so a refused import leaves the county file byte-for-byte unchanged.
// A county file that does not exist is created from a county-level import (its one feature
// gives the county's code and name); lower levels need their parent level filled first.
class CountyImport {
public:
    static bool run(const ImportRequest& request, ImportReport* report, QString* error,
                    const std::function<void(const QString& stage, int percent)>& progress = {},
                    const std::atomic_bool* cancel = nullptr);
};

} // namespace gc
