// The layer panel: fill choice, layer switches, fill legend with counts and the symbol legend.
#include "gc/map/LayerPanel.h"

#include "gc/map/MapCanvas.h"
#include "gc/map/MapLegend.h"
#include "gc/map/MapOverlay.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLocale>
#include <QPixmap>
#include <QRadioButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace gc::map {

LayerPanel::LayerPanel(MapCanvas* canvas, QWidget* parent) : QWidget(parent), m_canvas(canvas) {
    setObjectName(QStringLiteral("layerPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);

    // The fills exclude each other: a grid has one colour.
    auto* fill = new QGroupBox(tr("网格填色"), this);
    auto* fillLayout = new QHBoxLayout(fill);
    fillLayout->setContentsMargins(6, 2, 6, 2);
    auto* risk = new QRadioButton(tr("五色风险"), fill);
    auto* hotSpots = new QRadioButton(tr("热点（Gi*）"), fill);
    auto* none = new QRadioButton(tr("不填色"), fill);
    auto* group = new QButtonGroup(fill);
    for (QRadioButton* b : {risk, hotSpots, none}) {
        fillLayout->addWidget(b);
        group->addButton(b);
    }
    addToggle(MapCanvas::kRiskLayer, risk);
    addToggle(MapCanvas::kHotSpotLayer, hotSpots);
    risk->setChecked(canvas->isLayerVisible(MapCanvas::kRiskLayer));
    hotSpots->setChecked(!risk->isChecked() && canvas->isLayerVisible(MapCanvas::kHotSpotLayer));
    none->setChecked(!risk->isChecked() && !hotSpots->isChecked());
    setLayerAvailable(MapCanvas::kHotSpotLayer, false, tr("风险引擎计算热点后可用"));
    const auto applyFill = [this, risk, hotSpots] {
        // Hide first, then show, so the canvas never fills with two layers at once.
        m_canvas->setLayerVisible(MapCanvas::kRiskLayer, false);
        m_canvas->setLayerVisible(MapCanvas::kHotSpotLayer, false);
        m_canvas->setLayerVisible(MapCanvas::kRiskLayer, risk->isChecked());
        m_canvas->setLayerVisible(MapCanvas::kHotSpotLayer, hotSpots->isChecked());
    };
    connect(group, &QButtonGroup::buttonToggled, this, [applyFill](QAbstractButton*, bool on) {
        if (on)
            applyFill();
    });
    layout->addWidget(fill);

    auto* layers = new QGroupBox(tr("图层"), this);
    auto* layersLayout = new QGridLayout(layers);
    layersLayout->setContentsMargins(6, 2, 6, 2);
    int cell = 0;
    for (const auto& [key, title] : {std::pair{MapCanvas::kGridsLayer, tr("网格与名称")},
                                     std::pair{QStringLiteral("tickets"), tr("工单")},
                                     std::pair{QStringLiteral("workers"), tr("网格员")},
                                     std::pair{MapCanvas::kBasemapLayer, tr("底图")}}) {
        auto* box = new QCheckBox(title, layers);
        box->setChecked(canvas->isLayerVisible(key));
        connect(box, &QCheckBox::toggled, canvas,
                [canvas, key = key](bool on) { canvas->setLayerVisible(key, on); });
        layersLayout->addWidget(box, cell / 2, cell % 2);
        ++cell;
        addToggle(key, box);
    }
    layout->addWidget(layers);

    m_legend = new MapLegend(canvas, this);
    layout->addWidget(m_legend);

    auto* symbolsBox = new QGroupBox(tr("符号"), this);
    auto* symbolsBoxLayout = new QVBoxLayout(symbolsBox);
    symbolsBoxLayout->setContentsMargins(2, 2, 2, 2);
    m_symbols = new QWidget(symbolsBox);
    m_symbolLayout = new QVBoxLayout(m_symbols);
    m_symbolLayout->setContentsMargins(4, 2, 4, 2);
    m_symbolLayout->setSpacing(2);
    symbolsBoxLayout->addWidget(m_symbols);
    layout->addWidget(symbolsBox);
    layout->addStretch();

    m_refresh.setSingleShot(true);
    m_refresh.setInterval(500);
    connect(&m_refresh, &QTimer::timeout, this, &LayerPanel::refreshSymbols);
    const auto follow = [this] {
        for (MapOverlay* o : m_canvas->overlays())
            if (!o->layerKey().isEmpty())
                connect(o, &MapOverlay::changed, &m_refresh, qOverload<>(&QTimer::start),
                        Qt::UniqueConnection);
        m_refresh.start();
    };
    connect(canvas, &MapCanvas::overlaysChanged, this, follow);
    follow();
    refreshSymbols();
}

void LayerPanel::addToggle(const QString& key, QAbstractButton* button) {
    button->setObjectName(key + QStringLiteral("Layer"));
    m_toggles.insert(key, button);
}

void LayerPanel::setLayerAvailable(const QString& key, bool available, const QString& why) {
    QAbstractButton* b = m_toggles.value(key);
    if (!b)
        return;
    if (!available && b->isChecked()) {
        if (QAbstractButton* risk = m_toggles.value(MapCanvas::kRiskLayer); risk && b->autoExclusive())
            risk->setChecked(true);
        else
            b->setChecked(false);
    }
    b->setEnabled(available);
    b->setToolTip(available ? QString() : why);
}

QStringList LayerPanel::symbolRows() const {
    return m_symbolRows;
}

void LayerPanel::refreshSymbols() {
    if (!m_canvas)
        return;
    QStringList rows;
    QList<LegendEntry> entries;
    for (MapOverlay* o : m_canvas->overlays())
        if (!o->layerKey().isEmpty())
            entries << o->legend();
    for (const LegendEntry& e : entries)
        rows << e.label + QLatin1Char('\t') + (e.count >= 0 ? QString::number(e.count) : QString());
    if (rows == m_symbolRows)
        return;
    m_symbolRows = rows;
    while (QLayoutItem* item = m_symbolLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const LegendEntry& e : entries) {
        auto* row = new QWidget(m_symbols);
        auto* h = new QHBoxLayout(row);
        h->setContentsMargins(0, 0, 0, 0);
        auto* icon = new QLabel(row);
        icon->setFixedWidth(44);
        icon->setAlignment(Qt::AlignCenter);
        icon->setPixmap(QPixmap::fromImage(e.symbol));
        auto* text = new QLabel(e.label, row);
        text->setWordWrap(true);
        h->addWidget(icon);
        h->addWidget(text, 1);
        if (e.count >= 0)
            h->addWidget(new QLabel(QLocale().toString(e.count), row));
        m_symbolLayout->addWidget(row);
    }
    if (entries.isEmpty())
        m_symbolLayout->addWidget(new QLabel(tr("工单和网格员图层加载后显示其符号"), m_symbols));
}

} // namespace gc::map
