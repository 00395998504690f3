#include "gc/dispatch/TicketFilterProxy.h"

#include <algorithm>

namespace gc::dispatch {

QSet<TicketState> TicketQueueFilter::awaitingDispatch() {
    return {TicketState::Received, TicketState::Accepted, TicketState::Returned};
}

QSet<TicketState> TicketQueueFilter::openStates() {
    QSet<TicketState> out;
    for (TicketState s : allTicketStates())
        if (isOpen(s))
            out.insert(s);
    return out;
}

TicketFilterProxy::TicketFilterProxy(QObject* parent) : QAbstractProxyModel(parent) {
    // Counting 100,000 rows after every single change would be wasted work: changes
    // that come together are counted once.
    m_recount.setSingleShot(true);
    m_recount.setInterval(0);
    connect(&m_recount, &QTimer::timeout, this, &TicketFilterProxy::recount);
}

void TicketFilterProxy::setSourceModel(QAbstractItemModel* source) {
    for (const auto& c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    beginResetModel();
    m_queue = qobject_cast<TicketQueueModel*>(source);
    Q_ASSERT_X(!source || m_queue, "TicketFilterProxy", "the source must be a TicketQueueModel");
    QAbstractProxyModel::setSourceModel(m_queue);
    if (m_queue) {
        m_connections << connect(m_queue, &QAbstractItemModel::dataChanged, this,
                                 &TicketFilterProxy::onSourceDataChanged)
                      << connect(m_queue, &QAbstractItemModel::rowsInserted, this,
                                 &TicketFilterProxy::onSourceRowsInserted)
                      << connect(m_queue, &QAbstractItemModel::modelAboutToBeReset, this,
                                 [this] { beginResetModel(); })
                      << connect(m_queue, &QAbstractItemModel::modelReset, this,
                                 [this] {
                                     rebuild();
                                     endResetModel();
                                     recount();
                                 })
                      << connect(m_queue, &TicketQueueModel::ticked, this, &TicketFilterProxy::onTicked);
    }
    rebuild();
    endResetModel();
    recount();
}

void TicketFilterProxy::setFilter(const TicketQueueFilter& filter) {
    beginResetModel();
    m_filter = filter;
    m_filter.text = m_filter.text.trimmed();
    rebuild();
    endResetModel();
    recount();
}

bool TicketFilterProxy::acceptsIgnoringState(const TicketRow& r) const {
    const TicketQueueFilter& f = m_filter;
    if (!f.categoryPrefix.isEmpty() && !r.category.startsWith(f.categoryPrefix))
        return false;
    if (f.source && r.source != *f.source)
        return false;
    if (f.priority && r.priority != *f.priority)
        return false;
    if (!f.gridCodePrefix.isEmpty() && !r.gridCode.startsWith(f.gridCodePrefix))
        return false;
    if (f.overdueOnly && !r.isOverdue(m_queue->now()))
        return false;
    if (!f.text.isEmpty() && !r.title.contains(f.text, Qt::CaseInsensitive) &&
        !r.gridCode.startsWith(f.text) && QString::number(r.id) != f.text &&
        !r.departmentCode.startsWith(f.text, Qt::CaseInsensitive))
        return false;
    return true;
}

bool TicketFilterProxy::acceptsRow(const TicketRow& r) const {
    return (m_filter.states.isEmpty() || m_filter.states.contains(r.state)) && acceptsIgnoringState(r);
}

bool TicketFilterProxy::lessThan(int a, int b) const {
    const TicketRow& x = m_queue->rowAt(a);
    const TicketRow& y = m_queue->rowAt(b);
    int c = 0;
    const auto cmp = [](const auto& u, const auto& v) { return u < v ? -1 : (v < u ? 1 : 0); };
    switch (m_sortColumn) {
    case TicketQueueModel::TimeLeftColumn: {
        // Open tickets by deadline (most urgent first); closed ones and those without a
        // deadline after them.
        const qint64 kLast = std::numeric_limits<qint64>::max();
        c = cmp(x.isOpen() && x.deadline > 0 ? x.deadline : kLast,
                y.isOpen() && y.deadline > 0 ? y.deadline : kLast);
        break;
    }
    case TicketQueueModel::StateColumn:
        c = cmp(static_cast<int>(x.state), static_cast<int>(y.state));
        break;
    case TicketQueueModel::PriorityColumn:
        c = cmp(static_cast<int>(x.priority), static_cast<int>(y.priority));
        break;
    case TicketQueueModel::CategoryColumn:
        c = QString::compare(x.category, y.category);
        break;
    case TicketQueueModel::SourceColumn:
        c = cmp(static_cast<int>(x.source), static_cast<int>(y.source));
        break;
    case TicketQueueModel::GridColumn:
        c = QString::compare(x.gridCode, y.gridCode);
        break;
    case TicketQueueModel::DepartmentColumn:
        c = QString::compare(x.departmentCode, y.departmentCode);
        break;
    case TicketQueueModel::CreatedColumn:
        c = cmp(x.createdAt, y.createdAt);
        break;
    case TicketQueueModel::TitleColumn:
        // Code-point order: a locale (pinyin) collation costs ~150 ms over 100,000 titles.
        c = QString::compare(x.title, y.title);
        break;
    default:
        break;
    }
    if (c == 0)
        return x.id < y.id; // a total order: equal keys keep ticket order in both directions
    return m_sortOrder == Qt::AscendingOrder ? c < 0 : c > 0;
}

void TicketFilterProxy::rebuild() {
    m_order.clear();
    m_proxyOfSourceDirty = true;
    if (!m_queue)
        return;
    const QList<TicketRow>& rows = m_queue->rows();
    m_order.reserve(rows.size());
    for (int i = 0; i < rows.size(); ++i)
        if (acceptsRow(rows[i]))
            m_order << i;
    std::sort(m_order.begin(), m_order.end(), [this](int a, int b) { return lessThan(a, b); });
}

void TicketFilterProxy::sort(int column, Qt::SortOrder order) {
    if (column < 0 || column >= TicketQueueModel::ColumnCount)
        column = TicketQueueModel::IdColumn;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QList<int> sourceRows;
    sourceRows.reserve(before.size());
    for (const QModelIndex& i : before)
        sourceRows << m_order.value(i.row(), -1);
    m_sortColumn = column;
    m_sortOrder = order;
    std::sort(m_order.begin(), m_order.end(), [this](int a, int b) { return lessThan(a, b); });
    m_proxyOfSourceDirty = true;
    QModelIndexList after;
    after.reserve(before.size());
    for (int k = 0; k < before.size(); ++k) {
        const int p = sourceRows[k] < 0 ? -1 : proxyOfSource().value(sourceRows[k], -1);
        after << (p < 0 ? QModelIndex() : index(p, before[k].column()));
    }
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

const QList<int>& TicketFilterProxy::proxyOfSource() const {
    if (m_proxyOfSourceDirty) {
        m_proxyOfSource.fill(-1, m_queue ? m_queue->rowCount() : 0);
        for (int p = 0; p < m_order.size(); ++p)
            m_proxyOfSource[m_order[p]] = p;
        m_proxyOfSourceDirty = false;
    }
    return m_proxyOfSource;
}

void TicketFilterProxy::recount() {
    m_stateCounts.fill(0);
    m_overdueCount = 0;
    if (m_queue) {
        const qint64 now = m_queue->now();
        for (const TicketRow& r : m_queue->rows()) {
            if (!acceptsIgnoringState(r))
                continue;
            ++m_stateCounts[static_cast<int>(r.state)];
            if (r.isOverdue(now))
                ++m_overdueCount;
        }
    }
    Q_EMIT countsChanged();
}

void TicketFilterProxy::scheduleRecount() {
    m_recount.start();
}

void TicketFilterProxy::sourceRowChanged(int sourceRow) {
    const int p = proxyOfSource().value(sourceRow, -1);
    const bool accept = acceptsRow(m_queue->rowAt(sourceRow));
    const auto position = [this, sourceRow] {
        return int(std::lower_bound(m_order.begin(), m_order.end(), sourceRow,
                                    [this](int a, int b) { return lessThan(a, b); }) -
                   m_order.begin());
    };
    if (p >= 0 && accept) {
        const bool inPlace = (p == 0 || lessThan(m_order[p - 1], sourceRow)) &&
                             (p + 1 >= m_order.size() || lessThan(sourceRow, m_order[p + 1]));
        if (!inPlace) {
            // Moved, not removed and inserted, so a selected ticket stays selected.
            m_order.removeAt(p);
            const int q = position();
            m_order.insert(p, sourceRow);
            const int destination = q <= p ? q : q + 1;
            if (destination != p && destination != p + 1 && beginMoveRows({}, p, p, {}, destination)) {
                m_order.removeAt(p);
                m_order.insert(q, sourceRow);
                m_proxyOfSourceDirty = true;
                endMoveRows();
            }
        }
        const int now = proxyOfSource().value(sourceRow, -1);
        Q_EMIT dataChanged(index(now, 0), index(now, columnCount() - 1));
        return;
    }
    if (p >= 0) {
        beginRemoveRows({}, p, p);
        m_order.removeAt(p);
        m_proxyOfSourceDirty = true;
        endRemoveRows();
    } else if (accept) {
        const int q = position();
        beginInsertRows({}, q, q);
        m_order.insert(q, sourceRow);
        m_proxyOfSourceDirty = true;
        endInsertRows();
    }
}

void TicketFilterProxy::onSourceDataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight,
                                            const QList<int>& roles) {
    if (!topLeft.isValid())
        return;
    // The live clock re-announces the time-left column of every row: pass it on as one
    // range; the order by deadline does not change with time.
    if (topLeft.column() == TicketQueueModel::TimeLeftColumn &&
        bottomRight.column() == TicketQueueModel::TimeLeftColumn && topLeft.row() != bottomRight.row()) {
        if (!m_order.isEmpty())
            Q_EMIT dataChanged(index(0, TicketQueueModel::TimeLeftColumn),
                               index(int(m_order.size()) - 1, TicketQueueModel::TimeLeftColumn), roles);
        return;
    }
    for (int r = topLeft.row(); r <= bottomRight.row(); ++r)
        sourceRowChanged(r);
    scheduleRecount();
}

void TicketFilterProxy::onSourceRowsInserted(const QModelIndex& parent, int first, int last) {
    if (parent.isValid())
        return;
    m_proxyOfSourceDirty = true;
    for (int r = first; r <= last; ++r)
        sourceRowChanged(r);
    scheduleRecount();
}

void TicketFilterProxy::onTicked() {
    // Tickets become overdue as time passes: an overdue-only view takes them in.
    if (m_filter.overdueOnly) {
        beginResetModel();
        rebuild();
        endResetModel();
    }
    recount();
}

int TicketFilterProxy::rowOfTicket(qint64 id) const {
    if (!m_queue)
        return -1;
    const int s = m_queue->rowOfTicket(id);
    return s < 0 ? -1 : proxyOfSource().value(s, -1);
}

qint64 TicketFilterProxy::ticketAt(int proxyRow) const {
    return proxyRow >= 0 && proxyRow < m_order.size() ? m_queue->rowAt(m_order[proxyRow]).id : 0;
}

QModelIndex TicketFilterProxy::mapToSource(const QModelIndex& proxyIndex) const {
    if (!m_queue || !proxyIndex.isValid() || proxyIndex.model() != this || proxyIndex.row() >= m_order.size())
        return {};
    return m_queue->index(m_order[proxyIndex.row()], proxyIndex.column());
}

QModelIndex TicketFilterProxy::mapFromSource(const QModelIndex& sourceIndex) const {
    if (!m_queue || !sourceIndex.isValid() || sourceIndex.model() != m_queue)
        return {};
    const int p = proxyOfSource().value(sourceIndex.row(), -1);
    return p < 0 ? QModelIndex() : index(p, sourceIndex.column());
}

QModelIndex TicketFilterProxy::index(int row, int column, const QModelIndex& parent) const {
    if (parent.isValid() || row < 0 || row >= m_order.size() || column < 0 || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex TicketFilterProxy::parent(const QModelIndex&) const {
    return {};
}

int TicketFilterProxy::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_order.size());
}

int TicketFilterProxy::columnCount(const QModelIndex& parent) const {
    return parent.isValid() || !m_queue ? 0 : TicketQueueModel::ColumnCount;
}

bool TicketFilterProxy::hasChildren(const QModelIndex& parent) const {
    return !parent.isValid() && !m_order.isEmpty();
}

QVariant TicketFilterProxy::headerData(int section, Qt::Orientation orientation, int role) const {
    // The base class maps sections through row 0, which an empty view does not have.
    if (orientation == Qt::Horizontal)
        return m_queue ? m_queue->headerData(section, orientation, role) : QVariant();
    return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
}

QModelIndex TicketFilterProxy::sibling(int row, int column, const QModelIndex&) const {
    return index(row, column);
}

} // namespace gc::dispatch
