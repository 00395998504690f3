#include "gc/dispatch/DispatchWorkbench.h"

#include "gc/core/CategoryTable.h"
#include "gc/dispatch/DepartmentChooser.h"
#include "gc/dispatch/DepartmentTreeModel.h"
#include "gc/dispatch/DepartmentTreeView.h"
#include "gc/dispatch/TicketDetailWidget.h"
#include "gc/dispatch/TicketFilterProxy.h"
#include "gc/dispatch/TicketQueueModel.h"
#include "gc/dispatch/TicketService.h"
#include "gc/dispatch/UndoBar.h"
#include "gc/store/BackgroundRead.h"
#include "gc/store/CountyStore.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDrag>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPainter>
#include <QTableView>
#include <QTimer>

#include <QVBoxLayout>

namespace gc::dispatch {

namespace {
// State filter presets, then each state.
enum StatePreset { AwaitingDispatch = -1, AllOpen = -2, Everything = -3 };

// The queue as a drag source with its own drag image: Qt's default is a picture of the dragged
// rows with the pointer inside it, which hides the department row it is dropped on.
class TicketQueueView : public QTableView {
public:
    TicketQueueView(const DispatchWorkbench& bench, QWidget* parent) : QTableView(parent), m_bench(bench) {}

protected:
    void startDrag(Qt::DropActions supportedActions) override {
        const QModelIndexList rows = selectionModel()->selectedRows();
        QMimeData* data = rows.isEmpty() ? nullptr : model()->mimeData(rows);
        if (!data)
            return;
        auto* drag = new QDrag(this);
        drag->setMimeData(data);
        QPoint hotSpot;
        drag->setPixmap(m_bench.dragImage(m_bench.selectedTickets(), &hotSpot));
        drag->setHotSpot(hotSpot);
        // Tickets are never removed from the queue by the drag itself: the store says where they went.
        drag->exec(supportedActions, defaultDropAction());
    }

private:
    const DispatchWorkbench& m_bench;
};
} // namespace

DispatchWorkbench::DispatchWorkbench(TicketService& service, QWidget* parentWidget)
    : QObject(parentWidget), m_service(service), m_router(DepartmentRouter::builtIn()) {
    m_queue = new TicketQueueModel(this);
    m_proxy = new TicketFilterProxy(this);
    m_proxy->setSourceModel(m_queue);
    m_departments = new DepartmentTreeModel(this);
    m_departments->setService(&m_service);

    buildQueuePanel(parentWidget);

    m_departmentPanel = new QWidget(parentWidget);
    auto* dl = new QVBoxLayout(m_departmentPanel);
    dl->setContentsMargins(4, 4, 4, 4);
    m_departmentView = new DepartmentTreeView(m_departmentPanel);
    m_departmentView->setObjectName(QStringLiteral("departmentTree"));
    m_departmentView->setModel(m_departments);
    m_departmentView->header()->setSectionResizeMode(DepartmentTreeModel::NameColumn, QHeaderView::Stretch);
    for (int c : {DepartmentTreeModel::OpenColumn, DepartmentTreeModel::OverdueColumn,
                  DepartmentTreeModel::OnTimeColumn})
        m_departmentView->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_dropHint = new QLabel(tr("把工单拖到部门上即交办；Ctrl+D 选择部门"), m_departmentPanel);
    m_dropHint->setObjectName(QStringLiteral("dropHint"));
    m_dropHint->setWordWrap(true);
    dl->addWidget(m_departmentView);
    dl->addWidget(m_dropHint);
    connect(m_departmentView, &DepartmentTreeView::dropHint, this, [this](const QString& text, bool allowed) {
        m_dropHint->setText(text.isEmpty() ? tr("把工单拖到部门上即交办；Ctrl+D 选择部门") : text);
        m_dropHint->setStyleSheet(allowed ? QString() : QStringLiteral("color: #c62828; font-weight: bold;"));
    });

    m_detail = new TicketDetailWidget(m_service, parentWidget);
    m_detail->setObjectName(QStringLiteral("ticketDetail"));
    m_detail->setRouter(&m_router);
    connect(m_detail, &TicketDetailWidget::message, this, &DispatchWorkbench::message);

    connect(&m_service, &TicketService::ticketChanged, this, &DispatchWorkbench::onTicketChanged);
    connect(&m_service, &TicketService::undoAvailable, this,
            [this](const QList<qint64>& ids, const QString& summary) {
                m_undoBar->offer(ids, summary, TicketService::kUndoWindowSeconds);
            });
    connect(m_undoBar, &UndoBar::undoRequested, this, [this](const QList<qint64>& ids) {
        QStringList failed;
        int done = 0;
        for (const ActionOutcome& o : m_service.undo(ids)) {
            if (o.ok)
                ++done;
            else
                failed << o.error;
        }
        Q_EMIT message(failed.isEmpty() ? tr("已撤销 %1 件交办，工单回到待分流队列").arg(done)
                                        : failed.join(QStringLiteral("；")));
    });
    connect(m_queue, &TicketQueueModel::ticketRowChanged, this,
            [this](const TicketRow& before, const TicketRow& after) {
                m_departments->applyTicketChange(before, after, m_queue->now());
            });
    connect(m_queue, &TicketQueueModel::ticked, this, [this] {
        // Tickets turn overdue as time passes: the loads follow.
        m_departments->setLoads(TicketQueries::departmentLoads(m_queue->rows(), m_queue->now()));
    });
    connect(m_proxy, &TicketFilterProxy::countsChanged, this, &DispatchWorkbench::updateCounts);
    connect(m_departments, &DepartmentTreeModel::dropped, this,
            [this](const QString& code, const QList<ActionOutcome>& outcomes) {
                QStringList errors;
                for (const ActionOutcome& o : outcomes)
                    if (!o.ok)
                        errors << o.error;
                if (!errors.isEmpty())
                    Q_EMIT message(errors.join(QStringLiteral("；")));
                Q_UNUSED(code);
            });
}

void DispatchWorkbench::buildQueuePanel(QWidget* parent) {
    m_queuePanel = new QWidget(parent);
    auto* layout = new QVBoxLayout(m_queuePanel);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* row1 = new QHBoxLayout;
    auto* row2 = new QHBoxLayout;
    m_state = new QComboBox(m_queuePanel);
    m_state->setObjectName(QStringLiteral("stateFilter"));
    m_state->addItem(tr("待分流"), int(AwaitingDispatch));
    m_state->addItem(tr("全部未结"), int(AllOpen));
    m_state->addItem(tr("全部"), int(Everything));
    for (TicketState s : allTicketStates())
        m_state->addItem(displayName(s), static_cast<int>(s));
    m_category = new QComboBox(m_queuePanel);
    m_category->addItem(tr("全部类别"), QString());
    for (const Category& c : CategoryTable::builtIn().topLevel())
        m_category->addItem(c.displayName(), c.code);
    m_source = new QComboBox(m_queuePanel);
    m_source->addItem(tr("全部来源"), -1);
    for (TicketSource s : allTicketSources())
        m_source->addItem(displayName(s), static_cast<int>(s));
    m_priority = new QComboBox(m_queuePanel);
    m_priority->addItem(tr("全部优先级"), -1);
    for (TicketPriority p : allTicketPriorities())
        m_priority->addItem(displayName(p), static_cast<int>(p));
    m_grid = new QLineEdit(m_queuePanel);
    m_grid->setPlaceholderText(tr("街道/社区/网格编码"));
    m_grid->setClearButtonEnabled(true);
    m_search = new QLineEdit(m_queuePanel);
    m_search->setObjectName(QStringLiteral("ticketSearch"));
    m_search->setPlaceholderText(tr("搜索标题、编号、网格…"));
    m_search->setClearButtonEnabled(true);
    m_overdue = new QCheckBox(tr("仅超期"), m_queuePanel);
    row1->addWidget(m_state);
    row1->addWidget(m_category);
    row1->addWidget(m_source);
    row1->addWidget(m_priority);
    row2->addWidget(m_grid);
    row2->addWidget(m_search, 1);
    row2->addWidget(m_overdue);
    m_counts = new QLabel(m_queuePanel);
    m_counts->setObjectName(QStringLiteral("stateCounts"));
    m_counts->setWordWrap(true);
    m_queueView = new TicketQueueView(*this, m_queuePanel);
    m_queueView->setObjectName(QStringLiteral("ticketQueue"));
    m_queueView->setModel(m_proxy);
    m_queueView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_queueView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_queueView->setDragEnabled(true);
    m_queueView->setDragDropMode(QAbstractItemView::DragOnly);
    m_queueView->setDefaultDropAction(Qt::MoveAction);
    m_queueView->setSortingEnabled(true);
    m_queueView->horizontalHeader()->setSortIndicator(TicketQueueModel::TimeLeftColumn, Qt::AscendingOrder);
    m_queueView->verticalHeader()->hide();
    // Fixed row heights keep 100,000 rows cheap to scroll.
    m_queueView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_queueView->verticalHeader()->setDefaultSectionSize(m_queueView->fontMetrics().height() + 6);
    m_queueView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_queueView->horizontalHeader()->setStretchLastSection(true);
    m_queueView->setColumnWidth(TicketQueueModel::IdColumn, 64);
    m_queueView->setColumnWidth(TicketQueueModel::TimeLeftColumn, 120);
    m_queueView->setColumnWidth(TicketQueueModel::GridColumn, 130);
    m_queueView->setWordWrap(false);
    m_undoBar = new UndoBar(m_queuePanel);
    layout->addLayout(row1);
    layout->addLayout(row2);
    layout->addWidget(m_counts);
    layout->addWidget(m_queueView, 1);
    layout->addWidget(m_undoBar);

    for (QComboBox* c : {m_state, m_category, m_source, m_priority})
        connect(c, &QComboBox::currentIndexChanged, this, &DispatchWorkbench::applyFilterControls);
    connect(m_grid, &QLineEdit::textChanged, this, &DispatchWorkbench::applyFilterControls);
    connect(m_search, &QLineEdit::textChanged, this, &DispatchWorkbench::applyFilterControls);
    connect(m_overdue, &QCheckBox::toggled, this, &DispatchWorkbench::applyFilterControls);
    connect(m_queueView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DispatchWorkbench::onCurrentTicketChanged);
    connect(m_proxy, &TicketFilterProxy::countsChanged, this, &DispatchWorkbench::updateOutsideFilterMark);

    // One action per shortcut, shared by the queue's context menu and the window's menu: two
    // actions with the same keys in one window cancel each other ("Ambiguous shortcut overload").
    m_chooseAction = new QAction(tr("交办选中工单给部门(&D)…"), this);
    m_chooseAction->setObjectName(QStringLiteral("chooseDepartmentAction"));
    m_chooseAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_chooseAction->setShortcutContext(Qt::WindowShortcut);
    connect(m_chooseAction, &QAction::triggered, this, &DispatchWorkbench::chooseDepartmentForSelection);
    m_undoAction = new QAction(tr("撤销上一次交办(&U)"), this);
    m_undoAction->setObjectName(QStringLiteral("undoDispatchAction"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_undoAction->setShortcutContext(Qt::WindowShortcut);
    connect(m_undoAction, &QAction::triggered, this, &DispatchWorkbench::undoLastDispatch);
    m_queueView->addAction(m_chooseAction);
    m_queueView->addAction(m_undoAction);
    m_queueView->setContextMenuPolicy(Qt::ActionsContextMenu);
    applyFilterControls();
}

// Everything reload() reads, gathered on any thread from a store of that thread.
struct WorkbenchSnapshot {
    QList<DepartmentRecord> departments;
    QHash<QString, QHash<QString, int>> history;
    QString countyCode;
    qint64 lastEventId = 0;
    QList<TicketRow> rows;
};

static WorkbenchSnapshot readSnapshot(const CountyStore& store, qint64 now) {
    WorkbenchSnapshot s;
    s.departments = store.departments();
    s.history = TicketQueries::routingHistory(store, now - 90 * 86400LL);
    s.countyCode = store.info().code;
    // The event id first: a change made while the rows are read is then picked up again.
    s.lastEventId = TicketQueries::lastEventId(store);
    s.rows = TicketQueries::rows(store);
    return s;
}

void DispatchWorkbench::reload() {
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    apply(readSnapshot(m_service.store(), now), now);
}

void DispatchWorkbench::reloadInBackground() {
    if (m_loading)
        return;
    m_loading = true;
    m_counts->setText(tr("正在载入工单…"));
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    readCountyInBackground(
        m_service.store().path(), this, [now](CountyStore& store) { return readSnapshot(store, now); },
        [this, now](WorkbenchSnapshot snapshot, const QString& error) {
            m_loading = false;
            if (!error.isEmpty()) {
                m_counts->setText(
                    tr("<span style='color:#c62828'>无法载入工单：%1</span>").arg(error.toHtmlEscaped()));
                return;
            }
            apply(std::move(snapshot), now);
            Q_EMIT loaded();
        });
}

void DispatchWorkbench::apply(WorkbenchSnapshot snapshot, qint64 now) {
    m_router.setDepartments(snapshot.departments);
    m_router.setHistory(std::move(snapshot.history));
    m_queue->setCountyCode(snapshot.countyCode);
    m_queue->setNow(now);
    m_lastEventId = snapshot.lastEventId;
    m_queue->setRows(std::move(snapshot.rows));
    m_departments->setDepartments(snapshot.departments, snapshot.countyCode);
    m_departments->setLoads(TicketQueries::departmentLoads(m_queue->rows(), m_queue->now()));
    m_departmentView->expandAll();
    m_queueView->sortByColumn(m_proxy->sortColumn(), m_proxy->sortOrder());
}

void DispatchWorkbench::applyFilterControls() {
    TicketQueueFilter f;
    const int state = m_state->currentData().toInt();
    if (state == AwaitingDispatch)
        f.states = TicketQueueFilter::awaitingDispatch();
    else if (state == AllOpen)
        f.states = TicketQueueFilter::openStates();
    else if (state >= 0)
        f.states = {static_cast<TicketState>(state)};
    f.categoryPrefix = m_category->currentData().toString();
    if (m_source->currentData().toInt() >= 0)
        f.source = static_cast<TicketSource>(m_source->currentData().toInt());
    if (m_priority->currentData().toInt() >= 0)
        f.priority = static_cast<TicketPriority>(m_priority->currentData().toInt());
    f.gridCodePrefix = m_grid->text().trimmed();
    f.text = m_search->text();
    f.overdueOnly = m_overdue->isChecked();
    m_proxy->setFilter(f);
}

void DispatchWorkbench::updateCounts() {
    QStringList parts;
    for (TicketState s : allTicketStates())
        if (const int n = m_proxy->countInState(s))
            parts << tr("%1 %L2").arg(displayName(s)).arg(n);
    parts << tr("<span style='color:#c62828'>超期 %L1</span>").arg(m_proxy->overdueCount());
    m_counts->setText(tr("显示 %L1 件 · ").arg(m_proxy->rowCount()) + parts.join(QStringLiteral(" · ")));
}

QString DispatchWorkbench::describeTickets(const QList<qint64>& ids) const {
    const auto one = [this](qint64 id) {
        const int row = m_queue->rowOfTicket(id);
        const QString title = row >= 0 ? m_queue->rowAt(row).title : QString();
        return title.isEmpty() ? QString::number(id) : tr("%1「%2」").arg(id).arg(title);
    };
    if (ids.size() == 1)
        return tr("工单 %1").arg(one(ids.first()));
    QStringList some;
    for (qint64 id : ids.mid(0, 5))
        some << one(id);
    if (ids.size() > 5)
        some << tr("…");
    return tr("%1 件工单：%2").arg(ids.size()).arg(some.join(tr("、")));
}

QPixmap DispatchWorkbench::dragImage(const QList<qint64>& ids, QPoint* hotSpot) const {
    const QFontMetrics metrics(m_queueView->font());
    const QString text = metrics.elidedText(describeTickets(ids).section(u'\n', 0, 0), Qt::ElideRight,
                                            metrics.averageCharWidth() * 40);
    const QSize size(metrics.horizontalAdvance(text) + 16, metrics.height() + 8);
    const qreal dpr = m_queueView->devicePixelRatioF();
    QPixmap pixmap(size * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QColor(0x26, 0x32, 0x38));
    p.setBrush(QColor(0xff, 0xff, 0xff, 235));
    p.drawRoundedRect(QRectF(QPointF(0.5, 0.5), QSizeF(size) - QSizeF(1, 1)), 4, 4);
    p.setFont(m_queueView->font());
    p.drawText(QRect(QPoint(0, 0), size), Qt::AlignCenter, text);
    p.end();
    // The hot spot is the pointer's place in the image: outside it, the image sits beside the
    // pointer, clear of the row under it (rows are about one line high).
    const int gap = metrics.height();
    *hotSpot = QPoint(-gap, -gap);
    return pixmap;
}

QList<qint64> DispatchWorkbench::selectedTickets() const {
    QList<qint64> out;
    for (const QModelIndex& i : m_queueView->selectionModel()->selectedRows())
        out << m_proxy->ticketAt(i.row());
    return out;
}

void DispatchWorkbench::selectTicket(qint64 id) {
    if (m_proxy->rowOfTicket(id) < 0 && m_queue->rowOfTicket(id) >= 0) {
        m_state->setCurrentIndex(m_state->findData(int(Everything)));
        m_category->setCurrentIndex(0);
        m_source->setCurrentIndex(0);
        m_priority->setCurrentIndex(0);
        m_grid->clear();
        m_search->clear();
        m_overdue->setChecked(false);
    }
    const int row = m_proxy->rowOfTicket(id);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->index(row, 0);
    m_queueView->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                              QItemSelectionModel::Rows);
    m_queueView->scrollTo(index);
}

bool DispatchWorkbench::isInFilteredQueue(qint64 id) const {
    const int source = m_queue->rowOfTicket(id);
    return source >= 0 && m_proxy->acceptsRow(m_queue->rowAt(source));
}

void DispatchWorkbench::updateOutsideFilterMark() {
    if (!m_detail) // the queue's first filter is set before the detail exists
        return;
    const qint64 shown = m_detail->ticketId();
    const bool outside = shown > 0 && !isInFilteredQueue(shown);
    m_detail->setOutsideFilter(outside);
    // Back in the queue (an undo, a wider filter) while nothing else was picked: select it again.
    if (!outside && shown > 0 && !m_queueView->currentIndex().isValid() && m_proxy->rowOfTicket(shown) >= 0)
        selectTicket(shown);
}

void DispatchWorkbench::onCurrentTicketChanged(const QModelIndex& current, const QModelIndex& previous) {
    const qint64 shown = m_detail->ticketId();
    const qint64 id = current.isValid() ? m_proxy->ticketAt(current.row()) : 0;
    // The current row moved because the ticket being worked on left the filtered queue (a
    // dispatch, another seat's change): the operator did not pick another ticket. The detail
    // keeps it, marked, and no neighbour stays selected for Ctrl+D to act on.
    if (shown > 0 && id != shown && previous.isValid() && m_proxy->ticketAt(previous.row()) == shown &&
        !isInFilteredQueue(shown)) {
        m_detail->setOutsideFilter(true);
        QTimer::singleShot(0, this, [this, shown] {
            if (m_detail->ticketId() == shown && !isInFilteredQueue(shown))
                m_queueView->selectionModel()->clear();
        });
        return;
    }
    if (id <= 0) { // nothing current (a filter emptied the queue, the selection was cleared)
        updateOutsideFilterMark();
        return;
    }
    m_detail->showTicket(id);
    m_detail->setOutsideFilter(false);
    const int source = m_queue->rowOfTicket(id);
    if (source < 0) {
        m_departments->setSuggested({});
        return;
    }
    const TicketRow& r = m_queue->rowAt(source);
    QStringList codes;
    for (const RouteSuggestion& s : m_router.suggest(r.category, r.gridCode))
        codes << s.departmentCode;
    m_departments->setSuggested(codes);
    Q_EMIT ticketSelected(id, r.lon, r.lat, r.gridCode);
}

void DispatchWorkbench::chooseDepartmentForSelection() {
    const QList<qint64> ids = selectedTickets();
    if (ids.isEmpty()) {
        Q_EMIT message(tr("请先在队列中选择工单"));
        return;
    }
    const TicketRow& first = m_queue->rowAt(m_queue->rowOfTicket(ids.first()));
    const auto code = DepartmentChooser::choose(m_queuePanel, tr("交办 %1 件工单").arg(ids.size()),
                                                m_service.store().departments(),
                                                m_router.suggest(first.category, first.gridCode));
    if (!code)
        return;
    QList<TicketRef> refs;
    bool reassign = false;
    for (qint64 id : ids) {
        const TicketRow& r = m_queue->rowAt(m_queue->rowOfTicket(id));
        refs << TicketRef{id, r.version};
        reassign |= r.state == TicketState::Dispatched || r.state == TicketState::InProgress;
    }
    QString reason;
    if (reassign) {
        bool ok = false;
        reason = QInputDialog::getText(m_queuePanel, tr("改派"), tr("改派原因："), QLineEdit::Normal,
                                       QString(), &ok);
        if (!ok)
            return;
    }
    QStringList errors;
    for (const ActionOutcome& o : m_service.sendToDepartment(refs, *code, QString(), reason))
        if (!o.ok)
            errors << o.error;
    if (!errors.isEmpty())
        Q_EMIT message(errors.join(QStringLiteral("；")));
}

void DispatchWorkbench::undoLastDispatch() {
    // The same as the notification's button, within the same window.
    if (!m_undoBar->takeBack())
        Q_EMIT message(tr("没有可撤销的交办（交办后 %1 秒内可撤销）").arg(TicketService::kUndoWindowSeconds));
}

void DispatchWorkbench::setAskOnDrop(bool ask) {
    if (!ask) {
        m_departments->setDropConfirmation({});
        return;
    }
    m_departments->setDropConfirmation(
        [this](const TicketDragPayload& payload, const DepartmentRecord& d,
               bool isReassign) -> std::optional<DepartmentTreeModel::DropDetails> {
            QList<qint64> ids;
            for (const TicketDragItem& item : payload.items)
                ids << item.id;
            // Ticket and department in full in the body: a narrow dialog cuts its title, never its text.
            const QString what = tr("%1\n给 %2（%3）").arg(describeTickets(ids), d.name, d.code);
            const auto ask = [this](const QString& title, const QString& body) -> std::optional<QString> {
                QInputDialog dialog(m_departmentView);
                dialog.setObjectName(QStringLiteral("dropConfirmation"));
                dialog.setWindowTitle(title);
                dialog.setLabelText(body);
                dialog.setMinimumWidth(dialog.fontMetrics().averageCharWidth() * 48);
                if (dialog.exec() != QDialog::Accepted)
                    return std::nullopt;
                return dialog.textValue();
            };
            DepartmentTreeModel::DropDetails details;
            if (isReassign) {
                const auto reason = ask(tr("确认改派"), tr("改派 %1\n\n改派原因：").arg(what));
                if (!reason)
                    return std::nullopt;
                details.reason = *reason;
            }
            const auto note = ask(tr("确认交办"), tr("交办 %1\n\n交办备注（可留空）：").arg(what));
            if (!note)
                return std::nullopt;
            details.note = *note;
            return details;
        });
}

void DispatchWorkbench::setExternalChangePolling(int intervalMs) {
    if (!m_poll) {
        m_poll = new QTimer(this);
        connect(m_poll, &QTimer::timeout, this, &DispatchWorkbench::pollExternalChanges);
    }
    if (intervalMs > 0)
        m_poll->start(intervalMs);
    else
        m_poll->stop();
}

int DispatchWorkbench::pollExternalChanges() {
    if (m_loading)
        return 0; // the snapshot being read includes these changes
    const QList<qint64> ids = TicketQueries::ticketsChangedSince(m_service.store(), &m_lastEventId);
    QList<qint64> changed;
    for (qint64 id : ids) {
        const std::optional<TicketRow> row = TicketQueries::row(m_service.store(), id);
        if (!row)
            continue;
        // Our own actions are already in the queue; only what differs is news.
        const int r = m_queue->rowOfTicket(id);
        if (r >= 0 && m_queue->rowAt(r).version == row->version)
            continue;
        m_queue->updateTicket(*row);
        if (m_detail->ticketId() == id)
            m_detail->showTicket(id);
        changed << id;
    }
    if (!changed.isEmpty())
        Q_EMIT ticketsChanged(changed);
    return int(changed.size());
}

void DispatchWorkbench::onTicketChanged(const Ticket& ticket, const TicketEvent& event) {
    m_queue->updateTicket(TicketRow::of(ticket));
    if (event.action == TicketAction::Dispatch || event.action == TicketAction::Reassign)
        m_router.recordDispatch(ticket.category, ticket.departmentCode);
    if (m_detail->ticketId() == ticket.id)
        m_detail->showTicket(ticket.id);
    Q_EMIT ticketsChanged({ticket.id});
}

} // namespace gc::dispatch
