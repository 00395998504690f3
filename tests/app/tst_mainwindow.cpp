// A new user's first minute, offscreen: the demo session starts the feed server and the
// simulator on their own threads; workers come online in the workers dock and on the map; a
// worker's track replays; following a worker moves the map with its next fix; the ticket queue
// fills from its own thread; closing the window stops everything.
#include "MainWindow.h"

#include "gc/dispatch/DispatchWorkbench.h"
#include "gc/dispatch/TicketQueueModel.h"
#include "gc/workers/WorkerListModel.h"
#include "gc/map/GridLayerData.h"
#include "gc/map/MapCanvas.h"
#include "gc/store/DemoCountyBuilder.h"

#include <QCheckBox>
#include <QDockWidget>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace gc;

class TestMainWindow : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    template <typename T> static T* child(QWidget* parent, const QString& text) {
        for (T* w : parent->findChildren<T*>())
            if (w->text() == text)
                return w;
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true); // settings and layout of this test only
        qputenv("GRIDCOMMAND_OPERATOR", "测试值班员");
        QVERIFY(m_dir.isValid());
    }

    void demoSessionLivesAndReplays() {
        const QString path = m_dir.filePath(QStringLiteral("demo.gpkg"));
        {
            DemoOptions o;
            o.grids = 60;
            QString error;
            QVERIFY2(DemoCountyBuilder::build(path, o, &error), qPrintable(error));
        }
        QString error;
        auto store = CountyStore::open(path, &error);
        QVERIFY2(store, qPrintable(error));
        auto window = std::make_unique<MainWindow>(std::move(store), true);
        window->resize(1600, 900);
        window->show();

        // The feed is wired after the map's first frame; then every on-duty worker reports within
        // its first 10-30 s interval.
        QTRY_VERIFY_WITH_TIMEOUT(window->part<workers::WorkerListModel>(QStringLiteral("workers")), 20000);
        auto* workers = window->part<workers::WorkerListModel>(QStringLiteral("workers"));
        QTRY_VERIFY_WITH_TIMEOUT(workers->rowCount() > 0, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(workers->count(feed::WorkerStatus::Online) >= workers->rowCount() * 9 / 10,
                                 60000);

        auto* bench = window->part<dispatch::DispatchWorkbench>(QStringLiteral("dispatch"));
        QVERIFY(bench);
        QTRY_VERIFY_WITH_TIMEOUT(!bench->isLoading() && bench->queueModel()->rowCount() > 0, 20000);

        // Select the first worker of the dock as a person does (double-click = activated).
        auto* dock = window->findChild<QDockWidget*>(QStringLiteral("workersDock"));
        QVERIFY(dock);
        auto* table = dock->findChild<QTableView*>();
        QVERIFY(table);
        const QModelIndex first = table->model()->index(0, 0);
        const qint64 workerId = first.data(workers::WorkerListModel::WorkerIdRole).toLongLong();
        QVERIFY(workerId > 0);
        Q_EMIT table->activated(first);

        // Replay of the last hour: that worker's fixes so far.
        auto* replayDock = window->findChild<QDockWidget*>(QStringLiteral("replayDock"));
        QVERIFY(replayDock);
        QPushButton* load = child<QPushButton>(replayDock, QStringLiteral("载入"));
        QVERIFY(load);
        load->click();
        const QString replayed = window->statusBar()->currentMessage();
        QVERIFY2(replayed.startsWith(QStringLiteral("回放：1 名网格员")), qPrintable(replayed));
        QVERIFY2(!replayed.contains(QStringLiteral("，0 个定位点")), qPrintable(replayed));
        QVERIFY(child<QPushButton>(replayDock, QStringLiteral("播放"))->isEnabled());

        // Follow: the map centres on the worker at its next fix.
        auto* canvas = window->part<map::MapCanvas>(QStringLiteral("map"));
        QVERIFY(canvas && canvas->data());
        canvas->setFlyDurationMs(0);
        canvas->zoomToCounty();
        QCheckBox* follow = child<QCheckBox>(dock, QStringLiteral("地图跟随所选网格员"));
        QVERIFY(follow);
        follow->setChecked(true);
        const int row = workers->rowOf(workerId);
        const QDateTime seen = workers->rows().at(row).worker.lastAt;
        QTRY_VERIFY_WITH_TIMEOUT(workers->rows().at(row).worker.lastAt > seen, 40000);
        const workers::WorkerListModel::Row& now = workers->rows().at(row);
        const QPointF at = canvas->data()->project(QPointF(now.worker.lastLon, now.worker.lastLat));
        QTRY_VERIFY_WITH_TIMEOUT(QLineF(canvas->viewport().center(), at).length() < 1.0, 5000);

        // Closing stops the simulator and the server and returns promptly.
        QElapsedTimer closing;
        closing.start();
        window->close();
        window.reset();
        QVERIFY2(closing.elapsed() < 15000, qPrintable(QString::number(closing.elapsed())));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
