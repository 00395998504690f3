// 五色管控 risk levels: keys, names, colours, parsing and the parent roll-up.

#include "CoreTestSupport.h"

#include <QSet>

using namespace gc;
using namespace gctest;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(QList<gc::RiskLevel>)

class TestRiskLevel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void levelTable_data();
    void levelTable();
    void parse_data();
    void parse();
    void coloursAreDistinct();
    void ordering();
    void deriveParent_data();
    void deriveParent();
};

void TestRiskLevel::levelTable_data() {
    QTest::addColumn<RiskLevel>("level");
    QTest::addColumn<int>("number");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("chinese");
    QTest::addColumn<quint32>("rgb"); // the published fill colours of the map and the legend
    QTest::newRow("green") << RiskLevel::Green << 0 << u"green"_s << u"绿色"_s << 0x2e9e4fu;
    QTest::newRow("blue") << RiskLevel::Blue << 1 << u"blue"_s << u"蓝色"_s << 0x2f6fd6u;
    QTest::newRow("yellow") << RiskLevel::Yellow << 2 << u"yellow"_s << u"黄色"_s << 0xf2c200u;
    QTest::newRow("orange") << RiskLevel::Orange << 3 << u"orange"_s << u"橙色"_s << 0xf07f13u;
    QTest::newRow("red") << RiskLevel::Red << 4 << u"red"_s << u"红色"_s << 0xd7263du;
}

void TestRiskLevel::levelTable() {
    QFETCH(RiskLevel, level);
    QFETCH(int, number);
    QFETCH(QString, key);
    QFETCH(QString, chinese);
    QCOMPARE(int(level), number); // stored in files
    QCOMPARE(RiskLevels::key(level), key);
    QCOMPARE(RiskLevels::chineseName(level), chinese);
    QCOMPARE(RiskLevels::parse(key), std::optional(level));
    QCOMPARE(RiskLevels::parse(key.toUpper()), std::optional(level));
    QCOMPARE(RiskLevels::parse(QString::number(number)), std::optional(level));
    QCOMPARE(RiskLevels::parse(chinese), std::optional(level));
    QCOMPARE(RiskLevels::parse(chinese.left(1)), std::optional(level)); // 红, 橙 …
    QFETCH(quint32, rgb);
    QCOMPARE(RiskLevels::rgb(level), rgb);
}

void TestRiskLevel::parse_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("expected"); // -1 = not a level
    QTest::newRow("padded key") << u"  red "_s << 4;
    QTest::newRow("padded chinese") << u" 黄色 "_s << 2;
    QTest::newRow("padded number") << u" 0 "_s << 0;
    QTest::newRow("5") << u"5"_s << -1;
    QTest::newRow("-1") << u"-1"_s << -1;
    QTest::newRow("empty") << QString() << -1;
    QTest::newRow("blank") << u"  "_s << -1;
    QTest::newRow("purple") << u"purple"_s << -1;
    QTest::newRow("紫") << u"紫"_s << -1;
    QTest::newRow("红色预警") << u"红色预警"_s << -1;
    QTest::newRow("prefix") << u"re"_s << -1;
}

void TestRiskLevel::parse() {
    QFETCH(QString, text);
    QFETCH(int, expected);
    const auto level = RiskLevels::parse(text);
    if (expected < 0)
        QVERIFY2(!level, qPrintable(text));
    else
        QCOMPARE(level, std::optional(static_cast<RiskLevel>(expected)));
}

void TestRiskLevel::coloursAreDistinct() {
    QSet<quint32> colours;
    QSet<QString> keys, names;
    for (int i = 0; i < kRiskLevelCount; ++i) {
        const auto level = static_cast<RiskLevel>(i);
        QVERIFY(RiskLevels::rgb(level) <= 0xffffffu);
        colours.insert(RiskLevels::rgb(level));
        keys.insert(RiskLevels::key(level));
        names.insert(RiskLevels::chineseName(level));
    }
    QCOMPARE(colours.size(), kRiskLevelCount);
    QCOMPARE(keys.size(), kRiskLevelCount);
    QCOMPARE(names.size(), kRiskLevelCount);
    // Red looks red and green looks green: the dominant channel matches the name.
    const auto channel = [](quint32 rgb, int shift) { return int((rgb >> shift) & 0xff); };
    const quint32 red = RiskLevels::rgb(RiskLevel::Red);
    QVERIFY(channel(red, 16) > channel(red, 8) && channel(red, 16) > channel(red, 0));
    const quint32 green = RiskLevels::rgb(RiskLevel::Green);
    QVERIFY(channel(green, 8) > channel(green, 16) && channel(green, 8) > channel(green, 0));
    const quint32 blue = RiskLevels::rgb(RiskLevel::Blue);
    QVERIFY(channel(blue, 0) > channel(blue, 16) && channel(blue, 0) > channel(blue, 8));
}

void TestRiskLevel::ordering() {
    QVERIFY(RiskLevel::Red > RiskLevel::Orange);
    QVERIFY(RiskLevel::Orange > RiskLevel::Yellow);
    QVERIFY(RiskLevel::Yellow > RiskLevel::Blue);
    QVERIFY(RiskLevel::Blue > RiskLevel::Green);
    QCOMPARE(RiskLevels::higher(RiskLevel::Blue, RiskLevel::Red), RiskLevel::Red);
    QCOMPARE(RiskLevels::higher(RiskLevel::Red, RiskLevel::Blue), RiskLevel::Red);
    QCOMPARE(RiskLevels::higher(RiskLevel::Green, RiskLevel::Green), RiskLevel::Green);
}

void TestRiskLevel::deriveParent_data() {
    using R = RiskLevel;
    QTest::addColumn<QList<RiskLevel>>("children");
    QTest::addColumn<RiskLevel>("expected");
    QTest::newRow("no children") << QList<R>{} << R::Green;
    QTest::newRow("one red") << QList<R>{R::Red} << R::Red;
    QTest::newRow("all green") << QList<R>{R::Green, R::Green, R::Green} << R::Green;
    QTest::newRow("1 red of 4 (a quarter)") << QList<R>{R::Red, R::Green, R::Green, R::Green} << R::Red;
    QTest::newRow("1 red of 5 (under a quarter)")
        << QList<R>{R::Red, R::Green, R::Green, R::Green, R::Green} << R::Green;
    // Levels add up from the top: 1 red + 1 blue of 5 puts 2/5 at blue or above.
    QTest::newRow("red and blue of 5") << QList<R>{R::Red, R::Blue, R::Green, R::Green, R::Green} << R::Blue;
    QTest::newRow("red and orange of 8")
        << QList<R>{R::Red, R::Orange, R::Green, R::Green, R::Green, R::Green, R::Green, R::Green}
        << R::Orange;
    QTest::newRow("order does not matter") << QList<R>{R::Green, R::Green, R::Green, R::Red} << R::Red;
    QTest::newRow("all yellow") << QList<R>{R::Yellow, R::Yellow} << R::Yellow;
}

void TestRiskLevel::deriveParent() {
    QFETCH(QList<RiskLevel>, children);
    QFETCH(RiskLevel, expected);
    QCOMPARE(RiskLevels::deriveParent(children), expected);
}

QTEST_GUILESS_MAIN(TestRiskLevel)
#include "tst_risklevel.moc"
