// The 考核 dock: period ranking, a worker's scorecard with the events behind each point, on-site
// arrivals, CSV export.
#include "AssessDock.h"

#include "gc/core/ChinaTime.h"
#include "gc/store/CountyStore.h"

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

using namespace gc;

namespace {

QString points(qint64 centipoints) {
    return QString::number(double(centipoints) / 100.0, 'f', 2);
}

QString shortTime(qint64 at) {
    return at > 0 ? fromEpochSeconds(at).toString(QStringLiteral("MM-dd HH:mm")) : QString();
}

QTableWidgetItem* cell(const QString& text, const QVariant& sortKey = {}) {
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    if (sortKey.isValid())
        item->setData(Qt::UserRole, sortKey);
    return item;
}

QString eventName(const QString& kind) {
    if (kind == QLatin1String("ticket"))
        return AssessDock::tr("工单");
    if (kind == QLatin1String("ticket_event"))
        return AssessDock::tr("工单流转");
    if (kind == QLatin1String("checkin"))
        return AssessDock::tr("签到");
    if (kind == QLatin1String("positions"))
        return AssessDock::tr("当日轨迹");
    if (kind == QLatin1String("adjustment"))
        return AssessDock::tr("人工加减分");
    return kind;
}

// CSV field: quoted when it holds a separator, quote or line break.
QString csvField(const QString& s) {
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) && !s.contains(QLatin1Char('\n')))
        return s;
    return QLatin1Char('"') + QString(s).replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
}

} // namespace

AssessDock::AssessDock(const QString& countyPath, bool readOnly, QWidget* parent)
    : QWidget(parent), m_path(countyPath), m_readOnly(readOnly) {
    m_period = new QComboBox(this);
    m_period->setObjectName(QStringLiteral("assessPeriod"));
    const QDate today = chinaNow().date();
    for (int back = 0; back < 6; ++back) {
        const QDate month = QDate(today.year(), today.month(), 1).addMonths(-back);
        m_period->addItem(month.toString(QStringLiteral("yyyy-MM")));
    }
    m_refresh = new QPushButton(tr("刷新"), this);
    m_export = new QPushButton(tr("导出 CSV…"), this);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("assessStatus"));
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("考核周期"), this));
    top->addWidget(m_period);
    top->addWidget(m_refresh);
    top->addStretch();
    top->addWidget(m_export);

    m_ranking = new QTableWidget(this);
    m_ranking->setObjectName(QStringLiteral("assessRanking"));
    m_ranking->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_ranking->setSelectionMode(QAbstractItemView::SingleSelection);
    m_ranking->verticalHeader()->hide();
    m_ranking->setAlternatingRowColors(true);

    auto* cardPage = new QWidget(this);
    m_cardTitle = new QLabel(tr("在排名中选择一名网格员"), cardPage);
    m_cardTitle->setWordWrap(true);
    m_card = new QTreeWidget(cardPage);
    m_card->setObjectName(QStringLiteral("assessScorecard"));
    m_card->setHeaderLabels({tr("考核项 / 记录"), tr("得分"), tr("依据"), tr("时间"), tr("说明")});
    m_card->setAlternatingRowColors(true);
    auto* cardLayout = new QVBoxLayout(cardPage);
    cardLayout->setContentsMargins(0, 0, 0, 0);
    cardLayout->addWidget(m_cardTitle);
    cardLayout->addWidget(m_card);

    m_arrivals = new QTableWidget(this);
    m_arrivals->setObjectName(QStringLiteral("assessArrivals"));
    m_arrivals->setColumnCount(7);
    m_arrivals->setHorizontalHeaderLabels(
        {tr("工单"), tr("网格员"), tr("优先级"), tr("指派核查"), tr("到场"), tr("用时（分）"), tr("按时")});
    m_arrivals->verticalHeader()->hide();
    m_arrivals->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_arrivals->horizontalHeader()->setStretchLastSection(true);

    m_tabs = new QTabWidget(this);
    m_tabs->addTab(m_ranking, tr("排名"));
    m_tabs->addTab(cardPage, tr("积分卡"));
    m_tabs->addTab(m_arrivals, tr("到场"));
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_status);

    connect(m_refresh, &QPushButton::clicked, this, &AssessDock::reload);
    connect(m_period, &QComboBox::currentIndexChanged, this, &AssessDock::reload);
    connect(m_export, &QPushButton::clicked, this, &AssessDock::exportClicked);
    connect(&m_watcher, &QFutureWatcher<Result>::finished, this, [this] { showResult(m_watcher.result()); });
    connect(m_ranking, &QTableWidget::itemSelectionChanged, this, [this] {
        const auto rows = m_ranking->selectionModel()->selectedRows();
        if (!rows.isEmpty())
            showWorker(m_ranking->item(rows.first().row(), 1)->data(Qt::UserRole).toLongLong());
    });
    connect(m_ranking, &QTableWidget::cellDoubleClicked, this, [this](int row) {
        m_tabs->setCurrentIndex(1);
        const QString grid = m_ranking->item(row, 2)->text().section(QLatin1Char(' '), 0, 0);
        if (!grid.isEmpty())
            Q_EMIT gridActivated(grid);
    });
}

AssessDock::Result AssessDock::compute(const QString& countyPath, const QString& period, const QDateTime& now,
                                       bool mayWrite) {
    Result r;
    // Past days' summaries are kept when the county can be written, so the next pass is quick.
    auto store =
        CountyStore::open(countyPath, &r.error,
                          mayWrite && CountyStore::isWritable(countyPath) ? CountyStore::Access::ReadWrite
                                                                          : CountyStore::Access::ReadOnly);
    if (!store)
        return r;
    AssessService assess(*store);
    if (!assess.load(&r.error))
        return r;
    const auto p = AssessPeriod::parse(period, now, &r.error);
    if (!p)
        return r;
    r.period = *p;
    const auto scores = assess.score(*p, 0, now, &r.error);
    if (!scores)
        return r;
    r.scores = *scores;
    const auto arrivals = assess.arrivals(p->from, p->to, &r.error);
    if (arrivals)
        r.arrivals = *arrivals;
    return r;
}

void AssessDock::reload() {
    if (m_watcher.isRunning())
        return;
    m_status->setText(tr("正在计算 %1 的考核积分…").arg(m_period->currentText()));
    m_refresh->setEnabled(false);
    m_watcher.setFuture(
        QtConcurrent::run(&AssessDock::compute, m_path, m_period->currentText(), chinaNow(), !m_readOnly));
}

void AssessDock::showResult(const Result& result) {
    m_result = result;
    m_refresh->setEnabled(true);
    if (!result.error.isEmpty()) {
        m_status->setText(tr("考核未完成：%1").arg(result.error));
        Q_EMIT loaded();
        return;
    }
    fillRanking();
    fillArrivals();
    int onTime = 0;
    for (const ArrivalRecord& a : result.arrivals)
        onTime += a.onTime() ? 1 : 0;
    m_status->setText(tr("%1：%2 名网格员；到场核查 %3 次，按时 %4 次")
                          .arg(result.period.key)
                          .arg(result.scores.size())
                          .arg(result.arrivals.size())
                          .arg(onTime));
    if (!result.scores.isEmpty())
        m_ranking->selectRow(0);
    Q_EMIT loaded();
}

void AssessDock::fillRanking() {
    const QList<WorkerScore>& scores = m_result.scores;
    QStringList headers{tr("名次"), tr("网格员"), tr("网格"), tr("总分")};
    if (!scores.isEmpty())
        for (const AssessItemScore& i : scores.first().items)
            headers << i.label;
    m_ranking->clear();
    m_ranking->setColumnCount(int(headers.size()));
    m_ranking->setHorizontalHeaderLabels(headers);
    m_ranking->setRowCount(int(scores.size()));
    for (int row = 0; row < scores.size(); ++row) {
        const WorkerScore& s = scores[row];
        m_ranking->setItem(row, 0, cell(QString::number(s.rank)));
        m_ranking->setItem(row, 1, cell(s.name, s.workerId));
        m_ranking->setItem(row, 2, cell(s.grids.join(QLatin1Char(' '))));
        m_ranking->setItem(row, 3, cell(points(s.centipoints)));
        for (int i = 0; i < s.items.size(); ++i) {
            auto* item = cell(points(s.items[i].centipoints));
            if (s.items[i].capped)
                item->setToolTip(tr("已达上限或扣完为止"));
            if (s.items[i].centipoints < 0)
                item->setForeground(QColor(0xc0, 0x39, 0x2b));
            m_ranking->setItem(row, 4 + i, item);
        }
    }
    m_ranking->resizeColumnsToContents();
}

void AssessDock::fillArrivals() {
    QHash<qint64, QString> names;
    for (const WorkerScore& s : m_result.scores)
        names.insert(s.workerId, s.name);
    const QList<ArrivalRecord>& list = m_result.arrivals;
    m_arrivals->setRowCount(int(list.size()));
    for (int row = 0; row < list.size(); ++row) {
        const ArrivalRecord& a = list[row];
        m_arrivals->setItem(row, 0, cell(QString::number(a.ticketId)));
        m_arrivals->setItem(row, 1, cell(names.value(a.workerId, QString::number(a.workerId))));
        m_arrivals->setItem(row, 2, cell(displayName(a.priority)));
        m_arrivals->setItem(row, 3, cell(shortTime(a.assignedAt)));
        m_arrivals->setItem(row, 4, cell(a.arrived() ? shortTime(a.arrivedAt) : tr("未到场")));
        m_arrivals->setItem(row, 5, cell(a.arrived() ? QString::number(a.minutes(), 'f', 1) : QString()));
        auto* verdict = cell(a.onTime() ? tr("是") : tr("否（时限 %1 分钟）").arg(a.limitMin));
        if (!a.onTime())
            verdict->setForeground(QColor(0xc0, 0x39, 0x2b));
        m_arrivals->setItem(row, 6, verdict);
    }
    m_arrivals->resizeColumnsToContents();
}

void AssessDock::showWorker(qint64 workerId) {
    m_card->clear();
    const auto it = std::find_if(m_result.scores.cbegin(), m_result.scores.cend(),
                                 [&](const WorkerScore& s) { return s.workerId == workerId; });
    if (it == m_result.scores.cend())
        return;
    m_cardTitle->setText(tr("%1（%2）　%3 分　第 %4 名　%5")
                             .arg(it->name, it->grids.join(QStringLiteral("、")), points(it->centipoints))
                             .arg(it->rank)
                             .arg(m_result.period.key));
    for (const AssessItemScore& item : it->items) {
        auto* top = new QTreeWidgetItem(m_card, {item.label, points(item.centipoints),
                                                 tr("%1 条记录").arg(item.count), QString(),
                                                 item.capped ? tr("已达上限/扣完为止") : QString()});
        for (const AssessLine& l : it->lines) {
            if (l.item != item.item)
                continue;
            new QTreeWidgetItem(top, {QString(), points(l.centipoints),
                                      QStringLiteral("%1 #%2").arg(eventName(l.event.kind)).arg(l.event.id),
                                      shortTime(l.event.at),
                                      l.capped() ? l.note + tr("（超出上限，不计）") : l.note});
        }
    }
    m_card->expandAll();
    for (int c = 0; c < m_card->columnCount(); ++c)
        m_card->resizeColumnToContents(c);
}

bool AssessDock::exportCsv(const QString& path, QString* error) const {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    QStringList header{tr("名次"), tr("网格员编号"), tr("网格员"), tr("网格"), tr("总分")};
    if (!m_result.scores.isEmpty())
        for (const AssessItemScore& i : m_result.scores.first().items)
            header << i.label;
    QString text = header.join(QLatin1Char(',')) + QLatin1String("\r\n");
    for (const WorkerScore& s : m_result.scores) {
        QStringList row{QString::number(s.rank), QString::number(s.workerId), csvField(s.name),
                        csvField(s.grids.join(QLatin1Char(' '))), points(s.centipoints)};
        for (const AssessItemScore& i : s.items)
            row << points(i.centipoints);
        text += row.join(QLatin1Char(',')) + QLatin1String("\r\n");
    }
    file.write("\xEF\xBB\xBF");
    file.write(text.toUtf8());
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

void AssessDock::exportClicked() {
    const QString path = QFileDialog::getSaveFileName(this, tr("导出考核结果"),
                                                      QStringLiteral("考核-%1.csv").arg(m_result.period.key),
                                                      tr("CSV 文件 (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportCsv(path, &error))
        QMessageBox::warning(this, tr("导出失败"), error);
    else
        m_status->setText(tr("已导出 %1").arg(path));
}
