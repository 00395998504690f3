// The UI language: in Chinese, Qt's own dialog buttons speak Chinese too (Qt's catalogue is
// loaded with the app's); in English, the dispatcher's panels (state and category filters, the
// counts line, the workflow buttons) hold no Chinese but the county's own data.
#include "Language.h"

#include "gc/core/DisplayLanguage.h"
#include "gc/dispatch/DispatchWorkbench.h"
#include "gc/dispatch/TicketDetailWidget.h"
#include "gc/dispatch/TicketFilterProxy.h"
#include "gc/dispatch/TicketQueueModel.h"
#include "gc/dispatch/TicketService.h"
#include "gc/store/CountyStore.h"
#include "gc/store/DemoCountyBuilder.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace gc;
using namespace Qt::StringLiterals;

namespace {
bool hasCjk(const QString& text) {
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if ((u >= 0x2E80 && u <= 0x9FFF) || (u >= 0xF900 && u <= 0xFAFF) || (u >= 0xFF00 && u <= 0xFFEF))
            return true;
    }
    return false;
}
} // namespace

class TestLanguage : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void cleanup() {
        for (QTranslator* t : qApp->findChildren<QTranslator*>()) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
        setDisplayLanguage(DisplayLanguage::Chinese);
    }

    void chineseDialogButtonsAreChinese() {
        QCOMPARE(installTranslations(QLocale(QLocale::Chinese, QLocale::China), QString()),
                 UiLanguage::Chinese);
        QDialogButtonBox box(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
        // Qt's own zh_CN catalogue (qtbase_zh_CN.qm) says 确定 and 取消; Fusion adds no mnemonic.
        QCOMPARE(box.button(QDialogButtonBox::Ok)->text(), u"确定"_s);
        QCOMPARE(box.button(QDialogButtonBox::Cancel)->text(), u"取消"_s);
        QCOMPARE(displayLanguage(), DisplayLanguage::Chinese);
    }

    void englishWorkbenchHasNoChinese() {
        QVERIFY(m_dir.isValid());
        QCOMPARE(installTranslations(QLocale(QLocale::English, QLocale::UnitedStates),
                                     QStringLiteral(GC_APP_CATALOGUE_EN)),
                 UiLanguage::English);
        QCOMPARE(qApp->findChildren<QTranslator*>().size(), 1); // the app's catalogue was found
        QDialogButtonBox box(QDialogButtonBox::Ok);
        QCOMPARE(box.button(QDialogButtonBox::Ok)->text(), u"OK"_s);

        const QString path = m_dir.filePath(u"en.gpkg"_s);
        DemoOptions o;
        o.grids = 20;
        QString error;
        QVERIFY2(DemoCountyBuilder::build(path, o, &error), qPrintable(error));
        auto store = CountyStore::open(path, &error);
        QVERIFY2(store, qPrintable(error));
        dispatch::TicketService service(*store);
        service.setOperatorName(u"operator"_s);
        QWidget host;
        dispatch::DispatchWorkbench bench(service, &host);
        // A ticket of our own, walked through three states below.
        Ticket t;
        t.category = u"C0102"_s;
        t.gridCode = store->grids(GridLevel::Grid, false).first().code;
        t.title = u"test"_s;
        t.createdAt = QDateTime::currentDateTime();
        const qint64 id = store->createTicket(t, u"operator"_s, nullptr).value_or(0);
        QVERIFY(id > 0);
        bench.reload();
        auto* stateFilter = bench.queuePanel()->findChild<QComboBox*>(u"stateFilter"_s);
        QVERIFY(stateFilter);
        stateFilter->setCurrentIndex(2); // everything: the counts line names every state there is
        QVERIFY(bench.queueProxy()->rowCount() > 1);

        QStringList chinese;
        for (QComboBox* combo : bench.queuePanel()->findChildren<QComboBox*>())
            for (int i = 0; i < combo->count(); ++i)
                if (hasCjk(combo->itemText(i)))
                    chinese << u"filter: "_s + combo->itemText(i);
        auto* counts = bench.queuePanel()->findChild<QLabel*>(u"stateCounts"_s);
        QVERIFY(counts);
        if (hasCjk(counts->text()))
            chinese << u"counts: "_s + counts->text();
        QVERIFY2(counts->text().contains(u"Received"_s), qPrintable(counts->text()));
        // Every workflow button of a ticket awaiting dispatch, and of one with a department.
        const auto checkButtons = [&] {
            bench.detail()->showTicket(id);
            QVERIFY(!bench.detail()->offeredActions().isEmpty());
            for (QPushButton* b : bench.detail()->findChildren<QPushButton*>())
                if (b->objectName().startsWith(u"action_"_s) && hasCjk(b->text()))
                    chinese << u"button: "_s + b->text();
        };
        checkButtons(); // received
        QVERIFY(service.dispatch(id, u"CGJ"_s));
        checkButtons();
        QVERIFY(service.resolve(id, u"done"_s));
        checkButtons();
        QVERIFY2(chinese.isEmpty(), qPrintable(chinese.join(u'\n')));
    }
};

QTEST_MAIN(TestLanguage)
#include "tst_language.moc"
