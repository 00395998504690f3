#include "gc/map/GridLayerData.h"
#include "gc/map/MapViewport.h"

#include "SpatialIndex.h"
#include "gc/geo/ChinaCoordinates.h"
#include "gc/geo/Geometry.h"
#include "gc/store/CountyStore.h"

#include <QCoreApplication>
#include <QtConcurrent>
#include <QtEndian>

#include <proj.h>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace gc::map {

namespace {

// The translation context of this file's messages, declared where lupdate reads it.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(GridLayerData)
};

// One chunk of features parsed and projected on a worker thread.
struct Chunk {
    int begin = 0;
    int end = 0;
    std::vector<QPointF> points;
    std::vector<quint32> ringStarts; // relative to the chunk
    std::vector<bool> ringIsHole;
    std::vector<quint32> ringCounts;  // per feature
    std::vector<QPointF> labelLonLat; // fallback anchors (NaN when the centroid is inside)
    QStringList skipped;              // "code：why" of features whose geometry is unusable
    QString error;
};

// Minimal reader for the store's ISO WKB (2D Polygon/MultiPolygon, either byte order).
class WkbReader {
public:
    explicit WkbReader(const QByteArray& wkb) : m_data(wkb.constData()), m_size(size_t(wkb.size())) {}

    bool readGeometry(Chunk& out, quint32& rings) {
        bool little = true;
        quint32 type = 0;
        if (!header(little, type))
            return false;
        const int dims = (type >= 3000) ? 4 : (type >= 1000 ? 3 : 2);
        switch (type % 1000) {
        case 3:
            return readPolygon(out, rings, little, dims);
        case 6: {
            quint32 parts = 0;
            if (!u32(little, parts))
                return false;
            for (quint32 p = 0; p < parts; ++p) {
                bool partLittle = true;
                quint32 partType = 0;
                if (!header(partLittle, partType) || partType % 1000 != 3)
                    return false;
                if (!readPolygon(out, rings, partLittle, (partType >= 3000) ? 4 : (partType >= 1000 ? 3 : 2)))
                    return false;
            }
            return true;
        }
        default:
            return false;
        }
    }

private:
    bool header(bool& little, quint32& type) {
        if (m_pos + 5 > m_size)
            return false;
        little = m_data[m_pos++] == 1;
        return u32(little, type);
    }
    bool u32(bool little, quint32& v) {
        if (m_pos + 4 > m_size)
            return false;
        std::memcpy(&v, m_data + m_pos, 4);
        if (!little)
            v = qFromBigEndian(v);
        m_pos += 4;
        return true;
    }
    bool f64(bool little, double& v) {
        if (m_pos + 8 > m_size)
            return false;
        quint64 bits;
        std::memcpy(&bits, m_data + m_pos, 8);
        if (!little)
            bits = qFromBigEndian(bits);
        std::memcpy(&v, &bits, 8);
        m_pos += 8;
        return true;
    }
    bool readPolygon(Chunk& out, quint32& rings, bool little, int dims) {
        quint32 ringCount = 0;
        if (!u32(little, ringCount))
            return false;
        for (quint32 r = 0; r < ringCount; ++r) {
            quint32 n = 0;
            if (!u32(little, n) || m_pos + size_t(n) * 8 * dims > m_size)
                return false;
            out.ringStarts.push_back(quint32(out.points.size()));
            out.ringIsHole.push_back(r > 0);
            for (quint32 i = 0; i < n; ++i) {
                double x = 0, y = 0, skip = 0;
                f64(little, x);
                f64(little, y);
                for (int d = 2; d < dims; ++d)
                    f64(little, skip);
                out.points.emplace_back(x, y);
            }
            ++rings;
        }
        return true;
    }

    const char* m_data;
    size_t m_size;
    size_t m_pos = 0;
};

struct ProjDeleter {
    void operator()(PJ* p) const { proj_destroy(p); }
};

// One PROJ context and transformation per thread: PJ objects are not thread-safe.
class Projector {
public:
    Projector() {
        m_ctx = proj_context_create();
        PJ* raw = proj_create_crs_to_crs(m_ctx, "EPSG:4490", "EPSG:3857", nullptr);
        if (raw) {
            m_pj = proj_normalize_for_visualization(m_ctx, raw); // lon/lat order in, x/y out
            proj_destroy(raw);
        }
    }
    ~Projector() {
        if (m_pj)
            proj_destroy(m_pj);
        proj_context_destroy(m_ctx);
    }
    bool isValid() const { return m_pj != nullptr; }
    bool project(QPointF* points, size_t n) const {
        if (n == 0)
            return true;
        double* xy = reinterpret_cast<double*>(points); // QPointF is two packed doubles
        static_assert(sizeof(QPointF) == 2 * sizeof(double));
        const size_t done = proj_trans_generic(m_pj, PJ_FWD, xy, sizeof(QPointF), n, xy + 1, sizeof(QPointF),
                                               n, nullptr, 0, 0, nullptr, 0, 0);
        return done == n;
    }

private:
    PJ_CONTEXT* m_ctx = nullptr;
    PJ* m_pj = nullptr;
};

bool ringContains(const QPointF* p, size_t n, QPointF q) {
    bool inside = false;
    for (size_t i = 0, j = n - 1; i < n; j = i++) {
        if (((p[i].y() > q.y()) != (p[j].y() > q.y())) &&
            (q.x() < (p[j].x() - p[i].x()) * (q.y() - p[i].y()) / (p[j].y() - p[i].y()) + p[i].x()))
            inside = !inside;
    }
    return inside;
}

void loadLevel(MapLevel& level, const QList<GridRecord>& records, bool gcj02, QStringList* skipped,
               QString* error) {
    const int n = int(records.size());
    const int chunkSize = 2048;
    QList<Chunk> chunks;
    for (int b = 0; b < n; b += chunkSize) {
        Chunk c;
        c.begin = b;
        c.end = std::min(n, b + chunkSize);
        chunks << c;
    }
    QtConcurrent::blockingMap(chunks, [&](Chunk& c) {
        thread_local Projector projector;
        if (!projector.isValid()) {
            c.error = Tr::tr("PROJ 无法建立 EPSG:4490 → EPSG:3857 的转换");
            return;
        }
        for (int i = c.begin; i < c.end; ++i) {
            quint32 rings = 0;
            const size_t firstPoint = c.points.size();
            const size_t firstRing = c.ringStarts.size();
            WkbReader reader(records[i].wkb);
            const bool read = reader.readGeometry(c, rings);
            // Only finite lon/lat reaches PROJ and the STRtree: a NaN or infinite envelope
            // crashes GEOS's tree. Web Mercator ends at ±85.05°, beyond which it is infinite.
            const bool lonLat =
                read && std::all_of(c.points.begin() + qsizetype(firstPoint), c.points.end(), [](QPointF p) {
                    return std::isfinite(p.x()) && std::isfinite(p.y()) && std::abs(p.x()) <= 180 &&
                           std::abs(p.y()) <= 85.05;
                });
            if (!read || !lonLat || rings == 0) {
                c.skipped << QStringLiteral("%1：%2").arg(records[i].code,
                                                          records[i].wkb.isEmpty() ? Tr::tr("空几何")
                                                          : !read      ? Tr::tr("几何无法读取")
                                                          : rings == 0 ? Tr::tr("空几何")
                                                                       : Tr::tr("坐标不是有效的经纬度"));
                c.points.resize(firstPoint);
                c.ringStarts.resize(firstRing);
                c.ringIsHole.resize(firstRing);
                rings = 0;
            }
            c.ringCounts.push_back(rings);
            if (gcj02)
                for (size_t k = firstPoint; k < c.points.size(); ++k)
                    c.points[k] = geo::wgs84ToGcj02(c.points[k]);
        }
        if (!projector.project(c.points.data(), c.points.size()))
            c.error = Tr::tr("坐标投影失败");
        // Label anchors: the vertex mean of the first ring when it lies inside (always, for
        // the convex cells of most partitions), otherwise GEOS's interior point.
        size_t ring = 0;
        for (int i = c.begin; i < c.end; ++i) {
            const quint32 rings = c.ringCounts[size_t(i - c.begin)];
            QPointF anchor(qQNaN(), qQNaN());
            if (rings > 0) {
                const size_t s = c.ringStarts[ring];
                const size_t e = (ring + 1 < c.ringStarts.size()) ? c.ringStarts[ring + 1] : c.points.size();
                QPointF sum;
                for (size_t k = s; k + 1 < e; ++k)
                    sum += c.points[k];
                const QPointF mean = e - s > 1 ? sum / double(e - s - 1) : QPointF();
                if (e - s >= 4 && rings == 1 && ringContains(c.points.data() + s, e - s, mean)) {
                    anchor = mean;
                } else {
                    QPointF ll = geo::interiorPoint(records[i].wkb);
                    if (gcj02)
                        ll = geo::wgs84ToGcj02(ll);
                    projector.project(&ll, 1);
                    anchor = ll;
                }
            }
            c.labelLonLat.push_back(anchor);
            ring += rings;
        }
    });
    size_t totalPoints = 0, totalRings = 0;
    for (const Chunk& c : chunks) {
        if (!c.error.isEmpty()) {
            *error = c.error;
            return;
        }
        *skipped << c.skipped;
        totalPoints += c.points.size();
        totalRings += c.ringStarts.size();
    }
    level.points.reserve(totalPoints);
    level.ringStarts.reserve(totalRings + 1);
    level.features.reserve(size_t(n));
    std::vector<QRectF> boxes;
    boxes.reserve(size_t(n));
    std::vector<double> sizes;
    sizes.reserve(size_t(n));
    for (Chunk& c : chunks) {
        const quint32 pointBase = quint32(level.points.size());
        size_t ring = 0;
        for (int i = c.begin; i < c.end; ++i) {
            const GridRecord& r = records[i];
            MapFeature f;
            f.code = r.code;
            f.name = r.name;
            f.parentCode = r.parentCode;
            f.households = r.households;
            f.population = r.population;
            f.risk = r.risk;
            f.firstRing = quint32(level.ringStarts.size());
            f.ringCount = c.ringCounts[size_t(i - c.begin)];
            f.labelPoint = c.labelLonLat[size_t(i - c.begin)];
            double minX = HUGE_VAL, minY = HUGE_VAL, maxX = -HUGE_VAL, maxY = -HUGE_VAL;
            for (quint32 k = 0; k < f.ringCount; ++k, ++ring) {
                level.ringStarts.push_back(pointBase + c.ringStarts[ring]);
                level.ringIsHole.push_back(c.ringIsHole[ring]);
                f.hasHoles = f.hasHoles || c.ringIsHole[ring];
                const size_t s = c.ringStarts[ring];
                const size_t e = ring + 1 < c.ringStarts.size() ? c.ringStarts[ring + 1] : c.points.size();
                for (size_t p = s; p < e; ++p) {
                    minX = std::min(minX, c.points[p].x());
                    maxX = std::max(maxX, c.points[p].x());
                    minY = std::min(minY, c.points[p].y());
                    maxY = std::max(maxY, c.points[p].y());
                }
            }
            if (minX <= maxX) {
                f.bounds = QRectF(minX, minY, maxX - minX, maxY - minY);
                level.bounds = level.bounds.isNull() ? f.bounds : level.bounds.united(f.bounds);
            }
            boxes.push_back(f.bounds);
            sizes.push_back(std::sqrt(f.bounds.width() * f.bounds.height()));
            level.features.push_back(std::move(f));
        }
        level.points.insert(level.points.end(), c.points.begin(), c.points.end());
        c = Chunk();
    }
    level.ringStarts.push_back(quint32(level.points.size()));
    if (!sizes.empty()) {
        std::nth_element(sizes.begin(), sizes.begin() + sizes.size() / 2, sizes.end());
        level.typicalSizeM = sizes[sizes.size() / 2];
    }
    level.index = std::make_unique<SpatialIndex>(boxes);
}

} // namespace

MapLevel::MapLevel() = default;
MapLevel::~MapLevel() = default;
MapLevel::MapLevel(MapLevel&&) noexcept = default;
MapLevel& MapLevel::operator=(MapLevel&&) noexcept = default;

GridLayerData::~GridLayerData() = default;

std::shared_ptr<GridLayerData> GridLayerData::load(const CountyStore& store, const LoadOptions& options,
                                                   QString* error) {
    QString localError;
    if (!error)
        error = &localError;
    std::shared_ptr<GridLayerData> data(new GridLayerData);
    data->m_gcj02 = options.gcj02;
    for (int l = 1; l <= kGridLevelCount; ++l) {
        const auto gridLevel = static_cast<GridLevel>(l);
        MapLevel& level = data->m_levels[l - 1];
        level.level = gridLevel;
        const QList<GridRecord> records = store.grids(gridLevel, true);
        loadLevel(level, records, options.gcj02, &data->m_skipped, error);
        if (!error->isEmpty())
            return nullptr;
        for (int i = 0; i < int(level.features.size()); ++i)
            data->m_byCode.insert(level.features[size_t(i)].code, FeatureRef{gridLevel, i});
        if (!level.bounds.isNull())
            data->m_bounds = data->m_bounds.isNull() ? level.bounds : data->m_bounds.united(level.bounds);
    }
    if (data->m_bounds.isNull()) {
        *error = data->m_skipped.isEmpty()
                     ? Tr::tr("县域数据中没有任何网格")
                     : Tr::tr("县域数据中没有可绘制的网格：%1 个网格的几何无法使用（%2）")
                           .arg(data->m_skipped.size())
                           .arg(data->m_skipped.first());
        return nullptr;
    }
    return data;
}

std::shared_ptr<GridLayerData> GridLayerData::loadFile(const QString& path, const LoadOptions& options,
                                                       QString* error) {
    auto store = CountyStore::open(path, error, CountyStore::Access::ReadOnly);
    if (!store)
        return nullptr;
    return load(*store, options, error);
}

const MapFeature* GridLayerData::feature(FeatureRef ref) const {
    if (!ref.isValid())
        return nullptr;
    const MapLevel& l = level(ref.level);
    return ref.index < int(l.features.size()) ? &l.features[size_t(ref.index)] : nullptr;
}

FeatureRef GridLayerData::find(const QString& code) const {
    return m_byCode.value(code);
}

std::vector<int> GridLayerData::query(GridLevel gridLevel, const QRectF& rect) const {
    const MapLevel& l = level(gridLevel);
    if (!l.index)
        return {};
    return l.index->query(rect);
}

FeatureRef GridLayerData::hitTest(GridLevel gridLevel, QPointF m) const {
    const MapLevel& l = level(gridLevel);
    for (int i : query(gridLevel, QRectF(m.x(), m.y(), 0, 0)))
        if (featureContains(l, l.features[size_t(i)], m))
            return FeatureRef{gridLevel, i};
    return {};
}

QList<FeatureRef> GridLayerData::search(const QString& text, int limit) const {
    QList<FeatureRef> exact, prefix, contains;
    const QString t = text.trimmed();
    if (t.isEmpty())
        return {};
    for (int l = 1; l <= kGridLevelCount; ++l) {
        const MapLevel& lv = m_levels[l - 1];
        for (int i = 0; i < int(lv.features.size()); ++i) {
            const MapFeature& f = lv.features[size_t(i)];
            const FeatureRef ref{lv.level, i};
            if (f.code == t || f.name == t)
                exact << ref;
            else if (f.code.startsWith(t) || f.name.startsWith(t))
                prefix << ref;
            else if (contains.size() < limit && f.name.contains(t))
                contains << ref;
        }
    }
    QList<FeatureRef> out = exact + prefix + contains;
    if (out.size() > limit)
        out.resize(limit);
    return out;
}

QPointF GridLayerData::project(QPointF lonLat) const {
    return lonLatToMercator(m_gcj02 ? geo::wgs84ToGcj02(lonLat) : lonLat);
}

QPointF GridLayerData::unproject(QPointF m) const {
    const QPointF ll = mercatorToLonLat(m);
    return m_gcj02 ? geo::gcj02ToWgs84(ll) : ll;
}

bool featureContains(const MapLevel& level, const MapFeature& f, QPointF m) {
    if (!f.bounds.contains(m) && !(f.bounds.left() <= m.x() && m.x() <= f.bounds.right() &&
                                   f.bounds.top() <= m.y() && m.y() <= f.bounds.bottom()))
        return false;
    bool inside = false;
    for (quint32 r = f.firstRing; r < f.firstRing + f.ringCount; ++r) {
        const quint32 s = level.ringStarts[r], e = level.ringStarts[r + 1];
        if (e - s >= 3 && ringContains(level.points.data() + s, e - s, m))
            inside = !inside;
    }
    return inside;
}

} // namespace gc::map
