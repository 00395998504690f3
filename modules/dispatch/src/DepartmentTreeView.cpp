#include "gc/dispatch/DepartmentTreeView.h"

#include "gc/dispatch/DepartmentTreeModel.h"

#include <QDragMoveEvent>
#include <QHeaderView>
#include <QMimeData>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>

namespace gc::dispatch {

DepartmentTreeView::DepartmentTreeView(QWidget* parent) : QTreeView(parent) {
    setAcceptDrops(true);
    setDragDropMode(QAbstractItemView::DropOnly);
    // Drops land on a department, never between two of them.
    setDragDropOverwriteMode(true);
    // The row under the pointer is highlighted here (drawRow), where it stays right while the
    // tree scrolls; Qt's indicator is placed at the last move and would lag behind a scroll.
    setDropIndicatorShown(false);
    // Qt's own auto-scroll reacts in a 16 px margin, speeds up to a page per step and never
    // says which row it brought under the pointer: the tree scrolls itself instead.
    setAutoScroll(false);
    m_scrollTimer.setInterval(kAutoScrollIntervalMs);
    connect(&m_scrollTimer, &QTimer::timeout, this, &DepartmentTreeView::autoScrollStep);
    // Whatever scrolls the tree during a drag (the wheel too) renames the row under the pointer.
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, [this] {
        if (m_dragData)
            explain(m_dragData, m_dragPos);
    });
    setDefaultDropAction(Qt::MoveAction);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    header()->setStretchLastSection(false);
}

DepartmentTreeModel* DepartmentTreeView::departmentModel() const {
    return qobject_cast<DepartmentTreeModel*>(model());
}

void DepartmentTreeView::explain(const QMimeData* data, const QPoint& pos) {
    DepartmentTreeModel* m = departmentModel();
    if (!m)
        return;
    const QModelIndex target = indexAt(pos).siblingAtColumn(DepartmentTreeModel::NameColumn);
    const QString refusal = m->dropRefusal(data, target);
    QString text;
    if (refusal.isEmpty()) {
        const DepartmentRecord* d = m->department(target);
        text = tr("松开鼠标：交办给 %1").arg(d ? d->name : QString());
    } else {
        text = tr("不能交办：%1").arg(refusal);
    }
    if (QPersistentModelIndex(target) != m_target || m_targetAllowed != refusal.isEmpty()) {
        m_target = target;
        m_targetAllowed = refusal.isEmpty();
        viewport()->update();
    }
    // Above the pointer: the drag image is below and to its right, the row itself stays clear.
    const int lift = fontMetrics().height() * 2 + 8;
    if (text != m_lastHint || !QToolTip::isVisible())
        QToolTip::showText(viewport()->mapToGlobal(pos) + QPoint(16, -lift), text, viewport());
    m_lastHint = text;
    Q_EMIT dropHint(text, refusal.isEmpty());
}

void DepartmentTreeView::followPointer(const QMimeData* data, const QPoint& pos) {
    m_dragData = data;
    m_dragPos = pos;
    explain(data, pos);
    const QRect area = viewport()->rect();
    const int direction = pos.y() < area.top() + kAutoScrollBand      ? -1
                          : pos.y() > area.bottom() - kAutoScrollBand ? 1
                                                                      : 0;
    if (direction == m_scrollDirection)
        return;
    m_scrollDirection = direction;
    if (direction == 0)
        m_scrollTimer.stop();
    else
        m_scrollTimer.start(); // the first step after a full interval: a pointer passing by does not scroll
}

void DepartmentTreeView::autoScrollStep() {
    QScrollBar* bar = verticalScrollBar();
    const int before = bar->value();
    // One row (the tree scrolls per item) per step; valueChanged names the new row.
    bar->triggerAction(m_scrollDirection < 0 ? QAbstractSlider::SliderSingleStepSub
                                             : QAbstractSlider::SliderSingleStepAdd);
    if (bar->value() == before)
        m_scrollTimer.stop(); // at the end
}

void DepartmentTreeView::endDrag() {
    m_scrollTimer.stop();
    m_scrollDirection = 0;
    m_dragData = nullptr;
    m_target = QPersistentModelIndex();
    QToolTip::hideText();
    m_lastHint.clear();
    viewport()->update();
    Q_EMIT dropHint(QString(), true);
}

void DepartmentTreeView::dragEnterEvent(QDragEnterEvent* event) {
    QTreeView::dragEnterEvent(event);
    // Accept the enter even over a refusing row, so moves keep coming and the reason
    // follows the cursor.
    if (event->mimeData() && departmentModel() &&
        event->mimeData()->hasFormat(departmentModel()->mimeTypes().value(0))) {
        event->accept();
        followPointer(event->mimeData(), event->position().toPoint());
    }
}

void DepartmentTreeView::dragMoveEvent(QDragMoveEvent* event) {
    QTreeView::dragMoveEvent(event);
    followPointer(event->mimeData(), event->position().toPoint());
    // Accepted exactly over a row that takes the drop (Qt's own answer relies on its drop
    // indicator, which is off here).
    if (m_targetAllowed)
        event->acceptProposedAction();
    else
        event->ignore();
}

void DepartmentTreeView::dragLeaveEvent(QDragLeaveEvent* event) {
    QTreeView::dragLeaveEvent(event);
    endDrag();
}

void DepartmentTreeView::dropEvent(QDropEvent* event) {
    // The drop goes to the row under the pointer; it must be the row the hint named.
    const QModelIndex at =
        indexAt(event->position().toPoint()).siblingAtColumn(DepartmentTreeModel::NameColumn);
    const bool named = m_dragData && QPersistentModelIndex(at) == m_target;
    endDrag();
    if (!named) {
        event->ignore();
        Q_EMIT dropHint(tr("未交办：松开时指针下的部门与提示的不同，请重新拖放"), false);
        return;
    }
    QTreeView::dropEvent(event);
}

void DepartmentTreeView::drawRow(QPainter* painter, const QStyleOptionViewItem& option,
                                 const QModelIndex& index) const {
    QTreeView::drawRow(painter, option, index);
    if (!m_target.isValid() || index.siblingAtColumn(DepartmentTreeModel::NameColumn) != m_target)
        return;
    const QColor edge = m_targetAllowed ? QColor(0x1e, 0x88, 0xe5) : QColor(0xc6, 0x28, 0x28);
    QColor fill = edge;
    fill.setAlpha(70);
    const QRect row(0, option.rect.top(), viewport()->width(), option.rect.height());
    painter->save();
    painter->fillRect(row, fill);
    painter->setPen(QPen(edge, 2));
    painter->drawRect(row.adjusted(1, 1, -1, -1));
    painter->restore();
}

} // namespace gc::dispatch
