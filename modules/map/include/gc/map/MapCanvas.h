#pragma once

#include "gc/core/GridLevel.h"
#include "gc/map/GridLayerData.h"
#include "gc/map/MapFrame.h"
#include "gc/map/MapRenderer.h"
#include "gc/map/MapViewport.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QHash>
#include <QImage>
#include <QPointer>
#include <QSet>
#include <QThreadPool>
#include <QTimer>
#include <QWidget>

#include <atomic>
#include <functional>
#include <memory>

class QVariantAnimation;

namespace gc::map {

class FrameMonitor;

class GridLayerData;
class MapOverlay;
class MapRenderer;
class SelectionOverlay;
class TileCache;
class TileSource;

// Per-grid figures for the hover tooltip, kept up to date by whoever owns the store.
struct GridStats {
    int openTickets = 0;
    int workers = 0;
};

// The map canvas: the last rendered grid image is moved and scaled to the view at once
// on every pan and zoom, and a cancellable background job renders the new view behind
// it (MapRenderer, the same code gridctl uses). Live layers are MapOverlays drawn every
// frame. Registered with the main window as part "map".
class MapCanvas : public QWidget {
    Q_OBJECT
public:
    // Layer keys of the layer panel besides the overlays' own (TicketOverlay "tickets", …).
    static inline const QString kGridsLayer = QStringLiteral("grids");      // the grid image and labels
    static inline const QString kRiskLayer = QStringLiteral("risk");        // risk colours (else neutral)
    static inline const QString kBasemapLayer = QStringLiteral("basemap");  // the tile basemap
    static inline const QString kHotSpotLayer = QStringLiteral("hotspots"); // Gi* bins as the fill

    explicit MapCanvas(QWidget* parent = nullptr);
    ~MapCanvas() override;

    // Loads the county's geometry on a worker thread; dataLoaded() or loadFailed() follows.
    void loadCounty(const QString& path);
    // Takes already loaded data (tests, gridctl); shows the whole county if nothing was shown.
    void setData(std::shared_ptr<GridLayerData> data);
    const std::shared_ptr<GridLayerData>& data() const { return m_data; }
    bool isLoading() const { return m_loading; }

    const MapViewport& viewport() const { return m_viewport; }
    void setViewport(const MapViewport& viewport);
    GridLevel visibleLevel() const;
    bool isRenderPending() const { return m_renderTimer.isActive() || m_jobRunning; }
    const MapFrame& frame() const { return m_frame; }

    // Invokable so modules that only know the canvas as part "map" can add their layers.
    Q_INVOKABLE void addOverlay(gc::map::MapOverlay* overlay);
    Q_INVOKABLE void removeOverlay(gc::map::MapOverlay* overlay);
    QList<MapOverlay*> overlays() const;

    // Switches a layer: one of the k*Layer keys, or every overlay whose layerKey() is `key`
    // (also those added later). Hidden overlays are neither drawn nor clicked.
    Q_INVOKABLE void setLayerVisible(const QString& key, bool visible);
    bool isLayerVisible(const QString& key) const { return !m_hiddenLayers.contains(key); }

    // The grid fill: the risk layer's colouring (live bands; none: the levels loaded with the
    // geometry) when it is on, else the hot-spot layer's when that is on and set, else neutral.
    void setFillColouring(const QString& layerKey, std::shared_ptr<const FeatureColouring> colouring);
    std::shared_ptr<const FeatureColouring> fillColouring(const QString& layerKey) const {
        return m_colourings.value(layerKey);
    }
    // What the current render fills with: null means the loaded risk levels.
    std::shared_ptr<const FeatureColouring> activeColouring() const;
    // The fill class of a feature under the active colouring (a RiskLevel for the risk fill).
    int fillClassOf(FeatureRef ref) const;

    TileCache* basemap() const { return m_tiles; }
    // Takes ownership; nullptr for no basemap. A GCJ-02 source reloads the geometry shifted.
    void setBasemapSource(std::unique_ptr<TileSource> source);

    void setAccessibleMode(bool on);
    bool accessibleMode() const { return m_accessible; }
    void setGridStats(const QHash<QString, GridStats>& stats);
    QString selectedCode() const { return m_selected; }
    QString hoveredCode() const { return m_hovered; }
    // Adds a paragraph about a feature to its hover tooltip (the risk engine's explanation).
    void setFeatureExplainer(std::function<QString(const QString& code)> explainer) {
        m_explainer = std::move(explainer);
    }
    // The risk band the map shows for a feature: the live bands when set, else the loaded level.
    RiskLevel riskOf(FeatureRef ref) const;
    // What the hover tooltip says at a widget pixel.
    QString toolTipAt(QPointF pixel) const;
    // The feature code under a widget pixel at the visible level, empty for none.
    QString codeAt(QPointF pixel) const;
    void setFlyDurationMs(int ms) { m_flyMs = ms; }

public Q_SLOTS:
    // Reads the county's geometry again (after an import), keeping the view; the old picture stays
    // up until the new one is ready.
    void reloadCounty();
    void selectGrid(const QString& code);
    void zoomToBounds(const QRectF& lonLatBounds);
    void flyTo(const QString& code);
    // Centres a CGCS2000 position, zooming in to the grid level if the view is coarser.
    void flyToPoint(double lon, double lat);
    // Asks the ticket layer to reload from the store (see ticketsRefreshRequested).
    void refreshTickets();
    // One ticket was created or acted on (dispatch, the feed): ticketChanged, then a reload.
    void refreshTicket(qint64 id);
    void zoomToCounty();
    void zoomIn();
    void zoomOut();

Q_SIGNALS:
    void gridClicked(const QString& code);
    void ticketClicked(qint64 id);
    void ticketsRefreshRequested();
    void ticketChanged(qint64 id);
    void viewportChanged();
    void dataLoaded();
    void loadFailed(const QString& message);
    void renderFinished();
    void countsChanged();
    void layersChanged();
    // An overlay was added or removed (the layer panel lists their legends).
    void overlaysChanged();

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void leaveEvent(QEvent* event) override;
    bool event(QEvent* event) override;

private:
    void viewChanged();
    void startRender();
    void renderDone();
    void composeBasemap();
    void animateTo(const MapViewport& target);

    std::shared_ptr<GridLayerData> m_data;
    std::shared_ptr<MapRenderer> m_renderer;
    MapViewport m_viewport;
    MapFrame m_frame;
    MapFrame::Decorations m_decorations;
    QList<QPointer<MapOverlay>> m_overlays;
    SelectionOverlay* m_selection;
    TileCache* m_tiles;
    QString m_path;
    bool m_loading = false;
    bool m_accessible = false;

    QThreadPool m_jobPool; // one render job at a time; bands use the global pool
    QTimer m_renderTimer;
    QTimer m_ticketRefresh; // coalesces a burst of refreshTickets() calls
    struct RenderedView {
        QImage grid;
        MapLabels labels;
    };
    QFutureWatcher<RenderedView> m_job;
    std::shared_ptr<std::atomic_bool> m_cancel;
    MapViewport m_jobViewport;
    bool m_jobRunning = false;
    QFutureWatcher<std::shared_ptr<GridLayerData>> m_loader;
    QString m_loadError;
    QElapsedTimer m_openTimer; // open → first frame, logged under gc.map
    bool m_firstFrameLogged = true;

    QPoint m_pressPos;
    QPoint m_lastPos;
    bool m_dragging = false;
    bool m_rubberBand = false;
    QRect m_band;
    QString m_selected;
    QString m_hovered;
    QSet<QString> m_hiddenLayers{kHotSpotLayer};
    QHash<QString, std::shared_ptr<const FeatureColouring>> m_colourings;
    QHash<QString, GridStats> m_stats;
    std::function<QString(const QString&)> m_explainer;
    QVariantAnimation* m_flight = nullptr;
    int m_flyMs = 450;
    FrameMonitor* m_frameMonitor = nullptr; // frame and input-latency figures, when logging asks
};

} // namespace gc::map
