#include "SqlHelpers.h"

#include "gc/core/ChinaTime.h"

#include <QSqlError>

namespace gc::sql {

QVariant fromTime(const QDateTime& t) {
    return t.isValid() ? QVariant(t.toSecsSinceEpoch()) : QVariant();
}

QDateTime toTime(const QVariant& v) {
    return v.isNull() ? QDateTime() : fromEpochSeconds(v.toLongLong());
}

QString lastError(const QSqlQuery& q) {
    const QSqlError e = q.lastError();
    return e.databaseText().isEmpty() ? e.text() : e.databaseText();
}

bool exec(QSqlQuery& q, const QString& sql, const QVariantList& values, QString* error, const char* what) {
    const bool prepared = q.lastQuery() == sql || q.prepare(sql);
    if (prepared) {
        for (int i = 0; i < values.size(); ++i)
            q.bindValue(i, values.at(i));
        if (q.exec())
            return true;
    }
    if (error)
        *error = (what ? QString::fromUtf8(what) + QStringLiteral("：") : QString()) + lastError(q);
    return false;
}

bool exec(const QSqlDatabase& db, const QString& sql, QString* error) {
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    if (error)
        *error = lastError(q) + QStringLiteral(" [") + sql.left(80) + QStringLiteral("]");
    return false;
}

} // namespace gc::sql
