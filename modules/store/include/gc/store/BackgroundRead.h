#pragma once
// Reading a county file off the GUI thread. A CountyStore belongs to the thread that opened it,
// so the read opens a store of its own on a pool thread, and its result comes back on the thread
// of `context` (dropped, not delivered, if `context` is gone by then).
#include "gc/store/CountyStore.h"

#include <QFuture>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace gc {

namespace detail {
// Reads of their own, so a second or two of reading never holds up the map's render tasks on
// the global pool.
inline QThreadPool& countyReadPool() {
    static QThreadPool pool;
    return pool;
}
} // namespace detail

// `read(CountyStore&)` runs on a pool thread; then `done(result, error)` on `context`'s thread,
// with a default-constructed result and the reason if the file could not be opened.
template <typename Read, typename Done>
void readCountyInBackground(const QString& path, QObject* context, Read read, Done done) {
    using Result = std::invoke_result_t<Read, CountyStore&>;
    QtConcurrent::run(&detail::countyReadPool(), [path, read = std::move(read)] {
        std::pair<Result, QString> out;
        if (auto store = CountyStore::open(path, &out.second, CountyStore::Access::ReadOnly))
            out.first = read(*store);
        return out;
    }).then(context, [done = std::move(done)](std::pair<Result, QString> out) {
        done(std::move(out.first), out.second);
    });
}

} // namespace gc
