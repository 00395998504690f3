#include "gc/dispatch/TicketService.h"

#include "gc/core/ChinaTime.h"
#include "gc/store/CountyStore.h"

namespace gc::dispatch {

namespace {
const QString kDispatchUndone = QStringLiteral("dispatch_undone");
const QString kReassignUndone = QStringLiteral("reassign_undone");
} // namespace

TicketService::TicketService(CountyStore& store, QObject* parent) : QObject(parent), m_store(store) {}

QDateTime TicketService::now() const {
    return m_clock ? m_clock() : chinaNow();
}

ActionOutcome TicketService::apply(qint64 id, TicketActionRequest request, int expectedVersion) {
    ActionOutcome out;
    if (request.actor.trimmed().isEmpty())
        request.actor = m_operator;
    if (request.actor.trimmed().isEmpty()) {
        out.error = tr("未设置值班员姓名，操作未执行");
        if (const auto t = m_store.ticket(id))
            out.ticket = *t;
        return out;
    }
    if (!request.at.isValid())
        request.at = now();
    const TransitionResult r = m_store.applyTicketAction(id, request, expectedVersion);
    out.ok = r.ok;
    out.error = r.error;
    out.ticket = r.ticket;
    out.event = r.event;
    // The ticket moved on since the caller saw it: say so, not just "wrong state".
    if (!r.ok && expectedVersion >= 0 && r.ticket.id != 0 && r.ticket.version != expectedVersion) {
        out.conflict = true;
        out.error = tr("冲突：工单 %1 已被他人处理（现为“%2”），本次操作未执行，请刷新后再操作")
                        .arg(id)
                        .arg(displayName(r.ticket.state));
    }
    if (out.ok)
        Q_EMIT ticketChanged(out.ticket, out.event);
    return out;
}

ActionOutcome TicketService::simple(qint64 id, TicketAction action, const QString& note,
                                    int expectedVersion) {
    TicketActionRequest r;
    r.action = action;
    r.note = note;
    return apply(id, r, expectedVersion);
}

ActionOutcome TicketService::accept(qint64 id, const QString& note, int v) {
    return simple(id, TicketAction::Accept, note, v);
}

ActionOutcome TicketService::dispatch(qint64 id, const QString& departmentCode, const QString& note, int v) {
    return apply(id, {.action = TicketAction::Dispatch, .departmentCode = departmentCode, .note = note}, v);
}

ActionOutcome TicketService::reassign(qint64 id, const QString& departmentCode, const QString& reason,
                                      const QString& note, int v) {
    return apply(
        id,
        {.action = TicketAction::Reassign, .departmentCode = departmentCode, .reason = reason, .note = note},
        v);
}

ActionOutcome TicketService::returnTicket(qint64 id, const QString& reason, const QString& note, int v) {
    return apply(id, {.action = TicketAction::Return, .reason = reason, .note = note}, v);
}

ActionOutcome TicketService::start(qint64 id, const QString& note, int v) {
    return simple(id, TicketAction::Start, note, v);
}

ActionOutcome TicketService::resolve(qint64 id, const QString& resultNote, int v) {
    return simple(id, TicketAction::Resolve, resultNote, v);
}

ActionOutcome TicketService::rate(qint64 id, bool satisfied, const QString& note, int v) {
    return simple(id, satisfied ? TicketAction::RateSatisfied : TicketAction::RateUnsatisfied, note, v);
}

ActionOutcome TicketService::escalate(qint64 id, const QString& note, int v) {
    return simple(id, TicketAction::Escalate, note, v);
}

ActionOutcome TicketService::merge(qint64 id, qint64 intoId, const QString& note, int v) {
    return apply(id, {.action = TicketAction::Merge, .note = note, .mergeInto = intoId}, v);
}

ActionOutcome TicketService::invalidate(qint64 id, const QString& reason, const QString& note, int v) {
    return apply(id, {.action = TicketAction::Invalidate, .reason = reason, .note = note}, v);
}

ActionOutcome TicketService::urge(qint64 id, const QString& note, int v) {
    return simple(id, TicketAction::Urge, note, v);
}

ActionOutcome TicketService::recall(qint64 id, const QString& reason, const QString& note, int v) {
    return apply(id, {.action = TicketAction::Recall, .reason = reason, .note = note}, v);
}

ActionOutcome TicketService::arrive(qint64 id, qint64 workerId, const QString& note, int v) {
    return apply(id, {.action = TicketAction::Arrive, .note = note, .workerId = workerId}, v);
}

QList<ActionOutcome> TicketService::assignCheck(const QList<TicketRef>& tickets, qint64 workerId,
                                                const QString& note) {
    QList<ActionOutcome> out;
    for (const TicketRef& ref : tickets) {
        TicketActionRequest r;
        r.action = TicketAction::AssignCheck;
        r.workerId = workerId;
        r.note = note;
        out << apply(ref.id, r, ref.version);
    }
    return out;
}

QList<ActionOutcome> TicketService::sendToDepartment(const QList<TicketRef>& tickets,
                                                     const QString& departmentCode, const QString& note,
                                                     const QString& reason) {
    QList<ActionOutcome> out;
    QList<qint64> undoable;
    for (const TicketRef& ref : tickets) {
        const std::optional<Ticket> current = m_store.ticket(ref.id);
        ActionOutcome o;
        if (!current) {
            o.error = tr("工单 %1 不存在").arg(ref.id);
            out << o;
            continue;
        }
        const bool withDepartment =
            current->state == TicketState::Dispatched || current->state == TicketState::InProgress;
        // A ticket already with a department is reassigned (改派), which needs a reason.
        o = withDepartment ? reassign(ref.id, departmentCode, reason, note, ref.version)
                           : dispatch(ref.id, departmentCode, note, ref.version);
        if (o.ok) {
            m_undo.insert(o.event.id,
                          UndoRecord{ref.id, o.event.action, current->departmentCode, current->state,
                                     departmentCode, o.ticket.version, o.event.at});
            undoable << o.event.id;
        }
        out << o;
    }
    if (!undoable.isEmpty()) {
        const QString name = [&] {
            const auto d = m_store.department(departmentCode);
            return d ? d->name : departmentCode;
        }();
        const QString summary = undoable.size() == 1
                                    ? tr("工单 %1 已交办给 %2").arg(out.first().ticket.id).arg(name)
                                    : tr("%1 件工单已交办给 %2").arg(undoable.size()).arg(name);
        Q_EMIT undoAvailable(undoable, summary);
    }
    return out;
}

bool TicketService::canUndo(qint64 eventId) const {
    const auto it = m_undo.constFind(eventId);
    return it != m_undo.constEnd() && it->at.secsTo(now()) <= kUndoWindowSeconds;
}

QList<ActionOutcome> TicketService::undo(const QList<qint64>& eventIds) {
    QList<ActionOutcome> out;
    for (qint64 eventId : eventIds) {
        ActionOutcome o;
        const auto it = m_undo.constFind(eventId);
        if (it == m_undo.constEnd()) {
            o.error = tr("没有可撤销的交办");
            out << o;
            continue;
        }
        const UndoRecord record = *it;
        m_undo.erase(it);
        if (record.at.secsTo(now()) > kUndoWindowSeconds) {
            o.error = tr("交办已超过 %1 秒，不能撤销；如需调整请改派").arg(kUndoWindowSeconds);
            if (const auto t = m_store.ticket(record.ticketId))
                o.ticket = *t;
            out << o;
            continue;
        }
        // Stored on the ticket's events: the source language, whatever the UI speaks.
        const QString note = QStringLiteral("值班员撤销误操作（%1 秒内）").arg(kUndoWindowSeconds);
        // The version pins "nothing happened since": a department that already started
        // work keeps the ticket, and the undo says why it could not be done.
        if (record.action == TicketAction::Reassign)
            o = reassign(record.ticketId, record.previousDepartment, kReassignUndone, note, record.version);
        else
            o = apply(record.ticketId,
                      {.action = TicketAction::Recall,
                       .reason = kDispatchUndone,
                       .note = note,
                       .recallTo = record.previousState},
                      record.version);
        out << o;
    }
    return out;
}

} // namespace gc::dispatch
