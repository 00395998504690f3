#pragma once

#include "gc/core/GridLevel.h"
#include "gc/core/RiskLevel.h"

#include <QHash>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace gc {
class CountyStore;
}

namespace gc::map {

class SpatialIndex;

// One feature of a hierarchy level, projected to Web Mercator.
struct MapFeature {
    QString code;
    QString name;
    QString parentCode;
    int households = 0;
    int population = 0;
    RiskLevel risk = RiskLevel::Green;
    QRectF bounds;      // Mercator metres; top() is the southern edge
    QPointF labelPoint; // inside the polygon
    quint32 firstRing = 0;
    quint32 ringCount = 0;
    bool hasHoles = false;
};

// All features of one level: rings are runs of `points` (Mercator), ring i spans
// points [ringStarts[i], ringStarts[i + 1]).
struct MapLevel {
    GridLevel level = GridLevel::Grid;
    std::vector<MapFeature> features;
    std::vector<quint32> ringStarts; // size = rings + 1
    std::vector<QPointF> points;
    std::vector<bool> ringIsHole;
    QRectF bounds;
    double typicalSizeM = 0; // median of sqrt(bbox area): decides the zoom range of the level
    std::unique_ptr<SpatialIndex> index;

    MapLevel();
    ~MapLevel();
    MapLevel(MapLevel&&) noexcept;
    MapLevel& operator=(MapLevel&&) noexcept;
    bool isEmpty() const { return features.empty(); }
};

struct FeatureRef {
    GridLevel level = GridLevel::Grid;
    int index = -1;
    bool isValid() const { return index >= 0; }
};

// Every hierarchy level of a county in memory, projected once (PROJ, EPSG:4490 →
// EPSG:3857) and indexed with a GEOS STRtree. Immutable after load, so render jobs on
// any thread read it without locks (the STRtree is queried under its own mutex).
class GridLayerData {
public:
    struct LoadOptions {
        // Shift geometry from WGS-84/CGCS2000 to GCJ-02 so it matches AMap-style tiles.
        bool gcj02 = false;
    };

    ~GridLayerData();
    // Reads every level from an open store (the store's thread); parsing and projection
    // run in parallel. nullptr with a message in *error on failure.
    static std::shared_ptr<GridLayerData> load(const CountyStore& store, const LoadOptions& options,
                                               QString* error);
    // Opens its own read connection, so it can run on a worker thread.
    static std::shared_ptr<GridLayerData> loadFile(const QString& path, const LoadOptions& options,
                                                   QString* error);

    const MapLevel& level(GridLevel level) const { return m_levels[static_cast<int>(level) - 1]; }
    QRectF bounds() const { return m_bounds; } // Mercator
    bool isGcj02() const { return m_gcj02; }
    int featureCount(GridLevel level) const { return int(this->level(level).features.size()); }
    const MapFeature* feature(FeatureRef ref) const;
    FeatureRef find(const QString& code) const;
    // Indices of features of `level` whose bounds intersect `mercatorRect`.
    std::vector<int> query(GridLevel level, const QRectF& mercatorRect) const;
    // The feature of `level` that contains the Mercator point, if any.
    FeatureRef hitTest(GridLevel level, QPointF mercator) const;
    // Features whose code starts with `text` or whose name contains it; coarser levels first.
    QList<FeatureRef> search(const QString& text, int limit = 20) const;
    // Grids whose geometry could not be drawn (empty, unreadable, NaN or non-lon/lat
    // coordinates, as a county edited by a broken tool may hold), "code：why" each. They are
    // kept (found by code, listed) but neither drawn nor indexed; callers warn about them.
    const QStringList& skippedGeometry() const { return m_skipped; }
    // Map point of a lon/lat (CGCS2000) position, shifted to GCJ-02 when the data is.
    QPointF project(QPointF lonLat) const;
    // Lon/lat (CGCS2000) of a map point, undoing the GCJ-02 shift when the data has it.
    QPointF unproject(QPointF mercator) const;

private:
    GridLayerData() = default;
    MapLevel m_levels[kGridLevelCount];
    QHash<QString, FeatureRef> m_byCode;
    QRectF m_bounds;
    bool m_gcj02 = false;
    QStringList m_skipped;
};

// Ray casting on one feature's rings (holes included, even-odd).
bool featureContains(const MapLevel& level, const MapFeature& feature, QPointF mercator);

} // namespace gc::map
