// The live feed's tables in a county file: devices, positions, workers' last fix, checkins.
#include "gc/store/FeedStore.h"

#include "SqlHelpers.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRandomGenerator>
#include <QSqlQuery>

namespace gc {

namespace {

// The translation context of this file's messages, declared where lupdate reads it.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(FeedStore)
};

QVariant orNull(double v) {
    return std::isnan(v) ? QVariant() : QVariant(v);
}
double orNaN(const QVariant& v) {
    return v.isNull() ? std::numeric_limits<double>::quiet_NaN() : v.toDouble();
}

} // namespace

std::optional<QString> FeedStore::issueToken(qint64 workerId, const QString& kind, QString* error) {
    const auto tokens = issueTokens({workerId}, kind, error);
    return tokens ? std::optional(tokens->first()) : std::nullopt;
}

std::optional<QStringList> FeedStore::issueTokens(const QList<qint64>& workerIds, const QString& kind,
                                                  QString* error) {
    QStringList tokens;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const bool ok = m_store.writeTransaction(
        [&](QString* err) {
            QSqlQuery exists(m_store.database());
            QSqlQuery insert(m_store.database());
            for (const qint64 workerId : workerIds) {
                if (!sql::exec(exists, QStringLiteral("SELECT 1 FROM workers WHERE id = ?"), {workerId}, err))
                    return false;
                if (!exists.next()) {
                    *err = Tr::tr("网格员 %1 不存在").arg(workerId);
                    return false;
                }
                exists.finish();
                // 128 bits from the OS generator: a token cannot be guessed, so an unregistered
                // phone cannot post positions.
                quint32 words[4];
                QRandomGenerator::system()->fillRange(words);
                const QString token = QString::fromLatin1(
                    QByteArray(reinterpret_cast<const char*>(words), sizeof words).toHex());
                if (!sql::exec(
                        insert,
                        QStringLiteral(
                            "INSERT INTO devices (token, worker_id, kind, created_at) VALUES (?, ?, ?, ?)"),
                        {token, workerId, kind, now}, err, "终端令牌"))
                    return false;
                tokens << token;
            }
            return true;
        },
        error);
    return ok ? std::optional(tokens) : std::nullopt;
}

bool FeedStore::revokeToken(const QString& token, QString* error) {
    return m_store.writeTransaction(
        [&](QString* err) {
            QSqlQuery q(m_store.database());
            if (!sql::exec(q,
                           QStringLiteral(
                               "UPDATE devices SET revoked_at = ? WHERE token = ? AND revoked_at IS NULL"),
                           {QDateTime::currentSecsSinceEpoch(), token}, err))
                return false;
            if (q.numRowsAffected() != 1) {
                *err = Tr::tr("令牌不存在或已注销");
                return false;
            }
            return true;
        },
        error);
}

std::optional<qint64> FeedStore::workerForToken(const QString& token) const {
    QSqlQuery q(m_store.database());
    if (token.isEmpty() ||
        !sql::exec(q, QStringLiteral("SELECT worker_id FROM devices WHERE token = ? AND revoked_at IS NULL"),
                   {token}, nullptr) ||
        !q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}

QList<DeviceRecord> FeedStore::devices(const QString& kind) const {
    QList<DeviceRecord> out;
    QSqlQuery q(m_store.database());
    q.setForwardOnly(true);
    const bool ok =
        kind.isEmpty()
            ? sql::exec(q,
                        QStringLiteral("SELECT token, worker_id, kind, created_at, revoked_at FROM devices"),
                        {}, nullptr)
            : sql::exec(
                  q,
                  QStringLiteral(
                      "SELECT token, worker_id, kind, created_at, revoked_at FROM devices WHERE kind = ?"),
                  {kind}, nullptr);
    if (!ok)
        return out;
    while (q.next())
        out << DeviceRecord{q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toString(),
                            q.value(3).toLongLong(), q.value(4).toLongLong()};
    return out;
}

bool FeedStore::writeBatch(const QList<PositionFix>& fixes, const QList<CheckinRecord>& checkins,
                           QString* error) {
    if (fixes.isEmpty() && checkins.isEmpty())
        return true;
    // Only the newest live fix per worker moves its last position.
    QHash<qint64, const PositionFix*> newest;
    for (const PositionFix& f : fixes) {
        if (!f.live)
            continue;
        const PositionFix*& n = newest[f.workerId];
        if (!n || f.at >= n->at)
            n = &f;
    }
    return m_store.writeTransaction(
        [&](QString* err) {
            QSqlDatabase db = m_store.database();
            QSqlQuery insert(db);
            if (!fixes.isEmpty() && !insert.prepare(QStringLiteral(
                                        "INSERT INTO positions (worker_id, at, lon, lat, accuracy, speed, "
                                        "heading, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"))) {
                *err = sql::lastError(insert);
                return false;
            }
            for (const PositionFix& f : fixes) {
                insert.bindValue(0, f.workerId);
                insert.bindValue(1, f.at);
                insert.bindValue(2, f.lon);
                insert.bindValue(3, f.lat);
                insert.bindValue(4, orNull(f.accuracy));
                insert.bindValue(5, orNull(f.speed));
                insert.bindValue(6, orNull(f.heading));
                insert.bindValue(7, f.source);
                if (!insert.exec()) {
                    *err = Tr::tr("轨迹点：") + sql::lastError(insert);
                    return false;
                }
            }
            QSqlQuery last(db);
            if (!newest.isEmpty() && !last.prepare(QStringLiteral(
                                         "UPDATE workers SET last_lon = ?, last_lat = ?, last_accuracy = ?, "
                                         "last_speed = ?, last_heading = ?, last_at = ? "
                                         "WHERE id = ? AND (last_at IS NULL OR last_at <= ?)"))) {
                *err = sql::lastError(last);
                return false;
            }
            for (const PositionFix* f : std::as_const(newest)) {
                last.bindValue(0, f->lon);
                last.bindValue(1, f->lat);
                last.bindValue(2, orNull(f->accuracy));
                last.bindValue(3, orNull(f->speed));
                last.bindValue(4, orNull(f->heading));
                last.bindValue(5, f->at);
                last.bindValue(6, f->workerId);
                last.bindValue(7, f->at);
                if (!last.exec()) {
                    *err = Tr::tr("最新位置：") + sql::lastError(last);
                    return false;
                }
            }
            QSqlQuery checkin(db);
            for (const CheckinRecord& c : checkins)
                if (!sql::exec(
                        checkin,
                        QStringLiteral(
                            "INSERT INTO checkins (worker_id, at, lon, lat, note) VALUES (?, ?, ?, ?, ?)"),
                        {c.workerId, c.at, c.hasLocation ? QVariant(c.lon) : QVariant(),
                         c.hasLocation ? QVariant(c.lat) : QVariant(),
                         c.note.isEmpty() ? QVariant() : QVariant(c.note)},
                        err, "巡查签到"))
                    return false;
            return true;
        },
        error);
}

qint64 FeedStore::purgePositionsBefore(qint64 cutoff, int batchSize, QString* error) {
    qint64 total = 0;
    for (;;) {
        int deleted = 0;
        const bool ok = m_store.writeTransaction(
            [&](QString* err) {
                QSqlQuery q(m_store.database());
                if (!sql::exec(q,
                               QStringLiteral("DELETE FROM positions WHERE id IN "
                                              "(SELECT id FROM positions WHERE at < ? LIMIT ?)"),
                               {cutoff, std::max(1, batchSize)}, err))
                    return false;
                deleted = q.numRowsAffected();
                return true;
            },
            error);
        if (!ok)
            return -1;
        total += deleted;
        if (deleted < batchSize)
            return total;
    }
}

bool FeedStore::writeAlerts(const QList<AlertRecord>& alerts, QString* error) {
    if (alerts.isEmpty())
        return true;
    return m_store.writeTransaction(
        [&](QString* err) {
            QSqlQuery q(m_store.database());
            for (const AlertRecord& a : alerts)
                if (!sql::exec(
                        q,
                        QStringLiteral("INSERT INTO feed_alerts (kind, worker_id, ticket_id, at, note) "
                                       "VALUES (?, ?, ?, ?, ?)"),
                        {a.kind, a.workerId > 0 ? QVariant(a.workerId) : QVariant(),
                         a.ticketId > 0 ? QVariant(a.ticketId) : QVariant(), a.at,
                         a.note.isEmpty() ? QVariant() : QVariant(a.note)},
                        err, "告警"))
                    return false;
            return true;
        },
        error);
}

QList<AlertRecord> FeedStore::alerts(qint64 from, qint64 to) const {
    QList<AlertRecord> out;
    QSqlQuery q(m_store.database());
    q.setForwardOnly(true);
    if (!sql::exec(q,
                   QStringLiteral("SELECT kind, worker_id, ticket_id, at, note FROM feed_alerts "
                                  "WHERE at BETWEEN ? AND ? ORDER BY at, id"),
                   {from, to}, nullptr))
        return out;
    while (q.next())
        out << AlertRecord{q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toLongLong(),
                           q.value(3).toLongLong(), q.value(4).toString()};
    return out;
}

QList<qint64> FeedStore::workersOfGrid(const QString& gridCode) const {
    QList<qint64> out;
    QSqlQuery q(m_store.database());
    if (sql::exec(q,
                  QStringLiteral("SELECT worker_id FROM worker_grids WHERE grid_code = ? ORDER BY worker_id"),
                  {gridCode}, nullptr))
        while (q.next())
            out << q.value(0).toLongLong();
    return out;
}

QList<PlacedTicketEvent> FeedStore::ticketEvents(qint64 from, qint64 to, const QString& gridPrefix) const {
    QList<PlacedTicketEvent> out;
    QSqlQuery q(m_store.database());
    q.setForwardOnly(true);
    if (!sql::exec(q,
                   QStringLiteral("SELECT e.ticket_id, e.at, e.action, e.to_state, t.lon, t.lat, t.grid_code "
                                  "FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id "
                                  "WHERE e.at BETWEEN ? AND ? AND (? = '' OR t.grid_code LIKE ? || '%') "
                                  "ORDER BY e.at, e.id"),
                   {from, to, gridPrefix, gridPrefix}, nullptr))
        return out;
    while (q.next())
        out << PlacedTicketEvent{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                                 q.value(3).toString(),   q.value(4).toDouble(),   q.value(5).toDouble(),
                                 q.value(6).toString()};
    return out;
}

QList<PositionFix> FeedStore::track(qint64 workerId, qint64 from, qint64 to) const {
    QList<PositionFix> out;
    QSqlQuery q(m_store.database());
    q.setForwardOnly(true);
    if (!sql::exec(q,
                   QStringLiteral("SELECT at, lon, lat, accuracy, speed, heading, source FROM positions "
                                  "WHERE worker_id = ? AND at BETWEEN ? AND ? ORDER BY at, id"),
                   {workerId, from, to}, nullptr))
        return out;
    while (q.next()) {
        PositionFix f;
        f.workerId = workerId;
        f.at = q.value(0).toLongLong();
        f.lon = q.value(1).toDouble();
        f.lat = q.value(2).toDouble();
        f.accuracy = orNaN(q.value(3));
        f.speed = orNaN(q.value(4));
        f.heading = orNaN(q.value(5));
        f.source = q.value(6).toString();
        out << f;
    }
    return out;
}

qint64 FeedStore::positionCount(const QString& source) const {
    QSqlQuery q(m_store.database());
    const bool ok = source.isEmpty()
                        ? sql::exec(q, QStringLiteral("SELECT count(*) FROM positions"), {}, nullptr)
                        : sql::exec(q, QStringLiteral("SELECT count(*) FROM positions WHERE source = ?"),
                                    {source}, nullptr);
    return ok && q.next() ? q.value(0).toLongLong() : -1;
}

qint64 FeedStore::checkinCount() const {
    QSqlQuery q(m_store.database());
    return sql::exec(q, QStringLiteral("SELECT count(*) FROM checkins"), {}, nullptr) && q.next()
               ? q.value(0).toLongLong()
               : -1;
}

} // namespace gc
