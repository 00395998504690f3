// Dashed outlines and a tag on a few marked features (the grids under a manual risk override).
#include "gc/map/FeatureMarkOverlay.h"

#include "gc/map/GridLayerData.h"
#include "gc/map/MapRenderer.h"

#include <QPainterPath>

namespace gc::map {

namespace {
const QColor kInk(20, 20, 30);
const QColor kTag(120, 20, 140);

QPainterPath outline(const MapLevel& level, const MapFeature& f, const MapViewport& vp) {
    QPainterPath path;
    for (quint32 r = f.firstRing; r < f.firstRing + f.ringCount; ++r) {
        QPolygonF poly;
        for (quint32 k = level.ringStarts[r]; k < level.ringStarts[r + 1]; ++k)
            poly << vp.toPixel(level.points[k]);
        path.addPolygon(poly);
        path.closeSubpath();
    }
    return path;
}

// The tag's rectangle centred `below` pixels under the feature's label point.
QRectF tagRect(QPointF labelPixel, const QString& tag) {
    const double w = 8 + 12 * tag.size();
    return QRectF(labelPixel.x() - w / 2, labelPixel.y() - 26, w, 15);
}
} // namespace

FeatureMarkOverlay::FeatureMarkOverlay(QString layerKey, QString tag, QString legendLabel, QObject* parent)
    : MapOverlay(parent), m_key(std::move(layerKey)), m_tag(std::move(tag)),
      m_legendLabel(std::move(legendLabel)) {}

void FeatureMarkOverlay::setMarks(const QHash<QString, QString>& marks) {
    if (marks == m_marks)
        return;
    m_marks = marks;
    Q_EMIT changed();
}

QImage FeatureMarkOverlay::tagSymbol() const {
    QImage image(40, 22, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(kInk, 2, Qt::DashLine));
    p.setBrush(Qt::NoBrush);
    p.drawRect(QRectF(2, 4, 36, 16));
    const QRectF tag(8, 1, 24, 13);
    p.setPen(Qt::NoPen);
    p.setBrush(kTag);
    p.drawRoundedRect(tag, 3, 3);
    if (MapRenderer::canDrawText()) {
        QFont f;
        f.setPixelSize(10);
        f.setBold(true);
        p.setFont(f);
        p.setPen(Qt::white);
        p.drawText(tag, Qt::AlignCenter, m_tag);
    }
    return image;
}

QList<LegendEntry> FeatureMarkOverlay::legend() const {
    return {{tagSymbol(), m_legendLabel, int(m_marks.size())}};
}

void FeatureMarkOverlay::paint(QPainter& p, const MapViewport& vp, const GridLayerData& data) {
    if (m_marks.isEmpty())
        return;
    const QRectF view = vp.extent();
    const GridLevel fill = LevelOfDetail::fillLevel(data, vp.resolution());
    p.setRenderHint(QPainter::Antialiasing);
    QFont font = p.font();
    font.setPixelSize(10);
    font.setBold(true);
    p.setFont(font);
    for (auto it = m_marks.cbegin(); it != m_marks.cend(); ++it) {
        const FeatureRef ref = data.find(it.key());
        const MapFeature* f = data.feature(ref);
        if (!f || ref.level > fill || !view.intersects(f->bounds))
            continue;
        const MapLevel& level = data.level(ref.level);
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(QColor(255, 255, 255, 200), 4));
        const QPainterPath path = outline(level, *f, vp);
        p.drawPath(path);
        p.setPen(QPen(kInk, 2, Qt::DashLine));
        p.drawPath(path);
        if (f->bounds.width() / vp.resolution() < 30)
            continue; // too small for a tag
        const QRectF tag = tagRect(vp.toPixel(f->labelPoint), m_tag);
        p.setPen(QPen(Qt::white, 1));
        p.setBrush(kTag);
        p.drawRoundedRect(tag, 3, 3);
        if (MapRenderer::canDrawText()) {
            p.setPen(Qt::white);
            p.drawText(tag, Qt::AlignCenter, m_tag);
        }
    }
}

QString FeatureMarkOverlay::toolTip(QPointF pixel, const MapViewport& vp, const GridLayerData& data) {
    for (auto it = m_marks.cbegin(); it != m_marks.cend(); ++it) {
        const MapFeature* f = data.feature(data.find(it.key()));
        if (f && tagRect(vp.toPixel(f->labelPoint), m_tag).adjusted(-2, -2, 2, 2).contains(pixel))
            return it.value();
    }
    return {};
}

} // namespace gc::map
