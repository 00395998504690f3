// Tickets and their closed loop in CountyStore.
#include "gc/store/CountyStore.h"

#include "SqlHelpers.h"
#include "SqliteReader.h"
#include "gc/core/ByteKeyTable.h"
#include "gc/core/ChinaTime.h"
#include "gc/core/TimeLimitTable.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace gc {

namespace {

// The translation context of this file's messages, declared where lupdate reads it.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(CountyStore)
};

const QString kTicketColumns = QStringLiteral(
    "id, state, category, source, priority, appeal_type, grid_code, department_code, title, description, "
    "address, "
    "lon, lat, photos, reporter, created_at, deadline, first_dispatched_at, resolved_at, closed_at, rating, "
    "reopen_count, urge_count, escalation_level, merged_into, last_return_reason, self_resolved, "
    "check_worker_id, arrived_at, version");

QVariant nullIfEmpty(const QString& s) {
    return s.isEmpty() ? QVariant() : QVariant(s);
}

QVariantList ticketValues(const Ticket& t) {
    QJsonArray photos;
    for (const QString& p : t.photos)
        photos.append(p);
    return {toKey(t.state),
            t.category,
            toKey(t.source),
            toKey(t.priority),
            toKey(t.appealType),
            nullIfEmpty(t.gridCode),
            nullIfEmpty(t.departmentCode),
            t.title,
            t.description,
            t.address,
            t.lon,
            t.lat,
            photos.isEmpty()
                ? QVariant()
                : QVariant(QString::fromUtf8(QJsonDocument(photos).toJson(QJsonDocument::Compact))),
            t.reporter,
            sql::fromTime(t.createdAt),
            sql::fromTime(t.deadline),
            sql::fromTime(t.firstDispatchedAt),
            sql::fromTime(t.resolvedAt),
            sql::fromTime(t.closedAt),
            toKey(t.rating),
            t.reopenCount,
            t.urgeCount,
            static_cast<int>(t.escalationLevel),
            t.mergedInto > 0 ? QVariant(t.mergedInto) : QVariant(),
            nullIfEmpty(t.lastReturnReason),
            t.selfResolved ? 1 : 0,
            t.checkWorkerId > 0 ? QVariant(t.checkWorkerId) : QVariant(),
            sql::fromTime(t.arrivedAt),
            t.version};
}

Ticket ticketFromQuery(const QSqlQuery& q) {
    Ticket t;
    t.id = q.value(0).toLongLong();
    t.state = ticketStateFromKey(q.value(1).toString()).value_or(TicketState::Received);
    t.category = q.value(2).toString();
    t.source = ticketSourceFromKey(q.value(3).toString()).value_or(TicketSource::Other);
    t.priority = ticketPriorityFromKey(q.value(4).toString()).value_or(TicketPriority::Normal);
    t.appealType = appealTypeFromKey(q.value(5).toString()).value_or(AppealType::None);
    t.gridCode = q.value(6).toString();
    t.departmentCode = q.value(7).toString();
    t.title = q.value(8).toString();
    t.description = q.value(9).toString();
    t.address = q.value(10).toString();
    t.lon = q.value(11).toDouble();
    t.lat = q.value(12).toDouble();
    if (!q.value(13).isNull())
        for (const QJsonValue& v : QJsonDocument::fromJson(q.value(13).toString().toUtf8()).array())
            t.photos << v.toString();
    t.reporter = q.value(14).toString();
    t.createdAt = sql::toTime(q.value(15));
    t.deadline = sql::toTime(q.value(16));
    t.firstDispatchedAt = sql::toTime(q.value(17));
    t.resolvedAt = sql::toTime(q.value(18));
    t.closedAt = sql::toTime(q.value(19));
    t.rating = ratingFromKey(q.value(20).toString()).value_or(Rating::None);
    t.reopenCount = q.value(21).toInt();
    t.urgeCount = q.value(22).toInt();
    t.escalationLevel = GridLevels::parse(q.value(23).toString()).value_or(GridLevel::Grid);
    t.mergedInto = q.value(24).toLongLong();
    t.lastReturnReason = q.value(25).toString();
    t.selfResolved = q.value(26).toBool();
    t.checkWorkerId = q.value(27).toLongLong();
    t.arrivedAt = sql::toTime(q.value(28));
    t.version = q.value(29).toInt();
    return t;
}

bool insertEvent(QSqlQuery& q, const TicketEvent& e, QString* error) {
    return sql::exec(
        q,
        QStringLiteral("INSERT INTO ticket_events (ticket_id, action, actor, at, from_state, to_state, "
                       "department_code, reason, note, worker_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {e.ticketId, toKey(e.action), e.actor, sql::fromTime(e.at), toKey(e.fromState), toKey(e.toState),
         nullIfEmpty(e.departmentCode), nullIfEmpty(e.reason), nullIfEmpty(e.note),
         e.workerId > 0 ? QVariant(e.workerId) : QVariant()},
        error, "工单流转记录");
}

QString insertTicketSql() {
    QStringList columns = kTicketColumns.split(QStringLiteral(", "));
    columns.removeFirst(); // id is assigned by SQLite
    return QStringLiteral("INSERT INTO tickets (%1) VALUES (%2)")
        .arg(columns.join(QStringLiteral(", ")), QStringList(columns.size(), QStringLiteral("?")).join(u','));
}

} // namespace

std::optional<qint64> CountyStore::createTicket(Ticket t, const QString& actor, QString* error) {
    QString localError;
    if (!error)
        error = &localError;
    if (actor.trimmed().isEmpty()) {
        *error = Tr::tr("未注明登记人");
        return std::nullopt;
    }
    if (!t.createdAt.isValid()) {
        *error = Tr::tr("工单缺少登记时间");
        return std::nullopt;
    }
    t.state = TicketState::Received;
    t.version = 0;
    if (!t.deadline.isValid())
        t.deadline = TimeLimitTable::builtIn().deadlineFor(t, t.createdAt);
    qint64 id = 0;
    const bool ok = writeTransaction(
        [&](QString* err) {
            QSqlQuery q(database());
            if (!sql::exec(q, insertTicketSql(), ticketValues(t), err, "工单"))
                return false;
            id = q.lastInsertId().toLongLong();
            TicketEvent e;
            e.ticketId = id;
            e.action = TicketAction::Report;
            e.actor = actor;
            e.at = t.createdAt;
            e.fromState = e.toState = TicketState::Received;
            // Stored: the source language, whatever the UI speaks.
            e.note = QStringLiteral("登记（%1）").arg(chineseName(t.source));
            QSqlQuery ev(database());
            return insertEvent(ev, e, err);
        },
        error);
    return ok ? std::optional(id) : std::nullopt;
}

bool CountyStore::insertTicketHistory(QList<Ticket>& tickets, const QList<QList<TicketEvent>>& events,
                                      QString* error) {
    if (tickets.size() != events.size()) {
        if (error)
            *error = QStringLiteral("insertTicketHistory: tickets and events differ in length");
        return false;
    }
    return writeTransaction(
        [&](QString* err) {
            QSqlQuery q(database());
            QSqlQuery ev(database());
            const QString insert = insertTicketSql();
            for (int i = 0; i < tickets.size(); ++i) {
                if (!sql::exec(q, insert, ticketValues(tickets[i]), err, "工单"))
                    return false;
                tickets[i].id = q.lastInsertId().toLongLong();
                for (TicketEvent e : events.at(i)) {
                    e.ticketId = tickets[i].id;
                    if (!insertEvent(ev, e, err))
                        return false;
                }
            }
            return true;
        },
        error);
}

std::optional<Ticket> CountyStore::ticket(qint64 id) const {
    QSqlQuery q(database());
    if (!sql::exec(q, QStringLiteral("SELECT %1 FROM tickets WHERE id = ?").arg(kTicketColumns), {id},
                   nullptr) ||
        !q.next())
        return std::nullopt;
    return ticketFromQuery(q);
}

QList<TicketEvent> CountyStore::ticketEvents(qint64 id) const {
    QList<TicketEvent> out;
    QSqlQuery q(database());
    if (!sql::exec(q,
                   QStringLiteral(
                       "SELECT id, action, actor, at, from_state, to_state, department_code, reason, note, "
                       "worker_id FROM ticket_events WHERE ticket_id = ? ORDER BY at, id"),
                   {id}, nullptr))
        return out;
    while (q.next()) {
        TicketEvent e;
        e.id = q.value(0).toLongLong();
        e.ticketId = id;
        e.action = ticketActionFromKey(q.value(1).toString()).value_or(TicketAction::Report);
        e.actor = q.value(2).toString();
        e.at = sql::toTime(q.value(3));
        e.fromState = ticketStateFromKey(q.value(4).toString()).value_or(TicketState::Received);
        e.toState = ticketStateFromKey(q.value(5).toString()).value_or(TicketState::Received);
        e.departmentCode = q.value(6).toString();
        e.reason = q.value(7).toString();
        e.note = q.value(8).toString();
        e.workerId = q.value(9).toLongLong();
        out << e;
    }
    return out;
}

QList<Ticket> CountyStore::tickets(const TicketFilter& f) const {
    QStringList where;
    QVariantList values;
    if (!f.states.isEmpty()) {
        QStringList marks;
        for (TicketState s : f.states) {
            marks << QStringLiteral("?");
            values << toKey(s);
        }
        where << QStringLiteral("state IN (%1)").arg(marks.join(u','));
    }
    if (f.overdue.has_value()) {
        const QDateTime now = f.now.isValid() ? f.now : QDateTime::currentDateTimeUtc();
        const QString open =
            QStringLiteral("state IN ('received','accepted','dispatched','in_progress','returned')");
        where << (*f.overdue ? QStringLiteral("(%1 AND deadline < ?)").arg(open)
                             : QStringLiteral("NOT (%1 AND deadline < ?)").arg(open));
        values << now.toSecsSinceEpoch();
    }
    if (!f.gridCodePrefix.isEmpty()) {
        where << QStringLiteral("grid_code LIKE ?");
        values << QString(f.gridCodePrefix + u'%');
    }
    if (!f.departmentCode.isEmpty()) {
        where << QStringLiteral("department_code = ?");
        values << f.departmentCode;
    }
    QString sqlText = QStringLiteral("SELECT %1 FROM tickets").arg(kTicketColumns);
    if (!where.isEmpty())
        sqlText += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sqlText += QStringLiteral(" ORDER BY id");
    if (f.limit >= 0)
        sqlText += QStringLiteral(" LIMIT %1").arg(f.limit);
    QList<Ticket> out;
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (!sql::exec(q, sqlText, values, nullptr))
        return out;
    while (q.next())
        out << ticketFromQuery(q);
    return out;
}

QList<TicketFacts> CountyStore::ticketFacts(const QDateTime& createdFrom, const QDateTime& createdTo,
                                            QList<qint64>* ids) const {
    QList<TicketFacts> out;
    QString sqlText =
        QStringLiteral("SELECT state, created_at, first_dispatched_at, resolved_at, closed_at, "
                       "deadline, rating, reopen_count, "
                       "grid_code, department_code, category, source, priority, id FROM tickets");
    QList<qint64> bound;
    // The created_at index keeps a month's report of a county with a million tickets quick.
    if (createdFrom.isValid() && createdTo.isValid()) {
        sqlText += QStringLiteral(" WHERE created_at >= ? AND created_at < ?");
        bound = {createdFrom.toSecsSinceEpoch(), createdTo.toSecsSinceEpoch()};
    }
    // Through the fast reader: a month of a large county is a few hundred thousand rows, and QtSql's
    // QVariant and UTF-16 per value cost more than the query. Codes repeat (a few hundred
    // departments and categories, at most one string per grid), so each distinct one is made once
    // and shared; enumerations are looked up by their bytes.
    QString error;
    auto reader = sql::SqliteReader::open(m_path, &error);
    if (!reader)
        return out;
    struct Strings {
        ByteKeyTable<QString> table;
        const QString& of(QByteArrayView v) {
            if (const QString* known = table.find(v))
                return *known;
            return table.insert(v, QString::fromUtf8(v));
        }
    } grids, departments, categories;
    ByteKeyTable<TicketState> states;
    ByteKeyTable<Rating> ratings;
    ByteKeyTable<TicketSource> sources;
    ByteKeyTable<TicketPriority> priorities;
    for (TicketState s : allTicketStates())
        states.insert(toKey(s).toUtf8(), s);
    for (Rating r : {Rating::None, Rating::Satisfied, Rating::Unsatisfied})
        ratings.insert(toKey(r).toUtf8(), r);
    for (TicketSource s : {TicketSource::Patrol, TicketSource::CitizenApp, TicketSource::Hotline12345,
                           TicketSource::Video, TicketSource::Other})
        sources.insert(toKey(s).toUtf8(), s);
    for (TicketPriority p : allTicketPriorities())
        priorities.insert(toKey(p).toUtf8(), p);
    // China's offset held in the time itself (Qt::OffsetFromUTC), not a QTimeZone: the same instant
    // and the same China date, but comparisons no longer ask a zone object for the offset each time.
    const int offset = chinaTimeZone().offsetFromUtc(QDateTime::currentDateTimeUtc());
    const auto time = [offset](const sql::SqliteReader::Row& row, int column) {
        return row.isNull(column)
                   ? QDateTime()
                   : QDateTime::fromSecsSinceEpoch(row.integer(column), Qt::OffsetFromUTC, offset);
    };
    reader->forEachRow(
        sqlText, bound,
        [&](const sql::SqliteReader::Row& row) {
            TicketFacts t;
            t.state = states.value(row.utf8(0), TicketState::Received);
            t.createdAt = time(row, 1);
            t.firstDispatchedAt = time(row, 2);
            t.resolvedAt = time(row, 3);
            t.closedAt = time(row, 4);
            t.deadline = time(row, 5);
            t.rating = ratings.value(row.utf8(6), Rating::None);
            t.reopenCount = int(row.integer(7));
            t.gridCode = grids.of(row.utf8(8));
            t.departmentCode = departments.of(row.utf8(9));
            t.category = categories.of(row.utf8(10));
            t.source = sources.value(row.utf8(11), TicketSource::Other);
            t.priority = priorities.value(row.utf8(12), TicketPriority::Normal);
            if (ids)
                ids->append(row.integer(13));
            out << t;
        },
        &error);
    return out;
}

QHash<QString, QString> CountyStore::ancestorCodes(GridLevel level) const {
    // Walk each level's parent links downwards: a grid's ancestor is its parent's ancestor. Only
    // the two codes are read, through the fast reader: 90,000 grids are read for every report.
    QHash<QString, QString> ancestor;
    QString error;
    auto reader = sql::SqliteReader::open(m_path, &error);
    if (!reader)
        return ancestor;
    for (int l = int(level); l <= int(GridLevel::Building); ++l) {
        const bool top = l == int(level);
        reader->forEachRow(
            QStringLiteral("SELECT code, parent_code FROM %1").arg(GridLevels::tableName(GridLevel(l))), {},
            [&](const sql::SqliteReader::Row& row) {
                const QString code = row.text(0);
                if (top) {
                    ancestor.insert(code, code);
                    return;
                }
                // A copy: inserting may grow the hash and free the node a reference would point into.
                const QString up = ancestor.value(row.text(1));
                if (!up.isEmpty())
                    ancestor.insert(code, up);
            },
            &error);
    }
    return ancestor;
}

int CountyStore::ticketCount() const {
    QSqlQuery q(database());
    return q.exec(QStringLiteral("SELECT count(*) FROM tickets")) && q.next() ? q.value(0).toInt() : 0;
}

TransitionResult CountyStore::applyTicketAction(qint64 id, const TicketActionRequest& request,
                                                int expectedVersion) {
    TransitionResult result;
    QString error;
    const bool ok = writeTransaction(
        [&](QString* err) {
            const std::optional<Ticket> current = ticket(id);
            if (!current) {
                *err = Tr::tr("工单 %1 不存在").arg(id);
                return false;
            }
            if (expectedVersion >= 0 && current->version != expectedVersion) {
                *err = Tr::tr("工单 %1 已被他人处理（当前状态：%2），请刷新后再操作")
                           .arg(id)
                           .arg(displayName(current->state));
                return false;
            }
            if ((request.action == TicketAction::Dispatch || request.action == TicketAction::Reassign) &&
                !department(request.departmentCode)) {
                *err = Tr::tr("部门 %1 不存在或不属于本县").arg(request.departmentCode);
                return false;
            }
            if (request.action == TicketAction::AssignCheck && request.workerId > 0) {
                QSqlQuery w(database());
                if (!sql::exec(w, QStringLiteral("SELECT 1 FROM workers WHERE id = ?"), {request.workerId},
                               err))
                    return false;
                if (!w.next()) {
                    *err = Tr::tr("网格员 %1 不存在，不能指派核查").arg(request.workerId);
                    return false;
                }
            }
            if (request.action == TicketAction::Merge) {
                const std::optional<Ticket> target = ticket(request.mergeInto);
                if (!target) {
                    *err = Tr::tr("主工单 %1 不存在").arg(request.mergeInto);
                    return false;
                }
                if (!isOpen(target->state)) {
                    *err = Tr::tr("主工单 %1 已处于“%2”状态，不能并入")
                               .arg(request.mergeInto)
                               .arg(displayName(target->state));
                    return false;
                }
            }
            result = TicketWorkflow::apply(*current, request);
            if (!result.ok) {
                *err = result.error;
                return false;
            }
            Ticket& t = result.ticket;
            t.version = current->version + 1;
            QSqlQuery q(database());
            QStringList columns = kTicketColumns.split(QStringLiteral(", "));
            columns.removeFirst();
            QStringList assignments;
            for (const QString& c : columns)
                assignments << c + QStringLiteral(" = ?");
            QVariantList values = ticketValues(t);
            values << id << current->version;
            if (!sql::exec(q,
                           QStringLiteral("UPDATE tickets SET %1 WHERE id = ? AND version = ?")
                               .arg(assignments.join(QStringLiteral(", "))),
                           values, err, "工单"))
                return false;
            if (q.numRowsAffected() != 1) {
                *err = Tr::tr("工单 %1 已被他人处理，请刷新后再操作").arg(id);
                return false;
            }
            QSqlQuery ev(database());
            if (!insertEvent(ev, result.event, err))
                return false;
            result.event.id = ev.lastInsertId().toLongLong();
            return true;
        },
        &error);
    if (!ok) {
        result.ok = false;
        result.error = error;
        if (const auto unchanged = ticket(id))
            result.ticket = *unchanged;
    }
    return result;
}

} // namespace gc
