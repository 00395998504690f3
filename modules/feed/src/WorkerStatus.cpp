#include "gc/feed/WorkerStatus.h"

#include <QCoreApplication>

namespace gc::feed {

WorkerStatus workerStatus(const QDateTime& lastFix, const QDateTime& now) {
    if (!lastFix.isValid())
        return WorkerStatus::Offline;
    const qint64 age = lastFix.secsTo(now);
    if (age <= WorkerStatusRules::kOnlineSeconds)
        return WorkerStatus::Online;
    if (age <= WorkerStatusRules::kStaleSeconds)
        return WorkerStatus::Stale;
    return WorkerStatus::Offline;
}

QString toKey(WorkerStatus s) {
    switch (s) {
    case WorkerStatus::Online:
        return QStringLiteral("online");
    case WorkerStatus::Stale:
        return QStringLiteral("stale");
    case WorkerStatus::Offline:
        return QStringLiteral("offline");
    }
    return {};
}

QString displayName(WorkerStatus s) {
    switch (s) {
    case WorkerStatus::Online:
        return QCoreApplication::translate("WorkerStatus", "在线");
    case WorkerStatus::Stale:
        return QCoreApplication::translate("WorkerStatus", "信号延迟");
    case WorkerStatus::Offline:
        return QCoreApplication::translate("WorkerStatus", "离线");
    }
    return {};
}

} // namespace gc::feed
