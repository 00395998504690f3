// The live feed from the command line: serve, simulate, token, workers, bench ingest.
#include "Command.h"

#include "gc/core/ChinaTime.h"
#include "gc/feed/FeedServer.h"
#include "gc/feed/FeedSimulator.h"
#include "gc/feed/ProcessLimits.h"
#include "gc/feed/WorkerStatus.h"
#include "gc/geo/Geometry.h"
#include "gc/store/DemoCountyBuilder.h"
#include "gc/store/FeedStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>
#include <QWebSocket>
#include <atomic>
#include <cmath>
#include <csignal>

namespace gc::cli {
namespace {

std::atomic<bool> g_stopRequested{false};
void requestStop(int) {
    g_stopRequested = true;
}

// Ctrl+C and SIGTERM end the event loop cleanly: the handler only sets a flag, and a
// timer on the event loop acts on it.
void quitOnStopSignals(QTimer& poll) {
    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);
    QObject::connect(&poll, &QTimer::timeout, [] {
        if (g_stopRequested)
            QCoreApplication::quit();
    });
    poll.start(200);
}

// "HOST:PORT" → address and port; false on anything else.
bool parseEndpoint(const QString& text, QHostAddress* address, quint16* port) {
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0)
        return false;
    bool ok = false;
    const uint p = text.mid(colon + 1).toUInt(&ok);
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    if (host == QLatin1String("localhost"))
        host = QStringLiteral("127.0.0.1");
    if (!ok || p > 65535 || !address->setAddress(host))
        return false;
    *port = quint16(p);
    return true;
}

QJsonObject countersJson(const feed::FeedCounters& c) {
    QJsonObject errors;
    for (const feed::FeedError e : feed::allFeedErrors())
        errors.insert(feed::errorKey(e), qint64(c.errors.value(e)));
    return {{QStringLiteral("accepted"), qint64(c.accepted)},
            {QStringLiteral("positions"), qint64(c.positions)},
            {QStringLiteral("checkins"), qint64(c.checkins)},
            {QStringLiteral("tickets"), qint64(c.tickets)},
            {QStringLiteral("without_fix"), qint64(c.withoutFix)},
            {QStringLiteral("errors"), errors}};
}

int runServe(const QStringList& arguments) {
    const QString verb = QStringLiteral("serve");
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("county.gpkg"), QStringLiteral("County file."));
    const QCommandLineOption listen(
        QStringLiteral("listen"),
        QStringLiteral("WebSocket endpoint HOST:PORT (default 127.0.0.1:7420; port 0 picks one)."),
        QStringLiteral("HOST:PORT"), QStringLiteral("127.0.0.1:7420"));
    const QCommandLineOption osmand(
        QStringLiteral("osmand-listen"),
        QStringLiteral("Also serve the OsmAnd/Traccar HTTP protocol on HOST:PORT (Traccar uses 5055)."),
        QStringLiteral("HOST:PORT"));
    const QCommandLineOption nmea(
        QStringLiteral("nmea"),
        QStringLiteral(
            "Read NMEA 0183 over TCP from HOST:PORT as the positions of TOKEN's worker (repeatable)."),
        QStringLiteral("TOKEN@HOST:PORT"));
    const QCommandLineOption rate(
        QStringLiteral("rate-limit"),
        QStringLiteral("Messages per second per device (default 20; 0 = no limit)."), QStringLiteral("N"),
        QStringLiteral("20"));
    const QCommandLineOption retention(QStringLiteral("retention-days"),
                                       QStringLiteral("Position history kept (default 90)."),
                                       QStringLiteral("DAYS"), QStringLiteral("90"));
    p.addOptions({listen, osmand, nmea, rate, retention});
    int code = 0;
    if (!parse(p, verb,
               QStringLiteral("Run the live feed server (WebSocket JSON protocol at ws://HOST:PORT/feed)."),
               arguments, &code))
        return code;
    if (p.positionalArguments().size() != 1)
        return fail(verb, QStringLiteral("expected one county file"), 2);
    QHostAddress address, osmandAddress;
    quint16 port = 0, osmandPort = 0;
    if (!parseEndpoint(p.value(listen), &address, &port))
        return fail(verb, QStringLiteral("--listen expects HOST:PORT, got '%1'").arg(p.value(listen)), 2);
    if (p.isSet(osmand) && !parseEndpoint(p.value(osmand), &osmandAddress, &osmandPort))
        return fail(verb, QStringLiteral("--osmand-listen expects HOST:PORT, got '%1'").arg(p.value(osmand)),
                    2);
    feed::FeedOptions options;
    bool ok = false;
    options.rateLimitPerSecond = p.value(rate).toDouble(&ok);
    if (!ok || options.rateLimitPerSecond < 0)
        return fail(verb, QStringLiteral("--rate-limit expects a number >= 0"), 2);
    options.retentionDays = p.value(retention).toInt(&ok);
    if (!ok || options.retentionDays < 0)
        return fail(verb, QStringLiteral("--retention-days expects a number >= 0"), 2);

    feed::raiseOpenFileLimit();
    feed::FeedServer server(p.positionalArguments().first(), options);
    QString error;
    if (!server.listen(address, port, &error))
        return fail(verb, error);
    if (p.isSet(osmand) && !server.listenOsmAnd(osmandAddress, osmandPort, &error))
        return fail(verb, error);
    for (const QString& spec : p.values(nmea)) {
        const qsizetype at = spec.indexOf(u'@');
        QHostAddress host;
        quint16 nmeaPort = 0;
        if (at <= 0 || !parseEndpoint(spec.mid(at + 1), &host, &nmeaPort))
            return fail(verb, QStringLiteral("--nmea expects TOKEN@HOST:PORT, got '%1'").arg(spec), 2);
        if (!server.addNmeaDevice(spec.left(at), host.toString(), nmeaPort, &error))
            return fail(verb, error);
    }
    printLine(QStringLiteral("feed: ws://%1:%2/feed").arg(address.toString()).arg(server.port()));
    if (server.osmAndPort())
        printLine(
            QStringLiteral("osmand: http://%1:%2/").arg(osmandAddress.toString()).arg(server.osmAndPort()));
    QTimer poll;
    quitOnStopSignals(poll);
    QCoreApplication::exec();
    server.close();
    printJson(QJsonDocument(countersJson(server.pipeline().counters())));
    return 0;
}

int runToken(const QStringList& arguments) {
    const QString verb = QStringLiteral("token");
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("county.gpkg"), QStringLiteral("County file."));
    const QCommandLineOption worker(QStringLiteral("worker"), QStringLiteral("Worker id."),
                                    QStringLiteral("ID"));
    const QCommandLineOption kind(QStringLiteral("kind"), QStringLiteral("Device kind (default phone)."),
                                  QStringLiteral("KIND"), QStringLiteral("phone"));
    const QCommandLineOption revoke(QStringLiteral("revoke"), QStringLiteral("Revoke TOKEN instead."),
                                    QStringLiteral("TOKEN"));
    p.addOptions({worker, kind, revoke});
    int code = 0;
    if (!parse(p, verb,
               QStringLiteral("Issue a device token for a worker (printed as the last line), or revoke one."),
               arguments, &code))
        return code;
    if (p.positionalArguments().size() != 1)
        return fail(verb, QStringLiteral("expected one county file"), 2);
    if (p.isSet(worker) == p.isSet(revoke))
        return fail(verb, QStringLiteral("give either --worker ID or --revoke TOKEN"), 2);
    QString error;
    auto store = CountyStore::open(p.positionalArguments().first(), &error);
    if (!store)
        return fail(verb, error);
    FeedStore feed(*store);
    if (p.isSet(revoke)) {
        if (!feed.revokeToken(p.value(revoke), &error))
            return fail(verb, error);
        printLine(QStringLiteral("revoked"));
        return 0;
    }
    bool ok = false;
    const qint64 id = p.value(worker).toLongLong(&ok);
    if (!ok)
        return fail(verb, QStringLiteral("--worker expects a number"), 2);
    const auto token = feed.issueToken(id, p.value(kind), &error);
    if (!token)
        return fail(verb, error);
    printLine(
        QStringLiteral("device token for worker %1 (use as ?token= on ws://HOST:PORT/feed, or as the OsmAnd "
                       "device identifier):")
            .arg(id));
    printLine(*token);
    return 0;
}

int runWorkers(const QStringList& arguments) {
    const QString verb = QStringLiteral("workers");
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("county.gpkg"), QStringLiteral("County file."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print as JSON."));
    const QCommandLineOption status(QStringLiteral("status"),
                                    QStringLiteral("Only workers with this status."),
                                    QStringLiteral("online|stale|offline"));
    p.addOptions({json, status});
    int code = 0;
    if (!parse(p, verb, QStringLiteral("List workers with their grids, live status and last fix."), arguments,
               &code))
        return code;
    if (p.positionalArguments().size() != 1)
        return fail(verb, QStringLiteral("expected one county file"), 2);
    if (p.isSet(status) &&
        !QStringList{QStringLiteral("online"), QStringLiteral("stale"), QStringLiteral("offline")}.contains(
            p.value(status)))
        return fail(verb, QStringLiteral("--status expects online, stale or offline"), 2);
    QString error;
    auto store = CountyStore::open(p.positionalArguments().first(), &error, CountyStore::Access::ReadOnly);
    if (!store)
        return fail(verb, error);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QJsonArray out;
    QTextStream text(stdout);
    for (const WorkerRecord& w : store->workers()) {
        const feed::WorkerStatus s = feed::workerStatus(w.lastAt, now);
        if (p.isSet(status) && feed::toKey(s) != p.value(status))
            continue;
        const bool seen = w.lastAt.isValid();
        if (p.isSet(json)) {
            out.append(QJsonObject{{QStringLiteral("id"), w.id},
                                   {QStringLiteral("name"), w.name},
                                   {QStringLiteral("grids"), QJsonArray::fromStringList(w.gridCodes)},
                                   {QStringLiteral("status"), feed::toKey(s)},
                                   {QStringLiteral("lon"), seen ? QJsonValue(w.lastLon) : QJsonValue()},
                                   {QStringLiteral("lat"), seen ? QJsonValue(w.lastLat) : QJsonValue()},
                                   {QStringLiteral("at"),
                                    seen ? QJsonValue(w.lastAt.toUTC().toString(Qt::ISODate)) : QJsonValue()},
                                   {QStringLiteral("accuracy"),
                                    seen && w.lastAccuracy > 0 ? QJsonValue(w.lastAccuracy) : QJsonValue()}});
        } else {
            text << w.id << '\t' << w.name << '\t' << w.gridCodes.join(u',') << '\t' << feed::toKey(s);
            if (seen)
                text << '\t' << QString::number(w.lastLon, 'f', 6) << ','
                     << QString::number(w.lastLat, 'f', 6) << '\t' << w.lastAt.toString(Qt::ISODate);
            text << '\n';
        }
    }
    if (p.isSet(json))
        printJson(QJsonDocument(out));
    return 0;
}

int runSimulate(const QStringList& arguments) {
    const QString verb = QStringLiteral("simulate");
    QCommandLineParser p;
    const QCommandLineOption url(QStringLiteral("url"),
                                 QStringLiteral("Feed server (default ws://127.0.0.1:7420/feed)."),
                                 QStringLiteral("URL"), QStringLiteral("ws://127.0.0.1:7420/feed"));
    const QCommandLineOption county(
        QStringLiteral("county"),
        QStringLiteral("County file the server writes to: the simulator reads the workers' "
                       "grids from it and issues them device tokens (kind 'simulator', "
                       "reused on later runs)."),
        QStringLiteral("county.gpkg"));
    const QCommandLineOption workers(QStringLiteral("workers"),
                                     QStringLiteral("Simulated workers (default 100)."), QStringLiteral("N"),
                                     QStringLiteral("100"));
    const QCommandLineOption duration(QStringLiteral("duration"),
                                      QStringLiteral("Seconds to run (default 60; 0 = until Ctrl-C)."),
                                      QStringLiteral("S"), QStringLiteral("60"));
    const QCommandLineOption interval(
        QStringLiteral("interval"),
        QStringLiteral("Fixed report interval in seconds (default: random 10–30 s)."), QStringLiteral("SEC"));
    const QCommandLineOption tickets(QStringLiteral("tickets-per-min"),
                                     QStringLiteral("Tickets reported per minute (default 1)."),
                                     QStringLiteral("T"), QStringLiteral("1"));
    const QCommandLineOption gcj(
        QStringLiteral("gcj02-share"),
        QStringLiteral("Share 0–1 of workers whose phones report GCJ-02 (default 0)."), QStringLiteral("P"),
        QStringLiteral("0"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Random seed (default 1)."),
                                  QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption osmandUrl(
        QStringLiteral("osmand-url"),
        QStringLiteral("The server's OsmAnd/Traccar listener (http://HOST:PORT/): workers beyond "
                       "--max-websockets report there, as Traccar Client does."),
        QStringLiteral("URL"));
    const QCommandLineOption maxWebSockets(
        QStringLiteral("max-websockets"),
        QStringLiteral("Workers that hold a WebSocket each (default: all); the rest need --osmand-url."),
        QStringLiteral("N"), QStringLiteral("0"));
    p.addOptions({url, county, workers, duration, interval, tickets, gcj, seed, osmandUrl, maxWebSockets});
    int code = 0;
    if (!parse(p, verb,
               QStringLiteral("Drive a feed server with workers patrolling their grids (the real protocol)."),
               arguments, &code))
        return code;
    if (!p.isSet(county))
        return fail(verb,
                    QStringLiteral("--county county.gpkg is required (the workers' grids and device tokens)"),
                    2);
    feed::SimulatorOptions o;
    o.url = QUrl(p.value(url));
    if (!o.url.isValid() || (o.url.scheme() != QLatin1String("ws") && o.url.scheme() != QLatin1String("wss")))
        return fail(verb, QStringLiteral("--url expects ws://HOST:PORT/feed"), 2);
    if (o.url.path().isEmpty())
        o.url.setPath(QStringLiteral("/feed"));
    bool ok1 = false, ok2 = false, ok3 = false, ok4 = false, ok5 = false;
    const int n = p.value(workers).toInt(&ok1);
    o.durationSeconds = p.value(duration).toInt(&ok2);
    o.ticketsPerMinute = p.value(tickets).toDouble(&ok3);
    o.gcj02Share = p.value(gcj).toDouble(&ok4);
    o.seed = p.value(seed).toUInt(&ok5);
    if (!ok1 || n < 1 || !ok2 || o.durationSeconds < 0 || !ok3 || o.ticketsPerMinute < 0 || !ok4 ||
        o.gcj02Share < 0 || o.gcj02Share > 1 || !ok5)
        return fail(verb,
                    QStringLiteral(
                        "--workers >= 1, --duration >= 0, --tickets-per-min >= 0, --gcj02-share in [0, 1]"),
                    2);
    if (p.isSet(interval)) {
        bool ok = false;
        const int s = p.value(interval).toInt(&ok);
        if (!ok || s < 1)
            return fail(verb, QStringLiteral("--interval expects seconds >= 1"), 2);
        o.minIntervalSeconds = o.maxIntervalSeconds = s;
    }
    bool okMax = false;
    o.maxWebSockets = p.value(maxWebSockets).toInt(&okMax);
    if (!okMax || o.maxWebSockets < 0)
        return fail(verb, QStringLiteral("--max-websockets expects a number >= 0"), 2);
    o.osmandUrl = QUrl(p.value(osmandUrl));
    if (o.maxWebSockets > 0 && o.maxWebSockets < n &&
        (!o.osmandUrl.isValid() || o.osmandUrl.scheme() != QLatin1String("http") || o.osmandUrl.port() <= 0))
        return fail(
            verb, QStringLiteral("--max-websockets below --workers needs --osmand-url http://HOST:PORT/"), 2);
    feed::raiseOpenFileLimit();
    QString error;
    QList<feed::SimulatedWorker> simulated;
    {
        auto store = CountyStore::open(p.value(county), &error);
        if (!store)
            return fail(verb, error);
        simulated = feed::FeedSimulator::prepareWorkers(*store, n, o.seed, &error);
        if (simulated.isEmpty())
            return fail(verb, error.isEmpty() ? QStringLiteral("the county has no on-duty workers with grids")
                                              : error);
    }
    feed::FeedSimulator simulator(o);
    QObject::connect(&simulator, &feed::FeedSimulator::finished, [] { QCoreApplication::quit(); });
    QTimer poll;
    quitOnStopSignals(poll);
    simulator.start(simulated);
    QCoreApplication::exec();
    // Let the last acknowledgements arrive, then close.
    QElapsedTimer drain;
    drain.start();
    while (simulator.counters().acked + simulator.counters().errors < simulator.counters().sent &&
           drain.elapsed() < 5000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    simulator.stop();
    const auto& c = simulator.counters();
    printJson(QJsonDocument(QJsonObject{{QStringLiteral("workers"), int(simulated.size())},
                                        {QStringLiteral("connected"), qint64(c.connected)},
                                        {QStringLiteral("sent"), qint64(c.sent)},
                                        {QStringLiteral("acked"), qint64(c.acked)},
                                        {QStringLiteral("errors"), qint64(c.errors)},
                                        {QStringLiteral("checkins"), qint64(c.checkins)},
                                        {QStringLiteral("tickets"), qint64(c.tickets)}}));
    if (c.connected == 0)
        return fail(verb, QStringLiteral("could not connect to %1").arg(o.url.toString()));
    return 0;
}

// ---- bench ingest ------------------------------------------------------------------

struct BenchResult {
    quint64 sent = 0, acked = 0, errors = 0;
    std::vector<float> latenciesMs;
    QString firstError;
};

// Concurrent WebSocket clients in their own thread, each keeping `window` positions in
// flight and sending the next as soon as one is acknowledged.
class BenchClients : public QObject {
public:
    BenchClients(QUrl url, QStringList tokens, QPointF origin, int window, int seconds)
        : m_url(std::move(url)), m_tokens(std::move(tokens)), m_origin(origin), m_window(window),
          m_seconds(seconds) {}

    void run() {
        m_clock.start();
        m_sockets.reserve(m_tokens.size());
        m_sent.resize(m_tokens.size());
        for (int i = 0; i < int(m_tokens.size()); ++i) {
            QUrl u = m_url;
            u.setQuery(QStringLiteral("token=") + m_tokens.at(i));
            auto* s = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
            m_sockets << s;
            QObject::connect(s, &QWebSocket::connected, this, [this, i] {
                for (int k = 0; k < m_window; ++k)
                    sendOne(i);
            });
            QObject::connect(s, &QWebSocket::textMessageReceived, this,
                             [this, i](const QString& text) { onReply(i, text); });
            s->open(u);
        }
        QTimer::singleShot(m_seconds * 1000, this, [this] { m_sending = false; });
    }
    bool drained() const { return !m_sending && result.acked + result.errors >= result.sent; }
    double elapsedSeconds() const { return m_stopMs / 1000.0; }
    void closeAll() {
        for (QWebSocket* s : std::as_const(m_sockets))
            s->close();
    }

    BenchResult result;

private:
    void sendOne(int i) {
        if (!m_sending)
            return;
        const quint64 id = ++m_nextId;
        const double step = double(id % 1000) * 1e-6;
        const QByteArray msg = "{\"type\":\"position\",\"id\":" + QByteArray::number(id) +
                               ",\"lon\":" + QByteArray::number(m_origin.x() + step, 'f', 7) +
                               ",\"lat\":" + QByteArray::number(m_origin.y() + step, 'f', 7) +
                               ",\"accuracy\":8,\"speed\":1.2,\"heading\":90,\"time\":" +
                               QByteArray::number(QDateTime::currentSecsSinceEpoch()) + "}";
        m_sent[i].insert(id, m_clock.nsecsElapsed());
        m_sockets.at(i)->sendTextMessage(QString::fromLatin1(msg));
        ++result.sent;
        m_stopMs = m_clock.elapsed();
    }
    void onReply(int i, const QString& text) {
        const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
        const quint64 id = quint64(o.value(QLatin1String("id")).toDouble());
        const auto it = m_sent[i].find(id);
        if (it != m_sent[i].end()) {
            result.latenciesMs.push_back(float((m_clock.nsecsElapsed() - *it) / 1e6));
            m_sent[i].erase(it);
        }
        if (o.value(QLatin1String("type")) == QLatin1String("ack")) {
            ++result.acked;
        } else {
            ++result.errors;
            if (result.firstError.isEmpty())
                result.firstError = text;
        }
        sendOne(i);
    }

    QUrl m_url;
    QStringList m_tokens;
    QPointF m_origin;
    int m_window;
    int m_seconds;
    bool m_sending = true;
    quint64 m_nextId = 0;
    qint64 m_stopMs = 0;
    QElapsedTimer m_clock;
    QList<QWebSocket*> m_sockets;
    std::vector<QHash<quint64, qint64>> m_sent;
};

int runBenchIngest(const QStringList& arguments) {
    const QString verb = QStringLiteral("bench ingest");
    QCommandLineParser p;
    p.addPositionalArgument(
        QStringLiteral("county.gpkg"),
        QStringLiteral("County file (default: a fresh 200-grid demo county in a temporary folder)."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print as JSON."));
    const QCommandLineOption duration(QStringLiteral("duration"),
                                      QStringLiteral("Seconds of load (default 60)."), QStringLiteral("S"),
                                      QStringLiteral("60"));
    const QCommandLineOption clients(QStringLiteral("clients"),
                                     QStringLiteral("Concurrent WebSocket clients (default 16)."),
                                     QStringLiteral("N"), QStringLiteral("16"));
    const QCommandLineOption window(QStringLiteral("window"),
                                    QStringLiteral("Unacknowledged messages per client (default 128)."),
                                    QStringLiteral("N"), QStringLiteral("128"));
    p.addOptions({json, duration, clients, window});
    int code = 0;
    if (!parse(p, verb,
               QStringLiteral(
                   "Drive a loopback feed server with concurrent WebSocket clients; count what reached the "
                   "file. The per-device rate limit is off: one bench client stands for many phones."),
               arguments, &code))
        return code;
    bool ok1 = false, ok2 = false, ok3 = false;
    const int seconds = p.value(duration).toInt(&ok1);
    const int clientCount = p.value(clients).toInt(&ok2);
    const int windowSize = p.value(window).toInt(&ok3);
    if (!ok1 || seconds < 1 || !ok2 || clientCount < 1 || clientCount > 2000 || !ok3 || windowSize < 1)
        return fail(verb, QStringLiteral("--duration >= 1, --clients in [1, 2000], --window >= 1"), 2);
    if (p.positionalArguments().size() > 1)
        return fail(verb, QStringLiteral("expected at most one county file"), 2);

    QTemporaryDir tmp;
    QString path;
    QString error;
    if (p.positionalArguments().isEmpty()) {
        path = tmp.filePath(QStringLiteral("bench.gpkg"));
        DemoOptions demo;
        demo.grids = 200;
        demo.ticketsPerGrid = 0.5;
        if (!DemoCountyBuilder::build(path, demo, &error))
            return fail(verb, error);
    } else {
        path = p.positionalArguments().first();
    }
    QStringList tokens;
    QList<qint64> workerIds;
    qint64 maxIdBefore = 0;
    QPointF origin;
    {
        auto store = CountyStore::open(path, &error);
        if (!store)
            return fail(verb, error);
        FeedStore feed(*store);
        const QList<WorkerRecord> workers = store->workers();
        if (workers.isEmpty())
            return fail(verb, QStringLiteral("the county has no workers"));
        QList<qint64> clientWorkers;
        for (int i = 0; i < clientCount; ++i) {
            const qint64 id = workers.at(i % workers.size()).id;
            clientWorkers << id;
            if (!workerIds.contains(id))
                workerIds << id;
        }
        const auto issued = feed.issueTokens(clientWorkers, QStringLiteral("bench"), &error);
        if (!issued)
            return fail(verb, error);
        tokens = *issued;
        if (const auto g = store->grid(workers.first().gridCodes.value(0)))
            origin = geo::interiorPoint(g->wkb);
        QSqlQuery q(store->database());
        if (q.exec(QStringLiteral("SELECT coalesce(max(id), 0) FROM positions")) && q.next())
            maxIdBefore = q.value(0).toLongLong();
    }

    feed::FeedOptions options;
    options.rateLimitPerSecond = 0;
    feed::FeedServer server(path, options);
    if (!server.listen(QHostAddress::LocalHost, 0, &error))
        return fail(verb, error);
    QThread clientThread;
    BenchClients bench(QUrl(QStringLiteral("ws://127.0.0.1:%1/feed").arg(server.port())), tokens, origin,
                       windowSize, seconds);
    bench.moveToThread(&clientThread);
    clientThread.start();
    QMetaObject::invokeMethod(
        &bench, [&bench] { bench.run(); }, Qt::QueuedConnection);
    QElapsedTimer wall;
    wall.start();
    std::atomic<bool> drained{false};
    while (!drained && wall.elapsed() < (seconds + 30) * 1000LL) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        if (wall.elapsed() > seconds * 1000LL)
            QMetaObject::invokeMethod(
                &bench, [&] { drained = bench.drained(); }, Qt::BlockingQueuedConnection);
    }
    QMetaObject::invokeMethod(
        &bench, [&bench] { bench.closeAll(); }, Qt::BlockingQueuedConnection);
    server.close();
    clientThread.quit();
    clientThread.wait();

    qint64 stored = -1;
    {
        auto store = CountyStore::open(path, &error);
        if (!store)
            return fail(verb, error);
        QStringList ids;
        for (qint64 id : std::as_const(workerIds))
            ids << QString::number(id);
        QSqlQuery q(store->database());
        if (q.exec(QStringLiteral("SELECT count(*) FROM positions WHERE id > %1 AND worker_id IN (%2)")
                       .arg(maxIdBefore)
                       .arg(ids.join(u','))) &&
            q.next())
            stored = q.value(0).toLongLong();
    }
    BenchResult& r = bench.result;
    std::sort(r.latenciesMs.begin(), r.latenciesMs.end());
    const auto percentile = [&](double q) {
        return r.latenciesMs.empty() ? 0.0
                                     : double(r.latenciesMs[size_t(q * double(r.latenciesMs.size() - 1))]);
    };
    const double elapsed = std::max(0.001, bench.elapsedSeconds());
    const qint64 lost = std::max<qint64>(0, qint64(r.acked) - stored);
    const QJsonObject out{{QStringLiteral("messages"), qint64(r.acked)},
                          {QStringLiteral("seconds"), std::round(elapsed * 100) / 100},
                          {QStringLiteral("positions_per_s"), std::round(double(r.acked) / elapsed)},
                          {QStringLiteral("lost"), lost},
                          {QStringLiteral("p99_ack_ms"), std::round(percentile(0.99) * 10) / 10},
                          {QStringLiteral("p50_ack_ms"), std::round(percentile(0.5) * 10) / 10},
                          {QStringLiteral("stored"), stored},
                          {QStringLiteral("errors"), qint64(r.errors)},
                          {QStringLiteral("clients"), clientCount},
                          {QStringLiteral("window"), windowSize}};
    if (p.isSet(json)) {
        printJson(QJsonDocument(out));
    } else {
        printLine(
            QStringLiteral("%1 positions in %2 s = %3/s, p50 ack %4 ms, p99 ack %5 ms, lost %6, errors %7")
                .arg(r.acked)
                .arg(elapsed, 0, 'f', 1)
                .arg(double(r.acked) / elapsed, 0, 'f', 0)
                .arg(percentile(0.5), 0, 'f', 1)
                .arg(percentile(0.99), 0, 'f', 1)
                .arg(lost)
                .arg(r.errors));
    }
    if (!r.firstError.isEmpty())
        fail(verb, QStringLiteral("first error reply: %1").arg(r.firstError), 0);
    return lost == 0 && stored >= 0 ? 0 : 1;
}

const Registrar serveRegistrar(QStringLiteral("serve"), QStringLiteral("Run the live feed server"), runServe);
const Registrar simulateRegistrar(QStringLiteral("simulate"),
                                  QStringLiteral("Simulate grid workers on a feed server"), runSimulate);
const Registrar tokenRegistrar(QStringLiteral("token"),
                               QStringLiteral("Issue or revoke a worker's device token"), runToken);
const Registrar workersRegistrar(QStringLiteral("workers"),
                                 QStringLiteral("Workers with live status and last fix"), runWorkers);
// `gridctl bench ingest …` reaches this through the shared `bench` verb, which hands a
// subject to the command registered as `bench-<subject>`.
const Registrar benchIngestRegistrar(QStringLiteral("bench-ingest"),
                                     QStringLiteral("Time the live feed's ingestion (gridctl bench ingest)"),
                                     runBenchIngest);

} // namespace
} // namespace gc::cli
