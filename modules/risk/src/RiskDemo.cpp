// The demo county's risk picture: key persons, key places and patrol check-ins generated where
// the tickets are, then the engine replayed over the ticket history.
#include "gc/risk/RiskDemo.h"

#include "gc/core/ChinaTime.h"
#include "gc/geo/Geometry.h"
#include "gc/risk/RiskService.h"
#include "gc/store/CountyStore.h"
#include "gc/store/FeedStore.h"
#include "gc/store/RiskStore.h"

#include <QHash>
#include <cmath>
#include <random>

namespace gc {

namespace {

// Explicit formulas, not std distributions: the same seed gives the same county everywhere.
class Draw {
public:
    explicit Draw(quint64 seed) : m_engine(seed) {}
    double uniform() { return (m_engine() >> 11) * (1.0 / 9007199254740992.0); }
    int below(int n) { return n <= 1 ? 0 : int(uniform() * n) % n; }
    // Poisson by inversion: small means only.
    int poisson(double mean) {
        const double limit = std::exp(-mean);
        double product = uniform();
        int k = 0;
        while (product > limit && k < 50) {
            product *= uniform();
            ++k;
        }
        return k;
    }

private:
    std::mt19937_64 m_engine;
};

// 重点人员 categories of community work (counts only, no names).
const QStringList kPersonTypes = {QStringLiteral("社区矫正对象"),     QStringLiteral("刑满释放人员"),
                                  QStringLiteral("严重精神障碍患者"), QStringLiteral("吸毒人员"),
                                  QStringLiteral("信访重点人员"),     QStringLiteral("重点青少年")};
// 重点场所 a grid worker patrols.
const QStringList kPlaceTypes = {QStringLiteral("危化品企业"), QStringLiteral("学校"),
                                 QStringLiteral("农贸市场"),   QStringLiteral("加油站"),
                                 QStringLiteral("建筑工地"),   QStringLiteral("养老机构")};

} // namespace

bool RiskDemo::populate(CountyStore& store, quint32 seed, const QDateTime& nowIn, int historyDays,
                        QString* error) {
    QString localError;
    if (!error)
        error = &localError;
    const QDateTime now = RiskService::resolveNow(nowIn);
    const qint64 end = now.toSecsSinceEpoch();
    const qint64 start = end - qint64(historyDays) * 86400;
    Draw draw(quint64(seed) * 7919u + 13u);
    RiskStore riskStore(store);

    // Tickets and disputes per grid: key persons follow disputes, key places follow tickets.
    QHash<QString, int> tickets, disputes;
    if (!riskStore.forEachTicket(
            0, {},
            [&](QByteArrayView grid, const RiskTicketFacts& t) {
                const QString code = QString::fromUtf8(grid);
                ++tickets[code];
                if (t.category.startsWith(QLatin1Char('J')))
                    ++disputes[code];
            },
            error))
        return false;

    const QList<GridRecord> grids = store.grids(GridLevel::Grid, true);
    QList<KeyPersonCount> persons;
    QList<KeyPlace> places;
    for (const GridRecord& g : grids) {
        // Key persons follow disputes (信访, 矛盾纠纷): about one per two disputes in 90 days.
        const int n = draw.poisson(0.05 + 0.5 * disputes.value(g.code));
        QHash<QString, int> byType;
        for (int i = 0; i < n; ++i)
            ++byType[kPersonTypes.at(draw.below(int(kPersonTypes.size())))];
        for (auto it = byType.cbegin(); it != byType.cend(); ++it)
            persons << KeyPersonCount{g.code, it.key(), it.value()};
        if (draw.uniform() < std::min(0.8, 0.03 + 0.06 * tickets.value(g.code))) {
            const QPointF p = geo::interiorPoint(g.wkb);
            const QString type = kPlaceTypes.at(draw.below(int(kPlaceTypes.size())));
            places << KeyPlace{0, g.name + type, type, p.x(), p.y(), g.code};
        }
    }
    if (!riskStore.replaceKeyPersons(persons, error) || !riskStore.insertKeyPlaces(places, error))
        return false;

    // Patrol check-ins: most workers check in every day or two, a few let weeks pass. A large
    // county gets only the last three weeks (the gap indicator looks back 30 days at most).
    const qint64 checkinStart = grids.size() > 5000 ? end - 21 * 86400 : start;
    QList<CheckinRecord> checkins;
    for (const WorkerRecord& w : store.workers()) {
        const double meanGapDays = 0.7 + 9.0 * std::pow(draw.uniform(), 4.0);
        for (double t = double(checkinStart) + draw.uniform() * 86400.0; t < double(end);
             t += -std::log(1.0 - draw.uniform()) * meanGapDays * 86400.0 + 3600.0)
            checkins << CheckinRecord{w.id, qint64(t), false, 0, 0, QStringLiteral("无事报平安")};
    }
    if (!FeedStore(store).writeBatch({}, checkins, error))
        return false;

    // The engine over the history: daily (weekly for a very large county), then now.
    RiskService risk(store);
    if (!risk.load(error, fromEpochSeconds(start)))
        return false;
    const int stepDays = grids.size() > 10000 ? 7 : 1;
    QList<QDateTime> steps;
    for (qint64 t = start + qint64(stepDays) * 86400; t < end; t += qint64(stepDays) * 86400)
        steps << fromEpochSeconds(t);
    return risk.replayHistory(steps, error) && risk.recomputeAll(error, now);
}

} // namespace gc
