// Wiring of the analyst tools into the main window: File → 导入… / 导出…, and the coverage
// check (Tools → 检查网格覆盖) with its findings dock.
#include "MainWindow.h"

#include "ExportDialog.h"
#include "ImportDialog.h"
#include "ValidationDock.h"

#include "gc/store/GridHierarchyModel.h"

#include <QAction>
#include <QMenu>
#include <QRectF>

void MainWindow::setupAnalyst() {
    QMenu* file = menu(QStringLiteral("file"));
    // Above the separator that precedes Quit, as MainWindow asks of module actions.
    const QList<QAction*> existing = file->actions();
    QAction* before = existing.size() >= 2 ? existing.at(existing.size() - 2) : nullptr;
    auto* importAction = new QAction(tr("导入(&I)…"), this);
    importAction->setStatusTip(tr("从 Shapefile、GeoPackage、GeoJSON、KML 导入网格边界"));
    auto* exportAction = new QAction(tr("导出(&E)…"), this);
    exportAction->setStatusTip(tr("导出网格或工单为 Shapefile、GeoPackage、GeoJSON、KML、CSV"));
    file->insertAction(before, importAction);
    if (store().isReadOnly()) {
        importAction->setEnabled(false);
        importAction->setStatusTip(tr("县域数据只读，不能导入"));
    }
    file->insertAction(before, exportAction);

    connect(importAction, &QAction::triggered, this, [this] {
        ImportDialog dialog(store().path(), this);
        connect(&dialog, &ImportDialog::imported, this, [this](gc::GridLevel level, int count) {
            hierarchyModel()->load(store());
            if (QObject* map = part<QObject>(QStringLiteral("map")))
                QMetaObject::invokeMethod(map, "reloadCounty");
            showStatus(tr("已导入 %1 个%2").arg(count).arg(gc::GridLevels::displayName(level)));
        });
        dialog.exec();
    });
    connect(exportAction, &QAction::triggered, this, [this] {
        ExportDialog dialog(store().path(), this);
        connect(&dialog, &ExportDialog::exportFinished, this, [this](bool ok, const QString& message) {
            if (ok)
                showStatus(message);
        });
        dialog.exec();
    });

    auto* dock = new ValidationDock(store().path(), this);
    addDock(dock, Qt::BottomDockWidgetArea, QStringLiteral("validationDock"));
    dock->hide();
    registerPart(QStringLiteral("validation"), dock);
    QAction* check = menu(QStringLiteral("tools"))->addAction(tr("检查网格覆盖(&C)"));
    check->setStatusTip(tr("检查缝隙、重叠、无效几何、超出上级、重复编码和无上级网格"));
    connect(check, &QAction::triggered, dock, [dock] {
        dock->show();
        dock->raise();
        dock->run();
    });
    // A finding zooms the map to itself once the map exists; without one, the grid is selected.
    connect(dock, &ValidationDock::findingSelected, this, [this](const QString& code, const QRectF& bounds) {
        QObject* map = part<QObject>(QStringLiteral("map"));
        if (map && !bounds.isNull() && QMetaObject::invokeMethod(map, "zoomToBounds", Q_ARG(QRectF, bounds)))
            return;
        if (!code.isEmpty())
            selectGrid(code);
    });
}
