#pragma once

#include "gc/core/TicketWorkflow.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <functional>

namespace gc {
class CountyStore;
}

namespace gc::dispatch {

// What came of one action. `conflict` is set when someone else (another seat or
// process) changed the ticket after the caller last saw it.
struct ActionOutcome {
    bool ok = false;
    bool conflict = false;
    QString error;
    Ticket ticket; // after the action, or as it is now when refused
    TicketEvent event;

    explicit operator bool() const { return ok; }
};

// A ticket as the caller last saw it: the version makes a stale view fail cleanly.
struct TicketRef {
    qint64 id = 0;
    int version = -1; // -1: whatever the current version is
};

// The closed loop (闭环) as an operator works it, shared by the GUI and gridctl: every
// action runs through CountyStore::applyTicketAction (one transaction, optimistic
// version check, append-only event) with the operator's name on the event.
class TicketService : public QObject {
    Q_OBJECT
public:
    // How long a dispatch can be taken back (撤销).
    static constexpr int kUndoWindowSeconds = 10;

    explicit TicketService(CountyStore& store, QObject* parent = nullptr);

    CountyStore& store() const { return m_store; }
    void setOperatorName(const QString& name) { m_operator = name.trimmed(); }
    QString operatorName() const { return m_operator; }
    // The clock events are stamped with; tests pin it.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }
    QDateTime now() const;

    ActionOutcome apply(qint64 id, TicketActionRequest request, int expectedVersion = -1);

    ActionOutcome accept(qint64 id, const QString& note = {}, int expectedVersion = -1);
    ActionOutcome dispatch(qint64 id, const QString& departmentCode, const QString& note = {},
                           int expectedVersion = -1);
    ActionOutcome reassign(qint64 id, const QString& departmentCode, const QString& reason,
                           const QString& note = {}, int expectedVersion = -1);
    ActionOutcome returnTicket(qint64 id, const QString& reason, const QString& note = {},
                               int expectedVersion = -1);
    ActionOutcome start(qint64 id, const QString& note = {}, int expectedVersion = -1);
    ActionOutcome resolve(qint64 id, const QString& resultNote, int expectedVersion = -1);
    ActionOutcome rate(qint64 id, bool satisfied, const QString& note = {}, int expectedVersion = -1);
    ActionOutcome escalate(qint64 id, const QString& note = {}, int expectedVersion = -1);
    ActionOutcome merge(qint64 id, qint64 intoId, const QString& note = {}, int expectedVersion = -1);
    ActionOutcome invalidate(qint64 id, const QString& reason, const QString& note = {},
                             int expectedVersion = -1);
    ActionOutcome urge(qint64 id, const QString& note = {}, int expectedVersion = -1);
    // 撤回: takes a dispatch back before the department started; back to 已受理.
    ActionOutcome recall(qint64 id, const QString& reason, const QString& note = {},
                         int expectedVersion = -1);
    // 到场: the assigned check worker is on site (the feed records it; gridctl for tests).
    ActionOutcome arrive(qint64 id, qint64 workerId = 0, const QString& note = {}, int expectedVersion = -1);

    // 指派核查: sends a grid worker to verify each ticket on site (the state stays). Each
    // ticket is its own transaction; refused ones say why.
    QList<ActionOutcome> assignCheck(const QList<TicketRef>& tickets, qint64 workerId,
                                     const QString& note = {});

    // Sends tickets to a department, as a drop or the department chooser does: a
    // ticket waiting in the queue is dispatched, one already with another department
    // is reassigned (which needs `reason`). Each ticket is its own transaction; the
    // successful ones can be undone together for kUndoWindowSeconds (undoAvailable).
    QList<ActionOutcome> sendToDepartment(const QList<TicketRef>& tickets, const QString& departmentCode,
                                          const QString& note = {}, const QString& reason = {});

    // Takes a dispatch or reassign back within the undo window, as an audited event of
    // its own (events are append-only): a dispatch is recalled (撤回, reason
    // "dispatch_undone") back to the state it was dispatched from (a ticket dragged from
    // 待受理 returns to 待受理), a reassign goes back to the previous department.
    // Refused when the window passed or the ticket changed since.
    QList<ActionOutcome> undo(const QList<qint64>& eventIds);
    bool canUndo(qint64 eventId) const;

Q_SIGNALS:
    // Emitted after every stored action, whoever asked for it.
    void ticketChanged(const gc::Ticket& ticket, const gc::TicketEvent& event);
    // A batch of dispatches that undo() can take back (event ids), with a summary.
    void undoAvailable(const QList<qint64>& eventIds, const QString& summary);

private:
    struct UndoRecord {
        qint64 ticketId = 0;
        TicketAction action = TicketAction::Dispatch;
        QString previousDepartment;
        TicketState previousState = TicketState::Accepted;
        QString department;
        int version = 0; // the ticket's version right after the action
        QDateTime at;
    };
    ActionOutcome simple(qint64 id, TicketAction action, const QString& note, int expectedVersion);

    CountyStore& m_store;
    QString m_operator;
    std::function<QDateTime()> m_clock;
    QHash<qint64, UndoRecord> m_undo; // by event id
};

} // namespace gc::dispatch
