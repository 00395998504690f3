// The risk engine's tables (schema 3): rules, overrides, band history, key places and persons,
// and the adjacency cache; the only place the risk engine's SQL lives.
#include "gc/store/RiskStore.h"

#include "SqlHelpers.h"
#include "SqliteReader.h"
#include "gc/core/ByteKeyTable.h"
#include "gc/store/CountyStore.h"

#include <QCoreApplication>
#include <QSqlQuery>

#include <cstring>

namespace gc {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(RiskStore)
};

// "?, ?, ?" for an IN list.
QString placeholders(qsizetype n) {
    QString s;
    for (qsizetype i = 0; i < n; ++i)
        s += i ? QStringLiteral(", ?") : QStringLiteral("?");
    return s;
}

QVariantList variants(const QStringList& list) {
    QVariantList out;
    out.reserve(list.size());
    for (const QString& s : list)
        out << s;
    return out;
}

// Keys looked up as bytes, so a million rows parse without a string each.
struct EnumBytes {
    ByteKeyTable<TicketState> states;
    ByteKeyTable<TicketPriority> priorities;
    ByteKeyTable<Rating> ratings;
    EnumBytes() {
        for (TicketState s : allTicketStates())
            states.insert(toKey(s).toUtf8(), s);
        for (TicketPriority p : allTicketPriorities())
            priorities.insert(toKey(p).toUtf8(), p);
        for (Rating r : {Rating::None, Rating::Satisfied, Rating::Unsatisfied})
            ratings.insert(toKey(r).toUtf8(), r);
    }
    TicketState state(QByteArrayView v) const { return states.value(v, TicketState::Received); }
    TicketPriority priority(QByteArrayView v) const { return priorities.value(v, TicketPriority::Normal); }
    Rating rating(QByteArrayView v) const { return ratings.value(v, Rating::None); }
};

const EnumBytes& enumBytes() {
    static const EnumBytes e;
    return e;
}

const QString kTicketColumns = QStringLiteral(
    "grid_code, id, created_at, deadline, category, state, priority, rating, reopen_count, escalation_level");
// Open work, whatever its age, and everything of the windows.
const QString kTicketWhere =
    QStringLiteral("grid_code IS NOT NULL AND (state NOT IN ('closed', 'resolved', 'merged', 'invalid') OR "
                   "created_at >= ?)");

RiskChange changeFromQuery(const QSqlQuery& q) {
    RiskChange c;
    c.id = q.value(0).toLongLong();
    c.code = q.value(1).toString();
    c.level = static_cast<GridLevel>(q.value(2).toInt());
    c.at = sql::toTime(q.value(3));
    c.from = RiskLevels::parse(q.value(4).toString()).value_or(RiskLevel::Green);
    c.to = RiskLevels::parse(q.value(5).toString()).value_or(RiskLevel::Green);
    c.score = q.value(6).toDouble();
    c.cause = riskChangeCauseFromKey(q.value(7).toString()).value_or(RiskChangeCause::Data);
    c.note = q.value(8).toString();
    return c;
}

bool writeChange(QSqlQuery& q, const RiskChange& c, QString* error) {
    return sql::exec(q,
                     QStringLiteral("UPDATE %1 SET risk_level = ? WHERE code = ?")
                         .arg(GridLevels::tableName(c.level)),
                     {RiskLevels::key(c.to), c.code}, error, "风险等级") &&
           sql::exec(q,
                     QStringLiteral(
                         "INSERT INTO risk_history (code, level, at, from_band, to_band, score, cause, note) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                     {c.code, static_cast<int>(c.level), sql::fromTime(c.at), RiskLevels::key(c.from),
                      RiskLevels::key(c.to), c.score, toKey(c.cause), c.note},
                     error, "风险历史");
}

} // namespace

QString toKey(RiskChangeCause c) {
    switch (c) {
    case RiskChangeCause::Rules:
        return QStringLiteral("rules");
    case RiskChangeCause::Data:
        return QStringLiteral("data");
    case RiskChangeCause::Override:
        return QStringLiteral("override");
    case RiskChangeCause::Expiry:
        return QStringLiteral("expiry");
    }
    return {};
}

std::optional<RiskChangeCause> riskChangeCauseFromKey(const QString& key) {
    for (auto c :
         {RiskChangeCause::Rules, RiskChangeCause::Data, RiskChangeCause::Override, RiskChangeCause::Expiry})
        if (toKey(c) == key)
            return c;
    return std::nullopt;
}

std::optional<QByteArray> RiskStore::rulesJson(QString* error) const {
    QSqlQuery q(m_store.database());
    if (!q.exec(QStringLiteral("SELECT json FROM risk_rules ORDER BY id DESC LIMIT 1"))) {
        if (error)
            *error = sql::lastError(q);
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return q.value(0).toString().toUtf8();
}

bool RiskStore::saveRules(const QByteArray& json, const QString& by, const QDateTime& at,
                          const QList<RiskChange>& changes, QString* error) {
    return m_store.writeTransaction(
        [&](QString* err) {
            QSqlQuery q(m_store.database());
            if (!sql::exec(q,
                           QStringLiteral("INSERT INTO risk_rules (json, set_at, set_by) VALUES (?, ?, ?)"),
                           {QString::fromUtf8(json), sql::fromTime(at), by}, err, "风险规则"))
                return false;
            for (const RiskChange& c : changes)
                if (!writeChange(q, c, err))
                    return false;
            return true;
        },
        error);
}

bool RiskStore::forEachTicket(qint64 createdSince, const QStringList& gridCodes,
                              const std::function<void(QByteArrayView, const RiskTicketFacts&)>& visit,
                              QString* error) const {
    const EnumBytes& e = enumBytes();
    // Category strings are shared across rows and numbered: the code table has a hundred, the county
    // a million tickets.
    ByteKeyTable<int> categoryKeys;
    std::vector<QString> categories;
    const auto category = [&](QByteArrayView v, RiskTicketFacts& t) {
        int key;
        if (const int* known = categoryKeys.find(v)) {
            key = *known;
        } else {
            key = int(categories.size());
            categoryKeys.insert(v, key);
            categories.push_back(QString::fromUtf8(v));
        }
        // The full scan reuses one facts record: its category string only changes with the key.
        if (key != t.categoryKey) {
            t.categoryKey = key;
            t.category = categories[size_t(key)];
        }
    };
    if (!gridCodes.isEmpty()) {
        // A few grids: the connection at hand and the grid index, no second connection to open.
        QSqlQuery q(m_store.database());
        q.setForwardOnly(true);
        QVariantList values{createdSince};
        values += variants(gridCodes);
        if (!sql::exec(q,
                       QStringLiteral("SELECT %1 FROM tickets WHERE %2 AND grid_code IN (%3)")
                           .arg(kTicketColumns, kTicketWhere, placeholders(gridCodes.size())),
                       values, error))
            return false;
        while (q.next()) {
            RiskTicketFacts t;
            t.id = q.value(1).toLongLong();
            t.createdAt = q.value(2).toLongLong();
            t.deadline = q.value(3).toLongLong();
            category(q.value(4).toString().toUtf8(), t);
            t.state = e.state(q.value(5).toString().toUtf8());
            t.priority = e.priority(q.value(6).toString().toUtf8());
            t.rating = e.rating(q.value(7).toString().toUtf8());
            t.reopenCount = q.value(8).toInt();
            t.escalationLevel = static_cast<GridLevel>(q.value(9).toInt());
            const QByteArray grid = q.value(0).toString().toUtf8();
            visit(grid, t);
        }
        return true;
    }
    auto reader = sql::SqliteReader::open(m_store.path(), error);
    if (!reader)
        return false;
    RiskTicketFacts t;
    return reader->forEachRow(
        QStringLiteral("SELECT %1 FROM tickets WHERE %2").arg(kTicketColumns, kTicketWhere), {createdSince},
        [&](const sql::SqliteReader::Row& row) {
            t.id = row.integer(1);
            t.createdAt = row.integer(2);
            t.deadline = row.isNull(3) ? 0 : row.integer(3);
            category(row.utf8(4), t);
            t.state = e.state(row.utf8(5));
            t.priority = e.priority(row.utf8(6));
            t.rating = e.rating(row.utf8(7));
            t.reopenCount = int(row.integer(8));
            t.escalationLevel = static_cast<GridLevel>(row.integer(9));
            visit(row.utf8(0), t);
        },
        error);
}

QHash<QString, int> RiskStore::ticketCountsByGrid(qint64 from, qint64 to, QString* error) const {
    QHash<QString, int> counts;
    auto reader = sql::SqliteReader::open(m_store.path(), error);
    if (!reader)
        return counts;
    reader->forEachRow(
        // Through the (grid, state, created) index: its rows come grouped by grid, where the
        // planner's own choice (the created_at range of tickets_risk) sorts a million rows first.
        QStringLiteral("SELECT grid_code, count(*) FROM tickets INDEXED BY tickets_grid_state_created "
                       "WHERE grid_code IS NOT NULL AND "
                       "state NOT IN ('merged', 'invalid') AND created_at >= ? AND created_at <= ? "
                       "GROUP BY grid_code"),
        {from, to},
        [&](const sql::SqliteReader::Row& row) { counts.insert(row.text(0), int(row.integer(1))); }, error);
    return counts;
}

bool RiskStore::forEachTicketEvent(
    const std::function<void(qint64, TicketAction, qint64, TicketState)>& visit, QString* error) const {
    auto reader = sql::SqliteReader::open(m_store.path(), error);
    if (!reader)
        return false;
    const EnumBytes& e = enumBytes();
    QHash<QByteArray, TicketAction> actions;
    return reader->forEachRow(
        QStringLiteral("SELECT ticket_id, action, at, to_state FROM ticket_events ORDER BY at, id"), {},
        [&](const sql::SqliteReader::Row& row) {
            const QByteArray key = row.utf8(1).toByteArray();
            auto it = actions.find(key);
            if (it == actions.end())
                it = actions.insert(
                    key, ticketActionFromKey(QString::fromUtf8(key)).value_or(TicketAction::Report));
            visit(row.integer(0), *it, row.integer(2), e.state(row.utf8(3)));
        },
        error);
}

QStringList RiskStore::gridsOfTickets(const QList<qint64>& ticketIds) const {
    QStringList out;
    if (ticketIds.isEmpty())
        return out;
    QSqlQuery q(m_store.database());
    QVariantList values;
    for (qint64 id : ticketIds)
        values << id;
    if (!sql::exec(q,
                   QStringLiteral(
                       "SELECT DISTINCT grid_code FROM tickets WHERE grid_code IS NOT NULL AND id IN (%1)")
                       .arg(placeholders(ticketIds.size())),
                   values, nullptr))
        return out;
    while (q.next())
        out << q.value(0).toString();
    return out;
}

QStringList RiskStore::gridsOfWorker(qint64 workerId) const {
    QStringList out;
    QSqlQuery q(m_store.database());
    if (!sql::exec(q, QStringLiteral("SELECT grid_code FROM worker_grids WHERE worker_id = ?"), {workerId},
                   nullptr))
        return out;
    while (q.next())
        out << q.value(0).toString();
    return out;
}

QHash<QString, qint64> RiskStore::lastCheckins(const QStringList& gridCodes, qint64 notAfter) const {
    QHash<QString, qint64> out;
    // Per assignment, the newest check-in of that worker through the (worker_id, at) index.
    QString sqlText =
        QStringLiteral(
            "SELECT wg.grid_code, (SELECT max(c.at) FROM checkins c WHERE c.worker_id = wg.worker_id%1) "
            "FROM worker_grids wg")
            .arg(notAfter > 0 ? QStringLiteral(" AND c.at <= ?") : QString());
    const auto keep = [&out](const QString& grid, qint64 at) {
        qint64& last = out[grid];
        last = std::max(last, at);
    };
    if (gridCodes.isEmpty()) {
        // Every grid (a full pass): the fast reader, not a QVariant per value.
        auto reader = sql::SqliteReader::open(m_store.path(), nullptr);
        if (!reader)
            return out;
        out.reserve(100000);
        reader->forEachRow(
            sqlText, notAfter > 0 ? QList<qint64>{notAfter} : QList<qint64>{},
            [&](const sql::SqliteReader::Row& row) {
                if (!row.isNull(1))
                    keep(row.text(0), row.integer(1));
            },
            nullptr);
        return out;
    }
    QSqlQuery q(m_store.database());
    q.setForwardOnly(true);
    QVariantList values;
    if (notAfter > 0)
        values << notAfter;
    sqlText += QStringLiteral(" WHERE wg.grid_code IN (%1)").arg(placeholders(gridCodes.size()));
    values += variants(gridCodes);
    if (!sql::exec(q, sqlText, values, nullptr))
        return out;
    while (q.next())
        if (!q.value(1).isNull())
            keep(q.value(0).toString(), q.value(1).toLongLong());
    return out;
}

QList<KeyPersonCount> RiskStore::keyPersons(const QStringList& gridCodes) const {
    QList<KeyPersonCount> out;
    QString sqlText = QStringLiteral("SELECT grid_code, type, count FROM key_persons");
    if (gridCodes.isEmpty()) {
        auto reader = sql::SqliteReader::open(m_store.path(), nullptr);
        if (reader)
            reader->forEachRow(
                sqlText, {},
                [&](const sql::SqliteReader::Row& row) {
                    out << KeyPersonCount{row.text(0), row.text(1), int(row.integer(2))};
                },
                nullptr);
        return out;
    }
    QSqlQuery q(m_store.database());
    sqlText += QStringLiteral(" WHERE grid_code IN (%1)").arg(placeholders(gridCodes.size()));
    if (!sql::exec(q, sqlText, variants(gridCodes), nullptr))
        return out;
    while (q.next())
        out << KeyPersonCount{q.value(0).toString(), q.value(1).toString(), q.value(2).toInt()};
    return out;
}

bool RiskStore::replaceKeyPersons(const QList<KeyPersonCount>& counts, QString* error) {
    return m_store.writeTransaction(
        [&](QString* err) {
            QSqlQuery q(m_store.database());
            if (!sql::exec(q, QStringLiteral("DELETE FROM key_persons"), {}, err))
                return false;
            for (const KeyPersonCount& c : counts)
                if (!sql::exec(
                        q,
                        QStringLiteral("INSERT INTO key_persons (grid_code, type, count) VALUES (?, ?, ?)"),
                        {c.gridCode, c.type, c.count}, err, "重点人员"))
                    return false;
            return true;
        },
        error);
}

QList<KeyPlace> RiskStore::keyPlaces(const QStringList& gridCodes) const {
    QList<KeyPlace> out;
    QString sqlText = QStringLiteral("SELECT id, name, type, lon, lat, grid_code FROM key_places");
    if (gridCodes.isEmpty()) {
        auto reader = sql::SqliteReader::open(m_store.path(), nullptr);
        if (reader)
            reader->forEachRow(
                sqlText + QStringLiteral(" ORDER BY id"), {},
                [&](const sql::SqliteReader::Row& row) {
                    out << KeyPlace{row.integer(0), row.text(1), row.text(2),
                                    row.real(3),    row.real(4), row.text(5)};
                },
                nullptr);
        return out;
    }
    QSqlQuery q(m_store.database());
    sqlText += QStringLiteral(" WHERE grid_code IN (%1) ORDER BY id").arg(placeholders(gridCodes.size()));
    if (!sql::exec(q, sqlText, variants(gridCodes), nullptr))
        return out;
    while (q.next())
        out << KeyPlace{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                        q.value(3).toDouble(),   q.value(4).toDouble(), q.value(5).toString()};
    return out;
}

bool RiskStore::insertKeyPlaces(QList<KeyPlace>& places, QString* error) {
    return m_store.writeTransaction(
        [&](QString* err) {
            QSqlQuery q(m_store.database());
            for (KeyPlace& p : places) {
                if (!sql::exec(q,
                               QStringLiteral("INSERT INTO key_places (name, type, lon, lat, grid_code) "
                                              "VALUES (?, ?, ?, ?, ?)"),
                               {p.name, p.type, p.lon, p.lat, p.gridCode}, err, "重点场所"))
                    return false;
                p.id = q.lastInsertId().toLongLong();
            }
            return true;
        },
        error);
}

QHash<QString, RiskLevel> RiskStore::bands(GridLevel level) const {
    QHash<QString, RiskLevel> out;
    QSqlQuery q(m_store.database());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT code, risk_level FROM %1").arg(GridLevels::tableName(level))))
        return out;
    while (q.next())
        out.insert(q.value(0).toString(),
                   RiskLevels::parse(q.value(1).toString()).value_or(RiskLevel::Green));
    return out;
}

bool RiskStore::applyChanges(const QList<RiskChange>& changes, QString* error,
                             const QList<qint64>& lapsedOverrideIds) {
    if (changes.isEmpty() && lapsedOverrideIds.isEmpty())
        return true;
    return m_store.writeTransaction(
        [&](QString* err) {
            QSqlQuery q(m_store.database());
            for (const RiskChange& c : changes)
                if (!writeChange(q, c, err))
                    return false;
            for (qint64 id : lapsedOverrideIds)
                if (!sql::exec(q, QStringLiteral("UPDATE risk_overrides SET lapsed_at = end_at WHERE id = ?"),
                               {id}, err))
                    return false;
            return true;
        },
        error);
}

bool RiskStore::insertOverride(RiskOverride& o, const std::optional<RiskChange>& change, QString* error) {
    return m_store.writeTransaction(
        [&](QString* err) {
            QSqlQuery q(m_store.database());
            if (!sql::exec(q,
                           QStringLiteral(
                               "INSERT INTO risk_overrides (code, band, reason, set_by, start_at, end_at) "
                               "VALUES (?, ?, ?, ?, ?, ?)"),
                           {o.code, RiskLevels::key(o.band), o.reason, o.by, sql::fromTime(o.start),
                            sql::fromTime(o.end)},
                           err, "人工研判"))
                return false;
            o.id = q.lastInsertId().toLongLong();
            return !change || writeChange(q, *change, err);
        },
        error);
}

bool RiskStore::clearOverride(qint64 id, const QString& by, const QString& reason, const QDateTime& at,
                              const std::optional<RiskChange>& change, QString* error) {
    return m_store.writeTransaction(
        [&](QString* err) {
            QSqlQuery q(m_store.database());
            if (!sql::exec(q,
                           QStringLiteral(
                               "UPDATE risk_overrides SET cleared_at = ?, cleared_by = ?, clear_reason = ? "
                               "WHERE id = ? AND cleared_at IS NULL"),
                           {sql::fromTime(at), by, reason, id}, err, "人工研判"))
                return false;
            return !change || writeChange(q, *change, err);
        },
        error);
}

namespace {
QList<RiskOverride> readOverrides(const CountyStore& store, const QString& where,
                                  const QVariantList& values) {
    QList<RiskOverride> out;
    QSqlQuery q(store.database());
    if (!sql::exec(
            q,
            QStringLiteral("SELECT id, code, band, reason, set_by, start_at, end_at, cleared_at, cleared_by, "
                           "clear_reason, lapsed_at FROM risk_overrides WHERE ") +
                where,
            values, nullptr))
        return out;
    while (q.next()) {
        RiskOverride o;
        o.id = q.value(0).toLongLong();
        o.code = q.value(1).toString();
        o.band = RiskLevels::parse(q.value(2).toString()).value_or(RiskLevel::Green);
        o.reason = q.value(3).toString();
        o.by = q.value(4).toString();
        o.start = sql::toTime(q.value(5));
        o.end = sql::toTime(q.value(6));
        o.clearedAt = sql::toTime(q.value(7));
        o.clearedBy = q.value(8).toString();
        o.clearReason = q.value(9).toString();
        o.lapsedAt = sql::toTime(q.value(10));
        out << o;
    }
    return out;
}
} // namespace

QList<RiskOverride> RiskStore::activeOverrides(const QDateTime& now, const QString& code) const {
    const QVariant t = sql::fromTime(now);
    if (code.isEmpty())
        return readOverrides(
            m_store, QStringLiteral("cleared_at IS NULL AND start_at <= ? AND end_at > ? ORDER BY id"),
            {t, t});
    return readOverrides(
        m_store,
        QStringLiteral("cleared_at IS NULL AND start_at <= ? AND end_at > ? AND code = ? ORDER BY id"),
        {t, t, code});
}

QList<RiskOverride> RiskStore::overridesToLapse(const QDateTime& now) const {
    return readOverrides(
        m_store,
        QStringLiteral("cleared_at IS NULL AND lapsed_at IS NULL AND end_at <= ? ORDER BY end_at, id"),
        {sql::fromTime(now)});
}

QList<RiskOverride> RiskStore::overridesOf(const QString& code) const {
    return readOverrides(m_store, QStringLiteral("code = ? ORDER BY id DESC"), {code});
}

QList<RiskChange> RiskStore::history(const RiskHistoryFilter& f) const {
    QList<RiskChange> out;
    QSqlQuery q(m_store.database());
    q.setForwardOnly(true);
    QString sqlText = QStringLiteral(
        "SELECT id, code, level, at, from_band, to_band, score, cause, note FROM risk_history WHERE 1");
    QVariantList values;
    if (!f.code.isEmpty()) {
        sqlText += QStringLiteral(" AND code = ?");
        values << f.code;
    }
    if (f.from.isValid()) {
        sqlText += QStringLiteral(" AND at >= ?");
        values << sql::fromTime(f.from);
    }
    if (f.to.isValid()) {
        sqlText += QStringLiteral(" AND at < ?");
        values << sql::fromTime(f.to);
    }
    sqlText += QStringLiteral(" ORDER BY at DESC, id DESC");
    if (f.limit >= 0)
        sqlText += QStringLiteral(" LIMIT %1").arg(f.limit);
    if (!sql::exec(q, sqlText, values, nullptr))
        return out;
    while (q.next())
        out << changeFromQuery(q);
    return out;
}

qint64 RiskStore::inputsVersion() const {
    QSqlQuery q(m_store.database());
    if (!q.exec(QStringLiteral("SELECT value FROM gc_meta WHERE key = 'risk_inputs_version'")) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

std::optional<RiskSnapshot> RiskStore::snapshot() const {
    QSqlQuery q(m_store.database());
    if (!q.exec(
            QStringLiteral("SELECT inputs_version, computed_at, valid_until, grid_count, indicator_count, "
                           "grid_values FROM risk_snapshot WHERE id = 1")) ||
        !q.next())
        return std::nullopt;
    RiskSnapshot s;
    s.inputsVersion = q.value(0).toLongLong();
    s.computedAt = q.value(1).toLongLong();
    s.validUntil = q.value(2).toLongLong();
    s.gridCount = q.value(3).toInt();
    s.indicatorCount = q.value(4).toInt();
    // Doubles in this machine's byte order, compressed (most values are 0).
    const QByteArray raw = qUncompress(q.value(5).toByteArray());
    const qsizetype n = qsizetype(s.gridCount) * s.indicatorCount;
    if (n < 0 || raw.size() != n * qsizetype(sizeof(double)))
        return std::nullopt;
    s.values.resize(n);
    std::memcpy(s.values.data(), raw.constData(), size_t(raw.size()));
    return s;
}

bool RiskStore::saveSnapshot(const RiskSnapshot& s, QString* error) {
    const QByteArray blob =
        qCompress(QByteArray::fromRawData(reinterpret_cast<const char*>(s.values.constData()),
                                          s.values.size() * qsizetype(sizeof(double))),
                  1);
    return m_store.writeTransaction(
        [&](QString* err) {
            QSqlQuery q(m_store.database());
            return sql::exec(
                q,
                QStringLiteral("INSERT OR REPLACE INTO risk_snapshot (id, inputs_version, "
                               "computed_at, valid_until, grid_count, indicator_count, "
                               "grid_values) VALUES (1, ?, ?, ?, ?, ?, ?)"),
                {s.inputsVersion, s.computedAt, s.validUntil, s.gridCount, s.indicatorCount, blob}, err,
                "风险快照");
        },
        error);
}

QString RiskStore::geometryFingerprint(GridLevel level) const {
    QSqlQuery q(m_store.database());
    // Count, fids and geometry sizes: an import or an edit of any feature changes one of them.
    if (!q.exec(QStringLiteral("SELECT count(*), total(fid), total(length(geom)) FROM %1")
                    .arg(GridLevels::tableName(level))) ||
        !q.next())
        return {};
    return QStringLiteral("%1/%2/%3")
        .arg(q.value(0).toLongLong())
        .arg(q.value(1).toLongLong())
        .arg(q.value(2).toLongLong());
}

std::optional<QList<QPair<QString, QString>>> RiskStore::adjacency(GridLevel level) const {
    QSqlQuery q(m_store.database());
    if (!sql::exec(q, QStringLiteral("SELECT value FROM gc_meta WHERE key = ?"),
                   {QStringLiteral("adjacency_fingerprint_%1").arg(static_cast<int>(level))}, nullptr) ||
        !q.next() || q.value(0).toString() != geometryFingerprint(level))
        return std::nullopt;
    QList<QPair<QString, QString>> pairs;
    q.setForwardOnly(true);
    if (!sql::exec(q, QStringLiteral("SELECT a, b FROM grid_adjacency WHERE level = ?"),
                   {static_cast<int>(level)}, nullptr))
        return std::nullopt;
    while (q.next())
        pairs << qMakePair(q.value(0).toString(), q.value(1).toString());
    return pairs;
}

bool RiskStore::saveAdjacency(GridLevel level, const QList<QPair<QString, QString>>& pairs, QString* error) {
    const QString fingerprint = geometryFingerprint(level);
    return m_store.writeTransaction(
        [&](QString* err) {
            QSqlQuery q(m_store.database());
            if (!sql::exec(q, QStringLiteral("DELETE FROM grid_adjacency WHERE level = ?"),
                           {static_cast<int>(level)}, err))
                return false;
            for (const auto& [a, b] : pairs)
                if (!sql::exec(q, QStringLiteral("INSERT INTO grid_adjacency (level, a, b) VALUES (?, ?, ?)"),
                               {static_cast<int>(level), a, b}, err, "邻接"))
                    return false;
            return sql::exec(
                q, QStringLiteral("INSERT OR REPLACE INTO gc_meta (key, value) VALUES (?, ?)"),
                {QStringLiteral("adjacency_fingerprint_%1").arg(static_cast<int>(level)), fingerprint}, err);
        },
        error);
}

} // namespace gc
