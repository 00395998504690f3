#include "gc/geo/CrsTransform.h"

#include <QCoreApplication>

#include <cpl_error.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>

#include <limits>

namespace gc::geo {

namespace {

// The translation context of this file's messages, declared where lupdate reads it.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(CrsTransform)
};

// GDAL reports through a global error handler that would print to stderr; collect the message
// instead so it reaches the caller.
class QuietGdalErrors {
public:
    QuietGdalErrors() {
        CPLPushErrorHandler(CPLQuietErrorHandler);
        CPLErrorReset();
    }
    ~QuietGdalErrors() { CPLPopErrorHandler(); }
    QuietGdalErrors(const QuietGdalErrors&) = delete;
    QuietGdalErrors& operator=(const QuietGdalErrors&) = delete;

    static QString lastMessage() { return QString::fromUtf8(CPLGetLastErrorMsg()).trimmed(); }
};

QString withDetail(const QString& message, const QString& detail) {
    return detail.isEmpty() ? message : message + QStringLiteral(": ") + detail;
}

bool readCrs(const QString& crs, OGRSpatialReference& srs, QString* error) {
    QuietGdalErrors quiet;
    const QByteArray text = crs.trimmed().toUtf8();
    if (text.isEmpty() || srs.SetFromUserInput(text.constData()) != OGRERR_NONE) {
        if (error)
            *error = withDetail(Tr::tr("Unknown CRS “%1”").arg(crs), QuietGdalErrors::lastMessage());
        return false;
    }
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return true;
}

} // namespace

bool isKnownCrs(const QString& crs, QString* error) {
    OGRSpatialReference srs;
    return readCrs(crs, srs, error);
}

void CrsTransform::Deleter::operator()(OGRCoordinateTransformation* transformation) const {
    OGRCoordinateTransformation::DestroyCT(transformation);
}

CrsTransform::CrsTransform(Handle handle, QString from, QString to)
    : m_handle(std::move(handle)), m_from(std::move(from)), m_to(std::move(to)) {}

CrsTransform::CrsTransform(const CrsTransform& other)
    : m_handle(other.m_handle ? other.m_handle->Clone() : nullptr), m_from(other.m_from), m_to(other.m_to) {}

CrsTransform& CrsTransform::operator=(const CrsTransform& other) {
    if (this != &other) {
        m_handle.reset(other.m_handle ? other.m_handle->Clone() : nullptr);
        m_from = other.m_from;
        m_to = other.m_to;
    }
    return *this;
}

CrsTransform::CrsTransform(CrsTransform&&) noexcept = default;
CrsTransform& CrsTransform::operator=(CrsTransform&&) noexcept = default;
CrsTransform::~CrsTransform() = default;

std::optional<CrsTransform> CrsTransform::create(const QString& from, const QString& to, QString* error) {
    OGRSpatialReference source;
    OGRSpatialReference target;
    if (!readCrs(from, source, error) || !readCrs(to, target, error))
        return std::nullopt;
    QuietGdalErrors quiet;
    Handle handle(OGRCreateCoordinateTransformation(&source, &target));
    if (!handle) {
        if (error)
            *error = withDetail(Tr::tr("No transformation from “%1” to “%2”").arg(from, to),
                                QuietGdalErrors::lastMessage());
        return std::nullopt;
    }
    return CrsTransform(std::move(handle), from, to);
}

QPointF CrsTransform::transform(const QPointF& point, bool* ok) const {
    double x = point.x();
    double y = point.y();
    QuietGdalErrors quiet;
    const bool success = m_handle && m_handle->Transform(1, &x, &y);
    if (ok)
        *ok = success;
    if (!success)
        return {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN()};
    return {x, y};
}

QByteArray CrsTransform::transformWkb(const QByteArray& wkb, QString* error) const {
    QuietGdalErrors quiet;
    OGRGeometry* raw = nullptr;
    if (wkb.isEmpty() || OGRGeometryFactory::createFromWkb(wkb.constData(), nullptr, &raw,
                                                           static_cast<size_t>(wkb.size())) != OGRERR_NONE) {
        if (error)
            *error = withDetail(Tr::tr("Invalid WKB geometry"), QuietGdalErrors::lastMessage());
        return {};
    }
    std::unique_ptr<OGRGeometry> geometry(raw);
    if (!m_handle || geometry->transform(m_handle.get()) != OGRERR_NONE) {
        if (error)
            *error = withDetail(Tr::tr("Cannot transform the geometry from “%1” to “%2”").arg(m_from, m_to),
                                QuietGdalErrors::lastMessage());
        return {};
    }
    geometry->flattenTo2D();
    QByteArray out(static_cast<qsizetype>(geometry->WkbSize()), Qt::Uninitialized);
    geometry->exportToWkb(wkbNDR, reinterpret_cast<unsigned char*>(out.data()), wkbVariantIso);
    return out;
}

} // namespace gc::geo
