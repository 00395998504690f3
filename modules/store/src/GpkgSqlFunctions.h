#pragma once

#include <QSqlDatabase>
#include <QString>

namespace gc::sql {

// GDAL's GeoPackage R-tree triggers call ST_IsEmpty and ST_MinX … ST_MaxY, which exist only in
// GDAL's own SQLite connection; SQLite refuses to prepare any UPDATE of a feature table without
// them, even one that changes only an attribute (risk_level). Registers them on `db`, reading the
// envelope from the GeoPackage geometry header.
bool registerGpkgFunctions(const QSqlDatabase& db, QString* error);

} // namespace gc::sql
