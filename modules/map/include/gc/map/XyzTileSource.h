#pragma once

#include "gc/map/TileSource.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>

class QNetworkAccessManager;
class QNetworkReply;

namespace gc::map {

// Tiles from an XYZ URL template such as https://tile.openstreetmap.org/{z}/{x}/{y}.png or
// Tianditu's http://t{s}.tianditu.gov.cn/vec_w/wmts?...&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=KEY.
// Polite: a User-Agent that names the application, at most kMaxParallel requests, a disk
// cache that is read before the network. Offline it stops asking for a while and says so
// once, instead of failing every tile.
class XyzTileSource : public TileSource {
    Q_OBJECT
public:
    static constexpr int kMaxParallel = 4;

    XyzTileSource(const QString& urlTemplate, const QString& cacheDir, QObject* parent = nullptr);
    ~XyzTileSource() override;

    QString name() const override { return m_template; }
    void setMaxZoom(int z) { m_maxZoom = z; }
    int maxZoom() const override { return m_maxZoom; }
    void request(const TileId& tile) override;
    void cancelPending() override;
    QString urlFor(const TileId& tile) const;
    bool isOffline() const;

private:
    void startNext();
    void finished(QNetworkReply* reply, const TileId& tile);
    QString cachePath(const TileId& tile) const;

    QString m_template;
    QString m_cacheDir;
    int m_maxZoom = 18;
    QNetworkAccessManager* m_network;
    QList<TileId> m_queue;
    QSet<TileId> m_inFlight;
    int m_consecutiveFailures = 0;
    QDateTime m_offlineUntil;
};

} // namespace gc::map
