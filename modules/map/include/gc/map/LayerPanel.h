#pragma once

#include <QHash>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QAbstractButton;
class QCheckBox;
class QRadioButton;
class QVBoxLayout;

namespace gc::map {

class MapCanvas;
class MapLegend;

// The map's layer panel: what the grids are filled with (five-colour risk, Gi* hot spots, or
// nothing), switches for the grids, tickets, workers and basemap, the fill legend with counts,
// and a legend of the ticket and worker symbols as their layers draw them, with counts that
// follow the layers. Rows are found by layer key (MapCanvas::k*Layer, an overlay's layerKey()).
class LayerPanel : public QWidget {
    Q_OBJECT
public:
    explicit LayerPanel(MapCanvas* canvas, QWidget* parent = nullptr);

    // The switch of a layer (a radio button for the fills), nullptr for an unknown key.
    QAbstractButton* toggle(const QString& key) const { return m_toggles.value(key); }
    // A layer that cannot be shown yet (the hot spots before the risk engine has computed them).
    void setLayerAvailable(const QString& key, bool available, const QString& why = {});
    MapLegend* fillLegend() const { return m_legend; }
    // The symbol legend as shown: "label\tcount" per row (count empty when none).
    QStringList symbolRows() const;

public Q_SLOTS:
    void refreshSymbols();

private:
    void addToggle(const QString& key, QAbstractButton* button);
    QPointer<MapCanvas> m_canvas;
    MapLegend* m_legend;
    QHash<QString, QAbstractButton*> m_toggles;
    QWidget* m_symbols;
    QVBoxLayout* m_symbolLayout;
    QStringList m_symbolRows;
    QTimer m_refresh; // a legend rebuilt at most twice a second however often layers change
};

} // namespace gc::map
