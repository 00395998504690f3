#pragma once

#include "gc/store/Records.h"

#include <QAbstractItemModel>
#include <QHash>

namespace gc {

class CountyStore;

// The grid hierarchy (county → street → community → grid → building) as a tree
// model for views. Holds attributes only (no geometry): 90,000 grids cost a few MB.
class GridHierarchyModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { NameColumn, CodeColumn, RiskColumn, HouseholdsColumn, PopulationColumn, ColumnCount };
    enum Role { CodeRole = Qt::UserRole + 1, LevelRole, RiskRole };

    explicit GridHierarchyModel(QObject* parent = nullptr);

    // Loads every level from the store (the store's thread).
    void load(const CountyStore& store);
    int count(GridLevel level) const { return m_levelCounts[static_cast<int>(level) - 1]; }
    QModelIndex indexForCode(const QString& code) const;
    const GridRecord* record(const QModelIndex& index) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Node {
        GridRecord record;
        int parent = -1; // index into m_nodes, -1 for roots
        int row = 0;     // row within the parent
        QList<int> children;
    };
    QList<Node> m_nodes;
    QList<int> m_roots;
    QHash<QString, int> m_byCode;
    int m_levelCounts[kGridLevelCount] = {};
};

} // namespace gc
