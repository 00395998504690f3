// Compact ticket rows and the few aggregate queries of the dispatch workbench.
#include "gc/store/TicketQueries.h"

#include "SqlHelpers.h"
#include "gc/store/CountyStore.h"

#include <QSqlQuery>
#include <algorithm>
#include <cmath>

namespace gc {

namespace {

// Parses the few distinct keys of a column once, not 100,000 times.
template <typename T> class KeyCache {
public:
    explicit KeyCache(std::optional<T> (*parse)(const QString&), T fallback)
        : m_parse(parse), m_fallback(fallback) {}
    T operator()(const QString& key) {
        auto it = m_cache.constFind(key);
        if (it != m_cache.constEnd())
            return *it;
        const T value = m_parse(key).value_or(m_fallback);
        m_cache.insert(key, value);
        return value;
    }

private:
    std::optional<T> (*m_parse)(const QString&);
    T m_fallback;
    QHash<QString, T> m_cache;
};

// Shares one QString per distinct value (categories, grid and department codes).
class Interner {
public:
    QString operator()(const QString& s) {
        if (s.isEmpty())
            return {};
        auto it = m_strings.constFind(s);
        if (it != m_strings.constEnd())
            return *it;
        m_strings.insert(s, s);
        return s;
    }

private:
    QHash<QString, QString> m_strings;
};

const QString kRowColumns = QStringLiteral(
    "id, state, category, source, priority, grid_code, department_code, title, created_at, deadline, "
    "resolved_at, "
    "closed_at, lon, lat, rating, reopen_count, urge_count, escalation_level, version, last_return_reason");

struct RowReader {
    KeyCache<TicketState> state{&ticketStateFromKey, TicketState::Received};
    KeyCache<TicketSource> source{&ticketSourceFromKey, TicketSource::Other};
    KeyCache<TicketPriority> priority{&ticketPriorityFromKey, TicketPriority::Normal};
    KeyCache<Rating> rating{&ratingFromKey, Rating::None};
    Interner intern;

    TicketRow read(const QSqlQuery& q) {
        TicketRow r;
        r.id = q.value(0).toLongLong();
        r.state = state(q.value(1).toString());
        r.category = intern(q.value(2).toString());
        r.source = source(q.value(3).toString());
        r.priority = priority(q.value(4).toString());
        r.gridCode = intern(q.value(5).toString());
        r.departmentCode = intern(q.value(6).toString());
        r.title = q.value(7).toString();
        r.createdAt = q.value(8).toLongLong();
        r.deadline = q.value(9).toLongLong();
        r.resolvedAt = q.value(10).toLongLong();
        r.closedAt = q.value(11).toLongLong();
        r.lon = q.value(12).toDouble();
        r.lat = q.value(13).toDouble();
        r.rating = rating(q.value(14).toString());
        r.reopenCount = qint16(q.value(15).toInt());
        r.urgeCount = qint16(q.value(16).toInt());
        const int level = q.value(17).toInt();
        r.escalationLevel =
            level >= 1 && level <= kGridLevelCount ? static_cast<GridLevel>(level) : GridLevel::Grid;
        r.version = q.value(18).toInt();
        r.lastReturnReason = intern(q.value(19).toString());
        return r;
    }
};

qint64 epoch(const QDateTime& t) {
    return t.isValid() ? t.toSecsSinceEpoch() : 0;
}

} // namespace

TicketRow TicketRow::of(const Ticket& t) {
    TicketRow r;
    r.id = t.id;
    r.createdAt = epoch(t.createdAt);
    r.deadline = epoch(t.deadline);
    r.resolvedAt = epoch(t.resolvedAt);
    r.closedAt = epoch(t.closedAt);
    r.lon = t.lon;
    r.lat = t.lat;
    r.category = t.category;
    r.gridCode = t.gridCode;
    r.departmentCode = t.departmentCode;
    r.title = t.title;
    r.lastReturnReason = t.lastReturnReason;
    r.state = t.state;
    r.source = t.source;
    r.priority = t.priority;
    r.rating = t.rating;
    r.escalationLevel = t.escalationLevel;
    r.reopenCount = qint16(t.reopenCount);
    r.urgeCount = qint16(t.urgeCount);
    r.version = t.version;
    return r;
}

void DepartmentLoad::tally(const TicketRow& row, qint64 now, int sign) {
    if (row.isOpen()) {
        open += sign;
        if (row.isOverdue(now))
            overdue += sign;
    } else if ((row.state == TicketState::Resolved || row.state == TicketState::Closed) && row.deadline > 0 &&
               row.resolvedAt > 0) {
        resolved += sign;
        if (row.resolvedAt <= row.deadline)
            onTime += sign;
    }
}

DepartmentLoad& DepartmentLoad::operator+=(const DepartmentLoad& o) {
    open += o.open;
    overdue += o.overdue;
    resolved += o.resolved;
    onTime += o.onTime;
    return *this;
}

QList<TicketRow> TicketQueries::rows(const CountyStore& store, QString* error) {
    QList<TicketRow> out;
    QSqlQuery q(store.database());
    q.setForwardOnly(true);
    if (!sql::exec(q, QStringLiteral("SELECT %1 FROM tickets ORDER BY id").arg(kRowColumns), {}, error,
                   "工单"))
        return out;
    RowReader reader;
    while (q.next())
        out << reader.read(q);
    return out;
}

std::optional<TicketRow> TicketQueries::row(const CountyStore& store, qint64 id) {
    QSqlQuery q(store.database());
    if (!sql::exec(q, QStringLiteral("SELECT %1 FROM tickets WHERE id = ?").arg(kRowColumns), {id},
                   nullptr) ||
        !q.next())
        return std::nullopt;
    RowReader reader;
    return reader.read(q);
}

QHash<QString, DepartmentLoad> TicketQueries::departmentLoads(const QList<TicketRow>& rows, qint64 now) {
    QHash<QString, DepartmentLoad> out;
    for (const TicketRow& r : rows)
        if (!r.departmentCode.isEmpty())
            out[r.departmentCode].tally(r, now);
    return out;
}

double TicketQueries::distanceM(double lon1, double lat1, double lon2, double lat2) {
    constexpr double kEarthRadiusM = 6371008.8;
    constexpr double kRad = M_PI / 180.0;
    const double dLat = (lat2 - lat1) * kRad;
    const double dLon = (lon2 - lon1) * kRad;
    const double a = std::sin(dLat / 2) * std::sin(dLat / 2) +
                     std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dLon / 2) * std::sin(dLon / 2);
    return 2 * kEarthRadiusM * std::asin(std::min(1.0, std::sqrt(a)));
}

QList<Ticket> TicketQueries::duplicateCandidates(const CountyStore& store, const Ticket& ticket,
                                                 double radiusM, int days) {
    QList<Ticket> out;
    if (!ticket.createdAt.isValid())
        return out;
    // A generous bounding box first (the index on created_at narrows the scan), then
    // the true distance.
    const double dLat = radiusM / 111000.0 * 1.5;
    const double dLon = dLat / std::max(0.1, std::cos(ticket.lat * M_PI / 180.0));
    const qint64 created = ticket.createdAt.toSecsSinceEpoch();
    QSqlQuery q(store.database());
    if (!sql::exec(q,
                   QStringLiteral(
                       "SELECT id, lon, lat FROM tickets WHERE created_at BETWEEN ? AND ? AND category = ? "
                       "AND id <> ? AND state IN ('received','accepted','dispatched','in_progress',"
                       "'returned') AND lon BETWEEN ? AND ? AND lat BETWEEN ? AND ?"),
                   {created - days * 86400LL, created + days * 86400LL, ticket.category, ticket.id,
                    ticket.lon - dLon, ticket.lon + dLon, ticket.lat - dLat, ticket.lat + dLat},
                   nullptr))
        return out;
    QList<QPair<double, qint64>> near;
    while (q.next()) {
        const double d = distanceM(ticket.lon, ticket.lat, q.value(1).toDouble(), q.value(2).toDouble());
        if (d <= radiusM)
            near.append({d, q.value(0).toLongLong()});
    }
    std::sort(near.begin(), near.end());
    for (const auto& [distance, id] : near)
        if (const auto t = store.ticket(id))
            out << *t;
    return out;
}

QHash<QString, QHash<QString, int>> TicketQueries::routingHistory(const CountyStore& store, qint64 since) {
    QHash<QString, QHash<QString, int>> out;
    QSqlQuery q(store.database());
    q.setForwardOnly(true);
    if (!sql::exec(
            q,
            QStringLiteral("SELECT t.category, e.department_code, count(*) FROM ticket_events e "
                           "JOIN tickets t ON t.id = e.ticket_id WHERE e.action IN ('dispatch','reassign') "
                           "AND e.at >= ? AND e.department_code IS NOT NULL GROUP BY 1, 2"),
            {since}, nullptr))
        return out;
    while (q.next())
        out[q.value(0).toString()][q.value(1).toString()] = q.value(2).toInt();
    return out;
}

qint64 TicketQueries::lastEventId(const CountyStore& store) {
    QSqlQuery q(store.database());
    return q.exec(QStringLiteral("SELECT max(id) FROM ticket_events")) && q.next() ? q.value(0).toLongLong()
                                                                                   : 0;
}

QList<qint64> TicketQueries::ticketsChangedSince(const CountyStore& store, qint64* lastEventId) {
    QList<qint64> out;
    QSqlQuery q(store.database());
    q.setForwardOnly(true);
    if (!sql::exec(
            q,
            QStringLiteral("SELECT ticket_id, max(id) FROM ticket_events WHERE id > ? GROUP BY ticket_id "
                           "ORDER BY ticket_id"),
            {*lastEventId}, nullptr))
        return out;
    while (q.next()) {
        out << q.value(0).toLongLong();
        *lastEventId = std::max(*lastEventId, q.value(1).toLongLong());
    }
    return out;
}

} // namespace gc
