// gridctl bench dashboard: times the big screen's load, recompute after a ticket event, and 4K frames.
#include "Command.h"

#include "gc/dashboard/DashboardPainter.h"
#include "gc/dashboard/DashboardSource.h"

#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>

#include <algorithm>
#include <ctime>

namespace gc::cli {
namespace {

using namespace gc::dashboard;

double msSince(const QElapsedTimer& t) {
    return t.nsecsElapsed() / 1e6;
}

// This thread's CPU time: on a shared machine the wall clock also counts the other processes' turns.
double threadCpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

double round2(double v) {
    return std::round(v * 100) / 100;
}

int runBenchDashboard(const QStringList& arguments) {
    const QString verb = QStringLiteral("bench dashboard");
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("county.gpkg"), QStringLiteral("County file (read only)."));
    const QCommandLineOption layoutFile(QStringLiteral("layout"),
                                        QStringLiteral("Layout file; default the shipped one for the size."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Screen size, default 3840x2160."),
                                  QStringLiteral("WxH"), QStringLiteral("3840x2160"));
    const QCommandLineOption frames(QStringLiteral("frames"),
                                    QStringLiteral("Frames painted (median), default 30."),
                                    QStringLiteral("N"), QStringLiteral("30"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the figures as JSON."));
    p.addOptions({layoutFile, size, frames, json});
    int code = 0;
    if (!parse(
            p, verb,
            QStringLiteral("Time the big screen: load, recompute after a ticket event (off the GUI thread), "
                           "the GUI thread's work per refresh (snapshot swap and one frame) and frames."),
            arguments, &code))
        return code;
    const QStringList wh = p.value(size).split(u'x');
    const QSize screen = wh.size() == 2 ? QSize(wh[0].toInt(), wh[1].toInt()) : QSize();
    if (screen.width() < 640 || screen.height() < 360)
        return fail(verb, QStringLiteral("--size must look like 3840x2160"), 2);
    if (p.positionalArguments().isEmpty())
        return fail(verb, QStringLiteral("name a county file (county.gpkg)"), 2);
    DashboardLayout layout = DashboardLayout::builtIn(screen);
    if (p.isSet(layoutFile)) {
        QString error;
        const std::optional<DashboardLayout> l = DashboardLayout::fromFile(p.value(layoutFile), &error);
        if (!l)
            return fail(verb, error, 2);
        layout = *l;
    }
    const int n = std::clamp(p.value(frames).toInt(), 1, 1000);

    DashboardSource source;
    source.setMapSize(DashboardPainter::mapImageRect(layout, screen).size());
    QElapsedTimer t;
    t.start();
    QString error;
    if (!source.open(p.positionalArguments().first(), layout, &error))
        return fail(verb, error);
    const double loadMs = msSince(t);
    t.restart();
    std::shared_ptr<const DashboardFigures> figures = source.compute();
    const double firstComputeMs = msSince(t);
    const double firstMapMs = source.lastMapMs();

    // The screen showed the first figures before the event (strings laid out, large text drawn once).
    QImage image(screen, QImage::Format_RGB32); // a window's backing store
    t.restart();
    {
        QPainter painter(&image);
        DashboardPainter::paint(painter, screen, layout, figures.get(), {});
    }
    const double firstFrameMs = msSince(t);

    // A ticket event: the newest ticket read again (what the change signal triggers), then the
    // recompute from memory. Both run on the source's thread in the app.
    const qint64 ticket = source.newestTicketId();
    t.restart();
    source.applyTicketChanges({ticket});
    const double applyMs = msSince(t);
    double cpu = threadCpuMs();
    t.restart();
    figures = source.compute();
    const double recomputeMs = msSince(t);
    const double recomputeCpuMs = threadCpuMs() - cpu;

    // The GUI thread's work per refresh: take the snapshot (a pointer swap) and paint one frame of it.
    std::shared_ptr<const DashboardFigures> shown;
    cpu = threadCpuMs();
    t.restart();
    shown = figures;
    {
        QPainter painter(&image);
        DashboardPainter::paint(painter, screen, layout, shown.get(), {});
    }
    const double refreshMs = msSince(t);
    const double refreshCpuMs = threadCpuMs() - cpu;
    QList<double> frameMs, frameCpuMs;
    QList<double> panelTotals(layout.panels.size(), 0.0);
    for (int i = 0; i < n; ++i) {
        DashboardPainter::State state;
        state.alertOffset = i; // the alert list rolls between frames
        QList<double> panelMs;
        state.panelMs = &panelMs;
        cpu = threadCpuMs();
        t.restart();
        QPainter painter(&image);
        DashboardPainter::paint(painter, screen, layout, shown.get(), state);
        painter.end();
        frameMs << msSince(t);
        frameCpuMs << threadCpuMs() - cpu;
        for (int k = 0; k < panelMs.size(); ++k)
            panelTotals[k] += panelMs[k];
    }
    QJsonObject panels; // mean milliseconds per panel: where a frame's time goes
    for (int k = 0; k < layout.panels.size(); ++k)
        panels.insert(QStringLiteral("%1 %2").arg(k).arg(layout.panels[k].type), round2(panelTotals[k] / n));
    std::sort(frameMs.begin(), frameMs.end());
    std::sort(frameCpuMs.begin(), frameCpuMs.end());
    QFile loadavg(QStringLiteral("/proc/loadavg"));
    const QString load = loadavg.open(QIODevice::ReadOnly)
                             ? QString::fromLatin1(loadavg.readAll()).section(u' ', 0, 2)
                             : QString();
    const QJsonObject out{
        {QStringLiteral("grids"), source.gridCount()},
        {QStringLiteral("tickets"), source.ticketCount()},
        {QStringLiteral("tickets_held"), figures->ticketsHeld},
        {QStringLiteral("size"), p.value(size)},
        {QStringLiteral("layout"), layout.name},
        {QStringLiteral("load_ms"), round2(loadMs)},
        {QStringLiteral("first_compute_ms"), round2(firstComputeMs)},
        {QStringLiteral("map_ms"), round2(firstMapMs)},
        {QStringLiteral("event_read_ms"), round2(applyMs)},
        {QStringLiteral("recompute_ms"), round2(recomputeMs)},
        {QStringLiteral("recompute_cpu_ms"), round2(recomputeCpuMs)},
        {QStringLiteral("first_frame_ms"), round2(firstFrameMs)},
        {QStringLiteral("refresh_ms"), round2(refreshMs)},
        {QStringLiteral("refresh_cpu_ms"), round2(refreshCpuMs)},
        {QStringLiteral("frame_cpu_ms"), round2(frameCpuMs[frameCpuMs.size() / 2])},
        {QStringLiteral("frame_ms"), round2(frameMs[frameMs.size() / 2])},
        {QStringLiteral("frame_ms_p95"),
         round2(frameMs[std::min<qsizetype>(frameMs.size() - 1, frameMs.size() * 95 / 100)])},
        {QStringLiteral("frame_ms_max"), round2(frameMs.last())},
        {QStringLiteral("frames"), n},
        {QStringLiteral("panel_ms"), panels},
        {QStringLiteral("loadavg"), load}};
    if (p.isSet(json)) {
        printJson(QJsonDocument(out));
        return 0;
    }
    printLine(
        QStringLiteral(
            "bench dashboard %1 (%2 grids, %3 tickets, %4 held): load %5 ms; after an event: read %6 ms, "
            "recompute %7 ms (source thread); GUI thread per refresh %8 ms; frame %9 ms median "
            "(p95 %10, max %11); load average %12")
            .arg(p.value(size))
            .arg(source.gridCount())
            .arg(source.ticketCount())
            .arg(figures->ticketsHeld)
            .arg(loadMs, 0, 'f', 0)
            .arg(applyMs, 0, 'f', 1)
            .arg(recomputeMs, 0, 'f', 0)
            .arg(refreshMs, 0, 'f', 1)
            .arg(frameMs[frameMs.size() / 2], 0, 'f', 1)
            .arg(frameMs[std::min<qsizetype>(frameMs.size() - 1, frameMs.size() * 95 / 100)], 0, 'f', 1)
            .arg(frameMs.last(), 0, 'f', 1)
            .arg(load));
    return 0;
}

const Registrar benchDashboardRegistrar(QStringLiteral("bench-dashboard"),
                                        QStringLiteral("Time the big screen (load, recompute, 4K frames)"),
                                        runBenchDashboard);

} // namespace
} // namespace gc::cli
