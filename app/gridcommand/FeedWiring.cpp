// Wiring of the live feed into the main window: the embedded feed server, the simulator
// of the demo session, the workers dock and the worker layer on the map.
#include "MainWindow.h"


#include "gc/core/ChinaTime.h"
#include "gc/feed/FeedServer.h"
#include "gc/feed/FeedSimulator.h"
#include "gc/feed/ProcessLimits.h"
#include "gc/workers/WorkerListModel.h"
#include "gc/store/BackgroundRead.h"
#include "gc/dispatch/TicketMime.h"
#include "gc/dispatch/TicketService.h"
#include "gc/store/CountyStore.h"

#include <QDragMoveEvent>
#include <QMimeData>
#include <QToolTip>
#include "gc/workers/ReplayOverlay.h"
#include "gc/workers/TrackReplay.h"
#include "gc/workers/WorkerOverlay.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSlider>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <atomic>

#include <functional>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace {

using namespace gc::feed;
using namespace gc::workers;

constexpr quint16 kDefaultPort = 7420;
constexpr quint16 kDefaultOsmAndPort = 5055; // Traccar's port for the OsmAnd protocol
constexpr int kMaxSimulatedWebSockets = 5000;
constexpr int kServerNice = 5;
constexpr qint64 kTrailSeconds = 30 * 60;

// Filters the workers by text (name, grid or street code, street name, phone) and status.
class WorkerFilter : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setText(const QString& text) {
        m_text = text.trimmed();
        invalidateFilter();
    }
    void setStatus(int status) { // -1: any
        m_status = status;
        invalidateFilter();
    }

protected:
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override {
        return static_cast<const WorkerListModel*>(sourceModel())
            ->lessThan(left.row(), right.row(), left.column());
    }
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override {
        const QModelIndex i = sourceModel()->index(row, 0, parent);
        if (m_status >= 0 && i.data(WorkerListModel::StatusRole).toInt() != m_status)
            return false;
        return m_text.isEmpty() ||
               i.data(WorkerListModel::SearchTextRole).toString().contains(m_text, Qt::CaseInsensitive);
    }

private:
    QString m_text;
    int m_status = -1;
};

// Tickets dropped on a grid worker of the workers dock are assigned to that worker for
// an on-site check (指派核查). Glue here, so the feed module need not know the dispatch
// module: an event filter on the dock's table, using the dispatch module's ticket drag
// format and its TicketService. A drop the workflow forbids is refused with the reason
// at the cursor while dragging, and in the status bar when dropped anyway.
class WorkerTicketDrop : public QObject {
    // No Q_OBJECT (no signals or slots): its own tr() context, the one lupdate extracts it under.
    Q_DECLARE_TR_FUNCTIONS(WorkerTicketDrop)

public:
    WorkerTicketDrop(QTableView* view, gc::dispatch::TicketService* service, MainWindow* window)
        : QObject(view), m_view(view), m_service(service), m_window(window) {
        view->setAcceptDrops(true);
        view->viewport()->setAcceptDrops(true);
        view->viewport()->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject*, QEvent* event) override {
        switch (event->type()) {
        case QEvent::DragEnter:
        case QEvent::DragMove: {
            auto* e = static_cast<QDragMoveEvent*>(event);
            if (!e->mimeData()->hasFormat(gc::dispatch::ticketMimeType()))
                return false;
            const QPoint pos = e->position().toPoint();
            QString text;
            const QString refusal = judge(e->mimeData(), pos, &text);
            if (refusal.isEmpty())
                e->acceptProposedAction();
            else
                e->ignore();
            // The enter is accepted regardless, so moves keep coming and the reason follows the cursor.
            if (event->type() == QEvent::DragEnter)
                e->accept();
            QToolTip::showText(m_view->viewport()->mapToGlobal(pos) + QPoint(16, 16), text,
                               m_view->viewport());
            return true;
        }
        case QEvent::DragLeave:
            QToolTip::hideText();
            return false;
        case QEvent::Drop: {
            auto* e = static_cast<QDropEvent*>(event);
            if (!e->mimeData()->hasFormat(gc::dispatch::ticketMimeType()))
                return false;
            QToolTip::hideText();
            QString text;
            const QString refusal = judge(e->mimeData(), e->position().toPoint(), &text);
            if (!refusal.isEmpty()) {
                e->ignore();
                m_window->showStatus(text, 8000);
                return true;
            }
            e->acceptProposedAction();
            assign(*gc::dispatch::decodeTickets(e->mimeData()), workerAt(e->position().toPoint()));
            return true;
        }
        default:
            return false;
        }
    }

private:
    qint64 workerAt(const QPoint& pos) const {
        return m_view->indexAt(pos).data(WorkerListModel::WorkerIdRole).toLongLong();
    }
    QString workerName(const QPoint& pos) const {
        return m_view->indexAt(pos).siblingAtColumn(WorkerListModel::NameColumn).data().toString();
    }
    // Empty when the drop is legal; `text` gets what to show either way.
    QString judge(const QMimeData* data, const QPoint& pos, QString* text) const {
        QString refusal;
        const auto payload = gc::dispatch::decodeTickets(data);
        if (!payload || payload->items.isEmpty())
            refusal = tr("拖动的内容不是工单");
        else if (payload->countyCode != m_service->store().info().code)
            refusal = tr("工单来自其他县域（%1）").arg(payload->countyCode);
        else if (workerAt(pos) <= 0)
            refusal = tr("请拖到一名网格员上");
        else
            for (const gc::dispatch::TicketDragItem& item : payload->items) {
                gc::Ticket t;
                t.id = item.id;
                t.state = item.state;
                const QString why = gc::TicketWorkflow::whyNot(t, gc::TicketAction::AssignCheck);
                if (!why.isEmpty()) {
                    refusal = tr("工单 %1：%2").arg(item.id).arg(why);
                    break;
                }
            }
        *text = refusal.isEmpty() ? tr("松开鼠标：指派 %1 现场核查").arg(workerName(pos))
                                  : tr("不能指派核查：%1").arg(refusal);
        return refusal;
    }
    void assign(const gc::dispatch::TicketDragPayload& payload, qint64 workerId) {
        QList<gc::dispatch::TicketRef> refs;
        for (const gc::dispatch::TicketDragItem& item : payload.items)
            refs << gc::dispatch::TicketRef{item.id, item.version};
        int done = 0;
        QStringList errors;
        for (const gc::dispatch::ActionOutcome& o : m_service->assignCheck(refs, workerId))
            o.ok ? void(++done) : void(errors << o.error);
        m_window->showStatus(
            errors.isEmpty()
                ? tr("%1 件工单已指派网格员现场核查").arg(done)
                : tr("指派核查 %1 件成功，%2 件未执行：%3").arg(done).arg(errors.size()).arg(errors.first()),
            8000);
    }

    QTableView* m_view;
    gc::dispatch::TicketService* m_service;
    MainWindow* m_window;
};

// Owns the feed's live objects for the window's lifetime. The server and the simulator each run
// on a thread of their own: 20,000 phones mean thousands of handshakes and a thousand messages a
// second, which must not take the GUI thread from the operator. Results come back to the GUI
// thread as queued calls; every start is asynchronous and reports through a callback.
class FeedController : public QObject {
public:
    using Done = std::function<void(const QString& error)>;

    explicit FeedController(MainWindow* window)
        : QObject(window), m_window(window), m_openFileLimit(raiseOpenFileLimit()) {
        m_serverThread.setObjectName(QStringLiteral("feed-server"));
        m_simulatorThread.setObjectName(QStringLiteral("feed-simulator"));
    }
    ~FeedController() override { shutdown(); }
    // Before the window goes: the server commits and acknowledges what is queued.
    void shutdown() {
        stopSimulator();
        endThread(m_serverThread, m_server, [](FeedServer* server) { server->close(); });
        m_serverState = ServerState::Stopped;
    }

    // Reads the workers on a thread with its own connection, then fills the model.
    void loadWorkers(std::function<void()> done) {
        gc::readCountyInBackground(
            m_window->store().path(), this, &WorkerListModel::readRows,
            [this, done](QList<WorkerListModel::Row> rows, const QString& error) {
                if (!error.isEmpty())
                    m_window->showStatus(
                        QCoreApplication::translate("FeedWiring", "无法读取网格员：%1").arg(error));
                model->setRows(std::move(rows));
                done();
            });
    }

    void startServer(Done done) {
        if (m_serverState == ServerState::Running) {
            done({});
            return;
        }
        m_waitingForServer << std::move(done);
        if (m_serverState == ServerState::Starting)
            return;
        m_serverState = ServerState::Starting;
        m_serverThread.start();
        const QString path = m_window->store().path();
        runIn(
            m_serverThread,
            [this, path] {
                // Below the GUI thread: on two cores the operator's map wins a contended core and
                // the server (with its writer thread, which inherits this) takes the rest; devices
                // see their acknowledgements a few milliseconds later at worst.
                setpriority(PRIO_PROCESS, id_t(syscall(SYS_gettid)), kServerNice);
                auto* server = new FeedServer(path, FeedOptions{});
                QString error;
                // The WebSocket protocol and, as Traccar does, the OsmAnd protocol on 5055; another
                // program holding a port moves ours to a free one.
                if ((!server->listen(QHostAddress::LocalHost, kDefaultPort, &error) &&
                     !server->listen(QHostAddress::LocalHost, 0, &error)) ||
                    (!server->listenOsmAnd(QHostAddress::LocalHost, kDefaultOsmAndPort, &error) &&
                     !server->listenOsmAnd(QHostAddress::LocalHost, 0, &error))) {
                    delete server;
                    server = nullptr;
                }
                m_server = server;
                const quint16 port = server ? server->port() : 0;
                const quint16 osmandPort = server ? server->osmAndPort() : 0;
                QMetaObject::invokeMethod(
                    this, [this, port, osmandPort, error] { serverStarted(port, osmandPort, error); },
                    Qt::QueuedConnection);
            },
            Qt::QueuedConnection);
    }
    QString url() const { return m_port ? QStringLiteral("ws://127.0.0.1:%1/feed").arg(m_port) : QString(); }

    // Starts the server if need be, then the simulated phones of every on-duty worker.
    void startSimulator(std::function<void(const QString& error, int workers)> done) {
        if (m_simulatorThread.isRunning()) {
            done({}, m_simulatedWorkers);
            return;
        }
        startServer([this, done](const QString& error) {
            if (!error.isEmpty()) {
                done(error, 0);
                return;
            }
            if (m_simulatorThread.isRunning())
                return done({}, m_simulatedWorkers);
            // A load generator: it gets the processor only when the operator's GUI and the
            // server leave it idle (SCHED_IDLE on Linux), so the map stays smooth while
            // thousands of phones connect.
            m_simulatorThread.start(QThread::IdlePriority);
            SimulatorOptions o;
            o.url = QUrl(url());
            o.ticketsPerMinute = 2;
            o.gcj02Share = 0.3;
            // Both ends of every simulated WebSocket are in this process: half the descriptors
            // stay free for the map, the database and real devices. Phones beyond that report
            // as Traccar Client does, over the OsmAnd protocol.
            o.maxWebSockets = std::clamp((m_openFileLimit / 2 - 512) / 2, 100, kMaxSimulatedWebSockets);
            o.osmandUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_osmandPort));
            const QString path = m_window->store().path();
            runIn(
                m_simulatorThread,
                [this, path, o, done] {
                    QString error;
                    QList<SimulatedWorker> workers;
                    if (auto store = gc::CountyStore::open(path, &error))
                        workers = FeedSimulator::prepareWorkers(*store, 100000, 1, &error);
                    const int count = int(workers.size());
                    if (count > 0) {
                        auto* simulator = new FeedSimulator(o);
                        simulator->start(std::move(workers));
                        m_simulator = simulator;
                    } else if (error.isEmpty()) {
                        error = QCoreApplication::translate("FeedWiring", "没有在岗的网格员可以模拟");
                    }
                    QMetaObject::invokeMethod(
                        this,
                        [this, error, count, done] {
                            m_simulatedWorkers = count;
                            if (count == 0)
                                stopSimulator();
                            done(error, count);
                        },
                        Qt::QueuedConnection);
                },
                Qt::QueuedConnection);
        });
    }
    void stopSimulator() {
        endThread(m_simulatorThread, m_simulator, [](FeedSimulator* simulator) { simulator->stop(); });
        m_simulatedWorkers = 0;
    }
    void selectWorker(qint64 workerId) {
        if (overlay) {
            const qint64 now = QDateTime::currentSecsSinceEpoch();
            overlay->setSelectedWorker(
                workerId, gc::FeedStore(m_window->store()).track(workerId, now - kTrailSeconds, now));
        }
        m_selected = workerId;
        const int row = model->rowOf(workerId);
        if (row < 0)
            return;
        const gc::WorkerRecord& w = model->rows().at(row).worker;
        m_window->selectGrid(w.gridCodes.value(0));
        if (w.lastAt.isValid())
            flyTo(w.lastLon, w.lastLat);
    }
    // Follow the selected worker: the map moves with each of its fixes.
    void onPositions(const QList<gc::PositionFix>& fixes) {
        if (!following)
            return;
        for (const gc::PositionFix& fix : fixes)
            if (fix.workerId == m_selected)
                flyTo(fix.lon, fix.lat);
    }
    void flyTo(double lon, double lat) {
        if (QObject* map = m_window->part<QObject>(QStringLiteral("map")))
            QMetaObject::invokeMethod(map, "flyToPoint", Q_ARG(double, lon), Q_ARG(double, lat));
    }
    bool following = false;
    qint64 selectedWorker() const {
        return m_selected;
    }

    WorkerListModel* model = nullptr;
    QListWidget* alerts = nullptr;
    WorkerOverlay* overlay = nullptr;

private:
    enum class ServerState { Stopped, Starting, Running };

    // Runs `work` on `thread`'s event loop: blocking by default (stopping), or queued.
    static void runIn(QThread& thread, std::function<void()> work,
                      Qt::ConnectionType type = Qt::BlockingQueuedConnection) {
        auto* context = new QObject;
        context->moveToThread(&thread);
        QMetaObject::invokeMethod(
            context,
            [context, work = std::move(work)] {
                work();
                delete context;
            },
            type);
    }

    // Stops and deletes the object that lives on `thread`, in that thread, then ends the thread.
    template <typename T, typename Stop>
    static void endThread(QThread& thread, std::atomic<T*>& object, Stop stop) {
        if (!thread.isRunning())
            return;
        runIn(thread, [&object, stop] {
            if (T* o = object.exchange(nullptr)) {
                stop(o);
                delete o;
            }
        });
        thread.quit();
        thread.wait();
    }

    void serverStarted(quint16 port, quint16 osmandPort, const QString& error) {
        FeedServer* server = m_server.load();
        m_serverState = server ? ServerState::Running : ServerState::Stopped;
        m_port = port;
        m_osmandPort = osmandPort;
        if (server) {
            FeedPipeline* pipeline = &server->pipeline();
            connect(pipeline, &FeedPipeline::positionsStored, model, &WorkerListModel::applyPositions);
            connect(pipeline, &FeedPipeline::positionsStored, this,
                    [this](const QList<gc::PositionFix>& fixes) { onPositions(fixes); });
            if (overlay)
                connect(pipeline, &FeedPipeline::positionsStored, overlay, &WorkerOverlay::appendToTrail);
            connect(pipeline, &FeedPipeline::ticketReported, this, [this](qint64 id) {
                m_window->showStatus(
                    QCoreApplication::translate("FeedWiring", "收到上报事件：工单 %1").arg(id));
                // The map shows it and the risk engine recounts its grid.
                if (QObject* map = m_window->part<QObject>(QStringLiteral("map")))
                    QMetaObject::invokeMethod(map, "refreshTicket", Q_ARG(qint64, id));
            });
            connect(pipeline, &FeedPipeline::alertRaised, this, [this](const FeedAlert& a) { onAlert(a); });
        } else {
            m_serverThread.quit();
            m_serverThread.wait();
        }
        for (const Done& done : std::exchange(m_waitingForServer, {}))
            done(server ? QString() : error);
    }

    void onAlert(const FeedAlert& a) {
        QString text = describe(a);
        if (const int row = model->rowOf(a.workerId); row >= 0)
            text.replace(QString::number(a.workerId), model->rows().at(row).worker.name);
        const QString stamp =
            QDateTime::fromSecsSinceEpoch(a.at, gc::chinaTimeZone()).toString(QStringLiteral("HH:mm:ss"));
        if (alerts) {
            alerts->insertItem(0, stamp + QLatin1Char(' ') + text);
            while (alerts->count() > 200)
                delete alerts->takeItem(alerts->count() - 1);
        }
        if (a.kind != FeedAlert::Kind::BackInGrids)
            m_window->showStatus(text);
    }

    MainWindow* m_window;
    const int m_openFileLimit;
    qint64 m_selected = 0;
    QThread m_serverThread;
    std::atomic<FeedServer*> m_server{nullptr}; // lives in m_serverThread
    ServerState m_serverState = ServerState::Stopped;
    quint16 m_port = 0;
    quint16 m_osmandPort = 0;
    QList<Done> m_waitingForServer;
    QThread m_simulatorThread;
    std::atomic<FeedSimulator*> m_simulator{nullptr}; // lives in m_simulatorThread
    int m_simulatedWorkers = 0;
};

} // namespace

void MainWindow::setupFeed() {
    auto* feed = new FeedController(this);
    connect(qApp, &QCoreApplication::aboutToQuit, feed, [feed] { feed->shutdown(); });
    feed->model = new WorkerListModel(feed);

    // Workers dock: list with status, filter by name/grid/street, status; double-click selects.
    auto* dock = new QDockWidget(tr("网格员"), this);
    auto* panel = new QWidget(dock);
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* filterRow = new QHBoxLayout;
    auto* search = new QLineEdit(panel);
    search->setPlaceholderText(tr("姓名、网格或街道"));
    search->setClearButtonEnabled(true);
    auto* status = new QComboBox(panel);
    status->addItem(tr("全部状态"), -1);
    for (const WorkerStatus s : {WorkerStatus::Online, WorkerStatus::Stale, WorkerStatus::Offline})
        status->addItem(displayName(s), int(s));
    filterRow->addWidget(search, 1);
    filterRow->addWidget(status);
    layout->addLayout(filterRow);
    auto* filter = new WorkerFilter(panel);
    filter->setSourceModel(feed->model);
    filter->setSortRole(Qt::UserRole);
    auto* table = new QTableView(panel);
    table->setModel(filter);
    table->setSortingEnabled(true);
    table->sortByColumn(WorkerListModel::StatusColumn, Qt::AscendingOrder);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setColumnHidden(WorkerListModel::PhoneColumn, true);
    layout->addWidget(table, 1);
    // Dispatch is set up before the feed: its service is there to take the drops.
    if (auto* service = part<gc::dispatch::TicketService>(QStringLiteral("ticketService")))
        new WorkerTicketDrop(table, service, this);
    auto* follow = new QCheckBox(tr("地图跟随所选网格员"), panel);
    layout->addWidget(follow);
    connect(follow, &QCheckBox::toggled, feed, [feed](bool on) { feed->following = on; });
    auto* counts = new QLabel(panel);
    layout->addWidget(counts);
    // Geofence and arrival judgements (出格、到场、超时未到场), newest first.
    layout->addWidget(new QLabel(tr("告警与到场"), panel));
    feed->alerts = new QListWidget(panel);
    feed->alerts->setMaximumHeight(140);
    layout->addWidget(feed->alerts);
    dock->setWidget(panel);
    addDock(dock, Qt::RightDockWidgetArea, QStringLiteral("workersDock"));
    registerPart(QStringLiteral("workers"), feed->model);

    connect(search, &QLineEdit::textChanged, filter, [filter](const QString& t) { filter->setText(t); });
    connect(status, &QComboBox::currentIndexChanged, filter,
            [filter, status](int) { filter->setStatus(status->currentData().toInt()); });
    connect(table, &QTableView::activated, feed, [feed](const QModelIndex& index) {
        feed->selectWorker(index.data(WorkerListModel::WorkerIdRole).toLongLong());
    });
    const auto updateCounts = [feed, counts] {
        counts->setText(tr("在线 %1 · 信号延迟 %2 · 离线 %3")
                            .arg(feed->model->count(WorkerStatus::Online))
                            .arg(feed->model->count(WorkerStatus::Stale))
                            .arg(feed->model->count(WorkerStatus::Offline)));
    };
    connect(feed->model, &WorkerListModel::countsChanged, counts, updateCounts);
    updateCounts();

    // The worker layer goes onto the map canvas when there is one ("map" part with an
    // invokable addOverlay(gc::map::MapOverlay*)).
    if (QObject* map = part<QObject>(QStringLiteral("map"))) {
        feed->overlay = new WorkerOverlay(feed->model, feed);
        if (QMetaObject::invokeMethod(map, "addOverlay", Q_ARG(gc::map::MapOverlay*, feed->overlay))) {
            connect(feed->overlay, &WorkerOverlay::workerClicked, table, [feed, table, filter](qint64 id) {
                feed->selectWorker(id);
                const QModelIndex index =
                    filter->mapFromSource(feed->model->index(feed->model->rowOf(id), 0));
                if (index.isValid()) {
                    table->selectRow(index.row());
                    table->scrollTo(index);
                }
            });
        } else {
            delete feed->overlay;
            feed->overlay = nullptr;
        }
    }

    // Replay (轨迹回放): the selected worker, or everyone of its grid, over a recent period,
    // with the grid's ticket events appearing as time passes.
    if (feed->overlay) {
        auto* replayDock = new QDockWidget(tr("轨迹回放"), this);
        auto* box = new QWidget(replayDock);
        auto* form = new QVBoxLayout(box);
        auto* scope = new QComboBox(box);
        scope->addItem(tr("所选网格员"));
        scope->addItem(tr("所选网格员所在网格的全部网格员"));
        auto* period = new QComboBox(box);
        for (const int hours : {1, 4, 24, 72})
            period->addItem(tr("最近 %1 小时").arg(hours), hours);
        auto* load = new QPushButton(tr("载入"), box);
        auto* play = new QPushButton(tr("播放"), box);
        play->setCheckable(true);
        play->setEnabled(false);
        auto* speed = new QSpinBox(box);
        speed->setRange(1, 60);
        speed->setValue(10);
        speed->setSuffix(tr(" 倍速"));
        auto* slider = new QSlider(Qt::Horizontal, box);
        slider->setEnabled(false);
        auto* clock = new QLabel(tr("在网格员列表中选中一人，再载入"), box);
        auto* happened = new QListWidget(box);
        auto* controls = new QHBoxLayout;
        controls->addWidget(play);
        controls->addWidget(speed);
        form->addWidget(scope);
        form->addWidget(period);
        form->addWidget(load);
        form->addLayout(controls);
        form->addWidget(slider);
        form->addWidget(clock);
        form->addWidget(happened, 1);
        replayDock->setWidget(box);
        addDock(replayDock, Qt::RightDockWidgetArea, QStringLiteral("replayDock"));
        tabifyDockWidget(dock, replayDock);
        dock->raise();

        auto* replayOverlay = new gc::workers::ReplayOverlay(feed);
        QMetaObject::invokeMethod(part<QObject>(QStringLiteral("map")), "addOverlay",
                                  Q_ARG(gc::map::MapOverlay*, replayOverlay));
        auto replay = std::make_shared<TrackReplay>();
        auto* ticker = new QTimer(box);
        ticker->setInterval(100);
        auto cursor = std::make_shared<double>(0); // seconds into the period, fractional at low speeds

        const auto show = [replay, replayOverlay, clock, happened](qint64 t) {
            replayOverlay->setTime(t);
            clock->setText(QDateTime::fromSecsSinceEpoch(t, gc::chinaTimeZone())
                               .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
            const int n = replay->eventsUntil(t);
            if (n < happened->count())
                happened->clear();
            for (int i = happened->count(); i < n; ++i) {
                const gc::PlacedTicketEvent& e = replay->events().at(i);
                const auto action = gc::ticketActionFromKey(e.action);
                happened->insertItem(0, tr("%1  工单 %2  %3")
                                            .arg(QDateTime::fromSecsSinceEpoch(e.at, gc::chinaTimeZone())
                                                     .toString(QStringLiteral("HH:mm:ss")))
                                            .arg(e.ticketId)
                                            .arg(action ? gc::displayName(*action) : e.action));
            }
        };
        connect(load, &QPushButton::clicked, box,
                [this, feed, replay, replayOverlay, scope, period, slider, play, show, cursor] {
                    const qint64 worker = feed->selectedWorker();
                    const int row = feed->model->rowOf(worker);
                    if (row < 0) {
                        showStatus(tr("请先在网格员列表中选中一人（双击）"));
                        return;
                    }
                    const QString grid = feed->model->rows().at(row).worker.gridCodes.value(0);
                    QList<qint64> workers{worker};
                    if (scope->currentIndex() == 1) {
                        workers.clear();
                        for (const auto& r : feed->model->rows())
                            if (r.worker.gridCodes.contains(grid))
                                workers << r.worker.id;
                    }
                    const qint64 to = QDateTime::currentSecsSinceEpoch();
                    const qint64 from = to - qint64(period->currentData().toInt()) * 3600;
                    *replay = TrackReplay::load(gc::FeedStore(store()), workers, grid, from, to);
                    replayOverlay->setReplay(replay.get());
                    slider->setRange(0, int(to - from));
                    *cursor = 0;
                    slider->setValue(0);
                    slider->setEnabled(true);
                    play->setEnabled(true);
                    show(from);
                    showStatus(tr("回放：%1 名网格员，%2 个定位点，%3 条工单记录")
                                   .arg(workers.size())
                                   .arg(replay->fixCount())
                                   .arg(replay->events().size()));
                });
        connect(slider, &QSlider::valueChanged, box, [replay, show, cursor](int v) {
            if (std::abs(*cursor - v) >= 1)
                *cursor = v; // moved by hand
            show(replay->from() + v);
        });
        connect(play, &QPushButton::toggled, box, [play, ticker](bool on) {
            play->setText(on ? tr("暂停") : tr("播放"));
            on ? ticker->start() : ticker->stop();
        });
        connect(ticker, &QTimer::timeout, box, [ticker, slider, speed, play, cursor] {
            *cursor += speed->value() * (ticker->interval() / 1000.0); // speed × real time
            if (*cursor >= slider->maximum()) {
                *cursor = slider->maximum();
                play->setChecked(false);
            }
            slider->setValue(int(*cursor));
        });
    }

    // Tools: the embedded server (single seat) and the simulator.
    QMenu* tools = menu(QStringLiteral("tools"));
    auto* serverAction = new QAction(tr("实时接入服务（ws://127.0.0.1:%1/feed）").arg(kDefaultPort), feed);
    serverAction->setCheckable(true);
    auto* simulatorAction = new QAction(tr("模拟网格员巡查"), feed);
    simulatorAction->setCheckable(true);
    if (tools) {
        tools->addSeparator();
        tools->addAction(serverAction);
        tools->addAction(simulatorAction);
    }
    connect(serverAction, &QAction::triggered, feed, [this, feed, serverAction](bool on) {
        if (!on) {
            serverAction->setChecked(true); // stays up while the window is open: devices rely on it
            showStatus(tr("实时接入服务运行中：%1").arg(feed->url()));
            return;
        }
        serverAction->setEnabled(false);
        feed->startServer([this, feed, serverAction](const QString& error) {
            serverAction->setEnabled(true);
            serverAction->setChecked(error.isEmpty());
            showStatus(error.isEmpty() ? tr("实时接入服务：%1").arg(feed->url())
                                       : tr("实时接入服务未能启动：%1").arg(error));
        });
    });
    const auto startSimulator = [this, feed, simulatorAction, serverAction](const QString& running) {
        simulatorAction->setEnabled(false);
        showStatus(tr("正在准备模拟网格员…"));
        feed->startSimulator(
            [this, feed, simulatorAction, serverAction, running](const QString& error, int workers) {
                simulatorAction->setEnabled(true);
                simulatorAction->setChecked(error.isEmpty());
                if (!error.isEmpty()) {
                    showStatus(tr("模拟未能启动：%1").arg(error));
                    return;
                }
                serverAction->setChecked(true);
                showStatus(running.arg(workers).arg(feed->url()));
            });
    };
    connect(simulatorAction, &QAction::triggered, feed, [this, feed, startSimulator](bool on) {
        if (on)
            startSimulator(tr("%1 名模拟网格员正在接入 %2"));
        else
            feed->stopSimulator();
    });

    // Positions are stored in the county as they arrive: a county opened read-only cannot take them,
    // so neither the server nor the simulator starts.
    if (store().isReadOnly()) {
        for (QAction* a : {serverAction, simulatorAction}) {
            a->setEnabled(false);
            a->setToolTip(tr("县域数据只读，实时定位无法保存"));
        }
        feed->loadWorkers([] {});
        return;
    }
    // The workers are read off the GUI thread; a new user then sees a living map at once: the
    // demo session starts the server and the simulator.
    const bool demo = isDemoSession();
    feed->loadWorkers([demo, startSimulator] {
        if (demo)
            startSimulator(tr("演示：%1 名网格员正在巡查（%2）"));
    });
}

