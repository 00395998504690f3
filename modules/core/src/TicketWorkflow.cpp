#include "gc/core/TicketWorkflow.h"

#include <QCoreApplication>

namespace gc {

namespace {

// The translation context of this file's messages, declared where lupdate reads it.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(TicketWorkflow)
};

using S = TicketState;
using A = TicketAction;

// Which states each action may start from. Escalate and Urge keep the state.
QList<S> sourceStates(A action) {
    switch (action) {
    case A::Accept:
        return {S::Received};
    case A::Dispatch:
        // A dispatcher may drag a fresh ticket straight onto a department (implicit 受理).
        return {S::Received, S::Accepted, S::Returned};
    case A::Reassign:
        return {S::Dispatched, S::InProgress};
    case A::Return:
        return {S::Dispatched, S::InProgress};
    case A::Start:
        return {S::Dispatched};
    case A::Resolve:
        return {S::Dispatched, S::InProgress};
    case A::RateSatisfied:
    case A::RateUnsatisfied:
    case A::Close:
        return {S::Resolved};
    case A::Escalate:
        return {S::Received, S::Accepted, S::Dispatched, S::InProgress, S::Returned};
    case A::Merge:
        return {S::Received, S::Accepted, S::Dispatched, S::InProgress, S::Returned};
    case A::Invalidate:
        return {S::Received, S::Accepted, S::Returned};
    case A::SelfResolve:
        return {S::Received, S::Accepted};
    case A::Urge:
        return {S::Dispatched, S::InProgress};
    case A::Recall:
        // Only before the department started: once it works on it, it must return it (退单).
        return {S::Dispatched};
    case A::AssignCheck:
    case A::Arrive:
        return {S::Received, S::Accepted, S::Dispatched, S::InProgress, S::Returned};
    case A::Report:
        return {};
    }
    return {};
}

bool needsDepartment(A a) {
    return a == A::Dispatch || a == A::Reassign;
}
bool needsReason(A a) {
    return a == A::Reassign || a == A::Return || a == A::Invalidate || a == A::Recall;
}
bool needsNote(A a) {
    return a == A::Resolve || a == A::SelfResolve;
}

} // namespace

QString TicketWorkflow::whyNot(const Ticket& t, TicketAction action) {
    if (action == A::Report)
        return Tr::tr("登记不是流转操作，新工单请通过登记接口创建");
    if (isTerminal(t.state))
        return Tr::tr("工单已处于“%1”状态，不能再%2").arg(displayName(t.state), displayName(action));
    if (!sourceStates(action).contains(t.state))
        return Tr::tr("工单处于“%1”状态，不能%2").arg(displayName(t.state), displayName(action));
    if (action == A::Escalate && t.escalationLevel == GridLevel::County)
        return Tr::tr("工单已在县级处置，无法继续上报");
    if (action == A::Arrive && t.checkWorkerId == 0)
        return Tr::tr("工单处于“%1”状态，未指派网格员核查，不能%2")
            .arg(displayName(t.state), displayName(action));
    if (action == A::Arrive && t.arrivedAt.isValid())
        return Tr::tr("工单处于“%1”状态，核查网格员已于 %2 到场，不能再次%3")
            .arg(displayName(t.state), t.arrivedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                 displayName(action));
    return {};
}

QList<TicketAction> TicketWorkflow::allowedActions(const Ticket& t) {
    QList<TicketAction> out;
    for (int i = 0; i < static_cast<int>(A::Report); ++i) {
        const auto a = static_cast<A>(i);
        if (whyNot(t, a).isEmpty())
            out << a;
    }
    return out;
}

TransitionResult TicketWorkflow::apply(const Ticket& ticket, const TicketActionRequest& r) {
    TransitionResult result;
    result.ticket = ticket;

    const QString refused = whyNot(ticket, r.action);
    if (!refused.isEmpty()) {
        result.error = refused;
        return result;
    }
    if (r.actor.trimmed().isEmpty()) {
        result.error = Tr::tr("未注明操作人");
        return result;
    }
    if (!r.at.isValid()) {
        result.error = Tr::tr("未注明操作时间");
        return result;
    }
    // Codes typed or pasted with stray blanks must not become departments of their own.
    const QString department = r.departmentCode.trimmed();
    if (needsDepartment(r.action) && department.isEmpty()) {
        result.error = Tr::tr("%1需要指定承办部门").arg(displayName(r.action));
        return result;
    }
    if (r.action == A::Reassign && department == ticket.departmentCode) {
        result.error = Tr::tr("改派的部门与当前承办部门相同");
        return result;
    }
    if (needsReason(r.action) && r.reason.trimmed().isEmpty()) {
        result.error = Tr::tr("%1需要说明原因").arg(displayName(r.action));
        return result;
    }
    if (needsNote(r.action) && r.note.trimmed().isEmpty()) {
        result.error = Tr::tr("%1需要填写处置结果").arg(displayName(r.action));
        return result;
    }
    if (r.action == A::AssignCheck) {
        if (r.workerId <= 0) {
            result.error = Tr::tr("%1需要指定网格员").arg(displayName(r.action));
            return result;
        }
        if (r.workerId == ticket.checkWorkerId && !ticket.arrivedAt.isValid()) {
            result.error = Tr::tr("工单已指派该网格员核查，尚未到场");
            return result;
        }
    }
    if (r.action == A::Arrive && r.workerId != 0 && r.workerId != ticket.checkWorkerId) {
        result.error =
            Tr::tr("到场的网格员 %1 不是指派核查的网格员 %2").arg(r.workerId).arg(ticket.checkWorkerId);
        return result;
    }
    if (r.action == A::Recall && r.recallTo != S::Accepted && r.recallTo != S::Received &&
        r.recallTo != S::Returned) {
        result.error =
            Tr::tr("撤回后的状态只能是待受理、已受理或已退单，不能是“%1”").arg(displayName(r.recallTo));
        return result;
    }
    if (r.action == A::Merge) {
        if (r.mergeInto <= 0) {
            result.error = Tr::tr("并单需要指定主工单");
            return result;
        }
        if (r.mergeInto == ticket.id) {
            result.error = Tr::tr("工单不能并入自身");
            return result;
        }
    }

    Ticket& t = result.ticket;
    const S from = t.state;
    QString eventDepartment = t.departmentCode;

    switch (r.action) {
    case A::Accept:
        t.state = S::Accepted;
        break;
    case A::Dispatch:
    case A::Reassign:
        t.state = S::Dispatched;
        t.departmentCode = department;
        eventDepartment = department;
        if (!t.firstDispatchedAt.isValid())
            t.firstDispatchedAt = r.at;
        break;
    case A::Return:
        t.state = S::Returned;
        t.lastReturnReason = r.reason;
        t.departmentCode.clear();
        break;
    case A::Start:
        t.state = S::InProgress;
        break;
    case A::Resolve:
        t.state = S::Resolved;
        t.resolvedAt = r.at;
        break;
    case A::SelfResolve:
        t.state = S::Resolved;
        t.resolvedAt = r.at;
        t.selfResolved = true;
        break;
    case A::RateSatisfied:
        t.state = S::Closed;
        t.rating = Rating::Satisfied;
        t.closedAt = r.at;
        break;
    case A::Close:
        t.state = S::Closed;
        t.closedAt = r.at;
        break;
    case A::RateUnsatisfied:
        // 不满意重办: back to whoever resolved it; a self-resolved ticket goes back to the grid.
        t.rating = Rating::Unsatisfied;
        t.state = t.departmentCode.isEmpty() ? S::Accepted : S::Dispatched;
        t.resolvedAt = QDateTime();
        t.selfResolved = false;
        ++t.reopenCount;
        break;
    case A::Escalate:
        t.escalationLevel = *GridLevels::parent(t.escalationLevel);
        break;
    case A::Merge:
        t.state = S::Merged;
        t.mergedInto = r.mergeInto;
        break;
    case A::Invalidate:
        t.state = S::Invalid;
        break;
    case A::Urge:
        ++t.urgeCount;
        break;
    case A::Recall:
        // Back to the centre's desk, as if never dispatched — except firstDispatchedAt,
        // which keeps the first dispatch for the KPI.
        t.state = r.recallTo;
        t.departmentCode.clear();
        break;
    case A::AssignCheck:
        // A new on-site visit: any earlier arrival belonged to the previous assignment.
        t.checkWorkerId = r.workerId;
        t.arrivedAt = QDateTime();
        break;
    case A::Arrive:
        t.arrivedAt = r.at;
        break;
    case A::Report:
        break; // refused by whyNot above
    }

    TicketEvent& e = result.event;
    e.ticketId = t.id;
    e.action = r.action;
    e.actor = r.actor.trimmed();
    e.at = r.at;
    e.fromState = from;
    e.toState = t.state;
    e.departmentCode = eventDepartment;
    e.reason = r.reason;
    e.note = r.note;
    if (r.action == A::AssignCheck || r.action == A::Arrive)
        e.workerId = t.checkWorkerId;
    // The notes are stored with the event: in the source language, whatever the UI speaks.
    if (r.action == A::Escalate)
        e.note = (r.note.isEmpty() ? QString() : r.note + QStringLiteral("；")) +
                 QStringLiteral("上报至%1级").arg(GridLevels::chineseName(t.escalationLevel));
    if (r.action == A::Merge)
        e.note = (r.note.isEmpty() ? QString() : r.note + QStringLiteral("；")) +
                 QStringLiteral("并入工单 %1").arg(r.mergeInto);
    result.ok = true;
    return result;
}

QList<QPair<QString, QString>> TicketWorkflow::returnReasons() {
    return {
        {QStringLiteral("not_our_duty"), Tr::tr("非本部门职责")},
        {QStringLiteral("wrong_location"), Tr::tr("地址不清或不在辖区")},
        {QStringLiteral("insufficient_info"), Tr::tr("诉求信息不全")},
        {QStringLiteral("duplicate"), Tr::tr("重复工单")},
        {QStringLiteral("needs_coordination"), Tr::tr("需多部门协调")},
        {QStringLiteral("other"), Tr::tr("其他")},
    };
}

} // namespace gc
