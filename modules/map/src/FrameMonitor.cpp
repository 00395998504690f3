#include "gc/map/FrameMonitor.h"

#include <QLoggingCategory>
#include <algorithm>

Q_LOGGING_CATEGORY(lcFrames, "gc.map.frames", QtWarningMsg)

namespace gc::map {

namespace {
constexpr int kProbeMs = 20;
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

void FrameMonitor::frameFinished() {
    if (m_frame.isValid() && lcFrames().isInfoEnabled())
        m_frameMs << m_frame.nsecsElapsed() / 1e6;
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
    const auto at = [&](double q) {
        return m_frameMs.at(std::min<qsizetype>(m_frameMs.size() - 1, qsizetype(q * m_frameMs.size())));
    };
    qCInfo(lcFrames,
           "%lld frames in 10 s: median %.1f ms, p95 %.1f ms, max %.1f ms; longest event-loop stall %.0f ms",
           qint64(m_frameMs.size()), at(0.5), at(0.95), m_frameMs.last(), m_maxStallMs);
    m_frameMs.clear();
    m_maxStallMs = 0;
}

} // namespace gc::map
