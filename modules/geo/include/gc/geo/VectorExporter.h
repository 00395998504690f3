#pragma once

// Writes a table of features (attributes + geometry in EPSG:4490) to a GIS file through GDAL, in
// the CRS and encoding the analyst's tools expect. Knows nothing of grids or tickets: the store
// builds the table, this class gets the formats right (Shapefile field names and encodings,
// RFC 7946 GeoJSON, KML, GeoPackage, CSV with WKT).

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <atomic>
#include <functional>
#include <optional>

namespace gc::geo {

enum class VectorFormat { Shapefile, GeoPackage, GeoJson, Kml, Csv };

// "shp", "gpkg", "geojson", "kml", "csv" (case-insensitive).
std::optional<VectorFormat> parseVectorFormat(const QString& key);
QString vectorFormatKey(VectorFormat format);
QStringList vectorFormatKeys();
// The file suffix a format is written with, without the dot.
QString vectorFormatSuffix(VectorFormat format);

struct ExportField {
    enum class Type { String, Integer, Integer64, Real, DateTime };
    QString name;    // ASCII, at most 10 characters: the one name that survives a Shapefile
    QString label;   // Chinese name (GeoPackage alternative name; mapping file)
    QString meaning; // one line for the mapping file
    Type type = Type::String;
    // Set for a value that is costly to compute (an ellipsoidal area): called with each
    // feature's index, in order, as that feature is written, so the computation (started
    // in parallel by the caller) overlaps the writing instead of preceding it. The
    // feature's own value for this field is then ignored. Never used for String fields.
    std::function<QVariant(qsizetype feature)> deferred;
};

// Values in field order; a null QVariant writes a null field. Geometry is ISO WKB in EPSG:4490
// (lon/lat), empty for a feature without geometry.
struct ExportFeature {
    QVariantList values;
    QByteArray wkb;
};

struct ExportTable {
    enum class GeometryType { MultiPolygon, Point };
    QString layerName;  // ASCII
    QString layerTitle; // Chinese description
    GeometryType geometryType = GeometryType::MultiPolygon;
    QList<ExportField> fields;
    QList<ExportFeature> features;
};

struct ExportOptions {
    VectorFormat format = VectorFormat::GeoPackage;
    QString crs = QStringLiteral("EPSG:4490"); // anything PROJ knows
    QString encoding;                          // Shapefile only; empty = CP936
    QString path;
    bool overwrite = false;
};

class VectorExporter {
public:
    // Everything that can be checked before a byte is written: format and CRS combination (GeoJSON
    // is EPSG:4326 only, as RFC 7946 says; KML likewise), an unknown CRS, an unknown encoding, the
    // output already existing. Empty when the export may go ahead.
    static QString check(const ExportOptions& options);

    // The field-name mapping written beside a Shapefile: <base>_fields.csv.
    static QString mappingFilePath(const QString& shapefilePath);

    // Writes the table; on failure (or cancel) removes what it wrote and returns false with the
    // reason in *error. `progress` gets the number of features written so far.
    static bool write(const ExportTable& table, const ExportOptions& options, QString* error,
                      const std::function<void(int done)>& progress = {},
                      const std::atomic_bool* cancel = nullptr);
};

} // namespace gc::geo
