#include "gc/dispatch/DepartmentTreeView.h"

#include "gc/dispatch/DepartmentTreeModel.h"

#include <QDragMoveEvent>
#include <QHeaderView>
#include <QMimeData>
#include <QToolTip>

namespace gc::dispatch {

DepartmentTreeView::DepartmentTreeView(QWidget* parent) : QTreeView(parent) {
    setAcceptDrops(true);
    setDragDropMode(QAbstractItemView::DropOnly);
    // Drops land on a department, never between two of them.
    setDragDropOverwriteMode(true);
    setDropIndicatorShown(true);
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
    const QModelIndex target = indexAt(pos);
    const QString refusal = m->dropRefusal(data, target);
    QString text;
    if (refusal.isEmpty()) {
        const DepartmentRecord* d = m->department(target);
        text = tr("松开鼠标：交办给 %1").arg(d ? d->name : QString());
    } else {
        text = tr("不能交办：%1").arg(refusal);
    }
    if (text != m_lastHint || !QToolTip::isVisible())
        QToolTip::showText(viewport()->mapToGlobal(pos) + QPoint(16, 16), text, viewport());
    m_lastHint = text;
    Q_EMIT dropHint(text, refusal.isEmpty());
}

void DepartmentTreeView::dragEnterEvent(QDragEnterEvent* event) {
    QTreeView::dragEnterEvent(event);
    // Accept the enter even over a refusing row, so moves keep coming and the reason
    // follows the cursor.
    if (event->mimeData() && departmentModel() &&
        event->mimeData()->hasFormat(departmentModel()->mimeTypes().value(0))) {
        event->accept();
        explain(event->mimeData(), event->position().toPoint());
    }
}

void DepartmentTreeView::dragMoveEvent(QDragMoveEvent* event) {
    QTreeView::dragMoveEvent(event); // asks the model's canDropMimeData
    explain(event->mimeData(), event->position().toPoint());
}

void DepartmentTreeView::dragLeaveEvent(QDragLeaveEvent* event) {
    QTreeView::dragLeaveEvent(event);
    QToolTip::hideText();
    m_lastHint.clear();
    Q_EMIT dropHint(QString(), true);
}

void DepartmentTreeView::dropEvent(QDropEvent* event) {
    QToolTip::hideText();
    QTreeView::dropEvent(event);
    m_lastHint.clear();
    Q_EMIT dropHint(QString(), true);
}

} // namespace gc::dispatch
