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

const QImage& TicketOverlay::sprite(const Cluster& c) {
    const bool single = c.members.size() == 1;
    const Marker& first = m_markers[c.members.first()];
    const QString key =
        single
            ? QStringLiteral("m%1%2%3").arg(int(first.state)).arg(first.category.left(1)).arg(first.overdue)
            : QStringLiteral("c%1%2").arg(c.members.size()).arg(c.overdue > 0);
    auto it = m_sprites.find(key);
    if (it != m_sprites.end())
        return *it;
    const double r = single ? 9 : clusterRadius(int(c.members.size()));
    const int side = int(std::ceil(2 * r + 6));
    QImage image(side, side, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    const QPointF q(side / 2.0, side / 2.0);
    if (single) {
        p.setPen(
            QPen(first.overdue ? QColor(220, 20, 40) : QColor(255, 255, 255), first.overdue ? 2.5 : 1.5));
        p.setBrush(stateColor(first.state));
        const double s = 7;
        if (first.category.startsWith(QLatin1Char('J'))) { // GB/T 31000 矛盾纠纷
            const QPolygonF diamond{{q.x(), q.y() - s - 1},
                                    {q.x() + s + 1, q.y()},
                                    {q.x(), q.y() + s + 1},
                                    {q.x() - s - 1, q.y()}};
            p.drawPolygon(diamond);
        } else if (first.category.startsWith(QLatin1Char('C'))) { // 城管事件
            p.drawRect(QRectF(q.x() - s, q.y() - s, 2 * s, 2 * s));
        } else {
            p.drawEllipse(q, s, s);
        }
    } else {
        // Translucent, so the risk colours underneath still read; red rim when overdue.
        p.setPen(QPen(c.overdue ? QColor(215, 25, 40) : QColor(255, 255, 255), c.overdue ? 2.5 : 1.5));
        p.setBrush(QColor(29, 53, 87, 175));
        p.drawEllipse(q, r, r);
        if (MapRenderer::canDrawText()) {
            QFont font = p.font();
            font.setPixelSize(10);
            font.setBold(true);
            p.setFont(font);
            p.setPen(Qt::white);
            p.drawText(QRectF(0, 0, side, side), Qt::AlignCenter, QString::number(c.members.size()));
        }
    }
    p.end();
    if (m_sprites.size() > 2000)
        m_sprites.clear();
    return *m_sprites.insert(key, image);
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
        const double r = all[k].members.size() > 1 ? clusterRadius(int(all[k].members.size())) : 9;
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
    if (c.members.size() == 1)
        return summary(m_markers[c.members.first()]);
    return tr("%1 件在办工单（%2 件超期）<br>点击放大").arg(c.members.size()).arg(c.overdue);
}

} // namespace gc::map
