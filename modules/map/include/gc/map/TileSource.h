#pragma once

#include <QHashFunctions>
#include <QImage>
#include <QObject>
#include <QString>

namespace gc::map {

// An XYZ tile address (Google/OSM scheme: y = 0 at the north).
struct TileId {
    int z = 0;
    int x = 0;
    int y = 0;
    bool operator==(const TileId&) const = default;
    TileId parent() const { return TileId{z - 1, x >> 1, y >> 1}; }
    QString key() const { return QStringLiteral("%1/%2/%3").arg(z).arg(x).arg(y); }
};
inline size_t qHash(const TileId& t, size_t seed = 0) {
    return qHashMulti(seed, t.z, t.x, t.y);
}

// Where basemap tiles come from. Requests are asynchronous: tileReady or tileFailed
// follows, on the thread that owns the source.
class TileSource : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~TileSource() override;

    virtual QString name() const = 0;
    virtual int minZoom() const { return 0; }
    virtual int maxZoom() const { return 18; }
    // Tiles drawn in GCJ-02 (AMap, Tencent): the canvas then shifts our geometry to match.
    bool isGcj02() const { return m_gcj02; }
    void setGcj02(bool gcj02) { m_gcj02 = gcj02; }
    virtual void request(const TileId& tile) = 0;
    // Drops queued requests that are no longer wanted (the view moved on).
    virtual void cancelPending() {}

Q_SIGNALS:
    void tileReady(const gc::map::TileId& tile, const QImage& image);
    void tileFailed(const gc::map::TileId& tile);
    // A short note for the canvas (e.g. offline); empty clears it.
    void statusChanged(const QString& note);

private:
    bool m_gcj02 = false;
};

} // namespace gc::map
