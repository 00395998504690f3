// `gridctl import`: one hierarchy level of a county from any OGR vector source.
#include "Command.h"

#include "gc/store/CountyImport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace gc::cli {
namespace {

int runImport(const QStringList& arguments) {
    const QString verb = QStringLiteral("import");
    QCommandLineParser p;
    p.addPositionalArgument(
        QStringLiteral("SRC"),
        QStringLiteral("Shapefile (.shp or .zip), GeoPackage, GeoJSON, KML … with polygons."));
    const QCommandLineOption into(
        QStringLiteral("into"),
        QStringLiteral("County file. Only --level county creates it when it does not exist (its one "
                       "feature names the county); other levels need an existing county."),
        QStringLiteral("county.gpkg"));
    const QCommandLineOption level(QStringLiteral("level"),
                                   QStringLiteral("Level: county, street, community, grid, building."),
                                   QStringLiteral("L"));
    const QCommandLineOption codeField(QStringLiteral("code-field"),
                                       QStringLiteral("Field with the grid code."), QStringLiteral("F"));
    const QCommandLineOption nameField(QStringLiteral("name-field"), QStringLiteral("Field with the name."),
                                       QStringLiteral("F"));
    const QCommandLineOption parentField(
        QStringLiteral("parent-field"),
        QStringLiteral("Field with the parent code (default: largest overlap)."), QStringLiteral("F"));
    const QCommandLineOption encoding(
        QStringLiteral("encoding"), QStringLiteral("Text encoding of a Shapefile without .cpg (e.g. CP936)."),
        QStringLiteral("E"));
    const QCommandLineOption assumeCrs(
        QStringLiteral("assume-crs"),
        QStringLiteral("CRS of the source's coordinates, e.g. EPSG:4527; needed when it declares "
                       "none, and overrides a declared one that is wrong."),
        QStringLiteral("CRS"));
    const QCommandLineOption layer(
        QStringLiteral("layer"),
        QStringLiteral(
            "Layer of a source with several (default: the only one, else the first polygon layer)."),
        QStringLiteral("NAME"));
    const QCommandLineOption codes(
        QStringLiteral("codes"),
        QStringLiteral("What to do with the source's codes: check (default: standard codes, 6/9/12/15/18 "
                       "digits each prefixed by its parent's), keep (store them as they are; unique in the "
                       "county), generate (assign standard codes under each parent, keep the source's "
                       "code in source_code). A grid may hang directly under a street when the county has "
                       "no communities and --parent-field names street codes."),
        QStringLiteral("MODE"), QStringLiteral("check"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print a summary as JSON."));
    const QCommandLineOption quiet(QStringLiteral("quiet"), QStringLiteral("No progress on stderr."));
    p.addOptions(
        {into, level, layer, codeField, nameField, parentField, codes, encoding, assumeCrs, json, quiet});
    int code = 0;
    if (!parse(p, verb, QStringLiteral("Import one level of grid boundaries into a county (all or nothing)."),
               arguments, &code))
        return code;
    if (p.positionalArguments().size() != 1)
        return fail(verb, QStringLiteral("expected one source file"), 2);
    if (!p.isSet(into))
        return fail(verb, QStringLiteral("--into is required"), 2);
    if (!p.isSet(level))
        return fail(
            verb,
            QStringLiteral("--level is required (%1)").arg(GridLevels::keys().join(QStringLiteral(", "))), 2);
    const auto levelValue = GridLevels::parse(p.value(level));
    if (!levelValue)
        return fail(verb,
                    QStringLiteral("level \"%1\" does not exist (use %2)")
                        .arg(p.value(level), GridLevels::keys().join(QStringLiteral(", "))),
                    2);
    const auto codesValue = parseImportCodes(p.value(codes));
    if (!codesValue)
        return fail(
            verb,
            QStringLiteral("--codes \"%1\" does not exist (use check, keep, generate)").arg(p.value(codes)),
            2);
    ImportRequest request;
    request.codes = *codesValue;
    request.source.path = p.positionalArguments().first();
    request.source.layer = p.value(layer);
    request.source.codeField = p.value(codeField);
    request.source.nameField = p.value(nameField);
    request.source.parentField = p.value(parentField);
    request.source.encoding = p.value(encoding);
    request.source.assumeCrs = p.value(assumeCrs);
    request.countyPath = p.value(into);
    request.level = *levelValue;
    ImportReport report;
    QString error;
    const bool showProgress = !p.isSet(quiet) && !p.isSet(json);
    if (!CountyImport::run(request, &report, &error, [&](const QString& stage, int percent) {
            if (showProgress)
                QTextStream(stderr) << QStringLiteral("[%1%] %2\n").arg(percent, 3).arg(stage);
        }))
        return fail(verb, error);
    if (p.isSet(json)) {
        printJson(QJsonDocument(
            QJsonObject{{QStringLiteral("imported"), report.imported},
                        {QStringLiteral("level"), GridLevels::key(request.level)},
                        {QStringLiteral("layer"), report.source.layerName},
                        {QStringLiteral("county_created"), report.countyCreated},
                        {QStringLiteral("crs"), report.source.crs},
                        {QStringLiteral("encoding"), report.source.encoding},
                        {QStringLiteral("encoding_source"), report.source.encodingSource},
                        {QStringLiteral("encoding_reason"), report.source.encodingReason},
                        {QStringLiteral("notes"), QJsonArray::fromStringList(report.source.notes)},
                        {QStringLiteral("parents_by_overlap"), report.parentsByOverlap},
                        {QStringLiteral("codes"), importCodesKey(request.codes)},
                        {QStringLiteral("codes_generated"), report.codesGenerated},
                        {QStringLiteral("parent_level"),
                         report.parentLevel ? GridLevels::key(*report.parentLevel) : QString()},
                        {QStringLiteral("repairs"), QJsonArray::fromStringList(report.repairs)}}));
        return 0;
    }
    for (const QString& repair : report.repairs)
        printLine(QStringLiteral("修复：%1").arg(repair));
    for (const QString& note : report.source.notes)
        printLine(QStringLiteral("注意：%1").arg(note));
    const QString layers = report.source.layers.size() > 1
                               ? QStringLiteral("，图层 %1（共 %2 个图层，可用 --layer 选择）")
                                     .arg(report.source.layerName)
                                     .arg(report.source.layers.size())
                               : QString();
    printLine(QStringLiteral("%1：导入 %2 个%3（坐标系 %4，编码 %5（%6）%7）%8")
                  .arg(request.countyPath)
                  .arg(report.imported)
                  .arg(GridLevels::chineseName(request.level), report.source.crs, report.source.encoding,
                       report.source.encodingReason, layers)
                  .arg(report.countyCreated ? QStringLiteral("，新建县域") : QString()));
    return 0;
}

const Registrar
    registrar(QStringLiteral("import"),
              QStringLiteral("Import grid boundaries (any OGR source) into a county, all or nothing"),
              runImport);

} // namespace
} // namespace gc::cli
