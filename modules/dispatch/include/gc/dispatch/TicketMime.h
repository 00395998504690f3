#pragma once

#include "gc/core/Ticket.h"

#include <QList>
#include <QString>
#include <optional>

class QMimeData;

namespace gc::dispatch {

// What a dragged ticket carries: enough for a drop target to refuse it while dragging
// (state, department, county) and for the drop to fail cleanly if it went stale (version).
struct TicketDragItem {
    qint64 id = 0;
    int version = 0;
    TicketState state = TicketState::Received;
    QString departmentCode;
};

struct TicketDragPayload {
    QString countyCode; // the county file the tickets come from
    QList<TicketDragItem> items;
};

// "application/x-gridcommand-tickets": JSON {"county": "...", "tickets": [{"id", "version",
// "state", "department"}]}. The map's ticket markers use the same format, so a marker
// dropped on a department dispatches exactly like a queue row.
QString ticketMimeType();
QMimeData* encodeTickets(const TicketDragPayload& payload);
std::optional<TicketDragPayload> decodeTickets(const QMimeData* data);

} // namespace gc::dispatch
