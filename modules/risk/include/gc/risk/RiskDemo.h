#pragma once

#include <QDateTime>
#include <QString>

namespace gc {

class CountyStore;

// Gives a freshly built demo county its risk picture: key persons and places where the tickets
// are, then the engine run day by day over the ticket history so the colours, the history and
// the replay are the engine's own.
class RiskDemo {
public:
    static bool populate(CountyStore& store, quint32 seed, const QDateTime& now, int historyDays,
                         QString* error);
};

} // namespace gc
