// `gridctl export`: grids or tickets of a county to Shapefile, GeoPackage, GeoJSON, KML or CSV in
// any CRS; and `gridctl bench-export`, which times it against ogr2ogr on the same layer.
#include "Command.h"

#include "gc/core/ChinaTime.h"
#include "gc/risk/RiskService.h"
#include "gc/store/CountyExport.h"
#include "gc/store/CountyStore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>

namespace gc::cli {
namespace {

struct ExportRun {
    int features = 0;
    double seconds = 0;
};

// The whole export, timed: CountyExport::run opens, gathers and writes, as the GUI runs it too.
bool exportCounty(const QString& county, const CountyExport::Content& content,
                  const geo::ExportOptions& options, ExportRun* run, QString* error) {
    QElapsedTimer timer;
    timer.start();
    if (!CountyExport::run(county, content, options, &run->features, error))
        return false;
    run->seconds = timer.elapsed() / 1000.0;
    return true;
}

// Gi* of the exported level (tickets of the last 90 days, as `gridctl hotspots`) as four columns.
bool addHotSpotColumns(CountyStore& store, geo::ExportTable& table, GridLevel level, const QDateTime& now,
                       QString* error) {
    using Field = geo::ExportField;
    constexpr int kDays = 90;
    const qsizetype codeColumn = 0;
    Q_ASSERT(table.fields.value(codeColumn).name == QLatin1String("code"));
    QHash<QString, HotSpot> byCode;
    const auto levels = RiskService::hotSpotsOf(store, {level}, kDays, error, now);
    if (!error->isEmpty())
        return false;
    for (const QList<HotSpot>& spots : levels)
        for (const HotSpot& s : spots)
            byCode.insert(s.code, s);
    table.fields << Field{QStringLiteral("hs_count"), QStringLiteral("热点工单数"),
                          QStringLiteral("近%1天工单数（合并、无效除外），Gi* 的输入").arg(kDays),
                          Field::Type::Integer}
                 << Field{QStringLiteral("hs_z"), QStringLiteral("热点z值"),
                          QStringLiteral("Getis-Ord Gi* z 值"), Field::Type::Real}
                 << Field{QStringLiteral("hs_p"), QStringLiteral("热点p值"), QStringLiteral("双侧 p 值"),
                          Field::Type::Real}
                 << Field{QStringLiteral("hs_bin"), QStringLiteral("热点分级"),
                          QStringLiteral("±3/±2/±1：99/95/90% 置信的热点（正）或冷点（负），0 不显著"),
                          Field::Type::Integer};
    for (geo::ExportFeature& f : table.features) {
        const auto it = byCode.constFind(f.values.value(codeColumn).toString());
        if (it == byCode.cend()) {
            f.values << QVariant() << QVariant() << QVariant() << QVariant();
            continue;
        }
        f.values << int(it->count) << it->z << it->p << it->bin;
    }
    return true;
}

int runExport(const QStringList& arguments) {
    const QString verb = QStringLiteral("export");
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("county.gpkg"), QStringLiteral("County file."));
    const QCommandLineOption what(
        QStringLiteral("what"),
        QStringLiteral("grids, tickets, or hotspots (grids with Getis-Ord Gi* of the tickets of the last 90 "
                       "days: hs_count, hs_z, hs_p, hs_bin)."),
        QStringLiteral("WHAT"), QStringLiteral("grids"));
    const QCommandLineOption level(
        QStringLiteral("level"),
        QStringLiteral("Level of the grids: county, street, community, grid, building."), QStringLiteral("L"),
        QStringLiteral("grid"));
    const QCommandLineOption format(
        QStringLiteral("format"),
        QStringLiteral("shp, gpkg, geojson (EPSG:4326 only), kml (EPSG:4326 only) or csv."),
        QStringLiteral("F"));
    const QCommandLineOption crs(
        QStringLiteral("crs"),
        QStringLiteral("Target CRS, anything PROJ knows: EPSG:4490, EPSG:4326, EPSG:4543 …"),
        QStringLiteral("CRS"));
    const QCommandLineOption encoding(QStringLiteral("encoding"),
                                      QStringLiteral("Shapefile text encoding: CP936 (default) or UTF-8."),
                                      QStringLiteral("E"));
    const QCommandLineOption out(
        QStringLiteral("out"),
        QStringLiteral("Output file; for shp and csv also a folder (existing or ending in /, made if "
                       "missing), written as FOLDER/<layer>.shp like ogr2ogr."),
        QStringLiteral("PATH"));
    const QCommandLineOption overwrite(QStringLiteral("overwrite"),
                                       QStringLiteral("Replace an existing output."));
    const QCommandLineOption people(
        QStringLiteral("include-personal-data"),
        QStringLiteral("Also export people's data (phone numbers, reporters, addresses)."));
    const QCommandLineOption now(
        QStringLiteral("now"),
        QStringLiteral("Reference time for \"last 30 days\", ISO 8601 (default: now)."),
        QStringLiteral("TIME"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print a summary as JSON."));
    p.addOptions({what, level, format, crs, encoding, out, overwrite, people, now, json});
    int code = 0;
    if (!parse(p, verb, QStringLiteral("Export grids or tickets for QGIS/ArcGIS in any CRS and encoding."),
               arguments, &code))
        return code;
    if (p.positionalArguments().size() != 1)
        return fail(verb, QStringLiteral("expected one county file"), 2);
    const QString whatValue = p.value(what);
    if (whatValue != QLatin1String("grids") && whatValue != QLatin1String("tickets") &&
        whatValue != QLatin1String("hotspots"))
        return fail(verb, QStringLiteral("--what must be grids, tickets or hotspots"), 2);
    const auto levelValue = GridLevels::parse(p.value(level));
    if (!levelValue)
        return fail(verb,
                    QStringLiteral("unknown level \"%1\" (use %2)")
                        .arg(p.value(level), GridLevels::keys().join(QStringLiteral(", "))),
                    2);
    if (!p.isSet(format))
        return fail(verb,
                    QStringLiteral("--format is required (%1)")
                        .arg(geo::vectorFormatKeys().join(QStringLiteral(", "))),
                    2);
    const auto formatValue = geo::parseVectorFormat(p.value(format));
    if (!formatValue)
        return fail(verb,
                    QStringLiteral("unknown format \"%1\" (use %2)")
                        .arg(p.value(format), geo::vectorFormatKeys().join(QStringLiteral(", "))),
                    2);
    if (!p.isSet(crs))
        return fail(verb, QStringLiteral("--crs is required, e.g. --crs EPSG:4490"), 2);
    if (!p.isSet(out))
        return fail(verb, QStringLiteral("--out is required"), 2);
    QDateTime reference = chinaNow();
    if (p.isSet(now)) {
        reference = QDateTime::fromString(p.value(now), Qt::ISODate);
        if (!reference.isValid())
            return fail(verb, QStringLiteral("--now is not an ISO 8601 time: %1").arg(p.value(now)), 2);
    }
    geo::ExportOptions options;
    options.format = *formatValue;
    options.crs = p.value(crs);
    options.encoding = p.value(encoding);
    options.path = p.value(out);
    options.overwrite = p.isSet(overwrite);
    const QString county = p.positionalArguments().first();
    CountyExport::Content content;
    content.what = whatValue == QLatin1String("tickets") ? CountyExport::Content::What::Tickets
                                                         : CountyExport::Content::What::Grids;
    content.level = *levelValue;
    content.includePeople = p.isSet(people);
    content.now = reference;
    if (whatValue == QLatin1String("hotspots"))
        content.addColumns = [reference, level = *levelValue](CountyStore& store, geo::ExportTable& table,
                                                              QString* error) {
            return addHotSpotColumns(store, table, level, reference, error);
        };
    // Everything that can be refused is refused before the county is even opened.
    if (const QString problem = CountyExport::check(county, content, options); !problem.isEmpty())
        return fail(verb, problem, 2);
    ExportRun run;
    QString error;
    if (!exportCounty(county, content, options, &run, &error))
        return fail(verb, error);
    const QString written = CountyExport::outputPath(county, content, options);
    // An empty layer is a valid file, as ogr2ogr writes it; but a user expecting data should know.
    if (run.features == 0)
        fail(verb, QStringLiteral("警告：没有可导出的要素，%1 是一个空图层").arg(written), 0);
    const QJsonObject summary{{QStringLiteral("out"), written},
                              {QStringLiteral("format"), geo::vectorFormatKey(options.format)},
                              {QStringLiteral("crs"), options.crs},
                              {QStringLiteral("features"), run.features},
                              {QStringLiteral("seconds"), run.seconds}};
    if (p.isSet(json))
        printJson(QJsonDocument(summary));
    else
        printLine(QStringLiteral("%1: %2 个要素（%3，%4），用时 %5 s")
                      .arg(written)
                      .arg(run.features)
                      .arg(geo::vectorFormatKey(options.format), options.crs)
                      .arg(run.seconds, 0, 'f', 2));
    return 0;
}

double median(QList<double> values) {
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values[values.size() / 2];
}

int runBenchExport(const QStringList& arguments) {
    const QString verb = QStringLiteral("bench-export");
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("county.gpkg"), QStringLiteral("County file."));
    const QCommandLineOption level(QStringLiteral("level"), QStringLiteral("Level to export."),
                                   QStringLiteral("L"), QStringLiteral("grid"));
    const QCommandLineOption repeat(QStringLiteral("repeat"),
                                    QStringLiteral("Runs per measurement (median)."), QStringLiteral("N"),
                                    QStringLiteral("3"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print figures as JSON."));
    p.addOptions({level, repeat, json});
    int code = 0;
    if (!parse(p, verb,
               QStringLiteral(
                   "Time `gridctl export` against ogr2ogr writing the same layer (Shapefile, GeoPackage)."),
               arguments, &code))
        return code;
    if (p.positionalArguments().size() != 1)
        return fail(verb, QStringLiteral("expected one county file"), 2);
    const auto levelValue = GridLevels::parse(p.value(level));
    if (!levelValue)
        return fail(verb, QStringLiteral("unknown level \"%1\"").arg(p.value(level)), 2);
    const int runs = std::max(1, p.value(repeat).toInt());
    const QString county = p.positionalArguments().first();
    const QString ogr2ogr = QStandardPaths::findExecutable(QStringLiteral("ogr2ogr"));
    if (ogr2ogr.isEmpty())
        return fail(verb, QStringLiteral("ogr2ogr not found (apt-get install gdal-bin)"));
    QTemporaryDir dir;
    if (!dir.isValid())
        return fail(verb, QStringLiteral("cannot create a temporary directory"));
    const QString table = GridLevels::tableName(*levelValue);

    QJsonArray results;
    int counter = 0;
    for (const geo::VectorFormat format : {geo::VectorFormat::Shapefile, geo::VectorFormat::GeoPackage}) {
        QList<double> ours, theirs;
        int features = 0;
        for (int r = 0; r < runs; ++r) {
            const QString suffix = geo::vectorFormatSuffix(format);
            // ogr2ogr writes the same layer, same CRS, same encoding, one transaction.
            const QString theirPath = dir.filePath(QStringLiteral("ogr_%1.%2").arg(++counter).arg(suffix));
            QStringList args = {QStringLiteral("-f"),
                                format == geo::VectorFormat::Shapefile ? QStringLiteral("ESRI Shapefile")
                                                                       : QStringLiteral("GPKG"),
                                theirPath, county, table};
            if (format == geo::VectorFormat::Shapefile)
                args << QStringLiteral("-lco") << QStringLiteral("ENCODING=CP936");
            QElapsedTimer timer;
            timer.start();
            QProcess process;
            process.start(ogr2ogr, args);
            if (!process.waitForFinished(600000) || process.exitCode() != 0)
                return fail(verb, QStringLiteral("ogr2ogr failed: %1")
                                      .arg(QString::fromLocal8Bit(process.readAllStandardError()).trimmed()));
            theirs << timer.elapsed() / 1000.0;

            geo::ExportOptions options;
            options.format = format;
            options.crs = QStringLiteral("EPSG:4490");
            options.path = dir.filePath(QStringLiteral("ours_%1.%2").arg(++counter).arg(suffix));
            ExportRun run;
            QString error;
            CountyExport::Content content;
            content.level = *levelValue;
            content.now = chinaNow();
            if (!exportCounty(county, content, options, &run, &error))
                return fail(verb, error);
            ours << run.seconds;
            features = run.features;
        }
        const double ourSeconds = median(ours);
        const double theirSeconds = median(theirs);
        results.append(
            QJsonObject{{QStringLiteral("format"), geo::vectorFormatKey(format)},
                        {QStringLiteral("features"), features},
                        {QStringLiteral("gridctl_seconds"), ourSeconds},
                        {QStringLiteral("ogr2ogr_seconds"), theirSeconds},
                        {QStringLiteral("ratio"), theirSeconds > 0 ? ourSeconds / theirSeconds : 0.0}});
    }
    if (p.isSet(json)) {
        printJson(QJsonDocument(QJsonObject{{QStringLiteral("county"), county},
                                            {QStringLiteral("level"), GridLevels::key(*levelValue)},
                                            {QStringLiteral("runs"), runs},
                                            {QStringLiteral("results"), results}}));
        return 0;
    }
    for (const QJsonValue& v : results) {
        const QJsonObject o = v.toObject();
        printLine(QStringLiteral("%1: %2 features, gridctl export %3 s, ogr2ogr %4 s, ratio %5")
                      .arg(o[QStringLiteral("format")].toString())
                      .arg(o[QStringLiteral("features")].toInt())
                      .arg(o[QStringLiteral("gridctl_seconds")].toDouble(), 0, 'f', 3)
                      .arg(o[QStringLiteral("ogr2ogr_seconds")].toDouble(), 0, 'f', 3)
                      .arg(o[QStringLiteral("ratio")].toDouble(), 0, 'f', 2));
    }
    return 0;
}

const Registrar
    exportRegistrar(QStringLiteral("export"),
                    QStringLiteral("Export grids or tickets (shp, gpkg, geojson, kml, csv) in any CRS"),
                    runExport);
const Registrar benchRegistrar(QStringLiteral("bench-export"),
                               QStringLiteral("Time export against ogr2ogr (Shapefile and GeoPackage)"),
                               runBenchExport);

} // namespace
} // namespace gc::cli
