#pragma once

#include <QByteArray>

namespace gc {

// GeoPackage binary geometry (GPKG header + WKB), read without GDAL so a plain
// SQLite query can stream geometries straight into memory.
class GpkgGeometry {
public:
    struct Envelope {
        double minX, maxX, minY, maxY;
    };

    // The WKB inside a GeoPackage geometry blob; empty for an empty or malformed blob.
    static QByteArray toWkb(const QByteArray& blob);
    // A GeoPackage blob of little-endian `wkb` with its X/Y envelope in the header, as GDAL writes it.
    static QByteArray fromWkb(const QByteArray& wkb, int srsId, const Envelope& envelope);
};

} // namespace gc
