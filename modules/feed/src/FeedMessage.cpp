#include "gc/feed/FeedMessage.h"

#include "gc/core/CategoryTable.h"
#include "gc/core/Ticket.h"
#include "gc/geo/ChinaCoordinates.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>
#include <cmath>
#include <optional>

namespace gc::feed {

namespace {

// The translation context of this file's messages, declared where lupdate reads it.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(FeedMessage)
};

constexpr int kMaxClientIdChars = 128;

// The client's message id as echoed: a string of at most 128 characters or an integer;
// undefined when it is neither.
QJsonValue clientIdOf(const QJsonValue& id) {
    if (id.isString() && id.toString().size() <= kMaxClientIdChars)
        return id;
    if (id.isDouble() && std::isfinite(id.toDouble()) && std::floor(id.toDouble()) == id.toDouble() &&
        std::abs(id.toDouble()) < 9e15)
        return id;
    return QJsonValue(QJsonValue::Undefined);
}

// Accumulates the first error; the field helpers return false once one is set.
struct Checker {
    const QJsonObject& o;
    ParseResult& r;

    bool fail(FeedError e, const QString& reason) {
        if (r.error == FeedError::None) {
            r.error = e;
            r.reason = reason;
        }
        return false;
    }
    bool number(const char* key, bool required, double min, double max, double* out) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull()) {
            if (required)
                return fail(FeedError::MissingField, Tr::tr("缺少字段 %1").arg(QLatin1String(key)));
            return true;
        }
        if (!v.isDouble())
            return fail(FeedError::WrongType, Tr::tr("字段 %1 应为数值").arg(QLatin1String(key)));
        const double d = v.toDouble();
        if (!std::isfinite(d) || d < min || d > max)
            return fail(FeedError::OutOfRange,
                        Tr::tr("字段 %1 超出范围 [%2, %3]").arg(QLatin1String(key)).arg(min).arg(max));
        *out = d;
        return true;
    }
    bool string(const char* key, bool required, int maxChars, QString* out) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull()) {
            if (required)
                return fail(FeedError::MissingField, Tr::tr("缺少字段 %1").arg(QLatin1String(key)));
            return true;
        }
        if (!v.isString())
            return fail(FeedError::WrongType, Tr::tr("字段 %1 应为字符串").arg(QLatin1String(key)));
        const QString s = v.toString();
        if (s.size() > maxChars)
            return fail(FeedError::OutOfRange,
                        Tr::tr("字段 %1 超过 %2 个字符").arg(QLatin1String(key)).arg(maxChars));
        *out = s;
        return true;
    }
    bool time(bool required, qint64 now, qint64* out) {
        const QJsonValue v = o.value(QLatin1String("time"));
        if (v.isUndefined() || v.isNull()) {
            if (required)
                return fail(FeedError::MissingField, Tr::tr("缺少字段 time"));
            *out = now;
            return true;
        }
        if (!v.isString() && !v.isDouble())
            return fail(FeedError::WrongType, Tr::tr("字段 time 应为 ISO 8601 字符串或纪元秒"));
        qint64 t = 0;
        if (!parseFeedTime(v, &t))
            return fail(FeedError::OutOfRange, Tr::tr("字段 time 无法解析或早于 2000 年"));
        if (t > now + FeedLimits::kMaxFutureSeconds)
            return fail(FeedError::FutureTime,
                        Tr::tr("时间超前服务器 %1 秒（上限 300 秒），请校准终端时钟").arg(t - now));
        *out = t;
        return true;
    }
    // lon/lat (+ crs); converts GCJ-02 to WGS-84.
    bool location(bool required, FeedMessage& m) {
        const bool present = o.contains(QLatin1String("lon")) || o.contains(QLatin1String("lat"));
        if (!present && !required)
            return true;
        double lon = 0, lat = 0;
        if (!number("lon", true, -180, 180, &lon) || !number("lat", true, -90, 90, &lat))
            return false;
        QString crs = QStringLiteral("WGS84");
        if (!string("crs", false, 16, &crs))
            return false;
        const QString c = crs.toUpper().remove(u'-');
        if (c == QLatin1String("GCJ02")) {
            const QPointF p = geo::gcj02ToWgs84(lon, lat);
            lon = p.x();
            lat = p.y();
            m.convertedFromGcj02 = true;
        } else if (c != QLatin1String("WGS84") && c != QLatin1String("CGCS2000")) {
            return fail(FeedError::OutOfRange,
                        Tr::tr("不支持的坐标系 %1（可用 WGS84、GCJ02、CGCS2000）").arg(crs));
        }
        m.lon = lon;
        m.lat = lat;
        m.hasLocation = true;
        return true;
    }
    bool ticket(FeedMessage& m) {
        const QJsonValue v = o.value(QLatin1String("ticket"));
        if (v.isUndefined() || v.isNull())
            return fail(FeedError::MissingField, Tr::tr("缺少字段 ticket"));
        if (!v.isDouble())
            return fail(FeedError::WrongType, Tr::tr("字段 ticket 应为整数"));
        const double d = v.toDouble();
        if (!std::isfinite(d) || d < 1 || d > 9e15 || std::floor(d) != d)
            return fail(FeedError::OutOfRange, Tr::tr("字段 ticket 应为正整数"));
        m.ticketId = qint64(d);
        return true;
    }
};

// RFC 8259 §7: control characters (U+0000–U+001F) inside a string must be escaped. Qt's
// parser lets raw ones through, so the bytes are checked here; returns the offset of the
// first raw one, or -1.
qsizetype rawControlCharacterInString(QByteArrayView json) {
    bool inString = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const uchar c = uchar(json[i]);
        if (!inString) {
            inString = c == '"';
        } else if (c == '\\') {
            if (i + 1 < json.size() && uchar(json[i + 1]) < 0x20)
                return i + 1;
            ++i; // the escaped character cannot end the string
        } else if (c == '"') {
            inString = false;
        } else if (c < 0x20) {
            return i;
        }
    }
    return -1;
}

// A number that is valid JSON but beyond a double (1e400, 1e-400) is refused by Qt as an
// "illegal number" at the token's end. A message otherwise well-formed is then out of range,
// and its id is still read (every such number replaced by 0) so the reply can echo it.
struct NumberBeyondDouble {
    QString token, key; // the first such number; key: the member it belongs to, when it is one
    QJsonObject object; // the message with every such number read as 0
};
std::optional<NumberBeyondDouble> numberBeyondDouble(QByteArray json, const QJsonParseError& first) {
    static const QRegularExpression jsonNumber(
        QStringLiteral(R"(^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$)"));
    const auto isNumberChar = [](char c) {
        return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
    };
    std::optional<NumberBeyondDouble> found;
    QJsonParseError pe = first;
    for (int round = 0; round < 16 && pe.error == QJsonParseError::IllegalNumber; ++round) {
        const qsizetype end = std::min<qsizetype>(pe.offset, json.size());
        qsizetype begin = end;
        while (begin > 0 && isNumberChar(json[begin - 1]))
            --begin;
        const QString token = QString::fromLatin1(json.mid(begin, end - begin));
        if (!jsonNumber.match(token).hasMatch())
            return std::nullopt; // really malformed: bad_json
        if (!found) {
            found = NumberBeyondDouble{token, {}, {}};
            qsizetype i = begin;
            while (i > 0 && QChar::isSpace(uchar(json[i - 1])))
                --i;
            if (i > 0 && json[i - 1] == ':') {
                --i;
                while (i > 0 && QChar::isSpace(uchar(json[i - 1])))
                    --i;
                if (i > 1 && json[i - 1] == '"') {
                    const qsizetype close = i - 1;
                    const qsizetype open = json.lastIndexOf('"', close - 1);
                    if (open >= 0)
                        found->key = QString::fromUtf8(json.mid(open + 1, close - open - 1)).left(64);
                }
            }
        }
        json.replace(begin, end - begin, "0");
        const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
        if (pe.error == QJsonParseError::NoError) {
            if (!doc.isObject())
                return std::nullopt;
            found->object = doc.object();
            return found;
        }
    }
    return std::nullopt; // malformed elsewhere too: bad_json
}

} // namespace

QString errorKey(FeedError e) {
    switch (e) {
    case FeedError::None:
        return QStringLiteral("ok");
    case FeedError::BadJson:
        return QStringLiteral("bad_json");
    case FeedError::UnknownType:
        return QStringLiteral("unknown_type");
    case FeedError::MissingField:
        return QStringLiteral("missing_field");
    case FeedError::WrongType:
        return QStringLiteral("wrong_type");
    case FeedError::OutOfRange:
        return QStringLiteral("out_of_range");
    case FeedError::FutureTime:
        return QStringLiteral("future_time");
    case FeedError::TooLarge:
        return QStringLiteral("too_large");
    case FeedError::RateLimited:
        return QStringLiteral("rate_limited");
    case FeedError::Refused:
        return QStringLiteral("refused");
    case FeedError::StoreFailed:
        return QStringLiteral("store_failed");
    case FeedError::UnknownDevice:
        return QStringLiteral("unknown_device");
    }
    return QStringLiteral("unknown");
}

QList<FeedError> allFeedErrors() {
    return {FeedError::BadJson,    FeedError::UnknownType, FeedError::MissingField, FeedError::WrongType,
            FeedError::OutOfRange, FeedError::FutureTime,  FeedError::TooLarge,     FeedError::RateLimited,
            FeedError::Refused,    FeedError::StoreFailed, FeedError::UnknownDevice};
}

QString toKey(FeedMessageType t) {
    switch (t) {
    case FeedMessageType::Position:
        return QStringLiteral("position");
    case FeedMessageType::Checkin:
        return QStringLiteral("checkin");
    case FeedMessageType::TicketReport:
        return QStringLiteral("ticket.report");
    case FeedMessageType::TicketFeedback:
        return QStringLiteral("ticket.feedback");
    case FeedMessageType::TicketRating:
        return QStringLiteral("ticket.rating");
    }
    return {};
}

bool parseFeedTime(const QJsonValue& v, qint64* epochSeconds) {
    constexpr qint64 kYear2000 = 946684800;
    qint64 t = 0;
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (!std::isfinite(d) || d < 0 || d > 1e15)
            return false;
        t = d > 1e11 ? qint64(d / 1000) : qint64(d);
    } else if (v.isString()) {
        const QString s = v.toString();
        if (s.size() > 40)
            return false;
        const QDateTime dt = QDateTime::fromString(s, Qt::ISODateWithMs);
        // A time without offset is ambiguous (phone local time or UTC?): refused.
        if (!dt.isValid() || dt.timeSpec() == Qt::LocalTime)
            return false;
        t = dt.toSecsSinceEpoch();
    } else {
        return false;
    }
    if (t < kYear2000)
        return false;
    *epochSeconds = t;
    return true;
}

ParseResult parseFeedMessage(QByteArrayView utf8, qint64 now) {
    ParseResult r;
    if (utf8.size() > FeedLimits::kMaxMessageBytes) {
        r.error = FeedError::TooLarge;
        r.reason = Tr::tr("消息 %1 字节，超过 64 KB 上限").arg(utf8.size());
        return r;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(utf8.toByteArray(), &pe);
    if (pe.error == QJsonParseError::IllegalNumber) {
        if (const auto beyond = numberBeyondDouble(utf8.toByteArray(), pe)) {
            r.error = FeedError::OutOfRange;
            r.reason =
                beyond->key.isEmpty()
                    ? Tr::tr("数值 %1 超出可表示的范围").arg(beyond->token.left(64))
                    : Tr::tr("字段 %1 的数值 %2 超出可表示的范围").arg(beyond->key, beyond->token.left(64));
            r.message.clientId = clientIdOf(beyond->object.value(QLatin1String("id")));
            return r;
        }
    }
    if (pe.error == QJsonParseError::NoError) {
        if (const qsizetype at = rawControlCharacterInString(utf8); at >= 0) {
            r.error = FeedError::BadJson;
            r.reason = Tr::tr("JSON 无效（第 %1 字节）：字符串中有未转义的控制字符 U+%2")
                           .arg(at)
                           .arg(uchar(utf8[at]), 4, 16, QLatin1Char('0'));
            return r;
        }
    }
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        r.error = FeedError::BadJson;
        r.reason = pe.error != QJsonParseError::NoError
                       ? Tr::tr("JSON 无效（第 %1 字节）：%2").arg(pe.offset).arg(pe.errorString())
                       : Tr::tr("消息应为 JSON 对象");
        return r;
    }
    const QJsonObject o = doc.object();
    Checker c{o, r};
    FeedMessage& m = r.message;
    const QJsonValue id = o.value(QLatin1String("id"));
    m.clientId = clientIdOf(id);
    if (m.clientId.isUndefined() && !id.isUndefined() && !id.isNull()) {
        // A string or a number of the wrong size is out of range; anything else the wrong type.
        c.fail(id.isString() || id.isDouble() ? FeedError::OutOfRange : FeedError::WrongType,
               Tr::tr("字段 id 应为不超过 %1 字符的字符串或整数").arg(kMaxClientIdChars));
        return r;
    }
    const QJsonValue type = o.value(QLatin1String("type"));
    if (!type.isString()) {
        c.fail(FeedError::UnknownType,
               type.isUndefined() ? Tr::tr("缺少字段 type") : Tr::tr("字段 type 应为字符串"));
        return r;
    }
    const QString t = type.toString();
    if (t == QLatin1String("position")) {
        m.type = FeedMessageType::Position;
        if (!c.location(true, m) || !c.time(true, now, &m.at) ||
            !c.number("accuracy", false, 0, 100000, &m.accuracy) ||
            !c.number("speed", false, 0, 200, &m.speed) || !c.number("heading", false, 0, 360, &m.heading))
            return r;
        m.live = m.at >= now - FeedLimits::kLiveWindowSeconds;
    } else if (t == QLatin1String("checkin")) {
        m.type = FeedMessageType::Checkin;
        if (!c.location(false, m) || !c.time(false, now, &m.at) ||
            !c.string("note", false, FeedLimits::kMaxTextChars, &m.text))
            return r;
    } else if (t == QLatin1String("ticket.report")) {
        m.type = FeedMessageType::TicketReport;
        m.source = QStringLiteral("patrol");
        m.priority = QStringLiteral("normal");
        if (!c.string("category", true, 32, &m.category) ||
            !c.string("text", true, FeedLimits::kMaxTextChars, &m.text) || !c.location(true, m) ||
            !c.time(false, now, &m.at) || !c.string("source", false, 32, &m.source) ||
            !c.string("priority", false, 16, &m.priority) || !c.string("address", false, 200, &m.address))
            return r;
        if (!CategoryTable::builtIn().contains(m.category)) {
            c.fail(FeedError::OutOfRange, Tr::tr("未知的事件类别 %1").arg(m.category));
            return r;
        }
        if (!ticketSourceFromKey(m.source)) {
            c.fail(FeedError::OutOfRange, Tr::tr("未知的来源 %1").arg(m.source));
            return r;
        }
        if (!ticketPriorityFromKey(m.priority)) {
            c.fail(FeedError::OutOfRange, Tr::tr("未知的优先级 %1").arg(m.priority));
            return r;
        }
        if (m.text.trimmed().isEmpty()) {
            c.fail(FeedError::OutOfRange, Tr::tr("字段 text 不能为空"));
            return r;
        }
        const QJsonValue photos = o.value(QLatin1String("photos"));
        if (!photos.isUndefined() && !photos.isNull()) {
            if (!photos.isArray()) {
                c.fail(FeedError::WrongType, Tr::tr("字段 photos 应为字符串数组"));
                return r;
            }
            const QJsonArray a = photos.toArray();
            if (a.size() > FeedLimits::kMaxPhotos) {
                c.fail(FeedError::OutOfRange, Tr::tr("照片最多 %1 张").arg(FeedLimits::kMaxPhotos));
                return r;
            }
            for (const QJsonValue& p : a) {
                if (!p.isString()) {
                    c.fail(FeedError::WrongType, Tr::tr("photos 中每项应为字符串（http(s) 网址）"));
                    return r;
                }
                const QString url = p.toString();
                if (url.size() > 1000 || !(url.startsWith(QLatin1String("https://")) ||
                                           url.startsWith(QLatin1String("http://")))) {
                    c.fail(FeedError::OutOfRange, Tr::tr("photos 中每项应为不超过 1000 字符的 http(s) 网址"));
                    return r;
                }
                m.photos << url;
            }
        }
    } else if (t == QLatin1String("ticket.feedback")) {
        m.type = FeedMessageType::TicketFeedback;
        m.action = QStringLiteral("resolve");
        if (!c.ticket(m) || !c.string("note", true, FeedLimits::kMaxTextChars, &m.text) ||
            !c.string("action", false, 16, &m.action) || !c.time(false, now, &m.at))
            return r;
        if (m.action != QLatin1String("start") && m.action != QLatin1String("resolve") &&
            m.action != QLatin1String("self_resolve")) {
            c.fail(FeedError::OutOfRange, Tr::tr("action 应为 start、resolve 或 self_resolve"));
            return r;
        }
    } else if (t == QLatin1String("ticket.rating")) {
        m.type = FeedMessageType::TicketRating;
        const QJsonValue s = o.value(QLatin1String("satisfied"));
        if (!c.ticket(m))
            return r;
        if (s.isUndefined() || s.isNull()) {
            c.fail(FeedError::MissingField, Tr::tr("缺少字段 satisfied"));
            return r;
        }
        if (!s.isBool()) {
            c.fail(FeedError::WrongType, Tr::tr("字段 satisfied 应为 true 或 false"));
            return r;
        }
        m.satisfied = s.toBool();
        if (!c.string("note", false, FeedLimits::kMaxTextChars, &m.text) || !c.time(false, now, &m.at))
            return r;
    } else {
        c.fail(FeedError::UnknownType, Tr::tr("未知的消息类型 %1").arg(t.left(64)));
    }
    return r;
}

} // namespace gc::feed
