#include "gc/map/MbTilesSource.h"

#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace gc::map {

MbTilesSource::MbTilesSource(QObject* parent) : TileSource(parent) {}

MbTilesSource::~MbTilesSource() {
    if (!m_connection.isEmpty()) {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

std::unique_ptr<MbTilesSource> MbTilesSource::open(const QString& path, QString* error, QObject* parent) {
    QString localError;
    if (!error)
        error = &localError;
    if (!QFileInfo(path).isFile()) {
        *error = tr("MBTiles 文件不存在：%1").arg(path);
        return nullptr;
    }
    std::unique_ptr<MbTilesSource> source(new MbTilesSource(parent));
    source->m_connection = QStringLiteral("gc_mbtiles_") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), source->m_connection);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        QSqlQuery q(db);
        if (!db.open() || !q.exec(QStringLiteral("SELECT count(*) FROM tiles")) || !q.next()) {
            *error = tr("不是可读的 MBTiles 文件：%1").arg(path);
            return nullptr;
        }
        source->m_name = QFileInfo(path).completeBaseName();
        QSqlQuery meta(db);
        if (meta.exec(QStringLiteral("SELECT name, value FROM metadata"))) {
            while (meta.next()) {
                const QString key = meta.value(0).toString();
                if (key == QLatin1String("name"))
                    source->m_name = meta.value(1).toString();
                else if (key == QLatin1String("minzoom"))
                    source->m_minZoom = meta.value(1).toInt();
                else if (key == QLatin1String("maxzoom"))
                    source->m_maxZoom = meta.value(1).toInt();
            }
        }
        QSqlQuery range(db);
        if (range.exec(QStringLiteral("SELECT min(zoom_level), max(zoom_level) FROM tiles")) &&
            range.next() && !range.value(0).isNull()) {
            source->m_minZoom = range.value(0).toInt();
            source->m_maxZoom = range.value(1).toInt();
        }
    }
    return source;
}

QImage MbTilesSource::tile(const TileId& t) const {
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral(
        "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?"));
    q.addBindValue(t.z);
    q.addBindValue(t.x);
    q.addBindValue((1 << t.z) - 1 - t.y); // MBTiles rows count from the south (TMS)
    if (!q.exec() || !q.next())
        return {};
    return QImage::fromData(q.value(0).toByteArray());
}

void MbTilesSource::request(const TileId& t) {
    const QImage image = (t.z >= m_minZoom && t.z <= m_maxZoom) ? tile(t) : QImage();
    if (image.isNull())
        Q_EMIT tileFailed(t);
    else
        Q_EMIT tileReady(t, image);
}

} // namespace gc::map
