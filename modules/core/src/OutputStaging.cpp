// Staged outputs: write beside the target, rename into place only when complete (exports, reports).
#include "gc/core/OutputStaging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <atomic>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstring>
#include <optional>

#include <cstdlib>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace gc {

OutputStaging::~OutputStaging() {
    if (!m_dir.isEmpty())
        QDir(m_dir).removeRecursively();
    if (!m_committed && !m_createdFolder.isEmpty())
        QDir().rmdir(m_createdFolder);
}

QString OutputStaging::errorText(int error) {
    switch (error) {
    case ENOSPC:
        return tr("磁盘已满");
    case EFBIG:
        return tr("超出文件大小限制");
    case EDQUOT:
        return tr("超出磁盘配额");
    default:
        return QString::fromLocal8Bit(std::strerror(error));
    }
}

bool OutputStaging::create(QString* error) {
    const QString folder = QFileInfo(m_finalPath).absolutePath();
    if (!QFileInfo(folder).isDir()) {
        if (!QDir().mkdir(folder)) {
            *error = tr("无法创建文件夹 %1").arg(folder);
            return false;
        }
        m_createdFolder = folder;
    }
    const QString prefix = QStringLiteral(".%1.part-").arg(QFileInfo(m_finalPath).fileName());
    removeAbandoned(folder, prefix);
    static std::atomic_int counter{0};
    const QString dir = QDir(folder).filePath(
        prefix + QStringLiteral("%1-%2").arg(QCoreApplication::applicationPid()).arg(counter.fetch_add(1)));
    if (::mkdir(QFile::encodeName(dir).constData(), 0700) != 0) {
        *error = tr("无法在 %1 中写入：%2").arg(folder, errorText(errno));
        return false;
    }
    m_dir = dir;
    return true;
}

QString OutputStaging::stagedPath(const QString& output) const {
    return QDir(m_dir).filePath(QFileInfo(output).fileName());
}

bool OutputStaging::commit(const QStringList& outputs, QString* error) {
    QStringList names;
    for (const QString& output : outputs)
        names << QFileInfo(output).fileName();
    for (const QString& staged : QDir(m_dir).entryList(QDir::Files | QDir::Hidden))
        if (!names.contains(staged)) {
            *error = tr("导出写出了意料之外的文件 %1").arg(staged);
            return false;
        }
    // Each staged file reaches the disk before it replaces the output, and the folder's new
    // entries after: without this, a power cut soon after the rename can leave an empty or
    // short file where the previous output was (ext4 and XFS allocate data late).
    for (const QString& output : outputs) {
        const QString staged = stagedPath(output);
        if (QFileInfo::exists(staged) && !syncToDisk(staged, error))
            return false;
    }
    for (const QString& output : outputs) {
        const QString staged = stagedPath(output);
        const QByteArray target = QFile::encodeName(output);
        if (QFileInfo::exists(staged)) {
            if (::rename(QFile::encodeName(staged).constData(), target.constData()) != 0) {
                *error = tr("无法把导出结果移到 %1：%2").arg(output, errorText(errno));
                return false;
            }
        } else if (::unlink(target.constData()) != 0 && errno != ENOENT) {
            *error = tr("无法删除旧文件 %1：%2").arg(output, errorText(errno));
            return false;
        }
    }
    m_committed = true;
    return syncToDisk(QFileInfo(m_finalPath).absolutePath(), error);
}

bool OutputStaging::syncToDisk(const QString& path, QString* error) {
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        const int failure = errno;
        if (fd >= 0)
            ::close(fd);
        *error = tr("无法把 %1 写入磁盘：%2").arg(path, errorText(failure));
        return false;
    }
    ::close(fd);
    return true;
}

bool OutputStaging::writeFile(const QString& path, QByteArrayView data, QString* error) {
    const int fd =
        ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    int failure = fd < 0 ? errno : 0;
    qsizetype done = 0;
    while (failure == 0 && done < data.size()) {
        const ssize_t n = ::write(fd, data.data() + done, size_t(data.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            failure = n < 0 ? errno : ENOSPC;
        else
            done += n;
    }
    if (fd >= 0 && ::close(fd) != 0 && failure == 0)
        failure = errno;
    if (failure != 0)
        *error = tr("无法写入 %1：%2").arg(QFileInfo(path).fileName(), errorText(failure));
    return failure == 0;
}

// The path a write to `path` reaches: the longest part that exists with symlinks and ".." resolved
// as the kernel resolves them, the rest (which does not exist yet) appended as written. Lexical
// cleaning alone would be wrong: "link/../c.gpkg" is beside the link's target, not beside the link.
QString OutputStaging::reachedPath(const QString& path) {
    const QString absolute =
        QDir::isAbsolutePath(path) ? path : QDir::currentPath() + QLatin1Char('/') + path;
    QString head = absolute;
    QStringList tail;
    for (;;) {
        char buffer[PATH_MAX];
        if (::realpath(QFile::encodeName(head).constData(), buffer)) {
            const QString reached = QFile::decodeName(buffer);
            return tail.isEmpty() ? reached
                                  : QDir::cleanPath(reached + QLatin1Char('/') + tail.join(QLatin1Char('/')));
        }
        const qsizetype slash = head.lastIndexOf(QLatin1Char('/'));
        if (slash < 0 || head == QLatin1String("/"))
            return QDir::cleanPath(absolute);
        tail.prepend(head.mid(slash + 1));
        head = slash == 0 ? QStringLiteral("/") : head.left(slash);
    }
}

namespace {
// Device and inode: the one identity a hard link cannot hide.
std::optional<std::pair<dev_t, ino_t>> fileIdentity(const QString& path) {
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return std::nullopt;
    return std::make_pair(st.st_dev, st.st_ino);
}

} // namespace

std::pair<QString, QString> OutputStaging::reachedProtectedFile(const QStringList& outputs,
                                                                const QStringList& protectedFiles) {
    for (const QString& file : protectedFiles)
        for (const char* sidecar : {"", "-wal", "-shm", "-journal"}) {
            const QString guarded = file + QLatin1String(sidecar);
            const QString guardedPath = reachedPath(guarded);
            const auto guardedIdentity = fileIdentity(guarded);
            for (const QString& output : outputs)
                if (reachedPath(output) == guardedPath ||
                    (guardedIdentity && fileIdentity(output) == guardedIdentity))
                    return {output, file};
        }
    return {};
}

void OutputStaging::removeAbandoned(const QString& folder, const QString& prefix) {
    for (const QFileInfo& entry :
         QDir(folder).entryInfoList(QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot | QDir::NoSymLinks)) {
        if (!entry.fileName().startsWith(prefix))
            continue;
        const qint64 pid = entry.fileName().mid(prefix.size()).section(QLatin1Char('-'), 0, 0).toLongLong();
        if (pid > 0 && ::kill(pid_t(pid), 0) != 0 && errno == ESRCH)
            QDir(entry.filePath()).removeRecursively();
    }
}

} // namespace gc
