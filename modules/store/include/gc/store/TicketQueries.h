#pragma once

#include "gc/core/Ticket.h"

#include <QHash>
#include <QList>
#include <optional>

namespace gc {

class CountyStore;

// The few fields a ticket queue, a department's load and a map marker need, kept
// compact so 100,000 of them load once and filter/sort in memory. Times are UTC epoch
// seconds, 0 when not set; strings are interned (shared) across rows.
struct TicketRow {
    qint64 id = 0;
    qint64 createdAt = 0;
    qint64 deadline = 0;
    qint64 resolvedAt = 0;
    qint64 closedAt = 0;
    double lon = 0, lat = 0;
    QString category, gridCode, departmentCode, title, lastReturnReason;
    TicketState state = TicketState::Received;
    TicketSource source = TicketSource::Other;
    TicketPriority priority = TicketPriority::Normal;
    Rating rating = Rating::None;
    GridLevel escalationLevel = GridLevel::Grid;
    qint16 reopenCount = 0;
    qint16 urgeCount = 0;
    int version = 0;

    bool isOpen() const { return gc::isOpen(state); }
    bool isOverdue(qint64 now) const { return isOpen() && deadline > 0 && now > deadline; }
    static TicketRow of(const Ticket& t);
};

// A department's load (办件量): open tickets, overdue ones, and the on-time rate of
// the ones it resolved (resolved or closed, with a deadline, resolved by it). One
// definition, tallied in memory so the GUI can update it per ticket and gridctl
// reports the same numbers.
struct DepartmentLoad {
    int open = 0;
    int overdue = 0;
    int resolved = 0; // resolved or closed, with a deadline
    int onTime = 0;

    // -1 when nothing was resolved yet ("no data", never 0 % or 100 %).
    double onTimeRate() const { return resolved > 0 ? double(onTime) / resolved : -1; }
    // Adds (sign 1) or removes (sign -1) one ticket's contribution.
    void tally(const TicketRow& row, qint64 now, int sign = 1);
    DepartmentLoad& operator+=(const DepartmentLoad& o);
};

// Fast read-only queries for the dispatch workbench, in one SQL pass each.
class TicketQueries {
public:
    static QList<TicketRow> rows(const CountyStore& store, QString* error = nullptr);
    static std::optional<TicketRow> row(const CountyStore& store, qint64 id);
    // Per department code, tallied over `rows` at `now` (epoch seconds).
    static QHash<QString, DepartmentLoad> departmentLoads(const QList<TicketRow>& rows, qint64 now);
    // Open tickets of the same category as `ticket`, created within `days` of it and
    // within `radiusM` metres: candidates for 并单. Nearest first.
    static QList<Ticket> duplicateCandidates(const CountyStore& store, const Ticket& ticket,
                                             double radiusM = 200, int days = 7);
    // How often each category went to each department (dispatch and reassign
    // events since `since`, epoch seconds): category → department → count.
    static QHash<QString, QHash<QString, int>> routingHistory(const CountyStore& store, qint64 since);
    // The newest event id (0 when none): a bookmark for ticketsChangedSince.
    static qint64 lastEventId(const CountyStore& store);
    // Tickets with events after *lastEventId (new tickets and every action, by anyone);
    // advances the bookmark.
    static QList<qint64> ticketsChangedSince(const CountyStore& store, qint64* lastEventId);
    // Great-circle distance in metres (spherical; good to a few metres at 200 m).
    static double distanceM(double lon1, double lat1, double lon2, double lat2);
};

} // namespace gc
