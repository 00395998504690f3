// Grid hierarchy, departments and workers of CountyStore.
#include "gc/store/CountyStore.h"

#include "SqlHelpers.h"
#include "gc/store/GpkgGeometry.h"

#include <QCoreApplication>
#include <QSqlQuery>

#include <gdal.h>
#include <ogr_api.h>

namespace gc {

namespace {

// The translation context of this file's messages, declared where lupdate reads it.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(CountyStore)
};

QString gdalError() {
    return QString::fromUtf8(CPLGetLastErrorMsg());
}

GridRecord gridFromQuery(const QSqlQuery& q, GridLevel level, bool withGeometry) {
    GridRecord g;
    g.fid = q.value(0).toLongLong();
    g.code = q.value(1).toString();
    g.name = q.value(2).toString();
    g.level = level;
    g.parentCode = q.value(3).toString();
    g.households = q.value(4).toInt();
    g.population = q.value(5).toInt();
    g.risk = RiskLevels::parse(q.value(6).toString()).value_or(RiskLevel::Green);
    if (withGeometry)
        g.wkb = GpkgGeometry::toWkb(q.value(7).toByteArray());
    return g;
}

QString gridColumns(bool withGeometry) {
    return QStringLiteral("fid, code, name, parent_code, households, population, risk_level") +
           (withGeometry ? QStringLiteral(", geom") : QString());
}

} // namespace

bool CountyStore::insertGrids(GridLevel level, const QList<GridRecord>& grids, QString* error,
                              const std::function<void(int)>& progress) {
    QString localError;
    if (!error)
        error = &localError;
    // Feature tables are written through GDAL only: its R-tree triggers call SQL
    // functions (ST_MinX …) that exist only inside GDAL's own SQLite connection.
    GDALDatasetH ds =
        GDALOpenEx(m_path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr);
    if (!ds) {
        *error = Tr::tr("GDAL 无法打开 %1：%2").arg(m_path, gdalError());
        return false;
    }
    const QByteArray tableName = GridLevels::tableName(level).toUtf8();
    OGRLayerH layer = GDALDatasetGetLayerByName(ds, tableName.constData());
    if (!layer) {
        *error = Tr::tr("%1 中缺少图层 %2").arg(m_path, QString::fromUtf8(tableName));
        GDALClose(ds);
        return false;
    }
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    const int iCode = OGR_FD_GetFieldIndex(defn, "code");
    const int iName = OGR_FD_GetFieldIndex(defn, "name");
    const int iLevel = OGR_FD_GetFieldIndex(defn, "level");
    const int iParent = OGR_FD_GetFieldIndex(defn, "parent_code");
    const int iHouseholds = OGR_FD_GetFieldIndex(defn, "households");
    const int iPopulation = OGR_FD_GetFieldIndex(defn, "population");
    const int iRisk = OGR_FD_GetFieldIndex(defn, "risk_level");

    bool ok = GDALDatasetStartTransaction(ds, FALSE) == OGRERR_NONE;
    if (!ok)
        *error = Tr::tr("无法开始事务：%1").arg(gdalError());
    int done = 0;
    for (const GridRecord& g : grids) {
        if (!ok)
            break;
        if (const QString codeError = GridCode::validate(g.code, level); !codeError.isEmpty()) {
            *error = codeError;
            ok = false;
            break;
        }
        OGRGeometryH geom = nullptr;
        if (OGR_G_CreateFromWkb(g.wkb.constData(), nullptr, &geom, int(g.wkb.size())) != OGRERR_NONE ||
            !geom) {
            *error = Tr::tr("网格 %1 的几何无法解析").arg(g.code);
            ok = false;
            break;
        }
        geom = OGR_G_ForceToMultiPolygon(geom);
        OGRFeatureH f = OGR_F_Create(defn);
        OGR_F_SetFieldString(f, iCode, g.code.toUtf8().constData());
        OGR_F_SetFieldString(f, iName, g.name.toUtf8().constData());
        OGR_F_SetFieldInteger(f, iLevel, static_cast<int>(level));
        if (!g.parentCode.isEmpty())
            OGR_F_SetFieldString(f, iParent, g.parentCode.toUtf8().constData());
        OGR_F_SetFieldInteger(f, iHouseholds, g.households);
        OGR_F_SetFieldInteger(f, iPopulation, g.population);
        OGR_F_SetFieldString(f, iRisk, RiskLevels::key(g.risk).toUtf8().constData());
        OGR_F_SetGeometryDirectly(f, geom);
        if (OGR_L_CreateFeature(layer, f) != OGRERR_NONE) {
            *error = Tr::tr("写入网格 %1 失败：%2").arg(g.code, gdalError());
            ok = false;
        }
        OGR_F_Destroy(f);
        if (progress && (++done % 1000 == 0))
            progress(done);
    }
    if (ok && GDALDatasetCommitTransaction(ds) != OGRERR_NONE) {
        *error = Tr::tr("提交失败：%1").arg(gdalError());
        ok = false;
    }
    if (!ok)
        GDALDatasetRollbackTransaction(ds);
    GDALClose(ds);
    if (ok && progress)
        progress(int(grids.size()));
    return ok;
}

QList<GridRecord> CountyStore::grids(GridLevel level, bool withGeometry) const {
    QList<GridRecord> out;
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT %1 FROM %2 ORDER BY code")
                    .arg(gridColumns(withGeometry), GridLevels::tableName(level))))
        return out;
    while (q.next())
        out << gridFromQuery(q, level, withGeometry);
    return out;
}

std::optional<GridRecord> CountyStore::grid(const QString& code) const {
    const auto level = GridCode::levelOf(code);
    if (!level)
        return std::nullopt;
    QSqlQuery q(database());
    if (!sql::exec(q,
                   QStringLiteral("SELECT %1 FROM %2 WHERE code = ?")
                       .arg(gridColumns(true), GridLevels::tableName(*level)),
                   {code}, nullptr) ||
        !q.next())
        return std::nullopt;
    return gridFromQuery(q, *level, true);
}

int CountyStore::gridCount(GridLevel level) const {
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(GridLevels::tableName(level))) || !q.next())
        return 0;
    return q.value(0).toInt();
}

bool CountyStore::setGridRisk(const QString& code, RiskLevel risk, QString* error) {
    const auto level = GridCode::levelOf(code);
    if (!level) {
        if (error)
            *error = Tr::tr("编码 %1 不对应任何层级").arg(code);
        return false;
    }
    return writeTransaction(
        [&](QString* err) {
            QSqlQuery q(database());
            if (!sql::exec(q,
                           QStringLiteral("UPDATE %1 SET risk_level = ? WHERE code = ?")
                               .arg(GridLevels::tableName(*level)),
                           {RiskLevels::key(risk), code}, err))
                return false;
            if (q.numRowsAffected() == 0) {
                *err = Tr::tr("网格 %1 不存在").arg(code);
                return false;
            }
            return true;
        },
        error);
}

bool CountyStore::insertDepartments(const QList<DepartmentRecord>& departments, QString* error) {
    return writeTransaction(
        [&](QString* err) {
            QSqlQuery q(database());
            for (const DepartmentRecord& d : departments) {
                if (!sql::exec(
                        q,
                        QStringLiteral("INSERT INTO departments (code, name, parent_code, kind, phone, sort) "
                                       "VALUES (?, ?, ?, ?, ?, ?)"),
                        {d.code, d.name, d.parentCode.isEmpty() ? QVariant() : QVariant(d.parentCode),
                         d.kind.isEmpty() ? QStringLiteral("county_dept") : d.kind, d.phone, d.sort},
                        err, "部门"))
                    return false;
            }
            return true;
        },
        error);
}

QList<DepartmentRecord> CountyStore::departments() const {
    QList<DepartmentRecord> out;
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral(
            "SELECT code, name, parent_code, kind, phone, sort FROM departments ORDER BY sort, code")))
        return out;
    while (q.next())
        out << DepartmentRecord{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                q.value(3).toString(), q.value(4).toString(), q.value(5).toInt()};
    return out;
}

std::optional<DepartmentRecord> CountyStore::department(const QString& code) const {
    QSqlQuery q(database());
    if (!sql::exec(q,
                   QStringLiteral(
                       "SELECT code, name, parent_code, kind, phone, sort FROM departments WHERE code = ?"),
                   {code}, nullptr) ||
        !q.next())
        return std::nullopt;
    return DepartmentRecord{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                            q.value(3).toString(), q.value(4).toString(), q.value(5).toInt()};
}

bool CountyStore::insertWorkers(QList<WorkerRecord>& workers, QString* error) {
    return writeTransaction(
        [&](QString* err) {
            QSqlQuery insertWorker(database());
            QSqlQuery insertGrid(database());
            for (WorkerRecord& w : workers) {
                if (!sql::exec(
                        insertWorker,
                        QStringLiteral("INSERT INTO workers (name, phone, department_code, on_duty, score) "
                                       "VALUES (?, ?, ?, ?, ?)"),
                        {w.name, w.phone, w.departmentCode, w.onDuty ? 1 : 0, w.score}, err, "网格员"))
                    return false;
                w.id = insertWorker.lastInsertId().toLongLong();
                for (const QString& code : w.gridCodes)
                    if (!sql::exec(
                            insertGrid,
                            QStringLiteral("INSERT INTO worker_grids (worker_id, grid_code) VALUES (?, ?)"),
                            {w.id, code}, err, "网格员负责网格"))
                        return false;
            }
            return true;
        },
        error);
}

QList<WorkerRecord> CountyStore::workers() const {
    QList<WorkerRecord> out;
    QHash<qint64, int> index;
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id, name, phone, department_code, on_duty, score, last_lon, last_lat, "
                               "last_accuracy, last_at FROM workers ORDER BY id")))
        return out;
    while (q.next()) {
        WorkerRecord w;
        w.id = q.value(0).toLongLong();
        w.name = q.value(1).toString();
        w.phone = q.value(2).toString();
        w.departmentCode = q.value(3).toString();
        w.onDuty = q.value(4).toBool();
        w.score = q.value(5).toInt();
        w.lastLon = q.value(6).toDouble();
        w.lastLat = q.value(7).toDouble();
        w.lastAccuracy = q.value(8).toDouble();
        w.lastAt = sql::toTime(q.value(9));
        index.insert(w.id, int(out.size()));
        out << w;
    }
    if (q.exec(QStringLiteral("SELECT worker_id, grid_code FROM worker_grids ORDER BY worker_id, grid_code")))
        while (q.next())
            if (const auto it = index.constFind(q.value(0).toLongLong()); it != index.cend())
                out[*it].gridCodes << q.value(1).toString();
    return out;
}

} // namespace gc
