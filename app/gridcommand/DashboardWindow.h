#pragma once

#include "gc/dashboard/DashboardModel.h"
#include "gc/dashboard/DashboardPainter.h"

#include <QWidget>

#include <optional>

class MainWindow;
class QApplication;
class QTimer;

// The big screen (大屏) as a frameless full-screen window: paints gc::dashboard's frame, follows the
// county through DashboardModel, rolls the alert list, and loads another layout file on request.
class DashboardWindow : public QWidget {
    Q_OBJECT
public:
    explicit DashboardWindow(const QString& countyPath, const gc::dashboard::DashboardLayout& layout,
                             QWidget* parent = nullptr);
    gc::dashboard::DashboardModel& model() { return m_model; }
    // Switches to the layout in `path`; a bad file is refused (message in *error) and the
    // current layout stays.
    bool loadLayout(const QString& path, QString* error);
    // What the last frame showed (tests).
    const QList<gc::dashboard::ShownValue>& shownValues() const { return m_shown; }
    double lastFrameMs() const { return m_lastFrameMs; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    gc::dashboard::DashboardModel m_model;
    gc::dashboard::DashboardPainter::State m_state;
    QTimer* m_roll = nullptr;
    QList<gc::dashboard::ShownValue> m_shown;
    double m_lastFrameMs = 0;
};

// `gridcommand --dashboard [county.gpkg] [--screen N] [--layout FILE] [--screenshot out.png --size WxH]`:
// the exit code when the arguments ask for the big screen, nullopt otherwise (the operator's window).
std::optional<int> runDashboardIfAsked(QApplication& app);
// View → 大屏模式 (F11) in the operator's window.
void installDashboardAction(MainWindow& window);
