#pragma once

#include "gc/workers/WorkerListModel.h"
#include "gc/map/GridLayerData.h"
#include "gc/map/MapOverlay.h"

#include <QPointer>
#include <QTimer>
#include <vector>

namespace gc::workers {

// Grid workers on the map: a symbol per worker in its status colour with a heading tick,
// the name when zoomed in, the selected worker's recent trail; hollow rings from community
// scale out, so the risk colour under a worker always shows. Repaints are coalesced to
// at most ten a second however fast positions arrive.
class WorkerOverlay : public map::MapOverlay {
    Q_OBJECT
public:
    explicit WorkerOverlay(WorkerListModel* model, QObject* parent = nullptr);

    int z() const override { return 50; }
    QString layerKey() const override { return QStringLiteral("workers"); }
    QList<map::LegendEntry> legend() const override;
    void paint(QPainter& painter, const map::MapViewport& viewport, const map::GridLayerData& data) override;
    bool click(QPointF pixel, const map::MapViewport& viewport, const map::GridLayerData& data) override;
    QString toolTip(QPointF pixel, const map::MapViewport& viewport, const map::GridLayerData& data) override;

    qint64 selectedWorker() const { return m_selected; }
    void setSelectedWorker(qint64 workerId, const QList<PositionFix>& trail);
    void appendToTrail(const QList<gc::PositionFix>& fixes);

Q_SIGNALS:
    void workerClicked(qint64 workerId);

private:
    int hit(QPointF pixel, const map::MapViewport& viewport, const map::GridLayerData& data) const;
    void scheduleRepaint();
    QPointF projected(int row, const map::GridLayerData& data) const;

    struct Projected {
        bool valid = false;
        double lon = 0, lat = 0;
        QPointF mercator;
    };
    mutable std::vector<Projected> m_projected; // by model row
    mutable const map::GridLayerData* m_projectedFor = nullptr;

    QPointer<WorkerListModel> m_model;
    qint64 m_selected = 0;
    QList<QPointF> m_trail; // lon/lat, projected by the map's data (which may be GCJ-02)
    QTimer m_repaint;
};

} // namespace gc::workers
