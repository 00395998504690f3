#include "gc/map/LabelPlacer.h"

#include <algorithm>

namespace gc::map {

LabelPlacer::LabelPlacer(QSize canvas, int bucketPx)
    : m_canvas(canvas), m_bucketPx(std::max(8, bucketPx)),
      m_columns(std::max(1, (canvas.width() + m_bucketPx - 1) / m_bucketPx)),
      m_rows(std::max(1, (canvas.height() + m_bucketPx - 1) / m_bucketPx)),
      m_buckets(size_t(m_columns * m_rows)) {}

bool LabelPlacer::tryReserve(const QRect& rect) {
    if (!QRect(QPoint(0, 0), m_canvas).contains(rect))
        return false;
    const int bx0 = rect.left() / m_bucketPx, bx1 = rect.right() / m_bucketPx;
    const int by0 = rect.top() / m_bucketPx, by1 = rect.bottom() / m_bucketPx;
    for (int by = by0; by <= by1; ++by)
        for (int bx = bx0; bx <= bx1; ++bx)
            for (const QRect& r : bucket(bx, by))
                if (r.intersects(rect))
                    return false;
    reserve(rect);
    return true;
}

void LabelPlacer::reserve(const QRect& rect) {
    const QRect r = rect.intersected(QRect(QPoint(0, 0), m_canvas));
    if (r.isEmpty())
        return;
    for (int by = r.top() / m_bucketPx; by <= r.bottom() / m_bucketPx; ++by)
        for (int bx = r.left() / m_bucketPx; bx <= r.right() / m_bucketPx; ++bx)
            bucket(bx, by).push_back(rect);
    ++m_placed;
}

void drawHaloText(QPainter& painter, const QRect& rect, const QString& text, const QColor& color) {
    painter.setPen(QColor(255, 255, 255, 210));
    for (const QPoint d : {QPoint(-1, 0), QPoint(1, 0), QPoint(0, -1), QPoint(0, 1)})
        painter.drawText(rect.translated(d), Qt::AlignCenter, text);
    painter.setPen(color);
    painter.drawText(rect, Qt::AlignCenter, text);
}

} // namespace gc::map
