#pragma once

#include "gc/map/TileSource.h"

#include <memory>

namespace gc::map {

// Tiles from an offline MBTiles file (SQLite: tiles(zoom_level, tile_column, tile_row,
// tile_data), rows in TMS order), for centers on networks without internet.
class MbTilesSource : public TileSource {
    Q_OBJECT
public:
    // nullptr with a message in *error when the file is not a readable MBTiles file.
    static std::unique_ptr<MbTilesSource> open(const QString& path, QString* error,
                                               QObject* parent = nullptr);
    ~MbTilesSource() override;

    QString name() const override { return m_name; }
    int minZoom() const override { return m_minZoom; }
    int maxZoom() const override { return m_maxZoom; }
    // Reads at once; tileReady or tileFailed is emitted before this returns.
    void request(const TileId& tile) override;
    QImage tile(const TileId& tile) const;

private:
    explicit MbTilesSource(QObject* parent);
    QString m_connection;
    QString m_name;
    int m_minZoom = 0;
    int m_maxZoom = 18;
};

} // namespace gc::map
