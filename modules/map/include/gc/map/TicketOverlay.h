#pragma once

#include "gc/core/Ticket.h"
#include "gc/map/GridLayerData.h"
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
// cluster cell merge into a bubble with the count. Zoomed out until grids are smaller than
// kCellClusterMinGridPx, the tickets are counted per street (per community once communities
// are kAreaBadgeMinPx wide) instead: one badge each, inside it below its name, so a
// 90,000-grid county shows tens of badges, not hundreds. Clicking a
// marker reports its summary; clicking a bubble or badge asks to zoom into it.
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
    static constexpr int kAreaBadgeOffsetPx = 24;    // below the area's name
    static constexpr int kAreaBadgeMinPx = 100;      // typical community width for a badge each
    static constexpr int kCellClusterMinGridPx = 45; // typical grid width for clustering by cell

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
    QString layerKey() const override { return QStringLiteral("tickets"); }
    QList<LegendEntry> legend() const override;
    void paint(QPainter& painter, const MapViewport& viewport, const GridLayerData& data) override;
    bool click(QPointF pixel, const MapViewport& viewport, const GridLayerData& data) override;
    QString toolTip(QPointF pixel, const MapViewport& viewport, const GridLayerData& data) override;

    static QColor stateColor(TicketState state);
    // The symbols as drawn on the map (the legend shows the same images).
    static QImage markerSymbol(TicketState state, const QString& category, bool overdue);
    static QImage badgeSymbol(int count, bool overdue, bool area);
    // What a frame shows for a view: markers and bubbles, or one badge per street/community.
    struct Badge {
        QPointF pixel;
        int count = 0;
        int overdue = 0;
        QString areaCode; // a street or community badge; empty for a marker or bubble
    };
    QList<Badge> badges(const MapViewport& viewport, const GridLayerData& data);
    QString summary(const Marker& marker) const;

Q_SIGNALS:
    void ticketClicked(qint64 id, const QString& summaryHtml);
    // A cluster was clicked: show these lon/lat bounds.
    void zoomRequested(const QRectF& lonLatBounds);

private:
    struct Cluster {
        QPointF pixel;    // filled per frame for the clusters in view
        QPointF mercator; // mean position of the members, or the area's badge point
        QList<int> members;
        int overdue = 0;
        FeatureRef area; // valid for a street or community badge
    };
    // The level whose features get one badge each at this view, or Grid for clustering by cell.
    static GridLevel aggregationLevel(const MapViewport& viewport, const GridLayerData& data);
    void aggregateByArea(GridLevel level, const MapViewport& viewport, const GridLayerData& data);
    void clusterByCell(const MapViewport& viewport);
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
