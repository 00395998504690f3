#include "gc/map/TicketOverlay.h"

#include "gc/core/CategoryTable.h"
#include "gc/map/GridLayerData.h"
#include "gc/map/MapRenderer.h"
#include "gc/store/CountyStore.h"

#include <QPainterPath>

#include <cmath>

namespace gc::map {

namespace {
double clusterRadius(int members) {
    return std::min(17.0, 8 + 1.6 * std::log2(double(members)));
}
} // namespace

TicketOverlay::TicketOverlay(QObject* parent) : MapOverlay(parent) {}
TicketOverlay::~TicketOverlay() = default;

void TicketOverlay::loadFromStore(const CountyStore& store, const QDateTime& now) {
    setMarkers(readMarkers(store, now));
}

QList<TicketOverlay::Marker> TicketOverlay::readMarkers(const CountyStore& store, const QDateTime& now) {
    TicketFilter filter;
    for (TicketState s : {TicketState::Received, TicketState::Accepted, TicketState::Dispatched,
                          TicketState::InProgress, TicketState::Returned, TicketState::Resolved})
        if (isOpen(s))
            filter.states << s;
    QList<Marker> markers;
    for (const Ticket& t : store.tickets(filter)) {
        Marker m;
        m.id = t.id;
        m.lonLat = QPointF(t.lon, t.lat);
        m.category = t.category;
        m.state = t.state;
        m.title = t.title;
        m.gridCode = t.gridCode;
        m.departmentCode = t.departmentCode;
        m.createdAt = t.createdAt;
        m.deadline = t.deadline;
        m.overdue = t.isOverdue(now);
        markers << m;
    }
    return markers;
}

void TicketOverlay::setMarkers(const QList<Marker>& markers) {
    m_markers = markers;
    m_projectedFor = nullptr;
    m_clusteredAt = 0;
    m_sprites.clear();
    Q_EMIT changed();
}

QColor TicketOverlay::stateColor(TicketState s) {
    switch (s) {
    case TicketState::Received:
    case TicketState::Returned:
        return QColor(0x7b, 0x2c, 0xbf); // waiting for the center: purple
    case TicketState::Accepted:
    case TicketState::Dispatched:
        return QColor(0x1d, 0x35, 0x57); // with a department, not started
    case TicketState::InProgress:
        return QColor(0x11, 0x8a, 0xb2);
    case TicketState::Resolved:
        return QColor(0x55, 0x6b, 0x2f);
    default:
        break;
    }
    return QColor(0x60, 0x60, 0x60);
}

void TicketOverlay::clusterByCell(const MapViewport& vp) {
    const double cell = kClusterCellPx * vp.resolution();
    QHash<quint64, int> cellIndex;
    for (int i = 0; i < m_markers.size(); ++i) {
        const QPointF& m = m_projected[size_t(i)];
        const quint64 key = (quint64(quint32(qint32(std::floor(m.x() / cell)))) << 32) |
                            quint32(qint32(std::floor(m.y() / cell)));
        auto it = cellIndex.find(key);
        if (it == cellIndex.end()) {
            it = cellIndex.insert(key, int(m_clusters.size()));
            m_clusters << Cluster{};
        }
        Cluster& c = m_clusters[*it];
        c.mercator = (c.mercator * c.members.size() + m) / double(c.members.size() + 1);
        c.members << i;
        c.overdue += m_markers[i].overdue ? 1 : 0;
    }
}

GridLevel TicketOverlay::aggregationLevel(const MapViewport& vp, const GridLayerData& data) {
    // Tickets cluster by screen cell once grids are large enough to tell apart; until then (the
    // county or a street in view) they are counted per area: communities once a community can
    // hold its name and a badge, streets before that, where a dense centre would be all badges.
    const MapLevel& grids = data.level(GridLevel::Grid);
    const MapLevel& communities = data.level(GridLevel::Community);
    if (grids.isEmpty() || grids.typicalSizeM / vp.resolution() >= kCellClusterMinGridPx)
        return GridLevel::Grid;
    if (!communities.isEmpty() && communities.typicalSizeM / vp.resolution() >= kAreaBadgeMinPx)
        return GridLevel::Community;
    return data.level(GridLevel::Street).isEmpty() ? GridLevel::Grid : GridLevel::Street;
}

void TicketOverlay::aggregateByArea(GridLevel level, const MapViewport& vp, const GridLayerData& data) {
    // Each ticket's area through its grid's parents; a ticket whose grid the map does not know
    // is counted where its point lies.
    QHash<QString, int> areaOfGrid; // grid code → index into m_clusters, -1: outside every area
    QHash<int, int> clusterOfFeature;
    const auto clusterFor = [&](FeatureRef ref) {
        auto it = clusterOfFeature.find(ref.index);
        if (it == clusterOfFeature.end()) {
            it = clusterOfFeature.insert(ref.index, int(m_clusters.size()));
            Cluster c;
            c.area = ref;
            m_clusters << c;
        }
        return *it;
    };
    for (int i = 0; i < m_markers.size(); ++i) {
        const QString& grid = m_markers[i].gridCode;
        auto known = areaOfGrid.find(grid);
        int cluster = -1;
        if (known != areaOfGrid.end() && !grid.isEmpty()) {
            cluster = *known;
        } else {
            FeatureRef ref = data.find(grid);
            while (ref.isValid() && ref.level > level)
                ref = data.find(data.feature(ref)->parentCode);
            if (!ref.isValid() || ref.level != level)
                ref = data.hitTest(level, m_projected[size_t(i)]);
            cluster = ref.isValid() ? clusterFor(ref) : -1;
            if (!grid.isEmpty())
                areaOfGrid.insert(grid, cluster);
        }
        if (cluster < 0)
            continue;
        Cluster& c = m_clusters[cluster];
        c.members << i;
        c.overdue += m_markers[i].overdue ? 1 : 0;
    }
    // The badge sits inside its area just below the name (labels are centred on labelPoint);
    // where the area is too small for that, on the label point itself.
    const MapLevel& areas = data.level(level);
    for (Cluster& c : m_clusters) {
        const MapFeature& f = areas.features[size_t(c.area.index)];
        const QPointF below = f.labelPoint - QPointF(0, kAreaBadgeOffsetPx * vp.resolution());
        c.mercator = featureContains(areas, f, below) ? below : f.labelPoint;
    }
}

QList<TicketOverlay::Cluster> TicketOverlay::clusters(const MapViewport& vp, const GridLayerData& data) {
    if (m_projectedFor != &data || m_projectedGcj02 != data.isGcj02() ||
        m_projected.size() != size_t(m_markers.size())) {
        m_projected.clear();
        m_projected.reserve(size_t(m_markers.size()));
        for (const Marker& m : m_markers)
            m_projected.push_back(data.project(m.lonLat));
        m_projectedFor = &data;
        m_projectedGcj02 = data.isGcj02();
        m_clusteredAt = 0;
    }
    if (m_clusteredAt != vp.resolution()) {
        m_clusteredAt = vp.resolution();
        m_clusters.clear();
        if (const GridLevel level = aggregationLevel(vp, data); level != GridLevel::Grid)
            aggregateByArea(level, vp, data);
        else
            clusterByCell(vp);
    }
    const QRectF view = vp.extent().adjusted(-40 * vp.resolution(), -40 * vp.resolution(),
                                             40 * vp.resolution(), 40 * vp.resolution());
    QList<Cluster> out;
    for (const Cluster& c : m_clusters) {
        if (!view.contains(c.mercator))
            continue;
        out << c;
        out.back().pixel = vp.toPixel(c.mercator);
    }
    return out;
}

QImage TicketOverlay::markerSymbol(TicketState state, const QString& category, bool overdue) {
    const int side = 24;
    QImage image(side, side, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    const QPointF q(side / 2.0, side / 2.0);
    p.setPen(QPen(overdue ? QColor(220, 20, 40) : QColor(255, 255, 255), overdue ? 2.5 : 1.5));
    p.setBrush(stateColor(state));
    const double s = 7;
    if (category.startsWith(QLatin1Char('J'))) { // GB/T 31000 矛盾纠纷
        const QPolygonF diamond{
            {q.x(), q.y() - s - 1}, {q.x() + s + 1, q.y()}, {q.x(), q.y() + s + 1}, {q.x() - s - 1, q.y()}};
        p.drawPolygon(diamond);
    } else if (category.startsWith(QLatin1Char('C'))) { // 城管事件
        p.drawRect(QRectF(q.x() - s, q.y() - s, 2 * s, 2 * s));
    } else {
        p.drawEllipse(q, s, s);
    }
    return image;
}

QImage TicketOverlay::badgeSymbol(int count, bool overdue, bool area) {
    const QString text = QString::number(count);
    QFont font;
    font.setPixelSize(area ? 11 : 10);
    font.setBold(true);
    // A street or community total is a rounded label, a bubble of nearby tickets a circle: the
    // two say different things ("in this area" / "around here").
    const double r = area ? 9 : clusterRadius(count);
    const double textWidth = MapRenderer::canDrawText() ? QFontMetricsF(font).horizontalAdvance(text) : 0;
    const double w = area ? std::max(2 * r, textWidth + 12) : 2 * r;
    QImage image(int(std::ceil(w + 6)), int(std::ceil(2 * r + 6)), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF body(3, 3, w, 2 * r);
    // Translucent, so the risk colours underneath still read; red rim when overdue.
    p.setPen(QPen(overdue ? QColor(215, 25, 40) : QColor(255, 255, 255), overdue ? 2.5 : 1.5));
    p.setBrush(area ? QColor(20, 33, 61, 200) : QColor(29, 53, 87, 175));
    if (area)
        p.drawRoundedRect(body, r, r);
    else
        p.drawEllipse(body);
    if (MapRenderer::canDrawText()) {
        p.setFont(font);
        p.setPen(Qt::white);
        p.drawText(body, Qt::AlignCenter, text);
    }
    return image;
}

const QImage& TicketOverlay::sprite(const Cluster& c) {
    const bool single = c.members.size() == 1 && !c.area.isValid();
    const Marker& first = m_markers[c.members.first()];
    const QString key =
        single
            ? QStringLiteral("m%1%2%3").arg(int(first.state)).arg(first.category.left(1)).arg(first.overdue)
            : QStringLiteral("%1%2%3")
                  .arg(c.area.isValid() ? QLatin1Char('a') : QLatin1Char('c'))
                  .arg(c.members.size())
                  .arg(c.overdue > 0);
    auto it = m_sprites.find(key);
    if (it != m_sprites.end())
        return *it;
    if (m_sprites.size() > 2000)
        m_sprites.clear();
    return *m_sprites.insert(key, single
                                      ? markerSymbol(first.state, first.category, first.overdue)
                                      : badgeSymbol(int(c.members.size()), c.overdue > 0, c.area.isValid()));
}

void TicketOverlay::paint(QPainter& p, const MapViewport& vp, const GridLayerData& data) {
    for (const Cluster& c : clusters(vp, data)) {
        const QImage& image = sprite(c);
        p.drawImage(QPoint(int(c.pixel.x() - image.width() / 2.0), int(c.pixel.y() - image.height() / 2.0)),
                    image);
    }
}

int TicketOverlay::hit(QPointF pixel, const MapViewport& vp, const GridLayerData& data, Cluster* cluster) {
    double best = 14 * 14;
    int found = -1;
    const QList<Cluster> all = clusters(vp, data);
    for (int k = 0; k < all.size(); ++k) {
        const QPointF d = all[k].pixel - pixel;
        const double r = all[k].area.isValid()       ? 12
                         : all[k].members.size() > 1 ? clusterRadius(int(all[k].members.size()))
                                                     : 9;
        const double d2 = d.x() * d.x() + d.y() * d.y();
        if (d2 <= std::max(best, r * r) && d2 < r * r + 1) {
            best = d2;
            found = k;
        }
    }
    if (found >= 0 && cluster)
        *cluster = all[found];
    return found;
}

QString TicketOverlay::summary(const Marker& m) const {
    const QString category = CategoryTable::builtIn().fullName(m.category);
    return tr("<b>工单 #%1</b> %2<br>%3<br>状态：%4%5<br>网格：%6<br>登记：%7<br>期限：%8")
        .arg(m.id)
        .arg(m.title.toHtmlEscaped(), category.isEmpty() ? m.category : category, displayName(m.state),
             m.overdue ? tr("（已超期）") : QString(), m.gridCode,
             m.createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
             m.deadline.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
}

bool TicketOverlay::click(QPointF pixel, const MapViewport& vp, const GridLayerData& data) {
    Cluster c;
    if (hit(pixel, vp, data, &c) < 0)
        return false;
    if (c.area.isValid()) {
        const QRectF b = data.feature(c.area)->bounds;
        Q_EMIT zoomRequested(
            QRectF(data.unproject(b.topLeft()), data.unproject(b.bottomRight())).normalized());
        return true;
    }
    if (c.members.size() == 1) {
        const Marker& m = m_markers[c.members.first()];
        Q_EMIT ticketClicked(m.id, summary(m));
        return true;
    }
    QRectF bounds;
    for (int i : c.members)
        bounds = bounds.united(QRectF(m_markers[i].lonLat, QSizeF(1e-9, 1e-9)));
    const double pad = std::max(bounds.width(), bounds.height()) * 0.3 + 0.0005;
    Q_EMIT zoomRequested(bounds.adjusted(-pad, -pad, pad, pad));
    return true;
}

QString TicketOverlay::toolTip(QPointF pixel, const MapViewport& vp, const GridLayerData& data) {
    Cluster c;
    if (hit(pixel, vp, data, &c) < 0)
        return {};
    if (c.area.isValid())
        return tr("<b>%1</b>：%2 件在办工单（%3 件超期）<br>点击放大")
            .arg(data.feature(c.area)->name.toHtmlEscaped())
            .arg(c.members.size())
            .arg(c.overdue);
    if (c.members.size() == 1)
        return summary(m_markers[c.members.first()]);
    return tr("%1 件在办工单（%2 件超期）<br>点击放大").arg(c.members.size()).arg(c.overdue);
}

} // namespace gc::map

namespace gc::map {

QList<TicketOverlay::Badge> TicketOverlay::badges(const MapViewport& vp, const GridLayerData& data) {
    QList<Badge> out;
    for (const Cluster& c : clusters(vp, data))
        out << Badge{c.pixel, int(c.members.size()), c.overdue,
                     c.area.isValid() ? data.feature(c.area)->code : QString()};
    return out;
}

QList<LegendEntry> TicketOverlay::legend() const {
    int byState[4] = {};
    int overdue = 0;
    int byShape[3] = {};
    for (const Marker& m : m_markers) {
        switch (m.state) {
        case TicketState::Received:
        case TicketState::Returned:
            ++byState[0];
            break;
        case TicketState::Accepted:
        case TicketState::Dispatched:
            ++byState[1];
            break;
        case TicketState::InProgress:
            ++byState[2];
            break;
        default:
            ++byState[3];
            break;
        }
        overdue += m.overdue ? 1 : 0;
        ++byShape[m.category.startsWith(QLatin1Char('J'))   ? 0
                  : m.category.startsWith(QLatin1Char('C')) ? 1
                                                            : 2];
    }
    const QString other = QStringLiteral("X");
    return {
        {markerSymbol(TicketState::Received, other, false), tr("工单：待受理、退回"), byState[0]},
        {markerSymbol(TicketState::Dispatched, other, false), tr("工单：已受理、已交办"), byState[1]},
        {markerSymbol(TicketState::InProgress, other, false), tr("工单：处置中"), byState[2]},
        {markerSymbol(TicketState::Resolved, other, false), tr("工单：已办结待评价"), byState[3]},
        {markerSymbol(TicketState::Dispatched, QStringLiteral("J"), false), tr("菱形：矛盾纠纷"), byShape[0]},
        {markerSymbol(TicketState::Dispatched, QStringLiteral("C"), false), tr("方形：城管事件"), byShape[1]},
        {markerSymbol(TicketState::Dispatched, other, true), tr("红圈：已超期"), overdue},
        {badgeSymbol(12, false, false), tr("圆形数字：附近工单合计"), -1},
        {badgeSymbol(12, false, true), tr("圆角数字：街道/社区工单合计（全县视图）"), -1},
    };
}

} // namespace gc::map
