#include "gc/feed/FeedSimulator.h"

#include "gc/core/CategoryTable.h"
#include "gc/feed/GridShape.h"
#include "gc/feed/OsmAndHttpServer.h"
#include "gc/geo/ChinaCoordinates.h"
#include "gc/geo/Geometry.h"
#include "gc/store/CountyStore.h"
#include "gc/store/FeedStore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QUrlQuery>
#include <QWebSocket>
#include <cmath>

namespace gc::feed {

namespace {

constexpr double kWalkingSpeed = 1.2; // m/s
constexpr int kTickMs = 250;
constexpr qsizetype kConnectsPerTick = 500; // 2,000 phones a second come online

const char* const kTicketTexts[] = {
    QT_TRANSLATE_NOOP("FeedSimulator", "路边有暴露垃圾，已拍照"),
    QT_TRANSLATE_NOOP("FeedSimulator", "井盖缺失，存在安全隐患"),
    QT_TRANSLATE_NOOP("FeedSimulator", "占道经营，影响通行"),
    QT_TRANSLATE_NOOP("FeedSimulator", "路灯不亮，夜间照明不足"),
    QT_TRANSLATE_NOOP("FeedSimulator", "楼道堆放杂物，消防通道堵塞"),
    QT_TRANSLATE_NOOP("FeedSimulator", "居民反映噪音扰民"),
    QT_TRANSLATE_NOOP("FeedSimulator", "绿化带损毁"),
    QT_TRANSLATE_NOOP("FeedSimulator", "积水严重，影响出行"),
};

} // namespace

FeedSimulator::FeedSimulator(const SimulatorOptions& options, QObject* parent)
    : QObject(parent), m_options(options), m_rng(options.seed) {
    m_ticker.setInterval(kTickMs);
    connect(&m_ticker, &QTimer::timeout, this, &FeedSimulator::tick);
}

FeedSimulator::~FeedSimulator() {
    stop();
}

QList<SimulatedWorker> FeedSimulator::prepareWorkers(CountyStore& store, int count, quint32 seed,
                                                     QString* error) {
    QList<SimulatedWorker> out;
    FeedStore feed(store);
    QHash<qint64, QString> tokens;
    for (const DeviceRecord& d : feed.devices(QStringLiteral("simulator")))
        if (d.revokedAt == 0)
            tokens.insert(d.workerId, d.token);
    // Workers patrol grid-level grids: those are read at once, anything else one by one.
    QHash<QString, QByteArray> gridShapes;
    for (const GridRecord& g : store.grids(GridLevel::Grid, true))
        gridShapes.insert(g.code, g.wkb);
    QRandomGenerator rng(seed);
    QList<qint64> needTokens;
    for (const WorkerRecord& w : store.workers()) {
        if (int(out.size()) >= count)
            break;
        if (!w.onDuty || w.gridCodes.isEmpty())
            continue;
        const QString code = w.gridCodes.first();
        QByteArray wkb = gridShapes.value(code);
        if (wkb.isEmpty())
            if (const auto grid = store.grid(code))
                wkb = grid->wkb;
        SimulatedWorker s;
        s.workerId = w.id;
        s.gridCode = code;
        s.grid = gridPathFromWkb(wkb);
        if (s.grid.isEmpty())
            continue;
        // Start where the worker was last seen when that is inside the grid, so a restarted
        // simulation continues instead of jumping.
        const QPointF last(w.lastLon, w.lastLat);
        s.position = w.lastAt.isValid() && s.grid.contains(last) ? last : geo::interiorPoint(wkb);
        s.heading = rng.bounded(360.0);
        s.token = tokens.value(w.id);
        if (s.token.isEmpty())
            needTokens << w.id;
        out << s;
    }
    if (!needTokens.isEmpty()) {
        const auto issued = feed.issueTokens(needTokens, QStringLiteral("simulator"), error);
        if (!issued)
            return {};
        qsizetype next = 0; // issued in the order the workers were listed
        for (SimulatedWorker& s : out)
            if (s.token.isEmpty())
                s.token = issued->at(next++);
    }
    return out;
}

void FeedSimulator::start(QList<SimulatedWorker> workers) {
    m_workers = std::move(workers);
    m_clock.start();
    m_connecting = 0;
    m_webSocketWorkers = m_options.maxWebSockets > 0
                             ? std::min<qsizetype>(m_options.maxWebSockets, m_workers.size())
                             : m_workers.size();
    for (qsizetype i = 0; i < m_workers.size(); ++i) {
        SimulatedWorker& w = m_workers[i];
        w.osmand = i >= m_webSocketWorkers;
        // Traccar Client reports WGS-84 only.
        w.gcj02 = !w.osmand && m_rng.generateDouble() < m_options.gcj02Share;
    }
    if (m_webSocketWorkers < m_workers.size()) {
        const QString host = m_options.osmandUrl.host();
        const quint16 port = quint16(m_options.osmandUrl.port(80));
        for (int i = 0; i < std::max(1, m_options.osmandConnections); ++i) {
            auto* socket = new QTcpSocket(this);
            connect(socket, &QTcpSocket::readyRead, this, [this, i] { readOsmAndReplies(i); });
            socket->connectToHost(host, port);
            m_osmand << socket;
            m_osmandReplies << QByteArray();
        }
    }
    connectMore();
    m_nextTicketMs = m_options.ticketsPerMinute > 0
                         ? qint64(-std::log(1 - m_rng.generateDouble()) * 60000 / m_options.ticketsPerMinute)
                         : -1;
    m_ticker.start();
    if (m_options.durationSeconds > 0)
        QTimer::singleShot(m_options.durationSeconds * 1000, this, [this] {
            m_ticker.stop(); // sockets stay open for the last acknowledgements; stop() closes them
            Q_EMIT finished();
        });
}

// Phones come online over a few seconds, not in one instant: tens of thousands of simultaneous
// handshakes would overflow the server's listen backlog and leave the dropped ones retrying for
// seconds.
void FeedSimulator::connectMore() {
    const qint64 now = m_clock.elapsed();
    const qsizetype end = std::min(m_workers.size(), m_connecting + kConnectsPerTick);
    for (; m_connecting < end; ++m_connecting) {
        SimulatedWorker& w = m_workers[m_connecting];
        // Spread the first reports so the server is not hit by everyone at once.
        w.nextReportMs = now + m_rng.bounded(std::max(1, m_options.minIntervalSeconds * 1000));
        if (w.osmand)
            continue;
        QUrl url = m_options.url;
        QUrlQuery q(url);
        q.addQueryItem(QStringLiteral("token"), w.token);
        url.setQuery(q);
        w.socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
        connect(w.socket, &QWebSocket::connected, this, [this] { ++m_counters.connected; });
        connect(w.socket, &QWebSocket::textMessageReceived, this, [this](const QString& text) {
            const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
            if (o.value(QLatin1String("type")) == QLatin1String("ack"))
                ++m_counters.acked;
            else
                ++m_counters.errors;
        });
        w.socket->open(url);
    }
}

// One Traccar Client request, on the next kept-alive connection (requests are pipelined: the
// server answers each connection's requests in order).
void FeedSimulator::sendOsmAnd(const SimulatedWorker& w, double accuracy) {
    if (m_osmand.isEmpty())
        return;
    QTcpSocket* socket = m_osmand[m_nextOsmand++ % m_osmand.size()];
    const QByteArray request =
        "GET /?id=" + w.token.toLatin1() + "&lat=" + QByteArray::number(w.position.y(), 'f', 7) +
        "&lon=" + QByteArray::number(w.position.x(), 'f', 7) +
        "&timestamp=" + QByteArray::number(QDateTime::currentSecsSinceEpoch()) +
        "&accuracy=" + QByteArray::number(accuracy, 'f', 1) +
        "&speed=" + QByteArray::number(kWalkingSpeed / OsmAndHttpServer::kKnotsToMetresPerSecond, 'f', 2) +
        "&bearing=" + QByteArray::number(std::round(w.heading)) +
        " HTTP/1.1\r\nHost: " + m_options.osmandUrl.host().toLatin1() + "\r\n\r\n";
    socket->write(request);
    ++m_counters.sent;
}

void FeedSimulator::readOsmAndReplies(int connection) {
    QByteArray& buffer = m_osmandReplies[connection];
    buffer += m_osmand[connection]->readAll();
    for (;;) {
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        const QByteArray header = buffer.left(headerEnd);
        qsizetype bodyLength = 0;
        for (const QByteArray& line : header.split('\n'))
            if (line.toLower().startsWith("content-length:"))
                bodyLength = line.mid(15).trimmed().toLongLong();
        if (buffer.size() < headerEnd + 4 + bodyLength)
            return;
        header.startsWith("HTTP/1.1 200") ? ++m_counters.acked : ++m_counters.errors;
        buffer.remove(0, headerEnd + 4 + bodyLength);
    }
}

void FeedSimulator::stop() {
    m_ticker.stop();
    for (QTcpSocket* socket : std::exchange(m_osmand, {})) {
        socket->disconnectFromHost();
        socket->deleteLater();
    }
    for (SimulatedWorker& w : m_workers) {
        if (w.socket) {
            w.socket->close();
            w.socket->deleteLater();
            w.socket = nullptr;
        }
    }
}

QPointF FeedSimulator::onWire(const SimulatedWorker& w, const QPointF& wgs84) const {
    return w.gcj02 ? geo::wgs84ToGcj02(wgs84) : wgs84;
}

void FeedSimulator::send(SimulatedWorker& w, const QJsonObject& message) {
    if (!w.socket || w.socket->state() != QAbstractSocket::ConnectedState)
        return;
    QJsonObject m = message;
    m.insert(QStringLiteral("id"), qint64(++m_messageId));
    w.socket->sendTextMessage(QString::fromUtf8(QJsonDocument(m).toJson(QJsonDocument::Compact)));
    ++m_counters.sent;
}

void FeedSimulator::report(SimulatedWorker& w) {
    const int interval =
        m_options.minIntervalSeconds +
        int(m_rng.bounded(std::max(1, m_options.maxIntervalSeconds - m_options.minIntervalSeconds + 1)));
    // Walk for the time since the last report; turn away from the grid's edge.
    const double metres = kWalkingSpeed * interval * (0.6 + 0.8 * m_rng.generateDouble());
    if (!w.target.isNull()) {
        // Going to verify a citizen's report: straight there, then stay for a couple of fixes.
        const double d = distanceMetres(w.position, w.target);
        const double dx = (w.target.x() - w.position.x()) * std::cos(w.position.y() * M_PI / 180);
        const double dy = w.target.y() - w.position.y();
        w.heading = std::fmod(std::atan2(dx, dy) * 180 / M_PI + 360, 360);
        w.position = d <= metres ? w.target : offsetByMetres(w.position, metres, w.heading);
        if (d <= metres && ++w.fixesAtTarget >= 3) {
            w.target = QPointF();
            w.fixesAtTarget = 0;
        }
    } else {
        w.heading = std::fmod(w.heading + m_rng.bounded(60.0) - 30 + 360, 360);
        QPointF next = offsetByMetres(w.position, metres, w.heading);
        for (int attempt = 0; attempt < 8 && !w.grid.contains(next); ++attempt) {
            w.heading = m_rng.bounded(360.0);
            next = offsetByMetres(w.position, metres, w.heading);
        }
        if (w.grid.contains(next))
            w.position = next;
    }
    const double accuracy = 3 + m_rng.bounded(15.0);
    w.nextReportMs += interval * 1000;
    if (w.osmand) {
        sendOsmAnd(w, accuracy);
        return;
    }
    const QPointF wire = onWire(w, w.position);
    send(w, QJsonObject{{QStringLiteral("type"), QStringLiteral("position")},
                        {QStringLiteral("lon"), wire.x()},
                        {QStringLiteral("lat"), wire.y()},
                        {QStringLiteral("crs"), w.gcj02 ? QStringLiteral("GCJ02") : QStringLiteral("WGS84")},
                        {QStringLiteral("accuracy"), std::round(accuracy * 10) / 10},
                        {QStringLiteral("speed"), kWalkingSpeed},
                        {QStringLiteral("heading"), std::round(w.heading)},
                        {QStringLiteral("time"), QDateTime::currentSecsSinceEpoch()}});
    // Patrol check-in: a Poisson process per worker, at report time.
    const double checkinChance = m_options.checkinsPerHour * interval / 3600.0;
    if (m_rng.generateDouble() < checkinChance) {
        send(w, QJsonObject{
                    {QStringLiteral("type"), QStringLiteral("checkin")},
                    {QStringLiteral("lon"), wire.x()},
                    {QStringLiteral("lat"), wire.y()},
                    {QStringLiteral("crs"), w.gcj02 ? QStringLiteral("GCJ02") : QStringLiteral("WGS84")},
                    // What a worker's phone sends: Chinese, whatever the UI running the simulator speaks.
                    {QStringLiteral("note"), QStringLiteral("巡查正常，无事报平安")}});
        ++m_counters.checkins;
    }
}

void FeedSimulator::tick() {
    if (m_connecting < m_workers.size())
        connectMore();
    const qint64 now = m_clock.elapsed();
    for (qsizetype i = 0; i < m_connecting; ++i)
        if (now >= m_workers[i].nextReportMs)
            report(m_workers[i]);
    const qsizetype reporters = std::min(m_connecting, m_webSocketWorkers);
    if (m_nextTicketMs >= 0 && now >= m_nextTicketMs && reporters > 0) {
        SimulatedWorker& w = m_workers[int(m_rng.bounded(int(reporters)))];
        static const QList<Category> leaves = CategoryTable::builtIn().leaves();
        if (!leaves.isEmpty()) {
            // Most tickets come from the worker's own patrol, at its position; some from a
            // citizen (随手拍) or the 12345 hotline elsewhere in the grid, and the worker
            // walks there to verify.
            const double kind = m_rng.generateDouble();
            const QString source = kind < 0.6    ? QStringLiteral("patrol")
                                   : kind < 0.85 ? QStringLiteral("app")
                                                 : QStringLiteral("hotline");
            QPointF place = w.position;
            if (source != QLatin1String("patrol")) {
                const QRectF box = w.grid.boundingRect();
                for (int attempt = 0; attempt < 20; ++attempt) {
                    const QPointF p(box.left() + m_rng.generateDouble() * box.width(),
                                    box.top() + m_rng.generateDouble() * box.height());
                    if (w.grid.contains(p)) {
                        place = p;
                        break;
                    }
                }
                w.target = place;
                w.fixesAtTarget = 0;
            }
            const QPointF wire = onWire(w, place);
            send(w, QJsonObject{
                        {QStringLiteral("type"), QStringLiteral("ticket.report")},
                        {QStringLiteral("category"), leaves.at(int(m_rng.bounded(int(leaves.size())))).code},
                        {QStringLiteral("text"),
                         QCoreApplication::translate(
                             "FeedSimulator", kTicketTexts[m_rng.bounded(int(std::size(kTicketTexts)))])},
                        {QStringLiteral("lon"), wire.x()},
                        {QStringLiteral("lat"), wire.y()},
                        {QStringLiteral("crs"), w.gcj02 ? QStringLiteral("GCJ02") : QStringLiteral("WGS84")},
                        {QStringLiteral("source"), source}});
            ++m_counters.tickets;
        }
        m_nextTicketMs =
            now + qint64(-std::log(1 - m_rng.generateDouble()) * 60000 / m_options.ticketsPerMinute);
    }
}

} // namespace gc::feed
