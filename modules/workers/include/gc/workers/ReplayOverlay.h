#pragma once

#include "gc/workers/TrackReplay.h"
#include "gc/map/GridLayerData.h"
#include "gc/map/MapOverlay.h"

namespace gc::workers {

// A replayed period on the map at time t: each replayed worker where it was, with its
// trail of the last minutes, and the tickets whose events have happened by t.
class ReplayOverlay : public map::MapOverlay {
    Q_OBJECT
public:
    using map::MapOverlay::MapOverlay;

    int z() const override { return 60; }
    void setReplay(const TrackReplay* replay); // nullptr: nothing to draw
    void setTime(qint64 t);
    qint64 time() const { return m_time; }
    void paint(QPainter& painter, const map::MapViewport& viewport, const map::GridLayerData& data) override;

private:
    const TrackReplay* m_replay = nullptr;
    qint64 m_time = 0;
};

} // namespace gc::workers
