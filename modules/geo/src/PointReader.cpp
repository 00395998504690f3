// Point features from CSV or any OGR point layer, in EPSG:4490.
#include "gc/geo/PointReader.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

namespace gc::geo {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(PointReader)
};
} // namespace

QList<ReadPoint> PointReader::read(const QString& path, QString* error) {
    GDALAllRegister();
    QList<ReadPoint> out;
    // CSV columns GDAL should take as coordinates; other formats carry geometry themselves.
    const char* openOptions[] = {"X_POSSIBLE_NAMES=lon,longitude,lng,x,经度",
                                 "Y_POSSIBLE_NAMES=lat,latitude,y,纬度", "KEEP_GEOM_COLUMNS=NO",
                                 "AUTODETECT_TYPE=NO", nullptr};
    const bool csv = QFileInfo(path).suffix().compare(QLatin1String("csv"), Qt::CaseInsensitive) == 0;
    GDALDatasetH ds = GDALOpenEx(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr,
                                 csv ? openOptions : nullptr, nullptr);
    if (!ds) {
        *error = Tr::tr("无法打开 %1：%2").arg(path, QString::fromUtf8(CPLGetLastErrorMsg()));
        return {};
    }
    OGRLayerH layer = GDALDatasetGetLayerCount(ds) > 0 ? GDALDatasetGetLayer(ds, 0) : nullptr;
    if (!layer) {
        *error = Tr::tr("%1 没有图层").arg(path);
        GDALClose(ds);
        return {};
    }
    OGRSpatialReferenceH target = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(target, 4490);
    OSRSetAxisMappingStrategy(target, OAMS_TRADITIONAL_GIS_ORDER);
    OGRCoordinateTransformationH transform = nullptr;
    if (OGRSpatialReferenceH source = OGR_L_GetSpatialRef(layer); source && !OSRIsSame(source, target)) {
        OGRSpatialReferenceH sourceCopy = OSRClone(source);
        OSRSetAxisMappingStrategy(sourceCopy, OAMS_TRADITIONAL_GIS_ORDER);
        transform = OCTNewCoordinateTransformation(sourceCopy, target);
        OSRDestroySpatialReference(sourceCopy);
    }
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    OGR_L_ResetReading(layer);
    int row = 0;
    bool ok = true;
    while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
        ++row;
        OGRGeometryH g = OGR_F_GetGeometryRef(f);
        if (!g || OGR_G_IsEmpty(g) || wkbFlatten(OGR_G_GetGeometryType(g)) != wkbPoint) {
            *error = g && !OGR_G_IsEmpty(g) ? Tr::tr("%1 第 %2 行不是点要素").arg(path).arg(row)
                                            : Tr::tr("%1 第 %2 行缺少坐标（经度/纬度）").arg(path).arg(row);
            ok = false;
            OGR_F_Destroy(f);
            break;
        }
        double x = OGR_G_GetX(g, 0), y = OGR_G_GetY(g, 0);
        if (transform && !OCTTransform(transform, 1, &x, &y, nullptr)) {
            *error = Tr::tr("%1 第 %2 行坐标无法转换到 CGCS2000").arg(path).arg(row);
            ok = false;
            OGR_F_Destroy(f);
            break;
        }
        if (!(x >= -180 && x <= 180 && y >= -90 && y <= 90)) {
            *error = Tr::tr("%1 第 %2 行坐标超出经纬度范围（%3, %4）").arg(path).arg(row).arg(x).arg(y);
            ok = false;
            OGR_F_Destroy(f);
            break;
        }
        ReadPoint p;
        p.lon = x;
        p.lat = y;
        p.row = row;
        for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i)
            p.fields.insert(QString::fromUtf8(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i))),
                            QString::fromUtf8(OGR_F_GetFieldAsString(f, i)).trimmed());
        out << p;
        OGR_F_Destroy(f);
    }
    if (transform)
        OCTDestroyCoordinateTransformation(transform);
    OSRDestroySpatialReference(target);
    GDALClose(ds);
    if (!ok)
        return {};
    if (out.isEmpty())
        *error = Tr::tr("%1 没有任何点要素").arg(path);
    return out;
}

} // namespace gc::geo
