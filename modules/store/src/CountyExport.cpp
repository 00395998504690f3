#include "gc/store/CountyExport.h"

#include "SqliteReader.h"
#include "gc/core/PhaseTimer.h"
#include "gc/core/Ticket.h"
#include "gc/geo/Geometry.h"
#include "gc/store/CountyStore.h"

#include <QCoreApplication>
#include <QHash>
#include <QtConcurrent/QtConcurrentMap>

#include <cstring>
#include <future>
#include <utility>

namespace gc {

Q_LOGGING_CATEGORY(lcExportPhases, "gc.export.phases", QtWarningMsg)

namespace {

// The translation context of this file's messages, declared where lupdate reads it.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(CountyExport)
};

using Field = geo::ExportField;
using Type = geo::ExportField::Type;

struct GridWorkers {
    QList<qint64> ids;
    QStringList names;
    QStringList phones;
};
struct TicketCounts {
    int open = 0;
    int last30Days = 0;
};
struct RatingCounts {
    int satisfied = 0;
    int rated = 0;
};
template <typename T> using ByCode = QHash<QByteArray, T>;

// One aggregate of the grid statistics, keyed by the code in the first column. Each runs on a
// connection of its own on a thread of its own: together they are the bulk of an export's
// reading, and they scan different tables.
template <typename T> struct Aggregate {
    ByCode<T> byCode;
    QString error;
};

template <typename T>
std::future<Aggregate<T>> aggregate(const QString& countyPath, const QString& sql,
                                    std::initializer_list<qint64> bindings,
                                    std::function<void(T&, const sql::SqliteReader::Row&)> fill) {
    return std::async(std::launch::async, [=, values = QList<qint64>(bindings)] {
        Aggregate<T> result;
        const auto reader = sql::SqliteReader::open(countyPath, &result.error);
        if (reader) {
            result.byCode.reserve(1 << 16);
            reader->forEachRow(
                sql, values,
                [&](const sql::SqliteReader::Row& row) {
                    fill(result.byCode[row.utf8(0).toByteArray()], row);
                },
                &result.error);
        }
        return result;
    });
}

geo::ExportOptions completed(const QString& countyPath, const CountyExport::Content& content,
                             geo::ExportOptions options) {
    options.layerName = content.what == CountyExport::Content::What::Tickets
                            ? QStringLiteral("tickets")
                            : GridLevels::tableName(content.level);
    options.protectedFiles << countyPath;
    return options;
}

} // namespace

QString CountyExport::check(const QString& countyPath, const Content& content, geo::ExportOptions options) {
    return geo::VectorExporter::check(completed(countyPath, content, std::move(options)));
}

QString CountyExport::outputPath(const QString& countyPath, const Content& content,
                                 geo::ExportOptions options) {
    return geo::VectorExporter::outputPath(completed(countyPath, content, std::move(options)));
}

bool CountyExport::run(const QString& countyPath, const Content& content, geo::ExportOptions options,
                       int* features, QString* error, const std::function<void(int, int)>& progress,
                       const std::atomic_bool* cancel) {
    options = completed(countyPath, content, std::move(options));
    // Refused before the county is even opened.
    if (const QString problem = geo::VectorExporter::check(options); !problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    auto store = CountyStore::open(countyPath, error, CountyStore::Access::ReadOnly);
    if (!store)
        return false;
    std::optional<geo::ExportTable> table =
        content.what == Content::What::Tickets
            ? ticketTable(*store, content.includePeople)
            : gridTable(*store, content.level, content.now, content.includePeople, error);
    if (!table)
        return false;
    if (content.what == Content::What::Grids && content.addColumns && !content.addColumns(*store, *table, error))
        return false;
    const int total = int(table->features.size());
    if (features)
        *features = total;
    if (cancel && cancel->load()) {
        if (error)
            *error = Tr::tr("已取消");
        return false;
    }
    if (progress)
        progress(0, total);
    return geo::VectorExporter::write(
        *table, options, error,
        [&progress, total](int done) {
            if (progress)
                progress(done, total);
        },
        cancel);
}

std::optional<geo::ExportTable> CountyExport::gridTable(const CountyStore& store, GridLevel level,
                                                        const QDateTime& now, bool includePeople,
                                                        QString* error) {
    geo::ExportTable table;
    table.layerName = GridLevels::tableName(level);
    table.layerTitle = GridLevels::chineseName(level);
    table.geometryType = geo::ExportTable::GeometryType::MultiPolygon;
    table.fields = {
        {QStringLiteral("code"), Tr::tr("编码"), Tr::tr("网格编码（GB/T 31000 行政区划代码 + 序号）"),
         Type::String},
        {QStringLiteral("name"), Tr::tr("名称"), Tr::tr("网格名称"), Type::String},
        {QStringLiteral("level"), Tr::tr("层级"),
         Tr::tr("1 县/区，2 街道/乡镇，3 社区/村，4 网格，5 微网格/楼栋"), Type::Integer},
        {QStringLiteral("parent"), Tr::tr("上级编码"), Tr::tr("上一级网格的编码"), Type::String},
        {QStringLiteral("households"), Tr::tr("户数"), Tr::tr("户数"), Type::Integer},
        {QStringLiteral("population"), Tr::tr("人口"), Tr::tr("常住人口"), Type::Integer},
        {QStringLiteral("area_m2"), Tr::tr("面积（平方米）"),
         Tr::tr("CGCS2000 椭球面上计算的面积，单位平方米"), Type::Real},
        {QStringLiteral("workers"), Tr::tr("网格员"), Tr::tr("负责本网格的网格员姓名，以“、”分隔"),
         Type::String},
        {QStringLiteral("risk"), Tr::tr("风险等级"),
         Tr::tr("五色管控：red 红、orange 橙、yellow 黄、blue 蓝、green 绿"), Type::String},
        {QStringLiteral("open_tix"), Tr::tr("在办工单"), Tr::tr("尚未办结的工单数"), Type::Integer},
        {QStringLiteral("tix_30d"), Tr::tr("近30天工单"), Tr::tr("导出时刻之前 30 天内登记的工单数"),
         Type::Integer},
        {QStringLiteral("satisf_pct"), Tr::tr("满意率（%）"),
         Tr::tr("满意评价数 / 全部评价数 × 100；无评价时为空"), Type::Real},
    };
    constexpr qsizetype kAreaField = 6;
    Q_ASSERT(table.fields[kAreaField].name == QLatin1String("area_m2"));
    if (includePeople)
        table.fields << Field{QStringLiteral("worker_tel"), Tr::tr("网格员电话"),
                              Tr::tr("个人信息：网格员联系电话"), Type::String};
    // Tickets and assignments name grid-level codes; a street or community sums its grids, so
    // every aggregate groups by the code's prefix of the level's length. They run on threads of
    // their own while this thread reads the grids; worker threads compute the ellipsoidal areas
    // meanwhile, and the writer takes each area as it reaches that feature (results in order).
    PhaseTimer phases(lcExportPhases(), "gridTable");
    // For the grid level itself the column is used as it is, so SQLite groups straight off the
    // index in code order instead of sorting.
    const auto owner = [level](const char* column) {
        return level == GridLevel::Grid ? QString::fromLatin1(column)
                                        : QStringLiteral("substr(%1, 1, %2)")
                                              .arg(QLatin1String(column))
                                              .arg(GridLevels::codeLength(level));
    };
    auto workersFuture = aggregate<GridWorkers>(
        store.path(),
        QStringLiteral("SELECT %1, w.id, w.name, w.phone FROM worker_grids wg "
                       "JOIN workers w ON w.id = wg.worker_id ORDER BY wg.grid_code, w.id")
            .arg(owner("wg.grid_code")),
        {}, [](GridWorkers& w, const sql::SqliteReader::Row& row) {
            if (w.ids.contains(row.integer(1)))
                return; // one worker for several grids of a community is named once
            w.ids << row.integer(1);
            w.names << row.text(2);
            w.phones << row.text(3);
        });
    // Counted from the index on (grid_code, state, created_at) alone.
    QStringList openStates;
    for (const TicketState state : allTicketStates())
        if (isOpen(state))
            openStates << QLatin1Char('\'') + toKey(state) + QLatin1Char('\'');
    auto ticketsFuture = aggregate<TicketCounts>(
        store.path(),
        QStringLiteral("SELECT %1, sum(state IN (%2)), sum(created_at >= ?) "
                       "FROM tickets WHERE grid_code IS NOT NULL GROUP BY 1")
            .arg(owner("grid_code"), openStates.join(QLatin1Char(','))),
        {now.addDays(-30).toSecsSinceEpoch()}, [](TicketCounts& t, const sql::SqliteReader::Row& row) {
            t.open = int(row.integer(1));
            t.last30Days = int(row.integer(2));
        });
    // Every rating counts, as in the KPI definition (an unsatisfied one that reopened the ticket
    // stays counted), so the audit trail is the source, not the ticket's last rating. CROSS JOIN
    // keeps SQLite reading the rating events off the index on (action, ticket_id) first, rather
    // than walking every ticket.
    auto ratingsFuture = aggregate<RatingCounts>(
        store.path(),
        QStringLiteral("SELECT %1, sum(e.action = '%2'), count(*) "
                       "FROM ticket_events e CROSS JOIN tickets t ON t.id = e.ticket_id "
                       "WHERE e.action IN ('%2', '%3') AND t.grid_code IS NOT NULL GROUP BY 1")
            .arg(owner("t.grid_code"), toKey(TicketAction::RateSatisfied),
                 toKey(TicketAction::RateUnsatisfied)),
        {}, [](RatingCounts& r, const sql::SqliteReader::Row& row) {
            r.satisfied = int(row.integer(1));
            r.rated = int(row.integer(2));
        });

    const QList<GridRecord> grids = store.grids(level, true);
    phases.mark("read grids");
    const QFuture<double> areaFuture =
        QtConcurrent::mapped(grids, [](const GridRecord& g) { return geo::ellipsoidalAreaM2(g.wkb); });
    table.fields[kAreaField].deferred = [areaFuture](qsizetype i) {
        return QVariant(areaFuture.resultAt(int(i)));
    };
    const Aggregate<GridWorkers> workers = workersFuture.get();
    const Aggregate<TicketCounts> tickets = ticketsFuture.get();
    const Aggregate<RatingCounts> ratings = ratingsFuture.get();
    phases.mark("wait for statistics");
    for (const QString& problem : {workers.error, tickets.error, ratings.error})
        if (!problem.isEmpty()) {
            if (error)
                *error = Tr::tr("无法统计网格的工单与网格员：%1").arg(problem);
            return std::nullopt;
        }
    table.features.reserve(grids.size());
    for (qsizetype i = 0; i < grids.size(); ++i) {
        const GridRecord& g = grids[i];
        const QByteArray code = g.code.toLatin1();
        const GridWorkers w = workers.byCode.value(code);
        const TicketCounts t = tickets.byCode.value(code);
        const RatingCounts r = ratings.byCode.value(code);
        geo::ExportFeature f;
        f.values = {g.code,
                    g.name,
                    int(level),
                    g.parentCode.isEmpty() ? QVariant() : QVariant(g.parentCode),
                    g.households,
                    g.population,
                    QVariant(), // area_m2: deferred, see above
                    w.names.join(QStringLiteral("、")),
                    RiskLevels::key(g.risk),
                    t.open,
                    t.last30Days,
                    r.rated > 0 ? QVariant(100.0 * r.satisfied / r.rated) : QVariant()};
        if (includePeople)
            f.values << w.phones.join(QStringLiteral("、"));
        f.wkb = g.wkb;
        table.features << std::move(f);
    }
    phases.mark("build features");
    return table;
}

geo::ExportTable CountyExport::ticketTable(const CountyStore& store, bool includePeople) {
    geo::ExportTable table;
    table.layerName = QStringLiteral("tickets");
    table.layerTitle = Tr::tr("工单");
    table.geometryType = geo::ExportTable::GeometryType::Point;
    table.fields = {
        {QStringLiteral("id"), Tr::tr("工单号"), Tr::tr("工单编号"), Type::Integer64},
        {QStringLiteral("state"), Tr::tr("状态"),
         Tr::tr("received 登记、dispatched 已派遣、closed 已结案 等"), Type::String},
        {QStringLiteral("state_zh"), Tr::tr("状态（中文）"), Tr::tr("状态的中文名称"), Type::String},
        {QStringLiteral("category"), Tr::tr("类别"), Tr::tr("事件分类代码"), Type::String},
        {QStringLiteral("source"), Tr::tr("来源"),
         Tr::tr("patrol 网格员巡查、app 群众随手拍、hotline 12345热线、video 视频发现、other 其他"),
         Type::String},
        {QStringLiteral("priority"), Tr::tr("紧急程度"), Tr::tr("urgent、high、normal、low"), Type::String},
        {QStringLiteral("dept"), Tr::tr("承办部门"), Tr::tr("承办部门编码"), Type::String},
        {QStringLiteral("grid"), Tr::tr("所属网格"), Tr::tr("事发网格编码"), Type::String},
        {QStringLiteral("title"), Tr::tr("标题"), Tr::tr("工单标题"), Type::String},
        {QStringLiteral("created"), Tr::tr("登记时间"), Tr::tr("北京时间"), Type::DateTime},
        {QStringLiteral("deadline"), Tr::tr("办理时限"), Tr::tr("北京时间"), Type::DateTime},
        {QStringLiteral("dispatched"), Tr::tr("首次派遣时间"), Tr::tr("北京时间"), Type::DateTime},
        {QStringLiteral("resolved"), Tr::tr("办结时间"), Tr::tr("北京时间"), Type::DateTime},
        {QStringLiteral("closed"), Tr::tr("结案时间"), Tr::tr("北京时间"), Type::DateTime},
        {QStringLiteral("rating"), Tr::tr("评价"), Tr::tr("none 未评价、satisfied 满意、unsatisfied 不满意"),
         Type::String},
    };
    if (includePeople)
        table.fields
            << Field{QStringLiteral("descr"), Tr::tr("描述"), Tr::tr("个人信息：诉求描述"), Type::String}
            << Field{QStringLiteral("address"), Tr::tr("地址"), Tr::tr("个人信息：事发地址"), Type::String}
            << Field{QStringLiteral("reporter"), Tr::tr("反映人"), Tr::tr("个人信息：反映人"), Type::String};
    const QList<Ticket> tickets = store.tickets(TicketFilter{});
    table.features.reserve(tickets.size());
    for (const Ticket& t : tickets) {
        if (t.lon == 0 && t.lat == 0)
            continue;
        geo::ExportFeature f;
        const auto time = [](const QDateTime& d) { return d.isValid() ? QVariant(d) : QVariant(); };
        f.values = {t.id,
                    toKey(t.state),
                    displayName(t.state),
                    t.category,
                    toKey(t.source),
                    toKey(t.priority),
                    t.departmentCode,
                    t.gridCode,
                    t.title,
                    time(t.createdAt),
                    time(t.deadline),
                    time(t.firstDispatchedAt),
                    time(t.resolvedAt),
                    time(t.closedAt),
                    toKey(t.rating)};
        if (includePeople)
            f.values << t.description << t.address << t.reporter;
        // A point as ISO WKB: byte order, type 1, x, y.
        QByteArray wkb(21, '\0');
        wkb[0] = 1;
        wkb[1] = 1;
        std::memcpy(wkb.data() + 5, &t.lon, sizeof(double));
        std::memcpy(wkb.data() + 13, &t.lat, sizeof(double));
        f.wkb = wkb;
        table.features << std::move(f);
    }
    return table;
}

} // namespace gc
