#include "gc/dispatch/TicketQueueModel.h"

#include "gc/core/CategoryTable.h"
#include "gc/core/ChinaTime.h"
#include "gc/dispatch/TicketMime.h"

#include <QBrush>
#include <QColor>
#include <QMimeData>
#include <QSet>

namespace gc::dispatch {

namespace {

QString duration(qint64 seconds) {
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return TicketQueueModel::tr("%1分").arg(minutes);
    const qint64 hours = minutes / 60;
    if (hours < 48)
        return TicketQueueModel::tr("%1小时%2分").arg(hours).arg(minutes % 60);
    return TicketQueueModel::tr("%1天%2小时").arg(hours / 24).arg(hours % 24);
}

} // namespace

TicketQueueModel::TicketQueueModel(QObject* parent) : QAbstractTableModel(parent) {
    m_now = QDateTime::currentSecsSinceEpoch();
    m_tick.setInterval(30 * 1000);
    connect(&m_tick, &QTimer::timeout, this, &TicketQueueModel::tick);
    m_tick.start();
}

void TicketQueueModel::setRows(QList<TicketRow> rows) {
    beginResetModel();
    m_rows = std::move(rows);
    m_rowOfId.clear();
    m_rowOfId.reserve(m_rows.size());
    for (int i = 0; i < m_rows.size(); ++i)
        m_rowOfId.insert(m_rows[i].id, i);
    endResetModel();
}

void TicketQueueModel::updateTicket(const TicketRow& row) {
    const int r = rowOfTicket(row.id);
    if (r < 0) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
        m_rows << row;
        m_rowOfId.insert(row.id, int(m_rows.size()) - 1);
        endInsertRows();
        Q_EMIT ticketRowChanged(TicketRow{}, row);
        return;
    }
    const TicketRow before = m_rows[r];
    m_rows[r] = row;
    Q_EMIT dataChanged(index(r, 0), index(r, ColumnCount - 1));
    Q_EMIT ticketRowChanged(before, row);
}

void TicketQueueModel::setNow(qint64 epochSeconds) {
    m_now = epochSeconds;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, TimeLeftColumn), index(int(m_rows.size()) - 1, TimeLeftColumn),
                           {Qt::DisplayRole, Qt::ForegroundRole, Qt::ToolTipRole, UrgencyRole});
    Q_EMIT ticked();
}

void TicketQueueModel::tick() {
    setNow(QDateTime::currentSecsSinceEpoch());
}

TicketQueueModel::Urgency TicketQueueModel::urgency(const TicketRow& row) const {
    if (!row.isOpen() || row.deadline <= 0)
        return Urgency::None;
    const qint64 left = row.deadline - m_now;
    if (left < 0)
        return Urgency::Overdue;
    // "Close": the last quarter of the time limit, or the last two hours of a long one.
    const qint64 allowed = std::max<qint64>(1, row.deadline - row.createdAt);
    return left * 4 <= allowed || left <= 2 * 3600 ? Urgency::Close : Urgency::OnTime;
}

QString TicketQueueModel::timeLeftText(const TicketRow& row) const {
    if (row.state == TicketState::Resolved)
        return tr("待评价");
    if (!row.isOpen())
        return displayName(row.state);
    if (row.deadline <= 0)
        return tr("无时限");
    const qint64 left = row.deadline - m_now;
    switch (urgency(row)) {
    case Urgency::Overdue:
        return tr("超期 %1").arg(duration(-left));
    case Urgency::Close:
        return tr("将到期 %1").arg(duration(left));
    default:
        return tr("剩余 %1").arg(duration(left));
    }
}

QColor TicketQueueModel::urgencyColour(Urgency u) {
    switch (u) {
    case Urgency::OnTime:
        return QColor(0x2e, 0x7d, 0x32);
    case Urgency::Close:
        return QColor(0xe6, 0x5c, 0x00);
    case Urgency::Overdue:
        return QColor(0xc6, 0x28, 0x28);
    case Urgency::None:
        break;
    }
    return QColor(0x75, 0x75, 0x75);
}

QString TicketQueueModel::urgencyName(Urgency u) {
    switch (u) {
    case Urgency::OnTime:
        return tr("按时");
    case Urgency::Close:
        return tr("将到期");
    case Urgency::Overdue:
        return tr("超期");
    case Urgency::None:
        break;
    }
    return tr("无");
}

int TicketQueueModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TicketQueueModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TicketQueueModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TicketRow& r = m_rows.at(index.row());
    switch (role) {
    case IdRole:
        return r.id;
    case StateRole:
        return static_cast<int>(r.state);
    case UrgencyRole:
        return static_cast<int>(urgency(r));
    case DeadlineRole:
        return r.deadline;
    case VersionRole:
        return r.version;
    case Qt::DisplayRole:
        switch (index.column()) {
        case IdColumn:
            return r.id;
        case TimeLeftColumn:
            return timeLeftText(r);
        case StateColumn:
            // A returned ticket is flagged: the dispatcher must look at it again.
            return r.state == TicketState::Returned ? tr("⚑ %1").arg(displayName(r.state))
                                                    : displayName(r.state);
        case PriorityColumn:
            return displayName(r.priority);
        case CategoryColumn: {
            const Category* c = CategoryTable::builtIn().find(r.category);
            return c ? c->displayName() : r.category;
        }
        case SourceColumn:
            return displayName(r.source);
        case GridColumn:
            return r.gridCode;
        case DepartmentColumn:
            return r.departmentCode;
        case CreatedColumn:
            return fromEpochSeconds(r.createdAt).toString(QStringLiteral("MM-dd hh:mm"));
        case TitleColumn:
            return r.title;
        }
        break;
    case Qt::ForegroundRole:
        if (index.column() == TimeLeftColumn)
            return QBrush(urgencyColour(urgency(r)));
        break;
    case Qt::ToolTipRole:
        if (index.column() == TimeLeftColumn && r.deadline > 0)
            return tr("办理时限：%1（%2）")
                .arg(fromEpochSeconds(r.deadline).toString(QStringLiteral("yyyy-MM-dd hh:mm")),
                     urgencyName(urgency(r)));
        if (index.column() == StateColumn && r.state == TicketState::Returned)
            return tr("退单原因：%1").arg(r.lastReturnReason);
        if (index.column() == CategoryColumn)
            return CategoryTable::builtIn().fullName(r.category);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == IdColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    }
    return {};
}

QVariant TicketQueueModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("编号");
    case TimeLeftColumn:
        return tr("剩余时限");
    case StateColumn:
        return tr("状态");
    case PriorityColumn:
        return tr("优先级");
    case CategoryColumn:
        return tr("类别");
    case SourceColumn:
        return tr("来源");
    case GridColumn:
        return tr("网格");
    case DepartmentColumn:
        return tr("承办部门");
    case CreatedColumn:
        return tr("登记时间");
    case TitleColumn:
        return tr("标题");
    }
    return {};
}

Qt::ItemFlags TicketQueueModel::flags(const QModelIndex& index) const {
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled | Qt::ItemNeverHasChildren;
}

QStringList TicketQueueModel::mimeTypes() const {
    return {ticketMimeType()};
}

QMimeData* TicketQueueModel::mimeData(const QModelIndexList& indexes) const {
    TicketDragPayload payload;
    payload.countyCode = m_countyCode;
    QSet<int> seen;
    for (const QModelIndex& i : indexes) {
        if (!i.isValid() || i.model() != this || seen.contains(i.row()))
            continue;
        seen.insert(i.row());
        const TicketRow& r = m_rows.at(i.row());
        payload.items << TicketDragItem{r.id, r.version, r.state, r.departmentCode};
    }
    if (payload.items.isEmpty())
        return nullptr;
    return encodeTickets(payload);
}

} // namespace gc::dispatch
