#pragma once

#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <utility>

namespace gc {

// Everything an export or report writes goes into a hidden folder beside the output first
// (".NAME.part-PID-N"), and is renamed into place only once every file is complete: a full disk,
// a file size limit, a cancel or a crash leaves the previous output as it was and nothing
// half-written. Renaming within a folder is atomic and needs no space.
class OutputStaging {
    Q_DECLARE_TR_FUNCTIONS(OutputStaging)

public:
    explicit OutputStaging(const QString& finalPath) : m_finalPath(finalPath) {}
    ~OutputStaging(); // removes the staging folder, and the output's folder if create() made it
    OutputStaging(const OutputStaging&) = delete;
    OutputStaging& operator=(const OutputStaging&) = delete;

    // Makes the staging folder (and the output's folder when missing); on failure *error says
    // why in one line ("无法在 … 中写入：权限不够").
    bool create(QString* error);
    QString dir() const { return m_dir; }
    // Where in the staging folder the file for `output` is written.
    QString stagedPath(const QString& output) const;

    // Renames each staged file over its output (each fsync'ed first, the folder after); an output the new export did not write (a
    // previous Shapefile's spatial index) is removed. A staged file not in `outputs` is refused,
    // so nothing written escapes the caller's checks of its outputs.
    bool commit(const QStringList& outputs, QString* error);

    // Writes `data` as a new file, every step checked (a full disk or a file size limit shows only
    // in a write's count or in the close).
    static bool writeFile(const QString& path, QByteArrayView data, QString* error);
    // The path a write to `path` reaches: the longest part that exists with symlinks and ".."
    // resolved as the kernel resolves them, the rest (which does not exist yet) appended as written.
    static QString reachedPath(const QString& path);
    // The first output that reaches a protected file (a county being read) or one of its SQLite
    // sidecars (-wal, -shm, -journal), by path or by hard link, with that file; empty if none does.
    static std::pair<QString, QString> reachedProtectedFile(const QStringList& outputs,
                                                            const QStringList& protectedFiles);
    // errno as a user reads it: "磁盘已满", "超出文件大小限制", … .
    static QString errorText(int error);

private:
    // fsync on a file or a folder (the folder's entries: the renames).
    static bool syncToDisk(const QString& path, QString* error);
    // What an export of the same output killed mid-way (SIGKILL, a power cut) left behind: the
    // staging folders of processes that no longer exist.
    static void removeAbandoned(const QString& folder, const QString& prefix);

    QString m_finalPath;
    QString m_dir;
    QString m_createdFolder;
    bool m_committed = false;
};

} // namespace gc
