#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <QVector>

namespace gc::map {

// Measures what an operator feels: how long each frame of the canvas takes to paint,
// and how late the event loop answers (a stalled loop is unresponsive input). Every
// 10 s it logs the median, 95th percentile and maximum under the logging category
// "gc.map.frames" (off by default: QT_LOGGING_RULES="gc.map.frames.info=true").
class FrameMonitor : public QObject {
    Q_OBJECT
public:
    explicit FrameMonitor(QObject* parent = nullptr);
    void frameStarted();
    void frameFinished();

private:
    void probe();
    void report();

    QElapsedTimer m_frame;
    QElapsedTimer m_probeClock;
    QTimer m_probe;
    QTimer m_report;
    QVector<double> m_frameMs;
    // The GUI thread's own processor time per frame: a frame slow on the clock but not in
    // processor time waited for a core (2 cores, with the feed server and writer busy).
    double m_frameCpuStartMs = 0;
    QVector<double> m_frameCpuMs;
    double m_maxStallMs = 0;
};

} // namespace gc::map
