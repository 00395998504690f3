#pragma once

// Coverage checks of one hierarchy level against the level above (全覆盖、无缝隙、不重叠):
// invalid geometries, duplicate codes, orphans, overlaps between siblings, gaps (parent minus the
// union of its children) and children reaching outside their parent. Each finding names the
// code(s) involved and its area on the ellipsoid, with the offending geometry for a report.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>

namespace gc::geo {

// Geometry is ISO WKB in EPSG:4490 (lon/lat).
struct ValidationGrid {
    QString code;
    QString name;
    QString parentCode;
    QByteArray wkb;
};

enum class FindingKind { InvalidGeometry, DuplicateCode, Orphan, Overlap, Gap, OutsideParent };

QString
findingKindKey(FindingKind kind); // invalid_geometry, duplicate_code, orphan, overlap, gap, outside_parent
QString findingKindName(FindingKind kind); // Chinese label

struct ValidationFinding {
    FindingKind kind = FindingKind::InvalidGeometry;
    QStringList codes; // the grid(s) at fault; for a gap, the parent
    double areaM2 = 0; // area of `wkb` on the CGCS2000 ellipsoid
    QByteArray wkb;    // where: the overlap, the gap, the part outside, the invalid grid
    QString detail;    // human-readable, Chinese
};

struct ValidationOptions {
    // Overlaps, gaps and overhangs smaller than this are floating-point noise of shared edges,
    // not drawing errors.
    double minAreaM2 = 1.0;
};

struct ValidationStats {
    int grids = 0;
    // Pairs tested exactly for overlap: envelope hits of an STRtree, searched only among the
    // children of parents whose children's areas add up to more than their union (and orphans).
    int candidatePairs = 0;
    double seconds = 0;
};

class GridValidator {
public:
    // `children`: every grid of one level; `parents`: the level above (empty for the top level,
    // which skips the orphan, gap and outside checks). Cancelling returns what was found so far.
    static QList<ValidationFinding> validate(const QList<ValidationGrid>& parents,
                                             const QList<ValidationGrid>& children,
                                             const ValidationOptions& options = {},
                                             ValidationStats* stats = nullptr,
                                             const std::atomic_bool* cancel = nullptr);

    // Writes the findings as a GeoPackage layer `findings` (kind, codes, area_m2, detail) in
    // EPSG:4490 that QGIS opens; refuses to overwrite an existing file.
    static bool writeReport(const QString& path, const QList<ValidationFinding>& findings, QString* error);
};

} // namespace gc::geo
