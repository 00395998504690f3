#include "gc/map/MapCanvas.h"

#include "gc/map/FrameMonitor.h"

#include "gc/core/RiskLevel.h"
#include "gc/map/GridLayerData.h"
#include "gc/map/MapOverlay.h"
#include "gc/map/MapRenderer.h"
#include "gc/map/RiskStyle.h"
#include "gc/map/TileCache.h"

#include <QKeyEvent>
#include <QLineF>
#include <QLoggingCategory>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <QVariantAnimation>
#include <QWheelEvent>
#include <QtConcurrent>

#include <cmath>

Q_LOGGING_CATEGORY(lcMap, "gc.map", QtInfoMsg)

namespace gc::map {

namespace {

constexpr int kRenderDelayMs = 25; // lets a burst of wheel steps end before a job starts
constexpr int kDragThreshold = 4;

QPainterPath featurePath(const MapLevel& level, const MapFeature& f, const MapViewport& vp) {
    QPainterPath path;
    path.setFillRule(Qt::OddEvenFill);
    for (quint32 r = f.firstRing; r < f.firstRing + f.ringCount; ++r) {
        QPolygonF poly;
        poly.reserve(level.ringStarts[r + 1] - level.ringStarts[r]);
        for (quint32 k = level.ringStarts[r]; k < level.ringStarts[r + 1]; ++k)
            poly << vp.toPixel(level.points[k]);
        path.addPolygon(poly);
        path.closeSubpath();
    }
    return path;
}

} // namespace

// The selected and the hovered feature, outlined over everything else.
class SelectionOverlay : public MapOverlay {
public:
    using MapOverlay::MapOverlay;
    int z() const override { return 1000; }
    QString selected;
    QString hovered;
    void paint(QPainter& p, const MapViewport& vp, const GridLayerData& data) override {
        p.setRenderHint(QPainter::Antialiasing);
        p.setBrush(Qt::NoBrush);
        const auto outline = [&](const QString& code, const QPen& pen) {
            const FeatureRef ref = data.find(code);
            const MapFeature* f = data.feature(ref);
            if (!f || !vp.extent().intersects(f->bounds.adjusted(-1, -1, 1, 1)))
                return;
            p.setPen(pen);
            p.drawPath(featurePath(data.level(ref.level), *f, vp));
        };
        if (!hovered.isEmpty() && hovered != selected)
            outline(hovered, QPen(RiskStyle::hoverColor(), 2.0));
        if (!selected.isEmpty()) {
            outline(selected, QPen(QColor(0, 0, 0, 140), 5.0));
            outline(selected, QPen(RiskStyle::selectionColor(), 3.0));
        }
    }
};

MapCanvas::MapCanvas(QWidget* parent)
    : QWidget(parent), m_selection(new SelectionOverlay(this)), m_tiles(new TileCache(this)) {
    setObjectName(QStringLiteral("mapCanvas"));
    m_frameMonitor = new FrameMonitor(this);
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(200, 150);
    m_jobPool.setMaxThreadCount(1);
    m_renderTimer.setSingleShot(true);
    m_renderTimer.setInterval(kRenderDelayMs);
    connect(&m_renderTimer, &QTimer::timeout, this, &MapCanvas::startRender);
    m_ticketRefresh.setSingleShot(true);
    m_ticketRefresh.setInterval(150);
    connect(&m_ticketRefresh, &QTimer::timeout, this, &MapCanvas::ticketsRefreshRequested);
    connect(&m_job, &QFutureWatcher<RenderedView>::finished, this, &MapCanvas::renderDone);
    connect(&m_loader, &QFutureWatcher<std::shared_ptr<GridLayerData>>::finished, this, [this] {
        m_loading = false;
        auto data = m_loader.result();
        qCInfo(lcMap) << "geometry of" << m_path << "on the UI thread" << m_openTimer.elapsed()
                      << "ms after opening";
        if (!data) {
            Q_EMIT loadFailed(m_loadError);
            update();
            return;
        }
        setData(data);
    });
    connect(m_tiles, &TileCache::updated, this, [this] {
        composeBasemap();
        update();
    });
    connect(m_tiles, &TileCache::statusChanged, this, [this](const QString& note) {
        m_decorations.statusNote = note;
        update();
    });
    addOverlay(m_selection);
}

MapCanvas::~MapCanvas() {
    if (m_cancel)
        m_cancel->store(true);
    m_job.waitForFinished();
    m_loader.waitForFinished();
}

void MapCanvas::loadCounty(const QString& path) {
    m_path = path;
    m_loading = true;
    m_openTimer.start();
    m_firstFrameLogged = false;
    const bool gcj02 = m_tiles->source() && m_tiles->source()->isGcj02();
    m_loader.setFuture(QtConcurrent::run([this, path, gcj02, timer = m_openTimer] {
        QString error;
        auto data = GridLayerData::loadFile(path, GridLayerData::LoadOptions{gcj02}, &error);
        qCInfo(lcMap) << "geometry read and projected in" << timer.elapsed() << "ms (worker thread)";
        if (!data)
            m_loadError = error; // read on the UI thread only after the future finished
        return data;
    }));
    update();
}

void MapCanvas::reloadCounty() {
    if (!m_path.isEmpty())
        loadCounty(m_path);
}

void MapCanvas::setData(std::shared_ptr<GridLayerData> data) {
    if (m_cancel)
        m_cancel->store(true);
    m_job.waitForFinished();
    const bool first = !m_data;
    m_data = std::move(data);
    m_renderer = m_data ? std::make_shared<MapRenderer>(m_data) : nullptr;
    m_frame.setGridImage({}, {});
    if (m_data && (first || !m_viewport.isValid()))
        m_viewport = MapViewport::fit(m_data->bounds(), size());
    m_viewport.setSize(size());
    Q_EMIT dataLoaded();
    Q_EMIT countsChanged();
    viewChanged();
    startRender(); // the first frame should not wait for the debounce
}

void MapCanvas::setViewport(const MapViewport& viewport) {
    m_viewport = viewport;
    m_viewport.setSize(size());
    viewChanged();
}

GridLevel MapCanvas::visibleLevel() const {
    return m_data ? LevelOfDetail::fillLevel(*m_data, m_viewport.resolution()) : GridLevel::Grid;
}

void MapCanvas::addOverlay(MapOverlay* overlay) {
    if (!overlay || m_overlays.contains(overlay))
        return;
    m_overlays << overlay;
    if (!overlay->layerKey().isEmpty() && m_hiddenLayers.contains(overlay->layerKey()))
        overlay->setVisible(false);
    std::stable_sort(m_overlays.begin(), m_overlays.end(),
                     [](const auto& a, const auto& b) { return (a ? a->z() : 0) < (b ? b->z() : 0); });
    connect(overlay, &MapOverlay::changed, this, qOverload<>(&QWidget::update));
    update();
    Q_EMIT overlaysChanged();
}

void MapCanvas::removeOverlay(MapOverlay* overlay) {
    m_overlays.removeAll(overlay);
    if (overlay)
        disconnect(overlay, nullptr, this, nullptr);
    update();
    Q_EMIT overlaysChanged();
}

void MapCanvas::setFillColouring(const QString& layerKey, std::shared_ptr<const FeatureColouring> colouring) {
    const bool active = activeColouring() == m_colourings.value(layerKey);
    m_colourings.insert(layerKey, std::move(colouring));
    if (active || activeColouring() == m_colourings.value(layerKey)) {
        viewChanged();
        Q_EMIT countsChanged();
    }
}

std::shared_ptr<const FeatureColouring> MapCanvas::activeColouring() const {
    if (isLayerVisible(kRiskLayer))
        return m_colourings.value(kRiskLayer);
    if (isLayerVisible(kHotSpotLayer) && m_colourings.value(kHotSpotLayer))
        return m_colourings.value(kHotSpotLayer);
    static const auto neutral = [] {
        auto c = std::make_shared<FeatureColouring>();
        c->palette = {RiskStyle::neutralFill()};
        c->classNames = {tr("不填色")};
        c->uniformClass = 0;
        c->classesAreRisk = false;
        return std::shared_ptr<const FeatureColouring>(c);
    }();
    return neutral;
}

int MapCanvas::fillClassOf(FeatureRef ref) const {
    const MapFeature* f = m_data ? m_data->feature(ref) : nullptr;
    if (!f)
        return -1;
    const auto c = activeColouring();
    return c ? c->classOf(ref.level, ref.index, f->risk) : int(f->risk);
}

QList<MapOverlay*> MapCanvas::overlays() const {
    QList<MapOverlay*> out;
    for (const auto& o : m_overlays)
        if (o)
            out << o.data();
    return out;
}

void MapCanvas::setLayerVisible(const QString& key, bool visible) {
    if (isLayerVisible(key) == visible)
        return;
    if (visible)
        m_hiddenLayers.remove(key);
    else
        m_hiddenLayers.insert(key);
    for (const auto& o : m_overlays)
        if (o && o->layerKey() == key)
            o->setVisible(visible);
    m_frame.setGridVisible(isLayerVisible(kGridsLayer));
    m_frame.setBasemapVisible(isLayerVisible(kBasemapLayer));
    if (key == kRiskLayer || key == kHotSpotLayer) {
        viewChanged(); // the fills change: a new render
        Q_EMIT countsChanged();
    }
    if (key == kBasemapLayer)
        composeBasemap();
    update();
    Q_EMIT layersChanged();
}

void MapCanvas::setBasemapSource(std::unique_ptr<TileSource> source) {
    const bool gcj02 = source && source->isGcj02();
    m_tiles->setSource(std::move(source));
    if (m_data && gcj02 != m_data->isGcj02() && !m_path.isEmpty())
        loadCounty(m_path); // geometry must be shifted to match (or un-shifted)
    composeBasemap();
    update();
}

void MapCanvas::setAccessibleMode(bool on) {
    if (m_accessible == on)
        return;
    m_accessible = on;
    viewChanged();
}

void MapCanvas::setGridStats(const QHash<QString, GridStats>& stats) {
    // Parents show the sum of their children.
    m_stats = stats;
    for (auto it = stats.begin(); it != stats.end(); ++it) {
        QString code = GridCode::parentCode(it.key());
        while (!code.isEmpty()) {
            GridStats& s = m_stats[code];
            s.openTickets += it->openTickets;
            s.workers += it->workers;
            const QString next = GridCode::parentCode(code);
            if (next == code)
                break;
            code = next;
        }
    }
}

QString MapCanvas::codeAt(QPointF pixel) const {
    if (!m_data)
        return {};
    const FeatureRef ref = m_data->hitTest(visibleLevel(), m_viewport.toMercator(pixel));
    const MapFeature* f = m_data->feature(ref);
    return f ? f->code : QString();
}

QString MapCanvas::toolTipAt(QPointF pixel) const {
    if (!m_data)
        return {};
    for (auto it = m_overlays.crbegin(); it != m_overlays.crend(); ++it)
        if (*it && (*it)->isVisible())
            if (QString t = (*it)->toolTip(pixel, m_viewport, *m_data); !t.isEmpty())
                return t;
    const FeatureRef ref = m_data->hitTest(visibleLevel(), m_viewport.toMercator(pixel));
    const MapFeature* f = m_data->feature(ref);
    if (!f)
        return {};
    const GridStats s = m_stats.value(f->code);
    QString text =
        tr("<b>%1</b><br>编码：%2<br>层级：%3<br>风险等级：%4<br>户数：%L5<br>在办工单：%6<br>网格员：%7")
            .arg(f->name.toHtmlEscaped(), f->code, GridLevels::displayName(ref.level),
                 RiskLevels::displayName(riskOf(ref)))
            .arg(f->households)
            .arg(s.openTickets)
            .arg(s.workers);
    if (m_explainer)
        if (const QString why = m_explainer(f->code); !why.isEmpty())
            text += QStringLiteral("<hr>") +
                    why.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    return text;
}

void MapCanvas::selectGrid(const QString& code) {
    if (code == m_selected)
        return;
    m_selected = code;
    m_selection->selected = code;
    update();
}

void MapCanvas::zoomToBounds(const QRectF& lonLat) {
    if (!m_data || lonLat.isNull())
        return;
    const QRectF merc =
        QRectF(m_data->project(lonLat.topLeft()), m_data->project(lonLat.bottomRight())).normalized();
    animateTo(MapViewport::fit(merc, size(), 24));
}

void MapCanvas::flyTo(const QString& code) {
    if (!m_data)
        return;
    const MapFeature* f = m_data->feature(m_data->find(code));
    if (!f)
        return;
    // Show the feature with its neighbours around it.
    const QRectF b = f->bounds;
    const QRectF around(b.center() - QPointF(b.width() * 1.5, b.height() * 1.5), b.size() * 3.0);
    selectGrid(code);
    animateTo(MapViewport::fit(around, size(), 24));
}

void MapCanvas::flyToPoint(double lon, double lat) {
    if (!m_data)
        return;
    MapViewport target = m_viewport;
    target.setCenter(m_data->project(QPointF(lon, lat)));
    const MapLevel& grids = m_data->level(GridLevel::Grid);
    const double gridResolution = grids.typicalSizeM / (LevelOfDetail::kMinFillPixels * 3);
    if (!grids.isEmpty() && target.resolution() > gridResolution)
        target.setResolution(gridResolution);
    animateTo(target);
}

void MapCanvas::refreshTickets() {
    m_ticketRefresh.start();
}

void MapCanvas::refreshTicket(qint64 id) {
    Q_EMIT ticketChanged(id);
    refreshTickets();
}

RiskLevel MapCanvas::riskOf(FeatureRef ref) const {
    const MapFeature* f = m_data ? m_data->feature(ref) : nullptr;
    if (!f)
        return RiskLevel::Green;
    const auto live = m_colourings.value(kRiskLayer);
    return live ? static_cast<RiskLevel>(live->classOf(ref.level, ref.index, f->risk)) : f->risk;
}

void MapCanvas::zoomToCounty() {
    if (m_data)
        animateTo(MapViewport::fit(m_data->bounds(), size()));
}

void MapCanvas::zoomIn() {
    m_viewport.zoomAt(QPointF(width() / 2.0, height() / 2.0), 2.0);
    viewChanged();
}

void MapCanvas::zoomOut() {
    m_viewport.zoomAt(QPointF(width() / 2.0, height() / 2.0), 0.5);
    viewChanged();
}

void MapCanvas::animateTo(const MapViewport& target) {
    if (m_flight)
        m_flight->stop();
    if (m_flyMs <= 0 || !isVisible()) {
        setViewport(target);
        return;
    }
    if (!m_flight) {
        m_flight = new QVariantAnimation(this);
        m_flight->setEasingCurve(QEasingCurve::InOutCubic);
        m_flight->setStartValue(0.0);
        m_flight->setEndValue(1.0);
    }
    m_flight->disconnect(this);
    const MapViewport from = m_viewport;
    m_flight->setDuration(m_flyMs);
    // Centre linear, resolution geometric: a zoom feels even at every scale.
    connect(m_flight, &QVariantAnimation::valueChanged, this, [this, from, target](const QVariant& v) {
        const double t = v.toDouble();
        MapViewport vp = from;
        vp.setCenter(from.center() + (target.center() - from.center()) * t);
        vp.setResolution(std::exp(std::log(from.resolution()) * (1 - t) + std::log(target.resolution()) * t));
        setViewport(vp);
    });
    m_flight->start();
}

void MapCanvas::viewChanged() {
    if (m_data)
        m_renderTimer.start();
    Q_EMIT viewportChanged();
    update();
}

void MapCanvas::startRender() {
    m_renderTimer.stop();
    if (!m_renderer || !m_viewport.isValid())
        return;
    if (m_cancel)
        m_cancel->store(true); // the running job gives up at its next check
    if (m_jobRunning) {
        m_renderTimer.start(); // start when it has stopped
        return;
    }
    m_cancel = std::make_shared<std::atomic_bool>(false);
    MapRenderSettings s;
    s.viewport = m_viewport;
    s.accessible = m_accessible;
    s.labels = true;
    s.opacity = RiskStyle::layerOpacity();
    s.colouring = activeColouring();
    m_jobViewport = m_viewport;
    m_jobRunning = true;
    m_job.setFuture(QtConcurrent::run(&m_jobPool, [renderer = m_renderer, s, cancel = m_cancel] {
        RenderedView out;
        out.grid = renderer->render(s, cancel.get(), &out.labels);
        return out;
    }));
}

void MapCanvas::renderDone() {
    m_jobRunning = false;
    const RenderedView view = m_job.result();
    const QImage& image = view.grid;
    if (!image.isNull() && m_jobViewport.size() == m_viewport.size()) {
        m_frame.setGridImage(image, m_jobViewport, view.labels);
        composeBasemap();
        update();
        if (!m_firstFrameLogged && m_openTimer.isValid()) {
            m_firstFrameLogged = true;
            qCInfo(lcMap) << "first frame" << m_openTimer.elapsed() << "ms after opening";
        }
        if (m_jobViewport == m_viewport)
            Q_EMIT renderFinished();
    }
    if (!(m_jobViewport == m_viewport) && !m_renderTimer.isActive())
        m_renderTimer.start();
}

void MapCanvas::composeBasemap() {
    if (!m_tiles->source() || !isLayerVisible(kBasemapLayer)) { // hidden: no tile requests either
        m_frame.setBasemapImage({}, {});
        return;
    }
    m_frame.setBasemapImage(m_tiles->compose(m_viewport), m_viewport);
}

void MapCanvas::paintEvent(QPaintEvent*) {
    m_frameMonitor->frameStarted();
    QPainter p(this);
    if (!m_data) {
        p.fillRect(rect(), QColor(0xe9, 0xec, 0xef));
        p.setPen(QColor(90, 90, 110));
        p.drawText(rect(), Qt::AlignCenter, m_loading ? tr("正在加载网格…") : m_loadError);
        return;
    }
    m_frame.paint(p, m_viewport, m_data.get(), m_overlays, m_decorations);
    if (m_rubberBand) {
        p.setPen(QPen(QColor(0, 120, 215), 1.5, Qt::DashLine));
        p.setBrush(QColor(0, 120, 215, 40));
        p.drawRect(m_band);
    }
    m_frameMonitor->frameFinished();
}

void MapCanvas::resizeEvent(QResizeEvent* event) {
    // A view that showed the whole county keeps showing it (the window is still being
    // laid out when the data arrives); any other view keeps its centre and scale.
    bool wasWholeCounty = !m_viewport.isValid();
    if (m_data && m_viewport.isValid()) {
        const MapViewport fitted = MapViewport::fit(m_data->bounds(), event->oldSize());
        wasWholeCounty =
            std::abs(fitted.resolution() - m_viewport.resolution()) < 1e-9 * fitted.resolution() &&
            QLineF(fitted.center(), m_viewport.center()).length() < fitted.resolution();
    }
    if (m_data && wasWholeCounty)
        m_viewport = MapViewport::fit(m_data->bounds(), size());
    m_viewport.setSize(size());
    viewChanged();
}

void MapCanvas::wheelEvent(QWheelEvent* event) {
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0 || !m_data)
        return;
    m_viewport.zoomAt(event->position(), std::pow(2.0, steps / 2.0)); // two notches per zoom level
    viewChanged();
    event->accept();
}

void MapCanvas::mousePressEvent(QMouseEvent* event) {
    m_pressPos = m_lastPos = event->position().toPoint();
    m_dragging = false;
    m_rubberBand = event->button() == Qt::LeftButton && (event->modifiers() & Qt::ShiftModifier);
    m_band = QRect(m_pressPos, QSize());
    if (m_flight)
        m_flight->stop();
}

void MapCanvas::mouseMoveEvent(QMouseEvent* event) {
    const QPoint pos = event->position().toPoint();
    if (m_data)
        m_decorations.cursorLonLat = m_data->unproject(m_viewport.toMercator(pos));
    if (event->buttons() & Qt::LeftButton) {
        if (!m_dragging && (pos - m_pressPos).manhattanLength() >= kDragThreshold)
            m_dragging = true;
        if (m_dragging && m_rubberBand) {
            m_band = QRect(m_pressPos, pos).normalized();
        } else if (m_dragging) {
            m_viewport.panByPixels(pos - m_lastPos);
            viewChanged();
        }
        m_lastPos = pos;
    } else if (m_data) {
        const QString code = codeAt(pos);
        if (code != m_hovered) {
            m_hovered = code;
            m_selection->hovered = code;
        }
    }
    update();
}

void MapCanvas::mouseReleaseEvent(QMouseEvent* event) {
    const QPoint pos = event->position().toPoint();
    if (event->button() != Qt::LeftButton)
        return;
    if (m_rubberBand) {
        m_rubberBand = false;
        if (m_band.width() > 4 && m_band.height() > 4) {
            const QRectF merc =
                QRectF(m_viewport.toMercator(m_band.topLeft()), m_viewport.toMercator(m_band.bottomRight()))
                    .normalized();
            setViewport(MapViewport::fit(merc, size(), 0));
        }
        update();
        return;
    }
    if (m_dragging) {
        m_dragging = false;
        return;
    }
    if (!m_data)
        return;
    for (auto it = m_overlays.crbegin(); it != m_overlays.crend(); ++it)
        if (*it && (*it)->isVisible() && (*it)->click(pos, m_viewport, *m_data))
            return;
    const QString code = codeAt(pos);
    if (code.isEmpty())
        return;
    selectGrid(code);
    Q_EMIT gridClicked(code);
}

void MapCanvas::mouseDoubleClickEvent(QMouseEvent* event) {
    m_viewport.zoomAt(event->position(), 2.0);
    viewChanged();
}

void MapCanvas::keyPressEvent(QKeyEvent* event) {
    const double step = 0.25;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        break;
    case Qt::Key_Minus:
        zoomOut();
        break;
    case Qt::Key_Left:
        m_viewport.panByPixels(QPointF(width() * step, 0));
        viewChanged();
        break;
    case Qt::Key_Right:
        m_viewport.panByPixels(QPointF(-width() * step, 0));
        viewChanged();
        break;
    case Qt::Key_Up:
        m_viewport.panByPixels(QPointF(0, height() * step));
        viewChanged();
        break;
    case Qt::Key_Down:
        m_viewport.panByPixels(QPointF(0, -height() * step));
        viewChanged();
        break;
    case Qt::Key_Home:
        zoomToCounty();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void MapCanvas::leaveEvent(QEvent*) {
    m_hovered.clear();
    m_selection->hovered.clear();
    m_decorations.cursorLonLat = QPointF(qQNaN(), qQNaN());
    update();
}

bool MapCanvas::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

} // namespace gc::map
