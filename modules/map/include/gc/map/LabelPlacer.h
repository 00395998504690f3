#pragma once

#include <QFont>
#include <QFontMetrics>
#include <QPainter>
#include <QRect>
#include <QString>

#include <vector>

namespace gc::map {

// Greedy label placement with collision avoidance: candidates are offered in priority
// order; a label is kept only where it overlaps no label kept before it. Occupied
// rectangles are bucketed in a coarse grid so 10,000 candidates cost a few milliseconds.
class LabelPlacer {
public:
    explicit LabelPlacer(QSize canvas, int bucketPx = 64);

    // True and reserves the rectangle when it is inside the canvas and free.
    bool tryReserve(const QRect& rect);
    // Reserves without a check (e.g. a decoration drawn later).
    void reserve(const QRect& rect);
    int placedCount() const { return m_placed; }

private:
    std::vector<QRect>& bucket(int bx, int by) { return m_buckets[size_t(by * m_columns + bx)]; }
    QSize m_canvas;
    int m_bucketPx;
    int m_columns;
    int m_rows;
    int m_placed = 0;
    std::vector<std::vector<QRect>> m_buckets;
};

// Draws text centred on a point with a light halo, so it reads over any fill.
void drawHaloText(QPainter& painter, const QRect& rect, const QString& text, const QColor& color);

} // namespace gc::map
