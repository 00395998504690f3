#pragma once

#include "gc/dispatch/TicketQueueModel.h"

#include <QAbstractProxyModel>
#include <QSet>
#include <QTimer>
#include <array>
#include <optional>

namespace gc::dispatch {

// What the queue shows; empty members mean "any".
struct TicketQueueFilter {
    QSet<TicketState> states;
    QString categoryPrefix; // "C01", "J" …
    std::optional<TicketSource> source;
    std::optional<TicketPriority> priority;
    QString gridCodePrefix; // a street, community or grid code
    bool overdueOnly = false;
    QString text; // in the title, the grid code or the ticket number

    // Tickets waiting for the dispatcher (待分流): received, accepted, returned.
    static QSet<TicketState> awaitingDispatch();
    static QSet<TicketState> openStates();
};

// Filters and sorts a TicketQueueModel with its own index (a vector of source rows)
// instead of QSortFilterProxyModel: it reads the compact rows directly and sorts with
// one std::sort, so 100,000 tickets filter and sort in well under 100 ms; a changed
// ticket moves in or out of the view with one row insert/remove, never a reset; and
// the live time-left column passes through as one dataChanged. Counts per state are
// over the tickets that pass every filter but the state filter, for the state chips.
class TicketFilterProxy : public QAbstractProxyModel {
    Q_OBJECT
public:
    explicit TicketFilterProxy(QObject* parent = nullptr);

    void setSourceModel(QAbstractItemModel* source) override;
    TicketQueueModel* queue() const { return m_queue; }

    void setFilter(const TicketQueueFilter& filter);
    const TicketQueueFilter& filter() const { return m_filter; }
    int countInState(TicketState state) const { return m_stateCounts[static_cast<int>(state)]; }
    int overdueCount() const { return m_overdueCount; }
    // Proxy row of a ticket, -1 when filtered out.
    int rowOfTicket(qint64 id) const;
    qint64 ticketAt(int proxyRow) const;

    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    QModelIndex mapToSource(const QModelIndex& proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex& sourceIndex) const override;
    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    bool hasChildren(const QModelIndex& parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QModelIndex sibling(int row, int column, const QModelIndex& idx) const override;

    bool acceptsRow(const TicketRow& row) const;

Q_SIGNALS:
    // Counts per state (or the overdue count) changed.
    void countsChanged();

private:
    bool acceptsIgnoringState(const TicketRow& row) const;
    bool lessThan(int sourceA, int sourceB) const;
    void rebuild();
    void recount();
    void scheduleRecount();
    void sourceRowChanged(int sourceRow);
    void onSourceDataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight,
                             const QList<int>& roles);
    void onSourceRowsInserted(const QModelIndex& parent, int first, int last);
    void onTicked();
    const QList<int>& proxyOfSource() const;

    TicketQueueModel* m_queue = nullptr;
    TicketQueueFilter m_filter;
    QList<int> m_order;                 // proxy row → source row
    mutable QList<int> m_proxyOfSource; // source row → proxy row (-1 hidden), rebuilt lazily
    mutable bool m_proxyOfSourceDirty = true;
    int m_sortColumn = TicketQueueModel::TimeLeftColumn;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    std::array<int, 9> m_stateCounts{};
    int m_overdueCount = 0;
    QTimer m_recount;
    QList<QMetaObject::Connection> m_connections;
};

} // namespace gc::dispatch
