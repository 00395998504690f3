// The worker assessment's tables (schema 5) and its bulk reads of recorded work; the only place
// the assessment's SQL lives.
#include "gc/store/AssessStore.h"

#include "SqlHelpers.h"
#include "SqliteReader.h"
#include "gc/store/CountyStore.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlQuery>
#include <limits>

namespace gc {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(AssessStore)
};

// Tickets a worker reported carry "worker:N" as their reporter (the feed writes it so).
constexpr char kWorkerReporterPrefix[] = "worker:";

qint64 reporterWorker(QByteArrayView reporter) {
    const QByteArrayView prefix(kWorkerReporterPrefix);
    if (!reporter.startsWith(prefix))
        return 0;
    bool ok = false;
    const qint64 id = reporter.sliced(prefix.size()).toLongLong(&ok);
    return ok ? id : 0;
}

template <typename T> std::optional<T> fromBytes(QByteArrayView key, const QList<T>& all) {
    for (const T& v : all)
        if (key == toKey(v).toUtf8())
            return v;
    return std::nullopt;
}

QString workerClause(qint64 workerId, const char* column) {
    return workerId > 0 ? QStringLiteral(" AND %1 = %2").arg(QLatin1String(column)).arg(workerId) : QString();
}

} // namespace

double WorkerDay::coveredShare() const {
    if (grids.isEmpty())
        return 0;
    double sum = 0;
    for (const GridCoverageRow& g : grids)
        sum += g.coveredShare;
    return sum / double(grids.size());
}

std::optional<QByteArray> AssessStore::rulesJson(QString* error) const {
    QSqlQuery q(m_store.database());
    if (!sql::exec(q, QStringLiteral("SELECT json FROM assess_rules ORDER BY id DESC LIMIT 1"), {}, error))
        return std::nullopt;
    if (!q.next())
        return std::nullopt;
    return q.value(0).toString().toUtf8();
}

bool AssessStore::saveRules(const QByteArray& json, const QString& by, qint64 at, QString* error) {
    return m_store.writeTransaction(
        [&](QString* err) {
            QSqlQuery q(m_store.database());
            return sql::exec(
                q, QStringLiteral("INSERT INTO assess_rules (json, set_at, set_by) VALUES (?, ?, ?)"),
                {QString::fromUtf8(json), at, by}, err, "考核规则");
        },
        error);
}

bool AssessStore::reportedTickets(qint64 from, qint64 to, qint64 workerId, QList<ReportedTicket>* out,
                                  QString* error) const {
    auto reader = sql::SqliteReader::open(m_store.path(), error);
    if (!reader)
        return false;
    const QList<TicketState> states = allTicketStates();
    QString filter = QStringLiteral("reporter LIKE 'worker:%'");
    if (workerId > 0)
        filter = QStringLiteral("reporter = 'worker:%1'").arg(workerId);
    return reader->forEachRow(
        QStringLiteral("SELECT id, reporter, created_at, category, state FROM tickets "
                       "WHERE created_at >= ? AND created_at < ? AND %1 ORDER BY created_at, id")
            .arg(filter),
        {from, to},
        [&](const sql::SqliteReader::Row& r) {
            ReportedTicket t;
            t.ticketId = r.integer(0);
            t.workerId = reporterWorker(r.utf8(1));
            if (t.workerId <= 0)
                return;
            t.createdAt = r.integer(2);
            t.category = r.text(3);
            t.state = fromBytes(r.utf8(4), states).value_or(TicketState::Received);
            out->append(t);
        },
        error);
}

bool AssessStore::workEvents(qint64 from, qint64 to, qint64 workerId, QList<WorkEvent>* out,
                             QString* error) const {
    auto reader = sql::SqliteReader::open(m_store.path(), error);
    if (!reader)
        return false;
    const QList<TicketAction> actions = allTicketActions();
    const QList<TicketPriority> priorities = allTicketPriorities();
    const auto read = [&](const sql::SqliteReader::Row& r) {
        WorkEvent e;
        e.eventId = r.integer(0);
        e.ticketId = r.integer(1);
        e.workerId = r.isNull(2) ? reporterWorker(r.utf8(3)) : r.integer(2);
        if (e.workerId <= 0)
            return;
        e.action = fromBytes(r.utf8(4), actions).value_or(TicketAction::Report);
        e.at = r.integer(5);
        e.priority = fromBytes(r.utf8(6), priorities).value_or(TicketPriority::Normal);
        out->append(e);
    };
    // Credited to the event's worker: on-site checks assigned and made.
    const bool own = reader->forEachRow(
        QStringLiteral("SELECT e.id, e.ticket_id, e.worker_id, '', e.action, e.at, t.priority "
                       "FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id "
                       "WHERE e.action IN ('assign_check', 'arrive') AND e.at >= ? AND e.at < ? "
                       "AND e.worker_id IS NOT NULL%1")
            .arg(workerClause(workerId, "e.worker_id")),
        {from, to}, read, error);
    if (!own)
        return false;
    // Credited to the ticket's reporter: handled inside the grid, and the citizens' ratings.
    const QString reporterFilter = workerId > 0 ? QStringLiteral("t.reporter = 'worker:%1'").arg(workerId)
                                                : QStringLiteral("t.reporter LIKE 'worker:%'");
    const bool reported = reader->forEachRow(
        QStringLiteral("SELECT e.id, e.ticket_id, NULL, t.reporter, e.action, e.at, t.priority "
                       "FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id "
                       "WHERE e.action IN ('self_resolve', 'rate_satisfied', 'rate_unsatisfied') "
                       "AND e.at >= ? AND e.at < ? AND %1")
            .arg(reporterFilter),
        {from, to}, read, error);
    if (!reported)
        return false;
    std::sort(out->begin(), out->end(), [](const WorkEvent& a, const WorkEvent& b) {
        return a.at != b.at ? a.at < b.at : a.eventId < b.eventId;
    });
    return true;
}

bool AssessStore::checkins(qint64 from, qint64 to, qint64 workerId, QList<CheckinRow>* out,
                           QString* error) const {
    auto reader = sql::SqliteReader::open(m_store.path(), error);
    if (!reader)
        return false;
    return reader->forEachRow(
        QStringLiteral("SELECT id, worker_id, at FROM checkins WHERE at >= ? AND at < ?%1 ORDER BY at, id")
            .arg(workerClause(workerId, "worker_id")),
        {from, to},
        [&](const sql::SqliteReader::Row& r) {
            out->append(CheckinRow{r.integer(0), r.integer(1), r.integer(2)});
        },
        error);
}

bool AssessStore::insertAdjustment(AssessAdjustment& a, QString* error) {
    if (a.reason.trimmed().isEmpty()) {
        if (error)
            *error = Tr::tr("加减分必须写明理由");
        return false;
    }
    return m_store.writeTransaction(
        [&](QString* err) {
            QSqlQuery q(m_store.database());
            if (!sql::exec(
                    q,
                    QStringLiteral("INSERT INTO assess_adjustments (worker_id, points, reason, set_by, "
                                   "evidence, at) VALUES (?, ?, ?, ?, ?, ?)"),
                    {a.workerId, a.points, a.reason, a.by,
                     a.evidence.isEmpty() ? QVariant() : QVariant(a.evidence), a.at},
                    err, "人工加减分"))
                return false;
            a.id = q.lastInsertId().toLongLong();
            return true;
        },
        error);
}

QList<AssessAdjustment> AssessStore::adjustments(qint64 from, qint64 to, qint64 workerId) const {
    QList<AssessAdjustment> out;
    QSqlQuery q(m_store.database());
    q.setForwardOnly(true);
    if (!sql::exec(q,
                   QStringLiteral(
                       "SELECT id, worker_id, points, reason, set_by, evidence, at FROM assess_adjustments "
                       "WHERE at >= ? AND at < ?%1 ORDER BY at, id")
                       .arg(workerClause(workerId, "worker_id")),
                   {from, to}, nullptr))
        return out;
    while (q.next())
        out << AssessAdjustment{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toDouble(),
                                q.value(3).toString(),   q.value(4).toString(),   q.value(5).toString(),
                                q.value(6).toLongLong()};
    return out;
}

bool AssessStore::workerDays(const QString& fromDay, const QString& toDay, qint64 workerId,
                             QList<WorkerDay>* out, QString* error) const {
    auto reader = sql::SqliteReader::open(m_store.path(), error);
    if (!reader)
        return false;
    // Day strings are bound as text through a literal: the fast reader binds integers only.
    const auto quoted = [](const QString& day) {
        return QStringLiteral("'%1'").arg(QString(day).remove(QLatin1Char('\'')));
    };
    QHash<qint64, int> index;
    const bool days = reader->forEachRow(
        QStringLiteral(
            "SELECT id, worker_id, day, duty_start, duty_end, duty_minutes, online_minutes, fixes, params "
            "FROM assess_days WHERE day >= %1 AND day <= %2%3 ORDER BY day, worker_id")
            .arg(quoted(fromDay), quoted(toDay), workerClause(workerId, "worker_id")),
        {},
        [&](const sql::SqliteReader::Row& r) {
            WorkerDay d;
            d.id = r.integer(0);
            d.workerId = r.integer(1);
            d.day = r.text(2);
            d.dutyStart = r.integer(3);
            d.dutyEnd = r.integer(4);
            d.dutyMinutes = int(r.integer(5));
            d.onlineMinutes = int(r.integer(6));
            d.fixes = int(r.integer(7));
            d.params = r.text(8);
            index.insert(d.id, int(out->size()));
            out->append(d);
        },
        error);
    if (!days)
        return false;
    return reader->forEachRow(
        QStringLiteral("SELECT c.day_id, c.grid_code, c.covered_share, c.fixes_used, c.gaps, c.key_places, "
                       "c.key_places_visited FROM assess_coverage c JOIN assess_days d ON d.id = c.day_id "
                       "WHERE d.day >= %1 AND d.day <= %2%3 ORDER BY c.day_id, c.grid_code")
            .arg(quoted(fromDay), quoted(toDay), workerClause(workerId, "d.worker_id")),
        {},
        [&](const sql::SqliteReader::Row& r) {
            const auto it = index.constFind(r.integer(0));
            if (it == index.cend())
                return;
            (*out)[*it].grids << GridCoverageRow{r.text(1),         r.real(2),         int(r.integer(3)),
                                                 int(r.integer(4)), int(r.integer(5)), int(r.integer(6))};
        },
        error);
}

bool AssessStore::saveWorkerDays(QList<WorkerDay>& days, QString* error) {
    return m_store.writeTransaction(
        [&](QString* err) {
            QSqlQuery find(m_store.database()), drop(m_store.database()), insertDay(m_store.database()),
                insertGrid(m_store.database());
            for (WorkerDay& d : days) {
                if (!sql::exec(find,
                               QStringLiteral("SELECT id FROM assess_days WHERE day = ? AND worker_id = ?"),
                               {d.day, d.workerId}, err, "日汇总"))
                    return false;
                if (find.next()) {
                    const qint64 old = find.value(0).toLongLong();
                    find.finish();
                    if (!sql::exec(drop, QStringLiteral("DELETE FROM assess_coverage WHERE day_id = ?"),
                                   {old}, err) ||
                        !sql::exec(drop, QStringLiteral("DELETE FROM assess_days WHERE id = ?"), {old}, err))
                        return false;
                }
                if (!sql::exec(
                        insertDay,
                        QStringLiteral("INSERT INTO assess_days (worker_id, day, duty_start, duty_end, "
                                       "duty_minutes, online_minutes, fixes, params) "
                                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                        {d.workerId, d.day, d.dutyStart, d.dutyEnd, d.dutyMinutes, d.onlineMinutes, d.fixes,
                         d.params},
                        err, "日汇总"))
                    return false;
                d.id = insertDay.lastInsertId().toLongLong();
                for (const GridCoverageRow& g : d.grids)
                    if (!sql::exec(
                            insertGrid,
                            QStringLiteral("INSERT INTO assess_coverage (day_id, grid_code, covered_share, "
                                           "fixes_used, gaps, key_places, key_places_visited) "
                                           "VALUES (?, ?, ?, ?, ?, ?, ?)"),
                            {d.id, g.gridCode, g.coveredShare, g.fixesUsed, g.gaps, g.keyPlaces,
                             g.keyPlacesVisited},
                            err, "巡查覆盖"))
                        return false;
            }
            return true;
        },
        error);
}

bool AssessStore::forEachTrack(const QList<qint64>& workerIds, qint64 from, qint64 to,
                               const std::function<void(qint64, const QList<TrackPoint>&)>& visit,
                               QString* error) const {
    auto reader = sql::SqliteReader::open(m_store.path(), error);
    if (!reader)
        return false;
    QList<TrackPoint> track;
    for (const qint64 worker : workerIds) {
        track.clear();
        const bool ok = reader->forEachRow(
            QStringLiteral(
                "SELECT at, lon, lat, accuracy FROM positions WHERE worker_id = ? AND at >= ? AND at < ? "
                "ORDER BY at, id"),
            {worker, from, to},
            [&](const sql::SqliteReader::Row& r) {
                // A fix without accuracy is of unknown precision: NaN, which coverage leaves out.
                track << TrackPoint{r.integer(0), r.real(1), r.real(2),
                                    r.isNull(3) ? std::numeric_limits<double>::quiet_NaN() : r.real(3)};
            },
            error);
        if (!ok)
            return false;
        visit(worker, track);
    }
    return true;
}

} // namespace gc
