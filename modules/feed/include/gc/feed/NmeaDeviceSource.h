#pragma once

#include <QObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

class QNmeaPositionInfoSource;
class QGeoPositionInfo;

namespace gc::feed {

class FeedPipeline;

// A GNSS receiver that speaks NMEA 0183 over TCP (a vehicle unit, a serial-to-TCP
// bridge), bound to one worker. Sentences are decoded by QtPositioning's
// QNmeaPositionInfoSource reading the socket; fixes go through the feed pipeline like
// any other position. Reconnects every few seconds when the link drops.
class NmeaDeviceSource : public QObject {
    Q_OBJECT
public:
    NmeaDeviceSource(FeedPipeline& pipeline, qint64 workerId, QObject* parent = nullptr);
    void connectTo(const QString& host, quint16 port);
    qint64 workerId() const { return m_workerId; }
    quint64 stored() const { return m_stored; }

Q_SIGNALS:
    void positionStored();

private:
    void onConnected();
    void onPosition(const QGeoPositionInfo& info);

    FeedPipeline& m_pipeline;
    qint64 m_workerId = 0;
    QString m_host;
    quint16 m_port = 0;
    QTcpSocket m_socket;
    QPointer<QNmeaPositionInfoSource> m_source;
    QTimer m_reconnect;
    quint64 m_stored = 0;
};

} // namespace gc::feed
