#pragma once

#include "gc/core/Ticket.h"
#include "gc/dispatch/DepartmentRouter.h"

#include <QObject>

class QAction;
class QComboBox;
class QCheckBox;
class QLabel;
class QLineEdit;
class QModelIndex;
class QPixmap;
class QPoint;
class QTimer;
class QTableView;
class QWidget;

namespace gc::dispatch {

class DepartmentTreeModel;
class DepartmentTreeView;
class TicketDetailWidget;
class TicketFilterProxy;
class TicketQueueModel;
class TicketService;
class UndoBar;

// The dispatcher's three panels and what ties them together: the ticket queue (with
// its filters, counts per state and the undo notification), the department tree with
// loads and routing highlights, and the ticket detail. Every stored action, from any
// panel, updates one queue row and the loads of the departments concerned.
struct WorkbenchSnapshot;

class DispatchWorkbench : public QObject {
    Q_OBJECT
public:
    DispatchWorkbench(TicketService& service, QWidget* parentWidget);

    // Loads the tickets, departments, loads and routing history from the store.
    void reload();
    // The same, read on a thread of its own with a connection of its own (a county's 100,000
    // tickets take a second or two); the panels fill when it is done and loaded() is emitted.
    // External-change polling waits for it.
    void reloadInBackground();
    bool isLoading() const { return m_loading; }

    TicketService& service() const { return m_service; }
    TicketQueueModel* queueModel() const { return m_queue; }
    TicketFilterProxy* queueProxy() const { return m_proxy; }
    DepartmentTreeModel* departmentModel() const { return m_departments; }
    QWidget* queuePanel() const { return m_queuePanel; }
    QTableView* queueView() const { return m_queueView; }
    DepartmentTreeView* departmentView() const { return m_departmentView; }
    QWidget* departmentPanel() const { return m_departmentPanel; }
    TicketDetailWidget* detail() const { return m_detail; }
    UndoBar* undoBar() const { return m_undoBar; }
    const DepartmentRouter& router() const { return m_router; }
    // The one owner of each shortcut (Ctrl+D, Ctrl+Z): menus add these, never their own.
    QAction* chooseDepartmentAction() const { return m_chooseAction; }
    QAction* undoDispatchAction() const { return m_undoAction; }

    QList<qint64> selectedTickets() const;

    // The image a drag of these tickets shows, and its hot spot: a small label set below and to
    // the right of the pointer, so the department row under the pointer stays in sight.
    QPixmap dragImage(const QList<qint64>& ids, QPoint* hotSpot) const;
    // "工单 2066「路面塌陷」" or "3 件工单：2066「…」、…": the tickets a confirmation names.
    QString describeTickets(const QList<qint64>& ids) const;

public Q_SLOTS:
    // Selects a ticket in the queue (clearing filters that hide it), e.g. from the map.
    void selectTicket(qint64 id);
    // Ctrl+D: the department chooser for the selected tickets.
    void chooseDepartmentForSelection();
    // Ctrl+Z: takes the last dispatch back, as the notification's button does.
    void undoLastDispatch();

public:
    // Asks for a note (and a reason when reassigning) on each drop, in a small popup.
    void setAskOnDrop(bool ask);
    // Picks up what others changed (another seat, the live feed, gridctl): every stored
    // action appends an event, so new events name the tickets to reload. 0 stops.
    void setExternalChangePolling(int intervalMs);
    // One poll now; returns how many tickets were reloaded.
    int pollExternalChanges();

Q_SIGNALS:
    void loaded();
    void ticketSelected(qint64 id, double lon, double lat, const QString& gridCode);
    void ticketsChanged(const QList<qint64>& ids);
    void message(const QString& text);

private:
    void buildQueuePanel(QWidget* parent);
    void applyFilterControls();
    void updateCounts();
    void onCurrentTicketChanged(const QModelIndex& current, const QModelIndex& previous);
    // The detail shows a ticket the filtered queue no longer holds: say so, keep it.
    bool isInFilteredQueue(qint64 id) const;
    void updateOutsideFilterMark();
    void onTicketChanged(const Ticket& ticket, const TicketEvent& event);

    TicketService& m_service;
    DepartmentRouter m_router;
    TicketQueueModel* m_queue = nullptr;
    TicketFilterProxy* m_proxy = nullptr;
    DepartmentTreeModel* m_departments = nullptr;
    QWidget* m_queuePanel = nullptr;
    QTableView* m_queueView = nullptr;
    QWidget* m_departmentPanel = nullptr;
    DepartmentTreeView* m_departmentView = nullptr;
    QLabel* m_dropHint = nullptr;
    TicketDetailWidget* m_detail = nullptr;
    UndoBar* m_undoBar = nullptr;
    QLabel* m_counts = nullptr;
    QComboBox* m_state = nullptr;
    QComboBox* m_category = nullptr;
    QComboBox* m_source = nullptr;
    QComboBox* m_priority = nullptr;
    QLineEdit* m_grid = nullptr;
    QLineEdit* m_search = nullptr;
    QCheckBox* m_overdue = nullptr;
    QTimer* m_poll = nullptr;
    QAction* m_chooseAction = nullptr;
    QAction* m_undoAction = nullptr;
    qint64 m_lastEventId = 0;
    bool m_loading = false;

    void apply(WorkbenchSnapshot snapshot, qint64 now);
};

} // namespace gc::dispatch
