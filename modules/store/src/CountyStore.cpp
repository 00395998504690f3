#include "gc/store/CountyStore.h"

#include "GpkgSqlFunctions.h"
#include "ReadAccess.h"
#include "SqlHelpers.h"
#include "gc/core/ChinaTime.h"
#include "gc/geo/GdalSupport.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <gdal.h>
#include <ogr_srs_api.h>
#include <sqlite3.h>

namespace gc {

namespace {

// The translation context of this file's messages, declared where lupdate reads it.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(CountyStore)
};

QString uniqueConnectionName() {
    static QAtomicInt counter;
    return QStringLiteral("gc_county_%1").arg(counter.fetchAndAddRelaxed(1));
}

// Ordinary tables. Times are UTC epoch seconds (see SqlHelpers.h).
// SQLite counts every allocation under one process-wide mutex unless told not to, for memory
// statistics nothing here reads. With several connections busy at once (an export reads its
// statistics on three threads while this connection reads the grids) that mutex serialised
// them: turning it off halved the export's reading. It must be set before SQLite initialises,
// so it is set while the program starts, before any connection exists.
[[maybe_unused]] const bool kSqliteMemoryStatisticsOff =
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;

const char* const kSchemaV1[] = {
    R"(CREATE TABLE gc_meta (key TEXT PRIMARY KEY, value TEXT))",
    R"(CREATE TABLE departments (
        code TEXT PRIMARY KEY, name TEXT NOT NULL, parent_code TEXT REFERENCES departments(code),
        kind TEXT NOT NULL DEFAULT 'county_dept', phone TEXT, sort INTEGER NOT NULL DEFAULT 0))",
    R"(CREATE TABLE workers (
        id INTEGER PRIMARY KEY, name TEXT NOT NULL, phone TEXT, department_code TEXT,
        on_duty INTEGER NOT NULL DEFAULT 1, score INTEGER NOT NULL DEFAULT 0,
        last_lon REAL, last_lat REAL, last_accuracy REAL, last_speed REAL, last_heading REAL, last_at INTEGER))",
    R"(CREATE TABLE worker_grids (
        worker_id INTEGER NOT NULL REFERENCES workers(id), grid_code TEXT NOT NULL,
        PRIMARY KEY (worker_id, grid_code)))",
    R"(CREATE INDEX worker_grids_grid ON worker_grids(grid_code))",
    R"(CREATE TABLE devices (
        token TEXT PRIMARY KEY, worker_id INTEGER NOT NULL REFERENCES workers(id), kind TEXT,
        created_at INTEGER NOT NULL, revoked_at INTEGER))",
    R"(CREATE TABLE tickets (
        id INTEGER PRIMARY KEY, state TEXT NOT NULL, category TEXT NOT NULL, source TEXT NOT NULL,
        priority TEXT NOT NULL, appeal_type TEXT NOT NULL DEFAULT 'none', grid_code TEXT,
        department_code TEXT, title TEXT, description TEXT, address TEXT, lon REAL, lat REAL,
        photos TEXT, reporter TEXT, created_at INTEGER NOT NULL, deadline INTEGER,
        first_dispatched_at INTEGER, resolved_at INTEGER, closed_at INTEGER,
        rating TEXT NOT NULL DEFAULT 'none', reopen_count INTEGER NOT NULL DEFAULT 0,
        urge_count INTEGER NOT NULL DEFAULT 0, escalation_level INTEGER NOT NULL DEFAULT 4,
        merged_into INTEGER, last_return_reason TEXT, self_resolved INTEGER NOT NULL DEFAULT 0,
        check_worker_id INTEGER, arrived_at INTEGER, version INTEGER NOT NULL DEFAULT 0))",
    R"(CREATE INDEX tickets_state ON tickets(state))",
    R"(CREATE INDEX tickets_grid ON tickets(grid_code))",
    R"(CREATE INDEX tickets_department ON tickets(department_code))",
    R"(CREATE INDEX tickets_created ON tickets(created_at))",
    // The feed looks up the on-site checks still waiting for their worker after every change.
    R"(CREATE INDEX tickets_pending_check ON tickets(check_worker_id)
        WHERE check_worker_id IS NOT NULL AND arrived_at IS NULL)",
    R"(CREATE TABLE ticket_events (
        id INTEGER PRIMARY KEY, ticket_id INTEGER NOT NULL REFERENCES tickets(id), action TEXT NOT NULL,
        actor TEXT NOT NULL, at INTEGER NOT NULL, from_state TEXT NOT NULL, to_state TEXT NOT NULL,
        department_code TEXT, reason TEXT, note TEXT, worker_id INTEGER))",
    R"(CREATE INDEX ticket_events_ticket ON ticket_events(ticket_id))",
    // Append-only audit trail: the database itself refuses edits and deletions.
    R"(CREATE TRIGGER ticket_events_no_update BEFORE UPDATE ON ticket_events
        BEGIN SELECT RAISE(ABORT, 'ticket_events is append-only'); END)",
    R"(CREATE TRIGGER ticket_events_no_delete BEFORE DELETE ON ticket_events
        BEGIN SELECT RAISE(ABORT, 'ticket_events is append-only'); END)",
    R"(CREATE TABLE positions (
        id INTEGER PRIMARY KEY, worker_id INTEGER NOT NULL, at INTEGER NOT NULL, lon REAL NOT NULL,
        lat REAL NOT NULL, accuracy REAL, speed REAL, heading REAL, source TEXT))",
    R"(CREATE INDEX positions_worker_at ON positions(worker_id, at))",
    // Live feed (FeedStore): patrol check-ins (有事报事件，无事报平安) and retention by time.
    R"(CREATE TABLE checkins (
        id INTEGER PRIMARY KEY, worker_id INTEGER NOT NULL, at INTEGER NOT NULL, lon REAL, lat REAL, note TEXT))",
    R"(CREATE INDEX checkins_worker_at ON checkins(worker_id, at))",
    R"(CREATE INDEX devices_worker ON devices(worker_id))",
    // Geofence and arrival judgements of the feed (left_grids, back_in_grids, arrived, arrival_overdue).
    R"(CREATE TABLE feed_alerts (
        id INTEGER PRIMARY KEY, kind TEXT NOT NULL, worker_id INTEGER, ticket_id INTEGER, at INTEGER NOT NULL,
        note TEXT))",
    R"(CREATE INDEX feed_alerts_at ON feed_alerts(at))",
};

const char* const kAttributeTables[][2] = {
    {"departments", "职能部门"},   {"workers", "网格员"},    {"worker_grids", "网格员负责网格"},
    {"devices", "终端令牌"},       {"tickets", "工单"},      {"ticket_events", "工单流转记录"},
    {"positions", "网格员轨迹点"}, {"checkins", "巡查签到"}, {"feed_alerts", "网格员告警"},
};

// Creates the GeoPackage and the five hierarchy feature tables through GDAL, so the
// file follows the GeoPackage standard exactly as QGIS expects it.
bool createGeoPackage(const QString& path, QString* error) {
    geo::initGdal();
    GDALDriverH driver = GDALGetDriverByName("GPKG");
    if (!driver) {
        *error = Tr::tr("GDAL 缺少 GPKG 驱动");
        return false;
    }
    GDALDatasetH ds = GDALCreate(driver, path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr);
    if (!ds) {
        *error = Tr::tr("无法创建 %1：%2").arg(path, QString::fromUtf8(CPLGetLastErrorMsg()));
        return false;
    }
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, 4490);
    OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER);
    bool ok = true;
    for (int l = 1; l <= kGridLevelCount && ok; ++l) {
        const auto level = static_cast<GridLevel>(l);
        const QByteArray table = GridLevels::tableName(level).toUtf8();
        const QByteArray identifier =
            (GridLevels::chineseName(level) + QStringLiteral("（第%1级）").arg(l)).toUtf8();
        const QByteArray identifierOption = "IDENTIFIER=" + identifier;
        const char* options[] = {"FID=fid", "GEOMETRY_NAME=geom", "SPATIAL_INDEX=YES",
                                 identifierOption.constData(), nullptr};
        OGRLayerH layer =
            GDALDatasetCreateLayer(ds, table.constData(), srs, wkbMultiPolygon, const_cast<char**>(options));
        if (!layer) {
            ok = false;
            break;
        }
        const auto addField = [&](const char* name, OGRFieldType type, int width, bool notNull) {
            OGRFieldDefnH f = OGR_Fld_Create(name, type);
            if (width > 0)
                OGR_Fld_SetWidth(f, width);
            OGR_Fld_SetNullable(f, !notNull);
            ok = ok && OGR_L_CreateField(layer, f, TRUE) == OGRERR_NONE;
            OGR_Fld_Destroy(f);
        };
        addField("code", OFTString, 18, true);
        addField("name", OFTString, 0, true);
        addField("level", OFTInteger, 0, true);
        addField("parent_code", OFTString, 18, false);
        addField("households", OFTInteger, 0, false);
        addField("population", OFTInteger, 0, false);
        addField("risk_level", OFTString, 8, false);
    }
    OSRDestroySpatialReference(srs);
    if (!ok)
        *error = Tr::tr("无法创建图层：%1").arg(QString::fromUtf8(CPLGetLastErrorMsg()));
    GDALClose(ds);
    return ok;
}

} // namespace

CountyStore::~CountyStore() {
    if (!m_connectionName.isEmpty()) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
            if (db.isOpen())
                db.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

QSqlDatabase CountyStore::database() const {
    return QSqlDatabase::database(m_connectionName, false);
}

bool CountyStore::openDatabase(const QString& name, const QString& options, QString* error) {
    if (!m_connectionName.isEmpty()) {
        {
            QSqlDatabase old = QSqlDatabase::database(m_connectionName, false);
            old.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }
    m_connectionName = uniqueConnectionName();
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(name);
    // A writer holding the file briefly (another seat dispatching) must not fail the read.
    db.setConnectOptions(options + QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!db.open()) {
        *error = Tr::tr("无法打开 %1：%2").arg(m_path, db.lastError().text());
        return false;
    }
    return true;
}

bool CountyStore::openConnection(QString* error) {
    if (!openDatabase(m_path, {}, error))
        return false;
    QSqlDatabase db = database();
    if (!sql::registerGpkgFunctions(db, error)) {
        *error = Tr::tr("无法打开 %1：%2").arg(m_path, *error);
        return false;
    }
    // The WAL is checkpointed on commit once it passes 1000 pages (SQLite's default, stated here
    // because the live feed relies on it), and cut back to 16 MB after a burst made it larger.
    return sql::exec(db, QStringLiteral("PRAGMA wal_autocheckpoint = 1000"), error) &&
           sql::exec(db, QStringLiteral("PRAGMA journal_size_limit = 16777216"), error);
}

bool CountyStore::openReadingConnection(QString* error) {
    const QList<sql::ReadAccess> accesses = sql::readAccesses(m_path, error);
    for (qsizetype i = 0; i < accesses.size(); ++i) {
        const sql::ReadAccess& access = accesses.at(i);
        if (!openDatabase(access.uri,
                          access.readWrite ? QStringLiteral("QSQLITE_OPEN_URI;")
                                           : QStringLiteral("QSQLITE_OPEN_URI;QSQLITE_OPEN_READONLY;"),
                          error))
            return false;
        if (access.readWrite && !sql::exec(database(), QStringLiteral("PRAGMA query_only = 1"), error))
            return false;
        // The last way is kept even when it cannot read, so loadInfo() says why.
        if (i + 1 == accesses.size() ||
            QSqlQuery(database()).exec(QStringLiteral("SELECT count(*) FROM sqlite_master")))
            return true;
    }
    return false;
}

bool CountyStore::isWritable(const QString& path) {
    return sql::isWritable(QFileInfo(path).absoluteFilePath());
}

std::unique_ptr<CountyStore> CountyStore::create(const QString& path, const CountyInfo& info,
                                                 QString* error) {
    QString localError;
    if (!error)
        error = &localError;
    if (QFileInfo::exists(path)) {
        *error = Tr::tr("%1 已存在，不会覆盖").arg(path);
        return nullptr;
    }
    if (const QString codeError = GridCode::validate(info.code, GridLevel::County); !codeError.isEmpty()) {
        *error = Tr::tr("县级编码无效：%1").arg(codeError);
        return nullptr;
    }
    if (!createGeoPackage(path, error)) {
        QFile::remove(path);
        return nullptr;
    }
    std::unique_ptr<CountyStore> store(new CountyStore);
    store->m_path = path;
    if (!store->openConnection(error)) {
        QFile::remove(path);
        return nullptr;
    }
    const bool ok = store->writeTransaction(
        [&](QString* err) {
            QSqlDatabase db = store->database();
            for (const char* statement : kSchemaV1)
                if (!sql::exec(db, QString::fromUtf8(statement), err))
                    return false;
            for (int l = 1; l <= kGridLevelCount; ++l) {
                const QString table = GridLevels::tableName(static_cast<GridLevel>(l));
                if (!sql::exec(db, QStringLiteral("CREATE UNIQUE INDEX %1_code ON %1(code)").arg(table),
                               err) ||
                    !sql::exec(db, QStringLiteral("CREATE INDEX %1_parent ON %1(parent_code)").arg(table),
                               err))
                    return false;
            }
            QSqlQuery q(db);
            for (const auto& [table, label] : kAttributeTables) {
                if (!sql::exec(
                        q,
                        QStringLiteral("INSERT INTO gpkg_contents (table_name, data_type, identifier, "
                                       "description, last_change) VALUES (?, 'attributes', ?, ?, "
                                       "strftime('%Y-%m-%dT%H:%M:%fZ','now'))"),
                        {QString::fromLatin1(table), QString::fromUtf8(label), QString::fromUtf8(label)},
                        err))
                    return false;
            }
            const QDateTime created = info.createdAt.isValid() ? info.createdAt : chinaNow();
            const QList<QPair<QString, QString>> meta = {
                {QStringLiteral("application"), QStringLiteral("GridCommand")},
                {QStringLiteral("schema_version"), QStringLiteral("1")}, // migrate() brings it up
                {QStringLiteral("county_code"), info.code},
                {QStringLiteral("county_name"), info.name},
                {QStringLiteral("created_at"), created.toString(Qt::ISODate)},
            };
            for (const auto& [key, value] : meta)
                if (!sql::exec(q, QStringLiteral("INSERT INTO gc_meta (key, value) VALUES (?, ?)"),
                               {key, value}, err))
                    return false;
            return true;
        },
        error);
    if (!ok || !sql::exec(store->database(), QStringLiteral("PRAGMA journal_mode=WAL"), error) ||
        !store->loadInfo(error) || !store->migrate(error) || !store->loadInfo(error)) {
        store.reset();
        QFile::remove(path);
        QFile::remove(path + QStringLiteral("-wal"));
        QFile::remove(path + QStringLiteral("-shm"));
        return nullptr;
    }
    return store;
}

std::unique_ptr<CountyStore> CountyStore::open(const QString& path, QString* error, Access access) {
    QString localError;
    if (!error)
        error = &localError;
    const QFileInfo fi(path);
    if (!fi.exists() || !fi.isFile()) {
        *error = Tr::tr("文件不存在：%1").arg(path);
        return nullptr;
    }
    std::unique_ptr<CountyStore> store(new CountyStore);
    store->m_path = fi.absoluteFilePath();
    store->m_readOnly = access == Access::ReadOnly;
    if (!store->m_readOnly && !isWritable(store->m_path)) {
        *error = Tr::tr("%1 是只读的（文件或所在文件夹不可写），只能只读打开").arg(path);
        return nullptr;
    }
    // Look before touching: a reading connection first, so a file that is not ours (or is of a
    // newer schema) is not changed, not even switched to WAL.
    if (!store->openReadingConnection(error) || !store->loadInfo(error))
        return nullptr;
    if (store->m_info.schemaVersion > kSchemaVersion) {
        *error = Tr::tr("%1 由更新版本的 GridCommand 创建（数据版本 %2，本程序支持到 %3），请升级程序")
                     .arg(path)
                     .arg(store->m_info.schemaVersion)
                     .arg(kSchemaVersion);
        return nullptr;
    }
    if (store->m_readOnly)
        return store;
    if (!store->openConnection(error) ||
        !sql::exec(store->database(), QStringLiteral("PRAGMA journal_mode=WAL"), error) ||
        !store->migrate(error) || !store->loadInfo(error))
        return nullptr;
    return store;
}

bool CountyStore::loadInfo(QString* error) {
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT key, value FROM gc_meta"))) {
        const QString why = sql::lastError(q);
        // Only SQLite's own verdict calls a file damaged; a file that cannot be read or locked
        // (permissions, read-only media) is not.
        const int code = q.lastError().nativeErrorCode().toInt() & 0xff;
        if (why.contains(QLatin1String("no such table")))
            *error = Tr::tr("%1 不是 GridCommand 县域数据文件（缺少 gc_meta 表）").arg(m_path);
        else if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
            *error = Tr::tr("%1 无法读取（不是 SQLite/GeoPackage 文件或已损坏）：%2").arg(m_path, why);
        else
            *error = Tr::tr("%1 无法读取：%2").arg(m_path, why);
        return false;
    }
    QHash<QString, QString> meta;
    while (q.next())
        meta.insert(q.value(0).toString(), q.value(1).toString());
    if (meta.value(QStringLiteral("application")) != QLatin1String("GridCommand")) {
        *error = Tr::tr("%1 不是 GridCommand 县域数据文件").arg(m_path);
        return false;
    }
    bool ok = false;
    m_info.schemaVersion = meta.value(QStringLiteral("schema_version")).toInt(&ok);
    if (!ok || m_info.schemaVersion < 1) {
        *error = Tr::tr("%1 的数据版本无效").arg(m_path);
        return false;
    }
    m_info.code = meta.value(QStringLiteral("county_code"));
    m_info.name = meta.value(QStringLiteral("county_name"));
    m_info.createdAt = QDateTime::fromString(meta.value(QStringLiteral("created_at")), Qt::ISODate);
    return true;
}

namespace {
// Schema 4: the risk engine's last full pass kept in the county (risk_snapshot), and a counter of
// changes to everything that pass reads (gc_meta risk_inputs_version), kept by triggers so that
// every writer counts: the apps, gridctl, a script with the sqlite3 shell. `gridctl risk` reuses
// the stored pass while the counter has not moved and the clock has not reached the pass's
// valid_until (the first moment a ticket's age, window or deadline would change a value).
QStringList riskSnapshotStep() {
    QStringList step = {
        QStringLiteral("CREATE TABLE risk_snapshot (id INTEGER PRIMARY KEY CHECK (id = 1), "
                       "inputs_version INTEGER NOT NULL, computed_at INTEGER NOT NULL, "
                       "valid_until INTEGER NOT NULL, grid_count INTEGER NOT NULL, "
                       "indicator_count INTEGER NOT NULL, grid_values BLOB NOT NULL)"),
        QStringLiteral("INSERT OR REPLACE INTO gc_meta (key, value) VALUES ('risk_inputs_version', '0')"),
    };
    const QString bump = QStringLiteral(
        "UPDATE gc_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'risk_inputs_version'");
    const auto watch = [&](const QString& table, const QString& updateOf) {
        for (const char* event : {"INSERT", "DELETE", "UPDATE"}) {
            const QString e = QString::fromLatin1(event);
            step << QStringLiteral("CREATE TRIGGER risk_inputs_%1_%2 AFTER %3%4 ON %1 BEGIN %5; END")
                        .arg(table, e.toLower(), e, e == QLatin1String("UPDATE") ? updateOf : QString(),
                             bump);
        }
    };
    for (const char* table :
         {"tickets", "checkins", "worker_grids", "key_persons", "key_places", "risk_rules", "risk_overrides"})
        watch(QString::fromLatin1(table), {});
    // A grid's band is written by the engine itself (risk_level): not an input.
    for (int l = 1; l <= kGridLevelCount; ++l)
        watch(GridLevels::tableName(static_cast<GridLevel>(l)),
              QStringLiteral(" OF code, name, parent_code, population"));
    return step;
}
} // namespace

bool CountyStore::migrate(QString* error) {
    // Migrations run in order, each in its own transaction: step k takes schema k to k+1. A new
    // file is written as version 1 and migrated like any other, so old and new files match.
    static const QList<QStringList> steps = {
        // 2: indexes that answer the per-grid statistics (export, dashboard) from the index alone:
        // rating events by action, and ticket counts by grid, state and age.
        {QStringLiteral("CREATE INDEX ticket_events_action ON ticket_events(action, ticket_id)"),
         QStringLiteral("CREATE INDEX tickets_grid_state_created ON tickets(grid_code, state, created_at)")},
        // 3: the risk engine (RiskStore): the county's rules files (newest wins, the old ones stay),
        // overrides (人工研判) with a required end, every band change, key places and persons, and
        // the grid adjacency Gi* needs, computed once per geometry.
        {QStringLiteral("CREATE TABLE risk_rules (id INTEGER PRIMARY KEY, json TEXT NOT NULL, "
                        "set_at INTEGER NOT NULL, set_by TEXT)"),
         QStringLiteral("CREATE TABLE risk_overrides (id INTEGER PRIMARY KEY, code TEXT NOT NULL, band TEXT NOT NULL, "
                        "reason TEXT NOT NULL CHECK (reason <> ''), set_by TEXT NOT NULL, start_at INTEGER NOT NULL, "
                        "end_at INTEGER NOT NULL CHECK (end_at > start_at), cleared_at INTEGER, cleared_by TEXT, "
                        "clear_reason TEXT, lapsed_at INTEGER)"),
         QStringLiteral("CREATE INDEX risk_overrides_end ON risk_overrides(end_at, code)"),
         QStringLiteral("CREATE TABLE risk_history (id INTEGER PRIMARY KEY, code TEXT NOT NULL, level INTEGER NOT NULL, "
                        "at INTEGER NOT NULL, from_band TEXT NOT NULL, to_band TEXT NOT NULL, score REAL NOT NULL, "
                        "cause TEXT NOT NULL CHECK (cause IN ('rules', 'data', 'override', 'expiry')), note TEXT)"),
         QStringLiteral("CREATE INDEX risk_history_code_at ON risk_history(code, at)"),
         QStringLiteral("CREATE INDEX risk_history_at ON risk_history(at)"),
         QStringLiteral("CREATE TABLE key_persons (grid_code TEXT NOT NULL, type TEXT NOT NULL, "
                        "count INTEGER NOT NULL CHECK (count >= 0), PRIMARY KEY (grid_code, type))"),
         QStringLiteral("CREATE TABLE key_places (id INTEGER PRIMARY KEY, name TEXT, type TEXT NOT NULL, "
                        "lon REAL NOT NULL, lat REAL NOT NULL, grid_code TEXT NOT NULL)"),
         QStringLiteral("CREATE INDEX key_places_grid ON key_places(grid_code)"),
         // Everything the full risk pass reads from a ticket, so it scans this index (about a fifth of
         // the table's bytes: no titles, texts or addresses) instead of the table.
         QStringLiteral("CREATE INDEX tickets_risk ON tickets(created_at, grid_code, state, category, priority, "
                        "deadline, rating, reopen_count, escalation_level)"),
         QStringLiteral("CREATE TABLE grid_adjacency (level INTEGER NOT NULL, a TEXT NOT NULL, b TEXT NOT NULL, "
                        "PRIMARY KEY (level, a, b)) WITHOUT ROWID"),
         QStringLiteral("INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change) "
                        "VALUES ('risk_rules', 'attributes', '风险规则', '风险规则', strftime('%Y-%m-%dT%H:%M:%fZ','now')), "
                        "('risk_overrides', 'attributes', '人工研判', '人工研判', strftime('%Y-%m-%dT%H:%M:%fZ','now')), "
                        "('risk_history', 'attributes', '风险等级变化', '风险等级变化', strftime('%Y-%m-%dT%H:%M:%fZ','now')), "
                        "('key_persons', 'attributes', '重点人员', '重点人员（按类别计数）', strftime('%Y-%m-%dT%H:%M:%fZ','now')), "
                        "('key_places', 'attributes', '重点场所', '重点场所', strftime('%Y-%m-%dT%H:%M:%fZ','now')), "
                        "('grid_adjacency', 'attributes', '网格邻接', '网格邻接（共边）', strftime('%Y-%m-%dT%H:%M:%fZ','now'))")},
        riskSnapshotStep(),
        // 5: the worker assessment (AssessStore): the county's own scoring rules, manual adjustments
        // (reason required), per-day summaries of each worker's positions (duty, online, coverage per
        // grid), and indexes that read a month of check-ins and ticket events by time.
        {QStringLiteral("CREATE TABLE assess_rules (id INTEGER PRIMARY KEY, json TEXT NOT NULL, "
                        "set_at INTEGER NOT NULL, set_by TEXT)"),
         QStringLiteral("CREATE TABLE assess_adjustments (id INTEGER PRIMARY KEY, worker_id INTEGER NOT NULL, "
                        "points REAL NOT NULL, reason TEXT NOT NULL CHECK (reason <> ''), set_by TEXT NOT NULL, "
                        "evidence TEXT, at INTEGER NOT NULL)"),
         QStringLiteral("CREATE INDEX assess_adjustments_at ON assess_adjustments(at, worker_id)"),
         QStringLiteral("CREATE TABLE assess_days (id INTEGER PRIMARY KEY, worker_id INTEGER NOT NULL, day TEXT NOT NULL, "
                        "duty_start INTEGER NOT NULL, duty_end INTEGER NOT NULL, duty_minutes INTEGER NOT NULL, "
                        "online_minutes INTEGER NOT NULL, fixes INTEGER NOT NULL, params TEXT NOT NULL, "
                        "UNIQUE (day, worker_id))"),
         QStringLiteral("CREATE TABLE assess_coverage (day_id INTEGER NOT NULL, "
                        "grid_code TEXT NOT NULL, covered_share REAL NOT NULL, fixes_used INTEGER NOT NULL, "
                        "gaps INTEGER NOT NULL, key_places INTEGER NOT NULL, key_places_visited INTEGER NOT NULL, "
                        "PRIMARY KEY (day_id, grid_code))"),
         QStringLiteral("CREATE INDEX checkins_at ON checkins(at)"),
         QStringLiteral("CREATE INDEX ticket_events_action_at ON ticket_events(action, at)"),
         QStringLiteral("INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change) "
                        "VALUES ('assess_rules', 'attributes', '考核规则', '网格员积分考核规则', strftime('%Y-%m-%dT%H:%M:%fZ','now')), "
                        "('assess_adjustments', 'attributes', '人工加减分', '考核人工加减分', strftime('%Y-%m-%dT%H:%M:%fZ','now')), "
                        "('assess_days', 'attributes', '网格员日汇总', '在岗与在线（按日）', strftime('%Y-%m-%dT%H:%M:%fZ','now')), "
                        "('assess_coverage', 'attributes', '巡查覆盖', '巡查覆盖（按日按网格）', strftime('%Y-%m-%dT%H:%M:%fZ','now'))")},
    };
    Q_ASSERT(steps.size() == kSchemaVersion - 1);
    for (int version = m_info.schemaVersion; version < kSchemaVersion; ++version) {
        const QStringList& step = steps.at(version - 1);
        const bool ok = writeTransaction(
            [&](QString* err) {
                for (const QString& statement : step)
                    if (!sql::exec(database(), statement, err))
                        return false;
                QSqlQuery q(database());
                return sql::exec(q,
                                 QStringLiteral("UPDATE gc_meta SET value = ? WHERE key = 'schema_version'"),
                                 {QString::number(version + 1)}, err);
            },
            error);
        if (!ok)
            return false;
    }
    return true;
}

bool CountyStore::writeTransaction(const std::function<bool(QString*)>& work, QString* error) {
    QString localError;
    if (!error)
        error = &localError;
    if (m_readOnly) {
        *error = Tr::tr("%1 以只读方式打开，不能写入").arg(m_path);
        return false;
    }
    QSqlDatabase db = database();
    // IMMEDIATE takes the write lock up front, so two seats never both read a ticket
    // as "received" and both dispatch it: the second waits, then sees the new state.
    if (!sql::exec(db, QStringLiteral("BEGIN IMMEDIATE"), error))
        return false;
    if (!work(error)) {
        sql::exec(db, QStringLiteral("ROLLBACK"), nullptr);
        return false;
    }
    if (!sql::exec(db, QStringLiteral("COMMIT"), error)) {
        sql::exec(db, QStringLiteral("ROLLBACK"), nullptr);
        return false;
    }
    return true;
}

} // namespace gc
