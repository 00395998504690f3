#include "ValidationDock.h"

#include "gc/geo/Geometry.h"
#include "gc/store/CountyStore.h"
#include "gc/store/CountyValidation.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QThread>
#include <QVBoxLayout>

#include <cmath>

namespace {

enum Column { KindColumn, CodesColumn, AreaColumn, DetailColumn, ColumnCount };
constexpr int kBoundsRole = Qt::UserRole + 1;
constexpr int kCodeRole = Qt::UserRole + 2;

struct Row {
    QString kind;
    QStringList codes;
    double area = 0;
    QString detail;
    QRectF bounds;
};

} // namespace

ValidationDock::ValidationDock(const QString& countyPath, QWidget* parent)
    : QDockWidget(tr("网格检查"), parent), m_countyPath(countyPath) {
    auto* body = new QWidget(this);
    m_level = new QComboBox(body);
    m_level->addItem(tr("全部层级"), 0);
    for (int l = 1; l <= gc::kGridLevelCount; ++l)
        m_level->addItem(gc::GridLevels::displayName(static_cast<gc::GridLevel>(l)), l);
    m_runButton = new QPushButton(tr("检查"), body);
    m_cancelButton = new QPushButton(tr("取消"), body);
    m_cancelButton->setEnabled(false);
    m_status = new QLabel(body);
    m_table = new QTableWidget(0, ColumnCount, body);
    m_table->setHorizontalHeaderLabels({tr("问题"), tr("编码"), tr("面积（m²）"), tr("说明")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSortingEnabled(true);
    auto* top = new QHBoxLayout;
    top->addWidget(m_level);
    top->addWidget(m_runButton);
    top->addWidget(m_cancelButton);
    top->addWidget(m_status, 1);
    auto* layout = new QVBoxLayout(body);
    layout->addLayout(top);
    layout->addWidget(m_table);
    setWidget(body);
    connect(m_runButton, &QPushButton::clicked, this, &ValidationDock::run);
    connect(m_cancelButton, &QPushButton::clicked, this, &ValidationDock::cancel);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ValidationDock::onSelectionChanged);
}

ValidationDock::~ValidationDock() {
    if (m_thread) {
        m_cancel->store(true);
        m_thread->wait();
    }
}

int ValidationDock::findingCount() const {
    return m_table->rowCount();
}

void ValidationDock::selectFinding(int row) {
    m_table->selectRow(row);
}

void ValidationDock::run() {
    if (m_thread)
        return;
    const int levelNumber = m_level->currentData().toInt();
    const std::optional<gc::GridLevel> level =
        levelNumber > 0 ? std::optional<gc::GridLevel>(static_cast<gc::GridLevel>(levelNumber))
                        : std::nullopt;
    const QString county = m_countyPath;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    const auto cancel = m_cancel;
    m_runButton->setEnabled(false);
    m_cancelButton->setEnabled(true);
    m_status->setText(tr("正在检查…"));
    m_thread = QThread::create([this, county, level, cancel] {
        QString error;
        QList<Row> rows;
        double seconds = 0;
        {
            auto store = gc::CountyStore::open(county, &error, gc::CountyStore::Access::ReadOnly);
            if (store) {
                for (const gc::LevelValidation& result :
                     gc::CountyValidation::run(*store, level, {}, cancel.get())) {
                    seconds += result.stats.seconds;
                    for (const gc::geo::ValidationFinding& f : result.findings)
                        rows << Row{gc::geo::findingKindName(f.kind), f.codes, f.areaM2, f.detail,
                                    gc::geo::bounds(f.wkb)};
                }
            }
        }
        const bool cancelled = cancel->load();
        QMetaObject::invokeMethod(
            this,
            [this, rows, error, seconds, cancelled] {
                m_thread->wait();
                m_thread = nullptr;
                m_runButton->setEnabled(true);
                m_cancelButton->setEnabled(false);
                m_table->setSortingEnabled(false);
                m_table->setRowCount(int(rows.size()));
                for (int r = 0; r < rows.size(); ++r) {
                    const Row& row = rows[r];
                    auto* kind = new QTableWidgetItem(row.kind);
                    kind->setData(kBoundsRole, row.bounds);
                    kind->setData(kCodeRole, row.codes.value(0));
                    m_table->setItem(r, KindColumn, kind);
                    m_table->setItem(r, CodesColumn,
                                     new QTableWidgetItem(row.codes.join(QStringLiteral("、"))));
                    auto* area = new QTableWidgetItem;
                    area->setData(Qt::DisplayRole, std::round(row.area * 10) / 10);
                    m_table->setItem(r, AreaColumn, area);
                    m_table->setItem(r, DetailColumn, new QTableWidgetItem(row.detail));
                }
                m_table->setSortingEnabled(true);
                m_table->resizeColumnsToContents();
                if (!error.isEmpty())
                    m_status->setText(error);
                else if (cancelled)
                    m_status->setText(tr("已取消；显示已发现的 %1 个问题").arg(rows.size()));
                else if (rows.isEmpty())
                    m_status->setText(
                        tr("未发现问题：全覆盖、无缝隙、无重叠（%1 s）").arg(seconds, 0, 'f', 1));
                else
                    m_status->setText(tr("发现 %1 个问题（%2 s）").arg(rows.size()).arg(seconds, 0, 'f', 1));
                Q_EMIT validationFinished(int(rows.size()));
            },
            Qt::QueuedConnection);
    });
    connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    m_thread->start();
}

void ValidationDock::cancel() {
    if (m_thread)
        m_cancel->store(true);
}

void ValidationDock::onSelectionChanged() {
    const QList<QTableWidgetItem*> selected = m_table->selectedItems();
    if (selected.isEmpty())
        return;
    const QTableWidgetItem* kind = m_table->item(selected.first()->row(), KindColumn);
    if (!kind)
        return;
    Q_EMIT findingSelected(kind->data(kCodeRole).toString(), kind->data(kBoundsRole).toRectF());
}
