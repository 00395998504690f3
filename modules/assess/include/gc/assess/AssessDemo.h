#pragma once

#include <QDateTime>
#include <QString>

namespace gc {

class CountyStore;

// Gives a freshly built demo county a few duty days of worker activity worth ranking: each worker is
// diligent, average, lazy or late; their tracks (positions) follow that, and the on-site checks of the
// open citizen tickets are assigned and answered (or not) through the real ticket workflow.
class AssessDemo {
public:
    static constexpr int kDutyDays = 3;
    static bool populate(CountyStore& store, quint32 seed, const QDateTime& now, QString* error);
};

} // namespace gc
