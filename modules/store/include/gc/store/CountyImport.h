#pragma once

#include "gc/core/GridLevel.h"
#include "gc/geo/VectorImporter.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <optional>

namespace gc {

// What an import does with the source's codes (gridctl import --codes, the dialog's 编码处理).
enum class ImportCodes {
    Check,    // standard codes only (GB/T 31000 lengths, each prefixed by its parent's): the default
    Keep,     // stored as the source has them: unique in the whole county, and where the source
              // prefixes codes with their parent's, prefixed correctly
    Generate, // standard codes assigned under each parent, in the order of the source's codes;
              // the source's own code kept in the level's `source_code` column
};
QString importCodesKey(ImportCodes codes); // "check", "keep", "generate"
std::optional<ImportCodes> parseImportCodes(const QString& key);

struct ImportRequest {
    geo::ImportSourceOptions source; // file, encoding, assumed CRS, field names
    QString countyPath;              // created (empty county) when it does not exist yet
    GridLevel level = GridLevel::Grid;
    ImportCodes codes = ImportCodes::Check;
};

struct ImportReport {
    int imported = 0;
    bool countyCreated = false;
    geo::ImportSourceInfo source;
    QStringList repairs;                  // one line per repaired polygon
    int parentsByOverlap = 0;             // parents found by largest overlap (no parent field)
    int codesGenerated = 0;               // --codes generate: features given a standard code
    std::optional<GridLevel> parentLevel; // the level the features hang under (a grid may hang
                                          // under a street in a county without communities)
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
