// Wiring of the worker assessment (积分考核) into the main window: the 考核 dock, scored in the
// background the first time it is shown.
#include "AssessDock.h"
#include "MainWindow.h"

#include <QDockWidget>

void MainWindow::setupAssess() {
    auto* panel = new AssessDock(store().path(), store().isReadOnly(), this);
    auto* dock = new QDockWidget(tr("考核"), this);
    dock->setWidget(panel);
    addDock(dock, Qt::RightDockWidgetArea, QStringLiteral("assessDock"));
    registerPart(QStringLiteral("assessDock"), panel);
    connect(panel, &AssessDock::gridActivated, this, &MainWindow::selectGrid);
    // Scoring a month reads every worker's month: only once somebody looks.
    connect(dock, &QDockWidget::visibilityChanged, panel, [panel](bool visible) {
        if (visible && panel->result().scores.isEmpty() && !panel->isLoading())
            panel->reload();
    });
}
