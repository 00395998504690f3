#pragma once

// The obfuscated datums of Chinese web maps, which PROJ does not know: GCJ-02 ("Mars
// coordinates", used by AMap/Gaode, Tencent and Google Maps China and most phone SDKs in China)
// and BD-09 (Baidu). Points are QPointF(lon, lat) in degrees. WGS-84 and CGCS2000 agree to well
// under the obfuscation's accuracy, so "WGS-84" here serves CGCS2000 too.
//
// The GCJ-02 shift is applied only inside China's rough bounding box (lon 72.004-137.8347,
// lat 0.8293-55.8271); outside it WGS-84 <-> GCJ-02 is the identity, as in the phone SDKs. The
// BD-09 step (on top of GCJ-02) applies everywhere, as Baidu's does. Inverses are solved by
// iteration to < 1e-9 degrees, so a round trip returns to within a millimetre (except within
// ~700 m inside the box edge, where the shifted point may fall outside the box).

#include <QPointF>

namespace gc::geo {

bool isOutsideChina(double lon, double lat);
inline bool isOutsideChina(const QPointF& lonLat) {
    return isOutsideChina(lonLat.x(), lonLat.y());
}

QPointF wgs84ToGcj02(double lon, double lat);
QPointF gcj02ToWgs84(double lon, double lat);
QPointF gcj02ToBd09(double lon, double lat);
QPointF bd09ToGcj02(double lon, double lat);
QPointF wgs84ToBd09(double lon, double lat);
QPointF bd09ToWgs84(double lon, double lat);

inline QPointF wgs84ToGcj02(const QPointF& p) {
    return wgs84ToGcj02(p.x(), p.y());
}
inline QPointF gcj02ToWgs84(const QPointF& p) {
    return gcj02ToWgs84(p.x(), p.y());
}
inline QPointF gcj02ToBd09(const QPointF& p) {
    return gcj02ToBd09(p.x(), p.y());
}
inline QPointF bd09ToGcj02(const QPointF& p) {
    return bd09ToGcj02(p.x(), p.y());
}
inline QPointF wgs84ToBd09(const QPointF& p) {
    return wgs84ToBd09(p.x(), p.y());
}
inline QPointF bd09ToWgs84(const QPointF& p) {
    return bd09ToWgs84(p.x(), p.y());
}

} // namespace gc::geo
