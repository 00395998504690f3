#pragma once

#include <QPersistentModelIndex>
#include <QTimer>
#include <QTreeView>

namespace gc::dispatch {

class DepartmentTreeModel;

// The department tree as a drop target: while tickets are dragged over it, the row under the
// pointer is highlighted and named (tooltip and dropHint(), which the window shows in its status
// bar), with why a drop there would be refused, before anything is dropped. The department
// named is always the one a drop lands on: the tree scrolls by itself only in a narrow band at
// its top and bottom edge, one row at a time and slowly, and names the new row after each step;
// a drop on any other row than the one named is refused.
class DepartmentTreeView : public QTreeView {
    Q_OBJECT
public:
    // Pointer this close (px) to the top or bottom edge scrolls the tree while dragging …
    static constexpr int kAutoScrollBand = 8;
    // … by one row every this many milliseconds.
    static constexpr int kAutoScrollIntervalMs = 400;

    explicit DepartmentTreeView(QWidget* parent = nullptr);

    DepartmentTreeModel* departmentModel() const;
    // The last hint shown while dragging (empty when none).
    QString lastDropHint() const { return m_lastHint; }
    // The row under the pointer while dragging (the one the hint names), highlighted.
    QModelIndex dropTarget() const { return m_target; }

Q_SIGNALS:
    // While dragging: `allowed` false with the reason, or true with what a drop would do.
    // Empty text when the drag left or ended.
    void dropHint(const QString& text, bool allowed);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void drawRow(QPainter* painter, const QStyleOptionViewItem& option,
                 const QModelIndex& index) const override;

private:
    void explain(const QMimeData* data, const QPoint& pos);
    void followPointer(const QMimeData* data, const QPoint& pos);
    void autoScrollStep();
    void endDrag();

    QString m_lastHint;
    QPersistentModelIndex m_target;
    bool m_targetAllowed = false;
    // The drag in progress (its data lives as long as the drag) and where the pointer is.
    const QMimeData* m_dragData = nullptr;
    QPoint m_dragPos;
    int m_scrollDirection = 0; // -1 up, +1 down, 0 none
    QTimer m_scrollTimer;
};

} // namespace gc::dispatch
