#pragma once

#include "gc/core/Ticket.h"

#include <QList>

namespace gc {

// What a person asks for; fields beyond `action`, `actor` and `at` matter only to
// the actions that need them (dispatch/reassign: departmentCode; return/reassign/
// invalidate/recall: reason; resolve: note; merge: mergeInto; assign_check: workerId).
struct TicketActionRequest {
    TicketAction action = TicketAction::Accept;
    QString actor;
    QDateTime at;
    QString departmentCode;
    QString reason;
    QString note;
    qint64 mergeInto = 0;
    qint64 workerId = 0; // assign_check: the grid worker; arrive: 0 or the assigned worker
    // recall: the state the ticket returns to. 已受理 for a recall; an undone dispatch puts the
    // ticket back as it was before it (待受理, 已受理 or 已退单).
    TicketState recallTo = TicketState::Accepted;
};

struct TransitionResult {
    bool ok = false;
    QString error; // why it was refused, in words an operator understands
    Ticket ticket; // the ticket after the action (unchanged copy when refused)
    TicketEvent event;

    explicit operator bool() const { return ok; }
};

// The closed loop as a pure state machine: no storage, no clock, no GUI. The
// store wraps it in a transaction; tests drive it directly.
class TicketWorkflow {
public:
    // Applies the request to a copy of `ticket`. Checks that the action is legal
    // in the ticket's state and that the request carries what the action needs.
    static TransitionResult apply(const Ticket& ticket, const TicketActionRequest& request);

    // Actions legal in the ticket's current state (for menus and drop targets).
    static QList<TicketAction> allowedActions(const Ticket& ticket);

    // Empty when legal, otherwise the reason (same text `apply` would give).
    static QString whyNot(const Ticket& ticket, TicketAction action);

    // Reason codes for 退单 (department return) and 改派 (reassign), with labels.
    static QList<QPair<QString, QString>> returnReasons();
};

} // namespace gc
