#include "gc/workers/WorkerListModel.h"

#include "gc/core/ChinaTime.h"
#include "gc/core/GridLevel.h"

#include <QColor>
#include <QCoreApplication>
#include <QLocale>

// The messages keep the translation context they had before the class moved out of feed.
namespace gc::workers {

using feed::workerStatus;

namespace {
QColor statusColour(WorkerStatus s) {
    switch (s) {
    case WorkerStatus::Online:
        return QColor(0x2e, 0x9d, 0x4a);
    case WorkerStatus::Stale:
        return QColor(0xe0, 0x9b, 0x1a);
    case WorkerStatus::Offline:
        return QColor(0x8a, 0x8f, 0x98);
    }
    return {};
}
} // namespace

WorkerListModel::WorkerListModel(QObject* parent) : QAbstractTableModel(parent) {
    m_statusTimer.setInterval(15000);
    connect(&m_statusTimer, &QTimer::timeout, this, &WorkerListModel::refreshStatuses);
    m_statusTimer.start();
    m_notify.setSingleShot(true);
    m_notify.setInterval(kNotifyIntervalMs);
    connect(&m_notify, &QTimer::timeout, this, &WorkerListModel::notifyChanged);
}

QList<WorkerListModel::Row> WorkerListModel::readRows(CountyStore& store) {
    QHash<QString, QString> streets;
    for (const GridRecord& s : store.grids(GridLevel::Street, false))
        streets.insert(s.code, s.name);
    const int streetCodeLength = GridLevels::codeLength(GridLevel::Street);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<Row> rows;
    for (const WorkerRecord& w : store.workers()) {
        Row r;
        r.worker = w;
        r.streetName = streets.value(w.gridCodes.value(0).left(streetCodeLength));
        r.status = workerStatus(w.lastAt, now);
        rows << r;
    }
    return rows;
}

void WorkerListModel::setRows(QList<Row> rows) {
    beginResetModel();
    m_rows = std::move(rows);
    m_index.clear();
    m_index.reserve(m_rows.size());
    for (int i = 0; i < m_rows.size(); ++i)
        m_index.insert(m_rows[i].worker.id, i);
    m_changedFirst = std::numeric_limits<int>::max();
    m_changedLast = -1;
    endResetModel();
    Q_EMIT countsChanged();
}

int WorkerListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}
int WorkerListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WorkerListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row& r = m_rows.at(index.row());
    const WorkerRecord& w = r.worker;
    switch (role) {
    case WorkerIdRole:
        return w.id;
    case StatusRole:
        return int(r.status);
    case GridCodeRole:
        return w.gridCodes.value(0);
    case SearchTextRole:
        return QStringList{w.name, w.gridCodes.join(u' '), r.streetName, w.phone}.join(u' ');
    case Qt::DecorationRole:
        return index.column() == StatusColumn ? QVariant(statusColour(r.status)) : QVariant();
    case Qt::ToolTipRole:
        return QCoreApplication::translate("gc::feed::WorkerListModel", "%1（%2）\n网格：%3\n电话：%4")
            .arg(w.name, displayName(r.status), w.gridCodes.join(u'、'), w.phone);
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return w.name;
        case StatusColumn:
            return displayName(r.status);
        case GridColumn:
            return w.gridCodes.join(u',');
        case StreetColumn:
            return r.streetName;
        case LastFixColumn:
            return w.lastAt.isValid()
                       ? w.lastAt.toTimeZone(chinaTimeZone()).toString(QStringLiteral("MM-dd HH:mm:ss"))
                       : QCoreApplication::translate("gc::feed::WorkerListModel", "无");
        case AccuracyColumn:
            return w.lastAt.isValid() && w.lastAccuracy > 0 ? QVariant(qRound(w.lastAccuracy)) : QVariant();
        case PhoneColumn:
            return w.phone;
        }
        return {};
    case Qt::UserRole: // sort key
        switch (index.column()) {
        case StatusColumn:
            return int(r.status);
        case LastFixColumn:
            return w.lastAt.isValid() ? w.lastAt.toSecsSinceEpoch() : 0;
        case AccuracyColumn:
            return w.lastAccuracy;
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    return {};
}

QVariant WorkerListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return QCoreApplication::translate("gc::feed::WorkerListModel", "姓名");
    case StatusColumn:
        return QCoreApplication::translate("gc::feed::WorkerListModel", "状态");
    case GridColumn:
        return QCoreApplication::translate("gc::feed::WorkerListModel", "网格");
    case StreetColumn:
        return QCoreApplication::translate("gc::feed::WorkerListModel", "街道");
    case LastFixColumn:
        return QCoreApplication::translate("gc::feed::WorkerListModel", "最后定位");
    case AccuracyColumn:
        return QCoreApplication::translate("gc::feed::WorkerListModel", "精度（米）");
    case PhoneColumn:
        return QCoreApplication::translate("gc::feed::WorkerListModel", "电话");
    }
    return {};
}

bool WorkerListModel::lessThan(int a, int b, int column) const {
    const Row& x = m_rows.at(a);
    const Row& y = m_rows.at(b);
    const auto secs = [](const WorkerRecord& w) {
        return w.lastAt.isValid() ? w.lastAt.toSecsSinceEpoch() : 0;
    };
    switch (column) {
    case StatusColumn:
        return x.status < y.status;
    case LastFixColumn:
        return secs(x.worker) < secs(y.worker);
    case AccuracyColumn:
        return x.worker.lastAccuracy < y.worker.lastAccuracy;
    case NameColumn:
        return x.worker.name < y.worker.name;
    case GridColumn:
        return x.worker.gridCodes < y.worker.gridCodes;
    case StreetColumn:
        return x.streetName < y.streetName;
    case PhoneColumn:
        return x.worker.phone < y.worker.phone;
    default:
        return false;
    }
}

int WorkerListModel::count(WorkerStatus s) const {
    int n = 0;
    for (const Row& r : m_rows)
        n += r.status == s;
    return n;
}

void WorkerListModel::applyPositions(const QList<PositionFix>& fixes) {
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const PositionFix& fix : fixes) {
        const int row = rowOf(fix.workerId);
        if (row < 0)
            continue;
        Row& r = m_rows[row];
        if (r.worker.lastAt.isValid() && r.worker.lastAt.toSecsSinceEpoch() > fix.at)
            continue;
        r.worker.lastLon = fix.lon;
        r.worker.lastLat = fix.lat;
        r.worker.lastAccuracy = std::isnan(fix.accuracy) ? 0 : fix.accuracy;
        r.worker.lastAt = QDateTime::fromSecsSinceEpoch(fix.at, QTimeZone::utc());
        r.heading = fix.heading;
        const WorkerStatus before = r.status;
        r.status = workerStatus(r.worker.lastAt, now);
        m_countsMoved = m_countsMoved || before != r.status;
        m_changedFirst = std::min(m_changedFirst, row);
        m_changedLast = std::max(m_changedLast, row);
    }
    if (m_changedFirst <= m_changedLast && !m_notify.isActive())
        m_notify.start();
}

void WorkerListModel::notifyChanged() {
    if (m_changedFirst > m_changedLast)
        return;
    const int first = std::exchange(m_changedFirst, std::numeric_limits<int>::max());
    const int last = std::exchange(m_changedLast, -1);
    Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
    if (std::exchange(m_countsMoved, false))
        Q_EMIT countsChanged();
}

void WorkerListModel::refreshStatuses() {
    const QDateTime now = QDateTime::currentDateTimeUtc();
    bool changed = false;
    for (int i = 0; i < m_rows.size(); ++i) {
        const WorkerStatus s = workerStatus(m_rows[i].worker.lastAt, now);
        if (s != m_rows[i].status) {
            m_rows[i].status = s;
            changed = true;
            Q_EMIT dataChanged(index(i, StatusColumn), index(i, StatusColumn));
        }
    }
    if (changed)
        Q_EMIT countsChanged();
}

} // namespace gc::workers
