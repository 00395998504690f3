// Grid hierarchy, departments and workers of CountyStore.
#include "gc/store/CountyStore.h"

#include "SqlHelpers.h"
#include "gc/store/GpkgGeometry.h"

#include <QCoreApplication>
#include <QSqlQuery>

#include <ogr_api.h>

#include <algorithm>

namespace gc {

namespace {

// The translation context of this file's messages, declared where lupdate reads it.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(CountyStore)
};

constexpr int kGridSrsId = 4490; // CGCS2000, the srs of every hierarchy layer

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

// The level whose table holds `code`: the one its length implies (standard codes, one lookup),
// else whichever has it (codes an import kept as the source had them, any length).
std::optional<GridLevel> levelHolding(const QSqlDatabase& db, const QString& code) {
    const auto implied = GridCode::levelOf(code);
    const auto holds = [&](GridLevel level) {
        QSqlQuery q(db);
        return sql::exec(q,
                         QStringLiteral("SELECT 1 FROM %1 WHERE code = ?").arg(GridLevels::tableName(level)),
                         {code}, nullptr) &&
               q.next();
    };
    if (implied && holds(*implied))
        return implied;
    for (int l = 1; l <= kGridLevelCount; ++l)
        if (static_cast<GridLevel>(l) != implied && holds(static_cast<GridLevel>(l)))
            return static_cast<GridLevel>(l);
    return implied;
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
    if (grids.isEmpty())
        return true;
    // Every grid is checked and encoded before the first write, so bad input changes nothing.
    // Written through this store's own connection (it has the SQL functions the R-tree triggers
    // call), never through a GDAL dataset: opening the county with GDAL in a process that holds it
    // open (the GUI) closes a descriptor GDAL opened to identify the file, and closing any descriptor
    // drops every POSIX lock the process holds on it, SQLite's included. Another process closing the
    // county then took itself for the last one and deleted the -wal and -shm still in use (issue 10).
    QList<QByteArray> blobs;
    blobs.reserve(grids.size());
    GpkgGeometry::Envelope extent{qInf(), -qInf(), qInf(), -qInf()};
    for (const GridRecord& g : grids) {
        // The form of a code is the caller's to check (CountyImport does, unless the analyst
        // keeps the source's own codes; the demo builder makes standard ones): a code there must be.
        if (g.code.trimmed().isEmpty()) {
            *error = Tr::tr("网格“%1”没有编码").arg(g.name);
            return false;
        }
        OGRGeometryH geom = nullptr;
        if (OGR_G_CreateFromWkb(g.wkb.constData(), nullptr, &geom, int(g.wkb.size())) != OGRERR_NONE ||
            !geom) {
            *error = Tr::tr("网格 %1 的几何无法解析").arg(g.code);
            return false;
        }
        geom = OGR_G_ForceToMultiPolygon(geom);
        OGREnvelope e;
        OGR_G_GetEnvelope(geom, &e);
        QByteArray wkb(OGR_G_WkbSize(geom), Qt::Uninitialized);
        const bool encoded =
            OGR_G_ExportToIsoWkb(geom, wkbNDR, reinterpret_cast<unsigned char*>(wkb.data())) == OGRERR_NONE;
        OGR_G_DestroyGeometry(geom);
        if (!encoded) {
            *error = Tr::tr("网格 %1 的几何无法编码").arg(g.code);
            return false;
        }
        blobs << GpkgGeometry::fromWkb(wkb, kGridSrsId, {e.MinX, e.MaxX, e.MinY, e.MaxY});
        extent = {std::min(extent.minX, e.MinX), std::max(extent.maxX, e.MaxX), std::min(extent.minY, e.MinY),
                  std::max(extent.maxY, e.MaxY)};
    }
    const QString table = GridLevels::tableName(level);
    // Codes an import replaced by standard ones keep the source's in an optional column, added
    // when first needed (no schema change: readers that do not know it ignore it).
    const bool withSourceCode =
        std::any_of(grids.cbegin(), grids.cend(), [](const GridRecord& g) { return !g.sourceCode.isEmpty(); });
    const bool ok = writeTransaction(
        [&](QString* err) {
            QSqlQuery q(database());
            if (withSourceCode) {
                QSqlQuery column(database());
                if (!sql::exec(column, QStringLiteral("SELECT 1 FROM pragma_table_info(?) WHERE name = 'source_code'"),
                               {table}, err))
                    return false;
                if (!column.next() &&
                    !sql::exec(column, QStringLiteral("ALTER TABLE %1 ADD COLUMN source_code TEXT").arg(table), {}, err))
                    return false;
            }
            if (!q.prepare(QStringLiteral("INSERT INTO %1 (geom, code, name, level, parent_code, households, "
                                          "population, risk_level%2) VALUES (?, ?, ?, ?, ?, ?, ?, ?%3)")
                               .arg(table, withSourceCode ? QStringLiteral(", source_code") : QString(),
                                    withSourceCode ? QStringLiteral(", ?") : QString()))) {
                *err = Tr::tr("写入网格失败：%1").arg(sql::lastError(q));
                return false;
            }
            for (qsizetype i = 0; i < grids.size(); ++i) {
                const GridRecord& g = grids.at(i);
                q.addBindValue(blobs.at(i));
                q.addBindValue(g.code);
                q.addBindValue(g.name);
                q.addBindValue(static_cast<int>(level));
                q.addBindValue(g.parentCode.isEmpty() ? QVariant() : QVariant(g.parentCode));
                q.addBindValue(g.households);
                q.addBindValue(g.population);
                q.addBindValue(RiskLevels::key(g.risk));
                if (withSourceCode)
                    q.addBindValue(g.sourceCode.isEmpty() ? QVariant() : QVariant(g.sourceCode));
                if (!q.exec()) {
                    *err = Tr::tr("写入网格 %1 失败：%2").arg(g.code, sql::lastError(q));
                    return false;
                }
                if (progress && (i + 1) % 1000 == 0)
                    progress(int(i + 1));
            }
            // What GDAL does when it closes a layer it wrote: the contents' extent and time of change.
            QSqlQuery contents(database());
            return sql::exec(
                contents,
                QStringLiteral("UPDATE gpkg_contents SET last_change = "
                               "strftime('%Y-%m-%dT%H:%M:%fZ','now'), min_x = coalesce(min(min_x, ?), "
                               "?), max_x = coalesce(max(max_x, ?), ?), min_y = coalesce(min(min_y, ?), "
                               "?), max_y = coalesce(max(max_y, ?), ?) WHERE table_name = ?"),
                {extent.minX, extent.minX, extent.maxX, extent.maxX, extent.minY, extent.minY, extent.maxY,
                 extent.maxY, table},
                err);
        },
        error);
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
    const auto level = levelHolding(database(), code);
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
    const auto level = levelHolding(database(), code);
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
