#include "SqliteReader.h"

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

QByteArrayView SqliteReader::Row::utf8(int column) const {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_statement, column));
    return QByteArrayView(text, sqlite3_column_bytes(m_statement, column));
}

std::unique_ptr<SqliteReader> SqliteReader::open(const QString& path, QString* error) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK) {
        if (error)
            *error = Tr::tr("无法只读打开 %1：%2").arg(path, QString::fromUtf8(sqlite3_errmsg(db)));
        sqlite3_close(db);
        return nullptr;
    }
    // A writer holding the file briefly (another seat dispatching) must not fail the read.
    sqlite3_busy_timeout(db, 10000);
    return std::unique_ptr<SqliteReader>(new SqliteReader(db));
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
