#pragma once

#include <QDateTime>
#include <QTimeZone>

namespace gc {

// Counties keep China Standard Time (UTC+8, no daylight saving); deadlines such as
// “end of the working day” are meant in it, whatever the machine's zone is.
inline QTimeZone chinaTimeZone() {
    return QTimeZone(8 * 3600);
}

inline QDateTime fromEpochSeconds(qint64 seconds) {
    return QDateTime::fromSecsSinceEpoch(seconds, chinaTimeZone());
}

inline QDateTime chinaNow() {
    return QDateTime::currentDateTime().toTimeZone(chinaTimeZone());
}

} // namespace gc
