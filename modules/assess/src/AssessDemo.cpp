// The demo county's worker activity for the assessment: diligent, average, lazy and late workers,
// their tracks on the last duty days, and on-site checks with arrivals that follow their habits.
#include "gc/assess/AssessDemo.h"

#include "gc/assess/AssessRules.h"
#include "gc/core/ChinaTime.h"
#include "gc/geo/Geometry.h"
#include "gc/geo/PolygonLocator.h"
#include "gc/store/CountyStore.h"
#include "gc/store/FeedStore.h"

#include <QHash>
#include <cmath>
#include <random>

namespace gc {

namespace {

// Explicit formulas, not std distributions: the same seed gives the same county everywhere.
class Draw {
public:
    explicit Draw(quint64 seed) : m_engine(seed) {}
    double uniform() { return double(m_engine() >> 11) * (1.0 / 9007199254740992.0); }
    double between(double a, double b) { return a + (b - a) * uniform(); }
    bool chance(double p) { return uniform() < p; }

private:
    std::mt19937_64 m_engine;
};

enum class Habit { Diligent, Average, Lazy, Late };

// How a kind of worker patrols: minutes between fixes, how much of the duty day the phone is on,
// how far a step goes, and how quickly they reach a site.
struct Profile {
    int fixEveryMin;
    double dutyShare;    // of the duty window
    double stepM;        // per fix
    double silentChance; // per fix: the phone goes quiet for a while
    double arriveMin, arriveMax, noShow;
};

Profile profileOf(Habit h) {
    switch (h) {
    case Habit::Diligent:
        return {2, 1.0, 70, 0.0, 3, 9, 0.0};
    case Habit::Average:
        return {3, 0.75, 45, 0.01, 5, 12, 0.1};
    case Habit::Lazy:
        return {5, 0.35, 15, 0.08, 8, 40, 0.5};
    case Habit::Late:
        return {3, 0.8, 45, 0.01, 11, 45, 0.2};
    }
    return {3, 0.75, 45, 0.01, 5, 12, 0.1};
}

Habit habitOf(Draw& draw) {
    const double u = draw.uniform();
    return u < 0.45 ? Habit::Diligent : u < 0.80 ? Habit::Average : u < 0.92 ? Habit::Lazy : Habit::Late;
}

} // namespace

bool AssessDemo::populate(CountyStore& store, quint32 seed, const QDateTime& nowIn, QString* error) {
    const QDateTime now = (nowIn.isValid() ? nowIn : chinaNow()).toTimeZone(chinaTimeZone());
    const auto rules = AssessRules::parse(AssessRules::defaultJson(), error);
    if (!rules)
        return false;
    Draw draw(quint64(seed) * 104729u + 31u);
    const QList<GridRecord> grids = store.grids(GridLevel::Grid, true);
    QHash<QString, int> gridIndex;
    QList<QByteArray> wkbs;
    for (const GridRecord& g : grids) {
        gridIndex.insert(g.code, int(wkbs.size()));
        wkbs << g.wkb;
    }
    const geo::PolygonLocator locator(wkbs);
    const QList<WorkerRecord> workers = store.workers();
    QHash<qint64, Habit> habits;
    for (const WorkerRecord& w : workers)
        habits.insert(w.id, habitOf(draw));

    // The last duty days that are over.
    QList<QDate> days;
    for (QDate d = now.date().addDays(-1); days.size() < kDutyDays && d > now.date().addDays(-30);
         d = d.addDays(-1))
        if (rules->duty.days.contains(d.dayOfWeek()))
            days.prepend(d);

    FeedStore feed(store);
    constexpr double kMetresPerDegLat = 111000.0;
    for (const WorkerRecord& w : workers) {
        if (w.gridCodes.isEmpty() || !gridIndex.contains(w.gridCodes.first()))
            continue;
        const int gi = gridIndex.value(w.gridCodes.first());
        const QPointF home = geo::interiorPoint(grids[gi].wkb);
        const double metresPerDegLon = kMetresPerDegLat * std::cos(home.y() * M_PI / 180);
        const Profile p = profileOf(habits.value(w.id));
        QList<PositionFix> fixes;
        for (const QDate& day : days) {
            const qint64 dutyStart = QDateTime(day, rules->duty.start, chinaTimeZone()).toSecsSinceEpoch();
            const qint64 dutyEnd = QDateTime(day, rules->duty.end, chinaTimeZone()).toSecsSinceEpoch();
            const qint64 span = qint64((dutyEnd - dutyStart) * p.dutyShare);
            const qint64 start =
                dutyStart + qint64(draw.uniform() * double(dutyEnd - dutyStart - span)) - 300;
            QPointF at = home;
            double heading = draw.between(0, 2 * M_PI);
            for (qint64 t = start; t < start + span;
                 t += p.fixEveryMin * 60 + qint64(draw.between(-20, 20))) {
                if (draw.chance(p.silentChance)) {
                    t += qint64(draw.between(15, 60) * 60); // the phone went quiet
                    continue;
                }
                // A walk that keeps its heading for a while and turns back at the grid's edge.
                heading += draw.between(-0.6, 0.6);
                const QPointF next(at.x() + std::cos(heading) * p.stepM / metresPerDegLon,
                                   at.y() + std::sin(heading) * p.stepM / kMetresPerDegLat);
                if (locator.locate(next.x(), next.y()) == gi)
                    at = next;
                else
                    heading += M_PI * draw.between(0.6, 1.4);
                PositionFix f;
                f.workerId = w.id;
                f.at = t;
                f.lon = at.x();
                f.lat = at.y();
                // Mostly good fixes; now and then a poor one indoors.
                f.accuracy = draw.chance(0.07) ? draw.between(60, 200) : draw.between(4, 20);
                f.source = QStringLiteral("demo");
                f.live = false;
                fixes << f;
            }
        }
        if (!feed.writeBatch(fixes, {}, error))
            return false;
    }

    // On-site checks (指派核查) of the open citizen tickets of the last week, assigned to the grid's
    // worker after the ticket's last event; the arrival follows the worker's habit.
    TicketFilter open;
    open.states = {TicketState::Received, TicketState::Accepted, TicketState::Dispatched,
                   TicketState::InProgress, TicketState::Returned};
    const qint64 nowS = now.toSecsSinceEpoch();
    for (const Ticket& t : store.tickets(open)) {
        if (t.createdAt.toSecsSinceEpoch() < nowS - 7 * 86400 ||
            (t.source != TicketSource::CitizenApp && t.source != TicketSource::Hotline12345))
            continue;
        const QList<qint64> onGrid = feed.workersOfGrid(t.gridCode);
        if (onGrid.isEmpty())
            continue;
        const QList<TicketEvent> history = store.ticketEvents(t.id);
        const qint64 last =
            history.isEmpty() ? t.createdAt.toSecsSinceEpoch() : history.last().at.toSecsSinceEpoch();
        const qint64 assignAt = last + qint64(draw.between(2, 20) * 60);
        const Profile p = profileOf(habits.value(onGrid.first()));
        const bool arrives = !draw.chance(p.noShow);
        const qint64 arriveAt = assignAt + qint64(draw.between(p.arriveMin, p.arriveMax) * 60);
        if (arriveAt > nowS)
            continue;
        TicketActionRequest assign;
        assign.action = TicketAction::AssignCheck;
        assign.actor = QStringLiteral("指挥中心值班员");
        assign.at = fromEpochSeconds(assignAt);
        assign.workerId = onGrid.first();
        assign.note = QStringLiteral("请网格员现场核查");
        TransitionResult r = store.applyTicketAction(t.id, assign);
        if (!r.ok) {
            *error = r.error;
            return false;
        }
        if (!arrives)
            continue;
        TicketActionRequest arrive;
        arrive.action = TicketAction::Arrive;
        arrive.actor = QStringLiteral("worker:%1").arg(assign.workerId);
        arrive.at = fromEpochSeconds(arriveAt);
        arrive.workerId = assign.workerId;
        arrive.note = QStringLiteral("定位判定到场");
        r = store.applyTicketAction(t.id, arrive);
        if (!r.ok) {
            *error = r.error;
            return false;
        }
    }
    return true;
}

} // namespace gc
