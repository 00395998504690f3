#pragma once

// Reads polygon features from any OGR vector source (Shapefile, zipped Shapefile, GeoPackage,
// GeoJSON, KML …) into EPSG:4490 multipolygons, working out the text encoding (.cpg, DBF
// language id, or detected GBK) and the CRS (.prj, GeoPackage srs, or an assumed one), and
// repairing invalid polygons with GEOS make-valid. Refuses, with one message, whatever it cannot
// read faithfully. Knows nothing of counties: the store decides what the features mean.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <optional>

namespace gc::geo {

struct ImportSourceOptions {
    QString path;
    QString layer;       // empty: the only layer, else the first polygon layer
    QString encoding;    // empty: from .cpg / language id / detection
    QString assumeCrs;   // used only when the source declares none
    QString codeField;   // empty: "code", "CODE", "编码", …
    QString nameField;   // empty: "name", "NAME", "名称", …
    QString parentField; // empty: none
};

struct ImportSourceInfo {
    QString driver;
    QString layerName;
    QStringList layers;     // every layer of the source, in order
    QString crs;            // e.g. "EPSG:4527" or the CRS name
    QString encoding;       // what strings were decoded from
    QString encodingSource; // "cpg", "ldid", "detected", "option", "format"
    QString encodingReason; // the same for people: which file or byte said so, or what was detected
    QStringList notes;      // what was changed on the way in, e.g. Z/M values dropped
    QStringList fields;
    int featureCount = 0;
    QList<QStringList> preview; // first rows, fields in order (UI preview)
};

struct ImportedFeature {
    qint64 sourceFid = 0;
    QString code;
    QString name;
    QString parentCode;
    int households = 0;
    int population = 0;
    QByteArray wkb; // ISO WKB multipolygon, EPSG:4490 lon/lat
};

class VectorImporter {
public:
    // Fields, encoding, CRS and the first `previewRows` rows; no geometry checks. For the import
    // dialog's field mapping.
    static std::optional<ImportSourceInfo> inspect(const QString& path, const QString& encoding,
                                                   QString* error, int previewRows = 20,
                                                   const QString& layer = {});

    // Every feature, or false with the reason in *error. `repairs` lists each polygon repaired.
    static bool read(const ImportSourceOptions& options, QList<ImportedFeature>* features,
                     ImportSourceInfo* info, QStringList* repairs, QString* error,
                     const std::function<void(int done)>& progress = {},
                     const std::atomic_bool* cancel = nullptr);

    // For each child, the index of the parent it overlaps most, or -1 if it overlaps none (more
    // than `minShare` of its own area must overlap). Geometries are EPSG:4490 WKB.
    static QList<int> largestOverlap(const QList<QByteArray>& children, const QList<QByteArray>& parents,
                                     double minShare = 0.0);
};

} // namespace gc::geo
