#pragma once

#include "gc/core/Ticket.h"
#include "gc/map/MapOverlay.h"

#include <QDateTime>
#include <QHash>
#include <QImage>
#include <QList>
#include <QPointF>
#include <QRectF>

#include <vector>

namespace gc {
class CountyStore;
}

namespace gc::map {

// Open tickets as markers: colour by state, shape by category class (diamond: 矛盾纠纷,
// square: 城管事件, circle: other), a red ring when overdue. Markers closer than a
// cluster cell merge into a bubble with the count. Clicking a marker reports its summary;
// clicking a bubble asks to zoom into it.
class TicketOverlay : public MapOverlay {
    Q_OBJECT
public:
    struct Marker {
        qint64 id = 0;
        QPointF lonLat; // CGCS2000
        QString category;
        TicketState state = TicketState::Received;
        QString title;
        QString gridCode;
        QString departmentCode;
        QDateTime createdAt;
        QDateTime deadline;
        bool overdue = false;
    };
    static constexpr int kClusterCellPx = 56;

    explicit TicketOverlay(QObject* parent = nullptr);
    ~TicketOverlay() override;

    // Open tickets from the store (the store's thread).
    void loadFromStore(const CountyStore& store, const QDateTime& now = QDateTime::currentDateTimeUtc());
    // The open tickets as markers; any thread, with a store of that thread.
    static QList<Marker> readMarkers(const CountyStore& store,
                                     const QDateTime& now = QDateTime::currentDateTimeUtc());
    void setMarkers(const QList<Marker>& markers);
    const QList<Marker>& markers() const { return m_markers; }

    int z() const override { return 100; }
    void paint(QPainter& painter, const MapViewport& viewport, const GridLayerData& data) override;
    bool click(QPointF pixel, const MapViewport& viewport, const GridLayerData& data) override;
    QString toolTip(QPointF pixel, const MapViewport& viewport, const GridLayerData& data) override;

    static QColor stateColor(TicketState state);
    QString summary(const Marker& marker) const;

Q_SIGNALS:
    void ticketClicked(qint64 id, const QString& summaryHtml);
    // A cluster was clicked: show these lon/lat bounds.
    void zoomRequested(const QRectF& lonLatBounds);

private:
    struct Cluster {
        QPointF pixel;    // filled per frame for the clusters in view
        QPointF mercator; // mean position of the members
        QList<int> members;
        int overdue = 0;
    };
    // Clusters in view. Clustering is done in world-aligned cells of the resolution and kept
    // until the zoom changes, so a pan frame only culls and blits.
    QList<Cluster> clusters(const MapViewport& viewport, const GridLayerData& data);
    const QImage& sprite(const Cluster& cluster);
    int hit(QPointF pixel, const MapViewport& viewport, const GridLayerData& data, Cluster* cluster);

    QList<Marker> m_markers;
    std::vector<QPointF> m_projected; // Mercator, valid for m_projectedFor
    const GridLayerData* m_projectedFor = nullptr;
    bool m_projectedGcj02 = false;
    double m_clusteredAt = 0; // resolution of m_clusters
    QList<Cluster> m_clusters;
    QHash<QString, QImage> m_sprites;
};

} // namespace gc::map
