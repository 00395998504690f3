// The report as an XLSX workbook through libxlsxwriter: one sheet per table, numbers as numbers, frozen
// headers.
#include "gc/report/ReportWriter.h"

#include "gc/core/OutputStaging.h"

#include <QFile>
#include <QFileInfo>
#include <QTimeZone>

#include <xlsxwriter.h>

#include <cerrno>
#include <cstdio>
#include <functional>

#include <fcntl.h>
#include <unistd.h>

namespace gc::report {

bool writeXlsx(const ReportContent& content, const QString& path, const QString& tempFolder, QString* error);

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(Report)
};

// libxlsxwriter reports a failed close on stderr itself; the caller says it in one line instead,
// so the library's own lines are kept off stderr while the workbook is written out.
class QuietStderr {
public:
    QuietStderr() {
        std::fflush(stderr);
        m_saved = ::dup(STDERR_FILENO);
        const int null = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
        if (m_saved >= 0 && null >= 0)
            ::dup2(null, STDERR_FILENO);
        if (null >= 0)
            ::close(null);
    }
    ~QuietStderr() {
        std::fflush(stderr);
        if (m_saved >= 0) {
            ::dup2(m_saved, STDERR_FILENO);
            ::close(m_saved);
        }
    }
    QuietStderr(const QuietStderr&) = delete;
    QuietStderr& operator=(const QuietStderr&) = delete;

private:
    int m_saved = -1;
};

// One sheet: a title row, a header row (both frozen with the first column) and the rows.
class Sheet {
public:
    struct Formats {
        lxw_format* title;
        lxw_format* header;
        lxw_format* text;
        lxw_format* integer;
        lxw_format* decimal;
        lxw_format* percent;
    };

    Sheet(lxw_workbook* book, const Formats& formats, const QString& name, const QString& title,
          const QStringList& headers, const QList<double>& widths)
        : m_f(formats), m_columns(int(headers.size())) {
        m_sheet = workbook_add_worksheet(book, name.toUtf8().constData());
        worksheet_write_string(m_sheet, 0, 0, title.toUtf8().constData(), m_f.title);
        for (int c = 0; c < headers.size(); ++c) {
            worksheet_write_string(m_sheet, 1, lxw_col_t(c), headers[c].toUtf8().constData(), m_f.header);
            worksheet_set_column(m_sheet, lxw_col_t(c), lxw_col_t(c), widths.value(c, 12), nullptr);
        }
        worksheet_freeze_panes(m_sheet, 2, 1);
    }
    lxw_worksheet* sheet() const { return m_sheet; }
    int nextRow() const { return m_row; }

    Sheet& text(const QString& s) {
        worksheet_write_string(m_sheet, lxw_row_t(m_row), lxw_col_t(m_col++), s.toUtf8().constData(),
                               m_f.text);
        return *this;
    }
    Sheet& integer(double v) { return number(v, m_f.integer); }
    Sheet& decimal(double v) { return number(v, m_f.decimal); }
    // A rate as a number formatted 0.0%; "no data" (-1) as an empty cell, never as 0.
    Sheet& rate(double r) {
        if (r >= 0)
            return number(r, m_f.percent);
        ++m_col;
        return *this;
    }
    void endRow() {
        ++m_row;
        m_col = 0;
    }

private:
    Sheet& number(double v, lxw_format* format) {
        worksheet_write_number(m_sheet, lxw_row_t(m_row), lxw_col_t(m_col++), v, format);
        return *this;
    }

    lxw_worksheet* m_sheet = nullptr;
    Formats m_f;
    int m_columns;
    int m_row = 2;
    int m_col = 0;
};

QString sheetReference(const QString& sheet, int firstRow, int lastRow, char column) {
    // Rows here count from 0, A1 references from 1.
    return QStringLiteral("='%1'!$%2$%3:$%2$%4")
        .arg(sheet)
        .arg(QLatin1Char(column))
        .arg(firstRow + 1)
        .arg(lastRow + 1);
}

} // namespace

bool writeXlsx(const ReportContent& content, const QString& path, const QString& tempFolder, QString* error) {
    const QByteArray file = QFile::encodeName(path);
    const QByteArray temp = QFile::encodeName(tempFolder);
    lxw_workbook_options options{};
    options.constant_memory = LXW_FALSE;
    options.tmpdir = const_cast<char*>(temp.constData()); // its scratch files stay in the staging folder
    lxw_workbook* book = workbook_new_opt(file.constData(), &options);
    if (!book) {
        *error = Tr::tr("无法创建 %1").arg(QFileInfo(path).fileName());
        return false;
    }
    const QByteArray title = content.title().toUtf8();
    lxw_doc_properties properties{};
    properties.title = const_cast<char*>(title.constData());
    properties.author = const_cast<char*>("GridCommand");
    workbook_set_properties(book, &properties);

    Sheet::Formats f{};
    f.title = workbook_add_format(book);
    format_set_bold(f.title);
    format_set_font_size(f.title, 13);
    f.header = workbook_add_format(book);
    format_set_bold(f.header);
    format_set_bg_color(f.header, 0xE6EAEF);
    format_set_border(f.header, LXW_BORDER_THIN);
    format_set_text_wrap(f.header);
    f.text = workbook_add_format(book);
    f.integer = workbook_add_format(book);
    format_set_num_format(f.integer, "0");
    f.decimal = workbook_add_format(book);
    format_set_num_format(f.decimal, "0.0");
    f.percent = workbook_add_format(book);
    format_set_num_format(f.percent, "0.0%");
    for (lxw_format* format : {f.title, f.header, f.text, f.integer, f.decimal, f.percent})
        format_set_font_name(format, "等线");

    const QString heading = content.title() + QStringLiteral("　") + content.subtitle();

    // 总体: the period against the one before.
    {
        Sheet s(book, f, Tr::tr("总体"), heading,
                {Tr::tr("指标"), content.period.title(), content.previous.title()}, {22, 16, 16});
        const KpiSet& k = content.totals;
        const KpiSet& p = content.previousTotals;
        const auto count = [&](const QString& name, int now, int before) {
            s.text(name).integer(now).integer(before).endRow();
        };
        const auto rate = [&](const QString& name, double now, double before) {
            s.text(name).rate(now).rate(before).endRow();
        };
        count(Tr::tr("受理工单（件）"), k.received, p.received);
        s.text(Tr::tr("日均受理（件）"))
            .decimal(content.dailyAverage())
            .decimal(content.previousDailyAverage())
            .endRow();
        count(Tr::tr("已办结（件）"), k.closed, p.closed);
        rate(Tr::tr("办结率"), k.closureRate, p.closureRate);
        count(Tr::tr("按时办结（件）"), k.onTime, p.onTime);
        rate(Tr::tr("按时办结率"), k.onTimeRate, p.onTimeRate);
        count(Tr::tr("超期未办结（件）"), k.overdue, p.overdue);
        count(Tr::tr("未办结（件）"), k.open, p.open);
        count(Tr::tr("回访（次）"), k.rated, p.rated);
        rate(Tr::tr("满意率"), k.satisfactionRate, p.satisfactionRate);
        rate(Tr::tr("不满意率"), unsatisfiedRate(k), unsatisfiedRate(p));
        count(Tr::tr("合并（件，不计入）"), k.merged, p.merged);
        count(Tr::tr("无效（件，不计入）"), k.invalid, p.invalid);
        s.endRow();
        s.text(Tr::tr("时段"))
            .text(content.period.dayRangeText())
            .text(content.previous.dayRangeText())
            .endRow();
    }

    const auto unitSheet = [&](const QString& name, const QString& unit, const QList<UnitRow>& rows) {
        Sheet s(book, f, name, heading,
                {unit, Tr::tr("受理"), Tr::tr("按时办结"), Tr::tr("超期"), Tr::tr("未办结"), Tr::tr("办结率"),
                 Tr::tr("不满意率"), Tr::tr("满意率"), Tr::tr("低于满意率底线")},
                {26, 10, 10, 10, 10, 10, 10, 10, 14});
        for (const UnitRow& r : rows) {
            const bool below =
                r.kpis.satisfactionRate >= 0 && r.kpis.satisfactionRate < content.options.satisfactionFloor;
            s.text(r.name)
                .integer(r.kpis.received)
                .integer(r.kpis.onTime)
                .integer(r.kpis.overdue)
                .integer(r.kpis.open)
                .rate(r.kpis.closureRate)
                .rate(unsatisfiedRate(r.kpis))
                .rate(r.kpis.satisfactionRate)
                .text(below ? Tr::tr("是") : QString())
                .endRow();
        }
    };
    unitSheet(Tr::tr("街道"), Tr::tr("街道（乡镇）"), content.streets);
    unitSheet(Tr::tr("部门"), Tr::tr("部门"), content.departments);

    const auto shareSheet = [&](const QString& name, const QString& unit, const QList<UnitRow>& rows) {
        Sheet s(book, f, name, heading,
                {unit, Tr::tr("受理"), Tr::tr("占比"), Tr::tr("办结率"), Tr::tr("满意率")},
                {24, 10, 10, 10, 10});
        for (const UnitRow& r : rows)
            s.text(r.name)
                .integer(r.kpis.received)
                .rate(content.totals.received > 0 ? double(r.kpis.received) / content.totals.received : -1)
                .rate(r.kpis.closureRate)
                .rate(r.kpis.satisfactionRate)
                .endRow();
    };
    shareSheet(Tr::tr("问题类型"), Tr::tr("问题类型"), content.categories);
    shareSheet(Tr::tr("来源"), Tr::tr("来源"), content.sources);

    // 每日, with the chart of received and closed per day beside it.
    {
        const QString name = Tr::tr("每日");
        Sheet s(book, f, name, heading,
                {Tr::tr("日期"), Tr::tr("受理"), Tr::tr("其中已办结"), Tr::tr("办结率")}, {14, 10, 12, 10});
        const int first = s.nextRow();
        for (const UnitRow& d : content.days)
            s.text(d.key).integer(d.kpis.received).integer(d.kpis.closed).rate(d.kpis.closureRate).endRow();
        const int last = s.nextRow() - 1;
        if (last >= first) {
            lxw_chart* chart = workbook_add_chart(book, LXW_CHART_COLUMN);
            const QByteArray categories = sheetReference(name, first, last, 'A').toUtf8();
            for (const auto& [column, label] :
                 {std::pair{'B', Tr::tr("受理")}, std::pair{'C', Tr::tr("其中已办结")}}) {
                const QByteArray values = sheetReference(name, first, last, column).toUtf8();
                lxw_chart_series* series =
                    chart_add_series(chart, categories.constData(), values.constData());
                chart_series_set_name(series, label.toUtf8().constData());
            }
            chart_title_set_name(chart, Tr::tr("每日受理及其中已办结").toUtf8().constData());
            worksheet_insert_chart(s.sheet(), 1, 5, chart);
        }
    }

    // 风险变化
    {
        Sheet s(book, f, Tr::tr("风险变化"), heading,
                {Tr::tr("网格"), Tr::tr("网格编码"), Tr::tr("所属街道（乡镇）"), Tr::tr("期初等级"),
                 Tr::tr("期末等级"), Tr::tr("变化次数"), Tr::tr("最近变化")},
                {22, 22, 18, 10, 10, 10, 18});
        for (const RiskMove& m : content.risk.worst)
            s.text(m.name)
                .text(m.code)
                .text(m.streetName)
                .text(RiskLevels::chineseName(m.from))
                .text(RiskLevels::chineseName(m.to))
                .integer(m.changes)
                .text(
                    m.lastAt.toTimeZone(content.asOf.timeZone()).toString(QStringLiteral("yyyy-MM-dd HH:mm")))
                .endRow();
        s.endRow();
        s.text(Tr::tr("等级变化（次）")).integer(content.risk.changes).endRow();
        s.text(Tr::tr("涉及网格（个）")).integer(content.risk.gridsChanged).endRow();
        s.text(Tr::tr("升级网格（个）")).integer(content.risk.worsened).endRow();
        s.text(Tr::tr("降级网格（个）")).integer(content.risk.improved).endRow();
    }

    errno = 0;
    lxw_error result = LXW_NO_ERROR;
    {
        const QuietStderr quiet;
        result = workbook_close(book);
    }
    const int failure = errno;
    if (result != LXW_NO_ERROR) {
        *error = Tr::tr("无法写入 %1：%2")
                     .arg(QFileInfo(path).fileName(), failure != 0 ? OutputStaging::errorText(failure)
                                                                   : QString::fromUtf8(lxw_strerror(result)));
        return false;
    }
    return true;
}

} // namespace gc::report
