#include "gc/feed/NmeaDeviceSource.h"

#include "gc/feed/FeedPipeline.h"

#include <QDateTime>
#include <QGeoPositionInfo>
#include <QLoggingCategory>
#include <QNmeaPositionInfoSource>

Q_DECLARE_LOGGING_CATEGORY(lcFeed)

namespace gc::feed {

NmeaDeviceSource::NmeaDeviceSource(FeedPipeline& pipeline, qint64 workerId, QObject* parent)
    : QObject(parent), m_pipeline(pipeline), m_workerId(workerId), m_socket(this) {
    m_reconnect.setSingleShot(true);
    m_reconnect.setInterval(5000);
    connect(&m_reconnect, &QTimer::timeout, this, [this] { m_socket.connectToHost(m_host, m_port); });
    connect(&m_socket, &QTcpSocket::connected, this, &NmeaDeviceSource::onConnected);
    connect(&m_socket, &QTcpSocket::disconnected, this, [this] {
        delete m_source; // a source reads one device for its whole life: a new link, a new source
        m_reconnect.start();
    });
    connect(&m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        qCWarning(lcFeed) << "NMEA device" << m_host << m_port << m_socket.errorString();
        if (m_socket.state() == QAbstractSocket::UnconnectedState)
            m_reconnect.start();
    });
}

void NmeaDeviceSource::connectTo(const QString& host, quint16 port) {
    m_host = host;
    m_port = port;
    m_socket.connectToHost(host, port);
}

void NmeaDeviceSource::onConnected() {
    delete m_source;
    m_source = new QNmeaPositionInfoSource(QNmeaPositionInfoSource::RealTimeMode, this);
    m_source->setDevice(&m_socket);
    connect(m_source, &QNmeaPositionInfoSource::positionUpdated, this, &NmeaDeviceSource::onPosition);
    m_source->startUpdates();
}

void NmeaDeviceSource::onPosition(const QGeoPositionInfo& info) {
    const QGeoCoordinate c = info.coordinate();
    if (!info.isValid() || !c.isValid())
        return;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    FeedWork work;
    work.workerId = m_workerId;
    work.source = QStringLiteral("nmea");
    FeedMessage& m = work.message;
    m.type = FeedMessageType::Position;
    m.lon = c.longitude();
    m.lat = c.latitude();
    m.hasLocation = true;
    m.at = info.timestamp().isValid() ? info.timestamp().toSecsSinceEpoch() : now;
    if (m.at > now + FeedLimits::kMaxFutureSeconds) {
        m_pipeline.countError(FeedError::FutureTime);
        return; // a receiver with a wrong clock; counted, nobody to answer
    }
    m.live = m.at >= now - FeedLimits::kLiveWindowSeconds;
    if (info.hasAttribute(QGeoPositionInfo::HorizontalAccuracy))
        m.accuracy = info.attribute(QGeoPositionInfo::HorizontalAccuracy);
    if (info.hasAttribute(QGeoPositionInfo::GroundSpeed))
        m.speed = info.attribute(QGeoPositionInfo::GroundSpeed);
    if (info.hasAttribute(QGeoPositionInfo::Direction))
        m.heading = info.attribute(QGeoPositionInfo::Direction);
    if (!m_pipeline.admit(m_workerId))
        return; // counted as rate_limited
    m_pipeline.submit(std::move(work),
                      [this, guard = QPointer<NmeaDeviceSource>(this)](const FeedOutcome& o) {
                          if (guard && o.ok()) {
                              ++m_stored;
                              Q_EMIT positionStored();
                          }
                      });
}

} // namespace gc::feed
