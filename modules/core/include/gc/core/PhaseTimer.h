#pragma once
// Logs how long each step of a long operation took, to a logging category that is off by default
// (QT_LOGGING_RULES="gc.export.phases.info=true"): the figures behind a benchmark, without a
// profiler, on the user's machine as well as ours.
#include <QElapsedTimer>
#include <QLoggingCategory>

namespace gc {

class PhaseTimer {
public:
    PhaseTimer(const QLoggingCategory& category, const char* operation)
        : m_category(category), m_operation(operation) {
        m_timer.start();
    }
    // Logs the time since the previous mark (or since construction) and since construction.
    void mark(const char* phase) {
        if (!m_category.isInfoEnabled())
            return;
        const qint64 now = m_timer.nsecsElapsed();
        qCInfo(m_category, "%s: %s %.1f ms (at %.1f ms)", m_operation, phase, (now - m_last) / 1e6,
               now / 1e6);
        m_last = now;
    }

private:
    const QLoggingCategory& m_category;
    const char* m_operation;
    QElapsedTimer m_timer;
    qint64 m_last = 0;
};

} // namespace gc
