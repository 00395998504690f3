#pragma once

#include "gc/core/GridLevel.h"
#include "gc/core/RiskLevel.h"
#include "gc/core/Ticket.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <functional>
#include <optional>

namespace gc {

class CountyStore;

// The few fields of a ticket the risk engine counts. Times are UTC epoch seconds, 0 when unset.
struct RiskTicketFacts {
    qint64 id = 0;
    qint64 createdAt = 0;
    qint64 deadline = 0;
    QString category;
    // The same number for the same category within one RiskStore::forEachTicket call, counting from
    // 0; -1 when the source does not number them. Lets a consumer look its category up once per
    // category rather than once per ticket.
    int categoryKey = -1;
    TicketState state = TicketState::Received;
    TicketPriority priority = TicketPriority::Normal;
    Rating rating = Rating::None;
    int reopenCount = 0;
    GridLevel escalationLevel = GridLevel::Grid;
};

// 人工研判: a person fixes a grid's band for a while, like a monitoring silence. `end` is
// required; the override lapses by itself at `end`.
struct RiskOverride {
    qint64 id = 0;
    QString code;
    RiskLevel band = RiskLevel::Green;
    QString reason;
    QString by;
    QDateTime start;
    QDateTime end;
    QDateTime clearedAt; // set when a person cleared it before its end
    QString clearedBy;
    QString clearReason;
    QDateTime lapsedAt; // set (to `end`) once the engine has recorded its lapse

    bool activeAt(const QDateTime& t) const {
        return start <= t && t < end && (!clearedAt.isValid() || t < clearedAt);
    }
};

// Why a band changed.
enum class RiskChangeCause {
    Rules,    // the county's rules changed
    Data,     // tickets, check-ins, key persons or places changed
    Override, // a person set or cleared an override
    Expiry,   // an override or a trigger's window ran out
};
QString toKey(RiskChangeCause c); // rules|data|override|expiry
std::optional<RiskChangeCause> riskChangeCauseFromKey(const QString& key);

// One recorded change of a grid's (or parent's) band.
struct RiskChange {
    qint64 id = 0;
    QString code;
    GridLevel level = GridLevel::Grid;
    QDateTime at;
    RiskLevel from = RiskLevel::Green;
    RiskLevel to = RiskLevel::Green;
    double score = 0;
    RiskChangeCause cause = RiskChangeCause::Data;
    QString note; // e.g. the override's reason, or "override #12 ended 2026-11-30T08:00"
};

struct RiskHistoryFilter {
    QString code;   // empty: every grid
    QDateTime from; // inclusive; invalid: no bound
    QDateTime to;   // exclusive; invalid: no bound
    int limit = -1; // newest first when limited
};

// 重点场所: a point in the county (hazard site, school, market …).
struct KeyPlace {
    qint64 id = 0;
    QString name;
    QString type;
    double lon = 0, lat = 0; // EPSG:4490
    QString gridCode;        // the grid that holds the point
};

// 重点人员 as counts by type per grid: no names needed.
struct KeyPersonCount {
    QString gridCode;
    QString type;
    int count = 0;
};

// The risk engine's last full pass over the county: every grid's indicator values (grid order of
// CountyStore::grids(GridLevel::Grid), indicator order of the rules), valid while the county's
// inputs counter stays at `inputsVersion` and the clock is in [computedAt, validUntil).
struct RiskSnapshot {
    qint64 inputsVersion = -1;
    qint64 computedAt = 0; // epoch seconds
    qint64 validUntil = 0; // epoch seconds, exclusive
    int gridCount = 0;
    int indicatorCount = 0;
    QList<double> values; // gridCount × indicatorCount
};

// Persistence of the risk engine (schema version 3): the county's rules, overrides, band history,
// key places and persons, and the grid adjacency cache. All SQL of the risk engine lives here,
// behind this interface, so a PostgreSQL store can answer the same calls.
class RiskStore {
public:
    explicit RiskStore(CountyStore& store) : m_store(store) {}

    // --- Rules ------------------------------------------------------------------------------
    // The county's current rules file; nullopt when the county has none yet (use the default).
    std::optional<QByteArray> rulesJson(QString* error = nullptr) const;
    // Stores a new rules file (the previous ones stay, newest wins) together with the band
    // changes it causes, in one transaction.
    bool saveRules(const QByteArray& json, const QString& by, const QDateTime& at,
                   const QList<RiskChange>& changes, QString* error);

    // --- Facts ------------------------------------------------------------------------------
    // Every ticket that is still open or was created at or after `createdSince` (epoch seconds),
    // of the given grids (empty: all), through a fast reader. `grid` is the ticket's grid code as
    // UTF-8, valid during the call only (a million tickets need no million strings).
    bool forEachTicket(qint64 createdSince, const QStringList& gridCodes,
                       const std::function<void(QByteArrayView grid, const RiskTicketFacts&)>& visit,
                       QString* error) const;
    // Tickets per grid created in [from, to] (epoch seconds), merged and invalid left out: the
    // counts Gi* needs, answered from the (grid, state, created) index alone.
    QHash<QString, int> ticketCountsByGrid(qint64 from, qint64 to, QString* error) const;
    // Every ticket's events in time order (the demo's replay rebuilds past states from them).
    bool forEachTicketEvent(
        const std::function<void(qint64 ticketId, TicketAction action, qint64 at, TicketState to)>& visit,
        QString* error) const;
    // Grid codes of the given tickets.
    QStringList gridsOfTickets(const QList<qint64>& ticketIds) const;
    // Grids assigned to a worker (a check-in touches them).
    QStringList gridsOfWorker(qint64 workerId) const;
    // The last patrol check-in (epoch seconds, not after `notAfter` when > 0) per grid, by any
    // worker assigned to it.
    QHash<QString, qint64> lastCheckins(const QStringList& gridCodes = {}, qint64 notAfter = 0) const;

    QList<KeyPersonCount> keyPersons(const QStringList& gridCodes = {}) const;
    bool replaceKeyPersons(const QList<KeyPersonCount>& counts, QString* error);
    QList<KeyPlace> keyPlaces(const QStringList& gridCodes = {}) const;
    // Appends places (ids assigned); all or nothing.
    bool insertKeyPlaces(QList<KeyPlace>& places, QString* error);

    // --- Bands, overrides, history -------------------------------------------------------------
    // The band every feature of a level shows now (the grid tables' risk_level).
    QHash<QString, RiskLevel> bands(GridLevel level) const;
    // Writes bands and their history in one transaction; `changes` carry the new band. Overrides
    // in `lapsedOverrideIds` are marked lapsed at their end in the same transaction.
    bool applyChanges(const QList<RiskChange>& changes, QString* error,
                      const QList<qint64>& lapsedOverrideIds = {});

    // Stores an override (id assigned) and, when the band moves, the change, in one transaction.
    bool insertOverride(RiskOverride& o, const std::optional<RiskChange>& change, QString* error);
    bool clearOverride(qint64 id, const QString& by, const QString& reason, const QDateTime& at,
                       const std::optional<RiskChange>& change, QString* error);
    // Overrides in force at `now` (not cleared, start <= now < end), of one code or all.
    QList<RiskOverride> activeOverrides(const QDateTime& now, const QString& code = {}) const;
    // Overrides whose end has come (end <= now) that were neither cleared nor recorded as lapsed.
    QList<RiskOverride> overridesToLapse(const QDateTime& now) const;
    // Every override of a code, newest first (for the explanation and the GUI's timeline).
    QList<RiskOverride> overridesOf(const QString& code) const;

    QList<RiskChange> history(const RiskHistoryFilter& filter) const;

    // --- Stored full pass ------------------------------------------------------------------------
    // The counter every write to the engine's inputs moves (tickets, check-ins, assignments, key
    // persons and places, rules, overrides, the grid hierarchy); kept by triggers (schema 4).
    qint64 inputsVersion() const;
    std::optional<RiskSnapshot> snapshot() const;
    bool saveSnapshot(const RiskSnapshot& snapshot, QString* error);

    // --- Adjacency cache ------------------------------------------------------------------------
    // Pairs (a, b) with a < b of features of `level` sharing a boundary of positive length, as
    // stored for the level's current geometry; nullopt when nothing is stored or the geometry
    // changed since (the fingerprint differs).
    std::optional<QList<QPair<QString, QString>>> adjacency(GridLevel level) const;
    bool saveAdjacency(GridLevel level, const QList<QPair<QString, QString>>& pairs, QString* error);

private:
    QString geometryFingerprint(GridLevel level) const;
    CountyStore& m_store;
};

} // namespace gc
