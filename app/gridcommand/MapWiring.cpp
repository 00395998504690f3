// Wiring of the map module into the main window: the canvas in the centre, layers and legend
// as a dock, search in the toolbar, basemap choices in the View menu, open tickets as an overlay.
#include "MainWindow.h"

#include "gc/map/GridLayerData.h"
#include "gc/map/GridSearchBox.h"
#include "gc/map/LayerPanel.h"
#include "gc/map/MapCanvas.h"
#include "gc/map/MbTilesSource.h"
#include "gc/map/TicketOverlay.h"
#include "gc/map/TileCache.h"
#include "gc/map/XyzTileSource.h"
#include "gc/store/BackgroundRead.h"

#include <QActionGroup>
#include <QCursor>
#include <QDockWidget>
#include <QFileDialog>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QScrollArea>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>

#include <QToolBar>
#include <QToolTip>
#include <memory>

namespace {

using namespace gc::map;

// Basemap choices; URL templates are public XYZ endpoints (Tianditu needs a user key).
struct BasemapChoice {
    const char* key;
    const char* title;
    const char* url;
    bool gcj02;
};
constexpr BasemapChoice kBasemaps[] = {
    {"none", QT_TRANSLATE_NOOP("MainWindow", "无底图"), "", false},
    {"osm", QT_TRANSLATE_NOOP("MainWindow", "OpenStreetMap"),
     "https://tile.openstreetmap.org/{z}/{x}/{y}.png", false},
    {"tianditu", QT_TRANSLATE_NOOP("MainWindow", "天地图矢量（需密钥）"),
     "https://t{s}.tianditu.gov.cn/vec_w/"
     "wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default"
     "&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={key}",
     false},
    {"amap", QT_TRANSLATE_NOOP("MainWindow", "高德地图（GCJ-02）"),
     "https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}",
     true},
};

} // namespace

void MainWindow::setupMap() {
    auto* canvas = new MapCanvas(this);
    setCentralWidget(canvas);
    registerPart(QStringLiteral("map"), canvas);
    canvas->loadCounty(m_store->path()); // geometry loads off the UI thread

    // Layers and legend dock (the fill legend with its counts is part of the layer panel).
    auto* legendDock = new QDockWidget(tr("图层与图例"), this);
    auto* scroll = new QScrollArea(legendDock);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* layers = new LayerPanel(canvas, scroll);
    scroll->setWidget(layers);
    legendDock->setWidget(scroll);
    addDock(legendDock, Qt::LeftDockWidgetArea, QStringLiteral("mapLegendDock"));
    registerPart(QStringLiteral("layers"), layers);

    // Search and zoom in the toolbar.
    toolBar()->addSeparator();
    auto* search = new GridSearchBox(canvas, toolBar());
    toolBar()->addWidget(search);
    QAction* home = toolBar()->addAction(tr("全县"), canvas, &MapCanvas::zoomToCounty);
    home->setToolTip(tr("显示全县（Home）"));
    toolBar()->addAction(tr("放大"), canvas, &MapCanvas::zoomIn);
    toolBar()->addAction(tr("缩小"), canvas, &MapCanvas::zoomOut);

    // Selection both ways: map → tree through selectGrid, tree → map through gridSelected;
    // a grid chosen in the tree that is off screen is flown to.
    connect(canvas, &MapCanvas::gridClicked, this, &MainWindow::selectGrid);
    connect(this, &MainWindow::gridSelected, canvas, [canvas](const QString& code) {
        canvas->selectGrid(code);
        const auto& data = canvas->data();
        if (!data)
            return;
        const MapFeature* f = data->feature(data->find(code));
        if (f && !canvas->viewport().extent().contains(f->bounds))
            canvas->flyTo(code);
    });
    connect(canvas, &MapCanvas::loadFailed, this,
            [this](const QString& message) { QMessageBox::warning(this, tr("地图无法加载"), message); });

    // Open tickets, and the per-grid figures of the tooltip, once the first frame is up.
    auto* tickets = new TicketOverlay(canvas);
    canvas->addOverlay(tickets);
    connect(tickets, &TicketOverlay::ticketClicked, canvas, [canvas](qint64 id, const QString& summary) {
        QToolTip::showText(QCursor::pos(), summary, canvas);
        Q_EMIT canvas->ticketClicked(id); // the dispatch workbench selects it
    });
    connect(tickets, &TicketOverlay::zoomRequested, canvas, &MapCanvas::zoomToBounds);
    auto* refreshTickets = new QAction(tr("刷新工单标注"), this);
    // Read on a thread with a connection of its own (at 90,000 grids the worker list alone would
    // hold the GUI for a third of a second), then shown; a refresh asked for meanwhile runs after.
    enum class Refresh { Idle, Running, RunningAndAskedAgain };
    auto refresh = std::make_shared<Refresh>(Refresh::Idle);
    connect(refreshTickets, &QAction::triggered, this, [this, canvas, tickets, refresh, refreshTickets] {
        if (*refresh != Refresh::Idle) {
            *refresh = Refresh::RunningAndAskedAgain;
            return;
        }
        *refresh = Refresh::Running;
        struct MarkersAndStats {
            QList<TicketOverlay::Marker> markers;
            QHash<QString, GridStats> stats;
        };
        gc::readCountyInBackground(
            m_store->path(), this,
            [](gc::CountyStore& store) {
                MarkersAndStats out;
                out.markers = TicketOverlay::readMarkers(store);
                for (const TicketOverlay::Marker& m : out.markers)
                    ++out.stats[m.gridCode].openTickets;
                for (const gc::WorkerRecord& w : store.workers())
                    for (const QString& code : w.gridCodes)
                        ++out.stats[code].workers;
                return out;
            },
            [this, canvas, tickets, refresh, refreshTickets](MarkersAndStats read, const QString& error) {
                if (error.isEmpty()) {
                    tickets->setMarkers(read.markers);
                    canvas->setGridStats(read.stats);
                } else {
                    showStatus(tr("无法读取工单标注：%1").arg(error));
                }
                const bool again = *refresh == Refresh::RunningAndAskedAgain;
                *refresh = Refresh::Idle;
                if (again)
                    refreshTickets->trigger();
            });
    });
    connect(canvas, &MapCanvas::ticketsRefreshRequested, refreshTickets, &QAction::trigger);
    // After the first frame, so the grids never wait for the ticket and worker queries.
    connect(canvas, &MapCanvas::renderFinished, refreshTickets, &QAction::trigger, Qt::SingleShotConnection);

    // View menu: accessible mode and the basemap.
    QMenu* view = menu(QStringLiteral("view"));
    view->addSeparator();
    view->addAction(refreshTickets);
    QMenu* basemapMenu = view->addMenu(tr("底图"));
    auto* group = new QActionGroup(basemapMenu);
    const QString cacheDir =
        QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/tiles");
    const auto apply = [this, canvas, cacheDir](const QString& key, bool ask) {
        QSettings settings;
        if (key == QLatin1String("mbtiles")) {
            QString path = settings.value(QStringLiteral("map/mbtilesPath")).toString();
            if (ask || path.isEmpty())
                path = QFileDialog::getOpenFileName(this, tr("选择离线底图"), path,
                                                    tr("MBTiles (*.mbtiles);;所有文件 (*)"));
            if (path.isEmpty())
                return;
            QString error;
            auto source = MbTilesSource::open(path, &error);
            if (!source) {
                QMessageBox::warning(this, tr("离线底图"), error);
                return;
            }
            settings.setValue(QStringLiteral("map/mbtilesPath"), path);
            settings.setValue(QStringLiteral("map/basemap"), key);
            canvas->setBasemapSource(std::move(source));
            return;
        }
        for (const BasemapChoice& b : kBasemaps) {
            if (key != QLatin1String(b.key))
                continue;
            QString url = QString::fromLatin1(b.url);
            if (url.contains(QLatin1String("{key}"))) {
                QString tk = settings.value(QStringLiteral("map/tiandituKey")).toString();
                if (ask || tk.isEmpty())
                    tk = QInputDialog::getText(this, tr("天地图"), tr("天地图开发者密钥（tk）："),
                                               QLineEdit::Normal, tk);
                if (tk.isEmpty())
                    return;
                settings.setValue(QStringLiteral("map/tiandituKey"), tk);
                url.replace(QLatin1String("{key}"), tk);
            }
            settings.setValue(QStringLiteral("map/basemap"), key);
            if (url.isEmpty()) {
                canvas->setBasemapSource(nullptr);
                return;
            }
            auto source = std::make_unique<XyzTileSource>(url, cacheDir);
            source->setGcj02(b.gcj02);
            canvas->setBasemapSource(std::move(source));
        }
    };
    const QString current =
        QSettings().value(QStringLiteral("map/basemap"), QStringLiteral("none")).toString();
    const auto addChoice = [&](const QString& key, const QString& title) {
        QAction* a = basemapMenu->addAction(title);
        a->setCheckable(true);
        a->setChecked(key == current);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [apply, key] { apply(key, true); });
    };
    for (const BasemapChoice& b : kBasemaps)
        addChoice(QString::fromLatin1(b.key), tr(b.title));
    addChoice(QStringLiteral("mbtiles"), tr("离线 MBTiles 文件…"));
    if (current != QLatin1String("none"))
        apply(current, false);
}
