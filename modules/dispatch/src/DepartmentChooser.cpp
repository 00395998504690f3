#include "gc/dispatch/DepartmentChooser.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace gc::dispatch {

namespace {
constexpr int kCodeRole = Qt::UserRole + 1;
constexpr int kSearchRole = Qt::UserRole + 2;
} // namespace

DepartmentChooser::DepartmentChooser(const QList<DepartmentRecord>& departments,
                                     const QList<RouteSuggestion>& suggestions, QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(tr("选择承办部门"));
    auto* layout = new QVBoxLayout(this);
    auto* hint = new QLabel(tr("输入部门名称或编码筛选，↑↓ 选择，回车确认（★ 为推荐部门）"), this);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("departmentSearch"));
    m_search->setPlaceholderText(tr("如：城管、JD…"));
    m_search->setClearButtonEnabled(true);
    m_model = new QStandardItemModel(this);
    QHash<QString, const DepartmentRecord*> byCode;
    for (const DepartmentRecord& d : departments)
        byCode.insert(d.code, &d);
    QSet<QString> added;
    for (int i = 0; i < suggestions.size(); ++i) {
        const DepartmentRecord* d = byCode.value(suggestions[i].departmentCode);
        if (!d)
            continue;
        auto* item =
            new QStandardItem(tr("★%1 %2（%3）— %4").arg(i + 1).arg(d->name, d->code, suggestions[i].why));
        item->setData(d->code, kCodeRole);
        item->setData(QString(d->name + u' ' + d->code), kSearchRole);
        m_model->appendRow(item);
        added.insert(d->code);
    }
    for (const DepartmentRecord& d : departments) {
        if (added.contains(d.code) || !DepartmentRouter::isDispatchable(d))
            continue;
        auto* item = new QStandardItem(tr("%1（%2）").arg(d.name, d.code));
        item->setData(d.code, kCodeRole);
        item->setData(QString(d.name + u' ' + d.code), kSearchRole);
        m_model->appendRow(item);
    }
    m_filter = new QSortFilterProxyModel(this);
    m_filter->setSourceModel(m_model);
    m_filter->setFilterRole(kSearchRole);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("departmentList"));
    m_list->setModel(m_filter);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(hint);
    layout->addWidget(m_search);
    layout->addWidget(m_list);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListView::doubleClicked, this, &QDialog::accept);
    connect(m_search, &QLineEdit::textChanged, this, &DepartmentChooser::setFilterText);
    m_search->installEventFilter(this);
    setFilterText(QString());
    resize(460, 420);
}

void DepartmentChooser::setFilterText(const QString& text) {
    if (m_search->text() != text)
        m_search->setText(text);
    m_filter->setFilterFixedString(text.trimmed());
    if (m_filter->rowCount() > 0)
        m_list->setCurrentIndex(m_filter->index(0, 0));
}

QString DepartmentChooser::selectedCode() const {
    return m_list->currentIndex().data(kCodeRole).toString();
}

bool DepartmentChooser::eventFilter(QObject* watched, QEvent* event) {
    // Arrow keys in the search field move through the list, so typing never stops.
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Up || key == Qt::Key_Down || key == Qt::Key_PageUp || key == Qt::Key_PageDown) {
            QCoreApplication::sendEvent(m_list, event);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

std::optional<QString> DepartmentChooser::choose(QWidget* parent, const QString& title,
                                                 const QList<DepartmentRecord>& departments,
                                                 const QList<RouteSuggestion>& suggestions) {
    DepartmentChooser chooser(departments, suggestions, parent);
    if (!title.isEmpty())
        chooser.setWindowTitle(title);
    if (chooser.exec() != QDialog::Accepted || chooser.selectedCode().isEmpty())
        return std::nullopt;
    return chooser.selectedCode();
}

} // namespace gc::dispatch
