#include "gc/map/RiskStyle.h"

namespace gc::map {

QColor RiskStyle::fillColor(RiskLevel level) {
    return QColor::fromRgb(RiskLevels::rgb(level));
}

Qt::BrushStyle RiskStyle::hatch(RiskLevel level) {
    switch (level) {
    case RiskLevel::Red:
        return Qt::DiagCrossPattern;
    case RiskLevel::Orange:
        return Qt::CrossPattern;
    case RiskLevel::Yellow:
        return Qt::BDiagPattern;
    case RiskLevel::Blue:
        return Qt::HorPattern;
    case RiskLevel::Green:
        break;
    }
    return Qt::NoBrush; // the lowest level reads as "no pattern"
}

QPen RiskStyle::boundaryPen(GridLevel level) {
    switch (level) {
    case GridLevel::County:
        return QPen(QColor(40, 40, 60), 3.0);
    case GridLevel::Street:
        return QPen(QColor(50, 50, 80), 2.2);
    case GridLevel::Community:
        return QPen(QColor(70, 70, 100), 1.2);
    case GridLevel::Grid:
    case GridLevel::Building:
        break;
    }
    return QPen(gridOutline(), 0);
}

} // namespace gc::map
