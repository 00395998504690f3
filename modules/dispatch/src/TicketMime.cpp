#include "gc/dispatch/TicketMime.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeData>

namespace gc::dispatch {

QString ticketMimeType() {
    return QStringLiteral("application/x-gridcommand-tickets");
}

QMimeData* encodeTickets(const TicketDragPayload& payload) {
    QJsonArray tickets;
    QStringList ids;
    for (const TicketDragItem& item : payload.items) {
        tickets.append(QJsonObject{{QStringLiteral("id"), item.id},
                                   {QStringLiteral("version"), item.version},
                                   {QStringLiteral("state"), toKey(item.state)},
                                   {QStringLiteral("department"), item.departmentCode}});
        ids << QString::number(item.id);
    }
    auto* data = new QMimeData;
    data->setData(ticketMimeType(), QJsonDocument(QJsonObject{{QStringLiteral("county"), payload.countyCode},
                                                              {QStringLiteral("tickets"), tickets}})
                                        .toJson(QJsonDocument::Compact));
    // Plain text too, so a drop into a chat or an editor gives the ticket numbers.
    data->setText(ids.join(u' '));
    return data;
}

std::optional<TicketDragPayload> decodeTickets(const QMimeData* data) {
    if (!data || !data->hasFormat(ticketMimeType()))
        return std::nullopt;
    const QJsonObject root = QJsonDocument::fromJson(data->data(ticketMimeType())).object();
    TicketDragPayload payload;
    payload.countyCode = root.value(QStringLiteral("county")).toString();
    for (const QJsonValue& v : root.value(QStringLiteral("tickets")).toArray()) {
        const QJsonObject o = v.toObject();
        TicketDragItem item;
        item.id = o.value(QStringLiteral("id")).toInteger();
        item.version = o.value(QStringLiteral("version")).toInt();
        const auto state = ticketStateFromKey(o.value(QStringLiteral("state")).toString());
        if (item.id <= 0 || !state)
            return std::nullopt;
        item.state = *state;
        item.departmentCode = o.value(QStringLiteral("department")).toString();
        payload.items << item;
    }
    if (payload.items.isEmpty())
        return std::nullopt;
    return payload;
}

} // namespace gc::dispatch
