// 重点场所 from CSV or a point Shapefile: each point placed in its grid, all or nothing.
#include "gc/risk/KeyPlaceImporter.h"

#include "gc/geo/PointReader.h"
#include "gc/geo/PolygonLocator.h"
#include "gc/store/CountyStore.h"

#include <QCoreApplication>

namespace gc {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(KeyPlaceImporter)
};

QString firstField(const QHash<QString, QString>& fields, std::initializer_list<const char*> names) {
    for (const char* n : names)
        for (auto it = fields.cbegin(); it != fields.cend(); ++it)
            if (it.key().compare(QString::fromUtf8(n), Qt::CaseInsensitive) == 0 && !it.value().isEmpty())
                return it.value();
    return {};
}
} // namespace

int KeyPlaceImporter::import(CountyStore& store, const QString& path, const QString& type, QString* error) {
    QString localError;
    if (!error)
        error = &localError;
    const QList<geo::ReadPoint> points = geo::PointReader::read(path, error);
    if (points.isEmpty())
        return -1;
    const QList<GridRecord> grids = store.grids(GridLevel::Grid, true);
    QList<QByteArray> wkbs;
    for (const GridRecord& g : grids)
        wkbs << g.wkb;
    const geo::PolygonLocator locator(wkbs);
    QList<KeyPlace> places;
    for (const geo::ReadPoint& p : points) {
        KeyPlace place;
        place.lon = p.lon;
        place.lat = p.lat;
        place.name = firstField(p.fields, {"name", "名称", "场所名称"});
        place.type = type.isEmpty() ? firstField(p.fields, {"type", "类型", "场所类型", "kind"}) : type;
        if (place.type.isEmpty()) {
            *error = Tr::tr("%1 第 %2 行没有类型（type/类型 列，或用 --type 指定）").arg(path).arg(p.row);
            return -1;
        }
        const int g = locator.locate(p.lon, p.lat);
        if (g < 0) {
            *error =
                Tr::tr("%1 第 %2 行（%3, %4）不在本县任何网格内").arg(path).arg(p.row).arg(p.lon).arg(p.lat);
            return -1;
        }
        place.gridCode = grids[g].code;
        places << place;
    }
    if (!RiskStore(store).insertKeyPlaces(places, error))
        return -1;
    return int(places.size());
}

} // namespace gc
