// Grid hierarchy levels and grid codes (网格编码, GB/T 31000-2015 practice).

#include "CoreTestSupport.h"

using namespace gc;
using namespace gctest;
using namespace Qt::StringLiterals;

class TestGridLevel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void levelTable_data();
    void levelTable();
    void keys();
    void parentAndChild();
    void parse_data();
    void parse();
    void validate_data();
    void validate();
    void validateChild_data();
    void validateChild();
    void levelOf_data();
    void levelOf();
    void parentCode_data();
    void parentCode();
};

void TestGridLevel::levelTable_data() {
    QTest::addColumn<GridLevel>("level");
    QTest::addColumn<int>("number");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("chinese");
    QTest::addColumn<int>("codeLength");
    QTest::newRow("county") << GridLevel::County << 1 << u"county"_s << u"县/区"_s << 6;
    QTest::newRow("street") << GridLevel::Street << 2 << u"street"_s << u"街道/乡镇"_s << 9;
    QTest::newRow("community") << GridLevel::Community << 3 << u"community"_s << u"社区/村"_s << 12;
    QTest::newRow("grid") << GridLevel::Grid << 4 << u"grid"_s << u"网格"_s << 15;
    QTest::newRow("building") << GridLevel::Building << 5 << u"building"_s << u"微网格/楼栋"_s << 18;
}

void TestGridLevel::levelTable() {
    QFETCH(GridLevel, level);
    QFETCH(int, number);
    QFETCH(QString, key);
    QFETCH(QString, chinese);
    QFETCH(int, codeLength);
    QCOMPARE(int(level), number); // stored in files: must never move
    QCOMPARE(GridLevels::key(level), key);
    QCOMPARE(GridLevels::chineseName(level), chinese);
    QCOMPARE(GridLevels::codeLength(level), codeLength);
    QCOMPARE(GridLevels::info(level).level, level);
    QCOMPARE(GridLevels::tableName(level), u"grid_"_s + key);
    // Every spelling a user might type comes back to the level.
    QCOMPARE(GridLevels::parse(key), std::optional(level));
    QCOMPARE(GridLevels::parse(QString::number(number)), std::optional(level));
    QCOMPARE(GridLevels::parse(chinese), std::optional(level));
}

void TestGridLevel::keys() {
    QCOMPARE(GridLevels::keys(), QStringList({u"county"_s, u"street"_s, u"community"_s, u"grid"_s, u"building"_s}));
    QCOMPARE(kGridLevelCount, 5);
}

void TestGridLevel::parentAndChild() {
    QCOMPARE(GridLevels::parent(GridLevel::County), std::nullopt);
    QCOMPARE(GridLevels::parent(GridLevel::Street), std::optional(GridLevel::County));
    QCOMPARE(GridLevels::parent(GridLevel::Community), std::optional(GridLevel::Street));
    QCOMPARE(GridLevels::parent(GridLevel::Grid), std::optional(GridLevel::Community));
    QCOMPARE(GridLevels::parent(GridLevel::Building), std::optional(GridLevel::Grid));
    QCOMPARE(GridLevels::child(GridLevel::County), std::optional(GridLevel::Street));
    QCOMPARE(GridLevels::child(GridLevel::Street), std::optional(GridLevel::Community));
    QCOMPARE(GridLevels::child(GridLevel::Community), std::optional(GridLevel::Grid));
    QCOMPARE(GridLevels::child(GridLevel::Grid), std::optional(GridLevel::Building));
    QCOMPARE(GridLevels::child(GridLevel::Building), std::nullopt);
}

void TestGridLevel::parse_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("expected"); // 0 = not a level

    QTest::newRow("key") << u"grid"_s << 4;
    QTest::newRow("key upper case") << u"COUNTY"_s << 1;
    QTest::newRow("key mixed case") << u"Community"_s << 3;
    QTest::newRow("key padded") << u"  street "_s << 2;
    QTest::newRow("number 1") << u"1"_s << 1;
    QTest::newRow("number 5") << u"5"_s << 5;
    QTest::newRow("number padded") << u" 3 "_s << 3;
    QTest::newRow("县") << u"县"_s << 1;
    QTest::newRow("区") << u"区"_s << 1;
    QTest::newRow("县/区") << u"县/区"_s << 1;
    QTest::newRow("街道") << u"街道"_s << 2;
    QTest::newRow("乡镇") << u"乡镇"_s << 2;
    QTest::newRow("社区") << u"社区"_s << 3;
    QTest::newRow("村") << u"村"_s << 3;
    QTest::newRow("网格") << u"网格"_s << 4;
    QTest::newRow("微网格") << u"微网格"_s << 5;
    QTest::newRow("楼栋") << u"楼栋"_s << 5;
    QTest::newRow("网格 padded") << u" 网格 "_s << 4;

    QTest::newRow("number 0") << u"0"_s << 0;
    QTest::newRow("number 6") << u"6"_s << 0;
    QTest::newRow("negative") << u"-1"_s << 0;
    QTest::newRow("fraction") << u"4.5"_s << 0;
    QTest::newRow("empty") << QString() << 0;
    QTest::newRow("blank") << u"   "_s << 0;
    QTest::newRow("unknown key") << u"province"_s << 0;
    QTest::newRow("key prefix") << u"gri"_s << 0;
    QTest::newRow("unknown chinese") << u"省"_s << 0;
    QTest::newRow("chinese with suffix") << u"网格员"_s << 0;
    QTest::newRow("slash only") << u"/"_s << 0;
}

void TestGridLevel::parse() {
    QFETCH(QString, text);
    QFETCH(int, expected);
    const auto level = GridLevels::parse(text);
    if (expected == 0)
        QVERIFY2(!level, qPrintable(text));
    else
        QCOMPARE(level, std::optional(static_cast<GridLevel>(expected)));
}

void TestGridLevel::validate_data() {
    QTest::addColumn<QString>("code");
    QTest::addColumn<GridLevel>("level");
    QTest::addColumn<bool>("valid");

    const QString full = u"110101001001001002"_s; // county 110101, street 001, community 001, grid 001, building 002
    const QList<GridLevel> levels = {GridLevel::County, GridLevel::Street, GridLevel::Community, GridLevel::Grid,
                                     GridLevel::Building};
    for (const GridLevel level : levels) {
        const int n = GridLevels::codeLength(level);
        const QByteArray k = GridLevels::key(level).toLatin1();
        QTest::addRow("%s: %d digits", k.constData(), n) << full.left(n) << level << true;
        QTest::addRow("%s: %d digits (one short)", k.constData(), n - 1) << full.left(n - 1) << level << false;
        QTest::addRow("%s: %d digits (one long)", k.constData(), n + 1) << full.left(n) + u'7' << level << false;
        QTest::addRow("%s: empty", k.constData()) << QString() << level << false;
        QString letter = full.left(n);
        letter[n - 1] = u'A';
        QTest::addRow("%s: letter", k.constData()) << letter << level << false;
    }
    // The right length for another level is still wrong for this one.
    QTest::newRow("grid code as community") << full.left(15) << GridLevel::Community << false;
    QTest::newRow("community code as grid") << full.left(12) << GridLevel::Grid << false;
    QTest::newRow("space inside") << u"110101 01001001"_s << GridLevel::Grid << false;
    QTest::newRow("leading blank") << u" 11010100100100"_s << GridLevel::Grid << false;
    QTest::newRow("dash") << u"110101-01001001"_s << GridLevel::Grid << false;
    QTest::newRow("full-width digits") << u"１１０１０１"_s << GridLevel::County << false;
    QTest::newRow("chinese") << u"一一〇一〇一"_s << GridLevel::County << false;
    QTest::newRow("sign") << u"+10101"_s << GridLevel::County << false;
}

void TestGridLevel::validate() {
    QFETCH(QString, code);
    QFETCH(GridLevel, level);
    QFETCH(bool, valid);
    const QString error = GridCode::validate(code, level);
    if (valid) {
        QVERIFY2(error.isEmpty(), qPrintable(error));
    } else {
        QVERIFY2(hasChinese(error), qPrintable(error));
        if (!code.isEmpty())
            QVERIFY2(error.contains(code), qPrintable(error)); // tells which code
    }
}

void TestGridLevel::validateChild_data() {
    QTest::addColumn<QString>("child");
    QTest::addColumn<GridLevel>("childLevel");
    QTest::addColumn<QString>("parent");
    QTest::addColumn<bool>("valid");

    QTest::newRow("street in county") << u"110101001"_s << GridLevel::Street << u"110101"_s << true;
    QTest::newRow("community in street") << u"110101001002"_s << GridLevel::Community << u"110101001"_s << true;
    QTest::newRow("grid in community") << u"110101001002003"_s << GridLevel::Grid << u"110101001002"_s << true;
    QTest::newRow("building in grid") << u"110101001002003004"_s << GridLevel::Building << u"110101001002003"_s
                                      << true;
    // Levels are configurable: a county without communities hangs grids on streets.
    QTest::newRow("grid in street") << u"110101001002003"_s << GridLevel::Grid << u"110101001"_s << true;

    QTest::newRow("other community") << u"110101001002003"_s << GridLevel::Grid << u"110101001009"_s << false;
    QTest::newRow("other county") << u"110102001"_s << GridLevel::Street << u"110101"_s << false;
    QTest::newRow("child wrong length") << u"11010100100200"_s << GridLevel::Grid << u"110101001002"_s << false;
    QTest::newRow("child not digits") << u"11010100100200X"_s << GridLevel::Grid << u"110101001002"_s << false;
    QTest::newRow("child empty") << QString() << GridLevel::Grid << u"110101001002"_s << false;
    QTest::newRow("parent is the child itself") << u"110101001002003"_s << GridLevel::Grid << u"110101001002003"_s
                                                << false;
    QTest::newRow("parent longer than child") << u"110101001002"_s << GridLevel::Community << u"110101001002003"_s
                                              << false;
    QTest::newRow("parent empty") << u"110101001002003"_s << GridLevel::Grid << QString() << false;
    QTest::newRow("parent not a level length") << u"110101001002003"_s << GridLevel::Grid << u"1101010"_s << false;
    QTest::newRow("parent not digits") << u"110101001002003"_s << GridLevel::Grid << u"1101A1"_s << false;
}

void TestGridLevel::validateChild() {
    QFETCH(QString, child);
    QFETCH(GridLevel, childLevel);
    QFETCH(QString, parent);
    QFETCH(bool, valid);
    const QString error = GridCode::validateChild(child, childLevel, parent);
    if (valid)
        QVERIFY2(error.isEmpty(), qPrintable(error));
    else
        QVERIFY2(hasChinese(error), qPrintable(u"no Chinese reason: '%1'"_s.arg(error)));
}

void TestGridLevel::levelOf_data() {
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("expected"); // 0 = none
    QTest::newRow("6") << u"110101"_s << 1;
    QTest::newRow("9") << u"110101001"_s << 2;
    QTest::newRow("12") << u"110101001002"_s << 3;
    QTest::newRow("15") << u"110101001002003"_s << 4;
    QTest::newRow("18") << u"110101001002003004"_s << 5;
    QTest::newRow("empty") << QString() << 0;
    QTest::newRow("5") << u"11010"_s << 0;
    QTest::newRow("7") << u"1101010"_s << 0;
    QTest::newRow("19") << u"1101010010020030041"_s << 0;
}

void TestGridLevel::levelOf() {
    QFETCH(QString, code);
    QFETCH(int, expected);
    const auto level = GridCode::levelOf(code);
    if (expected == 0)
        QVERIFY(!level);
    else
        QCOMPARE(level, std::optional(static_cast<GridLevel>(expected)));
}

void TestGridLevel::parentCode_data() {
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("parent");
    QTest::newRow("building") << u"110101001002003004"_s << u"110101001002003"_s;
    QTest::newRow("grid") << u"110101001002003"_s << u"110101001002"_s;
    QTest::newRow("community") << u"110101001002"_s << u"110101001"_s;
    QTest::newRow("street") << u"110101001"_s << u"110101"_s;
    QTest::newRow("county has none") << u"110101"_s << QString();
    QTest::newRow("no level") << u"1101010"_s << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestGridLevel::parentCode() {
    QFETCH(QString, code);
    QFETCH(QString, parent);
    QCOMPARE(GridCode::parentCode(code), parent);
    // The parent code names the parent level.
    if (!parent.isEmpty()) {
        QCOMPARE(GridCode::levelOf(parent), GridLevels::parent(*GridCode::levelOf(code)));
        QVERIFY(GridCode::validateChild(code, *GridCode::levelOf(code), parent).isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestGridLevel)
#include "tst_gridlevel.moc"
