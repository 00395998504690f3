#include "gc/map/MapRenderer.h"

#include "gc/map/GridLayerData.h"
#include "gc/map/LabelPlacer.h"
#include "gc/map/RiskStyle.h"

#include <QFontMetrics>
#include <QGuiApplication>
#include <QPainter>
#include <QPainterPath>
#include <QtConcurrent>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace gc::map {

// One level snapped to the pixel grid of a resolution. Pixel (0, 0) is `origin`.
struct PixelItem {
    int feature = -1;
    quint32 firstRing = 0;
    quint32 ringCount = 0; // 0: drawn as a dot at box.topLeft()
    QRect box;
    RiskLevel risk = RiskLevel::Green;
    bool hasHoles = false;
};

struct PixelLevel {
    GridLevel level = GridLevel::Grid;
    double resolution = 0;
    QPointF origin; // Mercator of pixel (0, 0): west and north edge
    std::vector<QPoint> points;
    std::vector<quint32> ringStarts{0};
    std::vector<PixelItem> items; // ordered by risk so the brush changes five times
    // Outlines of the features large enough to show one, each shared boundary segment
    // once (neighbours share their vertices, so half the segments are duplicates), in
    // order of their upper end so a band skips the rest.
    std::vector<QLine> edges;
};

namespace {

constexpr int kCacheSize = 6;

inline int snap(double v) {
    return int(std::floor(v + 0.5));
}

// Map-to-pixel simplification: vertices snapped to whole pixels, repeats dropped. A ring
// that collapses to fewer than three pixels is dropped; a feature left with no ring is a dot.
void appendFeature(PixelLevel& out, const MapLevel& level, int index) {
    const MapFeature& f = level.features[size_t(index)];
    const double inv = 1.0 / out.resolution;
    const double ox = out.origin.x(), oy = out.origin.y();
    PixelItem item;
    item.feature = index;
    item.risk = f.risk;
    item.hasHoles = f.hasHoles;
    item.firstRing = quint32(out.ringStarts.size() - 1);
    item.box = QRect(QPoint(snap((f.bounds.left() - ox) * inv), snap((oy - f.bounds.bottom()) * inv)),
                     QPoint(snap((f.bounds.right() - ox) * inv), snap((oy - f.bounds.top()) * inv)));
    if (item.box.width() > 1 || item.box.height() > 1) {
        for (quint32 r = f.firstRing; r < f.firstRing + f.ringCount; ++r) {
            const size_t start = out.points.size();
            QPoint last(INT_MIN, INT_MIN);
            for (quint32 k = level.ringStarts[r]; k < level.ringStarts[r + 1]; ++k) {
                const QPointF& p = level.points[k];
                const QPoint q(snap((p.x() - ox) * inv), snap((oy - p.y()) * inv));
                if (q != last) {
                    out.points.push_back(q);
                    last = q;
                }
            }
            if (out.points.size() - start > 1 && out.points.back() == out.points[start])
                out.points.pop_back(); // QPainter closes polygons itself
            if (out.points.size() - start < 3) {
                out.points.resize(start);
                continue;
            }
            out.ringStarts.push_back(quint32(out.points.size()));
            ++item.ringCount;
        }
    }
    out.items.push_back(item);
}

void buildEdges(PixelLevel& pl) {
    const auto pack = [](QPoint p) {
        return (quint64(quint32(p.y()) ^ 0x80000000u) << 32) | (quint32(p.x()) ^ 0x80000000u);
    };
    std::vector<std::pair<quint64, quint64>> keys;
    for (const PixelItem& item : pl.items) {
        if (item.ringCount == 0 || item.box.width() < LevelOfDetail::kMinOutlinePixels ||
            item.box.height() < LevelOfDetail::kMinOutlinePixels)
            continue;
        for (quint32 r = item.firstRing; r < item.firstRing + item.ringCount; ++r) {
            const quint32 s = pl.ringStarts[r], e = pl.ringStarts[r + 1];
            for (quint32 k = s; k < e; ++k) {
                const quint64 a = pack(pl.points[k]), b = pack(pl.points[k + 1 < e ? k + 1 : s]);
                keys.emplace_back(std::min(a, b), std::max(a, b));
            }
        }
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    const auto unpack = [](quint64 v) {
        return QPoint(int(quint32(v) ^ 0x80000000u), int(quint32(v >> 32) ^ 0x80000000u));
    };
    pl.edges.reserve(keys.size());
    for (const auto& [a, b] : keys)
        pl.edges.emplace_back(unpack(a), unpack(b));
}

void sortByRisk(PixelLevel& pl) {
    std::stable_sort(pl.items.begin(), pl.items.end(),
                     [](const PixelItem& a, const PixelItem& b) { return a.risk < b.risk; });
}

std::shared_ptr<PixelLevel> buildPixelLevel(const MapLevel& level, double resolution, QPointF origin,
                                            const std::vector<int>* subset) {
    auto pl = std::make_shared<PixelLevel>();
    pl->level = level.level;
    pl->resolution = resolution;
    pl->origin = origin;
    const size_t n = subset ? subset->size() : level.features.size();
    pl->items.reserve(n);
    pl->points.reserve(subset ? n * 8 : level.points.size() / 2);
    for (size_t i = 0; i < n; ++i)
        appendFeature(*pl, level, subset ? (*subset)[i] : int(i));
    sortByRisk(*pl);
    buildEdges(*pl);
    return pl;
}

struct LayerPass {
    std::shared_ptr<const PixelLevel> geometry;
    QPoint offset; // image pixel of geometry pixel (0, 0)
    bool filled = true;
    QPen pen;
};

QPainterPath itemPath(const PixelLevel& pl, const PixelItem& item) {
    QPainterPath path;
    path.setFillRule(Qt::OddEvenFill);
    for (quint32 r = item.firstRing; r < item.firstRing + item.ringCount; ++r) {
        QPolygon poly;
        for (quint32 k = pl.ringStarts[r]; k < pl.ringStarts[r + 1]; ++k)
            poly << pl.points[k];
        path.addPolygon(poly);
        path.closeSubpath();
    }
    return path;
}

// The fill class of an item: its loaded risk level unless a colouring says otherwise.
inline int fillClass(const FeatureColouring* c, const PixelLevel& pl, const PixelItem& item) {
    return c ? c->classOf(pl.level, item.feature, item.risk) : int(item.risk);
}

QColor classColor(const FeatureColouring* c, int cls) {
    if (!c)
        return RiskStyle::fillColor(static_cast<RiskLevel>(cls));
    return cls < c->palette.size() ? c->palette[cls] : QColor(Qt::gray);
}

bool paintBand(QImage& band, int y0, const std::vector<LayerPass>& passes, const MapRenderSettings& s,
               const std::atomic_bool* cancel) {
    QPainter p(&band);
    const QRect bandRect(0, y0, band.width(), band.height());
    const QPen outlinePen(RiskStyle::gridOutline(), 0);
    const FeatureColouring* colouring = s.colouring.get();
    const int classCount = colouring
                               ? std::clamp(int(colouring->palette.size()), 1, FeatureColouring::kMaxClasses)
                               : kRiskLevelCount;
    for (const LayerPass& pass : passes) {
        const PixelLevel& pl = *pass.geometry;
        p.resetTransform();
        p.translate(pass.offset.x(), pass.offset.y() - y0);
        const QRect visible = bandRect.translated(-pass.offset).adjusted(-2, -2, 2, 2);
        p.setPen(Qt::NoPen);
        if (pass.filled) {
            // Items bucketed by fill class first, so the brush changes once per class whatever
            // order live colours or hot-spot bins put the features in.
            std::vector<QPoint> dots[FeatureColouring::kMaxClasses];
            std::vector<const PixelItem*> fills[FeatureColouring::kMaxClasses];
            for (size_t i = 0; i < pl.items.size(); ++i) {
                if ((i & 4095) == 0 && cancel && cancel->load(std::memory_order_relaxed))
                    return false;
                const PixelItem& item = pl.items[i];
                if (!item.box.intersects(visible) && !visible.contains(item.box.topLeft()))
                    continue;
                const int cls = std::clamp(fillClass(colouring, pl, item), 0, classCount - 1);
                if (item.ringCount == 0)
                    dots[cls].push_back(item.box.topLeft());
                else
                    fills[cls].push_back(&item);
            }
            p.setRenderHint(QPainter::Antialiasing, false);
            for (int cls = 0; cls < classCount; ++cls) {
                if (fills[cls].empty())
                    continue;
                if (cancel && cancel->load(std::memory_order_relaxed))
                    return false;
                p.setBrush(classColor(colouring, cls));
                for (const PixelItem* item : fills[cls]) {
                    if (item->hasHoles) {
                        p.drawPath(itemPath(pl, *item));
                    } else {
                        for (quint32 r = item->firstRing; r < item->firstRing + item->ringCount; ++r)
                            p.drawPolygon(pl.points.data() + pl.ringStarts[r],
                                          int(pl.ringStarts[r + 1] - pl.ringStarts[r]));
                    }
                }
            }
            if (s.outlines && !pl.edges.empty()) {
                // Edges are ordered by their upper end: stop at the first below the band.
                p.setPen(outlinePen);
                const int bottom = visible.bottom();
                const int top = visible.top();
                size_t begin = 0, count = 0;
                const auto flush = [&] {
                    if (count)
                        p.drawLines(pl.edges.data() + begin, int(count));
                    count = 0;
                };
                for (size_t i = 0; i < pl.edges.size(); ++i) {
                    const QLine& e = pl.edges[i];
                    if (e.y1() > bottom)
                        break;
                    if (e.y2() < top) { // entirely above the band
                        flush();
                        begin = i + 1;
                        continue;
                    }
                    if (count == 0)
                        begin = i;
                    ++count;
                }
                flush();
                p.setPen(Qt::NoPen);
            }
            for (int cls = 0; cls < classCount; ++cls) {
                if (dots[cls].empty())
                    continue;
                p.setPen(QPen(classColor(colouring, cls), 0));
                p.drawPoints(dots[cls].data(), int(dots[cls].size()));
            }
            if (s.accessible && (!colouring || colouring->classesAreRisk)) {
                p.setPen(Qt::NoPen);
                for (int cls = 0; cls < std::min(classCount, kRiskLevelCount); ++cls) {
                    const Qt::BrushStyle hatch = RiskStyle::hatch(static_cast<RiskLevel>(cls));
                    if (hatch == Qt::NoBrush)
                        continue;
                    p.setBrush(QBrush(RiskStyle::hatchColor(), hatch));
                    for (const PixelItem* item : fills[cls])
                        p.drawPath(itemPath(pl, *item));
                }
            }
        } else {
            // Thick boundaries as 1-pixel cosmetic strokes repeated at pixel offsets: the
            // raster engine's cosmetic stroker clips and draws those at once, whereas a wide
            // pen strokes every vertex of a large street outline, visible or not.
            const int width = std::clamp(int(pass.pen.widthF() + 0.5), 1, 3);
            p.setRenderHint(QPainter::Antialiasing, false);
            p.setPen(QPen(pass.pen.color(), 0));
            p.setBrush(Qt::NoBrush);
            for (int dy = 0; dy < width; ++dy) {
                for (int dx = 0; dx < width; ++dx) {
                    p.resetTransform();
                    p.translate(pass.offset.x() + dx - width / 2, pass.offset.y() - y0 + dy - width / 2);
                    for (const PixelItem& item : pl.items) {
                        if (item.ringCount == 0 || !item.box.intersects(visible))
                            continue;
                        for (quint32 r = item.firstRing; r < item.firstRing + item.ringCount; ++r)
                            p.drawPolygon(pl.points.data() + pl.ringStarts[r],
                                          int(pl.ringStarts[r + 1] - pl.ringStarts[r]));
                    }
                }
            }
        }
    }
    return true;
}

struct LabelCandidate {
    QString text;
    QPointF anchor; // image pixels
    double widthPx = 0;
    double heightPx = 0;
    bool major = false;
};

void paintLabels(QImage& image, const GridLayerData& data, const MapViewport& vp, GridLevel fill,
                 const QList<GridLevel>& boundaries, QVector<QRect>* placedRects) {
    QPainter p(&image);
    p.setRenderHint(QPainter::TextAntialiasing);
    QFont minor(QStringLiteral("Noto Sans CJK SC"));
    minor.setPixelSize(12);
    QFont major = minor;
    major.setPixelSize(15);
    major.setBold(true);
    const QFontMetrics minorMetrics(minor), majorMetrics(major);
    LabelPlacer placer(vp.size());
    const QRectF extent = vp.extent();
    const auto place = [&](GridLevel level, bool isMajor, int budget) {
        const MapLevel& l = data.level(level);
        std::vector<int> visible = data.query(level, extent);
        std::vector<std::pair<double, int>> order;
        order.reserve(visible.size());
        for (int i : visible) {
            const MapFeature& f = l.features[size_t(i)];
            const double w = f.bounds.width() / vp.resolution();
            if (w >= 40)
                order.emplace_back(-w * f.bounds.height(), i);
        }
        std::sort(order.begin(), order.end());
        const QFontMetrics& fm = isMajor ? majorMetrics : minorMetrics;
        p.setFont(isMajor ? major : minor);
        int placed = 0;
        for (const auto& [area, i] : order) {
            if (placed >= budget)
                break;
            const MapFeature& f = l.features[size_t(i)];
            QString text = f.name;
            int tw = fm.horizontalAdvance(text) + 4;
            const double room = f.bounds.width() / vp.resolution() * 1.1;
            if (tw > room) {
                // "河乐社区第1网格" inside 河乐社区 reads as "第1网格".
                const MapFeature* parent = data.feature(data.find(f.parentCode));
                if (!parent || !text.startsWith(parent->name) || text.size() == parent->name.size())
                    continue;
                text = text.mid(parent->name.size());
                tw = fm.horizontalAdvance(text) + 4;
                if (tw > room)
                    continue;
            }
            const QPointF a = vp.toPixel(f.labelPoint);
            const QRect r(int(a.x() - tw / 2.0), int(a.y() - fm.height() / 2.0), tw, fm.height());
            if (!placer.tryReserve(r))
                continue;
            drawHaloText(p, r, text, isMajor ? QColor(20, 20, 50) : QColor(40, 40, 40));
            if (placedRects)
                placedRects->push_back(r.adjusted(-1, -1, 1, 1)); // the halo reaches one pixel out
            ++placed;
        }
    };
    for (GridLevel b : boundaries)
        if (b != GridLevel::County)
            place(b, true, 200);
    place(fill, boundaries.isEmpty(), 600);
}

} // namespace

GridLevel LevelOfDetail::fillLevel(const GridLayerData& data, double resolution) {
    GridLevel best = GridLevel::Street;
    for (GridLevel l : {GridLevel::Street, GridLevel::Community, GridLevel::Grid, GridLevel::Building}) {
        const MapLevel& level = data.level(l);
        if (level.isEmpty())
            continue;
        if (l == GridLevel::Street || level.typicalSizeM / resolution >= kMinFillPixels)
            best = l;
    }
    if (data.level(best).isEmpty())
        best = GridLevel::County;
    return best;
}

QList<GridLevel> LevelOfDetail::boundaryLevels(const GridLayerData& data, double resolution, GridLevel fill) {
    QList<GridLevel> out;
    for (int l = static_cast<int>(fill) - 1; l >= 1; --l) {
        const MapLevel& level = data.level(static_cast<GridLevel>(l));
        if (!level.isEmpty() && (l == 1 || level.typicalSizeM / resolution >= kMinBoundaryPixels))
            out << static_cast<GridLevel>(l);
    }
    return out; // finest first, so the county line ends up on top
}

MapRenderer::MapRenderer(std::shared_ptr<const GridLayerData> data) : m_data(std::move(data)) {}
MapRenderer::~MapRenderer() = default;

bool MapRenderer::canDrawText() {
    return qobject_cast<QGuiApplication*>(QCoreApplication::instance()) != nullptr;
}

void MapRenderer::applyOpacity(QImage& image, double opacity) {
    if (image.isNull() || opacity >= 1.0)
        return;
    QPainter p(&image);
    p.setCompositionMode(QPainter::CompositionMode_DestinationIn);
    p.fillRect(image.rect(), QColor(0, 0, 0, qBound(0, int(opacity * 255 + 0.5), 255)));
}

void MapRenderer::clearCache() {
    QMutexLocker lock(&m_cacheMutex);
    m_cache.clear();
    m_cacheOrder.clear();
}

std::shared_ptr<const PixelLevel> MapRenderer::pixelLevel(GridLevel level, double resolution) const {
    const std::pair<int, double> key(static_cast<int>(level), resolution);
    {
        QMutexLocker lock(&m_cacheMutex);
        if (auto it = m_cache.find(key); it != m_cache.end()) {
            std::erase(m_cacheOrder, key);
            m_cacheOrder.push_back(key);
            return it->second;
        }
    }
    const MapLevel& l = m_data->level(level);
    const QRectF b = m_data->bounds();
    auto built = buildPixelLevel(l, resolution, QPointF(b.left(), b.bottom()), nullptr);
    QMutexLocker lock(&m_cacheMutex);
    m_cache[key] = built;
    m_cacheOrder.push_back(key);
    while (int(m_cacheOrder.size()) > kCacheSize) {
        m_cache.erase(m_cacheOrder.front());
        m_cacheOrder.erase(m_cacheOrder.begin());
    }
    return built;
}

QImage MapRenderer::render(const MapRenderSettings& s, const std::atomic_bool* cancel,
                           MapLabels* labels) const {
    const MapViewport& vp = s.viewport;
    if (!vp.isValid() || !m_data)
        return {};
    QImage image;
    {
        QMutexLocker lock(&m_cacheMutex);
        m_spareImages.removeIf([&](const QImage& spare) { return spare.size() != vp.size(); });
        for (qsizetype i = 0; i < m_spareImages.size(); ++i)
            if (m_spareImages[i].isDetached()) { // nobody holds it any more
                image = m_spareImages.takeAt(i);
                break;
            }
    }
    if (image.isNull())
        image = QImage(vp.size(), QImage::Format_ARGB32_Premultiplied);
    // Each band clears its own rows (runBand below), in parallel, instead of this thread
    // clearing all 8 MB before the bands start.
    const double res = vp.resolution();
    const QRectF extent = vp.extent();
    const GridLevel fill = s.forcedLevel.value_or(LevelOfDetail::fillLevel(*m_data, res));
    const QList<GridLevel> boundaries = (s.forcedLevel || !s.coarserBoundaries)
                                            ? QList<GridLevel>{}
                                            : LevelOfDetail::boundaryLevels(*m_data, res, fill);

    std::vector<LayerPass> passes;
    const auto addPass = [&](GridLevel level, bool filled, const QPen& pen) {
        const MapLevel& l = m_data->level(level);
        if (l.isEmpty())
            return;
        const QRectF queryRect = extent.adjusted(-2 * res, -2 * res, 2 * res, 2 * res);
        // A view over the whole level needs no index query: every feature is in it.
        const bool whole = queryRect.contains(l.bounds);
        std::vector<int> visible;
        if (!whole) {
            visible = m_data->query(level, queryRect);
            if (visible.empty())
                return;
        }
        LayerPass pass;
        pass.filled = filled;
        pass.pen = pen;
        // A view showing most of a level reuses the level's cached pixel geometry; a
        // zoomed-in view simplifies just the few features it shows.
        if (whole || visible.size() * 4 > l.features.size()) {
            pass.geometry = pixelLevel(level, res);
            const QPointF o = pass.geometry->origin;
            pass.offset = QPoint(snap((o.x() - extent.left()) / res), snap((extent.bottom() - o.y()) / res));
        } else {
            pass.geometry = buildPixelLevel(l, res, QPointF(extent.left(), extent.bottom()), &visible);
        }
        passes.push_back(std::move(pass));
    };
    addPass(fill, true, QPen());
    for (GridLevel b : boundaries)
        addPass(b, false, RiskStyle::boundaryPen(b));
    if (cancel && cancel->load())
        return {};

    const int threads = std::clamp(s.threads, 1, 8);
    const int bandHeight = (image.height() + threads - 1) / threads;
    uchar* bits = image.bits();
    const qsizetype bpl = image.bytesPerLine();
    QList<int> bandStarts;
    for (int y = 0; y < image.height(); y += bandHeight)
        bandStarts << y;
    std::atomic_bool complete = true;
    const auto runBand = [&](int y0) {
        const int rows = std::min(bandHeight, image.height() - y0);
        std::memset(bits + y0 * bpl, 0, size_t(rows) * size_t(bpl)); // transparent
        QImage band(bits + y0 * bpl, image.width(), rows, bpl, image.format());
        if (!paintBand(band, y0, passes, s, cancel))
            complete = false;
        else
            applyOpacity(band, s.opacity); // per band, in parallel; labels stay opaque
    };
    if (bandStarts.size() == 1) {
        runBand(0);
    } else {
        // The calling thread paints the first band; the others go to the global pool.
        QList<QFuture<void>> others;
        for (int i = 1; i < bandStarts.size(); ++i)
            others << QtConcurrent::run([&, y0 = bandStarts[i]] { runBand(y0); });
        runBand(bandStarts[0]);
        for (auto& f : others)
            f.waitForFinished();
    }
    if (!complete || (cancel && cancel->load()))
        return {};
    if (labels) {
        labels->rects.clear();
        labels->image = QImage();
    }
    if (s.labels && canDrawText()) {
        if (labels) {
            labels->image = QImage(vp.size(), QImage::Format_ARGB32_Premultiplied);
            labels->image.fill(Qt::transparent);
            paintLabels(labels->image, *m_data, vp, fill, boundaries, &labels->rects);
        } else {
            paintLabels(image, *m_data, vp, fill, boundaries, nullptr);
        }
    }
    QMutexLocker lock(&m_cacheMutex);
    if (m_spareImages.size() < 3)
        m_spareImages << image; // shared until the caller lets its copy go
    return image;
}

} // namespace gc::map
