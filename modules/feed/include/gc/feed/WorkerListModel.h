#pragma once

#include "gc/feed/WorkerStatus.h"
#include "gc/store/FeedStore.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QTimer>

namespace gc::feed {

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
    void load(CountyStore& store);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    const QList<Row>& rows() const { return m_rows; }
    int rowOf(qint64 workerId) const { return m_index.value(workerId, -1); }
    int count(WorkerStatus s) const;

public Q_SLOTS:
    void applyPosition(const gc::PositionFix& fix);
    // Statuses age with the clock, not only with data: online → stale → offline.
    void refreshStatuses();

Q_SIGNALS:
    void countsChanged();

private:
    QList<Row> m_rows;
    QHash<qint64, int> m_index;
    QTimer m_statusTimer;
};

} // namespace gc::feed
