#pragma once

// NMEA 0183 sentences to fixes, keeping only valid ones. A receiver reports each epoch (one
// time of day) in several sentences (RMC, GGA, GLL, GNS, ZDA…); the epoch is judged when the
// next one begins or the link goes quiet. It is a fix only when it has coordinates and none of
// its sentences says otherwise: RMC/GLL status A, RMC/GLL/GNS mode not N (no fix), E
// (estimated, dead reckoning), M (manual) or S (simulator), NMEA 4.1 navigation status not V,
// GGA quality 1–5 (not 0 none, 6 estimated, 7 manual, 8 simulator). A void or simulated
// "position" is a receiver repeating its last guess or a demo; stored, it would be false
// evidence of where a worker was. Pure: no I/O, no clock of its own.

#include <QByteArrayView>
#include <QDate>
#include <limits>
#include <optional>

namespace gc::feed {

struct NmeaFix {
    static constexpr double kNone = std::numeric_limits<double>::quiet_NaN();
    qint64 atMs = 0; // UTC epoch milliseconds
    double lat = 0, lon = 0;
    double speed = kNone;    // m/s
    double heading = kNone;  // degrees, true
    double accuracy = kNone; // metres, from HDOP
};

class NmeaFixDecoder {
public:
    // One sentence ("$GPRMC,…*hh", line end optional). When it begins a new epoch, the previous
    // one is judged and returned if it was a valid fix. `nowMs` (UTC epoch ms) dates sentences
    // of a receiver that never sends a date.
    std::optional<NmeaFix> addSentence(QByteArrayView sentence, qint64 nowMs);
    // The link went quiet or closed: judges the epoch in progress.
    std::optional<NmeaFix> finishEpoch(qint64 nowMs);

    quint64 sentences() const { return m_sentences; }
    quint64 badSentences() const { return m_badSentences; } // checksum or field errors
    quint64 epochsWithoutFix() const { return m_epochsWithoutFix; }

private:
    struct Epoch {
        int msOfDay = -1;
        bool invalid = false;
        bool hasCoordinates = false;
        double lat = 0, lon = 0;
        double speedKnots = NmeaFix::kNone, course = NmeaFix::kNone, hdop = NmeaFix::kNone;
        QDate date; // when a sentence of this epoch carries one (RMC, ZDA)
    };
    std::optional<NmeaFix> judge(const Epoch& e, qint64 nowMs);

    std::optional<Epoch> m_epoch;
    QDate m_lastDate;      // the receiver's last date…
    int m_lastDateMs = -1; // …and the time of day it came with (for the midnight roll-over)
    qint64 m_lastFixMs = std::numeric_limits<qint64>::min(); // fixes only move forward
    quint64 m_sentences = 0;
    quint64 m_badSentences = 0;
    quint64 m_epochsWithoutFix = 0;
};

} // namespace gc::feed
