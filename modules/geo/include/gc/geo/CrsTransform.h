#pragma once

// Coordinate transformation between two CRSs through GDAL/OGR (PROJ underneath). Coordinates are
// always in traditional GIS order, x = easting/longitude, y = northing/latitude, whatever axis
// order the CRS definition declares (EPSG:4490 declares lat/lon).

#include <QByteArray>
#include <QPointF>
#include <QString>

#include <memory>
#include <optional>

class OGRCoordinateTransformation;

namespace gc::geo {

// True if the string names a CRS that GDAL understands ("EPSG:4490", WKT, PROJ string, ...);
// otherwise false with a message naming the CRS in *error.
bool isKnownCrs(const QString& crs, QString* error = nullptr);

class CrsTransform {
public:
    // std::nullopt if either CRS is unknown or no transformation exists between them, with a
    // message naming the offending CRS in *error.
    static std::optional<CrsTransform> create(const QString& from, const QString& to,
                                              QString* error = nullptr);

    CrsTransform(const CrsTransform& other);
    CrsTransform& operator=(const CrsTransform& other);
    CrsTransform(CrsTransform&&) noexcept;
    CrsTransform& operator=(CrsTransform&&) noexcept;
    ~CrsTransform();

    QString sourceCrs() const { return m_from; }
    QString targetCrs() const { return m_to; }

    // NaN coordinates and *ok = false if the point cannot be transformed (e.g. outside the
    // projection's domain).
    QPointF transform(const QPointF& point, bool* ok = nullptr) const;

    // The whole geometry (ISO WKB, 2D) transformed; empty with the reason in *error if the WKB is
    // unreadable or any vertex fails.
    QByteArray transformWkb(const QByteArray& wkb, QString* error = nullptr) const;

private:
    struct Deleter {
        void operator()(OGRCoordinateTransformation* transformation) const;
    };
    using Handle = std::unique_ptr<OGRCoordinateTransformation, Deleter>;

    CrsTransform(Handle handle, QString from, QString to);

    // OGRCoordinateTransformation is not safe for concurrent use: each copy owns its own clone,
    // so one copy per thread is the way to transform in parallel.
    Handle m_handle;
    QString m_from;
    QString m_to;
};

} // namespace gc::geo
