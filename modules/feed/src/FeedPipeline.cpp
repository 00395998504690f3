#include "gc/feed/FeedPipeline.h"

#include "gc/core/ChinaTime.h"
#include "gc/feed/GeofenceMonitor.h"
#include "gc/feed/GridShape.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

Q_LOGGING_CATEGORY(lcFeed, "gc.feed")

namespace gc::feed {

namespace {

// The stored form of a position message, as written and as announced to the GUI.
PositionFix positionFixOf(const FeedWork& w) {
    const FeedMessage& m = w.message;
    PositionFix f;
    f.workerId = w.workerId;
    f.at = m.at;
    f.lon = m.lon;
    f.lat = m.lat;
    f.accuracy = m.accuracy;
    f.speed = m.speed;
    f.heading = m.heading;
    f.source = w.source;
    f.live = m.live;
    return f;
}
// The translation context of this file's messages, declared where lupdate reads it.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(FeedPipeline)
};
constexpr qint64 kTokenCacheMs = 60'000;
constexpr qsizetype kMaxQueued = 200'000;
} // namespace

// Owns the writing CountyStore, in the writer thread (a CountyStore stays in the thread
// that opened it). Every call below runs in that thread.
class FeedWriter : public QObject {
public:
    using AlertSink = std::function<void(const QList<FeedAlert>&)>;

    FeedWriter(const QString& path, const FeedOptions& options, AlertSink alerts)
        : m_path(path), m_options(options), m_alertSink(std::move(alerts)), m_geofence([this](qint64 worker) {
              QList<QPainterPath> paths;
              for (const auto& grid : shapesOf(worker))
                  paths << grid.second;
              return paths;
          }) {}

    bool open(QString* error) {
        m_store = CountyStore::open(m_path, error);
        if (!m_store)
            return false;
        m_feed = std::make_unique<FeedStore>(*m_store);
        m_purge = new QTimer(this);
        m_purge->setInterval(3600 * 1000);
        connect(m_purge, &QTimer::timeout, this, [this] { purge(); });
        m_purge->start();
        QTimer::singleShot(5000, this, [this] { purge(); });
        m_clock = new QTimer(this);
        m_clock->setInterval(15000);
        connect(m_clock, &QTimer::timeout, this,
                [this] { record(m_geofence.onClock(QDateTime::currentSecsSinceEpoch())); });
        m_clock->start();
        syncChecks();
        return true;
    }
    void close() {
        m_feed.reset();
        m_store.reset();
    }

    QList<FeedOutcome> process(const QList<FeedWork>& batch) {
        QList<FeedOutcome> out(batch.size());
        QList<PositionFix> fixes;
        QList<CheckinRecord> checkins;
        QList<int> batched;
        for (int i = 0; i < batch.size(); ++i) {
            const FeedWork& w = batch.at(i);
            const FeedMessage& m = w.message;
            if (m.type == FeedMessageType::Position) {
                PositionFix f = positionFixOf(w);
                fixes << f;
                batched << i;
            } else if (m.type == FeedMessageType::Checkin) {
                checkins << CheckinRecord{w.workerId, m.at, m.hasLocation, m.lon, m.lat, m.text};
                batched << i;
            }
        }
        QString error;
        bool stored = m_feed->writeBatch(fixes, checkins, &error);
        if (!stored && !checkins.isEmpty() && !fixes.isEmpty()) {
            // A check-in the file refuses (e.g. a county made before the checkins table)
            // must not cost the positions: retry them alone, answer the check-ins.
            qCWarning(lcFeed) << "check-ins not stored:" << error;
            for (int i : std::as_const(batched))
                if (batch.at(i).message.type == FeedMessageType::Checkin)
                    out[i] = FeedOutcome{FeedError::StoreFailed, Tr::tr("签到未保存：%1").arg(error), 0};
            checkins.clear();
            stored = m_feed->writeBatch(fixes, {}, &error);
        }
        if (!stored) {
            qCWarning(lcFeed) << "batch not stored:" << error;
            for (int i : std::as_const(batched))
                if (out[i].ok())
                    out[i] = FeedOutcome{FeedError::StoreFailed,
                                         Tr::tr("写入失败，未保存，请重发：%1").arg(error), 0};
        } else {
            syncChecks();
            QList<FeedAlert> alerts;
            for (const PositionFix& f : std::as_const(fixes))
                alerts += m_geofence.onFix(f);
            record(alerts);
        }
        for (int i = 0; i < batch.size(); ++i) {
            const FeedWork& w = batch.at(i);
            switch (w.message.type) {
            case FeedMessageType::TicketReport:
                out[i] = report(w);
                break;
            case FeedMessageType::TicketFeedback:
            case FeedMessageType::TicketRating:
                out[i] = act(w);
                break;
            default:
                break;
            }
        }
        return out;
    }

private:
    const QList<QPair<QString, QPainterPath>>& shapesOf(qint64 workerId) {
        auto it = m_workerGrids.find(workerId);
        if (it == m_workerGrids.end()) {
            QList<QPair<QString, QPainterPath>> shapes;
            QSqlQuery q(m_store->database());
            q.prepare(
                QStringLiteral("SELECT grid_code FROM worker_grids WHERE worker_id = ? ORDER BY grid_code"));
            q.addBindValue(workerId);
            QStringList codes;
            if (q.exec())
                while (q.next())
                    codes << q.value(0).toString();
            for (const QString& code : codes)
                if (const auto g = m_store->grid(code))
                    shapes << qMakePair(code, gridPathFromWkb(g->wkb));
            it = m_workerGrids.insert(workerId, shapes);
        }
        return *it;
    }

    QString gridAt(qint64 workerId, const QPointF& p) {
        const auto& shapes = shapesOf(workerId);
        for (const auto& [code, path] : shapes)
            if (path.contains(p))
                return code;
        // Reported from just outside: the ticket still belongs to the reporter's grid.
        return shapes.isEmpty() ? QString() : shapes.first().first;
    }

    // The on-site checks (指派核查) are assigned elsewhere (the GUI, gridctl): after any
    // ticket event, the pending ones are read again and the monitor follows them.
    void syncChecks() {
        QSqlQuery last(m_store->database());
        if (!last.exec(QStringLiteral("SELECT max(id) FROM ticket_events")) || !last.next())
            return;
        const qint64 lastEvent = last.value(0).toLongLong();
        if (lastEvent == m_checksSyncedAt)
            return;
        m_checksSyncedAt = lastEvent;
        QSqlQuery q(m_store->database());
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral(
                "SELECT t.id, t.check_worker_id, t.lon, t.lat, "
                "(SELECT max(e.at) FROM ticket_events e WHERE e.ticket_id = t.id AND e.action = "
                "'assign_check') "
                "FROM tickets t WHERE t.check_worker_id IS NOT NULL AND t.arrived_at IS NULL "
                "AND t.state IN ('received','accepted','dispatched','in_progress','returned')"))) {
            qCWarning(lcFeed) << "pending checks not read:" << q.lastError().text();
            return;
        }
        QHash<qint64, qint64> stale = m_geofence.watchedChecks();
        while (q.next()) {
            const qint64 ticket = q.value(0).toLongLong();
            stale.remove(ticket);
            m_geofence.watchCheck(ticket, QPointF(q.value(2).toDouble(), q.value(3).toDouble()),
                                  q.value(1).toLongLong(), q.value(4).toLongLong());
        }
        for (auto it = stale.cbegin(); it != stale.cend(); ++it)
            m_geofence.unwatchCheck(it.key());
    }

    QString workerName(qint64 workerId) {
        QSqlQuery q(m_store->database());
        q.prepare(QStringLiteral("SELECT name FROM workers WHERE id = ?"));
        q.addBindValue(workerId);
        return q.exec() && q.next() ? q.value(0).toString() : QString();
    }

    // Judgements are stored, then handed to the pipeline's thread for the GUI. The
    // arrival of an assigned check worker is also the ticket's 到场 event.
    void record(const QList<FeedAlert>& alerts) {
        if (alerts.isEmpty())
            return;
        QList<AlertRecord> rows;
        for (const FeedAlert& a : alerts)
            rows << AlertRecord{toKey(a.kind), a.workerId, a.ticketId, a.at, storedDescription(a)};
        QString error;
        if (!m_feed->writeAlerts(rows, &error))
            qCWarning(lcFeed) << "alerts not stored:" << error;
        for (const FeedAlert& a : alerts) {
            if (a.kind != FeedAlert::Kind::Arrived || !a.assignedCheck)
                continue;
            TicketActionRequest request;
            request.action = TicketAction::Arrive;
            const QString name = workerName(a.workerId);
            request.actor = name.isEmpty() ? QStringLiteral("worker:%1").arg(a.workerId) : name;
            request.at = fromEpochSeconds(a.at);
            request.workerId = a.workerId;
            // Stored on the ticket's events: the source language, whatever the UI speaks.
            request.note = QStringLiteral("定位判定到场（%1 米）").arg(qRound(a.distanceM));
            const TransitionResult r = m_store->applyTicketAction(a.ticketId, request);
            if (!r.ok)
                qCWarning(lcFeed) << "arrival not recorded on ticket" << a.ticketId << ":" << r.error;
        }
        m_alertSink(alerts);
    }

    FeedOutcome report(const FeedWork& w) {
        const FeedMessage& m = w.message;
        Ticket t;
        t.category = m.category;
        t.source = ticketSourceFromKey(m.source).value_or(TicketSource::Patrol);
        t.priority = ticketPriorityFromKey(m.priority).value_or(TicketPriority::Normal);
        t.title = m.text.left(40);
        t.description = m.text;
        t.address = m.address;
        t.lon = m.lon;
        t.lat = m.lat;
        t.photos = m.photos;
        t.reporter = QStringLiteral("worker:%1").arg(w.workerId);
        t.createdAt = fromEpochSeconds(m.at);
        t.gridCode = gridAt(w.workerId, QPointF(m.lon, m.lat));
        QString error;
        const auto id = m_store->createTicket(t, t.reporter, &error);
        if (!id)
            return {FeedError::StoreFailed, Tr::tr("工单未保存：%1").arg(error), 0};
        // A citizen's or the hotline's report needs a grid worker on site to verify it
        // (核查): the arrival clock starts now.
        if (t.source == TicketSource::CitizenApp || t.source == TicketSource::Hotline12345) {
            const QList<qint64> workers = m_feed->workersOfGrid(t.gridCode);
            if (!workers.isEmpty())
                m_geofence.watchArrival(*id, QPointF(t.lon, t.lat), workers, m.at);
        }
        return {FeedError::None, {}, *id};
    }

    FeedOutcome act(const FeedWork& w) {
        const FeedMessage& m = w.message;
        TicketActionRequest request;
        request.actor = QStringLiteral("worker:%1").arg(w.workerId);
        request.at = fromEpochSeconds(m.at);
        request.note = m.text;
        if (m.type == FeedMessageType::TicketRating)
            request.action = m.satisfied ? TicketAction::RateSatisfied : TicketAction::RateUnsatisfied;
        else if (m.action == QLatin1String("start"))
            request.action = TicketAction::Start;
        else if (m.action == QLatin1String("self_resolve"))
            request.action = TicketAction::SelfResolve;
        else
            request.action = TicketAction::Resolve;
        if (!m_store->ticket(m.ticketId))
            return {FeedError::Refused, Tr::tr("工单 %1 不存在").arg(m.ticketId), m.ticketId};
        const TransitionResult r = m_store->applyTicketAction(m.ticketId, request);
        if (!r.ok)
            return {FeedError::Refused, r.error, m.ticketId};
        return {FeedError::None, {}, m.ticketId};
    }

    void purge() {
        if (m_options.retentionDays <= 0)
            return;
        QString error;
        const qint64 cutoff = QDateTime::currentSecsSinceEpoch() - qint64(m_options.retentionDays) * 86400;
        const qint64 n = m_feed->purgePositionsBefore(cutoff, 5000, &error);
        if (n < 0)
            qCWarning(lcFeed) << "retention purge failed:" << error;
        else if (n > 0)
            qCInfo(lcFeed) << "purged" << n << "positions older than" << m_options.retentionDays << "days";
    }

    QString m_path;
    FeedOptions m_options;
    std::unique_ptr<CountyStore> m_store;
    std::unique_ptr<FeedStore> m_feed;
    QTimer* m_purge = nullptr;
    QTimer* m_clock = nullptr;
    AlertSink m_alertSink;
    QHash<qint64, QList<QPair<QString, QPainterPath>>> m_workerGrids;
    GeofenceMonitor m_geofence;
    qint64 m_checksSyncedAt = -1; // the last ticket event the pending checks were read at
};

FeedPipeline::FeedPipeline(const QString& countyPath, const FeedOptions& options, QObject* parent)
    : QObject(parent), m_path(countyPath), m_options(options) {
    m_delay.setSingleShot(true);
    m_delay.setInterval(m_options.batchDelayMs);
    connect(&m_delay, &QTimer::timeout, this, &FeedPipeline::flush);
    m_clock.start();
    m_thread.setObjectName(QStringLiteral("feed-writer"));
}

FeedPipeline::~FeedPipeline() {
    stop();
}

bool FeedPipeline::start(QString* error) {
    m_store = CountyStore::open(m_path, error);
    if (!m_store)
        return false;
    m_writer = new FeedWriter(m_store->path(), m_options, [this](const QList<FeedAlert>& alerts) {
        QMetaObject::invokeMethod(
            this,
            [this, alerts] {
                for (const FeedAlert& a : alerts)
                    Q_EMIT alertRaised(a);
            },
            Qt::QueuedConnection);
    });
    m_writer->moveToThread(&m_thread);
    m_thread.start();
    bool opened = false;
    QString writerError;
    QMetaObject::invokeMethod(
        m_writer, [&] { opened = m_writer->open(&writerError); }, Qt::BlockingQueuedConnection);
    if (!opened) {
        if (error)
            *error = writerError;
        stop();
        return false;
    }
    return true;
}

void FeedPipeline::stop() {
    if (!m_thread.isRunning()) {
        delete m_writer;
        m_writer = nullptr;
        return;
    }
    // Commit what waits, and deliver its acknowledgements, before the writer goes.
    while (m_writerBusy || !m_pending.isEmpty()) {
        if (!m_writerBusy)
            flush();
        QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents | QEventLoop::WaitForMoreEvents,
                                        50);
    }
    QMetaObject::invokeMethod(
        m_writer,
        [this] {
            m_writer->close();
            delete m_writer;
        },
        Qt::BlockingQueuedConnection);
    m_writer = nullptr;
    m_thread.quit();
    m_thread.wait();
}

std::optional<qint64> FeedPipeline::authenticate(const QString& token) {
    if (!m_store || token.isEmpty() || token.size() > 128)
        return std::nullopt;
    // Cached for a minute, so a reconnect storm does not hit the file; a revocation
    // takes effect on the next connection after at most that long.
    const qint64 nowMs = m_clock.elapsed();
    if (const auto it = m_tokenCache.constFind(token);
        it != m_tokenCache.cend() && nowMs - it->second < kTokenCacheMs)
        return it->first;
    const auto worker = FeedStore(*m_store).workerForToken(token);
    if (!worker) {
        m_tokenCache.remove(token);
        return std::nullopt;
    }
    m_tokenCache.insert(token, qMakePair(*worker, nowMs));
    return worker;
}

bool FeedPipeline::admit(qint64 workerId) {
    if (m_options.rateLimitPerSecond <= 0)
        return true;
    const qint64 nowMs = m_clock.elapsed();
    auto it = m_buckets.find(workerId);
    if (it == m_buckets.end())
        it = m_buckets.insert(workerId, Bucket{m_options.rateBurst, nowMs});
    it->tokens = std::min(m_options.rateBurst,
                          it->tokens + (nowMs - it->lastMs) / 1000.0 * m_options.rateLimitPerSecond);
    it->lastMs = nowMs;
    if (it->tokens < 1) {
        countError(FeedError::RateLimited);
        return false;
    }
    it->tokens -= 1;
    return true;
}

void FeedPipeline::submit(FeedWork work, Completion done) {
    if (!m_writer) {
        countError(FeedError::StoreFailed);
        done(FeedOutcome{FeedError::StoreFailed, tr("服务未启动"), 0});
        return;
    }
    if (m_pending.size() >= kMaxQueued) {
        // The file cannot keep up (a full or failing disk): refuse rather than grow without
        // bound; the devices resend.
        countError(FeedError::StoreFailed);
        done(FeedOutcome{FeedError::StoreFailed, tr("服务繁忙，未保存，请稍后重发"), 0});
        return;
    }
    m_pending.append(Pending{std::move(work), std::move(done)});
    if (m_writerBusy)
        return; // batchDone() sends what gathered meanwhile: batches grow with the load
    if (m_pending.size() >= m_options.batchMaxMessages)
        flush();
    else if (!m_delay.isActive())
        m_delay.start();
}

void FeedPipeline::flush() {
    m_delay.stop();
    if (m_writerBusy || m_pending.isEmpty() || !m_writer)
        return;
    const qsizetype n = std::min<qsizetype>(m_pending.size(), m_options.batchMaxMessages);
    m_inFlight = m_pending.mid(0, n);
    m_pending.remove(0, n);
    QList<FeedWork> batch;
    batch.reserve(n);
    for (const Pending& p : std::as_const(m_inFlight))
        batch << p.work;
    m_writerBusy = true;
    QMetaObject::invokeMethod(
        m_writer,
        [this, batch = std::move(batch)] {
            const QList<FeedOutcome> outcomes = m_writer->process(batch);
            QMetaObject::invokeMethod(
                this, [this, outcomes] { batchDone(outcomes); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void FeedPipeline::batchDone(const QList<FeedOutcome>& outcomes) {
    const QList<Pending> done = std::exchange(m_inFlight, {});
    m_writerBusy = false;
    for (int i = 0; i < done.size(); ++i) {
        const FeedOutcome& o = outcomes.at(i);
        const FeedMessage& m = done.at(i).work.message;
        if (o.ok()) {
            ++m_counters.accepted;
            switch (m.type) {
            case FeedMessageType::Position:
                ++m_counters.positions;
                break;
            case FeedMessageType::Checkin:
                ++m_counters.checkins;
                break;
            case FeedMessageType::TicketReport:
                ++m_counters.tickets;
                break;
            default:
                break;
            }
        } else {
            countError(o.error);
        }
        done.at(i).done(o);
    }
    // Signals after the acknowledgements, so a slow GUI never delays a device. Positions go
    // out as one list per batch: with 20,000 phones, one queued signal per fix would flood the
    // GUI thread's event queue.
    QList<PositionFix> live;
    for (int i = 0; i < done.size(); ++i) {
        if (!outcomes.at(i).ok())
            continue;
        const FeedWork& w = done.at(i).work;
        const FeedMessage& m = w.message;
        if (m.type == FeedMessageType::Position && m.live) {
            live << positionFixOf(w);
        } else if (m.type == FeedMessageType::Checkin) {
            Q_EMIT checkinStored(w.workerId, m.at);
        } else if (m.type == FeedMessageType::TicketReport) {
            Q_EMIT ticketReported(outcomes.at(i).ticketId);
        }
    }
    if (!live.isEmpty())
        Q_EMIT positionsStored(live);
    if (!m_pending.isEmpty())
        flush();
}

} // namespace gc::feed
