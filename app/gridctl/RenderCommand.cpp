// gridctl render / bench render: the map as an image, through the canvas's own renderer
// (gc::map::MapRenderer and MapFrame), for reports, golden-image tests and benchmarks.
#include "Command.h"

#include "gc/map/GridLayerData.h"
#include "gc/map/MapFrame.h"
#include "gc/map/MapOverlay.h"
#include "gc/map/MapRenderer.h"
#include "gc/map/RiskStyle.h"
#include "gc/map/TicketOverlay.h"
#include "gc/store/CountyStore.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QRegularExpression>
#include <QTextStream>

#include <algorithm>
#include <ctime>

namespace gc::cli {
namespace {

using namespace gc::map;

struct CommonOptions {
    QString county;
    QSize size{1920, 1080};
    std::optional<QRectF> bboxLonLat;
    std::optional<GridLevel> level;
    bool accessible = false;
    bool labels = true;
};

// Parses what render and bench share; a message in *error on bad input.
bool readCommon(const QCommandLineParser& p, const QString& sizeOpt, const QString& bboxOpt,
                const QString& levelOpt, CommonOptions& o, QString* error) {
    if (p.positionalArguments().size() != 1) {
        *error = QStringLiteral("exactly one county.gpkg is required");
        return false;
    }
    o.county = p.positionalArguments().first();
    if (!sizeOpt.isEmpty()) {
        const auto m = QRegularExpression(QStringLiteral("^(\\d+)x(\\d+)$")).match(sizeOpt);
        const int w = m.captured(1).toInt(), h = m.captured(2).toInt();
        if (!m.hasMatch() || w < 16 || h < 16 || w > 16384 || h > 16384) {
            *error = QStringLiteral("--size must be WIDTHxHEIGHT, 16 to 16384 pixels each: %1").arg(sizeOpt);
            return false;
        }
        o.size = QSize(w, h);
    }
    if (!bboxOpt.isEmpty()) {
        const QStringList parts = bboxOpt.split(QLatin1Char(','));
        double v[4] = {};
        bool ok = parts.size() == 4;
        for (int i = 0; ok && i < 4; ++i)
            v[i] = parts[i].toDouble(&ok);
        if (!ok || v[0] >= v[2] || v[1] >= v[3] || v[0] < -180 || v[2] > 180 || v[1] < -85 || v[3] > 85) {
            *error = QStringLiteral("--bbox must be minlon,minlat,maxlon,maxlat: %1").arg(bboxOpt);
            return false;
        }
        o.bboxLonLat = QRectF(QPointF(v[0], v[1]), QPointF(v[2], v[3]));
    }
    if (!levelOpt.isEmpty()) {
        o.level = GridLevels::parse(levelOpt);
        if (!o.level) {
            *error = QStringLiteral("unknown --level %1 (one of %2)")
                         .arg(levelOpt, GridLevels::keys().join(u", "));
            return false;
        }
    }
    return true;
}

std::shared_ptr<GridLayerData> loadCounty(const QString& path, QString* error) {
    if (!QFile::exists(path)) {
        *error = QStringLiteral("no such file: %1").arg(path);
        return nullptr;
    }
    auto data = GridLayerData::loadFile(path, {}, error);
    // Grids a broken edit left without usable geometry are drawn as nothing; say which.
    if (data && !data->skippedGeometry().isEmpty()) {
        const QStringList& skipped = data->skippedGeometry();
        QTextStream(stderr) << QStringLiteral("gridctl: 警告：%1 个网格的几何无法使用，未绘制：%2%3\n")
                                   .arg(skipped.size())
                                   .arg(skipped.mid(0, 5).join(QStringLiteral("；")))
                                   .arg(skipped.size() > 5 ? QStringLiteral(" …") : QString());
    }
    return data;
}

MapViewport viewportFor(const GridLayerData& data, const CommonOptions& o) {
    if (o.bboxLonLat) {
        const QPointF a = data.project(o.bboxLonLat->topLeft());
        const QPointF b = data.project(o.bboxLonLat->bottomRight());
        return MapViewport::fit(QRectF(a, b).normalized(), o.size, 0);
    }
    return MapViewport::fit(data.bounds(), o.size);
}

// The frame the canvas would show, without a basemap: grid image, scale bar, north arrow.
QImage composeFrame(const GridLayerData& data, const QImage& gridImage, const MapViewport& vp) {
    MapFrame frame;
    frame.setGridImage(gridImage, vp);
    QImage out(vp.size(), QImage::Format_ARGB32_Premultiplied);
    QPainter p(&out);
    MapFrame::Decorations d;
    d.readout = false;
    frame.paint(p, vp, &data, {}, d);
    return out;
}

int runRender(const QStringList& arguments) {
    const QString verb = QStringLiteral("render");
    QCommandLineParser p;
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("PNG file to write."),
                                 QStringLiteral("map.png"));
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Image size, default 1920x1080."),
                                  QStringLiteral("WxH"));
    const QCommandLineOption bbox(QStringLiteral("bbox"),
                                  QStringLiteral("View, CGCS2000 degrees (default: county)."),
                                  QStringLiteral("minlon,minlat,maxlon,maxlat"));
    const QCommandLineOption level(
        QStringLiteral("level"), QStringLiteral("Draw this level only (street, community, grid, building)."),
        QStringLiteral("L"));
    const QCommandLineOption accessible(QStringLiteral("accessible"),
                                        QStringLiteral("Hatch pattern per risk level."));
    const QCommandLineOption noLabels(QStringLiteral("no-labels"), QStringLiteral("Leave out names."));
    p.addOptions({out, size, bbox, level, accessible, noLabels});
    p.addPositionalArgument(QStringLiteral("county.gpkg"), QStringLiteral("County GeoPackage."));
    int code = 0;
    if (!parse(p, verb, QStringLiteral("Render the county map to a PNG with the canvas's renderer."),
               arguments, &code))
        return code;
    CommonOptions o;
    QString error;
    if (!readCommon(p, p.value(size), p.value(bbox), p.value(level), o, &error))
        return fail(verb, error, 2);
    if (!p.isSet(out))
        return fail(verb, QStringLiteral("--out is required"), 2);
    auto data = loadCounty(o.county, &error);
    if (!data)
        return fail(verb, error);
    MapRenderer renderer(data);
    MapRenderSettings s;
    s.viewport = viewportFor(*data, o);
    s.forcedLevel = o.level;
    s.accessible = p.isSet(accessible);
    s.labels = !p.isSet(noLabels);
    s.opacity = 0.85; // no basemap under a report map: stronger colours than on the canvas
    if (s.labels && !MapRenderer::canDrawText())
        fail(verb, QStringLiteral("note: names left out (fonts need a GUI application object)"), 0);
    const QImage image = composeFrame(*data, renderer.render(s), s.viewport);
    if (!image.save(p.value(out), "PNG"))
        return fail(verb, QStringLiteral("cannot write %1").arg(p.value(out)));
    return 0;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

double processCpuMs() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

long residentKb() {
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    return -1;
}

int runBenchRender(const QStringList& arguments) {
    const QString verb = QStringLiteral("bench render");
    QCommandLineParser p;
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Image size, default 1920x1080."),
                                  QStringLiteral("WxH"));
    const QCommandLineOption level(
        QStringLiteral("level"),
        QStringLiteral("Force this level at every zoom, filled with outlines, no labels."),
        QStringLiteral("L"));
    const QCommandLineOption runs(QStringLiteral("runs"),
                                  QStringLiteral("Renders per figure (median), default 9."),
                                  QStringLiteral("N"), QStringLiteral("9"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the figures as JSON."));
    const QCommandLineOption threads(QStringLiteral("threads"),
                                     QStringLiteral("Render bands in parallel, default 2."),
                                     QStringLiteral("N"), QStringLiteral("2"));
    const QCommandLineOption noOutlines(QStringLiteral("no-outlines"),
                                        QStringLiteral("Fill only (for comparison)."));
    p.addOptions({size, level, runs, json, threads, noOutlines});
    p.addPositionalArgument(QStringLiteral("county.gpkg"), QStringLiteral("County GeoPackage."));
    QStringList args = arguments.mid(1); // "render" plays the verb
    int code = 0;
    if (!parse(p, verb,
               QStringLiteral("Time the map renderer: full extent, zoomed to a tenth, one pan frame."), args,
               &code))
        return code;
    CommonOptions o;
    QString error;
    if (!readCommon(p, p.value(size), {}, p.value(level), o, &error))
        return fail(verb, error, 2);
    const int n = std::clamp(p.value(runs).toInt(), 1, 100);

    QElapsedTimer open;
    open.start();
    auto data = loadCounty(o.county, &error);
    if (!data)
        return fail(verb, error);
    const double loadMs = open.nsecsElapsed() / 1e6;
    MapRenderer renderer(data);
    MapRenderSettings s;
    s.viewport = MapViewport::fit(data->bounds(), o.size);
    s.forcedLevel = o.level;
    s.threads = std::clamp(p.value(threads).toInt(), 1, 8);
    s.outlines = !p.isSet(noOutlines);
    s.labels = !o.level;     // a forced level is drawn as a GIS draws a layer: fill and outline
    std::vector<double> cpu; // process CPU per render, both bands: shows what a busy machine adds
    const auto timeRender = [&](const MapRenderSettings& settings, QImage* keep = nullptr) {
        const double cpu0 = processCpuMs();
        QElapsedTimer t;
        t.start();
        QImage image = renderer.render(settings);
        const double ms = t.nsecsElapsed() / 1e6;
        cpu.push_back(processCpuMs() - cpu0);
        if (keep)
            *keep = image;
        return ms;
    };
    QImage fullImage;
    const double firstMs = timeRender(s, &fullImage); // includes building the pixel geometry
    const double openToFirstFrameMs = open.nsecsElapsed() / 1e6;
    std::vector<double> full, zoomed, pan;
    cpu.clear();
    for (int i = 0; i < n; ++i)
        full.push_back(timeRender(s));
    const double fullCpuMs = median(cpu);
    MapRenderSettings z = s;
    z.viewport.setCenter(data->bounds().center());
    // A tenth of the county's width across the image.
    z.viewport.setResolution(data->bounds().width() / 10.0 / o.size.width());
    for (int i = 0; i < n; ++i)
        zoomed.push_back(timeRender(z));

    MapFrame frame;
    frame.setGridImage(fullImage, s.viewport);
    // The canvas's frame carries the open tickets (clustered) over the moved image.
    TicketOverlay tickets;
    if (auto store = CountyStore::open(o.county, &error, CountyStore::Access::ReadOnly))
        tickets.loadFromStore(*store);
    const QList<QPointer<MapOverlay>> overlays{&tickets};
    QImage target(o.size, QImage::Format_ARGB32_Premultiplied);
    for (int i = 0; i < std::max(n, 20); ++i) {
        MapViewport moved = s.viewport;
        moved.panByPixels(QPointF(7.0 * (i + 1), 3.0 * (i + 1))); // the re-render is still pending
        QElapsedTimer t;
        t.start();
        QPainter painter(&target);
        frame.paint(painter, moved, data.get(), overlays, MapFrame::Decorations{});
        painter.end();
        pan.push_back(t.nsecsElapsed() / 1e6);
    }
    const int grids = data->featureCount(GridLevel::Grid);
    QTextStream(stderr) << QStringLiteral(
                               "bench render: load %1 ms, first full-extent render %2 ms (cold pixel "
                               "geometry), open to first frame %3 ms, resident %4 MB, %6 open tickets "
                               "in the pan frame, full extent CPU %7 ms (both threads)%5\n")
                               .arg(loadMs, 0, 'f', 0)
                               .arg(firstMs, 0, 'f', 1)
                               .arg(openToFirstFrameMs, 0, 'f', 0)
                               .arg(residentKb() / 1024.0, 0, 'f', 0)
                               .arg(MapRenderer::canDrawText() ? QString()
                                                               : QStringLiteral(", no text (no GUI app)"))
                               .arg(tickets.markers().size())
                               .arg(fullCpuMs, 0, 'f', 1);
    const auto round1 = [](double v) { return std::round(v * 10) / 10; };
    if (p.isSet(json)) {
        // Compact, in the key order the issue gives.
        printLine(
            QStringLiteral("{\"grids\":%1,\"width\":%2,\"height\":%3,\"full_extent_ms\":%4,\"zoomed_ms\":%5,"
                           "\"pan_frame_ms\":%6}")
                .arg(grids)
                .arg(o.size.width())
                .arg(o.size.height())
                .arg(round1(median(full)))
                .arg(round1(median(zoomed)))
                .arg(round1(median(pan))));
    } else {
        printLine(QStringLiteral(
                      "grids %1, %2x%3: full extent %4 ms, zoomed %5 ms, pan frame %6 ms (medians of %7)")
                      .arg(grids)
                      .arg(o.size.width())
                      .arg(o.size.height())
                      .arg(median(full), 0, 'f', 1)
                      .arg(median(zoomed), 0, 'f', 1)
                      .arg(median(pan), 0, 'f', 2)
                      .arg(n));
    }
    return 0;
}

const Registrar renderRegistrar(QStringLiteral("render"), QStringLiteral("Render the county map to a PNG"),
                                runRender);
const Registrar benchRenderRegistrar(QStringLiteral("bench-render"), QStringLiteral("Time the map renderer"),
                                     [](const QStringList& a) {
                                         return runBenchRender(QStringList{a.value(0)} + a);
                                     });

} // namespace
} // namespace gc::cli
