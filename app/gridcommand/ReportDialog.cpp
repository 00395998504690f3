// File → 导出报告…: choose a period, preview the report's pages, save it as PDF or XLSX.
#include "ReportDialog.h"

#include "MainWindow.h"

#include "gc/core/ChinaTime.h"
#include "gc/store/CountyStore.h"

#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

using namespace gc;

namespace {
// Preview pages at 1.3 pixels per point: an A4 page is 774 × 1095 pixels, readable on a 1080p screen.
constexpr double kPreviewScale = 1.3;
} // namespace

void ReportDialog::addTo(MainWindow* window) {
    QMenu* file = window->menu(QStringLiteral("file"));
    // Above the separator that precedes Quit, as MainWindow asks of module actions.
    const QList<QAction*> existing = file->actions();
    QAction* before = existing.size() >= 2 ? existing.at(existing.size() - 2) : nullptr;
    auto* action = new QAction(tr("导出报告(&R)…"), window);
    action->setStatusTip(tr("周报、月报：受理、办结、超期、满意率，各街道和部门，风险变化；PDF 或 Excel"));
    file->insertAction(before, action);
    connect(action, &QAction::triggered, window, [window] {
        ReportDialog dialog(window->store().path(), window);
        connect(&dialog, &ReportDialog::saved, window,
                [window](const QString& path) { window->showStatus(tr("报告已保存：%1").arg(path)); });
        dialog.exec();
    });
}

ReportDialog::ReportDialog(const QString& countyPath, QWidget* parent)
    : QDialog(parent), m_countyPath(countyPath) {
    setWindowTitle(tr("导出报告"));
    resize(1100, 860);
    const QDate today = chinaNow().date();
    int isoYear = 0;
    const int lastWeek = today.addDays(-7).weekNumber(&isoYear);
    const QString lastWeekKey = ReportPeriod::isoWeek(isoYear, lastWeek).key();
    const QDate lastMonthDay = today.addMonths(-1);
    const QString lastMonthKey = ReportPeriod::month(lastMonthDay.year(), lastMonthDay.month()).key();
    const QString thisMonthKey = ReportPeriod::month(today.year(), today.month()).key();

    m_quick = new QComboBox(this);
    m_quick->addItem(tr("上周（%1）").arg(lastWeekKey), lastWeekKey);
    m_quick->addItem(tr("上月（%1）").arg(lastMonthKey), lastMonthKey);
    m_quick->addItem(tr("本月（%1）").arg(thisMonthKey), thisMonthKey);
    m_quick->addItem(tr("自定义"), QString());
    m_periodText = new QLineEdit(lastWeekKey, this);
    m_periodText->setToolTip(tr("2026-W47（ISO 周）、2026-11（月）或 2026-11-01..2026-11-30（日期范围）"));
    m_floor = new QDoubleSpinBox(this);
    m_floor->setRange(50, 100);
    m_floor->setDecimals(0);
    m_floor->setSuffix(QStringLiteral(" %"));
    m_floor->setValue(85);
    m_floor->setToolTip(tr("满意率低于此值的街道和部门在报告中点名"));
    auto* previewButton = new QPushButton(tr("预览"), this);
    m_saveButton = new QPushButton(tr("保存…"), this);
    m_saveButton->setEnabled(false);
    auto* closeButton = new QPushButton(tr("关闭"), this);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("时段"), m_quick);
    form->addRow(QString(), m_periodText);
    form->addRow(tr("满意率底线"), m_floor);
    auto* side = new QVBoxLayout;
    side->addLayout(form);
    side->addWidget(previewButton);
    side->addWidget(m_saveButton);
    side->addWidget(m_status);
    side->addStretch();
    side->addWidget(closeButton);

    m_pagesWidget = new QWidget;
    m_pagesWidget->setStyleSheet(QStringLiteral("background: #6b7178;"));
    m_pagesLayout = new QVBoxLayout(m_pagesWidget);
    m_pagesLayout->setSpacing(16);
    m_pagesLayout->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    m_scroll = new QScrollArea(this);
    m_scroll->setWidget(m_pagesWidget);
    m_scroll->setWidgetResizable(true);

    auto* layout = new QHBoxLayout(this);
    auto* sideWidget = new QWidget(this);
    sideWidget->setLayout(side);
    sideWidget->setFixedWidth(260);
    layout->addWidget(sideWidget);
    layout->addWidget(m_scroll, 1);

    connect(m_quick, &QComboBox::currentIndexChanged, this, [this](int index) {
        const QString key = m_quick->itemData(index).toString();
        if (!key.isEmpty()) {
            m_periodText->setText(key);
            refreshPreview();
        } else {
            m_periodText->setFocus();
        }
    });
    connect(m_periodText, &QLineEdit::returnPressed, this, &ReportDialog::refreshPreview);
    connect(previewButton, &QPushButton::clicked, this, &ReportDialog::refreshPreview);
    connect(m_saveButton, &QPushButton::clicked, this, &ReportDialog::chooseFileAndSave);
    connect(closeButton, &QPushButton::clicked, this, &ReportDialog::reject);
    connect(&m_watcher, &QFutureWatcher<Built>::finished, this, &ReportDialog::showBuilt);
    refreshPreview();
}

ReportDialog::~ReportDialog() {
    m_watcher.waitForFinished();
}

void ReportDialog::setPeriodText(const QString& text) {
    m_quick->setCurrentIndex(m_quick->count() - 1);
    m_periodText->setText(text);
}

std::optional<ReportPeriod> ReportDialog::period(QString* error) const {
    return ReportPeriod::parse(m_periodText->text(), error);
}

void ReportDialog::refreshPreview() {
    if (m_watcher.isRunning())
        return;
    QString error;
    const std::optional<ReportPeriod> chosen = period(&error);
    if (!chosen) {
        m_lastMessage = error;
        m_status->setText(error);
        return;
    }
    report::ReportOptions options;
    options.satisfactionFloor = m_floor->value() / 100.0;
    m_saveButton->setEnabled(false);
    m_status->setText(tr("正在统计 %1…").arg(chosen->title()));
    const QString path = m_countyPath;
    const QDateTime asOf = chinaNow();
    // A store of its own on the worker thread: QtSql connections belong to the thread that made them.
    m_watcher.setFuture(QtConcurrent::run([path, period = *chosen, asOf, options] {
        Built built;
        auto store = CountyStore::open(path, &built.error, CountyStore::Access::ReadOnly);
        if (!store)
            return built;
        built.content = report::buildReport(*store, period, asOf, options);
        built.pages = report::renderPageImages(*built.content, kPreviewScale);
        return built;
    }));
}

void ReportDialog::showBuilt() {
    Built built = m_watcher.result();
    while (QLayoutItem* item = m_pagesLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_content = built.content;
    m_pageCount = int(built.pages.size());
    if (!m_content) {
        m_lastMessage = built.error;
        m_status->setText(built.error);
        return;
    }
    for (const QImage& page : std::as_const(built.pages)) {
        auto* label = new QLabel(m_pagesWidget);
        label->setPixmap(QPixmap::fromImage(page));
        label->setFixedSize(page.size());
        m_pagesLayout->addWidget(label, 0, Qt::AlignHCenter);
    }
    m_status->setText(tr("%1：%2 页，受理 %3 件，办结率 %4，满意率 %5")
                          .arg(m_content->period.title())
                          .arg(m_pageCount)
                          .arg(m_content->totals.received)
                          .arg(report::percentText(m_content->totals.closureRate),
                               report::percentText(m_content->totals.satisfactionRate)));
    m_saveButton->setEnabled(true);
    Q_EMIT previewReady();
}

bool ReportDialog::saveTo(const QString& path, report::ReportFormat format) {
    if (!m_content) {
        m_lastMessage = tr("还没有可保存的报告");
        return false;
    }
    QString error;
    if (!report::writeReport(*m_content, format, path, &error)) {
        m_lastMessage = error;
        m_status->setText(error);
        return false;
    }
    m_lastMessage = tr("报告已保存：%1").arg(path);
    m_status->setText(m_lastMessage);
    Q_EMIT saved(path);
    return true;
}

void ReportDialog::chooseFileAndSave() {
    if (!m_content)
        return;
    const QString suggested =
        QFileInfo(m_countyPath)
            .absoluteDir()
            .filePath(QStringLiteral("%1-%2.pdf").arg(m_content->countyName, m_content->period.title()));
    QString selectedFilter;
    const QString pdfFilter = tr("PDF 文件 (*.pdf)");
    const QString xlsxFilter = tr("Excel 工作簿 (*.xlsx)");
    QString path = QFileDialog::getSaveFileName(
        this, tr("保存报告"), suggested, pdfFilter + QStringLiteral(";;") + xlsxFilter, &selectedFilter);
    if (path.isEmpty())
        return;
    const bool xlsx =
        selectedFilter == xlsxFilter || path.endsWith(QLatin1String(".xlsx"), Qt::CaseInsensitive);
    if (xlsx && !path.endsWith(QLatin1String(".xlsx"), Qt::CaseInsensitive))
        path += QStringLiteral(".xlsx");
    saveTo(path, xlsx ? report::ReportFormat::Xlsx : report::ReportFormat::Pdf);
}
