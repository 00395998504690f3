#pragma once

#include <QElapsedTimer>
#include <QFrame>
#include <QTimer>

class QLabel;
class QPushButton;

namespace gc::dispatch {

// The notification after a dispatch: what was done, an Undo button, and the seconds
// left to use it.
class UndoBar : public QFrame {
    Q_OBJECT
public:
    explicit UndoBar(QWidget* parent = nullptr);

    void offer(const QList<qint64>& eventIds, const QString& summary, int seconds);
    QPushButton* undoButton() const { return m_undo; }
    QList<qint64> pendingEvents() const { return m_events; }
    // What the button does (Ctrl+Z too): requests the undo of what is on offer; false when
    // nothing is (the window passed, or nothing was dispatched).
    bool takeBack();

Q_SIGNALS:
    void undoRequested(const QList<qint64>& eventIds);

private:
    void refresh();

    QLabel* m_text = nullptr;
    QPushButton* m_undo = nullptr;
    QList<qint64> m_events;
    QString m_summary;
    int m_seconds = 0;
    QElapsedTimer m_clock;
    QTimer m_timer;
};

} // namespace gc::dispatch
