#include "gc/map/FrameMonitor.h"

#include <QLoggingCategory>
#include <algorithm>
#include <ctime>

Q_LOGGING_CATEGORY(lcFrames, "gc.map.frames", QtWarningMsg)

namespace gc::map {

namespace {
constexpr int kProbeMs = 20;
constexpr double kFrameBudgetMs = 16.0;

double threadCpuMs() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

// The value at quantile q of sorted values.
double quantile(const QVector<double>& sorted, double q) {
    return sorted.at(std::min<qsizetype>(sorted.size() - 1, qsizetype(q * sorted.size())));
}
} // namespace

FrameMonitor::FrameMonitor(QObject* parent) : QObject(parent) {
    if (!lcFrames().isInfoEnabled())
        return; // costs nothing unless asked for
    m_probe.setTimerType(Qt::PreciseTimer);
    connect(&m_probe, &QTimer::timeout, this, &FrameMonitor::probe);
    connect(&m_report, &QTimer::timeout, this, &FrameMonitor::report);
    m_probe.start(kProbeMs);
    m_report.start(10000);
    m_probeClock.start();
}

void FrameMonitor::frameStarted() {
    m_frame.start();
    if (lcFrames().isInfoEnabled())
        m_frameCpuStartMs = threadCpuMs();
}

void FrameMonitor::frameFinished() {
    if (m_frame.isValid() && lcFrames().isInfoEnabled()) {
        m_frameMs << m_frame.nsecsElapsed() / 1e6;
        m_frameCpuMs << threadCpuMs() - m_frameCpuStartMs;
    }
}

void FrameMonitor::probe() {
    // The probe should fire every kProbeMs; whatever comes on top is time the event
    // loop could not answer input.
    m_maxStallMs = std::max(m_maxStallMs, m_probeClock.nsecsElapsed() / 1e6 - kProbeMs);
    m_probeClock.restart();
}

void FrameMonitor::report() {
    if (m_frameMs.isEmpty())
        return;
    std::sort(m_frameMs.begin(), m_frameMs.end());
    std::sort(m_frameCpuMs.begin(), m_frameCpuMs.end());
    const qsizetype overBudget =
        m_frameMs.end() - std::upper_bound(m_frameMs.begin(), m_frameMs.end(), kFrameBudgetMs);
    qCInfo(lcFrames,
           "%lld frames in 10 s: median %.1f ms, p95 %.1f ms, max %.1f ms, %lld over 16 ms (GUI thread "
           "processor time: median %.1f ms, p95 %.1f ms, max %.1f ms); longest event-loop stall %.0f ms",
           qint64(m_frameMs.size()), quantile(m_frameMs, 0.5), quantile(m_frameMs, 0.95), m_frameMs.last(),
           qint64(overBudget), quantile(m_frameCpuMs, 0.5), quantile(m_frameCpuMs, 0.95), m_frameCpuMs.last(),
           m_maxStallMs);
    m_frameMs.clear();
    m_frameCpuMs.clear();
    m_maxStallMs = 0;
}

} // namespace gc::map
