#include "gc/workers/WorkerOverlay.h"

#include "gc/core/ChinaTime.h"

#include <QCoreApplication>
#include <QHash>
#include <QPainterPath>
#include <cmath>

// The messages keep the translation context they had before the class moved out of feed.
namespace gc::workers {

namespace {
constexpr double kHitRadiusPx = 8;
constexpr double kNameResolution = 4.0;     // m/px: names from about street level in
constexpr double kHeadingResolution = 20.0; // m/px: heading ticks from about community level in
constexpr int kSpriteSize = 14;
// Zoomed out to streets and the whole county, workers crowd the central streets (885 in the demo
// county's centre, tens of thousands in the largest): a filled symbol each would bury the risk
// colours and the names. There they are hollow rings, the grid's colour showing through the
// middle and between them, a white edge keeping the ring apart from any of the five colours;
// the names are drawn over them (MapFrame::kLabelZ). A hollow ring still says where each worker
// is and, by its colour, whether it is online, which a density overlay would not.
constexpr double kHollowResolution = 20.0; // m/px: about community level and out
constexpr int kHollowSize = 9;
// More than kDotCrowd workers in view at county scale: smaller and thinner rings.
constexpr double kDotResolution = 40.0; // m/px
constexpr size_t kDotCrowd = 3000;
constexpr int kCrowdSize = 6;
// Workers are white dots with a ring in the status colour: they stay visible on every
// risk colour of the grids beneath (green, blue, yellow, orange, red).
QColor colour(WorkerStatus s) {
    switch (s) {
    case WorkerStatus::Online:
        return QColor(0x0d, 0x2f, 0x8c);
    case WorkerStatus::Stale:
        return QColor(0xc7, 0x6a, 0x00);
    case WorkerStatus::Offline:
        return QColor(0x6b, 0x70, 0x78);
    }
    return Qt::black;
}

constexpr int kHeadingBuckets = 36; // 10 degrees each
constexpr double kHeadingTickLength = 6;

enum class Symbol { Full, Hollow, HollowCrowd };

// Premultiplied ARGB like the canvas image, so a blit is the fast blend. A worker costs one blit,
// not an antialiased path; with a heading tick (one sprite per 10 degrees) from community zoom
// in. `headingBucket` -1: no tick.
const QImage& sprite(WorkerStatus s, Symbol symbol, int headingBucket) {
    static QHash<int, QImage> cache;
    const int key = (int(s) * 3 + int(symbol)) * (kHeadingBuckets + 1) + headingBucket + 1;
    QImage& image = cache[key];
    if (!image.isNull())
        return image;
    const int dot = symbol == Symbol::Full     ? kSpriteSize
                    : symbol == Symbol::Hollow ? kHollowSize
                                               : kCrowdSize;
    const int size = headingBucket < 0 ? dot : dot + 2 * int(kHeadingTickLength + 1);
    image = QImage(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    const QPointF centre(size / 2.0, size / 2.0);
    if (symbol != Symbol::Full) {
        const double ring = symbol == Symbol::Hollow ? 1.8 : 1.3;
        const double radius = dot / 2.0 - 0.5 - ring / 2;
        p.setBrush(Qt::NoBrush);
        if (symbol == Symbol::Hollow) {
            p.setPen(QPen(QColor(255, 255, 255, 220), ring + 1.6));
            p.drawEllipse(centre, radius, radius);
        }
        p.setPen(QPen(colour(s), ring));
        p.drawEllipse(centre, radius, radius);
        return image;
    }
    if (headingBucket >= 0) {
        const double a = headingBucket * (360.0 / kHeadingBuckets) * M_PI / 180;
        const QPointF dir(std::sin(a), -std::cos(a));
        const double radius = dot / 2.0 - 2;
        p.setPen(QPen(colour(s).darker(130), 2));
        p.drawLine(centre + dir * radius, centre + dir * (radius + kHeadingTickLength));
    }
    p.setPen(QPen(colour(s), 2.5));
    p.setBrush(s == WorkerStatus::Offline ? QColor(0xd0, 0xd3, 0xd8) : QColor(Qt::white));
    p.drawEllipse(centre, dot / 2.0 - 1.5, dot / 2.0 - 1.5);
    return image;
}

} // namespace

WorkerOverlay::WorkerOverlay(WorkerListModel* model, QObject* parent)
    : map::MapOverlay(parent), m_model(model) {
    m_repaint.setSingleShot(true);
    m_repaint.setInterval(100);
    connect(&m_repaint, &QTimer::timeout, this, &map::MapOverlay::changed);
    connect(model, &QAbstractItemModel::dataChanged, this, &WorkerOverlay::scheduleRepaint);
    connect(model, &QAbstractItemModel::modelReset, this, &WorkerOverlay::scheduleRepaint);
}

void WorkerOverlay::scheduleRepaint() {
    if (!m_repaint.isActive())
        m_repaint.start();
}

void WorkerOverlay::setSelectedWorker(qint64 workerId, const QList<PositionFix>& trail) {
    m_selected = workerId;
    m_trail.clear();
    for (const PositionFix& f : trail)
        m_trail << QPointF(f.lon, f.lat);
    scheduleRepaint();
}

void WorkerOverlay::appendToTrail(const QList<PositionFix>& fixes) {
    for (const PositionFix& fix : fixes)
        if (fix.workerId == m_selected && m_selected != 0) {
            m_trail << QPointF(fix.lon, fix.lat);
            scheduleRepaint();
        }
}

void WorkerOverlay::paint(QPainter& painter, const map::MapViewport& viewport,
                          const map::GridLayerData& data) {
    if (!m_model)
        return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QRectF visible = QRectF(QPointF(0, 0), QSizeF(viewport.size())).adjusted(-20, -20, 20, 20);
    if (m_trail.size() > 1) {
        QPolygonF line;
        for (const QPointF& lonLat : std::as_const(m_trail))
            line << viewport.toPixel(data.project(lonLat));
        painter.setPen(QPen(QColor(0x1f, 0x6f, 0xd0, 200), 2.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.drawPolyline(line);
    }
    const bool names = viewport.resolution() <= kNameResolution;
    const bool headings = viewport.resolution() <= kHeadingResolution;
    const auto& rows = m_model->rows();
    if (m_projected.size() != size_t(rows.size()) || m_projectedFor != &data) {
        m_projected.assign(size_t(rows.size()), Projected{});
        m_projectedFor = &data;
    }
    // One pass per status so offline workers sit below the online ones; the selected worker is
    // drawn last, on top of all.
    const int selectedRow = m_model->rowOf(m_selected);
    std::vector<int> byStatus[3];
    for (int i = 0; i < rows.size(); ++i)
        if (rows.at(i).worker.lastAt.isValid() && i != selectedRow)
            byStatus[int(rows.at(i).status)].push_back(i);
    const size_t placed = byStatus[0].size() + byStatus[1].size() + byStatus[2].size();
    const Symbol symbol = viewport.resolution() <= kHollowResolution                     ? Symbol::Full
                          : viewport.resolution() > kDotResolution && placed > kDotCrowd ? Symbol::HollowCrowd
                                                                                         : Symbol::Hollow;
    for (const WorkerStatus pass : {WorkerStatus::Offline, WorkerStatus::Stale, WorkerStatus::Online}) {
        for (const int i : byStatus[int(pass)]) {
            const WorkerListModel::Row& r = rows.at(i);
            const QPointF p = viewport.toPixel(projected(i, data));
            if (!visible.contains(p))
                continue;
            // A pre-drawn sprite each, blitted at whole pixels: a blit, not an antialiased path.
            const int bucket = symbol == Symbol::Full && headings && !std::isnan(r.heading)
                                   ? int(std::lround(r.heading * kHeadingBuckets / 360.0)) % kHeadingBuckets
                                   : -1;
            const QImage& image = sprite(pass, symbol, bucket);
            const int half = image.width() / 2;
            painter.drawImage(QPoint(qRound(p.x()) - half, qRound(p.y()) - half), image);
            if (names) {
                painter.setPen(Qt::black);
                painter.drawText(p + QPointF(8, 4), r.worker.name);
            }
        }
    }
    if (selectedRow >= 0 && rows.at(selectedRow).worker.lastAt.isValid()) {
        const WorkerListModel::Row& r = rows.at(selectedRow);
        const QPointF p = viewport.toPixel(projected(selectedRow, data));
        painter.setRenderHint(QPainter::Antialiasing, true);
        painter.setPen(QPen(QColor(0xd0, 0x1f, 0x6f), 3));
        painter.setBrush(Qt::white);
        painter.drawEllipse(p, 8, 8);
        if (headings && !std::isnan(r.heading)) {
            const double a = r.heading * M_PI / 180;
            const QPointF dir(std::sin(a), -std::cos(a));
            painter.setPen(QPen(colour(r.status).darker(130), 2));
            painter.drawLine(p + dir * 7, p + dir * (7 + kHeadingTickLength));
        }
        painter.setPen(Qt::black);
        painter.drawText(p + QPointF(10, 4), r.worker.name);
    }
    painter.restore();
}

// Projection (and the GCJ-02 shift of the map data) once per fix, not once per frame.
QPointF WorkerOverlay::projected(int row, const map::GridLayerData& data) const {
    const WorkerRecord& w = m_model->rows().at(row).worker;
    Projected& c = m_projected[size_t(row)];
    if (!c.valid || c.lon != w.lastLon || c.lat != w.lastLat)
        c = Projected{true, w.lastLon, w.lastLat, data.project(QPointF(w.lastLon, w.lastLat))};
    return c.mercator;
}

int WorkerOverlay::hit(QPointF pixel, const map::MapViewport& viewport,
                       const map::GridLayerData& data) const {
    if (!m_model)
        return -1;
    int best = -1;
    double bestDistance = kHitRadiusPx;
    const auto& rows = m_model->rows();
    for (int i = 0; i < rows.size(); ++i) {
        const auto& w = rows.at(i).worker;
        if (!w.lastAt.isValid())
            continue;
        const QPointF p = viewport.toPixel(m_projectedFor == &data && size_t(i) < m_projected.size()
                                               ? projected(i, data)
                                               : data.project(QPointF(w.lastLon, w.lastLat)));
        const double d = std::hypot(p.x() - pixel.x(), p.y() - pixel.y());
        if (d <= bestDistance) {
            bestDistance = d;
            best = i;
        }
    }
    return best;
}

bool WorkerOverlay::click(QPointF pixel, const map::MapViewport& viewport, const map::GridLayerData& data) {
    const int row = hit(pixel, viewport, data);
    if (row < 0)
        return false;
    Q_EMIT workerClicked(m_model->rows().at(row).worker.id);
    return true;
}

QList<map::LegendEntry> WorkerOverlay::legend() const {
    QList<map::LegendEntry> out;
    for (const WorkerStatus s : {WorkerStatus::Online, WorkerStatus::Stale, WorkerStatus::Offline})
        out << map::LegendEntry{
            sprite(s, Symbol::Full, -1),
            QCoreApplication::translate("gc::feed::WorkerOverlay", "网格员：%1").arg(displayName(s)),
            m_model ? m_model->count(s) : 0};
    out << map::LegendEntry{sprite(WorkerStatus::Online, Symbol::Hollow, -1),
                            QCoreApplication::translate("gc::feed::WorkerOverlay",
                                                        "网格员（街道、全县视图）：空心圈，不遮挡风险底色"),
                            -1};
    return out;
}

QString WorkerOverlay::toolTip(QPointF pixel, const map::MapViewport& viewport,
                               const map::GridLayerData& data) {
    const int row = hit(pixel, viewport, data);
    if (row < 0)
        return {};
    const auto& r = m_model->rows().at(row);
    return QCoreApplication::translate("gc::feed::WorkerOverlay",
                                       "网格员 %1（%2）\n网格：%3\n最后定位：%4，精度 %5 米\n电话：%6")
        .arg(r.worker.name, displayName(r.status), r.worker.gridCodes.join(u'、'),
             r.worker.lastAt.toTimeZone(chinaTimeZone()).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")))
        .arg(qRound(r.worker.lastAccuracy))
        .arg(r.worker.phone);
}

} // namespace gc::workers
