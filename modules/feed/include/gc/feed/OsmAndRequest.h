#pragma once

// What an OsmAnd/Traccar HTTP request says, decoded the way Traccar's own OsmAnd decoder
// reads it (org.traccar.protocol.OsmAndProtocolDecoder): the query string or, when that is
// empty, a form-encoded body (`+` is a space), `id` or `deviceid`, `lat`/`lon` or
// `location=LAT,LON`, `bearing` or `heading`, `accuracy` or `hacc`; or the JSON body Traccar
// Client 9 posts ({"location": {"timestamp", "coords": {…}, …}, "device_id": …}). Pure: no
// I/O, no clock of its own, so the HTTP server and the tests share it.

#include "gc/feed/FeedMessage.h"

#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QString>

namespace gc::feed {

// application/x-www-form-urlencoded: pairs split on `&`, key from value on the first `=`,
// `+` is a space, then %XX escapes, then UTF-8. Empty pairs are skipped.
QList<QPair<QString, QString>> decodeFormUrlEncoded(QByteArrayView text);

struct OsmAndReport {
    enum class Kind {
        Fix,   // a position to store
        NoFix, // accepted, but nothing to store as a position (why in `reason`)
        Bad,   // refused with 400 (why in `reason`)
    };
    Kind kind = Kind::Bad;
    QString token;       // the device token; empty when the request names none
    FeedMessage message; // a position, when kind is Fix
    QString reason;
};

// `target` is the request target ("/?id=…"), `contentType` the Content-Type header's value.
// `now` is UTC epoch seconds (for requests without a time, and the future-time check).
OsmAndReport decodeOsmAndRequest(QByteArrayView target, QByteArrayView contentType, QByteArrayView body,
                                 qint64 now);

} // namespace gc::feed
