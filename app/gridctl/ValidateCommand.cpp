// `gridctl validate`: coverage checks (全覆盖、无缝隙、不重叠) of a county's hierarchy.
#include "Command.h"

#include "gc/store/CountyStore.h"
#include "gc/store/CountyValidation.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace gc::cli {
namespace {

int runValidate(const QStringList& arguments) {
    const QString verb = QStringLiteral("validate");
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("county.gpkg"), QStringLiteral("County file."));
    const QCommandLineOption level(QStringLiteral("level"), QStringLiteral("Check this level only."),
                                   QStringLiteral("L"));
    const QCommandLineOption report(
        QStringLiteral("report"),
        QStringLiteral("Write the error geometries to this GeoPackage (must not exist)."),
        QStringLiteral("errors.gpkg"));
    const QCommandLineOption minArea(
        QStringLiteral("min-area"),
        QStringLiteral("Ignore overlaps and gaps smaller than this, m² (default 1)."), QStringLiteral("M2"),
        QStringLiteral("1"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print findings as JSON."));
    p.addOptions({level, report, minArea, json});
    int code = 0;
    if (!parse(p, verb,
               QStringLiteral(
                   "Check invalid geometries, overlaps, gaps, children outside their parent, duplicate "
                   "codes and orphans. Exit status 1 when anything is found."),
               arguments, &code))
        return code;
    if (p.positionalArguments().size() != 1)
        return fail(verb, QStringLiteral("expected one county file"), 2);
    std::optional<GridLevel> only;
    if (p.isSet(level)) {
        only = GridLevels::parse(p.value(level));
        if (!only)
            return fail(verb,
                        QStringLiteral("unknown level \"%1\" (use %2)")
                            .arg(p.value(level), GridLevels::keys().join(QStringLiteral(", "))),
                        2);
    }
    geo::ValidationOptions options;
    bool ok = false;
    options.minAreaM2 = p.value(minArea).toDouble(&ok);
    if (!ok || options.minAreaM2 < 0)
        return fail(verb, QStringLiteral("--min-area must be a non-negative number"), 2);
    if (p.isSet(report) && QFileInfo::exists(p.value(report)))
        return fail(verb, QStringLiteral("%1 already exists; it is not overwritten").arg(p.value(report)), 2);
    QString error;
    auto store = CountyStore::open(p.positionalArguments().first(), &error, CountyStore::Access::ReadOnly);
    if (!store)
        return fail(verb, error, 2);
    const QList<LevelValidation> results = CountyValidation::run(*store, only, options);

    QList<geo::ValidationFinding> all;
    QJsonArray levels;
    for (const LevelValidation& r : results) {
        QJsonArray findings;
        for (const geo::ValidationFinding& f : r.findings) {
            findings.append(QJsonObject{{QStringLiteral("kind"), geo::findingKindKey(f.kind)},
                                        {QStringLiteral("codes"), QJsonArray::fromStringList(f.codes)},
                                        {QStringLiteral("area_m2"), std::round(f.areaM2 * 100) / 100},
                                        {QStringLiteral("detail"), f.detail}});
            all << f;
        }
        levels.append(QJsonObject{{QStringLiteral("level"), GridLevels::key(r.level)},
                                  {QStringLiteral("grids"), r.stats.grids},
                                  {QStringLiteral("candidate_pairs"), r.stats.candidatePairs},
                                  {QStringLiteral("seconds"), r.stats.seconds},
                                  {QStringLiteral("findings"), findings}});
    }
    if (p.isSet(report) && !geo::GridValidator::writeReport(p.value(report), all, &error))
        return fail(verb, error, 2);
    if (p.isSet(json)) {
        printJson(QJsonDocument(QJsonObject{{QStringLiteral("county"), store->path()},
                                            {QStringLiteral("findings"), int(all.size())},
                                            {QStringLiteral("levels"), levels}}));
    } else {
        for (const LevelValidation& r : results) {
            printLine(QStringLiteral("%1（%2 个，%3 对候选，%4 s）：%5 个问题")
                          .arg(GridLevels::chineseName(r.level))
                          .arg(r.stats.grids)
                          .arg(r.stats.candidatePairs)
                          .arg(r.stats.seconds, 0, 'f', 2)
                          .arg(r.findings.size()));
            for (const geo::ValidationFinding& f : r.findings)
                printLine(QStringLiteral("  %1\t%2\t%3 m²\t%4")
                              .arg(geo::findingKindKey(f.kind), f.codes.join(QLatin1Char(',')))
                              .arg(f.areaM2, 0, 'f', 1)
                              .arg(f.detail));
        }
    }
    return all.isEmpty() ? 0 : 1;
}

const Registrar
    registrar(QStringLiteral("validate"),
              QStringLiteral("Check coverage: gaps, overlaps, invalid geometries (exit 1 if any)"),
              runValidate);

} // namespace
} // namespace gc::cli
