#pragma once

#include "gc/feed/WorkerStatus.h"
#include "gc/store/FeedStore.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QTimer>

#include <limits>

namespace gc::workers {

// The feed decides a worker's status from its fixes; this side shows it.
using feed::WorkerStatus;

// The workers of a county with their live state, for the workers dock and the map
// overlay: loaded once from the store, then moved by the feed's committed positions.
class WorkerListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        StatusColumn,
        GridColumn,
        StreetColumn,
        LastFixColumn,
        AccuracyColumn,
        PhoneColumn,
        ColumnCount
    };
    enum Role { WorkerIdRole = Qt::UserRole + 1, StatusRole, GridCodeRole, SearchTextRole };

    struct Row {
        WorkerRecord worker;
        QString streetName;
        WorkerStatus status = WorkerStatus::Offline;
        double heading = std::numeric_limits<double>::quiet_NaN();
    };

    explicit WorkerListModel(QObject* parent = nullptr);
    // Reading tens of thousands of workers takes a while: readRows() may run on any thread with
    // a store of its own, setRows() then takes them on the model's thread.
    static QList<Row> readRows(CountyStore& store);
    void setRows(QList<Row> rows);
    void load(CountyStore& store) { setRows(readRows(store)); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    const QList<Row>& rows() const { return m_rows; }
    int rowOf(qint64 workerId) const { return m_index.value(workerId, -1); }
    int count(WorkerStatus s) const;
    // Row a before row b in `column`, the order the Qt::UserRole sort keys give, without a
    // QVariant per comparison: sorting 90,000 workers by status takes a million comparisons.
    bool lessThan(int a, int b, int column) const;

    // Views hear of moved workers at most this often, as one change over the rows that moved:
    // 20,000 phones send a thousand fixes a second, and a sorted, filtered table that re-sorts on
    // every one of them would hold the GUI thread.
    static constexpr int kNotifyIntervalMs = 250;

public Q_SLOTS:
    // The rows move at once (the map reads them as it paints); dataChanged follows within
    // kNotifyIntervalMs.
    void applyPositions(const QList<gc::PositionFix>& fixes);
    // Statuses age with the clock, not only with data: online → stale → offline.
    void refreshStatuses();

Q_SIGNALS:
    void countsChanged();

private:
    void notifyChanged();

    QList<Row> m_rows;
    QHash<qint64, int> m_index;
    QTimer m_statusTimer;
    QTimer m_notify;
    int m_changedFirst = std::numeric_limits<int>::max();
    int m_changedLast = -1;
    bool m_countsMoved = false;
};

} // namespace gc::workers
