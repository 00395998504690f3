#pragma once

#include <QHash>
#include <QList>
#include <QString>

namespace gc::geo {

struct ReadPoint {
    double lon = 0, lat = 0; // EPSG:4490
    QHash<QString, QString> fields;
    int row = 0; // 1-based feature number in the source, for messages
};

// Points from any OGR source: a CSV with lon/lat (经度/纬度, x/y) columns in EPSG:4490, or a point
// layer (Shapefile, GeoPackage, GeoJSON) in whatever CRS it declares. A non-point geometry or a
// row without coordinates refuses the whole file with the row named.
class PointReader {
public:
    static QList<ReadPoint> read(const QString& path, QString* error);
};

} // namespace gc::geo
