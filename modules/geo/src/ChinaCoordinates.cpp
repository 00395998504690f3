#include "gc/geo/ChinaCoordinates.h"

#include <cmath>
#include <numbers>

namespace gc::geo {

namespace {

constexpr double kPi = std::numbers::pi;
// GCJ-02 is defined on the Krasovsky 1940 ellipsoid.
constexpr double kKrasovskyA = 6378245.0;
constexpr double kKrasovskyE2 = 0.00669342162296594323;
constexpr double kBdXPi = kPi * 3000.0 / 180.0;

// Stops well below the 1e-7 degree (~1 cm) target so that round trips are exact to the mm.
constexpr double kInverseTolerance = 1e-9;
constexpr int kMaxIterations = 30;

double shiftLat(double x, double y) {
    double r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * std::sqrt(std::abs(x));
    r += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
    r += (20.0 * std::sin(y * kPi) + 40.0 * std::sin(y / 3.0 * kPi)) * 2.0 / 3.0;
    r += (160.0 * std::sin(y / 12.0 * kPi) + 320.0 * std::sin(y * kPi / 30.0)) * 2.0 / 3.0;
    return r;
}

double shiftLon(double x, double y) {
    double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * std::sqrt(std::abs(x));
    r += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
    r += (20.0 * std::sin(x * kPi) + 40.0 * std::sin(x / 3.0 * kPi)) * 2.0 / 3.0;
    r += (150.0 * std::sin(x / 12.0 * kPi) + 300.0 * std::sin(x / 30.0 * kPi)) * 2.0 / 3.0;
    return r;
}

// The published GCJ-02 forward formula, without the bounding-box test.
QPointF gcjOffset(double lon, double lat) {
    double dLat = shiftLat(lon - 105.0, lat - 35.0);
    double dLon = shiftLon(lon - 105.0, lat - 35.0);
    const double radLat = lat / 180.0 * kPi;
    double magic = std::sin(radLat);
    magic = 1.0 - kKrasovskyE2 * magic * magic;
    const double sqrtMagic = std::sqrt(magic);
    dLat = (dLat * 180.0) / ((kKrasovskyA * (1.0 - kKrasovskyE2)) / (magic * sqrtMagic) * kPi);
    dLon = (dLon * 180.0) / (kKrasovskyA / sqrtMagic * std::cos(radLat) * kPi);
    return {dLon, dLat};
}

QPointF bd09Forward(double lon, double lat) {
    const double z = std::sqrt(lon * lon + lat * lat) + 0.00002 * std::sin(lat * kBdXPi);
    const double theta = std::atan2(lat, lon) + 0.000003 * std::cos(lon * kBdXPi);
    return {z * std::cos(theta) + 0.0065, z * std::sin(theta) + 0.006};
}

// Fixed-point iteration w <- w - (f(w) - target): both shifts vary slowly (their derivatives are
// tiny), so it contracts fast, typically in 3-5 steps.
template <typename Forward> QPointF invert(Forward forward, QPointF target, QPointF start) {
    QPointF w = start;
    for (int i = 0; i < kMaxIterations; ++i) {
        const QPointF residual = forward(w.x(), w.y()) - target;
        w -= residual;
        if (std::abs(residual.x()) < kInverseTolerance && std::abs(residual.y()) < kInverseTolerance)
            break;
    }
    return w;
}

} // namespace

bool isOutsideChina(double lon, double lat) {
    return !(lon >= 72.004 && lon <= 137.8347 && lat >= 0.8293 && lat <= 55.8271);
}

QPointF wgs84ToGcj02(double lon, double lat) {
    if (isOutsideChina(lon, lat))
        return {lon, lat};
    return QPointF(lon, lat) + gcjOffset(lon, lat);
}

QPointF gcj02ToWgs84(double lon, double lat) {
    if (isOutsideChina(lon, lat))
        return {lon, lat};
    const QPointF target(lon, lat);
    auto forward = [](double x, double y) { return QPointF(x, y) + gcjOffset(x, y); };
    return invert(forward, target, target - gcjOffset(lon, lat));
}

QPointF gcj02ToBd09(double lon, double lat) {
    return bd09Forward(lon, lat);
}

QPointF bd09ToGcj02(double lon, double lat) {
    // Baidu's published approximate inverse, refined by iteration: on its own it is off by up
    // to 2e-6 degrees (~20 cm).
    const double x = lon - 0.0065;
    const double y = lat - 0.006;
    const double z = std::sqrt(x * x + y * y) - 0.00002 * std::sin(y * kBdXPi);
    const double theta = std::atan2(y, x) - 0.000003 * std::cos(x * kBdXPi);
    return invert(bd09Forward, QPointF(lon, lat), QPointF(z * std::cos(theta), z * std::sin(theta)));
}

QPointF wgs84ToBd09(double lon, double lat) {
    return gcj02ToBd09(wgs84ToGcj02(lon, lat));
}

QPointF bd09ToWgs84(double lon, double lat) {
    return gcj02ToWgs84(bd09ToGcj02(lon, lat));
}

} // namespace gc::geo
