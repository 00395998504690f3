#include "gc/map/MapLegend.h"

#include "gc/map/GridLayerData.h"
#include "gc/map/MapCanvas.h"
#include "gc/map/RiskStyle.h"

#include <QCheckBox>
#include <QLocale>
#include <QPainter>
#include <QVBoxLayout>

namespace gc::map {

namespace {
constexpr int kRowHeight = 24;
constexpr int kTop = 26;
} // namespace

MapLegend::MapLegend(MapCanvas* canvas, QWidget* parent) : QWidget(parent), m_canvas(canvas) {
    setObjectName(QStringLiteral("mapLegend"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, kTop + kRowHeight * kRiskLevelCount + 4, 8, 6);
    m_accessible = new QCheckBox(tr("无障碍图案（颜色之外加纹理）"), this);
    m_accessible->setObjectName(QStringLiteral("accessibleMode"));
    layout->addWidget(m_accessible);
    layout->addStretch();
    connect(m_accessible, &QCheckBox::toggled, this, [this](bool on) {
        m_canvas->setAccessibleMode(on);
        update();
    });
    connect(canvas, &MapCanvas::dataLoaded, this, &MapLegend::refresh);
    connect(canvas, &MapCanvas::countsChanged, this, &MapLegend::refresh);
    connect(canvas, &MapCanvas::viewportChanged, this, [this] {
        if (m_canvas->data() && m_canvas->visibleLevel() != m_level)
            refresh();
    });
    refresh();
}

void MapLegend::refresh() {
    const auto& data = m_canvas->data();
    m_hasData = data != nullptr;
    std::fill(std::begin(m_counts), std::end(m_counts), 0);
    if (data) {
        m_level = m_canvas->visibleLevel();
        for (const MapFeature& f : data->level(m_level).features)
            ++m_counts[static_cast<int>(f.risk)];
    }
    update();
}

QSize MapLegend::sizeHint() const {
    return QSize(240, kTop + kRowHeight * kRiskLevelCount + 40);
}

void MapLegend::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.drawText(QRect(8, 2, width() - 16, kTop - 4), Qt::AlignLeft | Qt::AlignVCenter,
               m_hasData ? tr("风险等级（%1）").arg(GridLevels::chineseName(m_level)) : tr("风险等级"));
    p.setFont(font());
    for (int i = 0; i < kRiskLevelCount; ++i) {
        const auto risk = static_cast<RiskLevel>(kRiskLevelCount - 1 - i); // red first
        const QRect swatch(10, kTop + i * kRowHeight + 3, 34, kRowHeight - 6);
        p.setPen(QPen(QColor(80, 80, 80), 1));
        p.setBrush(RiskStyle::fillColor(risk));
        p.drawRect(swatch);
        if (m_canvas->accessibleMode() && RiskStyle::hatch(risk) != Qt::NoBrush)
            p.fillRect(swatch, QBrush(RiskStyle::hatchColor(), RiskStyle::hatch(risk)));
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(QRect(52, kTop + i * kRowHeight, width() - 60, kRowHeight),
                   Qt::AlignLeft | Qt::AlignVCenter, RiskLevels::chineseName(risk));
        p.drawText(QRect(52, kTop + i * kRowHeight, width() - 62, kRowHeight),
                   Qt::AlignRight | Qt::AlignVCenter, QLocale().toString(m_counts[static_cast<int>(risk)]));
    }
}

} // namespace gc::map
