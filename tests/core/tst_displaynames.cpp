// Display names of every code table in both UI languages: in English none may be left in
// Chinese (a CJK character in an English name is a missing entry), in Chinese they stay Chinese.
#include "CoreTestSupport.h"

#include "gc/core/CategoryTable.h"
#include "gc/core/DisplayLanguage.h"

#include <QTemporaryDir>

using namespace gc;
using namespace Qt::StringLiterals;

namespace {

// CJK ideographs, their punctuation and full-width forms: none belongs in an English name.
bool hasCjk(const QString& text) {
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if ((u >= 0x2E80 && u <= 0x9FFF) || (u >= 0xF900 && u <= 0xFAFF) || (u >= 0xFF00 && u <= 0xFFEF))
            return true;
    }
    return false;
}

// Every name a code table offers the UI, labelled with where it came from.
QList<QPair<QString, QString>> everyDisplayName() {
    QList<QPair<QString, QString>> out;
    for (TicketState s : allTicketStates())
        out.append({u"state "_s + toKey(s), displayName(s)});
    for (TicketSource s : allTicketSources())
        out.append({u"source "_s + toKey(s), displayName(s)});
    for (TicketPriority p : allTicketPriorities())
        out.append({u"priority "_s + toKey(p), displayName(p)});
    for (AppealType a : allAppealTypes())
        out.append({u"appeal "_s + toKey(a), displayName(a)});
    for (Rating r : allRatings())
        out.append({u"rating "_s + toKey(r), displayName(r)});
    for (TicketAction a : allTicketActions())
        out.append({u"action "_s + toKey(a), displayName(a)});
    for (int l = 1; l <= kGridLevelCount; ++l)
        out.append({u"level "_s + GridLevels::key(GridLevel(l)), GridLevels::displayName(GridLevel(l))});
    for (int r = 0; r < kRiskLevelCount; ++r)
        out.append({u"risk "_s + RiskLevels::key(RiskLevel(r)), RiskLevels::displayName(RiskLevel(r))});
    for (const Category& c : CategoryTable::builtIn().all()) {
        out.append({u"category "_s + c.code, c.displayName()});
        out.append({u"category path "_s + c.code, CategoryTable::builtIn().fullName(c.code)});
    }
    return out;
}

} // namespace

class TestDisplayNames : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { setDisplayLanguage(DisplayLanguage::Chinese); }

    void tablesAreComplete() {
        // Counted by hand from Ticket.h's enums (Report, the filing, included): a value left out
        // of a list would escape the walk below.
        QCOMPARE(allTicketStates().size(), 9);
        QCOMPARE(allTicketSources().size(), 5);
        QCOMPARE(allTicketPriorities().size(), 4);
        QCOMPARE(allAppealTypes().size(), 6);
        QCOMPARE(allRatings().size(), 3);
        QCOMPARE(allTicketActions().size(), 18);
    }

    void englishNamesHaveNoChinese() {
        setDisplayLanguage(DisplayLanguage::English);
        QStringList chinese;
        int walked = 0;
        for (const auto& [where, name] : everyDisplayName()) {
            ++walked;
            if (name.trimmed().isEmpty() || hasCjk(name))
                chinese << where + u": "_s + name;
        }
        QVERIFY2(chinese.isEmpty(), qPrintable(chinese.join(u'\n')));
        QVERIFY(walked > 100);
        // A few spot checks against the names written down independently of the tables.
        QCOMPARE(displayName(TicketState::Received), u"Received"_s);
        QCOMPARE(displayName(TicketPriority::Urgent), u"Urgent"_s);
        QCOMPARE(displayName(TicketSource::Hotline12345), u"12345 hotline"_s);
        QCOMPARE(displayName(TicketAction::Dispatch), u"Dispatch"_s);
        QCOMPARE(RiskLevels::displayName(RiskLevel::Red), u"Red"_s);
        QCOMPARE(GridLevels::displayName(GridLevel::Grid), u"Grid"_s);
        QCOMPARE(CategoryTable::builtIn().fullName(u"C0102"_s),
                 u"City appearance and environment / Exposed rubbish"_s);
    }

    void chineseNamesStayChinese() {
        setDisplayLanguage(DisplayLanguage::Chinese);
        QStringList notChinese;
        for (const auto& [where, name] : everyDisplayName())
            // Chinese names may hold digits ("12345热线") but each has at least one ideograph.
            if (!hasCjk(name))
                notChinese << where + u": "_s + name;
        QVERIFY2(notChinese.isEmpty(), qPrintable(notChinese.join(u'\n')));
        QCOMPARE(displayName(TicketState::Received), u"待受理"_s);
        QCOMPARE(CategoryTable::builtIn().fullName(u"C0102"_s), u"市容环境 / 暴露垃圾"_s);
        // The machine keys never change with the language.
        setDisplayLanguage(DisplayLanguage::English);
        QCOMPARE(toKey(TicketState::Received), u"received"_s);
        QCOMPARE(ticketStateFromKey(u"received"_s), TicketState::Received);
    }

    // A county's own table without English names still shows its Chinese ones in English.
    void adaptedTableWithoutEnglishFallsBack() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"categories.json"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"classes":[{"code":"X01","name":"自定义类","scheme":"urban",
                 "children":[{"code":"X0101","name":"自定义小类","name_en":"Custom leaf"}]}]})");
        f.close();
        QString error;
        const CategoryTable table = CategoryTable::load(path, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        setDisplayLanguage(DisplayLanguage::English);
        QCOMPARE(table.fullName(u"X0101"_s), u"自定义类 / Custom leaf"_s);
    }
};

QTEST_APPLESS_MAIN(TestDisplayNames)
#include "tst_displaynames.moc"
