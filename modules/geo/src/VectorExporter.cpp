#include "gc/geo/VectorExporter.h"

#include "gc/core/PhaseTimer.h"
#include "gc/geo/TextEncoding.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTimeZone>

#include <cpl_vsi.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_spatialref.h>

#include <algorithm>
#include <atomic>
#include <limits>
#include <memory>
#include <optional>
#include <vector>

namespace gc::geo {

Q_LOGGING_CATEGORY(lcExportPhases, "gc.export.phases", QtWarningMsg)

namespace {

// The translation context of this file's messages, declared where lupdate reads it.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(VectorExporter)
};
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
        *error = Tr::tr("无法写入字段对照表 %1：%2").arg(path, file.errorString());
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
        *error = Tr::tr("无法写入字段对照表 %1：%2").arg(path, file.errorString());
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

// The .cpg names the encoding of the DBF strings; GDAL, QGIS and ArcGIS read it first.
bool writeCodePageFile(const QString& shpPath, const QString& encoding) {
    const QFileInfo fi(shpPath);
    QFile cpg(fi.dir().filePath(fi.completeBaseName() + QStringLiteral(".cpg")));
    const QByteArray name = encoding.toLatin1();
    return cpg.open(QIODevice::WriteOnly | QIODevice::Truncate) && cpg.write(name) == name.size();
}

// "yyyy-MM-dd HH:mm:ss": a time in a Shapefile, kept as text (DBF has dates only).
constexpr int kShapefileDateTimeWidth = 19;

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
        return Tr::tr("没有指定输出文件");
    const SrsPtr srs = readSrs(options.crs);
    if (!srs)
        return Tr::tr("未知的坐标系“%1”：PROJ 不认识它（示例：EPSG:4490、EPSG:4326、EPSG:4527）")
            .arg(options.crs);
    if (options.format == VectorFormat::GeoJson && !isWgs84(*srs))
        return Tr::tr("GeoJSON 按 RFC 7946 只能使用 EPSG:4326（WGS 84），不能用 %1；请改用 --crs EPSG:4326，"
                      "或换用 GeoPackage/Shapefile 输出其他坐标系")
            .arg(options.crs);
    if (options.format == VectorFormat::Kml && !isWgs84(*srs))
        return Tr::tr("KML 只能使用 EPSG:4326（WGS 84），不能用 %1").arg(options.crs);
    if (options.format == VectorFormat::Shapefile) {
        if (!options.encoding.isEmpty() && canonicalEncoding(options.encoding).isEmpty())
            return Tr::tr("未知的字符编码“%1”（可用：CP936、UTF-8）").arg(options.encoding);
        if (QFileInfo(options.path).suffix().toLower() != QLatin1String("shp"))
            return Tr::tr("Shapefile 输出文件名应以 .shp 结尾：%1").arg(options.path);
    } else if (!options.encoding.isEmpty() && canonicalEncoding(options.encoding) != QLatin1String("UTF-8")) {
        return Tr::tr("%1 格式总是 UTF-8 编码；只有 Shapefile 可以选择 %2")
            .arg(vectorFormatKey(options.format), options.encoding);
    }
    const QFileInfo fi(options.path);
    if (!fi.absoluteDir().exists())
        return Tr::tr("输出目录不存在：%1").arg(fi.absolutePath());
    if (!options.overwrite && outputExists(options.format, options.path))
        return Tr::tr("%1 已存在；如需覆盖请指定覆盖选项").arg(options.path);
    return {};
}

namespace {

// A Shapefile is written in memory first and then copied out, one write per file: shapelib seeks
// before every record, and each seek flushes the stdio buffer, so writing straight to disk costs
// three system calls per feature. Files too big for that go straight to disk.
class ShapefileStaging {
public:
    explicit ShapefileStaging(const QString& finalPath) : m_finalPath(finalPath) {
        static std::atomic_int counter{0};
        m_dir = QStringLiteral("/vsimem/gridcommand-export-%1-%2")
                    .arg(QCoreApplication::applicationPid())
                    .arg(counter.fetch_add(1));
    }
    ~ShapefileStaging() { VSIRmdirRecursive(m_dir.toUtf8().constData()); }
    ShapefileStaging(const ShapefileStaging&) = delete;
    ShapefileStaging& operator=(const ShapefileStaging&) = delete;

    QString gdalPath() const { return m_dir + QLatin1Char('/') + QFileInfo(m_finalPath).fileName(); }

    // Copies every file GDAL wrote beside the final path.
    bool publish(QString* error) const {
        char** names = VSIReadDir(m_dir.toUtf8().constData());
        bool ok = true;
        for (int i = 0; ok && names && names[i]; ++i) {
            const QString name = QString::fromUtf8(names[i]);
            vsi_l_offset length = 0;
            const GByte* data =
                VSIGetMemFileBuffer((m_dir + QLatin1Char('/') + name).toUtf8().constData(), &length, FALSE);
            QFile out(QFileInfo(m_finalPath).dir().filePath(name));
            ok = (data || length == 0) && out.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
                 out.write(reinterpret_cast<const char*>(data), qint64(length)) == qint64(length);
            if (!ok)
                *error = Tr::tr("无法写入 %1：%2").arg(out.fileName(), out.errorString());
        }
        CSLDestroy(names);
        return ok;
    }

private:
    QString m_finalPath;
    QString m_dir;
};

// Larger Shapefiles (SHP and DBF together; the format allows 2 GB each) are not staged in memory.
constexpr qint64 kMaxStagedBytes = qint64(512) << 20;

qint64 estimatedBytes(const ExportTable& table) {
    qint64 bytes = 0;
    for (const ExportFeature& f : table.features)
        bytes += f.wkb.size() + 16 * f.values.size();
    return bytes;
}

// One export, step by step. The first failure is kept in *error and stops the later steps.
class TableWriter {
public:
    TableWriter(const ExportTable& table, const ExportOptions& options, QString* error)
        : m_table(table), m_options(options), m_error(error), m_encoding(effectiveEncoding(options)),
          m_encoder(m_encoding), m_shapefile(options.format == VectorFormat::Shapefile) {}

    bool run(const std::function<void(int)>& progress, const std::atomic_bool* cancel) {
        std::optional<ShapefileStaging> staging;
        if (m_shapefile && estimatedBytes(m_table) <= kMaxStagedBytes)
            staging.emplace(m_options.path);
        if (m_options.overwrite)
            removeOutput(m_options.format, m_options.path);
        PhaseTimer phases(lcExportPhases(), "write");
        prepareTransform();
        encodeStrings();
        phases.mark("encode strings");
        openDataset(staging ? staging->gdalPath() : m_options.path);
        createLayer();
        createFields();
        writeFeatures(progress, cancel);
        phases.mark("write features");
        closeDataset();
        phases.mark("close");
        if (m_ok && staging && !staging->publish(m_error))
            m_ok = false;
        if (m_ok && m_shapefile)
            writeShapefileSidecars();
        phases.mark("files out");
        if (!m_ok) {
            removeOutput(m_options.format, m_options.path);
            return false;
        }
        if (progress)
            progress(int(m_table.features.size()));
        return true;
    }

private:
    void fail(const QString& message) {
        if (m_ok)
            *m_error = message;
        m_ok = false;
    }

    void prepareTransform() {
        m_target = readSrs(m_options.crs);
        SrsPtr source(new OGRSpatialReference);
        source->importFromEPSG(4490);
        source->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        const char* sameOptions[] = {"IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES", "CRITERION=EQUIVALENT",
                                     nullptr};
        if (m_target->IsSame(source.get(), sameOptions))
            return;
        m_transform.reset(OGRCreateCoordinateTransformation(source.get(), m_target.get()));
        if (!m_transform)
            fail(Tr::tr("无法从 EPSG:4490 转换到 %1：%2").arg(m_options.crs, gdalError()));
    }

    // Strings are encoded here, once, with one converter: the Shapefile driver is told no
    // encoding, so it stores these bytes as they are (its own recoding opens an iconv conversion
    // per string); the .cpg and the language id are written afterwards. Shapefile string widths
    // are the widest value (GDAL's default of 80 bytes would cut long names mid-character), at
    // most the DBF limit.
    void encodeStrings() {
        if (!m_ok)
            return;
        if (!m_encoder.isValid()) {
            fail(Tr::tr("无法按 %1 编码写出文字").arg(m_encoding));
            return;
        }
        m_stringSlot.fill(-1, m_table.fields.size());
        for (int i = 0; i < m_table.fields.size(); ++i)
            if (m_table.fields[i].type == ExportField::Type::String)
                m_stringSlot[i] = m_stringFields++;
        m_widths.fill(1, m_table.fields.size());
        m_encoded.resize(size_t(m_stringFields * m_table.features.size()));
        const qsizetype maxBytes = m_shapefile ? kDbfMaxStringBytes : std::numeric_limits<qsizetype>::max();
        for (qsizetype n = 0; n < m_table.features.size(); ++n) {
            const QVariantList& values = m_table.features[n].values;
            for (int i = 0; i < m_table.fields.size() && i < values.size(); ++i) {
                if (m_stringSlot[i] < 0 || values[i].isNull())
                    continue;
                QByteArray& bytes = encodedString(n, i);
                bytes = m_encoder.encode(values[i].toString(), maxBytes);
                m_widths[i] = std::max(m_widths[i], int(bytes.size()));
            }
        }
    }

    QByteArray& encodedString(qsizetype feature, int field) {
        return m_encoded[size_t(feature * m_stringFields + m_stringSlot[field])];
    }

    void openDataset(const QString& path) {
        if (!m_ok)
            return;
        GDALAllRegister();
        const FormatInfo& fmt = info(m_options.format);
        GDALDriverH driver = GDALGetDriverByName(fmt.driver);
        if (!driver) {
            fail(Tr::tr("GDAL 缺少 %1 驱动").arg(QString::fromLatin1(fmt.driver)));
            return;
        }
        m_ds = GDALCreate(driver, path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr);
        if (!m_ds)
            fail(Tr::tr("无法创建 %1：%2").arg(m_options.path, gdalError()));
    }

    void createLayer() {
        if (!m_ok)
            return;
        CPLStringList layerOptions;
        switch (m_options.format) {
        case VectorFormat::Shapefile:
            layerOptions.SetNameValue("ENCODING", ""); // the strings come encoded: encodeStrings()
            break;
        case VectorFormat::GeoPackage:
            layerOptions.SetNameValue("GEOMETRY_NAME", "geom");
            layerOptions.SetNameValue("FID", "fid");
            layerOptions.SetNameValue("SPATIAL_INDEX", "YES");
            layerOptions.SetNameValue("IDENTIFIER", m_table.layerTitle.toUtf8().constData());
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
        m_geometryType =
            m_table.geometryType == ExportTable::GeometryType::Point ? wkbPoint : wkbMultiPolygon;
        const QByteArray layerName =
            m_shapefile ? QFileInfo(m_options.path).completeBaseName().toUtf8() : m_table.layerName.toUtf8();
        m_layer =
            GDALDatasetCreateLayer(m_ds, layerName.constData(), OGRSpatialReference::ToHandle(m_target.get()),
                                   m_geometryType, layerOptions.List());
        if (!m_layer)
            fail(Tr::tr("无法创建图层：%1").arg(gdalError()));
    }

    void createFields() {
        for (int i = 0; m_ok && i < m_table.fields.size(); ++i) {
            const ExportField& field = m_table.fields[i];
            const OGRFieldType type = ogrType(field.type, m_options.format);
            const QByteArray name = field.name.toLatin1();
            OGRFieldDefnH defn = OGR_Fld_Create(name.constData(), type);
            if (m_shapefile) {
                if (field.type == ExportField::Type::DateTime)
                    OGR_Fld_SetWidth(defn, kShapefileDateTimeWidth);
                else if (type == OFTString)
                    OGR_Fld_SetWidth(defn, m_widths[i]);
                else if (type == OFTReal)
                    OGR_Fld_Set(defn, name.constData(), OFTReal, 20, 4, OJUndefined);
            }
            if (m_options.format == VectorFormat::GeoPackage)
                OGR_Fld_SetAlternativeName(defn, field.label.toUtf8().constData());
            if (OGR_L_CreateField(m_layer, defn, TRUE) != OGRERR_NONE)
                fail(Tr::tr("无法创建字段 %1：%2").arg(field.name, gdalError()));
            OGR_Fld_Destroy(defn);
        }
        if (!m_ok)
            return;
        // Drivers may put fields of their own first (KML: Name, Description; our `name` becomes
        // the placemark name), so values go by field name, not by position.
        OGRFeatureDefnH featureDefn = OGR_L_GetLayerDefn(m_layer);
        for (const ExportField& field : m_table.fields)
            m_targetIndex << OGR_FD_GetFieldIndex(featureDefn, field.name.toLatin1().constData());
    }

    void setField(OGRFeatureH f, qsizetype feature, int i, const QVariant& v) {
        const int target = m_targetIndex[i];
        if (v.isNull() || target < 0)
            return;
        switch (m_table.fields[i].type) {
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
            const QDateTime t = v.toDateTime().toTimeZone(m_china);
            if (!t.isValid())
                break;
            if (m_shapefile) {
                OGR_F_SetFieldString(
                    f, target, t.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")).toLatin1().constData());
            } else {
                const QDate d = t.date();
                const QTime tm = t.time();
                OGR_F_SetFieldDateTimeEx(f, target, d.year(), d.month(), d.day(), tm.hour(), tm.minute(),
                                         float(tm.second()), kChinaTzFlag);
            }
            break;
        }
        case ExportField::Type::String:
            OGR_F_SetFieldString(f, target, encodedString(feature, i).constData());
            break;
        }
    }

    // False (and the reason kept) if the feature's geometry cannot be read or transformed.
    bool setGeometry(OGRFeatureH f, qsizetype feature) {
        const QByteArray& wkb = m_table.features[feature].wkb;
        if (wkb.isEmpty())
            return true;
        OGRGeometryH g = nullptr;
        if (OGR_G_CreateFromWkb(wkb.constData(), nullptr, &g, int(wkb.size())) != OGRERR_NONE || !g) {
            fail(Tr::tr("第 %1 个要素的几何无法解析").arg(feature + 1));
            return false;
        }
        if (m_geometryType == wkbMultiPolygon)
            g = OGR_G_ForceToMultiPolygon(g);
        if (m_transform &&
            OGR_G_Transform(g, OGRCoordinateTransformation::ToHandle(m_transform.get())) != OGRERR_NONE) {
            OGR_G_DestroyGeometry(g);
            fail(Tr::tr("第 %1 个要素无法转换到 %2").arg(feature + 1).arg(m_options.crs));
            return false;
        }
        OGR_F_SetGeometryDirectly(f, g);
        return true;
    }

    void writeFeatures(const std::function<void(int)>& progress, const std::atomic_bool* cancel) {
        if (!m_ok)
            return;
        // One transaction: a GeoPackage is written all at once (and fast); for the other
        // drivers this is emulated or a no-op.
        m_transaction = m_options.format == VectorFormat::GeoPackage;
        if (m_transaction && GDALDatasetStartTransaction(m_ds, FALSE) != OGRERR_NONE) {
            m_transaction = false;
            fail(Tr::tr("无法开始事务：%1").arg(gdalError()));
            return;
        }
        // One feature object for every row: fields are overwritten or unset, the geometry replaced.
        OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(m_layer));
        const QVariant none;
        QVariant deferredValue;
        for (qsizetype n = 0; m_ok && n < m_table.features.size(); ++n) {
            if (cancel && cancel->load(std::memory_order_relaxed)) {
                fail(Tr::tr("已取消"));
                break;
            }
            const QVariantList& values = m_table.features[n].values;
            for (int i = 0; i < m_table.fields.size(); ++i) {
                const ExportField& field = m_table.fields[i];
                const QVariant& v = field.deferred      ? (deferredValue = field.deferred(n))
                                    : i < values.size() ? values[i]
                                                        : none;
                if (m_targetIndex[i] >= 0)
                    OGR_F_UnsetField(f, m_targetIndex[i]);
                setField(f, n, i, v);
            }
            OGR_F_SetFID(f, OGRNullFID);
            if (setGeometry(f, n) && OGR_L_CreateFeature(m_layer, f) != OGRERR_NONE)
                fail(Tr::tr("写入第 %1 个要素失败：%2").arg(n + 1).arg(gdalError()));
            if (progress && (n + 1) % 1000 == 0)
                progress(int(n + 1));
        }
        OGR_F_Destroy(f);
    }

    void closeDataset() {
        if (m_transaction && m_ok && GDALDatasetCommitTransaction(m_ds) != OGRERR_NONE)
            fail(Tr::tr("提交失败：%1").arg(gdalError()));
        else if (m_transaction && !m_ok)
            GDALDatasetRollbackTransaction(m_ds);
        if (m_ds)
            GDALClose(m_ds);
        m_ds = nullptr;
    }

    void writeShapefileSidecars() {
        if (!writeCodePageFile(m_options.path, m_encoding))
            fail(Tr::tr("无法写入 .cpg 编码文件：%1").arg(m_options.path));
        else if (!patchLanguageDriverId(m_options.path, dbfLanguageDriverId(m_encoding)))
            fail(Tr::tr("无法写入 DBF 语言标识：%1").arg(m_options.path));
        else if (!writeMappingFile(m_table, VectorExporter::mappingFilePath(m_options.path), m_error))
            m_ok = false;
    }

    const ExportTable& m_table;
    const ExportOptions& m_options;
    QString* m_error;
    const QString m_encoding;
    TextEncoder m_encoder;
    const bool m_shapefile;
    const QTimeZone m_china{8 * 3600};
    bool m_ok = true;
    bool m_transaction = false;
    SrsPtr m_target;
    std::unique_ptr<OGRCoordinateTransformation> m_transform;
    GDALDatasetH m_ds = nullptr;
    OGRLayerH m_layer = nullptr;
    OGRwkbGeometryType m_geometryType = wkbUnknown;
    QList<int> m_targetIndex;
    QList<qsizetype> m_stringSlot;
    qsizetype m_stringFields = 0;
    QList<int> m_widths;
    std::vector<QByteArray> m_encoded; // feature-major: [feature * m_stringFields + slot]
};

} // namespace

bool VectorExporter::write(const ExportTable& table, const ExportOptions& options, QString* error,
                           const std::function<void(int)>& progress, const std::atomic_bool* cancel) {
    QString localError;
    if (!error)
        error = &localError;
    if (const QString problem = check(options); !problem.isEmpty()) {
        *error = problem;
        return false;
    }
    return TableWriter(table, options, error).run(progress, cancel);
}

} // namespace gc::geo
