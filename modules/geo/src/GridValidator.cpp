#include "gc/geo/GridValidator.h"

#include "GeosSupport.h"
#include "gc/geo/GdalSupport.h"
#include "gc/geo/Geometry.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <algorithm>
#include <mutex>
#include <thread>
#include <vector>

namespace gc::geo {

using namespace detail;

namespace {

// The translation context of this file's messages, declared where lupdate reads it.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(GridValidator)
};

struct KindInfo {
    FindingKind kind;
    const char* key;
    const char* name;
};
constexpr KindInfo kKinds[] = {
    {FindingKind::InvalidGeometry, "invalid_geometry", "几何无效"},
    {FindingKind::DuplicateCode, "duplicate_code", "编码重复"},
    {FindingKind::Orphan, "orphan", "无上级"},
    {FindingKind::Overlap, "overlap", "相互重叠"},
    {FindingKind::Gap, "gap", "覆盖缝隙"},
    {FindingKind::OutsideParent, "outside_parent", "超出上级"},
};

struct Item {
    const ValidationGrid* grid = nullptr;
    GeomPtr geom;         // valid (repaired if needed) for overlay
    PreparedPtr prepared; // built lazily
    int index = 0;
};

GeomPtr cloneOf(GeosContext& ctx, const GEOSGeometry* g) {
    return own(ctx, GEOSGeom_clone_r(ctx.handle(), g));
}

// The polygonal part of an overlay result, its area and WKB; area 0 when nothing polygonal is left.
struct Piece {
    QByteArray wkb;
    double area = 0;
};
Piece polygonalPiece(GeosContext& ctx, const GEOSGeometry* g) {
    Piece piece;
    GeomPtr polygons = polygonalPart(ctx, g);
    if (!polygons)
        return piece;
    piece.wkb = writeWkb(ctx, polygons.get());
    piece.area = ellipsoidalAreaM2(piece.wkb);
    return piece;
}

} // namespace

QString findingKindKey(FindingKind kind) {
    for (const KindInfo& k : kKinds)
        if (k.kind == kind)
            return QString::fromLatin1(k.key);
    return {};
}

QString findingKindName(FindingKind kind) {
    for (const KindInfo& k : kKinds)
        if (k.kind == kind)
            return QCoreApplication::translate("GridValidator", k.name);
    return {};
}

QList<ValidationFinding> GridValidator::validate(const QList<ValidationGrid>& parents,
                                                 const QList<ValidationGrid>& children,
                                                 const ValidationOptions& options, ValidationStats* stats,
                                                 const std::atomic_bool* cancel) {
    QElapsedTimer timer;
    timer.start();
    GeosContext& ctx = GeosContext::forThread();
    GEOSContextHandle_t h = ctx.handle();
    QList<ValidationFinding> findings;
    const auto cancelled = [&] { return cancel && cancel->load(std::memory_order_relaxed); };
    std::mutex findingsMutex;
    const auto add = [&](FindingKind kind, QStringList codes, double area, QByteArray wkb, QString detail) {
        const std::lock_guard<std::mutex> lock(findingsMutex);
        findings.push_back(
            ValidationFinding{kind, std::move(codes), area, std::move(wkb), std::move(detail)});
    };

    // Geometry: invalid ones are reported and then repaired for the overlay checks, so one bad
    // ring does not hide (or fake) an overlap next to it.
    const auto load = [&](const ValidationGrid& grid, bool report) -> GeomPtr {
        QString why;
        GeomPtr g = readWkb(ctx, grid.wkb, &why);
        // NaN, infinite or non-lon/lat coordinates (a county edited by a broken tool) are reported
        // and kept out of the overlay checks: GEOS's index and areas cannot take them.
        if (g && GEOSisEmpty_r(h, g.get()) != 1)
            why = lonLatProblem(grid.wkb);
        if (!g || GEOSisEmpty_r(h, g.get()) == 1 || !why.isEmpty()) {
            if (report)
                add(FindingKind::InvalidGeometry, {grid.code}, 0, {},
                    Tr::tr("%1（%2）没有可读的几何：%3")
                        .arg(grid.code, grid.name, why.isEmpty() ? Tr::tr("空几何") : why));
            return own(ctx, nullptr);
        }
        char* reason = nullptr;
        GEOSGeometry* location = nullptr;
        if (GEOSisValidDetail_r(h, g.get(), 0, &reason, &location) != 1) {
            if (report) {
                QString where;
                if (location) {
                    double x = 0, y = 0;
                    GEOSGeomGetX_r(h, location, &x);
                    GEOSGeomGetY_r(h, location, &y);
                    where = QStringLiteral(" (%1, %2)").arg(x, 0, 'f', 6).arg(y, 0, 'f', 6);
                }
                add(FindingKind::InvalidGeometry, {grid.code}, ellipsoidalAreaM2(grid.wkb), grid.wkb,
                    Tr::tr("%1（%2）几何无效：%3%4")
                        .arg(grid.code, grid.name, QString::fromUtf8(reason ? reason : ""), where));
            }
            GEOSFree_r(h, reason);
            if (location)
                GEOSGeom_destroy_r(h, location);
            GeomPtr repaired = own(ctx, GEOSMakeValid_r(h, g.get()));
            return repaired ? polygonalPart(ctx, repaired.get()) : own(ctx, nullptr);
        }
        GEOSFree_r(h, reason);
        if (location)
            GEOSGeom_destroy_r(h, location);
        return g;
    };

    std::vector<Item> items(size_t(children.size()));
    QHash<QString, int> childByCode;
    for (int i = 0; i < children.size(); ++i) {
        items[size_t(i)].grid = &children[i];
        items[size_t(i)].index = i;
        items[size_t(i)].geom = load(children[i], true);
        childByCode.insert(children[i].code, i);
    }

    // Duplicate codes.
    QHash<QString, QList<int>> byCode;
    for (int i = 0; i < children.size(); ++i)
        byCode[children[i].code].push_back(i);
    for (auto it = byCode.cbegin(); it != byCode.cend(); ++it)
        if (it.value().size() > 1)
            add(FindingKind::DuplicateCode, {it.key()}, ellipsoidalAreaM2(children[it.value().front()].wkb),
                children[it.value().front()].wkb,
                Tr::tr("编码 %1 出现 %2 次").arg(it.key()).arg(it.value().size()));

    // Parents and orphans.
    std::vector<GeomPtr> parentGeoms;
    QHash<QString, int> parentByCode;
    for (int p = 0; p < parents.size(); ++p) {
        parentGeoms.push_back(load(parents[p], false));
        parentByCode.insert(parents[p].code, p);
    }
    std::vector<std::vector<int>> childrenOf(size_t(parents.size()));
    if (!parents.isEmpty()) {
        for (const Item& item : items) {
            const auto it = parentByCode.constFind(item.grid->parentCode);
            if (it == parentByCode.cend()) {
                add(FindingKind::Orphan, {item.grid->code}, ellipsoidalAreaM2(item.grid->wkb), item.grid->wkb,
                    item.grid->parentCode.isEmpty()
                        ? Tr::tr("%1（%2）没有上级编码").arg(item.grid->code, item.grid->name)
                        : Tr::tr("%1（%2）的上级 %3 不存在")
                              .arg(item.grid->code, item.grid->name, item.grid->parentCode));
                continue;
            }
            childrenOf[size_t(*it)].push_back(item.index);
        }
    }

    // Overlaps between the grids of `pool`: candidate pairs from an STRtree of envelopes, then the
    // exact overlay. Only the `queries` are looked up, against every grid of the pool.
    std::atomic_int candidatePairs = 0;
    const auto checkPairs = [&](const std::vector<Item*>& pool, const std::vector<Item*>& queries) {
        GeosContext& ctx = GeosContext::forThread();
        GEOSContextHandle_t h = ctx.handle();
        GEOSSTRtree* tree = GEOSSTRtree_create_r(h, 10);
        for (Item* item : pool)
            if (item->geom)
                GEOSSTRtree_insert_r(h, tree, item->geom.get(), item);
        struct QueryState {
            const Item* self;
            std::vector<Item*>* hits;
            bool queryAll;
        };
        const bool symmetric = pool.size() == queries.size();
        std::vector<Item*> hits;
        for (Item* item : queries) {
            if (cancelled() || !item->geom)
                continue;
            hits.clear();
            QueryState state{item, &hits, !symmetric};
            GEOSSTRtree_query_r(
                h, tree, item->geom.get(),
                [](void* found, void* userData) {
                    auto* s = static_cast<QueryState*>(userData);
                    auto* other = static_cast<Item*>(found);
                    // Each pair once: by index within the pool, or every other grid for a lone query.
                    if (s->queryAll ? other != s->self : other->index > s->self->index)
                        s->hits->push_back(other);
                },
                &state);
            if (hits.empty())
                continue;
            if (!item->prepared)
                item->prepared = prepare(ctx, item->geom.get());
            for (Item* other : hits) {
                ++candidatePairs;
                if (GEOSPreparedIntersects_r(h, item->prepared.get(), other->geom.get()) != 1)
                    continue;
                GeomPtr overlap = own(ctx, GEOSIntersection_r(h, item->geom.get(), other->geom.get()));
                if (!overlap)
                    continue;
                const Piece piece = polygonalPiece(ctx, overlap.get());
                if (piece.area >= options.minAreaM2)
                    add(FindingKind::Overlap, {item->grid->code, other->grid->code}, piece.area, piece.wkb,
                        Tr::tr("%1（%2）与 %3（%4）重叠 %5 m²")
                            .arg(item->grid->code, item->grid->name, other->grid->code, other->grid->name)
                            .arg(piece.area, 0, 'f', 1));
            }
        }
        GEOSSTRtree_destroy_r(h, tree);
    };

    std::vector<Item*> everyone;
    for (Item& item : items)
        everyone.push_back(&item);
    if (parents.isEmpty()) {
        checkPairs(everyone, everyone);
    } else {
        std::vector<Item*> orphans;
        for (Item& item : items)
            if (!parentByCode.contains(item.grid->parentCode))
                orphans.push_back(&item);
        if (!orphans.empty())
            checkPairs(everyone, orphans);
    }

    // Per parent, one union of its children answers three questions at once, so the exact (and
    // costly) pairwise and per-child overlays run only where something is wrong:
    //   overlaps      sum of the children's areas exceeds the area of their union
    //   outside       the union reaches beyond the parent
    //   gaps          the parent minus the union
    // Children of different parents cannot overlap unless one of them leaves its parent, which is
    // reported as such (and the parent level's own overlaps are checked one level up).
    // Parents are independent of each other: the cores share them (one GEOS context per thread).
    std::atomic_int nextParent = 0;
    const auto checkParents = [&] {
        GeosContext& ctx = GeosContext::forThread();
        GEOSContextHandle_t h = ctx.handle();
        for (int p = nextParent++; p < parents.size() && !cancelled(); p = nextParent++) {
            const GEOSGeometry* parent = parentGeoms[size_t(p)].get();
            const std::vector<int>& kids = childrenOf[size_t(p)];
            if (!parent || children.isEmpty())
                continue;
            std::vector<GEOSGeometry*> clones;
            std::vector<Item*> kidItems;
            double sumOfAreas = 0;
            for (int k : kids) {
                Item& item = items[size_t(k)];
                if (!item.geom)
                    continue;
                clones.push_back(GEOSGeom_clone_r(h, item.geom.get()));
                kidItems.push_back(&item);
                sumOfAreas += ellipsoidalAreaM2(item.grid->wkb);
            }
            GeomPtr covered;
            if (!clones.empty()) {
                GeomPtr collection =
                    own(ctx, GEOSGeom_createCollection_r(h, GEOS_GEOMETRYCOLLECTION, clones.data(),
                                                         static_cast<unsigned int>(clones.size())));
                covered = own(ctx, GEOSUnaryUnion_r(h, collection.get()));
                if (!covered)
                    continue;
                const double unionArea = ellipsoidalAreaM2(writeWkb(ctx, covered.get()));
                if (sumOfAreas - unionArea >= options.minAreaM2)
                    checkPairs(kidItems, kidItems);
                GeomPtr beyond = own(ctx, GEOSDifference_r(h, covered.get(), parent));
                if (beyond && polygonalPiece(ctx, beyond.get()).area >= options.minAreaM2) {
                    for (Item* item : kidItems) {
                        GeomPtr outside = own(ctx, GEOSDifference_r(h, item->geom.get(), parent));
                        if (!outside)
                            continue;
                        const Piece piece = polygonalPiece(ctx, outside.get());
                        if (piece.area >= options.minAreaM2)
                            add(FindingKind::OutsideParent, {item->grid->code, parents[p].code}, piece.area,
                                piece.wkb,
                                Tr::tr("%1（%2）有 %3 m² 超出上级 %4（%5）")
                                    .arg(item->grid->code, item->grid->name)
                                    .arg(piece.area, 0, 'f', 1)
                                    .arg(parents[p].code, parents[p].name));
                    }
                }
            }
            GeomPtr gap =
                covered ? own(ctx, GEOSDifference_r(h, parent, covered.get())) : cloneOf(ctx, parent);
            if (!gap)
                continue;
            // One finding per separate hole in the coverage, so each can be zoomed to.
            std::vector<const GEOSGeometry*> polygons;
            collectPolygons(ctx, gap.get(), polygons);
            for (const GEOSGeometry* polygon : polygons) {
                const QByteArray wkb = writeWkb(ctx, polygon);
                const double area = ellipsoidalAreaM2(wkb);
                if (area >= options.minAreaM2)
                    add(FindingKind::Gap, {parents[p].code}, area, wkb,
                        Tr::tr("%1（%2）内有 %3 m² 未被下级覆盖")
                            .arg(parents[p].code, parents[p].name)
                            .arg(area, 0, 'f', 1));
            }
        }
    };
    const unsigned threadCount = std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
    std::vector<std::thread> threads;
    for (unsigned t = 1; t < threadCount; ++t)
        threads.emplace_back(checkParents);
    checkParents();
    for (std::thread& t : threads)
        t.join();

    if (stats) {
        stats->grids = int(children.size());
        stats->candidatePairs = candidatePairs;
        stats->seconds = timer.elapsed() / 1000.0;
    }
    return findings;
}

bool GridValidator::writeReport(const QString& path, const QList<ValidationFinding>& findings,
                                QString* error) {
    QString localError;
    if (!error)
        error = &localError;
    if (QFileInfo::exists(path)) {
        *error = Tr::tr("%1 已存在，不会覆盖").arg(path);
        return false;
    }
    initGdal();
    GDALDriverH driver = GDALGetDriverByName("GPKG");
    GDALDatasetH ds =
        driver ? GDALCreate(driver, path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr) : nullptr;
    if (!ds) {
        *error = Tr::tr("无法创建 %1：%2").arg(path, QString::fromUtf8(CPLGetLastErrorMsg()));
        return false;
    }
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, 4490);
    OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER);
    const char* layerOptions[] = {"GEOMETRY_NAME=geom", "IDENTIFIER=网格检查问题", nullptr};
    OGRLayerH layer =
        GDALDatasetCreateLayer(ds, "findings", srs, wkbMultiPolygon, const_cast<char**>(layerOptions));
    OSRDestroySpatialReference(srs);
    bool ok = layer != nullptr;
    for (const char* name : {"kind", "kind_name", "codes", "detail"}) {
        OGRFieldDefnH f = OGR_Fld_Create(name, OFTString);
        ok = ok && OGR_L_CreateField(layer, f, TRUE) == OGRERR_NONE;
        OGR_Fld_Destroy(f);
    }
    OGRFieldDefnH areaField = OGR_Fld_Create("area_m2", OFTReal);
    ok = ok && OGR_L_CreateField(layer, areaField, TRUE) == OGRERR_NONE;
    OGR_Fld_Destroy(areaField);
    ok = ok && GDALDatasetStartTransaction(ds, FALSE) == OGRERR_NONE;
    for (const ValidationFinding& finding : findings) {
        if (!ok)
            break;
        OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(layer));
        OGR_F_SetFieldString(f, 0, findingKindKey(finding.kind).toUtf8().constData());
        OGR_F_SetFieldString(f, 1, findingKindName(finding.kind).toUtf8().constData());
        OGR_F_SetFieldString(f, 2, finding.codes.join(QLatin1Char(',')).toUtf8().constData());
        OGR_F_SetFieldString(f, 3, finding.detail.toUtf8().constData());
        OGR_F_SetFieldDouble(f, 4, finding.areaM2);
        OGRGeometryH g = nullptr;
        if (!finding.wkb.isEmpty() &&
            OGR_G_CreateFromWkb(finding.wkb.constData(), nullptr, &g, int(finding.wkb.size())) ==
                OGRERR_NONE &&
            g)
            OGR_F_SetGeometryDirectly(f, OGR_G_ForceToMultiPolygon(g));
        ok = OGR_L_CreateFeature(layer, f) == OGRERR_NONE;
        OGR_F_Destroy(f);
    }
    ok = ok && GDALDatasetCommitTransaction(ds) == OGRERR_NONE;
    if (!ok)
        *error = Tr::tr("写入 %1 失败：%2").arg(path, QString::fromUtf8(CPLGetLastErrorMsg()));
    GDALClose(ds);
    if (!ok)
        QFile::remove(path);
    return ok;
}

} // namespace gc::geo
