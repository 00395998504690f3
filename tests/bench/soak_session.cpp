// soak_session: runs the demo session (main window, embedded feed server, built-in simulator) offscreen
// for a given time and prints, every minute, memory, frame times, the longest stall and the county's
// file and WAL sizes, so a day's run can be judged from an hour's figures.
#include "MainWindow.h"

#include "gc/store/DemoCountyBuilder.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <malloc.h>

namespace {

// One 10-second report of the map's FrameMonitor (category gc.map.frames).
struct FrameReport {
    int frames = 0;
    double medianMs = 0, p95Ms = 0, maxMs = 0, stallMs = 0;
};
QList<FrameReport> g_reports; // since the last printed minute
QtMessageHandler g_previousHandler = nullptr;

void captureFrames(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    if (context.category && qstrcmp(context.category, "gc.map.frames") == 0) {
        static const QRegularExpression re(QStringLiteral(
            R"((\d+) frames in 10 s: median ([\d.]+) ms, p95 ([\d.]+) ms, max ([\d.]+) ms.*stall ([\d.]+) ms)"));
        if (const auto m = re.match(message); m.hasMatch())
            g_reports << FrameReport{m.captured(1).toInt(), m.captured(2).toDouble(),
                                     m.captured(3).toDouble(), m.captured(4).toDouble(),
                                     m.captured(5).toDouble()};
        return;
    }
    if (type == QtInfoMsg || type == QtDebugMsg)
        return; // the app's own progress lines would drown the table
    g_previousHandler(type, context, message);
}

// Resident memory in MB from the kernel's own count: all of it, the anonymous part (heaps, stacks:
// where a leak shows) and the file-backed part (libraries and fonts paged in as they are first used,
// bounded by their size).
struct Resident {
    double total = -1, anonymous = -1, files = -1;
};
Resident resident() {
    QFile status(QStringLiteral("/proc/self/status"));
    Resident r;
    if (!status.open(QIODevice::ReadOnly))
        return r;
    for (const QByteArray& line : status.readAll().split('\n')) {
        const double mb = line.mid(line.indexOf(':') + 1).trimmed().split(' ').value(0).toDouble() / 1024.0;
        if (line.startsWith("VmRSS:"))
            r.total = mb;
        else if (line.startsWith("RssAnon:"))
            r.anonymous = mb;
        else if (line.startsWith("RssFile:"))
            r.files = mb;
    }
    return r;
}

double fileMb(const QString& path) {
    return QFileInfo(path).exists() ? QFileInfo(path).size() / 1048576.0 : 0.0;
}

} // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM",
            qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    qputenv("GRIDCOMMAND_OPERATOR", "压力测试值班员");
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("GridCommandSoak"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Runs the demo session offscreen and prints memory, frames, stalls and file sizes every minute."));
    parser.addHelpOption();
    const QCommandLineOption minutesOption(QStringLiteral("minutes"),
                                           QStringLiteral("How long to run (default 60)."),
                                           QStringLiteral("N"), QStringLiteral("60"));
    const QCommandLineOption countyOption(
        QStringLiteral("county"),
        QStringLiteral("Demo county to use (built there when missing; default: a "
                       "temporary one)."),
        QStringLiteral("PATH"));
    parser.addOption(minutesOption);
    parser.addOption(countyOption);
    parser.process(app);
    const int minutes = parser.value(minutesOption).toInt();
    if (minutes <= 0) {
        std::fprintf(stderr, "soak_session: --minutes must be a positive number\n");
        return 2;
    }

    QStandardPaths::setTestModeEnabled(true); // the soak's own settings and layout
    g_previousHandler = qInstallMessageHandler(captureFrames);
    QLoggingCategory::setFilterRules(QStringLiteral("gc.map.frames.info=true"));

    QTemporaryDir dir;
    const QString path = parser.isSet(countyOption) ? parser.value(countyOption)
                                                    : dir.filePath(QStringLiteral("demo-county.gpkg"));
    QString error;
    if (!QFileInfo::exists(path)) {
        QElapsedTimer building;
        building.start();
        if (!gc::DemoCountyBuilder::build(path, gc::DemoOptions{}, &error)) {
            std::fprintf(stderr, "soak_session: %s\n", qPrintable(error));
            return 1;
        }
        std::printf("demo county built in %.0f s: %s\n", building.elapsed() / 1000.0, qPrintable(path));
    }
    auto store = gc::CountyStore::open(path, &error);
    if (!store) {
        std::fprintf(stderr, "soak_session: %s\n", qPrintable(error));
        return 1;
    }
    auto window = std::make_unique<MainWindow>(std::move(store), true);
    window->resize(1600, 900);
    window->show();

    // heap: bytes malloc holds for the program (in use) and from the system (arenas + mmapped).
    std::printf("%4s %7s %7s %7s %7s %7s %7s %7s %7s %7s %8s %8s %8s\n", "min", "RSS", "anon", "files",
                "heap", "malloc", "frames", "med ms", "p95 ms", "max ms", "stall ms", "county", "WAL");
    std::fflush(stdout);
    QElapsedTimer clock;
    clock.start();
    int minute = 0;
    double rssAt10 = -1, rssLast = 0, rssMax = 0;
    QTimer everyMinute;
    QObject::connect(&everyMinute, &QTimer::timeout, [&] {
        ++minute;
        int frames = 0;
        QList<double> medians;
        double p95 = 0, max = 0, stall = 0;
        for (const FrameReport& r : std::as_const(g_reports)) {
            frames += r.frames;
            medians << r.medianMs;
            p95 = std::max(p95, r.p95Ms);
            max = std::max(max, r.maxMs);
            stall = std::max(stall, r.stallMs);
        }
        g_reports.clear();
        std::sort(medians.begin(), medians.end());
        const struct mallinfo2 heap = mallinfo2();
        const Resident now = resident();
        rssLast = now.total;
        rssMax = std::max(rssMax, rssLast);
        if (minute == 10)
            rssAt10 = rssLast;
        std::printf("%4d %7.1f %7.1f %7.1f %7.1f %7.1f %7d %7.1f %7.1f %7.1f %8.0f %8.1f %8.2f\n", minute,
                    now.total, now.anonymous, now.files, heap.uordblks / 1048576.0,
                    (heap.arena + heap.hblkhd) / 1048576.0, frames,
                    medians.isEmpty() ? 0.0 : medians.at(medians.size() / 2), p95, max, stall, fileMb(path),
                    fileMb(path + QStringLiteral("-wal")));
        std::fflush(stdout);
        if (minute >= minutes)
            window->close();
    });
    everyMinute.start(60000);
    QObject::connect(&app, &QGuiApplication::lastWindowClosed, &app, &QCoreApplication::quit);
    app.exec();
    window.reset();
    if (rssAt10 > 0)
        std::printf("RSS after minute 10: %+.1f MB (minute 10: %.1f MB, end: %.1f MB, peak %.1f MB)\n",
                    rssLast - rssAt10, rssAt10, rssLast, rssMax);
    return 0;
}
