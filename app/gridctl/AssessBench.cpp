// `gridctl bench assess`: scoring a month for 20,000 workers and patrol coverage of a day for 5,000
// workers at one fix a minute, on counties generated at run time in a temporary folder.
#include "Command.h"

#include "gc/assess/AssessService.h"
#include "gc/core/ChinaTime.h"
#include "gc/geo/Geometry.h"
#include "gc/store/CountyStore.h"
#include "gc/store/FeedStore.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QThread>
#include <cmath>
#include <ctime>
#include <random>

namespace gc::cli {
namespace {

class Draw {
public:
    explicit Draw(quint64 seed) : m_engine(seed) {}
    double uniform() { return double(m_engine() >> 11) * (1.0 / 9007199254740992.0); }
    double between(double a, double b) { return a + (b - a) * uniform(); }
    int below(int n) { return int(uniform() * n) % std::max(1, n); }

private:
    std::mt19937_64 m_engine;
};

double loadAverage() {
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? f.readAll().split(' ').value(0).toDouble() : -1;
}

// Timing of one step: wall and CPU (all threads).
struct Timing {
    double wallMs = 0, cpuMs = 0;
};
template <typename F> Timing timed(F&& work) {
    QElapsedTimer timer;
    timer.start();
    const std::clock_t cpu = std::clock();
    work();
    return {timer.nsecsElapsed() / 1e6, double(std::clock() - cpu) * 1000.0 / CLOCKS_PER_SEC};
}

std::unique_ptr<CountyStore> newCounty(const QString& path, QString* error) {
    return CountyStore::create(path, {QStringLiteral("210699"), QStringLiteral("基准县"), chinaNow(), 0},
                               error);
}

// `count` square grids of `sideM` metres in rows, south-west corner near Dandong.
QList<GridRecord> squareGrids(int count, double sideM) {
    const double lat0 = 40.0, lon0 = 124.0;
    const double dLat = sideM / 111000.0, dLon = sideM / (111000.0 * std::cos(lat0 * M_PI / 180));
    const int perRow = int(std::ceil(std::sqrt(double(count))));
    QList<GridRecord> grids;
    for (int i = 0; i < count; ++i) {
        GridRecord g;
        g.code = QStringLiteral("210699001001%1").arg(i + 1, 3, 10, QLatin1Char('0'));
        if (i >= 999)
            g.code = QStringLiteral("2106990%1").arg(i + 1, 8, 10, QLatin1Char('0'));
        g.name = QStringLiteral("网格%1").arg(i + 1);
        const double x = lon0 + (i % perRow) * dLon, y = lat0 + (i / perRow) * dLat;
        g.wkb = geo::fromWkt(QStringLiteral("POLYGON((%1 %2, %3 %2, %3 %4, %1 %4, %1 %2))")
                                 .arg(x, 0, 'f', 9)
                                 .arg(y, 0, 'f', 9)
                                 .arg(x + dLon, 0, 'f', 9)
                                 .arg(y + dLat, 0, 'f', 9));
        grids << g;
    }
    return grids;
}

// County A: `workers` workers and a month of recorded work (check-ins, reported tickets with
// 网格内办结 and ratings, on-site checks with arrivals), no positions.
bool buildScoringCounty(CountyStore& store, int workers, const AssessPeriod& period, QString* error) {
    Draw draw(20261129);
    QList<WorkerRecord> people(workers);
    for (int i = 0; i < workers; ++i) {
        people[i].name = QStringLiteral("网格员%1").arg(i + 1);
        people[i].gridCodes << QStringLiteral("2106990%1").arg(i + 1, 8, 10, QLatin1Char('0'));
    }
    if (!store.insertWorkers(people, error))
        return false;
    const int days = int(period.first.daysTo(period.last)) + 1;
    QList<CheckinRecord> checkins;
    QList<Ticket> tickets;
    QList<QList<TicketEvent>> events;
    const auto event = [](TicketAction a, qint64 at, const QString& actor, qint64 worker = 0) {
        TicketEvent e;
        e.action = a;
        e.at = fromEpochSeconds(at);
        e.actor = actor;
        e.workerId = worker;
        return e;
    };
    for (const WorkerRecord& w : people) {
        const double diligence = draw.uniform();
        for (int d = 0; d < days; ++d)
            for (int k = 0; k < int(diligence * 3); ++k)
                checkins << CheckinRecord{
                    w.id, period.from + d * 86400 + 8 * 3600 + draw.below(9 * 3600), false, 0, 0, {}};
        const QString reporter = QStringLiteral("worker:%1").arg(w.id);
        for (int k = 0; k < 4; ++k) { // reported, half handled inside the grid, a third rated
            Ticket t;
            t.category = draw.uniform() < 0.3 ? QStringLiteral("J0101") : QStringLiteral("C0101");
            t.source = TicketSource::Patrol;
            t.state = TicketState::Closed;
            t.reporter = reporter;
            t.gridCode = w.gridCodes.first();
            const qint64 at = period.from + draw.below(days * 86400 - 7200);
            t.createdAt = fromEpochSeconds(at);
            QList<TicketEvent> list{event(TicketAction::Report, at, reporter)};
            if (k % 2 == 0)
                list << event(TicketAction::SelfResolve, at + 1800, reporter);
            if (k % 3 == 0)
                list << event(draw.uniform() < 0.9 ? TicketAction::RateSatisfied
                                                   : TicketAction::RateUnsatisfied,
                              at + 3600, QStringLiteral("市民"));
            tickets << t;
            events << list;
        }
        for (int k = 0; k < 2; ++k) { // on-site checks: most on time, some late, some never
            Ticket t;
            t.category = QStringLiteral("C0101");
            t.source = TicketSource::CitizenApp;
            t.state = TicketState::Dispatched;
            t.reporter = QStringLiteral("市民");
            t.gridCode = w.gridCodes.first();
            const qint64 at = period.from + draw.below(days * 86400 - 7200);
            t.createdAt = fromEpochSeconds(at);
            QList<TicketEvent> list{
                event(TicketAction::Report, at, t.reporter),
                event(TicketAction::AssignCheck, at + 300, QStringLiteral("值班员"), w.id)};
            if (draw.uniform() < 0.9)
                list << event(TicketAction::Arrive, at + 300 + qint64(draw.between(2, 20) * 60), reporter,
                              w.id);
            tickets << t;
            events << list;
        }
    }
    return store.insertTicketHistory(tickets, events, error) &&
           FeedStore(store).writeBatch({}, checkins, error);
}

// County B: `workers` workers, one 1 km square grid each, and a day of one fix a minute: a walk with
// headings that drift, turning back at the grid's edge; one fix in twenty of poor accuracy.
bool buildCoverageCounty(CountyStore& store, int workers, const QDate& day, qint64* fixCount,
                         QString* error) {
    const QList<GridRecord> grids = squareGrids(workers, 1000);
    if (!store.insertGrids(GridLevel::Grid, grids, error))
        return false;
    QList<WorkerRecord> people(workers);
    for (int i = 0; i < workers; ++i) {
        people[i].name = QStringLiteral("网格员%1").arg(i + 1);
        people[i].gridCodes << grids[i].code;
    }
    if (!store.insertWorkers(people, error))
        return false;
    Draw draw(7);
    FeedStore feed(store);
    const qint64 start = QDateTime(day, QTime(0, 0), chinaTimeZone()).toSecsSinceEpoch();
    QList<PositionFix> batch;
    for (int i = 0; i < workers; ++i) {
        const QRectF box = geo::bounds(grids[i].wkb);
        QPointF at = box.center();
        double heading = draw.between(0, 2 * M_PI);
        for (int m = 0; m < 1440; ++m) {
            heading += draw.between(-0.5, 0.5);
            QPointF next(at.x() + std::cos(heading) * 50 / 85000.0,
                         at.y() + std::sin(heading) * 50 / 111000.0);
            if (!box.contains(next)) {
                heading += M_PI;
                next = at;
            }
            at = next;
            PositionFix f;
            f.workerId = people[i].id;
            f.at = start + m * 60;
            f.lon = at.x();
            f.lat = at.y();
            f.accuracy = draw.uniform() < 0.05 ? 120 : draw.between(4, 20);
            f.source = QStringLiteral("bench");
            f.live = false;
            batch << f;
        }
        if (batch.size() >= 200000 || i + 1 == workers) {
            if (!feed.writeBatch(batch, {}, error))
                return false;
            *fixCount += batch.size();
            batch.clear();
        }
    }
    return true;
}

int runBenchAssess(const QStringList& args) {
    const QString verb = QStringLiteral("bench assess");
    QCommandLineParser p;
    const QCommandLineOption workers(QStringLiteral("workers"),
                                     QStringLiteral("Workers scored (default 20000)."), QStringLiteral("N"),
                                     QStringLiteral("20000"));
    const QCommandLineOption coverageWorkers(QStringLiteral("coverage-workers"),
                                             QStringLiteral("Workers whose day is covered (default 5000)."),
                                             QStringLiteral("N"), QStringLiteral("5000"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print as JSON."));
    p.addOptions({workers, coverageWorkers, json});
    int code = 0;
    if (!parse(p, verb,
               QStringLiteral(
                   "Times scoring a month for many workers (county generated here, with check-ins, "
                   "reports, ratings and on-site checks) and the patrol coverage of one day at one fix a "
                   "minute (GEOS buffers). Figures only; no limits asserted."),
               args, &code))
        return code;
    bool ok1 = false, ok2 = false;
    const int n = p.value(workers).toInt(&ok1), nc = p.value(coverageWorkers).toInt(&ok2);
    if (!ok1 || !ok2 || n < 1 || nc < 1 || n > 200000 || nc > 50000)
        return fail(verb, QStringLiteral("--workers and --coverage-workers must be from 1 to 200000 / 50000"),
                    2);
    QTemporaryDir dir;
    QString error;
    const QDateTime now = chinaNow();
    const AssessPeriod period = AssessPeriod::containing(now.addMonths(-1));
    QJsonObject out{{QStringLiteral("workers"), n},
                    {QStringLiteral("period"), period.key},
                    {QStringLiteral("cores"), QThread::idealThreadCount()},
                    {QStringLiteral("load_average_before"), loadAverage()}};

    // --- Scoring ---
    auto a = newCounty(dir.filePath(QStringLiteral("scoring.gpkg")), &error);
    if (!a)
        return fail(verb, error);
    const Timing build = timed([&] { buildScoringCounty(*a, n, period, &error); });
    if (!error.isEmpty())
        return fail(verb, error);
    AssessService scoring(*a);
    if (!scoring.load(&error))
        return fail(verb, error);
    std::optional<QList<WorkerScore>> scores;
    const Timing first = timed([&] { scores = scoring.score(period, 0, now, &error, false); });
    if (!scores)
        return fail(verb, error);
    Timing steady{1e300, 1e300};
    for (int run = 0; run < 3; ++run) {
        const Timing t = timed([&] { scores = scoring.score(period, 0, now, &error, false); });
        if (!scores)
            return fail(verb, error);
        steady = {std::min(steady.wallMs, t.wallMs), std::min(steady.cpuMs, t.cpuMs)};
    }
    out.insert(QStringLiteral("scoring_county_build_ms"), build.wallMs);
    out.insert(QStringLiteral("tickets"), a->ticketCount());
    out.insert(QStringLiteral("checkins"), FeedStore(*a).checkinCount());
    out.insert(QStringLiteral("score_first_ms"),
               first.wallMs);                              // day summaries made (no positions) and stored
    out.insert(QStringLiteral("score_ms"), steady.wallMs); // summaries stored: the usual case
    out.insert(QStringLiteral("score_cpu_ms"), steady.cpuMs);
    out.insert(QStringLiteral("scored_workers"), int(scores->size()));
    a.reset();

    // --- Coverage ---
    auto b = newCounty(dir.filePath(QStringLiteral("coverage.gpkg")), &error);
    if (!b)
        return fail(verb, error);
    const QDate day = now.date().addDays(-1);
    qint64 fixes = 0;
    const Timing written = timed([&] { buildCoverageCounty(*b, nc, day, &fixes, &error); });
    if (!error.isEmpty())
        return fail(verb, error);
    AssessService coverage(*b);
    if (!coverage.load(&error))
        return fail(verb, error);
    std::optional<QList<WorkerDay>> days;
    const double loadBefore = loadAverage();
    const Timing covered = timed([&] { days = coverage.days(day, day, 0, now, &error); });
    if (!days)
        return fail(verb, error);
    double shareSum = 0;
    for (const WorkerDay& d : *days)
        shareSum += d.coveredShare();
    out.insert(QStringLiteral("coverage_workers"), nc);
    out.insert(QStringLiteral("coverage_fixes"), fixes);
    out.insert(QStringLiteral("coverage_write_fixes_ms"), written.wallMs);
    out.insert(QStringLiteral("coverage_day_ms"), covered.wallMs); // read tracks + buffers + store summaries
    out.insert(QStringLiteral("coverage_day_cpu_ms"), covered.cpuMs);
    out.insert(QStringLiteral("coverage_mean_share"), days->isEmpty() ? 0 : shareSum / double(days->size()));
    out.insert(QStringLiteral("load_average_during_coverage"), loadBefore);
    out.insert(QStringLiteral("load_average_after"), loadAverage());
    if (p.isSet(json))
        printJson(QJsonDocument(out));
    else
        printLine(QStringLiteral(
                      "scoring %1 workers for %2: %3 ms (first, making day summaries: %4 ms); coverage of "
                      "%5 workers' day (%6 fixes): %7 ms")
                      .arg(n)
                      .arg(period.key)
                      .arg(steady.wallMs, 0, 'f', 0)
                      .arg(first.wallMs, 0, 'f', 0)
                      .arg(nc)
                      .arg(fixes)
                      .arg(covered.wallMs, 0, 'f', 0));
    return 0;
}

const Registrar benchAssessRegistrar(QStringLiteral("bench-assess"),
                                     QStringLiteral("Benchmark of the assessment (scoring, coverage)"),
                                     runBenchAssess);

} // namespace
} // namespace gc::cli
