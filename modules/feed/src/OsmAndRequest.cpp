// Decodes OsmAnd/Traccar HTTP position requests (query, form body, Traccar Client 9's JSON) into feed
// positions.
#include "gc/feed/OsmAndRequest.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>
#include <climits>
#include <cmath>
#include <optional>

namespace gc::feed {

namespace {

// The translation context of this file's messages, declared where lupdate reads it.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(OsmAndRequest)
};

OsmAndReport bad(QString token, const QString& reason) {
    OsmAndReport r;
    r.kind = OsmAndReport::Kind::Bad;
    r.token = std::move(token);
    r.reason = reason;
    return r;
}

OsmAndReport noFix(QString token, const QString& reason) {
    OsmAndReport r;
    r.kind = OsmAndReport::Kind::NoFix;
    r.token = std::move(token);
    r.reason = reason;
    return r;
}

// A required coordinate or an optional measurement. Phones say "unknown" with a negative
// value (iOS: course and speed -1; Traccar Client 9: heading, speed -1), so for measurements a
// negative number means absent rather than wrong.
enum class Negative { IsError, MeansUnknown };
bool readNumber(const QString& key, const QString& text, double min, double max, Negative negative,
                double* out, QString* error) {
    bool ok = false;
    const double d = text.toDouble(&ok);
    if (ok && std::isfinite(d) && d < 0 && negative == Negative::MeansUnknown)
        return true;
    if (!ok || !std::isfinite(d) || d < min || d > max) {
        *error = Tr::tr("参数 %1 无效或超出范围 [%2, %3]").arg(key).arg(min).arg(max);
        return false;
    }
    *out = d;
    return true;
}

// Traccar's rules: an integer is epoch seconds below 2^31 and milliseconds above; text with a
// `T` is ISO 8601 (with offset); anything else "yyyy-MM-dd HH:mm:ss" (Traccar: the server's
// zone; here UTC, documented). Decimal epoch values are accepted as the WebSocket protocol does.
bool parseTimestamp(const QString& s, qint64* out) {
    constexpr qint64 kYear2000 = 946684800;
    bool isInteger = false;
    const qlonglong n = s.toLongLong(&isInteger);
    if (isInteger) {
        const qint64 seconds = n < INT_MAX ? n : n / 1000;
        if (seconds < kYear2000)
            return false;
        *out = seconds;
        return true;
    }
    bool isNumber = false;
    const double d = s.toDouble(&isNumber);
    if (isNumber)
        return parseFeedTime(QJsonValue(d), out);
    if (s.contains(u'T'))
        return parseFeedTime(QJsonValue(s), out);
    QDateTime t = QDateTime::fromString(s, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (!t.isValid())
        return false;
    t.setTimeZone(QTimeZone::utc());
    *out = t.toSecsSinceEpoch();
    return *out >= kYear2000;
}

// Checks the time and completes a position decoded from either shape.
OsmAndReport finish(QString token, FeedMessage m, qint64 now) {
    if (m.at > now + FeedLimits::kMaxFutureSeconds)
        return bad(std::move(token), Tr::tr("时间超前服务器 %1 秒（上限 300 秒）").arg(m.at - now));
    m.type = FeedMessageType::Position;
    m.hasLocation = true;
    m.live = m.at >= now - FeedLimits::kLiveWindowSeconds;
    OsmAndReport r;
    r.kind = OsmAndReport::Kind::Fix;
    r.token = std::move(token);
    r.message = std::move(m);
    return r;
}

OsmAndReport decodeQuery(const QList<QPair<QString, QString>>& params, qint64 now) {
    // Traccar reads the parameters in order, so a repeated one counts with its last value.
    QString token;
    std::optional<QString> lat, lon, timestamp, speed, course, accuracy, hacc, hdop;
    bool valid = true, badLocation = false;
    for (const auto& [key, value] : params) {
        if (key == QLatin1String("id") || key == QLatin1String("deviceid"))
            token = value;
        else if (key == QLatin1String("valid"))
            valid =
                value.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0 || value == QLatin1String("1");
        else if (key == QLatin1String("timestamp"))
            timestamp = value;
        else if (key == QLatin1String("lat"))
            lat = value;
        else if (key == QLatin1String("lon"))
            lon = value;
        else if (key == QLatin1String("location")) {
            const QStringList parts = value.split(u',');
            badLocation = parts.size() < 2;
            if (!badLocation) {
                lat = parts.at(0);
                lon = parts.at(1);
            }
        } else if (key == QLatin1String("speed"))
            speed = value;
        else if (key == QLatin1String("bearing") || key == QLatin1String("heading"))
            course = value;
        else if (key == QLatin1String("accuracy"))
            accuracy = value;
        else if (key == QLatin1String("hacc"))
            hacc = value;
        else if (key == QLatin1String("hdop"))
            hdop = value;
        // altitude, batt, charge, cell, wifi, driverUniqueId and the like: nothing to store.
    }
    if (token.isEmpty())
        return bad(token, Tr::tr("缺少参数 id 或 deviceid（终端令牌）"));
    if (badLocation)
        return bad(token, Tr::tr("参数 location 应为“纬度,经度”"));
    if (!lat && !lon)
        return noFix(token, Tr::tr("请求中没有坐标（心跳或基站/Wi-Fi 报告），未存为位置"));
    if (!lat || !lon)
        return bad(token, Tr::tr("缺少参数 lat 或 lon"));
    if (!valid)
        return noFix(token, Tr::tr("终端标记为无效定位（valid=false），未存为位置"));

    FeedMessage m;
    QString error;
    double speedKnots = FeedMessage::kNone, hdopValue = FeedMessage::kNone, haccValue = FeedMessage::kNone;
    const auto optional = [&](const char* key, const std::optional<QString>& v, double max, double* out) {
        return !v || readNumber(QLatin1String(key), *v, 0, max, Negative::MeansUnknown, out, &error);
    };
    if (!readNumber(QStringLiteral("lat"), *lat, -90, 90, Negative::IsError, &m.lat, &error) ||
        !readNumber(QStringLiteral("lon"), *lon, -180, 180, Negative::IsError, &m.lon, &error) ||
        !optional("accuracy", accuracy, 100000, &m.accuracy) || !optional("hacc", hacc, 100000, &haccValue) ||
        !optional("hdop", hdop, 1000, &hdopValue) || !optional("speed", speed, 400, &speedKnots) ||
        !optional("bearing", course, 360, &m.heading))
        return bad(token, error);
    m.at = now;
    if (timestamp && !parseTimestamp(*timestamp, &m.at))
        return bad(token, Tr::tr("参数 timestamp 无法解析"));
    if (std::isnan(m.accuracy))
        m.accuracy = haccValue;
    if (std::isnan(m.accuracy) && !std::isnan(hdopValue))
        m.accuracy = hdopValue * FeedUnits::kMetresPerHdop;
    if (!std::isnan(speedKnots))
        m.speed = speedKnots * FeedUnits::kKnotsToMetresPerSecond;
    return finish(token, m, now);
}

// Traccar Client 9 (and the background-geolocation plugin it is built on):
// {"location": {"timestamp": "…Z", "coords": {"latitude", "longitude", "accuracy", "speed" (m/s),
// "heading", "altitude"}, "battery": {…}, "is_moving", "event", "mock", …}, "device_id": "…"}.
OsmAndReport decodeJson(QByteArrayView body, qint64 now) {
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body.toByteArray(), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return bad(
            {}, Tr::tr("JSON 请求体无效：%1")
                    .arg(pe.error != QJsonParseError::NoError ? pe.errorString() : Tr::tr("应为 JSON 对象")));
    const QJsonObject root = doc.object();
    const QString token = root.value(QLatin1String("device_id")).toString();
    if (token.isEmpty())
        return bad(token, Tr::tr("缺少字符串字段 device_id（终端令牌）"));
    const QJsonValue location = root.value(QLatin1String("location"));
    if (!location.isObject())
        return bad(token, Tr::tr("缺少对象字段 location"));
    const QJsonObject l = location.toObject();
    const QJsonValue timestamp = l.value(QLatin1String("timestamp"));
    FeedMessage m;
    if (!timestamp.isString() || !parseFeedTime(timestamp, &m.at))
        return bad(token, Tr::tr("location.timestamp 应为带时区的 ISO 8601 时间"));
    const QJsonValue coords = l.value(QLatin1String("coords"));
    if (coords.isUndefined() || coords.isNull())
        return noFix(token, Tr::tr("请求中没有坐标（心跳或事件），未存为位置"));
    if (!coords.isObject())
        return bad(token, Tr::tr("location.coords 应为对象"));
    if (l.value(QLatin1String("mock")).toBool(false))
        return noFix(token, Tr::tr("模拟定位（mock），不作为位置保存"));
    const QJsonObject c = coords.toObject();
    QString error;
    const auto number = [&](const char* key, bool required, double min, double max, Negative negative,
                            double* out) {
        const QJsonValue v = c.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull()) {
            if (required)
                error = Tr::tr("缺少字段 location.coords.%1").arg(QLatin1String(key));
            return !required;
        }
        if (!v.isDouble()) {
            error = Tr::tr("字段 location.coords.%1 应为数值").arg(QLatin1String(key));
            return false;
        }
        return readNumber(QStringLiteral("location.coords.") + QLatin1String(key),
                          QString::number(v.toDouble(), 'g', 17), min, max, negative, out, &error);
    };
    if (!number("latitude", true, -90, 90, Negative::IsError, &m.lat) ||
        !number("longitude", true, -180, 180, Negative::IsError, &m.lon) ||
        !number("accuracy", false, 0, 100000, Negative::MeansUnknown, &m.accuracy) ||
        !number("speed", false, 0, 200, Negative::MeansUnknown, &m.speed) ||
        !number("heading", false, 0, 360, Negative::MeansUnknown, &m.heading))
        return bad(token, error);
    return finish(token, m, now);
}

} // namespace

QList<QPair<QString, QString>> decodeFormUrlEncoded(QByteArrayView text) {
    const auto decode = [](QByteArrayView part) {
        QByteArray bytes = part.toByteArray();
        bytes.replace('+', ' '); // before the %XX escapes: an escaped %2B stays a plus
        return QString::fromUtf8(QByteArray::fromPercentEncoding(bytes));
    };
    QList<QPair<QString, QString>> pairs;
    qsizetype start = 0;
    while (start <= text.size()) {
        qsizetype end = text.indexOf('&', start);
        if (end < 0)
            end = text.size();
        const QByteArrayView pair = text.sliced(start, end - start);
        if (!pair.isEmpty()) {
            const qsizetype eq = pair.indexOf('=');
            if (eq < 0)
                pairs.append({decode(pair), QString()});
            else
                pairs.append({decode(pair.first(eq)), decode(pair.sliced(eq + 1))});
        }
        start = end + 1;
    }
    return pairs;
}

OsmAndReport decodeOsmAndRequest(QByteArrayView target, QByteArrayView contentType, QByteArrayView body,
                                 qint64 now) {
    if (QByteArrayView(contentType).trimmed().toByteArray().toLower().startsWith("application/json"))
        return decodeJson(body, now);
    // The query string (up to a #fragment); Traccar reads the body only when it has none.
    QByteArrayView query;
    if (const qsizetype q = target.indexOf('?'); q >= 0) {
        query = target.sliced(q + 1);
        if (const qsizetype hash = query.indexOf('#'); hash >= 0)
            query = query.first(hash);
    }
    QList<QPair<QString, QString>> params = decodeFormUrlEncoded(query);
    if (params.isEmpty())
        params = decodeFormUrlEncoded(body);
    return decodeQuery(params, now);
}

} // namespace gc::feed
