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
    // A file; for Shapefile and CSV also a folder (one that exists, or a path ending in '/'),
    // written as <folder>/<layerName>.<suffix> the way ogr2ogr does, the folder made if missing.
    QString path;
    QString layerName; // ASCII: names the file in a folder output
    bool overwrite = false;
    // Files being read or held open (a county): no output may reach one of them or its SQLite
    // sidecars (-wal, -shm, -journal), however symlinks, hard links, ".." or a relative path lead
    // there.
    QStringList protectedFiles;
};

class VectorExporter {
public:
    // Everything that can be checked before a byte is written: format and CRS combination (GeoJSON
    // is EPSG:4326 only, as RFC 7946 says; KML likewise), an unknown CRS, an unknown encoding, the
    // output already existing or being a folder, an output reaching a protected file or a SQLite
    // database held open (its -wal/-shm beside it). Empty when the export may go ahead.
    static QString check(const ExportOptions& options);

    // The file the export writes: `path`, or <path>/<layerName>.<suffix> for a folder output.
    static QString outputPath(const ExportOptions& options);
    // Every file the export writes or replaces: for a Shapefile also its sidecars (a stale spatial
    // index of a previous output included) and the field mapping; for CSV the .csvt.
    static QStringList outputFiles(const ExportOptions& options);

    // The field-name mapping written beside a Shapefile: <base>_fields.csv.
    static QString mappingFilePath(const QString& shapefilePath);

    // Writes the table into a hidden folder beside the output and renames the files into place
    // only when every step succeeded (GDAL's error state after commit and close, every write and
    // close of a file): on failure (a full disk, a file size limit, a cancel) any previous output
    // is left as it was, nothing half-written remains, and false comes back with the reason in
    // *error. `progress` gets the number of features written so far.
    static bool write(const ExportTable& table, const ExportOptions& options, QString* error,
                      const std::function<void(int done)>& progress = {},
                      const std::atomic_bool* cancel = nullptr);
};

} // namespace gc::geo
