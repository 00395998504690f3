// Chooses how a reading connection opens a county file (see ReadAccess.h).
#include "ReadAccess.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QUrl>

#include <unistd.h>

namespace gc::sql {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(CountyStore)
};

// access(2) rather than permission bits: it also knows read-only mounts and root.
bool canWrite(const QString& path) {
    return ::access(QFile::encodeName(path).constData(), W_OK) == 0;
}

QString uri(const QString& path, const QString& query) {
    QUrl url = QUrl::fromLocalFile(path);
    url.setQuery(query);
    return url.toString(QUrl::FullyEncoded);
}
} // namespace

bool isWritable(const QString& path) {
    const QString wal = path + QStringLiteral("-wal");
    const QString shm = path + QStringLiteral("-shm");
    return canWrite(path) &&
           (canWrite(QFileInfo(path).absolutePath()) ||
            (QFileInfo::exists(wal) && QFileInfo::exists(shm) && canWrite(wal) && canWrite(shm)));
}

QList<ReadAccess> readAccesses(const QString& relativePath, QString* error) {
    const QString path = QFileInfo(relativePath).absoluteFilePath();
    if (isWritable(path))
        return {{uri(path, {}), true}};
    // Nothing can be written here. With a -wal and a -shm present someone may be writing the file
    // (its owner, say): read through them, read-only, as SQLite allows. Otherwise nobody can be
    // (a writer in WAL mode keeps a -wal), and `immutable` reads the file without locks or side
    // files. An empty -wal holds nothing, so immutable is also right when read-only fails on it.
    const QFileInfo wal(path + QStringLiteral("-wal"));
    const bool shm = QFileInfo::exists(path + QStringLiteral("-shm"));
    const ReadAccess immutable{uri(path, QStringLiteral("mode=ro&immutable=1")), false};
    if (!wal.exists())
        return {immutable};
    if (shm && wal.size() == 0)
        return {{uri(path, QStringLiteral("mode=ro")), false}, immutable};
    if (shm)
        return {{uri(path, QStringLiteral("mode=ro")), false}};
    if (wal.size() == 0)
        return {immutable};
    if (error)
        *error =
            Tr::tr("%1 是只读的，且旁边的预写日志 %2 尚未合并：请把县域文件连同它复制到可写的文件夹再打开")
                .arg(path, wal.fileName());
    return {};
}

} // namespace gc::sql
