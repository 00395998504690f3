#include "gc/geo/VectorExporter.h"

#include "gc/geo/TextEncoding.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTimeZone>

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_spatialref.h>

#include <algorithm>
#include <memory>

namespace gc::geo {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("VectorExporter", text);
}
QString gdalError() {
    return QString::fromUtf8(CPLGetLastErrorMsg());
}

struct FormatInfo {
    VectorFormat format;
    const char* key;
    const char* driver;
    const char* suffix;
};

constexpr FormatInfo kFormats[] = {
    {VectorFormat::Shapefile, "shp", "ESRI Shapefile", "shp"},
    {VectorFormat::GeoPackage, "gpkg", "GPKG", "gpkg"},
    {VectorFormat::GeoJson, "geojson", "GeoJSON", "geojson"},
    {VectorFormat::Kml, "kml", "KML", "kml"},
    {VectorFormat::Csv, "csv", "CSV", "csv"},
};

const FormatInfo& info(VectorFormat format) {
    for (const FormatInfo& f : kFormats)
        if (f.format == format)
            return f;
    return kFormats[0];
}

// The DBF string limit (bytes).
constexpr int kDbfMaxStringBytes = 254;

struct SrsDeleter {
    void operator()(OGRSpatialReference* srs) const {
        if (srs)
            srs->Release();
    }
};
using SrsPtr = std::unique_ptr<OGRSpatialReference, SrsDeleter>;

SrsPtr readSrs(const QString& crs) {
    SrsPtr srs(new OGRSpatialReference);
    CPLPushErrorHandler(CPLQuietErrorHandler);
    const OGRErr err = srs->SetFromUserInput(crs.toUtf8().constData());
    CPLPopErrorHandler();
    if (err != OGRERR_NONE)
        return nullptr;
    srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

bool isWgs84(const OGRSpatialReference& srs) {
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    const char* options[] = {"IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES", "CRITERION=EQUIVALENT", nullptr};
    return srs.IsSame(&wgs84, options);
}

QString effectiveEncoding(const ExportOptions& options) {
    if (options.format != VectorFormat::Shapefile)
        return QStringLiteral("UTF-8");
    return options.encoding.isEmpty() ? QStringLiteral("CP936") : canonicalEncoding(options.encoding);
}

OGRFieldType ogrType(ExportField::Type type, VectorFormat format) {
    switch (type) {
    case ExportField::Type::Integer:
        return OFTInteger;
    case ExportField::Type::Integer64:
        return OFTInteger64;
    case ExportField::Type::Real:
        return OFTReal;
    case ExportField::Type::DateTime:
        // DBF has dates only: a Shapefile keeps the time as ISO text instead of losing it.
        return format == VectorFormat::Shapefile ? OFTString : OFTDateTime;
    case ExportField::Type::String:
        break;
    }
    return OFTString;
}

// GDAL cannot remove a half-written Shapefile and its sidecars by name alone; its driver can.
void removeOutput(VectorFormat format, const QString& path) {
    if (format == VectorFormat::Shapefile) {
        const QFileInfo fi(path);
        const QString base = fi.dir().filePath(fi.completeBaseName());
        for (const char* suffix : {".shp", ".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx"})
            QFile::remove(base + QLatin1String(suffix));
        QFile::remove(VectorExporter::mappingFilePath(path));
    } else {
        QFile::remove(path);
        if (format == VectorFormat::Csv)
            QFile::remove(
                QFileInfo(path).dir().filePath(QFileInfo(path).completeBaseName() + QStringLiteral(".csvt")));
    }
}

bool outputExists(VectorFormat format, const QString& path) {
    if (QFileInfo::exists(path))
        return true;
    if (format == VectorFormat::Shapefile) {
        const QFileInfo fi(path);
        const QString base = fi.dir().filePath(fi.completeBaseName());
        return QFileInfo::exists(base + QStringLiteral(".dbf")) ||
               QFileInfo::exists(base + QStringLiteral(".shx"));
    }
    return false;
}

bool writeMappingFile(const ExportTable& table, const QString& path, QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = tr("无法写入字段对照表 %1：%2").arg(path, file.errorString());
        return false;
    }
    // UTF-8 with a byte-order mark: Excel on a Chinese Windows otherwise reads it as GBK.
    QByteArray out = "\xEF\xBB\xBF";
    const auto quote = [](QString s) -> QString {
        s.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        return QLatin1Char('"') + s + QLatin1Char('"');
    };
    out += QStringLiteral("short_name,chinese_name,meaning\r\n").toUtf8();
    for (const ExportField& f : table.fields)
        out += (quote(f.name) + QLatin1Char(',') + quote(f.label) + QLatin1Char(',') + quote(f.meaning) +
                QStringLiteral("\r\n"))
                   .toUtf8();
    if (file.write(out) != out.size()) {
        *error = tr("无法写入字段对照表 %1：%2").arg(path, file.errorString());
        return false;
    }
    return true;
}

// Byte 29 of the DBF header names the code page for readers that never look at the .cpg.
bool patchLanguageDriverId(const QString& shpPath, int ldid) {
    if (ldid == 0)
        return true;
    const QFileInfo fi(shpPath);
    QFile dbf(fi.dir().filePath(fi.completeBaseName() + QStringLiteral(".dbf")));
    if (!dbf.open(QIODevice::ReadWrite) || !dbf.seek(29))
        return false;
    const char byte = char(ldid);
    return dbf.write(&byte, 1) == 1;
}

// China Standard Time (+08:00) as OGR's time zone flag: 100 + 15-minute steps.
constexpr int kChinaTzFlag = 100 + 8 * 4;

} // namespace

std::optional<VectorFormat> parseVectorFormat(const QString& key) {
    const QString k = key.trimmed().toLower();
    for (const FormatInfo& f : kFormats)
        if (k == QLatin1String(f.key))
            return f.format;
    if (k == QLatin1String("shapefile"))
        return VectorFormat::Shapefile;
    if (k == QLatin1String("json"))
        return VectorFormat::GeoJson;
    return std::nullopt;
}

QString vectorFormatKey(VectorFormat format) {
    return QString::fromLatin1(info(format).key);
}

QStringList vectorFormatKeys() {
    QStringList keys;
    for (const FormatInfo& f : kFormats)
        keys << QString::fromLatin1(f.key);
    return keys;
}

QString vectorFormatSuffix(VectorFormat format) {
    return QString::fromLatin1(info(format).suffix);
}

QString VectorExporter::mappingFilePath(const QString& shapefilePath) {
    const QFileInfo fi(shapefilePath);
    return fi.dir().filePath(fi.completeBaseName() + QStringLiteral("_fields.csv"));
}

QString VectorExporter::check(const ExportOptions& options) {
    if (options.path.isEmpty())
        return tr("没有指定输出文件");
    const SrsPtr srs = readSrs(options.crs);
    if (!srs)
        return tr("未知的坐标系“%1”：PROJ 不认识它（示例：EPSG:4490、EPSG:4326、EPSG:4527）")
            .arg(options.crs);
    if (options.format == VectorFormat::GeoJson && !isWgs84(*srs))
        return tr("GeoJSON 按 RFC 7946 只能使用 EPSG:4326（WGS 84），不能用 %1；请改用 --crs EPSG:4326，"
                  "或换用 GeoPackage/Shapefile 输出其他坐标系")
            .arg(options.crs);
    if (options.format == VectorFormat::Kml && !isWgs84(*srs))
        return tr("KML 只能使用 EPSG:4326（WGS 84），不能用 %1").arg(options.crs);
    if (options.format == VectorFormat::Shapefile) {
        if (!options.encoding.isEmpty() && canonicalEncoding(options.encoding).isEmpty())
            return tr("未知的字符编码“%1”（可用：CP936、UTF-8）").arg(options.encoding);
        if (QFileInfo(options.path).suffix().toLower() != QLatin1String("shp"))
            return tr("Shapefile 输出文件名应以 .shp 结尾：%1").arg(options.path);
    } else if (!options.encoding.isEmpty() && canonicalEncoding(options.encoding) != QLatin1String("UTF-8")) {
        return tr("%1 格式总是 UTF-8 编码；只有 Shapefile 可以选择 %2")
            .arg(vectorFormatKey(options.format), options.encoding);
    }
    const QFileInfo fi(options.path);
    if (!fi.absoluteDir().exists())
        return tr("输出目录不存在：%1").arg(fi.absolutePath());
    if (!options.overwrite && outputExists(options.format, options.path))
        return tr("%1 已存在；如需覆盖请指定覆盖选项").arg(options.path);
    return {};
}

bool VectorExporter::write(const ExportTable& table, const ExportOptions& options, QString* error,
                           const std::function<void(int)>& progress, const std::atomic_bool* cancel) {
    QString localError;
    if (!error)
        error = &localError;
    if (const QString problem = check(options); !problem.isEmpty()) {
        *error = problem;
        return false;
    }
    GDALAllRegister();
    const FormatInfo& fmt = info(options.format);
    GDALDriverH driver = GDALGetDriverByName(fmt.driver);
    if (!driver) {
        *error = tr("GDAL 缺少 %1 驱动").arg(QString::fromLatin1(fmt.driver));
        return false;
    }
    const SrsPtr target = readSrs(options.crs);
    SrsPtr source(new OGRSpatialReference);
    source->importFromEPSG(4490);
    source->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> transform;
    const char* sameOptions[] = {"IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES", "CRITERION=EQUIVALENT", nullptr};
    if (!target->IsSame(source.get(), sameOptions)) {
        transform.reset(OGRCreateCoordinateTransformation(source.get(), target.get()));
        if (!transform) {
            *error = tr("无法从 EPSG:4490 转换到 %1：%2").arg(options.crs, gdalError());
            return false;
        }
    }
    const QString encoding = effectiveEncoding(options);
    if (options.overwrite)
        removeOutput(options.format, options.path);

    CPLStringList datasetOptions;
    GDALDatasetH ds =
        GDALCreate(driver, options.path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, datasetOptions.List());
    if (!ds) {
        *error = tr("无法创建 %1：%2").arg(options.path, gdalError());
        removeOutput(options.format, options.path);
        return false;
    }
    bool ok = true;
    const auto failWith = [&](const QString& message) {
        if (ok)
            *error = message;
        ok = false;
    };

    CPLStringList layerOptions;
    switch (options.format) {
    case VectorFormat::Shapefile:
        layerOptions.SetNameValue("ENCODING", encoding.toLatin1().constData());
        break;
    case VectorFormat::GeoPackage:
        layerOptions.SetNameValue("GEOMETRY_NAME", "geom");
        layerOptions.SetNameValue("FID", "fid");
        layerOptions.SetNameValue("SPATIAL_INDEX", "YES");
        layerOptions.SetNameValue("IDENTIFIER", table.layerTitle.toUtf8().constData());
        break;
    case VectorFormat::GeoJson:
        layerOptions.SetNameValue("RFC7946", "YES");
        break;
    case VectorFormat::Csv:
        layerOptions.SetNameValue("GEOMETRY", "AS_WKT");
        layerOptions.SetNameValue("CREATE_CSVT", "YES");
        break;
    case VectorFormat::Kml:
        break;
    }
    const OGRwkbGeometryType geometryType =
        table.geometryType == ExportTable::GeometryType::Point ? wkbPoint : wkbMultiPolygon;
    const QByteArray layerName = options.format == VectorFormat::Shapefile
                                     ? QFileInfo(options.path).completeBaseName().toUtf8()
                                     : table.layerName.toUtf8();
    OGRLayerH layer =
        GDALDatasetCreateLayer(ds, layerName.constData(), OGRSpatialReference::ToHandle(target.get()),
                               geometryType, layerOptions.List());
    if (!layer)
        failWith(tr("无法创建图层：%1").arg(gdalError()));

    // Shapefile string widths: as wide as the widest value (GDAL's default of 80 bytes would cut
    // long names mid-character), at most the DBF limit.
    QList<int> widths(table.fields.size(), 0);
    if (ok && options.format == VectorFormat::Shapefile) {
        for (const ExportFeature& f : table.features)
            for (int i = 0; i < table.fields.size() && i < f.values.size(); ++i)
                if (ogrType(table.fields[i].type, options.format) == OFTString)
                    widths[i] = std::max(widths[i], int(f.values[i].toString().toUtf8().size()));
        for (int& w : widths)
            w = std::clamp(w, 1, kDbfMaxStringBytes);
    }
    for (int i = 0; ok && i < table.fields.size(); ++i) {
        const ExportField& field = table.fields[i];
        const OGRFieldType type = ogrType(field.type, options.format);
        OGRFieldDefnH defn = OGR_Fld_Create(field.name.toLatin1().constData(), type);
        if (options.format == VectorFormat::Shapefile) {
            if (type == OFTString)
                OGR_Fld_SetWidth(defn, widths[i]);
            else if (type == OFTReal)
                OGR_Fld_Set(defn, field.name.toLatin1().constData(), OFTReal, 20, 4, OJUndefined);
        }
        if (options.format == VectorFormat::GeoPackage)
            OGR_Fld_SetAlternativeName(defn, field.label.toUtf8().constData());
        if (OGR_L_CreateField(layer, defn, TRUE) != OGRERR_NONE)
            failWith(tr("无法创建字段 %1：%2").arg(field.name, gdalError()));
        OGR_Fld_Destroy(defn);
    }

    // One transaction: a GeoPackage is written all at once (and fast); for the other drivers
    // this is emulated or a no-op.
    const bool transaction = ok && options.format == VectorFormat::GeoPackage;
    if (transaction && GDALDatasetStartTransaction(ds, FALSE) != OGRERR_NONE)
        failWith(tr("无法开始事务：%1").arg(gdalError()));

    const bool shapefile = options.format == VectorFormat::Shapefile;
    const QTimeZone china(8 * 3600);
    OGRFeatureDefnH featureDefn = ok ? OGR_L_GetLayerDefn(layer) : nullptr;
    // Drivers may put fields of their own first (KML: Name, Description; our `name` becomes the
    // placemark name), so values go by field name, not by position.
    QList<int> targetIndex;
    for (const ExportField& field : table.fields)
        targetIndex << (featureDefn ? OGR_FD_GetFieldIndex(featureDefn, field.name.toLatin1().constData())
                                    : -1);
    int done = 0;
    QVariant deferredValue;
    for (const ExportFeature& feature : table.features) {
        if (!ok)
            break;
        if (cancel && cancel->load(std::memory_order_relaxed)) {
            failWith(tr("已取消"));
            break;
        }
        OGRFeatureH f = OGR_F_Create(featureDefn);
        for (int i = 0; i < table.fields.size() && i < feature.values.size(); ++i) {
            const ExportField& field = table.fields[i];
            const QVariant& v = field.deferred ? (deferredValue = field.deferred(done)) : feature.values[i];
            const int target = targetIndex[i];
            if (v.isNull() || target < 0)
                continue;
            switch (field.type) {
            case ExportField::Type::Integer:
                OGR_F_SetFieldInteger(f, target, v.toInt());
                break;
            case ExportField::Type::Integer64:
                OGR_F_SetFieldInteger64(f, target, v.toLongLong());
                break;
            case ExportField::Type::Real:
                OGR_F_SetFieldDouble(f, target, v.toDouble());
                break;
            case ExportField::Type::DateTime: {
                const QDateTime t = v.toDateTime().toTimeZone(china);
                if (!t.isValid())
                    break;
                if (shapefile) {
                    OGR_F_SetFieldString(
                        f, target, t.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")).toUtf8().constData());
                } else {
                    const QDate d = t.date();
                    const QTime tm = t.time();
                    OGR_F_SetFieldDateTimeEx(f, target, d.year(), d.month(), d.day(), tm.hour(), tm.minute(),
                                             float(tm.second()), kChinaTzFlag);
                }
                break;
            }
            case ExportField::Type::String: {
                const QString text = v.toString();
                QByteArray utf8 = text.toUtf8();
                if (shapefile && utf8.size() > kDbfMaxStringBytes)
                    utf8 = truncateToBytes(text, encoding, kDbfMaxStringBytes).toUtf8();
                OGR_F_SetFieldString(f, target, utf8.constData());
                break;
            }
            }
        }
        if (!feature.wkb.isEmpty()) {
            OGRGeometryH g = nullptr;
            if (OGR_G_CreateFromWkb(feature.wkb.constData(), nullptr, &g, int(feature.wkb.size())) !=
                    OGRERR_NONE ||
                !g) {
                failWith(tr("第 %1 个要素的几何无法解析").arg(done + 1));
            } else {
                if (geometryType == wkbMultiPolygon)
                    g = OGR_G_ForceToMultiPolygon(g);
                if (transform &&
                    OGR_G_Transform(g, OGRCoordinateTransformation::ToHandle(transform.get())) != OGRERR_NONE)
                    failWith(tr("第 %1 个要素无法转换到 %2").arg(done + 1).arg(options.crs));
                OGR_F_SetGeometryDirectly(f, g);
            }
        }
        if (ok && OGR_L_CreateFeature(layer, f) != OGRERR_NONE)
            failWith(tr("写入第 %1 个要素失败：%2").arg(done + 1).arg(gdalError()));
        OGR_F_Destroy(f);
        ++done;
        if (progress && done % 1000 == 0)
            progress(done);
    }
    if (transaction && ok && GDALDatasetCommitTransaction(ds) != OGRERR_NONE)
        failWith(tr("提交失败：%1").arg(gdalError()));
    else if (transaction && !ok)
        GDALDatasetRollbackTransaction(ds);
    GDALClose(ds);
    if (ok && shapefile) {
        if (!patchLanguageDriverId(options.path, dbfLanguageDriverId(encoding)))
            failWith(tr("无法写入 DBF 语言标识：%1").arg(options.path));
        else if (!writeMappingFile(table, mappingFilePath(options.path), error))
            ok = false;
    }
    if (!ok) {
        removeOutput(options.format, options.path);
        return false;
    }
    if (progress)
        progress(done);
    return true;
}

} // namespace gc::geo
