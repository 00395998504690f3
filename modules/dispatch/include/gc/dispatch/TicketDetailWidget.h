#pragma once

#include "gc/core/TicketWorkflow.h"

#include <QWidget>
#include <functional>

class QFormLayout;
class QLabel;
class QTreeWidget;
class QGridLayout;

namespace gc::dispatch {

class TicketService;
class DepartmentRouter;

// One ticket in full: its fields, photos (links or local files), the timeline of its
// events, and a button for each action allowed in its state. Buttons ask for what the
// action needs (department, reason, result note, merge target) and run it through the
// TicketService.
class TicketDetailWidget : public QWidget {
    Q_OBJECT
public:
    explicit TicketDetailWidget(TicketService& service, QWidget* parent = nullptr);

    // Suggestions for dispatch and reassign (the workbench's router).
    void setRouter(const DepartmentRouter* router) { m_router = router; }
    void showTicket(qint64 id);
    void refresh() { showTicket(m_ticket.id); }
    qint64 ticketId() const { return m_ticket.id; }
    // Actions with a button now (for tests and the keyboard).
    QList<TicketAction> offeredActions() const { return m_offered; }
    // Runs an action as its button does (asks for what it needs).
    void trigger(TicketAction action);
    // Marks the ticket as one the filtered queue no longer holds (a dispatch or another seat's
    // change took it out): the detail keeps it until the operator picks another.
    void setOutsideFilter(bool outside);
    bool isMarkedOutsideFilter() const;

Q_SIGNALS:
    void message(const QString& text);

private:
    TicketService& m_service;
    const DepartmentRouter* m_router = nullptr;
    Ticket m_ticket;
    QList<TicketAction> m_offered;
    QLabel* m_header = nullptr;
    QLabel* m_outsideFilter = nullptr;
    QFormLayout* m_fields = nullptr;
    QLabel* m_photos = nullptr;
    QTreeWidget* m_timeline = nullptr;
    QGridLayout* m_buttons = nullptr;
    QWidget* m_buttonBox = nullptr;
};

} // namespace gc::dispatch
