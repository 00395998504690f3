// The 考核 dock on a demo county: the ranking has every worker with spread, the scorecard's lines
// add up to the worker's points, the arrival list matches the service, and the CSV export read back by
// python3's csv module gives the same totals. With GC_SCREENSHOT_DIR set it saves the dock's pictures.
#include "AssessDock.h"

#include "gc/assess/AssessDemo.h"
#include "gc/core/ChinaTime.h"
#include "gc/store/DemoCountyBuilder.h"

#include <QProcess>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace gc;

class TestAssessDock : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_county;
    const QDateTime m_now = QDateTime(QDate(2026, 11, 27), QTime(18, 0), chinaTimeZone());

private Q_SLOTS:
    void initTestCase() {
        m_county = m_dir.filePath(QStringLiteral("c.gpkg"));
        DemoOptions o;
        o.grids = 60;
        o.seed = 5;
        o.now = m_now;
        o.ticketsPerGrid = 30;
        QString error;
        auto store = DemoCountyBuilder::build(m_county, o, &error);
        QVERIFY2(store, qPrintable(error));
        QVERIFY2(AssessDemo::populate(*store, o.seed, m_now, &error), qPrintable(error));
    }

    void dockShowsRankingScorecardAndArrivals() {
        AssessDock dock(m_county);
        dock.resize(1100, 700);
        const AssessDock::Result r = AssessDock::compute(m_county, QStringLiteral("2026-11"), m_now);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        dock.showResult(r);
        QTableWidget* ranking = dock.rankingTable();
        QCOMPARE(ranking->rowCount(), 60);
        QCOMPARE(ranking->item(0, 0)->text(), QStringLiteral("1"));
        const double top = ranking->item(0, 3)->text().toDouble();
        const double bottom = ranking->item(59, 3)->text().toDouble();
        QVERIFY2(top - bottom > 10, qPrintable(QStringLiteral("%1 … %2").arg(bottom).arg(top)));

        // The scorecard of the worker in the middle: item rows add up to the total, lines to each item.
        const qint64 worker = ranking->item(30, 1)->data(Qt::UserRole).toLongLong();
        dock.showWorker(worker);
        QTreeWidget* card = dock.scorecard();
        double total = 0;
        for (int i = 0; i < card->topLevelItemCount(); ++i) {
            QTreeWidgetItem* item = card->topLevelItem(i);
            double lines = 0;
            for (int c = 0; c < item->childCount(); ++c)
                lines += item->child(c)->text(1).toDouble();
            QVERIFY2(std::abs(lines - item->text(1).toDouble()) < 0.005, qPrintable(item->text(0)));
            total += item->text(1).toDouble();
        }
        QVERIFY(std::abs(total - ranking->item(30, 3)->text().toDouble()) < 0.005);
        QCOMPARE(dock.arrivalTable()->rowCount(), int(r.arrivals.size()));
        QVERIFY(dock.arrivalTable()->rowCount() > 0);

        // CSV, read back by python3's csv module: each row's items add up to its total.
        const QString csv = m_dir.filePath(QStringLiteral("rank.csv"));
        QString error;
        QVERIFY2(dock.exportCsv(csv, &error), qPrintable(error));
        QProcess py;
        py.start(QStringLiteral("python3"),
                 {QStringLiteral("-c"),
                  QStringLiteral(
                      "import csv,sys\n"
                      "rows=list(csv.reader(open(sys.argv[1],encoding='utf-8-sig')))\n"
                      "bad=[r for r in rows[1:] if abs(sum(float(x) for x in r[5:])-float(r[4]))>0.005]\n"
                      "print(len(rows)-1, len(bad), rows[0][1])"),
                  csv});
        QVERIFY(py.waitForFinished(60000));
        QCOMPARE(QString::fromUtf8(py.readAllStandardOutput()).trimmed(), QStringLiteral("60 0 网格员编号"));

        const QString shots = qEnvironmentVariable("GC_SCREENSHOT_DIR");
        if (!shots.isEmpty()) {
            dock.show();
            dock.tabs()->setCurrentIndex(0);
            QTest::qWait(100);
            dock.grab().save(shots + QStringLiteral("/assess-ranking.png"));
            ranking->selectRow(0);
            dock.tabs()->setCurrentIndex(1);
            QTest::qWait(100);
            dock.grab().save(shots + QStringLiteral("/assess-scorecard.png"));
            dock.tabs()->setCurrentIndex(2);
            QTest::qWait(100);
            dock.grab().save(shots + QStringLiteral("/assess-arrivals.png"));
        }
    }
};

QTEST_MAIN(TestAssessDock)
#include "tst_assessdock.moc"
