#pragma once
// A read-only SQLite connection of its own, for aggregating whole tables off the caller's
// connection and thread. QtSql turns every value into a QVariant and every text into UTF-16: over
// a few hundred thousand rows that costs more than the query itself.
#include <QByteArrayView>
#include <QString>

#include <QList>

#include <functional>
#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace gc::sql {

class SqliteReader {
public:
    // One result row; valid only inside the callback.
    class Row {
    public:
        explicit Row(sqlite3_stmt* statement) : m_statement(statement) {}
        bool isNull(int column) const;
        qint64 integer(int column) const;
        double real(int column) const;
        QByteArrayView utf8(int column) const;
        QString text(int column) const { return QString::fromUtf8(utf8(column)); }

    private:
        sqlite3_stmt* m_statement;
    };

    static std::unique_ptr<SqliteReader> open(const QString& path, QString* error);
    ~SqliteReader();
    SqliteReader(const SqliteReader&) = delete;
    SqliteReader& operator=(const SqliteReader&) = delete;

    // Runs `sql` with `bindings` for its `?` parameters in order and calls `row` for every row.
    bool forEachRow(const QString& sql, const QList<qint64>& bindings,
                    const std::function<void(const Row&)>& row, QString* error);

private:
    explicit SqliteReader(sqlite3* db) : m_db(db) {}
    sqlite3* m_db;
};

} // namespace gc::sql
