#include "gc/dispatch/UndoBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace gc::dispatch {

UndoBar::UndoBar(QWidget* parent) : QFrame(parent) {
    setObjectName(QStringLiteral("undoBar"));
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(QStringLiteral("#undoBar { background: #263238; border-radius: 4px; } "
                                 "#undoBar QLabel { color: white; }"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    m_text = new QLabel(this);
    m_undo = new QPushButton(tr("撤销(&Z)"), this);
    m_undo->setObjectName(QStringLiteral("undoButton"));
    layout->addWidget(m_text, 1);
    layout->addWidget(m_undo);
    m_timer.setInterval(250);
    connect(&m_timer, &QTimer::timeout, this, &UndoBar::refresh);
    connect(m_undo, &QPushButton::clicked, this, &UndoBar::takeBack);
    hide();
}

bool UndoBar::takeBack() {
    const QList<qint64> events = m_events;
    m_events.clear();
    m_timer.stop();
    hide();
    if (events.isEmpty())
        return false;
    Q_EMIT undoRequested(events);
    return true;
}

void UndoBar::offer(const QList<qint64>& eventIds, const QString& summary, int seconds) {
    m_events = eventIds;
    m_summary = summary;
    m_seconds = seconds;
    m_clock.start();
    m_timer.start();
    refresh();
    show();
}

void UndoBar::refresh() {
    const int left = m_seconds - int(m_clock.elapsed() / 1000);
    if (left <= 0) {
        m_events.clear();
        m_timer.stop();
        hide();
        return;
    }
    m_text->setText(tr("%1（%2 秒内可撤销）").arg(m_summary).arg(left));
}

} // namespace gc::dispatch
