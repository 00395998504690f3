// Wiring of the dispatch workbench into the main window: the ticket queue, the
// department tree (drop target) and the ticket detail as docks, the operator's name,
// and the link to the map (fly to the selected ticket; a clicked marker selects it).
#include "MainWindow.h"

#include "gc/dispatch/DepartmentTreeView.h"
#include "gc/dispatch/DispatchWorkbench.h"
#include "gc/dispatch/TicketDetailWidget.h"
#include "gc/dispatch/TicketService.h"

#include "gc/core/ChinaTime.h"

#include "gc/map/TicketOverlay.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>

namespace {

// The name recorded on every event: GRIDCOMMAND_OPERATOR (kiosks, scripted demos), else the
// name given at sign-in, else a generic one.
QString currentOperatorName() {
    QString name = qEnvironmentVariable("GRIDCOMMAND_OPERATOR").trimmed();
    if (name.isEmpty())
        name = QSettings().value(QStringLiteral("dispatch/operator")).toString().trimmed();
    return name.isEmpty() ? QObject::tr("值班员") : name;
}

// Lets the given actions' shortcuts through while a text field of `window` has focus: the
// field's ShortcutOverride claim on those keys is swallowed before it reaches the field.
class WindowKeysOverTextFields : public QObject {
public:
    WindowKeysOverTextFields(QWidget* window, QList<QAction*> actions)
        : QObject(window), m_window(window), m_actions(std::move(actions)) {}

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() != QEvent::ShortcutOverride || !qobject_cast<QLineEdit*>(watched) ||
            static_cast<QWidget*>(watched)->window() != m_window)
            return false;
        const auto* key = static_cast<QKeyEvent*>(event);
        const QKeySequence pressed(key->keyCombination());
        for (const QAction* a : m_actions)
            if (a && a->isEnabled() && a->shortcut().matches(pressed) == QKeySequence::ExactMatch)
                return true; // not accepted: the window's shortcut runs
        return false;
    }

private:
    QWidget* m_window;
    QList<QAction*> m_actions;
};

bool hasMethod(const QObject* o, const char* signature) {
    return o && o->metaObject()->indexOfMethod(QMetaObject::normalizedSignature(signature).constData()) >= 0;
}

} // namespace

void MainWindow::setupDispatch() {
    auto* service = new gc::dispatch::TicketService(store(), this);
    service->setOperatorName(currentOperatorName());
    auto* bench = new gc::dispatch::DispatchWorkbench(*service, this);
    bench->setObjectName(QStringLiteral("dispatchWorkbench"));
    // The queue fills from its own thread; then changes from other seats, the live feed and
    // gridctl show within two seconds.
    bench->reloadInBackground();
    bench->setExternalChangePolling(2000);
    bench->setAskOnDrop(true);
    registerPart(QStringLiteral("dispatch"), bench);
    registerPart(QStringLiteral("ticketService"), service);

    auto* queueDock = new QDockWidget(tr("工单队列"), this);
    queueDock->setWidget(bench->queuePanel());
    addDock(queueDock, Qt::RightDockWidgetArea, QStringLiteral("ticketQueueDock"));
    auto* departmentDock = new QDockWidget(tr("职能部门"), this);
    departmentDock->setWidget(bench->departmentPanel());
    addDock(departmentDock, Qt::RightDockWidgetArea, QStringLiteral("departmentDock"));
    splitDockWidget(queueDock, departmentDock, Qt::Horizontal);
    auto* detailDock = new QDockWidget(tr("工单详情"), this);
    detailDock->setWidget(bench->detail());
    addDock(detailDock, Qt::RightDockWidgetArea, QStringLiteral("ticketDetailDock"));
    splitDockWidget(queueDock, detailDock, Qt::Vertical);
    // First start only (a saved layout wins): the queue gets the room its columns need.
    if (QSettings().value(QStringLiteral("mainWindow/state")).isNull())
        QTimer::singleShot(0, this, [this, queueDock, departmentDock, detailDock] {
            resizeDocks({queueDock, departmentDock}, {width() / 3, width() / 5}, Qt::Horizontal);
            resizeDocks({queueDock, detailDock}, {height() / 2, height() / 2}, Qt::Vertical);
        });

    if (QMenu* tools = menu(QStringLiteral("tools"))) {
        // The workbench's own actions, so each shortcut has one owner in the window.
        tools->addAction(bench->chooseDepartmentAction());
        tools->addAction(bench->undoDispatchAction());
    }
    // Ctrl+D is the dispatcher's key even while typing in a filter field, where a line edit
    // would otherwise take it as "delete the next character".
    qApp->installEventFilter(new WindowKeysOverTextFields(this, {bench->chooseDepartmentAction()}));
    // A read-only county: the queue and the tickets are shown, nothing that would act on them is offered.
    if (store().isReadOnly()) {
        bench->queueView()->setDragEnabled(false);
        for (QAction* a : bench->queueView()->actions())
            a->setEnabled(false);
        if (QWidget* buttons = bench->detail()->findChild<QWidget*>(QStringLiteral("ticketActionButtons"))) {
            buttons->setEnabled(false);
            buttons->setToolTip(tr("县域数据只读，不能办理工单"));
        }
        bench->departmentPanel()->setAcceptDrops(false);
        for (QWidget* w : bench->departmentPanel()->findChildren<QWidget*>())
            w->setAcceptDrops(false);
    }
    connect(bench, &gc::dispatch::DispatchWorkbench::message, this,
            [this](const QString& m) { showStatus(m, 8000); });
    // While tickets are dragged over the departments, the status bar names the row under the
    // pointer (the one a drop lands on); it clears when the drag leaves or ends.
    connect(bench->departmentView(), &gc::dispatch::DepartmentTreeView::dropHint, this,
            [this, shown = std::make_shared<QString>()](const QString& text, bool) {
                if (!text.isEmpty())
                    showStatus(text, 0);
                else if (statusBar()->currentMessage() == *shown)
                    statusBar()->clearMessage();
                *shown = text;
            });
    connect(service, &gc::dispatch::TicketService::undoAvailable, this,
            [this](const QList<qint64>&, const QString& summary) { showStatus(summary, 10000); });

    // The map canvas is another engineer's part, found by name; every use is guarded
    // so the workbench works with or without it.
    connect(bench, &gc::dispatch::DispatchWorkbench::ticketSelected, this,
            [this](qint64, double lon, double lat) {
                QObject* map = part<QObject>(QStringLiteral("map"));
                if (hasMethod(map, "flyToPoint(double,double)"))
                    QMetaObject::invokeMethod(map, "flyToPoint", Q_ARG(double, lon), Q_ARG(double, lat));
            });
    connect(bench, &gc::dispatch::DispatchWorkbench::ticketsChanged, this, [this](const QList<qint64>& ids) {
        QObject* map = part<QObject>(QStringLiteral("map"));
        for (qint64 id : ids)
            if (hasMethod(map, "refreshTicket(qint64)"))
                QMetaObject::invokeMethod(map, "refreshTicket", Q_ARG(qint64, id));
            else if (hasMethod(map, "refreshTickets()"))
                QMetaObject::invokeMethod(map, "refreshTickets");
    });
    if (QObject* map = part<QObject>(QStringLiteral("map")); hasMethod(map, "ticketClicked(qint64)"))
        connect(map, SIGNAL(ticketClicked(qint64)), bench, SLOT(selectTicket(qint64)));
}

// Asked before the main window is built, so no modal loop runs inside the window's startup
// (the map's first frame, the docks being added and arranged).
void MainWindow::signIn() {
    if (!qEnvironmentVariable("GRIDCOMMAND_OPERATOR").trimmed().isEmpty())
        return;
    QSettings settings;
    bool ok = false;
    const QString name =
        QInputDialog::getText(nullptr, QObject::tr("值班员登录"),
                              QObject::tr("请输入值班员姓名（记录在每一条工单流转记录上）："),
                              QLineEdit::Normal,
                              settings.value(QStringLiteral("dispatch/operator")).toString(), &ok)
            .trimmed();
    if (ok && !name.isEmpty())
        settings.setValue(QStringLiteral("dispatch/operator"), name);
}

