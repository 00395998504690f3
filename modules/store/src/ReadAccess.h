#pragma once
// How a connection that only reads opens a county: without changing it, without leaving -wal or -shm
// behind, and also where nothing can be written (a 0444 file, another user's file, read-only media).
#include <QList>
#include <QString>

namespace gc::sql {

struct ReadAccess {
    QString uri;    // a file: URI (open with SQLITE_OPEN_URI)
    bool readWrite; // opened read-write, then PRAGMA query_only: its close tidies up like a writer's
};

// True when this process can write `path`: the file, and either its folder (to create the -wal
// and -shm) or both of those files, present and writable.
bool isWritable(const QString& path);

// The ways to open `path` for reading, best first; try each until one reads. Empty (with `error`
// set) when none can work.
QList<ReadAccess> readAccesses(const QString& path, QString* error);

} // namespace gc::sql
