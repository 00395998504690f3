// Paints the big screen (大屏) with QPainter: panels, charts, rankings, map and alerts, sized from the screen
// height.
#include "gc/dashboard/DashboardPainter.h"

#include "gc/core/ChinaTime.h"
#include "gc/core/RiskLevel.h"
#include "gc/map/RiskStyle.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QRegion>
#include <QStaticText>

#include <algorithm>
#include <cmath>

namespace gc::dashboard {
namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(DashboardPainter)
};

// The control-room palette: dark blue ground, light text, one accent; states have signs as well.
const QColor kBackground(0x07, 0x0e, 0x1a);
const QColor kPanel = QColor::fromRgb(DashboardFigures::kMapGround);
const QColor kPanelBorder(0x24, 0x45, 0x6b);
const QColor kText(0xe8, 0xf1, 0xff);
const QColor kMuted(0x93, 0xab, 0xc8);
const QColor kAccent(0x3c, 0xc8, 0xff);
const QColor kGood(0x4a, 0xe0, 0x8c);
const QColor kWarn(0xff, 0xb8, 0x30);
const QColor kBad(0xff, 0x5a, 0x5f);
const QColor kGridLine(0x2a, 0x3d, 0x57);

struct PreparedText {
    QStaticText text;
    QFont font;
    QSizeF size;
};

// Text laid out once per (string, font, width): fitted by shrinking the font to 60 %, then elided.
// Per thread, bounded: cleared when it grows past a few screens' worth of strings.
const PreparedText& prepared(const QString& text, const QFont& base, double width, double minScale) {
    thread_local QHash<QString, PreparedText> cache;
    const QString key = text + QChar(0x1f) + QString::number(base.pixelSize()) + (base.bold() ? u'b' : u'n') +
                        QString::number(int(width)) + u'/' + QString::number(int(minScale * 100));
    const auto hit = cache.constFind(key);
    if (hit != cache.cend())
        return *hit;
    if (cache.size() > 20000)
        cache.clear();
    QFont font = base;
    QFontMetricsF fm(font);
    const int minPx = std::max(8, int(base.pixelSize() * minScale));
    while (fm.horizontalAdvance(text) > width && font.pixelSize() > minPx) {
        font.setPixelSize(std::max(minPx, int(font.pixelSize() * 0.9)));
        fm = QFontMetricsF(font);
    }
    PreparedText t;
    t.font = font;
    t.text = QStaticText(fm.elidedText(text, Qt::ElideRight, width));
    t.text.setTextFormat(Qt::PlainText);
    t.text.setPerformanceHint(QStaticText::AggressiveCaching);
    t.text.prepare(QTransform(), font);
    t.size = t.text.size();
    return *cache.insert(key, t);
}

// Qt's raster engine caches glyphs only up to 64 px and fills larger ones as paths on every draw, which
// at 4K (the KPI numbers are 100 px and more) would cost most of a frame: large text is drawn once
// into an image per colour and blitted after.
constexpr int kLargestCachedGlyphPx = 60;

const QImage& sprite(const PreparedText& t, const QColor& colour) {
    thread_local QHash<QString, QImage> sprites;
    const QString key = t.text.text() + QChar(0x1f) + QString::number(t.font.pixelSize()) +
                        (t.font.bold() ? u'b' : u'n') + colour.name(QColor::HexArgb);
    const auto hit = sprites.constFind(key);
    if (hit != sprites.cend())
        return *hit;
    if (sprites.size() > 2000)
        sprites.clear();
    QImage image(t.size.toSize() + QSize(2, 2), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.setFont(t.font);
    p.setPen(colour);
    p.drawStaticText(QPointF(0, 0), t.text);
    p.end();
    return *sprites.insert(key, image);
}

// Everything painted on one screen: the unit and the fonts derived from its height.
struct Canvas {
    QPainter& p;
    QSize size;
    double u; // pixels per 1080th of the height
    const DashboardLayout& layout;
    const DashboardFigures* f;
    const DashboardPainter::State& state;
    QList<ShownValue>* shown;
    int panelIndex = -1;
    QString period;

    QFont font(double px, bool bold = false) const {
        QFont font;
        font.setFamilies({QStringLiteral("Noto Sans CJK SC"), QStringLiteral("Noto Sans SC"),
                          QStringLiteral("WenQuanYi Micro Hei"), QStringLiteral("sans-serif")});
        font.setPixelSize(std::max(8, int(std::lround(px * u))));
        font.setBold(bold);
        return font;
    }
    void record(const QString& key, const QString& text, const QRectF& rect) const {
        if (shown)
            shown->append({panelIndex, period, key, text, rect.toAlignedRect()});
    }
    // Draws `text` in `rect`, shrinking the font (to 60 %) and then eliding until it fits. The laid-out
    // text is cached (QStaticText): a frame repeats the previous frame's strings, and shaping them
    // again each frame would cost most of it.
    void text(const QRectF& rect, const QString& text, const QFont& base, const QColor& colour,
              Qt::Alignment align = Qt::AlignLeft | Qt::AlignVCenter, double minScale = 0.6) const {
        const PreparedText& t = prepared(text, base, rect.width(), minScale);
        QPointF at(rect.left(), rect.top());
        if (align & Qt::AlignHCenter)
            at.rx() += (rect.width() - t.size.width()) / 2;
        else if (align & Qt::AlignRight)
            at.rx() += rect.width() - t.size.width();
        if (align & Qt::AlignVCenter)
            at.ry() += (rect.height() - t.size.height()) / 2;
        else if (align & Qt::AlignBottom)
            at.ry() += rect.height() - t.size.height();
        if (t.font.pixelSize() > kLargestCachedGlyphPx) {
            p.drawImage(at.toPoint(), sprite(t, colour));
            return;
        }
        p.setFont(t.font);
        p.setPen(colour);
        p.drawStaticText(at, t.text);
    }
    void value(const QString& key, const QRectF& rect, const QString& shownText, const QFont& font,
               const QColor& colour, Qt::Alignment align = Qt::AlignLeft | Qt::AlignVCenter,
               double minScale = 0.6) const {
        text(rect, shownText, font, colour, align, minScale);
        record(key, shownText, rect);
    }
};

QString metricKey(const QString& metric) {
    return metric == u"closure"   ? QStringLiteral("closure_rate")
           : metric == u"on_time" ? QStringLiteral("on_time_rate")
                                  : QStringLiteral("satisfaction_rate");
}

double metricOf(const KpiSet& k, const QString& metric) {
    return metric == u"closure" ? k.closureRate : metric == u"on_time" ? k.onTimeRate : k.satisfactionRate;
}

QString metricName(const QString& metric) {
    return metric == u"closure"   ? Tr::tr("办结率")
           : metric == u"on_time" ? Tr::tr("按时办结率")
                                  : Tr::tr("满意率");
}

// The panel frame with its title; returns the content rectangle.
QRectF framePanel(Canvas& c, const QRect& r, const QString& title) {
    const double gap = 6 * c.u;
    const QRectF box = QRectF(r).adjusted(gap, gap, -gap, -gap);
    c.p.fillRect(box, kPanel);
    const double border = std::max(1.0, std::round(1.5 * c.u));
    c.p.fillRect(QRectF(box.left(), box.top(), box.width(), border), kPanelBorder);
    c.p.fillRect(QRectF(box.left(), box.bottom() - border, box.width(), border), kPanelBorder);
    c.p.fillRect(QRectF(box.left(), box.top(), border, box.height()), kPanelBorder);
    c.p.fillRect(QRectF(box.right() - border, box.top(), border, box.height()), kPanelBorder);
    // A short accent bar before the title marks the panel's head.
    c.p.fillRect(QRectF(box.left() + 12 * c.u, box.top() + 14 * c.u, 5 * c.u, 26 * c.u), kAccent);
    const QRectF titleRect(box.left() + 24 * c.u, box.top() + 8 * c.u, box.width() - 36 * c.u, 38 * c.u);
    c.text(titleRect, title, c.font(26, true), kText);
    return QRectF(box.left() + 14 * c.u, titleRect.bottom() + 6 * c.u, box.width() - 28 * c.u,
                  box.bottom() - titleRect.bottom() - 16 * c.u);
}

const PeriodFigures* periodOf(const Canvas& c, const PanelSpec& panel) {
    if (!c.f)
        return nullptr;
    const auto it = c.f->periods.constFind(panel.period);
    return it == c.f->periods.cend() ? nullptr : &*it;
}

void paintHeader(Canvas& c, const PanelSpec&, const QRect& r) {
    const QRectF box = QRectF(r).adjusted(10 * c.u, 4 * c.u, -10 * c.u, -4 * c.u);
    c.p.fillRect(box, QColor(0x10, 0x22, 0x3c));
    c.p.fillRect(QRectF(box.left(), box.bottom() - 3 * c.u, box.width(), 3 * c.u), kAccent);
    const QString county = c.f ? c.f->countyName : QString();
    c.text(QRectF(box.left(), box.top(), box.width() * 0.6, box.height()),
           Tr::tr("%1 · 网格化指挥中心 · 综合态势").arg(county), c.font(40, true), kText);
    const QString asOf =
        c.f ? Tr::tr("数据截至 %1").arg(c.f->asOf.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")))
            : Tr::tr("正在读取数据…");
    c.text(QRectF(box.left() + box.width() * 0.6, box.top(), box.width() * 0.4, box.height()), asOf,
           c.font(28), kMuted, Qt::AlignRight | Qt::AlignVCenter);
}

void paintKpis(Canvas& c, const PanelSpec& panel, const QRect& r) {
    const PeriodFigures* pf = periodOf(c, panel);
    const QString periodName = Period::of(panel.period, QDateTime::currentDateTime())->displayName();
    const QRectF area =
        framePanel(c, r, panel.title.isEmpty() ? Tr::tr("%1工单").arg(periodName) : panel.title);
    if (!pf)
        return;
    const KpiSet& k = pf->kpis;
    struct Tile {
        QString key, label, text;
        QColor colour;
    };
    const auto rateColour = [&](double rate, double floor) {
        return rate < 0 ? kMuted : rate < floor ? kBad : kText;
    };
    const auto rateText = [&](double rate, double floor) {
        // Below the floor: a ▼ before the number, so the mark is not colour alone.
        return rate >= 0 && rate < floor ? QStringLiteral("▼") + DashboardPainter::percent(rate)
                                         : DashboardPainter::percent(rate);
    };
    const QList<Tile> tiles{
        {QStringLiteral("received"), Tr::tr("受理"), QString::number(k.received), kText},
        {QStringLiteral("closed"), Tr::tr("办结"), QString::number(k.closed), kText},
        {QStringLiteral("closure_rate"), Tr::tr("办结率"), rateText(k.closureRate, c.layout.closureFloor),
         rateColour(k.closureRate, c.layout.closureFloor)},
        {QStringLiteral("on_time_rate"), Tr::tr("按时办结率"), rateText(k.onTimeRate, c.layout.onTimeFloor),
         rateColour(k.onTimeRate, c.layout.onTimeFloor)},
        {QStringLiteral("satisfaction_rate"), Tr::tr("满意率"),
         rateText(k.satisfactionRate, c.layout.satisfactionFloor),
         rateColour(k.satisfactionRate, c.layout.satisfactionFloor)},
        {QStringLiteral("overdue"), Tr::tr("超期"),
         k.overdue > 0 ? QStringLiteral("⚠") + QString::number(k.overdue) : QStringLiteral("0"),
         k.overdue > 0 ? kWarn : kText},
    };
    const int cols = area.width() > area.height() * 2.6 ? 3 : 2;
    const int rows = (int(tiles.size()) + cols - 1) / cols;
    const double w = area.width() / cols, h = area.height() / rows;
    for (int i = 0; i < tiles.size(); ++i) {
        const QRectF cell(area.left() + (i % cols) * w, area.top() + (i / cols) * h, w, h);
        const QRectF inner = cell.adjusted(4 * c.u, 4 * c.u, -4 * c.u, -4 * c.u);
        c.p.fillRect(inner, QColor(0x13, 0x24, 0x3b));
        const double labelH = std::min(inner.height() * 0.38, 34 * c.u);
        const double valueH = inner.height() - labelH;
        // The number as large as its room allows, at most 54 units.
        c.value(tiles[i].key, QRectF(inner.left() + 8 * c.u, inner.top(), inner.width() - 16 * c.u, valueH),
                tiles[i].text, c.font(std::min(54.0, valueH / c.u * 0.78), true), tiles[i].colour,
                Qt::AlignHCenter | Qt::AlignVCenter);
        c.text(QRectF(inner.left(), inner.bottom() - labelH, inner.width(), labelH - 4 * c.u), tiles[i].label,
               c.font(std::min(24.0, labelH / c.u * 0.75)), kMuted, Qt::AlignHCenter | Qt::AlignVCenter);
    }
}

void paintOpenByState(Canvas& c, const PanelSpec& panel, const QRect& r) {
    const PeriodFigures* pf = periodOf(c, panel);
    const QString periodName = Period::of(panel.period, QDateTime::currentDateTime())->displayName();
    const QRectF area =
        framePanel(c, r, panel.title.isEmpty() ? Tr::tr("在办工单（%1受理）").arg(periodName) : panel.title);
    if (!pf)
        return;
    const QList<TicketState> states{TicketState::Received,   TicketState::Accepted, TicketState::Dispatched,
                                    TicketState::InProgress, TicketState::Returned, TicketState::Resolved};
    int max = 1;
    for (TicketState s : states)
        max = std::max(max, pf->openByState.value(s));
    const int cols = 2;
    const int rows = 3;
    const double w = area.width() / cols, h = area.height() / rows;
    for (int i = 0; i < states.size(); ++i) {
        const QRectF cell(area.left() + (i % cols) * w + 4 * c.u, area.top() + (i / cols) * h, w - 16 * c.u,
                          h);
        const int n = pf->openByState.value(states[i]);
        const double barH = std::max(3.0, 5 * c.u);
        const QRectF line(cell.left(), cell.top(), cell.width(), cell.height() - barH - 4 * c.u);
        c.text(QRectF(line.left(), line.top(), line.width() * 0.62, line.height()), displayName(states[i]),
               c.font(24), kMuted);
        c.value(QStringLiteral("open:") + toKey(states[i]),
                QRectF(line.left() + line.width() * 0.62, line.top(), line.width() * 0.38, line.height()),
                QString::number(n), c.font(28, true), kText, Qt::AlignRight | Qt::AlignVCenter);
        c.p.fillRect(QRectF(cell.left(), line.bottom(), cell.width(), barH), kGridLine);
        c.p.fillRect(QRectF(cell.left(), line.bottom(), cell.width() * n / max, barH), kAccent);
    }
}

void paintSourceMix(Canvas& c, const PanelSpec& panel, const QRect& r) {
    const PeriodFigures* pf = periodOf(c, panel);
    const QString periodName = Period::of(panel.period, QDateTime::currentDateTime())->displayName();
    const QRectF area =
        framePanel(c, r, panel.title.isEmpty() ? Tr::tr("工单来源（%1）").arg(periodName) : panel.title);
    if (!pf)
        return;
    const QList<TicketSource> sources{TicketSource::Patrol, TicketSource::CitizenApp,
                                      TicketSource::Hotline12345, TicketSource::Video, TicketSource::Other};
    const QList<QColor> colours{kAccent, kGood, kWarn, QColor(0xb0, 0x8c, 0xff), kMuted};
    const QList<Qt::BrushStyle> patterns{Qt::SolidPattern, Qt::BDiagPattern, Qt::Dense4Pattern,
                                         Qt::CrossPattern, Qt::HorPattern};
    int total = 0;
    for (TicketSource s : sources)
        total += pf->received.value(s);
    // One stacked bar (each source with its own pattern as well as colour), then one row per source.
    const QRectF bar(area.left(), area.top() + 4 * c.u, area.width(), 30 * c.u);
    double x = bar.left();
    for (int i = 0; i < sources.size(); ++i) {
        const int n = pf->received.value(sources[i]);
        if (total <= 0 || n <= 0)
            continue;
        const double w = bar.width() * n / total;
        const QRectF seg(x, bar.top(), w, bar.height());
        c.p.fillRect(seg, colours[i]);
        if (patterns[i] != Qt::SolidPattern)
            c.p.fillRect(seg, QBrush(QColor(0, 0, 0, 150), patterns[i]));
        x += w;
    }
    const double rowH = (area.bottom() - bar.bottom() - 6 * c.u) / sources.size();
    for (int i = 0; i < sources.size(); ++i) {
        const QRectF row(area.left(), bar.bottom() + 6 * c.u + i * rowH, area.width(), rowH);
        const double sw = std::min(rowH * 0.6, 24 * c.u);
        const QRectF swatch(row.left(), row.center().y() - sw / 2, sw, sw);
        c.p.fillRect(swatch, colours[i]);
        if (patterns[i] != Qt::SolidPattern)
            c.p.fillRect(swatch, QBrush(QColor(0, 0, 0, 150), patterns[i]));
        c.text(QRectF(swatch.right() + 10 * c.u, row.top(), row.width() * 0.45, row.height()),
               displayName(sources[i]), c.font(24), kText);
        const int n = pf->received.value(sources[i]);
        c.value(QStringLiteral("source:") + toKey(sources[i]),
                QRectF(row.left() + row.width() * 0.5, row.top(), row.width() * 0.25, row.height()),
                QString::number(n), c.font(26, true), kText, Qt::AlignRight | Qt::AlignVCenter);
        c.text(QRectF(row.left() + row.width() * 0.75, row.top(), row.width() * 0.25, row.height()),
               total > 0 ? DashboardPainter::percent(double(n) / total) : QStringLiteral("—"), c.font(24),
               kMuted, Qt::AlignRight | Qt::AlignVCenter);
    }
}

// Axis frame shared by the two charts: y gridlines with their values; returns the plot rectangle.
QRectF chartAxes(Canvas& c, const QRectF& area, double maxValue, bool percentAxis, double minValue = 0) {
    const QFont axisFont = c.font(20);
    const double labelW = QFontMetricsF(axisFont).horizontalAdvance(
                              percentAxis ? QStringLiteral("100%") : QString::number(int(maxValue)) + u' ') +
                          8 * c.u;
    const QRectF plot(area.left() + labelW, area.top() + 8 * c.u, area.width() - labelW - 6 * c.u,
                      area.height() - 44 * c.u);
    c.p.setPen(QPen(kGridLine, std::max(1.0, c.u)));
    for (int i = 0; i <= 4; ++i) {
        const double y = plot.bottom() - plot.height() * i / 4;
        c.p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        const double v = minValue + (maxValue - minValue) * i / 4;
        c.text(QRectF(area.left(), y - 14 * c.u, labelW - 6 * c.u, 28 * c.u),
               percentAxis ? QString::number(v * 100, 'f', 0) + u'%' : QString::number(std::lround(v)),
               axisFont, kMuted, Qt::AlignRight | Qt::AlignVCenter);
    }
    return plot;
}

// The top of an axis with four gridlines at round steps (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k).
double niceCeiling(double v) {
    if (v <= 0)
        return 4;
    const double quarter = v / 4;
    const double magnitude = std::pow(10.0, std::floor(std::log10(quarter)));
    for (double m : {1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0})
        if (m * magnitude >= quarter)
            return 4 * m * magnitude;
    return 40 * magnitude;
}

void paintTrend(Canvas& c, const PanelSpec& panel, const QRect& r) {
    const QRectF area =
        framePanel(c, r,
                   panel.title.isEmpty() ? Tr::tr("近%1天 受理与办结（按受理日）").arg(c.layout.trendDays)
                                         : panel.title);
    if (!c.f || c.f->daily.isEmpty())
        return;
    const QList<DailyPoint>& days = c.f->daily;
    // Legend: received solid with dots, closed dashed with squares.
    const double legendH = 30 * c.u;
    const QRectF legend(area.left(), area.top(), area.width(), legendH);
    const auto legendItem = [&](double x, const QString& label, Qt::PenStyle style, bool square,
                                const QColor& colour) {
        c.p.setPen(QPen(colour, 3 * c.u, style));
        c.p.drawLine(QPointF(x, legend.center().y()), QPointF(x + 40 * c.u, legend.center().y()));
        c.p.setBrush(colour);
        c.p.setPen(Qt::NoPen);
        const QRectF m(x + 14 * c.u, legend.center().y() - 6 * c.u, 12 * c.u, 12 * c.u);
        square ? c.p.drawRect(m) : c.p.drawEllipse(m);
        c.text(QRectF(x + 48 * c.u, legend.top(), 200 * c.u, legendH), label, c.font(22), kText);
    };
    legendItem(legend.left() + 10 * c.u, Tr::tr("受理"), Qt::SolidLine, false, kAccent);
    legendItem(legend.left() + 170 * c.u, Tr::tr("其中已办结"), Qt::DashLine, true, kGood);
    int max = 1;
    for (const DailyPoint& d : days)
        max = std::max(max, d.received);
    const double top = niceCeiling(max);
    const QRectF plot = chartAxes(c, area.adjusted(0, legendH, 0, 0), top, false);
    const auto at = [&](int i, int v) {
        return QPointF(plot.left() + plot.width() * (i + 0.5) / days.size(),
                       plot.bottom() - plot.height() * v / top);
    };
    // Smooth lines where pixels are large; at 4K the 6 px lines need no antialiasing, which costs a
    // third of the frame there.
    c.p.setRenderHint(QPainter::Antialiasing, c.u < 1.5);
    for (int series = 0; series < 2; ++series) {
        QPainterPath path;
        for (int i = 0; i < days.size(); ++i) {
            const QPointF pt = at(i, series == 0 ? days[i].received : days[i].closed);
            i == 0 ? path.moveTo(pt) : path.lineTo(pt);
        }
        const QColor colour = series == 0 ? kAccent : kGood;
        c.p.setPen(QPen(colour, 3 * c.u, series == 0 ? Qt::SolidLine : Qt::DashLine));
        c.p.setBrush(Qt::NoBrush);
        c.p.drawPath(path);
        c.p.setPen(Qt::NoPen);
        c.p.setBrush(colour);
        for (int i = 0; i < days.size(); ++i) {
            const QPointF pt = at(i, series == 0 ? days[i].received : days[i].closed);
            const QRectF m(pt.x() - 5 * c.u, pt.y() - 5 * c.u, 10 * c.u, 10 * c.u);
            series == 0 ? c.p.drawEllipse(m) : c.p.drawRect(m);
        }
    }
    c.p.setRenderHint(QPainter::Antialiasing, false);
    // Dates under every fifth day and the last; each day's numbers are recorded.
    const QFont axisFont = c.font(20);
    for (int i = 0; i < days.size(); ++i) {
        if (i % 5 != 0 && i != days.size() - 1)
            continue;
        const QPointF pt = at(i, 0);
        c.text(QRectF(pt.x() - 40 * c.u, plot.bottom() + 6 * c.u, 80 * c.u, 28 * c.u),
               days[i].day.toString(QStringLiteral("M/d")), axisFont, kMuted, Qt::AlignCenter);
    }
    for (int i = 0; i < days.size(); ++i) {
        c.record(QStringLiteral("daily_received:") + days[i].day.toString(Qt::ISODate),
                 QString::number(days[i].received), QRectF(at(i, days[i].received), QSizeF(1, 1)));
        c.record(QStringLiteral("daily_closed:") + days[i].day.toString(Qt::ISODate),
                 QString::number(days[i].closed), QRectF(at(i, days[i].closed), QSizeF(1, 1)));
    }
}

void paintSatisfaction(Canvas& c, const PanelSpec& panel, const QRect& r) {
    const QRectF area = framePanel(c, r, panel.title.isEmpty() ? Tr::tr("满意率（按周）") : panel.title);
    if (!c.f || c.f->weekly.isEmpty())
        return;
    const QList<WeeklyPoint>& weeks = c.f->weekly;
    const double floor = c.layout.satisfactionFloor;
    const double minV = 0.5; // the axis starts at 50 %: the differences that matter sit above it
    // The floor's note on the first row, the bars' labels on the second.
    const QRectF plot = chartAxes(c, area.adjusted(0, 64 * c.u, 0, 0), 1.0, true, minV);
    const double slot = plot.width() / weeks.size();
    const auto yOf = [&](double v) {
        return plot.bottom() - plot.height() * (std::max(v, minV) - minV) / (1 - minV);
    };
    for (int i = 0; i < weeks.size(); ++i) {
        const WeeklyPoint& w = weeks[i];
        const QRectF column(plot.left() + slot * i + slot * 0.18, plot.top(), slot * 0.64, plot.height());
        QString label = DashboardPainter::percent(w.satisfaction);
        if (w.satisfaction >= 0) {
            const QRectF bar(column.left(), yOf(w.satisfaction), column.width(),
                             plot.bottom() - yOf(w.satisfaction));
            const bool below = w.satisfaction < floor;
            c.p.fillRect(bar, below ? kBad : kGood);
            if (below) { // hatched and signed, not only red
                c.p.fillRect(bar, QBrush(QColor(0, 0, 0, 140), Qt::BDiagPattern));
                label = QStringLiteral("▼") + label;
            }
        }
        c.value(QStringLiteral("weekly_satisfaction:") + w.monday.toString(Qt::ISODate),
                QRectF(column.left() - slot * 0.18, yOf(std::max(w.satisfaction, minV)) - 30 * c.u, slot,
                       28 * c.u),
                label, c.font(20, true), kText, Qt::AlignCenter);
        c.text(QRectF(column.left() - slot * 0.18, plot.bottom() + 6 * c.u, slot, 28 * c.u),
               // "11/23周" in Chinese; English needs no week marker under a "weekly" title.
               w.monday.toString(Tr::tr("M/d周", "date format of a week's Monday")), c.font(20), kMuted,
               Qt::AlignCenter);
    }
    const double fy = yOf(floor);
    c.p.setPen(QPen(kWarn, 2 * c.u, Qt::DashLine));
    c.p.drawLine(QPointF(plot.left(), fy), QPointF(plot.right(), fy));
    c.text(QRectF(area.left(), area.top(), area.width(), 28 * c.u),
           Tr::tr("虚线：下限 %1；低于下限 ▼ 加斜线").arg(DashboardPainter::percent(floor)), c.font(20),
           kWarn, Qt::AlignRight | Qt::AlignVCenter);
}

void paintRanking(Canvas& c, const PanelSpec& panel, const QRect& r) {
    const bool streets = panel.group == u"street";
    const QString periodName = Period::of(panel.period, QDateTime::currentDateTime())->displayName();
    const QRectF area = framePanel(c, r,
                                   panel.title.isEmpty() ? Tr::tr("%1排名 · %2 · %3由低到高")
                                                               .arg(streets ? Tr::tr("街道") : Tr::tr("部门"),
                                                                    periodName, metricName(panel.metric))
                                                         : panel.title);
    if (!c.f)
        return;
    const QList<RankingRow> rows = c.f->rankings.value(panel.group + u'/' + panel.period);
    const double floor = c.layout.floorOf(panel.metric);
    int below = 0;
    for (const RankingRow& row : rows)
        below += metricOf(row.kpis, panel.metric) >= 0 && metricOf(row.kpis, panel.metric) < floor;
    const double rowH = 38 * c.u;
    const QStringList metrics{QStringLiteral("closure"), QStringLiteral("on_time"),
                              QStringLiteral("satisfaction")};
    // Columns: name, received, the three rates; the ranked metric is bold.
    const double nameW = area.width() * 0.38, numW = area.width() * 0.12,
                 rateW = (area.width() - nameW - numW) / 3;
    const QFont head = c.font(20), body = c.font(24), bold = c.font(24, true);
    double y = area.top();
    c.text(QRectF(area.left(), y, nameW, rowH), streets ? Tr::tr("街道") : Tr::tr("部门"), head, kMuted);
    c.text(QRectF(area.left() + nameW, y, numW, rowH), Tr::tr("受理"), head, kMuted,
           Qt::AlignRight | Qt::AlignVCenter);
    for (int m = 0; m < metrics.size(); ++m)
        c.text(QRectF(area.left() + nameW + numW + m * rateW, y, rateW, rowH), metricName(metrics[m]), head,
               metrics[m] == panel.metric ? kText : kMuted, Qt::AlignRight | Qt::AlignVCenter);
    y += rowH;
    const double footerH = 34 * c.u;
    const int fit = std::max(0, int((area.bottom() - y - footerH) / rowH));
    for (int i = 0; i < std::min<int>(fit, int(rows.size())); ++i, y += rowH) {
        const RankingRow& row = rows[i];
        const double v = metricOf(row.kpis, panel.metric);
        const bool isBelow = v >= 0 && v < floor;
        if (i % 2 == 1)
            c.p.fillRect(QRectF(area.left(), y, area.width(), rowH), QColor(0x13, 0x24, 0x3b));
        const QString prefix = streets ? QStringLiteral("street:") : QStringLiteral("department:");
        c.value(prefix + row.code + QStringLiteral(":name"),
                QRectF(area.left() + 4 * c.u, y, nameW - 8 * c.u, rowH),
                (isBelow ? QStringLiteral("▼ ") : QString()) + row.name, body, isBelow ? kBad : kText);
        c.value(prefix + row.code + QStringLiteral(":received"), QRectF(area.left() + nameW, y, numW, rowH),
                QString::number(row.kpis.received), body, kText, Qt::AlignRight | Qt::AlignVCenter);
        for (int m = 0; m < metrics.size(); ++m) {
            const double mv = metricOf(row.kpis, metrics[m]);
            const bool ranked = metrics[m] == panel.metric;
            const bool mBelow = mv >= 0 && mv < c.layout.floorOf(metrics[m]);
            c.value(prefix + row.code + u':' + metricKey(metrics[m]),
                    QRectF(area.left() + nameW + numW + m * rateW, y, rateW, rowH),
                    // Every rate below its floor signed, not only the ranked one.
                    (mBelow ? QStringLiteral("▼") : QString()) + DashboardPainter::percent(mv),
                    ranked ? bold : body,
                    mBelow   ? kBad
                    : ranked ? kText
                             : kMuted,
                    Qt::AlignRight | Qt::AlignVCenter);
        }
    }
    c.value(QStringLiteral("below_floor"),
            QRectF(area.left(), area.bottom() - footerH, area.width(), footerH),
            Tr::tr("▼ 低于下限（%1 %2）：%3 个，共 %4 个")
                .arg(metricName(panel.metric), DashboardPainter::percent(floor))
                .arg(below)
                .arg(rows.size()),
            c.font(22), below > 0 ? kBad : kMuted);
}

QRectF mapImageArea(const QRectF& content, double u) {
    // A legend strip on the right.
    return QRectF(content.left(), content.top(), content.width() - 230 * u, content.height());
}

void paintMap(Canvas& c, const PanelSpec& panel, const QRect& r) {
    const QRectF area =
        framePanel(c, r, panel.title.isEmpty() ? Tr::tr("县域五色风险与工单热力") : panel.title);
    const QRectF image = mapImageArea(area, c.u);
    if (c.f && !c.f->map.isNull())
        c.p.drawImage(image.topLeft().toPoint(), c.f->map); // whole pixels: a plain blit
    else
        c.text(image, Tr::tr("正在绘制地图…"), c.font(26), kMuted, Qt::AlignCenter);
    // Legend: each band's colour with its hatch (accessible mode) and its grid count.
    double y = area.top() + 4 * c.u;
    const double x = image.right() + 16 * c.u;
    const double rowH = std::min(46 * c.u, area.height() / 9);
    for (int b = kRiskLevelCount - 1; b >= 0; --b, y += rowH) {
        const auto band = static_cast<RiskLevel>(b);
        const QRectF swatch(x, y + rowH * 0.15, rowH * 0.7, rowH * 0.7);
        c.p.fillRect(swatch, map::RiskStyle::fillColor(band));
        if (panel.hatch)
            c.p.fillRect(swatch, QBrush(map::RiskStyle::hatchColor(), map::RiskStyle::hatch(band)));
        c.text(QRectF(swatch.right() + 8 * c.u, y, 90 * c.u, rowH), RiskLevels::displayName(band), c.font(22),
               kText);
        c.value(QStringLiteral("band:") + RiskLevels::key(band),
                QRectF(swatch.right() + 90 * c.u, y, area.right() - swatch.right() - 90 * c.u, rowH),
                c.f ? QString::number(c.f->gridBands.value(band)) : QString(), c.font(22, true), kText,
                Qt::AlignRight | Qt::AlignVCenter);
    }
    if (panel.layer == u"heat") {
        y += rowH * 0.3;
        QLinearGradient g(QPointF(x, 0), QPointF(area.right(), 0));
        g.setColorAt(0, QColor(255, 64, 255, 70));
        g.setColorAt(1, QColor(255, 255, 255, 230));
        c.p.fillRect(QRectF(x, y, area.right() - x, rowH * 0.5), g);
        c.text(QRectF(x, y + rowH * 0.55, area.right() - x, rowH * 0.7), Tr::tr("热力：近7天工单"),
               c.font(20), kMuted);
        c.text(QRectF(x, y + rowH * 1.25, area.right() - x, rowH * 0.7), Tr::tr("少 → 多"), c.font(20),
               kMuted);
    }
}

void paintWorkers(Canvas& c, const PanelSpec& panel, const QRect& r) {
    const QRectF area = framePanel(c, r, panel.title.isEmpty() ? Tr::tr("网格员在线") : panel.title);
    if (!c.f)
        return;
    const int online = c.f->workersOnline, total = c.f->workersTotal;
    const QRectF top(area.left(), area.top(), area.width(), area.height() * 0.62);
    c.value(QStringLiteral("workers_online"), QRectF(top.left(), top.top(), top.width() * 0.5, top.height()),
            QString::number(online), c.font(std::min(60.0, top.height() / c.u * 0.8), true), kGood,
            Qt::AlignRight | Qt::AlignVCenter);
    c.value(QStringLiteral("workers_total"),
            QRectF(top.left() + top.width() * 0.52, top.top(), top.width() * 0.48, top.height()),
            Tr::tr("/ %1 人在线").arg(total), c.font(30), kText);
    const QRectF bar(area.left(), top.bottom() + 4 * c.u, area.width(),
                     std::min(18 * c.u, area.bottom() - top.bottom() - 4 * c.u));
    c.p.fillRect(bar, kGridLine);
    if (total > 0)
        c.p.fillRect(QRectF(bar.left(), bar.top(), bar.width() * online / total, bar.height()), kGood);
}

void paintAlerts(Canvas& c, const PanelSpec& panel, const QRect& r) {
    const QRectF area = framePanel(c, r, panel.title.isEmpty() ? Tr::tr("实时预警") : panel.title);
    if (!c.f)
        return;
    const QList<AlertItem>& alerts = c.f->alerts;
    if (alerts.isEmpty()) {
        c.text(area, Tr::tr("暂无预警"), c.font(26), kMuted, Qt::AlignCenter);
        return;
    }
    const double rowH = 40 * c.u;
    const int fit = std::max(1, int(area.height() / rowH));
    const int first = alerts.size() > fit ? c.state.alertOffset % int(alerts.size()) : 0;
    const QFont tagFont = c.font(20, true), body = c.font(22);
    for (int i = 0; i < std::min<int>(fit, int(alerts.size())); ++i) {
        const AlertItem& a = alerts[(first + i) % alerts.size()];
        const QRectF row(area.left(), area.top() + i * rowH, area.width(), rowH);
        // The kind is a word in a tag (超期 / 转红 / 迟到), its colour only a second cue.
        const QString tag = a.kind == AlertItem::Kind::OverdueUrgent   ? Tr::tr("超期")
                            : a.kind == AlertItem::Kind::GridTurnedRed ? Tr::tr("转红")
                                                                       : Tr::tr("迟到");
        const QColor colour = a.kind == AlertItem::Kind::GridTurnedRed   ? kBad
                              : a.kind == AlertItem::Kind::OverdueUrgent ? kWarn
                                                                         : QColor(0xb0, 0x8c, 0xff);
        const QRectF tagRect(row.left(), row.top() + 5 * c.u, 64 * c.u, rowH - 10 * c.u);
        c.p.setPen(Qt::NoPen);
        c.p.setBrush(colour);
        c.p.drawRoundedRect(tagRect, 4 * c.u, 4 * c.u);
        c.text(tagRect, tag, tagFont, kBackground, Qt::AlignCenter);
        c.text(QRectF(tagRect.right() + 8 * c.u, row.top(), 80 * c.u, rowH),
               a.at.toTimeZone(chinaTimeZone()).toString(QStringLiteral("HH:mm")), body, kMuted);
        c.value(QStringLiteral("alert"),
                QRectF(tagRect.right() + 90 * c.u, row.top(), row.right() - tagRect.right() - 90 * c.u, rowH),
                a.text, body, kText, Qt::AlignLeft | Qt::AlignVCenter, 0.85);
    }
}

} // namespace

QString DashboardPainter::percent(double rate) {
    return rate < 0 ? QStringLiteral("—") : QString::number(rate * 100, 'f', 1) + u'%';
}

QRect DashboardPainter::mapImageRect(const DashboardLayout& layout, QSize size) {
    const PanelSpec* panel = layout.firstPanel(QStringLiteral("map"));
    if (!panel)
        return {};
    const double u = size.height() / 1080.0;
    // The same arithmetic as framePanel: the gap, then the title row.
    const QRectF box = QRectF(layout.panelRect(*panel, size)).adjusted(6 * u, 6 * u, -6 * u, -6 * u);
    const double titleBottom = box.top() + 8 * u + 38 * u;
    const QRectF content(box.left() + 14 * u, titleBottom + 6 * u, box.width() - 28 * u,
                         box.bottom() - titleBottom - 16 * u);
    const QRectF image = mapImageArea(content, u);
    return QRect(image.topLeft().toPoint(), QSize(int(image.width()), int(image.height())));
}

void DashboardPainter::paint(QPainter& painter, QSize size, const DashboardLayout& layout,
                             const DashboardFigures* figures, const State& state, QList<ShownValue>* shown) {
    painter.save();
    painter.setRenderHint(QPainter::TextAntialiasing);
    // The ground only between the panels (each panel fills its own box): a 4K frame is 33 MB, and
    // writing it twice costs more than everything drawn on it.
    const double gap = std::ceil(6 * size.height() / 1080.0);
    QRegion ground(QRect(QPoint(0, 0), size));
    for (const PanelSpec& panel : layout.panels)
        if (panel.type != u"header")
            ground -= layout.panelRect(panel, size).adjusted(int(gap), int(gap), -int(gap), -int(gap));
    for (const QRect& r : ground)
        painter.fillRect(r, kBackground);
    Canvas c{painter, size, size.height() / 1080.0, layout, figures, state, shown};
    using PaintPanel = void (*)(Canvas&, const PanelSpec&, const QRect&);
    const QHash<QString, PaintPanel> painters{{QStringLiteral("header"), paintHeader},
                                              {QStringLiteral("kpis"), paintKpis},
                                              {QStringLiteral("open_by_state"), paintOpenByState},
                                              {QStringLiteral("source_mix"), paintSourceMix},
                                              {QStringLiteral("trend"), paintTrend},
                                              {QStringLiteral("satisfaction"), paintSatisfaction},
                                              {QStringLiteral("ranking"), paintRanking},
                                              {QStringLiteral("map"), paintMap},
                                              {QStringLiteral("workers"), paintWorkers},
                                              {QStringLiteral("alerts"), paintAlerts}};
    for (int i = 0; i < layout.panels.size(); ++i) {
        const PanelSpec& panel = layout.panels[i];
        c.panelIndex = i;
        c.period = panel.type == u"kpis" || panel.type == u"open_by_state" || panel.type == u"ranking" ||
                           panel.type == u"source_mix"
                       ? panel.period
                       : QString();
        QElapsedTimer timer;
        timer.start();
        painters.value(panel.type)(c, panel, layout.panelRect(panel, size));
        if (state.panelMs)
            state.panelMs->append(timer.nsecsElapsed() / 1e6);
    }
    if (!state.error.isEmpty()) {
        const QRectF band(0, size.height() * 0.4, size.width(), size.height() * 0.2);
        painter.fillRect(band, QColor(0x40, 0x08, 0x10, 230));
        c.text(band.adjusted(40 * c.u, 0, -40 * c.u, 0), state.error, c.font(36, true), kText,
               Qt::AlignCenter);
    }
    painter.restore();
}

} // namespace gc::dashboard
