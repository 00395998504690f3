// The report as A4 PDF pages (QPdfWriter) or page images (the GUI's preview): one layout, painted with
// QPainter.
#include "gc/core/RiskLevel.h"
#include "gc/report/ReportWriter.h"

#include <QBuffer>
#include <QFontMetricsF>
#include <QPageSize>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <functional>

namespace gc::report {
namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(Report)
};

// Everything is laid out in PDF points on A4 (595 × 842 pt).
constexpr double kPageWidth = 595.0;
constexpr double kPageHeight = 842.0;
constexpr double kMarginX = 48.0;
constexpr double kContentTop = 58.0;
constexpr double kContentBottom = 800.0;
constexpr double kContentWidth = kPageWidth - 2 * kMarginX;
constexpr double kRowHeight = 15.0;

const QColor kInk(0x20, 0x20, 0x20);
const QColor kRule(0x9a, 0xa4, 0xae);
const QColor kHeaderFill(0xe6, 0xea, 0xef);
const QColor kReceivedFill(0x9e, 0xc5, 0xe6);
const QColor kClosedFill(0x1f, 0x5f, 0x99);
const QColor kSatisfiedFill(0xe0, 0x8a, 0x2c);

// WenQuanYi Micro Hei (fonts-wqy-microhei) first: Qt's PDF engine writes each glyph's text (the
// ToUnicode map) as the lowest code point the font maps to it, and Noto Sans CJK maps the Kangxi
// radicals (U+2F00…) to the same glyphs as the ideographs, so "示范" would be copied and searched as
// "⽰范". Micro Hei has no radicals, so the text reads back exactly; Noto is the fallback. Qt embeds
// the subset of glyphs the report uses, so the PDF reads the same on a machine without the font.
QFont reportFont(double points, bool bold = false) {
    QFont f;
    f.setFamilies({QStringLiteral("WenQuanYi Micro Hei"), QStringLiteral("Noto Sans CJK SC")});
    f.setStyleHint(QFont::SansSerif);
    f.setPointSizeF(points);
    f.setBold(bold);
    return f;
}

struct Column {
    QString title;
    double width;
    Qt::Alignment align = Qt::AlignRight;
};

struct TableRow {
    QStringList cells;
    bool marked = false; // below the satisfaction floor: bold with ※, never colour alone
};

// Paints the report page by page. Run twice: first without a painter to count the pages (the
// footer says "第 n 页 共 N 页"), then to paint. Metrics come from the target device either way,
// so both runs break pages at the same places.
class Layout {
public:
    Layout(const ReportContent& content, QPaintDevice* metrics, QPainter* painter,
           std::function<void()> newPage, int totalPages)
        : m_c(content), m_metrics(metrics), m_p(painter), m_newPage(std::move(newPage)), m_total(totalPages) {
    }

    int run() {
        startPage();
        titleBlock();
        overview();
        streets();
        departments();
        categoriesAndSources();
        risk();
        return m_page;
    }

private:
    // --- Page mechanics ---------------------------------------------------------------------
    void startPage() {
        ++m_page;
        m_y = kContentTop;
        if (!m_p)
            return;
        m_p->setPen(QPen(kRule, 0.6));
        m_p->drawLine(QPointF(kMarginX, 40), QPointF(kPageWidth - kMarginX, 40));
        m_p->drawLine(QPointF(kMarginX, kContentBottom + 12),
                      QPointF(kPageWidth - kMarginX, kContentBottom + 12));
        m_p->setPen(kInk);
        m_p->setFont(reportFont(7.5));
        m_p->drawText(QRectF(kMarginX, 26, kContentWidth, 12), Qt::AlignLeft | Qt::AlignVCenter,
                      m_c.countyName + QStringLiteral("　") + m_c.period.title());
        m_p->drawText(QRectF(kMarginX, 26, kContentWidth, 12), Qt::AlignRight | Qt::AlignVCenter,
                      Tr::tr("网格化服务管理中心"));
        m_p->drawText(QRectF(kMarginX, kContentBottom + 16, kContentWidth, 14), Qt::AlignCenter,
                      Tr::tr("第 %1 页 共 %2 页").arg(m_page).arg(m_total));
    }
    void nextPage() {
        if (m_p && m_newPage)
            m_newPage();
        startPage();
    }
    // Starts a new page unless `height` more points fit on this one.
    void need(double height) {
        if (m_y + height > kContentBottom)
            nextPage();
    }
    double textHeight(const QFont& font, const QString& text, double width) const {
        return QFontMetricsF(font, m_metrics)
            .boundingRect(QRectF(0, 0, width, 10000), Qt::TextWordWrap | Qt::AlignLeft, text)
            .height();
    }
    QString elided(const QFont& font, const QString& text, double width) const {
        return QFontMetricsF(font, m_metrics).elidedText(text, Qt::ElideRight, width);
    }
    void text(const QRectF& r, const QFont& font, const QString& s, Qt::Alignment align,
              const QColor& colour = kInk) {
        if (!m_p)
            return;
        m_p->setFont(font);
        m_p->setPen(colour);
        m_p->drawText(r, int(align) | Qt::TextWordWrap, s);
    }

    // --- Blocks -----------------------------------------------------------------------------
    void heading(const QString& s) {
        need(26 + kRowHeight * 3); // never a heading alone at the foot of a page
        m_y += 8;
        text(QRectF(kMarginX, m_y, kContentWidth, 18), reportFont(12, true), s,
             Qt::AlignLeft | Qt::AlignVCenter);
        m_y += 22;
    }
    void paragraph(const QString& s, double points = 9.5) {
        const QFont font = reportFont(points);
        const double h = textHeight(font, s, kContentWidth);
        need(h);
        text(QRectF(kMarginX, m_y, kContentWidth, h + 2), font, s, Qt::AlignLeft | Qt::AlignTop);
        m_y += h + 6;
    }
    void tableHeader(const QList<Column>& columns) {
        const QFont font = reportFont(8.5, true);
        if (m_p) {
            m_p->fillRect(QRectF(kMarginX, m_y, kContentWidth, kRowHeight + 3), kHeaderFill);
            m_p->setPen(QPen(kRule, 0.6));
            m_p->drawLine(QPointF(kMarginX, m_y), QPointF(kPageWidth - kMarginX, m_y));
        }
        double x = kMarginX;
        for (const Column& c : columns) {
            text(QRectF(x + 3, m_y, c.width - 6, kRowHeight + 3), font, elided(font, c.title, c.width - 6),
                 c.align | Qt::AlignVCenter);
            x += c.width;
        }
        m_y += kRowHeight + 3;
    }
    // A table whose header is repeated on every page it runs onto.
    void table(const QList<Column>& columns, const QList<TableRow>& rows) {
        need(kRowHeight * 3);
        tableHeader(columns);
        const QFont plain = reportFont(8.5);
        const QFont bold = reportFont(8.5, true);
        for (int i = 0; i < rows.size(); ++i) {
            if (m_y + kRowHeight > kContentBottom) {
                nextPage();
                tableHeader(columns);
            }
            if (m_p && i % 2 == 1)
                m_p->fillRect(QRectF(kMarginX, m_y, kContentWidth, kRowHeight), QColor(0xf6, 0xf7, 0xf9));
            double x = kMarginX;
            for (int col = 0; col < columns.size(); ++col) {
                const QFont& font = rows[i].marked ? bold : plain;
                const QString cell = elided(font, rows[i].cells.value(col), columns[col].width - 6);
                text(QRectF(x + 3, m_y, columns[col].width - 6, kRowHeight), font, cell,
                     columns[col].align | Qt::AlignVCenter);
                x += columns[col].width;
            }
            m_y += kRowHeight;
        }
        if (m_p) {
            m_p->setPen(QPen(kRule, 0.6));
            m_p->drawLine(QPointF(kMarginX, m_y), QPointF(kPageWidth - kMarginX, m_y));
        }
        m_y += 8;
    }
    // A chart with its caption, kept on one page.
    void chart(const QString& caption, double height, const std::function<void(const QRectF&)>& paint) {
        need(height + 20);
        text(QRectF(kMarginX, m_y, kContentWidth, 14), reportFont(9, true), caption,
             Qt::AlignLeft | Qt::AlignVCenter);
        m_y += 16;
        if (m_p) {
            m_p->save();
            m_p->setRenderHint(QPainter::Antialiasing);
            paint(QRectF(kMarginX, m_y, kContentWidth, height));
            m_p->restore();
        }
        m_y += height + 8;
    }
    void legend(const QRectF& r, const QList<std::pair<QColor, QString>>& items) {
        double x = r.right();
        const QFont font = reportFont(7.5);
        for (auto it = items.crbegin(); it != items.crend(); ++it) {
            const double w = QFontMetricsF(font, m_metrics).horizontalAdvance(it->second) + 16;
            x -= w;
            m_p->fillRect(QRectF(x, r.top() + 2, 8, 8), it->first);
            m_p->setPen(QPen(kInk, 0.4));
            m_p->drawRect(QRectF(x, r.top() + 2, 8, 8));
            text(QRectF(x + 10, r.top(), w - 10, 12), font, it->second, Qt::AlignLeft | Qt::AlignVCenter);
            x -= 8;
        }
    }

    // --- Sections ---------------------------------------------------------------------------
    void titleBlock() {
        const QFont font = reportFont(16, true);
        const double h = textHeight(font, m_c.title(), kContentWidth);
        text(QRectF(kMarginX, m_y, kContentWidth, h + 2), font, m_c.title(), Qt::AlignHCenter | Qt::AlignTop);
        m_y += h + 4;
        text(QRectF(kMarginX, m_y, kContentWidth, 14), reportFont(8.5), m_c.subtitle(), Qt::AlignCenter);
        m_y += 20;
    }

    void overview() {
        heading(Tr::tr("一、总体情况"));
        paragraph(m_c.summaryText());
        const KpiSet& k = m_c.totals;
        const KpiSet& p = m_c.previousTotals;
        const QList<Column> columns{{Tr::tr("指标"), 150, Qt::AlignLeft},
                                    {m_c.period.title(), 115},
                                    {Tr::tr("上期（%1）").arg(m_c.previous.title()), 115},
                                    {Tr::tr("环比"), 119}};
        const auto count = [](int n) { return QString::number(n); };
        const auto avg = [](double v) { return QString::number(v, 'f', 1); };
        QList<TableRow> rows{
            {{Tr::tr("受理工单（件）"), count(k.received), count(p.received),
              countChangeText(k.received, p.received)}},
            {{Tr::tr("日均受理（件）"), avg(m_c.dailyAverage()), avg(m_c.previousDailyAverage()),
              countChangeText(m_c.dailyAverage(), m_c.previousDailyAverage())}},
            {{Tr::tr("已办结（件）"), count(k.closed), count(p.closed), countChangeText(k.closed, p.closed)}},
            {{Tr::tr("办结率"), percentText(k.closureRate), percentText(p.closureRate),
              rateChangeText(k.closureRate, p.closureRate)}},
            {{Tr::tr("按时办结（件）"), count(k.onTime), count(p.onTime),
              countChangeText(k.onTime, p.onTime)}},
            {{Tr::tr("按时办结率"), percentText(k.onTimeRate), percentText(p.onTimeRate),
              rateChangeText(k.onTimeRate, p.onTimeRate)}},
            {{Tr::tr("超期未办结（件）"), count(k.overdue), count(p.overdue),
              countChangeText(k.overdue, p.overdue)}},
            {{Tr::tr("未办结（件）"), count(k.open), count(p.open), countChangeText(k.open, p.open)}},
            {{Tr::tr("满意率"), percentText(k.satisfactionRate), percentText(p.satisfactionRate),
              rateChangeText(k.satisfactionRate, p.satisfactionRate)}},
            {{Tr::tr("不满意率"), percentText(unsatisfiedRate(k)), percentText(unsatisfiedRate(p)),
              rateChangeText(unsatisfiedRate(k), unsatisfiedRate(p))}},
        };
        table(columns, rows);
        chart(Tr::tr("图1　每日受理工单及其中已办结"), 150, [this](const QRectF& r) { dailyChart(r); });
    }

    QList<Column> unitColumns(const QString& unit) const {
        return {{unit, 159, Qt::AlignLeft}, {Tr::tr("受理"), 52},   {Tr::tr("按时办结"), 58},
                {Tr::tr("超期"), 48},       {Tr::tr("未办结"), 54}, {Tr::tr("办结率"), 56},
                {Tr::tr("不满意率"), 72}};
    }
    bool belowFloor(const KpiSet& k) const {
        return k.satisfactionRate >= 0 && k.satisfactionRate < m_c.options.satisfactionFloor;
    }
    QList<TableRow> unitRows(const QList<UnitRow>& units) const {
        QList<TableRow> rows;
        for (const UnitRow& u : units) {
            const bool marked = belowFloor(u.kpis);
            rows.append({{(marked ? QStringLiteral("※") : QString()) + u.name,
                          QString::number(u.kpis.received), QString::number(u.kpis.onTime),
                          QString::number(u.kpis.overdue), QString::number(u.kpis.open),
                          percentText(u.kpis.closureRate), percentText(unsatisfiedRate(u.kpis))},
                         marked});
        }
        return rows;
    }
    QString floorText() const { return percentText(m_c.options.satisfactionFloor); }
    void namedBelowFloor(const QList<UnitRow>& units, const QString& kind) {
        const QList<UnitRow> below = m_c.belowFloor(units);
        if (below.isEmpty()) {
            paragraph(Tr::tr("满意率均不低于 %1。").arg(floorText()));
            return;
        }
        QStringList names;
        for (const UnitRow& u : below)
            names << Tr::tr("%1（%2）").arg(u.name, percentText(u.kpis.satisfactionRate));
        paragraph(Tr::tr("※ 满意率低于 %1 的%2（%3 个）：%4。")
                      .arg(floorText(), kind)
                      .arg(below.size())
                      .arg(names.join(QStringLiteral("、"))));
    }

    void streets() {
        heading(Tr::tr("二、各街道（乡镇）办理情况"));
        table(unitColumns(Tr::tr("街道（乡镇）")), unitRows(m_c.streets));
        namedBelowFloor(m_c.streets, Tr::tr("街道（乡镇）"));
        chart(Tr::tr("图2　受理最多的街道（乡镇）办结率与满意率"), 190,
              [this](const QRectF& r) { streetChart(r); });
    }

    void departments() {
        heading(Tr::tr("三、各部门办理情况"));
        table(unitColumns(Tr::tr("部门")), unitRows(m_c.departments));
        namedBelowFloor(m_c.departments, Tr::tr("部门"));
    }

    void categoriesAndSources() {
        heading(Tr::tr("四、问题类型与来源"));
        const int total = std::max(1, m_c.totals.received);
        const QList<Column> columns{{Tr::tr("问题类型"), 199, Qt::AlignLeft},
                                    {Tr::tr("受理"), 70},
                                    {Tr::tr("占比"), 70},
                                    {Tr::tr("办结率"), 80},
                                    {Tr::tr("满意率"), 80}};
        QList<TableRow> rows;
        for (const UnitRow& u : m_c.categories)
            rows.append(
                {{u.name, QString::number(u.kpis.received), percentText(double(u.kpis.received) / total),
                  percentText(u.kpis.closureRate), percentText(u.kpis.satisfactionRate)}});
        table(columns, rows);
        chart(Tr::tr("图3　问题类型前 %1 位（受理件数）").arg(m_c.categories.size()),
              16.0 * m_c.categories.size() + 10, [this](const QRectF& r) { categoryChart(r); });
        QList<TableRow> sources;
        for (const UnitRow& u : m_c.sources)
            sources.append(
                {{u.name, QString::number(u.kpis.received), percentText(double(u.kpis.received) / total),
                  percentText(u.kpis.closureRate), percentText(u.kpis.satisfactionRate)}});
        QList<Column> sourceColumns = columns;
        sourceColumns[0].title = Tr::tr("来源");
        table(sourceColumns, sources);
    }

    void risk() {
        heading(Tr::tr("五、风险等级变化"));
        const RiskSection& r = m_c.risk;
        QStringList raised;
        for (int level = kRiskLevelCount - 1; level >= 0; --level)
            if (r.raisedTo[size_t(level)] > 0)
                raised << Tr::tr("升为%1 %2 个")
                              .arg(RiskLevels::chineseName(static_cast<RiskLevel>(level)))
                              .arg(r.raisedTo[size_t(level)]);
        paragraph(Tr::tr("本期网格风险等级共变化 %1 次，涉及网格 %2 个；期末较期初升级 %3 个%4，降级 %5 个。")
                      .arg(r.changes)
                      .arg(r.gridsChanged)
                      .arg(r.worsened)
                      .arg(raised.isEmpty() ? QString()
                                            : QStringLiteral("（") + raised.join(QStringLiteral("，")) +
                                                  QStringLiteral("）"))
                      .arg(r.improved));
        if (r.worst.isEmpty())
            return;
        const QList<Column> columns{{Tr::tr("网格"), 150, Qt::AlignLeft},
                                    {Tr::tr("所属街道（乡镇）"), 110, Qt::AlignLeft},
                                    {Tr::tr("期初等级"), 58, Qt::AlignCenter},
                                    {Tr::tr("期末等级"), 58, Qt::AlignCenter},
                                    {Tr::tr("变化次数"), 50},
                                    {Tr::tr("最近变化"), 73}};
        QList<TableRow> rows;
        for (const RiskMove& m : r.worst)
            rows.append({{m.name, m.streetName, RiskLevels::chineseName(m.from),
                          RiskLevels::chineseName(m.to), QString::number(m.changes),
                          m.lastAt.toTimeZone(m_c.asOf.timeZone()).toString(QStringLiteral("MM-dd HH:mm"))}});
        table(columns, rows);
    }

    // --- Charts -----------------------------------------------------------------------------
    // A value axis from 0 to a round maximum with 4 gridlines.
    static double niceMax(double v) {
        if (v <= 0)
            return 1;
        const double magnitude = std::pow(10, std::floor(std::log10(v)));
        for (double step : {1.0, 2.0, 2.5, 5.0, 10.0})
            if (step * magnitude >= v)
                return step * magnitude;
        return 10 * magnitude;
    }

    void dailyChart(const QRectF& area) {
        legend(QRectF(area.left(), area.top() - 15, area.width(), 12),
               {{kReceivedFill, Tr::tr("受理")}, {kClosedFill, Tr::tr("其中已办结")}});
        const QRectF plot = area.adjusted(30, 4, -4, -16);
        int most = 0;
        for (const UnitRow& d : m_c.days)
            most = std::max(most, d.kpis.received);
        const double top = niceMax(most);
        const QFont font = reportFont(7);
        for (int i = 0; i <= 4; ++i) {
            const double y = plot.bottom() - plot.height() * i / 4;
            m_p->setPen(QPen(i == 0 ? kInk : kRule, i == 0 ? 0.6 : 0.3));
            m_p->drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
            text(QRectF(area.left(), y - 6, 27, 12), font, QString::number(top * i / 4, 'g', 6),
                 Qt::AlignRight | Qt::AlignVCenter);
        }
        const int n = int(m_c.days.size());
        const double slot = plot.width() / std::max(1, n);
        const int labelEvery = n <= 10 ? 1 : (n <= 31 ? 3 : 7);
        for (int i = 0; i < n; ++i) {
            const KpiSet& k = m_c.days[i].kpis;
            const double x = plot.left() + i * slot + slot * 0.15;
            const double w = slot * 0.7;
            const double hr = plot.height() * k.received / top;
            const double hc = plot.height() * k.closed / top;
            m_p->fillRect(QRectF(x, plot.bottom() - hr, w, hr), kReceivedFill);
            m_p->fillRect(QRectF(x + w * 0.2, plot.bottom() - hc, w * 0.6, hc), kClosedFill);
            if (i % labelEvery == 0)
                text(QRectF(plot.left() + i * slot - 10, plot.bottom() + 2, slot + 20, 12), font,
                     m_c.days[i].name, Qt::AlignHCenter | Qt::AlignTop);
        }
    }

    void streetChart(const QRectF& area) {
        legend(QRectF(area.left(), area.top() - 15, area.width(), 12),
               {{kClosedFill, Tr::tr("办结率")}, {kSatisfiedFill, Tr::tr("满意率")}});
        const QList<UnitRow> streets = m_c.streets.mid(0, 12);
        const double labelWidth = 110;
        const QRectF plot = area.adjusted(labelWidth, 4, -30, -28);
        const QFont font = reportFont(7);
        for (int i = 0; i <= 4; ++i) {
            const double x = plot.left() + plot.width() * i / 4;
            m_p->setPen(QPen(kRule, 0.3));
            m_p->drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
            text(QRectF(x - 20, plot.bottom() + 2, 40, 10), font, QStringLiteral("%1%").arg(i * 25),
                 Qt::AlignCenter);
        }
        const double slot = plot.height() / std::max<qsizetype>(1, streets.size());
        for (int i = 0; i < streets.size(); ++i) {
            const KpiSet& k = streets[i].kpis;
            const double y = plot.top() + i * slot;
            text(QRectF(area.left(), y, labelWidth - 4, slot), font,
                 elided(font, streets[i].name, labelWidth - 4), Qt::AlignRight | Qt::AlignVCenter);
            const double barHeight = slot * 0.36;
            const auto bar = [&](double rate, double dy, const QColor& colour) {
                if (rate < 0)
                    return;
                m_p->fillRect(QRectF(plot.left(), y + dy, plot.width() * rate, barHeight), colour);
                text(QRectF(plot.left() + plot.width() * rate + 2, y + dy - 2, 40, barHeight + 4),
                     reportFont(6), percentText(rate), Qt::AlignLeft | Qt::AlignVCenter);
            };
            bar(k.closureRate, slot * 0.12, kClosedFill);
            bar(k.satisfactionRate, slot * 0.52, kSatisfiedFill);
        }
        // The satisfaction floor, dashed and labelled.
        const double floorX = plot.left() + plot.width() * m_c.options.satisfactionFloor;
        m_p->setPen(QPen(kInk, 0.8, Qt::DashLine));
        m_p->drawLine(QPointF(floorX, plot.top() - 2), QPointF(floorX, plot.bottom()));
        m_p->drawLine(QPointF(floorX, plot.bottom() + 12), QPointF(floorX, plot.bottom() + 16));
        text(QRectF(floorX - 60, plot.bottom() + 14, 120, 12), font, Tr::tr("满意率底线 %1").arg(floorText()),
             Qt::AlignCenter);
    }

    void categoryChart(const QRectF& area) {
        const double labelWidth = 130;
        const QRectF plot = area.adjusted(labelWidth, 0, -40, -4);
        int most = 0;
        for (const UnitRow& u : m_c.categories)
            most = std::max(most, u.kpis.received);
        const QFont font = reportFont(7);
        const double slot = 16;
        for (int i = 0; i < m_c.categories.size(); ++i) {
            const UnitRow& u = m_c.categories[i];
            const double y = plot.top() + i * slot;
            text(QRectF(area.left(), y, labelWidth - 4, slot), font, elided(font, u.name, labelWidth - 4),
                 Qt::AlignRight | Qt::AlignVCenter);
            const double w = most > 0 ? plot.width() * u.kpis.received / most : 0;
            m_p->fillRect(QRectF(plot.left(), y + 3, w, slot - 6), kReceivedFill);
            m_p->setPen(QPen(kClosedFill, 0.5));
            m_p->drawRect(QRectF(plot.left(), y + 3, w, slot - 6));
            text(QRectF(plot.left() + w + 3, y, 40, slot), font, QString::number(u.kpis.received),
                 Qt::AlignLeft | Qt::AlignVCenter);
        }
    }

    const ReportContent& m_c;
    QPaintDevice* m_metrics;
    QPainter* m_p;
    std::function<void()> m_newPage;
    int m_total;
    int m_page = 0;
    double m_y = 0;
};

// A blank 72-dpi page image: one pixel per point before scaling.
QImage blankPage(double pixelsPerPoint) {
    QImage page(qRound(kPageWidth * pixelsPerPoint), qRound(kPageHeight * pixelsPerPoint),
                QImage::Format_RGB32);
    page.setDotsPerMeterX(qRound(72 / 0.0254));
    page.setDotsPerMeterY(qRound(72 / 0.0254));
    page.fill(Qt::white);
    return page;
}

} // namespace

QByteArray renderPdf(const ReportContent& content) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setResolution(72); // one device unit per PDF point
        writer.setTitle(content.title());
        writer.setCreator(QStringLiteral("GridCommand"));
        const int pages = Layout(content, &writer, nullptr, {}, 0).run();
        QPainter painter(&writer);
        painter.setRenderHint(QPainter::TextAntialiasing);
        Layout(
            content, &writer, &painter, [&writer] { writer.newPage(); }, pages)
            .run();
    }
    return bytes;
}

QList<QImage> renderPageImages(const ReportContent& content, double pixelsPerPoint) {
    QImage metrics = blankPage(1.0 / 64);
    const int pages = Layout(content, &metrics, nullptr, {}, 0).run();
    QList<QImage> images;
    QImage page = blankPage(pixelsPerPoint);
    QPainter painter(&page);
    const auto begin = [&] {
        painter.setRenderHint(QPainter::TextAntialiasing);
        painter.scale(pixelsPerPoint, pixelsPerPoint);
    };
    begin();
    Layout(
        content, &metrics, &painter,
        [&] {
            painter.end();
            images << page;
            page = blankPage(pixelsPerPoint);
            painter.begin(&page);
            begin();
        },
        pages)
        .run();
    painter.end();
    images << page;
    return images;
}

} // namespace gc::report
