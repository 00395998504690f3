// File → 导出报告… offscreen: the preview shows the report's pages, the PDF saved from the dialog
// reads (pdftotext) the totals `gridctl stats` gives, and a period that does not exist is refused in
// one line without a preview.
#include "ReportDialog.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class TestReportDialog : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_county;

    static QByteArray run(const QString& program, const QStringList& args) {
        QProcess p;
        p.start(program, args);
        if (!p.waitForFinished(120000) || p.exitCode() != 0)
            qFatal("%s failed: %s", qPrintable(program), p.readAllStandardError().constData());
        return p.readAllStandardOutput();
    }

private Q_SLOTS:
    void initTestCase() {
        m_county = m_dir.filePath(QStringLiteral("county.gpkg"));
        run(qEnvironmentVariable("GRIDCTL"),
            {QStringLiteral("demo"), QStringLiteral("--out"), m_county, QStringLiteral("--grids"),
             QStringLiteral("120"), QStringLiteral("--tickets"), QStringLiteral("1500"),
             QStringLiteral("--quiet")});
    }

    void previewAndSave() {
        ReportDialog dialog(m_county);
        dialog.show();
        QSignalSpy ready(&dialog, &ReportDialog::previewReady);
        QVERIFY(ready.wait(60000)); // the last week's preview, started on opening
        const QDate lastMonth = QDate::currentDate().addMonths(-1);
        const QString month = lastMonth.toString(QStringLiteral("yyyy-MM"));
        dialog.setPeriodText(month);
        dialog.refreshPreview();
        QVERIFY(ready.wait(60000));
        QVERIFY2(dialog.previewPageCount() >= 2, qPrintable(QString::number(dialog.previewPageCount())));

        const QString pdf = m_dir.filePath(QStringLiteral("from-dialog.pdf"));
        QVERIFY2(dialog.saveTo(pdf, gc::report::ReportFormat::Pdf), qPrintable(dialog.lastMessage()));
        const QString text = QString::fromUtf8(
            run(QStandardPaths::findExecutable(QStringLiteral("pdftotext")), {pdf, QStringLiteral("-")}));
        const QDate first(lastMonth.year(), lastMonth.month(), 1);
        const QJsonObject stats =
            QJsonDocument::fromJson(
                run(qEnvironmentVariable("GRIDCTL"),
                    {QStringLiteral("stats"), m_county, QStringLiteral("--from"), first.toString(Qt::ISODate),
                     QStringLiteral("--to"), first.addMonths(1).addDays(-1).toString(Qt::ISODate),
                     QStringLiteral("--json")}))
                .object();
        const QString received =
            QStringLiteral("本期共受理工单 %1 件").arg(stats[QStringLiteral("received")].toInt());
        QVERIFY2(text.contains(received), qPrintable(received));
        QVERIFY(text.contains(QStringLiteral("江城示范县")));

        if (!qEnvironmentVariableIsEmpty("GC_REPORT_DIALOG_SHOT"))
            dialog.grab().save(qEnvironmentVariable("GC_REPORT_DIALOG_SHOT"));
    }

    void badPeriodRefused() {
        ReportDialog dialog(m_county);
        QSignalSpy ready(&dialog, &ReportDialog::previewReady);
        QVERIFY(ready.wait(60000));
        dialog.setPeriodText(QStringLiteral("2025-W53"));
        dialog.refreshPreview();
        QVERIFY(!dialog.isBusy());
        QVERIFY2(dialog.lastMessage().contains(QStringLiteral("第 53 周")), qPrintable(dialog.lastMessage()));
        QVERIFY(!dialog.lastMessage().contains(u'\n'));
    }
};

QTEST_MAIN(TestReportDialog)
#include "tst_reportdialog.moc"
