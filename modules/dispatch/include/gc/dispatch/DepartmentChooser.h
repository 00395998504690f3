#pragma once

#include "gc/dispatch/DepartmentRouter.h"

#include <QDialog>
#include <optional>

class QLineEdit;
class QListView;
class QSortFilterProxyModel;
class QStandardItemModel;

namespace gc::dispatch {

// The keyboard way to dispatch (Ctrl+D): type part of a department's name or code,
// arrow keys, Enter. The suggested departments come first.
class DepartmentChooser : public QDialog {
    Q_OBJECT
public:
    DepartmentChooser(const QList<DepartmentRecord>& departments, const QList<RouteSuggestion>& suggestions,
                      QWidget* parent = nullptr);

    QString selectedCode() const;
    QLineEdit* searchField() const { return m_search; }
    QListView* list() const { return m_list; }
    void setFilterText(const QString& text);

    // Shows the chooser; the chosen department code, or nullopt when cancelled.
    static std::optional<QString> choose(QWidget* parent, const QString& title,
                                         const QList<DepartmentRecord>& departments,
                                         const QList<RouteSuggestion>& suggestions);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QLineEdit* m_search = nullptr;
    QListView* m_list = nullptr;
    QStandardItemModel* m_model = nullptr;
    QSortFilterProxyModel* m_filter = nullptr;
};

} // namespace gc::dispatch
