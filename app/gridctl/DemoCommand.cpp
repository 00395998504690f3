#include "Command.h"

#include "gc/assess/AssessDemo.h"
#include "gc/risk/RiskDemo.h"
#include "gc/store/DemoCountyBuilder.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace gc::cli {
namespace {

int runDemo(const QStringList& arguments) {
    const QString verb = QStringLiteral("demo");
    QCommandLineParser p;
    const QCommandLineOption out(QStringLiteral("out"),
                                 QStringLiteral("County GeoPackage to create (must not exist)."),
                                 QStringLiteral("county.gpkg"));
    const QCommandLineOption grids(QStringLiteral("grids"),
                                   QStringLiteral("Exact number of grids, 1 to 90000."), QStringLiteral("N"),
                                   QStringLiteral("1035"));
    const QCommandLineOption seed(QStringLiteral("seed"),
                                  QStringLiteral("Random seed: same seed, same county."), QStringLiteral("S"),
                                  QStringLiteral("7"));
    const QCommandLineOption tickets(QStringLiteral("tickets-per-grid"),
                                     QStringLiteral("Tickets per grid over the 90-day history."),
                                     QStringLiteral("T"), QStringLiteral("2.0"));
    const QCommandLineOption totalTickets(
        QStringLiteral("tickets"),
        QStringLiteral("Tickets in all over the history (instead of --tickets-per-grid)."),
        QStringLiteral("N"));
    const QCommandLineOption now(QStringLiteral("now"),
                                 QStringLiteral("End of the ticket history, ISO 8601 (default: this hour)."),
                                 QStringLiteral("TIME"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print a summary as JSON."));
    const QCommandLineOption quiet(QStringLiteral("quiet"), QStringLiteral("No progress on stderr."));
    p.addOptions({out, grids, seed, tickets, totalTickets, now, json, quiet});
    int code = 0;
    if (!parse(p, verb,
               QStringLiteral("Write a realistic demo county (GeoPackage) that QGIS and ogrinfo open."),
               arguments, &code))
        return code;
    if (!p.isSet(out))
        return fail(verb, QStringLiteral("--out is required"), 2);
    DemoOptions o;
    bool ok = false;
    o.grids = p.value(grids).toInt(&ok);
    if (!ok || o.grids < 1 || o.grids > DemoCountyBuilder::kMaxGrids)
        return fail(
            verb,
            QStringLiteral("--grids must be a whole number from 1 to %1").arg(DemoCountyBuilder::kMaxGrids),
            2);
    o.seed = p.value(seed).toUInt(&ok);
    if (!ok)
        return fail(verb, QStringLiteral("--seed must be a non-negative whole number"), 2);
    o.ticketsPerGrid = p.value(tickets).toDouble(&ok);
    if (!ok || o.ticketsPerGrid < 0 || o.ticketsPerGrid > 50)
        return fail(verb, QStringLiteral("--tickets-per-grid must be from 0 to 50"), 2);
    if (p.isSet(totalTickets)) {
        const qint64 n = p.value(totalTickets).toLongLong(&ok);
        if (!ok || n < 0 || double(n) / o.grids > 50)
            return fail(verb, QStringLiteral("--tickets must be from 0 to 50 per grid"), 2);
        o.ticketsPerGrid = double(n) / o.grids;
    }
    if (p.isSet(now)) {
        o.now = QDateTime::fromString(p.value(now), Qt::ISODate);
        if (!o.now.isValid())
            return fail(verb, QStringLiteral("--now is not an ISO 8601 time: %1").arg(p.value(now)), 2);
    }
    QElapsedTimer timer;
    timer.start();
    QString error;
    const bool showProgress = !p.isSet(quiet);
    auto store = DemoCountyBuilder::build(p.value(out), o, &error, [&](const QString& stage, int percent) {
        if (showProgress)
            QTextStream(stderr) << QStringLiteral("[%1%] %2 (%3 s)\n")
                                       .arg(percent, 3)
                                       .arg(stage)
                                       .arg(timer.elapsed() / 1000.0, 0, 'f', 1);
    });
    if (!store)
        return fail(verb, error);
    // The colours are the risk engine's: key persons, places and patrol check-ins where the tickets
    // are, then the engine replayed over the history.
    if (showProgress)
        QTextStream(stderr) << QStringLiteral("[ 99%] 五色管控：按规则回放 %1 天 (%2 s)\n")
                                   .arg(o.historyDays)
                                   .arg(timer.elapsed() / 1000.0, 0, 'f', 1);
    // Worker activity worth ranking (积分考核): tracks of the last duty days, on-site checks.
    if (!RiskDemo::populate(*store, o.seed, o.now, o.historyDays, &error) ||
        !AssessDemo::populate(*store, o.seed, o.now, &error)) {
        const QString path = store->path();
        store.reset();
        for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(path + suffix);
        return fail(verb, error);
    }
    QJsonObject summary{{QStringLiteral("file"), store->path()},
                        {QStringLiteral("county"), store->info().name},
                        {QStringLiteral("streets"), store->gridCount(GridLevel::Street)},
                        {QStringLiteral("communities"), store->gridCount(GridLevel::Community)},
                        {QStringLiteral("grids"), store->gridCount(GridLevel::Grid)},
                        {QStringLiteral("tickets"), store->ticketCount()},
                        {QStringLiteral("seconds"), timer.elapsed() / 1000.0}};
    if (p.isSet(json))
        printJson(QJsonDocument(summary));
    else
        printLine(
            QStringLiteral("%1: %2, %3 个街道（乡镇）, %4 个社区（村）, %5 个网格, %6 件工单, 用时 %7 s")
                .arg(summary[QStringLiteral("file")].toString(), summary[QStringLiteral("county")].toString())
                .arg(summary[QStringLiteral("streets")].toInt())
                .arg(summary[QStringLiteral("communities")].toInt())
                .arg(summary[QStringLiteral("grids")].toInt())
                .arg(summary[QStringLiteral("tickets")].toInt())
                .arg(summary[QStringLiteral("seconds")].toDouble(), 0, 'f', 1));
    return 0;
}

const Registrar registrar(QStringLiteral("demo"), QStringLiteral("Write a realistic demo county"), runDemo);

} // namespace
} // namespace gc::cli
