#pragma once

// The CRSs PROJ's database knows, for a searchable CRS picker; the ones Chinese analysts use
// most (CGCS2000 and its Gauss-Krüger zones, WGS 84, Web Mercator) first.

#include <QList>
#include <QString>

namespace gc::geo {

struct CrsEntry {
    QString id;   // "EPSG:4527"
    QString name; // "CGCS2000 / 3-degree Gauss-Kruger zone 39"
    bool projected = false;
};

// Geographic and projected CRSs of the EPSG registry that are not deprecated; thread-safe.
QList<CrsEntry> knownCrsList();

} // namespace gc::geo
