#pragma once

#include <QDateTime>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

namespace gc::sql {

// Times are stored as UTC epoch seconds: compact, sortable, and fast to read back
// for hundreds of thousands of tickets. NULL when invalid.
QVariant fromTime(const QDateTime& t);
QDateTime toTime(const QVariant& v);

// Prepares and runs `sql`, binding `values` in order. On failure sets `error` to
// the driver's message prefixed with `what`.
bool exec(QSqlQuery& q, const QString& sql, const QVariantList& values, QString* error,
          const char* what = nullptr);
bool exec(const QSqlDatabase& db, const QString& sql, QString* error);
QString lastError(const QSqlQuery& q);

} // namespace gc::sql
