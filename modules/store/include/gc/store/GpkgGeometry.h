#pragma once

#include <QByteArray>

namespace gc {

// GeoPackage binary geometry (GPKG header + WKB), read without GDAL so a plain
// SQLite query can stream geometries straight into memory.
class GpkgGeometry {
public:
    // The WKB inside a GeoPackage geometry blob; empty for an empty or malformed blob.
    static QByteArray toWkb(const QByteArray& blob);
};

} // namespace gc
