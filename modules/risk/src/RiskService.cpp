// The risk engine of one county: facts from the store, scores from RiskCalculator, overrides,
// parents, band changes written with their cause, and hot spots.
#include "gc/risk/RiskService.h"

#include "gc/core/ByteKeyTable.h"
#include "gc/core/ChinaTime.h"
#include "gc/core/PhaseTimer.h"
#include "gc/geo/GridAdjacency.h"
#include "gc/risk/RiskCalculator.h"
#include "gc/store/CountyStore.h"

#include <QCoreApplication>
#include <QSet>
#include <cmath>
#include <limits>

namespace gc {

namespace {
// Where a full pass spends its time: QT_LOGGING_RULES="gc.risk.phases.info=true".
Q_LOGGING_CATEGORY(lcRiskPhases, "gc.risk.phases", QtWarningMsg)
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(RiskService)
};
constexpr qint64 kDay = 86400;
} // namespace

struct RiskService::Impl {
    explicit Impl(CountyStore& s) : store(s), riskStore(s) {}

    struct Node {
        QString code;
        QString name;
        GridLevel level = GridLevel::Grid;
        int population = 0;
        int parent = -1;
        QList<int> children;
        RiskLevel stored = RiskLevel::Green; // the band written in the store (what the map shows)
    };

    CountyStore& store;
    RiskStore riskStore;
    QList<Node> nodes;
    QHash<QString, int> index;
    ByteKeyTable<int> gridIndexUtf8; // grid-level codes as UTF-8, for the ticket scan
    QList<int> byLevel[kGridLevelCount + 1];
    QList<RiskAssessment> assessments;
    bool loaded = false;
    // Neighbour rows per level, built once from the store's adjacency cache: Gi* then only counts.
    QHash<int, QList<QList<int>>> neighbours;
    // Where the full pass reads tickets: the store, or (while replaying) the tickets as they were.
    std::function<bool(qint64 since, const std::function<void(QByteArrayView, const RiskTicketFacts&)>&,
                       QString*)>
        pastTickets;

    bool loadHierarchy(QString* error);
    QList<HotSpot> hotSpots(GridLevel level, int days, QString* error, const QDateTime& now);
    // A full pass prepared on another thread (RiskService::adopt): used once by the next full pass.
    std::optional<RiskSnapshot> adopted;
    bool storedPassUsed = true;
    // Indicator values of the given grid nodes (all grids when `grids` is empty).
    // `validUntil` (optional) receives the first moment the clock alone would change a value.
    bool gridValues(const RiskCalculator& calc, const QList<int>& grids, QVector<double>& values,
                    QString* error, PhaseTimer& phases, qint64* validUntil = nullptr) const;
    // A full pass's values: taken from the stored pass when it is still valid, else computed and
    // kept here for storing.
    struct FullPass {
        std::optional<RiskSnapshot> stored; // valid for this pass: used instead of reading the facts
        QVector<double> values;
        qint64 validUntil = std::numeric_limits<qint64>::max();
        qint64 inputsVersion = -1; // the inputs counter before the facts were read
        bool reused = false;
    };
    // Assessments at `now` under `rules` for the given grid nodes plus every ancestor; results in `out`
    // (indexed like nodes). Overrides are applied from `active`.
    // `backup` (optional) receives the previous value of every entry of `out` replaced, so an
    // incremental update can work in place and still be undone.
    bool assess(const RiskRules& rules, const QDateTime& now, const QList<int>& grids,
                const QHash<QString, RiskOverride>& active, QList<RiskAssessment>& out, QString* error,
                QHash<int, RiskAssessment>* backup = nullptr, FullPass* fullPass = nullptr) const;
    void rollUp(const RiskRules& rules, const QList<int>& parents, const QHash<QString, RiskOverride>& active,
                QList<RiskAssessment>& out, QHash<int, RiskAssessment>* backup) const;
    static void replace(QList<RiskAssessment>& out, int i, RiskAssessment&& a,
                        QHash<int, RiskAssessment>* backup) {
        if (backup && !backup->contains(i))
            backup->insert(i, std::move(out[i]));
        out[i] = std::move(a);
    }
};

bool RiskService::Impl::loadHierarchy(QString* error) {
    nodes.clear();
    index.clear();
    gridIndexUtf8.clear();
    for (auto& l : byLevel)
        l.clear();
    for (int l = 1; l <= static_cast<int>(GridLevel::Grid); ++l) {
        const auto level = static_cast<GridLevel>(l);
        for (const GridRecord& g : store.grids(level, false)) {
            Node n;
            n.code = g.code;
            n.name = g.name;
            n.level = level;
            n.population = g.population;
            n.stored = g.risk;
            const int i = int(nodes.size());
            index.insert(g.code, i);
            byLevel[l] << i;
            if (level == GridLevel::Grid)
                gridIndexUtf8.insert(g.code.toUtf8(), i);
            nodes << n;
        }
    }
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        // Parents by code prefix, as the hierarchy's codes are built (GB/T 31000).
        if (nodes[i].level == GridLevel::County)
            continue;
        const int p = index.value(GridCode::parentCode(nodes[i].code), -1);
        nodes[i].parent = p;
        if (p >= 0)
            nodes[p].children << int(i);
    }
    if (nodes.isEmpty() && error)
        *error = Tr::tr("县域没有任何网格");
    assessments = QList<RiskAssessment>(nodes.size());
    return true;
}

bool RiskService::Impl::gridValues(const RiskCalculator& calc, const QList<int>& grids,
                                   QVector<double>& values, QString* error, PhaseTimer& phases,
                                   qint64* validUntil) const {
    const int k = calc.indicatorCount();
    const bool all = grids.isEmpty();
    const QList<int>& list = all ? byLevel[static_cast<int>(GridLevel::Grid)] : grids;
    // Grid node → row in `values`: on a full pass the grid nodes are one run, so no table at all.
    QHash<int, int> row;
    QStringList codes;
    if (!all)
        for (int r = 0; r < list.size(); ++r) {
            row.insert(list[r], r);
            codes << nodes[list[r]].code;
        }
    const auto rowOf = [&](int node) {
        if (node < 0 || list.isEmpty())
            return -1;
        if (!all)
            return row.value(node, -1);
        const int r = node - list.first();
        return r < list.size() && list[r] == node ? r : -1;
    };
    values.fill(0.0, qsizetype(list.size()) * k);
    // Category weights by the scan's category numbers, looked up once per category.
    std::vector<QVector<double>> weightsByKey;
    const auto visit = [&](QByteArrayView grid, const RiskTicketFacts& t) {
        const int* node = gridIndexUtf8.find(grid);
        if (!node)
            return;
        const int r = rowOf(*node);
        if (r < 0)
            return;
        double* gridValues = values.data() + qsizetype(r) * k;
        if (t.categoryKey < 0) {
            calc.addTicket(t, gridValues);
            if (validUntil)
                *validUntil =
                    std::min(*validUntil, calc.nextChange(t, calc.categoryWeights(t.category).constData()));
            return;
        }
        if (size_t(t.categoryKey) >= weightsByKey.size())
            weightsByKey.resize(size_t(t.categoryKey) + 1);
        QVector<double>& weights = weightsByKey[size_t(t.categoryKey)];
        if (weights.isEmpty())
            weights = calc.categoryWeights(t.category);
        calc.addTicket(t, weights.constData(), gridValues, validUntil);
    };
    const bool ok = all && pastTickets ? pastTickets(calc.windowStart(), visit, error)
                                       : riskStore.forEachTicket(calc.windowStart(), codes, visit, error);
    if (!ok)
        return false;
    phases.mark("tickets");
    for (const KeyPersonCount& c : riskStore.keyPersons(codes)) {
        const int r = rowOf(index.value(c.gridCode, -1));
        if (r >= 0)
            calc.addKeyPersons(c.type, c.count, values.data() + qsizetype(r) * k);
    }
    for (const KeyPlace& p : riskStore.keyPlaces(codes)) {
        const int r = rowOf(index.value(p.gridCode, -1));
        if (r >= 0)
            calc.addKeyPlace(p.type, values.data() + qsizetype(r) * k);
    }
    const QHash<QString, qint64> checkins = riskStore.lastCheckins(codes, calc.now());
    for (int r = 0; r < list.size(); ++r) {
        const qint64 last = checkins.value(nodes[list[r]].code, 0);
        calc.setLastCheckin(last, values.data() + qsizetype(r) * k);
        if (validUntil)
            *validUntil = std::min(*validUntil, calc.nextCheckinChange(last));
    }
    phases.mark("key persons, places, check-ins");
    return true;
}

void RiskService::Impl::rollUp(const RiskRules& rules, const QList<int>& parents,
                               const QHash<QString, RiskOverride>& active, QList<RiskAssessment>& out,
                               QHash<int, RiskAssessment>* backup) const {
    for (int p : parents) {
        QList<RiskParents::Child> children;
        children.reserve(nodes[p].children.size());
        for (int c : nodes[p].children)
            children << RiskParents::Child{out[c].band, out[c].score, nodes[c].population};
        RiskAssessment a = RiskParents::assess(rules.parentRule(), children);
        a.code = nodes[p].code;
        a.name = nodes[p].name;
        a.level = nodes[p].level;
        if (const auto it = active.constFind(a.code); it != active.cend()) {
            a.override = *it;
            a.band = it->band;
            a.decidedBy = RiskDecision::Override;
        }
        replace(out, p, std::move(a), backup);
    }
}

bool RiskService::Impl::assess(const RiskRules& rules, const QDateTime& now, const QList<int>& grids,
                               const QHash<QString, RiskOverride>& active, QList<RiskAssessment>& out,
                               QString* error, QHash<int, RiskAssessment>* backup, FullPass* fullPass) const {
    PhaseTimer phases(lcRiskPhases(), grids.isEmpty() ? "full pass" : "incremental pass");
    const RiskCalculator calc(rules, now.toSecsSinceEpoch());
    QVector<double> computed;
    if (fullPass && fullPass->stored) {
        fullPass->values = fullPass->stored->values;
        fullPass->reused = true;
        phases.mark("stored values");
    } else if (!gridValues(calc, grids, fullPass ? fullPass->values : computed, error, phases,
                           fullPass ? &fullPass->validUntil : nullptr)) {
        return false;
    }
    const QVector<double>& values = fullPass ? fullPass->values : computed;
    const int k = calc.indicatorCount();
    const QList<int>& list = grids.isEmpty() ? byLevel[static_cast<int>(GridLevel::Grid)] : grids;
    for (int r = 0; r < list.size(); ++r) {
        const Node& n = nodes[list[r]];
        RiskAssessment a = calc.assess(values.constData() + qsizetype(r) * k);
        a.code = n.code;
        a.name = n.name;
        a.level = n.level;
        if (const auto it = active.constFind(n.code); it != active.cend()) {
            a.override = *it;
            a.band = it->band;
            a.decidedBy = RiskDecision::Override;
        }
        replace(out, list[r], std::move(a), backup);
    }
    phases.mark("grid assessments");
    // Parents bottom-up: the touched grids' ancestors only, or every parent on a full pass.
    for (int l = static_cast<int>(GridLevel::Community); l >= static_cast<int>(GridLevel::County); --l) {
        QList<int> parents;
        if (grids.isEmpty())
            parents = byLevel[l];
        else {
            QSet<int> seen;
            for (int g : grids)
                for (int p = nodes[g].parent; p >= 0; p = nodes[p].parent)
                    if (nodes[p].level == static_cast<GridLevel>(l) && !seen.contains(p)) {
                        seen.insert(p);
                        parents << p;
                    }
        }
        rollUp(rules, parents, active, out, backup);
    }
    phases.mark("parents");
    return true;
}

RiskService::RiskService(CountyStore& store, QObject* parent)
    : QObject(parent), d(std::make_unique<Impl>(store)), m_rules(RiskRules::builtIn()) {
    qRegisterMetaType<gc::RiskChange>();
    qRegisterMetaType<QList<gc::RiskChange>>();
}

RiskService::~RiskService() = default;

void RiskService::setStoredPassUsed(bool used) {
    d->storedPassUsed = used;
}

bool RiskService::isLoaded() const {
    return d->loaded;
}

QDateTime RiskService::resolveNow(const QDateTime& now) {
    const QDateTime t = now.isValid() ? now : chinaNow();
    return fromEpochSeconds(t.toSecsSinceEpoch());
}

namespace {
// The county's rules, or the built-in ones when it has none yet.
bool readRules(const RiskStore& store, RiskRules* rules, QString* error) {
    error->clear();
    if (const auto json = store.rulesJson(error)) {
        auto parsed = RiskRules::parse(*json, error);
        if (!parsed) {
            *error = QCoreApplication::translate("RiskService", "县域保存的风险规则无效：%1").arg(*error);
            return false;
        }
        *rules = *parsed;
        return true;
    }
    return error->isEmpty();
}
} // namespace

bool RiskService::load(QString* error, const QDateTime& now) {
    QString localError;
    if (!error)
        error = &localError;
    if (!readRules(d->riskStore, &m_rules, error) || !d->loadHierarchy(error))
        return false;
    d->loaded = true;
    return recomputeAll(error, now);
}

struct RiskService::Prepared {
    RiskRules rules = RiskRules::builtIn();
    QDateTime now;
    QList<Impl::Node> nodes;
    QHash<QString, int> index;
    ByteKeyTable<int> gridIndexUtf8;
    QList<int> byLevel[kGridLevelCount + 1];
    RiskSnapshot pass;
    bool passWasStored = false; // read from the county, so there is nothing to store
};

std::shared_ptr<RiskService::Prepared> RiskService::prepare(CountyStore& store, QString* error,
                                                            const QDateTime& now) {
    QString localError;
    if (!error)
        error = &localError;
    auto p = std::make_shared<Prepared>();
    p->now = resolveNow(now);
    Impl impl(store);
    if (!readRules(impl.riskStore, &p->rules, error) || !impl.loadHierarchy(error))
        return nullptr;
    Impl::FullPass pass;
    pass.inputsVersion = impl.riskStore.inputsVersion();
    const qint64 t = p->now.toSecsSinceEpoch();
    const int grids = int(impl.byLevel[static_cast<int>(GridLevel::Grid)].size());
    const int k = int(p->rules.indicators().size());
    auto stored = pass.inputsVersion >= 0 ? impl.riskStore.snapshot() : std::nullopt;
    if (stored && stored->inputsVersion == pass.inputsVersion && stored->computedAt <= t &&
        t < stored->validUntil && stored->gridCount == grids && stored->indicatorCount == k)
        pass.stored = std::move(stored);
    if (!impl.assess(p->rules, p->now, {}, {}, impl.assessments, error, nullptr, &pass))
        return nullptr;
    p->passWasStored = pass.reused;
    p->pass.inputsVersion = pass.reused ? pass.stored->inputsVersion : pass.inputsVersion;
    p->pass.computedAt = pass.reused ? pass.stored->computedAt : t;
    p->pass.validUntil = pass.reused ? pass.stored->validUntil : pass.validUntil;
    p->pass.gridCount = grids;
    p->pass.indicatorCount = k;
    p->pass.values = std::move(pass.values);
    p->nodes = std::move(impl.nodes);
    p->index = std::move(impl.index);
    p->gridIndexUtf8 = std::move(impl.gridIndexUtf8);
    for (int l = 0; l <= kGridLevelCount; ++l)
        p->byLevel[l] = std::move(impl.byLevel[l]);
    return p;
}

bool RiskService::adopt(const std::shared_ptr<Prepared>& p, QString* error) {
    QString localError;
    if (!error)
        error = &localError;
    if (!p) {
        *error = Tr::tr("风险引擎尚未加载");
        return false;
    }
    m_rules = p->rules;
    d->nodes = p->nodes;
    d->index = p->index;
    d->gridIndexUtf8 = p->gridIndexUtf8;
    for (int l = 0; l <= kGridLevelCount; ++l)
        d->byLevel[l] = p->byLevel[l];
    d->assessments = QList<RiskAssessment>(d->nodes.size());
    d->neighbours.clear();
    d->loaded = true;
    if (!p->passWasStored) {
        QString ignored; // a read-only county: the pass is used below all the same
        d->riskStore.saveSnapshot(p->pass, &ignored);
    }
    // The next full pass takes these values instead of reading the facts again.
    d->adopted = p->pass;
    return update({}, RiskChangeCause::Data, p->now, nullptr, error);
}

QHash<GridLevel, QList<HotSpot>> RiskService::hotSpotsOf(CountyStore& store, const QList<GridLevel>& levels,
                                                         int days, QString* error, const QDateTime& now) {
    QString localError;
    if (!error)
        error = &localError;
    QHash<GridLevel, QList<HotSpot>> out;
    Impl impl(store);
    if (!impl.loadHierarchy(error))
        return {};
    for (const GridLevel level : levels) {
        out.insert(level, impl.hotSpots(level, days, error, now));
        if (!error->isEmpty())
            return {};
    }
    return out;
}

namespace {
// The changes between what the store shows and the new assessments of `nodes` (indices), with the
// cause: an override that lapsed says so (at its end), anything else is `cause`.
template <typename Nodes>
QList<RiskChange> diff(const Nodes& nodes, const QList<RiskAssessment>& next, const QList<int>& which,
                       RiskChangeCause cause, const QDateTime& now,
                       const QHash<QString, RiskOverride>& lapsed) {
    QList<RiskChange> changes;
    for (int i : which) {
        const RiskAssessment& a = next[i];
        if (a.band == nodes[i].stored)
            continue;
        RiskChange c;
        c.code = a.code;
        c.level = a.level;
        c.at = now;
        c.from = nodes[i].stored;
        c.to = a.band;
        c.score = a.score;
        c.cause = cause;
        if (const auto it = lapsed.constFind(a.code); it != lapsed.cend()) {
            c.cause = RiskChangeCause::Expiry;
            c.at = it->end;
            // Stored in the county: in the source language whatever the UI speaks, like all stored text.
            c.note = QStringLiteral("人工研判 #%1（%2）已于 %3 到期")
                         .arg(it->id)
                         .arg(it->reason, it->end.toString(Qt::ISODate));
        }
        changes << c;
    }
    return changes;
}
} // namespace

bool RiskService::recomputeAll(QString* error, const QDateTime& now) {
    QList<RiskChange> changes;
    return update({}, RiskChangeCause::Data, resolveNow(now), &changes, error);
}

bool RiskService::update(const QList<int>& grids, RiskChangeCause cause, const QDateTime& now,
                         QList<RiskChange>* written, QString* error, const QString& note) {
    QString localError;
    if (!error)
        error = &localError;
    if (!d->loaded) {
        *error = Tr::tr("风险引擎尚未加载");
        return false;
    }
    const QList<RiskOverride> lapsing = d->riskStore.overridesToLapse(now);
    QHash<QString, RiskOverride> lapsed;
    QList<qint64> lapsedIds;
    for (const RiskOverride& o : lapsing) {
        lapsed.insert(o.code, o);
        lapsedIds << o.id;
    }
    QHash<QString, RiskOverride> active;
    for (const RiskOverride& o : d->riskStore.activeOverrides(now))
        active.insert(o.code, o);
    // A lapse touches its grid even when the caller did not name it; a parent's lapse needs the
    // full roll-up.
    QList<int> touched = grids;
    for (const RiskOverride& o : lapsing) {
        if (touched.isEmpty())
            break;
        const int i = d->index.value(o.code, -1);
        if (i >= 0 && d->nodes[i].level != GridLevel::Grid)
            touched.clear();
        else if (i >= 0 && !touched.contains(i))
            touched << i;
    }
    // A full pass builds a new list; an incremental one works in place (copying 90,000 assessments
    // would cost more than the update) and keeps what it replaced to undo a failed write.
    QHash<int, RiskAssessment> replaced;
    QList<RiskAssessment> full;
    if (touched.isEmpty())
        full = d->assessments;
    QList<RiskAssessment>& next = touched.isEmpty() ? full : d->assessments;
    // A full pass over the present reuses the stored one while nothing it read has changed and the
    // clock has not reached a boundary (counter read first: a write during the pass makes it stale).
    std::optional<Impl::FullPass> fullPass;
    if (touched.isEmpty() && !d->pastTickets && d->adopted) {
        fullPass.emplace();
        fullPass->inputsVersion = d->adopted->inputsVersion;
        fullPass->stored = std::exchange(d->adopted, std::nullopt);
    } else if (touched.isEmpty() && !d->pastTickets) {
        fullPass.emplace();
        fullPass->inputsVersion = d->riskStore.inputsVersion();
        const qint64 t = now.toSecsSinceEpoch();
        auto stored =
            fullPass->inputsVersion >= 0 && d->storedPassUsed ? d->riskStore.snapshot() : std::nullopt;
        if (stored && stored->inputsVersion == fullPass->inputsVersion && stored->computedAt <= t &&
            t < stored->validUntil &&
            stored->gridCount == d->byLevel[static_cast<int>(GridLevel::Grid)].size() &&
            stored->indicatorCount == m_rules.indicators().size())
            fullPass->stored = std::move(stored);
    }
    const auto undo = [&] {
        for (auto it = replaced.begin(); it != replaced.end(); ++it)
            d->assessments[it.key()] = std::move(it.value());
    };
    if (!d->assess(m_rules, now, touched, active, next, error, touched.isEmpty() ? nullptr : &replaced,
                   fullPass ? &*fullPass : nullptr)) {
        undo();
        return false;
    }
    QList<int> which;
    if (touched.isEmpty())
        for (int i = 0; i < d->nodes.size(); ++i)
            which << i;
    else {
        QSet<int> seen;
        for (int g : touched)
            for (int p = g; p >= 0; p = d->nodes[p].parent)
                if (!seen.contains(p)) {
                    seen.insert(p);
                    which << p;
                }
        // Lapsed overrides on parents.
        for (const RiskOverride& o : lapsing) {
            const int i = d->index.value(o.code, -1);
            if (i >= 0 && !seen.contains(i)) {
                seen.insert(i);
                which << i;
            }
        }
    }
    PhaseTimer phases(lcRiskPhases(), "update");
    QList<RiskChange> changes = diff(d->nodes, next, which, cause, now, lapsed);
    phases.mark("diff");
    if (!note.isEmpty())
        for (RiskChange& c : changes)
            if (c.note.isEmpty())
                c.note = note;
    if (!d->riskStore.applyChanges(changes, error, lapsedIds)) {
        undo();
        return false;
    }
    phases.mark("write");
    if (fullPass && !fullPass->reused && fullPass->inputsVersion >= 0) {
        // Not fatal when it cannot be stored: the next pass reads the facts again.
        RiskSnapshot snapshot;
        snapshot.inputsVersion = fullPass->inputsVersion;
        snapshot.computedAt = now.toSecsSinceEpoch();
        snapshot.validUntil = fullPass->validUntil;
        snapshot.gridCount = int(d->byLevel[static_cast<int>(GridLevel::Grid)].size());
        snapshot.indicatorCount = int(m_rules.indicators().size());
        snapshot.values = std::move(fullPass->values);
        QString ignored;
        d->riskStore.saveSnapshot(snapshot, &ignored);
        phases.mark("store the pass");
    }
    if (touched.isEmpty())
        d->assessments = std::move(full);
    for (const RiskChange& c : changes)
        d->nodes[d->index.value(c.code)].stored = c.to;
    if (written)
        *written = changes;
    QStringList codes;
    for (int i : which)
        codes << d->nodes[i].code;
    if (!changes.isEmpty())
        Q_EMIT bandsChanged(changes);
    Q_EMIT assessmentsUpdated(codes);
    phases.mark("signals");
    return true;
}

bool RiskService::updateGrids(const QStringList& gridCodes, QString* error, const QDateTime& now) {
    QList<int> grids;
    for (const QString& code : gridCodes) {
        const int i = d->index.value(code, -1);
        if (i >= 0 && d->nodes[i].level == GridLevel::Grid && !grids.contains(i))
            grids << i;
    }
    if (grids.isEmpty())
        return lapseExpired(error, now);
    return update(grids, RiskChangeCause::Data, resolveNow(now), nullptr, error);
}

bool RiskService::updateForTickets(const QList<qint64>& ticketIds, QString* error, const QDateTime& now) {
    return updateGrids(d->riskStore.gridsOfTickets(ticketIds), error, now);
}

bool RiskService::updateForWorker(qint64 workerId, QString* error, const QDateTime& now) {
    return updateGrids(d->riskStore.gridsOfWorker(workerId), error, now);
}

bool RiskService::lapseExpired(QString* error, const QDateTime& now) {
    const QDateTime t = resolveNow(now);
    QStringList codes;
    for (const RiskOverride& o : d->riskStore.overridesToLapse(t))
        codes << o.code;
    if (codes.isEmpty())
        return true;
    QList<int> nodes;
    for (const QString& code : codes) {
        const int i = d->index.value(code, -1);
        if (i >= 0)
            nodes << i;
    }
    // Grids lapse through the grid path; a parent's override lapses through a full roll-up.
    bool parentOverride = false;
    for (int i : nodes)
        parentOverride = parentOverride || d->nodes[i].level != GridLevel::Grid;
    return update(parentOverride ? QList<int>() : nodes, RiskChangeCause::Expiry, t, nullptr, error);
}

QList<RiskAssessment> RiskService::assessments(GridLevel level) const {
    QList<RiskAssessment> out;
    const int l = static_cast<int>(level);
    if (l < 1 || l > kGridLevelCount)
        return out;
    out.reserve(d->byLevel[l].size());
    for (int i : d->byLevel[l])
        out << d->assessments[i];
    return out;
}

std::optional<RiskAssessment> RiskService::assessment(const QString& code) const {
    const int i = d->index.value(code, -1);
    if (i < 0)
        return std::nullopt;
    return d->assessments[i];
}

QString RiskService::explain(const QString& code) const {
    const auto a = assessment(code);
    return a ? RiskExplanation::text(*a, m_rules) : QString();
}

QHash<RiskLevel, int> RiskService::bandCounts(GridLevel level) const {
    QHash<RiskLevel, int> counts;
    for (int i = 0; i < kRiskLevelCount; ++i)
        counts.insert(static_cast<RiskLevel>(i), 0);
    const int l = static_cast<int>(level);
    if (l >= 1 && l <= kGridLevelCount)
        for (int i : d->byLevel[l])
            ++counts[d->assessments[i].band];
    return counts;
}

bool RiskService::setOverride(const RiskOverrideRequest& r, QString* error, const QDateTime& now) {
    QString localError;
    if (!error)
        error = &localError;
    const QDateTime t = resolveNow(now);
    const int i = d->index.value(r.code, -1);
    if (i < 0) {
        *error = Tr::tr("编码 %1 不存在").arg(r.code);
        return false;
    }
    if (r.reason.trimmed().isEmpty()) {
        *error = Tr::tr("人工研判必须填写理由");
        return false;
    }
    if (r.by.trimmed().isEmpty()) {
        *error = Tr::tr("人工研判必须写明研判人");
        return false;
    }
    if (!r.end.isValid()) {
        *error = Tr::tr("人工研判必须给出截止时间");
        return false;
    }
    if (r.end <= t) {
        *error = Tr::tr("截止时间 %1 已过，不能设为人工研判的结束").arg(r.end.toString(Qt::ISODate));
        return false;
    }
    // A new override replaces the one in force: clearing it first keeps one active per code.
    for (const RiskOverride& old : d->riskStore.activeOverrides(t, r.code))
        if (!d->riskStore.clearOverride(old.id, r.by, QStringLiteral("被新的人工研判取代"), t, std::nullopt,
                                        error)) // stored: source language, not the UI's
            return false;
    RiskOverride o;
    o.code = r.code;
    o.band = r.band;
    o.reason = r.reason.trimmed();
    o.by = r.by.trimmed();
    o.start = t;
    o.end = r.end;
    if (!d->riskStore.insertOverride(o, std::nullopt, error))
        return false;
    QList<int> grids;
    if (d->nodes[i].level == GridLevel::Grid)
        grids << i;
    return update(grids, RiskChangeCause::Override, t, nullptr, error, o.reason);
}

bool RiskService::clearOverride(const QString& code, const QString& reason, const QString& by, QString* error,
                                const QDateTime& now) {
    QString localError;
    if (!error)
        error = &localError;
    const QDateTime t = resolveNow(now);
    const int i = d->index.value(code, -1);
    if (i < 0) {
        *error = Tr::tr("编码 %1 不存在").arg(code);
        return false;
    }
    if (reason.trimmed().isEmpty()) {
        *error = Tr::tr("解除人工研判必须填写理由");
        return false;
    }
    const QList<RiskOverride> active = d->riskStore.activeOverrides(t, code);
    if (active.isEmpty()) {
        *error = Tr::tr("%1 没有生效的人工研判").arg(code);
        return false;
    }
    for (const RiskOverride& o : active)
        if (!d->riskStore.clearOverride(o.id, by.trimmed().isEmpty() ? QStringLiteral("-") : by.trimmed(),
                                        reason.trimmed(), t, std::nullopt, error))
            return false;
    QList<int> grids;
    if (d->nodes[i].level == GridLevel::Grid)
        grids << i;
    return update(grids, RiskChangeCause::Override, t, nullptr, error, reason.trimmed());
}

bool RiskService::setRules(const QByteArray& json, bool dryRun, QList<RiskChange>* changes, QString* error,
                           const QString& by, const QDateTime& now) {
    QString localError;
    if (!error)
        error = &localError;
    const auto rules = RiskRules::parse(json, error);
    if (!rules)
        return false;
    const QDateTime t = resolveNow(now);
    QHash<QString, RiskOverride> active;
    for (const RiskOverride& o : d->riskStore.activeOverrides(t))
        active.insert(o.code, o);
    QList<RiskAssessment> next = d->assessments;
    if (!d->assess(*rules, t, {}, active, next, error))
        return false;
    QList<int> all;
    for (int i = 0; i < d->nodes.size(); ++i)
        all << i;
    const QList<RiskChange> diffs = diff(d->nodes, next, all, RiskChangeCause::Rules, t, {});
    if (changes)
        *changes = diffs;
    if (dryRun)
        return true;
    if (!d->riskStore.saveRules(json, by, t, diffs, error))
        return false;
    m_rules = *rules;
    d->assessments = next;
    for (const RiskChange& c : diffs)
        d->nodes[d->index.value(c.code)].stored = c.to;
    Q_EMIT rulesChanged();
    if (!diffs.isEmpty())
        Q_EMIT bandsChanged(diffs);
    QStringList codes;
    for (const auto& n : std::as_const(d->nodes))
        codes << n.code;
    Q_EMIT assessmentsUpdated(codes);
    return true;
}

namespace {

// Every ticket with its event log, to tell what it looked like at any past moment.
class TicketTimeline {
public:
    bool load(const RiskStore& store, QString* error) {
        QHash<qint64, int> byId;
        const bool ok = store.forEachTicket(
            0, {},
            [&](QByteArrayView grid, const RiskTicketFacts& t) {
                byId.insert(t.id, int(m_tickets.size()));
                m_tickets.push_back({grid.toByteArray(), t, {}});
            },
            error);
        if (!ok)
            return false;
        return store.forEachTicketEvent(
            [&](qint64 id, TicketAction action, qint64 at, TicketState to) {
                const int i = byId.value(id, -1);
                if (i >= 0)
                    m_tickets[size_t(i)].events.push_back({action, at, to});
            },
            error);
    }

    // The tickets created by `t` as they stood at `t`.
    void forEachAt(qint64 t, const std::function<void(QByteArrayView, const RiskTicketFacts&)>& visit) const {
        for (const Entry& e : m_tickets) {
            if (e.now.createdAt > t)
                continue;
            RiskTicketFacts f = e.now;
            f.state = TicketState::Received;
            f.rating = Rating::None;
            f.reopenCount = 0;
            int escalations = 0;
            for (const Event& ev : e.events) {
                if (ev.at > t)
                    break;
                f.state = ev.to;
                if (ev.action == TicketAction::RateSatisfied)
                    f.rating = Rating::Satisfied;
                else if (ev.action == TicketAction::RateUnsatisfied) {
                    f.rating = Rating::Unsatisfied;
                    ++f.reopenCount;
                } else if (ev.action == TicketAction::Escalate)
                    ++escalations;
            }
            f.escalationLevel =
                static_cast<GridLevel>(std::max(1, static_cast<int>(GridLevel::Grid) - escalations));
            visit(e.grid, f);
        }
    }

private:
    struct Event {
        TicketAction action;
        qint64 at;
        TicketState to;
    };
    struct Entry {
        QByteArray grid;
        RiskTicketFacts now;
        std::vector<Event> events;
    };
    std::vector<Entry> m_tickets;
};

} // namespace

bool RiskService::replayHistory(const QList<QDateTime>& steps, QString* error) {
    QString localError;
    if (!error)
        error = &localError;
    const QDateTime end = resolveNow({});
    TicketTimeline timeline;
    if (!timeline.load(d->riskStore, error))
        return false;
    for (const QDateTime& step : steps) {
        if (step >= end)
            break;
        const qint64 t = step.toSecsSinceEpoch();
        d->pastTickets = [&](qint64, const std::function<void(QByteArrayView, const RiskTicketFacts&)>& visit,
                             QString*) {
            timeline.forEachAt(t, visit);
            return true;
        };
        const bool ok = update({}, RiskChangeCause::Data, resolveNow(step), nullptr, error);
        d->pastTickets = nullptr;
        if (!ok)
            return false;
    }
    return true;
}

QList<RiskChange> RiskService::history(const RiskHistoryFilter& filter) const {
    return d->riskStore.history(filter);
}

QHash<QString, RiskLevel> RiskService::bandsAt(const QDateTime& at) const {
    QHash<QString, RiskLevel> bands;
    for (const auto& n : std::as_const(d->nodes))
        bands.insert(n.code, n.stored);
    RiskHistoryFilter f;
    f.from = at.addSecs(1); // changes at `at` itself are already in force at `at`
    // Newest first: undoing each change in turn walks the county back to `at`.
    for (const RiskChange& c : d->riskStore.history(f))
        bands.insert(c.code, c.from);
    return bands;
}

QList<HotSpot> RiskService::hotSpots(GridLevel level, int days, QString* error, const QDateTime& now) {
    QString localError;
    return d->hotSpots(level, days, error ? error : &localError, now);
}

QList<HotSpot> RiskService::Impl::hotSpots(GridLevel level, int days, QString* error, const QDateTime& now) {
    const int l = static_cast<int>(level);
    if (l < 1 || l > static_cast<int>(GridLevel::Grid) || days <= 0) {
        *error = Tr::tr("热点分析的层级或天数无效");
        return {};
    }
    const qint64 end = resolveNow(now).toSecsSinceEpoch();
    const qint64 since = end - qint64(days) * kDay;
    const QList<int>& features = byLevel[l];
    QHash<int, int> position; // node → row
    for (int r = 0; r < features.size(); ++r)
        position.insert(features[r], r);
    QList<double> counts(features.size(), 0.0);
    // A grid's ancestor at `level`: walk up once per grid.
    const QHash<QString, int> perGrid = riskStore.ticketCountsByGrid(since, end, error);
    if (!error->isEmpty())
        return {};
    for (auto it = perGrid.cbegin(); it != perGrid.cend(); ++it) {
        int p = index.value(it.key(), -1);
        while (p >= 0 && nodes[p].level != level)
            p = nodes[p].parent;
        const int r = p >= 0 ? position.value(p, -1) : -1;
        if (r >= 0)
            counts[r] += it.value();
    }
    if (!neighbours.contains(l)) {
        auto pairs = riskStore.adjacency(level);
        if (!pairs) {
            const QList<GridRecord> records = store.grids(level, true);
            QList<QByteArray> wkbs;
            for (const GridRecord& g : records)
                wkbs << g.wkb;
            const auto indexPairs = geo::GridAdjacency::sharedBoundaries(wkbs, error);
            if (!error->isEmpty())
                return {};
            QList<QPair<QString, QString>> codePairs;
            for (const auto& [a, b] : indexPairs)
                codePairs << qMakePair(records[a].code, records[b].code);
            // A read-only county (a background read) keeps its answer without storing it.
            if (!store.isReadOnly() && !riskStore.saveAdjacency(level, codePairs, error))
                return {};
            pairs = codePairs;
        }
        QList<QList<int>> rows(features.size());
        for (const auto& [a, b] : *pairs) {
            const int ra = position.value(index.value(a, -1), -1);
            const int rb = position.value(index.value(b, -1), -1);
            if (ra >= 0 && rb >= 0) {
                rows[ra] << rb;
                rows[rb] << ra;
            }
        }
        neighbours.insert(l, rows);
    }
    const QList<double> z = GetisOrd::giStar(counts, neighbours[l]);
    QList<HotSpot> out;
    out.reserve(features.size());
    for (int r = 0; r < features.size(); ++r)
        out << HotSpot{nodes[features[r]].code, counts[r], z[r], GetisOrd::twoSidedP(z[r]),
                       GetisOrd::bin(z[r])};
    return out;
}

} // namespace gc
