// Wiring of the risk engine into the main window: the map's colours come from the engine's bands
// (recoloured live after ticket events, incrementally), the hover tooltip carries its
// explanation, overridden grids are marked, hot spots are a fill of the layer panel, and the risk
// dock shows explanations, 人工研判, recent changes and the 90-day replay.
#include "MainWindow.h"

#include "OverrideDialog.h"
#include "RiskDock.h"

#include "gc/core/ChinaTime.h"
#include "gc/map/FeatureMarkOverlay.h"
#include "gc/map/GridLayerData.h"
#include "gc/map/LayerPanel.h"
#include "gc/map/MapCanvas.h"
#include "gc/map/MapRenderer.h"
#include "gc/map/RiskStyle.h"
#include "gc/risk/RiskService.h"
#include "gc/store/BackgroundRead.h"

#include <QCoreApplication>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QInputDialog>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QSettings>
#include <QTimer>

Q_LOGGING_CATEGORY(lcRiskGui, "gc.app.risk", QtInfoMsg)

namespace {

using namespace gc;
using namespace gc::map;

constexpr int kHotSpotDays = 90;

QString operatorName() {
    const QString fromEnvironment = qEnvironmentVariable("GRIDCOMMAND_OPERATOR").trimmed();
    return fromEnvironment.isEmpty() ? QSettings().value(QStringLiteral("dispatch/operator")).toString()
                                     : fromEnvironment;
}

// Keeps the map in step with the engine. Lives on the GUI thread with the engine.
class RiskMapLink : public QObject {
    // No Q_OBJECT: without this, tr() would be QObject's and miss the catalogue's RiskMapLink context.
    Q_DECLARE_TR_FUNCTIONS(RiskMapLink)

public:
    RiskMapLink(MainWindow* window, RiskService* risk, MapCanvas* canvas)
        : QObject(window), m_window(window), m_risk(risk), m_canvas(canvas) {
        m_marks = new FeatureMarkOverlay(QStringLiteral("overrides"), tr("研判"),
                                         tr("人工研判中的网格（虚线框）"), canvas);
        canvas->addOverlay(m_marks);
        canvas->setFeatureExplainer([risk](const QString& code) { return risk->explain(code); });
        m_pending.setSingleShot(true);
        m_pending.setInterval(50); // a burst of ticket events becomes one incremental update
        connect(&m_pending, &QTimer::timeout, this, &RiskMapLink::updateTickets);
        connect(canvas, &MapCanvas::ticketChanged, this, [this](qint64 id) {
            m_tickets << id;
            m_pending.start();
        });
        connect(risk, &RiskService::bandsChanged, this, &RiskMapLink::applyChanges);
        connect(canvas, &MapCanvas::dataLoaded, this, &RiskMapLink::rebuild);
        connect(canvas, &MapCanvas::layersChanged, this, &RiskMapLink::ensureHotSpots);
        auto* lapse = new QTimer(this);
        connect(lapse, &QTimer::timeout, this, [this] {
            QString error;
            if (m_risk->isLoaded() && !m_risk->lapseExpired(&error))
                m_window->showStatus(error);
        });
        lapse->start(60 * 1000);
    }

    // The live bands of every level, read from the engine, as the map's risk fill.
    void rebuild() {
        const auto& data = m_canvas->data();
        if (!data)
            return;
        auto live = std::make_shared<FeatureColouring>();
        for (int r = 0; r < kRiskLevelCount; ++r)
            live->palette << RiskStyle::fillColor(static_cast<RiskLevel>(r));
        QHash<QString, QString> marks;
        for (int l = 1; l <= kGridLevelCount; ++l) {
            const auto level = static_cast<GridLevel>(l);
            std::vector<quint8>& classes = live->classes[l - 1];
            classes.resize(size_t(data->featureCount(level)));
            for (size_t i = 0; i < classes.size(); ++i)
                classes[i] = quint8(data->level(level).features[i].risk);
            if (level == GridLevel::Building)
                continue; // the engine assesses county to grid
            for (const RiskAssessment& a : m_risk->assessments(level)) {
                const FeatureRef ref = data->find(a.code);
                if (ref.isValid() && ref.level == level)
                    classes[size_t(ref.index)] = quint8(a.band);
                if (a.overridden())
                    marks.insert(a.code, overrideText(a));
            }
        }
        m_live = live;
        m_marks->setMarks(marks);
        if (!m_replaying)
            m_canvas->setFillColouring(MapCanvas::kRiskLayer, m_live);
    }

    // Only the features whose band changed: a copy of five small arrays, then one render.
    void applyChanges(const QList<RiskChange>& changes) {
        const auto& data = m_canvas->data();
        if (!data || !m_live)
            return;
        auto next = std::make_shared<FeatureColouring>(*m_live);
        QHash<QString, QString> marks = m_marks->marks();
        for (const RiskChange& c : changes) {
            const FeatureRef ref = data->find(c.code);
            if (ref.isValid() && size_t(ref.index) < next->classes[int(ref.level) - 1].size())
                next->classes[int(ref.level) - 1][size_t(ref.index)] = quint8(c.to);
            if (c.cause == RiskChangeCause::Override || c.cause == RiskChangeCause::Expiry) {
                const auto a = m_risk->assessment(c.code);
                if (a && a->overridden())
                    marks.insert(c.code, overrideText(*a));
                else
                    marks.remove(c.code);
            }
        }
        m_live = next;
        m_marks->setMarks(marks);
        if (!m_replaying)
            m_canvas->setFillColouring(MapCanvas::kRiskLayer, m_live);
        m_hotSpots.reset(); // ticket counts moved: computed again when next shown
    }

    void updateTickets() {
        const QList<qint64> ids = std::exchange(m_tickets, {});
        if (!m_risk->isLoaded())
            return; // the first full pass, still under way, reads these tickets too
        QElapsedTimer t;
        t.start();
        QString error;
        if (!m_risk->updateForTickets(ids, &error))
            m_window->showStatus(QObject::tr("风险等级更新失败：%1").arg(error));
        qCInfo(lcRiskGui) << "incremental update for" << ids.size() << "tickets:" << t.elapsed() << "ms";
    }

    // An override's mark is refreshed after the dialog (the engine signals the band change only
    // when the band moves).
    void refreshMark(const QString& code) {
        QHash<QString, QString> marks = m_marks->marks();
        const auto a = m_risk->assessment(code);
        if (a && a->overridden())
            marks.insert(code, overrideText(*a));
        else
            marks.remove(code);
        m_marks->setMarks(marks);
    }

    void replay(const QDateTime& at) {
        const auto& data = m_canvas->data();
        if (!data)
            return;
        m_replaying = at.isValid();
        if (!m_replaying) {
            m_canvas->setFillColouring(MapCanvas::kRiskLayer, m_live);
            m_window->showStatus(QObject::tr("已回到实时风险颜色"));
            return;
        }
        auto past = std::make_shared<FeatureColouring>(*m_live);
        past->title = QObject::tr("回放 %1").arg(
            at.toTimeZone(chinaTimeZone()).toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        const QHash<QString, RiskLevel> bands = m_risk->bandsAt(at);
        for (auto it = bands.begin(); it != bands.end(); ++it) {
            const FeatureRef ref = data->find(it.key());
            if (ref.isValid() && size_t(ref.index) < past->classes[int(ref.level) - 1].size())
                past->classes[int(ref.level) - 1][size_t(ref.index)] = quint8(*it);
        }
        m_canvas->setFillColouring(MapCanvas::kRiskLayer, past);
        m_window->showStatus(past->title);
    }

    // Gi* bins of the grid, community and street levels, computed off the GUI thread (a second or
    // more at 90,000 grids) when the hot-spot fill is shown.
    void ensureHotSpots() {
        const auto& data = m_canvas->data();
        if (!data || m_hotSpots || m_hotSpotsPending || !m_canvas->isLayerVisible(MapCanvas::kHotSpotLayer))
            return;
        m_hotSpotsPending = true;
        auto started = std::make_shared<QElapsedTimer>();
        started->start();
        using Result = std::pair<QHash<GridLevel, QList<HotSpot>>, QString>;
        readCountyInBackground(
            m_window->store().path(), this,
            [](CountyStore& store) {
                Result out;
                out.first =
                    RiskService::hotSpotsOf(store, {GridLevel::Street, GridLevel::Community, GridLevel::Grid},
                                            kHotSpotDays, &out.second);
                return out;
            },
            [this, started](Result result, const QString& openError) {
                m_hotSpotsPending = false;
                const QString error = openError.isEmpty() ? result.second : openError;
                if (!error.isEmpty()) {
                    m_window->showStatus(QObject::tr("热点分析失败：%1").arg(error));
                    return;
                }
                showHotSpots(result.first);
                qCInfo(lcRiskGui) << "hot spots of three levels (background):" << started->elapsed() << "ms";
            });
    }

    void showHotSpots(const QHash<GridLevel, QList<HotSpot>>& spotsByLevel) {
        const auto& data = m_canvas->data();
        if (!data)
            return;
        auto hot = std::make_shared<FeatureColouring>();
        // Bins −3 … +3 as classes 0 … 6: a diverging scheme, blue cold, red hot, grey not significant.
        hot->palette = {QColor(0x21, 0x66, 0xac), QColor(0x67, 0xa9, 0xcf), QColor(0xd1, 0xe5, 0xf0),
                        QColor(0xe6, 0xe6, 0xe6), QColor(0xfd, 0xdb, 0xc7), QColor(0xef, 0x8a, 0x62),
                        QColor(0xb2, 0x18, 0x2b)};
        hot->classNames = {QObject::tr("冷点（99% 置信）"), QObject::tr("冷点（95% 置信）"),
                           QObject::tr("冷点（90% 置信）"), QObject::tr("不显著"),
                           QObject::tr("热点（90% 置信）"), QObject::tr("热点（95% 置信）"),
                           QObject::tr("热点（99% 置信）")};
        hot->title = QObject::tr("热点 Gi*（近%1天工单）").arg(kHotSpotDays);
        hot->classesAreRisk = false;
        for (int l = 1; l <= kGridLevelCount; ++l)
            hot->classes[l - 1].assign(size_t(data->featureCount(static_cast<GridLevel>(l))), quint8(3));
        for (auto it = spotsByLevel.cbegin(); it != spotsByLevel.cend(); ++it)
            for (const HotSpot& s : it.value()) {
                const FeatureRef ref = data->find(s.code);
                if (ref.isValid() && ref.level == it.key())
                    hot->classes[int(it.key()) - 1][size_t(ref.index)] = quint8(std::clamp(s.bin + 3, 0, 6));
            }
        m_hotSpots = hot;
        m_canvas->setFillColouring(MapCanvas::kHotSpotLayer, hot);
    }

    static QString overrideText(const RiskAssessment& a) {
        const RiskOverride& o = *a.override;
        return QObject::tr("<b>%1</b> 人工研判：%2（规则为%3）<br>至 %4<br>%5：%6")
            .arg(a.name.toHtmlEscaped(), RiskLevels::displayName(o.band), RiskLevels::displayName(a.ruleBand),
                 o.end.toTimeZone(chinaTimeZone()).toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                 o.by.toHtmlEscaped(), o.reason.toHtmlEscaped());
    }

private:
    MainWindow* m_window;
    RiskService* m_risk;
    MapCanvas* m_canvas;
    FeatureMarkOverlay* m_marks;
    std::shared_ptr<const FeatureColouring> m_live;
    std::shared_ptr<const FeatureColouring> m_hotSpots;
    bool m_replaying = false;
    bool m_hotSpotsPending = false;
    QList<qint64> m_tickets;
    QTimer m_pending;
};

} // namespace

void MainWindow::setupRisk() {
    auto* canvas = part<MapCanvas>(QStringLiteral("map"));
    if (!canvas)
        return;
    auto* risk = new RiskService(*m_store, this);
    auto* link = new RiskMapLink(this, risk, canvas);
    link->rebuild(); // the bands the county stores, until the engine's own pass arrives
    auto* panel = new RiskDock(*risk, this);
    auto* dock = new QDockWidget(tr("风险研判"), this);
    dock->setWidget(panel);
    addDock(dock, Qt::LeftDockWidgetArea, QStringLiteral("riskDock"));
    registerPart(QStringLiteral("riskDock"), panel);
    connect(this, &MainWindow::gridSelected, panel, &RiskDock::showGrid);
    connect(panel, &RiskDock::gridActivated, this, &MainWindow::selectGrid);
    connect(panel, &RiskDock::replayRequested, link, [link](const QDateTime& at) { link->replay(at); });
    connect(panel, &RiskDock::overrideRequested, this, [this, risk, panel, link](const QString& code) {
        const auto a = risk->assessment(code);
        if (!a)
            return;
        OverrideDialog dialog(*risk, code, a->name, a->band, operatorName(), this);
        if (dialog.exec() == QDialog::Accepted) {
            link->refreshMark(code);
            panel->refresh();
            showStatus(tr("已人工研判 %1").arg(a->name));
        }
    });
    connect(panel, &RiskDock::clearOverrideRequested, this, [this, risk, panel, link](const QString& code) {
        bool ok = false;
        const QString reason = QInputDialog::getText(this, tr("解除人工研判"), tr("解除原因（必填）："),
                                                     QLineEdit::Normal, {}, &ok)
                                   .trimmed();
        if (!ok)
            return;
        QString error;
        if (!risk->clearOverride(code, reason, operatorName(), &error)) {
            QMessageBox::warning(this, tr("解除人工研判"), error);
            return;
        }
        link->refreshMark(code);
        panel->refresh();
    });
    // The engine's first full pass (seconds on a 90,000-grid county) is read and computed off the
    // GUI thread on a read-only store of its own; adopting it here only writes what changed. The
    // engine is registered as a part once it is loaded.
    auto started = std::make_shared<QElapsedTimer>();
    started->start();
    using Prepared = std::pair<std::shared_ptr<RiskService::Prepared>, QString>;
    readCountyInBackground(
        m_store->path(), this,
        [](CountyStore& store) {
            Prepared out;
            out.first = RiskService::prepare(store, &out.second);
            return out;
        },
        [this, risk, link, panel, started](Prepared prepared, const QString& openError) {
            QString error = openError.isEmpty() ? prepared.second : openError;
            if (!prepared.first || !risk->adopt(prepared.first, &error)) {
                showStatus(tr("风险引擎无法加载：%1").arg(error), 15000);
                return;
            }
            qCInfo(lcRiskGui) << "risk engine loaded and the county assessed (background):"
                              << started->elapsed() << "ms";
            registerPart(QStringLiteral("risk"), risk);
            link->rebuild();
            panel->refresh();
            if (auto* layers = part<LayerPanel>(QStringLiteral("layers")))
                layers->setLayerAvailable(MapCanvas::kHotSpotLayer, true);
            link->ensureHotSpots();
        });
    // Behind the hierarchy, after the first start's default layout has placed the other docks
    // (queued after it: a dock split off a tabbed one would become another tab).
    connect(
        this, &MainWindow::startupFinished, this,
        [this, dock] {
            QTimer::singleShot(0, this, [this, dock] {
                auto* hierarchy = findChild<QDockWidget*>(QStringLiteral("hierarchyDock"));
                // The default layout places the dock itself; this covers a restored layout saved
                // before the dock existed. Raising only then keeps a compact layout's departments up.
                if (hierarchy && dockWidgetArea(hierarchy) == dockWidgetArea(dock) &&
                    tabifiedDockWidgets(dock).isEmpty() && !dock->isFloating()) {
                    tabifyDockWidget(hierarchy, dock);
                    hierarchy->raise();
                }
            });
        },
        Qt::SingleShotConnection);
}
