// Basemap tiles: MBTiles files the test writes itself (SQLite), the memory cache with the
// parent tile standing in for missing children, and a polite, quiet XYZ source offline.
#include "gc/map/MbTilesSource.h"
#include "gc/map/TileCache.h"
#include "gc/map/XyzTileSource.h"

#include <QBuffer>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
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

// A real HTTP tile server on the loopback that counts every request it gets, per path.
// It serves the tiles it has (PNG, 200) and answers 404 for the others, over keep-alive
// connections as QNetworkAccessManager uses them.
class CountingTileServer : public QObject {
public:
    explicit CountingTileServer(QHash<QString, QByteArray> tiles) : m_tiles(std::move(tiles)) {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { serve(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server.serverPort(); }
    QHash<QString, int> requests; // path -> how often it was asked for
    int total() const {
        int n = 0;
        for (int c : requests)
            n += c;
        return n;
    }

private:
    void serve(QTcpSocket* socket) {
        QByteArray& buffer = m_buffers[socket];
        buffer += socket->readAll();
        for (qsizetype end = buffer.indexOf("\r\n\r\n"); end >= 0; end = buffer.indexOf("\r\n\r\n")) {
            const QByteArray head = buffer.left(end);
            buffer.remove(0, end + 4);
            const QList<QByteArray> requestLine = head.left(head.indexOf("\r\n")).split(' ');
            const QString path = QString::fromLatin1(requestLine.value(1));
            ++requests[path];
            const auto it = m_tiles.constFind(path);
            const QByteArray body = it != m_tiles.cend() ? *it : QByteArray();
            socket->write((it != m_tiles.cend() ? QByteArray("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n")
                                                : QByteArray("HTTP/1.1 404 Not Found\r\n")) +
                          "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        }
    }
    QTcpServer m_server;
    QHash<QString, QByteArray> m_tiles;
    QHash<QTcpSocket*, QByteArray> m_buffers;
};

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

    // Redrawing a view many times asks the server once per tile: tiles it has are kept, tiles
    // it lacks (404) are remembered as failed, and the parent standing in is fetched once.
    // Counted by a real HTTP server, not assumed.
    void xyzSourceIsAskedOncePerTile() {
        // A view of 500 pixels at zoom 10 centred where the four children of tile 9/420/200
        // meet: those four tiles are visible; the server has the north-west one and the parent.
        CountingTileServer server({{QStringLiteral("/10/840/400.png"), png(Qt::magenta)},
                                   {QStringLiteral("/9/420/200.png"), png(Qt::red)}});
        QVERIFY(server.listen());
        TileCache cache;
        cache.setSource(std::make_unique<XyzTileSource>(
            QStringLiteral("http://127.0.0.1:%1/{z}/{x}/{y}.png").arg(server.port()), QString()));
        const MapViewport vp(tileBounds(TileId{9, 420, 200}).center(), MapViewport::kZoom0Resolution / 1024,
                             QSize(500, 500));
        QCOMPARE(cache.tileZoom(vp), 10);
        bool complete = true;
        // The first frame asks for the four tiles of the view and their parent.
        (void)cache.compose(vp, &complete);
        QVERIFY(!complete);
        QTRY_COMPARE_WITH_TIMEOUT(server.total(), 5, 10000);
        QTest::qWait(200); // let the answers arrive
        // Then many frames, as panning by a pixel or an overlay update redraws.
        QImage image;
        for (int frame = 0; frame < 30; ++frame) {
            image = cache.compose(vp, &complete);
            QTest::qWait(10);
        }
        QTest::qWait(300); // anything asked for by now has reached the server
        QCOMPARE(server.total(), 5);
        for (const char* path :
             {"/10/840/400.png", "/10/841/400.png", "/10/840/401.png", "/10/841/401.png", "/9/420/200.png"})
            QVERIFY2(server.requests.value(QLatin1String(path)) == 1,
                     qPrintable(QStringLiteral("%1 asked %2 times")
                                    .arg(QLatin1String(path))
                                    .arg(server.requests.value(QLatin1String(path)))));
        QVERIFY(!complete);                                           // three tiles are missing on the server
        QCOMPARE(QColor(image.pixel(100, 100)), QColor(Qt::magenta)); // the tile the server has
        QCOMPARE(QColor(image.pixel(400, 400)), QColor(Qt::red));     // its parent, scaled, for the others
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
