#include "gc/map/MapFrame.h"

#include "gc/map/GridLayerData.h"
#include "gc/map/MapOverlay.h"
#include "gc/map/MapRenderer.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>

#include <cmath>
#include <numbers>

namespace gc::map {

namespace {
// The translation context of this file's messages, declared where lupdate reads it.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(MapFrame)
};
} // namespace

void MapFrame::setGridImage(const QImage& image, const MapViewport& renderedFor, const MapLabels& labels) {
    m_grid = image;
    m_gridViewport = renderedFor;
    m_labels = labels;
}

void MapFrame::setBasemapImage(const QImage& image, const MapViewport& renderedFor) {
    m_basemap = image;
    m_basemapViewport = renderedFor;
}

QRectF MapFrame::targetRect(const MapViewport& from, const MapViewport& to) {
    const QPointF topLeft = to.toPixel(from.toMercator(QPointF(0, 0)));
    const double scale = from.resolution() / to.resolution();
    return QRectF(topLeft, QSizeF(from.size()) * scale);
}

void MapFrame::paint(QPainter& p, const MapViewport& current, const GridLayerData* data,
                     const QList<QPointer<MapOverlay>>& overlays, const Decorations& d) const {
    const QRect all(QPoint(0, 0), current.size());
    p.fillRect(all, QColor(0xe9, 0xec, 0xef));
    const auto blit = [&](const QImage& image, const MapViewport& renderedFor) {
        if (image.isNull())
            return;
        const QRectF target = targetRect(renderedFor, current);
        if (std::abs(target.width() - image.width()) < 0.5 &&
            std::abs(target.height() - image.height()) < 0.5) {
            // Same zoom: a plain blit at a whole-pixel offset, the cheapest draw there is.
            p.drawImage(QPoint(qRound(target.left()), qRound(target.top())), image);
        } else {
            p.drawImage(target, image);
        }
    };
    if (m_basemapVisible)
        blit(m_basemap, m_basemapViewport);
    if (m_gridVisible)
        blit(m_grid, m_gridViewport);
    const auto paintOverlays = [&](bool belowLabels) {
        if (!data)
            return;
        for (const auto& overlay : overlays) {
            if (!overlay || !overlay->isVisible() || (overlay->z() < kLabelZ) != belowLabels)
                continue;
            p.save();
            overlay->paint(p, current, *data);
            p.restore();
        }
    };
    paintOverlays(true);
    if (m_gridVisible && !m_labels.image.isNull()) {
        // Only where text is: a few hundred small blits instead of a second full-screen blend.
        const QRectF target = targetRect(m_gridViewport, current);
        const double scale = target.width() / m_labels.image.width();
        const bool sameZoom = std::abs(scale - 1.0) < 1e-6;
        const QRect all(QPoint(0, 0), current.size());
        for (const QRect& r : m_labels.rects) {
            if (sameZoom) {
                const QPoint at(qRound(target.left()) + r.left(), qRound(target.top()) + r.top());
                if (all.intersects(QRect(at, r.size())))
                    p.drawImage(at, m_labels.image, r);
            } else {
                const QRectF to(target.topLeft() + QPointF(r.topLeft()) * scale, QSizeF(r.size()) * scale);
                if (all.intersects(to.toAlignedRect()))
                    p.drawImage(to, m_labels.image, QRectF(r));
            }
        }
    }
    paintOverlays(false);
    if (d.scaleBar)
        paintScaleBar(p, current);
    if (d.northArrow)
        paintNorthArrow(p, current);
    if (MapRenderer::canDrawText() && (d.readout || !d.statusNote.isEmpty())) {
        QStringList parts;
        if (d.readout) {
            parts << Tr::tr("缩放 %1").arg(current.zoomLevel(), 0, 'f', 1);
            if (!std::isnan(d.cursorLonLat.x()))
                parts << Tr::tr("经度 %1° 纬度 %2° (CGCS2000)")
                             .arg(d.cursorLonLat.x(), 0, 'f', 6)
                             .arg(d.cursorLonLat.y(), 0, 'f', 6);
        }
        if (!d.statusNote.isEmpty())
            parts << d.statusNote;
        const QString text = parts.join(QStringLiteral("   "));
        QFont f = p.font();
        f.setPixelSize(12);
        p.setFont(f);
        const QRect box(all.right() - 520, all.bottom() - 22, 516, 20);
        p.fillRect(box, QColor(255, 255, 255, 200));
        p.setPen(QColor(30, 30, 30));
        p.drawText(box.adjusted(6, 0, -6, 0), Qt::AlignVCenter | Qt::AlignRight, text);
    }
}

void MapFrame::paintScaleBar(QPainter& p, const MapViewport& vp) {
    // Ground metres per pixel at the view's centre latitude (Mercator stretches by 1/cos φ).
    const double lat = mercatorToLonLat(vp.center()).y() * std::numbers::pi / 180.0;
    const double metresPerPixel = vp.resolution() * std::cos(lat);
    const double maxMetres = 160 * metresPerPixel;
    double step = std::pow(10.0, std::floor(std::log10(maxMetres)));
    for (double m : {5.0, 2.0, 1.0})
        if (step * m <= maxMetres) {
            step *= m;
            break;
        }
    const int px = int(step / metresPerPixel);
    const QPoint origin(14, vp.size().height() - 18);
    p.save();
    p.setRenderHint(QPainter::Antialiasing, false);
    p.fillRect(QRect(origin.x() - 6, origin.y() - 22, px + 70, 32), QColor(255, 255, 255, 190));
    p.setPen(QPen(QColor(30, 30, 30), 2));
    p.drawLine(origin, origin + QPoint(px, 0));
    p.drawLine(origin, origin + QPoint(0, -6));
    p.drawLine(origin + QPoint(px, 0), origin + QPoint(px, -6));
    if (MapRenderer::canDrawText()) {
        QFont f = p.font();
        f.setPixelSize(12);
        p.setFont(f);
        const QString label =
            step >= 1000 ? QStringLiteral("%1 km").arg(step / 1000) : QStringLiteral("%1 m").arg(step);
        p.drawText(origin + QPoint(px + 6, 0), label);
    }
    p.restore();
}

void MapFrame::paintNorthArrow(QPainter& p, const MapViewport& vp) {
    const QPointF c(vp.size().width() - 34, 44);
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(QColor(30, 30, 30), 1.2));
    p.setBrush(QColor(255, 255, 255, 200));
    p.drawEllipse(c, 22, 22);
    QPainterPath north;
    north.moveTo(c + QPointF(0, -17));
    north.lineTo(c + QPointF(7, 6));
    north.lineTo(c + QPointF(0, 1));
    north.lineTo(c + QPointF(-7, 6));
    north.closeSubpath();
    p.setBrush(QColor(200, 30, 40));
    p.drawPath(north);
    if (MapRenderer::canDrawText()) {
        QFont f = p.font();
        f.setPixelSize(11);
        f.setBold(true);
        p.setFont(f);
        p.drawText(QRectF(c.x() - 10, c.y() + 5, 20, 14), Qt::AlignCenter, QStringLiteral("N"));
    }
    p.restore();
}

} // namespace gc::map
