#include "MainWindow.h"

#include "DashboardWindow.h"
#include "ReportDialog.h"

#include "gc/core/RiskLevel.h"
#include "gc/store/GridHierarchyModel.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QScreen>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTabBar>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

Q_LOGGING_CATEGORY(lcApp, "gc.app", QtInfoMsg)

namespace {

// Adds the risk colour as a swatch to the risk column; the model stays free of QtGui.
class RiskColourProxy : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    QVariant data(const QModelIndex& index, int role) const override {
        if (role == Qt::DecorationRole && index.column() == gc::GridHierarchyModel::RiskColumn) {
            const int risk = QSortFilterProxyModel::data(index, gc::GridHierarchyModel::RiskRole).toInt();
            return QColor::fromRgb(gc::RiskLevels::rgb(static_cast<gc::RiskLevel>(risk)));
        }
        return QSortFilterProxyModel::data(index, role);
    }
};

} // namespace

MainWindow::MainWindow(std::unique_ptr<gc::CountyStore> store, bool demoSession, QWidget* parent)
    : QMainWindow(parent), m_store(std::move(store)), m_demoSession(demoSession) {
    setWindowTitle(m_store->isReadOnly() ? tr("网格化指挥中心 — %1（只读）").arg(m_store->info().name)
                                         : tr("网格化指挥中心 — %1").arg(m_store->info().name));
    setWindowIcon(QIcon(QStringLiteral(":/gridcommand/icons/gridcommand.svg")));
    setDockOptions(AnimatedDocks | AllowNestedDocks | AllowTabbedDocks);
    resize(1600, 960);
    QElapsedTimer startup;
    startup.start();
    createMenus();
    installDashboardAction(*this); // View → 大屏模式 (F11), DashboardWindow.cpp
    createHierarchyDock();
    qCInfo(lcApp, "hierarchy loaded: %lld ms", startup.restart());

    // Until the map module is wired, the centre says what this county holds.
    auto* placeholder = new QLabel(tr("%1\n请在左侧网格层级中浏览").arg(m_store->info().name), this);
    placeholder->setAlignment(Qt::AlignCenter);
    placeholder->setStyleSheet(QStringLiteral("font-size: 20pt; color: #667;"));
    setCentralWidget(placeholder);

    setupMap();
    setupAnalyst();
    ReportDialog::addTo(this); // File → 导出报告…
    qCInfo(lcApp, "map and analyst wired: %lld ms", startup.restart());

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray())) {
        // A command-center screen: use all of it (also where no window manager maximizes).
        if (const QScreen* s = screen())
            setGeometry(s->availableGeometry());
        setWindowState(Qt::WindowMaximized);
    }
    // The map's first frame comes first: the ticket queue and the worker list load
    // hundreds of thousands of rows on the UI thread, so they are wired once the map
    // has drawn (or after a short wait, should it fail to).
    if (QObject* map = part<QObject>(QStringLiteral("map"))) {
        connect(map, SIGNAL(dataLoaded()), this, SLOT(mapDataLoaded()));
        QTimer::singleShot(5000, this, &MainWindow::finishStartup);
    } else {
        QTimer::singleShot(0, this, &MainWindow::finishStartup);
    }
    showStatus(m_store->isReadOnly()
                   ? tr("已只读打开 %1：文件或所在文件夹不可写，不能办理工单、导入或接入实时定位")
                         .arg(m_store->path())
                   : tr("已打开 %1").arg(m_store->path()),
               8000);
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus() {
    const auto add = [&](const QString& key, const QString& title) {
        QMenu* m = menuBar()->addMenu(title);
        m->setObjectName(key + QStringLiteral("Menu"));
        m_menus.insert(key, m);
        return m;
    };
    QMenu* file = add(QStringLiteral("file"), tr("文件(&F)"));
    QAction* open = file->addAction(tr("打开县域数据(&O)…"), this, &MainWindow::openCounty);
    open->setShortcut(QKeySequence::Open);
    file->addSeparator();
    QAction* quit = file->addAction(tr("退出(&Q)"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    // Module actions go above the separator.
    file->insertSeparator(quit);
    add(QStringLiteral("view"), tr("视图(&V)"));
    add(QStringLiteral("tools"), tr("工具(&T)"));
    QMenu* help = add(QStringLiteral("help"), tr("帮助(&H)"));
    help->addAction(tr("关于网格化指挥中心(&A)"), this, [this] {
        QMessageBox::about(this, tr("关于"),
                           tr("<h3>网格化指挥中心 GridCommand %1</h3><p>县级综治中心网格化管理指挥平台。</p>"
                              "<p>当前数据：%2（%3）<br>文件：%4</p>")
                               .arg(QApplication::applicationVersion(), m_store->info().name,
                                    m_store->info().code, m_store->path().toHtmlEscaped()));
    });
    m_toolBar = addToolBar(tr("主工具栏"));
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setMovable(true);
}

void MainWindow::createHierarchyDock() {
    m_hierarchy = new gc::GridHierarchyModel(this);
    m_hierarchy->load(*m_store);
    m_hierarchyFilter = new RiskColourProxy(this);
    m_hierarchyFilter->setSourceModel(m_hierarchy);
    m_hierarchyFilter->setRecursiveFilteringEnabled(true);
    m_hierarchyFilter->setFilterKeyColumn(-1);
    m_hierarchyFilter->setFilterCaseSensitivity(Qt::CaseInsensitive);

    auto* panel = new QWidget(this);
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(4, 4, 4, 4);
    m_levelCounts = new QLabel(panel);
    m_levelCounts->setWordWrap(true);
    m_levelCounts->setObjectName(QStringLiteral("levelCounts"));
    auto* filter = new QLineEdit(panel);
    filter->setPlaceholderText(tr("按名称或编码筛选…"));
    filter->setClearButtonEnabled(true);
    connect(filter, &QLineEdit::textChanged, m_hierarchyFilter, &QSortFilterProxyModel::setFilterFixedString);
    m_tree = new QTreeView(panel);
    m_tree->setObjectName(QStringLiteral("hierarchyTree"));
    m_tree->setModel(m_hierarchyFilter);
    m_tree->setUniformRowHeights(true); // keeps 90,000 rows cheap to scroll
    m_tree->setSortingEnabled(false);
    m_tree->header()->setStretchLastSection(false);
    m_tree->setColumnWidth(gc::GridHierarchyModel::NameColumn, 190);
    m_tree->setColumnWidth(gc::GridHierarchyModel::CodeColumn, 125);
    m_tree->setColumnWidth(gc::GridHierarchyModel::RiskColumn, 62);
    m_tree->setColumnWidth(gc::GridHierarchyModel::HouseholdsColumn, 70);
    m_tree->setColumnHidden(gc::GridHierarchyModel::PopulationColumn, true);
    m_tree->expandToDepth(0);
    layout->addWidget(m_levelCounts);
    layout->addWidget(filter);
    layout->addWidget(m_tree);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) {
                if (m_selecting || !current.isValid())
                    return;
                const QString code = current.data(gc::GridHierarchyModel::CodeRole).toString();
                m_selecting = true;
                Q_EMIT gridSelected(code);
                m_selecting = false;
            });

    auto* dock = new QDockWidget(tr("网格层级"), this);
    dock->setWidget(panel);
    addDock(dock, Qt::LeftDockWidgetArea, QStringLiteral("hierarchyDock"));
    updateLevelCounts();
}

void MainWindow::updateLevelCounts() {
    QStringList parts;
    for (int l = 1; l <= gc::kGridLevelCount; ++l) {
        const auto level = static_cast<gc::GridLevel>(l);
        parts << tr("%1 %L2").arg(gc::GridLevels::displayName(level)).arg(m_hierarchy->count(level));
    }
    m_levelCounts->setText(parts.join(QStringLiteral(" · ")));
}

void MainWindow::mapDataLoaded() {
    // The next finished render is the first one with the county on it.
    if (QObject* map = part<QObject>(QStringLiteral("map")))
        connect(map, SIGNAL(renderFinished()), this, SLOT(finishStartup()));
}

void MainWindow::finishStartup() {
    if (m_started)
        return;
    m_started = true;
    QElapsedTimer timer;
    timer.start();
    setupDispatch();
    qCInfo(lcApp, "dispatch wired: %lld ms", timer.restart());
    setupFeed();
    qCInfo(lcApp, "feed wired: %lld ms", timer.restart());
    setupRisk();
    setupAssess();
    qCInfo(lcApp, "risk wired: %lld ms", timer.restart());
    // Restored after every module added its docks, so all of them find their place.
    if (!restoreState(QSettings().value(QStringLiteral("mainWindow/state")).toByteArray()))
        // Queued, so it runs after the modules' own first-start sizing.
        QTimer::singleShot(0, this, &MainWindow::arrangeDefaultLayout);
    Q_EMIT startupFinished();
}

void MainWindow::arrangeDefaultLayout() {
    const auto dock = [this](const char* name) { return findChild<QDockWidget*>(QLatin1String(name)); };
    QDockWidget* hierarchy = dock("hierarchyDock");
    QDockWidget* legend = dock("mapLegendDock");
    QDockWidget* queue = dock("ticketQueueDock");
    QDockWidget* detail = dock("ticketDetailDock");
    QDockWidget* departments = dock("departmentDock");
    const int h = height();
    const int w = width();
    // Below about 1366 px (a 1024×768 or 1280×800 screen) the full layout leaves the map a strip
    // and each list three rows: there every dock but the queue is a tab behind the departments,
    // on the right, so the map keeps half the width and queue and departments half the height.
    const bool compact = w < kCompactLayoutWidth;
    // Left: the hierarchy, with workers and replay as tabs behind it; the legend below
    // (split first: a dock split off a tabbed one would become another tab).
    if (legend && !compact) {
        splitDockWidget(hierarchy, legend, Qt::Vertical);
        resizeDocks({hierarchy, legend}, {h * 3 / 4, h / 4}, Qt::Vertical);
    }
    for (const char* name : {"workersDock", "replayDock", "riskDock"})
        if (QDockWidget* d = dock(name)) {
            addDockWidget(Qt::LeftDockWidgetArea, d);
            tabifyDockWidget(hierarchy, d);
        }
    if (legend && compact)
        tabifyDockWidget(hierarchy, legend);
    hierarchy->raise();
    // Right: queue, detail and departments stacked, so a ticket dragged from the queue
    // always has every department in sight.
    if (queue && detail && departments) {
        addDockWidget(Qt::RightDockWidgetArea, departments);
        splitDockWidget(queue, departments, Qt::Vertical);
        if (compact) {
            // One side only (the queue alone needs some 440 px): the left docks become tabs
            // behind the departments, beside the detail.
            for (QDockWidget* d :
                 {detail, hierarchy, dock("workersDock"), dock("replayDock"), dock("riskDock"), legend})
                if (d)
                    tabifyDockWidget(departments, d);
            departments->raise();
            resizeDocks({queue, departments}, {h / 2, h / 2}, Qt::Vertical);
            resizeDocks({queue}, {w * 2 / 5}, Qt::Horizontal);
        } else {
            splitDockWidget(queue, detail, Qt::Vertical);
            resizeDocks({queue, detail, departments}, {h * 2 / 5, h * 3 / 10, h * 3 / 10}, Qt::Vertical);
            resizeDocks({hierarchy, queue}, {400, 640}, Qt::Horizontal);
        }
    } else {
        resizeDocks({hierarchy}, {compact ? w / 5 : 420}, Qt::Horizontal);
    }
}

bool MainWindow::event(QEvent* event) {
    // Dock tab bars are the window's own children, made by its layout: watch each one.
    if (event->type() == QEvent::ChildPolished)
        if (auto* bar = qobject_cast<QTabBar*>(static_cast<QChildEvent*>(event)->child()))
            bar->installEventFilter(this);
    return QMainWindow::event(event);
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event) {
    // Qt 6.4's dock layout can show a tab bar that holds no tab: on the first run (docks tabbed
    // on the right, then moved into a tab group on the left) one such bar lay on top of the
    // 网格员/轨迹回放 tabs and took their clicks until a restart. An empty bar is hidden again.
    if (event->type() == QEvent::Show)
        if (auto* bar = qobject_cast<QTabBar*>(watched); bar && bar->count() == 0)
            QTimer::singleShot(0, bar, [bar] {
                if (bar->count() == 0)
                    bar->hide();
            });
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::addDock(QDockWidget* dock, Qt::DockWidgetArea area, const QString& objectName) {
    dock->setObjectName(objectName);
    addDockWidget(area, dock);
    m_menus.value(QStringLiteral("view"))->addAction(dock->toggleViewAction());
}

void MainWindow::showStatus(const QString& message, int timeoutMs) {
    statusBar()->showMessage(message, timeoutMs);
}

void MainWindow::selectGrid(const QString& code) {
    if (m_selecting)
        return;
    const QModelIndex source = m_hierarchy->indexForCode(code);
    const QModelIndex index = m_hierarchyFilter->mapFromSource(source);
    if (!index.isValid())
        return;
    m_selecting = true;
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
    m_selecting = false;
    Q_EMIT gridSelected(code);
}

void MainWindow::openCounty() {
    const QString path = QFileDialog::getOpenFileName(this, tr("打开县域数据"), QString(),
                                                      tr("GridCommand 县域数据 (*.gpkg);;所有文件 (*)"));
    if (path.isEmpty())
        return;
    QString error;
    // Check before switching: a bad file must leave the current county open.
    if (!gc::CountyStore::open(path, &error, gc::CountyStore::Access::ReadOnly)) {
        QMessageBox::warning(this, tr("无法打开"), error);
        return;
    }
    // A county is the app's whole context: a fresh process is the honest way to switch.
    QProcess::startDetached(QApplication::applicationFilePath(), {path});
    close();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    if (m_started) // before that, half the docks do not exist yet
        settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    QMainWindow::closeEvent(event);
}
