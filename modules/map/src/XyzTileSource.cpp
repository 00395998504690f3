#include "gc/map/XyzTileSource.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace gc::map {

namespace {
constexpr int kFailuresBeforeOffline = 4;
constexpr int kOfflineRetrySeconds = 60;
} // namespace

XyzTileSource::XyzTileSource(const QString& urlTemplate, const QString& cacheDir, QObject* parent)
    : TileSource(parent), m_template(urlTemplate), m_cacheDir(cacheDir),
      m_network(new QNetworkAccessManager(this)) {
    m_network->setTransferTimeout(15000);
}

XyzTileSource::~XyzTileSource() = default;

QString XyzTileSource::urlFor(const TileId& t) const {
    QString url = m_template;
    url.replace(QLatin1String("{z}"), QString::number(t.z));
    url.replace(QLatin1String("{x}"), QString::number(t.x));
    url.replace(QLatin1String("{y}"), QString::number(t.y));
    url.replace(QLatin1String("{-y}"), QString::number((1 << t.z) - 1 - t.y)); // TMS rows
    url.replace(QLatin1String("{s}"), QString::number((t.x + t.y) % 4 + 1));
    return url;
}

QString XyzTileSource::cachePath(const TileId& t) const {
    if (m_cacheDir.isEmpty())
        return {};
    const QString sourceKey = QString::number(qHash(m_template), 16);
    return QStringLiteral("%1/%2/%3/%4/%5.tile").arg(m_cacheDir, sourceKey).arg(t.z).arg(t.x).arg(t.y);
}

bool XyzTileSource::isOffline() const {
    return m_offlineUntil.isValid() && QDateTime::currentDateTimeUtc() < m_offlineUntil;
}

void XyzTileSource::request(const TileId& tile) {
    if (const QString path = cachePath(tile); !path.isEmpty() && QFileInfo::exists(path)) {
        QImage image(path);
        if (!image.isNull()) {
            Q_EMIT tileReady(tile, image);
            return;
        }
    }
    if (m_inFlight.contains(tile) || m_queue.contains(tile))
        return;
    if (isOffline()) {
        Q_EMIT tileFailed(tile);
        return;
    }
    m_queue.append(tile);
    startNext();
}

void XyzTileSource::cancelPending() {
    const QList<TileId> dropped = m_queue;
    m_queue.clear();
    for (const TileId& t : dropped)
        Q_EMIT tileFailed(t);
}

void XyzTileSource::startNext() {
    while (m_inFlight.size() < kMaxParallel && !m_queue.isEmpty()) {
        const TileId tile = m_queue.takeLast(); // newest first: it is what the view shows now
        QNetworkRequest request{QUrl(urlFor(tile))};
        request.setHeader(QNetworkRequest::UserAgentHeader,
                          QStringLiteral("GridCommand/%1 (county grid-management desktop)")
                              .arg(QCoreApplication::applicationVersion()));
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::NoLessSafeRedirectPolicy);
        QNetworkReply* reply = m_network->get(request);
        m_inFlight.insert(tile);
        connect(reply, &QNetworkReply::finished, this, [this, reply, tile] { finished(reply, tile); });
    }
}

void XyzTileSource::finished(QNetworkReply* reply, const TileId& tile) {
    reply->deleteLater();
    m_inFlight.remove(tile);
    QImage image;
    if (reply->error() == QNetworkReply::NoError) {
        const QByteArray bytes = reply->readAll();
        image.loadFromData(bytes);
        if (!image.isNull()) {
            if (const QString path = cachePath(tile); !path.isEmpty()) {
                QDir().mkpath(QFileInfo(path).path());
                QFile f(path);
                if (f.open(QIODevice::WriteOnly))
                    f.write(bytes);
            }
        }
    }
    if (image.isNull()) {
        const bool wasOffline = isOffline();
        if (++m_consecutiveFailures >= kFailuresBeforeOffline && !wasOffline) {
            // Stop asking for a while: one note instead of an error per tile.
            m_offlineUntil = QDateTime::currentDateTimeUtc().addSecs(kOfflineRetrySeconds);
            const QList<TileId> dropped = m_queue;
            m_queue.clear();
            Q_EMIT statusChanged(tr("底图不可用（离线？），%1 秒后重试").arg(kOfflineRetrySeconds));
            for (const TileId& t : dropped)
                Q_EMIT tileFailed(t);
        }
        Q_EMIT tileFailed(tile);
    } else {
        if (m_consecutiveFailures >= kFailuresBeforeOffline)
            Q_EMIT statusChanged(QString());
        m_consecutiveFailures = 0;
        m_offlineUntil = {};
        Q_EMIT tileReady(tile, image);
    }
    startNext();
}

} // namespace gc::map
