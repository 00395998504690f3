// The operator's desk in the whole main window, driven by synthetic input: the first run's
// default layout (tabbed docks answer clicks; the map keeps half of a small screen), and the
// dispatcher's keys (Ctrl+D from the queue and from a text field, Ctrl+Z).
#include "MainWindow.h"

#include "gc/dispatch/DepartmentChooser.h"
#include "gc/dispatch/DispatchWorkbench.h"
#include "gc/dispatch/TicketFilterProxy.h"
#include "gc/dispatch/TicketQueueModel.h"
#include "gc/dispatch/TicketService.h"
#include "gc/dispatch/UndoBar.h"
#include "gc/store/DemoCountyBuilder.h"

#include <QDockWidget>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLayout>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace gc;
using namespace Qt::StringLiterals;

// A line edit as Qt makes it under the X11 keyboard scheme (KDE, GNOME), where Ctrl+D is one of
// QKeySequence::Delete's keys and the field claims it; the offscreen platform has no such scheme.
class X11LineEdit : public QLineEdit {
public:
    using QLineEdit::QLineEdit;

protected:
    bool event(QEvent* e) override {
        if (e->type() == QEvent::ShortcutOverride &&
            static_cast<QKeyEvent*>(e)->keyCombination() == QKeyCombination(Qt::ControlModifier, Qt::Key_D)) {
            e->accept();
            return true;
        }
        return QLineEdit::event(e);
    }
};

class TestDesk : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_template;
    int m_copies = 0;

    QString freshCounty() {
        const QString path = m_dir.filePath(u"county%1.gpkg"_s.arg(++m_copies));
        QFile::copy(m_template, path);
        return path;
    }
    // A main window as the first run opens it (no saved layout), wired and laid out.
    std::unique_ptr<MainWindow> openFirstRun(const QSize& screen) {
        QSettings().clear();
        QString error;
        auto store = CountyStore::open(freshCounty(), &error);
        if (!store)
            qFatal("%s", qPrintable(error));
        auto window = std::make_unique<MainWindow>(std::move(store), false);
        if (screen.isValid()) {
            window->setWindowState(Qt::WindowNoState);
            window->setGeometry(QRect(QPoint(0, 0), screen));
        }
        QSignalSpy started(window.get(), &MainWindow::startupFinished);
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()))
            qFatal("window not exposed");
        if (started.isEmpty() && !started.wait(20000))
            qFatal("startup did not finish");
        QTest::qWait(300); // the queued default layout and its resize
        return window;
    }
    static dispatch::DispatchWorkbench* bench(MainWindow& w) {
        return w.part<dispatch::DispatchWorkbench>(u"dispatch"_s);
    }
    // Presses `key` on `widget` (focused, as a person's keyboard would reach it) and returns the
    // class of the modal dialog it opened, closed again at once; "none" when none opened.
    static QString dialogOpenedBy(QWidget* widget, QKeyCombination key) {
        widget->activateWindow();
        widget->setFocus(Qt::ShortcutFocusReason);
        if (!QTest::qWaitForWindowActive(widget->window()) || !widget->hasFocus())
            return u"focus not reached"_s;
        QString seen = u"none"_s;
        QTimer::singleShot(200, qApp, [&seen] {
            QWidget* modal = QApplication::activeModalWidget();
            if (auto* d = qobject_cast<QDialog*>(modal)) {
                seen = QString::fromLatin1(d->metaObject()->className());
                d->reject();
            }
        });
        QTest::keyClick(widget, key.key(), key.keyboardModifiers());
        QTest::qWait(300);
        return seen;
    }
    // Waits for the queue to fill and adds a ticket awaiting dispatch (待受理), selected.
    static qint64 selectFreshTicket(MainWindow& window) {
        dispatch::DispatchWorkbench* b = bench(window);
        if (!QTest::qWaitFor([b] { return b && !b->isLoading() && b->queueModel()->rowCount() > 0; }, 20000))
            return 0;
        Ticket t;
        t.category = u"C0102"_s;
        t.source = TicketSource::Hotline12345;
        t.gridCode = window.store().grids(GridLevel::Grid, false).first().code;
        t.title = u"桌面测试工单"_s;
        t.createdAt = QDateTime::currentDateTime();
        const qint64 id = window.store().createTicket(t, u"12345热线"_s, nullptr).value_or(0);
        b->pollExternalChanges();
        b->selectTicket(id);
        return b->selectedTickets() == QList<qint64>{id} ? id : 0;
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        qputenv("GRIDCOMMAND_OPERATOR", "测试值班员");
        QVERIFY(m_dir.isValid());
        m_template = m_dir.filePath(u"template.gpkg"_s);
        DemoOptions o;
        o.grids = 60;
        o.seed = 5;
        QString error;
        QVERIFY2(DemoCountyBuilder::build(m_template, o, &error), qPrintable(error));
    }

    // Every dock tab of the first run's layout answers a click where it is drawn: no empty tab
    // bar left over from an earlier arrangement lies on top of it.
    // The stray bar came in about three first runs of four: three runs here.
    void firstRunDockTabsAnswerClicks_data() {
        QTest::addColumn<int>("run");
        for (int run = 1; run <= 3; ++run)
            QTest::addRow("run %d", run) << run;
    }
    void firstRunDockTabsAnswerClicks() {
        auto window = openFirstRun(QSize()); // maximized, as the first run opens
        QStringList stray;
        for (QTabBar* bar : window->findChildren<QTabBar*>())
            if (bar->isVisible() && bar->count() == 0)
                stray << u"%1,%2 %3x%4"_s.arg(bar->x()).arg(bar->y()).arg(bar->width()).arg(bar->height());
        QVERIFY2(stray.isEmpty(), qPrintable(u"empty tab bars shown at "_s + stray.join(u"; "_s)));
        for (const QString& title : {u"网格员"_s, u"轨迹回放"_s, u"网格层级"_s}) {
            QTabBar* owner = nullptr;
            int index = -1;
            for (QTabBar* bar : window->findChildren<QTabBar*>())
                for (int i = 0; bar->isVisible() && i < bar->count(); ++i)
                    if (bar->tabText(i) == title) {
                        owner = bar;
                        index = i;
                    }
            QVERIFY2(owner, qPrintable(title));
            // Through the window, so whatever lies on top of the tab gets the click, as with a mouse.
            const QPoint at = owner->mapTo(window.get(), owner->tabRect(index).center());
            QTest::mouseClick(window->windowHandle(), Qt::LeftButton, Qt::NoModifier, at);
            QTRY_COMPARE(owner->currentIndex(), index);
        }
    }

    // Ctrl+D has one owner in the window: it opens the department chooser with the queue
    // focused (where a second Ctrl+D action once made it "ambiguous" and do nothing) and with
    // a text field focused (where the line edit took it as "delete").
    void ctrlDChoosesADepartmentFromAnywhere() {
        auto window = openFirstRun(QSize(1600, 900));
        QVERIFY(selectFreshTicket(*window) > 0);
        dispatch::DispatchWorkbench* b = bench(*window);
        const QKeyCombination ctrlD(Qt::ControlModifier, Qt::Key_D);
        QCOMPARE(dialogOpenedBy(b->queueView(), ctrlD), u"gc::dispatch::DepartmentChooser"_s);
        auto* search = b->queuePanel()->findChild<QLineEdit*>(u"ticketSearch"_s);
        QVERIFY(search);
        QCOMPARE(dialogOpenedBy(search, ctrlD), u"gc::dispatch::DepartmentChooser"_s);
        auto* hierarchyFilter = window->findChild<QDockWidget*>(u"hierarchyDock"_s)->findChild<QLineEdit*>();
        QVERIFY(hierarchyFilter);
        QCOMPARE(dialogOpenedBy(hierarchyFilter, ctrlD), u"gc::dispatch::DepartmentChooser"_s);
        // A field that claims Ctrl+D for itself (the X11 scheme's "delete") still lets it through.
        auto* claiming = new X11LineEdit(b->queuePanel());
        b->queuePanel()->layout()->addWidget(claiming);
        claiming->show();
        QCOMPARE(dialogOpenedBy(claiming, ctrlD), u"gc::dispatch::DepartmentChooser"_s);
    }

    // Ctrl+Z takes the last dispatch back as the notification's button does, to the state the
    // ticket had: dispatched from 待受理, it is 待受理 again.
    void ctrlZUndoesTheLastDispatch() {
        auto window = openFirstRun(QSize(1600, 900));
        const qint64 id = selectFreshTicket(*window);
        QVERIFY(id > 0);
        dispatch::DispatchWorkbench* b = bench(*window);
        const QList<dispatch::ActionOutcome> sent =
            b->service().sendToDepartment({{id, -1}}, u"CGJ"_s, QString(), QString());
        QVERIFY2(sent.value(0).ok, qPrintable(sent.value(0).error));
        QCOMPARE(window->store().ticket(id)->state, TicketState::Dispatched);
        QVERIFY(b->undoBar()->isVisibleTo(window.get()));
        b->queueView()->activateWindow();
        b->queueView()->setFocus();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        QTest::keyClick(b->queueView(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(window->store().ticket(id)->state, TicketState::Received);
        QVERIFY(window->store().ticket(id)->departmentCode.isEmpty());
        QCOMPARE(window->store().ticketEvents(id).last().action, TicketAction::Recall);
        QVERIFY(!b->undoBar()->isVisibleTo(window.get()));
        // Nothing left to undo: a second Ctrl+Z changes nothing and says so.
        const int events = int(window->store().ticketEvents(id).size());
        QTest::keyClick(b->queueView(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(int(window->store().ticketEvents(id).size()), events);
    }
};

QTEST_MAIN(TestDesk)
#include "tst_desk.moc"
