// How long the worker layer takes to draw a frame with N simulated workers on a
// 1920×1080 image (the canvas draws overlays every frame over its cached grid image).
// A program that prints figures, not a timed test:  bench_workeroverlay [workers] [frames]
#include "gc/workers/WorkerOverlay.h"
#include "gc/geo/Geometry.h"
#include "gc/map/GridLayerData.h"
#include "gc/store/DemoCountyBuilder.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QImage>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>
#include <algorithm>
#include <ctime>

using namespace gc;

int main(int argc, char** argv) {
    QGuiApplication app(argc, argv);
    const int workers = argc > 1 ? std::max(1, atoi(argv[1])) : 20000;
    const int frames = argc > 2 ? std::max(1, atoi(argv[2])) : 60;
    QTemporaryDir dir;
    DemoOptions o;
    o.grids = std::min(workers, DemoCountyBuilder::kMaxGrids);
    o.ticketsPerGrid = 0;
    QString error;
    auto store = DemoCountyBuilder::build(dir.filePath(QStringLiteral("b.gpkg")), o, &error);
    if (!store) {
        QTextStream(stderr) << error << Qt::endl;
        return 1;
    }
    workers::WorkerListModel model;
    model.load(*store);
    QRandomGenerator rng(7);
    QRectF extent;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    for (const GridRecord& g : store->grids(GridLevel::Grid, true)) {
        const QRectF b = geo::bounds(g.wkb);
        extent = extent.united(b);
    }
    int i = 0;
    QList<PositionFix> fixes;
    for (const auto& row : model.rows()) {
        PositionFix f;
        f.workerId = row.worker.id;
        f.lon = extent.left() + rng.generateDouble() * extent.width();
        f.lat = extent.top() + rng.generateDouble() * extent.height();
        f.at = now - (i++ % 3 == 0 ? 400 : 10); // a third stale
        f.accuracy = 8;
        f.heading = rng.bounded(360.0);
        fixes << f;
    }
    model.applyPositions(fixes);
    workers::WorkerOverlay overlay(&model);
    QImage image(1920, 1080, QImage::Format_ARGB32_Premultiplied);
    const auto data = map::GridLayerData::load(*store, {}, &error);
    if (!data) {
        QTextStream(stderr) << error << Qt::endl;
        return 1;
    }
    const QRectF mercator = data->bounds();
    QTextStream out(stdout);
    for (const auto& [label, zoom] :
         {std::pair{"whole county", 1.0}, std::pair{"zoomed in x4 (headings)", 4.0},
          std::pair{"zoomed in x16 (names)", 16.0}}) {
        map::MapViewport viewport = map::MapViewport::fit(mercator.normalized(), image.size());
        viewport.setResolution(viewport.resolution() / zoom);
        std::vector<double> ms, cpu;
        for (int k = 0; k < frames; ++k) {
            image.fill(Qt::white);
            QPainter painter(&image);
            QElapsedTimer t;
            timespec c0, c1;
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &c0);
            t.start();
            overlay.paint(painter, viewport, *data);
            ms.push_back(t.nsecsElapsed() / 1e6);
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &c1);
            cpu.push_back((c1.tv_sec - c0.tv_sec) * 1e3 + (c1.tv_nsec - c0.tv_nsec) / 1e6);
        }
        std::sort(ms.begin(), ms.end());
        std::sort(cpu.begin(), cpu.end());
        out << model.rowCount() << " workers, " << label << ": median "
            << QString::number(ms[ms.size() / 2], 'f', 2) << " ms, p95 "
            << QString::number(ms[size_t(ms.size() * 0.95)], 'f', 2) << " ms per frame (thread CPU median "
            << QString::number(cpu[cpu.size() / 2], 'f', 2) << " ms)" << Qt::endl;
    }
    image.save(dir.filePath(QStringLiteral("frame.png")));
    return 0;
}
