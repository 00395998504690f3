#pragma once

#include "gc/risk/HotSpots.h"
#include "gc/risk/RiskAssessment.h"
#include "gc/risk/RiskRules.h"
#include "gc/store/RiskStore.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QVector>
#include <memory>

namespace gc {

class CountyStore;

// An override as a person asks for it; checked by RiskService::setOverride.
struct RiskOverrideRequest {
    QString code;
    RiskLevel band = RiskLevel::Green;
    QString reason; // required
    QString by;     // who; required (the CLI defaults to the OS user)
    QDateTime end;  // required, after `now`
};

// The risk engine of one county: rules, assessments of every grid and parent, overrides,
// history and hot spots, kept in memory and written to the county's grid tables (risk_level,
// what the map reads) and history. One service per CountyStore, on that store's thread; the
// GUI and gridctl use the same calls.
//
//   RiskService risk(store);
//   if (!risk.load(&error)) …          // rules + a full recompute, changes written as "data"
//   risk.assessment(code)->band;       // what the map shows
//   risk.updateForTickets({id});       // after a ticket event: only its grid and parents
class RiskService : public QObject {
    Q_OBJECT
public:
    explicit RiskService(CountyStore& store, QObject* parent = nullptr);
    ~RiskService() override;

    // Reads the county's rules (the built-in default when it has none), then recomputes the
    // whole county at `now` and writes the band changes (cause data/expiry) to the store.
    bool load(QString* error, const QDateTime& now = {});

    // load() in two halves, so that a window stays responsive on a large county: prepare() reads
    // the rules and hierarchy and makes the full pass (seconds at 90,000 grids) on any thread, with
    // a store of that thread (read-only is enough); adopt() then takes it over on this service's
    // thread, stores the pass and writes the band changes as load() would.
    struct Prepared;
    static std::shared_ptr<Prepared> prepare(CountyStore& store, QString* error, const QDateTime& now = {});
    bool adopt(const std::shared_ptr<Prepared>& prepared, QString* error);
    const RiskRules& rules() const { return m_rules; }
    // Loaded (load() or adopt() succeeded): assessments, updates and overrides are available.
    bool isLoaded() const;

    // --- Assessments ------------------------------------------------------------------------
    // Every feature of a level, in the store's order.
    QList<RiskAssessment> assessments(GridLevel level) const;
    std::optional<RiskAssessment> assessment(const QString& code) const;
    // The sentence for the hover text and `gridctl risk explain` ("" for an unknown code).
    QString explain(const QString& code) const;
    // Grids per band at a level (legend counts).
    QHash<RiskLevel, int> bandCounts(GridLevel level) const;

    // --- Updates -----------------------------------------------------------------------------
    // Full recompute at `now` (default: the clock); band changes are written and signalled.
    bool recomputeAll(QString* error, const QDateTime& now = {});
    // Whether a full pass may reuse the county's stored pass (default true; the benchmark turns it
    // off to time reading the facts).
    void setStoredPassUsed(bool used);
    // Incremental: only these grids and their parents (≤ 20 ms for one grid).
    bool updateGrids(const QStringList& gridCodes, QString* error, const QDateTime& now = {});
    // After ticket events (new tickets, any action): the tickets' grids.
    bool updateForTickets(const QList<qint64>& ticketIds, QString* error, const QDateTime& now = {});
    // After a patrol check-in: the worker's grids.
    bool updateForWorker(qint64 workerId, QString* error, const QDateTime& now = {});
    // Lapses overrides whose end has passed (history cause "expiry" at their end).
    bool lapseExpired(QString* error, const QDateTime& now = {});

    // --- Overrides (人工研判) -------------------------------------------------------------------
    // Refused with one line (nothing written): unknown code, no reason, no `by`, no end, an end
    // not after `now`.
    bool setOverride(const RiskOverrideRequest& request, QString* error, const QDateTime& now = {});
    bool clearOverride(const QString& code, const QString& reason, const QString& by, QString* error,
                       const QDateTime& now = {});

    // --- Rules -------------------------------------------------------------------------------
    // Checks `json`; if valid, lists the grids (and parents) whose band would change. With
    // `dryRun` nothing is written; otherwise the rules are stored with those changes (cause rules).
    // A bad file is refused with one line and the county keeps its rules.
    bool setRules(const QByteArray& json, bool dryRun, QList<RiskChange>* changes, QString* error,
                  const QString& by = {}, const QDateTime& now = {});

    // --- History and replay ------------------------------------------------------------------
    // Runs the engine at each of `steps` (ascending, none in the future) with the tickets as they
    // stood then (states, ratings, reopens and escalations rebuilt from the event log) and writes
    // the band changes at those times (cause data). A new county's history and the 90-day replay so
    // come from the engine itself. The assessments are left as of the last step: call recomputeAll()
    // afterwards for the present.
    bool replayHistory(const QList<QDateTime>& steps, QString* error);

    QList<RiskChange> history(const RiskHistoryFilter& filter) const;
    // Every feature's band at `at`, rebuilt from the current bands and the history after `at`
    // (for the 90-day replay slider).
    QHash<QString, RiskLevel> bandsAt(const QDateTime& at) const;

    // --- Hot spots -----------------------------------------------------------------------------
    // Gi* of tickets created in the last `days` (merged/invalid excluded) per feature of `level`;
    // adjacency comes from the store's cache or is computed with GEOS once and stored.
    QList<HotSpot> hotSpots(GridLevel level, int days, QString* error, const QDateTime& now = {});

    // hotSpots() of several levels without a service, for a background read: on a read-only store
    // an adjacency not yet cached is computed and not stored.
    static QHash<GridLevel, QList<HotSpot>> hotSpotsOf(CountyStore& store, const QList<GridLevel>& levels,
                                                       int days, QString* error, const QDateTime& now = {});

    // The store's clock unless told otherwise (tests and the demo's replay set it).
    static QDateTime resolveNow(const QDateTime& now);

Q_SIGNALS:
    // Bands that changed (any level), in the order they were written.
    void bandsChanged(const QList<gc::RiskChange>& changes);
    // Assessments recomputed (scores or reasons may have changed even when the band did not).
    void assessmentsUpdated(const QStringList& codes);
    void rulesChanged();

public:
    struct Impl; // opaque; public only so the implementation's helpers can name it

private:
    // The one path every update takes: lapse what ended, assess `grids` (all when empty) and their
    // parents, write the band changes with `cause`, signal.
    bool update(const QList<int>& grids, RiskChangeCause cause, const QDateTime& now,
                QList<RiskChange>* written, QString* error, const QString& note = {});

    std::unique_ptr<Impl> d;
    RiskRules m_rules;
};

} // namespace gc

Q_DECLARE_METATYPE(gc::RiskChange)
