#pragma once

#include <QTreeView>

namespace gc::dispatch {

class DepartmentTreeModel;

// The department tree as a drop target: while tickets are dragged over it, it says
// under the cursor (tooltip) and through dropHint() whether and why a drop would be
// refused, before anything is dropped.
class DepartmentTreeView : public QTreeView {
    Q_OBJECT
public:
    explicit DepartmentTreeView(QWidget* parent = nullptr);

    DepartmentTreeModel* departmentModel() const;
    // The last hint shown while dragging (empty when none).
    QString lastDropHint() const { return m_lastHint; }

Q_SIGNALS:
    // While dragging: `allowed` false with the reason, or true with what a drop would do.
    void dropHint(const QString& text, bool allowed);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void explain(const QMimeData* data, const QPoint& pos);
    QString m_lastHint;
};

} // namespace gc::dispatch
