#include "gc/map/TileCache.h"

#include <QDateTime>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace gc::map {

namespace {
constexpr double kHalfWorld = 20037508.342789244;
constexpr int kMemoryKb = 96 * 1024;
constexpr int kMaxAncestorLevels = 6;
} // namespace

QRectF tileBounds(const TileId& t) {
    const double span = 2 * kHalfWorld / double(1 << t.z);
    return QRectF(-kHalfWorld + t.x * span, kHalfWorld - (t.y + 1) * span, span, span);
}

TileCache::TileCache(QObject* parent) : QObject(parent), m_memory(kMemoryKb) {
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(40);
    connect(&m_coalesce, &QTimer::timeout, this, &TileCache::updated);
}

TileCache::~TileCache() = default;

void TileCache::setSource(std::unique_ptr<TileSource> source) {
    m_source = std::move(source);
    m_memory.clear();
    m_failedAt.clear();
    m_pending.clear();
    m_note.clear();
    Q_EMIT statusChanged(m_note);
    if (!m_source) {
        Q_EMIT updated();
        return;
    }
    connect(m_source.get(), &TileSource::tileReady, this, [this](const TileId& t, const QImage& image) {
        m_pending.remove(t);
        m_memory.insert(t, new QImage(image.convertToFormat(QImage::Format_ARGB32_Premultiplied)),
                        std::max<qsizetype>(1, image.sizeInBytes() / 1024));
        m_coalesce.start();
    });
    connect(m_source.get(), &TileSource::tileFailed, this, [this](const TileId& t) {
        m_pending.remove(t);
        m_failedAt.insert(t, QDateTime::currentMSecsSinceEpoch());
    });
    connect(m_source.get(), &TileSource::statusChanged, this, [this](const QString& note) {
        m_note = note;
        Q_EMIT statusChanged(note);
    });
    Q_EMIT updated();
}

int TileCache::tileZoom(const MapViewport& vp) const {
    if (!m_source)
        return 0;
    return std::clamp(int(std::round(vp.zoomLevel())), m_source->minZoom(), m_source->maxZoom());
}

void TileCache::drawTile(QPainter& p, const MapViewport& vp, const TileId& t, bool* complete) {
    const QRectF b = tileBounds(t);
    const QPointF tl = vp.toPixel(QPointF(b.left(), b.bottom()));
    const QPointF br = vp.toPixel(QPointF(b.right(), b.top()));
    const QRectF target(tl, br);
    if (const QImage* image = m_memory.object(t)) {
        p.drawImage(target, *image);
        return;
    }
    *complete = false;
    const qint64 failed = m_failedAt.value(t, 0);
    const bool recentlyFailed = failed && QDateTime::currentMSecsSinceEpoch() - failed < 60000;
    if (!recentlyFailed && !m_pending.contains(t)) {
        m_pending.insert(t, true);
        m_source->request(t); // may answer at once (MBTiles)
        if (const QImage* image = m_memory.object(t)) {
            p.drawImage(target, *image);
            return;
        }
    }
    // Meanwhile the nearest cached ancestor, scaled. The direct parent is asked for too:
    // one request covers four children (and MBTiles answers at once).
    TileId a = t;
    for (int k = 1; k <= kMaxAncestorLevels && a.z > 0; ++k) {
        a = a.parent();
        const qint64 parentFailed = m_failedAt.value(a, 0);
        if (k == 1 && a.z >= m_source->minZoom() && !m_memory.contains(a) && !m_pending.contains(a) &&
            !(parentFailed && QDateTime::currentMSecsSinceEpoch() - parentFailed < 60000)) {
            m_pending.insert(a, true);
            m_source->request(a);
        }
        if (const QImage* image = m_memory.object(a)) {
            const double part = image->width() / double(1 << k);
            const QRectF source((t.x - (a.x << k)) * part, (t.y - (a.y << k)) * part, part, part);
            p.drawImage(target, *image, source);
            return;
        }
    }
}

QImage TileCache::compose(const MapViewport& vp, bool* complete) {
    bool done = true;
    QImage out(vp.size(), QImage::Format_ARGB32_Premultiplied);
    out.fill(Qt::transparent);
    if (m_source && vp.isValid()) {
        const int z = tileZoom(vp);
        const int n = 1 << z;
        const double span = 2 * kHalfWorld / n;
        const QRectF e = vp.extent();
        const int x0 = std::clamp(int(std::floor((e.left() + kHalfWorld) / span)), 0, n - 1);
        const int x1 = std::clamp(int(std::floor((e.right() + kHalfWorld) / span)), 0, n - 1);
        const int y0 = std::clamp(int(std::floor((kHalfWorld - e.bottom()) / span)), 0, n - 1);
        const int y1 = std::clamp(int(std::floor((kHalfWorld - e.top()) / span)), 0, n - 1);
        QPainter p(&out);
        p.setRenderHint(QPainter::SmoothPixmapTransform);
        if ((x1 - x0 + 1) * (y1 - y0 + 1) <= 400)
            for (int y = y0; y <= y1; ++y)
                for (int x = x0; x <= x1; ++x)
                    drawTile(p, vp, TileId{z, x, y}, &done);
    }
    if (complete)
        *complete = done;
    return out;
}

} // namespace gc::map
