// gridctl report as a process: the PDF's text (pdftotext) and the XLSX's cells (tests/report/xlsx_cells.py,
// zipfile + XML) equal `gridctl stats --json` for the same period; refusals write nothing; a read-only
// folder and a full disk leave no file.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

#include <unistd.h>

class TestReportCli : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_county;
    QString m_asOf; // one instant for the report and stats alike: open and overdue depend on it
    QString m_month;
    QString m_week;

    struct Result {
        int code = -1;
        QByteArray out;
        QString err;
    };

    static Result run(const QString& program, const QStringList& args) {
        QProcess p;
        p.start(program, args);
        Result r;
        if (!p.waitForFinished(300000)) {
            p.kill();
            p.waitForFinished();
            r.err = QStringLiteral("did not finish");
            return r;
        }
        r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = p.readAllStandardOutput();
        r.err = QString::fromUtf8(p.readAllStandardError()).trimmed();
        return r;
    }
    static QString tool(const QString& name) {
        const QString path = QStandardPaths::findExecutable(name);
        if (path.isEmpty())
            qFatal("%s is required (scripts/setup.sh installs it)", qPrintable(name));
        return path;
    }
    static Result gridctl(const QStringList& args) { return run(qEnvironmentVariable("GRIDCTL"), args); }

    QString path(const QString& name) const { return m_dir.filePath(name); }

    QJsonObject stats(const QString& period, const QString& by = {}) {
        // The period's first and last day, as the report names them (ISO week → days by hand below).
        const auto [from, to] = days(period);
        QStringList args{QStringLiteral("stats"), m_county, QStringLiteral("--from"),  from,
                         QStringLiteral("--to"),  to,       QStringLiteral("--as-of"), m_asOf,
                         QStringLiteral("--json")};
        if (!by.isEmpty())
            args << QStringLiteral("--by") << by;
        const Result r = gridctl(args);
        if (r.code != 0)
            qFatal("stats failed: %s", qPrintable(r.err));
        return QJsonDocument::fromJson(r.out).object();
    }
    // First and last day of a period computed here without the code under test: a month by the
    // calendar, an ISO week from QDate::weekNumber (Qt's own ISO week numbering).
    static std::pair<QString, QString> days(const QString& period) {
        if (period.contains(QLatin1String("-W"))) {
            const int year = period.left(4).toInt();
            const int week = period.mid(6).toInt();
            for (QDate d(year - 1, 12, 20);; d = d.addDays(1)) {
                int isoYear = 0;
                if (d.dayOfWeek() == 1 && d.weekNumber(&isoYear) == week && isoYear == year)
                    return {d.toString(Qt::ISODate), d.addDays(6).toString(Qt::ISODate)};
            }
        }
        const QDate first = QDate::fromString(period + QStringLiteral("-01"), Qt::ISODate);
        return {first.toString(Qt::ISODate), first.addMonths(1).addDays(-1).toString(Qt::ISODate)};
    }

    Result report(const QString& period, const QString& format, const QString& out) {
        return gridctl({QStringLiteral("report"), m_county, QStringLiteral("--period"), period,
                        QStringLiteral("--format"), format, QStringLiteral("--out"), out,
                        QStringLiteral("--as-of"), m_asOf});
    }

    // A rate as the report prints it, from the counts stats gives (its rates are rounded to 4
    // decimals, and rounding those again to 0.1 % could land on the other side of a half).
    static QString pct(const QJsonObject& k, const char* numerator, const char* denominator) {
        const int den = k[QLatin1String(denominator)].toInt();
        return den == 0 ? QStringLiteral("—")
                        : QString::number(k[QLatin1String(numerator)].toInt() * 100.0 / den, 'f', 1) + u'%';
    }
    static QString unsatisfiedPct(const QJsonObject& k) {
        const int rated = k[QStringLiteral("rated")].toInt();
        return rated == 0 ? QStringLiteral("—")
                          : QString::number((rated - k[QStringLiteral("satisfied")].toInt()) * 100.0 / rated,
                                            'f', 1) +
                                u'%';
    }

    // The row of a unit in pdftotext's layout: its name (maybe marked ※) and the six figures.
    static QString unitLine(const QJsonObject& g) {
        return QStringLiteral("%1 %2 %3 %4 %5 %6")
            .arg(g[QStringLiteral("received")].toInt())
            .arg(g[QStringLiteral("on_time")].toInt())
            .arg(g[QStringLiteral("overdue")].toInt())
            .arg(g[QStringLiteral("open")].toInt())
            .arg(pct(g, "closed", "received"), unsatisfiedPct(g));
    }
    // pdftotext -layout lines with runs of spaces folded to one: "振兴街道 565 449 22 76 84.2% 4.3%".
    static QStringList pdfLines(const QString& pdf) {
        const Result r =
            run(tool(QStringLiteral("pdftotext")), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
        if (r.code != 0)
            qFatal("pdftotext failed: %s", qPrintable(r.err));
        QStringList lines;
        for (const QString& line : QString::fromUtf8(r.out).split(u'\n'))
            lines << line.simplified();
        return lines;
    }
    static QJsonObject xlsx(const QString& file) {
        const Result r = run(
            tool(QStringLiteral("python3")),
            {qEnvironmentVariable("GC_SOURCE_DIR") + QStringLiteral("/tests/report/xlsx_cells.py"), file});
        if (r.code != 0)
            qFatal("xlsx_cells.py failed: %s", qPrintable(r.err));
        return QJsonDocument::fromJson(r.out).object();
    }
    static QJsonObject sheet(const QJsonObject& book, const QString& name) {
        for (const QJsonValue& s : book[QStringLiteral("sheets")].toArray())
            if (s[QStringLiteral("name")].toString() == name)
                return s.toObject();
        return {};
    }
    // Rows below the two header rows, each as the list of its cells.
    static QList<QJsonArray> dataRows(const QJsonObject& sheet) {
        QList<QJsonArray> rows;
        const QJsonArray all = sheet[QStringLiteral("rows")].toArray();
        for (int i = 2; i < all.size(); ++i)
            rows << all[i].toArray();
        return rows;
    }
    static QJsonObject cellAt(const QJsonArray& row, const QString& column) {
        for (const QJsonValue& c : row)
            if (c[QStringLiteral("ref")].toString().startsWith(column) &&
                c[QStringLiteral("ref")].toString().mid(column.size()).at(0).isDigit())
                return c.toObject();
        return {};
    }
    // A count stored as a number equal to stats'.
    static void verifyCount(const QJsonArray& row, const QString& column, int expected, const QString& what) {
        const QJsonObject c = cellAt(row, column);
        QVERIFY2(c[QStringLiteral("type")].toString() == u"n",
                 qPrintable(what + QStringLiteral(": not a number cell: ") + QJsonDocument(c).toJson()));
        QVERIFY2(c[QStringLiteral("value")].toDouble() == expected,
                 qPrintable(QStringLiteral("%1: %2 in the sheet, %3 in stats")
                                .arg(what)
                                .arg(c[QStringLiteral("value")].toDouble())
                                .arg(expected)));
    }
    // A rate stored as a number equal to stats' (which rounds to 4 decimals); no data is an empty cell.
    static void verifyRate(const QJsonArray& row, const QString& column, const QJsonValue& expected,
                           const QString& what) {
        const QJsonObject c = cellAt(row, column);
        if (expected.isNull()) {
            QVERIFY2(c.isEmpty() || c[QStringLiteral("value")].isNull(), qPrintable(what));
            return;
        }
        QVERIFY2(c[QStringLiteral("type")].toString() == u"n",
                 qPrintable(what + QStringLiteral(": not a number")));
        QVERIFY2(std::abs(c[QStringLiteral("value")].toDouble() - expected.toDouble()) <= 0.00005 + 1e-12,
                 qPrintable(QStringLiteral("%1: %2 in the sheet, %3 in stats")
                                .arg(what)
                                .arg(c[QStringLiteral("value")].toDouble())
                                .arg(expected.toDouble())));
    }
    static bool hasChinese(const QString& s) {
        return std::any_of(s.begin(), s.end(),
                           [](QChar c) { return c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff; });
    }
    static QStringList entries(const QString& folder) {
        return QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    }
    static void verifyRefused(const Result& r) {
        QVERIFY2(r.code != 0, qPrintable(r.err));
        QVERIFY2(!r.err.isEmpty() && !r.err.contains(u'\n'), qPrintable(r.err));
        QVERIFY2(r.err.startsWith(QLatin1String("gridctl report")), qPrintable(r.err));
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(!qEnvironmentVariableIsEmpty("GRIDCTL"), "GRIDCTL must point to the gridctl binary");
        m_county = path(QStringLiteral("county.gpkg"));
        const Result r =
            gridctl({QStringLiteral("demo"), QStringLiteral("--out"), m_county, QStringLiteral("--grids"),
                     QStringLiteral("300"), QStringLiteral("--tickets"), QStringLiteral("3000"),
                     QStringLiteral("--quiet")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        // The demo's 90 days end today: last month and last week are full of tickets.
        const QDateTime now = QDateTime::currentDateTime().toOffsetFromUtc(8 * 3600);
        m_asOf = now.toString(Qt::ISODate);
        m_month = now.date().addMonths(-1).toString(QStringLiteral("yyyy-MM"));
        int isoYear = 0;
        const int week = now.date().addDays(-7).weekNumber(&isoYear);
        m_week = QStringLiteral("%1-W%2").arg(isoYear).arg(week, 2, 10, QLatin1Char('0'));
    }

    // The PDF's text carries the totals, every street's and every department's row, with the figures
    // of `gridctl stats` for the same period (and the Chinese names as they are in the county).
    void pdfTextEqualsStats_data() {
        QTest::addColumn<QString>("period");
        QTest::newRow("month") << m_month;
        QTest::newRow("ISO week") << m_week;
    }
    void pdfTextEqualsStats() {
        QFETCH(QString, period);
        const QString pdf = path(QStringLiteral("r-%1.pdf").arg(period));
        const Result r = report(period, QStringLiteral("pdf"), pdf);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        const QStringList lines = pdfLines(pdf);
        const QString text = lines.join(u'\n');
        const QJsonObject k = stats(period);
        const auto [from, to] = days(period);
        const int days =
            int(QDate::fromString(from, Qt::ISODate).daysTo(QDate::fromString(to, Qt::ISODate))) + 1;
        QVERIFY2(k[QStringLiteral("received")].toInt() > 0, "the period has tickets");
        // The summary paragraph (pdftotext may wrap it: compared with line breaks folded).
        const QString summary = QString(text).replace(u'\n', u' ').simplified();
        for (const QString& expected :
             {QStringLiteral("本期共受理工单 %1 件，日均 %2 件")
                  .arg(k[QStringLiteral("received")].toInt())
                  .arg(QString::number(double(k[QStringLiteral("received")].toInt()) / days, 'f', 1)),
              QStringLiteral("已办结 %1 件，办结率 %2")
                  .arg(k[QStringLiteral("closed")].toInt())
                  .arg(pct(k, "closed", "received")),
              QStringLiteral("按时办结 %1 件，按时办结率 %2")
                  .arg(k[QStringLiteral("on_time")].toInt())
                  .arg(pct(k, "on_time", "with_deadline")),
              QStringLiteral("超期未办结 %1 件，未办结 %2 件")
                  .arg(k[QStringLiteral("overdue")].toInt())
                  .arg(k[QStringLiteral("open")].toInt()),
              QStringLiteral("满意率 %1").arg(pct(k, "satisfied", "rated"))})
            QVERIFY2(summary.contains(QString(expected).remove(u' ')) || summary.contains(expected),
                     qPrintable(QStringLiteral("not in the PDF: ") + expected));
        for (const QString& by : {QStringLiteral("street"), QStringLiteral("department")}) {
            const QJsonArray groups = stats(period, by)[QStringLiteral("groups")].toArray();
            QVERIFY(!groups.isEmpty());
            for (const QJsonValue& v : groups) {
                const QJsonObject g = v.toObject();
                const QString name = g[QStringLiteral("name")].toString();
                const QString expected = name + u' ' + unitLine(g);
                const bool found = lines.contains(expected) || lines.contains(u'※' + expected);
                QVERIFY2(found, qPrintable(QStringLiteral("%1 row not in the PDF: %2").arg(by, expected)));
                if (by == u"street")
                    QVERIFY2(hasChinese(name), qPrintable(name));
            }
        }
        // pdftotext drops the spaces between CJK characters.
        QVERIFY2(QString(text).remove(u' ').contains(QStringLiteral("第1页共")), "page numbers");
    }

    // The XLSX: one sheet per table, the two header rows frozen, every figure a number cell equal
    // to stats', the streets' Chinese names as in the county.
    void xlsxCellsEqualStats() {
        const QString file = path(QStringLiteral("r.xlsx"));
        const Result r = report(m_month, QStringLiteral("xlsx"), file);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonObject book = xlsx(file);
        QStringList names;
        for (const QJsonValue& s : book[QStringLiteral("sheets")].toArray()) {
            names << s[QStringLiteral("name")].toString();
            const QJsonObject pane = s[QStringLiteral("pane")].toObject();
            QVERIFY2(pane[QStringLiteral("state")].toString() == u"frozen" &&
                         pane[QStringLiteral("ySplit")].toString() == u"2",
                     qPrintable(s[QStringLiteral("name")].toString() +
                                QStringLiteral(": header rows not frozen")));
        }
        for (const char* expected : {"总体", "街道", "部门", "问题类型", "来源", "每日", "风险变化"})
            QVERIFY2(names.contains(QString::fromUtf8(expected)), expected);

        const QJsonObject k = stats(m_month);
        const QList<QJsonArray> overview = dataRows(sheet(book, QStringLiteral("总体")));
        QHash<QString, QJsonArray> byLabel;
        for (const QJsonArray& row : overview)
            byLabel.insert(cellAt(row, QStringLiteral("A"))[QStringLiteral("value")].toString(), row);
        verifyCount(byLabel.value(QStringLiteral("受理工单（件）")), "B", k["received"].toInt(), "received");
        verifyCount(byLabel.value(QStringLiteral("已办结（件）")), "B", k["closed"].toInt(), "closed");
        verifyCount(byLabel.value(QStringLiteral("按时办结（件）")), "B", k["on_time"].toInt(), "on time");
        verifyCount(byLabel.value(QStringLiteral("超期未办结（件）")), "B", k["overdue"].toInt(), "overdue");
        verifyCount(byLabel.value(QStringLiteral("未办结（件）")), "B", k["open"].toInt(), "open");
        verifyRate(byLabel.value(QStringLiteral("办结率")), "B", k["closure_rate"], "closure rate");
        verifyRate(byLabel.value(QStringLiteral("按时办结率")), "B", k["on_time_rate"], "on-time rate");
        verifyRate(byLabel.value(QStringLiteral("满意率")), "B", k["satisfaction_rate"], "satisfaction rate");
        // The previous month, by stats as well.
        const QString previous = QDate::fromString(m_month + QStringLiteral("-01"), Qt::ISODate)
                                     .addMonths(-1)
                                     .toString(QStringLiteral("yyyy-MM"));
        const QJsonObject p = stats(previous);
        verifyCount(byLabel.value(QStringLiteral("受理工单（件）")), "C", p["received"].toInt(),
                    "previous received");
        verifyRate(byLabel.value(QStringLiteral("办结率")), "C", p["closure_rate"], "previous closure rate");

        for (const auto& [by, sheetName] :
             {std::pair{QStringLiteral("street"), QStringLiteral("街道")},
              std::pair{QStringLiteral("department"), QStringLiteral("部门")}}) {
            QHash<QString, QJsonArray> rows;
            for (const QJsonArray& row : dataRows(sheet(book, sheetName)))
                rows.insert(cellAt(row, QStringLiteral("A"))[QStringLiteral("value")].toString(), row);
            const QJsonArray groups = stats(m_month, by)[QStringLiteral("groups")].toArray();
            QCOMPARE(rows.size(), groups.size());
            for (const QJsonValue& v : groups) {
                const QJsonObject g = v.toObject();
                const QString name = g[QStringLiteral("name")].toString();
                QVERIFY2(rows.contains(name), qPrintable(sheetName + QStringLiteral(": no row ") + name));
                const QJsonArray row = rows.value(name);
                verifyCount(row, "B", g["received"].toInt(), name + QStringLiteral(" received"));
                verifyCount(row, "C", g["on_time"].toInt(), name + QStringLiteral(" on time"));
                verifyCount(row, "D", g["overdue"].toInt(), name + QStringLiteral(" overdue"));
                verifyCount(row, "E", g["open"].toInt(), name + QStringLiteral(" open"));
                verifyRate(row, "F", g["closure_rate"], name + QStringLiteral(" closure"));
                const int rated = g["rated"].toInt();
                verifyRate(row, "G",
                           rated == 0 ? QJsonValue()
                                      : QJsonValue(double(rated - g["satisfied"].toInt()) / rated),
                           name + QStringLiteral(" unsatisfied"));
                verifyRate(row, "H", g["satisfaction_rate"], name + QStringLiteral(" satisfaction"));
                if (by == u"street")
                    QVERIFY2(hasChinese(name), qPrintable(name));
            }
        }
    }

    // Bad input: one line, non-zero, nothing written (not even a staging folder).
    void refusalsWriteNothing_data() {
        QTest::addColumn<QStringList>("args");
        const QString out = QStringLiteral("OUT");
        QTest::newRow("2025 has no week 53")
            << QStringList{QStringLiteral("--period"), QStringLiteral("2025-W53"), QStringLiteral("--format"),
                           QStringLiteral("pdf")};
        QTest::newRow("month 13") << QStringList{QStringLiteral("--period"), QStringLiteral("2026-13"),
                                                 QStringLiteral("--format"), QStringLiteral("pdf")};
        QTest::newRow("range backwards")
            << QStringList{QStringLiteral("--period"), QStringLiteral("2026-11-30..2026-11-01"),
                           QStringLiteral("--format"), QStringLiteral("xlsx")};
        QTest::newRow("format docx") << QStringList{QStringLiteral("--period"), QStringLiteral("2026-11"),
                                                    QStringLiteral("--format"), QStringLiteral("docx")};
        QTest::newRow("no period") << QStringList{QStringLiteral("--format"), QStringLiteral("pdf")};
    }
    void refusalsWriteNothing() {
        QFETCH(QStringList, args);
        QTemporaryDir folder;
        const QString out = folder.filePath(QStringLiteral("r.out"));
        const Result r = gridctl(QStringList{QStringLiteral("report"), m_county} + args +
                                 QStringList{QStringLiteral("--out"), out});
        verifyRefused(r);
        QVERIFY2(entries(folder.path()).isEmpty(), qPrintable(entries(folder.path()).join(u' ')));
    }
    void unknownCountyRefused() {
        QTemporaryDir folder;
        const Result r = gridctl({QStringLiteral("report"), folder.filePath(QStringLiteral("nowhere.gpkg")),
                                  QStringLiteral("--period"), QStringLiteral("2026-11"),
                                  QStringLiteral("--format"), QStringLiteral("pdf"), QStringLiteral("--out"),
                                  folder.filePath(QStringLiteral("r.pdf"))});
        verifyRefused(r);
        QVERIFY(entries(folder.path()).isEmpty());
    }
    // The county itself (or its -wal) is never the output.
    void countyIsNeverTheOutput() {
        const QByteArray before = [&] {
            QFile f(m_county);
            f.open(QIODevice::ReadOnly);
            return f.readAll();
        }();
        for (const QString& out : QStringList{m_county, m_county + QStringLiteral("-wal")}) {
            const Result r = report(m_month, QStringLiteral("pdf"), out);
            verifyRefused(r);
        }
        QFile f(m_county);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll() == before);
    }

    // A folder the user cannot write: one line, non-zero, nothing in it. Run as `nobody` when the
    // test runs as root (root ignores permissions), from a copy of gridctl in a folder it can enter.
    void readOnlyFolderLeavesNothing() {
        QTemporaryDir shared;
        QVERIFY(QFile::setPermissions(shared.path(), QFileDevice::Permissions(0x7755)));
        const QString gridctlCopy = shared.filePath(QStringLiteral("gridctl"));
        QVERIFY(QFile::copy(qEnvironmentVariable("GRIDCTL"), gridctlCopy));
        const QString county = shared.filePath(QStringLiteral("county.gpkg"));
        QVERIFY(QFile::copy(m_county, county));
        QVERIFY(QFile::setPermissions(county, QFileDevice::Permissions(0x6644)));
        const QString folder = shared.filePath(QStringLiteral("ro"));
        QVERIFY(QDir().mkdir(folder));
        QVERIFY(QFile::setPermissions(folder, QFileDevice::Permissions(0x5555)));
        for (const QString& format : {QStringLiteral("pdf"), QStringLiteral("xlsx")}) {
            QStringList args{gridctlCopy,
                             QStringLiteral("report"),
                             county,
                             QStringLiteral("--period"),
                             m_month,
                             QStringLiteral("--format"),
                             format,
                             QStringLiteral("--out"),
                             folder + QStringLiteral("/r.") + format};
            const Result r =
                ::geteuid() == 0
                    ? run(tool(QStringLiteral("runuser")),
                          QStringList{QStringLiteral("-u"), QStringLiteral("nobody"), QStringLiteral("--")} +
                              args)
                    : run(args.takeFirst(), args);
            verifyRefused(r);
            QVERIFY2(entries(folder).isEmpty(), qPrintable(entries(folder).join(u' ')));
        }
        QFile::setPermissions(folder, QFileDevice::Permissions(0x7755));
    }

    // A disk that fills while the report is written (a 64 KiB tmpfs in a mount namespace of its
    // own): one line, non-zero, the previous report as it was and nothing else in the folder.
    void fullDiskKeepsThePreviousReport_data() {
        QTest::addColumn<QString>("format");
        QTest::newRow("pdf") << "pdf";
        QTest::newRow("xlsx") << "xlsx";
    }
    void fullDiskKeepsThePreviousReport() {
        QFETCH(QString, format);
        const QString mountPoint = path(QStringLiteral("full-") + format);
        QVERIFY(QDir().mkpath(mountPoint));
        const QString out = mountPoint + QStringLiteral("/r.") + format;
        const QString errFile = path(QStringLiteral("full-err-") + format);
        // The month's report is ~80 KB as PDF, ~16 KB as XLSX: a 64 KiB disk holding an old 28 KB
        // report twice (7 pages of 4 KiB each) leaves 8 KiB.
        const QString script =
            QStringLiteral(
                "set -e; mount -t tmpfs -o size=64k tmpfs '%1'; cd '%1'\n"
                "head -c 28000 /dev/urandom > old; cp old 'r.%5'\n"
                "set +e; '%2' report '%3' --period %4 --format %5 --out '%6' 2>'%7'; echo \"exit=$?\"\n"
                "cmp old 'r.%5' && echo same\n"
                "echo entries $(ls -A | wc -l)\n")
                .arg(mountPoint, qEnvironmentVariable("GRIDCTL"), m_county, m_month, format, out, errFile);
        QStringList namespaces{QStringLiteral("--mount")};
        if (::geteuid() != 0)
            namespaces.prepend(QStringLiteral("--map-root-user"));
        const Result r =
            run(tool(QStringLiteral("unshare")),
                namespaces + QStringList{QStringLiteral("/bin/bash"), QStringLiteral("-c"), script});
        QVERIFY2(r.code == 0, qPrintable(QString::fromUtf8(r.out) + r.err));
        const QString shown = QString::fromUtf8(r.out);
        QVERIFY2(shown.contains(QLatin1String("exit=1\n")), qPrintable(shown));
        QVERIFY2(shown.contains(QLatin1String("same\n")), qPrintable(shown));
        QVERIFY2(shown.contains(QLatin1String("entries 2\n")), qPrintable(shown)); // old and r.FORMAT only
        QFile err(errFile);
        QVERIFY(err.open(QIODevice::ReadOnly));
        const QString errText = QString::fromUtf8(err.readAll()).trimmed();
        QVERIFY2(!errText.isEmpty() && !errText.contains(u'\n'), qPrintable(errText));
        QVERIFY2(errText.startsWith(QLatin1String("gridctl report")), qPrintable(errText));
    }
};

QTEST_GUILESS_MAIN(TestReportCli)
#include "tst_reportcli.moc"
