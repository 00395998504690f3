#include "gc/store/DemoCountyBuilder.h"

#include "DemoNames.h"
#include "gc/core/CategoryTable.h"
#include "gc/core/ChinaTime.h"
#include "gc/core/TicketWorkflow.h"
#include "gc/core/TimeLimitTable.h"
#include "gc/geo/Geometry.h"
#include "gc/geo/Partition.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QSet>
#include <QtConcurrent/QtConcurrentMap>
#include <QtEndian>
#include <algorithm>
#include <cmath>
#include <random>

namespace gc {

namespace {

// The translation context of this file's messages, declared where lupdate reads it.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(DemoCountyBuilder)
};

// Dandong on the Yalu: the demo county sits where shared/data has real rivers.
constexpr double kCenterLon = 124.30;
constexpr double kCenterLat = 40.20;
const QString kCountyCode = QStringLiteral("210699");
const QString kCountyName = QStringLiteral("江城示范县");

// Explicit formulas instead of std distributions, whose output differs between
// standard libraries: the same seed must give the same county everywhere.
class Random {
public:
    explicit Random(quint64 seed) : m_engine(seed) {}
    double uniform() { return (m_engine() >> 11) * (1.0 / 9007199254740992.0); }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    int below(int n) { return n <= 1 ? 0 : int(uniform() * n) % n; }
    bool chance(double p) { return uniform() < p; }
    template <typename T> const T& pick(const QList<T>& list) { return list.at(below(int(list.size()))); }
    // Index drawn by weight.
    int weighted(const QList<double>& weights) {
        double total = 0;
        for (double w : weights)
            total += w;
        double r = uniform() * total;
        for (int i = 0; i < weights.size(); ++i) {
            r -= weights[i];
            if (r < 0)
                return i;
        }
        return int(weights.size()) - 1;
    }
    quint32 next32() { return quint32(m_engine() >> 32); }

private:
    std::mt19937_64 m_engine;
};

// Splits `total` into parts proportional to `weights` (largest remainder), each at least 1.
QList<int> apportion(int total, const QList<double>& weights) {
    const int n = int(weights.size());
    QList<int> parts(n, 1);
    int remaining = total - n;
    double sum = 0;
    for (double w : weights)
        sum += w;
    QList<QPair<double, int>> remainders;
    int assigned = 0;
    for (int i = 0; i < n; ++i) {
        const double exact = remaining * weights[i] / sum;
        const int whole = int(std::floor(exact));
        parts[i] += whole;
        assigned += whole;
        remainders << qMakePair(exact - whole, i);
    }
    std::sort(remainders.begin(), remainders.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    for (int k = 0; k < remaining - assigned; ++k)
        ++parts[remainders[k % n].second];
    return parts;
}

// The vertices of the first ring of a (multi)polygon WKB, for scattering points.
QList<QPointF> firstRing(const QByteArray& wkb) {
    QList<QPointF> ring;
    const auto* p = reinterpret_cast<const uchar*>(wkb.constData());
    const qsizetype size = wkb.size();
    qsizetype offset = 0;
    const auto readU32 = [&]() {
        const quint32 v = qFromLittleEndian<quint32>(p + offset);
        offset += 4;
        return v;
    };
    if (size < 9 || p[0] != 1)
        return ring;
    offset = 1;
    quint32 type = readU32();
    if (type == 6) { // MultiPolygon: step into the first polygon
        readU32();
        offset += 1;
        type = readU32();
    }
    if (type != 3)
        return ring;
    readU32(); // ring count
    const quint32 points = readU32();
    if (offset + qsizetype(points) * 16 > size)
        return ring;
    for (quint32 i = 0; i < points; ++i) {
        const double x = qFromLittleEndian<double>(p + offset);
        const double y = qFromLittleEndian<double>(p + offset + 8);
        offset += 16;
        ring << QPointF(x, y);
    }
    return ring;
}

// A point inside a grid: cells are Voronoi cells, convex or nearly so, hence
// star-shaped around their interior point; a random point of a triangle fan stays inside.
QPointF scatterPoint(const QPointF& anchor, const QList<QPointF>& ring, Random& rng) {
    if (ring.size() < 3)
        return anchor;
    const int i = rng.below(int(ring.size()) - 1);
    double a = rng.uniform(), b = rng.uniform();
    if (a + b > 1) {
        a = 1 - a;
        b = 1 - b;
    }
    a *= 0.85;
    b *= 0.85;
    return anchor + a * (ring[i] - anchor) + b * (ring[i + 1] - anchor);
}

struct Hierarchy {
    QList<GridRecord> streets, communities, grids;
    QList<bool> streetIsUrban;
};

QString serial(int n) {
    return QStringLiteral("%1").arg(n, 3, 10, QLatin1Char('0'));
}

// Partitions each parent into `counts[i]` children, in parallel (partitionPolygon is thread-safe).
QList<QVector<QByteArray>> partitionAll(const QList<GridRecord>& parents, const QList<int>& counts,
                                        quint32 seed, QString* error) {
    QList<int> indexes(parents.size());
    std::iota(indexes.begin(), indexes.end(), 0);
    QList<QString> errors(parents.size());
    QList<QVector<QByteArray>> cells = QtConcurrent::blockingMapped(indexes, [&](int i) {
        QString err;
        QVector<QByteArray> out =
            geo::partitionPolygon(parents[i].wkb, counts[i], seed + quint32(i) * 7919u, &err);
        if (out.size() != counts[i])
            errors[i] = parents[i].code + QStringLiteral(": ") + err;
        return out;
    });
    for (const QString& e : errors)
        if (!e.isEmpty()) {
            *error = Tr::tr("划分失败：%1").arg(e);
            return {};
        }
    return cells;
}

bool buildHierarchy(const DemoOptions& o, Random& rng, Hierarchy& h, QByteArray& outline, QString* error) {
    const int communityCount = std::clamp(int(std::lround(o.grids / 9.4)), 1, o.grids);
    const int streetCount =
        std::clamp(int(std::lround(communityCount / 11.0)), std::min(2, communityCount), 40);
    // Roughly 0.6 km² per grid, as counties go from rural to dense; bounded to county sizes.
    const double areaKm2 = std::clamp(o.grids * 0.6, 150.0, 2500.0);
    outline = geo::makeCountyOutline(kCenterLon, kCenterLat, areaKm2, o.seed);
    if (outline.isEmpty()) {
        *error = Tr::tr("无法生成县域轮廓");
        return false;
    }
    const double countyRadius = std::sqrt(areaKm2 / M_PI) / 111.0; // degrees, roughly

    const QVector<QByteArray> streetCells =
        geo::partitionPolygon(outline, streetCount, o.seed * 31u + 1u, error);
    if (streetCells.size() != streetCount)
        return false;
    const QStringList stems = demo::streetStems();
    QList<double> streetAreas;
    int urbanSerial = 0, townSerial = 100;
    for (int i = 0; i < streetCount; ++i) {
        const QPointF c = geo::interiorPoint(streetCells[i]);
        const double dist =
            std::hypot((c.x() - kCenterLon) * std::cos(kCenterLat * M_PI / 180), c.y() - kCenterLat);
        // The centre is the town proper (街道 with 社区); the rim is towns and villages (镇 with 村).
        const bool urban = dist < countyRadius * 0.45 || i == 0;
        GridRecord s;
        s.level = GridLevel::Street;
        s.code = kCountyCode + serial(urban ? ++urbanSerial : ++townSerial);
        s.name = stems.at(i % stems.size()) + (urban ? QStringLiteral("街道") : QStringLiteral("镇"));
        s.parentCode = kCountyCode;
        s.wkb = streetCells[i];
        h.streets << s;
        h.streetIsUrban << urban;
        streetAreas << geo::ellipsoidalAreaM2(s.wkb) * (urban ? 3.0 : 1.0); // denser in town
    }

    const QList<int> communitiesPerStreet = apportion(communityCount, streetAreas);
    const QList<QVector<QByteArray>> communityCells =
        partitionAll(h.streets, communitiesPerStreet, o.seed * 131u + 3u, error);
    if (communityCells.isEmpty())
        return false;
    const QStringList a = demo::placeWordsA(), b = demo::placeWordsB();
    QSet<QString> usedNames;
    QList<double> communityWeights;
    for (int si = 0; si < streetCount; ++si) {
        const bool urban = h.streetIsUrban[si];
        for (int ci = 0; ci < communityCells[si].size(); ++ci) {
            QString stem;
            for (int attempt = 0; attempt < 50 && (stem.isEmpty() || usedNames.contains(stem)); ++attempt)
                stem = rng.pick(a) + rng.pick(b);
            if (usedNames.contains(stem))
                stem += QString::number(ci + 1);
            usedNames.insert(stem);
            GridRecord c;
            c.level = GridLevel::Community;
            c.code = h.streets[si].code + serial(urban ? ci + 1 : 200 + ci + 1);
            c.name = stem + (urban ? QStringLiteral("社区") : QStringLiteral("村"));
            c.parentCode = h.streets[si].code;
            c.wkb = communityCells[si][ci];
            h.communities << c;
            communityWeights << geo::ellipsoidalAreaM2(c.wkb) * (urban ? 4.0 : 1.0) * rng.uniform(0.7, 1.3);
        }
    }

    const QList<int> gridsPerCommunity = apportion(o.grids, communityWeights);
    const QList<QVector<QByteArray>> gridCells =
        partitionAll(h.communities, gridsPerCommunity, o.seed * 977u + 5u, error);
    if (gridCells.isEmpty())
        return false;
    // Risk clusters by community: a few communities are hot spots, most are calm.
    for (int ci = 0; ci < h.communities.size(); ++ci) {
        const double heat = rng.chance(0.12) ? rng.uniform(2.0, 5.0) : rng.uniform(0.3, 1.2);
        for (int gi = 0; gi < gridCells[ci].size(); ++gi) {
            GridRecord g;
            g.level = GridLevel::Grid;
            g.code = h.communities[ci].code + serial(gi + 1);
            g.name = h.communities[ci].name + QStringLiteral("第%1网格").arg(gi + 1);
            g.parentCode = h.communities[ci].code;
            g.wkb = gridCells[ci][gi];
            g.households = int(std::lround(std::exp(rng.uniform(std::log(60.0), std::log(260.0)))));
            g.population = int(std::lround(g.households * rng.uniform(2.3, 3.2)));
            g.risk =
                static_cast<RiskLevel>(rng.weighted({0.70, 0.15, 0.09 * heat, 0.04 * heat, 0.02 * heat}));
            h.grids << g;
        }
    }
    return true;
}

// Sums households and population up the tree and derives parents' risk levels.
void rollUp(QList<GridRecord>& parents, const QList<GridRecord>& children) {
    QHash<QString, int> index;
    for (int i = 0; i < parents.size(); ++i)
        index.insert(parents[i].code, i);
    QList<QList<RiskLevel>> risks(parents.size());
    for (const GridRecord& c : children) {
        const int i = index.value(c.parentCode, -1);
        if (i < 0)
            continue;
        parents[i].households += c.households;
        parents[i].population += c.population;
        risks[i] << c.risk;
    }
    for (int i = 0; i < parents.size(); ++i)
        parents[i].risk = RiskLevels::deriveParent(risks[i]);
}

QString personName(Random& rng) {
    static const QStringList surnames = demo::surnames();
    static const QStringList given = demo::givenNameChars();
    // Frequent surnames are frequent: a skewed pick.
    const int s = int(std::pow(rng.uniform(), 2.0) * surnames.size());
    QString name = surnames.at(std::min(s, int(surnames.size()) - 1)) + rng.pick(given);
    if (rng.chance(0.6))
        name += rng.pick(given);
    return name;
}

QString phone(Random& rng) {
    static const QStringList prefixes = {QStringLiteral("138"), QStringLiteral("139"), QStringLiteral("150"),
                                         QStringLiteral("186"), QStringLiteral("133"), QStringLiteral("177")};
    return rng.pick(prefixes) + QStringLiteral("%1").arg(rng.below(100000000), 8, 10, QLatin1Char('0'));
}

// --- Ticket history -----------------------------------------------------------------

struct TicketPlan {
    Ticket ticket;
    int gridIndex = 0;
    QList<TicketEvent> events;
    QDateTime terminalAt; // when it became closed/merged/invalid; invalid if still open
};

class HistorySimulator {
public:
    HistorySimulator(const Hierarchy& h, const QList<DepartmentRecord>& streetOffices, const QDateTime& now,
                     Random& rng)
        : m_h(h), m_now(now), m_rng(rng) {
        for (int i = 0; i < h.grids.size(); ++i) {
            m_anchor << geo::interiorPoint(h.grids[i].wkb);
            m_ring << firstRing(h.grids[i].wkb);
            // Tickets gather where trouble is (a hot grid draws 16 times a calm one's), so the risk
            // engine finds hot spots and its colours sit where the tickets are.
            m_gridWeight << std::pow(2.0, static_cast<int>(h.grids[i].risk));
        }
        for (const DepartmentRecord& d : streetOffices)
            m_streetOffice.insert(d.code.mid(2), d.code); // JD + street code
        for (int i = 0; i < h.communities.size(); ++i)
            m_communityName.insert(h.communities[i].code, h.communities[i].name);
        for (int i = 0; i < 8; ++i)
            m_operators << QStringLiteral("值班员") + personName(m_rng);
        const auto& categories = CategoryTable::builtIn();
        for (const Category& c : categories.leaves())
            (c.scheme == QLatin1String("urban") ? m_urban : m_disputes) << c;
        // Cumulative grid weights for fast weighted picks over up to 90,000 grids.
        double sum = 0;
        for (double w : m_gridWeight)
            m_gridCumulative << (sum += w);
    }

    TicketPlan plan(const QDateTime& createdAt, const QList<TicketPlan>& earlier);

private:
    int pickGrid() {
        const double r = m_rng.uniform() * m_gridCumulative.last();
        return int(std::lower_bound(m_gridCumulative.cbegin(), m_gridCumulative.cend(), r) -
                   m_gridCumulative.cbegin());
    }
    QDateTime after(const QDateTime& t, double minHours, double maxHours) {
        return t.addSecs(qint64(m_rng.uniform(minHours, maxHours) * 3600));
    }
    // Applies the action if it happens before `now`; false when history ends here.
    bool step(TicketPlan& p, TicketActionRequest r) {
        if (r.at > m_now)
            return false;
        const TransitionResult result = TicketWorkflow::apply(p.ticket, r);
        Q_ASSERT_X(result.ok, "HistorySimulator", qPrintable(result.error));
        if (!result.ok)
            return false;
        p.ticket = result.ticket;
        p.events << result.event;
        if (isTerminal(p.ticket.state))
            p.terminalAt = r.at;
        return true;
    }
    QString handler(const QString& departmentCode) {
        return departmentCode + QStringLiteral("承办人") + personName(m_rng);
    }

    const Hierarchy& m_h;
    QDateTime m_now;
    Random& m_rng;
    QList<QPointF> m_anchor;
    QList<QList<QPointF>> m_ring;
    QList<double> m_gridWeight, m_gridCumulative;
    QHash<QString, QString> m_streetOffice;
    QHash<QString, QString> m_communityName;
    QStringList m_operators;
    QList<Category> m_urban, m_disputes;
    qint64 m_nextId = 1;
};

// A ticket still open at `when`, reported in the last three days: a candidate for a
// second citizen reporting the same thing (重复上报), which the operator merges (并单).
const TicketPlan* recentOpenTicket(const QList<TicketPlan>& earlier, const QDateTime& when) {
    for (qsizetype i = earlier.size() - 1; i >= 0 && i >= earlier.size() - 60; --i) {
        const TicketPlan& other = earlier[i];
        if (other.ticket.createdAt.secsTo(when) > 3 * 86400)
            break;
        const bool open = (!other.terminalAt.isValid() || other.terminalAt > when) &&
                          (!other.ticket.resolvedAt.isValid() || other.ticket.resolvedAt > when);
        if (open && other.ticket.state != TicketState::Merged && other.ticket.state != TicketState::Invalid)
            return &other;
    }
    return nullptr;
}

TicketPlan HistorySimulator::plan(const QDateTime& createdAt, const QList<TicketPlan>& earlier) {
    TicketPlan p;
    Ticket& t = p.ticket;
    t.id = m_nextId++; // ids follow creation order, as SQLite will assign them
    const TicketPlan* original = m_rng.chance(0.025) ? recentOpenTicket(earlier, createdAt) : nullptr;
    const int gi = original ? original->gridIndex : pickGrid();
    p.gridIndex = gi;
    const GridRecord& grid = m_h.grids[gi];
    t.gridCode = grid.code;
    const QPointF at = original ? QPointF(original->ticket.lon + m_rng.uniform(-4e-4, 4e-4),
                                          original->ticket.lat + m_rng.uniform(-3e-4, 3e-4))
                                : scatterPoint(m_anchor[gi], m_ring[gi], m_rng);
    t.lon = at.x();
    t.lat = at.y();
    t.createdAt = createdAt;
    t.source = static_cast<TicketSource>(m_rng.weighted({0.45, 0.15, 0.35, 0.05, 0.0}));
    const bool dispute = t.source == TicketSource::Hotline12345 ? m_rng.chance(0.45) : m_rng.chance(0.18);
    const Category& category = original ? *CategoryTable::builtIn().find(original->ticket.category)
                                        : m_rng.pick(dispute ? m_disputes : m_urban);
    t.category = category.code;
    if (t.source == TicketSource::Hotline12345)
        t.appealType = static_cast<AppealType>(1 + m_rng.weighted({0.25, 0.25, 0.35, 0.10, 0.05}));
    else if (t.source == TicketSource::CitizenApp)
        t.appealType = static_cast<AppealType>(1 + m_rng.weighted({0.05, 0.25, 0.45, 0.25, 0.0}));
    t.priority = static_cast<TicketPriority>(m_rng.weighted({0.03, 0.10, 0.80, 0.07}));
    const QString community = m_communityName.value(grid.parentCode);
    t.title = community + category.name;
    t.address = grid.name + QStringLiteral("%1号附近").arg(1 + m_rng.below(120));
    t.description = dispute
                        ? QStringLiteral("群众反映%1，当事双方情绪激动，请尽快调处。").arg(category.name)
                        : QStringLiteral("%1发现%2，影响居民生活，请处置。").arg(t.address, category.name);
    if (t.source == TicketSource::Patrol || t.source == TicketSource::Video)
        t.reporter = QStringLiteral("网格员");
    else
        t.reporter = QStringLiteral("市民（%1****%2）")
                         .arg(100 + m_rng.below(900))
                         .arg(m_rng.below(10000), 4, 10, QLatin1Char('0'));
    if (m_rng.chance(0.35))
        t.photos << QStringLiteral("https://files.example.invalid/tickets/%1/1.jpg").arg(t.id);
    t.deadline = TimeLimitTable::builtIn().deadlineFor(t, createdAt);

    TicketEvent filed;
    filed.action = TicketAction::Report;
    filed.actor = t.source == TicketSource::Hotline12345 ? QStringLiteral("12345热线") : t.reporter;
    filed.at = createdAt;
    filed.note = QStringLiteral("登记（%1）").arg(chineseName(t.source)); // stored: never the UI's language
    p.events << filed;

    const QString op = m_rng.pick(m_operators);
    QDateTime clock = createdAt;
    const auto request = [&](TicketAction a, const QString& actor, const QDateTime& when) {
        TicketActionRequest r;
        r.action = a;
        r.actor = actor;
        r.at = when;
        return r;
    };

    // Invalid and duplicate tickets end early.
    if (m_rng.chance(0.02)) {
        auto r = request(TicketAction::Invalidate, op, after(clock, 0.2, 3));
        r.reason = QStringLiteral("信息不实或无法核实");
        step(p, r);
        return p;
    }
    if (original) {
        auto r = request(TicketAction::Merge, op, after(clock, 0.1, 1));
        r.mergeInto = original->ticket.id;
        r.note = QStringLiteral("同一事件重复上报");
        step(p, r);
        return p;
    }

    const bool citizenRates = t.source == TicketSource::CitizenApp || t.source == TicketSource::Hotline12345;
    // 网格内办结: most patrol findings are handled on the spot by the grid itself.
    if (t.source == TicketSource::Patrol && m_rng.chance(0.5)) {
        auto r = request(TicketAction::SelfResolve, t.reporter, after(clock, 0.3, 5));
        r.note = QStringLiteral("网格员现场处置完毕");
        if (!step(p, r))
            return p;
        step(p, request(TicketAction::Close, QStringLiteral("社区核查员"), after(p.events.last().at, 1, 20)));
        return p;
    }

    clock = after(clock, 0.05, 1.5);
    if (!step(p, request(TicketAction::Accept, op, clock)))
        return p;
    const QString streetCode = grid.code.left(GridLevels::codeLength(GridLevel::Street));
    const QString streetOffice = m_streetOffice.value(streetCode);
    QString department = (m_rng.chance(0.7) && !category.defaultDepartment.isEmpty())
                             ? category.defaultDepartment
                             : streetOffice;
    clock = after(clock, 0.1, 5);
    auto dispatch = request(TicketAction::Dispatch, op, clock);
    dispatch.departmentCode = department;
    if (!step(p, dispatch))
        return p;

    if (m_rng.chance(0.08)) { // 退单, then dispatched again elsewhere
        clock = after(clock, 1, 20);
        auto ret = request(TicketAction::Return, handler(department), clock);
        const auto reasons = TicketWorkflow::returnReasons();
        ret.reason = reasons.at(m_rng.below(3)).first;
        ret.note = QStringLiteral("经核实不属于本单位职责范围");
        if (!step(p, ret))
            return p;
        department = department == streetOffice ? category.defaultDepartment : streetOffice;
        if (department.isEmpty())
            department = streetOffice;
        clock = after(clock, 0.3, 4);
        auto again = request(TicketAction::Dispatch, op, clock);
        again.departmentCode = department;
        if (!step(p, again))
            return p;
    }
    if (m_rng.chance(0.03)) { // 吹哨: beyond the grid's reach
        clock = after(clock, 0.5, 6);
        auto esc = request(TicketAction::Escalate, op, clock);
        esc.note = QStringLiteral("涉及多部门，提请上级协调");
        if (!step(p, esc))
            return p;
    }
    if (m_rng.chance(0.015)) // a department that never acts: the overdue backlog a center chases
        return p;
    clock = after(clock, 0.3, 18);
    if (!step(p, request(TicketAction::Start, handler(department), clock)))
        return p;

    int rounds = 0;
    while (true) {
        // Most are resolved in time; about one in eight runs late.
        const qint64 window = std::max<qint64>(3600, clock.secsTo(t.deadline));
        const double fraction = m_rng.chance(0.88) ? m_rng.uniform(0.05, 0.95) : m_rng.uniform(1.05, 3.0);
        const QDateTime resolveAt = clock.addSecs(qint64(window * fraction));
        if (fraction > 1 && m_rng.chance(0.5)) {
            auto urge = request(TicketAction::Urge, op, t.deadline.addSecs(1800));
            urge.note = QStringLiteral("已超期，请加快办理");
            if (!step(p, urge))
                return p;
        }
        auto resolve = request(TicketAction::Resolve, handler(department), resolveAt);
        resolve.note = QStringLiteral("已现场处置，问题解决");
        if (!step(p, resolve))
            return p;
        clock = resolveAt;
        if (!citizenRates) {
            step(p, request(TicketAction::Close, QStringLiteral("社区核查员"), after(clock, 1, 30)));
            return p;
        }
        if (m_rng.chance(0.05)) { // no answer from the citizen: closed after the rating window
            auto close = request(TicketAction::Close, QStringLiteral("系统"), clock.addSecs(72 * 3600));
            close.note = QStringLiteral("超时未评价，默认结案");
            step(p, close);
            return p;
        }
        clock = after(clock, 2, 48);
        const bool satisfied = rounds > 0 || m_rng.chance(0.955);
        if (!step(p, request(satisfied ? TicketAction::RateSatisfied : TicketAction::RateUnsatisfied,
                             t.reporter, clock)))
            return p;
        if (satisfied)
            return p;
        ++rounds;
        clock = after(clock, 0.5, 12);
        if (!step(p, request(TicketAction::Start, handler(department), clock)))
            return p;
    }
}

QList<TicketPlan> simulateHistory(const DemoOptions& o, const Hierarchy& h,
                                  const QList<DepartmentRecord>& offices, const QDateTime& now, Random& rng) {
    const int count = int(std::lround(h.grids.size() * o.ticketsPerGrid));
    // Creation times: more by day than at night, fewer at weekends.
    static constexpr double kHourWeight[24] = {0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1.0, 1.6, 2.0, 2.0, 1.8,
                                               1.4, 1.6, 1.9, 1.9, 1.8, 1.5, 1.2, 1.0, 0.8, 0.6, 0.4, 0.3};
    QList<QDateTime> times;
    const QDateTime start = now.addDays(-o.historyDays);
    const qint64 span = start.secsTo(now);
    while (times.size() < count) {
        const QDateTime t = start.addSecs(qint64(rng.uniform() * span));
        const double weekend = t.date().dayOfWeek() >= 6 ? 0.6 : 1.0;
        if (rng.uniform() * 2.0 < kHourWeight[t.time().hour()] * weekend)
            times << t;
    }
    std::sort(times.begin(), times.end());
    HistorySimulator sim(h, offices, now, rng);
    QList<TicketPlan> plans;
    plans.reserve(count);
    for (const QDateTime& t : times)
        plans << sim.plan(t, plans);
    return plans;
}

} // namespace

std::unique_ptr<CountyStore> DemoCountyBuilder::build(const QString& path, const DemoOptions& o,
                                                      QString* error, const Progress& progress) {
    QString localError;
    if (!error)
        error = &localError;
    const auto report = [&](const QString& stage, int percent) {
        if (progress)
            progress(stage, percent);
    };
    if (o.grids < 1 || o.grids > kMaxGrids) {
        *error = Tr::tr("网格数应在 1 到 %1 之间").arg(kMaxGrids);
        return nullptr;
    }
    if (o.ticketsPerGrid < 0 || o.historyDays < 1) {
        *error = Tr::tr("工单密度或历史天数无效");
        return nullptr;
    }
    Random rng(o.seed);
    const QDateTime now =
        o.now.isValid() ? o.now.toTimeZone(chinaTimeZone())
                        : QDateTime(chinaNow().date(), QTime(chinaNow().time().hour(), 0), chinaTimeZone());

    report(Tr::tr("划分街道、社区和网格"), 5);
    Hierarchy h;
    QByteArray outline;
    if (!buildHierarchy(o, rng, h, outline, error))
        return nullptr;
    rollUp(h.communities, h.grids);
    rollUp(h.streets, h.communities);
    GridRecord county;
    county.level = GridLevel::County;
    county.code = kCountyCode;
    county.name = kCountyName;
    county.wkb = outline;
    {
        QList<GridRecord> top{county};
        rollUp(top, h.streets);
        county = top.first();
    }

    report(Tr::tr("写入县域文件"), 40);
    std::unique_ptr<CountyStore> store = CountyStore::create(
        path, CountyInfo{kCountyCode, kCountyName, now, CountyStore::kSchemaVersion}, error);
    if (!store)
        return nullptr;
    const auto fail = [&]() -> std::unique_ptr<CountyStore> {
        store.reset();
        QFile::remove(path);
        QFile::remove(path + QStringLiteral("-wal"));
        QFile::remove(path + QStringLiteral("-shm"));
        return nullptr;
    };
    if (!store->insertGrids(GridLevel::County, {county}, error) ||
        !store->insertGrids(GridLevel::Street, h.streets, error) ||
        !store->insertGrids(GridLevel::Community, h.communities, error) ||
        !store->insertGrids(GridLevel::Grid, h.grids, error))
        return fail();

    report(Tr::tr("写入部门和网格员"), 55);
    QList<DepartmentRecord> departments;
    int sort = 0;
    for (const demo::DemoDepartment& d : demo::countyDepartments())
        departments << DepartmentRecord{QString::fromLatin1(d.code),
                                        QString::fromUtf8(d.name),
                                        QString::fromLatin1(d.group),
                                        QString::fromLatin1(d.group).isEmpty() ? QStringLiteral("group")
                                        : QLatin1String(d.group) == QLatin1String("GGQY")
                                            ? QStringLiteral("utility")
                                            : QStringLiteral("county_dept"),
                                        QStringLiteral("0415-%1").arg(3100000 + rng.below(899999)),
                                        ++sort};
    QList<DepartmentRecord> offices;
    for (const GridRecord& s : h.streets) {
        const bool town = s.name.endsWith(QStringLiteral("镇"));
        offices << DepartmentRecord{QStringLiteral("JD") + s.code,
                                    s.name + (town ? QStringLiteral("人民政府") : QStringLiteral("办事处")),
                                    QStringLiteral("JDXZ"),
                                    QStringLiteral("street_office"),
                                    QStringLiteral("0415-%1").arg(3100000 + rng.below(899999)),
                                    ++sort};
    }
    if (!store->insertDepartments(departments + offices, error))
        return fail();
    QList<WorkerRecord> workers;
    workers.reserve(h.grids.size());
    for (const GridRecord& g : h.grids) {
        WorkerRecord w;
        w.name = personName(rng);
        w.phone = phone(rng);
        w.departmentCode = QStringLiteral("JD") + g.code.left(GridLevels::codeLength(GridLevel::Street));
        w.gridCodes << g.code;
        w.onDuty = rng.chance(0.85);
        workers << w;
    }
    if (!store->insertWorkers(workers, error))
        return fail();

    report(Tr::tr("生成 %1 天的工单历史").arg(o.historyDays), 65);
    QList<TicketPlan> plans = simulateHistory(o, h, offices, now, rng);
    // A grid worker's findings carry the worker as reporter ("worker:N", as the live feed writes
    // them), so the assessment credits the grid's worker with the report and its 网格内办结.
    for (TicketPlan& p : plans) {
        if (p.ticket.reporter != QStringLiteral("网格员"))
            continue;
        const QString worker = QStringLiteral("worker:%1").arg(workers.at(p.gridIndex).id);
        p.ticket.reporter = worker;
        for (TicketEvent& e : p.events)
            if (e.actor == QStringLiteral("网格员"))
                e.actor = worker;
    }
    QList<Ticket> tickets;
    QList<QList<TicketEvent>> events;
    tickets.reserve(plans.size());
    events.reserve(plans.size());
    for (TicketPlan& p : plans) {
        tickets << p.ticket;
        events << p.events;
    }
    plans.clear();
    report(Tr::tr("写入工单"), 80);
    if (!store->insertTicketHistory(tickets, events, error))
        return fail();
    report(Tr::tr("完成"), 100);
    return store;
}

} // namespace gc
