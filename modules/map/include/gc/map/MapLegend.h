#pragma once

#include "gc/core/GridLevel.h"
#include "gc/core/RiskLevel.h"

#include <QWidget>

class QCheckBox;
class QLabel;

namespace gc::map {

class MapCanvas;

// The five risk colours with the count of features per colour at the level the map shows,
// and the switch for the accessible (hatched) mode.
class MapLegend : public QWidget {
    Q_OBJECT
public:
    explicit MapLegend(MapCanvas* canvas, QWidget* parent = nullptr);
    int count(RiskLevel level) const { return m_counts[static_cast<int>(level)]; }
    GridLevel level() const { return m_level; }

public Q_SLOTS:
    void refresh();

protected:
    void paintEvent(QPaintEvent* event) override;
    QSize sizeHint() const override;

private:
    MapCanvas* m_canvas;
    QCheckBox* m_accessible;
    GridLevel m_level = GridLevel::Grid;
    int m_counts[kRiskLevelCount] = {};
    bool m_hasData = false;
};

} // namespace gc::map
