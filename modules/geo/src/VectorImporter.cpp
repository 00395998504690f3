#include "gc/geo/VectorImporter.h"

#include "GeosSupport.h"
#include "gc/geo/GdalSupport.h"
#include "gc/geo/Geometry.h"
#include "gc/geo/TextEncoding.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>

#include <cpl_string.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <cmath>
#include <memory>

namespace gc::geo {

using namespace detail;

namespace {

// The translation context of this file's messages, declared where lupdate reads it.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(VectorImporter)
};
// GDAL's last message on one line (some span several), for our one-line refusals.
QString gdalError() {
    return QString::fromUtf8(CPLGetLastErrorMsg()).simplified();
}

struct DatasetCloser {
    void operator()(void* ds) const {
        if (ds)
            GDALClose(ds);
    }
};
using DatasetPtr = std::unique_ptr<void, DatasetCloser>;

// DBF language id (byte 29) 0x57: "the system's ANSI code page", which names none in particular.
constexpr int kLdidSystemCodePage = 0x57;

// Marks "read the DBF bytes as they are" when probing an undeclared encoding.
const QString kRawEncoding = QStringLiteral("\x01raw");

QString gdalPath(const QString& path) {
    if (QFileInfo(path).suffix().toLower() == QLatin1String("zip"))
        return QStringLiteral("/vsizip/") + QFileInfo(path).absoluteFilePath();
    return path;
}

// A .shp needs its .shx (record offsets) and .dbf (attributes) beside it, in either case. GDAL
// opens a .shp without its .dbf as a layer with no fields, which would surface as a confusing
// "no field CODE"; name the missing file instead. Empty if nothing is missing.
QString missingShapefileSidecar(const QString& path) {
    const QFileInfo shp(path);
    if (shp.suffix().compare(QLatin1String("shp"), Qt::CaseInsensitive) != 0)
        return {};
    const QString stem = shp.absolutePath() + QLatin1Char('/') + shp.completeBaseName();
    for (const char* suffix : {".shx", ".dbf"}) {
        const QString lower = QString::fromLatin1(suffix);
        if (!QFileInfo::exists(stem + lower) && !QFileInfo::exists(stem + lower.toUpper()))
            return shp.completeBaseName() + lower;
    }
    return {};
}

DatasetPtr openSource(const QString& path, const QString& encoding, QString* error) {
    initGdal();
    if (!QFileInfo::exists(path)) {
        *error = Tr::tr("文件不存在：%1").arg(path);
        return nullptr;
    }
    if (const QString missing = missingShapefileSidecar(path); !missing.isEmpty()) {
        *error =
            Tr::tr("%1 缺少同名的 %2 文件（Shapefile 由 .shp、.shx、.dbf 三个文件组成）").arg(path, missing);
        return nullptr;
    }
    CPLStringList openOptions;
    if (encoding == kRawEncoding)
        openOptions.SetNameValue("ENCODING", "");
    else if (!encoding.isEmpty())
        openOptions.SetNameValue("ENCODING", encoding.toLatin1().constData());
    // Only the Shapefile driver is given the encoding: other formats declare theirs (UTF-8).
    const char* const drivers[] = {"ESRI Shapefile", nullptr};
    CPLErrorReset();
    CPLPushErrorHandler(CPLQuietErrorHandler);
    GDALDatasetH ds = nullptr;
    if (!openOptions.empty())
        ds = GDALOpenEx(gdalPath(path).toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers,
                        openOptions.List(), nullptr);
    if (!ds)
        ds = GDALOpenEx(gdalPath(path).toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr,
                        nullptr, nullptr);
    CPLPopErrorHandler();
    if (!ds) {
        const QString why = gdalError();
        *error = Tr::tr("无法读取 %1：不是可识别的矢量数据，或文件已损坏%2")
                     .arg(path, why.isEmpty() ? QString() : Tr::tr("（%1）").arg(why));
        return nullptr;
    }
    if (GDALDatasetGetLayerCount(ds) < 1) {
        GDALClose(ds);
        *error = Tr::tr("%1 中没有图层").arg(path);
        return nullptr;
    }
    return DatasetPtr(ds);
}

bool isShapefile(GDALDatasetH ds) {
    GDALDriverH driver = GDALGetDatasetDriver(ds);
    return driver && QByteArray(GDALGetDriverShortName(driver)) == "ESRI Shapefile";
}

// Works out the encoding of the source and opens it so that GDAL hands us UTF-8.
DatasetPtr openDecoded(const QString& path, const QString& requested, ImportSourceInfo* info,
                       QString* error) {
    if (!requested.isEmpty()) {
        const QString canonical = canonicalEncoding(requested);
        if (canonical.isEmpty()) {
            *error = Tr::tr("未知的字符编码“%1”（常用：CP936、UTF-8）").arg(requested);
            return nullptr;
        }
        DatasetPtr ds = openSource(path, canonical, error);
        if (ds) {
            const bool shapefile = isShapefile(ds.get());
            info->encoding = shapefile ? canonical : QStringLiteral("UTF-8");
            info->encodingSource = shapefile ? QStringLiteral("option") : QStringLiteral("format");
            info->encodingReason =
                shapefile ? Tr::tr("由 --encoding 指定") : Tr::tr("该格式规定为 UTF-8，--encoding 不适用");
        }
        return ds;
    }
    DatasetPtr ds = openSource(path, {}, error);
    if (!ds)
        return nullptr;
    if (!isShapefile(ds.get())) {
        info->encoding = QStringLiteral("UTF-8");
        info->encodingSource = QStringLiteral("format");
        info->encodingReason = Tr::tr("该格式规定为 UTF-8");
        return ds;
    }
    OGRLayerH layer = GDALDatasetGetLayer(ds.get(), 0);
    const char* fromCpg = GDALGetMetadataItem(layer, "ENCODING_FROM_CPG", "SHAPEFILE");
    const char* fromLdid = GDALGetMetadataItem(layer, "ENCODING_FROM_LDID", "SHAPEFILE");
    const char* ldidValue = GDALGetMetadataItem(layer, "LDID_VALUE", "SHAPEFILE");
    const int ldid = ldidValue ? QByteArray(ldidValue).toInt() : 0;
    if (fromCpg && *fromCpg) {
        info->encoding = QString::fromLatin1(fromCpg);
        info->encodingSource = QStringLiteral("cpg");
        info->encodingReason = Tr::tr("来自 .cpg 文件");
        return ds;
    }
    // Language id 0x57 is "ANSI: the writer's system code page" (ArcGIS writes it on any
    // Windows, GBK on a Chinese one) and 0x00 is "not set": neither names a code page, so
    // GDAL's reading of 0x57 as ISO-8859-1 would garble every Chinese name. Only a language
    // id that names a code page is believed; the others leave it to detection.
    const bool ldidNamesCodePage = ldid != 0 && ldid != kLdidSystemCodePage;
    if (fromLdid && *fromLdid && ldidNamesCodePage) {
        info->encoding = QString::fromLatin1(fromLdid);
        info->encodingSource = QStringLiteral("ldid");
        info->encodingReason =
            Tr::tr("来自 DBF 语言标识 0x%1").arg(QString::number(ldid, 16).toUpper().rightJustified(2, u'0'));
        return ds;
    }
    // Neither: read the raw bytes and see what they are (GBK files from Chinese offices usually
    // come like this).
    ds.reset();
    DatasetPtr raw = openSource(path, kRawEncoding, error);
    if (!raw)
        return nullptr;
    layer = GDALDatasetGetLayer(raw.get(), 0);
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    QList<QByteArray> samples;
    OGR_L_ResetReading(layer);
    int rows = 0;
    while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
        for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i)
            if (OGR_Fld_GetType(OGR_FD_GetFieldDefn(defn, i)) == OFTString &&
                OGR_F_IsFieldSetAndNotNull(f, i))
                samples << QByteArray(OGR_F_GetFieldAsString(f, i));
        OGR_F_Destroy(f);
        if (++rows >= 2000)
            break;
    }
    const QString detected = detectEncoding(samples);
    if (detected.isEmpty()) {
        *error =
            Tr::tr("%1 没有 .cpg 文件，也没有 DBF 编码标识，且文字既不是 UTF-8 也不是 GBK：请用 --encoding "
                   "指定编码")
                .arg(path);
        return nullptr;
    }
    raw.reset();
    ds = openSource(path, detected, error);
    if (ds) {
        info->encoding = detected;
        info->encodingSource = QStringLiteral("detected");
        info->encodingReason = ldid == kLdidSystemCodePage
                                   ? Tr::tr("DBF 语言标识 0x57（系统代码页）未指明编码，按内容识别")
                                   : Tr::tr("没有 .cpg 和 DBF 语言标识，按内容识别");
    }
    return ds;
}

QString crsLabel(OGRSpatialReferenceH srs) {
    const char* authority = OSRGetAuthorityName(srs, nullptr);
    const char* code = OSRGetAuthorityCode(srs, nullptr);
    if (authority && code)
        return QStringLiteral("%1:%2").arg(QString::fromLatin1(authority), QString::fromLatin1(code));
    // A .prj in ESRI WKT often carries no authority: ask PROJ for the closest EPSG definition.
    OSRAutoIdentifyEPSG(srs);
    authority = OSRGetAuthorityName(srs, nullptr);
    code = OSRGetAuthorityCode(srs, nullptr);
    if (authority && code)
        return QStringLiteral("%1:%2").arg(QString::fromLatin1(authority), QString::fromLatin1(code));
    return QString::fromUtf8(OSRGetName(srs));
}

// True if every vertex of `g`, at any depth, has finite x and y (a file edited by hand or by a
// broken tool can hold NaN or infinity, which GEOS and the map's index cannot take).
bool allFinite(OGRGeometryH g) {
    for (int i = 0; i < OGR_G_GetGeometryCount(g); ++i)
        if (!allFinite(OGR_G_GetGeometryRef(g, i)))
            return false;
    for (int i = 0; i < OGR_G_GetPointCount(g); ++i)
        if (!std::isfinite(OGR_G_GetX(g, i)) || !std::isfinite(OGR_G_GetY(g, i)))
            return false;
    return true;
}

// A lon/lat box in degrees, e.g. a CRS's area of use as PROJ records it.
struct LonLatBox {
    double west = -180, south = -90, east = 180, north = 90;
    bool contains(const OGREnvelope& e, double margin) const {
        return e.MinX >= west - margin && e.MaxX <= east + margin && e.MinY >= south - margin &&
               e.MaxY <= north + margin;
    }
};

// The area of use PROJ records for `srs` (looked up by its EPSG code when the definition came
// from a .prj without one), or nothing when unknown or crossing the antimeridian.
std::optional<LonLatBox> areaOfUse(OGRSpatialReferenceH srs) {
    LonLatBox box;
    const char* name = nullptr;
    if (OSRGetAreaOfUse(srs, &box.west, &box.south, &box.east, &box.north, &name) && box.west > -1000 &&
        box.west <= box.east)
        return box;
    const char* authority = OSRGetAuthorityName(srs, nullptr);
    const char* code = OSRGetAuthorityCode(srs, nullptr);
    if (!authority || !code || QByteArray(authority) != "EPSG")
        return std::nullopt;
    OGRSpatialReferenceH byCode = OSRNewSpatialReference(nullptr);
    const bool found = OSRImportFromEPSG(byCode, QByteArray(code).toInt()) == OGRERR_NONE &&
                       OSRGetAreaOfUse(byCode, &box.west, &box.south, &box.east, &box.north, &name) &&
                       box.west > -1000 && box.west <= box.east;
    OSRDestroySpatialReference(byCode);
    return found ? std::optional<LonLatBox>(box) : std::nullopt;
}

bool isLonLatRange(const OGREnvelope& e) {
    return e.MinX >= -180 && e.MaxX <= 180 && e.MinY >= -90 && e.MaxY <= 90;
}

// The CGCS2000 Gauss-Krüger CRSs (EPSG:4491–4554: 6° and 3° zones, with and without the zone
// number before the false easting) under which the projected envelope `e` lands inside the
// zone's own area of use. With the zone number in the easting one zone fits; without it the
// numbers alone cannot tell the zone, and every zone whose strip takes the northing is named.
QList<int> gaussKrugerCandidates(const OGREnvelope& e) {
    QList<int> candidates;
    OGRSpatialReferenceH target = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(target, 4490);
    OSRSetAxisMappingStrategy(target, OAMS_TRADITIONAL_GIS_ORDER);
    for (int epsg = 4491; epsg <= 4554; ++epsg) {
        OGRSpatialReferenceH zone = OSRNewSpatialReference(nullptr);
        if (OSRImportFromEPSG(zone, epsg) != OGRERR_NONE) {
            OSRDestroySpatialReference(zone);
            continue;
        }
        OSRSetAxisMappingStrategy(zone, OAMS_TRADITIONAL_GIS_ORDER);
        const std::optional<LonLatBox> area = areaOfUse(zone);
        OGRCoordinateTransformationH t = OCTNewCoordinateTransformation(zone, target);
        double x[] = {e.MinX, e.MaxX, e.MinX, e.MaxX, (e.MinX + e.MaxX) / 2};
        double y[] = {e.MinY, e.MinY, e.MaxY, e.MaxY, (e.MinY + e.MaxY) / 2};
        int ok[5] = {};
        bool fits = t && area && OCTTransformEx(t, 5, x, y, nullptr, ok);
        OGREnvelope lonLat;
        for (int i = 0; fits && i < 5; ++i) {
            fits = ok[i] && std::isfinite(x[i]) && std::isfinite(y[i]);
            lonLat.Merge(x[i], y[i]);
        }
        if (fits && area->contains(lonLat, 0.5))
            candidates << epsg;
        if (t)
            OCTDestroyCoordinateTransformation(t);
        OSRDestroySpatialReference(zone);
    }
    OSRDestroySpatialReference(target);
    return candidates;
}

// "EPSG:4502–4511、EPSG:4534–4551": consecutive codes as one range.
QString codeRanges(const QList<int>& codes) {
    QStringList parts;
    for (qsizetype i = 0; i < codes.size();) {
        qsizetype j = i;
        while (j + 1 < codes.size() && codes[j + 1] == codes[j] + 1)
            ++j;
        parts << (j == i ? QStringLiteral("EPSG:%1").arg(codes[i])
                         : QStringLiteral("EPSG:%1–%2").arg(codes[i]).arg(codes[j]));
        i = j + 1;
    }
    return parts.join(QStringLiteral("、"));
}

// Why coordinates with envelope `e` (in the source's units) do not fit the source CRS, and what
// they look like instead; empty when they look like nothing in particular.
QString coordinateHint(const OGREnvelope& e, bool sourceGeographic) {
    if (sourceGeographic && !isLonLatRange(e)) {
        const QList<int> zones = gaussKrugerCandidates(e);
        QString hint = Tr::tr("坐标像是投影坐标（米），不是经纬度");
        if (zones.size() == 1)
            hint += Tr::tr("；数值符合 CGCS2000 高斯-克吕格 EPSG:%1，可用 --assume-crs EPSG:%1")
                        .arg(zones.first());
        else if (!zones.isEmpty())
            hint += Tr::tr("；数值符合不带带号的 CGCS2000 高斯-克吕格坐标，按中央经线选用其一：%1（用 "
                           "--assume-crs 指定）")
                        .arg(codeRanges(zones));
        else
            hint += Tr::tr("；请用 --assume-crs 指定实际坐标系");
        return hint;
    }
    if (!sourceGeographic && isLonLatRange(e))
        return Tr::tr(
            "坐标像是经纬度（度），不是投影坐标；若是 CGCS2000 经纬度，可用 --assume-crs EPSG:4490");
    return {};
}

int findField(OGRFeatureDefnH defn, const QString& requested, const QStringList& defaults) {
    if (!requested.isEmpty())
        return OGR_FD_GetFieldIndex(defn, requested.toUtf8().constData());
    for (const QString& name : defaults) {
        for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i)
            if (QString::fromUtf8(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i)))
                    .compare(name, Qt::CaseInsensitive) == 0)
                return i;
    }
    return -1;
}

QStringList fieldNames(OGRFeatureDefnH defn) {
    QStringList names;
    for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i)
        names << QString::fromUtf8(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i)));
    return names;
}

bool isPolygonType(OGRwkbGeometryType type) {
    const OGRwkbGeometryType flat = wkbFlatten(type);
    return flat == wkbPolygon || flat == wkbMultiPolygon || flat == wkbCurvePolygon ||
           flat == wkbMultiSurface;
}

QString featureLabel(const ImportedFeature& f) {
    if (!f.name.isEmpty() && !f.code.isEmpty())
        return QStringLiteral("%1（%2）").arg(f.name, f.code);
    if (!f.name.isEmpty())
        return f.name;
    if (!f.code.isEmpty())
        return f.code;
    return Tr::tr("第 %1 个要素").arg(f.sourceFid);
}

QString listSome(const QStringList& items) {
    const int shown = 10;
    QStringList head = items.mid(0, shown);
    QString text = head.join(QStringLiteral("、"));
    if (items.size() > shown)
        text += Tr::tr(" 等 %1 个").arg(items.size());
    return text;
}

// The layer asked for by name; without a name the only layer, or the first polygon layer of a
// source with several (a GeoPackage or KML often carries points and lines beside the areas).
OGRLayerH chooseLayer(GDALDatasetH ds, const QString& requested, ImportSourceInfo* info, QString* error) {
    info->layers.clear();
    OGRLayerH firstPolygons = nullptr;
    for (int i = 0; i < GDALDatasetGetLayerCount(ds); ++i) {
        OGRLayerH layer = GDALDatasetGetLayer(ds, i);
        info->layers << QString::fromUtf8(OGR_L_GetName(layer));
        if (!firstPolygons && isPolygonType(OGR_L_GetGeomType(layer)))
            firstPolygons = layer;
    }
    if (!requested.isEmpty()) {
        OGRLayerH layer = GDALDatasetGetLayerByName(ds, requested.toUtf8().constData());
        if (!layer)
            *error = Tr::tr("没有名为“%1”的图层；可用的图层：%2").arg(requested, listSome(info->layers));
        return layer;
    }
    return firstPolygons ? firstPolygons : GDALDatasetGetLayer(ds, 0);
}

} // namespace

std::optional<ImportSourceInfo> VectorImporter::inspect(const QString& path, const QString& encoding,
                                                        QString* error, int previewRows,
                                                        const QString& layerName) {
    QString localError;
    if (!error)
        error = &localError;
    ImportSourceInfo info;
    DatasetPtr ds = openDecoded(path, encoding, &info, error);
    if (!ds)
        return std::nullopt;
    OGRLayerH layer = chooseLayer(ds.get(), layerName, &info, error);
    if (!layer)
        return std::nullopt;
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    info.driver = QString::fromLatin1(GDALGetDriverShortName(GDALGetDatasetDriver(ds.get())));
    info.layerName = QString::fromUtf8(OGR_L_GetName(layer));
    info.fields = fieldNames(defn);
    info.featureCount = int(OGR_L_GetFeatureCount(layer, TRUE));
    if (OGRSpatialReferenceH srs = OGR_L_GetSpatialRef(layer))
        info.crs = crsLabel(srs);
    OGR_L_ResetReading(layer);
    while (info.preview.size() < previewRows) {
        OGRFeatureH f = OGR_L_GetNextFeature(layer);
        if (!f)
            break;
        QStringList row;
        for (int i = 0; i < info.fields.size(); ++i)
            row << QString::fromUtf8(OGR_F_GetFieldAsString(f, i));
        info.preview << row;
        OGR_F_Destroy(f);
    }
    return info;
}

bool VectorImporter::read(const ImportSourceOptions& options, QList<ImportedFeature>* features,
                          ImportSourceInfo* infoOut, QStringList* repairs, QString* error,
                          const std::function<void(int)>& progress, const std::atomic_bool* cancel) {
    QString localError;
    if (!error)
        error = &localError;
    ImportSourceInfo info;
    DatasetPtr ds = openDecoded(options.path, options.encoding, &info, error);
    if (!ds)
        return false;
    OGRLayerH layer = chooseLayer(ds.get(), options.layer, &info, error);
    if (!layer)
        return false;
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    info.driver = QString::fromLatin1(GDALGetDriverShortName(GDALGetDatasetDriver(ds.get())));
    info.layerName = QString::fromUtf8(OGR_L_GetName(layer));
    info.fields = fieldNames(defn);

    const OGRwkbGeometryType layerType = OGR_L_GetGeomType(layer);
    if (layerType != wkbUnknown && !isPolygonType(layerType)) {
        *error = Tr::tr("%1 不是面图层（几何类型为 %2）：网格边界必须是多边形")
                     .arg(options.path, QString::fromUtf8(OGRGeometryTypeToName(layerType)));
        return false;
    }

    // CRS: assumed on request (also over a declared one that is wrong, as ogr2ogr's -s_srs),
    // else declared, else refused (guessing puts grids in the wrong place).
    OGRSpatialReferenceH source = OGR_L_GetSpatialRef(layer);
    OGRSpatialReferenceH assumed = nullptr;
    if (!source && options.assumeCrs.isEmpty()) {
        *error = Tr::tr("%1 没有坐标系（缺少 .prj 或 srs）：请用 --assume-crs EPSG:N 指明").arg(options.path);
        return false;
    }
    if (!options.assumeCrs.isEmpty()) {
        assumed = OSRNewSpatialReference(nullptr);
        if (OSRSetFromUserInput(assumed, options.assumeCrs.toUtf8().constData()) != OGRERR_NONE) {
            OSRDestroySpatialReference(assumed);
            *error = Tr::tr("未知的坐标系“%1”").arg(options.assumeCrs);
            return false;
        }
        if (source)
            info.notes << Tr::tr("坐标系按 --assume-crs 取 %1，未用源文件声明的 %2")
                              .arg(options.assumeCrs, crsLabel(source));
        source = assumed;
    }
    std::unique_ptr<OGRSpatialReferenceH, void (*)(OGRSpatialReferenceH*)> assumedGuard(
        &assumed, [](OGRSpatialReferenceH* s) {
            if (*s)
                OSRDestroySpatialReference(*s);
        });
    OGRSpatialReferenceH sourceClone = OSRClone(source);
    OSRSetAxisMappingStrategy(sourceClone, OAMS_TRADITIONAL_GIS_ORDER);
    info.crs = crsLabel(sourceClone);
    // Where coordinates may lie: a geographic source within ±180°/±90°; after the transform,
    // inside EPSG:4490's area of use (China, with a margin for islands on its edge) and within
    // reach of the source CRS's own: a Gauss-Krüger zone is 3° or 6° wide, and data projected
    // into a neighbouring zone is still exact, but 10° beyond the strip the projection is
    // meaningless and the CRS named is wrong.
    const bool sourceGeographic = OSRIsGeographic(sourceClone);
    const std::optional<LonLatBox> sourceArea = sourceGeographic ? std::nullopt : areaOfUse(sourceClone);
    OGRSpatialReferenceH target = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(target, 4490);
    OSRSetAxisMappingStrategy(target, OAMS_TRADITIONAL_GIS_ORDER);
    const LonLatBox targetArea = areaOfUse(target).value_or(LonLatBox{});
    OGRCoordinateTransformationH transform = OCTNewCoordinateTransformation(sourceClone, target);
    OSRDestroySpatialReference(sourceClone);
    OSRDestroySpatialReference(target);
    if (!transform) {
        *error = Tr::tr("无法从 %1 转换到 EPSG:4490：%2").arg(info.crs, gdalError());
        return false;
    }
    std::unique_ptr<void, void (*)(void*)> transformGuard(transform, [](void* t) {
        OCTDestroyCoordinateTransformation(static_cast<OGRCoordinateTransformationH>(t));
    });

    const int iCode = findField(defn, options.codeField,
                                {QStringLiteral("code"), QStringLiteral("grid_code"), QStringLiteral("编码"),
                                 QStringLiteral("网格编码")});
    const int iName = findField(defn, options.nameField,
                                {QStringLiteral("name"), QStringLiteral("grid_name"), QStringLiteral("名称"),
                                 QStringLiteral("网格名称")});
    const int iParent = options.parentField.isEmpty() ? -1 : findField(defn, options.parentField, {});
    const int iHouseholds = findField(defn, {}, {QStringLiteral("households"), QStringLiteral("户数")});
    const int iPopulation = findField(defn, {}, {QStringLiteral("population"), QStringLiteral("人口")});
    const auto missingField = [&](const QString& what, const QString& requested) {
        *error = requested.isEmpty()
                     ? Tr::tr("%1 中找不到%2字段（现有字段：%3）；请用参数指定")
                           .arg(options.path, what, info.fields.join(QStringLiteral(", ")))
                     : Tr::tr("%1 中没有字段“%2”（现有字段：%3）")
                           .arg(options.path, requested, info.fields.join(QStringLiteral(", ")));
        return false;
    };
    if (iCode < 0)
        return missingField(Tr::tr("编码"), options.codeField);
    if (iName < 0 && !options.nameField.isEmpty())
        return missingField(Tr::tr("名称"), options.nameField);
    if (iParent < 0 && !options.parentField.isEmpty())
        return missingField(Tr::tr("上级编码"), options.parentField);

    QList<ImportedFeature> out;
    QStringList notPolygons, missingCodes, unrepairable, nonFinite, outOfRange;
    OGREnvelope outOfRangeSource; // the offending features' envelope in source units, for the hint
    bool droppedZ = false;
    bool droppedM = false;
    QStringList localRepairs;
    CPLErrorReset();
    CPLPushErrorHandler(CPLQuietErrorHandler);
    OGR_L_ResetReading(layer);
    while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
        if (cancel && cancel->load(std::memory_order_relaxed)) {
            OGR_F_Destroy(f);
            CPLPopErrorHandler();
            *error = Tr::tr("已取消");
            return false;
        }
        ImportedFeature feature;
        feature.sourceFid = OGR_F_GetFID(f);
        feature.code = QString::fromUtf8(OGR_F_GetFieldAsString(f, iCode)).trimmed();
        if (iName >= 0)
            feature.name = QString::fromUtf8(OGR_F_GetFieldAsString(f, iName)).trimmed();
        if (iParent >= 0)
            feature.parentCode = QString::fromUtf8(OGR_F_GetFieldAsString(f, iParent)).trimmed();
        if (iHouseholds >= 0)
            feature.households = OGR_F_GetFieldAsInteger(f, iHouseholds);
        if (iPopulation >= 0)
            feature.population = OGR_F_GetFieldAsInteger(f, iPopulation);
        if (feature.code.isEmpty())
            missingCodes << featureLabel(feature);
        OGRGeometryH g = OGR_F_StealGeometry(f);
        OGR_F_Destroy(f);
        if (g && OGR_G_HasCurveGeometry(g, TRUE)) {
            OGRGeometryH linear = OGR_G_GetLinearGeometry(g, 0, nullptr);
            OGR_G_DestroyGeometry(g);
            g = linear;
        }
        if (!g || OGR_G_IsEmpty(g) || !isPolygonType(OGR_G_GetGeometryType(g))) {
            notPolygons << featureLabel(feature);
            if (g)
                OGR_G_DestroyGeometry(g);
            continue;
        }
        // The layers are declared 2-D (GeoPackage requires geometries to match): Z and M go.
        if (OGR_G_Is3D(g) || OGR_G_IsMeasured(g)) {
            droppedZ = droppedZ || OGR_G_Is3D(g);
            droppedM = droppedM || OGR_G_IsMeasured(g);
            OGR_G_Set3D(g, FALSE);
            OGR_G_SetMeasured(g, FALSE);
        }
        if (!allFinite(g)) {
            nonFinite << featureLabel(feature);
            OGR_G_DestroyGeometry(g);
            continue;
        }
        OGREnvelope sourceEnvelope;
        OGR_G_GetEnvelope(g, &sourceEnvelope);
        const auto rejectOutOfRange = [&] {
            outOfRange << featureLabel(feature);
            outOfRangeSource.Merge(sourceEnvelope);
            OGR_G_DestroyGeometry(g);
            CPLErrorReset(); // PROJ's complaint is ours now, not a read error of the file
        };
        if (sourceGeographic && !isLonLatRange(sourceEnvelope)) {
            rejectOutOfRange();
            continue;
        }
        if (OGR_G_Transform(g, transform) != OGRERR_NONE || !allFinite(g)) {
            rejectOutOfRange();
            continue;
        }
        OGREnvelope lonLat;
        OGR_G_GetEnvelope(g, &lonLat);
        if (!targetArea.contains(lonLat, 1.0) || (sourceArea && !sourceArea->contains(lonLat, 10.0))) {
            rejectOutOfRange();
            continue;
        }
        if (!OGR_G_IsValid(g)) {
            OGRGeometryH fixed = OGR_G_MakeValid(g);
            OGRGeometryH polygonal = nullptr;
            if (fixed) {
                // make-valid may leave lines or points beside the polygons: keep the polygons only.
                const OGRwkbGeometryType type = wkbFlatten(OGR_G_GetGeometryType(fixed));
                if (type == wkbPolygon || type == wkbMultiPolygon) {
                    polygonal = fixed;
                } else if (type == wkbGeometryCollection) {
                    polygonal = OGR_G_CreateGeometry(wkbMultiPolygon);
                    for (int k = 0; k < OGR_G_GetGeometryCount(fixed); ++k) {
                        OGRGeometryH part = OGR_G_GetGeometryRef(fixed, k);
                        const OGRwkbGeometryType pt = wkbFlatten(OGR_G_GetGeometryType(part));
                        if (pt == wkbPolygon)
                            OGR_G_AddGeometry(polygonal, part);
                        else if (pt == wkbMultiPolygon)
                            for (int m = 0; m < OGR_G_GetGeometryCount(part); ++m)
                                OGR_G_AddGeometry(polygonal, OGR_G_GetGeometryRef(part, m));
                    }
                    OGR_G_DestroyGeometry(fixed);
                } else {
                    OGR_G_DestroyGeometry(fixed);
                }
            }
            if (!polygonal || OGR_G_IsEmpty(polygonal) || !OGR_G_IsValid(polygonal)) {
                unrepairable << featureLabel(feature);
                if (polygonal)
                    OGR_G_DestroyGeometry(polygonal);
                OGR_G_DestroyGeometry(g);
                continue;
            }
            localRepairs << Tr::tr("%1：几何无效，已修复（GEOS make-valid）").arg(featureLabel(feature));
            OGR_G_DestroyGeometry(g);
            g = polygonal;
        }
        g = OGR_G_ForceToMultiPolygon(g);
        feature.wkb.resize(OGR_G_WkbSize(g));
        OGR_G_ExportToIsoWkb(g, wkbNDR, reinterpret_cast<unsigned char*>(feature.wkb.data()));
        OGR_G_DestroyGeometry(g);
        out << feature;
        if (progress && out.size() % 1000 == 0)
            progress(int(out.size()));
    }
    const CPLErr readError = CPLGetLastErrorType();
    const QString readMessage = gdalError();
    CPLPopErrorHandler();
    // A truncated .shp reads its first records and then fails: partial data is refused too.
    if (readError == CE_Failure || readError == CE_Fatal) {
        *error = Tr::tr("读取 %1 时出错（文件可能已损坏或被截断）：%2").arg(options.path, readMessage);
        return false;
    }
    if (!notPolygons.isEmpty()) {
        *error = Tr::tr("%1 中有 %2 个要素不是多边形（或没有几何）：%3")
                     .arg(options.path)
                     .arg(notPolygons.size())
                     .arg(listSome(notPolygons));
        return false;
    }
    if (!nonFinite.isEmpty()) {
        *error = Tr::tr("%1 中有 %2 个要素的坐标不是有限数（NaN 或无穷大）：%3")
                     .arg(options.path)
                     .arg(nonFinite.size())
                     .arg(listSome(nonFinite));
        return false;
    }
    if (!outOfRange.isEmpty()) {
        const QString hint = coordinateHint(outOfRangeSource, sourceGeographic);
        *error = Tr::tr("%1 个要素的坐标超出坐标系 %2 的有效范围或不在中国境内（如 %3，x %4…%5，y %6…%7）%8")
                     .arg(outOfRange.size())
                     .arg(info.crs, outOfRange.first())
                     .arg(outOfRangeSource.MinX, 0, 'f', 1)
                     .arg(outOfRangeSource.MaxX, 0, 'f', 1)
                     .arg(outOfRangeSource.MinY, 0, 'f', 1)
                     .arg(outOfRangeSource.MaxY, 0, 'f', 1)
                     .arg(hint.isEmpty() ? QString() : QStringLiteral("：") + hint);
        return false;
    }
    if (droppedZ || droppedM)
        info.notes << Tr::tr("源数据带 %1 值，已去掉（县域图层按二维存储）")
                          .arg(droppedZ && droppedM ? QStringLiteral("Z/M")
                               : droppedZ           ? QStringLiteral("Z")
                                                    : QStringLiteral("M"));
    if (!unrepairable.isEmpty()) {
        *error = Tr::tr("%1 个要素几何无效且无法修复为多边形：%2")
                     .arg(unrepairable.size())
                     .arg(listSome(unrepairable));
        return false;
    }
    if (!missingCodes.isEmpty()) {
        *error = Tr::tr("%1 个要素缺少编码：%2").arg(missingCodes.size()).arg(listSome(missingCodes));
        return false;
    }
    if (out.isEmpty()) {
        *error = Tr::tr("%1 中没有要素").arg(options.path);
        return false;
    }
    QHash<QString, int> seen;
    QStringList duplicates;
    for (const ImportedFeature& f : out)
        if (++seen[f.code] == 2)
            duplicates << f.code;
    if (!duplicates.isEmpty()) {
        *error = Tr::tr("%1 中编码重复：%2").arg(options.path, listSome(duplicates));
        return false;
    }
    info.featureCount = int(out.size());
    if (infoOut)
        *infoOut = info;
    if (repairs)
        *repairs = localRepairs;
    *features = std::move(out);
    return true;
}

QList<int> VectorImporter::largestOverlap(const QList<QByteArray>& children, const QList<QByteArray>& parents,
                                          double minShare) {
    GeosContext& ctx = GeosContext::forThread();
    GEOSContextHandle_t h = ctx.handle();
    std::vector<GeomPtr> parentGeoms;
    std::vector<int> indexes(size_t(parents.size()));
    GEOSSTRtree* tree = GEOSSTRtree_create_r(h, 10);
    for (int p = 0; p < parents.size(); ++p) {
        parentGeoms.push_back(readWkb(ctx, parents[p], nullptr));
        indexes[size_t(p)] = p;
        if (parentGeoms.back())
            GEOSSTRtree_insert_r(h, tree, parentGeoms.back().get(), &indexes[size_t(p)]);
    }
    QList<int> result;
    std::vector<int> hits;
    for (const QByteArray& wkb : children) {
        GeomPtr child = readWkb(ctx, wkb, nullptr);
        int best = -1;
        double bestArea = 0;
        if (child) {
            hits.clear();
            GEOSSTRtree_query_r(
                h, tree, child.get(),
                [](void* item, void* userData) {
                    static_cast<std::vector<int>*>(userData)->push_back(*static_cast<int*>(item));
                },
                &hits);
            const double ownArea = ellipsoidalAreaM2(wkb);
            for (int p : hits) {
                GeomPtr overlap = own(ctx, GEOSIntersection_r(h, child.get(), parentGeoms[size_t(p)].get()));
                GeomPtr polygons = overlap ? polygonalPart(ctx, overlap.get()) : own(ctx, nullptr);
                if (!polygons)
                    continue;
                const double area = ellipsoidalAreaM2(writeWkb(ctx, polygons.get()));
                if (area > bestArea && area > minShare * ownArea) {
                    bestArea = area;
                    best = p;
                }
            }
        }
        result << best;
    }
    GEOSSTRtree_destroy_r(h, tree);
    return result;
}

} // namespace gc::geo
