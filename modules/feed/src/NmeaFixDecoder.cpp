// Decodes NMEA 0183 sentences into per-epoch fixes, dropping void, estimated and simulated ones.
#include "gc/feed/NmeaFixDecoder.h"

#include "gc/feed/FeedMessage.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QTimeZone>
#include <cmath>

namespace gc::feed {

namespace {

constexpr int kMsPerDay = 24 * 3600 * 1000;

// "hhmmss" or "hhmmss.sss" → milliseconds of the day; -1 when malformed.
int msOfDay(QByteArrayView f) {
    if (f.size() < 6)
        return -1;
    bool ok1 = false, ok2 = false, ok3 = false;
    const int h = f.first(2).toInt(&ok1), m = f.sliced(2, 2).toInt(&ok2);
    const double s = f.sliced(4).toDouble(&ok3);
    if (!ok1 || !ok2 || !ok3 || h > 23 || m > 59 || s < 0 || s >= 61)
        return -1;
    return int(h * 3600000 + m * 60000 + std::llround(s * 1000));
}

// "ddmm.mmmm" with N/S, "dddmm.mmmm" with E/W → signed degrees.
std::optional<double> angle(QByteArrayView value, QByteArrayView hemisphere, int degreeDigits) {
    if (value.size() < degreeDigits + 2 || hemisphere.size() != 1)
        return std::nullopt;
    bool ok1 = false, ok2 = false;
    const int degrees = value.first(degreeDigits).toInt(&ok1);
    const double minutes = value.sliced(degreeDigits).toDouble(&ok2);
    if (!ok1 || !ok2 || minutes < 0 || minutes >= 60)
        return std::nullopt;
    const double d = degrees + minutes / 60.0;
    const char h = hemisphere.at(0);
    if (degreeDigits == 2 && (h == 'N' || h == 'S') && d <= 90)
        return h == 'S' ? -d : d;
    if (degreeDigits == 3 && (h == 'E' || h == 'W') && d <= 180)
        return h == 'W' ? -d : d;
    return std::nullopt;
}

double optionalNumber(QByteArrayView f) {
    bool ok = false;
    const double d = f.toDouble(&ok);
    return ok && std::isfinite(d) ? d : NmeaFix::kNone;
}

// A mode indicator (RMC, GLL; each character of GNS's) that is not a measured fix.
bool modeIsNoFix(char mode) {
    return mode == 'N' || mode == 'E' || mode == 'M' || mode == 'S';
}

// The checksum, when the sentence carries one, is the XOR of everything between $ and *.
bool checksumMatches(QByteArrayView body, QByteArrayView given) {
    if (given.isEmpty())
        return true; // optional in NMEA 0183 for most sentences; some receivers omit it
    bool ok = false;
    const uint expected = given.first(std::min<qsizetype>(2, given.size())).toUInt(&ok, 16);
    uchar sum = 0;
    for (char c : body)
        sum ^= uchar(c);
    return ok && sum == expected;
}

} // namespace

std::optional<NmeaFix> NmeaFixDecoder::addSentence(QByteArrayView sentence, qint64 nowMs) {
    sentence = sentence.trimmed();
    if (!sentence.startsWith('$'))
        return std::nullopt; // AIS (!…), garbage or a partial line
    ++m_sentences;
    QByteArrayView body = sentence.sliced(1);
    QByteArrayView checksum;
    if (const qsizetype star = body.lastIndexOf('*'); star >= 0) {
        checksum = body.sliced(star + 1);
        body = body.first(star);
    }
    if (!checksumMatches(body, checksum)) {
        ++m_badSentences;
        return std::nullopt;
    }
    const QList<QByteArrayView> f = [&] {
        QList<QByteArrayView> fields;
        qsizetype start = 0;
        for (qsizetype i = 0; i <= body.size(); ++i)
            if (i == body.size() || body.at(i) == ',') {
                fields << body.sliced(start, i - start);
                start = i + 1;
            }
        return fields;
    }();
    const auto field = [&](int i) { return i < f.size() ? f.at(i) : QByteArrayView(); };
    // "GPRMC", "GNGGA", "BDGSV"…; proprietary ($P…) sentences say nothing about the fix.
    if (f.first().size() != 5 || f.first().startsWith('P'))
        return std::nullopt;
    const QByteArrayView type = f.first().sliced(2);

    int time = -1;
    if (type == "RMC" || type == "GGA" || type == "GNS" || type == "ZDA")
        time = msOfDay(field(1));
    else if (type == "GLL")
        time = msOfDay(field(5));
    else
        return std::nullopt; // GSA, GSV, VTG…: no time, no position of their own
    if (time < 0) {
        ++m_badSentences;
        return std::nullopt;
    }

    std::optional<NmeaFix> judged;
    if (!m_epoch || m_epoch->msOfDay != time) {
        if (m_epoch)
            judged = judge(*m_epoch, nowMs);
        m_epoch = Epoch{};
        m_epoch->msOfDay = time;
    }
    Epoch& e = *m_epoch;
    const auto position = [&](int latField, int lonField) {
        const auto lat = angle(field(latField), field(latField + 1), 2);
        const auto lon = angle(field(lonField), field(lonField + 1), 3);
        if (!lat || !lon) {
            e.invalid = true; // a sentence of the epoch without a usable position
            return;
        }
        if (!e.hasCoordinates) {
            e.hasCoordinates = true;
            e.lat = *lat;
            e.lon = *lon;
        }
    };
    if (type == "RMC") {
        e.invalid |=
            field(2) != "A" || (!field(12).isEmpty() && modeIsNoFix(field(12).at(0))) || field(13) == "V";
        position(3, 5);
        e.speedKnots = optionalNumber(field(7));
        e.course = optionalNumber(field(8));
        const QByteArrayView d = field(9);
        bool ok = d.size() == 6;
        const int day = ok ? d.first(2).toInt(&ok) : 0;
        const int month = ok ? d.sliced(2, 2).toInt(&ok) : 0;
        const int yy = ok ? d.sliced(4, 2).toInt(&ok) : 0;
        if (ok)
            e.date = QDate(yy < 80 ? 2000 + yy : 1900 + yy, month, day);
    } else if (type == "GGA") {
        bool ok = false;
        const int quality = field(6).toInt(&ok);
        e.invalid |= !ok || quality < 1 || quality > 5;
        position(2, 4);
        e.hdop = optionalNumber(field(8));
    } else if (type == "GNS") {
        const QByteArrayView modes = field(6);
        bool measured = false;
        for (char m : modes) {
            e.invalid |= modeIsNoFix(m) && m != 'N'; // N: that constellation is not used
            measured |= !modeIsNoFix(m);
        }
        e.invalid |= !measured || field(13) == "V";
        position(2, 4);
        e.hdop = optionalNumber(field(8));
    } else if (type == "GLL") {
        e.invalid |= field(6) != "A" || (!field(7).isEmpty() && modeIsNoFix(field(7).at(0)));
        position(1, 3);
    } else if (type == "ZDA") {
        bool ok1 = false, ok2 = false, ok3 = false;
        const QDate date(field(4).toInt(&ok3), field(3).toInt(&ok2), field(2).toInt(&ok1));
        if (ok1 && ok2 && ok3)
            e.date = date;
    }
    return judged;
}

std::optional<NmeaFix> NmeaFixDecoder::finishEpoch(qint64 nowMs) {
    if (!m_epoch)
        return std::nullopt;
    const Epoch e = *m_epoch;
    m_epoch.reset();
    return judge(e, nowMs);
}

std::optional<NmeaFix> NmeaFixDecoder::judge(const Epoch& e, qint64 nowMs) {
    // The date: the epoch's own, else the receiver's last one (a day later past midnight),
    // else the day that puts this time of day nearest to the server's clock.
    QDate date = e.date.isValid() ? e.date : m_lastDate;
    if (e.date.isValid()) {
        m_lastDate = e.date;
        m_lastDateMs = e.msOfDay;
    } else if (date.isValid() && e.msOfDay < m_lastDateMs - kMsPerDay / 2) {
        date = date.addDays(1);
    }
    qint64 atMs = 0;
    if (date.isValid()) {
        atMs = QDateTime(date, QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch() + e.msOfDay;
    } else {
        const qint64 midnight = nowMs - nowMs % kMsPerDay;
        atMs = midnight + e.msOfDay;
        if (atMs - nowMs > kMsPerDay / 2)
            atMs -= kMsPerDay;
        else if (nowMs - atMs > kMsPerDay / 2)
            atMs += kMsPerDay;
    }
    if (!e.hasCoordinates && !e.invalid)
        return std::nullopt; // a ZDA alone: a clock, not a fix
    if (e.invalid || !e.hasCoordinates) {
        ++m_epochsWithoutFix;
        return std::nullopt;
    }
    if (atMs <= m_lastFixMs)
        return std::nullopt; // a repeated or replayed epoch
    m_lastFixMs = atMs;
    NmeaFix fix;
    fix.atMs = atMs;
    fix.lat = e.lat;
    fix.lon = e.lon;
    if (!std::isnan(e.speedKnots) && e.speedKnots >= 0)
        fix.speed = e.speedKnots * FeedUnits::kKnotsToMetresPerSecond;
    if (!std::isnan(e.course) && e.course >= 0 && e.course <= 360)
        fix.heading = e.course;
    if (!std::isnan(e.hdop) && e.hdop > 0)
        fix.accuracy = e.hdop * FeedUnits::kMetresPerHdop;
    return fix;
}

} // namespace gc::feed
