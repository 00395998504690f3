// Basemap tiles: MBTiles files the test writes itself (SQLite), the memory cache with the
// parent tile standing in for missing children, and a polite, quiet XYZ source offline.
#include "gc/map/MbTilesSource.h"
#include "gc/map/TileCache.h"
#include "gc/map/XyzTileSource.h"

#include <QBuffer>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace gc::map;

namespace {

QByteArray png(QColor colour) {
    QImage image(256, 256, QImage::Format_RGB32);
    image.fill(colour);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

// An MBTiles file with the given XYZ tiles (stored in TMS rows, as the spec says).
bool writeMbTiles(const QString& path, const QList<QPair<TileId, QColor>>& tiles) {
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("writer"));
        db.setDatabaseName(path);
        ok = db.open();
        QSqlQuery q(db);
        ok = ok && q.exec(QStringLiteral("CREATE TABLE metadata (name TEXT, value TEXT)"));
        ok = ok &&
             q.exec(QStringLiteral("INSERT INTO metadata VALUES ('name', '测试底图'), ('format', 'png')"));
        ok = ok && q.exec(QStringLiteral("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, "
                                         "tile_row INTEGER, tile_data BLOB)"));
        for (const auto& [t, colour] : tiles) {
            q.prepare(QStringLiteral("INSERT INTO tiles VALUES (?, ?, ?, ?)"));
            q.addBindValue(t.z);
            q.addBindValue(t.x);
            q.addBindValue((1 << t.z) - 1 - t.y);
            q.addBindValue(png(colour));
            ok = ok && q.exec();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("writer"));
    return ok;
}

} // namespace

class TestMapTiles : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void readsMbTilesInTmsOrder() {
        const QString path = m_dir.filePath(QStringLiteral("a.mbtiles"));
        QVERIFY(writeMbTiles(path, {{TileId{1, 0, 0}, Qt::red}, {TileId{1, 0, 1}, Qt::blue}}));
        QString error;
        auto source = MbTilesSource::open(path, &error);
        QVERIFY2(source, qPrintable(error));
        QCOMPARE(source->name(), QStringLiteral("测试底图"));
        QCOMPARE(source->maxZoom(), 1);
        QCOMPARE(QColor(source->tile(TileId{1, 0, 0}).pixel(5, 5)), QColor(Qt::red));  // north-west
        QCOMPARE(QColor(source->tile(TileId{1, 0, 1}).pixel(5, 5)), QColor(Qt::blue)); // south-west
        QSignalSpy failed(source.get(), &TileSource::tileFailed);
        source->request(TileId{1, 1, 1});
        QCOMPARE(failed.count(), 1);
    }

    void refusesWhatIsNotMbTiles() {
        const QString path = m_dir.filePath(QStringLiteral("not.mbtiles"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is not sqlite");
        f.close();
        QString error;
        QVERIFY(!MbTilesSource::open(path, &error));
        QVERIFY(error.contains(path));
        QVERIFY(!MbTilesSource::open(m_dir.filePath(QStringLiteral("missing.mbtiles")), &error));
    }

    void parentStandsInWhileChildrenAreMissing() {
        const QString path = m_dir.filePath(QStringLiteral("b.mbtiles"));
        // Zoom 1 everywhere; zoom 2 only for the north-west child of the north-west tile.
        QVERIFY(writeMbTiles(path, {{TileId{1, 0, 0}, Qt::red},
                                    {TileId{1, 1, 0}, Qt::green},
                                    {TileId{1, 0, 1}, Qt::blue},
                                    {TileId{1, 1, 1}, Qt::yellow},
                                    {TileId{2, 0, 0}, Qt::magenta}}));
        QString error;
        auto source = MbTilesSource::open(path, &error);
        QVERIFY(source);
        TileCache cache;
        cache.setSource(std::move(source));
        // A view at zoom 2 over the whole north-west quarter of the world (tiles 0..1 × 0..1).
        const QRectF nw = tileBounds(TileId{1, 0, 0});
        const MapViewport vp(nw.center(), MapViewport::kZoom0Resolution / 4, QSize(512, 512));
        QCOMPARE(cache.tileZoom(vp), 2);
        bool complete = true;
        QImage image = cache.compose(vp, &complete);
        QVERIFY(!complete);                                           // three children are missing
        QCOMPARE(QColor(image.pixel(100, 100)), QColor(Qt::magenta)); // the child that exists
        QCOMPARE(QColor(image.pixel(400, 100)), QColor(Qt::red));     // parent, scaled, for a missing child
        QCOMPARE(QColor(image.pixel(400, 400)), QColor(Qt::red));
        // Asking again does not storm the source: failed tiles are remembered.
        image = cache.compose(vp, &complete);
        QCOMPARE(QColor(image.pixel(400, 400)), QColor(Qt::red));
    }

    void xyzUrlTemplate() {
        XyzTileSource source(QStringLiteral("https://t{s}.example.org/{z}/{x}/{y}.png?tms={-y}"), QString());
        QCOMPARE(source.urlFor(TileId{3, 5, 2}), QStringLiteral("https://t4.example.org/3/5/2.png?tms=5"));
    }

    void offlineIsOneQuietNote() {
        // Nothing listens on port 9 of the loopback: every request fails quickly.
        XyzTileSource source(QStringLiteral("http://127.0.0.1:9/{z}/{x}/{y}.png"),
                             m_dir.filePath(QStringLiteral("c")));
        QSignalSpy status(&source, &TileSource::statusChanged);
        QSignalSpy failed(&source, &TileSource::tileFailed);
        for (int x = 0; x < 12; ++x)
            source.request(TileId{4, x, 3});
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 12, 10000);
        QCOMPARE(status.count(), 1); // one note, not twelve errors
        QVERIFY(source.isOffline());
        // While offline, new requests fail at once without touching the network.
        source.request(TileId{5, 1, 1});
        QCOMPARE(failed.count(), 13);
    }

    void diskCacheServesWithoutNetwork() {
        const QString cacheDir = m_dir.filePath(QStringLiteral("d"));
        const QString url = QStringLiteral("http://127.0.0.1:9/{z}/{x}/{y}.png");
        XyzTileSource source(url, cacheDir);
        // Put a tile where the source keeps it, as an earlier online session would have.
        const QString sourceKey = QString::number(qHash(url), 16);
        QDir().mkpath(cacheDir + QStringLiteral("/") + sourceKey + QStringLiteral("/3/1"));
        QFile f(cacheDir + QStringLiteral("/") + sourceKey + QStringLiteral("/3/1/2.tile"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(png(Qt::cyan));
        f.close();
        QSignalSpy ready(&source, &TileSource::tileReady);
        source.request(TileId{3, 1, 2});
        QCOMPARE(ready.count(), 1);
    }
};

QTEST_MAIN(TestMapTiles)
#include "test_map_tiles.moc"
