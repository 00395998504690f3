// The main window on a county opened read-only: the title says 只读, nothing that writes is offered
// (import, ticket actions, dispatch by shortcut, the feed server and simulator, even in a demo
// session), the workers and tickets are still shown, and the file is the same byte for byte after.
#include "MainWindow.h"

#include "gc/dispatch/DispatchWorkbench.h"
#include "gc/dispatch/TicketDetailWidget.h"
#include "gc/dispatch/TicketQueueModel.h"
#include "gc/workers/WorkerListModel.h"
#include "gc/store/DemoCountyBuilder.h"

#include <QAction>
#include <QCryptographicHash>
#include <QFile>
#include <QMenu>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace gc;

class TestReadOnlyWindow : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    static QByteArray sha256(const QString& path) {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256)
                                           : QByteArray();
    }
    static QAction* action(QWidget* window, const QString& text) {
        for (QAction* a : window->findChildren<QAction*>())
            if (a->text() == text)
                return a;
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        qputenv("GRIDCOMMAND_OPERATOR", "测试值班员");
        QVERIFY(m_dir.isValid());
    }

    void nothingThatWritesIsOffered() {
        const QString path = m_dir.filePath(QStringLiteral("demo.gpkg"));
        {
            DemoOptions o;
            o.grids = 40;
            QString error;
            QVERIFY2(DemoCountyBuilder::build(path, o, &error), qPrintable(error));
        }
        const QByteArray before = sha256(path);
        QString error;
        auto store = CountyStore::open(path, &error, CountyStore::Access::ReadOnly);
        QVERIFY2(store, qPrintable(error));
        // A demo session would start the simulator; read-only it must not.
        auto window = std::make_unique<MainWindow>(std::move(store), true);
        window->show();
        QVERIFY2(window->windowTitle().contains(QStringLiteral("（只读）")),
                 qPrintable(window->windowTitle()));

        QTRY_VERIFY_WITH_TIMEOUT(window->part<workers::WorkerListModel>(QStringLiteral("workers")), 20000);
        auto* workers = window->part<workers::WorkerListModel>(QStringLiteral("workers"));
        QTRY_VERIFY_WITH_TIMEOUT(workers->rowCount() == 40, 20000); // one worker per grid, read all the same
        auto* bench = window->part<dispatch::DispatchWorkbench>(QStringLiteral("dispatch"));
        QVERIFY(bench);
        QTRY_VERIFY_WITH_TIMEOUT(!bench->isLoading() && bench->queueModel()->rowCount() > 0, 20000);

        QAction* import = action(window.get(), QStringLiteral("导入(&I)…"));
        QVERIFY(import);
        QVERIFY(!import->isEnabled());
        QAction* simulator = action(window.get(), QStringLiteral("模拟网格员巡查"));
        QVERIFY(simulator);
        QVERIFY(!simulator->isEnabled());
        QAction* dispatchShortcut = action(window.get(), QStringLiteral("交办选中工单给部门(&D)…"));
        QVERIFY(dispatchShortcut);
        QVERIFY(!dispatchShortcut->isEnabled());
        auto* buttons = bench->detail()->findChild<QWidget*>(QStringLiteral("ticketActionButtons"));
        QVERIFY(buttons);
        QVERIFY(!buttons->isEnabled());
        QVERIFY(!bench->queueView()->dragEnabled());

        // No simulated phone reports: after the first report interval nobody is online.
        QTest::qWait(12000);
        QCOMPARE(workers->count(feed::WorkerStatus::Online), 0);

        window->close();
        window.reset();
        QCOMPARE(sha256(path), before);
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    }
};

QTEST_MAIN(TestReadOnlyWindow)
#include "tst_readonlywindow.moc"
