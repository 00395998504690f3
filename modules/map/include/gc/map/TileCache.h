#pragma once

#include "gc/map/MapViewport.h"
#include "gc/map/TileSource.h"

#include <QCache>
#include <QHash>
#include <QImage>
#include <QObject>
#include <QTimer>

#include <memory>

namespace gc::map {

// The basemap: a tile source with a memory cache (the source keeps its own disk cache),
// composed into one image per view. Missing tiles are requested and, meanwhile, the
// nearest cached ancestor is drawn scaled, so the map is never blank while children load.
class TileCache : public QObject {
    Q_OBJECT
public:
    explicit TileCache(QObject* parent = nullptr);
    ~TileCache() override;

    // Takes ownership; nullptr removes the basemap.
    void setSource(std::unique_ptr<TileSource> source);
    TileSource* source() const { return m_source.get(); }
    // The basemap for a view; requests what is missing. *complete is false while tiles load.
    QImage compose(const MapViewport& viewport, bool* complete = nullptr);
    // Tile zoom used for a view: the nearest level the source has.
    int tileZoom(const MapViewport& viewport) const;
    QString statusNote() const { return m_note; }

Q_SIGNALS:
    // New tiles arrived (coalesced): compose again.
    void updated();
    void statusChanged(const QString& note);

private:
    void drawTile(QPainter& painter, const MapViewport& vp, const TileId& tile, bool* complete);
    std::unique_ptr<TileSource> m_source;
    QCache<TileId, QImage> m_memory;
    QHash<TileId, qint64> m_failedAt; // ms since epoch; not asked again for a minute
    QHash<TileId, bool> m_pending;
    QTimer m_coalesce;
    QString m_note;
};

// Mercator bounds of an XYZ tile (top() is the southern edge).
QRectF tileBounds(const TileId& tile);

} // namespace gc::map
