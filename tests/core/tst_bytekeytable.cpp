// ByteKeyTable, the risk engine's per-row lookup: every key found after growth, near-equal keys kept apart.

#include "CoreTestSupport.h"

#include "gc/core/ByteKeyTable.h"

#include <QHash>

using namespace gc;

class TestByteKeyTable : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void findsEveryKeyAfterGrowth();
    void nearEqualKeysStayApart();
    void insertReplaces();
};

// 90,000 grid-like codes, the size of the large county: the table grows several times on the way.
void TestByteKeyTable::findsEveryKeyAfterGrowth() {
    ByteKeyTable<int> table;
    QHash<QByteArray, int> reference; // the second reader: Qt's own hash
    for (int i = 0; i < 90000; ++i) {
        const QByteArray code = "2106990" + QByteArray::number(10000000 + i * 7);
        table.insert(code, i);
        reference.insert(code, i);
    }
    QCOMPARE(table.size(), reference.size());
    for (auto it = reference.cbegin(); it != reference.cend(); ++it) {
        const int* found = table.find(it.key());
        QVERIFY2(found, it.key().constData());
        QCOMPARE(*found, it.value());
    }
    QCOMPARE(table.keys().size(), size_t(90000));
    QCOMPARE(table.keys()[12345], "2106990" + QByteArray::number(10000000 + 12345 * 7));
    QVERIFY(!table.find("210699010000001")); // between two stored codes
    QVERIFY(!table.find(""));
}

// Keys that share a prefix, differ in length only or in their last byte are different keys.
void TestByteKeyTable::nearEqualKeysStayApart() {
    ByteKeyTable<int> table;
    const QList<QByteArray> keys = {"J",    "J1",     "J15",   "J1501", "J1502",    "C",       "C04",
                                    "C040", "closed", "close", "",      "resolved", "received"};
    for (int i = 0; i < keys.size(); ++i)
        table.insert(keys[i], i);
    for (int i = 0; i < keys.size(); ++i) {
        QVERIFY2(table.find(keys[i]), keys[i].constData());
        QCOMPARE(*table.find(keys[i]), i);
    }
    QCOMPARE(table.value("J150", -1), -1);
    QCOMPARE(table.value("closedx", -1), -1);
    QCOMPARE(table.value("Closed", -1), -1);
    // A view into a longer buffer, as SQLite hands out column text.
    const QByteArray row = "C04xx";
    QCOMPARE(table.value(QByteArrayView(row.constData(), 3), -1), int(keys.indexOf("C04")));
}

void TestByteKeyTable::insertReplaces() {
    ByteKeyTable<QString> table;
    table.insert("red", QStringLiteral("红"));
    table.insert("red", QStringLiteral("红色"));
    QCOMPARE(table.size(), 1);
    QCOMPARE(*table.find("red"), QStringLiteral("红色"));
    table.clear();
    QCOMPARE(table.size(), 0);
    QVERIFY(!table.find("red"));
}

QTEST_GUILESS_MAIN(TestByteKeyTable)
#include "tst_bytekeytable.moc"
