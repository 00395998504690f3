// The map stays readable: the layer panel switches layers (the canvas stops drawing and
// clicking them), labels are drawn over the worker layer, the fill legend counts what the grids
// are filled with and follows changes, and zoomed out the open tickets are counted per street
// or community, one badge each, inside the area (counts checked against SQLite directly).
#include "MapTestSupport.h"

#include "gc/map/LayerPanel.h"
#include "gc/map/MapCanvas.h"
#include "gc/map/MapLegend.h"
#include "gc/map/MapOverlay.h"
#include "gc/map/MapRenderer.h"
#include "gc/map/RiskStyle.h"
#include "gc/map/TicketOverlay.h"
#include "gc/store/CountyStore.h"

#include <QAbstractButton>
#include <QApplication>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace gc;
using namespace gc::map;

namespace {

// A layer that fills the whole view with one colour and counts its frames.
class FloodOverlay : public MapOverlay {
public:
    FloodOverlay(QString key, int z, QColor color) : m_key(std::move(key)), m_z(z), m_color(color) {}
    int frames = 0;
    int z() const override { return m_z; }
    QString layerKey() const override { return m_key; }
    void paint(QPainter& p, const MapViewport& vp, const GridLayerData&) override {
        ++frames;
        p.fillRect(QRect(QPoint(0, 0), vp.size()), m_color);
    }
    bool click(QPointF, const MapViewport&, const GridLayerData&) override { return true; }

private:
    QString m_key;
    int m_z;
    QColor m_color;
};

const QColor kMagenta(255, 0, 255);

} // namespace

class TestMapLayers : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::shared_ptr<GridLayerData> m_data;
    std::unique_ptr<MapCanvas> m_canvas;

    void waitForRender() {
        QSignalSpy done(m_canvas.get(), &MapCanvas::renderFinished);
        QVERIFY(done.wait(5000));
    }

private Q_SLOTS:
    void initTestCase() {
        m_data = buildSmallCounty(m_dir, 240);
        QVERIFY(m_data);
    }

    void init() {
        m_canvas = std::make_unique<MapCanvas>();
        m_canvas->setFlyDurationMs(0);
        m_canvas->resize(900, 700);
        m_canvas->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_canvas.get()));
        QSignalSpy rendered(m_canvas.get(), &MapCanvas::renderFinished);
        m_canvas->setData(m_data);
        QVERIFY(rendered.wait(5000) || rendered.count() > 0);
    }

    void cleanup() { m_canvas.reset(); }

    void panelSwitchesOverlayLayers() {
        LayerPanel panel(m_canvas.get());
        panel.show();
        auto* tickets = new FloodOverlay(QStringLiteral("tickets"), 100, kMagenta);
        tickets->setParent(m_canvas.get());
        m_canvas->addOverlay(tickets);
        QAbstractButton* box = panel.toggle(QStringLiteral("tickets"));
        QVERIFY(box && box->isChecked());
        m_canvas->repaint();
        const int drawn = tickets->frames;
        QVERIFY(drawn > 0);

        QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(8, box->height() / 2));
        QVERIFY(!box->isChecked());
        QVERIFY(!tickets->isVisible());
        m_canvas->repaint();
        QCOMPARE(tickets->frames, drawn);
        // Not clickable either: a click goes to the grid under it.
        QSignalSpy gridClicks(m_canvas.get(), &MapCanvas::gridClicked);
        const QPoint inside =
            m_canvas->viewport().toPixel(m_data->level(GridLevel::Grid).features[0].labelPoint).toPoint();
        QTest::mouseClick(m_canvas.get(), Qt::LeftButton, {}, inside);
        QCOMPARE(gridClicks.count(), 1);
        // A layer added while its switch is off stays hidden.
        auto* later = new FloodOverlay(QStringLiteral("tickets"), 100, kMagenta);
        later->setParent(m_canvas.get());
        m_canvas->addOverlay(later);
        QVERIFY(!later->isVisible());

        QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(8, box->height() / 2));
        QVERIFY(tickets->isVisible() && later->isVisible());
        m_canvas->repaint();
        QCOMPARE(tickets->frames, drawn + 1);
    }

    void gridAndBasemapSwitches() {
        LayerPanel panel(m_canvas.get());
        QAbstractButton* grids = panel.toggle(MapCanvas::kGridsLayer);
        QVERIFY(grids && panel.toggle(MapCanvas::kBasemapLayer) && panel.toggle(QStringLiteral("workers")));
        const QPoint inside =
            m_canvas->viewport().toPixel(m_data->level(GridLevel::Grid).features[0].labelPoint).toPoint();
        const QColor background(0xe9, 0xec, 0xef);
        QVERIFY(m_canvas->grab().toImage().pixelColor(inside) != background);
        grids->click();
        QCOMPARE(m_canvas->grab().toImage().pixelColor(inside), background);
        grids->click();
        QVERIFY(m_canvas->grab().toImage().pixelColor(inside) != background);
    }

    void labelsAreDrawnOverWorkersAndUnderTickets() {
        const MapLabels& labels = m_canvas->frame().labels();
        QVERIFY(labels.rects.size() >= 3);
        const auto textPixelsUnderLabels = [&](const QImage& frame) {
            int text = 0;
            const QRect free = QRect(0, 80, frame.width() - 80, frame.height() - 130); // no decorations
            for (const QRect& r : labels.rects)
                if (free.contains(r))
                    for (int y = r.top(); y <= r.bottom(); ++y)
                        for (int x = r.left(); x <= r.right(); ++x)
                            text += frame.pixelColor(x, y) != kMagenta ? 1 : 0;
            return text;
        };
        auto* workers = new FloodOverlay(QStringLiteral("workers"), 50, kMagenta);
        workers->setParent(m_canvas.get());
        m_canvas->addOverlay(workers);
        QVERIFY(textPixelsUnderLabels(m_canvas->grab().toImage()) > 50);
        auto* tickets = new FloodOverlay(QStringLiteral("tickets"), 100, kMagenta);
        tickets->setParent(m_canvas.get());
        m_canvas->addOverlay(tickets);
        QCOMPARE(textPixelsUnderLabels(m_canvas->grab().toImage()), 0);
    }

    void fillLegendFollowsTheFill() {
        LayerPanel panel(m_canvas.get());
        MapLegend* legend = panel.fillLegend();
        const GridLevel level = m_canvas->visibleLevel();
        const int features = m_data->featureCount(level);
        // The loaded levels, counted by hand.
        int red = 0;
        for (const MapFeature& f : m_data->level(level).features)
            red += f.risk == RiskLevel::Red ? 1 : 0;
        QCOMPARE(legend->count(RiskLevel::Red), red);
        QCOMPARE(legend->rowCount(), kRiskLevelCount);

        // Live bands: every feature of the level red but the first, which is green.
        auto live = std::make_shared<FeatureColouring>();
        for (int r = 0; r < kRiskLevelCount; ++r)
            live->palette << RiskStyle::fillColor(RiskLevel(r));
        live->classes[int(level) - 1].assign(size_t(features), quint8(RiskLevel::Red));
        live->classes[int(level) - 1][0] = quint8(RiskLevel::Green);
        m_canvas->setFillColouring(MapCanvas::kRiskLayer, live);
        QCOMPARE(legend->count(RiskLevel::Red), features - 1);
        QCOMPARE(legend->count(RiskLevel::Green), 1);
        waitForRender();
        // The render fills with it too: a red feature's interior shows red over the background.
        const MapFeature& second = m_data->level(level).features[1];
        const QImage grid = m_canvas->frame().gridImage();
        const QColor seen = grid.pixelColor(m_canvas->viewport().toPixel(second.labelPoint).toPoint());
        QVERIFY2(seen.red() > 150 && seen.green() < 90, qPrintable(seen.name(QColor::HexArgb)));

        // No fill: one neutral row with every feature.
        QAbstractButton* none = nullptr;
        for (QAbstractButton* b : panel.findChildren<QAbstractButton*>())
            if (b->text() == QStringLiteral("不填色"))
                none = b;
        QVERIFY(none);
        none->click();
        QVERIFY(!m_canvas->isLayerVisible(MapCanvas::kRiskLayer));
        QCOMPARE(legend->rowCount(), 1);
        QCOMPARE(legend->countOfClass(0), features);
        // Hot spots wait for the engine.
        QVERIFY(!panel.toggle(MapCanvas::kHotSpotLayer)->isEnabled());
        panel.setLayerAvailable(MapCanvas::kHotSpotLayer, true);
        QVERIFY(panel.toggle(MapCanvas::kHotSpotLayer)->isEnabled());
    }

    void ticketsAreCountedPerAreaWhenZoomedOut() {
        QString error;
        auto store = CountyStore::open(m_dir.filePath(QStringLiteral("county.gpkg")), &error);
        QVERIFY2(store, qPrintable(error));
        TicketOverlay overlay;
        overlay.loadFromStore(*store);
        QVERIFY(overlay.markers().size() > 20);

        // Second reader: open tickets per street and per community, straight from SQLite.
        QHash<QString, int> expected[2]; // [0] streets, [1] communities
        int open = 0;
        {
            auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("second"));
            db.setDatabaseName(m_dir.filePath(QStringLiteral("county.gpkg")));
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral(
                "SELECT c.parent_code, c.code FROM tickets t JOIN grid_grid g ON g.code = t.grid_code "
                "JOIN grid_community c ON c.code = g.parent_code "
                "WHERE t.state IN ('received', 'accepted', 'dispatched', 'in_progress', 'returned')")));
            while (q.next()) {
                ++expected[0][q.value(0).toString()];
                ++expected[1][q.value(1).toString()];
                ++open;
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("second"));
        QCOMPARE(int(overlay.markers().size()), open);

        const auto check = [&](const MapViewport& vp, GridLevel areaLevel) {
            const QList<TicketOverlay::Badge> badges = overlay.badges(vp, *m_data);
            QHash<QString, int> seen;
            for (const TicketOverlay::Badge& b : badges) {
                const FeatureRef ref = m_data->find(b.areaCode);
                QVERIFY2(ref.isValid(), qPrintable(b.areaCode));
                QCOMPARE(ref.level, areaLevel);
                QVERIFY(!seen.contains(b.areaCode)); // one badge per area
                seen.insert(b.areaCode, b.count);
                // Inside its area.
                const MapFeature* f = m_data->feature(ref);
                QVERIFY(featureContains(m_data->level(areaLevel), *f, vp.toMercator(b.pixel)));
            }
            QCOMPARE(seen, expected[areaLevel == GridLevel::Street ? 0 : 1]);
        };
        // Zoomed out until grids are 15 px (communities too small for a badge each), the whole
        // county in view: streets.
        const double countyRes = m_data->level(GridLevel::Grid).typicalSizeM / 15;
        const QRectF b = m_data->bounds();
        const MapViewport county(b.center(), countyRes,
                                 QSize(int(b.width() / countyRes) + 100, int(b.height() / countyRes) + 100));
        QVERIFY(m_data->level(GridLevel::Community).typicalSizeM / countyRes <
                TicketOverlay::kAreaBadgeMinPx);
        check(county, GridLevel::Street);
        // Communities just wide enough for a badge each, grids still too small to cluster by.
        MapViewport closer = county;
        closer.setResolution(m_data->level(GridLevel::Community).typicalSizeM /
                             (TicketOverlay::kAreaBadgeMinPx + 2));
        QVERIFY(m_data->level(GridLevel::Grid).typicalSizeM / closer.resolution() <
                TicketOverlay::kCellClusterMinGridPx);
        closer.setSize(
            QSize(int(b.width() / closer.resolution()) + 100, int(b.height() / closer.resolution()) + 100));
        check(closer, GridLevel::Community);
        // Grids large: nearby tickets cluster by screen cell, no area badges.
        MapViewport grids = county;
        grids.setResolution(m_data->level(GridLevel::Grid).typicalSizeM /
                            (TicketOverlay::kCellClusterMinGridPx + 5));
        grids.setSize(
            QSize(int(b.width() / grids.resolution()) + 100, int(b.height() / grids.resolution()) + 100));
        int total = 0;
        for (const TicketOverlay::Badge& b : overlay.badges(grids, *m_data)) {
            QVERIFY(b.areaCode.isEmpty());
            total += b.count;
        }
        QCOMPARE(total, open);
    }
};

QTEST_MAIN(TestMapLayers)
#include "test_map_layers.moc"
