#pragma once

// The feed's JSON messages (docs/feed-protocol.md) and their strict parser. The parser is
// pure (no I/O, no clock of its own), so it is fuzzed and unit-tested in isolation.

#include <QByteArrayView>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <limits>

namespace gc::feed {

enum class FeedMessageType { Position, Checkin, TicketReport, TicketFeedback, TicketRating };

// Every refusal has a stable code (the protocol's "code") and a reason in words.
enum class FeedError {
    None,
    BadJson,      // not UTF-8 JSON, or not an object
    UnknownType,  // "type" missing or not one of the message types
    MissingField, // a required field is absent
    WrongType,    // a field has the wrong JSON type
    OutOfRange,   // NaN/infinite/out-of-range number, over-long text, bad category
    FutureTime,   // more than 5 minutes ahead of the server clock
    TooLarge,     // message over 64 KB
    RateLimited,  // the device sends faster than allowed; resend later
    Refused,      // the store refused it (ticket not found, workflow forbids)
    StoreFailed,  // the write failed; nothing was stored; resend later
    UnknownDevice,
};
QString errorKey(FeedError e);
QList<FeedError> allFeedErrors();

QString toKey(FeedMessageType t);

struct FeedMessage {
    static constexpr double kNone = std::numeric_limits<double>::quiet_NaN();

    FeedMessageType type = FeedMessageType::Position;
    QJsonValue clientId; // echoed in the reply: string, integer or null
    qint64 at = 0;       // UTC epoch seconds
    bool live = true;    // false for positions older than the live window (24 h)
    bool hasLocation = false;
    double lon = 0, lat = 0; // WGS-84/CGCS2000 after conversion
    bool convertedFromGcj02 = false;
    double accuracy = kNone, speed = kNone, heading = kNone;
    QString text;     // checkin note, ticket text, feedback or rating note
    QString category; // ticket.report
    QString source;   // ticket.report: TicketSource key
    QString priority; // ticket.report: TicketPriority key
    QString address;
    QStringList photos;
    qint64 ticketId = 0;    // feedback, rating
    QString action;         // feedback: start, resolve, self_resolve
    bool satisfied = false; // rating
};

struct ParseResult {
    FeedError error = FeedError::None;
    QString reason;
    FeedMessage message; // message.clientId is set whenever the id could be read

    bool ok() const { return error == FeedError::None; }
};

struct FeedLimits {
    static constexpr qsizetype kMaxMessageBytes = 64 * 1024;
    static constexpr qint64 kMaxFutureSeconds = 5 * 60;
    static constexpr qint64 kLiveWindowSeconds = 24 * 3600;
    static constexpr int kMaxTextChars = 2000;
    static constexpr int kMaxPhotos = 9;
};

// Units of the device protocols (OsmAnd, NMEA 0183).
struct FeedUnits {
    static constexpr double kKnotsToMetresPerSecond = 0.514444;
    // A receiver's horizontal accuracy is about its HDOP times its ~5 m range error.
    static constexpr double kMetresPerHdop = 5.0;
};

// Validates one message strictly: types, ranges, finite numbers, timestamps; converts
// GCJ-02 coordinates to WGS-84. `now` is UTC epoch seconds.
ParseResult parseFeedMessage(QByteArrayView utf8, qint64 now);

// Parses a time given as ISO 8601 with offset ("2026-11-23T13:00:00Z") or epoch seconds
// (epoch milliseconds when > 1e11). Returns false when it is neither.
bool parseFeedTime(const QJsonValue& v, qint64* epochSeconds);

} // namespace gc::feed
