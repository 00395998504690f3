#include "gc/store/GridHierarchyModel.h"

#include "gc/store/CountyStore.h"

namespace gc {

GridHierarchyModel::GridHierarchyModel(QObject* parent) : QAbstractItemModel(parent) {}

void GridHierarchyModel::load(const CountyStore& store) {
    beginResetModel();
    m_nodes.clear();
    m_roots.clear();
    m_byCode.clear();
    for (int l = 1; l <= kGridLevelCount; ++l) {
        const auto level = static_cast<GridLevel>(l);
        const QList<GridRecord> records = store.grids(level, false);
        m_levelCounts[l - 1] = int(records.size());
        for (const GridRecord& r : records) {
            Node node;
            node.record = r;
            const int self = int(m_nodes.size());
            const auto parentIt = m_byCode.constFind(r.parentCode);
            // A feature whose parent is missing (an orphan) is shown at the top, not hidden.
            if (parentIt != m_byCode.cend()) {
                node.parent = *parentIt;
                node.row = int(m_nodes[*parentIt].children.size());
                m_nodes[*parentIt].children << self;
            } else {
                node.row = int(m_roots.size());
                m_roots << self;
            }
            m_byCode.insert(r.code, self);
            m_nodes << node;
        }
    }
    endResetModel();
}

QModelIndex GridHierarchyModel::indexForCode(const QString& code) const {
    const auto it = m_byCode.constFind(code);
    return it == m_byCode.cend() ? QModelIndex() : createIndex(m_nodes[*it].row, 0, quintptr(*it));
}

const GridRecord* GridHierarchyModel::record(const QModelIndex& index) const {
    return index.isValid() ? &m_nodes[int(index.internalId())].record : nullptr;
}

QModelIndex GridHierarchyModel::index(int row, int column, const QModelIndex& parent) const {
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    const QList<int>& siblings = parent.isValid() ? m_nodes[int(parent.internalId())].children : m_roots;
    return row < siblings.size() ? createIndex(row, column, quintptr(siblings[row])) : QModelIndex();
}

QModelIndex GridHierarchyModel::parent(const QModelIndex& child) const {
    if (!child.isValid())
        return {};
    const int p = m_nodes[int(child.internalId())].parent;
    return p < 0 ? QModelIndex() : createIndex(m_nodes[p].row, 0, quintptr(p));
}

int GridHierarchyModel::rowCount(const QModelIndex& parent) const {
    if (parent.column() > 0)
        return 0;
    return int(parent.isValid() ? m_nodes[int(parent.internalId())].children.size() : m_roots.size());
}

int GridHierarchyModel::columnCount(const QModelIndex&) const {
    return ColumnCount;
}

QVariant GridHierarchyModel::data(const QModelIndex& index, int role) const {
    const GridRecord* r = record(index);
    if (!r)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return r->name;
        case CodeColumn:
            return r->code;
        case RiskColumn:
            return RiskLevels::displayName(r->risk);
        case HouseholdsColumn:
            return r->households;
        case PopulationColumn:
            return r->population;
        }
        break;
    case Qt::ToolTipRole:
        return tr("%1（%2）\n编码：%3\n风险等级：%4\n户数：%5　人口：%6")
            .arg(r->name, GridLevels::displayName(r->level), r->code, RiskLevels::displayName(r->risk))
            .arg(r->households)
            .arg(r->population);
    case Qt::TextAlignmentRole:
        if (index.column() >= HouseholdsColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case CodeRole:
        return r->code;
    case LevelRole:
        return static_cast<int>(r->level);
    case RiskRole:
        return static_cast<int>(r->risk);
    }
    return {};
}

QVariant GridHierarchyModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("名称");
    case CodeColumn:
        return tr("编码");
    case RiskColumn:
        return tr("风险");
    case HouseholdsColumn:
        return tr("户数");
    case PopulationColumn:
        return tr("人口");
    }
    return {};
}

} // namespace gc
