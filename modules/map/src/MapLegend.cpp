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
    layout->setContentsMargins(8, kTop + kRowHeight * kRiskLevelCount + 4, 8, 6); // refresh() sets it
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
    connect(canvas, &MapCanvas::layersChanged, this, &MapLegend::refresh);
    connect(canvas, &MapCanvas::viewportChanged, this, [this] {
        if (m_canvas->data() && m_canvas->visibleLevel() != m_level)
            refresh();
    });
    refresh();
}

void MapLegend::refresh() {
    const auto& data = m_canvas->data();
    m_hasData = data != nullptr;
    const auto colouring = m_canvas->activeColouring();
    m_rows.clear();
    if (!colouring || colouring->classesAreRisk) {
        for (int i = kRiskLevelCount - 1; i >= 0; --i) { // red first
            const auto risk = static_cast<RiskLevel>(i);
            m_rows << Row{i, RiskStyle::fillColor(risk), RiskLevels::displayName(risk),
                          RiskStyle::hatch(risk)};
        }
        m_title = colouring && !colouring->title.isEmpty() ? colouring->title : tr("风险等级");
    } else {
        for (int i = int(colouring->palette.size()) - 1; i >= 0; --i)
            m_rows << Row{i, colouring->palette[i], colouring->classNames.value(i), Qt::NoBrush};
        m_title = colouring->title;
    }
    m_counts.fill(0, std::max(kRiskLevelCount, int(colouring ? colouring->palette.size() : 0)));
    if (data) {
        m_level = m_canvas->visibleLevel();
        const int n = data->featureCount(m_level);
        for (int i = 0; i < n; ++i) {
            const int c = m_canvas->fillClassOf(FeatureRef{m_level, i});
            if (c >= 0 && c < m_counts.size())
                ++m_counts[c];
        }
    }
    layout()->setContentsMargins(8, kTop + kRowHeight * int(m_rows.size()) + 4, 8, 6);
    updateGeometry();
    update();
}

QString MapLegend::title() const {
    return m_hasData ? tr("%1（%2）").arg(m_title, GridLevels::displayName(m_level)) : m_title;
}

QSize MapLegend::sizeHint() const {
    return QSize(240, kTop + kRowHeight * int(std::max<qsizetype>(m_rows.size(), kRiskLevelCount)) + 40);
}

void MapLegend::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.drawText(QRect(8, 2, width() - 16, kTop - 4), Qt::AlignLeft | Qt::AlignVCenter, title());
    p.setFont(font());
    for (int i = 0; i < m_rows.size(); ++i) {
        const Row& row = m_rows[i];
        const QRect swatch(10, kTop + i * kRowHeight + 3, 34, kRowHeight - 6);
        p.setPen(QPen(QColor(80, 80, 80), 1));
        p.setBrush(row.color);
        p.drawRect(swatch);
        if (m_canvas->accessibleMode() && row.hatch != Qt::NoBrush)
            p.fillRect(swatch, QBrush(RiskStyle::hatchColor(), row.hatch));
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(QRect(52, kTop + i * kRowHeight, width() - 60, kRowHeight),
                   Qt::AlignLeft | Qt::AlignVCenter, row.name);
        p.drawText(QRect(52, kTop + i * kRowHeight, width() - 62, kRowHeight),
                   Qt::AlignRight | Qt::AlignVCenter, QLocale().toString(m_counts.value(row.fillClass)));
    }
}

} // namespace gc::map
