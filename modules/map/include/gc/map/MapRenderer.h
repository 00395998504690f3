#pragma once

#include "gc/core/GridLevel.h"
#include "gc/core/RiskLevel.h"
#include "gc/map/MapViewport.h"

#include <QColor>
#include <QImage>
#include <QList>
#include <QMutex>
#include <QRect>
#include <QStringList>
#include <QVector>

#include <atomic>
#include <map>
#include <memory>
#include <optional>

namespace gc::map {

class GridLayerData;
struct PixelLevel;

// Fills other than the risk level each feature was loaded with: live bands from the risk engine,
// hot-spot bins, or one neutral colour when the risk layer is switched off. Immutable once
// handed to a render job, so the job reads it without a lock.
struct FeatureColouring {
    static constexpr int kMaxClasses = 16;
    QVector<QColor> palette; // class → fill colour
    QStringList classNames;  // class → what the legend says
    QString title;           // the legend's heading
    // Per level (index level - 1), the class of each feature index; features beyond a level's
    // vector (or a level without one) keep their loaded risk level as class.
    std::vector<quint8> classes[kGridLevelCount];
    int uniformClass = -1;      // >= 0: every feature has this class
    bool classesAreRisk = true; // class = RiskLevel: the accessible mode hatches them

    int classOf(GridLevel level, int featureIndex, RiskLevel loaded) const {
        if (uniformClass >= 0)
            return uniformClass;
        const std::vector<quint8>& c = classes[static_cast<int>(level) - 1];
        return size_t(featureIndex) < c.size() ? int(c[size_t(featureIndex)]) : int(loaded);
    }
};

struct MapRenderSettings {
    MapViewport viewport;
    // Draw exactly this level, filled, at every zoom (gridctl --level); otherwise the
    // level of detail picks the level for the resolution.
    std::optional<GridLevel> forcedLevel;
    bool labels = true;
    bool outlines = true;
    bool coarserBoundaries = true;                     // thicker lines of the levels above the filled one
    bool accessible = false;                           // hatch pattern per risk level
    int threads = 2;                                   // horizontal bands rendered in parallel
    double opacity = 1.0;                              // layer opacity, applied once to the finished image
    std::shared_ptr<const FeatureColouring> colouring; // null: the loaded risk levels
};

// Labels rendered apart from the grid image, so the canvas can draw them over the worker layer
// (names stay readable under hundreds of workers); `rects` are where text is, in image pixels.
struct MapLabels {
    QImage image;
    QVector<QRect> rects;
};

// Which levels a view shows: each level is filled in the zoom range where its typical
// feature is at least kMinFillPixels wide; the levels above it stay as thicker lines.
class LevelOfDetail {
public:
    static constexpr double kMinFillPixels = 22.0;
    static constexpr double kMinBoundaryPixels = 6.0;
    static constexpr double kMinOutlinePixels = 4.0; // smaller features are filled only
    static GridLevel fillLevel(const GridLayerData& data, double resolution);
    static QList<GridLevel> boundaryLevels(const GridLayerData& data, double resolution, GridLevel fill);
};

// Renders the static grid layers for a viewport into a transparent image: the code path
// shared by the canvas's background jobs, `gridctl render` and `gridctl bench render`.
//
// Speed comes from the QGIS recipe: geometry snapped to whole pixels with repeated
// vertices dropped (map-to-pixel simplification), sub-pixel features drawn as one pixel,
// outlines only on features large enough to show one, bands painted in parallel, and
// the simplified geometry of a whole level cached per resolution so panning and
// re-rendering at the same zoom skip the simplification.
class MapRenderer {
public:
    explicit MapRenderer(std::shared_ptr<const GridLayerData> data);
    ~MapRenderer();

    const std::shared_ptr<const GridLayerData>& data() const { return m_data; }
    // A null image when `cancel` was raised before the image was complete. Thread-safe.
    // The image is shared with a small pool of buffers: read it, do not paint on it.
    // With `labels`, the labels go there instead of into the returned image.
    QImage render(const MapRenderSettings& settings, const std::atomic_bool* cancel = nullptr,
                  MapLabels* labels = nullptr) const;
    void clearCache();

    // Whether text can be drawn: fonts need a QGuiApplication.
    static bool canDrawText();
    // Makes the whole layer translucent once, in the job, instead of on every frame.
    static void applyOpacity(QImage& image, double opacity);

private:
    std::shared_ptr<const PixelLevel> pixelLevel(GridLevel level, double resolution) const;
    std::shared_ptr<const GridLayerData> m_data;
    mutable QMutex m_cacheMutex;
    mutable std::map<std::pair<int, double>, std::shared_ptr<const PixelLevel>> m_cache;
    mutable std::vector<std::pair<int, double>> m_cacheOrder; // least recently used first
    // Images nobody holds any more are painted again instead of allocating 8 MB afresh
    // (a fresh buffer costs a page fault per 4 KB).
    mutable QList<QImage> m_spareImages;
};

} // namespace gc::map
