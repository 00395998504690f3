#pragma once

#include "gc/map/MapOverlay.h"

#include <QColor>
#include <QHash>
#include <QString>

namespace gc::map {

// Marks a few features on the map whatever they are filled with: a dashed outline and a short
// tag at the feature's name (e.g. grids whose risk band a person set: 人工研判). Features of
// the level the map fills and of the levels above it are marked; there are tens, not thousands.
class FeatureMarkOverlay : public MapOverlay {
    Q_OBJECT
public:
    FeatureMarkOverlay(QString layerKey, QString tag, QString legendLabel, QObject* parent = nullptr);

    // code → the tooltip line for it.
    void setMarks(const QHash<QString, QString>& marks);
    const QHash<QString, QString>& marks() const { return m_marks; }

    int z() const override { return 90; } // over the labels, under the tickets
    QString layerKey() const override { return m_key; }
    QList<LegendEntry> legend() const override;
    void paint(QPainter& painter, const MapViewport& viewport, const GridLayerData& data) override;
    QString toolTip(QPointF pixel, const MapViewport& viewport, const GridLayerData& data) override;

    QImage tagSymbol() const;

private:
    QString m_key;
    QString m_tag;
    QString m_legendLabel;
    QHash<QString, QString> m_marks;
};

} // namespace gc::map
