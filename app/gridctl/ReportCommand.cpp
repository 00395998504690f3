// `gridctl report`: the weekly, monthly or any-period report of a county as PDF or XLSX; `gridctl bench
// report`.
#include "Command.h"

#include "gc/core/ChinaTime.h"
#include "gc/core/OutputStaging.h"
#include "gc/core/ReportPeriod.h"
#include "gc/report/ReportWriter.h"
#include "gc/store/CountyStore.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <ctime>

namespace gc::cli {
namespace {

// The options both `report` and `bench report` take.
struct ReportOptionsCli {
    QCommandLineOption period{
        QStringLiteral("period"),
        QStringLiteral("2026-W47 (ISO week), 2026-11 (month) or 2026-11-01..2026-11-30."),
        QStringLiteral("PERIOD")};
    QCommandLineOption format{QStringLiteral("format"), QStringLiteral("pdf or xlsx."),
                              QStringLiteral("FORMAT")};
    QCommandLineOption out{QStringLiteral("out"), QStringLiteral("The report file to write."),
                           QStringLiteral("FILE")};
    QCommandLineOption asOf{QStringLiteral("as-of"),
                            QStringLiteral("Count open and overdue as at this time (ISO 8601 with offset, "
                                           "default now), as `gridctl stats --as-of` does."),
                            QStringLiteral("TIME")};
    QCommandLineOption floor{QStringLiteral("satisfaction-floor"),
                             QStringLiteral("Units below this satisfaction are named (default 0.85)."),
                             QStringLiteral("RATE"), QStringLiteral("0.85")};
};

struct ParsedReport {
    ReportPeriod period;
    report::ReportFormat format = report::ReportFormat::Pdf;
    QDateTime asOf;
    report::ReportOptions options;
};

// Checks every option before the county is opened, so bad input writes nothing.
std::optional<ParsedReport> parseReport(const QCommandLineParser& p, const ReportOptionsCli& o,
                                        const QString& verb, int* code) {
    ParsedReport r;
    QString error;
    if (!p.isSet(o.period)) {
        *code = fail(verb,
                     QStringLiteral("--period is required (2026-W47, 2026-11 or 2026-11-01..2026-11-30)"), 2);
        return std::nullopt;
    }
    const std::optional<ReportPeriod> period = ReportPeriod::parse(p.value(o.period), &error);
    if (!period) {
        *code = fail(verb, QStringLiteral("--period: ") + error, 2);
        return std::nullopt;
    }
    r.period = *period;
    const std::optional<report::ReportFormat> format = report::reportFormatFromKey(p.value(o.format));
    if (!format) {
        *code = fail(verb, QStringLiteral("--format must be pdf or xlsx"), 2);
        return std::nullopt;
    }
    r.format = *format;
    r.asOf = chinaNow();
    if (p.isSet(o.asOf)) {
        r.asOf = QDateTime::fromString(p.value(o.asOf), Qt::ISODateWithMs);
        if (!r.asOf.isValid()) {
            *code = fail(verb, QStringLiteral("--as-of must be a time like 2026-11-29T08:00:00+08:00"), 2);
            return std::nullopt;
        }
    }
    bool ok = false;
    r.options.satisfactionFloor = p.value(o.floor).toDouble(&ok);
    if (!ok || r.options.satisfactionFloor <= 0 || r.options.satisfactionFloor > 1) {
        *code = fail(verb, QStringLiteral("--satisfaction-floor must be a rate in (0, 1], e.g. 0.85"), 2);
        return std::nullopt;
    }
    return r;
}

int runReport(const QStringList& arguments) {
    const QString verb = QStringLiteral("report");
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("county.gpkg"), QStringLiteral("County file."));
    const ReportOptionsCli o;
    p.addOptions({o.period, o.format, o.out, o.asOf, o.floor});
    int code = 0;
    if (!parse(p, verb,
               QStringLiteral(
                   "Writes the county's report for a period: totals with the daily average and the change "
                   "against the previous period, tables per street and department, units below the "
                   "satisfaction floor, top categories, risk changes, charts. Every figure is the one "
                   "KPI definition's, as `gridctl stats --from --to` prints it."),
               arguments, &code))
        return code;
    const std::optional<ParsedReport> r = parseReport(p, o, verb, &code);
    if (!r)
        return code;
    if (!p.isSet(o.out))
        return fail(verb, QStringLiteral("--out FILE is required"), 2);
    const QString out = p.value(o.out);
    auto store = openCountyArgument(p, verb, &code, true);
    if (!store)
        return code;
    // A report never lands on the county it reads, nor on its -wal/-shm/-journal.
    if (const auto [output, county] = OutputStaging::reachedProtectedFile({out}, {store->path()});
        !county.isEmpty())
        return fail(verb,
                    QStringLiteral("不能写入 %1：它是正在读取的县域数据 %2（或其 -wal/-shm/-journal 文件）")
                        .arg(output, county));
    const report::ReportContent content = report::buildReport(*store, r->period, r->asOf, r->options);
    QString error;
    if (!report::writeReport(content, r->format, out, &error))
        return fail(verb, error);
    return 0;
}

// `gridctl bench report`: building the content, and writing each format, on a county given.
int runBenchReport(const QStringList& arguments) {
    const QString verb = QStringLiteral("bench report");
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("county.gpkg"), QStringLiteral("County to measure."));
    const ReportOptionsCli o;
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print as JSON."));
    const QCommandLineOption folder(
        QStringLiteral("dir"), QStringLiteral("Folder for the reports written (default: beside the county)."),
        QStringLiteral("DIR"));
    p.addOptions({o.period, o.asOf, o.floor, json, folder});
    int code = 0;
    if (!parse(
            p, verb,
            QStringLiteral("Times a report (default period: the last whole month): reading and computing the "
                           "content, then writing the PDF and the XLSX (wall and CPU time)."),
            arguments, &code))
        return code;
    const QString periodText = p.isSet(o.period)
                                   ? p.value(o.period)
                                   : chinaNow().date().addMonths(-1).toString(QStringLiteral("yyyy-MM"));
    const std::optional<ParsedReport> r = [&]() -> std::optional<ParsedReport> {
        QString error;
        const auto period = ReportPeriod::parse(periodText, &error);
        if (!period) {
            code = fail(verb, QStringLiteral("--period: ") + error, 2);
            return std::nullopt;
        }
        ParsedReport parsed;
        parsed.period = *period;
        parsed.asOf =
            p.isSet(o.asOf) ? QDateTime::fromString(p.value(o.asOf), Qt::ISODateWithMs) : chinaNow();
        return parsed;
    }();
    if (!r)
        return code;
    QElapsedTimer wall;
    wall.start();
    std::clock_t cpu = std::clock();
    const auto lap = [&](double* ms, double* cpuMs) {
        *ms = wall.nsecsElapsed() / 1e6;
        *cpuMs = double(std::clock() - cpu) * 1000.0 / CLOCKS_PER_SEC;
        wall.restart();
        cpu = std::clock();
    };
    double openMs, openCpu, buildMs, buildCpu, pdfMs, pdfCpu, xlsxMs, xlsxCpu;
    auto store = openCountyArgument(p, verb, &code, true);
    if (!store)
        return code;
    lap(&openMs, &openCpu);
    const report::ReportContent content = report::buildReport(*store, r->period, r->asOf, r->options);
    lap(&buildMs, &buildCpu);
    const QString dir = p.isSet(folder) ? p.value(folder) : QFileInfo(store->path()).absolutePath();
    const QString base = QStringLiteral("%1/bench-report-%2").arg(dir, r->period.key());
    QString error;
    if (!report::writeReport(content, report::ReportFormat::Pdf, base + QStringLiteral(".pdf"), &error))
        return fail(verb, error);
    lap(&pdfMs, &pdfCpu);
    if (!report::writeReport(content, report::ReportFormat::Xlsx, base + QStringLiteral(".xlsx"), &error))
        return fail(verb, error);
    lap(&xlsxMs, &xlsxCpu);
    const QJsonObject out{{QStringLiteral("grids"), store->gridCount(GridLevel::Grid)},
                          {QStringLiteral("tickets"), store->ticketCount()},
                          {QStringLiteral("period"), r->period.key()},
                          {QStringLiteral("period_tickets"), content.totals.received},
                          {QStringLiteral("open_ms"), openMs},
                          {QStringLiteral("build_ms"), buildMs},
                          {QStringLiteral("build_cpu_ms"), buildCpu},
                          {QStringLiteral("pdf_ms"), pdfMs},
                          {QStringLiteral("pdf_cpu_ms"), pdfCpu},
                          {QStringLiteral("xlsx_ms"), xlsxMs},
                          {QStringLiteral("xlsx_cpu_ms"), xlsxCpu},
                          {QStringLiteral("report_pdf_ms"), openMs + buildMs + pdfMs},
                          {QStringLiteral("report_xlsx_ms"), openMs + buildMs + xlsxMs}};
    if (p.isSet(json))
        printJson(QJsonDocument(out));
    else
        printLine(
            QStringLiteral("%1 grids, %2 tickets, %3 (%4 tickets): content %5 ms, PDF %6 ms, XLSX %7 ms")
                .arg(out[QStringLiteral("grids")].toInt())
                .arg(out[QStringLiteral("tickets")].toInt())
                .arg(r->period.key())
                .arg(content.totals.received)
                .arg(buildMs, 0, 'f', 0)
                .arg(pdfMs, 0, 'f', 0)
                .arg(xlsxMs, 0, 'f', 0));
    return 0;
}

const Registrar reportRegistrar(QStringLiteral("report"),
                                QStringLiteral("Weekly/monthly report of a county as PDF or XLSX"),
                                runReport);
const Registrar benchReportRegistrar(QStringLiteral("bench-report"),
                                     QStringLiteral("Benchmark of the reports"), runBenchReport);

} // namespace
} // namespace gc::cli
