// The risk engine from the command line: `gridctl risk …` and `gridctl hotspots`.
#include "Command.h"

#include "gc/core/ChinaTime.h"
#include "gc/risk/KeyPlaceImporter.h"
#include "gc/risk/RiskService.h"
#include "gc/store/CountyStore.h"
#include "gc/store/RiskStore.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <cmath>
#include <ctime>

namespace gc::cli {
namespace {

// Times as ISO 8601 in China time, the zone the county works in.
QString isoTime(const QDateTime& t) {
    return t.isValid() ? t.toTimeZone(chinaTimeZone()).toString(Qt::ISODate) : QString();
}

// "2026-12-01T08:00", "2026-12-01T08:00:00+08:00" or "2026-12-01"; without an offset the time is China time.
QDateTime parseTime(const QString& text) {
    QDateTime t = QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid()) {
        const QDate day = QDate::fromString(text, Qt::ISODate);
        if (day.isValid())
            t = QDateTime(day, QTime(0, 0), chinaTimeZone());
    } else if (t.timeSpec() == Qt::LocalTime)
        t = QDateTime(t.date(), t.time(), chinaTimeZone());
    return t;
}

QJsonObject reasonJson(const RiskReason& r) {
    QJsonObject o{{QStringLiteral("indicator"), r.indicator},
                  {QStringLiteral("label"), r.label},
                  {QStringLiteral("value"), r.value},
                  {QStringLiteral("points"), r.points}};
    if (r.perUnit != 0)
        o.insert(QStringLiteral("per_unit"), r.perUnit);
    if (r.capped)
        o.insert(QStringLiteral("capped"), true);
    return o;
}

QJsonObject assessmentJson(const RiskAssessment& a) {
    QJsonArray reasons;
    for (const RiskReason& r : a.reasons)
        reasons << reasonJson(r);
    QJsonObject o{{QStringLiteral("code"), a.code},
                  {QStringLiteral("name"), a.name},
                  {QStringLiteral("level"), GridLevels::key(a.level)},
                  {QStringLiteral("band"), RiskLevels::key(a.band)},
                  {QStringLiteral("score"), a.score},
                  {QStringLiteral("overridden"), a.overridden()},
                  {QStringLiteral("rule_band"), RiskLevels::key(a.ruleBand)},
                  {QStringLiteral("decided_by"), toKey(a.decidedBy)},
                  {QStringLiteral("reasons"), reasons}};
    if (!a.triggers.isEmpty()) {
        QJsonArray triggers;
        for (const RiskTriggerHit& t : a.triggers)
            triggers << QJsonObject{{QStringLiteral("id"), t.id},
                                    {QStringLiteral("indicator"), t.indicator},
                                    {QStringLiteral("value"), t.value},
                                    {QStringLiteral("at_least"), RiskLevels::key(t.atLeast)}};
        o.insert(QStringLiteral("triggers"), triggers);
    }
    if (a.override)
        o.insert(QStringLiteral("override"),
                 QJsonObject{{QStringLiteral("id"), a.override->id},
                             {QStringLiteral("band"), RiskLevels::key(a.override->band)},
                             {QStringLiteral("reason"), a.override->reason},
                             {QStringLiteral("by"), a.override->by},
                             {QStringLiteral("start"), isoTime(a.override->start)},
                             {QStringLiteral("end"), isoTime(a.override->end)}});
    return o;
}

QJsonObject changeJson(const RiskChange& c) {
    QJsonObject o{{QStringLiteral("code"), c.code},
                  {QStringLiteral("at"), isoTime(c.at)},
                  {QStringLiteral("from"), RiskLevels::key(c.from)},
                  {QStringLiteral("to"), RiskLevels::key(c.to)},
                  {QStringLiteral("score"), c.score},
                  {QStringLiteral("cause"), toKey(c.cause)}};
    if (!c.note.isEmpty())
        o.insert(QStringLiteral("note"), c.note);
    return o;
}

QString defaultActor() {
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? QStringLiteral("gridctl") : user;
}

// Opens the county and its risk engine (rules + a recompute that brings the bands up to date).
struct Engine {
    std::unique_ptr<CountyStore> store;
    std::unique_ptr<RiskService> risk;
};

std::optional<Engine> openEngine(const QCommandLineParser& p, const QString& verb, int* code) {
    Engine e;
    e.store = openCountyArgument(p, verb, code, false); // bringing the bands up to date writes
    if (!e.store)
        return std::nullopt;
    e.risk = std::make_unique<RiskService>(*e.store);
    QString error;
    if (!e.risk->load(&error)) {
        *code = fail(verb, error);
        return std::nullopt;
    }
    return e;
}

std::optional<GridLevel> levelOption(const QCommandLineParser& p, const QCommandLineOption& o,
                                     const QString& verb, int* code) {
    if (!p.isSet(o))
        return GridLevel::Grid;
    const auto level = GridLevels::parse(p.value(o));
    if (!level || *level == GridLevel::Building) {
        *code = fail(verb,
                     QStringLiteral("unknown or unscored level '%1' (county, street, community, grid)")
                         .arg(p.value(o)),
                     2);
        return std::nullopt;
    }
    return level;
}

int runList(const QStringList& args) {
    const QString verb = QStringLiteral("risk");
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("county.gpkg"), QStringLiteral("County file."));
    const QCommandLineOption level(QStringLiteral("level"),
                                   QStringLiteral("county|street|community|grid (default grid)."),
                                   QStringLiteral("L"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print as JSON."));
    p.addOptions({level, json});
    int code = 0;
    if (!parse(
            p, verb,
            QStringLiteral(
                "Five-colour risk (五色管控) of every feature of a level, decided by the county's rules.\n"
                "Subcommands: explain, override, clear-override, history, rules (gridctl risk SUB --help)."),
            args, &code))
        return code;
    const auto l = levelOption(p, level, verb, &code);
    if (!l)
        return code;
    auto e = openEngine(p, verb, &code);
    if (!e)
        return code;
    const QList<RiskAssessment> all = e->risk->assessments(*l);
    if (p.isSet(json)) {
        QJsonArray out;
        for (const RiskAssessment& a : all)
            out << assessmentJson(a);
        printJson(QJsonDocument(out));
        return 0;
    }
    for (const RiskAssessment& a : all)
        printLine(QStringLiteral("%1 %2 %3 %4%5")
                      .arg(a.code, RiskLevels::chineseName(a.band), RiskExplanation::number(a.score), a.name,
                           a.overridden() ? QStringLiteral(" (人工研判)") : QString()));
    return 0;
}

int runExplain(const QStringList& args) {
    const QString verb = QStringLiteral("risk explain");
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("county.gpkg"), QStringLiteral("County file."));
    p.addPositionalArgument(QStringLiteral("CODE"),
                            QStringLiteral("Grid (or community, street, county) code."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print as JSON."));
    p.addOption(json);
    int code = 0;
    if (!parse(p, verb,
               QStringLiteral("Why a feature has its colour: every indicator, cap, trigger and override."),
               args, &code))
        return code;
    if (p.positionalArguments().size() < 2)
        return fail(verb, QStringLiteral("name a county file and a code"), 2);
    auto e = openEngine(p, verb, &code);
    if (!e)
        return code;
    const QString gridCode = p.positionalArguments().at(1);
    const auto a = e->risk->assessment(gridCode);
    if (!a)
        return fail(verb, QStringLiteral("编码 %1 不存在").arg(gridCode));
    if (p.isSet(json)) {
        QJsonObject o = assessmentJson(*a);
        o.insert(QStringLiteral("text"), e->risk->explain(gridCode));
        printJson(QJsonDocument(o));
    } else
        printLine(e->risk->explain(gridCode));
    return 0;
}

int runOverride(const QStringList& args) {
    const QString verb = QStringLiteral("risk override");
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("county.gpkg"), QStringLiteral("County file."));
    p.addPositionalArgument(QStringLiteral("CODE"), QStringLiteral("Feature code."));
    const QCommandLineOption band(QStringLiteral("band"), QStringLiteral("red|orange|yellow|blue|green."),
                                  QStringLiteral("B"));
    const QCommandLineOption reason(QStringLiteral("reason"), QStringLiteral("Why (required)."),
                                    QStringLiteral("R"));
    const QCommandLineOption until(QStringLiteral("until"),
                                   QStringLiteral("End, ISO 8601 (required, in the future)."),
                                   QStringLiteral("ISO8601"));
    const QCommandLineOption by(QStringLiteral("by"), QStringLiteral("Who (default: the OS user)."),
                                QStringLiteral("U"));
    p.addOptions({band, reason, until, by});
    int code = 0;
    if (!parse(p, verb, QStringLiteral("人工研判: fix a feature's band until a given end, with a reason."),
               args, &code))
        return code;
    if (p.positionalArguments().size() < 2)
        return fail(verb, QStringLiteral("name a county file and a code"), 2);
    // Words only: a digit would be a level number nobody reads the same way.
    std::optional<RiskLevel> level;
    for (int i = 0; i < kRiskLevelCount; ++i)
        if (p.value(band).trimmed().toLower() == RiskLevels::key(static_cast<RiskLevel>(i)))
            level = static_cast<RiskLevel>(i);
    if (!level)
        return fail(verb, QStringLiteral("--band must be red, orange, yellow, blue or green"), 2);
    if (p.value(reason).trimmed().isEmpty())
        return fail(verb, QStringLiteral("人工研判必须填写理由（--reason）"), 2);
    if (!p.isSet(until))
        return fail(verb, QStringLiteral("人工研判必须给出截止时间（--until ISO8601）"), 2);
    const QDateTime end = parseTime(p.value(until));
    if (!end.isValid())
        return fail(verb, QStringLiteral("--until '%1' is not an ISO 8601 time").arg(p.value(until)), 2);
    auto e = openEngine(p, verb, &code);
    if (!e)
        return code;
    QString error;
    const RiskOverrideRequest request{p.positionalArguments().at(1), *level, p.value(reason),
                                      p.isSet(by) ? p.value(by) : defaultActor(), end};
    if (!e->risk->setOverride(request, &error))
        return fail(verb, error);
    printLine(e->risk->explain(request.code));
    return 0;
}

int runClearOverride(const QStringList& args) {
    const QString verb = QStringLiteral("risk clear-override");
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("county.gpkg"), QStringLiteral("County file."));
    p.addPositionalArgument(QStringLiteral("CODE"), QStringLiteral("Feature code."));
    const QCommandLineOption reason(QStringLiteral("reason"), QStringLiteral("Why (required)."),
                                    QStringLiteral("R"));
    const QCommandLineOption by(QStringLiteral("by"), QStringLiteral("Who (default: the OS user)."),
                                QStringLiteral("U"));
    p.addOptions({reason, by});
    int code = 0;
    if (!parse(p, verb, QStringLiteral("End a feature's override before its end; the rules decide again."),
               args, &code))
        return code;
    if (p.positionalArguments().size() < 2)
        return fail(verb, QStringLiteral("name a county file and a code"), 2);
    if (p.value(reason).trimmed().isEmpty())
        return fail(verb, QStringLiteral("解除人工研判必须填写理由（--reason）"), 2);
    auto e = openEngine(p, verb, &code);
    if (!e)
        return code;
    QString error;
    const QString gridCode = p.positionalArguments().at(1);
    if (!e->risk->clearOverride(gridCode, p.value(reason), p.isSet(by) ? p.value(by) : defaultActor(),
                                &error))
        return fail(verb, error);
    printLine(e->risk->explain(gridCode));
    return 0;
}

int runHistory(const QStringList& args) {
    const QString verb = QStringLiteral("risk history");
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("county.gpkg"), QStringLiteral("County file."));
    const QCommandLineOption codeOption(QStringLiteral("code"), QStringLiteral("One feature."),
                                        QStringLiteral("CODE"));
    const QCommandLineOption from(QStringLiteral("from"),
                                  QStringLiteral("From (ISO 8601 day or time, inclusive)."),
                                  QStringLiteral("D"));
    const QCommandLineOption to(
        QStringLiteral("to"), QStringLiteral("To (ISO 8601; a day is included whole)."), QStringLiteral("D"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print as JSON."));
    p.addOptions({codeOption, from, to, json});
    int code = 0;
    if (!parse(p, verb, QStringLiteral("Every recorded band change, newest first, with its cause."), args,
               &code))
        return code;
    RiskHistoryFilter f;
    f.code = p.value(codeOption);
    if (p.isSet(from) && !(f.from = parseTime(p.value(from))).isValid())
        return fail(verb, QStringLiteral("--from '%1' is not an ISO 8601 day or time").arg(p.value(from)), 2);
    if (p.isSet(to)) {
        f.to = parseTime(p.value(to));
        if (!f.to.isValid())
            return fail(verb, QStringLiteral("--to '%1' is not an ISO 8601 day or time").arg(p.value(to)), 2);
        if (QDate::fromString(p.value(to), Qt::ISODate).isValid())
            f.to = f.to.addDays(1);
    }
    auto e = openEngine(p, verb, &code);
    if (!e)
        return code;
    if (!f.code.isEmpty() && !e->risk->assessment(f.code))
        return fail(verb, QStringLiteral("编码 %1 不存在").arg(f.code));
    const QList<RiskChange> changes = e->risk->history(f);
    if (p.isSet(json)) {
        QJsonArray out;
        for (const RiskChange& c : changes)
            out << changeJson(c);
        printJson(QJsonDocument(out));
        return 0;
    }
    for (const RiskChange& c : changes)
        printLine(QStringLiteral("%1 %2 %3 → %4 (%5) %6")
                      .arg(isoTime(c.at), c.code, RiskLevels::key(c.from), RiskLevels::key(c.to),
                           toKey(c.cause), c.note));
    return 0;
}

int runRules(const QStringList& args) {
    const QString verb = QStringLiteral("risk rules");
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("county.gpkg"), QStringLiteral("County file."));
    const QCommandLineOption get(QStringLiteral("get"), QStringLiteral("Print the county's rules file."));
    const QCommandLineOption set(QStringLiteral("set"), QStringLiteral("Check and store a new rules file."),
                                 QStringLiteral("FILE"));
    const QCommandLineOption dryRun(
        QStringLiteral("dry-run"),
        QStringLiteral("With --set: list the features whose band would change, store nothing."));
    const QCommandLineOption by(QStringLiteral("by"), QStringLiteral("Who (default: the OS user)."),
                                QStringLiteral("U"));
    p.addOptions({get, set, dryRun, by});
    int code = 0;
    if (!parse(p, verb,
               QStringLiteral(
                   "The county's risk rules (JSON, schema maps/risk-rules.schema.json). A file with gaps,\n"
                   "overlaps or unreachable bands, unknown indicators or negative caps is refused."),
               args, &code))
        return code;
    if (p.isSet(get) == p.isSet(set))
        return fail(verb, QStringLiteral("give either --get or --set FILE"), 2);
    if (p.isSet(set)) {
        QFile file(p.value(set));
        if (!file.open(QIODevice::ReadOnly))
            return fail(verb, QStringLiteral("cannot read %1: %2").arg(p.value(set), file.errorString()));
        const QByteArray json = file.readAll();
        auto e = openEngine(p, verb, &code);
        if (!e)
            return code;
        QList<RiskChange> changes;
        QString error;
        if (!e->risk->setRules(json, p.isSet(dryRun), &changes, &error,
                               p.isSet(by) ? p.value(by) : defaultActor()))
            return fail(verb, error);
        QJsonArray out;
        for (const RiskChange& c : changes)
            out << changeJson(c);
        printJson(QJsonDocument(out));
        return 0;
    }
    auto e = openEngine(p, verb, &code);
    if (!e)
        return code;
    const QByteArray json = e->risk->rules().json();
    std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
    if (!json.endsWith('\n'))
        std::fputc('\n', stdout);
    return 0;
}

int runRisk(const QStringList& args) {
    if (args.size() > 1) {
        const QString sub = args.at(1);
        const QStringList rest = QStringList{args.first()} + args.mid(2);
        if (sub == QLatin1String("explain"))
            return runExplain(rest);
        if (sub == QLatin1String("override"))
            return runOverride(rest);
        if (sub == QLatin1String("clear-override"))
            return runClearOverride(rest);
        if (sub == QLatin1String("history"))
            return runHistory(rest);
        if (sub == QLatin1String("rules"))
            return runRules(rest);
    }
    return runList(args);
}

int runHotspots(const QStringList& args) {
    const QString verb = QStringLiteral("hotspots");
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("county.gpkg"), QStringLiteral("County file."));
    const QCommandLineOption level(QStringLiteral("level"),
                                   QStringLiteral("county|street|community|grid (default grid)."),
                                   QStringLiteral("L"));
    const QCommandLineOption days(QStringLiteral("days"),
                                  QStringLiteral("Tickets created in the last N days (default 90)."),
                                  QStringLiteral("N"), QStringLiteral("90"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print as JSON."));
    p.addOptions({level, days, json});
    int code = 0;
    if (!parse(
            p, verb,
            QStringLiteral(
                "Getis-Ord Gi* hot spots of ticket counts (merged and invalid excluded); neighbours share\n"
                "a boundary of positive length. bin: ±3/±2/±1 for 99/95/90 % confidence."),
            args, &code))
        return code;
    const auto l = levelOption(p, level, verb, &code);
    if (!l)
        return code;
    bool ok = false;
    const int n = p.value(days).toInt(&ok);
    if (!ok || n <= 0)
        return fail(verb, QStringLiteral("--days must be a positive whole number"), 2);
    auto e = openEngine(p, verb, &code);
    if (!e)
        return code;
    QString error;
    const QList<HotSpot> spots = e->risk->hotSpots(*l, n, &error);
    if (!error.isEmpty())
        return fail(verb, error);
    if (p.isSet(json)) {
        QJsonArray out;
        for (const HotSpot& h : spots)
            out << QJsonObject{{QStringLiteral("code"), h.code},
                               {QStringLiteral("count"), h.count},
                               {QStringLiteral("z"), h.z},
                               {QStringLiteral("p"), h.p},
                               {QStringLiteral("bin"), h.bin}};
        printJson(QJsonDocument(out));
        return 0;
    }
    for (const HotSpot& h : spots)
        if (h.bin != 0)
            printLine(QStringLiteral("%1 %2 z=%3 p=%4 bin=%5")
                          .arg(h.code)
                          .arg(h.count)
                          .arg(h.z, 0, 'f', 3)
                          .arg(h.p, 0, 'g', 3)
                          .arg(h.bin));
    return 0;
}

int runKeyplaces(const QStringList& args) {
    const QString sub = args.size() > 1 ? args.at(1) : QString();
    const QStringList rest = QStringList{args.first()} + args.mid(2);
    if (sub == QLatin1String("import")) {
        const QString verb = QStringLiteral("keyplaces import");
        QCommandLineParser p;
        p.addPositionalArgument(QStringLiteral("county.gpkg"), QStringLiteral("County file."));
        p.addPositionalArgument(
            QStringLiteral("FILE"),
            QStringLiteral("CSV with lon/lat (经度/纬度) columns, or a point Shapefile/GeoPackage."));
        const QCommandLineOption type(
            QStringLiteral("type"), QStringLiteral("Type of every place (else the file's type/类型 column)."),
            QStringLiteral("T"));
        p.addOption(type);
        int code = 0;
        if (!parse(p, verb,
                   QStringLiteral("Import 重点场所 (key places) as points; each is placed in its grid."),
                   rest, &code))
            return code;
        if (p.positionalArguments().size() < 2)
            return fail(verb, QStringLiteral("name a county file and a points file"), 2);
        auto e = openEngine(p, verb, &code);
        if (!e)
            return code;
        QString error;
        const int n =
            KeyPlaceImporter::import(*e->store, p.positionalArguments().at(1), p.value(type), &error);
        if (n < 0)
            return fail(verb, error);
        // The places' grids score them from now on.
        QStringList grids;
        for (const KeyPlace& place : RiskStore(*e->store).keyPlaces())
            grids << place.gridCode;
        grids.removeDuplicates();
        if (!e->risk->updateGrids(grids, &error))
            return fail(verb, error);
        printLine(QStringLiteral("%1 处重点场所已导入").arg(n));
        return 0;
    }
    if (sub == QLatin1String("list")) {
        const QString verb = QStringLiteral("keyplaces list");
        QCommandLineParser p;
        p.addPositionalArgument(QStringLiteral("county.gpkg"), QStringLiteral("County file."));
        const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print as JSON."));
        p.addOption(json);
        int code = 0;
        if (!parse(p, verb, QStringLiteral("The county's 重点场所 (key places)."), rest, &code))
            return code;
        auto store = openCountyArgument(p, verb, &code, true);
        if (!store)
            return code;
        const QList<KeyPlace> places = RiskStore(*store).keyPlaces();
        if (p.isSet(json)) {
            QJsonArray out;
            for (const KeyPlace& k : places)
                out << QJsonObject{{QStringLiteral("id"), k.id},     {QStringLiteral("name"), k.name},
                                   {QStringLiteral("type"), k.type}, {QStringLiteral("lon"), k.lon},
                                   {QStringLiteral("lat"), k.lat},   {QStringLiteral("grid"), k.gridCode}};
            printJson(QJsonDocument(out));
        } else
            for (const KeyPlace& k : places)
                printLine(QStringLiteral("%1 %2 %3 %4").arg(k.id).arg(k.gridCode, k.type, k.name));
        return 0;
    }
    return fail(QStringLiteral("keyplaces"),
                QStringLiteral("usage: gridctl keyplaces import|list COUNTY … (--help)"), 2);
}

// `gridctl bench risk`: full recompute, one incremental update, Gi*, on a county given or generated.
int runBenchRisk(const QStringList& args) {
    const QString verb = QStringLiteral("bench risk");
    QCommandLineParser p;
    p.addPositionalArgument(
        QStringLiteral("county.gpkg"),
        QStringLiteral("County to measure (default: a demo county generated in a temp folder)."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print as JSON."));
    const QCommandLineOption repeat(QStringLiteral("repeat"),
                                    QStringLiteral("Runs of each measurement (default 3; best kept)."),
                                    QStringLiteral("N"), QStringLiteral("3"));
    p.addOptions({json, repeat});
    int code = 0;
    if (!parse(p, verb,
               QStringLiteral(
                   "Times the risk engine: full recompute, incremental update of one grid after a ticket "
                   "event, Gi* hot spots (adjacency cached), and the one-time adjacency."),
               args, &code))
        return code;
    if (p.positionalArguments().isEmpty())
        return fail(verb,
                    QStringLiteral(
                        "name a county (e.g. gridctl demo --out big.gpkg --grids 90000 --tickets 1000000)"),
                    2);
    const int runs = std::max(1, p.value(repeat).toInt());
    auto e = openEngine(p, verb, &code);
    if (!e)
        return code;
    QString error;
    QElapsedTimer timer;
    // Wall time and the process's CPU time: on a machine shared by many, the CPU time says what the
    // engine costs, the wall time what a user waited.
    const auto best = [&](const std::function<bool()>& work, double* ms, double* cpuMs) {
        *ms = *cpuMs = 1e18;
        for (int i = 0; i < runs; ++i) {
            const std::clock_t cpu = std::clock();
            timer.start();
            if (!work())
                return false;
            *ms = std::min(*ms, timer.nsecsElapsed() / 1e6);
            *cpuMs = std::min(*cpuMs, double(std::clock() - cpu) * 1000.0 / CLOCKS_PER_SEC);
        }
        return true;
    };
    double fullMs = 0, incrementalMs = 0, giMs = 0, adjacencyMs = 0, fullCpu = 0, incrementalCpu = 0,
           giCpu = 0, storedMs = 0, storedCpu = 0;
    // Reading every fact, then (what a second `gridctl risk` does when nothing moved) the stored pass.
    e->risk->setStoredPassUsed(false);
    if (!best([&] { return e->risk->recomputeAll(&error); }, &fullMs, &fullCpu))
        return fail(verb, error);
    e->risk->setStoredPassUsed(true);
    const QDateTime passTime = RiskService::resolveNow({});
    if (!e->risk->recomputeAll(&error, passTime) ||
        !best([&] { return e->risk->recomputeAll(&error, passTime); }, &storedMs, &storedCpu))
        return fail(verb, error);
    // The busiest grid: the most work for one incremental update.
    QString busiest;
    double most = -1;
    for (const RiskAssessment& a : e->risk->assessments(GridLevel::Grid))
        if (a.score > most) {
            most = a.score;
            busiest = a.code;
        }
    if (!best([&] { return e->risk->updateGrids({busiest}, &error); }, &incrementalMs, &incrementalCpu))
        return fail(verb, error);
    // The first Gi* may compute and store the adjacency; later ones read it from the cache.
    timer.start();
    QList<HotSpot> spots = e->risk->hotSpots(GridLevel::Grid, 90, &error);
    adjacencyMs = timer.nsecsElapsed() / 1e6;
    if (!error.isEmpty())
        return fail(verb, error);
    if (!best(
            [&] {
                spots = e->risk->hotSpots(GridLevel::Grid, 90, &error);
                return error.isEmpty();
            },
            &giMs, &giCpu))
        return fail(verb, error);
    const QJsonObject out{{QStringLiteral("grids"), e->store->gridCount(GridLevel::Grid)},
                          {QStringLiteral("tickets"), e->store->ticketCount()},
                          {QStringLiteral("full_recompute_ms"), fullMs},
                          {QStringLiteral("full_recompute_cpu_ms"), fullCpu},
                          {QStringLiteral("stored_pass_ms"), storedMs},
                          {QStringLiteral("stored_pass_cpu_ms"), storedCpu},
                          {QStringLiteral("incremental_update_cpu_ms"), incrementalCpu},
                          {QStringLiteral("gi_star_cpu_ms"), giCpu},
                          {QStringLiteral("incremental_update_ms"), incrementalMs},
                          {QStringLiteral("incremental_grid"), busiest},
                          {QStringLiteral("gi_star_ms"), giMs},
                          {QStringLiteral("first_gi_star_with_adjacency_ms"), adjacencyMs},
                          {QStringLiteral("runs"), runs}};
    if (p.isSet(json))
        printJson(QJsonDocument(out));
    else
        printLine(QStringLiteral("%1 grids, %2 tickets: full %3 ms, incremental %4 ms, Gi* %5 ms (first, "
                                 "with adjacency: %6 ms)")
                      .arg(out[QStringLiteral("grids")].toInt())
                      .arg(out[QStringLiteral("tickets")].toInt())
                      .arg(fullMs, 0, 'f', 1)
                      .arg(incrementalMs, 0, 'f', 2)
                      .arg(giMs, 0, 'f', 1)
                      .arg(adjacencyMs, 0, 'f', 1));
    return 0;
}

const Registrar keyplacesRegistrar(QStringLiteral("keyplaces"),
                                   QStringLiteral("Key places (重点场所): import, list"), runKeyplaces);
const Registrar benchRiskRegistrar(QStringLiteral("bench-risk"),
                                   QStringLiteral("Benchmark of the risk engine"), runBenchRisk);
const Registrar riskRegistrar(QStringLiteral("risk"),
                              QStringLiteral("Five-colour risk: list, explain, override, history, rules"),
                              runRisk);
const Registrar hotspotRegistrar(QStringLiteral("hotspots"),
                                 QStringLiteral("Getis-Ord Gi* hot spots of tickets"), runHotspots);

} // namespace
} // namespace gc::cli
