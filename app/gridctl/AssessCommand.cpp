// The worker assessment from the command line: `gridctl assess [explain|adjust|rules]`, `coverage`,
// `arrivals` and `gridctl bench assess`.
#include "Command.h"

#include "gc/assess/AssessService.h"
#include "gc/core/ChinaTime.h"
#include "gc/geo/Geometry.h"
#include "gc/store/AssessStore.h"
#include "gc/store/CountyStore.h"
#include "gc/store/FeedStore.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>
#include <cmath>
#include <ctime>

namespace gc::cli {
namespace {

QString isoTime(qint64 at) {
    return at > 0 ? fromEpochSeconds(at).toString(Qt::ISODate) : QString();
}

double points(qint64 centipoints) {
    return double(centipoints) / 100.0;
}

QString currentUser() {
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? QStringLiteral("gridctl") : user;
}

// Options every assessment verb shares.
struct CommonOptions {
    QCommandLineOption json{QStringLiteral("json"), QStringLiteral("Print as JSON.")};
    QCommandLineOption now{QStringLiteral("now"),
                           QStringLiteral("Assess as of this moment (ISO 8601, China time; default now)."),
                           QStringLiteral("TIME")};
};

std::optional<QDateTime> nowOption(const QCommandLineParser& p, const CommonOptions& o, const QString& verb,
                                   int* code) {
    if (!p.isSet(o.now))
        return chinaNow();
    QDateTime t = QDateTime::fromString(p.value(o.now), Qt::ISODate);
    if (t.isValid() && t.timeSpec() == Qt::LocalTime)
        t = QDateTime(t.date(), t.time(), chinaTimeZone());
    if (!t.isValid()) {
        *code = fail(verb, QStringLiteral("--now '%1' is not an ISO 8601 time").arg(p.value(o.now)), 2);
        return std::nullopt;
    }
    return t;
}

struct Session {
    std::unique_ptr<CountyStore> store;
    std::unique_ptr<AssessService> assess;
};

// Summaries of past days are kept when the county can be written; a county nobody may write is
// still assessed (the summaries are then made in memory each time).
std::optional<Session> openSession(const QCommandLineParser& p, const QString& verb, int* code,
                                   bool mustWrite) {
    Session s;
    const QString path = p.positionalArguments().value(0);
    s.store =
        openCountyArgument(p, verb, code, !mustWrite && !path.isEmpty() && !CountyStore::isWritable(path));
    if (!s.store)
        return std::nullopt;
    s.assess = std::make_unique<AssessService>(*s.store);
    QString error;
    if (!s.assess->load(&error)) {
        *code = fail(verb, error);
        return std::nullopt;
    }
    return s;
}

std::optional<qint64> workerOption(const QCommandLineParser& p, const QCommandLineOption& o, const Session& s,
                                   const QString& verb, int* code) {
    if (!p.isSet(o))
        return 0;
    bool ok = false;
    const qint64 id = p.value(o).toLongLong(&ok);
    if (!ok || !s.assess->hasWorker(id)) {
        *code = fail(verb, QStringLiteral("网格员 %1 不存在").arg(p.value(o)));
        return std::nullopt;
    }
    return id;
}

QJsonObject scoreJson(const WorkerScore& s) {
    QJsonArray items;
    for (const AssessItemScore& i : s.items)
        items << QJsonObject{{QStringLiteral("item"), i.item},
                             {QStringLiteral("label"), i.label},
                             {QStringLiteral("count"), i.count},
                             {QStringLiteral("points"), points(i.centipoints)},
                             {QStringLiteral("capped"), i.capped}};
    return {{QStringLiteral("worker"), s.workerId},
            {QStringLiteral("name"), s.name},
            {QStringLiteral("grids"), QJsonArray::fromStringList(s.grids)},
            {QStringLiteral("points"), points(s.centipoints)},
            {QStringLiteral("rank"), s.rank},
            {QStringLiteral("items"), items}};
}

int runScore(const QStringList& args, bool explain) {
    const QString verb = explain ? QStringLiteral("assess explain") : QStringLiteral("assess");
    QCommandLineParser p;
    CommonOptions common;
    p.addPositionalArgument(QStringLiteral("county.gpkg"), QStringLiteral("County file."));
    const QCommandLineOption period(QStringLiteral("period"),
                                    QStringLiteral("Month, yyyy-MM (default: this month)."),
                                    QStringLiteral("P"));
    const QCommandLineOption worker(QStringLiteral("worker"),
                                    explain ? QStringLiteral("Worker id (required).")
                                            : QStringLiteral("Only this worker."),
                                    QStringLiteral("W"));
    p.addOptions({period, worker, common.json, common.now});
    int code = 0;
    if (!parse(p, verb,
               explain ? QStringLiteral("Every point of a worker's score with the recorded event behind it.")
                       : QStringLiteral("Grid workers' points (积分考核) for a month, ranked.\n"
                                        "Subcommands: explain, adjust, rules (gridctl assess SUB --help)."),
               args, &code))
        return code;
    if (explain && !p.isSet(worker))
        return fail(verb, QStringLiteral("name a worker (--worker W)"), 2);
    const auto now = nowOption(p, common, verb, &code);
    if (!now)
        return code;
    QString error;
    const auto per = p.isSet(period) ? AssessPeriod::parse(p.value(period), *now, &error)
                                     : std::optional(AssessPeriod::containing(*now));
    if (!per)
        return fail(verb, error);
    auto s = openSession(p, verb, &code, false);
    if (!s)
        return code;
    const auto w = workerOption(p, worker, *s, verb, &code);
    if (!w)
        return code;
    const auto scores = s->assess->score(*per, *w, *now, &error, explain); // the ranking needs no words
    if (!scores)
        return fail(verb, error);
    if (explain) {
        const WorkerScore& ws = scores->first();
        if (p.isSet(common.json)) {
            QJsonArray out;
            for (const AssessLine& l : ws.lines)
                out << QJsonObject{
                    {QStringLiteral("item"), l.item},
                    {QStringLiteral("points"), points(l.centipoints)},
                    {QStringLiteral("capped"), l.capped()},
                    {QStringLiteral("note"), l.note},
                    {QStringLiteral("event"), QJsonObject{{QStringLiteral("kind"), l.event.kind},
                                                          {QStringLiteral("id"), l.event.id},
                                                          {QStringLiteral("at"), isoTime(l.event.at)}}}};
            printJson(QJsonDocument(out));
            return 0;
        }
        printLine(QStringLiteral("%1 %2 %3 分（第 %4 名）")
                      .arg(ws.workerId)
                      .arg(ws.name)
                      .arg(points(ws.centipoints))
                      .arg(ws.rank));
        for (const AssessLine& l : ws.lines)
            printLine(QStringLiteral("  %1 %2 %3 #%4 %5 %6%7")
                          .arg(l.item, -14)
                          .arg(points(l.centipoints), 7, 'f', 2)
                          .arg(l.event.kind)
                          .arg(l.event.id)
                          .arg(isoTime(l.event.at), l.note,
                               l.capped() ? QStringLiteral(" (封顶/扣完)") : QString()));
        return 0;
    }
    if (p.isSet(common.json)) {
        QJsonArray out;
        for (const WorkerScore& ws : *scores)
            out << scoreJson(ws);
        printJson(QJsonDocument(out));
        return 0;
    }
    for (const WorkerScore& ws : *scores)
        printLine(QStringLiteral("%1 %2 %3 %4")
                      .arg(ws.rank, 5)
                      .arg(ws.workerId, 6)
                      .arg(points(ws.centipoints), 8, 'f', 2)
                      .arg(ws.name));
    return 0;
}

int runAdjust(const QStringList& args) {
    const QString verb = QStringLiteral("assess adjust");
    QCommandLineParser p;
    CommonOptions common;
    p.addPositionalArgument(QStringLiteral("county.gpkg"), QStringLiteral("County file."));
    const QCommandLineOption worker(QStringLiteral("worker"), QStringLiteral("Worker id."),
                                    QStringLiteral("W"));
    const QCommandLineOption pts(QStringLiteral("points"),
                                 QStringLiteral("Points to add (negative: deduct)."), QStringLiteral("N"));
    const QCommandLineOption reason(QStringLiteral("reason"), QStringLiteral("Why (required)."),
                                    QStringLiteral("R"));
    const QCommandLineOption by(QStringLiteral("by"), QStringLiteral("Who decided (required)."),
                                QStringLiteral("U"));
    const QCommandLineOption evidence(QStringLiteral("evidence"),
                                      QStringLiteral("Evidence reference (photo, record)."),
                                      QStringLiteral("REF"));
    p.addOptions({worker, pts, reason, by, evidence, common.json, common.now});
    int code = 0;
    if (!parse(p, verb,
               QStringLiteral(
                   "A manual addition or deduction (spot check, 抽查) with reason, who and evidence."),
               args, &code))
        return code;
    if (!p.isSet(worker) || !p.isSet(pts))
        return fail(verb, QStringLiteral("name a worker and points (--worker W --points N)"), 2);
    if (p.value(reason).trimmed().isEmpty())
        return fail(verb, QStringLiteral("加减分必须写明理由（--reason）"), 2);
    if (p.value(by).trimmed().isEmpty())
        return fail(verb, QStringLiteral("加减分必须写明操作人（--by）"), 2);
    bool ok = false;
    const double value = p.value(pts).toDouble(&ok);
    if (!ok || !std::isfinite(value) || value == 0)
        return fail(verb, QStringLiteral("--points '%1' must be a non-zero number").arg(p.value(pts)), 2);
    const auto now = nowOption(p, common, verb, &code);
    if (!now)
        return code;
    auto s = openSession(p, verb, &code, true);
    if (!s)
        return code;
    const auto w = workerOption(p, worker, *s, verb, &code);
    if (!w)
        return code;
    AssessAdjustment a;
    a.workerId = *w;
    a.points = value;
    a.reason = p.value(reason).trimmed();
    a.by = p.value(by).trimmed();
    a.evidence = p.value(evidence).trimmed();
    a.at = now->toSecsSinceEpoch();
    QString error;
    if (!s->assess->adjust(a, &error))
        return fail(verb, error);
    if (p.isSet(common.json))
        printJson(QJsonDocument(QJsonObject{{QStringLiteral("id"), a.id},
                                            {QStringLiteral("worker"), a.workerId},
                                            {QStringLiteral("points"), a.points},
                                            {QStringLiteral("at"), isoTime(a.at)}}));
    else
        printLine(QStringLiteral("adjustment %1: worker %2 %3%4 (%5)")
                      .arg(a.id)
                      .arg(a.workerId)
                      .arg(a.points > 0 ? QStringLiteral("+") : QString())
                      .arg(a.points)
                      .arg(a.reason));
    return 0;
}

int runRules(const QStringList& args) {
    const QString verb = QStringLiteral("assess rules");
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("county.gpkg"), QStringLiteral("County file."));
    const QCommandLineOption set(QStringLiteral("set"),
                                 QStringLiteral("Store this rules file in the county."),
                                 QStringLiteral("FILE"));
    const QCommandLineOption by(QStringLiteral("by"), QStringLiteral("Who sets them."), QStringLiteral("U"));
    p.addOptions({set, by});
    int code = 0;
    if (!parse(p, verb,
               QStringLiteral("Print the county's scoring rules, or store new ones (checked first)."), args,
               &code))
        return code;
    auto s = openSession(p, verb, &code, p.isSet(set));
    if (!s)
        return code;
    if (!p.isSet(set)) {
        const auto own = AssessStore(*s->store).rulesJson();
        QTextStream(stdout) << QString::fromUtf8(own.value_or(AssessRules::defaultJson()));
        return 0;
    }
    QFile file(p.value(set));
    if (!file.open(QIODevice::ReadOnly))
        return fail(verb, QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString()));
    QString error;
    if (!s->assess->setRules(file.readAll(), p.isSet(by) ? p.value(by) : currentUser(), chinaNow(), &error))
        return fail(verb, error);
    printLine(QStringLiteral("rules stored: %1 items").arg(s->assess->rules().items.size()));
    return 0;
}

int runAssess(const QStringList& args) {
    const QString sub = args.size() > 1 ? args.at(1) : QString();
    if (sub == QLatin1String("explain"))
        return runScore(QStringList{QStringLiteral("assess explain")} + args.mid(2), true);
    if (sub == QLatin1String("adjust"))
        return runAdjust(QStringList{QStringLiteral("assess adjust")} + args.mid(2));
    if (sub == QLatin1String("rules"))
        return runRules(QStringList{QStringLiteral("assess rules")} + args.mid(2));
    return runScore(args, false);
}

std::optional<QDate> dateOption(const QCommandLineParser& p, const QCommandLineOption& o, const QString& verb,
                                int* code) {
    const QDate d = QDate::fromString(p.value(o), Qt::ISODate);
    if (!d.isValid()) {
        *code = fail(
            verb, QStringLiteral("--%1 '%2' is not a date (yyyy-MM-dd)").arg(o.names().first(), p.value(o)),
            2);
        return std::nullopt;
    }
    return d;
}

int runCoverage(const QStringList& args) {
    const QString verb = QStringLiteral("coverage");
    QCommandLineParser p;
    CommonOptions common;
    p.addPositionalArgument(QStringLiteral("county.gpkg"), QStringLiteral("County file."));
    const QCommandLineOption date(QStringLiteral("date"), QStringLiteral("Day, yyyy-MM-dd (China time)."),
                                  QStringLiteral("D"));
    const QCommandLineOption worker(QStringLiteral("worker"), QStringLiteral("Only this worker."),
                                    QStringLiteral("W"));
    p.addOptions({date, worker, common.json, common.now});
    int code = 0;
    if (!parse(
            p, verb,
            QStringLiteral("Patrol coverage per worker and grid for a day: the share of the grid within the "
                           "rules' radius of the track (fixes of good accuracy, long gaps not bridged)."),
            args, &code))
        return code;
    if (!p.isSet(date))
        return fail(verb, QStringLiteral("name a day (--date yyyy-MM-dd)"), 2);
    const auto day = dateOption(p, date, verb, &code);
    const auto now = day ? nowOption(p, common, verb, &code) : std::nullopt;
    if (!day || !now)
        return code;
    if (QDateTime(*day, QTime(0, 0), chinaTimeZone()) > *now)
        return fail(verb, QStringLiteral("%1 尚未到来").arg(day->toString(Qt::ISODate)));
    auto s = openSession(p, verb, &code, false);
    if (!s)
        return code;
    const auto w = workerOption(p, worker, *s, verb, &code);
    if (!w)
        return code;
    QString error;
    // Always from the positions: fixes uploaded late are counted, and the stored summary replaced.
    const auto days = s->assess->days(*day, *day, *w, *now, &error, true);
    if (!days)
        return fail(verb, error);
    QJsonArray out;
    for (const WorkerDay& d : *days)
        for (const GridCoverageRow& g : d.grids) {
            if (p.isSet(common.json))
                out << QJsonObject{{QStringLiteral("worker"), d.workerId},
                                   {QStringLiteral("grid"), g.gridCode},
                                   {QStringLiteral("covered_share"), g.coveredShare},
                                   {QStringLiteral("fixes_used"), g.fixesUsed},
                                   {QStringLiteral("gaps"), g.gaps},
                                   {QStringLiteral("key_places"), g.keyPlaces},
                                   {QStringLiteral("key_places_visited"), g.keyPlacesVisited}};
            else
                printLine(QStringLiteral("%1 %2 %3% fixes %4 gaps %5 key places %6/%7")
                              .arg(d.workerId)
                              .arg(g.gridCode)
                              .arg(g.coveredShare * 100, 0, 'f', 1)
                              .arg(g.fixesUsed)
                              .arg(g.gaps)
                              .arg(g.keyPlacesVisited)
                              .arg(g.keyPlaces));
        }
    if (p.isSet(common.json))
        printJson(QJsonDocument(out));
    return 0;
}

int runArrivals(const QStringList& args) {
    const QString verb = QStringLiteral("arrivals");
    QCommandLineParser p;
    CommonOptions common;
    p.addPositionalArgument(QStringLiteral("county.gpkg"), QStringLiteral("County file."));
    const QCommandLineOption from(QStringLiteral("from"), QStringLiteral("First day, yyyy-MM-dd."),
                                  QStringLiteral("D"));
    const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("Last day, yyyy-MM-dd (inclusive)."),
                                QStringLiteral("D"));
    p.addOptions({from, to, common.json, common.now});
    int code = 0;
    if (!parse(p, verb,
               QStringLiteral(
                   "On-site checks (指派核查) assigned in the days given: minutes to arrival (到场) and "
                   "whether within the limit for the ticket's priority."),
               args, &code))
        return code;
    if (!p.isSet(from) || !p.isSet(to))
        return fail(verb, QStringLiteral("name the days (--from D --to D)"), 2);
    const auto first = dateOption(p, from, verb, &code);
    const auto last = first ? dateOption(p, to, verb, &code) : std::nullopt;
    const auto now = last ? nowOption(p, common, verb, &code) : std::nullopt;
    if (!first || !last || !now)
        return code;
    if (*last < *first)
        return fail(verb, QStringLiteral("--to is before --from"), 2);
    auto s = openSession(p, verb, &code, false);
    if (!s)
        return code;
    QString error;
    const auto list = s->assess->arrivals(
        QDateTime(*first, QTime(0, 0), chinaTimeZone()).toSecsSinceEpoch(),
        QDateTime(last->addDays(1), QTime(0, 0), chinaTimeZone()).toSecsSinceEpoch(), &error);
    if (!list)
        return fail(verb, error);
    QJsonArray out;
    for (const ArrivalRecord& r : *list) {
        if (!p.isSet(common.json)) {
            printLine(QStringLiteral("ticket %1 worker %2 assigned %3 arrived %4 %5")
                          .arg(r.ticketId)
                          .arg(r.workerId)
                          .arg(isoTime(r.assignedAt),
                               r.arrived() ? isoTime(r.arrivedAt) : QStringLiteral("-"),
                               r.arrived()
                                   ? QStringLiteral("%1 min %2")
                                         .arg(r.minutes(), 0, 'f', 1)
                                         .arg(r.onTime() ? QStringLiteral("on time") : QStringLiteral("late"))
                                   : QStringLiteral("not arrived")));
            continue;
        }
        out << QJsonObject{
            {QStringLiteral("ticket"), r.ticketId},
            {QStringLiteral("worker"), r.workerId},
            {QStringLiteral("priority"), toKey(r.priority)},
            {QStringLiteral("limit_min"), r.limitMin},
            {QStringLiteral("assigned_at"), isoTime(r.assignedAt)},
            {QStringLiteral("arrived_at"), r.arrived() ? QJsonValue(isoTime(r.arrivedAt)) : QJsonValue()},
            {QStringLiteral("minutes"),
             r.arrived() ? QJsonValue(std::round(r.minutes() * 10) / 10) : QJsonValue()},
            {QStringLiteral("on_time"), r.onTime()}};
    }
    if (p.isSet(common.json))
        printJson(QJsonDocument(out));
    return 0;
}

const Registrar
    assessRegistrar(QStringLiteral("assess"),
                    QStringLiteral("Grid workers' points (积分考核): ranking, explain, adjust, rules"),
                    runAssess);
const Registrar coverageRegistrar(QStringLiteral("coverage"),
                                  QStringLiteral("Patrol coverage per worker, grid and day"), runCoverage);
const Registrar arrivalsRegistrar(QStringLiteral("arrivals"),
                                  QStringLiteral("On-site checks: minutes to arrival and the limit"),
                                  runArrivals);

} // namespace
} // namespace gc::cli
