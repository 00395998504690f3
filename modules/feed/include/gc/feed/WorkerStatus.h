#pragma once

#include <QDateTime>
#include <QString>

namespace gc::feed {

// A worker's status follows the data: online with a fix within 5 minutes, stale within
// 10, offline beyond (or never seen).
enum class WorkerStatus { Online, Stale, Offline };

struct WorkerStatusRules {
    static constexpr qint64 kOnlineSeconds = 5 * 60;
    static constexpr qint64 kStaleSeconds = 10 * 60;
};

WorkerStatus workerStatus(const QDateTime& lastFix, const QDateTime& now);
QString toKey(WorkerStatus s); // online, stale, offline
QString displayName(WorkerStatus s);

} // namespace gc::feed
