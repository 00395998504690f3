#pragma once

#include "gc/core/GridLevel.h"
#include "gc/core/RiskLevel.h"

#include <QColor>
#include <QVector>
#include <QWidget>

class QCheckBox;
class QLabel;

namespace gc::map {

class MapCanvas;

// The colours the grids are filled with (the five risk colours, or the hot-spot bins) with the
// count of features per colour at the level the map shows, following live changes, and the
// switch for the accessible (hatched) mode.
class MapLegend : public QWidget {
    Q_OBJECT
public:
    explicit MapLegend(MapCanvas* canvas, QWidget* parent = nullptr);
    int count(RiskLevel level) const { return countOfClass(static_cast<int>(level)); }
    int countOfClass(int fillClass) const { return m_counts.value(fillClass); }
    int rowCount() const { return int(m_rows.size()); }
    QString title() const;
    GridLevel level() const { return m_level; }

public Q_SLOTS:
    void refresh();

protected:
    void paintEvent(QPaintEvent* event) override;
    QSize sizeHint() const override;

private:
    MapCanvas* m_canvas;
    QCheckBox* m_accessible;
    struct Row {
        int fillClass = 0;
        QColor color;
        QString name;
        Qt::BrushStyle hatch = Qt::NoBrush;
    };
    GridLevel m_level = GridLevel::Grid;
    QVector<int> m_counts; // by fill class
    QVector<Row> m_rows;   // top to bottom
    QString m_title;
    bool m_hasData = false;
};

} // namespace gc::map
