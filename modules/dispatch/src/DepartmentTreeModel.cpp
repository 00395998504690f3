#include "gc/dispatch/DepartmentTreeModel.h"

#include "gc/core/TicketWorkflow.h"
#include "gc/dispatch/DepartmentRouter.h"
#include "gc/dispatch/TicketService.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QMimeData>

namespace gc::dispatch {

DepartmentTreeModel::DepartmentTreeModel(QObject* parent) : QAbstractItemModel(parent) {}

void DepartmentTreeModel::setDepartments(const QList<DepartmentRecord>& departments,
                                         const QString& countyCode) {
    beginResetModel();
    m_countyCode = countyCode;
    m_nodes.clear();
    m_roots.clear();
    m_nodeOfCode.clear();
    QList<DepartmentRecord> sorted = departments;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto& a, const auto& b) { return a.sort < b.sort; });
    for (const DepartmentRecord& d : sorted) {
        m_nodeOfCode.insert(d.code, int(m_nodes.size()));
        m_nodes << Node{d, -1, 0, {}};
    }
    for (int i = 0; i < m_nodes.size(); ++i) {
        Node& n = m_nodes[i];
        const int p = m_nodeOfCode.value(n.record.parentCode, -1);
        // A parent missing from the table (or a loop onto itself) makes the node a root.
        if (p < 0 || p == i) {
            n.row = int(m_roots.size());
            m_roots << i;
        } else {
            n.parent = p;
            n.row = int(m_nodes[p].children.size());
            m_nodes[p].children << i;
        }
    }
    endResetModel();
}

QList<DepartmentRecord> DepartmentTreeModel::departments() const {
    QList<DepartmentRecord> out;
    for (const Node& n : m_nodes)
        out << n.record;
    return out;
}

void DepartmentTreeModel::setLoads(const QHash<QString, DepartmentLoad>& loads) {
    m_loads = loads;
    if (!m_nodes.isEmpty())
        Q_EMIT dataChanged(index(0, OpenColumn), index(rowCount() - 1, OnTimeColumn));
    for (const Node& n : m_nodes)
        if (!n.children.isEmpty())
            Q_EMIT dataChanged(index(0, OpenColumn, indexOf(n.record.code)),
                               index(int(n.children.size()) - 1, OnTimeColumn, indexOf(n.record.code)));
}

void DepartmentTreeModel::applyTicketChange(const TicketRow& before, const TicketRow& after, qint64 now) {
    if (!before.departmentCode.isEmpty())
        m_loads[before.departmentCode].tally(before, now, -1);
    if (!after.departmentCode.isEmpty())
        m_loads[after.departmentCode].tally(after, now, 1);
    announce(before.departmentCode);
    if (after.departmentCode != before.departmentCode)
        announce(after.departmentCode);
}

void DepartmentTreeModel::announce(const QString& code) {
    // The department and every ancestor show a changed sum.
    for (int n = m_nodeOfCode.value(code, -1); n >= 0; n = m_nodes[n].parent) {
        const QModelIndex i = createIndex(m_nodes[n].row, OpenColumn, quintptr(n));
        Q_EMIT dataChanged(i, i.siblingAtColumn(OnTimeColumn));
    }
}

DepartmentLoad DepartmentTreeModel::load(const QString& code) const {
    DepartmentLoad sum = m_loads.value(code);
    const int n = m_nodeOfCode.value(code, -1);
    if (n >= 0)
        for (int c : m_nodes[n].children)
            sum += load(m_nodes[c].record.code);
    return sum;
}

void DepartmentTreeModel::setSuggested(const QStringList& codes) {
    const QStringList before = m_suggested;
    m_suggested = codes;
    for (const QString& code : before + codes) {
        const QModelIndex i = indexOf(code);
        if (i.isValid())
            Q_EMIT dataChanged(i, i.siblingAtColumn(OnTimeColumn));
    }
}

QModelIndex DepartmentTreeModel::indexOf(const QString& code, int column) const {
    const int n = m_nodeOfCode.value(code, -1);
    return n < 0 ? QModelIndex() : createIndex(m_nodes[n].row, column, quintptr(n));
}

const DepartmentRecord* DepartmentTreeModel::department(const QModelIndex& index) const {
    if (!index.isValid() || index.model() != this)
        return nullptr;
    return &m_nodes[int(index.internalId())].record;
}

QModelIndex DepartmentTreeModel::index(int row, int column, const QModelIndex& parent) const {
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    const QList<int>& siblings = parent.isValid() ? m_nodes[int(parent.internalId())].children : m_roots;
    if (row >= siblings.size())
        return {};
    return createIndex(row, column, quintptr(siblings[row]));
}

QModelIndex DepartmentTreeModel::parent(const QModelIndex& child) const {
    if (!child.isValid())
        return {};
    const int p = m_nodes[int(child.internalId())].parent;
    return p < 0 ? QModelIndex() : createIndex(m_nodes[p].row, 0, quintptr(p));
}

int DepartmentTreeModel::rowCount(const QModelIndex& parent) const {
    if (!parent.isValid())
        return int(m_roots.size());
    if (parent.column() != 0)
        return 0;
    return int(m_nodes[int(parent.internalId())].children.size());
}

int DepartmentTreeModel::columnCount(const QModelIndex&) const {
    return ColumnCount;
}

QVariant DepartmentTreeModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const DepartmentRecord& d = m_nodes[int(index.internalId())].record;
    const int rank = int(m_suggested.indexOf(d.code));
    switch (role) {
    case CodeRole:
        return d.code;
    case SuggestedRole:
        return rank; // -1 when not suggested
    case DispatchableRole:
        return DepartmentRouter::isDispatchable(d);
    case Qt::DisplayRole: {
        const DepartmentLoad l = load(d.code);
        switch (index.column()) {
        case NameColumn:
            return rank >= 0 ? tr("★%1 %2").arg(rank + 1).arg(d.name) : d.name;
        case OpenColumn:
            return l.open;
        case OverdueColumn:
            return l.overdue;
        case OnTimeColumn:
            return l.onTimeRate() < 0 ? tr("—") : QStringLiteral("%1%").arg(l.onTimeRate() * 100, 0, 'f', 1);
        }
        break;
    }
    case Qt::ToolTipRole: {
        if (!DepartmentRouter::isDispatchable(d))
            return tr("%1：部门分组，请把工单拖到其下的具体部门").arg(d.name);
        const DepartmentLoad l = load(d.code);
        return tr("%1（%2）\n电话：%3\n在办 %4 件，超期 %5 件，按时办结率 %6")
            .arg(d.name, d.code, d.phone.isEmpty() ? tr("—") : d.phone)
            .arg(l.open)
            .arg(l.overdue)
            .arg(l.onTimeRate() < 0 ? tr("暂无")
                                    : QStringLiteral("%1%").arg(l.onTimeRate() * 100, 0, 'f', 1));
    }
    case Qt::BackgroundRole:
        if (rank >= 0)
            return QBrush(QColor(0xff, 0xf3, 0xc4));
        break;
    case Qt::FontRole:
        if (rank >= 0 || !DepartmentRouter::isDispatchable(d)) {
            QFont f;
            f.setBold(true);
            return f;
        }
        break;
    case Qt::ForegroundRole:
        if (index.column() == OverdueColumn && load(d.code).overdue > 0)
            return QBrush(QColor(0xc6, 0x28, 0x28));
        break;
    case Qt::TextAlignmentRole:
        if (index.column() != NameColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    }
    return {};
}

QVariant DepartmentTreeModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("部门");
    case OpenColumn:
        return tr("在办");
    case OverdueColumn:
        return tr("超期");
    case OnTimeColumn:
        return tr("按时率");
    }
    return {};
}

Qt::ItemFlags DepartmentTreeModel::flags(const QModelIndex& index) const {
    if (!index.isValid())
        return Qt::NoItemFlags;
    // Every row accepts drags over it, so the view can say why a group refuses.
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDropEnabled;
}

QStringList DepartmentTreeModel::mimeTypes() const {
    return {ticketMimeType()};
}

QModelIndex DepartmentTreeModel::dropTarget(int row, const QModelIndex& parent) const {
    // Drops land on a department (row -1, parent = the department); a drop between rows
    // names no department.
    if (row >= 0)
        return {};
    return parent.isValid() ? parent.siblingAtColumn(NameColumn) : QModelIndex();
}

QString DepartmentTreeModel::dropRefusal(const QMimeData* data, const QModelIndex& target) const {
    const std::optional<TicketDragPayload> payload = decodeTickets(data);
    if (!payload)
        return tr("拖动的不是工单");
    const DepartmentRecord* d = department(target);
    if (!d)
        return tr("请把工单拖到具体部门上");
    if (!m_countyCode.isEmpty() && payload->countyCode != m_countyCode)
        return tr("工单来自其他县域（%1），不能交办给本县部门").arg(payload->countyCode);
    if (!DepartmentRouter::isDispatchable(*d))
        return tr("“%1”是部门分组，请拖到其下的具体部门").arg(d->name);
    for (const TicketDragItem& item : payload->items) {
        Ticket t;
        t.id = item.id;
        t.state = item.state;
        t.departmentCode = item.departmentCode;
        const bool withDepartment =
            item.state == TicketState::Dispatched || item.state == TicketState::InProgress;
        if (withDepartment && item.departmentCode == d->code)
            return tr("工单 %1 已由%2承办").arg(item.id).arg(d->name);
        const QString why =
            TicketWorkflow::whyNot(t, withDepartment ? TicketAction::Reassign : TicketAction::Dispatch);
        if (!why.isEmpty())
            return tr("工单 %1：%2").arg(item.id).arg(why);
    }
    return {};
}

bool DepartmentTreeModel::canDropMimeData(const QMimeData* data, Qt::DropAction action, int row, int,
                                          const QModelIndex& parent) const {
    if (!(action & (Qt::MoveAction | Qt::CopyAction)))
        return false;
    return dropRefusal(data, dropTarget(row, parent)).isEmpty();
}

bool DepartmentTreeModel::dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                                       const QModelIndex& parent) {
    if (!m_service || !canDropMimeData(data, action, row, column, parent))
        return false;
    const TicketDragPayload payload = *decodeTickets(data);
    const DepartmentRecord target = *department(dropTarget(row, parent));
    bool isReassign = false;
    for (const TicketDragItem& item : payload.items)
        isReassign |= item.state == TicketState::Dispatched || item.state == TicketState::InProgress;
    DropDetails details;
    if (m_confirm) {
        const std::optional<DropDetails> confirmed = m_confirm(payload, target, isReassign);
        if (!confirmed)
            return false;
        details = *confirmed;
    }
    QList<TicketRef> refs;
    for (const TicketDragItem& item : payload.items)
        refs << TicketRef{item.id, item.version};
    const QList<ActionOutcome> outcomes =
        m_service->sendToDepartment(refs, target.code, details.note, details.reason);
    Q_EMIT dropped(target.code, outcomes);
    return std::any_of(outcomes.cbegin(), outcomes.cend(), [](const ActionOutcome& o) { return o.ok; });
}

} // namespace gc::dispatch
