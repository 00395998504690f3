// The ticket category code table: the shipped data and load() of user files.

#include "CoreTestSupport.h"

#include "gc/core/CategoryTable.h"

#include <QFile>
#include <QSet>
#include <QTemporaryDir>

using namespace gc;
using namespace gctest;
using namespace Qt::StringLiterals;

class TestCategoryTable : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void builtInHasDisputeClasses_data();
    void builtInHasDisputeClasses();
    void builtInHasUrbanClasses();
    void builtInIsWellFormed();
    void lookups();
    void loadValidFile();
    void loadErrors_data();
    void loadErrors();
    void loadMissingFile();

private:
    QTemporaryDir m_dir;
};

void TestCategoryTable::builtInHasDisputeClasses_data() {
    QTest::addColumn<QString>("code");
    // GB/T 31000-2015 矛盾纠纷: 01 … 16 and 99.
    for (int i = 1; i <= 16; ++i)
        QTest::addRow("J%02d", i) << u"J%1"_s.arg(i, 2, 10, QLatin1Char('0'));
    QTest::newRow("J99") << u"J99"_s;
}

void TestCategoryTable::builtInHasDisputeClasses() {
    QFETCH(QString, code);
    const CategoryTable& table = CategoryTable::builtIn();
    const Category* c = table.find(code);
    QVERIFY2(c, qPrintable(code));
    QVERIFY(table.contains(code));
    QVERIFY(c->parentCode.isEmpty());
    QCOMPARE(c->scheme, u"gbt31000"_s);
    QVERIFY2(hasChinese(c->name), qPrintable(c->name));
    QVERIFY2(!table.children(code).isEmpty(), "a class without leaves cannot be filed under");
}

void TestCategoryTable::builtInHasUrbanClasses() {
    const CategoryTable& table = CategoryTable::builtIn();
    QVERIFY(table.contains(u"C01"_s));
    int urban = 0;
    for (const Category& c : table.topLevel()) {
        if (!c.code.startsWith(u'C'))
            continue;
        ++urban;
        QCOMPARE(c.scheme, u"urban"_s);
        QVERIFY2(!table.children(c.code).isEmpty(), qPrintable(c.code));
    }
    QVERIFY(urban >= 5);
    QCOMPARE(table.find(u"C01"_s)->name, u"市容环境"_s);
}

void TestCategoryTable::builtInIsWellFormed() {
    const CategoryTable& table = CategoryTable::builtIn();
    QVERIFY(table.all().size() > 100);

    QSet<QString> codes;
    for (const Category& c : table.all()) {
        QVERIFY2(!codes.contains(c.code), qPrintable(u"duplicate "_s + c.code));
        codes.insert(c.code);
        QVERIFY2(!c.name.isEmpty(), qPrintable(c.code));
        QVERIFY2(c.scheme == u"gbt31000"_s || c.scheme == u"urban"_s, qPrintable(c.code));
        QVERIFY2(!c.defaultDepartment.isEmpty(), qPrintable(c.code + u" has no routing hint"_s));
    }

    const QList<Category> leaves = table.leaves();
    QCOMPARE(leaves.size() + table.topLevel().size(), table.all().size());
    for (const Category& leaf : leaves) {
        const Category* parent = table.find(leaf.parentCode);
        QVERIFY2(parent, qPrintable(leaf.code + u" has no parent"_s));
        QVERIFY2(parent->parentCode.isEmpty(), qPrintable(leaf.code + u": two levels only"_s));
        QVERIFY2(leaf.code.startsWith(parent->code), qPrintable(leaf.code));
        QCOMPARE(leaf.code.size(), parent->code.size() + 2);
        QCOMPARE(leaf.scheme, parent->scheme);
    }
    for (const Category& top : table.topLevel()) {
        QCOMPARE(top.code.size(), 3);
        QVERIFY(top.code.startsWith(u'J') || top.code.startsWith(u'C'));
    }
}

void TestCategoryTable::lookups() {
    const CategoryTable& table = CategoryTable::builtIn();
    QVERIFY(!table.find(u"X99"_s));
    QVERIFY(!table.contains(QString()));
    QVERIFY(!table.find(QString()));

    const QList<Category> children = table.children(u"J01"_s);
    QCOMPARE(children.first().code, u"J0101"_s);
    for (const Category& c : children) {
        QCOMPARE(c.parentCode, u"J01"_s);
        // Leaves without a department of their own inherit the class's.
        QCOMPARE(c.defaultDepartment, table.find(u"J01"_s)->defaultDepartment);
    }

    QCOMPARE(table.fullName(u"C01"_s), u"市容环境"_s);
    const Category leaf = table.children(u"C01"_s).first();
    QCOMPARE(table.fullName(leaf.code), u"市容环境 / "_s + leaf.name);
    QCOMPARE(table.fullName(u"nope"_s), u"nope"_s); // unknown codes show as they are
}

namespace {
bool writeFile(const QString& path, const QByteArray& content) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}
} // namespace

void TestCategoryTable::loadValidFile() {
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(u"county-categories.json"_s);
    QVERIFY(writeFile(path, R"({"classes": [
        {"code": "K01", "name": "自定义大类", "scheme": "urban", "department": "CGJ", "children": [
            {"code": "K0101", "name": "小类甲"},
            {"code": "K0102", "name": "小类乙", "department": "ZJJ"}]}]})"));
    QString error;
    const CategoryTable t = CategoryTable::load(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(t.all().size(), 3);
    QCOMPARE(t.topLevel().size(), 1);
    QCOMPARE(t.leaves().size(), 2);
    QCOMPARE(t.find(u"K0101"_s)->defaultDepartment, u"CGJ"_s);
    QCOMPARE(t.find(u"K0102"_s)->defaultDepartment, u"ZJJ"_s);
    QCOMPARE(t.find(u"K0102"_s)->scheme, u"urban"_s);
    QCOMPARE(t.fullName(u"K0102"_s), u"自定义大类 / 小类乙"_s);
}

void TestCategoryTable::loadErrors_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("mentions"); // besides the file name
    QTest::newRow("not json") << QByteArray("{\"classes\": [ {\"code\": ") << QString();
    QTest::newRow("empty file") << QByteArray() << QString();
    QTest::newRow("no classes") << QByteArray(R"({"version": 1})") << QString();
    QTest::newRow("empty classes") << QByteArray(R"({"classes": []})") << QString();
    QTest::newRow("array root") << QByteArray(R"([{"code": "K01", "name": "x"}])") << QString();
    QTest::newRow("duplicate class")
        << QByteArray(R"({"classes": [{"code": "K01", "name": "甲"}, {"code": "K01", "name": "乙"}]})")
        << u"K01"_s;
    QTest::newRow("duplicate leaf") << QByteArray(R"({"classes": [{"code": "K01", "name": "甲", "children": [
            {"code": "K0101", "name": "一"}, {"code": "K0101", "name": "二"}]}]})")
                                    << u"K0101"_s;
    QTest::newRow("leaf repeats class")
        << QByteArray(R"({"classes": [{"code": "K01", "name": "甲", "children": [
            {"code": "K01", "name": "一"}]}]})")
        << u"K01"_s;
    QTest::newRow("missing code") << QByteArray(R"({"classes": [{"name": "甲"}]})") << QString();
    QTest::newRow("missing name") << QByteArray(R"({"classes": [{"code": "K01"}]})") << u"K01"_s;
    QTest::newRow("missing leaf name")
        << QByteArray(R"({"classes": [{"code": "K01", "name": "甲", "children": [
            {"code": "K0101"}]}]})")
        << u"K0101"_s;
}

void TestCategoryTable::loadErrors() {
    QFETCH(QByteArray, content);
    QFETCH(QString, mentions);
    QVERIFY(m_dir.isValid());
    const QString path =
        m_dir.filePath(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-') + u".json"_s);
    QVERIFY(writeFile(path, content));
    gctest::verifyTableRefused<CategoryTable>(path, mentions,
                                              [](const CategoryTable& t) { return t.all().isEmpty(); });
}

void TestCategoryTable::loadMissingFile() {
    const QString path = m_dir.filePath(u"does-not-exist.json"_s);
    gctest::verifyTableRefused<CategoryTable>(path, {},
                                              [](const CategoryTable& t) { return t.all().isEmpty(); });
}

QTEST_GUILESS_MAIN(TestCategoryTable)
#include "tst_categorytable.moc"
