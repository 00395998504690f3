// The risk dock: the selected grid's explanation and timeline, recent changes, the 90-day replay.
#include "RiskDock.h"

#include "gc/core/ChinaTime.h"
#include "gc/risk/RiskService.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

QString causeName(gc::RiskChangeCause c) {
    switch (c) {
    case gc::RiskChangeCause::Rules:
        return RiskDock::tr("规则调整");
    case gc::RiskChangeCause::Data:
        return RiskDock::tr("数据变化");
    case gc::RiskChangeCause::Override:
        return RiskDock::tr("人工研判");
    case gc::RiskChangeCause::Expiry:
        return RiskDock::tr("到期失效");
    }
    return {};
}

QString localTime(const QDateTime& t) {
    return t.toTimeZone(gc::chinaTimeZone()).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QTableWidgetItem* item(const QString& text) {
    auto* i = new QTableWidgetItem(text);
    i->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    return i;
}

} // namespace

RiskDock::RiskDock(gc::RiskService& risk, QWidget* parent) : QWidget(parent), m_risk(risk) {
    setObjectName(QStringLiteral("riskPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    m_tabs = new QTabWidget(this);
    layout->addWidget(m_tabs);

    // The selected grid.
    auto* grid = new QWidget(m_tabs);
    auto* gl = new QVBoxLayout(grid);
    m_title = new QLabel(tr("在地图或网格层级中选择一个网格"), grid);
    m_title->setWordWrap(true);
    m_explanation = new QLabel(grid);
    m_explanation->setObjectName(QStringLiteral("riskExplanation"));
    m_explanation->setWordWrap(true);
    m_explanation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_reasons = new QTreeWidget(grid);
    m_reasons->setHeaderLabels({tr("指标"), tr("数值"), tr("分值")});
    m_reasons->setRootIsDecorated(false);
    m_reasons->setMaximumHeight(150);
    auto* buttons = new QHBoxLayout;
    m_override = new QPushButton(tr("人工研判…"), grid);
    m_override->setObjectName(QStringLiteral("overrideButton"));
    m_clear = new QPushButton(tr("解除研判…"), grid);
    m_override->setEnabled(false);
    m_clear->setEnabled(false);
    buttons->addWidget(m_override);
    buttons->addWidget(m_clear);
    buttons->addStretch();
    connect(m_override, &QPushButton::clicked, this, [this] { Q_EMIT overrideRequested(m_code); });
    connect(m_clear, &QPushButton::clicked, this, [this] { Q_EMIT clearOverrideRequested(m_code); });
    m_timeline = new QTableWidget(0, 5, grid);
    m_timeline->setObjectName(QStringLiteral("riskTimeline"));
    m_timeline->setHorizontalHeaderLabels({tr("时间"), tr("变化"), tr("分值"), tr("原因"), tr("说明")});
    m_timeline->horizontalHeader()->setStretchLastSection(true);
    m_timeline->verticalHeader()->hide();
    gl->addWidget(m_title);
    gl->addWidget(m_explanation);
    gl->addWidget(m_reasons);
    gl->addLayout(buttons);
    gl->addWidget(new QLabel(tr("等级变化时间线"), grid));
    gl->addWidget(m_timeline, 1);
    m_tabs->addTab(grid, tr("所选网格"));

    // Recent changes of the whole county.
    m_recent = new QTableWidget(0, 6, m_tabs);
    m_recent->setObjectName(QStringLiteral("riskRecent"));
    m_recent->setHorizontalHeaderLabels(
        {tr("时间"), tr("网格"), tr("变化"), tr("分值"), tr("原因"), tr("说明")});
    m_recent->horizontalHeader()->setStretchLastSection(true);
    m_recent->verticalHeader()->hide();
    m_recent->setSelectionBehavior(QAbstractItemView::SelectRows);
    connect(m_recent, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        Q_EMIT gridActivated(m_recent->item(row, 1)->data(Qt::UserRole).toString());
    });
    m_tabs->addTab(m_recent, tr("最近变化"));

    // Replay: the slider's right end is now (live), each step six hours back.
    auto* replay = new QWidget(m_tabs);
    auto* rl = new QVBoxLayout(replay);
    m_slider = new QSlider(Qt::Horizontal, replay);
    m_slider->setObjectName(QStringLiteral("riskReplaySlider"));
    m_slider->setRange(-kReplayDays * kReplayStepsPerDay, 0);
    m_slider->setValue(0);
    m_slider->setPageStep(kReplayStepsPerDay);
    m_slider->setTickInterval(kReplayStepsPerDay * 7);
    m_slider->setTickPosition(QSlider::TicksBelow);
    m_replayLabel = new QLabel(tr("实时（拖动滑块回放近 %1 天全县颜色）").arg(kReplayDays), replay);
    auto* live = new QPushButton(tr("回到实时"), replay);
    connect(live, &QPushButton::clicked, this, [this] { m_slider->setValue(0); });
    rl->addWidget(new QLabel(tr("%1 天前").arg(kReplayDays) + QStringLiteral("  ←  ") + tr("现在"), replay));
    rl->addWidget(m_slider);
    rl->addWidget(m_replayLabel);
    rl->addWidget(live);
    rl->addStretch();
    m_tabs->addTab(replay, tr("90天回放"));
    m_replayDebounce.setSingleShot(true);
    m_replayDebounce.setInterval(120);
    connect(m_slider, &QSlider::valueChanged, this, [this](int v) {
        if (v == 0 || !m_replayAnchor.isValid())
            m_replayAnchor = QDateTime::currentDateTimeUtc();
        const QDateTime at = replayTime();
        m_replayLabel->setText(at.isValid() ? tr("回放：%1 的全县颜色").arg(localTime(at))
                                            : tr("实时（拖动滑块回放近 %1 天全县颜色）").arg(kReplayDays));
        m_replayDebounce.start();
    });
    connect(&m_replayDebounce, &QTimer::timeout, this, [this] { Q_EMIT replayRequested(replayTime()); });

    connect(&m_risk, &gc::RiskService::bandsChanged, this, &RiskDock::refresh);
    refresh();
}

QDateTime RiskDock::replayTime() const {
    if (m_slider->value() == 0)
        return {};
    return m_replayAnchor.addSecs(qint64(m_slider->value()) * (24 * 3600 / kReplayStepsPerDay));
}

void RiskDock::fillChanges(QTableWidget* table, const QList<gc::RiskChange>& changes, bool withName) {
    table->setRowCount(int(changes.size()));
    for (int r = 0; r < changes.size(); ++r) {
        const gc::RiskChange& c = changes[r];
        int col = 0;
        table->setItem(r, col++, item(localTime(c.at)));
        if (withName) {
            const auto a = m_risk.assessment(c.code);
            auto* name = item(a ? a->name : c.code);
            name->setData(Qt::UserRole, c.code);
            name->setToolTip(c.code);
            table->setItem(r, col++, name);
        }
        table->setItem(r, col++,
                       item(gc::RiskLevels::displayName(c.from) + QStringLiteral(" → ") +
                            gc::RiskLevels::displayName(c.to)));
        table->setItem(r, col++, item(gc::RiskExplanation::number(c.score)));
        table->setItem(r, col++, item(causeName(c.cause)));
        table->setItem(r, col++, item(c.note));
    }
    table->resizeColumnsToContents();
}

void RiskDock::showGrid(const QString& code) {
    m_code = code;
    refresh();
}

void RiskDock::refresh() {
    gc::RiskHistoryFilter recent;
    recent.limit = 200;
    fillChanges(m_recent, m_risk.history(recent), true);
    const auto a = m_code.isEmpty() ? std::nullopt : m_risk.assessment(m_code);
    m_override->setEnabled(a.has_value());
    m_clear->setEnabled(a && a->overridden());
    m_reasons->clear();
    if (!a) {
        m_explanation->clear();
        m_timeline->setRowCount(0);
        return;
    }
    QString title = tr("<b>%1</b>（%2，%3）　风险等级：<b>%4</b>　分值 %5")
                        .arg(a->name.toHtmlEscaped(), a->code, gc::GridLevels::displayName(a->level),
                             gc::RiskLevels::displayName(a->band), gc::RiskExplanation::number(a->score));
    if (a->override)
        title += tr("<br><span style='color:#78148c'>人工研判中：%1，至 %2（%3：%4）</span>")
                     .arg(gc::RiskLevels::displayName(a->override->band), localTime(a->override->end),
                          a->override->by.toHtmlEscaped(), a->override->reason.toHtmlEscaped());
    m_title->setText(title);
    m_explanation->setText(m_risk.explain(m_code));
    for (const gc::RiskReason& r : a->reasons) {
        auto* row = new QTreeWidgetItem(m_reasons);
        row->setText(0, r.label.isEmpty() ? r.indicator : r.label);
        // "3件" in Chinese, "3 tickets" in English.
        row->setText(1, tr("%1%2", "a value and its unit").arg(gc::RiskExplanation::number(r.value), r.unit));
        row->setText(2, gc::RiskExplanation::number(r.points) + (r.capped ? tr("（封顶）") : QString()));
    }
    for (const gc::RiskTriggerHit& t : a->triggers) {
        auto* row = new QTreeWidgetItem(m_reasons);
        row->setText(0, tr("触发：%1").arg(t.label));
        row->setText(1, gc::RiskExplanation::number(t.value));
        row->setText(2, tr("至少%1").arg(gc::RiskLevels::displayName(t.atLeast)));
    }
    gc::RiskHistoryFilter mine;
    mine.code = m_code;
    mine.limit = 100;
    fillChanges(m_timeline, m_risk.history(mine), false);
}
