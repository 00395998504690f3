#include "SqliteReader.h"

#include "ReadAccess.h"

#include <QCoreApplication>

#include <sqlite3.h>

namespace gc::sql {

namespace {
// The translation context of this file's messages, declared where lupdate reads it.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(SqliteReader)
};
} // namespace

bool SqliteReader::Row::isNull(int column) const {
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

qint64 SqliteReader::Row::integer(int column) const {
    return sqlite3_column_int64(m_statement, column);
}

double SqliteReader::Row::real(int column) const {
    return sqlite3_column_double(m_statement, column);
}

QByteArrayView SqliteReader::Row::utf8(int column) const {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_statement, column));
    return QByteArrayView(text, sqlite3_column_bytes(m_statement, column));
}

std::unique_ptr<SqliteReader> SqliteReader::open(const QString& path, QString* error) {
    QString why;
    const QList<ReadAccess> accesses = readAccesses(path, &why);
    for (const ReadAccess& access : accesses) {
        sqlite3* db = nullptr;
        const int flags = SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX |
                          (access.readWrite ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY);
        const bool opened =
            sqlite3_open_v2(access.uri.toUtf8().constData(), &db, flags, nullptr) == SQLITE_OK;
        // A writer holding the file briefly (another seat dispatching) must not fail the read.
        sqlite3_busy_timeout(db, 10000);
        if (opened &&
            (!access.readWrite ||
             sqlite3_exec(db, "PRAGMA query_only = 1", nullptr, nullptr, nullptr) == SQLITE_OK) &&
            sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr) == SQLITE_OK) {
            return std::unique_ptr<SqliteReader>(new SqliteReader(db));
        }
        why = QString::fromUtf8(sqlite3_errmsg(db));
        sqlite3_close(db);
    }
    if (error)
        *error = Tr::tr("无法只读打开 %1：%2").arg(path, why);
    return nullptr;
}

SqliteReader::~SqliteReader() {
    sqlite3_close(m_db);
}

bool SqliteReader::forEachRow(const QString& sql, const QList<qint64>& bindings,
                              const std::function<void(const Row&)>& row, QString* error) {
    sqlite3_stmt* statement = nullptr;
    const QByteArray text = sql.toUtf8();
    int rc = sqlite3_prepare_v2(m_db, text.constData(), int(text.size()), &statement, nullptr);
    int index = 0;
    for (const qint64 value : bindings)
        if (rc == SQLITE_OK)
            rc = sqlite3_bind_int64(statement, ++index, value);
    if (rc == SQLITE_OK) {
        const Row current(statement);
        while ((rc = sqlite3_step(statement)) == SQLITE_ROW)
            row(current);
    }
    const bool ok = rc == SQLITE_DONE;
    if (!ok && error)
        *error = Tr::tr("查询失败：%1").arg(QString::fromUtf8(sqlite3_errmsg(m_db)));
    sqlite3_finalize(statement);
    return ok;
}

} // namespace gc::sql
