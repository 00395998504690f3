#include "gc/geo/VectorExporter.h"

#include "gc/core/OutputStaging.h"
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
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include <sys/stat.h>

namespace gc::geo {

Q_LOGGING_CATEGORY(lcExportPhases, "gc.export.phases", QtWarningMsg)
// GDAL's own messages during an export; a failure reaches the user as one line built from GDAL's
// last error instead. QT_LOGGING_RULES="gc.export.gdal.info=true" shows them.
Q_LOGGING_CATEGORY(lcExportGdal, "gc.export.gdal", QtWarningMsg)

namespace {

// The translation context of this file's messages, declared where lupdate reads it.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(VectorExporter)
};
QString gdalError() {
    return QString::fromUtf8(CPLGetLastErrorMsg());
}
QString errnoText(int error) {
    return OutputStaging::errorText(error);
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

// What a Shapefile output consists of. The spatial indexes are only ever a previous output's: the
// new one does not write them, so replacing the output removes them rather than let them describe
// the old file.
constexpr const char* kShapefileSuffixes[] = {".shp", ".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx"};

// Shapefile and CSV take a folder as ogr2ogr does: one that exists, or a path ending in '/'.
bool isFolderOutput(const ExportOptions& options) {
    if (options.format != VectorFormat::Shapefile && options.format != VectorFormat::Csv)
        return false;
    return options.path.endsWith(QLatin1Char('/')) || QFileInfo(options.path).isDir();
}

// Every file written or replaced when `format` is written to `path`.
QStringList filesOf(VectorFormat format, const QString& path) {
    const QFileInfo fi(path);
    const QString base = fi.dir().filePath(fi.completeBaseName());
    switch (format) {
    case VectorFormat::Shapefile: {
        QStringList files{path};
        for (const char* suffix : kShapefileSuffixes)
            if (base + QLatin1String(suffix) != path)
                files << base + QLatin1String(suffix);
        return files << VectorExporter::mappingFilePath(path);
    }
    case VectorFormat::Csv:
        return {path, base + QStringLiteral(".csvt"), base + QStringLiteral(".prj")};
    case VectorFormat::GeoPackage:
    case VectorFormat::GeoJson:
    case VectorFormat::Kml:
        break;
    }
    return {path};
}

bool anyExists(const QStringList& files) {
    return std::any_of(files.begin(), files.end(), [](const QString& f) {
        const QFileInfo fi(f);
        return fi.exists() || fi.isSymLink();
    });
}

// Writes `data` as a new file through GDAL's VSI layer (a real path or /vsimem), every step
// checked: a full disk or a file size limit shows only in the write's count or in the close.
bool writeFileChecked(const QString& path, const char* data, size_t length, QString* error) {
    VSILFILE* file = VSIFOpenL(path.toUtf8().constData(), "wb");
    bool ok = file != nullptr;
    int failure = ok ? 0 : errno;
    if (ok && length > 0 && VSIFWriteL(data, 1, length, file) != length) {
        ok = false;
        failure = errno;
    }
    if (file && VSIFCloseL(file) != 0 && ok) {
        ok = false;
        failure = errno;
    }
    if (!ok)
        *error = Tr::tr("无法写入 %1：%2").arg(QFileInfo(path).fileName(), errnoText(failure));
    return ok;
}

bool writeMappingFile(const ExportTable& table, const QString& path, QString* error) {
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
    return writeFileChecked(path, out.constData(), size_t(out.size()), error);
}

// Byte 29 of the DBF header names the code page for readers that never look at the .cpg.
bool patchLanguageDriverId(const QString& shpPath, int ldid) {
    if (ldid == 0)
        return true;
    const QFileInfo fi(shpPath);
    const QString dbfPath = fi.dir().filePath(fi.completeBaseName() + QStringLiteral(".dbf"));
    VSILFILE* dbf = VSIFOpenL(dbfPath.toUtf8().constData(), "r+b");
    if (!dbf)
        return false;
    const char byte = char(ldid);
    const bool written = VSIFSeekL(dbf, 29, SEEK_SET) == 0 && VSIFWriteL(&byte, 1, 1, dbf) == 1;
    return VSIFCloseL(dbf) == 0 && written;
}

// The .cpg names the encoding of the DBF strings; GDAL, QGIS and ArcGIS read it first.
bool writeCodePageFile(const QString& shpPath, const QString& encoding, QString* error) {
    const QFileInfo fi(shpPath);
    const QByteArray name = encoding.toLatin1();
    return writeFileChecked(fi.dir().filePath(fi.completeBaseName() + QStringLiteral(".cpg")),
                            name.constData(), size_t(name.size()), error);
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

QString VectorExporter::outputPath(const ExportOptions& options) {
    if (!isFolderOutput(options))
        return options.path;
    return QDir(options.path)
        .filePath(options.layerName + QLatin1Char('.') + vectorFormatSuffix(options.format));
}

QStringList VectorExporter::outputFiles(const ExportOptions& options) {
    return filesOf(options.format, outputPath(options));
}

QString VectorExporter::check(const ExportOptions& options) {
    if (options.path.isEmpty())
        return Tr::tr("没有指定输出文件");
    const QStringList outputs = outputFiles(options);
    // First, whatever else is wrong: this is the mistake that destroys a county.
    if (const auto [output, file] = OutputStaging::reachedProtectedFile(outputs, options.protectedFiles);
        !file.isEmpty())
        return Tr::tr(
                   "不能写入 %1：它指向正在读取的县域数据 %2（或其 -wal/-shm/-journal 文件），写入会毁掉它")
            .arg(output, file);
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
    const bool folder = isFolderOutput(options);
    if (options.format == VectorFormat::Shapefile) {
        if (!options.encoding.isEmpty() && canonicalEncoding(options.encoding).isEmpty())
            return Tr::tr("未知的字符编码“%1”（可用：CP936、UTF-8）").arg(options.encoding);
        if (!folder && QFileInfo(options.path).suffix().toLower() != QLatin1String("shp"))
            return Tr::tr("Shapefile 输出文件名应以 .shp 结尾，或给出一个文件夹（已存在或以 / 结尾）：%1")
                .arg(options.path);
    } else if (!options.encoding.isEmpty() && canonicalEncoding(options.encoding) != QLatin1String("UTF-8")) {
        return Tr::tr("%1 格式总是 UTF-8 编码；只有 Shapefile 可以选择 %2")
            .arg(vectorFormatKey(options.format), options.encoding);
    }
    // GDAL's CSV driver makes a folder of any other name: a file stays a file.
    if (options.format == VectorFormat::Csv && !folder &&
        QFileInfo(options.path).suffix().toLower() != QLatin1String("csv"))
        return Tr::tr("CSV 输出文件名应以 .csv 结尾，或给出一个文件夹（已存在或以 / 结尾）：%1")
            .arg(options.path);
    if (folder && options.layerName.isEmpty())
        return Tr::tr("没有图层名，无法在文件夹 %1 中命名输出文件").arg(options.path);
    const QFileInfo out(outputPath(options));
    const QFileInfo dir(out.absolutePath());
    if (dir.exists() && !dir.isDir())
        return Tr::tr("%1 不是文件夹").arg(dir.filePath());
    // A folder output is made if missing, as ogr2ogr makes it: one level, in a folder that exists.
    if (!dir.exists() && !(folder && QFileInfo(dir.absolutePath()).isDir()))
        return Tr::tr("输出目录不存在：%1").arg(dir.filePath());
    if (out.isDir())
        return Tr::tr("%1 是文件夹，不能写成 %2 文件").arg(out.filePath(), vectorFormatKey(options.format));
    for (const QString& output : outputs)
        if (QFileInfo::exists(output + QStringLiteral("-wal")) ||
            QFileInfo::exists(output + QStringLiteral("-shm")))
            return Tr::tr("不能覆盖 %1：它是一个正被打开的 SQLite 数据库（旁边有 -wal/-shm 文件）")
                .arg(output);
    if (!options.overwrite && anyExists(outputs))
        return Tr::tr("%1 已存在；如需覆盖请指定覆盖选项").arg(out.filePath());
    return {};
}

namespace {

// While it lives, GDAL's messages on this thread go to lcExportGdal rather than stderr.
class GdalMessagesToLog {
public:
    GdalMessagesToLog() { CPLPushErrorHandler(log); }
    ~GdalMessagesToLog() { CPLPopErrorHandler(); }
    GdalMessagesToLog(const GdalMessagesToLog&) = delete;
    GdalMessagesToLog& operator=(const GdalMessagesToLog&) = delete;

private:
    static void CPL_STDCALL log(CPLErr level, CPLErrorNum number, const char* message) {
        qCInfo(lcExportGdal, "GDAL %d (%d): %s", int(level), int(number), message);
    }
};

// All formats but GeoPackage (SQLite wants a real file) are written in memory first and copied
// out, one checked write per file. GDAL's GeoJSON, KML and CSV writers do not check their own
// writes, so a full disk would otherwise pass unseen; and shapelib seeks before every record,
// each seek flushing the stdio buffer, so writing a Shapefile straight to disk costs three system
// calls per feature. Files too big for memory go straight to disk and are read back instead.
class MemoryStaging {
public:
    MemoryStaging() {
        static std::atomic_int counter{0};
        m_dir = QStringLiteral("/vsimem/gridcommand-export-%1-%2")
                    .arg(QCoreApplication::applicationPid())
                    .arg(counter.fetch_add(1));
        // Made explicitly: GDAL's CSV driver writes a file only where it sees a folder.
        VSIMkdir(m_dir.toUtf8().constData(), 0700);
    }
    ~MemoryStaging() { VSIRmdirRecursive(m_dir.toUtf8().constData()); }
    MemoryStaging(const MemoryStaging&) = delete;
    MemoryStaging& operator=(const MemoryStaging&) = delete;

    QString dir() const { return m_dir; }

    // Copies every file GDAL wrote into `folder`.
    bool publish(const QString& folder, QString* error) const {
        char** names = VSIReadDir(m_dir.toUtf8().constData());
        bool ok = true;
        for (int i = 0; ok && names && names[i]; ++i) {
            const QString name = QString::fromUtf8(names[i]);
            vsi_l_offset length = 0;
            const GByte* data =
                VSIGetMemFileBuffer((m_dir + QLatin1Char('/') + name).toUtf8().constData(), &length, FALSE);
            ok =
                (data || length == 0) && writeFileChecked(QDir(folder).filePath(name),
                                                          reinterpret_cast<const char*>(data), length, error);
        }
        CSLDestroy(names);
        return ok;
    }

private:
    QString m_dir;
};

// Larger outputs (a Shapefile's SHP and DBF together; the format allows 2 GB each) are not staged
// in memory.
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
        // Through a symlink the file it names is replaced, as ogr2ogr would write through it.
        m_finalPath = OutputStaging::reachedPath(VectorExporter::outputPath(m_options));
        const GdalMessagesToLog quiet;
        OutputStaging output(m_finalPath);
        if (!output.create(m_error))
            return false;
        std::optional<MemoryStaging> memory;
        if (m_options.format != VectorFormat::GeoPackage && estimatedBytes(m_table) <= kMaxStagedBytes)
            memory.emplace();
        const QString gdalPath =
            (memory ? memory->dir() : output.dir()) + QLatin1Char('/') + QFileInfo(m_finalPath).fileName();
        PhaseTimer phases(lcExportPhases(), "write");
        prepareTransform();
        encodeStrings();
        phases.mark("encode strings");
        openDataset(gdalPath);
        createLayer();
        createFields();
        writeFeatures(progress, cancel);
        phases.mark("write features");
        closeDataset();
        phases.mark("close");
        if (m_ok && m_shapefile)
            writeShapefileSidecars(gdalPath);
        if (m_ok && memory && !memory->publish(output.dir(), m_error))
            m_ok = false;
        else if (m_ok && !memory && m_options.format != VectorFormat::GeoPackage)
            verifyWritten(gdalPath);
        if (m_ok && !output.commit(filesOf(m_options.format, m_finalPath), m_error))
            m_ok = false;
        phases.mark("files out");
        if (!m_ok)
            return false;
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
            m_shapefile ? QFileInfo(m_finalPath).completeBaseName().toUtf8() : m_table.layerName.toUtf8();
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

    // GDAL reports a failed write (SQLITE_FULL, a short write) in its error state, some of it
    // only at commit (a GeoPackage builds its spatial index and extent then) or at close.
    void closeDataset() {
        CPLErrorReset();
        if (m_transaction && m_ok && GDALDatasetCommitTransaction(m_ds) != OGRERR_NONE)
            fail(Tr::tr("提交失败：%1").arg(gdalError()));
        else if (m_transaction && !m_ok)
            GDALDatasetRollbackTransaction(m_ds);
        if (m_ok && CPLGetLastErrorType() >= CE_Failure)
            fail(Tr::tr("提交失败：%1").arg(gdalError()));
        if (!m_ds)
            return;
        CPLErrorReset();
        GDALClose(m_ds);
        m_ds = nullptr;
        if (m_ok && CPLGetLastErrorType() >= CE_Failure)
            fail(Tr::tr("无法写完 %1：%2").arg(m_options.path, gdalError()));
    }

    // A file GDAL wrote straight to disk is read back: it must hold every feature.
    void verifyWritten(const QString& path) {
        const char* const drivers[] = {info(m_options.format).driver, nullptr};
        GDALDatasetH ds = GDALOpenEx(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers,
                                     nullptr, nullptr);
        OGRLayerH layer = ds ? GDALDatasetGetLayer(ds, 0) : nullptr;
        const GIntBig count = layer ? OGR_L_GetFeatureCount(layer, TRUE) : -1;
        if (ds)
            GDALClose(ds);
        if (count != GIntBig(m_table.features.size()))
            fail(Tr::tr("写出的 %1 不完整（磁盘已满或超出文件大小限制？）").arg(m_options.path));
    }

    void writeShapefileSidecars(const QString& shpPath) {
        if (!writeCodePageFile(shpPath, m_encoding, m_error))
            m_ok = false;
        else if (!patchLanguageDriverId(shpPath, dbfLanguageDriverId(m_encoding)))
            fail(Tr::tr("无法写入 DBF 语言标识：%1").arg(m_options.path));
        else if (!writeMappingFile(m_table, VectorExporter::mappingFilePath(shpPath), m_error))
            m_ok = false;
    }

    const ExportTable& m_table;
    const ExportOptions& m_options;
    QString* m_error;
    const QString m_encoding;
    TextEncoder m_encoder;
    const bool m_shapefile;
    const QTimeZone m_china{8 * 3600};
    QString m_finalPath; // the output, symlinks resolved
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
