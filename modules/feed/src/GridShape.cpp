#include "gc/feed/GridShape.h"

#include <QtEndian>
#include <cmath>
#include <cstring>

namespace gc::feed {

namespace {

constexpr double kEarthRadius = 6378137.0;
constexpr double kDegToRad = M_PI / 180.0;

// Reads ISO WKB with bounds checks throughout: a damaged blob yields an empty path.
struct WkbReader {
    const QByteArray& b;
    qsizetype pos = 0;
    bool ok = true;
    bool little = true;

    quint32 u32() {
        if (pos + 4 > b.size()) {
            ok = false;
            return 0;
        }
        quint32 v;
        std::memcpy(&v, b.constData() + pos, 4);
        pos += 4;
        return little ? qFromLittleEndian(v) : qFromBigEndian(v);
    }
    double f64() {
        if (pos + 8 > b.size()) {
            ok = false;
            return 0;
        }
        quint64 v;
        std::memcpy(&v, b.constData() + pos, 8);
        pos += 8;
        v = little ? qFromLittleEndian(v) : qFromBigEndian(v);
        double d;
        std::memcpy(&d, &v, 8);
        return d;
    }
    bool header(quint32* type) {
        if (pos + 1 > b.size())
            return ok = false;
        little = b.at(pos++) == 1;
        *type = u32();
        return ok;
    }
    // `dims`: 2 for XY, 3 for XYZ or XYM, 4 for XYZM (Z and M are read past).
    void polygon(QPainterPath& path, int dims) {
        const quint32 rings = u32();
        for (quint32 r = 0; ok && r < rings; ++r) {
            const quint32 n = u32();
            if (!ok || qsizetype(n) * 8 * dims > b.size() - pos) {
                ok = false;
                return;
            }
            QPolygonF ring;
            ring.reserve(n);
            for (quint32 i = 0; i < n; ++i) {
                const double x = f64();
                const double y = f64();
                for (int d = 2; d < dims; ++d)
                    f64();
                // A county edited by a broken tool may hold NaN, infinity or metres: such a grid
                // has no shape (callers skip it) rather than one no point is ever inside.
                if (!std::isfinite(x) || !std::isfinite(y) || std::abs(x) > 180 || std::abs(y) > 90) {
                    ok = false;
                    return;
                }
                ring << QPointF(x, y);
            }
            path.addPolygon(ring);
            path.closeSubpath();
        }
    }
};

} // namespace

QPainterPath gridPathFromWkb(const QByteArray& wkb) {
    QPainterPath path;
    path.setFillRule(Qt::OddEvenFill);
    WkbReader r{wkb};
    quint32 type = 0;
    if (!r.header(&type))
        return {};
    const auto dims = [](quint32 isoType) { return isoType >= 3000 ? 4 : isoType >= 1000 ? 3 : 2; };
    if (type % 1000 == 3) {
        r.polygon(path, dims(type));
    } else if (type % 1000 == 6) {
        const quint32 parts = r.u32();
        for (quint32 i = 0; r.ok && i < parts; ++i) {
            quint32 partType = 0;
            if (!r.header(&partType) || partType % 1000 != 3)
                return {};
            r.polygon(path, dims(partType));
        }
    } else {
        return {};
    }
    return r.ok ? path : QPainterPath();
}

double distanceMetres(const QPointF& a, const QPointF& b) {
    const double meanLat = (a.y() + b.y()) / 2 * kDegToRad;
    const double dx = (b.x() - a.x()) * kDegToRad * std::cos(meanLat) * kEarthRadius;
    const double dy = (b.y() - a.y()) * kDegToRad * kEarthRadius;
    return std::hypot(dx, dy);
}

QPointF offsetByMetres(const QPointF& lonLat, double metres, double headingDeg) {
    const double h = headingDeg * kDegToRad;
    const double dLat = metres * std::cos(h) / kEarthRadius / kDegToRad;
    const double dLon = metres * std::sin(h) / (kEarthRadius * std::cos(lonLat.y() * kDegToRad)) / kDegToRad;
    return {lonLat.x() + dLon, lonLat.y() + dLat};
}

} // namespace gc::feed
