#pragma once

#include "gc/feed/NmeaFixDecoder.h"

#include <QObject>
#include <QTcpSocket>
#include <QTimer>

namespace gc::feed {

class FeedPipeline;
struct NmeaFix;

// A GNSS receiver that speaks NMEA 0183 over TCP (a vehicle unit, a serial-to-TCP
// bridge), bound to one worker. Sentences are read line by line and judged per epoch by
// NmeaFixDecoder: only valid fixes go through the feed pipeline, like any other position;
// void, estimated and simulated epochs are counted, never stored. Reconnects every few
// seconds when the link drops.
class NmeaDeviceSource : public QObject {
    Q_OBJECT
public:
    // A receiver sends about once a second; this long without a sentence ends an epoch.
    static constexpr int kQuietMs = 1500;

    NmeaDeviceSource(FeedPipeline& pipeline, qint64 workerId, QObject* parent = nullptr);
    void connectTo(const QString& host, quint16 port);
    qint64 workerId() const { return m_workerId; }
    quint64 stored() const { return m_stored; }
    const NmeaFixDecoder& decoder() const { return m_decoder; }

Q_SIGNALS:
    void positionStored();

private:
    void readSentences();
    void finishEpoch();
    void countEpochsWithoutFix();
    void submit(const NmeaFix& fix);

    FeedPipeline& m_pipeline;
    qint64 m_workerId = 0;
    QString m_host;
    quint16 m_port = 0;
    QTcpSocket m_socket;
    NmeaFixDecoder m_decoder;
    quint64 m_withoutFixCounted = 0;
    QTimer m_reconnect;
    QTimer m_quiet;
    quint64 m_stored = 0;
};

} // namespace gc::feed
