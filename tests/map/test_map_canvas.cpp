// Interaction through the widget: synthetic wheel, mouse and keyboard events change the
// view as expected, frames never wait for a render, clicks select, selection syncs.
#include "MapTestSupport.h"

#include "gc/map/GridSearchBox.h"
#include "gc/map/MapCanvas.h"
#include "gc/map/MapLegend.h"
#include "gc/map/MapOverlay.h"
#include "gc/map/MapRenderer.h"
#include "gc/map/TicketOverlay.h"
#include "gc/store/CountyStore.h"

#include <QApplication>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QWheelEvent>

using namespace gc;
using namespace gc::map;

namespace {

// Counts its frames: proves overlays are drawn every frame without a re-render.
class CountingOverlay : public MapOverlay {
public:
    int frames = 0;
    void paint(QPainter&, const MapViewport&, const GridLayerData&) override { ++frames; }
};

void wheel(QWidget* w, QPointF pos, int delta) {
    QWheelEvent e(pos, w->mapToGlobal(pos), QPoint(), QPoint(0, delta), Qt::NoButton, Qt::NoModifier,
                  Qt::NoScrollPhase, false);
    QApplication::sendEvent(w, &e);
}

bool near(double a, double b, double tolerance) {
    return std::abs(a - b) <= tolerance;
}

} // namespace

class TestMapCanvas : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::shared_ptr<GridLayerData> m_data;
    std::unique_ptr<MapCanvas> m_canvas;

    // A pixel inside grid `index` at the current view.
    QPoint pixelOf(int index) const {
        return m_canvas->viewport()
            .toPixel(m_data->level(GridLevel::Grid).features[size_t(index)].labelPoint)
            .toPoint();
    }
    void showGrids() {
        MapViewport vp = m_canvas->viewport();
        vp.setResolution(m_data->level(GridLevel::Grid).typicalSizeM / 80);
        vp.setCenter(m_data->level(GridLevel::Grid).features[0].labelPoint);
        m_canvas->setViewport(vp);
        QCOMPARE(m_canvas->visibleLevel(), GridLevel::Grid);
    }

private Q_SLOTS:
    void initTestCase() {
        m_data = buildSmallCounty(m_dir);
        QVERIFY(m_data);
    }

    void init() {
        m_canvas = std::make_unique<MapCanvas>();
        m_canvas->setFlyDurationMs(0);
        m_canvas->resize(800, 600);
        m_canvas->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_canvas.get()));
        QSignalSpy rendered(m_canvas.get(), &MapCanvas::renderFinished);
        m_canvas->setData(m_data);
        QVERIFY(rendered.wait(5000) || rendered.count() > 0);
        QVERIFY(m_canvas->frame().hasGridImage());
    }

    void cleanup() { m_canvas.reset(); }

    void opensOnTheWholeCounty() {
        QVERIFY(m_canvas->viewport().extent().contains(m_data->bounds()));
        QCOMPARE(m_canvas->viewport().size(), QSize(800, 600));
    }

    void wheelZoomKeepsThePointUnderTheCursor() {
        const QPointF anchor(200, 150);
        const QPointF before = m_canvas->viewport().toMercator(anchor);
        const double res = m_canvas->viewport().resolution();
        wheel(m_canvas.get(), anchor, 120);
        QVERIFY(near(m_canvas->viewport().resolution(), res / std::sqrt(2.0), res * 1e-9));
        const QPointF after = m_canvas->viewport().toMercator(anchor);
        QVERIFY(near(before.x(), after.x(), 1e-3) && near(before.y(), after.y(), 1e-3));
        wheel(m_canvas.get(), anchor, -240);
        QVERIFY(near(m_canvas->viewport().resolution(), res * std::sqrt(2.0), res * 1e-9));
    }

    void framesDoNotWaitForTheRender() {
        auto* overlay = new CountingOverlay;
        overlay->setParent(m_canvas.get());
        m_canvas->addOverlay(overlay);
        const MapViewport rendered = m_canvas->frame().gridViewport();
        wheel(m_canvas.get(), QPointF(400, 300), 120);
        QVERIFY(m_canvas->isRenderPending());
        const int frames = overlay->frames;
        m_canvas->repaint(); // a frame now: the old image, scaled
        QCOMPARE(overlay->frames, frames + 1);
        QCOMPARE(m_canvas->frame().gridViewport(), rendered);
        QSignalSpy done(m_canvas.get(), &MapCanvas::renderFinished);
        QVERIFY(done.wait(5000));
        QCOMPARE(m_canvas->frame().gridViewport(), m_canvas->viewport());
        // An overlay change repaints without a new render.
        Q_EMIT overlay->changed();
        QVERIFY(!m_canvas->isRenderPending());
    }

    void dragPans() {
        const QPointF center = m_canvas->viewport().center();
        const double res = m_canvas->viewport().resolution();
        QTest::mousePress(m_canvas.get(), Qt::LeftButton, {}, QPoint(400, 300));
        QTest::mouseMove(m_canvas.get(), QPoint(420, 310));
        QTest::mouseMove(m_canvas.get(), QPoint(450, 320));
        QTest::mouseRelease(m_canvas.get(), Qt::LeftButton, {}, QPoint(450, 320));
        const QPointF moved = m_canvas->viewport().center() - center;
        QVERIFY2(near(moved.x(), -50 * res, res * 0.01), qPrintable(QString::number(moved.x() / res)));
        QVERIFY2(near(moved.y(), 20 * res, res * 0.01), qPrintable(QString::number(moved.y() / res)));
    }

    void doubleClickAndKeysZoom() {
        const double res = m_canvas->viewport().resolution();
        QTest::mouseDClick(m_canvas.get(), Qt::LeftButton, {}, QPoint(300, 200));
        QVERIFY(near(m_canvas->viewport().resolution(), res / 2, res * 1e-9));
        QTest::keyClick(m_canvas.get(), Qt::Key_Minus);
        QVERIFY(near(m_canvas->viewport().resolution(), res, res * 1e-9));
        QTest::keyClick(m_canvas.get(), Qt::Key_Plus);
        QVERIFY(near(m_canvas->viewport().resolution(), res / 2, res * 1e-9));
        const QPointF c = m_canvas->viewport().center();
        QTest::keyClick(m_canvas.get(), Qt::Key_Left);
        QVERIFY(m_canvas->viewport().center().x() < c.x());
        QTest::keyClick(m_canvas.get(), Qt::Key_Home);
        QVERIFY(m_canvas->viewport().extent().contains(m_data->bounds()));
        QVERIFY(near(m_canvas->viewport().resolution(),
                     MapViewport::fit(m_data->bounds(), QSize(800, 600)).resolution(), res * 1e-6));
    }

    void rubberBandZooms() {
        const QPointF a = m_canvas->viewport().toMercator(QPointF(100, 100));
        QTest::mousePress(m_canvas.get(), Qt::LeftButton, Qt::ShiftModifier, QPoint(100, 100));
        QTest::mouseMove(m_canvas.get(), QPoint(200, 150));
        QTest::mouseMove(m_canvas.get(), QPoint(300, 250));
        QTest::mouseRelease(m_canvas.get(), Qt::LeftButton, Qt::ShiftModifier, QPoint(300, 250));
        const QRectF shown = m_canvas->viewport().extent();
        QVERIFY(shown.width() < m_data->bounds().width());
        QVERIFY(shown.contains(a) || near(shown.left(), a.x(), shown.width() * 0.01));
    }

    void clickSelectsAndTooltipDescribes() {
        showGrids();
        QSignalSpy clicked(m_canvas.get(), &MapCanvas::gridClicked);
        const QPoint p = pixelOf(0);
        QTest::mouseClick(m_canvas.get(), Qt::LeftButton, {}, p);
        QCOMPARE(clicked.count(), 1);
        const QString code = m_data->level(GridLevel::Grid).features[0].code;
        QCOMPARE(clicked.first().first().toString(), code);
        QCOMPARE(m_canvas->selectedCode(), code);
        const QString tip = m_canvas->toolTipAt(p);
        QVERIFY2(tip.contains(code) && tip.contains(m_data->level(GridLevel::Grid).features[0].name),
                 qPrintable(tip));
        QVERIFY(tip.contains(QStringLiteral("风险等级")));
    }

    void selectionSyncsBothWays() {
        // The same connections MapWiring makes between the map and the hierarchy tree.
        QString treeSelection;
        connect(m_canvas.get(), &MapCanvas::gridClicked, this, [&](const QString& c) { treeSelection = c; });
        showGrids();
        QTest::mouseClick(m_canvas.get(), Qt::LeftButton, {}, pixelOf(1));
        QCOMPARE(treeSelection, m_data->level(GridLevel::Grid).features[1].code);
        const QString other = m_data->level(GridLevel::Grid).features[5].code;
        QMetaObject::invokeMethod(m_canvas.get(), "selectGrid", Q_ARG(QString, other)); // tree → map
        QCOMPARE(m_canvas->selectedCode(), other);
    }

    void flyToAndSearch() {
        const MapFeature& target = m_data->level(GridLevel::Grid).features[30];
        m_canvas->flyTo(target.code);
        QVERIFY(m_canvas->viewport().extent().contains(target.bounds));
        QVERIFY(m_canvas->viewport().extent().width() < m_data->bounds().width());
        QCOMPARE(m_canvas->selectedCode(), target.code);

        m_canvas->zoomToCounty();
        GridSearchBox search(m_canvas.get());
        const QStringList byCode = search.suggestions(target.code.left(14));
        QVERIFY(!byCode.isEmpty());
        QVERIFY(search.suggestions(target.name).first().endsWith(target.code));
        search.setText(target.name);
        QSignalSpy found(&search, &GridSearchBox::gridFound);
        QTest::keyClick(&search, Qt::Key_Return);
        QCOMPARE(found.count(), 1);
        QCOMPARE(m_canvas->selectedCode(), target.code);

        const QPointF lonLat = m_data->unproject(target.labelPoint);
        m_canvas->zoomToBounds(QRectF(lonLat - QPointF(0.001, 0.001), QSizeF(0.002, 0.002)));
        QVERIFY(m_canvas->viewport().extent().contains(target.labelPoint));
    }

    void overlaysCanBeAddedByName() {
        // How the feed and dispatch modules reach the canvas: part "map" + invokeMethod.
        auto* overlay = new CountingOverlay;
        overlay->setParent(m_canvas.get());
        QVERIFY(
            QMetaObject::invokeMethod(m_canvas.get(), "addOverlay", Q_ARG(gc::map::MapOverlay*, overlay)));
        m_canvas->repaint();
        QVERIFY(overlay->frames > 0);
    }

    void ticketMarkersClusterAndClick() {
        auto store = CountyStore::open(m_dir.filePath(QStringLiteral("county.gpkg")), nullptr);
        QVERIFY(store);
        auto* tickets = new TicketOverlay(m_canvas.get());
        tickets->loadFromStore(*store, QDateTime(QDate(2026, 6, 1), QTime(8, 0), QTimeZone::utc()));
        QVERIFY(!tickets->markers().isEmpty());
        m_canvas->addOverlay(tickets);
        m_canvas->repaint();
        // Zoomed in on one marker: it stands alone, and a click reports its summary.
        const TicketOverlay::Marker m = tickets->markers().first();
        MapViewport vp = m_canvas->viewport();
        vp.setCenter(m_data->project(m.lonLat));
        vp.setResolution(0.2);
        m_canvas->setViewport(vp);
        QSignalSpy clicked(tickets, &TicketOverlay::ticketClicked);
        QSignalSpy grid(m_canvas.get(), &MapCanvas::gridClicked);
        QTest::mouseClick(m_canvas.get(), Qt::LeftButton, {},
                          vp.toPixel(m_data->project(m.lonLat)).toPoint());
        QCOMPARE(clicked.count(), 1);
        QCOMPARE(clicked.first().first().toLongLong(), m.id);
        QVERIFY(clicked.first().at(1).toString().contains(QString::number(m.id)));
        QCOMPARE(grid.count(), 0); // the marker took the click
    }

    // Each colour's count is the number of grids of that risk level in the file, as the
    // sqlite3 shell counts them (not only the total: two levels' counts swapped would pass that).
    void legendCountsPerColour() {
        MapLegend legend(m_canvas.get());
        showGrids();
        QCOMPARE(legend.level(), GridLevel::Grid);
        const QString sqlite3 = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
        QVERIFY2(!sqlite3.isEmpty(),
                 "sqlite3 missing (Debian package sqlite3, installed by scripts/setup.sh)");
        QProcess p;
        p.start(sqlite3, {QStringLiteral("-readonly"), m_dir.filePath(QStringLiteral("county.gpkg")),
                          QStringLiteral("SELECT risk_level, count(*) FROM grid_grid GROUP BY risk_level")});
        QVERIFY(p.waitForFinished(30000));
        QHash<QString, int> expected;
        for (const QByteArray& line : p.readAllStandardOutput().split('\n'))
            if (const QList<QByteArray> parts = line.split('|'); parts.size() == 2)
                expected.insert(QString::fromLatin1(parts.at(0)), parts.at(1).toInt());
        QVERIFY2(expected.size() >= 3, "the small county has grids of several levels");
        const QList<QPair<RiskLevel, QString>> keys = {{RiskLevel::Red, QStringLiteral("red")},
                                                       {RiskLevel::Orange, QStringLiteral("orange")},
                                                       {RiskLevel::Yellow, QStringLiteral("yellow")},
                                                       {RiskLevel::Blue, QStringLiteral("blue")},
                                                       {RiskLevel::Green, QStringLiteral("green")}};
        int total = 0;
        for (const auto& [level, key] : keys) {
            QCOMPARE(legend.count(level), expected.value(key));
            total += legend.count(level);
        }
        QCOMPARE(total, 60);
    }
};

QTEST_MAIN(TestMapCanvas)
#include "test_map_canvas.moc"
