#include "gc/feed/NmeaDeviceSource.h"

#include "gc/feed/FeedPipeline.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QPointer>
#include <cmath>

Q_DECLARE_LOGGING_CATEGORY(lcFeed)

namespace gc::feed {

namespace {
// NMEA sentences are at most 82 characters; a longer line is not NMEA and is skipped.
constexpr qint64 kMaxLineBytes = 1024;
} // namespace

NmeaDeviceSource::NmeaDeviceSource(FeedPipeline& pipeline, qint64 workerId, QObject* parent)
    : QObject(parent), m_pipeline(pipeline), m_workerId(workerId), m_socket(this) {
    m_reconnect.setSingleShot(true);
    m_reconnect.setInterval(5000);
    connect(&m_reconnect, &QTimer::timeout, this, [this] { m_socket.connectToHost(m_host, m_port); });
    m_quiet.setSingleShot(true);
    m_quiet.setInterval(kQuietMs);
    connect(&m_quiet, &QTimer::timeout, this, &NmeaDeviceSource::finishEpoch);
    connect(&m_socket, &QTcpSocket::readyRead, this, &NmeaDeviceSource::readSentences);
    connect(&m_socket, &QTcpSocket::disconnected, this, [this] {
        readSentences(); // what arrived with the close
        finishEpoch();
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

void NmeaDeviceSource::readSentences() {
    bool any = false;
    while (m_socket.canReadLine() || m_socket.bytesAvailable() > kMaxLineBytes) {
        const QByteArray line = m_socket.readLine(kMaxLineBytes);
        if (line.isEmpty())
            break;
        any = true;
        if (const auto fix = m_decoder.addSentence(line, QDateTime::currentMSecsSinceEpoch()))
            submit(*fix);
    }
    if (any)
        m_quiet.start();
    countEpochsWithoutFix();
}

void NmeaDeviceSource::finishEpoch() {
    m_quiet.stop();
    if (const auto fix = m_decoder.finishEpoch(QDateTime::currentMSecsSinceEpoch()))
        submit(*fix);
    countEpochsWithoutFix();
}

void NmeaDeviceSource::countEpochsWithoutFix() {
    for (; m_withoutFixCounted < m_decoder.epochsWithoutFix(); ++m_withoutFixCounted)
        m_pipeline.countWithoutFix();
}

void NmeaDeviceSource::submit(const NmeaFix& fix) {
    constexpr qint64 kYear2000 = 946684800;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    FeedWork work;
    work.workerId = m_workerId;
    work.source = QStringLiteral("nmea");
    FeedMessage& m = work.message;
    m.type = FeedMessageType::Position;
    m.lon = fix.lon;
    m.lat = fix.lat;
    m.hasLocation = true;
    m.at = qint64(std::floor(fix.atMs / 1000.0));
    // A receiver with a wrong clock, or dating itself before 2000 after a GPS week roll-over:
    // counted, nobody to answer.
    if (m.at > now + FeedLimits::kMaxFutureSeconds) {
        m_pipeline.countError(FeedError::FutureTime);
        return;
    }
    if (m.at < kYear2000) {
        m_pipeline.countError(FeedError::OutOfRange);
        return;
    }
    m.live = m.at >= now - FeedLimits::kLiveWindowSeconds;
    m.accuracy = fix.accuracy;
    m.speed = fix.speed;
    m.heading = fix.heading;
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
