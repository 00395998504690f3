#pragma once

// Shared by the core tests: readable QCOMPARE failures for core enums, metatypes for
// `_data()` columns, and a few small helpers.

#include "gc/core/GridLevel.h"
#include "gc/core/RiskLevel.h"
#include "gc/core/Ticket.h"

#include <QDateTime>
#include <QTest>
#include <QTimeZone>

Q_DECLARE_METATYPE(gc::TicketState)
Q_DECLARE_METATYPE(gc::TicketAction)
Q_DECLARE_METATYPE(gc::TicketSource)
Q_DECLARE_METATYPE(gc::TicketPriority)
Q_DECLARE_METATYPE(gc::AppealType)
Q_DECLARE_METATYPE(gc::Rating)
Q_DECLARE_METATYPE(gc::GridLevel)
Q_DECLARE_METATYPE(gc::RiskLevel)

namespace gc {
// Found by QTest through ADL, so a failing QCOMPARE prints "dispatched", not a number.
inline char* toString(const TicketState& v) {
    return qstrdup(qPrintable(toKey(v)));
}
inline char* toString(const TicketAction& v) {
    return qstrdup(qPrintable(toKey(v)));
}
inline char* toString(const TicketSource& v) {
    return qstrdup(qPrintable(toKey(v)));
}
inline char* toString(const TicketPriority& v) {
    return qstrdup(qPrintable(toKey(v)));
}
inline char* toString(const AppealType& v) {
    return qstrdup(qPrintable(toKey(v)));
}
inline char* toString(const Rating& v) {
    return qstrdup(qPrintable(toKey(v)));
}
inline char* toString(const GridLevel& v) {
    return qstrdup(qPrintable(GridLevels::key(v)));
}
inline char* toString(const RiskLevel& v) {
    return qstrdup(qPrintable(RiskLevels::key(v)));
}
} // namespace gc

namespace gctest {

// The county's civil time (China has no daylight saving time, so a fixed offset is exact
// and does not depend on the machine's zone database).
inline QTimeZone beijing() {
    return QTimeZone(8 * 3600);
}

inline QDateTime bj(int y, int mo, int d, int h = 0, int mi = 0, int s = 0) {
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), beijing());
}

// True when the text has at least one CJK ideograph: operator-facing messages are Chinese.
inline bool hasChinese(const QString& text) {
    for (const QChar c : text)
        if (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF)
            return true;
    return false;
}

// A data table that must be refused: loading it (with and without an error pointer)
// gives an empty table, and the error is in Chinese, names the file and, when given,
// mentions what is wrong. Used for every code table the core loads.
template <typename Table, typename IsEmpty>
void verifyTableRefused(const QString& path, const QString& mentions, IsEmpty isEmpty) {
    QString error;
    const Table table = Table::load(path, &error);
    QVERIFY2(hasChinese(error), qPrintable(error));
    QVERIFY2(error.contains(path), qPrintable(error));
    if (!mentions.isEmpty())
        QVERIFY2(error.contains(mentions), qPrintable(error));
    QVERIFY(isEmpty(table));
    QVERIFY(isEmpty(Table::load(path, nullptr))); // no error pointer: still refused, no crash
}

} // namespace gctest
