// The worker layer keeps the map readable at county scale: each worker's symbol is a ring that
// leaves the grid's colour showing at its centre, yet is itself visible; zoomed in, the filled
// symbol comes back.
#include "gc/workers/WorkerOverlay.h"
#include "gc/map/GridLayerData.h"
#include "gc/map/MapRenderer.h"
#include "gc/store/DemoCountyBuilder.h"

#include <QTemporaryDir>
#include <QTest>

using namespace gc;

class TestWorkerOverlay : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<CountyStore> m_store;
    std::shared_ptr<map::GridLayerData> m_data;
    workers::WorkerListModel m_model;
    QList<QPointF> m_placed; // Mercator position of each placed worker

    // The grids rendered for `vp`, with and without the worker layer on top.
    std::pair<QImage, QImage> frames(const map::MapViewport& vp) {
        map::MapRenderer renderer(m_data);
        map::MapRenderSettings s;
        s.viewport = vp;
        s.labels = false;
        s.opacity = 0.62;
        QImage base(vp.size(), QImage::Format_ARGB32_Premultiplied);
        base.fill(Qt::white);
        {
            QPainter p(&base);
            p.drawImage(0, 0, renderer.render(s));
        }
        QImage withWorkers = base.copy();
        workers::WorkerOverlay overlay(&m_model);
        QPainter p(&withWorkers);
        overlay.paint(p, vp, *m_data);
        return {base, withWorkers};
    }

private Q_SLOTS:
    void initTestCase() {
        DemoOptions o;
        o.grids = 60;
        o.ticketsPerGrid = 0;
        QString error;
        m_store = DemoCountyBuilder::build(m_dir.filePath(QStringLiteral("w.gpkg")), o, &error);
        QVERIFY2(m_store, qPrintable(error));
        m_data = map::GridLayerData::load(*m_store, {}, &error);
        QVERIFY2(m_data, qPrintable(error));
        m_model.load(*m_store);
        QVERIFY(m_model.rowCount() > 10);
        // Each worker at the interior point of a different grid, online.
        const auto& grids = m_data->level(GridLevel::Grid).features;
        QList<PositionFix> fixes;
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        for (int i = 0; i < m_model.rowCount() && size_t(i) < grids.size(); ++i) {
            const QPointF lonLat = m_data->unproject(grids[size_t(i)].labelPoint);
            PositionFix f;
            f.workerId = m_model.rows().at(i).worker.id;
            f.lon = lonLat.x();
            f.lat = lonLat.y();
            f.at = now;
            f.accuracy = 5;
            fixes << f;
            m_placed << grids[size_t(i)].labelPoint;
        }
        m_model.applyPositions(fixes);
        QVERIFY(m_placed.size() > 10);
    }

    void countyScaleRingsLeaveTheColourShowing() {
        const map::MapViewport vp = map::MapViewport::fit(m_data->bounds(), QSize(900, 700));
        QVERIFY(vp.resolution() > 20); // county scale
        const auto [base, withWorkers] = frames(vp);
        int visibleRings = 0;
        for (const QPointF& at : m_placed) {
            const QPoint c = vp.toPixel(at).toPoint();
            // The centre shows the grid exactly as without the worker.
            QCOMPARE(QColor(withWorkers.pixel(c)), QColor(base.pixel(c)));
            // The ring itself is drawn a few pixels out.
            bool ring = false;
            for (int r = 2; r <= 4 && !ring; ++r)
                ring = withWorkers.pixel(c + QPoint(r, 0)) != base.pixel(c + QPoint(r, 0));
            visibleRings += ring ? 1 : 0;
        }
        QCOMPARE(visibleRings, m_placed.size());
    }

    void zoomedInSymbolsAreFilled() {
        map::MapViewport vp = map::MapViewport::fit(m_data->bounds(), QSize(900, 700));
        vp.setCenter(m_placed.first());
        vp.setResolution(5); // street level: a person's symbol, white filled
        const auto [base, withWorkers] = frames(vp);
        const QPoint c = vp.toPixel(m_placed.first()).toPoint();
        QCOMPARE(QColor(withWorkers.pixel(c)), QColor(Qt::white));
        QVERIFY(base.pixel(c) != withWorkers.pixel(c));
    }

    void legendCountsTheStatuses() {
        workers::WorkerOverlay overlay(&m_model);
        const QList<map::LegendEntry> legend = overlay.legend();
        QVERIFY(legend.size() >= 3);
        QVERIFY(!legend.first().symbol.isNull());
        // Every placed worker reported just now: online; the rest never reported: offline.
        QCOMPARE(legend[0].count, int(m_placed.size()));
        QCOMPARE(legend[0].count + legend[1].count + legend[2].count, m_model.rowCount());
    }
};

QTEST_MAIN(TestWorkerOverlay)
#include "tst_workeroverlay.moc"
