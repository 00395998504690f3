#pragma once

// Helpers shared by the analyst tests: run gridctl and GDAL's command-line tools, make a demo
// county, fingerprint files.

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPointF>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QTest>

namespace gc::test {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

inline Run run(const QString& program, const QStringList& arguments, int timeoutMs = 300000) {
    QProcess p;
    p.start(program, arguments);
    Run r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        r.err = QStringLiteral("timeout or failed to start: %1").arg(program);
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

inline QString gridctlPath() {
    return qEnvironmentVariable("GRIDCTL");
}

inline Run gridctl(const QStringList& arguments) {
    return run(gridctlPath(), arguments);
}

inline Run ogrinfo(const QStringList& arguments) {
    return run(QStandardPaths::findExecutable(QStringLiteral("ogrinfo")), arguments);
}

inline Run ogr2ogr(const QStringList& arguments) {
    return run(QStandardPaths::findExecutable(QStringLiteral("ogr2ogr")), arguments);
}

// A GeoPackage `out` with several layers copied from `county` by ogr2ogr: first the points of
// `pointLevel`'s grids (named "<level>_points"), then the polygon layers `layers`. True on success.
inline bool writeMultiLayerSource(const QString& out, const QString& county, const QString& pointLevel,
                                  const QStringList& layers) {
    if (ogr2ogr({QStringLiteral("-f"), QStringLiteral("GPKG"), out, county, QStringLiteral("-dialect"),
                 QStringLiteral("sqlite"), QStringLiteral("-sql"),
                 QStringLiteral("SELECT code, name, ST_PointOnSurface(geom) AS geom FROM grid_%1")
                     .arg(pointLevel),
                 QStringLiteral("-nln"), pointLevel + QStringLiteral("_points")})
            .exitCode != 0)
        return false;
    for (const QString& layer : layers)
        if (ogr2ogr({QStringLiteral("-update"), out, county, layer}).exitCode != 0)
            return false;
    return true;
}

// "Feature Count: N" of `layer` as ogrinfo reports it; -1 if missing.
inline int featureCount(const QString& path, const QString& layer, const QStringList& extra = {}) {
    const Run r =
        ogrinfo(QStringList{QStringLiteral("-ro"), QStringLiteral("-so")} + extra + QStringList{path, layer});
    const auto m = QRegularExpression(QStringLiteral("Feature Count: (\\d+)")).match(r.out);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

// One value of an OGR SQL (or SQLite-dialect) query through ogrinfo: "name (Type) = value".
inline QString sqlValue(const QString& path, const QString& sql, const QStringList& extra = {}) {
    const Run r = ogrinfo(QStringList{QStringLiteral("-ro"), QStringLiteral("-q")} + extra +
                          QStringList{path, QStringLiteral("-sql"), sql});
    const auto m = QRegularExpression(QStringLiteral("\\) = (.*)")).match(r.out);
    return m.hasMatch() ? m.captured(1).trimmed() : QString();
}

inline QByteArray fingerprint(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

// The lines gridctl itself wrote on stderr ("gridctl VERB: …"), without Qt's environment notices.
inline QStringList gridctlErrorLines(const QString& err) {
    QStringList lines;
    for (const QString& line : err.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        if (line.startsWith(QLatin1String("gridctl ")))
            lines << line;
    return lines;
}

// A GeoPackage geometry blob as SQL hex (GeoPackage 1.3 §2.1.3, written here byte by byte, not by
// the code under test): a one-ring MultiPolygon of `ring` in EPSG:4490, or an empty one. NaN and
// infinity pass through as their IEEE bits, as a broken editor would write them.
inline QString gpkgBlobHex(const QList<QPointF>& ring) {
    QByteArray b("GP", 2);
    b.append(char(0));
    b.append(char(ring.isEmpty() ? 0x11 : 0x01)); // little endian, no envelope (+ empty flag)
    const auto u32 = [&b](quint32 v) { b.append(reinterpret_cast<const char*>(&v), 4); };
    const auto f64 = [&b](double v) { b.append(reinterpret_cast<const char*>(&v), 8); };
    u32(4490);
    b.append(char(1));
    u32(6); // MultiPolygon
    u32(ring.isEmpty() ? 0 : 1);
    if (!ring.isEmpty()) {
        b.append(char(1));
        u32(3); // Polygon
        u32(1);
        u32(quint32(ring.size()));
        for (const QPointF& p : ring) {
            f64(p.x());
            f64(p.y());
        }
    }
    return QStringLiteral("X'%1'").arg(QString::fromLatin1(b.toHex()));
}

// Sets the geometry of feature `fid` of `table` to `sqlValue` (a blob literal or NULL) through
// ogrinfo, i.e. inside GDAL's own connection where the R-tree triggers work: what an edit in
// QGIS leaves behind.
inline bool setGeometry(const QString& gpkg, const QString& table, qint64 fid, const QString& sqlValue) {
    const Run r =
        run(QStandardPaths::findExecutable(QStringLiteral("ogrinfo")),
            {gpkg, QStringLiteral("-q"), QStringLiteral("-sql"),
             QStringLiteral("UPDATE %1 SET geom = %2 WHERE fid = %3").arg(table, sqlValue).arg(fid)});
    if (r.exitCode != 0)
        qWarning("ogrinfo UPDATE failed: %s", qPrintable(r.err));
    return r.exitCode == 0;
}

// Every non-empty stderr line that is not a Qt environment notice.
inline QStringList stderrLines(const QString& err) {
    QStringList lines;
    for (const QString& line : err.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        if (!line.startsWith(QLatin1String("QStandardPaths:")))
            lines << line;
    return lines;
}

inline bool toolsAvailable() {
    return !gridctlPath().isEmpty() && !QStandardPaths::findExecutable(QStringLiteral("ogrinfo")).isEmpty() &&
           !QStandardPaths::findExecutable(QStringLiteral("ogr2ogr")).isEmpty();
}

// What the analyst suites need and cannot find, for the failure message: a missing tool fails
// the suite (ctest must not say "Passed" for tests that never ran). Empty when all is there.
inline QString missingTools() {
    QStringList missing;
    if (gridctlPath().isEmpty() || !QFileInfo(gridctlPath()).isExecutable())
        missing << QStringLiteral("gridctl ($GRIDCTL)");
    for (const char* tool : {"ogrinfo", "ogr2ogr"})
        if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty())
            missing
                << QStringLiteral("%1 (Debian package gdal-bin, installed by scripts/setup.sh)").arg(tool);
    return missing.join(QStringLiteral(", "));
}

// The 1,035-grid demo county, as the acceptance checks use it.
inline bool makeDemo(const QString& path, int grids = 1035) {
    const Run r = gridctl({QStringLiteral("demo"), QStringLiteral("--out"), path, QStringLiteral("--grids"),
                           QString::number(grids), QStringLiteral("--seed"), QStringLiteral("7"),
                           QStringLiteral("--quiet")});
    if (r.exitCode != 0)
        qWarning("gridctl demo failed: %s", qPrintable(r.err));
    return r.exitCode == 0;
}

} // namespace gc::test
