#pragma once

#include "gc/store/RiskStore.h"

#include <QDateTime>
#include <QTimer>
#include <QWidget>

class QLabel;
class QPushButton;
class QSlider;
class QTabWidget;
class QTableWidget;
class QTreeWidget;

namespace gc {
class RiskService;
}

// The risk engine for the operator: the selected grid's band with the engine's explanation, its
// reasons and its timeline, buttons for 人工研判; the county's recent band changes; and a slider
// that replays the county's colours over the last 90 days.
class RiskDock : public QWidget {
    Q_OBJECT
public:
    static constexpr int kReplayDays = 90;
    static constexpr int kReplayStepsPerDay = 4; // six-hour steps

    explicit RiskDock(gc::RiskService& risk, QWidget* parent = nullptr);

    QString code() const { return m_code; }
    QTableWidget* recentTable() const { return m_recent; }
    QTableWidget* timelineTable() const { return m_timeline; }
    QSlider* replaySlider() const { return m_slider; }
    QPushButton* overrideButton() const { return m_override; }
    QLabel* explanationLabel() const { return m_explanation; }
    QTabWidget* tabs() const { return m_tabs; }
    // The moment the slider shows (invalid: now, live).
    QDateTime replayTime() const;

public Q_SLOTS:
    void showGrid(const QString& code);
    void refresh(); // the shown grid and the recent changes, read again

Q_SIGNALS:
    void overrideRequested(const QString& code);
    void clearOverrideRequested(const QString& code);
    void gridActivated(const QString& code);
    // The county's colours as they were at `at`; an invalid time: back to live.
    void replayRequested(const QDateTime& at);

private:
    void fillChanges(QTableWidget* table, const QList<gc::RiskChange>& changes, bool withName);
    gc::RiskService& m_risk;
    QString m_code;
    QTabWidget* m_tabs;
    QLabel* m_title;
    QLabel* m_explanation;
    QTreeWidget* m_reasons;
    QTableWidget* m_timeline;
    QPushButton* m_override;
    QPushButton* m_clear;
    QTableWidget* m_recent;
    QSlider* m_slider;
    QLabel* m_replayLabel;
    QTimer m_replayDebounce;
    QDateTime m_replayAnchor; // "now" when the slider was last at its live end
};
