#pragma once

#include "gc/store/RiskStore.h"

#include <QString>

namespace gc {

class CountyStore;

// 重点场所 from a file: a CSV with lon/lat columns (经度/纬度, x/y) or any GDAL point layer such as a
// Shapefile, in EPSG:4490 or a CRS the file states. Each point is placed in the grid that holds
// it; a point outside every grid, a non-point geometry or a row without a type refuses the file
// (nothing stored) with the row named.
class KeyPlaceImporter {
public:
    // `type` applies to every row when given; otherwise the file's type/类型 column.
    // Returns the number of places stored, or -1 with `error`.
    static int import(CountyStore& store, const QString& path, const QString& type, QString* error);
};

} // namespace gc
